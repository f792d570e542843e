/* layout_defaults.h - the built-in layout recipes and the floors no layout may lower.
 *
 * Every output kind (guide, booklet, flyer, poster, kiosk) has a complete recipe that
 * meets the large-print profile (docs/large-print.md, docs/kiosk.md); a layouts/NAME.yaml
 * file only changes what it names. The floors are checked by load.c.
 */
#pragma once

#include <stdbool.h>

#include "model.h"

/* The names of the output kinds with a built-in recipe, NULL-terminated. */
extern const char *const layout_kinds[];

/* Fills *out (zeroed by the caller or fresh from layout_new()) with the built-in recipe of
 * kind `name`; strings are new copies owned by *out. False for an unknown kind. */
bool layout_defaults(const char *name, RlLayout *out);

/* The smallest values a layout of kind `name` may set. */
typedef struct {
  double body_pt;        /* body text */
  double floor_pt;       /* anything, small text included */
  double line_height;    /* multiple of the size */
  double contrast;       /* ink on paper, accent_ink on accent (WCAG ratio) */
  double target_mm;      /* kiosk touch targets; 0 = not a kiosk */
  int idle_min_s, idle_max_s, countdown_min_s; /* kiosk idle return */
} RlLayoutFloors;

/* The floors of kind `name` (the brochure floors for an unknown name); static. */
const RlLayoutFloors *layout_floors(const char *name);
