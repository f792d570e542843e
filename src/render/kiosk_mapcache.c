/* kiosk_mapcache.c - the kiosk's map drawn once, painted on every map slide. See the .h. */
#include "render/kiosk_mapcache.h"

#include <string.h>

struct KioskMapCache {
  GMutex lock;
  char *key;              /* what the layer shows (see layer_key), NULL when none */
  cairo_surface_t *layer; /* ARGB32, the target's size and device scale */
};

KioskMapCache *kiosk_map_cache_new(void)
{
  KioskMapCache *c = g_new0(KioskMapCache, 1);
  g_mutex_init(&c->lock);
  return c;
}

void kiosk_map_cache_free(KioskMapCache *c)
{
  if (!c)
    return;
  g_mutex_clear(&c->lock);
  g_free(c->key);
  if (c->layer)
    cairo_surface_destroy(c->layer);
  g_free(c);
}

/* Everything the layer's pixels depend on besides the map: the box, the codes, cr's
 * matrix, the target's size and device scale (exact, as hexadecimal floats). */
static char *layer_key(cairo_t *cr, double x, double y, double w, double h,
                       const char *const *codes)
{
  cairo_surface_t *t = cairo_get_target(cr);
  cairo_matrix_t m;
  double sx, sy;
  cairo_get_matrix(cr, &m);
  cairo_surface_get_device_scale(t, &sx, &sy);
  GString *k = g_string_new(NULL);
  g_string_append_printf(k, "%a %a %a %a|%a %a %a %a %a %a|%d %d %a %a|", x, y, w, h, m.xx,
                         m.yx, m.xy, m.yy, m.x0, m.y0, cairo_image_surface_get_width(t),
                         cairo_image_surface_get_height(t), sx, sy);
  for (guint i = 0; codes && codes[i]; i++)
    g_string_append_printf(k, "%s,", codes[i]);
  return g_string_free(k, FALSE);
}

/* A new layer: the map drawn with cr's matrix onto a transparent surface like cr's
 * target; NULL with *error set when map_draw() fails. */
static cairo_surface_t *layer_new(RlMap *map, cairo_t *cr, double x, double y, double w,
                                  double h, const char *const *codes, GError **error)
{
  cairo_surface_t *t = cairo_get_target(cr);
  cairo_surface_t *layer = cairo_image_surface_create(
      CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width(t), cairo_image_surface_get_height(t));
  double sx, sy;
  cairo_surface_get_device_scale(t, &sx, &sy);
  cairo_surface_set_device_scale(layer, sx, sy);
  cairo_t *lc = cairo_create(layer);
  cairo_matrix_t m;
  cairo_get_matrix(cr, &m);
  cairo_set_matrix(lc, &m);
  bool ok = map_draw(map, lc, x, y, w, h, codes, NULL, error);
  cairo_destroy(lc);
  if (ok)
    return layer;
  cairo_surface_destroy(layer);
  return NULL;
}

/* The layer for this key, drawn if the cache holds another (a new reference), or NULL
 * with *error set. */
static cairo_surface_t *layer_get(KioskMapCache *c, RlMap *map, cairo_t *cr, double x,
                                  double y, double w, double h, const char *const *codes,
                                  GError **error)
{
  g_autofree char *key = layer_key(cr, x, y, w, h, codes);
  g_mutex_lock(&c->lock);
  bool hit = c->key && strcmp(c->key, key) == 0;
  cairo_surface_t *layer = hit ? NULL : layer_new(map, cr, x, y, w, h, codes, error);
  if (layer) {
    if (c->layer)
      cairo_surface_destroy(c->layer);
    c->layer = layer;
    g_free(c->key);
    c->key = g_steal_pointer(&key);
    hit = true;
  }
  cairo_surface_t *got = hit ? cairo_surface_reference(c->layer) : NULL;
  g_mutex_unlock(&c->lock);
  return got;
}

bool kiosk_map_cache_draw(KioskMapCache *c, RlMap *map, cairo_t *cr, double x, double y,
                          double w, double h, const char *const *codes, GError **error)
{
  cairo_surface_t *layer = layer_get(c, map, cr, x, y, w, h, codes, error);
  if (!layer)
    return false;
  cairo_save(cr);
  cairo_identity_matrix(cr);
  cairo_set_source_surface(cr, layer, 0, 0);
  cairo_paint(cr);
  cairo_restore(cr);
  cairo_surface_destroy(layer);
  return true;
}
