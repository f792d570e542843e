/* pool.h - renders jobs in parallel: a GThreadPool of N workers, each with its own
 * RlRenderEnv and fonts, never shared between two jobs at the same time.
 */
#pragma once

#include "build/plan.h"
#include "model/diag.h"

/* One job to render, and how it went. */
typedef struct {
  const PlanItem *item;  /* borrowed from the plan */
  char *final;           /* where the output goes: OUT/guide/x.pdf */
  char *tmp;             /* where render() writes it (a file, or an empty folder) */
  char *thumb_final;     /* OUT/.thumbs/guide-x.pdf.png */
  char *thumb_tmp;
  DiagList *diags;       /* what render() reported (owned) */
  GError *error;         /* set when render() failed */
  char *note;            /* what render() said for the report (RlRenderEnv.note), or NULL */
  bool ok;               /* render() returned true */
  double cost;           /* estimated CPU time (ms): pool_run() starts the costliest first */
} RlTask;

/* A task for item with its paths (copied); free with pool_task_free(). */
RlTask *pool_task_new(const PlanItem *item, char *final, char *tmp, char *thumb_final,
                      char *thumb_tmp);
void pool_task_free(gpointer task);

/* Called in the thread that called pool_run(), when a task starts (started true) and when
 * it ends. */
typedef void (*PoolNotify)(RlTask *task, bool started, gpointer data);

/* Renders every task (RlTask*) with at most `threads` workers, calling notify as they start
 * and end, and returns when all have ended. Tasks start in order of decreasing cost (ties
 * in the order given), so that the workers finish together rather than one of them
 * starting the kiosk last; `tasks` is sorted so. fonts_dir is handed to each worker's fonts.
 * A worker whose fonts cannot be made fails its tasks with that error. */
void pool_run(GPtrArray *tasks, const RlModel *m, const RlRenderOptions *ropt,
              const char *fonts_dir, int threads, PoolNotify notify, gpointer data);
