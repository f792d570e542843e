/* kiosk_draw.c - one kiosk slide drawn with the layout kit: text boxes, QR code, map. */
#include "kiosk_draw.h"

#include <gio/gio.h>
#include <math.h>

#include "layout/qr.h"
#include "layout/text.h"
#include "render/kiosk_words.h"

#define PT_PER_MM (72.0 / 25.4)
#define GAP_MM 5.0          /* dead space between touch targets (kiosk.md) */
#define STRIPE_MM 12.0      /* accent stripe along the left edge */
#define BIG 1.25            /* phone numbers: this much larger than their role */
#define MAX_FIT 1.4         /* text starts this much larger than the layout says... */
#define MIN_FIT 0.5         /* ...and shrinks until it fits, to half its size at most (never
                             * under the floor) */
#define QR_SHARE 0.45       /* in landscape a QR code may take this share of the height */

/* ---- the canvas: screen numbers --------------------------------------------------- */

/* x-height of `family` as a share of its size, measured on "x". */
static double xheight_ratio(RlFonts *fonts, const RlLayout *lay)
{
  RlTextStyle st = text_style(lay, RL_ROLE_BODY);
  st.size_pt = 100;
  RlTextBox *b = text_box_new(fonts, &st, "x", 1000, (RlPos){0});
  PangoRectangle ink;
  pango_layout_get_extents(b->layout, &ink, NULL);
  text_box_free(b);
  double r = ink.height / (double)PANGO_SCALE / 100.0;
  return r > 0.2 && r < 1.0 ? r : 0.5;
}

/* Width in pixels of a player button showing `word` (CSS: padding 0.45 em a side,
 * 3 px borders), at least the touch target. */
static double button_px(const KioskCanvas *cv, const RlTextStyle *st, const char *word)
{
  double w = text_width(cv->fonts, st, word) * cv->px_per_pt + 0.9 * cv->ui_font_px + 6;
  return MAX(w, cv->target_px);
}

/* Rows a list of buttons (widths in px) takes when wrapped into `avail` pixels. */
static int wrap_rows(const double *w, int n, double avail, double gap)
{
  int rows = n > 0;
  double line = 0;
  for (int i = 0; i < n; i++) {
    if (line > 0 && line + gap + w[i] > avail)
      rows++, line = 0;
    line += (line > 0 ? gap : 0) + w[i];
  }
  return rows;
}

/* Rows of buttons the controls need in the widest language: navigation and languages on
 * one row when they fit, else each wrapped on rows of their own (as the CSS does). */
static int control_rows(const KioskCanvas *cv, RlLangSet langs)
{
  RlTextStyle st = text_style(cv->lay, RL_ROLE_STRONG);
  st.size_pt = cv->ui_font_px / cv->px_per_pt;
  double lang_w[RL_LANG_N];
  int n_langs = 0;
  for (int l = 0; l < RL_LANG_N; l++)
    if (RL_LANGSET_HAS(langs, l))
      lang_w[n_langs++] = button_px(cv, &st, lang_name((RlLang)l));
  static const KioskWord nav[] = {KW_HOME, KW_PREVIOUS, KW_PLAY, KW_NEXT};
  double avail = cv->px_w - 2 * cv->gap_px;
  int rows = 1;
  for (int l = 0; l < RL_LANG_N; l++) {
    if (!RL_LANGSET_HAS(langs, l))
      continue;
    double all[G_N_ELEMENTS(nav) + RL_LANG_N];
    int n = 0;
    for (size_t k = 0; k < G_N_ELEMENTS(nav); k++) {
      double w = button_px(cv, &st, kiosk_word(nav[k], (RlLang)l));
      if (nav[k] == KW_PLAY) /* the same button says Pause while playing */
        w = MAX(w, button_px(cv, &st, kiosk_word(KW_PAUSE, (RlLang)l)));
      all[n++] = w;
    }
    int nav_n = n;
    for (int k = 0; k < n_langs; k++)
      all[n++] = lang_w[k];
    int r = wrap_rows(all, n, avail, cv->gap_px) == 1
              ? 1
              : wrap_rows(all, nav_n, avail, cv->gap_px)
                  + wrap_rows(all + nav_n, n - nav_n, avail, cv->gap_px);
    rows = MAX(rows, r);
  }
  return rows;
}

bool kiosk_canvas_init(KioskCanvas *cv, const RlModel *m, const RlLayout *lay,
                       RlFonts *fonts, RlMap *map, RlLangSet langs, GError **error)
{
  if (lay->px_w <= 0 || lay->px_h <= 0 || lay->screen_w_mm <= 0) {
    g_set_error(error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                "kiosk layout: screen size %d x %d px, %.0f mm wide is not usable",
                lay->px_w, lay->px_h, lay->screen_w_mm);
    return false;
  }
  *cv = (KioskCanvas){.m = m, .lay = lay, .fonts = fonts, .map = map,
                      .px_w = lay->px_w, .px_h = lay->px_h};
  cv->px_per_mm = lay->px_w / lay->screen_w_mm;
  cv->px_per_pt = cv->px_per_mm / PT_PER_MM;
  cv->w_pt = cv->px_w / cv->px_per_pt;
  cv->h_pt = cv->px_h / cv->px_per_pt;
  for (int i = 0; i < 4; i++)
    cv->margin_pt[i] = lay->margin_mm[i] * PT_PER_MM;
  /* 0.6° of visual angle at the viewing distance (about 10.5 mm at 1 m). */
  double want_mm = 2.0 * lay->viewing_distance_mm * tan(0.3 * G_PI / 180.0);
  double ratio = xheight_ratio(fonts, lay);
  double body_pt = text_style(lay, RL_ROLE_BODY).size_pt;
  cv->type_scale = MAX(1.0, want_mm / ratio * PT_PER_MM / body_pt);
  cv->xheight_mm = body_pt * cv->type_scale / PT_PER_MM * ratio;
  cv->ui_font_px = body_pt * cv->type_scale * cv->px_per_pt;
  cv->target_px = lay->target_mm * cv->px_per_mm;
  cv->gap_px = GAP_MM * cv->px_per_mm;
  double button_h = MAX(cv->target_px, 1.6 * cv->ui_font_px + 6);
  int rows = control_rows(cv, langs);
  cv->bar_px = rows * button_h + (rows + 1) * cv->gap_px;
  return true;
}

/* ---- targets ---------------------------------------------------------------------- */

static void target_free(gpointer p)
{
  KioskTarget *t = p;
  if (!t)
    return;
  g_free(t->network);
  g_free(t->label);
  g_free(t);
}

GPtrArray *kiosk_targets_new(void)
{
  return g_ptr_array_new_with_free_func(target_free);
}

/* Adds a target from a box in points. */
static void add_target(const KioskCanvas *cv, GPtrArray *targets, const RlNetwork *n,
                       RlLang lang, const char *kind, double x, double y, double w, double h)
{
  if (!targets)
    return;
  KioskTarget *t = g_new0(KioskTarget, 1);
  const char *label = text_get(&n->short_name, lang, cv->m->site.default_language);
  t->network = g_strdup(n->rec.id);
  t->label = g_strdup(label ? label : text_get(&n->name, lang, cv->m->site.default_language));
  t->kind = kind;
  t->x = x * cv->px_per_pt;
  t->y = y * cv->px_per_pt;
  t->w = w * cv->px_per_pt;
  t->h = h * cv->px_per_pt;
  g_ptr_array_add(targets, t);
}

/* ---- text columns --------------------------------------------------------------- */

static void set_colour(cairo_t *cr, RlColour c)
{
  cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/* The style of a line at shrink factor k: the layout's role, raised by the type scale,
 * never under the floor. */
static RlTextStyle line_style(const KioskCanvas *cv, const KioskLine *l, double k)
{
  RlTextStyle st = text_style(cv->lay, l->role);
  double size = st.size_pt * cv->type_scale * (l->big ? BIG : 1.0) * k;
  st.size_pt = MAX(size, preflight_floor(cv->lay));
  st.tabular = l->big;
  if (l->role == RL_ROLE_H1 || l->role == RL_ROLE_TITLE)
    st.ink = cv->lay->accent;
  if (preflight_contrast(st.ink, st.paper) < 7.0)
    st.ink = cv->lay->ink;
  return st;
}

/* The widest a line of `st` may be: the layout's measure in average characters. */
static double measure_width(const KioskCanvas *cv, const RlTextStyle *st, double width)
{
  if (cv->lay->measure_max <= 0)
    return width;
  static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz";
  double per_char = text_width(cv->fonts, st, alphabet) / (sizeof alphabet - 1);
  return MIN(width, 0.95 * per_char * cv->lay->measure_max);
}

/* A text box no wider than `width` whose lines hold at most the layout's measure in
 * characters: narrowed and laid out again while a line is longer. */
static RlTextBox *box_in_measure(const KioskCanvas *cv, const RlTextStyle *st,
                                 const char *text, double width, RlPos pos)
{
  RlTextBox *b = text_box_new(cv->fonts, st, text, width, pos);
  int max = cv->lay->measure_max;
  for (int tries = 0; max > 0 && b->chars_per_line > max && !b->overflow && tries < 4; tries++) {
    width *= (double)max / b->chars_per_line * 0.98;
    text_box_free(b);
    b = text_box_new(cv->fonts, st, text, width, pos);
  }
  return b;
}

/* Lays out every line of s at factor k into boxes (appended to `boxes`); returns the
 * total height with the space between lines. */
static double lay_lines(const KioskCanvas *cv, const KioskSlide *s, double k, double width,
                        GPtrArray *boxes)
{
  double h = 0;
  for (guint i = 0; i < s->lines->len; i++) {
    const KioskLine *l = &g_array_index(s->lines, KioskLine, i);
    RlTextStyle st = line_style(cv, l, k);
    RlTextBox *b = box_in_measure(cv, &st, l->text, measure_width(cv, &st, width), s->pos);
    h += b->height_pt + (i ? 0.3 * st.size_pt : 0);
    g_ptr_array_add(boxes, b);
  }
  return h;
}

/* Draws the lines of s in the box x, y, w, h: the largest size (down to MIN_FIT, never
 * under the floor) at which they fit; centred vertically when `centre`. Returns false
 * when even the smallest size does not fit (the text is then drawn anyway and the
 * caller reports it). */
static bool draw_lines(const KioskCanvas *cv, const KioskSlide *s, cairo_t *cr,
                       RlPreflight *pf, double x, double y, double w, double h, bool centre)
{
  g_autoptr(GPtrArray) boxes = g_ptr_array_new_with_free_func((GDestroyNotify)text_box_free);
  double k = MAX_FIT, total = 0;
  bool overflow = false;
  for (;; k *= 0.92) {
    g_ptr_array_set_size(boxes, 0);
    total = lay_lines(cv, s, k, w, boxes);
    overflow = false;
    for (guint i = 0; i < boxes->len; i++)
      overflow |= ((RlTextBox *)g_ptr_array_index(boxes, i))->overflow;
    if ((total <= h && !overflow) || k < MIN_FIT)
      break;
  }
  double top = centre && total < h ? y + (h - total) / 2 : y;
  for (guint i = 0; i < boxes->len; i++) {
    RlTextBox *b = g_ptr_array_index(boxes, i);
    if (i)
      top += 0.3 * b->style.size_pt;
    text_box_draw(b, cr, x, top, pf);
    top += b->height_pt;
  }
  return total <= h && !overflow;
}

/* ---- slides with a QR code -------------------------------------------------------- */

/* Text and, when the slide has one, a QR code: on the right in landscape, below the
 * text in portrait. */
static bool draw_text_slide(const KioskCanvas *cv, const KioskSlide *s, cairo_t *cr,
                            RlPreflight *pf, double x, double y, double w, double h)
{
  bool centre = s->kind == KIOSK_START || s->kind == KIOSK_CLOSING || s->kind == KIOSK_TEXT;
  if (!s->qr)
    return draw_lines(cv, s, cr, pf, x, y, w, h, centre);
  /* Landscape has room beside the text for a larger code; portrait keeps the layout's. */
  double size = cv->lay->qr_mm * PT_PER_MM;
  if (w >= h)
    size = MAX(size, QR_SHARE * h);
  g_autoptr(GError) err = NULL;
  RlQr *qr = qr_new(s->qr, &err); /* encoded once: choosing its mask is costly */
  double total = qr ? qr_total_width(qr, size) : 0;
  double gap = 10 * PT_PER_MM;
  bool fits;
  if (!total) /* a URL too long for a code: the words still say it */
    fits = draw_lines(cv, s, cr, pf, x, y, w, h, centre);
  else if (w >= h) {
    qr_draw(qr, cr, x + w - total, y + (h - total) / 2, size);
    fits = draw_lines(cv, s, cr, pf, x, y, w - total - gap, h, centre);
  } else {
    qr_draw(qr, cr, x, y + h - total, size);
    fits = draw_lines(cv, s, cr, pf, x, y, w, h - total - gap, centre);
  }
  qr_free(qr);
  return fits;
}

/* ---- the map slide ---------------------------------------------------------------- */

/* The networks on the map: those whose coverage the map knows, with the union of their
 * areas' boxes in SVG units (bx: x, y, w, h). */
typedef struct {
  const RlNetwork *n;
  double bx[4];
} MapNet;

static GArray *map_networks(const KioskCanvas *cv)
{
  GArray *nets = g_array_new(FALSE, TRUE, sizeof(MapNet));
  for (guint i = 0; i < cv->m->networks->len; i++) {
    const RlNetwork *n = g_ptr_array_index(cv->m->networks, i);
    double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
    guint found = 0;
    for (guint k = 0; k < n->coverage->len; k++) {
      double x, y, w, h;
      if (!map_region_bbox(cv->map, g_ptr_array_index(n->coverage, k), &x, &y, &w, &h, NULL))
        continue;
      x0 = MIN(x0, x), y0 = MIN(y0, y), x1 = MAX(x1, x + w), y1 = MAX(y1, y + h);
      found++;
    }
    if (found) {
      MapNet mn = {n, {x0, y0, x1 - x0, y1 - y0}};
      g_array_append_val(nets, mn);
    }
  }
  return nets;
}

/* Every covered code, NULL-terminated, borrowed from the model. */
static const char **covered_codes(GArray *nets)
{
  GPtrArray *codes = g_ptr_array_new();
  for (guint i = 0; i < nets->len; i++) {
    const RlNetwork *n = g_array_index(nets, MapNet, i).n;
    for (guint k = 0; k < n->coverage->len; k++)
      g_ptr_array_add(codes, g_ptr_array_index(n->coverage, k));
  }
  g_ptr_array_add(codes, NULL);
  return (const char **)g_ptr_array_free(codes, FALSE);
}

/* Diameter of a numbered marker: a touch target, and room for two figures. */
static double marker_size(const KioskCanvas *cv)
{
  return MAX(cv->target_px / cv->px_per_pt, preflight_floor(cv->lay) * 1.6);
}

/* A numbered disc of diameter d centred at cx, cy. */
static void draw_marker(const KioskCanvas *cv, cairo_t *cr, RlPreflight *pf, int number,
                        double cx, double cy, double d, const RlPos *pos)
{
  cairo_new_path(cr);
  cairo_arc(cr, cx, cy, d / 2, 0, 2 * G_PI);
  set_colour(cr, cv->lay->accent);
  cairo_fill_preserve(cr);
  cairo_set_line_width(cr, 3);
  set_colour(cr, cv->lay->paper);
  cairo_stroke(cr);
  RlTextStyle st = text_style(cv->lay, RL_ROLE_STRONG);
  st.size_pt = preflight_floor(cv->lay);
  st.ink = cv->lay->accent_ink;
  st.paper = cv->lay->accent;
  char num[16];
  g_snprintf(num, sizeof num, "%d", number);
  RlTextBox *b = text_box_new(cv->fonts, &st, num, d, *pos);
  text_box_draw(b, cr, cx - b->text_w / 2, cy - b->height_pt / 2, pf);
  text_box_free(b);
}

/* Area boxes go first (largest first) so that smaller areas lie on top of larger ones
 * in the player; markers and legend rows follow, on top of every area. */
static gint by_area_desc(gconstpointer a, gconstpointer b)
{
  const MapNet *p = a, *q = b;
  double pa = p->bx[2] * p->bx[3], qa = q->bx[2] * q->bx[3];
  return (pa < qa) - (pa > qa);
}

/* Rows of the legend: one column when n rows fit in h, else two. */
static guint legend_rows(const KioskCanvas *cv, guint n, double h)
{
  double row = marker_size(cv) + GAP_MM * PT_PER_MM;
  return n * row <= h ? n : (n + 1) / 2;
}

/* The legend: a numbered marker and the network's name per row, each row a target. */
static void draw_legend(const KioskCanvas *cv, const KioskSlide *s, GArray *nets, cairo_t *cr,
                        RlPreflight *pf, GPtrArray *targets, double x, double y, double w,
                        double h)
{
  double d = marker_size(cv);
  double gap = GAP_MM * PT_PER_MM;
  guint rows = MAX(legend_rows(cv, nets->len, h), 1);
  double col_w = nets->len > rows ? (w - gap) / 2 : w;
  RlTextStyle st = text_style(cv->lay, RL_ROLE_SMALL);
  for (guint i = 0; i < nets->len; i++) {
    const RlNetwork *n = g_array_index(nets, MapNet, i).n;
    double rx = x + (i / rows) * (col_w + gap), ry = y + (i % rows) * (d + gap);
    draw_marker(cv, cr, pf, (int)i + 1, rx + d / 2, ry + d / 2, d, &n->rec.pos);
    const char *label = text_get(&n->short_name, s->lang, cv->m->site.default_language);
    if (!label)
      label = text_get(&n->name, s->lang, cv->m->site.default_language);
    RlTextBox *b = text_box_new(cv->fonts, &st, label, col_w - d - gap, n->rec.pos);
    text_box_draw(b, cr, rx + d + gap, ry + (d - b->height_pt) / 2, pf);
    text_box_free(b);
    add_target(cv, targets, n, s->lang, "legend", rx, ry, col_w, d);
  }
}

/* Moves the n marker centres (cx, cy) apart until every two markers of diameter d have
 * at least `gap` of dead space between their square targets (kiosk.md: 5 mm), staying
 * inside the box x, y, w, h: two networks of neighbouring small areas would otherwise
 * put their markers on top of each other. Each pass pushes every overlapping pair apart
 * along the axis where they are furthest apart; deterministic. */
static void spread_markers(double *cx, double *cy, guint n, double d, double gap, double x,
                           double y, double w, double h)
{
  double need = d + gap + 0.5;
  for (int pass = 0; pass < 200; pass++) {
    bool moved = false;
    for (guint i = 0; i < n; i++)
      for (guint j = 0; j < i; j++) {
        double dx = cx[i] - cx[j], dy = cy[i] - cy[j];
        if (fabs(dx) >= need || fabs(dy) >= need)
          continue;
        bool along_x = fabs(dx) >= fabs(dy);
        double *a = along_x ? cx : cy, delta = along_x ? dx : dy;
        double push = (need - fabs(delta)) / 2, sign = delta < 0 ? -1 : 1;
        a[i] += sign * push, a[j] -= sign * push;
        moved = true;
      }
    for (guint i = 0; i < n; i++) {
      cx[i] = CLAMP(cx[i], x + d / 2, x + w - d / 2);
      cy[i] = CLAMP(cy[i], y + d / 2, y + h - d / 2);
    }
    if (!moved)
      return;
  }
}

static bool draw_map_slide(const KioskCanvas *cv, const KioskSlide *s, cairo_t *cr,
                           RlPreflight *pf, GPtrArray *targets, double x, double y, double w,
                           double h, bool *fits, GError **error)
{
  double head = MIN(h * 0.3, 4.0 * text_style(cv->lay, RL_ROLE_H1).size_pt * cv->type_scale);
  *fits = draw_lines(cv, s, cr, pf, x, y, w, head, false);
  y += head, h -= head;
  g_autoptr(GArray) nets = map_networks(cv);
  bool land = w >= h;
  double row = marker_size(cv) + GAP_MM * PT_PER_MM;
  double legend_h = legend_rows(cv, nets->len, h * 0.45) * row;
  double mw = land ? w * 0.6 : w, mh = land ? h : MAX(h * 0.4, h - legend_h - 10 * PT_PER_MM);
  g_autofree const char **codes = covered_codes(nets);
  if (!(cv->map_cache ? kiosk_map_cache_draw(cv->map_cache, cv->map, cr, x, y, mw, mh, codes, error)
                      : map_draw(cv->map, cr, x, y, mw, mh, codes, NULL, error)))
    return false;
  RlMapFit fit = map_fit(cv->map, x, y, mw, mh);
  double d = marker_size(cv);
  g_autoptr(GArray) order = g_array_copy(nets);
  g_array_sort(order, by_area_desc);
  for (guint i = 0; i < order->len; i++) {
    const MapNet *mn = &g_array_index(order, MapNet, i);
    double ax, ay, bx, by;
    map_fit_point(&fit, mn->bx[0], mn->bx[1], &ax, &ay);
    map_fit_point(&fit, mn->bx[0] + mn->bx[2], mn->bx[1] + mn->bx[3], &bx, &by);
    add_target(cv, targets, mn->n, s->lang, "area", ax, ay, bx - ax, by - ay);
  }
  g_autofree double *cx = g_new(double, nets->len), *cy = g_new(double, nets->len);
  for (guint i = 0; i < nets->len; i++) {
    const MapNet *mn = &g_array_index(nets, MapNet, i);
    map_fit_point(&fit, mn->bx[0] + mn->bx[2] / 2, mn->bx[1] + mn->bx[3] / 2, &cx[i], &cy[i]);
  }
  spread_markers(cx, cy, nets->len, d, GAP_MM * PT_PER_MM, x, y, mw, mh);
  for (guint i = 0; i < nets->len; i++) {
    const MapNet *mn = &g_array_index(nets, MapNet, i);
    draw_marker(cv, cr, pf, (int)i + 1, cx[i], cy[i], d, &mn->n->rec.pos);
    add_target(cv, targets, mn->n, s->lang, "marker", cx[i] - d / 2, cy[i] - d / 2, d, d);
  }
  double gap = 10 * PT_PER_MM;
  if (land)
    draw_legend(cv, s, nets, cr, pf, targets, x + mw + gap, y, w - mw - gap, h);
  else
    draw_legend(cv, s, nets, cr, pf, targets, x, y + mh + gap, w, h - mh - gap);
  return true;
}

/* ---- a slide ---------------------------------------------------------------------- */

cairo_surface_t *kiosk_surface_new(const KioskCanvas *cv)
{
  cairo_surface_t *surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, cv->px_w, cv->px_h);
  cairo_surface_set_device_scale(surf, cv->px_per_pt, cv->px_per_pt);
  return surf;
}

bool kiosk_draw(const KioskCanvas *cv, const KioskSlide *s, cairo_t *cr, RlPreflight *pf,
                GPtrArray *targets, bool *fits, GError **error)
{
  const RlLayout *lay = cv->lay;
  cairo_save(cr);
  set_colour(cr, lay->paper);
  cairo_paint(cr);
  double stripe = STRIPE_MM * PT_PER_MM;
  set_colour(cr, lay->accent);
  cairo_rectangle(cr, 0, 0, stripe, cv->h_pt - cv->bar_px / cv->px_per_pt);
  cairo_fill(cr);
  double x = MAX(cv->margin_pt[3], stripe + 8 * PT_PER_MM), y = cv->margin_pt[0];
  double w = cv->w_pt - x - cv->margin_pt[1];
  double h = cv->h_pt - y - cv->margin_pt[2] - cv->bar_px / cv->px_per_pt;
  bool ok = true;
  *fits = true;
  if (s->kind == KIOSK_MAP && cv->map)
    ok = draw_map_slide(cv, s, cr, pf, targets, x, y, w, h, fits, error);
  else
    *fits = draw_text_slide(cv, s, cr, pf, x, y, w, h);
  cairo_restore(cr);
  return ok;
}
