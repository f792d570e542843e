/* watch.h - `relais watch`: build, then rebuild what a change touches until interrupted. */
#pragma once

#include "build.h"

/* Runs until SIGINT/SIGTERM. Returns an exit status (0 after a clean interrupt). */
int watch_run(const RlBuildOptions *opt);
