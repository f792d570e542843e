/* text.c - text boxes: lay out, measure, find words that do not fit, draw, record. */
#include "text.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#define NBSP 0x00A0
#define WORD_JOINER 0x2060

/* ---- the type scale ------------------------------------------------------------- */

RlTextStyle text_style(const RlLayout *lay, RlRole role)
{
  static const RlColour black = {0.1, 0.1, 0.1}, white = {1, 1, 1};
  const double floor = preflight_floor(lay);
  const struct {
    double size;
    bool bold, heading;
  } scale[RL_ROLE_N] = {
    [RL_ROLE_BODY] = {lay->body_pt, false, false},
    [RL_ROLE_STRONG] = {lay->body_pt, true, false},
    [RL_ROLE_H1] = {lay->h1_pt, true, true},
    [RL_ROLE_H2] = {lay->h2_pt, true, true},
    [RL_ROLE_TITLE] = {lay->title_pt, true, true},
    [RL_ROLE_SMALL] = {lay->small_pt, false, false},
  };
  const char *body_font = lay->font ? lay->font : RL_FONTS_DEFAULT_FAMILY;
  bool same = lay->ink.r == lay->paper.r && lay->ink.g == lay->paper.g && lay->ink.b == lay->paper.b;
  return (RlTextStyle){
    .family = scale[role].heading && lay->heading_font ? lay->heading_font : body_font,
    .size_pt = MAX(scale[role].size, floor),
    .bold = scale[role].bold,
    .line_height = lay->line_height >= 1.0 ? lay->line_height : 1.5,
    .ink = same ? black : lay->ink,
    .paper = same ? white : lay->paper,
  };
}

/* ---- no-break rules ------------------------------------------------------------- */

static bool is_dash(gunichar c) { return c == '-' || c == 0x2013 || c == 0x2014; }

/* Unit words that stay with the figure before them. */
static bool is_unit(const gunichar *u, glong i, glong n)
{
  static const char *const units[] = {"h", "uur", "Uhr", "u", "€", "min", "am", "pm"};
  for (size_t k = 0; k < G_N_ELEMENTS(units); k++) {
    glong len = g_utf8_strlen(units[k], -1), j = 0;
    const char *p = units[k];
    for (; j < len && i + j < n && u[i + j] == g_utf8_get_char(p); j++)
      p = g_utf8_next_char(p);
    if (j == len && (i + j >= n || !g_unichar_isalnum(u[i + j])))
      return true;
  }
  return false;
}

/* The figure-ish character before position i (skipping one space), or 0. */
static gunichar before(const gunichar *u, glong i)
{
  glong j = i - 1;
  if (j >= 0 && u[j] == ' ')
    j--;
  return j >= 0 ? u[j] : 0;
}

static gunichar after(const gunichar *u, glong i, glong n)
{
  glong j = i + 1;
  if (j < n && u[j] == ' ')
    j++;
  return j < n ? u[j] : 0;
}

/* Is the space at i just after a short abbreviation with a capital ("St. Vith",
 * "Dr. Peeters"), followed by a capital? The two stay on one line. */
static bool after_abbreviation(const gunichar *u, glong i, glong n)
{
  glong j = i - 1;
  if (j < 1 || u[j] != '.' || i + 1 >= n || !g_unichar_isupper(u[i + 1]))
    return false;
  glong start = j;
  while (start > 0 && g_unichar_isalpha(u[start - 1]))
    start--;
  glong len = j - start;
  return len >= 1 && len <= 2 && g_unichar_isupper(u[start]) && (start == 0 || u[start - 1] == ' ');
}

/* The length of the run of figures that ends just before i, or starts at i. */
static glong figures_before(const gunichar *u, glong i)
{
  glong j = i;
  while (j > 0 && g_unichar_isdigit(u[j - 1]))
    j--;
  return j > 0 && g_unichar_isalnum(u[j - 1]) ? 0 : i - j;
}

static glong figures_from(const gunichar *u, glong i, glong n)
{
  glong j = i;
  while (j < n && g_unichar_isdigit(u[j]))
    j++;
  return j - i;
}

/* Is the space at i inside an address: a postcode before its town ("4700 Eupen") or a
 * street before its house number and the comma after it ("Beispielstraße 5, 4700")? */
static bool in_address(const gunichar *u, glong i, glong n)
{
  if (figures_before(u, i) == 4 && i + 1 < n && g_unichar_isupper(u[i + 1]))
    return true;
  glong k = figures_from(u, i + 1, n), e = i + 1 + k;
  if (e < n && g_unichar_isalpha(u[e]) && e + 1 < n && u[e + 1] == ',')
    e++; /* "12a," */
  return i > 0 && g_unichar_isalpha(u[i - 1]) && k >= 1 && k <= 3 && e < n && u[e] == ',';
}

/* Should the space at i become a no-break space? */
static bool glue_space(const gunichar *u, glong i, glong n)
{
  gunichar p = i > 0 ? u[i - 1] : 0, q = i + 1 < n ? u[i + 1] : 0;
  if (after_abbreviation(u, i, n) || in_address(u, i, n))
    return true;
  if (g_unichar_isdigit(p) && (g_unichar_isdigit(q) || is_unit(u, i + 1, n)))
    return true;
  if ((p == 0x20AC || p == '+') && g_unichar_isdigit(q))
    return true;
  if (is_dash(q) && g_unichar_isdigit(p) && g_unichar_isdigit(after(u, i + 1, n)))
    return true;
  if (is_dash(p) && g_unichar_isdigit(q) && g_unichar_isdigit(before(u, i - 1)))
    return true;
  return false;
}

char *text_nobreak(const char *s)
{
  /* Invalid UTF-8 never reaches the decoder or Pango: g_utf8_to_ucs4_fast would read past
   * the end of a truncated sequence. The loader rejects such files; this is the guard
   * for every other caller. */
  g_autofree char *valid = s && !g_utf8_validate(s, -1, NULL) ? g_utf8_make_valid(s, -1) : NULL;
  if (valid)
    s = valid;
  glong n = 0;
  gunichar *u = g_utf8_to_ucs4_fast(s ? s : "", -1, &n);
  GString *out = g_string_sized_new(strlen(s ? s : "") + 8);
  for (glong i = 0; i < n; i++) {
    if (u[i] == ' ' && glue_space(u, i, n)) {
      g_string_append_unichar(out, NBSP);
      continue;
    }
    g_string_append_unichar(out, u[i]);
    if (is_dash(u[i]) && g_unichar_isdigit(before(u, i)) && g_unichar_isdigit(after(u, i, n)))
      g_string_append_unichar(out, WORD_JOINER);
  }
  g_free(u);
  return g_string_free(out, FALSE);
}

/* ---- laying out ---------------------------------------------------------------- */

/* A layout of text; the first bold_end bytes are bold (a label). */
static PangoLayout *make_layout(RlFonts *f, const RlTextStyle *st, const char *text, double width_pt,
                                guint bold_end)
{
  PangoLayout *layout = pango_layout_new(fonts_context(f));
  PangoFontDescription *fd = pango_font_description_new();
  pango_font_description_set_family(fd, st->family ? st->family : RL_FONTS_DEFAULT_FAMILY);
  pango_font_description_set_absolute_size(fd, st->size_pt * PANGO_SCALE);
  pango_font_description_set_weight(fd, st->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout, fd);
  pango_font_description_free(fd);
  PangoAttrList *attrs = pango_attr_list_new();
  pango_attr_list_insert(attrs, pango_attr_line_height_new_absolute(
                                  (int)lround(st->size_pt * st->line_height * PANGO_SCALE)));
  if (st->tabular)
    pango_attr_list_insert(attrs, pango_attr_font_features_new("tnum, lnum"));
  pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
  if (bold_end > 0) {
    PangoAttribute *bold = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
    bold->start_index = 0;
    bold->end_index = bold_end;
    pango_attr_list_insert(attrs, bold);
  }
  pango_layout_set_attributes(layout, attrs);
  pango_attr_list_unref(attrs);
  pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT);
  pango_layout_set_justify(layout, FALSE);
  if (width_pt > 0) {
    pango_layout_set_width(layout, (int)floor(width_pt * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD);
  }
  pango_layout_set_text(layout, text, -1);
  return layout;
}

double text_width(RlFonts *f, const RlTextStyle *style, const char *text)
{
  PangoLayout *l = make_layout(f, style, text ? text : "", -1, 0);
  PangoRectangle logical;
  pango_layout_get_extents(l, NULL, &logical);
  g_object_unref(l);
  return logical.width / (double)PANGO_SCALE;
}

/* The end of the URL's next line from `c`: the furthest place a line may break (after a
 * '/' that does not start or sit inside "//", else before a '.') that keeps the line
 * within w; NULL when there is none. */
static const char *url_line_end(RlFonts *f, const RlTextStyle *st, const char *c, double w)
{
  const char *best[2] = {NULL, NULL}; /* [0] after a '/', [1] before a '.' */
  for (const char *e = c + 1; *e; e++) {
    int kind = e[-1] == '/' && *e != '/' ? 0 : *e == '.' ? 1 : -1;
    if (kind < 0)
      continue;
    g_autofree char *line = g_strndup(c, (gsize)(e - c));
    if (text_width(f, st, line) > w)
      break;
    best[kind] = e;
  }
  return best[0] ? best[0] : best[1];
}

char *text_url_lines(RlFonts *f, const RlTextStyle *style, const char *url, double w)
{
  GString *out = g_string_new(NULL);
  const char *c = url;
  while (text_width(f, style, c) > w) {
    const char *e = url_line_end(f, style, c, w);
    if (!e) {
      g_string_free(out, TRUE);
      return g_strdup(url);
    }
    g_string_append_len(out, c, e - c);
    g_string_append_c(out, '\n');
    c = e;
  }
  g_string_append(out, c);
  return g_string_free(out, FALSE);
}

/* The word around byte offset `at` (bounded by break opportunities). */
static char *word_at(const RlTextBox *b, const PangoLogAttr *attrs, int n_attrs, int at)
{
  glong off = g_utf8_pointer_to_offset(b->text, b->text + at), lo = off, hi = off + 1;
  while (lo > 0 && !attrs[lo].is_line_break)
    lo--;
  while (hi < n_attrs - 1 && !attrs[hi].is_line_break)
    hi++;
  const char *s = g_utf8_offset_to_pointer(b->text, lo), *e = g_utf8_offset_to_pointer(b->text, hi);
  return g_strstrip(g_strndup(s, (gsize)(e - s)));
}

/* Characters on a line, trailing white space excluded. */
static int line_chars(const char *text, const PangoLayoutLine *line)
{
  const char *s = text + line->start_index, *e = s + line->length;
  int n = 0, trailing = 0;
  for (const char *p = s; p < e; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (c == '\n' || c == WORD_JOINER)
      continue;
    n++;
    trailing = g_unichar_isspace(c) ? trailing + 1 : 0;
  }
  return n - trailing;
}

/* Fills the line tables, measure, and overflow of a laid-out box. */
static void measure(RlTextBox *b, RlFonts *f)
{
  int n_attrs = 0;
  const PangoLogAttr *attrs = pango_layout_get_log_attrs_readonly(b->layout, &n_attrs);
  b->n_lines = pango_layout_get_line_count(b->layout);
  b->line_top = g_new0(double, b->n_lines + 1);
  b->baseline = g_new0(double, MAX(b->n_lines, 1));
  PangoLayoutIter *it = pango_layout_get_iter(b->layout);
  int i = 0;
  do {
    PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, NULL, &logical);
    b->line_top[i] = logical.y / (double)PANGO_SCALE;
    b->baseline[i] = pango_layout_iter_get_baseline(it) / (double)PANGO_SCALE;
    b->text_w = MAX(b->text_w, logical.width / (double)PANGO_SCALE);
    b->chars_per_line = MAX(b->chars_per_line, line_chars(b->text, line));
    glong off = g_utf8_pointer_to_offset(b->text, b->text + line->start_index);
    bool split_word = i > 0 && off < n_attrs && !attrs[off].is_line_break;
    bool too_wide = b->width_pt > 0 && logical.width / (double)PANGO_SCALE > b->width_pt + 0.01;
    if ((split_word || too_wide) && !b->overflow) {
      b->overflow = true;
      b->word = word_at(b, attrs, n_attrs, split_word ? line->start_index : line->start_index);
    }
    i++;
  } while (pango_layout_iter_next_line(it) && i < b->n_lines);
  pango_layout_iter_free(it);
  PangoRectangle all;
  pango_layout_get_extents(b->layout, NULL, &all);
  b->height_pt = all.height / (double)PANGO_SCALE;
  b->line_top[b->n_lines] = b->height_pt;
  if (b->overflow && b->word)
    b->text_w = MAX(b->text_w, text_width(f, &b->style, b->word));
}

/* A copy of text without the characters at the byte offsets in `at` (and a variation
 * selector right after one). */
static char *without(const char *text, GArray *at)
{
  GString *out = g_string_new(NULL);
  bool skip_vs = false;
  for (const char *p = text; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    bool drop = skip_vs && (c == 0xFE0F || c == 0xFE0E || c == 0x200D);
    for (guint i = 0; i < at->len && !drop; i++)
      drop = g_array_index(at, int, i) == (int)(p - text);
    skip_vs = drop;
    if (!drop)
      g_string_append_unichar(out, c);
  }
  return g_string_free(out, FALSE);
}

/* Byte offsets of the characters no font in the set can draw (Pango shows a hex box). */
static GArray *unknown_chars(PangoLayout *layout)
{
  GArray *at = g_array_new(FALSE, FALSE, sizeof(int));
  if (pango_layout_get_unknown_glyphs_count(layout) == 0)
    return at;
  PangoLayoutIter *it = pango_layout_get_iter(layout);
  do {
    PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
    for (int i = 0; run && i < run->glyphs->num_glyphs; i++)
      if (run->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG) {
        int off = run->item->offset + run->glyphs->log_clusters[i];
        g_array_append_val(at, off);
      }
  } while (pango_layout_iter_next_run(it));
  pango_layout_iter_free(it);
  return at;
}

RlTextBox *text_box_new(RlFonts *f, const RlTextStyle *style, const char *text,
                        double width_pt, RlPos pos)
{
  return text_box_new_labelled(f, style, NULL, text, width_pt, pos);
}

RlTextBox *text_box_new_labelled(RlFonts *f, const RlTextStyle *style, const char *label,
                                 const char *text, double width_pt, RlPos pos)
{
  RlTextBox *b = g_new0(RlTextBox, 1);
  b->style = *style;
  g_autofree char *body = text_nobreak(text);
  b->text = label && *label ? g_strconcat(label, " ", body, NULL) : g_steal_pointer(&body);
  b->width_pt = width_pt;
  b->pos = pos;
  guint bold_end = label ? (guint)strlen(label) : 0;
  b->layout = make_layout(f, style, b->text, width_pt, bold_end);
  GArray *unknown = unknown_chars(b->layout);
  if (unknown->len > 0) {
    b->missing = (int)unknown->len;
    char *kept = without(b->text, unknown);
    g_free(b->text);
    b->text = kept;
    g_object_unref(b->layout);
    b->layout = make_layout(f, style, b->text, width_pt, bold_end);
  }
  g_array_unref(unknown);
  measure(b, f);
  return b;
}

RlTextBox *text_box_new_fit(RlFonts *f, const RlTextStyle *style, const char *text,
                            double width_pt, double max_h_pt, double floor_pt, RlPos pos)
{
  RlTextStyle st = *style;
  RlTextBox *b = text_box_new(f, &st, text, width_pt, pos);
  while ((b->overflow || b->height_pt > max_h_pt) && st.size_pt > floor_pt + 1e-6) {
    st.size_pt = MAX(floor_pt, st.size_pt * 0.95);
    text_box_free(b);
    b = text_box_new(f, &st, text, width_pt, pos);
  }
  return b;
}

void text_box_free(RlTextBox *b)
{
  if (!b)
    return;
  g_clear_object(&b->layout);
  g_free(b->text);
  g_free(b->word);
  g_free(b->line_top);
  g_free(b->baseline);
  g_free(b);
}

RlTextBox *text_box_copy(const RlTextBox *b)
{
  RlTextBox *c = g_memdup2(b, sizeof *b);
  c->layout = g_object_ref(b->layout);
  c->text = g_strdup(b->text);
  c->word = g_strdup(b->word);
  c->line_top = g_memdup2(b->line_top, sizeof(double) * (gsize)(b->n_lines + 1));
  c->baseline = g_memdup2(b->baseline, sizeof(double) * (gsize)MAX(b->n_lines, 1));
  return c;
}

/* ---- drawing ------------------------------------------------------------------- */

/* The scale from user space to device space (for the size actually printed). */
static double user_scale(cairo_t *cr)
{
  double dx = 1, dy = 0;
  cairo_user_to_device_distance(cr, &dx, &dy);
  return hypot(dx, dy);
}

static void record(const RlTextBox *b, cairo_t *cr, double x, double y, double h, RlPreflight *pf)
{
  if (!pf)
    return;
  double dx = x, dy = y;
  cairo_user_to_device(cr, &dx, &dy);
  double s = user_scale(cr);
  RlRun run = {
    .x = dx, .y = dy, .w = b->width_pt * s, .h = h * s,
    .size_pt = b->style.size_pt * s,
    .ink = b->style.ink, .paper = b->style.paper,
    .chars_per_line = b->chars_per_line,
    .text_w = b->text_w * s,
    .overflow = b->overflow,
    .missing = b->missing,
    .text = b->text, .word = b->word, .pos = b->pos,
  };
  preflight_record(pf, &run);
}

void text_box_draw_lines(const RlTextBox *b, cairo_t *cr, double x, double y, int first,
                         int n, RlPreflight *pf)
{
  first = CLAMP(first, 0, b->n_lines);
  n = CLAMP(n, 0, b->n_lines - first);
  if (n == 0)
    return;
  cairo_save(cr);
  cairo_set_source_rgb(cr, b->style.ink.r, b->style.ink.g, b->style.ink.b);
  PangoLayoutIter *it = pango_layout_get_iter(b->layout);
  for (int i = 0; i < first + n; i++) {
    if (i >= first) {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, NULL, &logical);
      cairo_move_to(cr, x + logical.x / (double)PANGO_SCALE, y + b->baseline[i] - b->line_top[first]);
      pango_cairo_show_layout_line(cr, line);
    }
    pango_layout_iter_next_line(it);
  }
  pango_layout_iter_free(it);
  record(b, cr, x, y, text_box_lines_height(b, first, n), pf);
  cairo_restore(cr);
}

void text_box_draw(const RlTextBox *b, cairo_t *cr, double x, double y, RlPreflight *pf)
{
  text_box_draw_lines(b, cr, x, y, 0, b->n_lines, pf);
}

double text_box_lines_height(const RlTextBox *b, int first, int n)
{
  first = CLAMP(first, 0, b->n_lines);
  int last = CLAMP(first + n, first, b->n_lines);
  return b->line_top[last] - b->line_top[first];
}
