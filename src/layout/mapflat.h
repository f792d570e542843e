/* mapflat.h - the <path> elements of a map SVG as plain geometry, traced with cairo.
 *
 * librsvg draws every element of a map in a cairo save/restore of its own and sets the
 * whole graphics state again for each: in a PDF that is ~120 bytes of operators per
 * municipality, and librsvg measures and cascades each one. A map's areas all get the
 * same pen (map.c's stylesheets set their fill, stroke, width and join), so map.c can
 * trace them itself, one after the other with one state, when this file says they are
 * plain: a <path> with only id, class and d (commands M L H V C Z, either case), inside
 * <g> elements with only id and class, styled by CSS rules `.class { ... }` that set
 * nothing a map.c stylesheet does not override except fill-rule and stroke-linecap.
 * Anything else drawn (another shape, <use>, a transform, a style attribute) is listed
 * as not plain, so that map.c leaves a map that has one among its areas to librsvg.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <stdbool.h>

typedef struct RlMapFlat RlMapFlat;

/* Reads the drawn elements of the SVG text (len bytes). Returns a new RlMapFlat (free
 * with mapflat_free()); NULL when GMarkup cannot read the text. */
RlMapFlat *mapflat_new(const char *svg, gsize len);

/* Frees f; mapflat_free(NULL) does nothing. */
void mapflat_free(RlMapFlat *f);

/* The number of drawn elements, in document order. */
guint mapflat_len(const RlMapFlat *f);

/* The id of drawn element i, or of its nearest ancestor with one ("": none). Borrowed. */
const char *mapflat_owner(const RlMapFlat *f, guint i);

/* True when element i is a plain <path> (see above) that mapflat_trace() draws. */
bool mapflat_plain(const RlMapFlat *f, guint i);

/* The fill rule and line cap of plain element i (from its CSS classes and theirs of its
 * ancestors; nonzero and butt when none says). */
cairo_fill_rule_t mapflat_fill_rule(const RlMapFlat *f, guint i);
cairo_line_cap_t mapflat_line_cap(const RlMapFlat *f, guint i);

/* How an element is painted when no stylesheet of map.c overrides anything: what its
 * CSS classes and theirs of its ancestors say, SVG's initial values for the rest. */
typedef struct {
  bool fill_none, stroke_none;
  double fill[3], stroke[3]; /* sRGB, 0..1 */
  double width, miter;       /* user units; miter limit */
  cairo_line_join_t join;
  cairo_line_cap_t cap;
  cairo_fill_rule_t rule;
} RlMapFlatStyle;

/* The full style of plain element i, or NULL when its CSS says something this file does
 * not read (a colour other than #rgb, #rrggbb or none, an opacity under 1, ...). */
const RlMapFlatStyle *mapflat_style(const RlMapFlat *f, guint i);

/* The box of element i's points (curves by their control points), user units; false
 * when it has none. */
bool mapflat_bbox(const RlMapFlat *f, guint i, double *x0, double *y0, double *x1, double *y1);

/* Appends the outline of plain element i to cr's path, each user-unit point (x, y) at
 * (ox + s * x, oy + s * y). */
void mapflat_trace(const RlMapFlat *f, guint i, cairo_t *cr, double ox, double oy, double s);
