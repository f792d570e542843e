/* build.h - the build command: plan outputs, skip what is unchanged, render the rest,
 * write atomically. */
#pragma once

#include "model/diag.h"
#include "model/model.h"
#include "render/render.h"

typedef struct {
  const char *data_dir;
  const char *out_dir;
  const char *layouts_dir;
  RlLangSet languages;   /* 0 = every language of the site */
  GPtrArray *only;       /* const RlRenderer*; empty = all */
  int jobs;              /* worker threads; 0 = number of cores */
  bool force;            /* rebuild even when nothing changed */
  bool press;
  bool quiet;
  bool allow_findings;   /* write outputs even when preflight finds floor breaches */
} RlBuildOptions;

/* Builds the outputs for opt from the model m. Returns an exit status:
 * 0 ok, 1 bad data (or preflight errors), 3 I/O or rendering failure.
 * Diagnostics go to dl. */
int build_run(const RlModel *m, const RlBuildOptions *opt, DiagList *dl);
