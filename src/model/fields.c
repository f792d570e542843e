/* fields.c - descriptor-driven reading of YAML mappings into model structs. */
#include "fields.h"

#include <string.h>

#include "spoken.h"
#include "suggest.h"
#include "value.h"

RlPos fields_pos(const LoadCtx *cx, const YdNode *n)
{
  return (RlPos){cx->file, n->line, n->col};
}

void fields_type_error(LoadCtx *cx, const YdNode *v, const char *what, const char *key)
{
  diag_error(cx->dl, cx->file, v->line, v->col, "expected %s for '%s', found %s", what, key,
             yamldoc_kind_name(v));
}

void fields_value_error(LoadCtx *cx, const YdNode *v, const char *what, const char *key)
{
  if (v->kind == YD_SCALAR && !yamldoc_is_null(v))
    diag_error(cx->dl, cx->file, v->line, v->col, "expected %s for '%s', found '%s'", what, key,
               v->value);
  else
    fields_type_error(cx, v, what, key);
}

char *fields_string(LoadCtx *cx, const YdNode *v, const char *key)
{
  if (v->kind != YD_SCALAR) {
    fields_type_error(cx, v, "a string", key);
    return NULL;
  }
  return g_strdup(v->value);
}

/* Stores a new string in *(char**)dest and remembers where it was written. */
static void store_string(LoadCtx *cx, const YdNode *v, void *dest, char *s)
{
  char **slot = dest;
  g_free(*slot);
  *slot = s;
  if (s)
    model_set_value_pos(cx->m, s, fields_pos(cx, v));
}

static void read_string(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  store_string(cx, v, dest, fields_string(cx, v, d->key));
}

/* A string that must pass `ok`; otherwise "invalid WHAT 'value' for 'key'HINT". */
static void read_checked(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d,
                         bool (*ok)(const char *), const char *what, const char *hint)
{
  char *s = fields_string(cx, v, d->key);
  if (s && !ok(s)) {
    diag_error(cx->dl, cx->file, v->line, v->col, "invalid %s '%s' for '%s'%s", what, s, d->key,
               hint);
    g_clear_pointer(&s, g_free);
  }
  store_string(cx, v, dest, s);
}

static void read_id(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  read_checked(cx, v, dest, d, value_id, "id", " (use lower-case letters, digits and '-')");
}

static void read_phone(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  read_checked(cx, v, dest, d, value_phone, "phone number",
               " (8 to 15 digits; only digits, spaces and + / . ( ) -)");
}

static void read_email(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  read_checked(cx, v, dest, d, value_email, "e-mail address", " (like name@example.org)");
}

static void read_web(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  read_checked(cx, v, dest, d, value_web_url, "web address",
               " (use a full http:// or https:// address)");
}

static bool not_dangerous(const char *s) { return !value_dangerous_scheme(s); }

static void read_source(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  read_checked(cx, v, dest, d, not_dangerous, "address",
               " (write an http:// or https:// address or a plain note)");
}

/* One language of a text map: "fr: …". */
static void read_text_entry(LoadCtx *cx, const YdNode *k, const YdNode *v, RlText *t,
                            const char *key)
{
  RlLang l;
  if (k->kind != YD_SCALAR || !lang_parse(k->value, &l)) {
    bool comma = k->kind == YD_SCALAR && yamldoc_is_null(v);
    diag_error(cx->dl, cx->file, k->line, k->col,
               "unknown language '%s' in '%s' (use fr, nl, de or en)%s",
               k->kind == YD_SCALAR ? k->value : "…", key,
               comma ? "; a comma inside {…} starts a new entry: put the text in quotes" : "");
    return;
  }
  if (yamldoc_is_null(v))
    return;
  char *s = fields_string(cx, v, key);
  if (s) {
    g_free(t->v[l]);
    t->v[l] = s;
  }
}

static void read_text(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  RlText *t = dest;
  text_clear(t);
  t->pos = fields_pos(cx, v);
  t->key = d->key;
  if (v->kind == YD_SCALAR) {
    for (int l = 0; l < RL_LANG_N; l++)
      t->v[l] = g_strdup(v->value);
  } else if (v->kind == YD_MAPPING) {
    for (guint i = 0; i < yamldoc_len(v); i++)
      read_text_entry(cx, yamldoc_key(v, i), yamldoc_value(v, i), t, d->key);
  } else {
    fields_type_error(cx, v, "a text (a string, or a map like {fr: …, nl: …})", d->key);
  }
}

static void read_date(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  g_autofree char *s = fields_string(cx, v, d->key);
  if (!s)
    return;
  if (!value_date(s, dest)) {
    diag_error(cx->dl, cx->file, v->line, v->col,
               "invalid date '%s' for '%s' (use YYYY-MM-DD, a real calendar date)", s, d->key);
    return;
  }
  model_set_value_pos(cx->m, dest, fields_pos(cx, v));
}

static void read_bool(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  bool *b = dest;
  if (v->kind == YD_SCALAR && strcmp(v->value, "true") == 0)
    *b = true;
  else if (v->kind == YD_SCALAR && strcmp(v->value, "false") == 0)
    *b = false;
  else
    fields_value_error(cx, v, "true or false", d->key);
}

static void read_int(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  if (v->kind != YD_SCALAR || !value_int(v->value, dest))
    fields_value_error(cx, v, "a whole number", d->key);
}

static void read_number(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  if (v->kind != YD_SCALAR || !value_number(v->value, dest))
    fields_value_error(cx, v, "a number", d->key);
}

/* A language code at v; false (and an error) when unknown. */
static bool lang_at(LoadCtx *cx, const YdNode *v, const char *key, RlLang *out)
{
  if (v->kind != YD_SCALAR) {
    fields_type_error(cx, v, "a language code", key);
    return false;
  }
  if (lang_parse(v->value, out))
    return true;
  diag_error(cx->dl, cx->file, v->line, v->col,
             "unknown language '%s' in '%s' (use fr, nl, de or en)", v->value, key);
  return false;
}

static void read_lang(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  RlLang l;
  if (lang_at(cx, v, d->key, &l))
    *(RlLang *)dest = l;
}

static void read_langs(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  RlLangSet set = 0;
  if (v->kind != YD_SEQUENCE) {
    fields_type_error(cx, v, "a list", d->key);
    return;
  }
  for (guint i = 0; i < yamldoc_len(v); i++) {
    RlLang l;
    if (lang_at(cx, yamldoc_item(v, i), d->key, &l))
      set |= 1u << l;
  }
  if (yamldoc_len(v) == 0)
    diag_error(cx->dl, cx->file, v->line, v->col, "'%s' needs at least one language", d->key);
  *(RlLangSet *)dest = set;
}

/* A group's spoken languages: a non-empty list of codes from spoken.h. */
static void read_spoken(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  RlLangSet set = 0;
  if (v->kind != YD_SEQUENCE) {
    fields_type_error(cx, v, "a list", d->key);
    return;
  }
  for (guint i = 0; i < yamldoc_len(v); i++) {
    const YdNode *item = yamldoc_item(v, i);
    int l;
    if (item->kind != YD_SCALAR) {
      fields_type_error(cx, item, "a language code", d->key);
    } else if (spoken_parse(item->value, &l)) {
      set |= 1u << l;
    } else {
      g_autofree char *codes = spoken_codes_list();
      diag_error(cx->dl, cx->file, item->line, item->col, "unknown language '%s' in '%s' (use %s)",
                 item->value, d->key, codes);
    }
  }
  if (yamldoc_len(v) == 0)
    diag_error(cx->dl, cx->file, v->line, v->col, "'%s' needs at least one language", d->key);
  *(RlLangSet *)dest = set;
}

static void read_colour(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  g_autofree char *s = fields_string(cx, v, d->key);
  if (s && !value_colour(s, dest))
    diag_error(cx->dl, cx->file, v->line, v->col,
               "invalid colour '%s' for '%s' (use \"#rrggbb\", in quotes)", s, d->key);
}

static void read_enum(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  const EnumDesc *e = d->enum_of;
  g_autofree char *s = fields_string(cx, v, d->key);
  if (!s)
    return;
  for (int i = 0; i < e->n; i++)
    if (strcmp(s, e->code(i)) == 0) {
      *(int *)dest = i;
      return;
    }
  GString *valid = g_string_new(NULL);
  for (int i = 0; i < e->n; i++)
    g_string_append_printf(valid, "%s%s", i == 0 ? "" : i == e->n - 1 ? " or " : ", ", e->code(i));
  diag_error(cx->dl, cx->file, v->line, v->col, "unknown %s '%s' (use %s)", e->what, s, valid->str);
  g_string_free(valid, TRUE);
}

static void read_map(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  if (v->kind != YD_MAPPING) {
    fields_type_error(cx, v, "a map", d->key);
    return;
  }
  fields_read(cx, v, d->sub, dest);
}

static void read_custom(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  d->fn(cx, v, dest, d);
}

static const FieldFn readers[FT_N] = {
  [FT_STRING] = read_string, [FT_ID] = read_id,       [FT_TEXT] = read_text,
  [FT_DATE] = read_date,     [FT_BOOL] = read_bool,   [FT_INT] = read_int,
  [FT_NUMBER] = read_number, [FT_PHONE] = read_phone, [FT_EMAIL] = read_email,
  [FT_WEB] = read_web,       [FT_SOURCE] = read_source, [FT_LANG] = read_lang,
  [FT_LANGS] = read_langs,   [FT_SPOKEN] = read_spoken, [FT_COLOUR] = read_colour, [FT_ENUM] = read_enum,
  [FT_MAP] = read_map,       [FT_CUSTOM] = read_custom,
};

void fields_read_value(LoadCtx *cx, const YdNode *v, void *dest, const FieldDesc *d)
{
  readers[d->type](cx, v, dest, d);
}

/* The descriptor of `key` in t, or -1. */
static int field_index(const FieldTable *t, const char *key)
{
  for (int i = 0; t->fields[i].key; i++)
    if (strcmp(t->fields[i].key, key) == 0)
      return i;
  return -1;
}

/* " (it goes in 'place')" when the key belongs to a section of t, else NULL. */
static char *section_hint(const FieldTable *t, const char *key)
{
  for (int i = 0; t->fields[i].key; i++) {
    const FieldTable *sub = t->fields[i].type == FT_MAP ? t->fields[i].sub : NULL;
    if (sub && field_index(sub, key) >= 0)
      return g_strdup_printf(" (it goes in '%s')", t->fields[i].key);
  }
  return NULL;
}

static void unknown_key(LoadCtx *cx, const YdNode *k, const FieldTable *t)
{
  Suggest s;
  suggest_init(&s, k->value);
  for (int i = 0; t->fields[i].key; i++)
    suggest_add(&s, t->fields[i].key);
  g_autofree char *hint = section_hint(t, k->value);
  if (!hint)
    hint = suggest_hint(&s);
  diag_error(cx->dl, cx->file, k->line, k->col, "unknown key '%s' in '%s'%s", k->value, t->what,
             hint);
}

/* Reads one pair; returns the descriptor index when a value was given, else -1. */
static int read_pair(LoadCtx *cx, const YdNode *k, const YdNode *v, const FieldTable *t,
                     void *base)
{
  if (k->kind != YD_SCALAR) {
    diag_error(cx->dl, cx->file, k->line, k->col, "a key in '%s' must be a plain word", t->what);
    return -1;
  }
  int i = field_index(t, k->value);
  if (i < 0) {
    unknown_key(cx, k, t);
    return -1;
  }
  const FieldDesc *d = &t->fields[i];
  if (yamldoc_is_null(v)) {
    if (d->required)
      diag_error(cx->dl, cx->file, k->line, k->col, "missing value for required key '%s' in '%s'",
                 d->key, t->what);
    return -1;
  }
  fields_read_value(cx, v, (char *)base + d->offset, d);
  return i;
}

guint64 fields_read(LoadCtx *cx, const YdNode *map, const FieldTable *t, void *base)
{
  if (!map || map->kind != YD_MAPPING) {
    if (map)
      diag_error(cx->dl, cx->file, map->line, map->col, "expected a map for '%s', found %s",
                 t->what, yamldoc_kind_name(map));
    return 0;
  }
  if (t->pos_offset >= 0)
    *(RlPos *)((char *)base + t->pos_offset) = fields_pos(cx, map);
  guint64 given = 0, written = 0;
  for (guint i = 0; i < yamldoc_len(map); i++) {
    const YdNode *k = yamldoc_key(map, i);
    int f = read_pair(cx, k, yamldoc_value(map, i), t, base);
    if (f >= 0)
      given |= G_GUINT64_CONSTANT(1) << f;
    if (k->kind == YD_SCALAR && field_index(t, k->value) >= 0)
      written |= G_GUINT64_CONSTANT(1) << field_index(t, k->value);
  }
  for (int f = 0; t->fields[f].key; f++)
    if (t->fields[f].required && !(written & (G_GUINT64_CONSTANT(1) << f)))
      diag_error(cx->dl, cx->file, map->line, map->col, "missing required key '%s' in '%s'",
                 t->fields[f].key, t->what);
  return given;
}

bool fields_given(const FieldTable *t, guint64 given, const char *key)
{
  int i = field_index(t, key);
  return i >= 0 && (given & (G_GUINT64_CONSTANT(1) << i));
}
