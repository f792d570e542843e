/* browse.h - OUT/index.html: a static page listing every output by edition and language,
 * with a thumbnail of its first page, its size, its page count and the check report.
 * It works from file://, runs no script and loads nothing from the network.
 */
#pragma once

#include "build/manifest.h"
#include "model/diag.h"
#include "model/model.h"

/* Writes OUT/index.html atomically from the manifest (every output it lists), the model
 * (edition names; may be NULL) and the build's diagnostics. Every text is HTML-escaped.
 * Returns false with *error set when the file cannot be written. */
bool browse_write(const char *out_dir, const RlManifest *mf, const RlModel *m, DiagList *dl,
                  GError **error);
