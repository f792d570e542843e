/* load.c - reads a data folder into the model. The only file that knows YAML key names:
 * the key tables below say, per record type, which keys exist, their types, which are
 * required and where each value goes. fields.c does the reading by these tables. */
#include "load.h"

#include <stddef.h>
#include <string.h>

#include "fields.h"
#include "layout_defaults.h"
#include "suggest.h"
#include "value.h"
#include "yamldoc.h"

/* ---- enums ------------------------------------------------------------------------- */

static const char *kind_at(int i) { return group_kind_code((RlGroupKind)i); }
static const char *freq_at(int i) { return frequency_code((RlFrequency)i); }
static const char *region_at(int i) { return region_code((RlRegion)i); }

static const EnumDesc kind_enum = {"kind", kind_at, RL_KIND_N};
static const EnumDesc frequency_enum = {"frequency", freq_at, RL_FREQ_N};
static const EnumDesc region_enum = {"region", region_at, RL_REGION_N};

static const char *const weekdays[] = {"monday", "tuesday", "wednesday", "thursday",
                                       "friday", "saturday", "sunday"};

/* ---- custom readers ---------------------------------------------------------------- */

/* Checks v is a list; reports "expected a list for 'key'" otherwise. */
static bool is_list(LoadCtx *cx, const YdNode *v, const char *key)
{
  if (v->kind == YD_SEQUENCE)
    return true;
  fields_type_error(cx, v, "a list", key);
  return false;
}

static void read_days(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  unsigned *days = dest;
  if (!is_list(cx, v, d->key))
    return;
  for (guint i = 0; i < yamldoc_len(v); i++) {
    const YdNode *it = yamldoc_item(v, i);
    g_autofree char *s = fields_string(cx, it, d->key);
    int day = -1;
    for (int k = 0; s && k < 7; k++)
      if (g_ascii_strcasecmp(s, weekdays[k]) == 0)
        day = k;
    if (s && day < 0)
      diag_error(cx->dl, cx->file, it->line, it->col,
                 "unknown weekday '%s' (use monday, tuesday, wednesday, thursday, friday, "
                 "saturday or sunday)", s);
    if (day >= 0)
      *days |= 1u << day;
  }
  if (yamldoc_len(v) == 0)
    diag_error(cx->dl, cx->file, v->line, v->col, "'%s' needs at least one day", d->key);
}

static void read_time(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  RlSchedule *s = (RlSchedule *)((char *)dest - offsetof(RlSchedule, start_min));
  g_autofree char *t = fields_string(cx, v, d->key);
  if (t && !value_time_range(t, &s->start_min, &s->end_min))
    diag_error(cx->dl, cx->file, v->line, v->col,
               "invalid time '%s' (use HH:MM or HH:MM-HH:MM, 24-hour clock, end after start)", t);
}

static void read_week(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  int w;
  if (v->kind != YD_SCALAR || !value_int(v->value, &w) || w == 0 || w < -1 || w > 4) {
    diag_error(cx->dl, cx->file, v->line, v->col,
               "invalid %s '%s' (use 1, 2, 3, 4, or -1 for the last week of the month)", d->key,
               v->kind == YD_SCALAR ? v->value : yamldoc_kind_name(v));
    return;
  }
  *(int *)dest = w;
}

static void read_coordinates(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  RlPlace *p = (RlPlace *)((char *)dest - offsetof(RlPlace, lat));
  double lat, lon;
  if (v->kind != YD_SEQUENCE || yamldoc_len(v) != 2 || yamldoc_item(v, 0)->kind != YD_SCALAR ||
      yamldoc_item(v, 1)->kind != YD_SCALAR || !value_number(yamldoc_item(v, 0)->value, &lat) ||
      !value_number(yamldoc_item(v, 1)->value, &lon)) {
    if (v->kind == YD_SEQUENCE)
      diag_error(cx->dl, cx->file, v->line, v->col,
                 "expected two numbers [latitude, longitude] for '%s', found a list of %u",
                 d->key, yamldoc_len(v));
    else
      fields_type_error(cx, v, "two numbers [latitude, longitude]", d->key);
    return;
  }
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
    diag_error(cx->dl, cx->file, v->line, v->col,
               "coordinates out of range (latitude -90 to 90, longitude -180 to 180)");
    return;
  }
  p->lat = lat;
  p->lon = lon;
  p->has_coords = true;
  if (lat < 49.4 || lat > 51.6 || lon < 2.5 || lon > 6.5)
    diag_warning(cx->dl, cx->file, v->line, v->col,
                 "coordinates [%g, %g] are outside Belgium (latitude first, then longitude)",
                 lat, lon);
}

static void read_postcode(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  char *s = fields_string(cx, v, d->key);
  int n;
  if (s && (strlen(s) != 4 || !value_int(s, &n) || n < 1000)) {
    diag_error(cx->dl, cx->file, v->line, v->col, "invalid postcode '%s' (four digits)", s);
    g_clear_pointer(&s, g_free);
  }
  char **slot = dest;
  g_free(*slot);
  *slot = s;
}

/* A list of strings, each checked by `ok`, into a GPtrArray of char*. */
static void read_string_list(LoadCtx *cx, const YdNode *v, GPtrArray *out, const char *key,
                             bool (*ok)(const char *), const char *bad)
{
  g_ptr_array_set_size(out, 0);
  if (!is_list(cx, v, key))
    return;
  for (guint i = 0; i < yamldoc_len(v); i++) {
    const YdNode *it = yamldoc_item(v, i);
    char *s = fields_string(cx, it, key);
    if (s && !ok(s)) {
      diag_error(cx->dl, cx->file, it->line, it->col, bad, s);
      g_clear_pointer(&s, g_free);
    }
    if (s) {
      model_set_value_pos(cx->m, s, fields_pos(cx, it));
      g_ptr_array_add(out, s);
    }
  }
}

static bool non_empty(const char *s) { return *s != '\0'; }

static void read_coverage(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  RlNetwork *n = (RlNetwork *)((char *)dest - offsetof(RlNetwork, coverage));
  n->coverage_pos = fields_pos(cx, v);
  read_string_list(cx, v, n->coverage, d->key, non_empty, "empty region code '%s'");
}

static void read_network_ids(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  read_string_list(cx, v, *(GPtrArray **)dest, d->key, value_id,
                   "invalid id '%s' (use lower-case letters, digits and '-')");
  if (v->kind == YD_SEQUENCE && yamldoc_len(v) == 0)
    diag_error(cx->dl, cx->file, v->line, v->col, "'%s' needs at least one network", d->key);
}

static void read_regions(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  GPtrArray *regions = *(GPtrArray **)dest;
  g_ptr_array_set_size(regions, 0);
  if (!is_list(cx, v, d->key))
    return;
  for (guint i = 0; i < yamldoc_len(v); i++) {
    int r = -1;
    FieldDesc one = {d->key, FT_ENUM, false, 0, NULL, &region_enum, NULL};
    fields_read_value(cx, yamldoc_item(v, i), &r, &one);
    if (r >= 0)
      g_ptr_array_add(regions, GINT_TO_POINTER(r));
  }
}

/* A path written in a data file: must stay inside the data folder. Returns the path to
 * open (new), or NULL after an error at v. */
static char *data_path(LoadCtx *cx, const YdNode *v, const char *key, const char *base_dir)
{
  g_autofree char *rel = fields_string(cx, v, key);
  if (!rel)
    return NULL;
  const char *why = NULL;
  char *path = value_data_path(cx->m->data_dir, base_dir, rel, &why);
  if (!path)
    diag_error(cx->dl, cx->file, v->line, v->col, "cannot use '%s' for '%s': %s", rel, key, why);
  return path;
}

/* map: and logo: in site.yaml: relative to the data folder, stored as written. */
static void read_site_path(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  g_autofree char *path = data_path(cx, v, d->key, cx->m->data_dir);
  char **slot = dest;
  g_free(*slot);
  *slot = path ? g_strdup(v->value) : NULL;
  RlSite *s = &cx->m->site;
  if (dest == &s->map_path)
    s->map_pos = fields_pos(cx, v);
  else
    s->logo_pos = fields_pos(cx, v);
}

/* ---- key tables -------------------------------------------------------------------- */

#define RECORD_KEYS(T)                                                              \
  {"source", FT_SOURCE, false, offsetof(T, rec.source), NULL, NULL, NULL},          \
  {"checked", FT_DATE, false, offsetof(T, rec.checked), NULL, NULL, NULL},          \
  {"sample", FT_BOOL, false, offsetof(T, rec.sample), NULL, NULL, NULL}
#define KEY(k, type, req, T, field) {k, type, req, offsetof(T, field), NULL, NULL, NULL}
#define SUB(k, req, T, field, table) {k, FT_MAP, req, offsetof(T, field), table, NULL, NULL}
#define ENUM(k, req, T, field, e) {k, FT_ENUM, req, offsetof(T, field), NULL, e, NULL}
#define CUSTOM(k, req, T, field, fn) {k, FT_CUSTOM, req, offsetof(T, field), NULL, NULL, fn}
#define END {NULL, 0, false, 0, NULL, NULL, NULL}

static const FieldTable contact_table = {"contact", (const FieldDesc[]){
  KEY("phone", FT_PHONE, false, RlContact, phone),
  KEY("email", FT_EMAIL, false, RlContact, email),
  KEY("website", FT_WEB, false, RlContact, website),
  KEY("address", FT_STRING, false, RlContact, address),
  END}, offsetof(RlContact, pos)};

static const FieldTable place_table = {"place", (const FieldDesc[]){
  KEY("name", FT_TEXT, false, RlPlace, name),
  KEY("address", FT_STRING, false, RlPlace, address),
  CUSTOM("postcode", false, RlPlace, postcode, read_postcode),
  KEY("city", FT_STRING, false, RlPlace, city),
  CUSTOM("coordinates", false, RlPlace, lat, read_coordinates),
  END}, offsetof(RlPlace, pos)};

static const FieldTable schedule_table = {"schedule", (const FieldDesc[]){
  CUSTOM("days", true, RlSchedule, days, read_days),
  CUSTOM("time", true, RlSchedule, start_min, read_time),
  ENUM("frequency", false, RlSchedule, frequency, &frequency_enum),
  CUSTOM("week", false, RlSchedule, week, read_week),
  KEY("note", FT_TEXT, false, RlSchedule, note),
  END}, offsetof(RlSchedule, pos)};

static const FieldTable group_table = {"group", (const FieldDesc[]){
  KEY("id", FT_ID, true, RlGroup, rec.id),
  KEY("name", FT_TEXT, true, RlGroup, name),
  ENUM("kind", true, RlGroup, kind, &kind_enum),
  KEY("description", FT_TEXT, false, RlGroup, description),
  KEY("audience", FT_TEXT, false, RlGroup, audience),
  KEY("languages", FT_SPOKEN, false, RlGroup, spoken),
  SUB("schedule", true, RlGroup, schedule, &schedule_table),
  SUB("place", false, RlGroup, place, &place_table),
  KEY("online", FT_BOOL, false, RlGroup, online),
  KEY("in_person", FT_BOOL, false, RlGroup, in_person),
  KEY("cost", FT_TEXT, false, RlGroup, cost),
  KEY("accessibility", FT_TEXT, false, RlGroup, accessibility),
  SUB("contact", false, RlGroup, contact, &contact_table),
  KEY("network", FT_ID, true, RlGroup, network_id),
  RECORD_KEYS(RlGroup),
  END}, offsetof(RlGroup, rec.pos)};

static const FieldTable network_table = {"network", (const FieldDesc[]){
  KEY("id", FT_ID, true, RlNetwork, rec.id),
  KEY("name", FT_TEXT, true, RlNetwork, name),
  KEY("short_name", FT_TEXT, false, RlNetwork, short_name),
  ENUM("region", true, RlNetwork, region, &region_enum),
  KEY("languages", FT_LANGS, false, RlNetwork, languages),
  CUSTOM("coverage", false, RlNetwork, coverage, read_coverage),
  SUB("contact", false, RlNetwork, contact, &contact_table),
  KEY("description", FT_TEXT, false, RlNetwork, description),
  RECORD_KEYS(RlNetwork),
  END}, offsetof(RlNetwork, rec.pos)};

static const FieldTable resource_table = {"resource", (const FieldDesc[]){
  KEY("id", FT_ID, true, RlResource, rec.id),
  KEY("name", FT_TEXT, true, RlResource, name),
  KEY("description", FT_TEXT, false, RlResource, description),
  CUSTOM("regions", false, RlResource, regions, read_regions),
  SUB("contact", false, RlResource, contact, &contact_table),
  RECORD_KEYS(RlResource),
  END}, offsetof(RlResource, rec.pos)};

static const FieldTable edition_table = {"edition", (const FieldDesc[]){
  KEY("id", FT_ID, true, RlEdition, rec.id),
  KEY("name", FT_TEXT, true, RlEdition, name),
  CUSTOM("networks", true, RlEdition, network_ids, read_network_ids),
  KEY("languages", FT_LANGS, false, RlEdition, languages),
  RECORD_KEYS(RlEdition),
  END}, offsetof(RlEdition, rec.pos)};

static const FieldTable text_table = {"text", (const FieldDesc[]){
  KEY("order", FT_INT, false, RlEditorial, order),
  KEY("title", FT_TEXT, true, RlEditorial, title),
  KEY("body", FT_TEXT, true, RlEditorial, body),
  KEY("summary", FT_TEXT, false, RlEditorial, summary),
  RECORD_KEYS(RlEditorial),
  END}, offsetof(RlEditorial, rec.pos)};

static void read_editions(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d);

static const FieldTable site_table = {"site", (const FieldDesc[]){
  KEY("organisation", FT_TEXT, true, RlSite, organisation),
  KEY("tagline", FT_TEXT, false, RlSite, tagline),
  SUB("contact", false, RlSite, contact, &contact_table),
  KEY("languages", FT_LANGS, true, RlSite, languages),
  KEY("default_language", FT_LANG, false, RlSite, default_language),
  KEY("sample", FT_BOOL, false, RlSite, sample),
  KEY("checked", FT_DATE, false, RlSite, checked),
  CUSTOM("map", false, RlSite, map_path, read_site_path),
  CUSTOM("logo", false, RlSite, logo_path, read_site_path),
  CUSTOM("editions", false, RlSite, pos, read_editions), /* into m->editions */
  END}, offsetof(RlSite, pos)};

/* ---- record lists ------------------------------------------------------------------ */

typedef void *(*RecordNew)(void);
static void *new_network(void) { return network_new(); }
static void *new_resource(void) { return resource_new(); }
static void *new_edition(void) { return edition_new(); }

/* Reads each item of list v as a record by table t into `out`; a record's digest is the
 * hash of its item's text. The record struct must start with an RlRecord. */
static void read_records(LoadCtx *cx, const YdNode *v, const char *key, const FieldTable *t,
                         RecordNew make, GPtrArray *out)
{
  if (!is_list(cx, v, key))
    return;
  for (guint i = 0; i < yamldoc_len(v); i++) {
    const YdNode *it = yamldoc_item(v, i);
    RlRecord *rec = make();
    fields_read(cx, it, t, rec);
    rec->digest = yamldoc_digest(cx->doc, it);
    g_ptr_array_add(out, rec);
  }
}

static void read_editions(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  read_records(cx, v, d->key, &edition_table, new_edition, cx->m->editions);
}

/* ---- files --------------------------------------------------------------------------- */

/* True (and an error) when the data file at path is a symbolic link that leads outside
 * the data folder: relais reads only what is inside it. */
static bool leaves_data(LoadCtx *cx, const char *path)
{
  g_autofree char *dir = g_path_get_dirname(path);
  g_autofree char *name = g_path_get_basename(path);
  const char *why = NULL;
  g_autofree char *ok = value_data_path(cx->m->data_dir, dir, name, &why);
  if (ok)
    return false;
  diag_error(cx->dl, cx->file, 0, 0, "not read: %s", why);
  return true;
}

/* Parses `path` (named `file` in messages); NULL when missing (an error if `required`) or
 * unreadable. Fills cx for reading it. */
static YdDoc *open_doc(LoadCtx *cx, const char *path, bool required)
{
  cx->file = model_intern(cx->m, path);
  if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
    if (required)
      diag_error(cx->dl, cx->file, 0, 0, "file not found (every data folder needs one)");
    return NULL;
  }
  if (g_str_has_prefix(path, cx->m->data_dir) && leaves_data(cx, path))
    return NULL;
  YdDoc *doc = yamldoc_load(path, cx->file, &yamldoc_limits, cx->dl);
  if (doc && !doc->root) {
    diag_error(cx->dl, cx->file, 1, 1, "the file is empty");
    g_clear_pointer(&doc, yamldoc_free);
  }
  cx->doc = doc;
  return doc;
}

static char *file_digest(const YdDoc *doc)
{
  return g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)doc->text, doc->len);
}

/* A file holding one list under one key: networks.yaml, resources.yaml. */
static void load_list_file(LoadCtx *cx, const char *name, const char *key, bool required,
                           const FieldTable *t, RecordNew make, GPtrArray *out)
{
  g_autofree char *path = g_build_filename(cx->m->data_dir, name, NULL);
  YdDoc *doc = open_doc(cx, path, required);
  if (!doc)
    return;
  const FieldDesc fields[] = {{key, FT_CUSTOM, true, 0, NULL, NULL, NULL}, END};
  const FieldTable top = {name, fields, -1};
  const YdNode *root = doc->root;
  if (root->kind != YD_MAPPING)
    diag_error(cx->dl, cx->file, root->line, root->col, "expected a map with '%s:', found %s",
               key, yamldoc_kind_name(root));
  else if (yamldoc_get(root, key))
    read_records(cx, yamldoc_get(root, key), key, t, make, out);
  bool misspelt = false;
  for (guint i = 0; root->kind == YD_MAPPING && i < yamldoc_len(root); i++) {
    const YdNode *k = yamldoc_key(root, i);
    if (k->kind == YD_SCALAR && strcmp(k->value, key) != 0) {
      Suggest s;
      suggest_init(&s, k->value);
      suggest_add(&s, key);
      g_autofree char *hint = suggest_hint(&s);
      diag_error(cx->dl, cx->file, k->line, k->col, "unknown key '%s' in '%s'%s", k->value, name,
                 hint);
      misspelt = misspelt || s.best;
    }
  }
  if (root->kind == YD_MAPPING && !yamldoc_get(root, key) && !misspelt)
    diag_error(cx->dl, cx->file, root->line, root->col, "missing required key '%s' in '%s'", key,
               top.what);
  yamldoc_free(doc);
}

/* g_ptr_array_sort() passes pointers to the elements. */
static gint cmp_names(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted names of the *.yaml files in dir (empty when dir does not exist); a .yml file
 * gets a warning, since it would be silently ignored otherwise. */
static GPtrArray *yaml_files(LoadCtx *cx, const char *dir)
{
  GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
  GDir *d = g_dir_open(dir, 0, NULL);
  for (const char *n; d && (n = g_dir_read_name(d));) {
    if (g_str_has_suffix(n, ".yaml") && n[0] != '.')
      g_ptr_array_add(names, g_strdup(n));
    else if (g_str_has_suffix(n, ".yml")) {
      g_autofree char *p = g_build_filename(dir, n, NULL);
      diag_warning(cx->dl, model_intern(cx->m, p), 0, 0,
                   "ignored: only files ending in .yaml are read");
    }
  }
  if (d)
    g_dir_close(d);
  g_ptr_array_sort(names, cmp_names);
  return names;
}

/* ---- groups and texts: one record per file ------------------------------------------ */

/* Where a group or its part is, for messages about a missing part. */
static RlPos part_pos(const RlPos *part, const RlPos *record)
{
  return part->line ? *part : *record;
}

/* Rules across the keys of one group. */
static void group_rules(LoadCtx *cx, const YdNode *root, RlGroup *g)
{
  const RlPos *gp = &g->rec.pos;
  const YdNode *sched = yamldoc_get(root, "schedule");
  const YdNode *week = yamldoc_get(sched, "week");
  const RlSchedule *s = &g->schedule;
  const YdNode *place = yamldoc_get(root, "place");
  bool place_ok = !place || yamldoc_is_null(place) || place->kind == YD_MAPPING;
  if (g->in_person && !g->place.city && place_ok) { /* a wrong place was reported already */
    RlPos p = part_pos(&g->place.pos, gp);
    diag_error(cx->dl, p.file, p.line, p.col, "missing required key '%s' in '%s'%s",
               g->place.pos.line ? "city" : "place", g->place.pos.line ? "place" : "group",
               " (or write 'in_person: false' for a group that meets only online)");
  }
  if (!g->in_person && !g->online)
    diag_error(cx->dl, gp->file, gp->line, gp->col,
               "a group meets in person or online: with 'in_person: false' write 'online: true'");
  const YdNode *contact = yamldoc_get(root, "contact");
  bool reachable = false;
  for (int i = 0; i < 3; i++) {
    const char *key = (const char *[]){"phone", "email", "website"}[i];
    const YdNode *v = yamldoc_get(contact, key), *misplaced = yamldoc_get(root, key);
    reachable = reachable || (v && !yamldoc_is_null(v)) || misplaced;
  }
  if (!reachable) { /* an invalid or misplaced value was reported already */
    RlPos p = part_pos(&g->contact.pos, gp);
    diag_error(cx->dl, p.file, p.line, p.col,
               "a group needs a 'phone', 'email' or 'website' in 'contact'");
  }
  if (sched && sched->kind == YD_MAPPING && s->frequency == RL_FREQ_MONTHLY && !week)
    diag_error(cx->dl, cx->file, sched->line, sched->col,
               "missing required key 'week' in 'schedule' (a monthly group meets in week 1, 2, "
               "3, 4 or -1 for the last)");
  if (week && !yamldoc_is_null(week) && s->frequency != RL_FREQ_MONTHLY)
    diag_error(cx->dl, cx->file, week->line, week->col, "'week' is only for monthly groups");
  if (s->frequency != RL_FREQ_MONTHLY)
    g->schedule.week = 0;
}

static void load_group(LoadCtx *cx, const char *path)
{
  YdDoc *doc = open_doc(cx, path, true);
  if (!doc)
    return;
  RlGroup *g = group_new();
  if (doc->root->kind != YD_MAPPING)
    diag_error(cx->dl, cx->file, doc->root->line, doc->root->col,
               "expected a map (one group per file), found %s", yamldoc_kind_name(doc->root));
  else if (fields_read(cx, doc->root, &group_table, g))
    group_rules(cx, doc->root, g);
  g->rec.digest = yamldoc_digest(doc, doc->root);
  g_ptr_array_add(cx->m->groups, g);
  yamldoc_free(doc);
}

/* A kiosk summary has at most 40 words in each language (once for a plain string). */
static void summary_length(LoadCtx *cx, const RlText *t)
{
  bool same = true;
  for (int l = 1; l < RL_LANG_N; l++)
    same = same && g_strcmp0(t->v[l], t->v[0]) == 0;
  for (int l = 0; l < (same ? 1 : RL_LANG_N); l++) {
    guint n = value_word_count(t->v[l]);
    if (n <= 40)
      continue;
    g_autofree char *in = same ? g_strdup("") : g_strdup_printf(" in '%s'", lang_code((RlLang)l));
    diag_error(cx->dl, cx->file, t->pos.line, t->pos.col,
               "'%s' has %u words%s (at most 40, for the kiosk)", t->key, n, in);
  }
}

static void load_text(LoadCtx *cx, const char *path, const char *name)
{
  YdDoc *doc = open_doc(cx, path, true);
  if (!doc)
    return;
  RlEditorial *t = editorial_new();
  t->rec.id = g_strndup(name, strlen(name) - strlen(".yaml"));
  fields_read(cx, doc->root, &text_table, t);
  model_set_value_pos(cx->m, t->rec.id, fields_pos(cx, doc->root));
  if (!value_id(t->rec.id))
    diag_error(cx->dl, cx->file, 0, 0,
               "invalid file name '%s' (the name is the text's id: use lower-case letters, "
               "digits and '-')", name);
  summary_length(cx, &t->summary);
  t->rec.digest = yamldoc_digest(doc, doc->root);
  g_ptr_array_add(cx->m->texts, t);
  yamldoc_free(doc);
}

typedef void (*FileLoader)(LoadCtx *cx, const char *path, const char *name);
static void load_group_file(LoadCtx *cx, const char *path, const char *name)
{
  (void)name;
  load_group(cx, path);
}

/* Loads every DATA/sub/ *.yaml in name order. */
static void load_folder(LoadCtx *cx, const char *sub, FileLoader fn)
{
  g_autofree char *dir = g_build_filename(cx->m->data_dir, sub, NULL);
  g_autoptr(GPtrArray) names = yaml_files(cx, dir);
  cx->dir = dir;
  for (guint i = 0; i < names->len; i++) {
    const char *name = g_ptr_array_index(names, i);
    g_autofree char *path = g_build_filename(dir, name, NULL);
    fn(cx, path, name);
  }
  cx->dir = NULL;
}

/* ---- the map sidecar --------------------------------------------------------------- */

static void read_svg(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  RlMapSpec *spec = (RlMapSpec *)((char *)dest - offsetof(RlMapSpec, svg_path));
  g_free(spec->svg_path);
  spec->svg_path = data_path(cx, v, d->key, cx->dir);
  spec->svg_pos = fields_pos(cx, v);
}

/* overview: the same path rules as svg: (data_path checks them). */
static void read_overview(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  RlMapSpec *spec = (RlMapSpec *)((char *)dest - offsetof(RlMapSpec, overview_path));
  g_free(spec->overview_path);
  spec->overview_path = data_path(cx, v, d->key, cx->dir);
  spec->overview_pos = fields_pos(cx, v);
}

/* simplified: {svg: …}: the same path rules as svg:. */
static void read_simplified(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  RlMapSpec *spec = (RlMapSpec *)((char *)dest - offsetof(RlMapSpec, simplified_path));
  g_free(spec->simplified_path);
  spec->simplified_path = data_path(cx, v, "simplified", cx->dir);
}

static void read_id_table(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  GHashTable **table = dest;
  if (v->kind != YD_MAPPING) {
    fields_type_error(cx, v, "a map of code: element id", d->key);
    return;
  }
  if (!*table)
    *table = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < yamldoc_len(v); i++) {
    char *code = fields_string(cx, yamldoc_key(v, i), d->key);
    char *id = fields_string(cx, yamldoc_value(v, i), d->key);
    if (code && id)
      g_hash_table_replace(*table, code, id);
    else {
      g_free(code);
      g_free(id);
    }
  }
}

static void read_codes(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  RlMapSpec *spec = (RlMapSpec *)((char *)dest - offsetof(RlMapSpec, codes));
  spec->codes_pos = fields_pos(cx, v);
  read_string_list(cx, v, spec->codes, d->key, non_empty, "empty code '%s'");
}

static void read_nothing(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d) {}

#define PROJ(k, i) {k, FT_NUMBER, true, offsetof(RlMapSpec, proj) + (i) * sizeof(double), NULL, NULL, NULL}

static const FieldTable lcc_table = {"projection", (const FieldDesc[]){
  CUSTOM("type", true, RlMapSpec, proj, read_nothing),
  PROJ("lon0", 0), PROJ("lat0", 1), PROJ("lat1", 2), PROJ("lat2", 3), PROJ("scale", 4),
  PROJ("x0", 5), PROJ("y0", 6), END}, -1};

static const FieldTable affine_table = {"projection", (const FieldDesc[]){
  CUSTOM("type", true, RlMapSpec, proj, read_nothing),
  PROJ("a", 0), PROJ("b", 1), PROJ("c", 2), PROJ("d", 3), PROJ("e", 4), PROJ("f", 5),
  END}, -1};

static const char *proj_at(int i) { return i == RL_PROJ_LCC ? "lcc" : "affine"; }
static const EnumDesc proj_enum = {"projection type", proj_at, RL_PROJ_N};

static void read_projection(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  RlMapSpec *spec = (RlMapSpec *)((char *)dest - offsetof(RlMapSpec, projection));
  static const FieldTable *const tables[RL_PROJ_N] = {&lcc_table, &affine_table};
  if (v->kind != YD_MAPPING) {
    fields_type_error(cx, v, "a map", d->key);
    return;
  }
  const YdNode *type = yamldoc_get(v, "type");
  int kind = -1;
  FieldDesc one = {"type", FT_ENUM, true, 0, NULL, &proj_enum, NULL};
  if (type && !yamldoc_is_null(type))
    fields_read_value(cx, type, &kind, &one);
  else
    diag_error(cx->dl, cx->file, v->line, v->col, "missing required key 'type' in 'projection'");
  if (kind >= 0) {
    spec->projection = (RlProjKind)kind;
    fields_read(cx, v, tables[kind], spec);
  }
}

static const FieldTable ids_table = {"ids", (const FieldDesc[]){
  KEY("pattern", FT_STRING, false, RlMapSpec, id_pattern),
  CUSTOM("table", false, RlMapSpec, id_table, read_id_table),
  END}, -1};

static const FieldTable simplified_table = {"simplified", (const FieldDesc[]){
  CUSTOM("svg", true, RlMapSpec, simplified_path, read_simplified),
  KEY("tolerance", FT_NUMBER, true, RlMapSpec, simplified_tolerance),
  END}, offsetof(RlMapSpec, simplified_pos)};

static const FieldTable sidecar_table = {"map", (const FieldDesc[]){
  CUSTOM("svg", true, RlMapSpec, svg_path, read_svg),
  CUSTOM("overview", false, RlMapSpec, overview_path, read_overview),
  {"simplified", FT_MAP, false, 0, &simplified_table, NULL, NULL},
  KEY("attribution", FT_TEXT, false, RlMapSpec, attribution),
  {"ids", FT_MAP, true, 0, &ids_table, NULL, NULL},
  CUSTOM("codes", false, RlMapSpec, codes, read_codes),
  CUSTOM("projection", true, RlMapSpec, projection, read_projection),
  END}, offsetof(RlMapSpec, pos)};

/* Adds the bytes of the file at `path` (if any, and readable) to `sum`. */
static void digest_file(GChecksum *sum, const char *path)
{
  g_autofree char *text = NULL;
  gsize len = 0;
  if (path && g_file_get_contents(path, &text, &len, NULL))
    g_checksum_update(sum, (const guchar *)text, (gssize)len);
}

/* The codes, the id rule and the digest (sidecar bytes, then those of each SVG). */
static void finish_map(LoadCtx *cx, const YdDoc *doc, RlMapSpec *spec)
{
  const YdNode *root = doc->root;
  if (!spec->id_pattern && !spec->id_table && yamldoc_get(root, "ids"))
    diag_error(cx->dl, cx->file, spec->pos.line, spec->pos.col,
               "'ids' needs 'pattern' (like \"nis-{code}\") or 'table'");
  if (spec->id_pattern && !strstr(spec->id_pattern, "{code}"))
    diag_error(cx->dl, cx->file, spec->pos.line, spec->pos.col,
               "'pattern' must contain {code}, found '%s'", spec->id_pattern);
  if (!yamldoc_get(root, "codes") && spec->id_table) {
    GList *keys = g_list_sort(g_hash_table_get_keys(spec->id_table), (GCompareFunc)strcmp);
    for (GList *k = keys; k; k = k->next)
      g_ptr_array_add(spec->codes, g_strdup(k->data));
    g_list_free(keys);
    spec->codes_pos = spec->pos;
  } else if (!yamldoc_get(root, "codes")) {
    diag_error(cx->dl, cx->file, spec->pos.line, spec->pos.col,
               "missing required key 'codes' in 'map' (needed with 'pattern')");
  }
  g_ptr_array_sort(spec->codes, cmp_names);
  GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
  g_checksum_update(sum, (const guchar *)doc->text, (gssize)doc->len);
  digest_file(sum, spec->svg_path);
  digest_file(sum, spec->overview_path);
  digest_file(sum, spec->simplified_path);
  spec->digest = g_strdup(g_checksum_get_string(sum));
  g_checksum_free(sum);
}

static void load_map(LoadCtx *cx)
{
  const RlSite *site = &cx->m->site;
  g_autofree char *path = g_build_filename(cx->m->data_dir, site->map_path, NULL);
  g_autofree char *dir = g_path_get_dirname(path);
  YdDoc *doc = open_doc(cx, path, true);
  if (!doc)
    return;
  cx->dir = dir;
  RlMapSpec *spec = map_spec_new();
  fields_read(cx, doc->root, &sidecar_table, spec);
  finish_map(cx, doc, spec);
  cx->m->map = spec;
  cx->dir = NULL;
  yamldoc_free(doc);
}

/* ---- site.yaml --------------------------------------------------------------------- */

static void load_site(LoadCtx *cx)
{
  RlSite *s = &cx->m->site;
  g_autofree char *path = g_build_filename(cx->m->data_dir, "site.yaml", NULL);
  YdDoc *doc = open_doc(cx, path, true);
  if (!doc)
    return;
  guint64 given = fields_read(cx, doc->root, &site_table, s);
  s->digest = file_digest(doc);
  const YdNode *dl_node = yamldoc_get(doc->root, "default_language");
  if (!fields_given(&site_table, given, "default_language")) {
    for (int l = RL_LANG_N - 1; l >= 0; l--)
      if (RL_LANGSET_HAS(s->languages, l))
        s->default_language = (RlLang)l;
  } else if (s->languages && !RL_LANGSET_HAS(s->languages, s->default_language)) {
    diag_error(cx->dl, cx->file, dl_node->line, dl_node->col,
               "default language '%s' is not one of the site's 'languages'",
               lang_code(s->default_language));
  }
  for (guint i = 0; i < cx->m->editions->len; i++) {
    RlEdition *e = g_ptr_array_index(cx->m->editions, i);
    if (!e->languages)
      e->languages = s->languages;
  }
  yamldoc_free(doc);
  if (s->map_path)
    load_map(cx);
}

/* The languages a network's outputs default to, by region. */
static RlLangSet region_languages(RlRegion r)
{
  static const RlLangSet by_region[RL_REGION_N] = {
    [RL_REGION_BRUSSELS] = 1u << RL_LANG_FR | 1u << RL_LANG_NL,
    [RL_REGION_FLANDERS] = 1u << RL_LANG_NL,
    [RL_REGION_WALLONIA] = 1u << RL_LANG_FR,
    [RL_REGION_OSTBELGIEN] = 1u << RL_LANG_DE,
  };
  return r < RL_REGION_N ? by_region[r] : 0;
}

/* ---- layouts ------------------------------------------------------------------------ */

static const FieldTable margins_table = {"margins", (const FieldDesc[]){
  KEY("top", FT_NUMBER, false, RlLayout, margin_mm[0]),
  KEY("right", FT_NUMBER, false, RlLayout, margin_mm[1]),
  KEY("bottom", FT_NUMBER, false, RlLayout, margin_mm[2]),
  KEY("left", FT_NUMBER, false, RlLayout, margin_mm[3]),
  END}, -1};

/* margins: one number for all four sides, or {top:, right:, bottom:, left:}. */
static void read_margins(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  RlLayout *l = (RlLayout *)((char *)dest - offsetof(RlLayout, margin_mm));
  double all;
  if (v->kind == YD_MAPPING)
    fields_read(cx, v, &margins_table, l);
  else if (v->kind == YD_SCALAR && value_number(v->value, &all))
    for (int i = 0; i < 4; i++)
      l->margin_mm[i] = all;
  else
    fields_value_error(cx, v, "a number or a map {top:, right:, bottom:, left:}", d->key);
}

static const FieldTable page_table = {"page", (const FieldDesc[]){
  KEY("width", FT_NUMBER, false, RlLayout, page_w_mm),
  KEY("height", FT_NUMBER, false, RlLayout, page_h_mm),
  END}, -1};

static const FieldTable type_table = {"type", (const FieldDesc[]){
  KEY("body", FT_NUMBER, false, RlLayout, body_pt),
  KEY("h1", FT_NUMBER, false, RlLayout, h1_pt),
  KEY("h2", FT_NUMBER, false, RlLayout, h2_pt),
  KEY("title", FT_NUMBER, false, RlLayout, title_pt),
  KEY("small", FT_NUMBER, false, RlLayout, small_pt),
  KEY("floor", FT_NUMBER, false, RlLayout, floor_pt),
  KEY("line_height", FT_NUMBER, false, RlLayout, line_height),
  END}, -1};

static const FieldTable colours_table = {"colours", (const FieldDesc[]){
  KEY("ink", FT_COLOUR, false, RlLayout, ink),
  KEY("paper", FT_COLOUR, false, RlLayout, paper),
  KEY("accent", FT_COLOUR, false, RlLayout, accent),
  KEY("accent_ink", FT_COLOUR, false, RlLayout, accent_ink),
  KEY("highlight", FT_COLOUR, false, RlLayout, highlight),
  KEY("muted", FT_COLOUR, false, RlLayout, muted),
  END}, -1};

static const FieldTable screen_table = {"screen", (const FieldDesc[]){
  KEY("width", FT_INT, false, RlLayout, px_w),
  KEY("height", FT_INT, false, RlLayout, px_h),
  KEY("width_mm", FT_NUMBER, false, RlLayout, screen_w_mm),
  KEY("viewing_distance_mm", FT_NUMBER, false, RlLayout, viewing_distance_mm),
  END}, -1};

static const FieldTable touch_table = {"touch", (const FieldDesc[]){
  KEY("target", FT_NUMBER, false, RlLayout, target_mm),
  KEY("idle", FT_INT, false, RlLayout, idle_s),
  KEY("countdown", FT_INT, false, RlLayout, countdown_s),
  END}, -1};

#define SECTION(k, table) {k, FT_MAP, false, 0, table, NULL, NULL}

static const FieldTable layout_table = {"layout", (const FieldDesc[]){
  SECTION("page", &page_table),
  CUSTOM("margins", false, RlLayout, margin_mm, read_margins),
  KEY("bleed", FT_NUMBER, false, RlLayout, bleed_mm),
  SECTION("type", &type_table),
  KEY("measure", FT_INT, false, RlLayout, measure_max),
  KEY("font", FT_STRING, false, RlLayout, font),
  KEY("heading_font", FT_STRING, false, RlLayout, heading_font),
  SECTION("colours", &colours_table),
  KEY("qr", FT_NUMBER, false, RlLayout, qr_mm),
  SECTION("screen", &screen_table),
  SECTION("touch", &touch_table),
  END}, offsetof(RlLayout, pos)};

/* A number of a layout and where it is written (section/key), for the floor checks. */
typedef struct {
  const char *section, *key;
  size_t offset;
  const char *unit;
} LayoutValue;

static const LayoutValue type_sizes[] = {
  {"type", "body", offsetof(RlLayout, body_pt), "pt"},
  {"type", "h1", offsetof(RlLayout, h1_pt), "pt"},
  {"type", "h2", offsetof(RlLayout, h2_pt), "pt"},
  {"type", "title", offsetof(RlLayout, title_pt), "pt"},
  {"type", "small", offsetof(RlLayout, small_pt), "pt"},
  {"type", "floor", offsetof(RlLayout, floor_pt), "pt"},
};

/* Reports "'key' V unit is under the floor of F unit" at the value when v < floor. */
static void floor_check(LoadCtx *cx, const YdNode *root, const char *section, const char *key,
                        double v, double floor, const char *unit)
{
  if (v >= floor)
    return;
  const YdNode *n = yamldoc_get(yamldoc_get(root, section), key);
  if (!n)
    n = root;
  diag_error(cx->dl, cx->file, n->line, n->col, "'%s' %g%s%s is under the floor of %g%s%s", key,
             v, *unit ? " " : "", unit, floor, *unit ? " " : "", unit);
}

static void contrast_check(LoadCtx *cx, const YdNode *root, const char *fg_key, RlColour fg,
                           const char *bg_key, RlColour bg, double floor)
{
  double c = value_contrast(fg, bg);
  if (c >= floor)
    return;
  const YdNode *n = yamldoc_get(yamldoc_get(root, "colours"), fg_key);
  if (!n)
    n = root;
  diag_error(cx->dl, cx->file, n->line, n->col,
             "contrast of '%s' on '%s' is %.1f:1, under the floor of %g:1", fg_key, bg_key,
             c, floor);
}

/* The large-print floors a layout may not lower (layout_defaults.c). */
static void layout_floors_check(LoadCtx *cx, const YdNode *root, const RlLayout *l)
{
  const RlLayoutFloors *f = layout_floors(l->name);
  for (size_t i = 0; i < G_N_ELEMENTS(type_sizes); i++) {
    double v = *(const double *)((const char *)l + type_sizes[i].offset);
    double floor = i == 0 ? f->body_pt : f->floor_pt;
    floor_check(cx, root, "type", type_sizes[i].key, v, floor, "pt");
  }
  floor_check(cx, root, "type", "line_height", l->line_height, f->line_height, "");
  contrast_check(cx, root, "ink", l->ink, "paper", l->paper, f->contrast);
  contrast_check(cx, root, "accent_ink", l->accent_ink, "accent", l->accent, f->contrast);
  if (f->target_mm <= 0)
    return;
  floor_check(cx, root, "touch", "target", l->target_mm, f->target_mm, "mm");
  floor_check(cx, root, "touch", "countdown", l->countdown_s, f->countdown_min_s, "s");
  floor_check(cx, root, "touch", "idle", l->idle_s, f->idle_min_s, "s");
  if (l->idle_s > f->idle_max_s) {
    const YdNode *n = yamldoc_get(yamldoc_get(root, "touch"), "idle");
    diag_error(cx->dl, cx->file, n ? n->line : 1, n ? n->col : 1,
               "'idle' %d s is over the most of %d s", l->idle_s, f->idle_max_s);
  }
}

/* Hex SHA-256 of every value of the layout (built-in ones included) and the file. */
static char *layout_digest(const RlLayout *l, const YdDoc *doc)
{
  const RlColour *cs[] = {&l->ink, &l->paper, &l->accent, &l->accent_ink, &l->highlight, &l->muted};
  GString *s = g_string_new(l->name);
  double nums[] = {l->page_w_mm, l->page_h_mm, l->margin_mm[0], l->margin_mm[1],
                   l->margin_mm[2], l->margin_mm[3], l->bleed_mm, l->body_pt, l->h1_pt,
                   l->h2_pt, l->title_pt, l->small_pt, l->line_height, l->floor_pt,
                   l->measure_max, l->qr_mm, l->px_w, l->px_h, l->screen_w_mm,
                   l->viewing_distance_mm, l->target_mm, l->idle_s, l->countdown_s};
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  for (size_t i = 0; i < G_N_ELEMENTS(nums); i++)
    g_string_append_printf(s, " %s", g_ascii_dtostr(buf, sizeof buf, nums[i]));
  for (size_t i = 0; i < G_N_ELEMENTS(cs); i++)
    g_string_append_printf(s, " %.4f,%.4f,%.4f", cs[i]->r, cs[i]->g, cs[i]->b);
  g_string_append_printf(s, "\n%s\n%s\n", l->font, l->heading_font);
  if (doc)
    g_string_append_len(s, doc->text, (gssize)doc->len);
  char *hex = g_compute_checksum_for_string(G_CHECKSUM_SHA256, s->str, (gssize)s->len);
  g_string_free(s, TRUE);
  return hex;
}

/* Loads layout `name` from dir over its built-in recipe. */
static void load_layout(LoadCtx *cx, const char *dir, const char *name)
{
  RlLayout *l = layout_new();
  layout_defaults(name, l);
  g_autofree char *file = g_strdup_printf("%s.yaml", name);
  g_autofree char *path = dir ? g_build_filename(dir, file, NULL) : NULL;
  YdDoc *doc = path && g_file_test(path, G_FILE_TEST_EXISTS) ? open_doc(cx, path, true) : NULL;
  if (doc) {
    fields_read(cx, doc->root, &layout_table, l);
    layout_floors_check(cx, doc->root, l);
  }
  l->digest = layout_digest(l, doc);
  g_ptr_array_add(cx->m->layouts, l);
  yamldoc_free(doc);
}

char *load_layouts_folder(const char *data_dir, const char *given)
{
  if (given)
    return g_strdup(given);
  char *inside = g_build_filename(data_dir, "layouts", NULL);
  if (g_file_test(inside, G_FILE_TEST_IS_DIR))
    return inside;
  g_free(inside);
  g_autofree char *trimmed = g_strdup(data_dir);
  for (size_t n = strlen(trimmed); n > 1 && trimmed[n - 1] == '/'; n--)
    trimmed[n - 1] = '\0';
  g_autofree char *base = g_path_get_basename(trimmed);
  g_autofree char *parent = g_path_get_dirname(trimmed);
  if (strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
    return g_build_filename(trimmed, "..", "layouts", NULL);
  if (strcmp(parent, ".") == 0)
    return g_strdup("layouts");
  return g_build_filename(parent, "layouts", NULL);
}

static void load_layouts(LoadCtx *cx, const char *layouts_dir)
{
  g_autofree char *dir = load_layouts_folder(cx->m->data_dir, layouts_dir);
  if (layouts_dir && !g_file_test(dir, G_FILE_TEST_IS_DIR))
    diag_error(cx->dl, model_intern(cx->m, dir), 0, 0, "no such layouts folder");
  for (int i = 0; layout_kinds[i]; i++)
    load_layout(cx, dir, layout_kinds[i]);
  g_autoptr(GPtrArray) names = yaml_files(cx, dir);
  for (guint i = 0; i < names->len; i++) {
    g_autofree char *kind = g_strndup(g_ptr_array_index(names, i),
                                      strlen(g_ptr_array_index(names, i)) - strlen(".yaml"));
    if (g_strv_contains(layout_kinds, kind))
      continue;
    Suggest s;
    suggest_init(&s, kind);
    for (int k = 0; layout_kinds[k]; k++)
      suggest_add(&s, layout_kinds[k]);
    g_autofree char *hint = suggest_hint(&s);
    g_autofree char *path = g_build_filename(dir, g_ptr_array_index(names, i), NULL);
    diag_error(cx->dl, model_intern(cx->m, path), 0, 0,
               "unknown layout '%s'%s; the layouts are guide, booklet, flyer, poster and kiosk",
               kind, hint);
  }
}

/* ---- across records ---------------------------------------------------------------- */

/* A second record with an id already seen is an error naming the first one's place. The
 * records start with an RlRecord. */
static void duplicate_ids(LoadCtx *cx, GPtrArray *records, const char *kind)
{
  g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
  for (guint i = 0; i < records->len; i++) {
    const RlRecord *r = g_ptr_array_index(records, i);
    if (!r->id)
      continue;
    const RlRecord *first = g_hash_table_lookup(seen, r->id);
    if (!first) {
      g_hash_table_insert(seen, r->id, (gpointer)r);
      continue;
    }
    const RlPos *p = model_value_pos(cx->m, r->id);
    const RlPos *fp = model_value_pos(cx->m, first->id);
    p = p ? p : &r->pos;
    fp = fp ? fp : &first->pos;
    diag_error(cx->dl, p->file, p->line, p->col, "duplicate %s id '%s' (also at %s:%d:%d)", kind,
               r->id, fp->file, fp->line, fp->col);
  }
}

static gint group_by_id(gconstpointer a, gconstpointer b)
{
  const RlGroup *x = *(const RlGroup *const *)a, *y = *(const RlGroup *const *)b;
  return g_strcmp0(x->rec.id, y->rec.id);
}

static gint text_by_order(gconstpointer a, gconstpointer b)
{
  const RlEditorial *x = *(const RlEditorial *const *)a, *y = *(const RlEditorial *const *)b;
  if (x->order != y->order)
    return x->order < y->order ? -1 : 1;
  return g_strcmp0(x->rec.id, y->rec.id);
}

static void finish_model(LoadCtx *cx)
{
  RlModel *m = cx->m;
  for (guint i = 0; i < m->networks->len; i++) {
    RlNetwork *n = g_ptr_array_index(m->networks, i);
    if (!n->languages)
      n->languages = region_languages(n->region);
  }
  duplicate_ids(cx, m->editions, "edition");
  duplicate_ids(cx, m->networks, "network");
  duplicate_ids(cx, m->resources, "resource");
  duplicate_ids(cx, m->groups, "group");
  g_ptr_array_sort(m->groups, group_by_id);
  g_ptr_array_sort(m->texts, text_by_order);
}

RlModel *load_model(const char *data_dir, const char *layouts_dir, DiagList *dl)
{
  RlModel *m = model_new(data_dir);
  if (!g_file_test(data_dir, G_FILE_TEST_IS_DIR)) {
    diag_error(dl, data_dir, 0, 0, "no such data folder");
    return m;
  }
  LoadCtx cx = {.m = m, .dl = dl};
  load_site(&cx);
  load_list_file(&cx, "networks.yaml", "networks", true, &network_table, new_network,
                 m->networks);
  load_list_file(&cx, "resources.yaml", "resources", false, &resource_table, new_resource,
                 m->resources);
  load_folder(&cx, "groups", load_group_file);
  load_folder(&cx, "texts", load_text);
  load_layouts(&cx, layouts_dir);
  finish_model(&cx);
  return m;
}
