/* mapflat.c - the <path> elements of a map SVG as plain geometry. See mapflat.h. */
#include "layout/mapflat.h"

#include <math.h>
#include <string.h>

typedef enum { OP_MOVE, OP_LINE, OP_CURVE, OP_CLOSE } FlatOp;

typedef struct {
  char *owner;     /* id of the element or its nearest ancestor with one ("" none) */
  char **classes;  /* each level's class attribute, the element's first; NULL-ended */
  bool plain;
  bool styled;           /* style holds all of it (mapflat_style) */
  RlMapFlatStyle style;
  guint op0, n_ops, pt0; /* its ops and first coordinate in RlMapFlat's arrays */
} FlatEl;

struct RlMapFlat {
  GArray *els;     /* FlatEl, document order */
  GByteArray *ops; /* FlatOp */
  GArray *pts;     /* double: x, y of each point of each op */
};

/* A CSS rule `.a, .b { prop: value; ... }`. */
typedef struct {
  char **classes;
  GHashTable *decls; /* prop → value */
} FlatRule;

typedef struct {
  char *owner, *cls;
  bool ok; /* this element and its ancestors may hold plain paths */
} Frame;

typedef struct {
  RlMapFlat *f;
  GPtrArray *frames; /* Frame* */
  int undrawn;       /* depth inside an element librsvg never draws where it stands */
  bool in_style;
  GString *css;
} FlatScan;

/* ---- path data ---------------------------------------------------------------------- */

static const char *skip_sep(const char *p)
{
  while (*p == ' ' || *p == ',' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;
  return p;
}

/* Reads n numbers at *p into v; false unless all are plain finite numbers. */
static bool read_nums(const char **p, double *v, int n)
{
  for (int i = 0; i < n; i++) {
    const char *s = skip_sep(*p);
    if (!(g_ascii_isdigit(*s) || *s == '.' || *s == '-' || *s == '+'))
      return false;
    char *end = NULL;
    v[i] = g_ascii_strtod(s, &end);
    if (end == s || !isfinite(v[i]) || memchr(s, 'x', (size_t)(end - s)) ||
        memchr(s, 'X', (size_t)(end - s)))
      return false;
    *p = end;
  }
  return true;
}

static void put(RlMapFlat *f, FlatOp op, const double *v, int n)
{
  guint8 b = (guint8)op;
  g_byte_array_append(f->ops, &b, 1);
  g_array_append_vals(f->pts, v, (guint)n);
}

/* One command's arguments at *p (cmd: its letter), in absolute coordinates. */
static bool put_cmd(RlMapFlat *f, char cmd, const char **p, double *cur, double *start)
{
  bool rel = g_ascii_islower(cmd);
  double v[6], ox = rel ? cur[0] : 0, oy = rel ? cur[1] : 0;
  int n = strchr("Cc", cmd) ? 6 : strchr("HhVv", cmd) ? 1 : 2;
  if (!read_nums(p, v, n))
    return false;
  if (cmd == 'H' || cmd == 'h')
    v[0] += ox, v[1] = cur[1], n = 2;
  else if (cmd == 'V' || cmd == 'v')
    v[1] = v[0] + oy, v[0] = cur[0], n = 2;
  else
    for (int i = 0; i < n; i += 2)
      v[i] += ox, v[i + 1] += oy;
  put(f, n == 6 ? OP_CURVE : strchr("Mm", cmd) ? OP_MOVE : OP_LINE, v, n);
  cur[0] = v[n - 2], cur[1] = v[n - 1];
  if (strchr("Mm", cmd))
    start[0] = cur[0], start[1] = cur[1];
  return true;
}

/* Parses path data d into f's arrays; false on anything but M L H V C Z. Empty data
 * draws nothing. */
static bool parse_d(RlMapFlat *f, const char *d)
{
  double cur[2] = {0, 0}, start[2] = {0, 0};
  char cmd = 0;
  const char *p = skip_sep(d);
  if (*p && *p != 'M' && *p != 'm')
    return false;
  while (*(p = skip_sep(p))) {
    if (g_ascii_isalpha(*p)) {
      cmd = *p++;
      if (!strchr("MmLlHhVvCcZz", cmd))
        return false;
      if (cmd == 'Z' || cmd == 'z') {
        put(f, OP_CLOSE, NULL, 0);
        cur[0] = start[0], cur[1] = start[1];
        cmd = 0; /* numbers right after Z: not plain */
        continue;
      }
    } else if (!cmd) {
      return false;
    }
    if (!put_cmd(f, cmd, &p, cur, start))
      return false;
    if (cmd == 'M' || cmd == 'm') /* pairs after a moveto are linetos */
      cmd = cmd == 'M' ? 'L' : 'l';
  }
  return true;
}

/* ---- elements ----------------------------------------------------------------------- */

/* True when every attribute is one of `allowed`. */
static bool attrs_only(const char **keys, const char *const *allowed)
{
  for (int i = 0; keys[i]; i++) {
    bool ok = false;
    for (int j = 0; allowed[j] && !ok; j++)
      ok = strcmp(keys[i], allowed[j]) == 0;
    if (!ok)
      return false;
  }
  return true;
}

static const char *attr(const char **keys, const char **values, const char *name)
{
  for (int i = 0; keys[i]; i++)
    if (strcmp(keys[i], name) == 0)
      return values[i];
  return NULL;
}

/* The root <svg>'s attributes that style nothing. */
static bool root_plain(const char **keys)
{
  static const char *const ok[] = {"xmlns", "version", "viewBox", "width", "height", "id",
                                   "x", "y", "preserveAspectRatio", "baseProfile",
                                   "xml:space", "xml:lang", "lang", NULL};
  for (int i = 0; keys[i]; i++)
    if (!g_str_has_prefix(keys[i], "xmlns:") && !attrs_only((const char *[]){keys[i], NULL}, ok))
      return false;
  return true;
}

static bool undrawn(const char *name)
{
  static const char *const names[] = {
    "title", "desc", "metadata", "style", "defs", "symbol", "clipPath", "mask", "marker",
    "linearGradient", "radialGradient", "pattern", "filter", "script", NULL};
  return attrs_only((const char *[]){name, NULL}, names);
}

/* A drawn element: its FlatEl (a path parsed when it may be plain). */
static void add_el(FlatScan *sc, const char *name, const char **keys, const char **values,
                   const Frame *up, const char *owner)
{
  static const char *const path_attrs[] = {"id", "class", "d", NULL};
  RlMapFlat *f = sc->f;
  FlatEl el = {.owner = g_strdup(owner), .op0 = f->ops->len, .pt0 = f->pts->len};
  GPtrArray *cls = g_ptr_array_new();
  const char *own = attr(keys, values, "class");
  g_ptr_array_add(cls, g_strdup(own ? own : ""));
  for (guint i = sc->frames->len; i > 0; i--) {
    const Frame *fr = g_ptr_array_index(sc->frames, i - 1);
    g_ptr_array_add(cls, g_strdup(fr->cls ? fr->cls : ""));
  }
  g_ptr_array_add(cls, NULL);
  el.classes = (char **)g_ptr_array_free(cls, FALSE);
  const char *d = attr(keys, values, "d");
  el.plain = strcmp(name, "path") == 0 && up->ok && d && attrs_only(keys, path_attrs) &&
             parse_d(f, d);
  if (!el.plain) { /* drop what a failed parse appended */
    g_byte_array_set_size(f->ops, el.op0);
    g_array_set_size(f->pts, el.pt0);
  }
  el.n_ops = f->ops->len - el.op0;
  g_array_append_val(f->els, el);
}

static void scan_start(GMarkupParseContext *ctx, const char *name, const char **keys,
                       const char **values, gpointer data, GError **error)
{
  static const char *const g_attrs[] = {"id", "class", NULL};
  FlatScan *sc = data;
  if (strcmp(name, "style") == 0)
    sc->in_style = true;
  if (sc->undrawn || undrawn(name)) {
    sc->undrawn++;
    return;
  }
  const Frame *up = sc->frames->len ? g_ptr_array_index(sc->frames, sc->frames->len - 1) : NULL;
  const char *id = attr(keys, values, "id");
  Frame *fr = g_new0(Frame, 1);
  fr->owner = g_strdup(id ? id : up ? up->owner : "");
  fr->cls = g_strdup(attr(keys, values, "class"));
  if (!up)
    fr->ok = root_plain(keys);
  else if (strcmp(name, "g") == 0)
    fr->ok = up->ok && attrs_only(keys, g_attrs);
  else
    add_el(sc, name, keys, values, up, fr->owner);
  g_ptr_array_add(sc->frames, fr);
}

static void scan_end(GMarkupParseContext *ctx, const char *name, gpointer data, GError **error)
{
  FlatScan *sc = data;
  if (strcmp(name, "style") == 0)
    sc->in_style = false;
  if (sc->undrawn) {
    sc->undrawn--;
    return;
  }
  if (sc->frames->len)
    g_ptr_array_remove_index(sc->frames, sc->frames->len - 1);
}

static void scan_text(GMarkupParseContext *ctx, const char *text, gsize len, gpointer data,
                      GError **error)
{
  FlatScan *sc = data;
  if (sc->in_style)
    g_string_append_len(sc->css, text, (gssize)len);
}

static void frame_free(gpointer p)
{
  Frame *fr = p;
  g_free(fr->owner);
  g_free(fr->cls);
  g_free(fr);
}

/* ---- the stylesheet ----------------------------------------------------------------- */

static void rule_free(gpointer p)
{
  FlatRule *r = p;
  g_strfreev(r->classes);
  g_hash_table_unref(r->decls);
  g_free(r);
}

/* `.a, .b` → {"a", "b"}; NULL for any other selector. */
static char **parse_selectors(const char *sel)
{
  char **parts = g_strsplit(sel, ",", -1);
  for (int i = 0; parts[i]; i++) {
    char *s = g_strstrip(parts[i]);
    bool ok = s[0] == '.' && s[1];
    for (const char *c = s + 1; ok && *c; c++)
      ok = g_ascii_isalnum(*c) || *c == '-' || *c == '_';
    if (!ok) {
      g_strfreev(parts);
      return NULL;
    }
    memmove(s, s + 1, strlen(s));
  }
  return parts;
}

/* `prop: value; ...` → prop → value; NULL on !important. */
static GHashTable *parse_decls(const char *body)
{
  GHashTable *d = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) items = g_strsplit(body, ";", -1);
  for (int i = 0; items[i]; i++) {
    char *colon = strchr(items[i], ':');
    if (!colon || strchr(items[i], '!')) {
      if (g_strstrip(items[i])[0] == '\0')
        continue;
      g_hash_table_unref(d);
      return NULL;
    }
    *colon = '\0';
    g_hash_table_insert(d, g_strdup(g_strstrip(items[i])), g_strdup(g_strstrip(colon + 1)));
  }
  return d;
}

/* The rules of the SVG's <style> text, in order; NULL when it has anything but
 * class rules (comments are dropped). */
static GPtrArray *parse_css(const char *css)
{
  GString *s = g_string_new(NULL);
  for (const char *p = css; *p;) {
    const char *c = strstr(p, "/*");
    const char *e = c ? strstr(c + 2, "*/") : NULL;
    g_string_append_len(s, p, c ? c - p : (gssize)strlen(p));
    p = e ? e + 2 : c ? c + strlen(c) : p + strlen(p);
  }
  GPtrArray *rules = g_ptr_array_new_with_free_func(rule_free);
  g_auto(GStrv) chunks = g_strsplit(s->str, "}", -1);
  g_string_free(s, TRUE);
  bool ok = true;
  for (int i = 0; ok && chunks[i]; i++) {
    char *brace = strchr(chunks[i], '{');
    if (!brace) {
      ok = g_strstrip(chunks[i])[0] == '\0';
      continue;
    }
    *brace = '\0';
    FlatRule *r = g_new0(FlatRule, 1);
    r->classes = parse_selectors(chunks[i]);
    r->decls = r->classes ? parse_decls(brace + 1) : NULL;
    ok = r->decls != NULL;
    if (!ok)
      r->decls = g_hash_table_new(g_str_hash, g_str_equal);
    g_ptr_array_add(rules, r);
  }
  if (!ok)
    g_clear_pointer(&rules, g_ptr_array_unref);
  return rules;
}

/* True when the class attribute value `attr_value` holds class `name`. */
static bool has_class(const char *attr_value, const char *name)
{
  size_t n = strlen(name);
  for (const char *p = attr_value; (p = strstr(p, name)) != NULL; p += n) {
    bool starts = p == attr_value || g_ascii_isspace(p[-1]);
    if (starts && (p[n] == '\0' || g_ascii_isspace(p[n])))
      return true;
  }
  return false;
}

/* The value the rules give `prop` for an element of class attribute `cls` (the later
 * rule wins), or NULL. */
static const char *css_value(GPtrArray *rules, const char *cls, const char *prop)
{
  const char *v = NULL;
  for (guint i = 0; *cls && i < rules->len; i++) {
    const FlatRule *r = g_ptr_array_index(rules, i);
    for (int j = 0; r->classes[j]; j++)
      if (has_class(cls, r->classes[j]) && g_hash_table_lookup(r->decls, prop))
        v = g_hash_table_lookup(r->decls, prop);
  }
  return v;
}

/* True when the rules for class attribute `cls` set only what map.c overrides, the fill
 * rule and the line cap. */
static bool css_plain(GPtrArray *rules, const char *cls)
{
  static const char *const props[] = {"fill", "stroke", "stroke-width", "stroke-linejoin",
                                      "fill-opacity", "stroke-opacity", "fill-rule",
                                      "stroke-linecap", "stroke-miterlimit", NULL};
  for (guint i = 0; *cls && i < rules->len; i++) {
    const FlatRule *r = g_ptr_array_index(rules, i);
    bool applies = false;
    for (int j = 0; r->classes[j] && !applies; j++)
      applies = has_class(cls, r->classes[j]);
    GHashTableIter it;
    gpointer prop;
    g_hash_table_iter_init(&it, r->decls);
    while (applies && g_hash_table_iter_next(&it, &prop, NULL))
      if (!g_strv_contains(props, prop))
        return false;
  }
  return true;
}

/* The inherited value of prop for el: from its own classes out ("" none). */
static const char *inherited(GPtrArray *rules, const FlatEl *el, const char *prop)
{
  for (int i = 0; el->classes[i]; i++) {
    const char *v = css_value(rules, el->classes[i], prop);
    if (v && strcmp(v, "inherit") != 0)
      return v;
  }
  return "";
}

/* A CSS colour: none, #rgb or #rrggbb; false for anything else. */
static bool parse_paint(const char *v, bool *none, double *rgb)
{
  *none = strcmp(v, "none") == 0;
  size_t n = strlen(v);
  if (*none || v[0] != '#' || (n != 4 && n != 7))
    return *none;
  for (size_t i = 1; i < n; i++)
    if (!g_ascii_isxdigit(v[i]))
      return false;
  for (int c = 0; c < 3; c++)
    rgb[c] = n == 4 ? g_ascii_xdigit_value(v[1 + c]) * 17 / 255.0
                    : (g_ascii_xdigit_value(v[1 + 2 * c]) * 16 + g_ascii_xdigit_value(v[2 + 2 * c])) / 255.0;
  return true;
}

/* A plain number (no unit) at least min; false otherwise. */
static bool parse_number(const char *v, double min, double *out)
{
  char *end = NULL;
  *out = g_ascii_strtod(v, &end);
  return end != v && *end == '\0' && isfinite(*out) && *out >= min;
}

/* The value of a keyword property: the index of v in names, or -1. */
static int keyword(const char *v, const char *const *names)
{
  for (int i = 0; names[i]; i++)
    if (strcmp(v, names[i]) == 0)
      return i;
  return -1;
}

/* Settles el's style from the rules; false when a value is not one it reads. Properties
 * not given take SVG's initial values. */
static bool resolve_style(GPtrArray *rules, FlatEl *el)
{
  static const char *const rules_n[] = {"nonzero", "evenodd", NULL};
  static const char *const caps[] = {"butt", "round", "square", NULL};
  static const char *const joins[] = {"miter", "round", "bevel", NULL};
  const char *fill = inherited(rules, el, "fill"), *stroke = inherited(rules, el, "stroke");
  const char *width = inherited(rules, el, "stroke-width");
  const char *miter = inherited(rules, el, "stroke-miterlimit");
  const char *fo = inherited(rules, el, "fill-opacity"), *so = inherited(rules, el, "stroke-opacity");
  RlMapFlatStyle *st = &el->style;
  int rule = keyword(*inherited(rules, el, "fill-rule") ? inherited(rules, el, "fill-rule") : "nonzero", rules_n);
  int cap = keyword(*inherited(rules, el, "stroke-linecap") ? inherited(rules, el, "stroke-linecap") : "butt", caps);
  int join = keyword(*inherited(rules, el, "stroke-linejoin") ? inherited(rules, el, "stroke-linejoin") : "miter", joins);
  static const cairo_line_cap_t cap_of[] = {CAIRO_LINE_CAP_BUTT, CAIRO_LINE_CAP_ROUND, CAIRO_LINE_CAP_SQUARE};
  static const cairo_line_join_t join_of[] = {CAIRO_LINE_JOIN_MITER, CAIRO_LINE_JOIN_ROUND, CAIRO_LINE_JOIN_BEVEL};
  st->rule = rule == 1 ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING;
  st->cap = cap >= 0 ? cap_of[cap] : CAIRO_LINE_CAP_BUTT;
  st->join = join >= 0 ? join_of[join] : CAIRO_LINE_JOIN_MITER;
  if (rule < 0 || cap < 0) /* not even an area */
    return el->plain = false;
  return join >= 0 && parse_paint(*fill ? fill : "#000", &st->fill_none, st->fill) &&
         parse_paint(*stroke ? stroke : "none", &st->stroke_none, st->stroke) &&
         parse_number(*width ? width : "1", 0, &st->width) &&
         parse_number(*miter ? miter : "4", 1, &st->miter) && (!*fo || strcmp(fo, "1") == 0) &&
         (!*so || strcmp(so, "1") == 0);
}

/* Settles each element's style, and unsets plain where the CSS styles more. */
static void apply_css(RlMapFlat *f, const char *css)
{
  g_autoptr(GPtrArray) rules = parse_css(css);
  for (guint i = 0; i < f->els->len; i++) {
    FlatEl *el = &g_array_index(f->els, FlatEl, i);
    for (int j = 0; el->plain && el->classes[j]; j++)
      el->plain = rules && css_plain(rules, el->classes[j]);
    el->styled = el->plain && resolve_style(rules, el);
  }
}

/* ---- the API ------------------------------------------------------------------------ */

RlMapFlat *mapflat_new(const char *svg, gsize len)
{
  RlMapFlat *f = g_new0(RlMapFlat, 1);
  f->els = g_array_new(FALSE, FALSE, sizeof(FlatEl));
  f->ops = g_byte_array_new();
  f->pts = g_array_new(FALSE, FALSE, sizeof(double));
  static const GMarkupParser parser = {scan_start, scan_end, scan_text, NULL, NULL};
  FlatScan sc = {f, g_ptr_array_new_with_free_func(frame_free), 0, false, g_string_new(NULL)};
  GMarkupParseContext *ctx = g_markup_parse_context_new(&parser, 0, &sc, NULL);
  bool ok = g_markup_parse_context_parse(ctx, svg, (gssize)len, NULL) &&
            g_markup_parse_context_end_parse(ctx, NULL);
  g_markup_parse_context_free(ctx);
  g_ptr_array_unref(sc.frames);
  if (ok)
    apply_css(f, sc.css->str);
  g_string_free(sc.css, TRUE);
  if (!ok)
    g_clear_pointer(&f, mapflat_free);
  return f;
}

void mapflat_free(RlMapFlat *f)
{
  if (!f)
    return;
  for (guint i = 0; i < f->els->len; i++) {
    FlatEl *el = &g_array_index(f->els, FlatEl, i);
    g_free(el->owner);
    g_strfreev(el->classes);
  }
  g_array_unref(f->els);
  g_byte_array_unref(f->ops);
  g_array_unref(f->pts);
  g_free(f);
}

guint mapflat_len(const RlMapFlat *f)
{
  return f->els->len;
}

static const FlatEl *el_at(const RlMapFlat *f, guint i)
{
  return &g_array_index(f->els, FlatEl, i);
}

const char *mapflat_owner(const RlMapFlat *f, guint i)
{
  return el_at(f, i)->owner;
}

bool mapflat_plain(const RlMapFlat *f, guint i)
{
  return el_at(f, i)->plain;
}

cairo_fill_rule_t mapflat_fill_rule(const RlMapFlat *f, guint i)
{
  return el_at(f, i)->style.rule;
}

cairo_line_cap_t mapflat_line_cap(const RlMapFlat *f, guint i)
{
  return el_at(f, i)->style.cap;
}

const RlMapFlatStyle *mapflat_style(const RlMapFlat *f, guint i)
{
  const FlatEl *el = el_at(f, i);
  return el->styled ? &el->style : NULL;
}

bool mapflat_bbox(const RlMapFlat *f, guint i, double *x0, double *y0, double *x1, double *y1)
{
  const FlatEl *el = el_at(f, i);
  guint n = (i + 1 < f->els->len ? el_at(f, i + 1)->pt0 : f->pts->len) - el->pt0;
  const double *v = &g_array_index(f->pts, double, el->pt0);
  *x0 = *y0 = INFINITY;
  *x1 = *y1 = -INFINITY;
  for (guint k = 0; k + 1 < n; k += 2) {
    *x0 = fmin(*x0, v[k]), *x1 = fmax(*x1, v[k]);
    *y0 = fmin(*y0, v[k + 1]), *y1 = fmax(*y1, v[k + 1]);
  }
  return n >= 2;
}

void mapflat_trace(const RlMapFlat *f, guint i, cairo_t *cr, double ox, double oy, double s)
{
  const FlatEl *el = el_at(f, i);
  const double *v = &g_array_index(f->pts, double, el->pt0);
  for (guint k = 0; k < el->n_ops; k++) {
    switch ((FlatOp)f->ops->data[el->op0 + k]) {
    case OP_MOVE:
      cairo_move_to(cr, ox + s * v[0], oy + s * v[1]);
      v += 2;
      break;
    case OP_LINE:
      cairo_line_to(cr, ox + s * v[0], oy + s * v[1]);
      v += 2;
      break;
    case OP_CURVE:
      cairo_curve_to(cr, ox + s * v[0], oy + s * v[1], ox + s * v[2], oy + s * v[3],
                     ox + s * v[4], oy + s * v[5]);
      v += 6;
      break;
    case OP_CLOSE:
      cairo_close_path(cr);
      break;
    }
  }
}
