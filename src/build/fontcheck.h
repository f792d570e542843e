/* fontcheck.h - a layout's fonts must be in the font set, checked before any rendering. */
#pragma once

#include "model/diag.h"
#include "model/model.h"

/* Reports an error at each layout's `font:` or `heading_font:` line naming a family that
 * the font set of fonts_dir (see fonts_dir_find(); NULL = built-in) does not have:
 * "font 'X' is not installed; installed fonts: A, B". Reports nothing when
 * the font set itself cannot be made (the renderers report that). */
void fontcheck_layouts(const RlModel *m, const char *fonts_dir, DiagList *dl);
