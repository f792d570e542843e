/* load.h - reads a data folder into a model. The only code that knows YAML key names.
 *
 * Reads DATA/site.yaml, DATA/networks.yaml, DATA/resources.yaml, DATA/groups/ *.yaml,
 * DATA/texts/ *.yaml and the layouts (DATA/../layouts or DATA/layouts, see load.c).
 * Every problem found is added to `dl` with its position; loading carries on after an
 * error so that all problems are reported in one run.
 */
#pragma once

#include "diag.h"
#include "model.h"

/* Loads data_dir. Returns a new model (free with model_free()) even when errors were
 * found; callers must check diag_has_errors(dl) before using it for output. */
RlModel *load_model(const char *data_dir, const char *layouts_dir, DiagList *dl);

/* The layouts folder load_model() reads for data_dir: `given` (-l) when not NULL, else
 * DATA/layouts if it is a folder, else DATA/../layouts (which may not exist). Returns a
 * new string (g_free); never fails. */
char *load_layouts_folder(const char *data_dir, const char *given);
