/* test-poster.c - the region poster on a hand-built model: page size, tags, /Lang, fonts,
 * the QR code read back by zbarimg, the highlighted area in the rendered pixels, every
 * group listed (continuation pages, nothing cut), the unknown-area case, the preflight.
 *
 * PDF checks run the shared shell helpers of tests/pdfcheck.sh. */
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout/fonts.h"
#include "render/render.h"
#include "belgium-spec.h"

static char *out_dir;
static RlModel *model;
static RlFonts *fonts;

static char *src_path(const char *rel)
{
  const char *src = g_getenv("SRCDIR");
  return g_build_filename(src ? src : ".", rel, NULL);
}

/* ---- the model ----------------------------------------------------------------------- */

static void text_set(RlText *t, const char *fr, const char *nl)
{
  t->v[RL_LANG_FR] = g_strdup(fr);
  t->v[RL_LANG_NL] = g_strdup(nl ? nl : fr);
}

static RlNetwork *add_network(RlModel *m, const char *id, const char *name, const char *code,
                              const char *web)
{
  RlNetwork *n = network_new();
  n->rec.id = g_strdup(id);
  n->rec.digest = g_strdup(id);
  text_set(&n->name, name, NULL);
  n->languages = (1u << RL_LANG_FR) | (1u << RL_LANG_NL);
  if (code)
    g_ptr_array_add(n->coverage, g_strdup(code));
  n->contact.website = g_strdup(web);
  g_ptr_array_add(m->networks, n);
  return n;
}

static void add_group(RlModel *m, const RlNetwork *n, int i, const char *city, double lat,
                      double lon)
{
  RlGroup *g = group_new();
  g->rec.id = g_strdup_printf("%s-%02d", n->rec.id, i);
  g->rec.digest = g_strdup(g->rec.id);
  g->name.v[RL_LANG_FR] = g_strdup_printf("Groupe de parole numéro %d", i);
  g->name.v[RL_LANG_NL] = g_strdup_printf("Praatgroep nummer %d", i);
  g->schedule.days = 1u << (i % 7);
  g->schedule.start_min = 14 * 60;
  g->schedule.end_min = 16 * 60;
  g->schedule.frequency = (RlFrequency)(i % 3);
  g->place.city = g_strdup(city);
  g->place.has_coords = lat != 0;
  g->place.lat = lat, g->place.lon = lon;
  g->contact.phone = g_strdup_printf("02 000 00 %02d", i);
  g->network_id = g_strdup(n->rec.id);
  g->network = n;
  g_ptr_array_add(m->groups, g);
}

static RlModel *make_model(void)
{
  RlModel *m = model_new("test");
  text_set(&m->site.organisation, "Relais", NULL);
  text_set(&m->site.tagline, "Vous n'êtes pas seul. Il y a un groupe près de chez vous.",
           "U staat er niet alleen voor. Er is een groep bij u in de buurt.");
  m->site.contact.phone = g_strdup("02 000 00 00");
  m->site.contact.email = g_strdup("info@example.org");
  m->site.contact.website = g_strdup("https://example.org");
  m->site.languages = (1u << RL_LANG_FR) | (1u << RL_LANG_NL);
  m->site.default_language = RL_LANG_FR;
  m->site.digest = g_strdup("site");
  g_date_set_dmy(&m->site.checked, 25, 11, 2026);
  m->map = belgium_spec();
  RlNetwork *bru = add_network(m, "brumenta", "Brumenta", "21000", "https://www.brumenta.be");
  static const struct { const char *city; double lat, lon; } places[] = {
    {"Anderlecht", 50.8365, 4.3085}, {"Bruxelles", 50.8467, 4.3525}, {"Ixelles", 50.8275, 4.3697},
    {"Schaerbeek", 50.8676, 4.3737}, {"Uccle", 50.8020, 4.3370}, {"Jette", 50.8780, 4.3260},
    {"Etterbeek", 50.8360, 4.3890}, {"Forest", 50.8110, 4.3200}, {"Evere", 50.8700, 4.4020},
    {"Molenbeek", 50.8550, 4.3300}, {"Woluwe", 50.8450, 4.4300}, {"Auderghem", 50.8150, 4.4280},
    {"Bruxelles", 50.8468, 4.3526}};
  for (guint i = 0; i < G_N_ELEMENTS(places); i++)
    add_group(m, bru, (int)i + 1, places[i].city, places[i].lat, places[i].lon);
  RlNetwork *unk = add_network(m, "sara", "Netwerk SaRA", NULL, "https://netwerksara.be");
  add_group(m, unk, 1, "Antwerpen", 51.2194, 4.4025);
  /* A web address too wide for the column beside the QR code on one line. */
  RlNetwork *lng = add_network(m, "entraide", "Entraide", "21000",
                               "https://entraide-bruxelles.example/groupes-de-parole");
  add_group(m, lng, 1, "Ixelles", 50.8275, 4.3697);
  return m;
}

/* ---- running ------------------------------------------------------------------------- */

/* Renders the network's poster in lang into out_dir; returns its path (g_free). */
static bool press; /* render with --press */

static char *render_network(const char *id, RlLang lang, DiagList *dl, const char *thumb)
{
  const RlRenderer *r = render_find("poster");
  g_assert_nonnull(r);
  RlRenderOptions opt = {.source_date_epoch = 1795000000, .press = press};
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func(job_free);
  r->plan(model, &opt, jobs);
  g_autofree char *want = g_strdup_printf("poster/%s-%s.pdf", id, lang_code(lang));
  for (guint i = 0; i < jobs->len; i++) {
    RlJob *job = g_ptr_array_index(jobs, i);
    if (strcmp(job->out, want) != 0)
      continue;
    g_assert_cmpuint(job->inputs->len, >, 2);
    char *path = g_strdup_printf("%s/%s-%s.pdf", out_dir, id, lang_code(lang));
    RlRenderEnv env = {.opt = &opt, .diags = dl, .fonts = fonts};
    GError *err = NULL;
    gboolean ok = r->render(job, model, &env, path, thumb, &err);
    g_datalist_clear(&env.kept);
    if (!ok) {
      diag_print(dl, stderr);
      g_error("render %s: %s", want, err ? err->message : "?");
    }
    return path;
  }
  g_error("no job %s", want);
  return NULL;
}

/* Runs a shell snippet with tests/pdfcheck.sh loaded; returns its exit status == 0 and
 * its stdout in *out (when out is not NULL). */
static gboolean sh(char **out, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
static gboolean sh(char **out, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  g_autofree char *body = g_strdup_vprintf(fmt, ap);
  va_end(ap);
  g_autofree char *lib = src_path("tests/pdfcheck.sh");
  g_autofree char *script = g_strdup_printf(". '%s'\n%s", lib, body);
  const char *argv[] = {"bash", "-c", script, NULL};
  int status = 0;
  g_autofree char *err = NULL;
  gboolean ran = g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out,
                              &err, &status, NULL);
  if (err && *err)
    g_test_message("%s", err);
  return ran && g_spawn_check_wait_status(status, NULL);
}

/* Share of pixels of page 1 (rendered at 20 dpi) within ±24 of colour rgb (0..255). */
static double colour_share(const char *pdf, int r, int g, int b)
{
  g_autofree char *ppm = NULL;
  gsize len = 0;
  g_autofree char *cmd = g_strdup_printf("pdftoppm -r 20 -f 1 -l 1 -singlefile '%s' '%s/p'",
                                         pdf, out_dir);
  g_assert_true(g_spawn_command_line_sync(cmd, NULL, NULL, NULL, NULL));
  g_autofree char *path = g_strdup_printf("%s/p.ppm", out_dir);
  g_assert_true(g_file_get_contents(path, &ppm, &len, NULL));
  int w = 0, h = 0, max = 0, off = 0;
  g_assert_cmpint(sscanf(ppm, "P6 %d %d %d%n", &w, &h, &max, &off), ==, 3);
  const guchar *px = (const guchar *)ppm + off + 1;
  int hits = 0;
  for (int i = 0; i < w * h; i++)
    hits += abs(px[3 * i] - r) <= 24 && abs(px[3 * i + 1] - g) <= 24 && abs(px[3 * i + 2] - b) <= 24;
  g_remove(path);
  return (double)hits / (w * h);
}

/* ---- tests --------------------------------------------------------------------------- */

static void test_brussels(void)
{
  DiagList *dl = diag_list_new();
  g_autofree char *thumb = g_strdup_printf("%s/brumenta-fr.png", out_dir);
  g_autofree char *pdf = render_network("brumenta", RL_LANG_FR, dl, thumb);
  g_assert_cmpuint(diag_count(dl, DIAG_ERROR), ==, 0);
  g_assert_true(sh(NULL, "pdf_page_size '%s' 842 1191", pdf)); /* A3 portrait */
  g_assert_true(sh(NULL, "pdf_tagged '%s'", pdf));
  g_assert_true(sh(NULL, "pdf_has_lang '%s' fr-BE", pdf));
  g_assert_true(sh(NULL, "pdf_fonts_embedded '%s'", pdf));
  g_assert_true(sh(NULL, "pdf_qpdf_ok '%s'", pdf));
  g_autofree char *fontlist = NULL;
  g_assert_true(sh(&fontlist, "pdffonts '%s'", pdf));
  g_assert_nonnull(strstr(fontlist, "TiresiasSignfont"));
  /* Nothing under 28 pt; the title at least 72 pt. */
  g_autofree char *min = NULL;
  g_assert_true(sh(&min, "pdf_min_font_size '%s'", pdf));
  g_assert_cmpfloat(g_ascii_strtod(min, NULL), >=, 27.9);
  g_autofree char *title = NULL;
  g_assert_true(sh(&title, "pdf_text_sizes '%s' | grep -m1 ' Brumenta$'", pdf));
  g_assert_cmpfloat(g_ascii_strtod(strchr(title, ' ') + 1, NULL), >=, 72);
  /* The QR code reads back as the URL printed beside it. */
  g_autofree char *qr = NULL;
  g_assert_true(sh(&qr, "pdf_qr_decodes '%s' 1", pdf));
  g_assert_cmpstr(g_strstrip(qr), ==, "https://www.brumenta.be");
  g_autofree char *text = NULL;
  g_assert_true(sh(&text, "pdftotext -layout '%s' -", pdf));
  g_assert_nonnull(strstr(text, "www.brumenta.be")); /* printed without https:// */
  g_assert_null(strstr(text, "https://"));
  g_assert_nonnull(strstr(text, "Vous n'êtes pas seul."));
  /* The legend names the area (beside a tall close-up its column may wrap the words). */
  g_autofree char *flat = NULL;
  g_assert_true(sh(&flat, "pdftotext -f 1 -l 1 '%s' - | tr -s ' \\n' '  '", pdf));
  g_assert_nonnull(strstr(flat, "zone de Brumenta"));
  /* Brussels is about as tall as wide: its close-up takes the figure's whole height and
   * the legend stands in the column beside it, right of the page's middle. */
  g_autofree char *zone_x = NULL;
  g_assert_true(sh(&zone_x, "pdftotext -bbox -f 1 -l 1 '%s' - | "
                            "sed -n 's/.*xMin=\"\\([0-9.]*\\)\".*>zone<.*/\\1/p' | head -n 1", pdf));
  g_assert_cmpfloat(g_ascii_strtod(zone_x, NULL), >, 842 / 2.0);
  g_assert_nonnull(strstr(text, "Vérifié le 25/11/2026"));
  g_assert_nonnull(strstr(text, "Limites : bmesuere/")); /* the credit in French */
  g_assert_nonnull(strstr(text, "belgium-topojson (CC0 1.0)"));
  g_assert_nonnull(strstr(text, "La liste des groupes (13) est à la page suivante."));
  /* Every group is listed, none cut: 13 groups need a second page. */
  for (int i = 1; i <= 13; i++) {
    g_autofree char *name = g_strdup_printf("Groupe de parole numéro %d\n", i);
    if (!strstr(text, name))
      g_error("group %d is missing from the poster", i);
  }
  g_autofree char *pages = NULL;
  g_assert_true(sh(&pages, "pdfinfo '%s' | awk '/^Pages:/ {print $2}'", pdf));
  g_assert_cmpint(atoi(pages), >=, 2);
  /* The map is a figure with words for its alt text. */
  g_autofree char *alt = NULL;
  g_assert_true(sh(&alt, "qpdf --qdf --object-streams=disable '%s' - | grep -a '/Alt '",
                   pdf));
  g_assert_nonnull(strstr(alt, "Carte : Belgique. En surbrillance : Arrondissement de "
                               "Bruxelles-Capitale \\(19 communes\\)."));
  g_assert_nonnull(strstr(alt, "QR code: https://www.brumenta.be"));
  /* Pixels: the highlighted area is a large part of the page. */
  double share = colour_share(pdf, 0xf2, 0xc2, 0x00);
  g_test_message("highlight share %.3f", share);
  g_assert_cmpfloat(share, >, 0.006); /* the unknown-area poster has none at all */
  g_assert_true(g_file_test(thumb, G_FILE_TEST_EXISTS));
  diag_list_free(dl);
}

static void test_dutch(void)
{
  DiagList *dl = diag_list_new();
  g_autofree char *pdf = render_network("brumenta", RL_LANG_NL, dl, NULL);
  g_assert_cmpuint(diag_count(dl, DIAG_ERROR), ==, 0);
  g_assert_true(sh(NULL, "pdf_has_lang '%s' nl-BE", pdf));
  g_autofree char *text = NULL;
  g_assert_true(sh(&text, "pdftotext '%s' -", pdf));
  g_assert_nonnull(strstr(text, "De groepen"));
  g_assert_nonnull(strstr(text, "Praatgroep nummer 1\n"));
  g_assert_nonnull(strstr(text, "Nagekeken op 25-11-2026"));
  diag_list_free(dl);
}

static void test_unknown_area(void)
{
  DiagList *dl = diag_list_new();
  g_autofree char *pdf = render_network("sara", RL_LANG_FR, dl, NULL);
  g_assert_cmpuint(diag_count(dl, DIAG_ERROR), ==, 0);
  g_autofree char *text = NULL;
  g_assert_true(sh(&text, "pdftotext '%s' - | tr '\\n' ' '", pdf));
  g_assert_nonnull(strstr(text, "La zone de ce réseau n'est pas encore connue"));
  g_assert_cmpfloat(colour_share(pdf, 0xf2, 0xc2, 0x00), ==, 0);
  g_autofree char *alt = NULL;
  g_assert_true(sh(&alt, "qpdf --qdf --object-streams=disable '%s' - | grep -a '/Alt '",
                   pdf));
  g_assert_nonnull(strstr(alt, "La zone du r"));
  diag_list_free(dl);
}

/* A web address too wide for the column beside the QR code (even without https://, which
 * is not printed) is broken there only after a '/' or before a '.' (never at a hyphen),
 * each line left of the code, the scan line beside it; the lines joined are the address
 * the code holds, without its https://. */
static void test_long_url(void)
{
  DiagList *dl = diag_list_new();
  g_autofree char *pdf = render_network("entraide", RL_LANG_FR, dl, NULL);
  g_assert_cmpuint(diag_count(dl, DIAG_ERROR), ==, 0);
  const char *url = "https://entraide-bruxelles.example/groupes-de-parole";
  g_autofree char *qr = NULL;
  g_assert_true(sh(&qr, "pdf_qr_decodes '%s' 1", pdf));
  g_assert_cmpstr(g_strstrip(qr), ==, url);
  /* The address's lines: from the one that starts it, while they join into a prefix. */
  const char *shown = url + strlen("https://");
  g_autofree char *text = NULL;
  g_assert_true(sh(&text, "pdftotext -f 1 -l 1 '%s' -", pdf));
  g_assert_null(strstr(text, "https://"));
  g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
  GString *joined = g_string_new(NULL);
  guint n = 0;
  for (guint i = 0; lines[i]; i++) {
    if (joined->len == 0 && !g_str_has_prefix(lines[i], "entraide-"))
      continue;
    g_autofree char *next = g_strconcat(joined->str, lines[i], NULL);
    if (!*lines[i] || !g_str_has_prefix(shown, next))
      break;
    if (n > 0) /* the break before this line: after a '/' or before a '.' */
      g_assert_true(joined->str[joined->len - 1] == '/' || lines[i][0] == '.');
    g_string_assign(joined, next);
    n++;
  }
  g_assert_cmpstr(joined->str, ==, shown);
  g_assert_cmpuint(n, >=, 2);
  g_string_free(joined, TRUE);
  /* Beside the code: the scan line under the code's top (y >= 797, see posters.sh) and
   * every word of the URL left of it (x < 502). */
  g_autofree char *y = NULL, *x = NULL;
  g_assert_true(sh(&y, "pdftotext -f 1 -l 1 -bbox '%s' - | grep -m1 '>Scannez<' | "
                       "sed -E 's/.*yMin=\"([0-9.]+)\".*/\\1/'", pdf));
  g_assert_cmpfloat(g_ascii_strtod(y, NULL), >=, 797);
  g_assert_true(sh(&x, "pdftotext -f 1 -l 1 -bbox '%s' - | grep -E '>(entraide-[^<]*|groupes-de-parole)<' | "
                       "sed -E 's/.*xMax=\"([0-9.]+)\".*/\\1/' | sort -n | tail -n 1", pdf));
  g_assert_cmpfloat(g_ascii_strtod(x, NULL), <, 502);
  diag_list_free(dl);
}

static void test_reproducible(void)
{
  DiagList *dl = diag_list_new();
  g_autofree char *a = render_network("sara", RL_LANG_NL, dl, NULL);
  g_autofree char *da = NULL, *db = NULL;
  gsize la = 0, lb = 0;
  g_assert_true(g_file_get_contents(a, &da, &la, NULL));
  g_autofree char *b = render_network("sara", RL_LANG_NL, dl, NULL);
  g_assert_true(g_file_get_contents(b, &db, &lb, NULL));
  g_assert_cmpmem(da, la, db, lb);
  diag_list_free(dl);
}

static void test_press(void)
{
  DiagList *dl = diag_list_new();
  press = true;
  g_autofree char *pdf = render_network("sara", RL_LANG_FR, dl, NULL);
  press = false;
  g_assert_cmpuint(diag_count(dl, DIAG_ERROR), ==, 0);
  g_autofree char *boxes = NULL;
  g_assert_true(sh(&boxes, "pdfinfo -box '%s' | grep -E '^(TrimBox|BleedBox):'", pdf));
  /* A3 trim inside 3 mm of bleed inside a 10 mm slug: trim starts at 13 mm = 36.85 pt. */
  g_assert_nonnull(strstr(boxes, "TrimBox:            36.85    36.85   878.74  1227.40"));
  g_assert_nonnull(strstr(boxes, "BleedBox:           28.35    28.35   887.24  1235.91"));
  g_assert_true(sh(NULL, "pdf_qpdf_ok '%s'", pdf));
  g_autofree char *qr = NULL;
  g_assert_true(sh(&qr, "pdf_qr_decodes '%s' 1", pdf));
  g_assert_cmpstr(g_strstrip(qr), ==, "https://netwerksara.be");
  diag_list_free(dl);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_autofree char *fdir = src_path("fonts");
  GError *err = NULL;
  fonts = fonts_new(fdir, &err);
  g_assert_no_error(err);
  model = make_model();
  const char *keep = g_getenv("POSTER_TEST_DIR"); /* to look at the posters */
  out_dir = keep ? g_strdup(keep) : g_dir_make_tmp("relais-poster-XXXXXX", NULL);
  g_test_add_func("/poster/brussels", test_brussels);
  g_test_add_func("/poster/dutch", test_dutch);
  g_test_add_func("/poster/unknown-area", test_unknown_area);
  g_test_add_func("/poster/long-url", test_long_url);
  g_test_add_func("/poster/reproducible", test_reproducible);
  g_test_add_func("/poster/press", test_press);
  int rc = g_test_run();
  if (!keep) {
    g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", out_dir);
    g_spawn_command_line_sync(cmd, NULL, NULL, NULL, NULL);
  }
  g_free(out_dir);
  model_free(model);
  fonts_free(fonts);
  return rc;
}
