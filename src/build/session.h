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
 * every problem goes to dl, so callers test diag_has_errors(dl) before using it.
 * `map_checked` (may be NULL) is the digest of a map that passed map_check in an earlier
 * run (session_map_checked()): a map with that digest (its sidecar and every SVG, same
 * relais) is not parsed again only to be checked. */
RlModel *session_load(const char *data_dir, const char *layouts_dir, const char *map_checked,
                      DiagList *dl);

/* The digest of the map the last build into out_dir found good (OUT/.map-checked, written
 * by session_map_checked_save()), or NULL when there is none or it is from another relais.
 * Free with g_free(). */
char *session_map_checked(const char *out_dir);

/* Records in OUT/.map-checked that m's map (m loaded with no errors) passed its check;
 * nothing is written when `known` (what session_map_checked() gave before) already names
 * it. Only a cache, like the stamp: written atomically, failures ignored. */
void session_map_checked_save(const char *out_dir, const RlModel *m, const char *known);

/* The date staleness checks compare with: SOURCE_DATE_EPOCH's date (UTC) when set,
 * else today. */
void session_reference_date(GDate *today);
