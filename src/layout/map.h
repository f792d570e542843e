/* map.h - a map of region codes: an SVG (plus its sidecar RlMapSpec) drawn with librsvg,
 * with some codes highlighted and the rest muted, and points placed by longitude/latitude.
 *
 * The SVG is checked before librsvg sees it: at most MAP_MAX_BYTES, and no reference to
 * anything outside itself (every href, xlink:href and url() must be a local "#fragment";
 * no @import, no external DTD or entity). Drawing stays vector on PDF surfaces.
 *
 * An RlMap may be shared between threads: map_draw() and map_region_bbox() serialise on
 * a lock inside the map (librsvg handles are not thread-safe).
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <stdbool.h>

#include "model/diag.h"
#include "model/model.h"

#define MAP_MAX_BYTES (8u * 1024u * 1024u) /* largest SVG accepted */

typedef struct RlMap RlMap;

#define RL_MAP_ERROR (map_error_quark())
GQuark map_error_quark(void);
typedef enum {
  RL_MAP_ERROR_READ,      /* missing or unreadable file */
  RL_MAP_ERROR_TOO_LARGE, /* over MAP_MAX_BYTES */
  RL_MAP_ERROR_EXTERNAL,  /* refers to something outside the SVG */
  RL_MAP_ERROR_SVG,       /* librsvg cannot parse it */
  RL_MAP_ERROR_IDS,       /* codes of the sidecar without an element in the SVG */
  RL_MAP_ERROR_CODE,      /* a code the map does not know (map_region_bbox) */
} RlMapError;

/* How map_draw() colours the map. Widths are in points on the page (they do not grow
 * with the map). The highlighted area gets fill + a heavy outline drawn on top of its
 * outer edge, so colour is never the only cue. */
typedef struct {
  RlColour muted_fill;       /* every other area */
  RlColour muted_stroke;     /* their borders: ≥ 3:1 against muted_fill */
  RlColour highlight_fill;
  RlColour highlight_stroke; /* the heavy outline of the highlighted area */
  double stroke_pt;          /* borders between areas, e.g. 0.5 */
  double highlight_stroke_pt;/* outline of the highlighted area, e.g. 3 */
} RlMapStyle;

/* The default style: light grey areas, dark grey borders, a yellow-orange highlight
 * with a near-black 3 pt outline. */
RlMapStyle map_style_default(void);

/* Where a map lands on the page: page = (x, y) + scale * (user - viewBox origin). The
 * drawing is clipped to the box clip_*. zoom > 1 when a view shows part of the map
 * larger than the whole map would fit in the box. */
typedef struct {
  double x, y;       /* page position of the SVG's viewBox origin */
  double scale;      /* page units per SVG user unit */
  double w, h;       /* size of the whole viewBox on the page */
  double vb_x, vb_y; /* the viewBox origin, in user units */
  double clip_x, clip_y, clip_w, clip_h; /* the box drawn into */
  double zoom;       /* scale / the scale that fits the whole map in the box */
} RlMapFit;

/* Loads and checks the SVG of `spec` (which must outlive the map): size, external
 * references, parse, and that every code in spec->codes has an element
 * (map_element_id); the same for spec->overview_path when given, whose viewBox must
 * equal the SVG's (spec->simplified_path is loaded when map_for_scale() first needs it;
 * map_check() checks it). Returns a new map (free with map_free) or NULL with *error set
 * (RL_MAP_ERROR_*; the message names the file, the line for external references, and
 * the codes without an element). */
RlMap *map_load(const RlMapSpec *spec, GError **error);
/* Frees the map; NULL is a no-op. */
void map_free(RlMap *map);
/* The map to draw a small whole-map view with (e.g. a poster's overview inset): the
 * sidecar's coarser `overview:` SVG (same viewBox, ids and codes; loaded and checked by
 * map_load like the main SVG), or `map` itself when the sidecar names none. Owned by
 * `map` (do not free). Close-ups and large whole maps keep using `map`. */
RlMap *map_overview(RlMap *map);

/* Less than a print shows (0.2 mm, in points): the error a simplified map may make. */
#define MAP_UNSEEN_PT 0.57

/* The map to draw at `scale` (page points per SVG user unit, RlMapFit.scale): the
 * sidecar's `simplified:` SVG when its borders stray at most MAP_UNSEEN_PT on the page
 * (tolerance × scale), else `map` itself. Same viewBox, ids and codes, so a fit made with
 * one serves the other. Loaded when first needed; `map` when it does not load (map_check
 * reports why). Owned by `map` (do not free). Thread-safe. */
RlMap *map_for_scale(RlMap *map, double scale);

/* Loads the map of `spec` like map_load() and reports a failure as a diagnostic at the
 * sidecar position (spec->svg_pos; missing ids at spec->codes_pos; anything wrong with
 * the overview SVG at spec->overview_pos, with the simplified one at
 * spec->simplified_pos). For `relais check`.
 * Returns true when the map is usable. */
bool map_check(const RlMapSpec *spec, DiagList *diags);

/* The element id for `code` ("nis-21000"), by the sidecar's table or pattern. Returns a
 * new string (g_free) or NULL when the table has no entry / no scheme is given. */
char *map_element_id(const RlMapSpec *spec, const char *code);

/* Size of the map's viewBox in user units. */
void map_size(const RlMap *map, double *w, double *h);

/* How the whole map fits (aspect kept, centred) into the box x, y, w, h. */
RlMapFit map_fit(const RlMap *map, double x, double y, double w, double h);
/* How the map fits so that the view vx, vy, vw, vh (SVG user units) fills the box x, y,
 * w, h (aspect kept, centred; the rest of the map is clipped away). */
RlMapFit map_fit_view(const RlMap *map, double x, double y, double w, double h, double vx,
                      double vy, double vw, double vh);
/* A point in SVG user units → page coordinates for `fit`. */
void map_fit_point(const RlMapFit *fit, double ux, double uy, double *px, double *py);

/* Draws the map fitted into the box x, y, w, h of `cr` with the areas of
 * `highlight_codes` (NULL-terminated, may be NULL or empty) highlighted and every other
 * code of the sidecar muted; style NULL = map_style_default(). Returns false with *error
 * set when a code has no element or librsvg fails. The cairo state is restored. */
bool map_draw(RlMap *map, cairo_t *cr, double x, double y, double w, double h,
              const char *const *highlight_codes, const RlMapStyle *style, GError **error);
/* The same for any fit (map_fit_view for a close-up), clipped to its box. In a close-up
 * (zoom > 1) every stroke of the map is drawn style->stroke_pt wide, so the map's own
 * border widths (in user units) do not grow with the zoom, and only the elements whose
 * box meets the clip box are traced (split down through <g>s whose drawn children all
 * have ids; not when the SVG uses opacity, filter, mask or clip-path, or an id twice). */
bool map_draw_fit(RlMap *map, cairo_t *cr, const RlMapFit *fit,
                  const char *const *highlight_codes, const RlMapStyle *style, GError **error);
/* map_draw_fit() into the n contexts crs at once (e.g. a PDF page and its thumbnail, each
 * with its own transformation): librsvg restyles and draws the map (its costly steps)
 * once, into a recording surface painted into each context (a PDF holds it as a form
 * XObject). Fails like map_draw_fit(), after drawing into none, some or all. */
bool map_draw_fit_into(RlMap *map, cairo_t *const *crs, guint n, const RlMapFit *fit,
                       const char *const *highlight_codes, const RlMapStyle *style,
                       GError **error);

/* Bounding box of `code`'s element in SVG user units (its ink, strokes excluded), e.g.
 * to place a label or find a centre. Returns false with *error when the code has no
 * element. */
bool map_region_bbox(RlMap *map, const char *code, double *x, double *y, double *w,
                     double *h, GError **error);

/* Longitude/latitude (degrees, WGS84) → SVG user units by the sidecar's projection. */
void map_project(const RlMapSpec *spec, double lon, double lat, double *x, double *y);

/* The name of `code`'s element from its <title> child in `lang` ("fr"; a title with
 * lang="fr" or xml:lang="fr"), else in fr, nl, de, en, else an untitled one; code NULL =
 * the map's own title (of the root <svg>). Returns a new string or NULL (no title). */
char *map_region_name(const RlMap *map, const char *code, const char *lang);

/* How many of the sidecar's codes lie inside `code`'s element and contain no other code
 * (the municipalities of an arrondissement: 19 for Brussels' 21000); 1 for a leaf itself,
 * 0 for an unknown code. */
guint map_count_leaves(const RlMap *map, const char *code);

/* The spec the map was loaded from (borrowed). */
const RlMapSpec *map_spec(const RlMap *map);

/* The attribution to print with the map in `lang` (else in English, else in the first
 * language given); borrowed; NULL when the sidecar gives none. */
const char *map_attribution(const RlMap *map, RlLang lang);
