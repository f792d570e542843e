/* dryrun.h - lay out every output without keeping any file, so `relais check` reports the
 * large-print preflight findings (text under the floor, low contrast, words that do not
 * fit, cut text) along with the data errors. */
#pragma once

#include "model/diag.h"
#include "model/model.h"
#include "render/render.h"

/* Plans and renders every output of every renderer for m into a temporary folder that is
 * removed afterwards. Fonts come from fonts_dir (NULL: the built-in configuration).
 * Findings and failures go to dl (a failure that is not a finding becomes an error
 * naming the output). Returns false when any error was added. */
bool dryrun_all(const RlModel *m, const RlRenderOptions *opt, const char *fonts_dir, DiagList *dl);
