/* test-mapflat.c - which elements of a map SVG relais may trace itself, their fill rule
 * and cap from the SVG's CSS, and the points traced. */
#include <cairo.h>
#include <glib.h>
#include <string.h>

#include "layout/mapflat.h"

static RlMapFlat *flat_of(const char *svg)
{
  return mapflat_new(svg, strlen(svg));
}

/* The index of the element whose owner is id. */
static guint find(const RlMapFlat *f, const char *id)
{
  for (guint i = 0; i < mapflat_len(f); i++)
    if (strcmp(mapflat_owner(f, i), id) == 0)
      return i;
  g_error("no element %s", id);
}

/* The points of element i traced at (1 + 2x, 2 + 2y), as "M x y L x y ... Z". */
static char *traced(const RlMapFlat *f, guint i)
{
  cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_A8, 4, 4);
  cairo_t *cr = cairo_create(s);
  mapflat_trace(f, i, cr, 1, 2, 2);
  cairo_path_t *p = cairo_copy_path(cr);
  GString *out = g_string_new(NULL);
  static const char *const names[] = {"M", "L", "C", "Z"};
  for (int k = 0; k < p->num_data; k += p->data[k].header.length) {
    const cairo_path_data_t *d = &p->data[k];
    g_string_append_printf(out, "%s%s", out->len ? " " : "", names[d->header.type]);
    for (int j = 1; j < d->header.length; j++)
      g_string_append_printf(out, " %g %g", d[j].point.x, d[j].point.y);
  }
  cairo_path_destroy(p);
  cairo_destroy(cr);
  cairo_surface_destroy(s);
  return g_string_free(out, FALSE);
}

static void test_paths(void)
{
  RlMapFlat *f = flat_of(
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
    "<style>/* areas */ .a { fill: #eee; fill-rule: evenodd; stroke-linecap: round; }"
    " .b, .c { stroke: #555; stroke-width: 0.4 }</style>"
    "<title>t</title>"
    "<g id='top' class='a'>"
    "<path id='square' d='M0 0H10V10h-10z'/>"
    "<path id='rel' class='b' d='m20,20 l5 0 0 5 c1 1 2 2 3 3 Z m1-1 v2'/>"
    "<path id='empty' class='b' d=''/>"
    "<g><path d='M1 1L2 2'/></g>"
    "<path id='arc' d='M0 0 A 5 5 0 0 1 10 10'/>"
    "<path id='styled' style='fill:red' d='M0 0L1 1'/>"
    "<rect id='box' width='1' height='1'/>"
    "<g id='moved' transform='translate(1 1)'><path id='inmoved' d='M0 0L1 1'/></g>"
    "</g>"
    "<path id='plain' d='M0 0L1 1'/>"
    "</svg>");
  g_assert_nonnull(f);
  g_assert_cmpuint(mapflat_len(f), ==, 9);
  g_assert_true(mapflat_plain(f, find(f, "square")));
  g_assert_cmpint(mapflat_fill_rule(f, find(f, "square")), ==, CAIRO_FILL_RULE_EVEN_ODD);
  g_assert_cmpint(mapflat_line_cap(f, find(f, "square")), ==, CAIRO_LINE_CAP_ROUND);
  g_autofree char *sq = traced(f, find(f, "square"));
  g_assert_cmpstr(sq, ==, "M 1 2 L 21 2 L 21 22 L 1 22 Z M 1 2");
  g_assert_true(mapflat_plain(f, find(f, "rel")));
  g_assert_cmpint(mapflat_fill_rule(f, find(f, "rel")), ==, CAIRO_FILL_RULE_EVEN_ODD);
  g_autofree char *rel = traced(f, find(f, "rel"));
  g_assert_cmpstr(rel, ==,
                  "M 41 42 L 51 42 L 51 52 C 53 54 55 56 57 58 Z M 43 40 L 43 44");
  g_assert_true(mapflat_plain(f, find(f, "empty")));
  g_autofree char *none = traced(f, find(f, "empty"));
  g_assert_cmpstr(none, ==, "");
  guint anon = find(f, "empty") + 1; /* the path without id: owned by the top */
  g_assert_cmpstr(mapflat_owner(f, anon), ==, "top");
  g_assert_true(mapflat_plain(f, anon));
  g_assert_false(mapflat_plain(f, find(f, "arc")));
  g_assert_false(mapflat_plain(f, find(f, "styled")));
  g_assert_false(mapflat_plain(f, find(f, "box")));
  g_assert_false(mapflat_plain(f, find(f, "inmoved")));
  g_assert_true(mapflat_plain(f, find(f, "plain")));
  g_assert_cmpint(mapflat_fill_rule(f, find(f, "plain")), ==, CAIRO_FILL_RULE_WINDING);
  g_assert_cmpint(mapflat_line_cap(f, find(f, "plain")), ==, CAIRO_LINE_CAP_BUTT);
  mapflat_free(f);
  mapflat_free(NULL);
}

/* The style an element gets from its classes and its ancestors' (inherited), and SVG's
 * initial values; NULL for values this file does not read. */
static void test_styles(void)
{
  RlMapFlat *f = flat_of(
    "<svg viewBox='0 0 9 9'><style>"
    ".border { fill: none; stroke: #333333; stroke-width: 1.2; stroke-linejoin: round;"
    " stroke-linecap: round } .thin { stroke-width: 0.5; stroke: #a0F }"
    " .named { stroke: red } .faint { stroke-opacity: 0.5 } .sharp { stroke-miterlimit: 2 }"
    "</style>"
    "<g id='borders' class='border'><path id='b1' d='M0 0L1 1'/>"
    "<path id='b2' class='thin sharp' d='M0 0L1 1'/></g>"
    "<path id='bare' d='M0 0L1 1'/><path id='red' class='named' d='M0 0L1 1'/>"
    "<path id='faint' class='faint' d='M0 0L1 1'/></svg>");
  const RlMapFlatStyle *b1 = mapflat_style(f, find(f, "b1"));
  g_assert_nonnull(b1);
  g_assert_true(b1->fill_none);
  g_assert_false(b1->stroke_none);
  g_assert_cmpfloat_with_epsilon(b1->stroke[0], 0x33 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon(b1->width, 1.2, 1e-9);
  g_assert_cmpint(b1->join, ==, CAIRO_LINE_JOIN_ROUND);
  g_assert_cmpint(b1->cap, ==, CAIRO_LINE_CAP_ROUND);
  const RlMapFlatStyle *b2 = mapflat_style(f, find(f, "b2"));
  g_assert_cmpfloat_with_epsilon(b2->width, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon(b2->stroke[0], 0xaa / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon(b2->stroke[2], 1, 1e-9);
  g_assert_cmpfloat_with_epsilon(b2->miter, 2, 1e-9);
  g_assert_true(b2->fill_none); /* inherited from the group */
  const RlMapFlatStyle *bare = mapflat_style(f, find(f, "bare"));
  g_assert_false(bare->fill_none);
  g_assert_cmpfloat(bare->fill[0] + bare->fill[1] + bare->fill[2], ==, 0);
  g_assert_true(bare->stroke_none);
  g_assert_cmpfloat(bare->width, ==, 1);
  g_assert_cmpfloat(bare->miter, ==, 4);
  g_assert_cmpint(bare->join, ==, CAIRO_LINE_JOIN_MITER);
  /* Plain as an area (map.c sets its colours), but no style of its own to draw with. */
  g_assert_true(mapflat_plain(f, find(f, "red")));
  g_assert_null(mapflat_style(f, find(f, "red")));
  g_assert_null(mapflat_style(f, find(f, "faint")));
  double x0, y0, x1, y1;
  g_assert_true(mapflat_bbox(f, find(f, "b1"), &x0, &y0, &x1, &y1));
  g_assert_cmpfloat(x0, ==, 0);
  g_assert_cmpfloat(y1, ==, 1);
  mapflat_free(f);
}

/* CSS relais cannot follow leaves the elements it may style to librsvg. */
static void test_css_refused(void)
{
  static const char *const sheets[] = {
    "path { fill: red }",                 /* not a class selector */
    ".a { stroke-dasharray: 2 }",         /* a property map.c does not set */
    ".a { fill: red !important }",        /* would win over map.c's stylesheet */
    ".a { fill-rule: inherit-ish }",      /* a fill rule cairo has not */
    "@media print { .a { fill: red } }",  /* not a plain rule */
  };
  for (guint i = 0; i < G_N_ELEMENTS(sheets); i++) {
    g_autofree char *svg = g_strdup_printf(
      "<svg viewBox='0 0 9 9'><style>%s</style><g id='g' class='a'><path id='p' d='M0 0L1 1'/>"
      "</g><path id='q' d='M0 0L1 1'/></svg>", sheets[i]);
    RlMapFlat *f = flat_of(svg);
    g_assert_nonnull(f);
    g_assert_false(mapflat_plain(f, find(f, "p")));
    mapflat_free(f);
  }
  RlMapFlat *f = flat_of("<svg viewBox='0 0 9 9' fill-rule='evenodd'><path id='p' d='M0 0L1 1'/></svg>");
  g_assert_false(mapflat_plain(f, find(f, "p"))); /* a presentation attribute on the root */
  mapflat_free(f);
  g_assert_null(flat_of("<svg><path d='M0 0'></svg>")); /* not XML */
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/mapflat/paths", test_paths);
  g_test_add_func("/mapflat/styles", test_styles);
  g_test_add_func("/mapflat/css-refused", test_css_refused);
  return g_test_run();
}
