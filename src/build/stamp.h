/* stamp.h - OUT/.relais.stamp: how a build knows, from file metadata alone, that nothing
 * changed since the last good build (the way make, ninja and git answer it).
 *
 * Before the data is read, stamp_scan() stats every file a build reads: everything under
 * the data folder (but .git, .hg, .svn), the layouts folder, the fonts folder. After a
 * build that made or kept every output (exit 0), stamp_save() records that scan, the
 * option fingerprint (relais version and binary, --only, --lang, --press,
 * --allow-findings, the folders, the reference date), every output's size, mtime and
 * inode, and what loading the data said. The next build scans again; when the scan is
 * the same (same files, each with the same size, mtime, ctime, inode and device) and
 * every output still stats the same, stamp_replay() answers "nothing changed" without
 * loading YAML, the manifest or the map. Anything else: the normal path, where content
 * hashes stay the truth. The stamp is only a cache: missing, corrupt or foreign, it is
 * ignored.
 *
 * Racy files (git's problem): a file modified in the same clock tick as the scan could
 * change without its stat changing. A file whose mtime or ctime is within RACY_NS of the
 * scan's start is hashed (SHA-256) at scan time and compared by content at every check.
 * An edit that keeps the size and restores the mtime still changes ctime (which no tool
 * sets back), so it is seen; only changing the system clock could hide it.
 */
#pragma once

#include <glib.h>
#include <stdbool.h>

#include "build/build.h"
#include "build/manifest.h"
#include "model/diag.h"

/* The stamp's file name in the output folder. */
#define STAMP_FILE ".relais.stamp"

/* Stats every input a build with `opt` reads, now, and fingerprints the options. Returns
 * a new scan (stamp_free()); never fails (unreadable paths are recorded as missing). */
RlStamp *stamp_scan(const RlBuildOptions *opt);
/* Frees a scan; NULL is a no-op. */
void stamp_free(RlStamp *stamp);

/* True when OUT/.relais.stamp matches `now` (a scan made with the same opt) and every
 * output it lists still stats the same: then the diagnostics the data gave last time are
 * added to dl, *outputs is set to the number of outputs the build planned and *checked to
 * the number of files compared. False (dl untouched) in every other case. */
bool stamp_replay(const RlStamp *now, const RlBuildOptions *opt, DiagList *dl, guint *outputs,
                  guint *checked);

/* Writes OUT/.relais.stamp atomically: the scan `now`, the outputs of `mf` (and the
 * manifest and browse page) as they stat now, `outputs` (the number planned) and the
 * diagnostics `data` (what loading and checking said). Writes nothing (and returns true)
 * when an output is missing; false with *error set when the file cannot be written. */
bool stamp_save(const RlStamp *now, const RlBuildOptions *opt, const RlManifest *mf,
                DiagList *data, guint outputs, GError **error);

/* Removes OUT/.relais.stamp (a build is about to change outputs); a missing one is fine. */
void stamp_forget(const char *out_dir);
