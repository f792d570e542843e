/* yamldoc.c - libyaml events → a bounded node tree with positions and byte spans. */
#include "yamldoc.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <yaml.h>

const YdLimits yamldoc_limits = {
  .max_bytes = 2 * 1024 * 1024,
  .max_depth = 64,
  .max_aliases = 1000,
  .max_expansion = 100000,
};

/* The state of one parse. */
typedef struct {
  YdDoc *doc;
  const YdLimits *lim;
  DiagList *dl;
  gsize bom;            /* bytes of a leading BOM, not given to libyaml */
  guint32 *char_off;    /* character index → byte offset after the BOM; NULL if ASCII */
  gsize nchars;
  GPtrArray *stack;     /* open collections */
  GPtrArray *open_anchors; /* anchor name (or NULL) of each open collection */
  GHashTable *anchors;  /* name → completed YdNode* */
  guint aliases;
  gsize expanded;
  int documents;
  bool failed;
} Parser;

/* ---- positions -------------------------------------------------------------------- */

/* 1-based line and column (in characters) of byte `off` of text. */
static void byte_position(const char *text, gsize off, int *line, int *col)
{
  *line = 1;
  *col = 1;
  for (gsize i = 0; i < off; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c == '\n' || (c == '\r' && text[i + 1] != '\n')) {
      (*line)++;
      *col = 1;
    } else if ((c & 0xC0) != 0x80 && c != '\r') {
      (*col)++;
    }
  }
}

/* Byte offset in the document of a libyaml mark (whose index counts characters). */
static gsize mark_byte(const Parser *p, const yaml_mark_t *m)
{
  gsize i = MIN(m->index, p->nchars);
  return p->bom + (p->char_off ? p->char_off[i] : i);
}

/* Builds the character → byte table when the text is not pure ASCII. */
static void index_chars(Parser *p, const char *s, gsize len)
{
  gsize n = 0;
  bool ascii = true;
  for (gsize i = 0; i < len; i++) {
    n += ((unsigned char)s[i] & 0xC0) != 0x80;
    ascii = ascii && (unsigned char)s[i] < 0x80;
  }
  p->nchars = n;
  if (ascii)
    return;
  p->char_off = g_new(guint32, n + 1);
  gsize k = 0;
  for (gsize i = 0; i < len; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80)
      p->char_off[k++] = (guint32)i;
  p->char_off[k] = (guint32)len;
}

static void fail_at(Parser *p, const yaml_mark_t *m, const char *msg)
{
  diag_error(p->dl, p->doc->file, (int)m->line + 1, (int)m->column + 1, "%s", msg);
  p->failed = true;
}

/* ---- checks before libyaml --------------------------------------------------------- */

/* Invalid UTF-8 and NUL bytes, each as a positioned error. */
static bool check_encoding(const YdDoc *doc, DiagList *dl)
{
  const char *end = NULL;
  if (g_utf8_validate_len(doc->text, doc->len, &end))
    return true;
  gsize off = (gsize)(end - doc->text);
  int line, col;
  byte_position(doc->text, off, &line, &col);
  if (*end == '\0')
    diag_error(dl, doc->file, line, col, "NUL byte in the file; it must be plain UTF-8 text");
  else
    diag_error(dl, doc->file, line, col,
               "invalid UTF-8 (byte 0x%02x); save the file as UTF-8",
               (unsigned)(unsigned char)*end);
  return false;
}

/* ---- building the tree ------------------------------------------------------------- */

static YdNode *node_new(Parser *p, YdKind kind, const yaml_mark_t *start)
{
  YdNode *n = g_new0(YdNode, 1);
  n->kind = kind;
  n->line = (int)start->line + 1;
  n->col = (int)start->column + 1;
  n->start = mark_byte(p, start);
  n->end = n->start;
  n->weight = 1;
  if (kind != YD_SCALAR)
    n->children = g_ptr_array_new();
  g_ptr_array_add(p->doc->nodes, n);
  return n;
}

/* Adds n where the parse is: the root, an item or a key/value of the open collection. */
static void attach(Parser *p, YdNode *n)
{
  if (p->stack->len == 0) {
    p->doc->root = n;
    return;
  }
  YdNode *parent = g_ptr_array_index(p->stack, p->stack->len - 1);
  g_ptr_array_add(parent->children, n);
}

static void remember_anchor(Parser *p, const yaml_char_t *anchor, YdNode *n)
{
  if (anchor)
    g_hash_table_replace(p->anchors, g_strdup((const char *)anchor), n);
}

/* The first control character in a scalar (an escape like "\x07" can write one), other
 * than tab and line breaks; 0 when there is none. */
static gunichar control_char(const char *v, gsize len)
{
  for (const char *c = v; c < v + len; c = g_utf8_next_char(c)) {
    gunichar u = g_utf8_get_char(c);
    if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r') || (u >= 0x7f && u <= 0x9f))
      return u;
  }
  return 0;
}

static void on_scalar(Parser *p, const yaml_event_t *ev)
{
  const char *v = (const char *)ev->data.scalar.value;
  gsize len = ev->data.scalar.length;
  if (memchr(v, '\0', len)) {
    fail_at(p, &ev->start_mark, "NUL character in a value");
    return;
  }
  gunichar bad = control_char(v, len);
  if (bad) {
    g_autofree char *msg = g_strdup_printf("control character U+%04X in a value", bad);
    fail_at(p, &ev->start_mark, msg);
    return;
  }
  YdNode *n = node_new(p, YD_SCALAR, &ev->start_mark);
  n->end = mark_byte(p, &ev->end_mark);
  n->value = g_strndup(v, len);
  n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
  attach(p, n);
  remember_anchor(p, ev->data.scalar.anchor, n);
}

static void on_start(Parser *p, const yaml_event_t *ev, YdKind kind)
{
  if ((int)p->stack->len >= p->lim->max_depth) {
    g_autofree char *msg = g_strdup_printf("too deeply nested (more than %d levels)",
                                           p->lim->max_depth);
    fail_at(p, &ev->start_mark, msg);
    return;
  }
  YdNode *n = node_new(p, kind, &ev->start_mark);
  attach(p, n);
  g_ptr_array_add(p->stack, n);
  const yaml_char_t *anchor = kind == YD_SEQUENCE ? ev->data.sequence_start.anchor
                                                  : ev->data.mapping_start.anchor;
  g_ptr_array_add(p->open_anchors, g_strdup((const char *)anchor));
}

/* A second scalar key equal to an earlier one in the same mapping is an error. */
static void check_duplicate_keys(Parser *p, const YdNode *map)
{
  g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
  for (guint i = 0; i + 1 < map->children->len; i += 2) {
    const YdNode *k = g_ptr_array_index(map->children, i);
    if (k->kind != YD_SCALAR)
      continue;
    const YdNode *first = g_hash_table_lookup(seen, k->value);
    if (first)
      diag_error(p->dl, p->doc->file, k->line, k->col, "duplicate key '%s' (first at line %d)",
                 k->value, first->line);
    else
      g_hash_table_insert(seen, k->value, (gpointer)k);
  }
}

static void on_end(Parser *p, const yaml_event_t *ev)
{
  YdNode *n = g_ptr_array_steal_index(p->stack, p->stack->len - 1);
  g_autofree char *anchor = g_ptr_array_steal_index(p->open_anchors, p->open_anchors->len - 1);
  n->end = mark_byte(p, &ev->end_mark);
  for (guint i = 0; i < n->children->len; i++) {
    const YdNode *c = g_ptr_array_index(n->children, i);
    n->weight = c->weight > G_MAXSIZE - n->weight ? G_MAXSIZE : n->weight + c->weight;
  }
  if (n->kind == YD_MAPPING)
    check_duplicate_keys(p, n);
  remember_anchor(p, (const yaml_char_t *)anchor, n);
}

static bool anchor_is_open(const Parser *p, const char *name)
{
  for (guint i = 0; i < p->open_anchors->len; i++)
    if (g_strcmp0(g_ptr_array_index(p->open_anchors, i), name) == 0)
      return true;
  return false;
}

static void on_alias(Parser *p, const yaml_event_t *ev)
{
  const char *name = (const char *)ev->data.alias.anchor;
  YdNode *target = g_hash_table_lookup(p->anchors, name);
  g_autofree char *msg = NULL;
  if (!target && anchor_is_open(p, name))
    msg = g_strdup_printf("alias '*%s' refers to a node that contains it", name);
  else if (!target)
    msg = g_strdup_printf("unknown alias '*%s' (no '&%s' before it)", name, name);
  else if (++p->aliases > p->lim->max_aliases)
    msg = g_strdup_printf("too many aliases (more than %u)", p->lim->max_aliases);
  else if (target->weight > p->lim->max_expansion - MIN(p->expanded, p->lim->max_expansion))
    msg = g_strdup_printf("too many aliases: they expand to more than %" G_GSIZE_FORMAT " nodes",
                          p->lim->max_expansion);
  if (msg) {
    fail_at(p, &ev->start_mark, msg);
    return;
  }
  p->expanded += target->weight;
  p->doc->shared = true;
  attach(p, target);
}

/* libyaml's own message, lower case, with its context when it has one. */
static void on_syntax_error(Parser *p, const yaml_parser_t *yp)
{
  g_autofree char *problem = g_ascii_strdown(yp->problem ? yp->problem : "syntax error", -1);
  g_autofree char *msg = NULL;
  if (yp->context)
    msg = g_strdup_printf("%s (%s at line %zu)", problem, yp->context,
                          yp->context_mark.line + 1);
  else
    msg = g_strdup(problem);
  if (yp->error == YAML_READER_ERROR) {
    int line, col;
    gsize off = p->bom + MIN(yp->problem_offset, p->doc->len - p->bom);
    byte_position(p->doc->text, off, &line, &col);
    diag_error(p->dl, p->doc->file, line, col, "%s", msg);
    p->failed = true;
    return;
  }
  gsize at = mark_byte(p, &yp->problem_mark);
  if (at < p->doc->len && p->doc->text[at] == '\t') {
    char *with_hint = g_strconcat(msg, "; indent with spaces, not tabs", NULL);
    g_free(msg);
    msg = with_hint;
  }
  fail_at(p, &yp->problem_mark, msg);
}

/* Handles one event; false when the parse is over (end of stream or failure). */
static bool on_event(Parser *p, const yaml_event_t *ev)
{
  switch (ev->type) {
  case YAML_DOCUMENT_START_EVENT:
    if (++p->documents > 1)
      fail_at(p, &ev->start_mark, "a second document in the file (one '---' section per file)");
    break;
  case YAML_SCALAR_EVENT: on_scalar(p, ev); break;
  case YAML_SEQUENCE_START_EVENT: on_start(p, ev, YD_SEQUENCE); break;
  case YAML_MAPPING_START_EVENT: on_start(p, ev, YD_MAPPING); break;
  case YAML_SEQUENCE_END_EVENT:
  case YAML_MAPPING_END_EVENT: on_end(p, ev); break;
  case YAML_ALIAS_EVENT: on_alias(p, ev); break;
  case YAML_STREAM_END_EVENT: return false;
  default: break;
  }
  return !p->failed;
}

static void run_parser(Parser *p)
{
  yaml_parser_t yp;
  yaml_parser_initialize(&yp);
  yaml_parser_set_encoding(&yp, YAML_UTF8_ENCODING);
  yaml_parser_set_input_string(&yp, (const unsigned char *)p->doc->text + p->bom,
                               p->doc->len - p->bom);
  for (;;) {
    yaml_event_t ev;
    if (!yaml_parser_parse(&yp, &ev)) {
      on_syntax_error(p, &yp);
      break;
    }
    bool more = on_event(p, &ev);
    yaml_event_delete(&ev);
    if (!more)
      break;
  }
  yaml_parser_delete(&yp);
}

/* ---- public ------------------------------------------------------------------------ */

static YdDoc *doc_new(const char *file, const char *text, gsize len)
{
  YdDoc *doc = g_new0(YdDoc, 1);
  doc->file = g_strdup(file);
  doc->text = g_malloc(len + 1);
  memcpy(doc->text, text, len);
  doc->text[len] = '\0';
  doc->len = len;
  doc->nodes = g_ptr_array_new();
  return doc;
}

static void too_large(const char *file, gsize len, const YdLimits *lim, DiagList *dl)
{
  diag_error(dl, file, 0, 0, "file is too large (%" G_GSIZE_FORMAT " bytes, at most %" G_GSIZE_FORMAT ")",
             len, lim->max_bytes);
}

YdDoc *yamldoc_parse(const char *file, const char *text, gsize len, const YdLimits *limits,
                     DiagList *dl)
{
  if (len > limits->max_bytes) {
    too_large(file, len, limits, dl);
    return NULL;
  }
  YdDoc *doc = doc_new(file, text, len);
  if (!check_encoding(doc, dl)) {
    yamldoc_free(doc);
    return NULL;
  }
  Parser p = {.doc = doc, .lim = limits, .dl = dl};
  p.bom = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  index_chars(&p, doc->text + p.bom, len - p.bom);
  p.stack = g_ptr_array_new();
  p.open_anchors = g_ptr_array_new_with_free_func(g_free);
  p.anchors = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  run_parser(&p);
  g_ptr_array_unref(p.stack);
  g_ptr_array_unref(p.open_anchors);
  g_hash_table_unref(p.anchors);
  g_free(p.char_off);
  if (p.failed) {
    yamldoc_free(doc);
    return NULL;
  }
  return doc;
}

YdDoc *yamldoc_load(const char *path, const char *file, const YdLimits *limits, DiagList *dl)
{
  GStatBuf st;
  if (g_stat(path, &st) != 0) {
    diag_error(dl, file, 0, 0, "cannot read the file: %s", g_strerror(errno));
    return NULL;
  }
  if ((guint64)st.st_size > limits->max_bytes) {
    too_large(file, (gsize)st.st_size, limits, dl);
    return NULL;
  }
  g_autofree char *text = NULL;
  gsize len = 0;
  g_autoptr(GError) err = NULL;
  if (!g_file_get_contents(path, &text, &len, &err)) {
    diag_error(dl, file, 0, 0, "cannot read the file: %s", err->message);
    return NULL;
  }
  return yamldoc_parse(file, text, len, limits, dl);
}

static void node_free(gpointer p)
{
  YdNode *n = p;
  g_free(n->value);
  if (n->children)
    g_ptr_array_unref(n->children);
  g_free(n);
}

void yamldoc_free(YdDoc *doc)
{
  if (!doc)
    return;
  g_ptr_array_set_free_func(doc->nodes, node_free);
  g_ptr_array_unref(doc->nodes);
  g_free(doc->text);
  g_free(doc->file);
  g_free(doc);
}

bool yamldoc_is_null(const YdNode *n)
{
  static const char *const nulls[] = {"", "~", "null", "Null", "NULL"};
  if (!n || n->kind != YD_SCALAR || !n->plain)
    return false;
  for (size_t i = 0; i < G_N_ELEMENTS(nulls); i++)
    if (strcmp(n->value, nulls[i]) == 0)
      return true;
  return false;
}

const char *yamldoc_kind_name(const YdNode *n)
{
  static const char *const names[] = {[YD_SCALAR] = "a string", [YD_SEQUENCE] = "a list",
                                      [YD_MAPPING] = "a map"};
  if (!n || yamldoc_is_null(n))
    return "nothing";
  return names[n->kind];
}

guint yamldoc_len(const YdNode *n)
{
  if (!n || !n->children)
    return 0;
  return n->kind == YD_MAPPING ? n->children->len / 2 : n->children->len;
}

const YdNode *yamldoc_item(const YdNode *n, guint i) { return g_ptr_array_index(n->children, i); }
const YdNode *yamldoc_key(const YdNode *n, guint i) { return g_ptr_array_index(n->children, 2 * i); }
const YdNode *yamldoc_value(const YdNode *n, guint i)
{
  return g_ptr_array_index(n->children, 2 * i + 1);
}

const YdNode *yamldoc_get(const YdNode *n, const char *key)
{
  if (!n || n->kind != YD_MAPPING)
    return NULL;
  for (guint i = 0; i < yamldoc_len(n); i++) {
    const YdNode *k = yamldoc_key(n, i);
    if (k->kind == YD_SCALAR && strcmp(k->value, key) == 0)
      return yamldoc_value(n, i);
  }
  return NULL;
}

/* Hashes n's span, then, for every node reached from n whose span lies outside the span
 * being walked (an alias to text elsewhere), that node's span once. */
char *yamldoc_digest(const YdDoc *doc, const YdNode *n)
{
  if (!doc->shared) /* without aliases every node lies inside its parent's span */
    return g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)doc->text + n->start,
                                       n->end - n->start);
  GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
  g_autoptr(GHashTable) done = g_hash_table_new(NULL, NULL);
  g_autoptr(GPtrArray) todo = g_ptr_array_new();
  g_checksum_update(sum, (const guchar *)doc->text + n->start, (gssize)(n->end - n->start));
  g_ptr_array_add(todo, (gpointer)n);
  g_hash_table_add(done, (gpointer)n);
  while (todo->len) {
    const YdNode *cur = g_ptr_array_steal_index(todo, todo->len - 1);
    for (guint i = 0; cur->children && i < cur->children->len; i++) {
      const YdNode *c = g_ptr_array_index(cur->children, i);
      if (!g_hash_table_add(done, (gpointer)c))
        continue;
      if (c->start < cur->start || c->end > cur->end)
        g_checksum_update(sum, (const guchar *)doc->text + c->start, (gssize)(c->end - c->start));
      g_ptr_array_add(todo, (gpointer)c);
    }
  }
  char *hex = g_strdup(g_checksum_get_string(sum));
  g_checksum_free(sum);
  return hex;
}
