/* pool.c - the worker threads of a build. */
#include "pool.h"

#include "build/output.h"
#include "layout/fonts.h"

typedef struct {
  RlRenderEnv env;      /* env.fonts: borrowed from fonts */
  RlFontsOnce fonts;    /* made in the worker's thread on its first job */
} Worker;

typedef struct {
  const RlModel *m;
  const RlRenderOptions *ropt;
  const char *fonts_dir;
  GAsyncQueue *idle;    /* Worker* not in use */
  GAsyncQueue *events;  /* Event* for the calling thread */
} Shared;

typedef struct {
  RlTask *task;
  bool started;
} Event;

RlTask *pool_task_new(const PlanItem *item, char *final, char *tmp, char *thumb_final,
                      char *thumb_tmp)
{
  RlTask *t = g_new0(RlTask, 1);
  t->item = item;
  t->final = g_strdup(final);
  t->tmp = g_strdup(tmp);
  t->thumb_final = g_strdup(thumb_final);
  t->thumb_tmp = g_strdup(thumb_tmp);
  t->diags = diag_list_new();
  return t;
}

void pool_task_free(gpointer p)
{
  RlTask *t = p;
  if (!t)
    return;
  g_free(t->final);
  g_free(t->tmp);
  g_free(t->thumb_final);
  g_free(t->thumb_tmp);
  diag_list_free(t->diags);
  g_clear_error(&t->error);
  g_free(t->note);
  g_free(t);
}

/* ---- fonts per worker -------------------------------------------------------------- */

/* The worker's fonts (fonts_once: a failure fails every job of that worker). */
static bool worker_fonts(Worker *w, const char *fonts_dir, GError **error)
{
  w->env.fonts = fonts_once(&w->fonts, fonts_dir, error);
  return w->env.fonts != NULL;
}

static void worker_free(gpointer p)
{
  Worker *w = p;
  g_datalist_clear(&w->env.kept);
  fonts_once_clear(&w->fonts);
  g_free(w);
}

/* ---- the pool -------------------------------------------------------------------- */

static void push_event(Shared *s, RlTask *task, bool started)
{
  Event *e = g_new0(Event, 1);
  e->task = task;
  e->started = started;
  g_async_queue_push(s->events, e);
}

static void render_one(gpointer data, gpointer user_data)
{
  RlTask *task = data;
  Shared *s = user_data;
  Worker *w = g_async_queue_pop(s->idle);
  push_event(s, task, true);
  const RlJob *job = task->item->job;
  if (worker_fonts(w, s->fonts_dir, &task->error)) {
    w->env.diags = task->diags;
    task->ok = job->renderer->render(job, s->m, &w->env, task->tmp, task->thumb_tmp, &task->error);
    if (!task->ok && !task->error)
      g_set_error(&task->error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s failed", job->renderer->name);
    if (task->ok)
      task->ok = output_seal(task->tmp, &task->error) && output_seal(task->thumb_tmp, &task->error);
    w->env.diags = NULL;
    task->note = g_steal_pointer(&w->env.note);
  }
  g_async_queue_push(s->idle, w);
  push_event(s, task, false);
}

static gint by_cost(gconstpointer a, gconstpointer b)
{
  const RlTask *x = *(RlTask *const *)a, *y = *(RlTask *const *)b;
  return (x->cost < y->cost) - (x->cost > y->cost);
}

void pool_run(GPtrArray *tasks, const RlModel *m, const RlRenderOptions *ropt,
              const char *fonts_dir, int threads, PoolNotify notify, gpointer data)
{
  if (tasks->len == 0)
    return;
  g_ptr_array_sort(tasks, by_cost); /* stable: equal costs keep their order */
  threads = CLAMP(threads, 1, (int)tasks->len);
  Shared s = {m, ropt, fonts_dir, g_async_queue_new_full(worker_free), g_async_queue_new()};
  for (int i = 0; i < threads; i++) {
    Worker *w = g_new0(Worker, 1);
    w->env.opt = ropt;
    g_async_queue_push(s.idle, w);
  }
  GThreadPool *pool = g_thread_pool_new(render_one, &s, threads, TRUE, NULL);
  for (guint i = 0; i < tasks->len; i++)
    g_thread_pool_push(pool, g_ptr_array_index(tasks, i), NULL);
  for (guint ended = 0; ended < tasks->len;) {
    Event *e = g_async_queue_pop(s.events);
    notify(e->task, e->started, data);
    ended += !e->started;
    g_free(e);
  }
  g_thread_pool_free(pool, FALSE, TRUE);
  g_async_queue_unref(s.idle);
  g_async_queue_unref(s.events);
}
