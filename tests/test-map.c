/* test-map.c - the region map: loading, refusing unsafe or broken SVGs, highlighting by
 * code (checked by pixels), projecting points, and a second differently built map. */
#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout/map.h"
#include "belgium-spec.h"

static const char *const brussels[] = {
  "21001", "21002", "21003", "21004", "21005", "21006", "21007", "21008", "21009", "21010",
  "21011", "21012", "21013", "21014", "21015", "21016", "21017", "21018", "21019", NULL};
static const char *const ostbelgien[] = {"63001", "63012", "63013", "63023", "63040",
                                         "63048", "63061", "63067", "63087", NULL};

static char *src_path(const char *rel)
{
  const char *src = g_getenv("SRCDIR");
  return g_build_filename(src ? src : ".", rel, NULL);
}

/* tests/maps/trio.yaml by hand: ids by table, affine projection. */
static RlMapSpec *trio_spec(const char *svg)
{
  RlMapSpec *spec = map_spec_new();
  g_autofree char *rel = g_build_filename("tests/maps", svg, NULL);
  spec->svg_path = src_path(rel);
  spec->id_table = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  static const char *const pairs[][2] = {
    {"XX-E", "region-east"}, {"XX-N", "region-north"}, {"XX-S", "region-south"}};
  for (int i = 0; i < 3; i++) {
    g_hash_table_insert(spec->id_table, g_strdup(pairs[i][0]), g_strdup(pairs[i][1]));
    g_ptr_array_add(spec->codes, g_strdup(pairs[i][0]));
  }
  spec->projection = RL_PROJ_AFFINE;
  double p[] = {10, 0, 0, 0, -10, 200};
  memcpy(spec->proj, p, sizeof p);
  return spec;
}

/* ---- pixels ---------------------------------------------------------------------- */

typedef struct {
  cairo_surface_t *s;
  RlMapFit fit;
} Picture;

static Picture render(RlMap *map, int w, int h, const char *const *codes,
                      const RlMapStyle *st)
{
  Picture p = {.s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h)};
  cairo_t *cr = cairo_create(p.s);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  GError *err = NULL;
  gboolean ok = map_draw(map, cr, 0, 0, w, h, codes, st, &err);
  g_assert_no_error(err);
  g_assert_true(ok);
  cairo_destroy(cr);
  cairo_surface_flush(p.s);
  const char *dump = g_getenv("MAP_TEST_PNG"); /* to look at what the test sees */
  if (dump)
    cairo_surface_write_to_png(p.s, dump);
  p.fit = map_fit(map, 0, 0, w, h);
  return p;
}

static gboolean pixel_is(const Picture *p, double px, double py, RlColour c)
{
  int x = (int)px, y = (int)py;
  g_assert_true(x >= 0 && y >= 0 && x < cairo_image_surface_get_width(p->s) &&
                y < cairo_image_surface_get_height(p->s));
  const guint32 *row = (const guint32 *)(cairo_image_surface_get_data(p->s) +
                                         y * cairo_image_surface_get_stride(p->s));
  guint32 v = row[x];
  int r = (v >> 16) & 255, g = (v >> 8) & 255, b = v & 255;
  return abs(r - (int)lround(c.r * 255)) <= 3 && abs(g - (int)lround(c.g * 255)) <= 3 &&
         abs(b - (int)lround(c.b * 255)) <= 3;
}

/* Is the centre of code's bbox painted in colour c? */
static gboolean centre_is(RlMap *map, const Picture *p, const char *code, RlColour c)
{
  double x, y, w, h, px, py;
  GError *err = NULL;
  g_assert_true(map_region_bbox(map, code, &x, &y, &w, &h, &err));
  g_assert_no_error(err);
  map_fit_point(&p->fit, x + w / 2, y + h / 2, &px, &py);
  return pixel_is(p, px, py, c);
}

/* ---- the real map ---------------------------------------------------------------- */

static void test_belgium_loads(void)
{
  RlMapSpec *spec = belgium_spec();
  g_assert_cmpuint(spec->codes->len, ==, 581 + 43 + 11);
  GError *err = NULL;
  RlMap *map = map_load(spec, &err);
  g_assert_no_error(err);
  double w, h;
  map_size(map, &w, &h);
  g_assert_cmpfloat(w, ==, 1000);
  g_assert_cmpfloat(h, >, 700);
  g_assert_cmpfloat(h, <, 900);
  g_assert_cmpstr(map_attribution(map, RL_LANG_EN), ==, spec->attribution.v[RL_LANG_EN]);
  g_assert_cmpstr(map_attribution(map, RL_LANG_NL), ==,
                  "Grenzen: bmesuere/belgium-\xe2\x81\xa0topojson (CC0 1.0), gemeenten 2019-2024");
  g_autofree char *id = map_element_id(spec, "21000");
  g_assert_cmpstr(id, ==, "nis-21000");
  static const struct { const char *code, *lang, *name; } names[] = {
    {NULL, "en", "Belgium"}, {NULL, "nl", "België"},
    {"21000", "nl", "Arrondissement Brussel Hoofdstad"},
    {"04000", "en", "Brussels-Capital Region"}, {"63023", "de", "Eupen"},
    {"21009", "nl", "Elsene"}, {"63040", "de", "Kelmis"}, {"63040", "en", "La Calamine"}, {"58000", "fr", "Arrondissement de La Louvière"}};
  for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
    g_autofree char *name = map_region_name(map, names[i].code, names[i].lang);
    g_assert_cmpstr(name, ==, names[i].name);
  }
  g_assert_cmpuint(map_count_leaves(map, "21000"), ==, 19);
  g_assert_cmpuint(map_count_leaves(map, "04000"), ==, 19);
  g_assert_cmpuint(map_count_leaves(map, "10000"), ==, 69);
  g_assert_cmpuint(map_count_leaves(map, "33000"), ==, 8); /* Mesen is filed here */
  g_assert_cmpuint(map_count_leaves(map, "21004"), ==, 1);
  g_assert_cmpuint(map_count_leaves(map, "12345"), ==, 0);
  map_free(map);
  map_spec_free(spec);
}

/* The sidecar's overview SVG: loaded beside the map, same viewBox, a fraction of its
 * bytes, and it highlights by code like the map (Ostbelgien's communes, Gent muted). */
static void test_belgium_overview(void)
{
  RlMapSpec *spec = belgium_spec();
  g_assert_nonnull(spec->overview_path);
  g_assert_true(g_str_has_suffix(spec->overview_path, "belgium-overview.svg"));
  RlMap *map = map_load(spec, NULL);
  g_assert_nonnull(map);
  RlMap *ov = map_overview(map);
  g_assert_true(ov != map);
  double w, h, ow, oh;
  map_size(map, &w, &h);
  map_size(ov, &ow, &oh);
  g_assert_cmpfloat(w, ==, ow);
  g_assert_cmpfloat(h, ==, oh);
  g_autofree char *big = NULL, *small = NULL;
  gsize big_len = 0, small_len = 0;
  g_assert_true(g_file_get_contents(spec->svg_path, &big, &big_len, NULL));
  g_assert_true(g_file_get_contents(spec->overview_path, &small, &small_len, NULL));
  g_assert_cmpuint(small_len * 2, <, big_len);
  RlMapStyle st = map_style_default();
  Picture p = render(ov, 1200, 1000, ostbelgien, &st);
  for (int i = 0; ostbelgien[i]; i++)
    if (!centre_is(map, &p, ostbelgien[i], st.highlight_fill))
      g_error("centre of commune %s is not highlighted on the overview", ostbelgien[i]);
  g_assert_true(centre_is(map, &p, "44021", st.muted_fill));
  cairo_surface_destroy(p.s);
  map_free(map);
  map_spec_free(spec);
}

/* The sidecar's simplified SVG: drawn only at scales where its tolerance (1 unit) is under
 * MAP_UNSEEN_PT on the page (a whole-map A3 poster: ~0.35 pt per unit), never in a
 * close-up; same viewBox, fewer bytes, and it highlights by code like the map. */
static void test_belgium_simplified(void)
{
  RlMapSpec *spec = belgium_spec();
  g_assert_true(g_str_has_suffix(spec->simplified_path, "belgium-simplified.svg"));
  g_assert_cmpfloat(spec->simplified_tolerance, ==, 1.0);
  g_assert_cmpint(spec->simplified_pos.line, >, 0);
  RlMap *map = map_load(spec, NULL);
  g_assert_nonnull(map);
  g_assert_true(map_for_scale(map, 1.0) == map);
  g_assert_true(map_for_scale(map, MAP_UNSEEN_PT + 0.01) == map);
  RlMap *simple = map_for_scale(map, 0.35);
  g_assert_true(simple != map && simple != map_overview(map));
  g_assert_true(map_for_scale(map, MAP_UNSEEN_PT) == simple); /* loaded once */
  double w, h, sw, sh;
  map_size(map, &w, &h);
  map_size(simple, &sw, &sh);
  g_assert_cmpfloat(w, ==, sw);
  g_assert_cmpfloat(h, ==, sh);
  g_autofree char *big = NULL, *small = NULL;
  gsize big_len = 0, small_len = 0;
  g_assert_true(g_file_get_contents(spec->svg_path, &big, &big_len, NULL));
  g_assert_true(g_file_get_contents(spec->simplified_path, &small, &small_len, NULL));
  g_assert_cmpuint(small_len * 3, <, big_len * 2);
  RlMapStyle st = map_style_default();
  Picture p = render(simple, 1200, 1000, ostbelgien, &st);
  for (int i = 0; ostbelgien[i]; i++)
    if (!centre_is(map, &p, ostbelgien[i], st.highlight_fill))
      g_error("centre of commune %s is not highlighted on the simplified map", ostbelgien[i]);
  g_assert_true(centre_is(map, &p, "44021", st.muted_fill));
  cairo_surface_destroy(p.s);
  map_free(map);
  map_spec_free(spec);
}

/* A simplified SVG that is not the map (another viewBox) fails map_check at its line. */
static void test_simplified_refused(void)
{
  RlMapSpec *spec = belgium_spec();
  g_free(spec->simplified_path);
  g_autofree char *trio = src_path("tests/maps/trio.svg");
  spec->simplified_path = g_strdup(trio);
  spec->simplified_pos = (RlPos){"maps/belgium.yaml", 9, 1};
  RlMap *map = map_load(spec, NULL); /* loaded when needed: map_check says what is wrong */
  g_assert_nonnull(map);
  g_assert_true(map_for_scale(map, 0.35) == map);
  map_free(map);
  DiagList *dl = diag_list_new();
  g_assert_false(map_check(spec, dl));
  g_assert_cmpuint(diag_len(dl), ==, 1);
  g_autofree char *line = diag_format(diag_at(dl, 0));
  g_assert_true(g_str_has_prefix(line, "maps/belgium.yaml:9:1: error: "));
  g_assert_nonnull(strstr(line, "trio.svg"));
  diag_list_free(dl);
  map_spec_free(spec);
}

static void test_brussels_highlight(void)
{
  RlMapSpec *spec = belgium_spec();
  RlMap *map = map_load(spec, NULL);
  g_assert_nonnull(map);
  RlMapStyle st = map_style_default();
  const char *const codes[] = {"21000", NULL};
  Picture p = render(map, 3000, 2500, codes, &st);
  for (int i = 0; brussels[i]; i++)
    if (!centre_is(map, &p, brussels[i], st.highlight_fill))
      g_error("centre of commune %s is not highlighted", brussels[i]);
  /* Gent, Antwerpen, Namur, Arlon: muted. */
  static const char *const others[] = {"44021", "11002", "92094", "81001", NULL};
  for (int i = 0; others[i]; i++)
    g_assert_true(centre_is(map, &p, others[i], st.muted_fill));
  /* The heavy outline: walking east into Brussels at mid-height, the last pixels before
   * the first highlighted one are the outline colour, ~3 px (3 pt at 1 px/pt) wide. */
  double x, y, w, h, px, py;
  g_assert_true(map_region_bbox(map, "21000", &x, &y, &w, &h, NULL));
  map_fit_point(&p.fit, x, y + h / 2, &px, &py);
  int first = (int)px - 20;
  while (!pixel_is(&p, first, py, st.highlight_fill))
    g_assert_cmpint(++first, <, (int)px + 100);
  g_test_message("outline scan at y %d, first highlight x %d", (int)py, first);
  int dark = 0;
  for (int dx = 1; dx <= 12; dx++)
    dark += pixel_is(&p, first - dx, py, st.highlight_stroke);
  g_assert_cmpint(dark, >=, 3);
  cairo_surface_destroy(p.s);
  map_free(map);
  map_spec_free(spec);
}

/* A close-up: the view (user units) fitted in w x h pixels. */
static Picture render_view(RlMap *map, int w, int h, double vx, double vy, double vw,
                           double vh, const char *const *codes, const RlMapStyle *st)
{
  Picture p = {.s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h)};
  p.fit = map_fit_view(map, 0, 0, w, h, vx, vy, vw, vh);
  cairo_t *cr = cairo_create(p.s);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  GError *err = NULL;
  g_assert_true(map_draw_fit(map, cr, &p.fit, codes, st, &err));
  g_assert_no_error(err);
  cairo_destroy(cr);
  cairo_surface_flush(p.s);
  return p;
}

/* Channel values of a and b (same size) that differ by more than `by`. */
static int pixels_far(cairo_surface_t *a, cairo_surface_t *b, int by)
{
  int off = 0, far = 0, n = cairo_image_surface_get_stride(a) * cairo_image_surface_get_height(a);
  const guchar *pa = cairo_image_surface_get_data(a), *pb = cairo_image_surface_get_data(b);
  for (int i = 0; i < n; i++) {
    int d = abs((int)pa[i] - (int)pb[i]);
    off += d > 0;
    far += d > by;
  }
  g_test_message("%d channel values differ, %d by more than %d", off, far, by);
  return far;
}

/* A map that relais traces itself (layout/mapflat.c) looks as librsvg draws it, whole
 * and in a close-up: the same map with a do-nothing transform on the group of the areas
 * (which leaves them to librsvg) gives the same pixels, but where cairo rounds points
 * differently. */
static void test_flat_as_librsvg(void)
{
  RlMapSpec *spec = belgium_spec();
  g_autofree char *svg = NULL;
  gsize len = 0;
  g_assert_true(g_file_get_contents(spec->svg_path, &svg, &len, NULL));
  g_autofree char *moved = NULL;
  GRegex *re = g_regex_new("<g id=\"municipalities\"", 0, 0, NULL);
  moved = g_regex_replace_literal(re, svg, (gssize)len, 0,
                                  "<g id=\"municipalities\" transform=\"translate(0 0)\"", 0,
                                  NULL);
  g_regex_unref(re);
  g_assert_cmpuint(strlen(moved), >, len);
  g_autofree char *tmp = g_build_filename(g_get_tmp_dir(), "relais-test-flat.svg", NULL);
  g_assert_true(g_file_set_contents(tmp, moved, -1, NULL));
  RlMap *flat = map_load(spec, NULL);
  g_free(spec->svg_path);
  spec->svg_path = g_strdup(tmp);
  RlMap *rsvg = map_load(spec, NULL);
  g_assert_nonnull(flat);
  g_assert_nonnull(rsvg);
  RlMapStyle st = map_style_default();
  const char *const codes[] = {"21000", "10000", "63023", NULL};
  Picture a = render(flat, 1000, 830, codes, &st), b = render(rsvg, 1000, 830, codes, &st);
  g_assert_cmpint(pixels_far(a.s, b.s, 40), <=, 30);
  g_assert_true(centre_is(flat, &a, "21004", st.highlight_fill));
  g_assert_true(centre_is(flat, &a, "92094", st.muted_fill));
  cairo_surface_destroy(a.s);
  cairo_surface_destroy(b.s);
  /* A close-up of Brussels: what meets the view, every stroke at the base width. */
  double x, y, w, h;
  g_assert_true(map_region_bbox(flat, "21000", &x, &y, &w, &h, NULL));
  a = render_view(flat, 600, 500, x - 20, y - 20, w + 40, h + 40, codes, &st);
  b = render_view(rsvg, 600, 500, x - 20, y - 20, w + 40, h + 40, codes, &st);
  g_assert_cmpfloat(a.fit.zoom, >, 5);
  g_assert_cmpint(pixels_far(a.s, b.s, 40), <=, 30);
  g_assert_true(centre_is(flat, &a, "21004", st.highlight_fill));
  cairo_surface_destroy(a.s);
  cairo_surface_destroy(b.s);
  map_free(flat);
  map_free(rsvg);
  g_unlink(tmp);
  map_spec_free(spec);
}

static void test_ostbelgien_exactly(void)
{
  RlMapSpec *spec = belgium_spec();
  RlMap *map = map_load(spec, NULL);
  RlMapStyle st = map_style_default();
  Picture p = render(map, 3000, 2500, ostbelgien, &st);
  g_autoptr(GHashTable) want = g_hash_table_new(g_str_hash, g_str_equal);
  for (int i = 0; ostbelgien[i]; i++)
    g_hash_table_add(want, (gpointer)ostbelgien[i]);
  int lit = 0;
  for (guint i = 0; i < spec->codes->len; i++) {
    const char *code = g_ptr_array_index(spec->codes, i);
    if (!g_str_has_suffix(code, "000") || g_hash_table_contains(want, code)) {
      gboolean on = centre_is(map, &p, code, st.highlight_fill);
      if (on != g_hash_table_contains(want, code))
        g_error("municipality %s: highlighted %d, expected %d", code, on, !on);
      lit += on;
    }
  }
  g_assert_cmpint(lit, ==, 9);
  cairo_surface_destroy(p.s);
  map_free(map);
  map_spec_free(spec);
}

static void test_project(void)
{
  RlMapSpec *spec = belgium_spec();
  RlMap *map = map_load(spec, NULL);
  double x, y;
  map_project(spec, spec->proj[0], spec->proj[1], &x, &y);
  g_assert_cmpfloat_with_epsilon(x, spec->proj[5], 1e-9);
  g_assert_cmpfloat_with_epsilon(y, spec->proj[6], 1e-9);
  /* Points in named communes land inside them: Grand-Place (Bruxelles 21004), the
   * Belfry of Ghent (44021), Eupen town hall (63023), Arlon (81001). */
  static const struct { double lon, lat; const char *code; } at[] = {
    {4.3525, 50.8467, "21004"}, {3.7249, 51.0536, "44021"}, {6.0361, 50.6278, "63023"},
    {5.8167, 49.6833, "81001"}};
  RlMapStyle st = map_style_default();
  for (guint i = 0; i < G_N_ELEMENTS(at); i++) {
    const char *const one[] = {at[i].code, NULL};
    Picture p = render(map, 2000, 1700, one, &st);
    double px, py;
    map_project(spec, at[i].lon, at[i].lat, &x, &y);
    map_fit_point(&p.fit, x, y, &px, &py);
    if (!pixel_is(&p, px, py, st.highlight_fill))
      g_error("%g,%g is not inside %s", at[i].lon, at[i].lat, at[i].code);
    cairo_surface_destroy(p.s);
  }
  map_free(map);
  map_spec_free(spec);
}

/* ---- refusals ----------------------------------------------------------------------- */

static void expect_refused(const char *svg, int code, const char *message_part)
{
  RlMapSpec *spec = trio_spec(svg);
  GError *err = NULL;
  RlMap *map = map_load(spec, &err);
  g_assert_null(map);
  g_assert_error(err, RL_MAP_ERROR, code);
  if (!strstr(err->message, message_part))
    g_error("message '%s' lacks '%s'", err->message, message_part);
  g_error_free(err);
  map_spec_free(spec);
}

static void test_refuse_missing(void)
{
  expect_refused("no-such-map.svg", RL_MAP_ERROR_READ, "no-such-map.svg' does not exist");
}

static void test_refuse_malformed(void)
{
  expect_refused("malformed.svg", RL_MAP_ERROR_SVG, "malformed.svg' is not a valid SVG: ");
}

static void test_refuse_file_url(void)
{
  expect_refused("external-file.svg", RL_MAP_ERROR_EXTERNAL,
                 "external-file.svg' line 3 refers to 'file:///etc/passwd' outside the file; "
                 "only local '#id' references are allowed");
}

static void test_refuse_http_url(void)
{
  expect_refused("external-http.svg", RL_MAP_ERROR_EXTERNAL,
                 "external-http.svg' line 2 refers to 'https://example.com/paint.svg#p'");
}

static void test_refuse_import(void)
{
  expect_refused("external-import.svg", RL_MAP_ERROR_EXTERNAL,
                 "external-import.svg' line 2 refers to 'https://example.com/evil.css'");
}

static void test_refuse_too_large(void)
{
  g_autofree char *dir = g_dir_make_tmp("relais-map-XXXXXX", NULL);
  g_autofree char *path = g_build_filename(dir, "big.svg", NULL);
  gsize n = MAP_MAX_BYTES + 1;
  char *data = g_malloc(n);
  memset(data, ' ', n);
  g_assert_true(g_file_set_contents(path, data, (gssize)n, NULL));
  g_free(data);
  RlMapSpec *spec = map_spec_new();
  spec->svg_path = g_strdup(path);
  GError *err = NULL;
  g_assert_null(map_load(spec, &err));
  g_assert_error(err, RL_MAP_ERROR, RL_MAP_ERROR_TOO_LARGE);
  g_assert_nonnull(strstr(err->message, "is too large (8388609 bytes, at most 8388608)"));
  g_error_free(err);
  map_spec_free(spec);
  g_remove(path);
  g_rmdir(dir);
}

static void test_missing_ids(void)
{
  RlMapSpec *spec = belgium_spec();
  g_ptr_array_add(spec->codes, g_strdup("99998"));
  g_ptr_array_add(spec->codes, g_strdup("99999"));
  spec->codes_pos = (RlPos){"maps/belgium.yaml", 8, 7};
  GError *err = NULL;
  g_assert_null(map_load(spec, &err));
  g_assert_error(err, RL_MAP_ERROR, RL_MAP_ERROR_IDS);
  g_assert_nonnull(strstr(err->message, "has no element for 2 codes: '99998' (id "
                                        "'nis-99998'), '99999' (id 'nis-99999')"));
  g_error_free(err);
  DiagList *dl = diag_list_new();
  g_assert_false(map_check(spec, dl));
  g_assert_cmpuint(diag_len(dl), ==, 1);
  g_autofree char *line = diag_format(diag_at(dl, 0));
  g_assert_true(g_str_has_prefix(line, "maps/belgium.yaml:8:7: error: map file '"));
  diag_list_free(dl);
  map_spec_free(spec);
}

/* ---- the second map --------------------------------------------------------------- */

static void test_trio(void)
{
  RlMapSpec *spec = trio_spec("trio.svg");
  GError *err = NULL;
  RlMap *map = map_load(spec, &err);
  g_assert_no_error(err);
  g_autofree char *id = map_element_id(spec, "XX-S");
  g_assert_cmpstr(id, ==, "region-south");
  g_assert_true(map_overview(map) == map); /* no overview: the map itself */
  RlMapStyle st = map_style_default();
  const char *const codes[] = {"XX-S", "XX-E", NULL};
  Picture p = render(map, 600, 400, codes, &st); /* scale 2 */
  g_assert_cmpfloat(p.fit.scale, ==, 2);
  g_assert_true(pixel_is(&p, 150, 100, st.muted_fill));     /* north */
  g_assert_true(pixel_is(&p, 150, 290, st.highlight_fill)); /* south (transformed) */
  g_assert_true(pixel_is(&p, 400, 290, st.highlight_fill)); /* east (a <use>) */
  g_assert_true(pixel_is(&p, 580, 390, (RlColour){1, 1, 1})); /* outside */
  double x, y, w, h;
  g_assert_true(map_region_bbox(map, "XX-S", &x, &y, &w, &h, &err));
  g_assert_cmpfloat_with_epsilon(x, 10, 1e-6);
  g_assert_cmpfloat_with_epsilon(y, 100, 1e-6);
  g_assert_cmpfloat_with_epsilon(w, 130, 1e-6);
  g_assert_cmpfloat_with_epsilon(h, 90, 1e-6);
  g_assert_false(map_region_bbox(map, "XX-W", &x, &y, &w, &h, &err));
  g_assert_error(err, RL_MAP_ERROR, RL_MAP_ERROR_CODE);
  g_clear_error(&err);
  map_project(spec, 15, 5, &x, &y);
  cairo_t *cr = NULL;
  g_assert_cmpfloat(x, ==, 150);
  g_assert_cmpfloat(y, ==, 150);
  g_assert_cmpuint(map_count_leaves(map, "XX-S"), ==, 1);
  g_assert_null(map_region_name(map, "XX-S", "fr"));
  cairo_surface_destroy(p.s);
  /* A close-up of the south region: it fills the box, the north is clipped away. */
  p.s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 260, 180);
  cr = cairo_create(p.s);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  p.fit = map_fit_view(map, 0, 0, 260, 180, 10, 100, 130, 90);
  g_assert_cmpfloat_with_epsilon(p.fit.scale, 2, 1e-9);
  g_assert_cmpfloat(p.fit.zoom, >, 2);
  g_assert_true(map_draw_fit(map, cr, &p.fit, codes, &st, &err));
  g_assert_no_error(err);
  cairo_destroy(cr);
  cairo_surface_flush(p.s);
  g_assert_true(pixel_is(&p, 130, 90, st.highlight_fill));
  g_assert_true(pixel_is(&p, 20, 20, st.highlight_fill));
  const char *const bad[] = {"XX-W", NULL};
  cr = cairo_create(p.s);
  g_assert_false(map_draw(map, cr, 0, 0, 600, 400, bad, &st, &err));
  g_assert_error(err, RL_MAP_ERROR, RL_MAP_ERROR_CODE);
  g_assert_cmpstr(err->message, ==, "the map has no element for code 'XX-W'");
  g_clear_error(&err);
  cairo_destroy(cr);
  cairo_surface_destroy(p.s);
  map_free(map);
  map_spec_free(spec);
}

static void test_vector_pdf(void)
{
  RlMapSpec *spec = trio_spec("trio.svg");
  RlMap *map = map_load(spec, NULL);
  g_autofree char *dir = g_dir_make_tmp("relais-map-XXXXXX", NULL);
  g_autofree char *path = g_build_filename(dir, "map.pdf", NULL);
  cairo_surface_t *s = cairo_pdf_surface_create(path, 400, 300);
  cairo_t *cr = cairo_create(s);
  const char *const codes[] = {"XX-N", NULL};
  g_assert_true(map_draw(map, cr, 0, 0, 400, 300, codes, NULL, NULL));
  cairo_destroy(cr);
  cairo_surface_finish(s);
  g_assert_cmpint(cairo_surface_status(s), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy(s);
  g_autofree char *pdf = NULL;
  gsize len = 0;
  g_assert_true(g_file_get_contents(path, &pdf, &len, NULL));
  g_assert_null(g_strstr_len(pdf, (gssize)len, "/Subtype /Image")); /* vector, no bitmap */
  g_remove(path);
  g_rmdir(dir);
  map_free(map);
  map_spec_free(spec);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/map/belgium/loads", test_belgium_loads);
  g_test_add_func("/map/belgium/brussels", test_brussels_highlight);
  g_test_add_func("/map/belgium/flat", test_flat_as_librsvg);
  g_test_add_func("/map/belgium/overview", test_belgium_overview);
  g_test_add_func("/map/belgium/simplified", test_belgium_simplified);
  g_test_add_func("/map/refuse/simplified", test_simplified_refused);
  g_test_add_func("/map/belgium/ostbelgien", test_ostbelgien_exactly);
  g_test_add_func("/map/belgium/project", test_project);
  g_test_add_func("/map/refuse/missing", test_refuse_missing);
  g_test_add_func("/map/refuse/malformed", test_refuse_malformed);
  g_test_add_func("/map/refuse/file-url", test_refuse_file_url);
  g_test_add_func("/map/refuse/http-url", test_refuse_http_url);
  g_test_add_func("/map/refuse/import", test_refuse_import);
  g_test_add_func("/map/refuse/too-large", test_refuse_too_large);
  g_test_add_func("/map/refuse/missing-ids", test_missing_ids);
  g_test_add_func("/map/trio", test_trio);
  g_test_add_func("/map/trio/vector-pdf", test_vector_pdf);
  return g_test_run();
}
