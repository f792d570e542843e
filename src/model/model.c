/* model.c - constructors, destructors and look-ups of the data model. */
#include "model.h"

#include <string.h>

/* ---- tables ----------------------------------------------------------------------- */

static const struct {
  const char *code;
  const char *name;
} lang_table[RL_LANG_N] = {
  [RL_LANG_FR] = {"fr", "Français"},
  [RL_LANG_NL] = {"nl", "Nederlands"},
  [RL_LANG_DE] = {"de", "Deutsch"},
  [RL_LANG_EN] = {"en", "English"},
};

static const char *const region_codes[RL_REGION_N] = {
  [RL_REGION_BRUSSELS] = "brussels",
  [RL_REGION_FLANDERS] = "flanders",
  [RL_REGION_WALLONIA] = "wallonia",
  [RL_REGION_OSTBELGIEN] = "ostbelgien",
};

static const char *const kind_codes[RL_KIND_N] = {
  [RL_KIND_SUPPORT] = "support",
  [RL_KIND_THERAPY] = "therapy",
  [RL_KIND_SPEECH_CIRCLE] = "speech-circle",
};

static const char *const frequency_codes[RL_FREQ_N] = {
  [RL_FREQ_WEEKLY] = "weekly",
  [RL_FREQ_FORTNIGHTLY] = "fortnightly",
  [RL_FREQ_MONTHLY] = "monthly",
};

/* Index of `code` in `table` of n entries, or -1. */
static int table_find(const char *const *table, int n, const char *code)
{
  for (int i = 0; code && i < n; i++)
    if (g_strcmp0(table[i], code) == 0)
      return i;
  return -1;
}

const char *lang_code(RlLang lang) { return lang < RL_LANG_N ? lang_table[lang].code : "?"; }
const char *lang_name(RlLang lang) { return lang < RL_LANG_N ? lang_table[lang].name : "?"; }

bool lang_parse(const char *code, RlLang *out)
{
  for (int i = 0; code && i < RL_LANG_N; i++)
    if (strcmp(lang_table[i].code, code) == 0) {
      *out = (RlLang)i;
      return true;
    }
  return false;
}

const char *region_code(RlRegion r) { return r < RL_REGION_N ? region_codes[r] : "?"; }
bool region_parse(const char *code, RlRegion *out)
{
  int i = table_find(region_codes, RL_REGION_N, code);
  if (i >= 0)
    *out = (RlRegion)i;
  return i >= 0;
}

const char *group_kind_code(RlGroupKind k) { return k < RL_KIND_N ? kind_codes[k] : "?"; }
bool group_kind_parse(const char *code, RlGroupKind *out)
{
  int i = table_find(kind_codes, RL_KIND_N, code);
  if (i >= 0)
    *out = (RlGroupKind)i;
  return i >= 0;
}

const char *frequency_code(RlFrequency f) { return f < RL_FREQ_N ? frequency_codes[f] : "?"; }
bool frequency_parse(const char *code, RlFrequency *out)
{
  int i = table_find(frequency_codes, RL_FREQ_N, code);
  if (i >= 0)
    *out = (RlFrequency)i;
  return i >= 0;
}

/* ---- text ------------------------------------------------------------------------ */

const char *text_get(const RlText *t, RlLang lang, RlLang fallback)
{
  if (!t)
    return NULL;
  if (lang < RL_LANG_N && t->v[lang])
    return t->v[lang];
  if (fallback < RL_LANG_N && t->v[fallback])
    return t->v[fallback];
  for (int i = 0; i < RL_LANG_N; i++)
    if (t->v[i])
      return t->v[i];
  return NULL;
}

bool text_is_empty(const RlText *t)
{
  for (int i = 0; i < RL_LANG_N; i++)
    if (t->v[i] && *t->v[i])
      return false;
  return true;
}

void text_clear(RlText *t)
{
  for (int i = 0; i < RL_LANG_N; i++)
    g_clear_pointer(&t->v[i], g_free);
}

void contact_clear(RlContact *c)
{
  g_clear_pointer(&c->phone, g_free);
  g_clear_pointer(&c->email, g_free);
  g_clear_pointer(&c->website, g_free);
  g_clear_pointer(&c->address, g_free);
}

/* ---- records ---------------------------------------------------------------------- */

static void record_clear(RlRecord *r)
{
  g_free(r->id);
  g_free(r->digest);
  g_free(r->source);
}

static void network_free(gpointer p)
{
  RlNetwork *n = p;
  record_clear(&n->rec);
  text_clear(&n->name);
  text_clear(&n->short_name);
  text_clear(&n->description);
  contact_clear(&n->contact);
  g_ptr_array_unref(n->coverage);
  g_free(n);
}

static void group_free(gpointer p)
{
  RlGroup *g = p;
  record_clear(&g->rec);
  text_clear(&g->name);
  text_clear(&g->description);
  text_clear(&g->audience);
  text_clear(&g->schedule.note);
  text_clear(&g->place.name);
  g_free(g->place.address);
  g_free(g->place.postcode);
  g_free(g->place.city);
  text_clear(&g->cost);
  text_clear(&g->accessibility);
  contact_clear(&g->contact);
  g_free(g->network_id);
  g_free(g);
}

static void resource_free(gpointer p)
{
  RlResource *r = p;
  record_clear(&r->rec);
  text_clear(&r->name);
  text_clear(&r->description);
  contact_clear(&r->contact);
  g_ptr_array_unref(r->regions);
  g_free(r);
}

static void editorial_free(gpointer p)
{
  RlEditorial *e = p;
  record_clear(&e->rec);
  text_clear(&e->title);
  text_clear(&e->body);
  text_clear(&e->summary);
  g_free(e);
}

static void edition_free(gpointer p)
{
  RlEdition *e = p;
  record_clear(&e->rec);
  text_clear(&e->name);
  g_ptr_array_unref(e->network_ids);
  g_ptr_array_unref(e->networks);
  g_free(e);
}

static void layout_free(gpointer p)
{
  RlLayout *l = p;
  g_free(l->name);
  g_free(l->digest);
  g_free(l->font);
  g_free(l->heading_font);
  g_free(l);
}

static void init_record(RlRecord *r) { g_date_clear(&r->checked, 1); }

RlNetwork *network_new(void)
{
  RlNetwork *n = g_new0(RlNetwork, 1);
  init_record(&n->rec);
  n->coverage = g_ptr_array_new_with_free_func(g_free);
  return n;
}

RlGroup *group_new(void)
{
  RlGroup *g = g_new0(RlGroup, 1);
  init_record(&g->rec);
  g->in_person = true;
  g->schedule.end_min = -1;
  return g;
}

RlResource *resource_new(void)
{
  RlResource *r = g_new0(RlResource, 1);
  init_record(&r->rec);
  r->regions = g_ptr_array_new();
  return r;
}

RlEditorial *editorial_new(void)
{
  RlEditorial *e = g_new0(RlEditorial, 1);
  init_record(&e->rec);
  return e;
}

RlEdition *edition_new(void)
{
  RlEdition *e = g_new0(RlEdition, 1);
  init_record(&e->rec);
  e->network_ids = g_ptr_array_new_with_free_func(g_free);
  e->networks = g_ptr_array_new();
  return e;
}

RlLayout *layout_new(void) { return g_new0(RlLayout, 1); }

RlMapSpec *map_spec_new(void)
{
  RlMapSpec *spec = g_new0(RlMapSpec, 1);
  spec->codes = g_ptr_array_new_with_free_func(g_free);
  return spec;
}

void map_spec_free(RlMapSpec *spec)
{
  if (!spec)
    return;
  g_free(spec->digest);
  g_free(spec->svg_path);
  g_free(spec->overview_path);
  g_free(spec->simplified_path);
  text_clear(&spec->attribution);
  g_free(spec->id_pattern);
  if (spec->id_table)
    g_hash_table_unref(spec->id_table);
  g_ptr_array_unref(spec->codes);
  g_free(spec);
}

/* ---- the model -------------------------------------------------------------------- */

RlModel *model_new(const char *data_dir)
{
  RlModel *m = g_new0(RlModel, 1);
  m->data_dir = g_strdup(data_dir);
  g_date_clear(&m->site.checked, 1);
  m->editions = g_ptr_array_new_with_free_func(edition_free);
  m->networks = g_ptr_array_new_with_free_func(network_free);
  m->groups = g_ptr_array_new_with_free_func(group_free);
  m->resources = g_ptr_array_new_with_free_func(resource_free);
  m->texts = g_ptr_array_new_with_free_func(editorial_free);
  m->layouts = g_ptr_array_new_with_free_func(layout_free);
  m->files = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  m->value_pos = g_hash_table_new_full(NULL, NULL, NULL, g_free);
  return m;
}

void model_free(RlModel *m)
{
  if (!m)
    return;
  RlSite *s = &m->site;
  g_free(s->digest);
  text_clear(&s->organisation);
  text_clear(&s->tagline);
  contact_clear(&s->contact);
  g_free(s->map_path);
  g_free(s->logo_path);
  g_ptr_array_unref(m->editions);
  g_ptr_array_unref(m->networks);
  g_ptr_array_unref(m->groups);
  g_ptr_array_unref(m->resources);
  g_ptr_array_unref(m->texts);
  g_ptr_array_unref(m->layouts);
  map_spec_free(m->map);
  g_hash_table_unref(m->files);
  g_hash_table_unref(m->value_pos);
  g_free(m->data_dir);
  g_free(m);
}

const char *model_intern(RlModel *m, const char *file)
{
  char *have = g_hash_table_lookup(m->files, file);
  if (!have) {
    have = g_strdup(file);
    g_hash_table_insert(m->files, have, have);
  }
  return have;
}

void model_set_value_pos(RlModel *m, const void *value, RlPos pos)
{
  g_hash_table_replace(m->value_pos, (gpointer)value, g_memdup2(&pos, sizeof pos));
}

const RlPos *model_value_pos(const RlModel *m, const void *value)
{
  return g_hash_table_lookup(m->value_pos, value);
}

const RlNetwork *model_network(const RlModel *m, const char *id)
{
  for (guint i = 0; id && i < m->networks->len; i++) {
    const RlNetwork *n = g_ptr_array_index(m->networks, i);
    if (g_strcmp0(n->rec.id, id) == 0)
      return n;
  }
  return NULL;
}

const RlGroup *model_group(const RlModel *m, const char *id)
{
  for (guint i = 0; id && i < m->groups->len; i++) {
    const RlGroup *g = g_ptr_array_index(m->groups, i);
    if (g_strcmp0(g->rec.id, id) == 0)
      return g;
  }
  return NULL;
}

const RlLayout *model_layout(const RlModel *m, const char *name)
{
  for (guint i = 0; name && i < m->layouts->len; i++) {
    const RlLayout *l = g_ptr_array_index(m->layouts, i);
    if (g_strcmp0(l->name, name) == 0)
      return l;
  }
  return NULL;
}

/* Orders groups by city, then by id (stable, locale-independent). */
static gint group_order(gconstpointer a, gconstpointer b)
{
  const RlGroup *ga = *(const RlGroup *const *)a, *gb = *(const RlGroup *const *)b;
  int c = g_strcmp0(ga->place.city, gb->place.city);
  return c ? c : g_strcmp0(ga->rec.id, gb->rec.id);
}

GPtrArray *model_network_groups(const RlModel *m, const RlNetwork *n)
{
  GPtrArray *out = g_ptr_array_new();
  for (guint i = 0; i < m->groups->len; i++) {
    const RlGroup *g = g_ptr_array_index(m->groups, i);
    if (g->network == n)
      g_ptr_array_add(out, (gpointer)g);
  }
  g_ptr_array_sort(out, group_order);
  return out;
}

GPtrArray *model_edition_groups(const RlModel *m, const RlEdition *e)
{
  GPtrArray *out = g_ptr_array_new();
  for (guint i = 0; i < m->groups->len; i++) {
    const RlGroup *g = g_ptr_array_index(m->groups, i);
    for (guint j = 0; j < e->networks->len; j++)
      if (g->network == g_ptr_array_index(e->networks, j)) {
        g_ptr_array_add(out, (gpointer)g);
        break;
      }
  }
  g_ptr_array_sort(out, group_order);
  return out;
}
