/* kiosk_pool.h - draws and encodes the kiosk slides that need it, on several threads.
 *
 * Each thread has its own fonts (a Pango font map is never shared between threads at
 * once): the first uses the bundle's, the others make their own from the same fonts
 * folder. The map is shared: RlMap serialises its librsvg calls on its own lock. Every
 * result lands in its item, so the caller reads them in deck order and the bundle does
 * not depend on the number of threads.
 */
#pragma once

#include <glib.h>
#include <stdbool.h>

#include "render/kiosk_draw.h"
#include "render/kiosk_item.h"

/* Draws every item of `items` (KioskItem*) that is not reused: the slide on canvas cv
 * (with a thread's own fonts), its PNG written to dir/it->png, and its fit, touch
 * targets (JSON), text runs and PNG checksum kept in the item. Uses at most `threads`
 * threads; fonts_dir is where the extra threads' fonts come from (fonts_new()). Returns
 * false with *error set to the first failure in the order of `items`. */
bool kiosk_pool_draw(const KioskCanvas *cv, GPtrArray *items, const char *dir, int threads,
                     const char *fonts_dir, GError **error);
