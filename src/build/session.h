/* session.h - what every command that reads the data needs: the checked model, and
 * the date it is checked against. (Where fonts/ is: fonts_dir_find() in layout/fonts.h;
 * layouts/: load.c.)
 */
#pragma once

#include "model/diag.h"
#include "model/model.h"

/* Loads data_dir (layouts from layouts_dir, or found by load.c), then checks
 * and resolves the model against today's date (from SOURCE_DATE_EPOCH when set), even
 * after load errors so that one run reports everything. Returns a new model (never NULL; free with model_free());
 * every problem goes to dl, so callers test diag_has_errors(dl) before using it. */
RlModel *session_load(const char *data_dir, const char *layouts_dir, DiagList *dl);

/* The date staleness checks compare with: SOURCE_DATE_EPOCH's date (UTC) when set,
 * else today. */
void session_reference_date(GDate *today);
