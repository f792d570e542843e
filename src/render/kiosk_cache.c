/* kiosk_cache.c - reading, checking and writing the slide cache of a kiosk bundle. */
#include "kiosk_cache.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#define CACHE_FORMAT 1

struct KioskCache {
  char *bundle;         /* the previous bundle's folder */
  JsonNode *root;       /* the parsed file, or NULL */
  JsonObject *slides;   /* key -> record, borrowed from root; NULL when empty */
};

/* ---- loading ---------------------------------------------------------------------- */

/* The "slides" object of a well-formed cache file, or NULL. */
static JsonObject *cache_slides(JsonNode *root)
{
  if (!root || !JSON_NODE_HOLDS_OBJECT(root))
    return NULL;
  JsonObject *o = json_node_get_object(root);
  JsonNode *format = json_object_get_member(o, "format");
  JsonNode *slides = json_object_get_member(o, "slides");
  if (!format || !JSON_NODE_HOLDS_VALUE(format)
      || json_node_get_value_type(format) != G_TYPE_INT64
      || json_node_get_int(format) != CACHE_FORMAT || !slides || !JSON_NODE_HOLDS_OBJECT(slides))
    return NULL;
  return json_node_get_object(slides);
}

KioskCache *kiosk_cache_load(const char *bundle)
{
  KioskCache *c = g_new0(KioskCache, 1);
  if (!bundle)
    return c;
  c->bundle = g_strdup(bundle);
  g_autofree char *path = g_build_filename(bundle, KIOSK_CACHE_FILE, NULL);
  g_autofree char *text = NULL;
  gsize len = 0;
  if (!g_file_get_contents(path, &text, &len, NULL))
    return c;
  c->root = json_from_string(text, NULL);
  c->slides = cache_slides(c->root);
  return c;
}

void kiosk_cache_free(KioskCache *c)
{
  if (!c)
    return;
  if (c->root)
    json_node_unref(c->root);
  g_free(c->bundle);
  g_free(c);
}

/* ---- typed members (NULL / false when absent or of another type) --------------------- */

static JsonNode *member_value(JsonObject *o, const char *name, GType type)
{
  JsonNode *n = o ? json_object_get_member(o, name) : NULL;
  if (!n || !JSON_NODE_HOLDS_VALUE(n))
    return NULL;
  GType t = json_node_get_value_type(n);
  return t == type || (type == G_TYPE_DOUBLE && t == G_TYPE_INT64) ? n : NULL;
}

static const char *get_str(JsonObject *o, const char *name)
{
  JsonNode *n = member_value(o, name, G_TYPE_STRING);
  return n ? json_node_get_string(n) : NULL;
}

static bool get_int(JsonObject *o, const char *name, gint64 *v)
{
  JsonNode *n = member_value(o, name, G_TYPE_INT64);
  if (n)
    *v = json_node_get_int(n);
  return n != NULL;
}

static bool get_double(JsonObject *o, const char *name, double *v)
{
  JsonNode *n = member_value(o, name, G_TYPE_DOUBLE);
  if (n)
    *v = json_node_get_double(n);
  return n != NULL;
}

static bool get_bool(JsonObject *o, const char *name, bool *v)
{
  JsonNode *n = member_value(o, name, G_TYPE_BOOLEAN);
  if (n)
    *v = json_node_get_boolean(n);
  return n != NULL;
}

static JsonArray *get_array(JsonObject *o, const char *name)
{
  JsonNode *n = o ? json_object_get_member(o, name) : NULL;
  return n && JSON_NODE_HOLDS_ARRAY(n) ? json_node_get_array(n) : NULL;
}

/* ---- checking a record -------------------------------------------------------------- */

/* A touch target as slides.js has it: {network, label, kind, bbox: [4 integers]}. */
static bool region_ok(JsonNode *n)
{
  JsonObject *o = JSON_NODE_HOLDS_OBJECT(n) ? json_node_get_object(n) : NULL;
  JsonArray *bbox = get_array(o, "bbox");
  if (!get_str(o, "network") || !get_str(o, "label") || !get_str(o, "kind") || !bbox
      || json_array_get_length(bbox) != 4)
    return false;
  for (guint i = 0; i < 4; i++) {
    JsonNode *v = json_array_get_element(bbox, i);
    if (!JSON_NODE_HOLDS_VALUE(v) || json_node_get_value_type(v) != G_TYPE_INT64)
      return false;
  }
  return true;
}

static bool regions_ok(JsonArray *a)
{
  for (guint i = 0; i < json_array_get_length(a); i++)
    if (!region_ok(json_array_get_element(a, i)))
      return false;
  return true;
}

static bool colour_get(JsonObject *o, const char *name, RlColour *c)
{
  JsonArray *a = get_array(o, name);
  double v[3];
  for (guint i = 0; a && json_array_get_length(a) == 3 && i < 3; i++) {
    JsonNode *n = json_array_get_element(a, i);
    GType t = JSON_NODE_HOLDS_VALUE(n) ? json_node_get_value_type(n) : G_TYPE_INVALID;
    if (t != G_TYPE_DOUBLE && t != G_TYPE_INT64)
      return false;
    v[i] = json_node_get_double(n);
  }
  if (!a || json_array_get_length(a) != 3)
    return false;
  *c = (RlColour){v[0], v[1], v[2]};
  return true;
}

/* One text run read back; its strings are borrowed from the record. */
static bool run_get(JsonNode *n, RlRun *r)
{
  JsonObject *o = JSON_NODE_HOLDS_OBJECT(n) ? json_node_get_object(n) : NULL;
  gint64 cpl, missing, line, col;
  *r = (RlRun){0};
  bool ok = get_double(o, "x", &r->x) && get_double(o, "y", &r->y)
            && get_double(o, "w", &r->w) && get_double(o, "h", &r->h)
            && get_double(o, "size", &r->size_pt) && get_double(o, "text_w", &r->text_w)
            && colour_get(o, "ink", &r->ink) && colour_get(o, "paper", &r->paper)
            && get_int(o, "chars_per_line", &cpl) && get_int(o, "missing", &missing)
            && get_bool(o, "overflow", &r->overflow) && get_bool(o, "clipped", &r->clipped)
            && get_int(o, "line", &line) && get_int(o, "col", &col)
            && (r->text = get_str(o, "text")) != NULL;
  r->chars_per_line = ok ? (int)cpl : 0;
  r->missing = ok ? (int)missing : 0;
  r->word = get_str(o, "word");
  r->pos = (RlPos){get_str(o, "file"), ok ? (int)line : 0, ok ? (int)col : 0};
  return ok;
}

/* The record's runs replayed into a new recorder on the item's page, or NULL when one
 * is malformed. */
static RlPreflight *runs_get(JsonArray *runs, const KioskItem *it, const RlProfile *profile)
{
  g_autofree char *out = kiosk_item_out_name(it->slide->lang);
  RlPreflight *pf = preflight_new(profile, out);
  preflight_set_page(pf, (int)it->index + 1);
  for (guint i = 0; runs && i < json_array_get_length(runs); i++) {
    RlRun r;
    if (!run_get(json_array_get_element(runs, i), &r)) {
      preflight_free(pf);
      return NULL;
    }
    preflight_record(pf, &r);
  }
  return pf;
}

/* ---- reusing a slide ---------------------------------------------------------------- */

/* Copies the file src to dst (for file systems without hard links). */
static bool copy_file(const char *src, const char *dst)
{
  g_autofree char *bytes = NULL;
  gsize len = 0;
  return g_file_get_contents(src, &bytes, &len, NULL)
         && g_file_set_contents_full(dst, bytes, (gssize)len, G_FILE_SET_CONTENTS_NONE, 0644,
                                     NULL);
}

/* Puts the previous bundle's PNG at dst when it is there with `size` bytes. */
static bool take_png(const char *src, const char *dst, gint64 size)
{
  GStatBuf st;
  if (g_stat(src, &st) != 0 || !S_ISREG(st.st_mode) || (gint64)st.st_size != size)
    return false;
  if (link(src, dst) == 0)
    return true;
  return errno != ENOENT && copy_file(src, dst);
}

bool kiosk_cache_reuse(const KioskCache *c, KioskItem *it, const char *dir,
                       const RlProfile *profile)
{
  JsonNode *rn = c->slides ? json_object_get_member(c->slides, it->key) : NULL;
  JsonObject *rec = rn && JSON_NODE_HOLDS_OBJECT(rn) ? json_node_get_object(rn) : NULL;
  const char *sum = get_str(rec, "png_sha256");
  JsonArray *regions = get_array(rec, "regions");
  JsonNode *runs = rec ? json_object_get_member(rec, "runs") : NULL;
  gint64 size;
  bool fits;
  if (!sum || strlen(sum) != 64 || !get_int(rec, "png_size", &size) || size <= 0
      || !get_bool(rec, "fits", &fits) || (regions && !regions_ok(regions))
      || (json_object_has_member(rec, "regions") && !regions)
      || (runs && !JSON_NODE_HOLDS_ARRAY(runs)))
    return false;
  RlPreflight *pf = runs_get(runs ? json_node_get_array(runs) : NULL, it, profile);
  g_autofree char *src = g_build_filename(c->bundle, it->png, NULL);
  g_autofree char *dst = g_build_filename(dir, it->png, NULL);
  if (!pf || !take_png(src, dst, size)) {
    preflight_free(pf);
    return false;
  }
  it->reused = true;
  it->fits = fits;
  it->regions = regions ? json_node_copy(json_object_get_member(rec, "regions")) : NULL;
  it->png_sum = g_strdup(sum);
  it->png_size = size;
  it->pf = pf;
  return true;
}

/* ---- writing ------------------------------------------------------------------------ */

JsonBuilder *kiosk_cache_builder_new(void)
{
  JsonBuilder *jb = json_builder_new();
  json_builder_begin_object(jb);
  json_builder_set_member_name(jb, "format");
  json_builder_add_int_value(jb, CACHE_FORMAT);
  json_builder_set_member_name(jb, "slides");
  json_builder_begin_object(jb);
  return jb;
}

static void add_double(JsonBuilder *jb, const char *name, double v)
{
  json_builder_set_member_name(jb, name);
  json_builder_add_double_value(jb, v);
}

static void add_colour(JsonBuilder *jb, const char *name, RlColour c)
{
  json_builder_set_member_name(jb, name);
  json_builder_begin_array(jb);
  json_builder_add_double_value(jb, c.r);
  json_builder_add_double_value(jb, c.g);
  json_builder_add_double_value(jb, c.b);
  json_builder_end_array(jb);
}

static void add_int(JsonBuilder *jb, const char *name, gint64 v)
{
  json_builder_set_member_name(jb, name);
  json_builder_add_int_value(jb, v);
}

static void add_string(JsonBuilder *jb, const char *name, const char *v)
{
  if (!v)
    return;
  json_builder_set_member_name(jb, name);
  json_builder_add_string_value(jb, v);
}

static void add_bool(JsonBuilder *jb, const char *name, bool v)
{
  json_builder_set_member_name(jb, name);
  json_builder_add_boolean_value(jb, v);
}

static void add_run(JsonBuilder *jb, const RlRun *r)
{
  json_builder_begin_object(jb);
  add_double(jb, "x", r->x), add_double(jb, "y", r->y);
  add_double(jb, "w", r->w), add_double(jb, "h", r->h);
  add_double(jb, "size", r->size_pt), add_double(jb, "text_w", r->text_w);
  add_colour(jb, "ink", r->ink), add_colour(jb, "paper", r->paper);
  add_int(jb, "chars_per_line", r->chars_per_line), add_int(jb, "missing", r->missing);
  add_bool(jb, "overflow", r->overflow), add_bool(jb, "clipped", r->clipped);
  add_string(jb, "text", r->text ? r->text : "");
  add_string(jb, "word", r->word);
  add_string(jb, "file", r->pos.file);
  add_int(jb, "line", r->pos.line), add_int(jb, "col", r->pos.col);
  json_builder_end_object(jb);
}

void kiosk_cache_add(JsonBuilder *jb, const KioskItem *it, bool with_runs)
{
  json_builder_set_member_name(jb, it->key);
  json_builder_begin_object(jb);
  add_string(jb, "png_sha256", it->png_sum);
  add_int(jb, "png_size", it->png_size);
  add_bool(jb, "fits", it->fits);
  if (it->regions) {
    json_builder_set_member_name(jb, "regions");
    json_builder_add_value(jb, json_node_copy(it->regions));
  }
  if (with_runs && it->pf) {
    json_builder_set_member_name(jb, "runs");
    json_builder_begin_array(jb);
    for (guint i = 0; i < preflight_len(it->pf); i++)
      add_run(jb, preflight_at(it->pf, i));
    json_builder_end_array(jb);
  }
  json_builder_end_object(jb);
}

bool kiosk_cache_save(JsonBuilder *jb, const char *dir, GError **error)
{
  json_builder_end_object(jb);
  json_builder_end_object(jb);
  g_autoptr(JsonNode) root = json_builder_get_root(jb);
  g_autoptr(JsonGenerator) gen = json_generator_new();
  json_generator_set_root(gen, root);
  gsize len = 0;
  g_autofree char *json = json_generator_to_data(gen, &len);
  g_autofree char *path = g_build_filename(dir, KIOSK_CACHE_FILE, NULL);
  return g_file_set_contents_full(path, json, (gssize)len, G_FILE_SET_CONTENTS_NONE, 0644,
                                  error);
}
