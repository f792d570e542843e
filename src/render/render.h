/* render.h - what every output kind provides, and the jobs it is asked to make.
 *
 * Each output kind (guide, booklet, flyer, poster, kiosk) is one file in src/render/ that
 * defines one RlRenderer; registry.c lists them. The pipeline (src/build/) asks each one
 * for its jobs, decides which to make, and calls render() with a temporary path that it
 * renames into place when render() succeeds. Renderers take the model read-only.
 */
#pragma once

#include "model/diag.h"
#include "model/model.h"

typedef struct RlRenderer RlRenderer;

/* Options that reach renderers (no globals). */
typedef struct {
  bool press;               /* print-shop output: bleed, crop marks, boxes */
  gint64 source_date_epoch; /* creation date written into files (seconds) */
  RlLangSet languages;      /* languages asked for on the command line (0 = all) */
  int jobs;                 /* threads a renderer may use inside one job (-j; <= 1 = one) */
  bool force;               /* --force: reuse nothing from earlier builds */
  const char *out_dir;      /* the output folder (where earlier outputs are), or NULL */
  const char *fonts_dir;    /* the fonts folder the workers' fonts read, or NULL */
  const char *fonts_digest; /* identity of the fonts (plan_folder_digest), or NULL */
} RlRenderOptions;

/* Per-worker state handed to render(): one per thread, never shared between threads. */
typedef struct {
  const RlRenderOptions *opt;
  DiagList *diags;          /* preflight findings and rendering problems (thread-safe) */
  void *fonts;              /* the worker's RlFonts* (layout/fonts.h), created by the pipeline */
  char *note;               /* render() may set a short note for the build report ("4 slides
                             * drawn, 240 reused"); g_free'd by whoever made the env */
  GData *kept;              /* what renderers keep for the worker's next jobs (the posters'
                             * map), g_datalist_*; g_datalist_clear'd by whoever made the env */
} RlRenderEnv;

/* One output to make. Owned by the plan; freed with job_free(). */
typedef struct {
  const RlRenderer *renderer;
  char *out;                /* path relative to the output folder: "guide/bruxelles-fr.pdf" */
  char *title;              /* human name for progress and the browse page */
  RlLang lang;
  const RlEdition *edition; /* the subject, borrowed from the model; at most one is set */
  const RlNetwork *network;
  const RlGroup *group;
  GPtrArray *inputs;        /* char*: digests of every input the output reads (owned) */
} RlJob;

struct RlRenderer {
  const char *name;         /* "guide": used by --only and in output paths */
  const char *summary;      /* one line for --help */
  bool is_dir;              /* the output is a directory swapped whole (kiosk) */
  /* Appends to `jobs` (RlJob*, owned by the array) every output of this kind for the
   * model, each with its inputs. */
  void (*plan)(const RlModel *m, const RlRenderOptions *opt, GPtrArray *jobs);
  /* Writes the job's output at `path` (a temporary file, or an empty directory when
   * is_dir) and, when thumb_path is not NULL, a PNG of its first page or slide about
   * 240 px wide at thumb_path (for the browse page). Returns false with *error set on
   * failure; preflight findings go to env->diags and make the job fail only when they
   * are errors. */
  bool (*render)(const RlJob *job, const RlModel *m, RlRenderEnv *env, const char *path,
                 const char *thumb_path, GError **error);
};

/* Every renderer, in build order, NULL-terminated. */
extern const RlRenderer *const render_registry[];
/* The renderer called `name`, or NULL. */
const RlRenderer *render_find(const char *name);

/* A new job for renderer r writing `out` (copied); free with job_free(). */
RlJob *job_new(const RlRenderer *r, const char *out, const char *title, RlLang lang);
/* Adds a digest (copied) to the job's inputs; NULL is ignored. */
void job_add_input(RlJob *job, const char *digest);
void job_free(gpointer job);
