/* png.c - fast PNG encoding of cairo image surfaces with libpng. See png.h. */
#include "layout/png.h"

#include <gio/gio.h>
#include <png.h>
#include <string.h>

static void png_put(png_structp p, png_bytep data, size_t len)
{
  g_byte_array_append(png_get_io_ptr(p), data, (guint)len);
}

static void png_flush_none(png_structp p)
{
  (void)p;
}

static cairo_status_t cairo_put(void *closure, const unsigned char *data, unsigned int len)
{
  g_byte_array_append(closure, data, len);
  return CAIRO_STATUS_SUCCESS;
}

/* One xRGB32 row (native endian) as packed RGB bytes. */
static void row_to_rgb(const guint32 *src, guint8 *dst, int w)
{
  for (int x = 0; x < w; x++) {
    guint32 v = src[x];
    dst[3 * x] = (guint8)(v >> 16);
    dst[3 * x + 1] = (guint8)(v >> 8);
    dst[3 * x + 2] = (guint8)v;
  }
}

/* Writes the rows; false when libpng reported an error (it longjmps back here). */
static bool png_rows(png_structp p, png_infop info, cairo_surface_t *surf, guint8 *row)
{
  int w = cairo_image_surface_get_width(surf), h = cairo_image_surface_get_height(surf);
  int stride = cairo_image_surface_get_stride(surf);
  const guint8 *data = cairo_image_surface_get_data(surf);
  if (setjmp(png_jmpbuf(p)))
    return false;
  png_set_IHDR(p, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_filter(p, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
  png_set_compression_level(p, 1);
  png_write_info(p, info);
  for (int y = 0; y < h; y++) {
    row_to_rgb((const guint32 *)(const void *)(data + (size_t)y * (size_t)stride), row, w);
    png_write_row(p, row);
  }
  png_write_end(p, info);
  return true;
}

bool png_encode(cairo_surface_t *surf, GByteArray *out, GError **error)
{
  cairo_surface_flush(surf);
  if (cairo_surface_get_type(surf) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_image_surface_get_format(surf) != CAIRO_FORMAT_RGB24 ||
      cairo_image_surface_get_width(surf) <= 0 || cairo_image_surface_get_height(surf) <= 0) {
    cairo_status_t st = cairo_surface_write_to_png_stream(surf, cairo_put, out);
    if (st == CAIRO_STATUS_SUCCESS)
      return true;
    g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", cairo_status_to_string(st));
    return false;
  }
  png_structp p = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = p ? png_create_info_struct(p) : NULL;
  guint8 *row = g_malloc((gsize)cairo_image_surface_get_width(surf) * 3);
  bool ok = info != NULL;
  if (ok) {
    png_set_write_fn(p, out, png_put, png_flush_none);
    ok = png_rows(p, info, surf, row);
  }
  png_destroy_write_struct(&p, &info);
  g_free(row);
  if (!ok)
    g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot encode the PNG");
  return ok;
}

bool png_write_file(cairo_surface_t *surf, const char *path, GError **error)
{
  g_autoptr(GByteArray) png = g_byte_array_new();
  GError *err = NULL;
  if (!png_encode(surf, png, &err) ||
      !g_file_set_contents_full(path, (const char *)png->data, (gssize)png->len,
                                G_FILE_SET_CONTENTS_NONE, 0666, &err)) {
    g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path, err->message);
    g_error_free(err);
    return false;
  }
  return true;
}
