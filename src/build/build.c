/* build.c - `relais build`: plan, skip what is unchanged, render the rest in parallel,
 * put each output in place atomically, remove stale outputs, write the manifest and the
 * browse page, and say what happened.
 */
#include "build.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "build/browse.h"
#include "build/lock.h"
#include "build/manifest.h"
#include "build/output.h"
#include "build/plan.h"
#include "build/pool.h"
#include "build/progress.h"
#include "build/stamp.h"
#include "layout/fonts.h"
#include "layout/preflight.h"

enum { EXIT_OK = 0, EXIT_DATA = 1, EXIT_IO = 3 };

/* Everything one build run holds. */
typedef struct {
  const RlModel *m;
  const RlBuildOptions *opt;
  DiagList *dl;
  DiagList *data_diags;   /* what loading and checking the data said (for the browse page) */
  RlManifest *manifest;   /* the previous one, updated as outputs land */
  RlProgress *progress;
  GPtrArray *failed;      /* char*: "guide/x.pdf: why" */
  GHashTable *touched;    /* char* folders where outputs were renamed: flushed at the end */
  guint made, unchanged, removed, pages;
  int rc;
} Run;

static gint64 source_date_epoch(void)
{
  const char *sde = g_getenv("SOURCE_DATE_EPOCH");
  return sde ? g_ascii_strtoll(sde, NULL, 10) : g_get_real_time() / G_USEC_PER_SEC;
}

/* The renderers asked for: --only, else every registered one. */
static GPtrArray *asked_renderers(const RlBuildOptions *opt)
{
  GPtrArray *a = g_ptr_array_new();
  for (guint i = 0; opt->only && i < opt->only->len; i++)
    g_ptr_array_add(a, g_ptr_array_index(opt->only, i));
  if (a->len == 0)
    for (int i = 0; render_registry[i]; i++)
      g_ptr_array_add(a, (gpointer)render_registry[i]);
  return a;
}

/* Worker threads: -j, else the number of cores. */
static int build_threads(const RlBuildOptions *opt)
{
  return opt->jobs > 0 ? opt->jobs : (int)g_get_num_processors();
}

/* ---- pages -------------------------------------------------------------------------- */

/* PNG files in FOLDER/slides/<lang>/. */
static int count_slides(const char *folder)
{
  g_autofree char *slides = g_build_filename(folder, "slides", NULL);
  int n = 0;
  GDir *d = g_dir_open(slides, 0, NULL);
  const char *lang;
  while (d && (lang = g_dir_read_name(d))) {
    g_autofree char *sub = g_build_filename(slides, lang, NULL);
    GDir *s = g_dir_open(sub, 0, NULL);
    const char *f;
    while (s && (f = g_dir_read_name(s)))
      n += g_str_has_suffix(f, ".png");
    if (s)
      g_dir_close(s);
  }
  if (d)
    g_dir_close(d);
  return n;
}

/* Pages of a PDF (its "/Type /Page" objects), slides of a folder, 1 for a PNG; -1 when
 * unknown. */
static int count_pages(const char *path, bool is_dir)
{
  int n = 0;
  if (is_dir)
    n = count_slides(path);
  else if (g_str_has_suffix(path, ".png"))
    n = 1;
  g_autofree char *bytes = NULL;
  gsize len = 0;
  if (!is_dir && g_str_has_suffix(path, ".pdf") && g_file_get_contents(path, &bytes, &len, NULL)) {
    g_autoptr(GRegex) re = g_regex_new("/Type\\s*/Page(?![a-zA-Z])", G_REGEX_RAW, 0, NULL);
    g_autoptr(GMatchInfo) mi = NULL;
    for (g_regex_match_full(re, bytes, (gssize)len, 0, 0, &mi, NULL); g_match_info_matches(mi);
         g_match_info_next(mi, NULL))
      n++;
  }
  return n > 0 ? n : -1;
}

/* ---- preparing tasks ---------------------------------------------------------------- */

/* OUT/.thumbs/guide-x.pdf.png for output "guide/x.pdf". */
static char *thumb_rel(const char *out)
{
  g_autofree char *flat = g_strdelimit(g_strdup(out), "/", '-');
  return g_strdup_printf(".thumbs/%s.png", flat);
}

/* Rough CPU milliseconds per page (slide) of each kind, and the pages assumed before a
 * first build has counted them; measured on the 1,000-group set. Unknown kinds: last row. */
static const struct {
  const char *kind;
  double per_page, pages;
} job_costs[] = {
  {"kiosk", 50, 100}, {"poster", 150, 1}, {"guide", 2, 60},
  {"booklet", 2, 30}, {"flyer", 8, 1},    {NULL, 10, 1},
};

/* The estimated cost of making an output: its kind's cost per page times the pages the
 * previous build made of it. */
static double job_cost(const Run *run, const PlanItem *it)
{
  const char *kind = it->job->renderer->name;
  size_t k = 0;
  while (job_costs[k].kind && strcmp(job_costs[k].kind, kind) != 0)
    k++;
  const ManifestEntry *e = manifest_get(run->manifest, it->job->out);
  double pages = e && e->pages > 0 ? e->pages : job_costs[k].pages;
  return job_costs[k].per_page * pages;
}

/* A task with its temporary paths made; NULL (and a failure recorded) when the folders
 * cannot be made. */
static RlTask *task_prepare(Run *run, const PlanItem *it)
{
  g_autofree char *final = g_build_filename(run->opt->out_dir, it->job->out, NULL);
  g_autofree char *rel = thumb_rel(it->job->out);
  g_autofree char *thumb = g_build_filename(run->opt->out_dir, rel, NULL);
  g_autoptr(GError) err = NULL;
  g_autofree char *tmp = NULL;
  if (output_make_parent(final, &err) && output_make_parent(thumb, &err))
    tmp = it->job->renderer->is_dir ? output_temp_dir(final, &err) : output_temp_path(final);
  if (!tmp) {
    g_ptr_array_add(run->failed, g_strdup_printf("%s: %s", it->job->out, err->message));
    run->rc = EXIT_IO;
    return NULL;
  }
  g_autofree char *thumb_tmp = output_temp_path(thumb);
  RlTask *t = pool_task_new(it, final, tmp, thumb, thumb_tmp);
  t->cost = job_cost(run, it);
  return t;
}

/* ---- when a task ends --------------------------------------------------------------- */

/* The manifest entry for a freshly made output. */
static ManifestEntry *entry_for(Run *run, const RlTask *t, bool has_thumb)
{
  const PlanItem *it = t->item;
  const RlJob *job = it->job;
  ManifestEntry *e = manifest_entry_new(job->out);
  e->key = g_strdup(it->key);
  e->places = g_strdup(it->places);
  e->kind = g_strdup(job->renderer->name);
  e->title = g_strdup(job->title ? job->title : job->out);
  e->language = job->renderer->is_dir ? NULL : g_strdup(lang_code(job->lang));
  e->edition = g_strdup(it->edition);
  e->thumbnail = has_thumb ? thumb_rel(job->out) : NULL;
  e->is_dir = job->renderer->is_dir;
  e->size = output_size(t->final);
  e->pages = count_pages(t->final, e->is_dir);
  for (guint i = 0; i < job->inputs->len; i++) {
    g_ptr_array_add(e->input_digests, g_strdup(g_ptr_array_index(job->inputs, i)));
    g_ptr_array_add(e->input_names, g_strdup(g_ptr_array_index(it->input_names, i)));
  }
  diag_sort(t->diags);
  for (guint i = 0; i < diag_len(t->diags); i++)
    g_ptr_array_add(e->findings, diag_format(diag_at(t->diags, i)));
  (void)run;
  return e;
}

/* Copies the task's diagnostics into the build's list. */
static void merge_diags(DiagList *dl, DiagList *from)
{
  for (guint i = 0; i < diag_len(from); i++) {
    const Diag *d = diag_at(from, i);
    diag_add(dl, d->level, d->file, d->line, d->col, "%s", d->message);
  }
}

/* Puts the thumbnail in place if render() wrote one; true if it is there. */
static bool commit_thumb(const RlTask *t)
{
  GStatBuf st;
  if (g_stat(t->thumb_tmp, &st) != 0 || st.st_size == 0) {
    g_unlink(t->thumb_tmp);
    return false;
  }
  return output_commit_file(t->thumb_tmp, t->thumb_final, NULL);
}

/* Why a rendered task must not replace the previous output, or NULL. */
static char *task_refusal(Run *run, RlTask *t)
{
  guint errors = diag_count(t->diags, DIAG_ERROR);
  if (!t->ok)
    return g_strdup(t->error->message);
  if (errors && !run->opt->allow_findings)
    return g_strdup_printf("%u preflight error%s; --allow-findings writes it anyway", errors,
                           errors == 1 ? "" : "s");
  return NULL;
}

static void touch(Run *run, const char *path)
{
  g_hash_table_add(run->touched, g_path_get_dirname(path));
}

static bool task_commit(Run *run, RlTask *t, GError **error)
{
  const RlJob *job = t->item->job;
  touch(run, t->final);
  touch(run, t->thumb_final);
  return job->renderer->is_dir ? output_commit_dir(t->tmp, t->final, error)
                               : output_commit_file(t->tmp, t->final, error);
}

static void task_ended(Run *run, RlTask *t)
{
  const char *out = t->item->job->out;
  merge_diags(run->dl, t->diags);
  g_autofree char *refusal = task_refusal(run, t);
  g_autoptr(GError) err = NULL;
  if (!refusal && !task_commit(run, t, &err))
    refusal = g_strdup(err->message);
  if (refusal) {
    output_remove(t->tmp, NULL);
    g_unlink(t->thumb_tmp);
    /* Refused for its findings (by the pipeline, or by a renderer that fails with
     * RL_PREFLIGHT_ERROR_FINDINGS or after reporting preflight errors): bad data, exit 1.
     * Anything else is a failure. */
    bool findings = t->ok || g_error_matches(t->error, RL_PREFLIGHT_ERROR, RL_PREFLIGHT_ERROR_FINDINGS) ||
                    diag_has_errors(t->diags);
    run->rc = MAX(run->rc, findings && !err ? EXIT_DATA : EXIT_IO);
    g_ptr_array_add(run->failed, g_strdup_printf("%s: %s", out, refusal));
    progress_item(run->progress, "failed", out, refusal, true);
    return;
  }
  ManifestEntry *e = entry_for(run, t, commit_thumb(t));
  run->made++;
  run->pages += e->pages > 0 ? (guint)e->pages : 0;
  manifest_put(run->manifest, e);
  g_autofree char *why = t->note ? g_strdup_printf("%s; %s", t->item->why, t->note) : NULL;
  progress_item(run->progress, "made", out, why ? why : t->item->why, true);
}

static void on_task(RlTask *t, bool started, gpointer data)
{
  Run *run = data;
  if (started)
    progress_start(run->progress, t->item->job->out);
  else
    task_ended(run, t);
}

/* ---- the whole build ---------------------------------------------------------------- */

static bool planned(const RlPlan *plan, const char *out)
{
  for (guint i = 0; i < plan->items->len; i++)
    if (strcmp(((PlanItem *)g_ptr_array_index(plan->items, i))->job->out, out) == 0)
      return true;
  return false;
}

/* Removes outputs the previous build made, this build was asked for and no longer plans. */
static void remove_stale(Run *run, const RlPlan *plan)
{
  g_autoptr(GPtrArray) entries = manifest_entries(run->manifest);
  for (guint i = 0; i < entries->len; i++) {
    const ManifestEntry *e = g_ptr_array_index(entries, i);
    if (planned(plan, e->out) || !plan_covers(plan, e))
      continue;
    g_autofree char *path = g_build_filename(run->opt->out_dir, e->out, NULL);
    g_autofree char *thumb = e->thumbnail ? g_build_filename(run->opt->out_dir, e->thumbnail, NULL) : NULL;
    g_autoptr(GError) err = NULL;
    if (!output_remove(path, &err)) {
      g_ptr_array_add(run->failed, g_strdup_printf("%s: %s", e->out, err->message));
      run->rc = EXIT_IO;
      continue;
    }
    if (thumb)
      output_remove(thumb, NULL);
    touch(run, path);
    progress_item(run->progress, "removed", e->out, "no longer in the data", false);
    run->removed++;
    manifest_remove(run->manifest, e->out);
  }
}

/* Renders every item that must be made. */
static void render_todo(Run *run, const RlPlan *plan, const RlRenderOptions *ropt,
                        const char *fonts_dir)
{
  GPtrArray *tasks = g_ptr_array_new_with_free_func(pool_task_free);
  for (guint i = 0; i < plan->items->len; i++) {
    const PlanItem *it = g_ptr_array_index(plan->items, i);
    RlTask *t = it->todo ? task_prepare(run, it) : NULL;
    if (t)
      g_ptr_array_add(tasks, t);
    run->unchanged += !it->todo;
  }
  run->progress = progress_new(stderr, run->opt->quiet, tasks->len);
  pool_run(tasks, run->m, ropt, fonts_dir, ropt->jobs, on_task, run);
  g_ptr_array_unref(tasks);
}

/* Flushes every folder where outputs were renamed or removed, then writes the manifest
 * and the browse page. */
static void write_index(Run *run)
{
  GHashTableIter it;
  gpointer dir;
  g_hash_table_iter_init(&it, run->touched);
  while (g_hash_table_iter_next(&it, &dir, NULL))
    output_sync_folder(dir, NULL); /* a folder that vanished has nothing to flush */
  g_autofree char *path = g_build_filename(run->opt->out_dir, "manifest.json", NULL);
  g_autoptr(GError) err = NULL;
  /* An unchanged manifest is not even serialised again (a rebuild with nothing to do). */
  bool same = !manifest_changed(run->manifest) && g_file_test(path, G_FILE_TEST_EXISTS);
  if (!(same || manifest_save(run->manifest, path, &err)) || !browse_write(run->opt->out_dir, run->manifest, run->m, run->data_diags, &err)) {
    g_ptr_array_add(run->failed, g_strdup(err->message));
    run->rc = EXIT_IO;
  }
}

/* The build's one summary line; `note` (may be NULL) is added after a semicolon. */
static void report_line(RlProgress *p, guint made, guint pages, guint unchanged, guint removed,
                        guint failed, double seconds, const char *note)
{
  progress_say(p, false, "relais: made %u (%u page%s), unchanged %u, removed %u, failed %u, in %.2f s%s%s",
               made, pages, pages == 1 ? "" : "s", unchanged, removed, failed, seconds,
               note ? "; " : "", note ? note : "");
}

static void report(Run *run, double seconds)
{
  report_line(run->progress, run->made, run->pages, run->unchanged, run->removed, run->failed->len,
              seconds, NULL);
  if (run->failed->len)
    progress_say(run->progress, true, "relais: not written (previous outputs kept):");
  for (guint i = 0; i < run->failed->len; i++)
    progress_say(run->progress, true, "  %s", (char *)g_ptr_array_index(run->failed, i));
}

/* Plans and renders, with the lock held. */
static void build_locked(Run *run)
{
  const RlBuildOptions *opt = run->opt;
  g_autofree char *mpath = g_build_filename(opt->out_dir, "manifest.json", NULL);
  g_autofree char *warning = NULL;
  stamp_forget(opt->out_dir); /* outputs may change from here on */
  output_sweep(opt->out_dir);
  run->manifest = manifest_load(mpath, &warning);
  if (warning && !opt->quiet)
    fprintf(stderr, "relais: %s\n", warning);
  g_autofree char *fonts_dir = fonts_dir_find(opt->data_dir);
  g_autofree char *fonts_digest = fonts_dir ? plan_folder_digest(fonts_dir) : g_strdup("built-in");
  RlRenderOptions ropt = {.press = opt->press, .source_date_epoch = source_date_epoch(),
                          .languages = opt->languages, .jobs = build_threads(opt),
                          .force = opt->force, .out_dir = opt->out_dir, .fonts_dir = fonts_dir,
                          .fonts_digest = fonts_digest};
  g_autoptr(GPtrArray) renderers = asked_renderers(opt);
  g_autoptr(GError) err = NULL;
  RlPlan *plan = plan_new(run->m, renderers, &ropt, fonts_digest, &err);
  if (!plan) {
    g_ptr_array_add(run->failed, g_strdup(err->message));
    run->rc = EXIT_IO;
    run->progress = progress_new(stderr, opt->quiet, 0);
    return;
  }
  plan_decide(plan, run->manifest, opt->out_dir, opt->force);
  render_todo(run, plan, &ropt, fonts_dir);
  remove_stale(run, plan);
  write_index(run);
  plan_free(plan);
}

/* After a build that made or kept every output: OUT/.relais.stamp for the next one. A
 * stamp that cannot be written only costs the next build its fast path. */
static void save_stamp(Run *run)
{
  if (!run->opt->stamp || run->rc != EXIT_OK || run->failed->len || !run->manifest)
    return;
  g_autoptr(GError) err = NULL;
  if (!stamp_save(run->opt->stamp, run->opt, run->manifest, run->data_diags,
                  run->made + run->unchanged, &err))
    g_debug("no stamp: %s", err->message);
}

bool build_unchanged(const RlBuildOptions *opt, DiagList *dl)
{
  gint64 t0 = g_get_monotonic_time();
  guint outputs = 0, checked = 0;
  if (!opt->stamp || opt->force || !stamp_replay(opt->stamp, opt, dl, &outputs, &checked))
    return false;
  RlProgress *p = progress_new(stderr, opt->quiet, 0);
  g_autofree char *note = g_strdup_printf("nothing changed (checked %u files)", checked);
  report_line(p, 0, 0, outputs, 0, 0, (double)(g_get_monotonic_time() - t0) / G_USEC_PER_SEC, note);
  progress_free(p);
  return true;
}

int build_run(const RlModel *m, const RlBuildOptions *opt, DiagList *dl)
{
  signal(SIGXFSZ, SIG_IGN); /* a full disk or a file size limit is an I/O error, not a crash */
  gint64 t0 = g_get_monotonic_time();
  Run run = {.m = m, .opt = opt, .dl = dl, .data_diags = diag_list_new(),
             .failed = g_ptr_array_new_with_free_func(g_free),
             .touched = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL)};
  merge_diags(run.data_diags, dl);
  g_autoptr(GError) err = NULL;
  RlLock *lock = NULL;
  if (g_mkdir_with_parents(opt->out_dir, 0755) != 0)
    g_set_error(&err, G_FILE_ERROR, g_file_error_from_errno(errno), "cannot make %s: %s",
                opt->out_dir, g_strerror(errno));
  else
    lock = lock_take(opt->out_dir, stderr, &err);
  if (lock)
    build_locked(&run);
  else
    run.progress = progress_new(stderr, opt->quiet, 0);
  if (err) {
    g_ptr_array_add(run.failed, g_strdup(err->message));
    run.rc = EXIT_IO;
  }
  report(&run, (double)(g_get_monotonic_time() - t0) / G_USEC_PER_SEC);
  save_stamp(&run);
  lock_free(lock);
  progress_free(run.progress);
  manifest_free(run.manifest);
  g_ptr_array_unref(run.failed);
  diag_list_free(run.data_diags);
  g_hash_table_unref(run.touched);
  return run.rc;
}
