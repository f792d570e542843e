/* postermap.c - the poster's map figure: a close-up of the network's area (or the whole
 * map), highlighted with a heavy outline, numbered dots for the groups, a legend that
 * names the area in words, an overview inset, and the alt text. */
#include <math.h>
#include <string.h>

#include "render/poster.h"

#define VIEW_PAD 0.15      /* margin around the area in a close-up, share of its size */
#define VIEW_MIN 0.08      /* smallest close-up, share of the map's width */
#define CLOSEUP_GAIN 1.15 /* a close-up must show the area this much bigger than the whole map */
#define INSET_SHARE 0.28   /* overview inset width, share of the figure */
#define COLUMN_SHARE 0.36  /* inset and legend column beside a tall close-up, share of it */
#define COLUMN_MAX 0.5     /* and at most, widened until the legend reads there */
#define COLUMN_STEP 0.035
#define INSET_MIN 110.0    /* narrowest inset in that column, points (39 mm) */
#define GAP 12.0           /* points between legend parts */
#define LEGEND_MIN_CHARS 12 /* a legend column beside the map is this many characters wide */
#define LEGEND_MAX_LINES 2  /* and a legend entry there takes at most this many lines */

typedef struct {
  double x, y, w, h;
} Box;

static RlMapStyle poster_map_style(const RlLayout *lay)
{
  RlMapStyle st = map_style_default();
  st.muted_fill = (RlColour){0.9, 0.9, 0.9};
  st.muted_stroke = (RlColour){0.4, 0.4, 0.4}; /* 4.6:1 against the muted fill */
  st.highlight_fill = lay->highlight;
  st.highlight_stroke = lay->ink;
  st.stroke_pt = 0.6;
  st.highlight_stroke_pt = 3.5;
  return st;
}

double poster_dot_radius(const RlPoster *p)
{
  return text_style(p->lay, RL_ROLE_STRONG).size_pt * 0.8;
}

void poster_dot(const RlPoster *p, cairo_t *cr, double cx, double cy, double r, int n)
{
  const RlLayout *lay = p->lay;
  cairo_save(cr);
  cairo_new_path(cr); /* text drawing leaves a current point: no line to the circle */
  cairo_arc(cr, cx, cy, r, 0, 2 * G_PI);
  cairo_set_source_rgb(cr, lay->accent.r, lay->accent.g, lay->accent.b);
  cairo_fill_preserve(cr);
  cairo_set_source_rgb(cr, lay->paper.r, lay->paper.g, lay->paper.b);
  cairo_set_line_width(cr, 3);
  cairo_stroke(cr);
  cairo_restore(cr);
  RlTextStyle st = text_style(lay, RL_ROLE_STRONG);
  st.ink = lay->accent_ink;
  st.paper = lay->accent;
  st.tabular = true;
  char num[16];
  g_snprintf(num, sizeof num, "%d", n);
  RlTextBox *b = text_box_new(p->fonts, &st, num, 4 * r, (RlPos){0});
  text_box_draw(b, cr, cx - b->text_w / 2, cy - b->height_pt / 2, p->pf);
  text_box_free(b);
}

/* NULL-terminated copy of the area's codes (borrowed strings). Free with g_free(). */
static const char **poster_codes(const RlPoster *p)
{
  const char **v = g_new0(const char *, p->codes->len + 1);
  for (guint i = 0; i < p->codes->len; i++)
    v[i] = g_ptr_array_index(p->codes, i);
  return v;
}

static void box_add(Box *b, bool *any, double x, double y, double w, double h)
{
  if (!*any) {
    *b = (Box){x, y, w, h};
    *any = true;
    return;
  }
  double x1 = fmax(b->x + b->w, x + w), y1 = fmax(b->y + b->h, y + h);
  b->x = fmin(b->x, x), b->y = fmin(b->y, y);
  b->w = x1 - b->x, b->h = y1 - b->y;
}

/* The whole map in user units: its viewBox. */
static Box whole_view(const RlPoster *p)
{
  RlMapFit any = map_fit(p->map, 0, 0, 1, 1); /* carries the viewBox's origin */
  Box v = {any.vb_x, any.vb_y, 0, 0};
  map_size(p->map, &v.w, &v.h);
  return v;
}

/* The part of the map to show, in user units: the area and the groups' places, padded
 * (an area longer than 2:1 is padded as if it were 2:1, so a wide and low area keeps a
 * low view) and kept within the map; false when there is nothing to show (the whole map
 * is shown then). */
static bool poster_view(const RlPoster *p, Box *view)
{
  bool any = false;
  for (guint i = 0; i < p->codes->len; i++) {
    double x, y, w, h;
    if (map_region_bbox(p->map, g_ptr_array_index(p->codes, i), &x, &y, &w, &h, NULL))
      box_add(view, &any, x, y, w, h);
  }
  for (guint i = 0; i < p->groups->len; i++) {
    const RlGroup *g = g_ptr_array_index(p->groups, i);
    double x, y;
    if (!g->place.has_coords)
      continue;
    map_project(p->m->map, g->place.lon, g->place.lat, &x, &y);
    box_add(view, &any, x, y, 0, 0);
  }
  if (!any)
    return false;
  Box all = whole_view(p);
  double big = fmax(view->w, view->h), floor = fmax(0, all.w * VIEW_MIN / 2 - big / 2);
  double px = fmax(fmax(view->w, view->h / 2) * VIEW_PAD, floor);
  double py = fmax(fmax(view->h, view->w / 2) * VIEW_PAD, floor);
  double x0 = fmax(all.x, view->x - px), y0 = fmax(all.y, view->y - py);
  double x1 = fmin(all.x + all.w, view->x + view->w + px);
  double y1 = fmin(all.y + all.h, view->y + view->h + py);
  *view = (Box){x0, y0, x1 - x0, y1 - y0};
  return view->w > 0 && view->h > 0;
}

/* ---- legend ------------------------------------------------------------------------- */

static bool poster_has_dots(const RlPoster *p)
{
  for (guint i = 0; i < p->groups->len; i++)
    if (((const RlGroup *)g_ptr_array_index(p->groups, i))->place.has_coords)
      return true;
  return false;
}

/* The legend's text boxes: [0] the area (or the unknown-area note), [1] the dots or NULL;
 * each at most w wide beside its swatch. */
static void legend_boxes(const RlPoster *p, double w, RlTextBox *out[2])
{
  RlTextStyle st = text_style(p->lay, RL_ROLE_BODY);
  double sw = 2.2 * poster_dot_radius(p) + GAP; /* room for the swatch or the dot */
  if (p->codes->len == 0) {
    out[0] = poster_text(p, &st, poster_word(PW_NO_AREA, p->lang), w, p->label_pos);
  } else {
    g_autofree char *area = g_strdup_printf(poster_word(PW_AREA, p->lang), p->label);
    out[0] = poster_text(p, &st, area, w - sw, p->label_pos);
  }
  out[1] = poster_has_dots(p) ? poster_text(p, &st, poster_word(PW_GROUP_DOT, p->lang),
                                            w - sw, (RlPos){0})
                              : NULL;
}

/* Width of legend entry i: swatch column and text. */
static double legend_entry_w(const RlPoster *p, RlTextBox *const b[2], int i)
{
  bool swatch = i == 1 || p->codes->len > 0;
  return (swatch ? 2.2 * poster_dot_radius(p) + GAP : 0) + b[i]->text_w;
}

/* One row when both entries fit side by side in w, else two rows. */
static bool legend_one_row(const RlPoster *p, RlTextBox *const b[2], double w)
{
  return !b[1] || legend_entry_w(p, b, 0) + 2 * GAP + legend_entry_w(p, b, 1) <= w;
}

static double legend_height(const RlPoster *p, RlTextBox *const b[2], double w)
{
  double r = poster_dot_radius(p);
  double h0 = fmax(b[0]->height_pt, p->codes->len ? 2 * r : 0);
  double h1 = b[1] ? fmax(b[1]->height_pt, 2 * r) : 0;
  return GAP / 2 + (legend_one_row(p, b, w) ? fmax(h0, h1) : h0 + GAP / 2 + h1);
}

/* Whether the legend reads in a column w wide beside the map: the text beside the swatch
 * is at least LEGEND_MIN_CHARS average characters of its type wide, and no entry takes
 * more than LEGEND_MAX_LINES lines (b laid out at w). Otherwise the legend goes under
 * the map, the figure's whole width (where the body measure applies). */
static bool legend_reads(const RlPoster *p, RlTextBox *const b[2], double w)
{
  static const char abc[] = "abcdefghijklmnopqrstuvwxyz";
  RlTextStyle st = text_style(p->lay, RL_ROLE_BODY);
  double least = text_width(p->fonts, &st, abc) * LEGEND_MIN_CHARS / (sizeof abc - 1);
  if (w - (2.2 * poster_dot_radius(p) + GAP) < least)
    return false;
  for (int i = 0; i < 2; i++)
    if (b[i] && (b[i]->overflow || b[i]->n_lines > LEGEND_MAX_LINES))
      return false;
  return true;
}

/* The legend under the map: a swatch like the highlighted area (fill and heavy outline)
 * naming the area, and a numbered dot. */
static void legend_draw(const RlPoster *p, cairo_t *cr, double x, double y, double w,
                        RlTextBox *const b[2])
{
  RlMapStyle st = poster_map_style(p->lay);
  double r = poster_dot_radius(p), sw = 2.2 * r + GAP;
  bool row = legend_one_row(p, b, w);
  double h0 = fmax(b[0]->height_pt, p->codes->len ? 2 * r : 0);
  double h = row && b[1] ? fmax(h0, fmax(b[1]->height_pt, 2 * r)) : h0;
  y += GAP / 2;
  if (p->codes->len) {
    cairo_save(cr);
    cairo_rectangle(cr, x + 3, y + h / 2 - r * 0.7, 2.2 * r - 6, 1.4 * r);
    cairo_set_source_rgb(cr, st.highlight_fill.r, st.highlight_fill.g, st.highlight_fill.b);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, st.highlight_stroke.r, st.highlight_stroke.g, st.highlight_stroke.b);
    cairo_set_line_width(cr, st.highlight_stroke_pt);
    cairo_stroke(cr);
    cairo_restore(cr);
  }
  text_box_draw(b[0], cr, p->codes->len ? x + sw : x, y + (h - b[0]->height_pt) / 2, p->pf);
  if (!b[1])
    return;
  double x1 = row ? x + legend_entry_w(p, b, 0) + 2 * GAP : x;
  double y1 = row ? y : y + h0 + GAP / 2;
  double h1 = row ? h : fmax(b[1]->height_pt, 2 * r);
  poster_dot(p, cr, x1 + 1.1 * r, y1 + h1 / 2, r, 1);
  text_box_draw(b[1], cr, x1 + sw, y1 + (h1 - b[1]->height_pt) / 2, p->pf);
}

/* ---- dots --------------------------------------------------------------------------- */

/* Where group i's dot goes (page), nudged off the dots already placed; false when its
 * place is outside the figure. Box x, y = the dot, w, h = the true place. */
static bool dot_place(const RlPoster *p, const RlMapFit *fit, guint i, GArray *placed, Box *out)
{
  const RlGroup *g = g_ptr_array_index(p->groups, i);
  double r = poster_dot_radius(p), ux, uy, px, py;
  if (!g->place.has_coords)
    return false;
  map_project(p->m->map, g->place.lon, g->place.lat, &ux, &uy);
  map_fit_point(fit, ux, uy, &px, &py);
  if (px < fit->clip_x || py < fit->clip_y || px > fit->clip_x + fit->clip_w ||
      py > fit->clip_y + fit->clip_h)
    return false;
  /* A dot stays whole inside the map's box: outside it, it covered the legend below. */
  double x0 = fit->clip_x + r + 2, x1 = fit->clip_x + fit->clip_w - r - 2;
  double y0 = fit->clip_y + r + 2, y1 = fit->clip_y + fit->clip_h - r - 2;
  double cx = CLAMP(px, x0, x1), cy = CLAMP(py, y0, y1);
  for (int k = 0; k < 48; k++) {
    bool clash = cx < x0 || cx > x1 || cy < y0 || cy > y1;
    for (guint j = 0; j < placed->len && !clash; j++) {
      const Box *q = &g_array_index(placed, Box, j);
      clash = hypot(q->x - cx, q->y - cy) < 2 * r + 2;
    }
    if (!clash)
      break;
    double ang = k * G_PI / 4, dist = (1 + k / 8) * 2.2 * r;
    cx = px + dist * cos(ang), cy = py + dist * sin(ang);
  }
  *out = (Box){CLAMP(cx, x0, x1), CLAMP(cy, y0, y1), px, py};
  return true;
}

/* Draws the numbered dots: leaders from the true places first (a nudged dot is linked to
 * where the group meets), then every dot on top. */
static void poster_dots(const RlPoster *p, cairo_t *cr, const RlMapFit *fit)
{
  g_autoptr(GArray) placed = g_array_new(FALSE, FALSE, sizeof(Box));
  g_autoptr(GArray) number = g_array_new(FALSE, FALSE, sizeof(int));
  for (guint i = 0; i < p->groups->len; i++) {
    Box b;
    int n = (int)i + 1;
    if (!dot_place(p, fit, i, placed, &b))
      continue;
    g_array_append_val(placed, b);
    g_array_append_val(number, n);
  }
  cairo_save(cr);
  cairo_set_source_rgb(cr, p->lay->ink.r, p->lay->ink.g, p->lay->ink.b);
  cairo_set_line_width(cr, 2);
  for (guint j = 0; j < placed->len; j++) {
    const Box *b = &g_array_index(placed, Box, j);
    if (b->x == b->w && b->y == b->h)
      continue;
    cairo_new_path(cr);
    cairo_move_to(cr, b->w, b->h);
    cairo_line_to(cr, b->x, b->y);
    cairo_stroke(cr);
    cairo_arc(cr, b->w, b->h, 4, 0, 2 * G_PI);
    cairo_fill(cr);
  }
  cairo_restore(cr);
  for (guint j = 0; j < placed->len; j++) {
    const Box *b = &g_array_index(placed, Box, j);
    poster_dot(p, cr, b->x, b->y, poster_dot_radius(p), g_array_index(number, int, j));
  }
}

/* ---- the figure --------------------------------------------------------------------- */

/* Where the figure goes: cr, and the thumbnail when one is drawn along. */
static guint poster_targets(const RlPoster *p, cairo_t *cr, cairo_t *to[2])
{
  to[0] = cr;
  to[1] = p->thumb;
  return p->thumb ? 2 : 1;
}

/* The poster as drawn into target t: the thumbnail records no preflight findings. */
static RlPoster poster_target(const RlPoster *p, guint t)
{
  RlPoster q = *p;
  if (t > 0)
    q.pf = NULL;
  return q;
}

static void inset_paper(const RlPoster *p, cairo_t *cr, const Box *at)
{
  cairo_save(cr);
  cairo_rectangle(cr, at->x, at->y, at->w, at->h);
  cairo_set_source_rgb(cr, p->lay->paper.r, p->lay->paper.g, p->lay->paper.b);
  cairo_fill(cr);
  cairo_restore(cr);
}

/* The rectangle of the close-up's view on the inset, and the inset's frame. */
static void inset_frames(const RlPoster *p, cairo_t *cr, const RlMapFit *fit, const Box *at,
                         const Box *view)
{
  const RlLayout *lay = p->lay;
  double x0, y0, x1, y1;
  map_fit_point(fit, view->x, view->y, &x0, &y0);
  map_fit_point(fit, view->x + view->w, view->y + view->h, &x1, &y1);
  cairo_save(cr);
  cairo_set_source_rgb(cr, lay->ink.r, lay->ink.g, lay->ink.b);
  cairo_set_line_width(cr, 2);
  cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0);
  cairo_stroke(cr);
  cairo_set_line_width(cr, 1.5);
  cairo_rectangle(cr, at->x, at->y, at->w, at->h);
  cairo_stroke(cr);
  cairo_restore(cr);
}

static bool poster_inset(const RlPoster *p, cairo_t *cr, const Box *at, const Box *view,
                         const char **codes, GError **error)
{
  RlMapStyle st = poster_map_style(p->lay);
  st.highlight_stroke_pt = 1.5;
  cairo_t *to[2];
  guint n = poster_targets(p, cr, to);
  for (guint t = 0; t < n; t++)
    inset_paper(p, to[t], at);
  /* The sidecar's coarser overview SVG, when it has one: same viewBox, so the fit and
   * the view's frame are the same; a fraction of the points to write into the PDF. */
  RlMap *whole = map_overview(p->map);
  RlMapFit fit = map_fit(whole, at->x + 6, at->y + 6, at->w - 12, at->h - 12);
  if (!map_draw_fit_into(whole, to, n, &fit, codes, &st, error))
    return false;
  for (guint t = 0; t < n; t++)
    inset_frames(p, to[t], &fit, at, view);
  return true;
}

static void map_frame(const RlPoster *p, cairo_t *cr, const Box *b)
{
  cairo_save(cr);
  cairo_set_source_rgb(cr, p->lay->ink.r, p->lay->ink.g, p->lay->ink.b);
  cairo_set_line_width(cr, 1.5);
  cairo_rectangle(cr, b->x, b->y, b->w, b->h);
  cairo_stroke(cr);
  cairo_restore(cr);
}

/* The map at `fit` with the area highlighted, then the groups' dots, into every target;
 * simplified where its borders stray less than a print shows (whole map, wide close-ups). */
static bool poster_map_dots(const RlPoster *p, cairo_t *const *to, guint n, const RlMapFit *fit,
                            const char **codes, GError **error)
{
  RlMapStyle st = poster_map_style(p->lay);
  if (!map_draw_fit_into(map_for_scale(p->map, fit->scale), to, n, fit, codes, &st, error))
    return false;
  for (guint t = 0; t < n; t++) {
    RlPoster q = poster_target(p, t);
    poster_dots(&q, to[t], fit);
  }
  return true;
}

/* ---- layouts ---------------------------------------------------------------------- */

/* Where the figure's parts go, for one layout. */
typedef struct {
  Box map;              /* the map's box (drawing is clipped to it) */
  RlMapFit fit;         /* the view fitted into the map's box, clear of the inset */
  Box inset;            /* the overview inset; w = 0 when there is none (the whole map) */
  double legend_x, legend_y, legend_w;
  RlTextBox *legend[2]; /* owned */
} Figure;

static void figure_clear(Figure *f)
{
  text_box_free(f->legend[0]);
  text_box_free(f->legend[1]);
  *f = (Figure){0};
}

/* Fits the view into box `in` (aspect kept, centred), clipped to f->map. */
static void figure_fit(const RlPoster *p, Figure *f, const Box *in, const Box *view)
{
  f->fit = map_fit_view(p->map, in->x, in->y, in->w, in->h, view->x, view->y, view->w, view->h);
  f->fit.clip_x = f->map.x, f->fit.clip_y = f->map.y;
  f->fit.clip_w = f->map.w, f->fit.clip_h = f->map.h;
}

/* The whole map (the view) the box's width, the legend under it. */
static bool whole_under(const RlPoster *p, const Box *b, const Box *view, Figure *f)
{
  legend_boxes(p, b->w, f->legend);
  f->map = (Box){b->x, b->y, b->w, b->h - legend_height(p, f->legend, b->w)};
  figure_fit(p, f, &f->map, view);
  f->legend_x = b->x, f->legend_y = b->y + f->map.h, f->legend_w = b->w;
  return f->map.h > 0;
}

/* The whole map (the view) at the left, the legend in the column beside it (centred in
 * height): only when the legend reads in that column. */
static bool whole_beside(const RlPoster *p, const Box *b, const Box *view, Figure *f)
{
  double map_w = fmin(b->w * 0.62, b->h * view->w / view->h), col = b->w - map_w - GAP;
  legend_boxes(p, col, f->legend);
  f->map = (Box){b->x, b->y, map_w, b->h};
  figure_fit(p, f, &f->map, view);
  f->legend_x = b->x + map_w + GAP, f->legend_w = col;
  f->legend_y = b->y + (b->h - legend_height(p, f->legend, col)) / 2;
  return legend_reads(p, f->legend, col);
}

/* Close-up with the legend under the map and the inset in the map's top right corner. */
static bool closeup_under(const RlPoster *p, const Box *b, const Box *view, Figure *f)
{
  Box all = whole_view(p);
  legend_boxes(p, b->w, f->legend);
  double h = b->h - legend_height(p, f->legend, b->w);
  double inset_w = fmin(b->w * INSET_SHARE, h * 0.6 * all.w / all.h);
  f->inset = (Box){b->x + b->w - inset_w, b->y, inset_w, inset_w * all.h / all.w};
  f->map = (Box){b->x, b->y, b->w, h};
  Box in = {b->x, b->y, b->w - inset_w - GAP, h}; /* clear of the inset */
  figure_fit(p, f, &in, view);
  f->legend_x = b->x, f->legend_y = b->y + h, f->legend_w = b->w;
  return h > 0;
}

/* Close-up with the map the whole height at the left, and a column `col` wide at the
 * right holding the inset and, under it, the legend. */
static void closeup_column(const RlPoster *p, const Box *b, const Box *view, double col,
                           Figure *f)
{
  Box all = whole_view(p);
  legend_boxes(p, col, f->legend);
  double legend_h = legend_height(p, f->legend, col);
  /* The inset as wide as the column, or as the room above the legend allows. */
  double inset_w = fmin(col, (b->h - GAP - legend_h) * all.w / all.h);
  f->inset = (Box){b->x + b->w - inset_w, b->y, inset_w, inset_w * all.h / all.w};
  f->map = (Box){b->x, b->y, b->w - col - GAP, b->h};
  figure_fit(p, f, &f->map, view);
  f->legend_x = b->x + b->w - col, f->legend_y = b->y + f->inset.h + GAP, f->legend_w = col;
}

/* The close-up beside its column (tall areas), the column the narrowest from
 * COLUMN_SHARE up to COLUMN_MAX of the box in which the legend reads; false when it
 * reads in none or the inset would be too small. */
static bool closeup_beside(const RlPoster *p, const Box *b, const Box *view, Figure *f)
{
  for (double share = COLUMN_SHARE; share <= COLUMN_MAX + 1e-9; share += COLUMN_STEP) {
    figure_clear(f);
    closeup_column(p, b, view, b->w * share, f);
    if (legend_reads(p, f->legend, f->legend_w))
      return f->inset.w >= INSET_MIN;
  }
  return false;
}

/* Close-up the box's whole width (a wide and low area), and under it a row: the legend
 * at the left, the inset at the right, as tall as the room the map leaves. */
static bool closeup_row(const RlPoster *p, const Box *b, const Box *view, Figure *f)
{
  Box all = whole_view(p);
  double inset_max = b->w * INSET_SHARE, legend_w = b->w - inset_max - GAP;
  legend_boxes(p, legend_w, f->legend);
  double row = fmax(legend_height(p, f->legend, legend_w), INSET_MIN * all.h / all.w);
  double h = fmin(b->h - GAP - row, b->w * view->h / view->w);
  double inset_w = fmin((b->h - h - GAP) * all.w / all.h, inset_max);
  f->map = (Box){b->x, b->y, b->w, h};
  f->inset = (Box){b->x + b->w - inset_w, b->y + h + GAP, inset_w, inset_w * all.h / all.w};
  figure_fit(p, f, &f->map, view);
  f->legend_x = b->x, f->legend_y = b->y + h + GAP / 2, f->legend_w = legend_w;
  return h > 0 && inset_w >= INSET_MIN;
}

typedef bool (*FigureLayout)(const RlPoster *p, const Box *b, const Box *view, Figure *f);

/* The layouts in order of preference: a later one is taken only when it shows the area
 * at least 5 % bigger. The close-ups (with the inset) come after the whole map's; each
 * gets the view it shows (the whole map's viewBox for the whole map). */
static const struct {
  FigureLayout lay;
  bool closeup;
} layouts[] = {
  {whole_beside, false}, {whole_under, false},
  {closeup_under, true}, {closeup_beside, true}, {closeup_row, true},
};

/* The layout that shows the area biggest (points per map unit): the whole map's best,
 * unless a close-up shows the view CLOSEUP_GAIN times bigger (view NULL: no close-up). */
static void figure_layout(const RlPoster *p, const Box *b, const Box *view, Figure *best)
{
  Box all = whole_view(p);
  double whole = 0;
  *best = (Figure){0};
  for (guint i = 0; i < G_N_ELEMENTS(layouts); i++) {
    Figure f = {0};
    if (layouts[i].closeup && !view)
      break;
    bool ok = layouts[i].lay(p, b, layouts[i].closeup ? view : &all, &f);
    double need = layouts[i].closeup ? fmax(whole * CLOSEUP_GAIN, best->fit.scale * 1.05)
                                     : best->fit.scale * 1.05;
    if (ok && (!best->legend[0] || f.fit.scale > need)) {
      figure_clear(best);
      *best = f;
    } else {
      figure_clear(&f);
    }
    if (!layouts[i].closeup)
      whole = best->fit.scale;
  }
}

/* Draws the figure laid out as f into every target: the map with its dots, then (a
 * close-up) the inset and the frame that says the map is cut out of a larger one, and
 * the legend. */
static bool figure_draw(const RlPoster *p, cairo_t *cr, const Figure *f, const Box *view,
                        const char **codes, GError **error)
{
  cairo_t *to[2];
  guint n = poster_targets(p, cr, to);
  bool ok = poster_map_dots(p, to, n, &f->fit, codes, error);
  if (ok && f->inset.w > 0)
    ok = poster_inset(p, cr, &f->inset, view, codes, error);
  for (guint t = 0; ok && t < n; t++) {
    RlPoster q = poster_target(p, t);
    if (f->inset.w > 0)
      map_frame(&q, to[t], &f->map);
    legend_draw(&q, to[t], f->legend_x, f->legend_y, f->legend_w, f->legend);
  }
  return ok;
}

bool poster_map_draw(const RlPoster *p, cairo_t *cr, double x, double y, double w, double h,
                     GError **error)
{
  if (!p->map)
    return true;
  g_autofree const char **codes = poster_codes(p);
  Box view = {0}, box = {x, y, w, h};
  bool closeup = poster_view(p, &view);
  Figure f;
  figure_layout(p, &box, closeup ? &view : NULL, &f);
  bool ok = figure_draw(p, cr, &f, &view, codes, error);
  figure_clear(&f);
  return ok;
}

/* ---- alt text ------------------------------------------------------------------------ */

static char *area_words(const RlPoster *p)
{
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < p->codes->len; i++) {
    const char *code = g_ptr_array_index(p->codes, i);
    g_autofree char *name = map_region_name(p->map, code, lang_code(p->lang));
    guint n = map_count_leaves(p->map, code);
    if (i > 0)
      g_string_append(s, i + 1 == p->codes->len ? poster_word(PW_ALT_AND, p->lang) : ", ");
    if (n > 1)
      g_string_append_printf(s, poster_word(PW_ALT_COUNT, p->lang), name ? name : code, n);
    else
      g_string_append(s, name ? name : code);
  }
  return g_string_free(s, FALSE);
}

char *poster_map_alt(const RlPoster *p)
{
  g_autofree char *country = p->map ? map_region_name(p->map, NULL, lang_code(p->lang)) : NULL;
  const char *what = country ? country : "";
  if (p->codes->len == 0)
    return g_strdup_printf(poster_word(PW_ALT_NO_AREA, p->lang), what);
  g_autofree char *area = area_words(p);
  return g_strdup_printf(poster_word(PW_ALT, p->lang), what, area);
}
