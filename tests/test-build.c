/* test-build.c - the build pipeline with test-only renderers: skipping, incremental
 * rebuilds, -j independence, stale removal, folder swap, failures that keep the previous
 * output, a build killed half-way, two builds at once, a full disk.
 */
#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "build/build.h"
#include "build/manifest.h"
#include "build/progress.h"

/* ---- the fake renderers, steered by the test -------------------------------------- */

static struct {
  gint renders;            /* atomic: render() calls */
  GMutex lock;
  GPtrArray *rendered;     /* char*: outs rendered, under lock */
  const char *fail_out;    /* render() fails for this output */
  const char *finding_out; /* render() reports a preflight error for this output */
  gulong delay_us;         /* sleep in render() */
  gsize pad;               /* extra bytes written per output */
  const char *log;         /* append "pid start|end out" lines here */
} fake;

static const RlRenderer fake_file_renderer;
static const RlRenderer fake_dir_renderer;

static void fake_log(const char *what, const char *out)
{
  if (!fake.log)
    return;
  FILE *f = fopen(fake.log, "a");
  g_assert_nonnull(f);
  fprintf(f, "%d %s %s\n", (int)getpid(), what, out);
  fclose(f);
}

/* fake/<group>.txt in French for each group; fake/all-<lang>.txt per site language. */
static void fake_plan(const RlModel *m, const RlRenderOptions *opt, GPtrArray *jobs)
{
  for (guint i = 0; i < m->groups->len; i++) {
    const RlGroup *g = g_ptr_array_index(m->groups, i);
    g_autofree char *out = g_strdup_printf("fake/%s.txt", g->rec.id);
    RlJob *one = job_new(&fake_file_renderer, out, g->name.v[RL_LANG_FR], RL_LANG_FR);
    one->group = g;
    job_add_input(one, g->rec.digest);
    g_ptr_array_add(jobs, one);
  }
  for (int l = 0; l < RL_LANG_N; l++) {
    if (!RL_LANGSET_HAS(m->site.languages, l))
      continue;
    g_autofree char *all = g_strdup_printf("fake/all-%s.txt", lang_code((RlLang)l));
    RlJob *job = job_new(&fake_file_renderer, all, "All <groups> & more", (RlLang)l);
    for (guint i = 0; i < m->groups->len; i++)
      job_add_input(job, ((const RlGroup *)g_ptr_array_index(m->groups, i))->rec.digest);
    g_ptr_array_add(jobs, job);
  }
}

/* Writes the job's description (and fake.pad bytes) to path. */
static bool write_text(const RlJob *job, const char *path, GError **error)
{
  FILE *f = fopen(path, "w");
  if (!f) {
    g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(errno), "cannot open %s", path);
    return false;
  }
  fprintf(f, "%s\n", job->out);
  for (guint i = 0; i < job->inputs->len; i++)
    fprintf(f, "%s\n", (char *)g_ptr_array_index(job->inputs, i));
  for (gsize i = 0; i < fake.pad; i++)
    fputc('x', f);
  bool ok = !ferror(f);
  ok = fclose(f) == 0 && ok;
  if (!ok)
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NOSPC, "cannot write %s", path);
  return ok;
}

static bool fake_render(const RlJob *job, const RlModel *m, RlRenderEnv *env, const char *path,
                        const char *thumb_path, GError **error)
{
  g_atomic_int_inc(&fake.renders);
  g_mutex_lock(&fake.lock);
  g_ptr_array_add(fake.rendered, g_strdup(job->out));
  g_mutex_unlock(&fake.lock);
  fake_log("start", job->out);
  if (fake.delay_us)
    g_usleep(fake.delay_us);
  if (g_strcmp0(job->out, fake.fail_out) == 0) {
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "fake failure");
    return false;
  }
  if (g_strcmp0(job->out, fake.finding_out) == 0)
    diag_error(env->diags, "groups/b.yaml", 3, 7, "text 'x' does not fit its box");
  g_autofree char *dir_file = job->renderer->is_dir ? g_build_filename(path, "index.html", NULL) : NULL;
  bool ok = write_text(job, dir_file ? dir_file : path, error);
  if (ok && thumb_path)
    ok = g_file_set_contents(thumb_path, "PNG", 3, error);
  fake_log("end", job->out);
  return ok;
}

static void fake_dir_plan(const RlModel *m, const RlRenderOptions *opt, GPtrArray *jobs)
{
  RlJob *job = job_new(&fake_dir_renderer, "kiosk", "Kiosk", RL_LANG_FR);
  for (guint i = 0; i < m->groups->len; i++)
    job_add_input(job, ((const RlGroup *)g_ptr_array_index(m->groups, i))->rec.digest);
  g_ptr_array_add(jobs, job);
}

static const RlRenderer fake_file_renderer = {"fake", "test files", false, fake_plan, fake_render};
static const RlRenderer fake_dir_renderer = {"fakedir", "test folder", true, fake_dir_plan, fake_render};

static void fake_reset(void)
{
  g_atomic_int_set(&fake.renders, 0);
  if (fake.rendered)
    g_ptr_array_unref(fake.rendered);
  fake.rendered = g_ptr_array_new_with_free_func(g_free);
  fake.fail_out = fake.finding_out = fake.log = NULL;
  fake.delay_us = 0;
  fake.pad = 0;
}

/* ---- fixtures ---------------------------------------------------------------------- */

/* A model with groups a, b, c (digests "<id>-1") in French and Dutch. */
static RlModel *model_abc(void)
{
  RlModel *m = model_new("data");
  m->site.languages = (1u << RL_LANG_FR) | (1u << RL_LANG_NL);
  const char *ids[] = {"a", "b", "c"};
  for (size_t i = 0; i < G_N_ELEMENTS(ids); i++) {
    RlGroup *g = group_new();
    g->rec.id = g_strdup(ids[i]);
    g->rec.digest = g_strdup_printf("%s-1", ids[i]);
    g->name.v[RL_LANG_FR] = g_strdup_printf("Groupe <%s>", ids[i]);
    g_ptr_array_add(m->groups, g);
  }
  return m;
}

static void set_digest(RlModel *m, guint i, const char *digest)
{
  RlGroup *g = g_ptr_array_index(m->groups, i);
  g_free(g->rec.digest);
  g->rec.digest = g_strdup(digest);
}

typedef struct {
  char *out;
  RlBuildOptions opt;
  DiagList *dl;
} Fixture;

static void fixture_set_up(Fixture *f, gconstpointer data)
{
  fake_reset();
  f->out = g_dir_make_tmp("relais-build-XXXXXX", NULL);
  g_assert_nonnull(f->out);
  f->opt = (RlBuildOptions){.data_dir = "data", .out_dir = f->out, .jobs = 2, .quiet = true,
                            .only = g_ptr_array_new()};
  g_ptr_array_add(f->opt.only, (gpointer)&fake_file_renderer);
  f->dl = diag_list_new();
}

static void remove_all(const char *path)
{
  GDir *d = g_file_test(path, G_FILE_TEST_IS_SYMLINK) ? NULL : g_dir_open(path, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name(d))) {
    g_autofree char *child = g_build_filename(path, name, NULL);
    remove_all(child);
  }
  if (d)
    g_dir_close(d);
  g_remove(path);
}

static void fixture_tear_down(Fixture *f, gconstpointer data)
{
  remove_all(f->out);
  g_free(f->out);
  g_ptr_array_unref(f->opt.only);
  diag_list_free(f->dl);
}

static char *read_out(const Fixture *f, const char *rel)
{
  g_autofree char *path = g_build_filename(f->out, rel, NULL);
  char *text = NULL;
  g_file_get_contents(path, &text, NULL, NULL);
  return text;
}

static bool out_exists(const Fixture *f, const char *rel)
{
  g_autofree char *path = g_build_filename(f->out, rel, NULL);
  return g_file_test(path, G_FILE_TEST_EXISTS);
}

static gint str_cmp(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The outputs rendered since the last reset, sorted, joined with spaces. */
static char *rendered(void)
{
  g_ptr_array_sort(fake.rendered, str_cmp);
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < fake.rendered->len; i++)
    g_string_append_printf(s, "%s%s", i ? " " : "", (char *)g_ptr_array_index(fake.rendered, i));
  g_ptr_array_set_size(fake.rendered, 0);
  return g_string_free(s, FALSE);
}

static int build(Fixture *f, const RlModel *m)
{
  return build_run(m, &f->opt, f->dl);
}

/* ---- tests ------------------------------------------------------------------------- */

static void test_no_change(Fixture *f, gconstpointer data)
{
  RlModel *m = model_abc();
  g_assert_cmpint(build(f, m), ==, 0);
  g_autofree char *first = rendered();
  g_assert_cmpstr(first, ==, "fake/a.txt fake/all-fr.txt fake/all-nl.txt fake/b.txt fake/c.txt");
  g_autofree char *manifest1 = read_out(f, "manifest.json");
  g_assert_cmpint(build(f, m), ==, 0);
  g_autofree char *second = rendered();
  g_assert_cmpstr(second, ==, "");
  g_autofree char *manifest2 = read_out(f, "manifest.json");
  g_assert_cmpstr(manifest1, ==, manifest2);
  f->opt.force = true;
  g_assert_cmpint(build(f, m), ==, 0);
  g_autofree char *forced = rendered();
  g_assert_cmpstr(forced, ==, first);
  model_free(m);
}

static void test_edit_one(Fixture *f, gconstpointer data)
{
  RlModel *m = model_abc();
  g_assert_cmpint(build(f, m), ==, 0);
  g_free(rendered());
  set_digest(m, 1, "b-2");
  g_assert_cmpint(build(f, m), ==, 0);
  g_autofree char *again = rendered();
  g_assert_cmpstr(again, ==, "fake/all-fr.txt fake/all-nl.txt fake/b.txt");
  g_autofree char *b = read_out(f, "fake/b.txt");
  g_assert_cmpstr(b, ==, "fake/b.txt\nb-2\n");
  /* a deleted output is made again even though its key is unchanged */
  g_autofree char *a = g_build_filename(f->out, "fake/a.txt", NULL);
  g_assert_cmpint(g_unlink(a), ==, 0);
  g_assert_cmpint(build(f, m), ==, 0);
  g_autofree char *missing = rendered();
  g_assert_cmpstr(missing, ==, "fake/a.txt");
  model_free(m);
}

static void test_why(Fixture *f, gconstpointer data)
{
  RlModel *m = model_abc();
  g_assert_cmpint(build(f, m), ==, 0);
  set_digest(m, 2, "c-2");
  f->opt.quiet = false;
  g_autofree char *log = g_build_filename(f->out, "stderr.txt", NULL);
  int saved = dup(2);
  FILE *cap = fopen(log, "w");
  dup2(fileno(cap), 2);
  g_assert_cmpint(build(f, m), ==, 0);
  fflush(stderr);
  dup2(saved, 2);
  close(saved);
  fclose(cap);
  g_autofree char *text = NULL;
  g_assert_true(g_file_get_contents(log, &text, NULL, NULL));
  g_assert_nonnull(strstr(text, "made     fake/c.txt (inputs changed: group c)\n"));
  g_assert_nonnull(strstr(text, "made     fake/all-fr.txt (inputs changed: group c)\n"));
  g_assert_nonnull(strstr(text, "relais: made 3 (0 pages), unchanged 2, removed 0, failed 0, in "));
  g_assert_null(strstr(text, "fake/a.txt"));
  model_free(m);
}

/* Every file under dir (relative path → contents), links by their target. */
static void collect(const char *root, const char *rel, GHashTable *into)
{
  g_autofree char *path = rel ? g_build_filename(root, rel, NULL) : g_strdup(root);
  if (g_file_test(path, G_FILE_TEST_IS_SYMLINK)) {
    g_hash_table_insert(into, g_strdup(rel), g_file_read_link(path, NULL));
    return;
  }
  if (!g_file_test(path, G_FILE_TEST_IS_DIR)) {
    char *text = NULL;
    g_file_get_contents(path, &text, NULL, NULL);
    g_hash_table_insert(into, g_strdup(rel), text);
    return;
  }
  GDir *d = g_dir_open(path, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name(d))) {
    g_autofree char *sub = rel ? g_build_filename(rel, name, NULL) : g_strdup(name);
    collect(root, sub, into);
  }
  if (d)
    g_dir_close(d);
}

static void test_jobs_identical(Fixture *f, gconstpointer data)
{
  RlModel *m = model_abc();
  g_ptr_array_add(f->opt.only, (gpointer)&fake_dir_renderer);
  f->opt.jobs = 1;
  g_assert_cmpint(build(f, m), ==, 0);
  g_autofree char *one = g_strdup(f->out);
  g_free(f->out);
  f->out = g_dir_make_tmp("relais-build-XXXXXX", NULL);
  f->opt.out_dir = f->out;
  f->opt.jobs = 2;
  g_assert_cmpint(build(f, m), ==, 0);
  g_autoptr(GHashTable) a = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) b = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  collect(one, NULL, a);
  collect(f->out, NULL, b);
  g_assert_cmpuint(g_hash_table_size(a), ==, g_hash_table_size(b));
  g_assert_cmpuint(g_hash_table_size(a), >=, 10);
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init(&it, a);
  while (g_hash_table_iter_next(&it, &k, &v)) {
    const char *other = g_hash_table_lookup(b, k);
    g_assert_true(g_hash_table_contains(b, k));
    g_assert_cmpstr(v, ==, other);
  }
  remove_all(one);
  model_free(m);
}

static void test_stale_removed(Fixture *f, gconstpointer data)
{
  RlModel *m = model_abc();
  g_assert_cmpint(build(f, m), ==, 0);
  g_assert_true(out_exists(f, "fake/c.txt"));
  g_assert_true(out_exists(f, ".thumbs/fake-c.txt.png"));
  /* a build asked for another kind only leaves fake/ alone */
  g_ptr_array_remove_index(m->groups, 2);
  g_ptr_array_set_size(f->opt.only, 0);
  g_ptr_array_add(f->opt.only, (gpointer)&fake_dir_renderer);
  g_assert_cmpint(build(f, m), ==, 0);
  g_assert_true(out_exists(f, "fake/c.txt"));
  /* the same for a language not asked for */
  g_ptr_array_set_size(f->opt.only, 0);
  g_ptr_array_add(f->opt.only, (gpointer)&fake_file_renderer);
  f->opt.languages = 1u << RL_LANG_NL;
  g_assert_cmpint(build(f, m), ==, 0);
  g_assert_true(out_exists(f, "fake/c.txt"));
  f->opt.languages = 0;
  g_assert_cmpint(build(f, m), ==, 0);
  g_assert_false(out_exists(f, "fake/c.txt"));
  g_assert_false(out_exists(f, ".thumbs/fake-c.txt.png"));
  g_autofree char *manifest = read_out(f, "manifest.json");
  g_assert_null(strstr(manifest, "fake/c.txt"));
  g_assert_nonnull(strstr(manifest, "\"out\" : \"kiosk\""));
  model_free(m);
}

/* The names in the output folder that are neither outputs nor relais's own files. */
static char *stray_names(const Fixture *f)
{
  GString *names = g_string_new("");
  GDir *d = g_dir_open(f->out, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name(d)))
    if (strstr(name, ".tmp-") || strstr(name, ".v-"))
      g_string_append_printf(names, "%s ", name);
  if (d)
    g_dir_close(d);
  return g_string_free(names, FALSE);
}

static void test_folder_swap(Fixture *f, gconstpointer data)
{
  RlModel *m = model_abc();
  g_ptr_array_set_size(f->opt.only, 0);
  g_ptr_array_add(f->opt.only, (gpointer)&fake_dir_renderer);
  g_assert_cmpint(build(f, m), ==, 0);
  g_autofree char *kiosk = g_build_filename(f->out, "kiosk", NULL);
  /* a real folder: `cp -r OUT/kiosk /media/usb` copies the files, not a link */
  g_assert_false(g_file_test(kiosk, G_FILE_TEST_IS_SYMLINK));
  g_assert_true(g_file_test(kiosk, G_FILE_TEST_IS_DIR));
  GStatBuf first;
  g_assert_cmpint(g_stat(kiosk, &first), ==, 0);
  set_digest(m, 0, "a-2");
  g_assert_cmpint(build(f, m), ==, 0);
  GStatBuf second;
  g_assert_cmpint(g_stat(kiosk, &second), ==, 0);
  g_assert_cmpuint(first.st_ino, !=, second.st_ino); /* swapped whole, not edited */
  g_autofree char *index = read_out(f, "kiosk/index.html");
  g_assert_cmpstr(index, ==, "kiosk\na-2\nb-1\nc-1\n");
  g_autofree char *stray = stray_names(f);
  g_assert_cmpstr(stray, ==, ""); /* the old folder is gone */
  /* forced with the same key: a new folder all the same */
  f->opt.force = true;
  g_assert_cmpint(build(f, m), ==, 0);
  GStatBuf third;
  g_assert_cmpint(g_stat(kiosk, &third), ==, 0);
  g_assert_cmpuint(third.st_ino, !=, second.st_ino);
  g_assert_true(out_exists(f, "kiosk/index.html"));
  model_free(m);
}

/* An output folder from an older relais: `kiosk` a link to `.kiosk.v-KEY`. The next
 * build puts a real folder there and removes the versioned one. */
static void test_folder_from_link(Fixture *f, gconstpointer data)
{
  RlModel *m = model_abc();
  g_ptr_array_set_size(f->opt.only, 0);
  g_ptr_array_add(f->opt.only, (gpointer)&fake_dir_renderer);
  g_autofree char *versioned = g_build_filename(f->out, ".kiosk.v-0123456789abcdef", NULL);
  g_autofree char *old_index = g_build_filename(versioned, "index.html", NULL);
  g_autofree char *kiosk = g_build_filename(f->out, "kiosk", NULL);
  g_assert_cmpint(g_mkdir_with_parents(versioned, 0755), ==, 0);
  g_assert_true(g_file_set_contents(old_index, "old\n", -1, NULL));
  g_assert_cmpint(symlink(".kiosk.v-0123456789abcdef", kiosk), ==, 0);
  g_assert_cmpint(build(f, m), ==, 0);
  g_assert_false(g_file_test(kiosk, G_FILE_TEST_IS_SYMLINK));
  g_autofree char *index = read_out(f, "kiosk/index.html");
  g_assert_cmpstr(index, ==, "kiosk\na-1\nb-1\nc-1\n");
  g_autofree char *stray = stray_names(f);
  g_assert_cmpstr(stray, ==, "");
  model_free(m);
}

static void test_failure_keeps_previous(Fixture *f, gconstpointer data)
{
  RlModel *m = model_abc();
  g_assert_cmpint(build(f, m), ==, 0);
  set_digest(m, 1, "b-2");
  fake.fail_out = "fake/b.txt";
  g_assert_cmpint(build(f, m), ==, 3);
  g_autofree char *b = read_out(f, "fake/b.txt");
  g_assert_cmpstr(b, ==, "fake/b.txt\nb-1\n");
  g_autofree char *all = read_out(f, "fake/all-fr.txt");
  g_assert_cmpstr(all, ==, "fake/all-fr.txt\na-1\nb-2\nc-1\n");
  g_free(rendered());
  fake.fail_out = NULL;
  g_assert_cmpint(build(f, m), ==, 0);
  g_autofree char *retried = rendered();
  g_assert_cmpstr(retried, ==, "fake/b.txt");
  model_free(m);
}

static void test_findings(Fixture *f, gconstpointer data)
{
  RlModel *m = model_abc();
  g_assert_cmpint(build(f, m), ==, 0);
  set_digest(m, 1, "b-2");
  fake.finding_out = "fake/b.txt";
  g_assert_cmpint(build(f, m), ==, 1);
  g_assert_cmpuint(diag_count(f->dl, DIAG_ERROR), ==, 1);
  g_autofree char *kept = read_out(f, "fake/b.txt");
  g_assert_cmpstr(kept, ==, "fake/b.txt\nb-1\n");
  f->opt.allow_findings = true;
  diag_list_free(f->dl); /* a new run starts with only the data's diagnostics */
  f->dl = diag_list_new();
  g_assert_cmpint(build(f, m), ==, 0);
  g_autofree char *written = read_out(f, "fake/b.txt");
  g_assert_cmpstr(written, ==, "fake/b.txt\nb-2\n");
  g_autofree char *manifest = read_out(f, "manifest.json");
  g_assert_nonnull(strstr(manifest, "groups/b.yaml:3:7: error: text 'x' does not fit its box"));
  g_autofree char *index = read_out(f, "index.html");
  g_assert_nonnull(strstr(index, "fake/b.txt: groups/b.yaml:3:7: error: text &apos;x&apos; does not fit its box</li>"));
  g_assert_null(strstr(index, "<li>groups/b.yaml:3:7")); /* listed once, under its output */
  model_free(m);
}

static void test_browse(Fixture *f, gconstpointer data)
{
  RlModel *m = model_abc();
  g_assert_cmpint(build(f, m), ==, 0);
  g_autofree char *index = read_out(f, "index.html");
  g_assert_nonnull(strstr(index, "<a href=\"fake/all-nl.txt\">All &lt;groups&gt; &amp; more</a>"));
  g_assert_nonnull(strstr(index, "<img alt=\"\" src=\".thumbs/fake-a.txt.png\">"));
  g_assert_nonnull(strstr(index, ">Groupe &lt;a&gt;</a>"));
  g_assert_null(strstr(index, "<a>"));
  g_assert_null(strstr(index, "://")); /* nothing from the network */
  g_assert_null(strstr(index, "<script"));
  model_free(m);
}

/* What a progress reporter writes to a file, bar or plain. */
static char *progress_text(bool bar, bool quiet)
{
  FILE *f = tmpfile();
  RlProgress *p = progress_new(f, quiet, 2);
  progress_set_bar(p, bar);
  progress_start(p, "guide/a.pdf");
  progress_item(p, "made", "guide/a.pdf", "new", true);
  progress_item(p, "failed", "guide/b.pdf", "disk full", true);
  progress_free(p);
  rewind(f);
  char buf[4096];
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  return g_strndup(buf, n);
}

static void test_progress(void)
{
  g_unsetenv("NO_COLOR");
  g_autofree char *plain = progress_text(false, false);
  g_assert_cmpstr(plain, ==, "made     guide/a.pdf (new)\nfailed   guide/b.pdf (disk full)\n");
  g_autofree char *quiet = progress_text(false, true);
  g_assert_cmpstr(quiet, ==, "failed   guide/b.pdf (disk full)\n");
  g_autofree char *bar = progress_text(true, false);
  g_assert_nonnull(strstr(bar, "\033[1m[------------------------] 0/2 \033[0mguide/a.pdf"));
  g_assert_nonnull(strstr(bar, "[############------------] 1/2 "));
  g_assert_nonnull(strstr(bar, "\r\033[Kfailed   guide/b.pdf (disk full)\n"));
  g_assert_null(strstr(bar, "made     guide/a.pdf")); /* the bar replaces the lines */
  g_setenv("NO_COLOR", "1", TRUE);
  g_autofree char *mono = progress_text(true, false);
  g_unsetenv("NO_COLOR");
  g_assert_null(strstr(mono, "\033[1m"));
  g_assert_nonnull(strstr(mono, "[------------------------] 0/2 guide/a.pdf"));
}

/* ---- processes: killed, concurrent, disk full ---------------------------------------- */

/* Builds in a new process (this program run with --child: a fork of a process that
 * has run threads must not go on without exec). Digests of a, b, c are those of m. */
static pid_t build_in_child(Fixture *f, const RlModel *m, long fsize_limit)
{
  g_autofree char *self = g_file_read_link("/proc/self/exe", NULL);
  g_autofree char *jobs = g_strdup_printf("%d", f->opt.jobs);
  g_autofree char *delay = g_strdup_printf("%lu", fake.delay_us);
  g_autofree char *pad = g_strdup_printf("%" G_GSIZE_FORMAT, fake.pad);
  g_autofree char *fsize = g_strdup_printf("%ld", fsize_limit);
  const char *argv[] = {self, "--child", f->out, jobs, delay, pad, f->opt.force ? "1" : "0", fsize,
                        fake.log ? fake.log : "-",
                        ((const RlGroup *)g_ptr_array_index(m->groups, 0))->rec.digest,
                        ((const RlGroup *)g_ptr_array_index(m->groups, 1))->rec.digest,
                        ((const RlGroup *)g_ptr_array_index(m->groups, 2))->rec.digest, NULL};
  GPid pid = 0;
  g_autoptr(GError) err = NULL;
  g_assert_true(g_spawn_async(NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &err));
  g_assert_no_error(err);
  return pid;
}

/* The --child side of build_in_child(): returns the build's exit status. */
static int child_main(char **argv)
{
  fake_reset();
  fake.delay_us = strtoul(argv[3], NULL, 10);
  fake.pad = strtoul(argv[4], NULL, 10);
  long fsize = strtol(argv[6], NULL, 10);
  fake.log = strcmp(argv[7], "-") ? argv[7] : NULL;
  RlModel *m = model_abc();
  for (guint i = 0; i < 3; i++)
    set_digest(m, i, argv[8 + i]);
  RlBuildOptions opt = {.data_dir = "data", .out_dir = argv[1], .jobs = atoi(argv[2]),
                        .quiet = true, .force = strcmp(argv[5], "1") == 0, .only = g_ptr_array_new()};
  g_ptr_array_add(opt.only, (gpointer)&fake_file_renderer);
  if (fsize > 0) {
    struct rlimit rl = {(rlim_t)fsize, (rlim_t)fsize};
    setrlimit(RLIMIT_FSIZE, &rl);
  }
  DiagList *dl = diag_list_new();
  int rc = build_run(m, &opt, dl);
  diag_list_free(dl);
  g_ptr_array_unref(opt.only);
  model_free(m);
  return rc;
}

static int wait_exit(pid_t pid)
{
  int status = 0;
  g_assert_cmpint(waitpid(pid, &status, 0), ==, pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* Each output holds one whole version: the old one or the new one. */
static void assert_whole(const Fixture *f, const char *rel, const char *old, const char *new_)
{
  g_autofree char *text = read_out(f, rel);
  g_assert_nonnull(text);
  if (g_strcmp0(text, old) != 0)
    g_assert_cmpstr(text, ==, new_);
}

static void test_killed(Fixture *f, gconstpointer data)
{
  RlModel *m = model_abc();
  g_assert_cmpint(build(f, m), ==, 0);
  for (guint i = 0; i < 3; i++)
    set_digest(m, i, i == 0 ? "a-2" : i == 1 ? "b-2" : "c-2");
  fake.delay_us = 150000;
  f->opt.jobs = 1;
  pid_t pid = build_in_child(f, m, 0);
  g_usleep(400000); /* about two outputs in */
  kill(pid, SIGKILL);
  g_assert_cmpint(wait_exit(pid), ==, 128 + SIGKILL);
  assert_whole(f, "fake/a.txt", "fake/a.txt\na-1\n", "fake/a.txt\na-2\n");
  assert_whole(f, "fake/c.txt", "fake/c.txt\nc-1\n", "fake/c.txt\nc-2\n");
  assert_whole(f, "fake/all-fr.txt", "fake/all-fr.txt\na-1\nb-1\nc-1\n", "fake/all-fr.txt\na-2\nb-2\nc-2\n");
  g_autofree char *manifest = read_out(f, "manifest.json");
  g_assert_nonnull(strstr(manifest, "\"outputs\""));
  fake.delay_us = 0;
  g_assert_cmpint(build(f, m), ==, 0);
  g_autofree char *c = read_out(f, "fake/c.txt");
  g_assert_cmpstr(c, ==, "fake/c.txt\nc-2\n");
  g_autofree char *fake_dir = g_build_filename(f->out, "fake", NULL);
  GDir *d = g_dir_open(fake_dir, 0, NULL);
  const char *name;
  while ((name = g_dir_read_name(d)))
    g_assert_null(strstr(name, ".tmp-")); /* leftovers swept */
  g_dir_close(d);
  model_free(m);
}

/* In the log, one process's lines all come before the other's. */
static void assert_not_interleaved(const char *log)
{
  g_autofree char *text = NULL;
  g_assert_true(g_file_get_contents(log, &text, NULL, NULL));
  g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
  int switches = 0;
  guint n = 0;
  for (guint i = 0; lines[i] && *lines[i]; i++, n++)
    if (i > 0 && atoi(lines[i]) != atoi(lines[i - 1]))
      switches++;
  g_assert_cmpuint(n, ==, 20); /* 2 builds x 5 outputs x start/end */
  g_assert_cmpint(switches, ==, 1);
}

static void test_concurrent(Fixture *f, gconstpointer data)
{
  RlModel *m = model_abc();
  g_autofree char *log = g_build_filename(f->out, "..", "relais-build-log.txt", NULL);
  g_unlink(log);
  fake.log = log;
  fake.delay_us = 50000;
  f->opt.force = true;
  pid_t one = build_in_child(f, m, 0);
  pid_t two = build_in_child(f, m, 0);
  g_assert_cmpint(wait_exit(one), ==, 0);
  g_assert_cmpint(wait_exit(two), ==, 0);
  assert_not_interleaved(log);
  g_unlink(log);
  model_free(m);
}

static void test_disk_full(Fixture *f, gconstpointer data)
{
  RlModel *m = model_abc();
  g_assert_cmpint(build(f, m), ==, 0);
  set_digest(m, 0, "a-2");
  fake.pad = 100000;
  pid_t pid = build_in_child(f, m, 4096);
  g_assert_cmpint(wait_exit(pid), ==, 3);
  g_autofree char *a = read_out(f, "fake/a.txt");
  g_assert_cmpstr(a, ==, "fake/a.txt\na-1\n");
  g_autofree char *all = read_out(f, "fake/all-fr.txt");
  g_assert_cmpstr(all, ==, "fake/all-fr.txt\na-1\nb-1\nc-1\n");
  fake.pad = 0;
  g_assert_cmpint(build(f, m), ==, 0);
  g_autofree char *a2 = read_out(f, "fake/a.txt");
  g_assert_cmpstr(a2, ==, "fake/a.txt\na-2\n");
  model_free(m);
}

int main(int argc, char **argv)
{
  g_mutex_init(&fake.lock);
  if (argc == 12 && strcmp(argv[1], "--child") == 0)
    return child_main(argv + 1);
  g_test_init(&argc, &argv, NULL);
  struct {
    const char *path;
    void (*fn)(Fixture *, gconstpointer);
  } tests[] = {
    {"/build/no-change", test_no_change},
    {"/build/edit-one", test_edit_one},
    {"/build/why", test_why},
    {"/build/jobs-identical", test_jobs_identical},
    {"/build/stale-removed", test_stale_removed},
    {"/build/folder-swap", test_folder_swap},
    {"/build/folder-from-link", test_folder_from_link},
    {"/build/failure-keeps-previous", test_failure_keeps_previous},
    {"/build/findings", test_findings},
    {"/build/browse", test_browse},
    {"/build/killed", test_killed},
    {"/build/concurrent", test_concurrent},
    {"/build/disk-full", test_disk_full},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(tests); i++)
    g_test_add(tests[i].path, Fixture, NULL, fixture_set_up, tests[i].fn, fixture_tear_down);
  g_test_add_func("/build/progress", test_progress);
  int rc = g_test_run();
  fake_reset();
  g_ptr_array_unref(fake.rendered);
  return rc;
}
