/* map.c - loading, checking and drawing the region map with librsvg. See map.h. */
#include "layout/map.h"

#include "layout/mapflat.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <string.h>
#include <stdlib.h>

#define MAP_LIST_MAX 5      /* codes named in one error message */
#define MAP_RADIUS 6371000. /* sphere radius of the LCC projection, metres */

/* librsvg 2.54 keeps every !important declaration of every stylesheet ever set on a
 * handle: a new stylesheet overrides only what it names. So each handle has one role, and
 * its stylesheets always name the same properties of the same elements; what a drawing
 * looks like then never depends on what was drawn before, and one map can serve any
 * number of posters in any order. */
typedef enum {
  MAP_PEN_WHOLE,   /* the base of a whole map: every area; borders keep the map's widths */
  MAP_PEN_CLOSEUP, /* the base of a close-up: every area, and every stroke's width */
  MAP_PEN_OUTLINE, /* the heavy outline pass: the highlighted areas, all it draws */
  MAP_PEN_N
} MapPen;

struct RlMap {
  const RlMapSpec *spec; /* borrowed */
  const char *path;      /* the SVG file (borrowed from spec): svg_path or overview_path */
  RlMap *overview;       /* the coarser whole-map SVG (spec->overview_path), or NULL */
  RlMap *simplified;     /* the SVG drawn where detail cannot be seen, or NULL; loaded
                          * when first needed (map_check loads it at once) */
  bool simplified_tried;
  RsvgHandle *handle;    /* checks, sizes, geometry (logical boxes: no stylesheet moves
                          * them); also the first pen asked for */
  RsvgHandle *pens[MAP_PEN_N]; /* parsed from `svg` when first used */
  bool handle_is_pen;    /* `handle` is one of pens[]: the others need parses of their own */
  GString *css[MAP_PEN_N];     /* the stylesheet each pen has now */
  GBytes *svg;           /* what librsvg parsed */
  GMutex lock;           /* librsvg handles are not thread-safe */
  double vb_x, vb_y, vb_w, vb_h;
  GHashTable *titles;    /* "id\x1flang" → title text ("" id = the root) */
  GHashTable *parent;    /* element id → id of the nearest ancestor with an id */
  GPtrArray *tops;       /* "#id" of every code whose element lies in no other code's */
  GHashTable *kids;      /* id of a <g> ("" = the root <svg>) → its drawn children's ids
                          * (char*, "" for a child without id), in document order */
  GHashTable *boxes;     /* id → RsvgRectangle (user units, strokes excluded), lazily */
  bool cull;             /* no group effects: a close-up may draw only what it shows */
  bool flat_tried;       /* flat, flat_top and flat_over are settled (map_flat_ready) */
  RlMapFlat *flat;       /* the areas as plain paths, when relais traces them itself */
  const char **flat_top; /* per flat element: the id of the top it lies in, or NULL */
  GHashTable *flat_over; /* ids of the elements holding a top (drawn child by child) */
  bool flat_full;        /* every element is flat: librsvg draws nothing (close-ups too) */
};

G_DEFINE_QUARK(rl-map-error-quark, map_error)

RlMapStyle map_style_default(void)
{
  return (RlMapStyle){
    .muted_fill = {0.91, 0.91, 0.91},
    .muted_stroke = {0.33, 0.33, 0.33},
    .highlight_fill = {1.0, 0.757, 0.027},
    .highlight_stroke = {0.1, 0.1, 0.1},
    .stroke_pt = 0.5,
    .highlight_stroke_pt = 3.0,
  };
}

/* ---- reading and checking the file ------------------------------------------------ */

/* Reads the SVG into *data after checking its size. */
static bool map_read(const char *path, char **data, gsize *len, GError **error)
{
  GStatBuf st;
  if (g_stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
    g_set_error(error, RL_MAP_ERROR, RL_MAP_ERROR_READ, "map file '%s' does not exist", path);
    return false;
  }
  if ((guint64)st.st_size > MAP_MAX_BYTES) {
    g_set_error(error, RL_MAP_ERROR, RL_MAP_ERROR_TOO_LARGE,
                "map file '%s' is too large (%" G_GUINT64_FORMAT " bytes, at most %u)", path,
                (guint64)st.st_size, MAP_MAX_BYTES);
    return false;
  }
  GError *err = NULL;
  if (!g_file_get_contents(path, data, len, &err)) {
    g_set_error(error, RL_MAP_ERROR, RL_MAP_ERROR_READ, "cannot read map file '%s': %s", path,
                err->message);
    g_error_free(err);
    return false;
  }
  return true;
}

static int line_of(const char *data, const char *at)
{
  int line = 1;
  for (const char *p = data; p < at; p++)
    line += *p == '\n';
  return line;
}

/* The reference value starting at p (after `href=` or `url(`): quoted or bare, up to
 * the closing quote, ')' or space. Returns a new string. */
static char *ref_value(const char *p, const char *end, bool in_url)
{
  while (p < end && g_ascii_isspace(*p))
    p++;
  char quote = (p < end && (*p == '"' || *p == '\'')) ? *p++ : 0;
  const char *start = p;
  while (p < end && (quote ? *p != quote : !(g_ascii_isspace(*p) || (in_url && *p == ')'))))
    p++;
  return g_strndup(start, p - start);
}

/* Finds the first of the patterns at or after p (case-insensitive); sets *which. */
static const char *find_any(const char *p, const char *end, const char *const *pats, int *which)
{
  char first[16] = "";
  for (int i = 0; pats[i] && i < 7; i++) { /* first letters, both cases: a quick filter */
    first[2 * i] = g_ascii_tolower(pats[i][0]);
    first[2 * i + 1] = g_ascii_toupper(pats[i][0]);
  }
  for (; p < end; p++) {
    if (!*p || !strchr(first, *p))
      continue;
    for (int i = 0; pats[i]; i++) {
      size_t n = strlen(pats[i]);
      if ((size_t)(end - p) >= n && g_ascii_strncasecmp(p, pats[i], n) == 0) {
        *which = i;
        return p;
      }
    }
  }
  return NULL;
}

/* Refuses references to anything outside the SVG: href/xlink:href/url() values that are
 * not "#fragment", CSS @import, and DOCTYPE declarations naming SYSTEM/PUBLIC files. */
static bool map_scan_external(const char *path, const char *data, gsize len, GError **error)
{
  static const char *const pats[] = {"href", "url(", "@import", "<!ENTITY", "<!DOCTYPE", NULL};
  const char *end = data + len;
  int which = 0;
  for (const char *p = data; (p = find_any(p, end, pats, &which)) != NULL; p++) {
    const char *q = p + strlen(pats[which]);
    g_autofree char *value = NULL;
    if (which == 0) {
      while (q < end && g_ascii_isspace(*q))
        q++;
      if (q >= end || *q != '=')
        continue; /* the word in text, not an attribute */
      value = ref_value(q + 1, end, false);
    } else if (which == 1) {
      value = ref_value(q, end, true);
    } else if (which == 2) { /* @import: never allowed, named by what it imports */
      while (q < end && g_ascii_isspace(*q))
        q++;
      bool url = (size_t)(end - q) >= 4 && g_ascii_strncasecmp(q, "url(", 4) == 0;
      g_autofree char *target = ref_value(url ? q + 4 : q, end, true);
      value = g_strdup_printf("%s", *target ? target : "@import");
      if (value[0] == '#')
        value[0] = '@'; /* an import is refused even of a fragment */
    } else {
      const char *gt = memchr(q, '>', end - q);
      g_autofree char *decl = g_strndup(q, (gt ? gt : end) - q);
      if (which >= 3 && !strstr(decl, "SYSTEM") && !strstr(decl, "PUBLIC"))
        continue;
      value = g_strdup(pats[which]);
    }
    if (value[0] == '#' && value[1] != '\0')
      continue;
    g_set_error(error, RL_MAP_ERROR, RL_MAP_ERROR_EXTERNAL,
                "map file '%s' line %d refers to '%s' outside the file; only local "
                "'#id' references are allowed", path, line_of(data, p), value);
    return false;
  }
  return true;
}

/* ---- element ids ------------------------------------------------------------------ */

char *map_element_id(const RlMapSpec *spec, const char *code)
{
  if (spec->id_table) {
    const char *id = g_hash_table_lookup(spec->id_table, code);
    return id ? g_strdup(id) : NULL;
  }
  if (!spec->id_pattern)
    return NULL;
  GString *s = g_string_new(spec->id_pattern);
  g_string_replace(s, "{code}", code, 0);
  return g_string_free(s, FALSE);
}

/* "#id" for librsvg; NULL when the code has no id or the SVG no such element. */
static char *map_sub(const RlMap *map, const char *code)
{
  g_autofree char *id = map_element_id(map->spec, code);
  if (!id)
    return NULL;
  char *sub = g_strconcat("#", id, NULL);
  if (!rsvg_handle_has_sub(map->handle, sub)) {
    g_free(sub);
    return NULL;
  }
  return sub;
}

/* Fails naming every code of the sidecar (up to MAP_LIST_MAX) without an element. */
static bool map_check_ids(const RlMap *map, GError **error)
{
  GString *list = g_string_new(NULL);
  guint missing = 0;
  for (guint i = 0; map->spec->codes && i < map->spec->codes->len; i++) {
    const char *code = g_ptr_array_index(map->spec->codes, i);
    g_autofree char *sub = map_sub(map, code);
    if (sub)
      continue;
    g_autofree char *id = map_element_id(map->spec, code);
    if (++missing <= MAP_LIST_MAX)
      g_string_append_printf(list, "%s'%s' (id '%s')", missing > 1 ? ", " : "", code,
                             id ? id : "none");
  }
  if (missing > MAP_LIST_MAX)
    g_string_append_printf(list, " and %u more", missing - MAP_LIST_MAX);
  if (missing)
    g_set_error(error, RL_MAP_ERROR, RL_MAP_ERROR_IDS, "map file '%s' has no element for %u %s: %s",
                map->path, missing, missing == 1 ? "code" : "codes", list->str);
  g_string_free(list, TRUE);
  return missing == 0;
}

/* ---- names and nesting (GMarkup over the raw SVG) ----------------------------------- */

typedef struct {
  RlMap *map;
  GPtrArray *ids;   /* stack: id of each open element, or NULL */
  GString *title;   /* text of the open <title>, or NULL */
  char *title_key;
  bool twice;       /* an id is given to two elements */
} MapScan;

/* The nearest id on the stack below `depth` entries from the top ("" = none). */
static const char *scan_ancestor(const MapScan *sc, guint skip)
{
  for (guint i = sc->ids->len; i > skip; i--) {
    const char *id = g_ptr_array_index(sc->ids, i - 1 - skip);
    if (id)
      return id;
  }
  return "";
}

/* Elements librsvg never draws where they stand (drawn only through a reference). */
static bool scan_undrawn(const char *name)
{
  static const char *const names[] = {
    "title", "desc", "metadata", "style", "defs", "symbol", "clipPath", "mask", "marker",
    "linearGradient", "radialGradient", "pattern", "filter", "script", NULL};
  for (int i = 0; names[i]; i++)
    if (strcmp(name, names[i]) == 0)
      return true;
  return false;
}

/* Notes `name` (with `id`, may be NULL) as a drawn child of the open element when that is
 * the root or a <g> with an id: what a close-up may draw piece by piece. */
static void scan_kid(MapScan *sc, const char *name, const char *id)
{
  if (sc->ids->len == 0 || scan_undrawn(name))
    return;
  const char *parent = sc->ids->len == 1 ? "" : g_ptr_array_index(sc->ids, sc->ids->len - 1);
  if (!parent)
    return;
  GPtrArray *kids = g_hash_table_lookup(sc->map->kids, parent);
  if (!kids)
    return;
  g_ptr_array_add(kids, g_strdup(id ? id : ""));
}

/* Opens a list of children for the root and for each <g> with an id. */
static void scan_container(MapScan *sc, const char *name, const char *id)
{
  const char *key = sc->ids->len == 0 ? "" : strcmp(name, "g") == 0 ? id : NULL;
  if (key && !g_hash_table_contains(sc->map->kids, key))
    g_hash_table_insert(sc->map->kids, g_strdup(key), g_ptr_array_new_with_free_func(g_free));
}

static void scan_start(GMarkupParseContext *ctx, const char *name, const char **keys,
                       const char **values, gpointer data, GError **error)
{
  MapScan *sc = data;
  const char *id = NULL, *lang = "";
  for (int i = 0; keys[i]; i++) {
    if (strcmp(keys[i], "id") == 0)
      id = values[i];
    else if (strcmp(keys[i], "lang") == 0 || strcmp(keys[i], "xml:lang") == 0)
      lang = values[i];
  }
  if (strcmp(name, "title") == 0 && !sc->title) {
    /* The title belongs to the element it is a child of: the top of the stack. */
    const char *owner = sc->ids->len ? g_ptr_array_index(sc->ids, sc->ids->len - 1) : NULL;
    bool root = sc->ids->len == 1;
    if (owner || root) {
      sc->title = g_string_new(NULL);
      sc->title_key = g_strdup_printf("%s\x1f%s", owner && !root ? owner : "", lang);
    }
  }
  if (id && !g_hash_table_contains(sc->map->parent, id))
    g_hash_table_insert(sc->map->parent, g_strdup(id), g_strdup(scan_ancestor(sc, 0)));
  else if (id)
    sc->twice = true;
  scan_kid(sc, name, id);
  scan_container(sc, name, id);
  g_ptr_array_add(sc->ids, g_strdup(id));
}

static void scan_end(GMarkupParseContext *ctx, const char *name, gpointer data, GError **error)
{
  MapScan *sc = data;
  if (strcmp(name, "title") == 0 && sc->title) {
    if (!g_hash_table_contains(sc->map->titles, sc->title_key))
      g_hash_table_insert(sc->map->titles, g_steal_pointer(&sc->title_key),
                          g_strstrip(g_string_free(sc->title, FALSE)));
    else
      g_string_free(sc->title, TRUE);
    g_clear_pointer(&sc->title_key, g_free);
    sc->title = NULL;
  }
  if (sc->ids->len)
    g_ptr_array_remove_index(sc->ids, sc->ids->len - 1);
}

static void scan_text(GMarkupParseContext *ctx, const char *text, gsize len, gpointer data,
                      GError **error)
{
  MapScan *sc = data;
  if (sc->title)
    g_string_append_len(sc->title, text, (gssize)len);
}

/* Collects element titles and nesting. Best effort: an SVG GMarkup cannot read simply
 * has no names (librsvg is the judge of validity). */
static void map_scan_names(RlMap *map, const char *data, gsize len)
{
  map->titles = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  map->parent = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  map->kids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify)g_ptr_array_unref);
  static const GMarkupParser parser = {scan_start, scan_end, scan_text, NULL, NULL};
  MapScan sc = {map, g_ptr_array_new_with_free_func(g_free), NULL, NULL, false};
  GMarkupParseContext *ctx = g_markup_parse_context_new(&parser, 0, &sc, NULL);
  if (!g_markup_parse_context_parse(ctx, data, (gssize)len, NULL) ||
      !g_markup_parse_context_end_parse(ctx, NULL)) {
    g_hash_table_remove_all(map->titles);
    g_hash_table_remove_all(map->parent);
    g_hash_table_remove_all(map->kids);
  }
  if (sc.twice) /* an id names one element only: no drawing by ids */
    g_hash_table_remove_all(map->kids);
  g_markup_parse_context_free(ctx);
  if (sc.title)
    g_string_free(sc.title, TRUE);
  g_free(sc.title_key);
  g_ptr_array_unref(sc.ids);
}

char *map_region_name(const RlMap *map, const char *code, const char *lang)
{
  g_autofree char *id = code ? map_element_id(map->spec, code) : g_strdup("");
  if (!id)
    return NULL;
  const char *const tries[] = {lang ? lang : "", "fr", "nl", "de", "en", "", NULL};
  for (int i = 0; tries[i]; i++) {
    g_autofree char *key = g_strdup_printf("%s\x1f%s", id, tries[i]);
    const char *t = g_hash_table_lookup(map->titles, key);
    if (t && *t)
      return g_strdup(t);
  }
  return NULL;
}

/* True when element `id` is `anc` or lies inside it. */
static bool map_inside(const RlMap *map, const char *id, const char *anc)
{
  for (int depth = 0; id && *id && depth < 256; depth++) {
    if (strcmp(id, anc) == 0)
      return true;
    id = g_hash_table_lookup(map->parent, id);
  }
  return false;
}

guint map_count_leaves(const RlMap *map, const char *code)
{
  g_autofree char *top = map_element_id(map->spec, code);
  if (!top || !map->spec->codes)
    return 0;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func(g_free);
  for (guint i = 0; i < map->spec->codes->len; i++) {
    char *id = map_element_id(map->spec, g_ptr_array_index(map->spec->codes, i));
    if (id && map_inside(map, id, top))
      g_ptr_array_add(ids, id);
    else
      g_free(id);
  }
  guint leaves = 0;
  for (guint i = 0; i < ids->len; i++) {
    bool leaf = true;
    for (guint j = 0; j < ids->len && leaf; j++)
      leaf = i == j || !map_inside(map, g_ptr_array_index(ids, j), g_ptr_array_index(ids, i));
    leaves += leaf;
  }
  return leaves;
}

/* Collects map->tops: the muted style is given to these few elements and inherited by
 * everything inside them, which keeps the stylesheet short (11 provinces, not 635 ids). */
static void map_find_tops(RlMap *map)
{
  map->tops = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GHashTable) ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; map->spec->codes && i < map->spec->codes->len; i++) {
    char *id = map_element_id(map->spec, g_ptr_array_index(map->spec->codes, i));
    if (id)
      g_hash_table_add(ids, id);
  }
  for (guint i = 0; map->spec->codes && i < map->spec->codes->len; i++) {
    g_autofree char *id = map_element_id(map->spec, g_ptr_array_index(map->spec->codes, i));
    const char *up = id ? g_hash_table_lookup(map->parent, id) : NULL;
    bool top = id != NULL;
    for (int depth = 0; top && up && *up && depth < 256; depth++) {
      top = !g_hash_table_contains(ids, up);
      up = g_hash_table_lookup(map->parent, up);
    }
    if (top)
      g_ptr_array_add(map->tops, g_strconcat("#", id, NULL));
  }
}

/* ---- loading ---------------------------------------------------------------------- */

/* The end of the element <name ...>...</name> starting at p (just past it), or NULL
 * when it is not a plain element of that name. */
static const char *element_end(const char *p, const char *end, const char *name)
{
  size_t n = strlen(name);
  const char *q = p + 1 + n;
  if (q >= end || !(*q == '>' || *q == '/' || g_ascii_isspace(*q)))
    return NULL;
  const char *gt = memchr(q, '>', end - q);
  if (!gt)
    return NULL;
  if (gt[-1] == '/')
    return gt + 1;
  g_autofree char *close = g_strdup_printf("</%s>", name);
  const char *c = g_strstr_len(gt, end - gt, close);
  return c ? c + n + 3 : NULL;
}

/* The SVG without what librsvg never draws: <title>, <desc> and <metadata> elements.
 * There are twice as many titles as areas (one per language) and librsvg re-cascades
 * every element at each stylesheet change, so this halves the cost of drawing. Returns
 * NULL (use the data as it is) when the file has comments or CDATA, where a tag-like
 * text may not be a tag. */
static GString *map_strip(const char *data, gsize len)
{
  static const char *const names[] = {"title", "desc", "metadata", NULL};
  const char *end = data + len;
  if (g_strstr_len(data, (gssize)len, "<!--") || g_strstr_len(data, (gssize)len, "<![CDATA["))
    return NULL;
  GString *out = g_string_sized_new(len);
  const char *p = data, *copied = data;
  while ((p = memchr(p, '<', end - p)) != NULL) {
    const char *skip = NULL;
    for (int i = 0; names[i] && !skip; i++)
      if ((size_t)(end - p) > strlen(names[i]) + 1 &&
          strncmp(p + 1, names[i], strlen(names[i])) == 0)
        skip = element_end(p, end, names[i]);
    if (!skip) {
      p++;
      continue;
    }
    g_string_append_len(out, copied, p - copied);
    copied = p = skip;
  }
  g_string_append_len(out, copied, end - copied);
  return out;
}

static RsvgHandle *map_handle_new(const char *data, gsize len, GError **error)
{
  GInputStream *in = g_memory_input_stream_new_from_data(data, (gssize)len, NULL);
  /* No base file: librsvg cannot resolve anything relative to the disk. */
  RsvgHandle *h = rsvg_handle_new_from_stream_sync(in, NULL, RSVG_HANDLE_FLAGS_NONE, NULL, error);
  g_object_unref(in);
  return h;
}

static bool map_parse(RlMap *map, const char *data, gsize len, GError **error)
{
  GError *err = NULL;
  g_autoptr(GString) lean = map_strip(data, len);
  if (lean)
    map->handle = map_handle_new(lean->str, lean->len, NULL);
  if (map->handle)
    map->svg = g_bytes_new(lean->str, lean->len);
  if (!map->handle) { /* also for the error message of a broken file */
    map->handle = map_handle_new(data, len, &err);
    map->svg = g_bytes_new(data, len);
  }
  if (!map->handle) {
    g_set_error(error, RL_MAP_ERROR, RL_MAP_ERROR_SVG, "map file '%s' is not a valid SVG: %s",
                map->path, err ? err->message : "unknown error");
    g_clear_error(&err);
    return false;
  }
  gboolean has_vb = FALSE;
  RsvgRectangle vb = {0};
  rsvg_handle_get_intrinsic_dimensions(map->handle, NULL, NULL, NULL, NULL, &has_vb, &vb);
  if (!has_vb) {
    vb.x = vb.y = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(map->handle, &vb.width, &vb.height))
      vb.width = vb.height = 0;
  }
  if (!(vb.width > 0 && vb.height > 0)) {
    g_set_error(error, RL_MAP_ERROR, RL_MAP_ERROR_SVG,
                "map file '%s' has no size: give the <svg> a viewBox", map->path);
    return false;
  }
  map->vb_x = vb.x, map->vb_y = vb.y, map->vb_w = vb.width, map->vb_h = vb.height;
  return true;
}

/* True when nothing in the SVG applies to a group as a whole (opacity, filter, mask,
 * clip-path): then drawing a group's children one by one looks like drawing the group. */
static bool map_no_effects(const char *data, gsize len)
{
  static const char *const words[] = {"opacity", "filter", "mask", "clip-path", NULL};
  for (int i = 0; words[i]; i++)
    if (g_strstr_len(data, (gssize)len, words[i]))
      return false;
  return true;
}

/* Loads and checks the SVG at `path` (spec->svg_path or spec->overview_path) for spec:
 * size, external references, parse, ids. Returns a new map or NULL with *error set. */
static RlMap *map_load_file(const RlMapSpec *spec, const char *path, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  if (!map_read(path, &data, &len, error) || !map_scan_external(path, data, len, error))
    return NULL;
  RlMap *map = g_new0(RlMap, 1);
  map->spec = spec;
  map->path = path;
  g_mutex_init(&map->lock);
  map_scan_names(map, data, len);
  map->boxes = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  map->cull = map_no_effects(data, len);
  if (!map_parse(map, data, len, error) || !map_check_ids(map, error)) {
    map_free(map);
    return NULL;
  }
  map_find_tops(map);
  return map;
}

/* Loads spec->overview_path (if given) into map->overview; its viewBox must be the main
 * map's, so that fits and points agree. False with *error set. */
/* Loads the copy of the map at `path` (`what` names it in messages: "overview") into
 * *out; NULL path: none. Fails when it does not load or has another viewBox. */
static bool map_load_copy(RlMap *map, const char *path, const char *what, RlMap **out,
                          GError **error)
{
  if (!path)
    return true;
  RlMap *copy = map_load_file(map->spec, path, error);
  if (!copy)
    return false;
  if (fabs(copy->vb_x - map->vb_x) > 1e-6 || fabs(copy->vb_y - map->vb_y) > 1e-6 ||
      fabs(copy->vb_w - map->vb_w) > 1e-6 || fabs(copy->vb_h - map->vb_h) > 1e-6) {
    g_set_error(error, RL_MAP_ERROR, RL_MAP_ERROR_SVG,
                "%s map file '%s' has the viewBox %g %g %g %g, not the map's %g %g %g %g",
                what, copy->path, copy->vb_x, copy->vb_y, copy->vb_w, copy->vb_h, map->vb_x,
                map->vb_y, map->vb_w, map->vb_h);
    map_free(copy);
    return false;
  }
  *out = copy;
  return true;
}

/* map_load() for map_check(): *in_overview tells which file failed. */
/* Loads the SVG and its overview, and its simplified copy when `all`; on failure *where
 * is the sidecar position of the file that failed (NULL: the SVG itself). */
static RlMap *map_load_all(const RlMapSpec *spec, bool all, const RlPos **where,
                           GError **error)
{
  *where = NULL;
  if (!spec->svg_path) {
    g_set_error(error, RL_MAP_ERROR, RL_MAP_ERROR_READ, "the map names no SVG file");
    return NULL;
  }
  RlMap *map = map_load_file(spec, spec->svg_path, error);
  if (map && !map_load_copy(map, spec->overview_path, "overview", &map->overview, error))
    *where = &spec->overview_pos;
  else if (map && all &&
           !map_load_copy(map, spec->simplified_path, "simplified", &map->simplified, error))
    *where = &spec->simplified_pos;
  if (map)
    map->simplified_tried = all;
  if (*where)
    g_clear_pointer(&map, map_free);
  return map;
}

RlMap *map_load(const RlMapSpec *spec, GError **error)
{
  const RlPos *where;
  return map_load_all(spec, false, &where, error);
}

RlMap *map_overview(RlMap *map)
{
  return map->overview ? map->overview : map;
}

RlMap *map_for_scale(RlMap *map, double scale)
{
  if (!map->spec->simplified_path || map->spec->simplified_tolerance * scale > MAP_UNSEEN_PT)
    return map;
  g_mutex_lock(&map->lock);
  if (!map->simplified_tried) /* map_check reported what is wrong with it */
    map_load_copy(map, map->spec->simplified_path, "simplified", &map->simplified, NULL);
  map->simplified_tried = true;
  g_mutex_unlock(&map->lock);
  return map->simplified ? map->simplified : map;
}

void map_free(RlMap *map)
{
  if (!map)
    return;
  map_free(map->overview);
  map_free(map->simplified);
  for (int i = 0; i < MAP_PEN_N; i++) {
    if (map->pens[i] && map->pens[i] != map->handle)
      g_object_unref(map->pens[i]);
    if (map->css[i])
      g_string_free(map->css[i], TRUE);
  }
  if (map->handle)
    g_object_unref(map->handle);
  if (map->svg)
    g_bytes_unref(map->svg);
  g_mutex_clear(&map->lock);
  if (map->titles)
    g_hash_table_unref(map->titles);
  if (map->parent)
    g_hash_table_unref(map->parent);
  if (map->tops)
    g_ptr_array_unref(map->tops);
  if (map->kids)
    g_hash_table_unref(map->kids);
  if (map->boxes)
    g_hash_table_unref(map->boxes);
  mapflat_free(map->flat);
  g_free(map->flat_top);
  if (map->flat_over)
    g_hash_table_unref(map->flat_over);
  g_free(map);
}

bool map_check(const RlMapSpec *spec, DiagList *diags)
{
  GError *err = NULL;
  const RlPos *where;
  RlMap *map = map_load_all(spec, true, &where, &err);
  if (map) {
    map_free(map);
    return true;
  }
  const RlPos *pos = where ? where
                     : err->code == RL_MAP_ERROR_IDS ? &spec->codes_pos : &spec->svg_pos;
  if (pos->line == 0)
    pos = &spec->pos;
  diag_error(diags, pos->file, pos->line, pos->col, "%s", err->message);
  g_error_free(err);
  return false;
}

const RlMapSpec *map_spec(const RlMap *map)
{
  return map->spec;
}

const char *map_attribution(const RlMap *map, RlLang lang)
{
  return text_get(&map->spec->attribution, lang, RL_LANG_EN);
}

/* ---- geometry ---------------------------------------------------------------------- */

void map_size(const RlMap *map, double *w, double *h)
{
  *w = map->vb_w;
  *h = map->vb_h;
}

RlMapFit map_fit_view(const RlMap *map, double x, double y, double w, double h, double vx,
                      double vy, double vw, double vh)
{
  double s = fmin(w / vw, h / vh);
  RlMapFit fit = {.scale = s, .w = map->vb_w * s, .h = map->vb_h * s,
                  .vb_x = map->vb_x, .vb_y = map->vb_y,
                  .clip_x = x, .clip_y = y, .clip_w = w, .clip_h = h};
  fit.x = x + (w - vw * s) / 2 - (vx - map->vb_x) * s;
  fit.y = y + (h - vh * s) / 2 - (vy - map->vb_y) * s;
  fit.zoom = s / fmin(w / map->vb_w, h / map->vb_h);
  return fit;
}

RlMapFit map_fit(const RlMap *map, double x, double y, double w, double h)
{
  return map_fit_view(map, x, y, w, h, map->vb_x, map->vb_y, map->vb_w, map->vb_h);
}

void map_fit_point(const RlMapFit *fit, double ux, double uy, double *px, double *py)
{
  *px = fit->x + (ux - fit->vb_x) * fit->scale;
  *py = fit->y + (uy - fit->vb_y) * fit->scale;
}

/* Lambert conformal conic on a sphere; p = lon0, lat0, lat1, lat2, scale, x0, y0. */
static void project_lcc(const double *p, double lon, double lat, double *x, double *y)
{
  double r = G_PI / 180, p0 = p[1] * r, p1 = p[2] * r, p2 = p[3] * r;
#define T(phi) tan(G_PI / 4 + (phi) / 2)
  double n = fabs(p1 - p2) < 1e-12 ? sin(p1)
                                   : log(cos(p1) / cos(p2)) / log(T(p2) / T(p1));
  double f = cos(p1) * pow(T(p1), n) / n;
  double rho0 = MAP_RADIUS * f / pow(T(p0), n);
  double rho = MAP_RADIUS * f / pow(T(lat * r), n);
#undef T
  double theta = n * (lon - p[0]) * r;
  *x = p[5] + p[4] * rho * sin(theta);
  *y = p[6] - p[4] * (rho0 - rho * cos(theta));
}

void map_project(const RlMapSpec *spec, double lon, double lat, double *x, double *y)
{
  const double *p = spec->proj;
  if (spec->projection == RL_PROJ_LCC) {
    project_lcc(p, lon, lat, x, y);
    return;
  }
  *x = p[0] * lon + p[1] * lat + p[2];
  *y = p[3] * lon + p[4] * lat + p[5];
}

bool map_region_bbox(RlMap *map, const char *code, double *x, double *y, double *w,
                     double *h, GError **error)
{
  g_mutex_lock(&map->lock);
  g_autofree char *sub = map_sub(map, code);
  RsvgRectangle vp = {map->vb_x, map->vb_y, map->vb_w, map->vb_h}, ink, logical;
  bool ok = sub && rsvg_handle_get_geometry_for_layer(map->handle, sub, &vp, &ink, &logical,
                                                      NULL);
  g_mutex_unlock(&map->lock);
  if (!ok) {
    g_set_error(error, RL_MAP_ERROR, RL_MAP_ERROR_CODE, "the map has no element for code '%s'",
                code);
    return false;
  }
  *x = logical.x, *y = logical.y, *w = logical.width, *h = logical.height;
  return true;
}

/* ---- drawing ----------------------------------------------------------------------- */

/* Appends `#id, #id *` (id escaped for CSS), after a comma unless first. */
static void css_selector(GString *css, const char *id, bool first)
{
  GString *esc = g_string_new(NULL);
  for (const char *p = id; *p; p++) {
    if (p == id && g_ascii_isdigit(*p))
      g_string_append_printf(esc, "\\3%c ", *p);
    else if (g_ascii_isalnum(*p) || *p == '-' || *p == '_' || (guchar)*p >= 0x80)
      g_string_append_c(esc, *p);
    else
      g_string_append_printf(esc, "\\%c", *p);
  }
  g_string_append_printf(css, "%s#%s, #%s *", first ? "" : ", ", esc->str, esc->str);
  g_string_free(esc, TRUE);
}

static void css_colour(GString *css, const char *prop, RlColour c)
{
  g_string_append_printf(css, "%s: #%02x%02x%02x !important; ", prop,
                         (int)lround(CLAMP(c.r, 0, 1) * 255), (int)lround(CLAMP(c.g, 0, 1) * 255),
                         (int)lround(CLAMP(c.b, 0, 1) * 255));
}

/* One rule: the elements of `ids` filled with fill, stroked with stroke at width (user
 * units). */
static void css_rule(GString *css, GPtrArray *ids, RlColour fill, RlColour stroke, double width)
{
  if (ids->len == 0)
    return;
  for (guint i = 0; i < ids->len; i++)
    css_selector(css, (const char *)g_ptr_array_index(ids, i) + 1, i == 0);
  g_string_append(css, " { ");
  css_colour(css, "fill", fill);
  css_colour(css, "stroke", stroke);
  char num[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append_printf(css, "stroke-width: %s !important; stroke-linejoin: round !important; "
                              "fill-opacity: 1 !important; stroke-opacity: 1 !important; }\n",
                         g_ascii_formatd(num, sizeof num, "%.4f", width));
}

/* The handle of `pen` with the stylesheet css (parsed and restyled only when needed), or
 * NULL with *error set. */
static RsvgHandle *map_pen(RlMap *map, MapPen pen, const GString *css, GError **error)
{
  if (!map->pens[pen] && !map->handle_is_pen) { /* a worker drawing only close-ups parses
                                                  * the map twice, not three times */
    map->pens[pen] = map->handle;
    map->handle_is_pen = true;
  } else if (!map->pens[pen]) {
    gsize len = 0;
    const char *data = g_bytes_get_data(map->svg, &len);
    map->pens[pen] = map_handle_new(data, len, error);
    if (!map->pens[pen])
      return NULL;
  }
  if (map->css[pen] ? g_string_equal(map->css[pen], css) : css->len == 0)
    return map->pens[pen]; /* the same, or none on a pen that never had one */
  if (!rsvg_handle_set_stylesheet(map->pens[pen], (const guint8 *)css->str, css->len, error))
    return NULL;
  if (!map->css[pen])
    map->css[pen] = g_string_new(NULL);
  g_string_assign(map->css[pen], css->str);
  return map->pens[pen];
}

/* Splits the sidecar's codes into "#id" lists: highlighted and the rest. Fails naming the
 * first highlighted code without an element. */
static bool map_partition(RlMap *map, const char *const *codes, GPtrArray *hi, GPtrArray *rest,
                          GError **error)
{
  for (int i = 0; codes && codes[i]; i++) {
    char *sub = map_sub(map, codes[i]);
    if (!sub) {
      g_set_error(error, RL_MAP_ERROR, RL_MAP_ERROR_CODE,
                  "the map has no element for code '%s'", codes[i]);
      return false;
    }
    g_ptr_array_add(hi, sub);
  }
  /* The rest: the top elements not highlighted themselves. A highlighted element inside
   * a muted top wins by coming later in the stylesheet (same specificity). */
  for (guint i = 0; i < map->tops->len; i++) {
    const char *top = g_ptr_array_index(map->tops, i);
    bool lit = false;
    for (guint j = 0; j < hi->len && !lit; j++)
      lit = strcmp(top, g_ptr_array_index(hi, j)) == 0;
    if (!lit)
      g_ptr_array_add(rest, g_strdup(top));
  }
  return true;
}

/* Renders the highlighted elements with handle h into every target. */
static bool map_render_hi(RsvgHandle *h, cairo_t *const *crs, guint n, const RsvgRectangle *vp,
                          GPtrArray *hi, GError **error)
{
  for (guint t = 0; t < n; t++)
    for (guint i = 0; i < hi->len; i++)
      if (!rsvg_handle_render_layer(h, crs[t], g_ptr_array_index(hi, i), vp, error))
        return false;
  return true;
}

/* Pass 2 and 3: each highlighted element again on top, first with a stroke twice the
 * outline width in the outline colour, then filled with thin borders (by `base`, whose
 * stylesheet styles them so), leaving a heavy outline outside its edge only. */
static bool map_draw_highlight(RlMap *map, RsvgHandle *base, cairo_t *const *crs, guint n,
                               const RsvgRectangle *vp, GPtrArray *hi, const RlMapStyle *st,
                               double unit, GError **error)
{
  if (hi->len == 0)
    return true;
  g_autoptr(GString) css = g_string_new(NULL);
  css_rule(css, hi, st->highlight_stroke, st->highlight_stroke,
           2 * st->highlight_stroke_pt * unit);
  RsvgHandle *outline = map_pen(map, MAP_PEN_OUTLINE, css, error);
  return outline && map_render_hi(outline, crs, n, vp, hi, error) &&
         map_render_hi(base, crs, n, vp, hi, error);
}

/* ---- a close-up draws only what it shows -------------------------------------------- */

/* The bounding box of element `id` in user units (strokes excluded), measured once and
 * kept; false when librsvg cannot tell. */
static bool map_box(RlMap *map, const char *id, RsvgRectangle *box)
{
  RsvgRectangle *known = g_hash_table_lookup(map->boxes, id);
  if (!known) {
    g_autofree char *sub = g_strconcat("#", id, NULL);
    RsvgRectangle vp = {map->vb_x, map->vb_y, map->vb_w, map->vb_h}, ink, logical;
    known = g_new(RsvgRectangle, 1);
    if (!rsvg_handle_get_geometry_for_layer(map->handle, sub, &vp, &ink, &logical, NULL))
      logical.width = -1; /* unknown: always drawn */
    *known = logical;
    g_hash_table_insert(map->boxes, g_strdup(id), known);
  }
  *box = *known;
  return box->width >= 0;
}

static bool box_meets(const RsvgRectangle *a, const RsvgRectangle *b)
{
  return a->x <= b->x + b->width && b->x <= a->x + a->width && a->y <= b->y + b->height &&
         b->y <= a->y + a->height;
}

static bool box_holds(const RsvgRectangle *outer, const RsvgRectangle *in)
{
  return in->x >= outer->x && in->y >= outer->y && in->x + in->width <= outer->x + outer->width &&
         in->y + in->height <= outer->y + outer->height;
}

/* The children of `id` when they can be drawn one by one instead of it: all have ids. */
static GPtrArray *map_split(const RlMap *map, const char *id)
{
  GPtrArray *kids = map->cull ? g_hash_table_lookup(map->kids, id) : NULL;
  for (guint i = 0; kids && i < kids->len; i++)
    if (!*(const char *)g_ptr_array_index(kids, i))
      return NULL;
  return kids;
}

typedef struct {
  RsvgHandle *h;           /* the pen drawing */
  cairo_t *cr;
  const RsvgRectangle *vp; /* the viewport of the whole map */
  RsvgRectangle view;      /* what the close-up shows, user units */
  GHashTable *skip;        /* ids not to draw (the highlighted: drawn again on top) */
  GHashTable *over;        /* ids of the elements that hold one of `skip` */
} MapCull;

static bool map_render_kids(RlMap *map, const MapCull *c, GPtrArray *kids, int depth,
                            GError **error);

/* Draws element `id` when it meets the view: whole when it lies inside the view or
 * cannot be split, else child by child. */
static bool map_render_part(RlMap *map, const MapCull *c, const char *id, int depth,
                            GError **error)
{
  if (g_hash_table_contains(c->skip, id))
    return true;
  RsvgRectangle box;
  bool known = map_box(map, id, &box);
  if (known && !box_meets(&box, &c->view))
    return true;
  bool split = g_hash_table_contains(c->over, id) || (known && !box_holds(&c->view, &box));
  GPtrArray *kids = split && depth < 32 ? map_split(map, id) : NULL;
  if (kids)
    return map_render_kids(map, c, kids, depth + 1, error);
  g_autofree char *sub = g_strconcat("#", id, NULL);
  return rsvg_handle_render_layer(c->h, c->cr, sub, c->vp, error);
}

static bool map_render_kids(RlMap *map, const MapCull *c, GPtrArray *kids, int depth,
                            GError **error)
{
  for (guint i = 0; i < kids->len; i++)
    if (!map_render_part(map, c, g_ptr_array_index(kids, i), depth, error))
      return false;
  return true;
}

/* Fills skip with the ids of the highlighted elements ("#id" in hi) and over with those
 * of every element holding one of them. */
static void map_hi_sets(const RlMap *map, GPtrArray *hi, GHashTable *skip, GHashTable *over)
{
  for (guint i = 0; i < hi->len; i++) {
    const char *id = (const char *)g_ptr_array_index(hi, i) + 1;
    g_hash_table_add(skip, (gpointer)id);
    const char *up = g_hash_table_lookup(map->parent, id);
    for (int depth = 0; up && *up && depth < 256; depth++) {
      g_hash_table_add(over, (gpointer)up);
      up = g_hash_table_lookup(map->parent, up);
    }
  }
}

/* Draws the base of the map with handle h: only the elements that meet its clip box
 * (librsvg would trace every path of the map for cairo to clip away), and not the
 * highlighted ones of hi, which map_draw_highlight() draws again on top (covering what
 * they would draw here). margin: user units the strokes reach beyond an element's box. */
static bool map_render_view(RlMap *map, RsvgHandle *h, cairo_t *cr, const RlMapFit *fit,
                            const RsvgRectangle *vp, GPtrArray *hi, double margin,
                            GError **error)
{
  g_autoptr(GHashTable) skip = g_hash_table_new(g_str_hash, g_str_equal);
  g_autoptr(GHashTable) over = g_hash_table_new(g_str_hash, g_str_equal);
  MapCull c = {h, cr, vp, {map->vb_x + (fit->clip_x - fit->x) / fit->scale - margin,
                           map->vb_y + (fit->clip_y - fit->y) / fit->scale - margin,
                           fit->clip_w / fit->scale + 2 * margin,
                           fit->clip_h / fit->scale + 2 * margin}, skip, over};
  RsvgRectangle all = {map->vb_x, map->vb_y, map->vb_w, map->vb_h};
  GPtrArray *kids = map_split(map, "");
  if (!kids || (box_holds(&c.view, &all) && hi->len == 0))
    return rsvg_handle_render_document(h, cr, vp, error);
  map_hi_sets(map, hi, skip, over);
  return map_render_kids(map, &c, kids, 0, error);
}

/* ---- a whole map traced by relais (mapflat.h) -------------------------------------- */

/* The id of the top that flat element i lies in, or NULL. */
static const char *flat_find_top(RlMap *map, GHashTable *tops, guint i)
{
  const char *id = mapflat_owner(map->flat, i);
  for (int depth = 0; id && *id && depth < 256; depth++) {
    const char *top = g_hash_table_lookup(tops, id);
    if (top)
      return top;
    id = g_hash_table_lookup(map->parent, id);
  }
  return NULL;
}

/* True when every element holding a top, from the root down, can be drawn child by
 * child (map_split) and what it holds is a top, holds one, or holds none. */
static bool flat_splits(RlMap *map, const char *id, int depth)
{
  GPtrArray *kids = depth < 32 ? map_split(map, id) : NULL;
  for (guint i = 0; kids && i < kids->len; i++) {
    const char *k = g_ptr_array_index(kids, i);
    if (g_hash_table_contains(map->flat_over, k) && !flat_splits(map, k, depth + 1))
      return false;
  }
  return kids != NULL;
}

/* Settles map->flat: the areas (everything inside a top) are plain paths that relais
 * traces itself. False when librsvg must draw them. */
static bool map_flat_ready(RlMap *map)
{
  if (map->flat_tried)
    return map->flat != NULL;
  map->flat_tried = true;
  gsize len = 0;
  const char *data = g_bytes_get_data(map->svg, &len);
  map->flat = map->cull && map->tops->len ? mapflat_new(data, len) : NULL;
  guint n = map->flat ? mapflat_len(map->flat) : 0, areas = 0;
  g_autoptr(GHashTable) tops = g_hash_table_new(g_str_hash, g_str_equal);
  map->flat_over = g_hash_table_new(g_str_hash, g_str_equal);
  for (guint i = 0; i < map->tops->len; i++) {
    const char *top = (const char *)g_ptr_array_index(map->tops, i) + 1;
    g_hash_table_insert(tops, (gpointer)top, (gpointer)top);
    const char *up = g_hash_table_lookup(map->parent, top);
    for (int depth = 0; up && *up && depth < 256; depth++) {
      g_hash_table_add(map->flat_over, (gpointer)up);
      up = g_hash_table_lookup(map->parent, up);
    }
  }
  map->flat_top = g_new0(const char *, n + 1);
  bool ok = map->flat != NULL;
  map->flat_full = ok;
  for (guint i = 0; ok && i < n; i++) {
    map->flat_top[i] = flat_find_top(map, tops, i);
    areas += map->flat_top[i] != NULL;
    ok = !map->flat_top[i] || mapflat_plain(map->flat, i);
    map->flat_full = map->flat_full && (map->flat_top[i] || mapflat_style(map->flat, i));
  }
  if (!(ok && areas > 0 && flat_splits(map, "", 0)))
    g_clear_pointer(&map->flat, mapflat_free);
  return map->flat != NULL;
}

/* What map_draw_flat() draws with, into one target. */
typedef struct {
  RlMap *map;
  RsvgHandle *h;           /* draws what is not an area */
  cairo_t *cr;
  const RsvgRectangle *vp; /* the viewport of the whole map */
  const bool *lit;         /* per flat element: inside a highlighted one */
  double ox, oy, s;        /* user units to the target's: (ox + s x, oy + s y) */
  const RsvgRectangle *view; /* a close-up's view (user units): what lies outside it is
                              * not drawn; NULL: everything is */
} FlatDraw;

/* Colours as the stylesheets give them: 8 bits a channel. */
static void flat_source(cairo_t *cr, RlColour c)
{
  cairo_set_source_rgb(cr, lround(CLAMP(c.r, 0, 1) * 255) / 255.0,
                       lround(CLAMP(c.g, 0, 1) * 255) / 255.0,
                       lround(CLAMP(c.b, 0, 1) * 255) / 255.0);
}

/* Element i filled, then stroked at width w (target units), as librsvg draws a path. */
static void flat_el(const FlatDraw *d, guint i, RlColour fill, RlColour stroke, double w)
{
  cairo_t *cr = d->cr;
  cairo_new_path(cr);
  mapflat_trace(d->map->flat, i, cr, d->ox, d->oy, d->s);
  cairo_set_fill_rule(cr, mapflat_fill_rule(d->map->flat, i));
  flat_source(cr, fill);
  cairo_fill_preserve(cr);
  flat_source(cr, stroke);
  cairo_set_line_width(cr, w);
  cairo_set_line_cap(cr, mapflat_line_cap(d->map->flat, i));
  cairo_stroke(cr);
}

/* True when element i, with strokes `margin` user units wide, may show in d's view. */
static bool flat_seen(const FlatDraw *d, guint i, double margin)
{
  double x0, y0, x1, y1;
  if (!mapflat_bbox(d->map->flat, i, &x0, &y0, &x1, &y1))
    return false;
  const RsvgRectangle *v = d->view;
  return !v || (x0 - margin <= v->x + v->width && v->x <= x1 + margin &&
                y0 - margin <= v->y + v->height && v->y <= y1 + margin);
}

/* Element i as its own CSS styles it; strokes `width` wide (target units) when width > 0
 * (a close-up's stylesheet sets every stroke's width), else as wide as the CSS says. */
static void flat_own(const FlatDraw *d, guint i, double width)
{
  const RlMapFlatStyle *st = mapflat_style(d->map->flat, i);
  cairo_t *cr = d->cr;
  cairo_new_path(cr);
  mapflat_trace(d->map->flat, i, cr, d->ox, d->oy, d->s);
  if (!st->fill_none) {
    cairo_set_fill_rule(cr, st->rule);
    cairo_set_source_rgb(cr, st->fill[0], st->fill[1], st->fill[2]);
    cairo_fill_preserve(cr);
  }
  double w = width > 0 ? width : st->width * d->s;
  if (!st->stroke_none && w > 0) {
    cairo_set_source_rgb(cr, st->stroke[0], st->stroke[1], st->stroke[2]);
    cairo_set_line_width(cr, w);
    cairo_set_line_join(cr, st->join);
    cairo_set_line_cap(cr, st->cap);
    cairo_set_miter_limit(cr, st->miter);
    cairo_stroke(cr);
  }
  cairo_new_path(cr);
}

/* The base of a map whose every element is flat, in document order: the areas but the
 * highlighted in the muted style, the rest as the SVG styles it. */
static void flat_all(const FlatDraw *d, const RlMapStyle *st, double w)
{
  for (guint i = 0; i < mapflat_len(d->map->flat); i++) {
    if (!flat_seen(d, i, w / d->s))
      continue;
    if (!d->map->flat_top[i]) {
      flat_own(d, i, d->view ? w : 0);
    } else if (!d->lit[i]) {
      cairo_set_line_join(d->cr, CAIRO_LINE_JOIN_ROUND);
      flat_el(d, i, st->muted_fill, st->muted_stroke, w);
    }
  }
}

/* The elements inside top `top` that are not highlighted, in the muted style. */
static void flat_top(const FlatDraw *d, const char *top, const RlMapStyle *st, double w)
{
  for (guint i = 0; i < mapflat_len(d->map->flat); i++)
    if (d->map->flat_top[i] && strcmp(d->map->flat_top[i], top) == 0 && !d->lit[i])
      flat_el(d, i, st->muted_fill, st->muted_stroke, w);
}

/* The base of the map under element `id` ("" = the root), in document order: areas
 * traced, everything else drawn by librsvg. */
static bool flat_walk(const FlatDraw *d, const char *id, const RlMapStyle *st, double w,
                      GError **error)
{
  GPtrArray *kids = map_split(d->map, id);
  for (guint i = 0; kids && i < kids->len; i++) {
    const char *k = g_ptr_array_index(kids, i);
    g_autofree char *sub = g_strconcat("#", k, NULL);
    if (g_ptr_array_find_with_equal_func(d->map->tops, sub, g_str_equal, NULL))
      flat_top(d, k, st, w);
    else if (g_hash_table_contains(d->map->flat_over, k)) {
      if (!flat_walk(d, k, st, w, error))
        return false;
    } else if (!rsvg_handle_render_layer(d->h, d->cr, sub, d->vp, error))
      return false;
  }
  return true;
}

typedef struct {
  guint hi, el;
} FlatLit;

static gint flat_lit_cmp(gconstpointer a, gconstpointer b)
{
  const FlatLit *x = a, *y = b;
  return x->hi != y->hi ? (x->hi > y->hi) - (x->hi < y->hi) : (x->el > y->el) - (x->el < y->el);
}

/* The flat elements inside the highlighted ones (hi: "#id"), in the order librsvg draws
 * them there: each highlighted element's in document order, one after the other; lit[i]
 * set for each. */
static GArray *flat_lit(RlMap *map, GPtrArray *hi, bool *lit)
{
  g_autoptr(GHashTable) at = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
                                                    (GDestroyNotify)g_array_unref);
  for (guint j = 0; j < hi->len; j++) {
    const char *id = (const char *)g_ptr_array_index(hi, j) + 1;
    GArray *js = g_hash_table_lookup(at, id);
    if (!js)
      g_hash_table_insert(at, (gpointer)id, js = g_array_new(FALSE, FALSE, sizeof(guint)));
    g_array_append_val(js, j);
  }
  g_autoptr(GArray) pairs = g_array_new(FALSE, FALSE, sizeof(FlatLit));
  for (guint i = 0; i < mapflat_len(map->flat); i++) {
    const char *id = mapflat_owner(map->flat, i);
    for (int depth = 0; id && *id && depth < 256; depth++) {
      GArray *js = g_hash_table_lookup(at, id);
      for (guint k = 0; js && k < js->len; k++)
        g_array_append_val(pairs, ((FlatLit){g_array_index(js, guint, k), i}));
      id = g_hash_table_lookup(map->parent, id);
    }
  }
  g_array_sort(pairs, flat_lit_cmp);
  GArray *order = g_array_sized_new(FALSE, FALSE, sizeof(guint), pairs->len);
  for (guint k = 0; k < pairs->len; k++) {
    guint i = g_array_index(pairs, FlatLit, k).el;
    g_array_append_val(order, i);
    lit[i] = true;
  }
  return order;
}

/* A stroke width as the stylesheets write it (%.4f user units), in target units. */
static double flat_width(double pt, const RlMapFit *fit)
{
  return round(pt / fit->scale * 1e4) / 1e4 * fit->scale;
}

/* The map as map_draw_locked() draws it with librsvg alone: the base (muted areas but
 * the highlighted, the rest of the SVG as it is), then the highlighted areas with a
 * heavy outline, then filled with thin borders. Each area is traced with the same pen,
 * so a PDF gets one path operator and a colour for it, not a graphics state. A close-up
 * (map->flat_full only) draws what meets the clip box, every stroke at the base width. */
static bool map_draw_flat(RlMap *map, cairo_t *const *crs, guint n, const RlMapFit *fit,
                          GPtrArray *hi, const RlMapStyle *st, bool closeup, GError **error)
{
  g_autoptr(GString) none = g_string_new(NULL);
  RsvgHandle *h = map->flat_full ? NULL : map_pen(map, MAP_PEN_WHOLE, none, error);
  if (!map->flat_full && !h)
    return false;
  g_autofree bool *lit = g_new0(bool, mapflat_len(map->flat) + 1);
  g_autoptr(GArray) order = flat_lit(map, hi, lit);
  RsvgRectangle vp = {fit->x, fit->y, fit->w, fit->h};
  RsvgRectangle view = {map->vb_x + (fit->clip_x - fit->x) / fit->scale,
                        map->vb_y + (fit->clip_y - fit->y) / fit->scale,
                        fit->clip_w / fit->scale, fit->clip_h / fit->scale};
  double w = flat_width(st->stroke_pt, fit), hw = flat_width(2 * st->highlight_stroke_pt, fit);
  for (guint t = 0; t < n; t++) {
    FlatDraw d = {map, h, crs[t], &vp, lit, fit->x - map->vb_x * fit->scale,
                  fit->y - map->vb_y * fit->scale, fit->scale, closeup ? &view : NULL};
    cairo_save(crs[t]);
    cairo_set_line_join(crs[t], CAIRO_LINE_JOIN_ROUND);
    bool ok = true;
    if (map->flat_full)
      flat_all(&d, st, w);
    else
      ok = flat_walk(&d, "", st, w, error);
    cairo_set_line_join(crs[t], CAIRO_LINE_JOIN_ROUND);
    for (guint k = 0; ok && k < order->len; k++)
      if (flat_seen(&d, g_array_index(order, guint, k), hw / fit->scale))
        flat_el(&d, g_array_index(order, guint, k), st->highlight_stroke, st->highlight_stroke, hw);
    for (guint k = 0; ok && k < order->len; k++)
      if (flat_seen(&d, g_array_index(order, guint, k), w / fit->scale))
        flat_el(&d, g_array_index(order, guint, k), st->highlight_fill, st->muted_stroke, w);
    cairo_restore(crs[t]);
    if (!ok)
      return false;
  }
  return true;
}

static bool map_draw_locked(RlMap *map, cairo_t *const *crs, guint n, const RlMapFit *fit,
                            const char *const *codes, const RlMapStyle *st, GError **error)
{
  g_autoptr(GPtrArray) hi = g_ptr_array_new_with_free_func(g_free);
  g_autoptr(GPtrArray) rest = g_ptr_array_new_with_free_func(g_free);
  if (!map_partition(map, codes, hi, rest, error))
    return false;
  bool closeup = fit->zoom > 1.01;
  if (map_flat_ready(map) && (!closeup || map->flat_full))
    return map_draw_flat(map, crs, n, fit, hi, st, closeup, error);
  double unit = 1 / fit->scale; /* user units per point */
  g_autoptr(GString) css = g_string_new(NULL);
  if (closeup) {
    char num[G_ASCII_DTOSTR_BUF_SIZE];
    g_string_append_printf(css, "* { stroke-width: %s !important; }\n",
                           g_ascii_formatd(num, sizeof num, "%.4f", st->stroke_pt * unit));
  }
  css_rule(css, rest, st->muted_fill, st->muted_stroke, st->stroke_pt * unit);
  css_rule(css, hi, st->highlight_fill, st->muted_stroke, st->stroke_pt * unit);
  RsvgRectangle vp = {fit->x, fit->y, fit->w, fit->h};
  RsvgHandle *base = map_pen(map, closeup ? MAP_PEN_CLOSEUP : MAP_PEN_WHOLE, css, error);
  if (!base)
    return false;
  for (guint t = 0; t < n; t++)
    if (!map_render_view(map, base, crs[t], fit, &vp, hi, st->stroke_pt * unit, error))
      return false;
  return map_draw_highlight(map, base, crs, n, &vp, hi, st, unit, error);
}

static bool map_draw_once(RlMap *map, cairo_t *cr, const RlMapFit *fit,
                          const char *const *codes, const RlMapStyle *st, GError **error)
{
  g_mutex_lock(&map->lock);
  bool ok = map_draw_locked(map, &cr, 1, fit, codes, st, error);
  g_mutex_unlock(&map->lock);
  return ok;
}

/* Draws the map once (librsvg's costly part: it measures every path it draws) into a
 * recording surface of the clip box, then paints that into each of the n targets: a
 * PDF writes it as a form XObject, an image surface rasterises it. */
static bool map_draw_recorded(RlMap *map, cairo_t *const *crs, guint n, const RlMapFit *fit,
                              const char *const *codes, const RlMapStyle *st, GError **error)
{
  cairo_rectangle_t box = {fit->clip_x, fit->clip_y, fit->clip_w, fit->clip_h};
  cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &box);
  cairo_t *cr = cairo_create(rec);
  bool ok = map_draw_once(map, cr, fit, codes, st, error);
  if (ok && cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
    g_set_error(error, RL_MAP_ERROR, RL_MAP_ERROR_SVG, "drawing the map failed: %s",
                cairo_status_to_string(cairo_status(cr)));
    ok = false;
  }
  cairo_destroy(cr);
  for (guint t = 0; ok && t < n; t++) {
    cairo_set_source_surface(crs[t], rec, 0, 0);
    cairo_paint(crs[t]);
  }
  cairo_surface_destroy(rec);
  return ok;
}

bool map_draw_fit_into(RlMap *map, cairo_t *const *crs, guint n, const RlMapFit *fit,
                       const char *const *highlight_codes, const RlMapStyle *style,
                       GError **error)
{
  RlMapStyle def = map_style_default();
  for (guint t = 0; t < n; t++) {
    cairo_save(crs[t]);
    cairo_rectangle(crs[t], fit->clip_x, fit->clip_y, fit->clip_w, fit->clip_h);
    cairo_clip(crs[t]);
  }
  bool ok = n > 1 ? map_draw_recorded(map, crs, n, fit, highlight_codes, style ? style : &def,
                                      error)
                   : map_draw_once(map, crs[0], fit, highlight_codes, style ? style : &def,
                                   error);
  for (guint t = 0; t < n; t++) {
    cairo_restore(crs[t]);
    if (ok && cairo_status(crs[t]) != CAIRO_STATUS_SUCCESS) {
      g_set_error(error, RL_MAP_ERROR, RL_MAP_ERROR_SVG, "drawing the map failed: %s",
                  cairo_status_to_string(cairo_status(crs[t])));
      ok = false;
    }
  }
  return ok;
}

bool map_draw_fit(RlMap *map, cairo_t *cr, const RlMapFit *fit,
                  const char *const *highlight_codes, const RlMapStyle *style, GError **error)
{
  return map_draw_fit_into(map, &cr, 1, fit, highlight_codes, style, error);
}

bool map_draw(RlMap *map, cairo_t *cr, double x, double y, double w, double h,
              const char *const *highlight_codes, const RlMapStyle *style, GError **error)
{
  RlMapFit fit = map_fit(map, x, y, w, h);
  return map_draw_fit(map, cr, &fit, highlight_codes, style, error);
}
