/* watch.c - rebuild on change: folder monitors, a debounce timer, signals. */
#include "watch.h"

#include <gio/gio.h>
#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "build/session.h"
#include "layout/fonts.h"

enum { DEBOUNCE_MS = 200, MAX_DEPTH = 4 };

typedef struct {
  const RlBuildOptions *opt;
  GMainLoop *loop;
  GHashTable *monitors;   /* char* folder path → GFileMonitor* */
  char *out_abs;          /* output folder, absolute: its own changes are ignored */
  guint timer;            /* debounce source, 0 when none */
  guint rounds;           /* builds done */
  int rc;
} Watch;

static void watch_folder(Watch *w, const char *dir, int depth);

/* Loads, checks and builds once; on bad data keeps the outputs and says so. */
static void rebuild(Watch *w)
{
  DiagList *dl = diag_list_new();
  RlModel *m = session_load(w->opt->data_dir, w->opt->layouts_dir, NULL, dl);
  if (diag_has_errors(dl)) {
    diag_print(dl, stderr);
    guint n = diag_count(dl, DIAG_ERROR);
    fprintf(stderr, "relais watch: the data has %u error%s; the last good outputs stay in %s\n",
            n, n == 1 ? "" : "s", w->opt->out_dir);
  } else {
    int rc = build_run(m, w->opt, dl);
    diag_print(dl, stderr);
    if (rc != 0)
      fprintf(stderr, "relais watch: build ended with status %d; watching on\n", rc);
  }
  w->rounds++;
  fflush(stderr);
  model_free(m);
  diag_list_free(dl);
}

static gboolean on_quiet(gpointer data)
{
  Watch *w = data;
  w->timer = 0;
  rebuild(w);
  return G_SOURCE_REMOVE;
}

/* True for paths inside the output folder (when it lies inside a watched folder). */
static bool in_output(const Watch *w, GFile *file)
{
  g_autofree char *path = g_file_get_path(file);
  return path && (g_str_equal(path, w->out_abs) ||
                  (g_str_has_prefix(path, w->out_abs) && path[strlen(w->out_abs)] == '/'));
}

static void on_change(GFileMonitor *mon, GFile *file, GFile *other, GFileMonitorEvent ev,
                      gpointer data)
{
  Watch *w = data;
  if (in_output(w, file) || ev == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;
  GFile *added = ev == G_FILE_MONITOR_EVENT_RENAMED ? other : file;
  if (added && (ev == G_FILE_MONITOR_EVENT_CREATED || ev == G_FILE_MONITOR_EVENT_MOVED_IN ||
                ev == G_FILE_MONITOR_EVENT_RENAMED)) {
    g_autofree char *path = g_file_get_path(added);
    if (path && g_file_test(path, G_FILE_TEST_IS_DIR))
      watch_folder(w, path, 1);
  }
  if (w->timer)
    g_source_remove(w->timer);
  w->timer = g_timeout_add(DEBOUNCE_MS, on_quiet, w);
}

/* Monitors `dir` and its sub-folders (down to MAX_DEPTH), once each. */
static void watch_folder(Watch *w, const char *dir, int depth)
{
  g_autoptr(GFile) f = g_file_new_for_path(dir);
  g_autofree char *path = g_file_get_path(f);
  if (depth > MAX_DEPTH || !g_file_test(path, G_FILE_TEST_IS_DIR) ||
      g_hash_table_contains(w->monitors, path) || g_str_equal(path, w->out_abs))
    return;
  g_autoptr(GError) err = NULL;
  GFileMonitor *mon = g_file_monitor_directory(f, G_FILE_MONITOR_WATCH_MOVES, NULL, &err);
  if (!mon) {
    fprintf(stderr, "relais watch: cannot watch %s: %s\n", path, err->message);
    w->rc = 3;
    return;
  }
  g_signal_connect(mon, "changed", G_CALLBACK(on_change), w);
  g_hash_table_insert(w->monitors, g_strdup(path), mon);
  GDir *d = g_dir_open(path, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name(d))) {
    g_autofree char *sub = g_build_filename(path, name, NULL);
    if (name[0] != '.' && g_file_test(sub, G_FILE_TEST_IS_DIR))
      watch_folder(w, sub, depth + 1);
  }
  if (d)
    g_dir_close(d);
}

static gboolean on_signal(gpointer data)
{
  Watch *w = data;
  g_main_loop_quit(w->loop);
  return G_SOURCE_CONTINUE;
}

/* The layouts folder as load.c finds it: given, else DATA/layouts, else DATA/../layouts. */
static char *layouts_folder(const RlBuildOptions *opt)
{
  if (opt->layouts_dir)
    return g_strdup(opt->layouts_dir);
  char *inside = g_build_filename(opt->data_dir, "layouts", NULL);
  if (g_file_test(inside, G_FILE_TEST_IS_DIR))
    return inside;
  g_free(inside);
  return g_build_filename(opt->data_dir, "..", "layouts", NULL);
}

static void watch_all(Watch *w)
{
  g_autofree char *layouts = layouts_folder(w->opt);
  g_autofree char *fonts = fonts_dir_find(w->opt->data_dir);
  watch_folder(w, w->opt->data_dir, 0);
  watch_folder(w, layouts, 0);
  if (fonts)
    watch_folder(w, fonts, 0);
  fprintf(stderr, "relais watch: watching %s, %s%s%s for changes; Ctrl+C stops\n",
          w->opt->data_dir, layouts, fonts ? ", " : "", fonts ? fonts : "");
}

int watch_run(const RlBuildOptions *opt)
{
  if (!g_file_test(opt->data_dir, G_FILE_TEST_IS_DIR)) {
    fprintf(stderr, "relais watch: no data folder %s\n", opt->data_dir);
    return 1;
  }
  g_autoptr(GFile) out = g_file_new_for_path(opt->out_dir);
  Watch w = {.opt = opt, .loop = g_main_loop_new(NULL, FALSE), .out_abs = g_file_get_path(out),
             .monitors = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_object_unref)};
  guint sigint = g_unix_signal_add(SIGINT, on_signal, &w); /* handled between builds */
  guint sigterm = g_unix_signal_add(SIGTERM, on_signal, &w);
  watch_all(&w);
  rebuild(&w);
  if (w.rc == 0)
    g_main_loop_run(w.loop);
  fprintf(stderr, "relais watch: stopped\n");
  g_source_remove(sigint);
  g_source_remove(sigterm);
  if (w.timer)
    g_source_remove(w.timer);
  g_hash_table_unref(w.monitors);
  g_main_loop_unref(w.loop);
  g_free(w.out_abs);
  return w.rc;
}
