/* fuzz-load.c - libFuzzer target: arbitrary bytes as one group file of a small data set,
 * through the whole loader and the checks.
 *
 * The data set (site.yaml, networks.yaml) is written once to a private temporary folder;
 * each input replaces groups/fuzz.yaml. The loader must never crash, hang or leak, and
 * must report a problem for anything that is not a valid group.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdint.h>

#include "model/check.h"
#include "model/load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char site_yaml[] =
  "organisation: {fr: Relais, nl: Relais}\n"
  "contact: {phone: 02 000 00 00, email: info@example.org}\n"
  "languages: [fr, nl]\n"
  "default_language: fr\n"
  "editions:\n"
  "  - id: brussels\n"
  "    name: {fr: Bruxelles, nl: Brussel}\n"
  "    networks: [brumenta]\n"
  "    languages: [fr, nl]\n";

static const char networks_yaml[] =
  "networks:\n"
  "  - id: brumenta\n"
  "    name: Brumenta\n"
  "    region: brussels\n"
  "    coverage: []\n";

static char *data_dir; /* the fuzzer's data set; lives as long as the process */

static void setup_once(void)
{
  if (data_dir)
    return;
  g_autoptr(GError) err = NULL;
  data_dir = g_dir_make_tmp("relais-fuzz-XXXXXX", &err);
  g_assert_no_error(err);
  g_autofree char *groups = g_build_filename(data_dir, "groups", NULL);
  g_autofree char *site = g_build_filename(data_dir, "site.yaml", NULL);
  g_autofree char *networks = g_build_filename(data_dir, "networks.yaml", NULL);
  g_assert_cmpint(g_mkdir(groups, 0700), ==, 0);
  g_assert_true(g_file_set_contents(site, site_yaml, -1, NULL));
  g_assert_true(g_file_set_contents(networks, networks_yaml, -1, NULL));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  setup_once();
  g_autofree char *group = g_build_filename(data_dir, "groups", "fuzz.yaml", NULL);
  if (!g_file_set_contents(group, (const char *)data, (gssize)size, NULL))
    return 0;
  DiagList *dl = diag_list_new();
  RlModel *m = load_model(data_dir, data_dir, dl);
  if (!diag_has_errors(dl)) {
    GDate today;
    g_date_clear(&today, 1);
    g_date_set_dmy(&today, 25, G_DATE_NOVEMBER, 2026);
    check_model(m, &today, dl);
  }
  /* Every diagnostic must format (positions, UTF-8 subjects quoted). */
  diag_sort(dl);
  for (guint i = 0; i < diag_len(dl); i++) {
    char *s = diag_format(diag_at(dl, i));
    g_assert_true(g_utf8_validate(s, -1, NULL));
    g_free(s);
  }
  model_free(m);
  diag_list_free(dl);
  return 0;
}
