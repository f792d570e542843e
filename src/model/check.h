/* check.h - cross-references and editorial checks on a loaded model.
 *
 * Resolves ids (a group's network, an edition's networks), checks map region codes,
 * translations missing in a site language (warning, naming the fallback used) and records
 * whose `checked:` date is over a year before `today` (warning).
 */
#pragma once

#include "diag.h"
#include "model.h"

/* Checks and resolves m in place; adds every finding to dl. today: the reference date
 * for staleness (the build's SOURCE_DATE_EPOCH date or the current date). */
void check_model(RlModel *m, const GDate *today, DiagList *dl);
