/* plan.c - jobs, keys and the decision to make or skip each output. */
#include "plan.h"

#include <string.h>

#include "model/identity.h"

/* ---- naming inputs --------------------------------------------------------------- */

/* Adds each record of `records` to names (digest → "group jette-cafe") and places
 * (digest → "data/networks.yaml:40:3", where it starts). A record's digest covers its own
 * bytes only, so a record moved down by lines added above it keeps its digest; its
 * findings' line numbers change all the same, hence the places. */
static void index_records(GHashTable *names, GHashTable *places, GPtrArray *records,
                          const char *kind)
{
  for (guint i = 0; records && i < records->len; i++) {
    const RlRecord *r = g_ptr_array_index(records, i); /* every record type starts with rec */
    if (!r->digest)
      continue;
    g_hash_table_insert(names, r->digest, g_strdup_printf("%s %s", kind, r->id ? r->id : "?"));
    g_hash_table_insert(places, r->digest,
                        g_strdup_printf("%s:%d:%d", r->pos.file ? r->pos.file : "", r->pos.line,
                                        r->pos.col));
  }
}

/* Fills *names (digest, borrowed from m → a name for the report, owned) for every input
 * an output can have, and *places (digest → where the record starts) for the records. */
static void input_tables_new(const RlModel *m, GHashTable **names, GHashTable **places)
{
  *names = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
  *places = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
  static const char *const kinds[] = {"network", "group", "resource", "text", "edition"};
  GPtrArray *lists[] = {m->networks, m->groups, m->resources, m->texts, m->editions};
  for (size_t l = 0; l < G_N_ELEMENTS(lists); l++)
    index_records(*names, *places, lists[l], kinds[l]);
  for (guint i = 0; m->layouts && i < m->layouts->len; i++) {
    const RlLayout *l = g_ptr_array_index(m->layouts, i);
    if (l->digest)
      g_hash_table_insert(*names, l->digest, g_strdup_printf("layout %s", l->name));
  }
  if (m->site.digest)
    g_hash_table_insert(*names, m->site.digest, g_strdup("site"));
  if (m->map && m->map->digest)
    g_hash_table_insert(*names, m->map->digest, g_strdup("map"));
}

/* The hex SHA-256 of the places of the job's input records, in input order. */
static char *job_places(const RlJob *job, GHashTable *places)
{
  GChecksum *ck = g_checksum_new(G_CHECKSUM_SHA256);
  for (guint i = 0; i < job->inputs->len; i++) {
    const char *where = g_hash_table_lookup(places, g_ptr_array_index(job->inputs, i));
    if (where)
      g_checksum_update(ck, (const guchar *)where, (gssize)strlen(where) + 1);
  }
  char *hex = g_strdup(g_checksum_get_string(ck));
  g_checksum_free(ck);
  return hex;
}

/* ---- items ----------------------------------------------------------------------- */

static void item_free(gpointer p)
{
  PlanItem *it = p;
  job_free(it->job);
  g_free(it->key);
  g_free(it->places);
  g_ptr_array_unref(it->input_names);
  g_free(it->why);
  g_free(it);
}

static char *job_key(const RlJob *job, bool press, const char *fonts_digest)
{
  GChecksum *ck = g_checksum_new(G_CHECKSUM_SHA256);
  const char *parts[] = {identity_get(), job->renderer->name, job->out,
                         press ? "press" : "screen", "fonts", fonts_digest ? fonts_digest : ""};
  for (size_t i = 0; i < G_N_ELEMENTS(parts); i++)
    g_checksum_update(ck, (const guchar *)parts[i], (gssize)strlen(parts[i]) + 1);
  for (guint i = 0; i < job->inputs->len; i++) {
    const char *d = g_ptr_array_index(job->inputs, i);
    g_checksum_update(ck, (const guchar *)"input", 6);
    g_checksum_update(ck, (const guchar *)d, (gssize)strlen(d) + 1);
  }
  char *key = g_strdup(g_checksum_get_string(ck));
  g_checksum_free(ck);
  return key;
}

/* The first edition that lists network n, or NULL. */
static const char *edition_of_network(const RlModel *m, const RlNetwork *n)
{
  for (guint i = 0; n && m->editions && i < m->editions->len; i++) {
    const RlEdition *e = g_ptr_array_index(m->editions, i);
    for (guint k = 0; e->networks && k < e->networks->len; k++)
      if (g_ptr_array_index(e->networks, k) == n)
        return e->rec.id;
  }
  return NULL;
}

static const char *edition_of(const RlModel *m, const RlJob *job)
{
  if (job->edition)
    return job->edition->rec.id;
  if (job->network)
    return edition_of_network(m, job->network);
  return job->group ? edition_of_network(m, job->group->network) : NULL;
}

static PlanItem *item_new(const RlModel *m, RlJob *job, GHashTable *names, GHashTable *places,
                          bool press, const char *fonts_digest)
{
  PlanItem *it = g_new0(PlanItem, 1);
  it->job = job;
  it->key = job_key(job, press, fonts_digest);
  it->places = job_places(job, places);
  it->edition = edition_of(m, job);
  it->input_names = g_ptr_array_new_with_free_func(g_free);
  for (guint i = 0; i < job->inputs->len; i++) {
    const char *d = g_ptr_array_index(job->inputs, i);
    const char *name = g_hash_table_lookup(names, d);
    g_ptr_array_add(it->input_names, name ? g_strdup(name) : g_strdup_printf("input %.12s", d));
  }
  return it;
}

static gint item_cmp(gconstpointer a, gconstpointer b)
{
  const PlanItem *x = *(PlanItem *const *)a, *y = *(PlanItem *const *)b;
  return strcmp(x->job->out, y->job->out);
}

static bool wanted(const RlJob *job, RlLangSet languages)
{
  return !languages || job->renderer->is_dir || RL_LANGSET_HAS(languages, job->lang);
}

/* Sorts the items; false with *error set when two write the same path. */
static bool sort_unique(GPtrArray *items, GError **error)
{
  g_ptr_array_sort(items, item_cmp);
  for (guint i = 1; i < items->len; i++) {
    const PlanItem *a = g_ptr_array_index(items, i - 1), *b = g_ptr_array_index(items, i);
    if (strcmp(a->job->out, b->job->out) == 0) {
      g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_EXIST, "two outputs write %s (%s and %s)",
                  a->job->out, a->job->renderer->name, b->job->renderer->name);
      return false;
    }
  }
  return true;
}

RlPlan *plan_new(const RlModel *m, GPtrArray *renderers, const RlRenderOptions *ropt,
                 const char *fonts_digest, GError **error)
{
  RlPlan *plan = g_new0(RlPlan, 1);
  plan->items = g_ptr_array_new_with_free_func(item_free);
  plan->renderers = g_ptr_array_ref(renderers);
  plan->languages = ropt->languages;
  GHashTable *names, *places;
  input_tables_new(m, &names, &places);
  for (guint r = 0; r < renderers->len; r++) {
    const RlRenderer *rr = g_ptr_array_index(renderers, r);
    GPtrArray *jobs = g_ptr_array_new();
    rr->plan(m, ropt, jobs);
    for (guint j = 0; j < jobs->len; j++) {
      RlJob *job = g_ptr_array_index(jobs, j);
      if (wanted(job, ropt->languages))
        g_ptr_array_add(plan->items, item_new(m, job, names, places, ropt->press,
                                                   fonts_digest));
      else
        job_free(job);
    }
    g_ptr_array_unref(jobs);
  }
  g_hash_table_unref(names);
  g_hash_table_unref(places);
  if (!sort_unique(plan->items, error)) {
    plan_free(plan);
    return NULL;
  }
  return plan;
}

void plan_free(RlPlan *plan)
{
  if (!plan)
    return;
  g_ptr_array_unref(plan->items);
  g_ptr_array_unref(plan->renderers);
  g_free(plan);
}

/* ---- deciding -------------------------------------------------------------------- */

static bool has_str(GPtrArray *a, const char *s)
{
  for (guint i = 0; i < a->len; i++)
    if (strcmp(g_ptr_array_index(a, i), s) == 0)
      return true;
  return false;
}

/* "inputs changed: group a, group b" from the inputs added or dropped since last time;
 * "settings changed" when the inputs are the same (relais itself, press flag or fonts). */
static char *why_changed(const PlanItem *it, const ManifestEntry *e)
{
  GString *s = g_string_new("inputs changed: ");
  gsize bare = s->len;
  for (guint i = 0; i < it->job->inputs->len; i++)
    if (!has_str(e->input_digests, g_ptr_array_index(it->job->inputs, i)))
      g_string_append_printf(s, "%s%s", s->len > bare ? ", " : "",
                             (char *)g_ptr_array_index(it->input_names, i));
  for (guint i = 0; i < e->input_digests->len; i++)
    if (!has_str(it->job->inputs, g_ptr_array_index(e->input_digests, i)) &&
        !has_str(it->input_names, g_ptr_array_index(e->input_names, i)))
      g_string_append_printf(s, "%s%s (gone)", s->len > bare ? ", " : "",
                             (char *)g_ptr_array_index(e->input_names, i));
  if (s->len > bare)
    return g_string_free(s, FALSE);
  g_string_free(s, TRUE);
  return g_strdup("settings changed (a new relais, --press or fonts)");
}

static bool output_present(const char *out_dir, const ManifestEntry *e)
{
  g_autofree char *path = g_build_filename(out_dir, e->out, NULL);
  if (!g_file_test(path, G_FILE_TEST_EXISTS))
    return false;
  g_autofree char *thumb = e->thumbnail ? g_build_filename(out_dir, e->thumbnail, NULL) : NULL;
  return !thumb || g_file_test(thumb, G_FILE_TEST_EXISTS);
}

static void decide(PlanItem *it, const ManifestEntry *e, const char *out_dir, bool force)
{
  it->todo = true;
  if (!e)
    it->why = g_strdup("new");
  else if (force)
    it->why = g_strdup("forced");
  else if (strcmp(e->key, it->key) != 0)
    it->why = why_changed(it, e);
  else if (!output_present(out_dir, e))
    it->why = g_strdup("missing from the output folder");
  else if (e->findings->len && g_strcmp0(e->places, it->places) != 0)
    it->why = g_strdup("records moved: its findings name their lines");
  else {
    it->todo = false;
    it->why = g_strdup("unchanged");
  }
}

void plan_decide(RlPlan *plan, const RlManifest *old, const char *out_dir, bool force)
{
  for (guint i = 0; i < plan->items->len; i++) {
    PlanItem *it = g_ptr_array_index(plan->items, i);
    g_free(it->why);
    decide(it, manifest_get(old, it->job->out), out_dir, force);
  }
}

bool plan_covers(const RlPlan *plan, const ManifestEntry *e)
{
  bool kind = false;
  for (guint r = 0; r < plan->renderers->len && !kind; r++)
    kind = g_strcmp0(((const RlRenderer *)g_ptr_array_index(plan->renderers, r))->name, e->kind) == 0;
  RlLang l;
  if (!kind || !plan->languages || e->is_dir || !e->language || !lang_parse(e->language, &l))
    return kind;
  return RL_LANGSET_HAS(plan->languages, l);
}

/* ---- the fonts folder ----------------------------------------------------------- */

static void list_files(const char *dir, const char *rel, GPtrArray *into)
{
  GDir *d = g_dir_open(dir, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name(d))) {
    g_autofree char *path = g_build_filename(dir, name, NULL);
    g_autofree char *sub = rel ? g_build_filename(rel, name, NULL) : g_strdup(name);
    if (g_file_test(path, G_FILE_TEST_IS_DIR))
      list_files(path, sub, into);
    else if (g_file_test(path, G_FILE_TEST_IS_REGULAR))
      g_ptr_array_add(into, g_steal_pointer(&sub));
  }
  if (d)
    g_dir_close(d);
}

static gint str_ptr_cmp(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

char *plan_folder_digest(const char *dir)
{
  GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
  list_files(dir, NULL, files);
  g_ptr_array_sort(files, str_ptr_cmp);
  GChecksum *ck = g_checksum_new(G_CHECKSUM_SHA256);
  for (guint i = 0; i < files->len; i++) {
    const char *rel = g_ptr_array_index(files, i);
    g_autofree char *path = g_build_filename(dir, rel, NULL);
    g_autofree char *bytes = NULL;
    gsize len = 0;
    g_checksum_update(ck, (const guchar *)rel, (gssize)strlen(rel) + 1);
    if (g_file_get_contents(path, &bytes, &len, NULL))
      g_checksum_update(ck, (const guchar *)bytes, (gssize)len);
  }
  char *digest = g_strdup(g_checksum_get_string(ck));
  g_checksum_free(ck);
  g_ptr_array_unref(files);
  return digest;
}
