/* check.c - cross-references and editorial checks on a loaded model.
 *
 * Runs after load_model() even when loading found errors, so a run reports everything;
 * every rule therefore copes with missing fields. */
#include "check.h"

#include <stdlib.h>

#include "suggest.h"
#include "value.h"

/* Where the value at address v was written, else the fallback position. */
static RlPos pos_of(const RlModel *m, const void *v, const RlPos *fallback)
{
  const RlPos *p = model_value_pos(m, v);
  return p ? *p : *fallback;
}

/* "unknown network 'x' (did you mean 'y'?)" at the reference. */
static void unknown_network(const RlModel *m, const char *id, const RlPos *at, DiagList *dl)
{
  Suggest s;
  suggest_init(&s, id);
  for (guint i = 0; i < m->networks->len; i++)
    suggest_add(&s, ((const RlNetwork *)g_ptr_array_index(m->networks, i))->rec.id);
  g_autofree char *hint = suggest_hint(&s);
  RlPos p = pos_of(m, id, at);
  diag_error(dl, p.file, p.line, p.col, "unknown network '%s'%s", id, hint);
}

static void resolve_groups(RlModel *m, DiagList *dl)
{
  for (guint i = 0; i < m->groups->len; i++) {
    RlGroup *g = g_ptr_array_index(m->groups, i);
    if (!g->network_id)
      continue;
    g->network = model_network(m, g->network_id);
    if (!g->network)
      unknown_network(m, g->network_id, &g->rec.pos, dl);
  }
}

static void resolve_editions(RlModel *m, DiagList *dl)
{
  for (guint i = 0; i < m->editions->len; i++) {
    RlEdition *e = g_ptr_array_index(m->editions, i);
    g_ptr_array_set_size(e->networks, 0);
    for (guint j = 0; j < e->network_ids->len; j++) {
      const char *id = g_ptr_array_index(e->network_ids, j);
      const RlNetwork *n = model_network(m, id);
      if (n)
        g_ptr_array_add(e->networks, (gpointer)n);
      else
        unknown_network(m, id, &e->rec.pos, dl);
    }
    RlLangSet extra = e->languages & ~m->site.languages;
    for (int l = 0; m->site.languages && l < RL_LANG_N; l++)
      if (RL_LANGSET_HAS(extra, l))
        diag_error(dl, e->rec.pos.file, e->rec.pos.line, e->rec.pos.col,
                   "edition '%s' is in '%s', which is not one of the site's languages",
                   e->rec.id ? e->rec.id : "", lang_code((RlLang)l));
  }
}

static gint cmp_code(gconstpointer key, gconstpointer elem)
{
  return g_strcmp0(key, *(const char *const *)elem);
}

/* Without a map, coverage codes are Statbel NIS codes: five digits. */
static void check_nis_codes(const RlModel *m, DiagList *dl)
{
  for (guint i = 0; i < m->networks->len; i++) {
    const RlNetwork *n = g_ptr_array_index(m->networks, i);
    for (guint j = 0; j < n->coverage->len; j++) {
      const char *code = g_ptr_array_index(n->coverage, j);
      RlPos p = pos_of(m, code, &n->coverage_pos);
      if (!value_nis(code))
        diag_error(dl, p.file, p.line, p.col,
                   "invalid NIS code '%s' (five digits, in quotes: \"21000\")", code);
    }
  }
}

/* Every coverage code must be one the map knows (the map's codes are sorted). */
static void check_coverage(const RlModel *m, DiagList *dl)
{
  if (!m->map) {
    check_nis_codes(m, dl);
    return;
  }
  const GPtrArray *codes = m->map->codes;
  for (guint i = 0; i < m->networks->len; i++) {
    const RlNetwork *n = g_ptr_array_index(m->networks, i);
    for (guint j = 0; j < n->coverage->len; j++) {
      const char *code = g_ptr_array_index(n->coverage, j);
      if (codes->len && bsearch(code, codes->pdata, codes->len, sizeof(gpointer), cmp_code))
        continue;
      Suggest s;
      suggest_init(&s, code);
      for (guint k = 0; k < codes->len; k++)
        suggest_add(&s, g_ptr_array_index(codes, k));
      g_autofree char *hint = suggest_hint(&s);
      RlPos p = pos_of(m, code, &n->coverage_pos);
      diag_error(dl, p.file, p.line, p.col, "unknown region code '%s': the map has no such code%s",
                 code, hint);
    }
  }
}

/* ---- translations -------------------------------------------------------------------- */

/* Warns once per missing language in `need` for a text given in some languages only. */
static void text_languages(const RlModel *m, const RlText *t, RlLangSet need, DiagList *dl)
{
  if (text_is_empty(t) || !t->pos.file)
    return;
  for (int l = 0; l < RL_LANG_N; l++) {
    if (!RL_LANGSET_HAS(need, l) || t->v[l])
      continue;
    const char *used = text_get(t, (RlLang)l, m->site.default_language);
    int from = 0;
    while (from < RL_LANG_N && t->v[from] != used)
      from++;
    diag_warning(dl, t->pos.file, t->pos.line, t->pos.col, "no '%s' text for '%s'; the '%s' text is used",
                 lang_code((RlLang)l), t->key ? t->key : "text", lang_code((RlLang)from));
  }
}

/* The languages of the editions that show network n (NULL: every edition). */
static RlLangSet edition_languages(const RlModel *m, const RlNetwork *n)
{
  RlLangSet set = 0;
  for (guint i = 0; i < m->editions->len; i++) {
    const RlEdition *e = g_ptr_array_index(m->editions, i);
    for (guint j = 0; j < e->networks->len; j++)
      if (!n || g_ptr_array_index(e->networks, j) == n)
        set |= e->languages;
  }
  return set;
}

/* The languages a resource is published in: those of editions with a network in one of
 * its regions (every edition when it names no region). */
static RlLangSet resource_languages(const RlModel *m, const RlResource *r)
{
  if (r->regions->len == 0)
    return edition_languages(m, NULL);
  RlLangSet set = 0;
  for (guint i = 0; i < m->networks->len; i++) {
    const RlNetwork *n = g_ptr_array_index(m->networks, i);
    for (guint j = 0; j < r->regions->len; j++)
      if (GPOINTER_TO_INT(g_ptr_array_index(r->regions, j)) == (int)n->region)
        set |= edition_languages(m, n);
  }
  return set;
}

static void check_translations(const RlModel *m, DiagList *dl)
{
  RlLangSet site = m->site.languages;
  text_languages(m, &m->site.organisation, site, dl);
  text_languages(m, &m->site.tagline, site, dl);
  for (guint i = 0; i < m->editions->len; i++) {
    const RlEdition *e = g_ptr_array_index(m->editions, i);
    text_languages(m, &e->name, e->languages & site, dl);
  }
  for (guint i = 0; i < m->networks->len; i++) {
    const RlNetwork *n = g_ptr_array_index(m->networks, i);
    RlLangSet need = (n->languages | edition_languages(m, n)) & site;
    text_languages(m, &n->name, need, dl);
    text_languages(m, &n->short_name, need, dl);
    text_languages(m, &n->description, need, dl);
  }
  for (guint i = 0; i < m->groups->len; i++) {
    const RlGroup *g = g_ptr_array_index(m->groups, i);
    RlLangSet net = g->network ? g->network->languages | edition_languages(m, g->network) : 0;
    RlLangSet need = (net | g->spoken) & site;
    const RlText *texts[] = {&g->name, &g->description, &g->audience, &g->schedule.note,
                             &g->place.name, &g->cost, &g->accessibility};
    for (size_t k = 0; k < G_N_ELEMENTS(texts); k++)
      text_languages(m, texts[k], need, dl);
  }
  for (guint i = 0; i < m->resources->len; i++) {
    const RlResource *r = g_ptr_array_index(m->resources, i);
    RlLangSet need = resource_languages(m, r) & site;
    text_languages(m, &r->name, need, dl);
    text_languages(m, &r->description, need, dl);
  }
  for (guint i = 0; i < m->texts->len; i++) {
    const RlEditorial *t = g_ptr_array_index(m->texts, i);
    text_languages(m, &t->title, site, dl);
    text_languages(m, &t->body, site, dl);
    text_languages(m, &t->summary, site, dl);
  }
}

/* ---- staleness ---------------------------------------------------------------------- */

/* Warns when `checked` is more than a year before today. */
static void check_date(const RlModel *m, const GDate *checked, const RlPos *fallback,
                       const GDate *today, DiagList *dl)
{
  if (!g_date_valid(checked) || !today || !g_date_valid(today))
    return;
  GDate limit = *checked;
  g_date_add_years(&limit, 1);
  if (g_date_compare(&limit, today) >= 0)
    return;
  char buf[16];
  g_date_strftime(buf, sizeof buf, "%Y-%m-%d", checked);
  RlPos p = pos_of(m, checked, fallback);
  diag_warning(dl, p.file, p.line, p.col, "checked %s, over a year ago", buf);
}

static void check_records_dates(const RlModel *m, GPtrArray *records, const GDate *today,
                                DiagList *dl)
{
  for (guint i = 0; i < records->len; i++) {
    const RlRecord *r = g_ptr_array_index(records, i);
    check_date(m, &r->checked, &r->pos, today, dl);
  }
}

static void check_staleness(const RlModel *m, const GDate *today, DiagList *dl)
{
  check_date(m, &m->site.checked, &m->site.pos, today, dl);
  check_records_dates(m, m->editions, today, dl);
  check_records_dates(m, m->networks, today, dl);
  check_records_dates(m, m->groups, today, dl);
  check_records_dates(m, m->resources, today, dl);
  check_records_dates(m, m->texts, today, dl);
}

void check_model(RlModel *m, const GDate *today, DiagList *dl)
{
  resolve_groups(m, dl);
  resolve_editions(m, dl);
  check_coverage(m, dl);
  check_translations(m, dl);
  check_staleness(m, today, dl);
}
