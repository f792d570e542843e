/* build.h - the build command: plan outputs, skip what is unchanged, render the rest,
 * write atomically. */
#pragma once

#include "model/diag.h"
#include "model/model.h"
#include "render/render.h"

/* The inputs as stat'ed before the data was read (build/stamp.h). */
typedef struct RlStamp RlStamp;

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
  const RlStamp *stamp;  /* the inputs scanned before loading (stamp_scan()); NULL: no
                          * OUT/.relais.stamp is written (watch) */
} RlBuildOptions;

/* Builds the outputs for opt from the model m. Returns an exit status:
 * 0 ok, 1 bad data (or preflight errors), 3 I/O or rendering failure.
 * Diagnostics go to dl. */
int build_run(const RlModel *m, const RlBuildOptions *opt, DiagList *dl);

/* The no-change fast path, tried before the data is loaded: when opt->stamp (a scan made
 * before anything was read) matches OUT/.relais.stamp and --force is not given, prints
 * what a build with nothing to do prints ("relais: made 0 (0 pages), unchanged N, …;
 * nothing changed (checked M files)"), adds the data's diagnostics of the last build to
 * dl and returns true: the exit status is 0 (only builds that exit 0 leave a stamp).
 * False, with nothing printed, when a build must run. */
bool build_unchanged(const RlBuildOptions *opt, DiagList *dl);
