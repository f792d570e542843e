/* manifest.c - read and write OUT/manifest.json with json-glib. */
#include "manifest.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "model/identity.h"
#include "output.h"

struct RlManifest {
  GHashTable *by_out; /* char* out (owned by the entry) → ManifestEntry* */
  bool changed;       /* differs from the file it was read from (or read from none) */
};

ManifestEntry *manifest_entry_new(const char *out)
{
  ManifestEntry *e = g_new0(ManifestEntry, 1);
  e->out = g_strdup(out);
  e->pages = -1;
  e->input_names = g_ptr_array_new_with_free_func(g_free);
  e->input_digests = g_ptr_array_new_with_free_func(g_free);
  e->findings = g_ptr_array_new_with_free_func(g_free);
  return e;
}

void manifest_entry_free(gpointer p)
{
  ManifestEntry *e = p;
  if (!e)
    return;
  g_free(e->out);
  g_free(e->key);
  g_free(e->places);
  g_free(e->kind);
  g_free(e->title);
  g_free(e->language);
  g_free(e->edition);
  g_free(e->thumbnail);
  g_ptr_array_unref(e->input_names);
  g_ptr_array_unref(e->input_digests);
  g_ptr_array_unref(e->findings);
  g_free(e);
}

RlManifest *manifest_new(void)
{
  RlManifest *mf = g_new0(RlManifest, 1);
  mf->by_out = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, manifest_entry_free);
  mf->changed = true;
  return mf;
}

void manifest_free(RlManifest *mf)
{
  if (!mf)
    return;
  g_hash_table_unref(mf->by_out);
  g_free(mf);
}

const ManifestEntry *manifest_get(const RlManifest *mf, const char *out)
{
  return g_hash_table_lookup(mf->by_out, out);
}

void manifest_put(RlManifest *mf, ManifestEntry *e)
{
  g_hash_table_remove(mf->by_out, e->out);
  g_hash_table_insert(mf->by_out, e->out, e);
  mf->changed = true;
}

void manifest_remove(RlManifest *mf, const char *out)
{
  mf->changed = g_hash_table_remove(mf->by_out, out) || mf->changed;
}

bool manifest_changed(const RlManifest *mf)
{
  return mf->changed;
}

static gint entry_cmp(gconstpointer a, gconstpointer b)
{
  const ManifestEntry *x = *(ManifestEntry *const *)a, *y = *(ManifestEntry *const *)b;
  return strcmp(x->out, y->out);
}

GPtrArray *manifest_entries(const RlManifest *mf)
{
  GPtrArray *a = g_ptr_array_new();
  GHashTableIter it;
  gpointer value;
  g_hash_table_iter_init(&it, mf->by_out);
  while (g_hash_table_iter_next(&it, NULL, &value))
    g_ptr_array_add(a, value);
  g_ptr_array_sort(a, entry_cmp);
  return a;
}

/* ---- reading --------------------------------------------------------------------- */

static char *member_str(JsonObject *o, const char *name)
{
  JsonNode *n = json_object_get_member(o, name);
  return n && JSON_NODE_HOLDS_VALUE(n) && json_node_get_value_type(n) == G_TYPE_STRING
           ? g_strdup(json_node_get_string(n)) : NULL;
}

static gint64 member_int(JsonObject *o, const char *name, gint64 fallback)
{
  JsonNode *n = json_object_get_member(o, name);
  return n && JSON_NODE_HOLDS_VALUE(n) && json_node_get_value_type(n) == G_TYPE_INT64
           ? json_node_get_int(n) : fallback;
}

static void read_strings(JsonObject *o, const char *name, GPtrArray *into)
{
  JsonNode *n = json_object_get_member(o, name);
  if (!n || !JSON_NODE_HOLDS_ARRAY(n))
    return;
  JsonArray *a = json_node_get_array(n);
  for (guint i = 0; i < json_array_get_length(a); i++) {
    JsonNode *s = json_array_get_element(a, i);
    if (JSON_NODE_HOLDS_VALUE(s) && json_node_get_value_type(s) == G_TYPE_STRING)
      g_ptr_array_add(into, g_strdup(json_node_get_string(s)));
  }
}

static void read_inputs(JsonObject *o, ManifestEntry *e)
{
  JsonNode *n = json_object_get_member(o, "inputs");
  if (!n || !JSON_NODE_HOLDS_ARRAY(n))
    return;
  JsonArray *a = json_node_get_array(n);
  for (guint i = 0; i < json_array_get_length(a); i++) {
    JsonNode *in = json_array_get_element(a, i);
    if (!JSON_NODE_HOLDS_OBJECT(in))
      continue;
    char *digest = member_str(json_node_get_object(in), "digest");
    if (!digest)
      continue;
    char *name = member_str(json_node_get_object(in), "name");
    g_ptr_array_add(e->input_digests, digest);
    g_ptr_array_add(e->input_names, name ? name : g_strdup("?"));
  }
}

/* One output object, or NULL when it lacks a path or a key. */
static ManifestEntry *read_entry(JsonNode *n)
{
  if (!JSON_NODE_HOLDS_OBJECT(n))
    return NULL;
  JsonObject *o = json_node_get_object(n);
  g_autofree char *out = member_str(o, "out");
  g_autofree char *key = member_str(o, "key");
  if (!out || !key)
    return NULL;
  ManifestEntry *e = manifest_entry_new(out);
  e->key = g_steal_pointer(&key);
  e->places = member_str(o, "places");
  e->kind = member_str(o, "kind");
  e->title = member_str(o, "title");
  e->language = member_str(o, "language");
  e->edition = member_str(o, "edition");
  e->thumbnail = member_str(o, "thumbnail");
  e->size = member_int(o, "size", 0);
  e->pages = (int)member_int(o, "pages", -1);
  e->is_dir = json_object_get_boolean_member_with_default(o, "is_dir", FALSE);
  read_inputs(o, e);
  read_strings(o, "findings", e->findings);
  return e;
}

RlManifest *manifest_load(const char *path, char **warning)
{
  RlManifest *mf = manifest_new();
  *warning = NULL;
  if (!g_file_test(path, G_FILE_TEST_EXISTS))
    return mf;
  g_autoptr(JsonParser) parser = json_parser_new();
  g_autoptr(GError) err = NULL;
  if (!json_parser_load_from_file(parser, path, &err)) {
    *warning = g_strdup_printf("%s: cannot read (%s); rebuilding everything", path, err->message);
    return mf;
  }
  JsonNode *root = json_parser_get_root(parser);
  JsonNode *outputs = root && JSON_NODE_HOLDS_OBJECT(root)
                        ? json_object_get_member(json_node_get_object(root), "outputs") : NULL;
  if (!outputs || !JSON_NODE_HOLDS_ARRAY(outputs)) {
    *warning = g_strdup_printf("%s: no outputs list; rebuilding everything", path);
    return mf;
  }
  JsonArray *a = json_node_get_array(outputs);
  bool whole = true;
  for (guint i = 0; i < json_array_get_length(a); i++) {
    ManifestEntry *e = read_entry(json_array_get_element(a, i));
    if (e)
      manifest_put(mf, e);
    whole = whole && e;
  }
  /* Written by this relais and read whole: saving it unchanged would give the same. */
  g_autofree char *generator = member_str(json_node_get_object(root), "generator");
  mf->changed = !whole || g_strcmp0(generator, identity_get()) != 0;
  return mf;
}

/* ---- writing --------------------------------------------------------------------- */

static void add_str(JsonBuilder *b, const char *name, const char *value)
{
  if (!value)
    return;
  json_builder_set_member_name(b, name);
  json_builder_add_string_value(b, value);
}

static void write_entry(JsonBuilder *b, const ManifestEntry *e)
{
  json_builder_begin_object(b);
  add_str(b, "out", e->out);
  add_str(b, "key", e->key);
  add_str(b, "places", e->places);
  add_str(b, "kind", e->kind);
  add_str(b, "title", e->title);
  add_str(b, "language", e->language);
  add_str(b, "edition", e->edition);
  add_str(b, "thumbnail", e->thumbnail);
  json_builder_set_member_name(b, "size");
  json_builder_add_int_value(b, e->size);
  json_builder_set_member_name(b, "pages");
  json_builder_add_int_value(b, e->pages);
  json_builder_set_member_name(b, "is_dir");
  json_builder_add_boolean_value(b, e->is_dir);
  json_builder_set_member_name(b, "inputs");
  json_builder_begin_array(b);
  for (guint i = 0; i < e->input_digests->len; i++) {
    json_builder_begin_object(b);
    add_str(b, "name", g_ptr_array_index(e->input_names, i));
    add_str(b, "digest", g_ptr_array_index(e->input_digests, i));
    json_builder_end_object(b);
  }
  json_builder_end_array(b);
  json_builder_set_member_name(b, "findings");
  json_builder_begin_array(b);
  for (guint i = 0; i < e->findings->len; i++)
    json_builder_add_string_value(b, g_ptr_array_index(e->findings, i));
  json_builder_end_array(b);
  json_builder_end_object(b);
}

bool manifest_save(const RlManifest *mf, const char *path, GError **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new();
  json_builder_begin_object(b);
  add_str(b, "generator", identity_get());
  json_builder_set_member_name(b, "outputs");
  json_builder_begin_array(b);
  g_autoptr(GPtrArray) entries = manifest_entries(mf);
  for (guint i = 0; i < entries->len; i++)
    write_entry(b, g_ptr_array_index(entries, i));
  json_builder_end_array(b);
  json_builder_end_object(b);
  g_autoptr(JsonGenerator) gen = json_generator_new();
  g_autoptr(JsonNode) root = json_builder_get_root(b);
  json_generator_set_root(gen, root);
  json_generator_set_pretty(gen, TRUE);
  gsize len = 0;
  g_autofree char *text = json_generator_to_data(gen, &len);
  return output_write_file(path, text, len, error);
}
