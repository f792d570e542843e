/* kiosk_mapcache.h - the kiosk's map drawn once per bundle, then reused.
 *
 * A bundle has one map slide per language, and each shows the same map in the same box
 * with the same networks highlighted: only the words differ. Drawing the map through
 * librsvg (restyling and tracing ~600 communes at 1920x1080) was ~80 ms a slide, a
 * quarter of the kiosk's CPU. The cache draws it once onto a transparent layer the size
 * of the slide and paints that layer on the other slides: the same pixels at the same
 * place, one composite instead of one map. Shared by the drawing threads (a lock). */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "layout/map.h"

typedef struct KioskMapCache KioskMapCache;

/* A new, empty cache. Free with kiosk_map_cache_free() (NULL: no-op). */
KioskMapCache *kiosk_map_cache_new(void);
void kiosk_map_cache_free(KioskMapCache *c);

/* Draws `map` fitted into the box x, y, w, h of cr (user space, as map_draw()) with
 * `codes` highlighted (NULL-terminated), through the cache: the layer is drawn the first
 * time this box, these codes, this transformation and this target size are asked for
 * (replacing any other) and painted over cr. cr's target must be an image surface.
 * Thread-safe. Returns false with *error set when map_draw() fails (nothing is kept). */
bool kiosk_map_cache_draw(KioskMapCache *c, RlMap *map, cairo_t *cr, double x, double y,
                          double w, double h, const char *const *codes, GError **error);
