/* kiosk_pool.c - slides drawn and encoded in parallel, one font set per thread. */
#include "kiosk_pool.h"

#include <gio/gio.h>

#include "layout/fonts.h"
#include "layout/png.h"
#include "layout/sha256.h"

/* One thread's tools: the canvas with its own fonts. */
typedef struct {
  KioskCanvas cv;        /* cv.fonts: the bundle's (first drawer) or borrowed from own */
  RlFontsOnce own;       /* the other drawers' fonts, made in their thread */
  cairo_surface_t *surf; /* the slide, made on first use and reused: kiosk_draw() paints
                          * all of it (saves clearing 8 MB a slide) */
} Drawer;

typedef struct {
  const char *dir;
  const char *fonts_dir;
  GAsyncQueue *idle;     /* Drawer* not in use */
} Shared;

static void drawer_free(gpointer p)
{
  Drawer *d = p;
  fonts_once_clear(&d->own);
  if (d->surf)
    cairo_surface_destroy(d->surf);
  g_free(d);
}

/* ---- one slide ---------------------------------------------------------------------- */

/* The slide's targets as slides.js has them: [{network, label, kind, bbox: [x, y, w, h]}]
 * in whole pixels; NULL when it has none. */
static JsonNode *targets_json(GPtrArray *targets)
{
  if (!targets->len)
    return NULL;
  g_autoptr(JsonBuilder) jb = json_builder_new();
  json_builder_begin_array(jb);
  for (guint i = 0; i < targets->len; i++) {
    const KioskTarget *t = g_ptr_array_index(targets, i);
    json_builder_begin_object(jb);
    json_builder_set_member_name(jb, "network");
    json_builder_add_string_value(jb, t->network);
    json_builder_set_member_name(jb, "label");
    json_builder_add_string_value(jb, t->label);
    json_builder_set_member_name(jb, "kind");
    json_builder_add_string_value(jb, t->kind);
    json_builder_set_member_name(jb, "bbox");
    json_builder_begin_array(jb);
    double v[4] = {t->x, t->y, t->w, t->h};
    for (int k = 0; k < 4; k++)
      json_builder_add_int_value(jb, (gint64)(v[k] + 0.5));
    json_builder_end_array(jb);
    json_builder_end_object(jb);
  }
  json_builder_end_array(jb);
  return json_builder_get_root(jb);
}

/* Encodes the surface, writes it at dir/it->png, keeps its checksum and size. */
static bool write_png(cairo_surface_t *surf, const char *dir, KioskItem *it, GError **error)
{
  g_autoptr(GByteArray) png = g_byte_array_new();
  GError *err = NULL;
  if (!png_encode(surf, png, &err)) {
    g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", it->png, err->message);
    g_error_free(err);
    return false;
  }
  it->png_sum = sha256_hex(png->data, png->len);
  it->png_size = png->len;
  g_autofree char *path = g_build_filename(dir, it->png, NULL);
  /* No fsync per file: the pipeline seals the whole folder once it is complete. */
  return g_file_set_contents_full(path, (const char *)png->data, (gssize)png->len,
                                  G_FILE_SET_CONTENTS_NONE, 0644, error);
}

/* Draws item `it` with drawer d; the outcome lands in the item. */
static void draw_item(Drawer *d, KioskItem *it, const Shared *s)
{
  const KioskCanvas *cv = &d->cv;
  RlProfile profile = preflight_profile(cv->lay);
  g_autofree char *out = kiosk_item_out_name(it->slide->lang);
  it->pf = preflight_new(&profile, out);
  preflight_set_page(it->pf, (int)it->index + 1);
  if (!d->surf)
    d->surf = kiosk_surface_new(cv);
  cairo_surface_t *surf = d->surf;
  cairo_t *cr = cairo_create(surf);
  g_autoptr(GPtrArray) targets = kiosk_targets_new();
  bool ok = kiosk_draw(cv, it->slide, cr, it->pf, targets, &it->fits, &it->error);
  cairo_destroy(cr);
  if (ok)
    ok = write_png(surf, s->dir, it, &it->error);
  if (ok)
    it->regions = targets_json(targets);
}

/* ---- the threads -------------------------------------------------------------------- */

/* The drawer's fonts, made on first use in the calling thread; false with the item's
 * error set when they cannot be made. */
static bool drawer_ready(Drawer *d, const Shared *s, KioskItem *it)
{
  if (!d->cv.fonts)
    d->cv.fonts = fonts_once(&d->own, s->fonts_dir, &it->error);
  return d->cv.fonts != NULL;
}

static void draw_one(gpointer data, gpointer user_data)
{
  KioskItem *it = data;
  Shared *s = user_data;
  Drawer *d = g_async_queue_pop(s->idle);
  if (drawer_ready(d, s, it))
    draw_item(d, it, s);
  g_async_queue_push(s->idle, d);
}

/* Draws the items with `threads` drawers (threads >= 1); the first has cv's fonts. */
static void draw_all(const KioskCanvas *cv, GPtrArray *todo, Shared *s, int threads)
{
  s->idle = g_async_queue_new_full(drawer_free);
  for (int i = 0; i < threads; i++) {
    Drawer *d = g_new0(Drawer, 1);
    d->cv = *cv;
    d->cv.fonts = i == 0 ? cv->fonts : NULL;
    g_async_queue_push(s->idle, d);
  }
  if (threads == 1) {
    for (guint i = 0; i < todo->len; i++)
      draw_one(g_ptr_array_index(todo, i), s);
  } else {
    GThreadPool *pool = g_thread_pool_new(draw_one, s, threads, TRUE, NULL);
    for (guint i = 0; i < todo->len; i++)
      g_thread_pool_push(pool, g_ptr_array_index(todo, i), NULL);
    g_thread_pool_free(pool, FALSE, TRUE);
  }
  g_async_queue_unref(s->idle);
}

bool kiosk_pool_draw(const KioskCanvas *cv, GPtrArray *items, const char *dir, int threads,
                     const char *fonts_dir, GError **error)
{
  g_autoptr(GPtrArray) todo = g_ptr_array_new();
  for (guint i = 0; i < items->len; i++) {
    KioskItem *it = g_ptr_array_index(items, i);
    if (!it->reused)
      g_ptr_array_add(todo, it);
  }
  Shared s = {.dir = dir, .fonts_dir = fonts_dir};
  if (todo->len)
    draw_all(cv, todo, &s, CLAMP(threads, 1, (int)todo->len));
  for (guint i = 0; i < todo->len; i++) {
    KioskItem *it = g_ptr_array_index(todo, i);
    if (it->error) {
      g_propagate_error(error, g_error_copy(it->error));
      return false;
    }
  }
  return true;
}
