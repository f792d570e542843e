/* fuzz-map.c - libFuzzer target: arbitrary bytes as the map's SVG.
 *
 * The SVG goes through map_load() (size limit, external-reference scan, librsvg parse,
 * element ids) and, when it loads, is drawn into a small image surface with one code
 * highlighted. Nothing may crash, hang, or read a file other than the SVG.
 */
#include <cairo.h>
#include <glib.h>
#include <stdint.h>

#include "layout/map.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *svg_path; /* the fuzzer's SVG file; lives as long as the process */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (!svg_path) {
    g_autofree char *dir = g_dir_make_tmp("relais-fuzz-map-XXXXXX", NULL);
    g_assert_nonnull(dir);
    svg_path = g_build_filename(dir, "map.svg", NULL);
  }
  if (!g_file_set_contents(svg_path, (const char *)data, (gssize)size, NULL))
    return 0;
  RlMapSpec *spec = map_spec_new();
  spec->svg_path = g_strdup(svg_path);
  spec->id_pattern = g_strdup("r-{code}");
  g_ptr_array_add(spec->codes, g_strdup("1"));
  spec->projection = RL_PROJ_AFFINE;
  spec->proj[0] = 1;
  spec->proj[4] = -1;
  g_autoptr(GError) err = NULL;
  RlMap *map = map_load(spec, &err);
  if (map) {
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 64, 64);
    cairo_t *cr = cairo_create(s);
    const char *const hl[] = {"1", NULL};
    g_autoptr(GError) draw_err = NULL;
    (void)map_draw(map, cr, 0, 0, 64, 64, hl, NULL, &draw_err);
    double x, y, w, h;
    g_autoptr(GError) bbox_err = NULL;
    (void)map_region_bbox(map, "1", &x, &y, &w, &h, &bbox_err);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    map_free(map);
  } else {
    g_assert_nonnull(err);
  }
  map_spec_free(spec);
  return 0;
}
