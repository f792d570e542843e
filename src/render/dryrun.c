/* dryrun.c - render everything into a throw-away folder, keep only the findings. */
#include "dryrun.h"

#include <glib/gstdio.h>

#include "layout/fonts.h"

/* Removes a folder and everything in it. */
static void remove_tree(const char *path)
{
  GDir *dir = g_dir_open(path, 0, NULL);
  if (dir) {
    const char *name;
    while ((name = g_dir_read_name(dir))) {
      g_autofree char *child = g_build_filename(path, name, NULL);
      if (g_file_test(child, G_FILE_TEST_IS_DIR) && !g_file_test(child, G_FILE_TEST_IS_SYMLINK))
        remove_tree(child);
      else
        g_unlink(child);
    }
    g_dir_close(dir);
  }
  g_rmdir(path);
}

static void render_one(const RlJob *job, const RlModel *m, RlRenderEnv *env, const char *tmp,
                       guint n)
{
  g_autofree char *path = g_strdup_printf("%s/%u", tmp, n);
  if (job->renderer->is_dir)
    g_mkdir(path, 0755);
  g_autoptr(GError) err = NULL;
  if (!job->renderer->render(job, m, env, path, NULL, &err))
    diag_error(env->diags, job->out, 0, 0, "%s", err ? err->message : "rendering failed");
  g_clear_pointer(&env->note, g_free);
}

bool dryrun_all(const RlModel *m, const RlRenderOptions *opt, const char *fonts_dir, DiagList *dl)
{
  g_autoptr(GError) err = NULL;
  RlFonts *fonts = fonts_new(fonts_dir, &err);
  if (!fonts) {
    diag_error(dl, NULL, 0, 0, "%s", err->message);
    return false;
  }
  char *tmp = g_dir_make_tmp("relais-check-XXXXXX", &err);
  if (!tmp) {
    diag_error(dl, NULL, 0, 0, "cannot make a temporary folder: %s", err->message);
    fonts_free(fonts);
    return false;
  }
  GPtrArray *jobs = g_ptr_array_new_with_free_func(job_free);
  for (int r = 0; render_registry[r]; r++)
    render_registry[r]->plan(m, opt, jobs);
  RlRenderEnv env = {.opt = opt, .diags = dl, .fonts = fonts};
  for (guint i = 0; i < jobs->len; i++)
    render_one(g_ptr_array_index(jobs, i), m, &env, tmp, i);
  g_datalist_clear(&env.kept);
  g_ptr_array_unref(jobs);
  remove_tree(tmp);
  g_free(tmp);
  fonts_free(fonts);
  return !diag_has_errors(dl);
}
