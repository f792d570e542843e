/* watch.h - `relais watch`: build, then rebuild what a change touches until interrupted.
 *
 * Watches the data folder (and its sub-folders: groups/, texts/, maps/), the layouts and
 * the fonts folder with GFileMonitor (whole folders, so editors that save by writing a
 * new file and renaming it over the old one, or by truncating and writing, both count).
 * Changes are gathered for ~200 ms, then the data is loaded and checked again: when it
 * has errors they are printed and the last good outputs stay; when it is good the build
 * makes what changed (keys in the manifest decide). SIGINT or SIGTERM ends it cleanly.
 */
#pragma once

#include "build.h"

/* Runs until SIGINT/SIGTERM. Returns an exit status: 0 after a clean interrupt, 1 when
 * the data folder does not exist, 3 when a folder cannot be watched. */
int watch_run(const RlBuildOptions *opt);
