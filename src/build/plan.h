/* plan.h - what a build makes: every renderer's jobs, each with its key, and whether it
 * must be made again.
 *
 * An output's key is a SHA-256 over the relais version, the renderer's name, the output
 * path, the press flag, the digests of the job's inputs in order and the digest of the
 * fonts folder. Same key and the file still there: the output is skipped.
 */
#pragma once

#include "build/manifest.h"
#include "model/model.h"
#include "render/render.h"

typedef struct {
  RlJob *job;              /* owned */
  char *key;               /* hex SHA-256 */
  const char *edition;     /* id of the edition it belongs to (borrowed from the model), or NULL */
  GPtrArray *input_names;  /* char*: a name for each of job->inputs ("group jette-cafe") */
  char *places;            /* hex SHA-256 of where its input records start (file:line:col) */
  bool todo;               /* must be made */
  char *why;               /* "new", "forced", "unchanged", "inputs changed: group x", … */
} PlanItem;

typedef struct {
  GPtrArray *items;        /* PlanItem*, sorted by output path */
  GPtrArray *renderers;    /* const RlRenderer* asked for (borrowed) */
  RlLangSet languages;     /* languages asked for; 0 = all */
} RlPlan;

/* Asks each renderer in `renderers` (const RlRenderer*) for its jobs, keeps those in
 * ropt->languages (folder outputs are kept whatever their language), sorts them by path
 * and computes their keys. Returns a new plan (plan_free()), or NULL with *error set when
 * two jobs write the same path. */
RlPlan *plan_new(const RlModel *m, GPtrArray *renderers, const RlRenderOptions *ropt,
                 const char *fonts_digest, GError **error);
void plan_free(RlPlan *plan);

/* Decides for each item whether it must be made, comparing with the previous manifest
 * `old` and what is in out_dir, and says why in item->why. */
void plan_decide(RlPlan *plan, const RlManifest *old, const char *out_dir, bool force);

/* True when an output of the previous manifest falls within what this plan was asked to
 * make (its renderer and language were asked for): such an output, if not planned
 * again, is stale and removed. */
bool plan_covers(const RlPlan *plan, const ManifestEntry *e);

/* Hex SHA-256 over the names and bytes of every file under `dir` (sorted by name);
 * a missing folder hashes as empty. Returns a new string (g_free). */
char *plan_folder_digest(const char *dir);
