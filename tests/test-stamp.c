/* test-stamp.c - the no-change stamp (build/stamp.h) on its own: a scan matches itself;
 * a racy file (changed within one clock tick, so its size, mtime and ctime stay the
 * same) is caught by its content; other options, a missing stamp, a moved output, a file
 * or a folder added do not match.
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "build/build.h"
#include "build/manifest.h"
#include "build/stamp.h"

typedef struct {
  char *dir, *data, *out, *file;
  GPtrArray *only;
  RlBuildOptions opt;
} Fixture;

static void put(const char *path, const char *text)
{
  g_autoptr(GError) err = NULL;
  g_assert_true(g_file_set_contents(path, text, -1, &err));
}

static void set_up(Fixture *f, gconstpointer data)
{
  (void)data;
  f->dir = g_dir_make_tmp("stamp-XXXXXX", NULL);
  f->data = g_build_filename(f->dir, "data", NULL);
  f->out = g_build_filename(f->dir, "out", NULL);
  f->file = g_build_filename(f->data, "site.yaml", NULL);
  g_assert_cmpint(g_mkdir(f->data, 0755), ==, 0);
  g_assert_cmpint(g_mkdir(f->out, 0755), ==, 0);
  put(f->file, "aaaa\n");
  g_autofree char *mf = g_build_filename(f->out, "manifest.json", NULL);
  g_autofree char *page = g_build_filename(f->out, "index.html", NULL);
  put(mf, "{}\n");
  put(page, "<p>\n");
  f->only = g_ptr_array_new();
  f->opt = (RlBuildOptions){.data_dir = f->data, .out_dir = f->out, .only = f->only};
}

static void tear_down(Fixture *f, gconstpointer data)
{
  (void)data;
  g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", f->dir);
  g_assert_cmpint(system(cmd), ==, 0);
  g_ptr_array_unref(f->only);
  g_free(f->dir);
  g_free(f->data);
  g_free(f->out);
  g_free(f->file);
}

/* Saves `scan` as the stamp of f's output folder (no outputs but the manifest and page). */
static void save(Fixture *f, const RlStamp *scan)
{
  RlManifest *mf = manifest_new();
  DiagList *dl = diag_list_new();
  diag_warning(dl, "data/site.yaml", 2, 3, "a warning to replay");
  g_autoptr(GError) err = NULL;
  g_assert_true(stamp_save(scan, &f->opt, mf, dl, 7, &err));
  diag_list_free(dl);
  manifest_free(mf);
}

/* Whether a fresh scan matches the stamp; when it does, the replayed warning is checked. */
static bool matches(Fixture *f)
{
  RlStamp *now = stamp_scan(&f->opt);
  DiagList *dl = diag_list_new();
  guint outputs = 0, checked = 0;
  bool same = stamp_replay(now, &f->opt, dl, &outputs, &checked);
  if (same) {
    g_assert_cmpuint(outputs, ==, 7);
    g_assert_cmpuint(checked, >=, 5); /* site.yaml, no ../layouts, no ../fonts, the
                                       * manifest and the page (and folders made) */
    g_assert_cmpuint(diag_len(dl), ==, 1);
    g_autofree char *line = diag_format(diag_at(dl, 0));
    g_assert_cmpstr(line, ==, "data/site.yaml:2:3: warning: a warning to replay");
  } else {
    g_assert_cmpuint(diag_len(dl), ==, 0);
  }
  diag_list_free(dl);
  stamp_free(now);
  return same;
}

static void test_same(Fixture *f, gconstpointer data)
{
  (void)data;
  g_assert_false(matches(f)); /* no stamp yet */
  RlStamp *scan = stamp_scan(&f->opt);
  save(f, scan);
  stamp_free(scan);
  g_assert_true(matches(f));
  g_assert_true(matches(f));
}

static bool same_stat(const struct stat *a, const struct stat *b)
{
  return a->st_size == b->st_size && a->st_ino == b->st_ino &&
         a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
         a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

/* Overwrites the file in place with bytes of the same length. */
static void rewrite(const char *path, const char *text)
{
  FILE *fp = fopen(path, "r+");
  g_assert_nonnull(fp);
  g_assert_cmpint(fputs(text, fp), >=, 0);
  g_assert_cmpint(fclose(fp), ==, 0);
}

/* The SHA-256 the stamp file records for `path` ("" when none). The stamp's layout is
 * build/stamp.c's STAMP_TYPE. */
static char *recorded_digest(Fixture *f, const char *path)
{
  g_autofree char *file = g_build_filename(f->out, STAMP_FILE, NULL);
  g_autofree char *bytes = NULL;
  gsize len = 0;
  g_assert_true(g_file_get_contents(file, &bytes, &len, NULL));
  g_autoptr(GBytes) b = g_bytes_new(bytes, len);
  g_autoptr(GVariant) v = g_variant_ref_sink(
    g_variant_new_from_bytes(G_VARIANT_TYPE("(ssxa(ysttttts)a(sttt)a(ymsiis)u)"), b, FALSE));
  g_autoptr(GVariant) ins = g_variant_get_child_value(v, 3);
  for (gsize i = 0; i < g_variant_n_children(ins); i++) {
    const char *p, *digest;
    g_variant_get_child(ins, i, "(y&sttttt&s)", NULL, &p, NULL, NULL, NULL, NULL, NULL, &digest);
    if (strcmp(p, path) == 0)
      return g_strdup(digest);
  }
  return NULL;
}

static void test_racy_hashed(Fixture *f, gconstpointer data)
{
  (void)data;
  /* A file changed just now (its ctime is now, whatever its mtime) is recorded with the
   * SHA-256 of its bytes. */
  RlStamp *first = stamp_scan(&f->opt);
  save(f, first);
  stamp_free(first);
  g_autofree char *digest = recorded_digest(f, f->file);
  g_autofree char *want = g_compute_checksum_for_string(G_CHECKSUM_SHA256, "aaaa\n", -1);
  g_assert_cmpstr(digest, ==, want);
}

static void test_same_tick(Fixture *f, gconstpointer data)
{
  (void)data;
  /* A change in the same clock tick as the scan, which leaves stat() as it was, is seen by
   * those bytes (on kernels with fine-grained timestamps the tick never repeats: skipped). */
  for (int attempt = 0; attempt < 200; attempt++) {
    rewrite(f->file, "aaaa\n");
    struct stat before, after;
    g_assert_cmpint(stat(f->file, &before), ==, 0);
    RlStamp *scan = stamp_scan(&f->opt);
    rewrite(f->file, "bbbb\n"); /* the same clock tick, with luck: nothing in stat moves */
    g_assert_cmpint(stat(f->file, &after), ==, 0);
    if (!same_stat(&before, &after)) {
      stamp_free(scan);
      continue;
    }
    save(f, scan);
    stamp_free(scan);
    g_assert_false(matches(f)); /* the bytes differ from those hashed at the scan */
    return;
  }
  g_test_skip("every rewrite moved the file's times (a fine-grained clock)");
}

static void test_options(Fixture *f, gconstpointer data)
{
  (void)data;
  RlStamp *scan = stamp_scan(&f->opt);
  save(f, scan);
  stamp_free(scan);
  f->opt.press = true;
  g_assert_false(matches(f));
  f->opt.press = false;
  f->opt.languages = 1;
  g_assert_false(matches(f));
  f->opt.languages = 0;
  g_assert_true(matches(f));
}

static void test_outputs(Fixture *f, gconstpointer data)
{
  (void)data;
  RlStamp *scan = stamp_scan(&f->opt);
  save(f, scan);
  stamp_free(scan);
  g_autofree char *page = g_build_filename(f->out, "index.html", NULL);
  g_autofree char *aside = g_build_filename(f->dir, "index.html", NULL);
  g_assert_cmpint(g_rename(page, aside), ==, 0);
  g_assert_false(matches(f)); /* gone */
  g_assert_cmpint(g_rename(aside, page), ==, 0);
  g_assert_true(matches(f)); /* the very same file back */
  put(page, "<p>\n"); /* same bytes, a new file */
  g_assert_false(matches(f));
}

static void test_added(Fixture *f, gconstpointer data)
{
  (void)data;
  RlStamp *scan = stamp_scan(&f->opt);
  save(f, scan);
  stamp_free(scan);
  g_autofree char *sub = g_build_filename(f->data, "groups", NULL);
  g_assert_cmpint(g_mkdir(sub, 0755), ==, 0);
  g_assert_false(matches(f)); /* a folder, even empty (data/fonts/ would move the fonts) */
  RlStamp *again = stamp_scan(&f->opt);
  save(f, again);
  stamp_free(again);
  g_assert_true(matches(f));
  g_autofree char *group = g_build_filename(sub, "x.yaml", NULL);
  put(group, "id: x\n");
  g_assert_false(matches(f));
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add("/stamp/same", Fixture, NULL, set_up, test_same, tear_down);
  g_test_add("/stamp/racy-hashed", Fixture, NULL, set_up, test_racy_hashed, tear_down);
  g_test_add("/stamp/same-tick", Fixture, NULL, set_up, test_same_tick, tear_down);
  g_test_add("/stamp/options", Fixture, NULL, set_up, test_options, tear_down);
  g_test_add("/stamp/outputs", Fixture, NULL, set_up, test_outputs, tear_down);
  g_test_add("/stamp/added", Fixture, NULL, set_up, test_added, tear_down);
  return g_test_run();
}
