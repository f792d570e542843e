/* test-load.c - yamldoc, the value checks and the loader on small data sets. */
#include <glib/gstdio.h>
#include <string.h>

#include "model/check.h"
#include "model/layout_defaults.h"
#include "model/load.h"
#include "model/spoken.h"
#include "model/suggest.h"
#include "model/value.h"
#include "model/yamldoc.h"

/* ---- helpers ----------------------------------------------------------------------- */

/* All diagnostics, sorted, one a line. */
static char *diags_text(DiagList *dl)
{
  diag_sort(dl);
  GString *s = g_string_new(NULL);
  for (guint i = 0; i < diag_len(dl); i++) {
    g_autofree char *line = diag_format(diag_at(dl, i));
    g_string_append_printf(s, "%s\n", line);
  }
  return g_string_free(s, FALSE);
}

/* Parses text with the given limits; returns the diagnostics text, and the doc in *out
 * (or frees it when out is NULL). */
static char *parse_with(const char *text, gssize len, const YdLimits *lim, YdDoc **out)
{
  DiagList *dl = diag_list_new();
  YdDoc *doc = yamldoc_parse("t.yaml", text, len < 0 ? strlen(text) : (gsize)len, lim, dl);
  char *s = diags_text(dl);
  if (out)
    *out = doc;
  else
    yamldoc_free(doc);
  diag_list_free(dl);
  return s;
}

static char *parse_err(const char *text)
{
  return parse_with(text, -1, &yamldoc_limits, NULL);
}

/* A temporary data folder with files given as name, content pairs (NULL-terminated). */
static char *make_data(const char *first, ...)
{
  g_autoptr(GError) err = NULL;
  char *dir = g_dir_make_tmp("relais-test-XXXXXX", &err);
  g_assert_no_error(err);
  va_list ap;
  va_start(ap, first);
  for (const char *name = first; name; name = va_arg(ap, const char *)) {
    const char *content = va_arg(ap, const char *);
    g_autofree char *path = g_build_filename(dir, name, NULL);
    g_autofree char *parent = g_path_get_dirname(path);
    g_mkdir_with_parents(parent, 0755);
    g_assert_true(g_file_set_contents(path, content, -1, NULL));
  }
  va_end(ap);
  return dir;
}

static void remove_tree(const char *dir)
{
  GDir *d = g_dir_open(dir, 0, NULL);
  for (const char *n; d && (n = g_dir_read_name(d));) {
    g_autofree char *p = g_build_filename(dir, n, NULL);
    if (g_file_test(p, G_FILE_TEST_IS_DIR) && !g_file_test(p, G_FILE_TEST_IS_SYMLINK))
      remove_tree(p);
    else
      g_unlink(p);
  }
  if (d)
    g_dir_close(d);
  g_rmdir(dir);
}

static const char *min_site = "organisation: Test\nlanguages: [fr, nl]\n";
static const char *min_networks =
  "networks:\n"
  "  - id: brumenta\n"
  "    name: Brumenta\n"
  "    region: brussels\n";

/* Loads and checks a data folder; returns the diagnostics with the folder's path
 * replaced by DATA. */
static char *load_dir(const char *dir, RlModel **out)
{
  DiagList *dl = diag_list_new();
  RlModel *m = load_model(dir, NULL, dl);
  GDate today;
  g_date_clear(&today, 1);
  g_date_set_dmy(&today, 18, G_DATE_NOVEMBER, 2026);
  check_model(m, &today, dl);
  g_autofree char *s = diags_text(dl);
  diag_list_free(dl);
  if (out)
    *out = m;
  else
    model_free(m);
  g_auto(GStrv) parts = g_strsplit(s, dir, -1);
  return g_strjoinv("DATA", parts);
}

/* ---- yamldoc ----------------------------------------------------------------------- */

static void test_yamldoc_tree(void)
{
  YdDoc *doc = NULL;
  g_autofree char *e = parse_with("a: 1\nlist:\n  - x\n  - {b: \"é\", c: ~}\n", -1,
                                  &yamldoc_limits, &doc);
  g_assert_cmpstr(e, ==, "");
  g_assert_nonnull(doc);
  const YdNode *root = doc->root;
  g_assert_cmpint(root->kind, ==, YD_MAPPING);
  g_assert_cmpuint(yamldoc_len(root), ==, 2);
  const YdNode *list = yamldoc_get(root, "list");
  g_assert_cmpint(list->kind, ==, YD_SEQUENCE);
  g_assert_cmpint(list->line, ==, 3);
  g_assert_cmpint(list->col, ==, 3);
  const YdNode *m = yamldoc_item(list, 1);
  g_assert_cmpint(m->line, ==, 4);
  g_assert_cmpint(m->col, ==, 5);
  const YdNode *b = yamldoc_get(m, "b");
  g_assert_cmpstr(b->value, ==, "é");
  g_assert_false(b->plain);
  g_assert_true(yamldoc_is_null(yamldoc_get(m, "c")));
  g_assert_cmpstr(yamldoc_kind_name(list), ==, "a list");
  /* the span of the flow map, in bytes, past a two-byte character */
  g_autofree char *span = g_strndup(doc->text + m->start, m->end - m->start);
  g_assert_cmpstr(span, ==, "{b: \"é\", c: ~}");
  /* the column after a multi-byte character counts characters */
  const YdNode *c = yamldoc_get(m, "c");
  g_assert_cmpint(c->col, ==, 17);
  yamldoc_free(doc);
}

static void test_yamldoc_syntax_error(void)
{
  g_autofree char *e = parse_err("a: b: c\n");
  g_assert_cmpstr(e, ==, "t.yaml:1:5: error: mapping values are not allowed in this context\n");
  g_autofree char *e2 = parse_err("a:\n  - x\n b: y\n");
  g_assert_cmpstr(e2, ==,
                  "t.yaml:3:2: error: did not find expected key (while parsing a block mapping at line 1)\n");
}

static void test_yamldoc_encoding(void)
{
  g_autofree char *e = parse_err("a: ok\nb: caf\xe9\n");
  g_assert_cmpstr(e, ==, "t.yaml:2:7: error: invalid UTF-8 (byte 0xe9); save the file as UTF-8\n");
  g_autofree char *n = parse_with("a: 1\nb: x\0y\n", 11, &yamldoc_limits, NULL);
  g_assert_cmpstr(n, ==, "t.yaml:2:5: error: NUL byte in the file; it must be plain UTF-8 text\n");
  g_autofree char *esc = parse_err("a: \"x\\0y\"\n");
  g_assert_cmpstr(esc, ==, "t.yaml:1:4: error: NUL character in a value\n");
  g_autofree char *bell = parse_err("a: \"ring\\x07\"\n");
  g_assert_cmpstr(bell, ==, "t.yaml:1:4: error: control character U+0007 in a value\n");
  g_autofree char *c1 = parse_err("a: \"x\\u0085y\"\nb: \"tab\\there\"\n");
  g_assert_cmpstr(c1, ==, "t.yaml:1:4: error: control character U+0085 in a value\n");
  YdDoc *doc = NULL;
  g_autofree char *bom = parse_with("\xEF\xBB\xBFk: v\n", -1, &yamldoc_limits, &doc);
  g_assert_cmpstr(bom, ==, "");
  g_assert_cmpstr(yamldoc_get(doc->root, "k")->value, ==, "v");
  g_assert_cmpint(yamldoc_get(doc->root, "k")->start, ==, 6);
  yamldoc_free(doc);
}

static void test_yamldoc_duplicate_key(void)
{
  YdDoc *doc = NULL;
  g_autofree char *e = parse_with("name: a\nid: x\nname: b\n", -1, &yamldoc_limits, &doc);
  g_assert_cmpstr(e, ==, "t.yaml:3:1: error: duplicate key 'name' (first at line 1)\n");
  g_assert_nonnull(doc); /* still returned, so the rest of the file is checked */
  yamldoc_free(doc);
}

static void test_yamldoc_limits(void)
{
  YdLimits lim = yamldoc_limits;
  lim.max_bytes = 10;
  g_autofree char *big = parse_with("a: 12345678901\n", -1, &lim, NULL);
  g_assert_cmpstr(big, ==, "t.yaml: error: file is too large (15 bytes, at most 10)\n");
  GString *deep = g_string_new(NULL);
  for (int i = 0; i < 10000; i++)
    g_string_append_c(deep, '[');
  g_autofree char *d = parse_err(deep->str);
  g_string_free(deep, TRUE);
  g_assert_cmpstr(d, ==, "t.yaml:1:65: error: too deeply nested (more than 64 levels)\n");
  g_autofree char *two = parse_err("a: 1\n---\nb: 2\n");
  g_assert_cmpstr(two, ==,
                  "t.yaml:2:1: error: a second document in the file (one '---' section per file)\n");
}

static void test_yamldoc_aliases(void)
{
  GString *bomb = g_string_new("a: &a [x, x, x, x, x, x, x, x, x]\n");
  for (int i = 1; i < 9; i++)
    g_string_append_printf(bomb, "%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n", 'a' + i,
                           'a' + i, 'a' + i - 1, 'a' + i - 1, 'a' + i - 1, 'a' + i - 1, 'a' + i - 1,
                           'a' + i - 1, 'a' + i - 1, 'a' + i - 1, 'a' + i - 1);
  g_autofree char *e = parse_err(bomb->str);
  g_string_free(bomb, TRUE);
  g_assert_true(g_str_has_prefix(e, "t.yaml:6:"));
  g_assert_nonnull(strstr(e, "error: too many aliases: they expand to more than 100000 nodes\n"));
  g_autofree char *u = parse_err("a: *nope\n");
  g_assert_cmpstr(u, ==, "t.yaml:1:4: error: unknown alias '*nope' (no '&nope' before it)\n");
  g_autofree char *rec = parse_err("a: &r [1, *r]\n");
  g_assert_cmpstr(rec, ==, "t.yaml:1:11: error: alias '*r' refers to a node that contains it\n");
  YdLimits lim = yamldoc_limits;
  lim.max_aliases = 2;
  g_autofree char *many = parse_with("a: &a 1\nb: [*a, *a, *a]\n", -1, &lim, NULL);
  g_assert_cmpstr(many, ==, "t.yaml:2:13: error: too many aliases (more than 2)\n");
}

static void test_yamldoc_digest(void)
{
  YdDoc *d1 = NULL, *d2 = NULL, *d3 = NULL;
  g_free(parse_with("x: 1\nrec: {a: 1}\n", -1, &yamldoc_limits, &d1));
  g_free(parse_with("# comment\ny: 2\nrec: {a: 1}\n", -1, &yamldoc_limits, &d2));
  g_free(parse_with("x: 1\nrec: {a: 2}\n", -1, &yamldoc_limits, &d3));
  g_autofree char *h1 = yamldoc_digest(d1, yamldoc_get(d1->root, "rec"));
  g_autofree char *h2 = yamldoc_digest(d2, yamldoc_get(d2->root, "rec"));
  g_autofree char *h3 = yamldoc_digest(d3, yamldoc_get(d3->root, "rec"));
  g_assert_cmpstr(h1, ==, h2);
  g_assert_cmpstr(h1, !=, h3);
  g_assert_cmpuint(strlen(h1), ==, 64);
  g_autofree char *span = g_compute_checksum_for_string(G_CHECKSUM_SHA256, "{a: 1}", -1);
  g_assert_false(d1->shared); /* no alias: the record's own bytes */
  g_assert_cmpstr(h1, ==, span);
  yamldoc_free(d1);
  yamldoc_free(d2);
  yamldoc_free(d3);
  /* a record reaching an anchor elsewhere changes when the anchor does */
  YdDoc *a1 = NULL, *a2 = NULL;
  g_free(parse_with("base: &b {p: 1}\nrec: {q: *b}\n", -1, &yamldoc_limits, &a1));
  g_free(parse_with("base: &b {p: 2}\nrec: {q: *b}\n", -1, &yamldoc_limits, &a2));
  g_autofree char *x1 = yamldoc_digest(a1, yamldoc_get(a1->root, "rec"));
  g_autofree char *x2 = yamldoc_digest(a2, yamldoc_get(a2->root, "rec"));
  g_assert_cmpstr(x1, !=, x2);
  g_assert_true(a1->shared);
  yamldoc_free(a1);
  yamldoc_free(a2);
}

/* ---- values ------------------------------------------------------------------------ */

static void test_values(void)
{
  GDate d;
  g_assert_true(value_date("2024-02-29", &d));
  g_assert_false(value_date("2026-02-30", &d));
  g_assert_false(value_date("2026-2-3", &d));
  int s, e;
  g_assert_true(value_time_range("14:00-16:00", &s, &e));
  g_assert_cmpint(s, ==, 840);
  g_assert_cmpint(e, ==, 960);
  g_assert_true(value_time_range("9:30", &s, &e));
  g_assert_cmpint(e, ==, -1);
  g_assert_true(value_time_range("14:00 \u2013 16:00", &s, &e));
  g_assert_false(value_time_range("25:61", &s, &e));
  g_assert_false(value_time_range("16:00-14:00", &s, &e));
  g_assert_true(value_phone("+32 2 123 45 67"));
  g_assert_true(value_phone("04/344.45.45"));
  g_assert_false(value_phone("123"));
  g_assert_false(value_phone("02 123 45 67 ext"));
  g_assert_false(value_phone("32+2123456"));
  g_assert_true(value_email("info@example.org"));
  g_assert_false(value_email("info@example"));
  g_assert_false(value_email("a b@example.org"));
  g_assert_true(value_web_url("https://example.org/x?y=1"));
  g_assert_false(value_web_url("javascript:alert(1)"));
  g_assert_false(value_web_url("ftp://example.org"));
  g_assert_false(value_web_url("https://"));
  g_assert_true(value_dangerous_scheme(" JavaScript:alert(1)"));
  g_assert_false(value_dangerous_scheme("demo entry"));
  RlColour c;
  g_assert_true(value_colour("#1A1a1a", &c));
  g_assert_false(value_colour("#12345", &c));
  g_assert_cmpfloat_with_epsilon(value_contrast((RlColour){0, 0, 0}, (RlColour){1, 1, 1}), 21, 1e-9);
  g_assert_true(value_id("jette-cafe-2"));
  g_assert_false(value_id("Jette_cafe"));
  g_assert_false(value_id("-x"));
  g_assert_true(value_nis("21000"));
  g_assert_false(value_nis("2100"));
  g_assert_cmpuint(value_word_count("  one two\nthree "), ==, 3);
  double n;
  g_assert_false(value_number("0x10", &n));
  g_assert_false(value_number("nan", &n));
  g_assert_true(value_number("-1.5", &n));
}

static void test_suggest(void)
{
  Suggest s;
  suggest_init(&s, "adress");
  suggest_add(&s, "city");
  suggest_add(&s, "address");
  g_autofree char *h = suggest_hint(&s);
  g_assert_cmpstr(h, ==, " (did you mean 'address'?)");
  suggest_init(&s, "xyz");
  suggest_add(&s, "city");
  g_autofree char *none = suggest_hint(&s);
  g_assert_cmpstr(none, ==, "");
}

static void test_layout_defaults_meet_floors(void)
{
  for (int i = 0; layout_kinds[i]; i++) {
    RlLayout l = {0};
    g_assert_true(layout_defaults(layout_kinds[i], &l));
    const RlLayoutFloors *f = layout_floors(layout_kinds[i]);
    g_assert_cmpfloat(l.body_pt, >=, f->body_pt);
    g_assert_cmpfloat(l.small_pt, >=, f->floor_pt);
    g_assert_cmpfloat(l.line_height, >=, f->line_height);
    g_assert_cmpfloat(value_contrast(l.ink, l.paper), >=, f->contrast);
    g_assert_cmpfloat(value_contrast(l.accent_ink, l.accent), >=, f->contrast);
    g_free(l.name);
    g_free(l.font);
    g_free(l.heading_font);
  }
  RlLayout l = {0};
  g_assert_false(layout_defaults("leaflet", &l));
}

/* ---- the loader ---------------------------------------------------------------------- */

static void test_load_data_min(void)
{
  g_autofree char *dir = g_build_filename(g_getenv("SRCDIR"), "tests", "data-min", NULL);
  RlModel *m = NULL;
  g_autofree char *e = load_dir(dir, &m);
  g_assert_cmpstr(e, ==, "");
  g_assert_cmpuint(m->networks->len, ==, 2);
  g_assert_cmpuint(m->groups->len, ==, 3);
  g_assert_cmpuint(m->texts->len, ==, 2);
  g_assert_cmpuint(m->editions->len, ==, 2);
  g_assert_cmpuint(m->resources->len, ==, 1);
  g_assert_cmpuint(m->layouts->len, ==, 5);
  g_assert_true(m->site.sample);
  g_assert_cmpint(m->site.default_language, ==, RL_LANG_FR);
  g_assert_nonnull(m->site.digest);
  /* groups sorted by id, resolved */
  const RlGroup *g = g_ptr_array_index(m->groups, 2);
  g_assert_cmpstr(g->rec.id, ==, "jette-cafe");
  g_assert_cmpint(g->kind, ==, RL_KIND_SPEECH_CIRCLE);
  g_assert_cmpint(g->schedule.frequency, ==, RL_FREQ_MONTHLY);
  g_assert_cmpint(g->schedule.week, ==, 1);
  g_assert_cmpuint(g->schedule.days, ==, 1u << 1);
  g_assert_cmpint(g->schedule.start_min, ==, 14 * 60);
  g_assert_cmpint(g->schedule.end_min, ==, 16 * 60);
  g_assert_cmpstr(g->place.city, ==, "Jette");
  g_assert_cmpstr(g->place.postcode, ==, "1090");
  g_assert_true(g->place.has_coords);
  g_assert_cmpfloat_with_epsilon(g->place.lat, 50.877, 1e-9);
  g_assert_cmpstr(g->network->rec.id, ==, "brumenta");
  g_assert_cmpstr(text_get(&g->name, RL_LANG_NL, RL_LANG_FR), ==, "Praatcafé (voorbeeld)");
  g_assert_cmpstr(text_get(&g->name, RL_LANG_DE, RL_LANG_FR), ==, "Café papote (exemple)");
  g_assert_cmpstr(g->contact.phone, ==, "02 000 00 01");
  g_assert_cmpstr(g->rec.pos.file + strlen(dir), ==, "/groups/jette-cafe.yaml");
  g_assert_cmpint(g->rec.pos.line, ==, 1);
  g_assert_cmpuint(strlen(g->rec.digest), ==, 64);
  g_assert_true(g_date_valid(&g->rec.checked));
  const RlGroup *ix = model_group(m, "ixelles-english");
  g_assert_cmpuint(ix->schedule.days, ==, (1u << 0) | (1u << 3));
  g_assert_true(ix->online);
  g_assert_true(ix->in_person);
  g_assert_cmpstr(text_get(&ix->name, RL_LANG_FR, RL_LANG_FR), ==, "Newcomers' circle (example)");
  /* texts ordered by order */
  const RlEditorial *t0 = g_ptr_array_index(m->texts, 0);
  g_assert_cmpstr(t0->rec.id, ==, "welcome");
  g_assert_cmpint(t0->order, ==, 10);
  /* editions resolved */
  const RlEdition *ed = g_ptr_array_index(m->editions, 1);
  g_assert_cmpstr(ed->rec.id, ==, "ostbelgien");
  g_assert_cmpuint(ed->networks->len, ==, 1);
  g_assert_true(g_ptr_array_index(ed->networks, 0) == model_network(m, "ostbelgien"));
  g_assert_cmpuint(ed->languages, ==, (1u << RL_LANG_DE) | (1u << RL_LANG_FR));
  /* the map */
  g_assert_nonnull(m->map);
  g_assert_cmpstr(m->map->id_pattern, ==, "nis-{code}");
  g_assert_cmpuint(m->map->codes->len, ==, 3);
  g_assert_cmpint(m->map->projection, ==, RL_PROJ_AFFINE);
  g_assert_cmpfloat(m->map->proj[5], ==, 5160);
  g_assert_true(g_str_has_suffix(m->map->svg_path, "maps/mini.svg"));
  /* layouts: built-in */
  const RlLayout *guide = model_layout(m, "guide");
  g_assert_cmpfloat(guide->body_pt, ==, 18);
  g_assert_null(guide->pos.file);
  g_assert_cmpuint(strlen(guide->digest), ==, 64);
  model_free(m);
}

static void test_load_errors_in_one_run(void)
{
  g_autofree char *dir = make_data(
    "site.yaml", min_site, "networks.yaml", min_networks,
    "groups/a.yaml",
    "id: a\n"
    "name: A\n"
    "kind: suport\n"
    "schedule: {days: monday, time: \"25:61\"}\n"
    "place: {adress: x, city: Jette}\n"
    "contact: {phone: \"12\", website: \"javascript:alert(1)\"}\n"
    "network: brumnta\n"
    "checked: 2026-02-30\n",
    NULL);
  g_autofree char *e = load_dir(dir, NULL);
  g_assert_cmpstr(e, ==,
    "DATA/groups/a.yaml:3:7: error: unknown kind 'suport' (use support, therapy or speech-circle)\n"
    "DATA/groups/a.yaml:4:18: error: expected a list for 'days', found a string\n"
    "DATA/groups/a.yaml:4:32: error: invalid time '25:61' (use HH:MM or HH:MM-HH:MM, 24-hour clock, end after start)\n"
    "DATA/groups/a.yaml:5:9: error: unknown key 'adress' in 'place' (did you mean 'address'?)\n"
    "DATA/groups/a.yaml:6:18: error: invalid phone number '12' for 'phone' (8 to 15 digits; only digits, spaces and + / . ( ) -)\n"
    "DATA/groups/a.yaml:6:33: error: invalid web address 'javascript:alert(1)' for 'website' (use a full http:// or https:// address)\n"
    "DATA/groups/a.yaml:7:10: error: unknown network 'brumnta' (did you mean 'brumenta'?)\n"
    "DATA/groups/a.yaml:8:10: error: invalid date '2026-02-30' for 'checked' (use YYYY-MM-DD, a real calendar date)\n");
  remove_tree(dir);
}

static void test_load_duplicate_ids(void)
{
  const char *grp = "id: same\nname: A\nkind: support\nschedule: {days: [monday], time: \"10:00\"}\n"
                    "place: {city: Jette}\ncontact: {phone: 02 000 00 01}\nnetwork: brumenta\n";
  g_autofree char *dir = make_data("site.yaml", min_site, "networks.yaml", min_networks,
                                   "groups/a.yaml", grp, "groups/b.yaml", grp, NULL);
  g_autofree char *e = load_dir(dir, NULL);
  g_assert_cmpstr(e, ==,
                  "DATA/groups/b.yaml:1:5: error: duplicate group id 'same' (also at DATA/groups/a.yaml:1:5)\n");
  remove_tree(dir);
}

static void test_load_warnings(void)
{
  g_autofree char *dir = make_data(
    "site.yaml",
    "organisation: Test\nlanguages: [fr, nl]\n"
    "editions: [{id: bxl, name: Bruxelles, networks: [brumenta]}]\n",
    "networks.yaml",
    "networks:\n"
    "  - id: brumenta\n"
    "    name: Brumenta\n"
    "    region: brussels\n"
    "    description: {fr: Réseau}\n"
    "    checked: 2024-01-05\n",
    NULL);
  g_autofree char *e = load_dir(dir, NULL);
  g_assert_cmpstr(e, ==,
                  "DATA/networks.yaml:5:18: warning: no 'nl' text for 'description'; the 'fr' text is used\n"
                  "DATA/networks.yaml:6:14: warning: checked 2024-01-05, over a year ago\n");
  remove_tree(dir);
}

static void test_load_paths(void)
{
  g_autofree char *outside = make_data("secret.yaml", "svg: x\n", NULL);
  g_autofree char *dir = make_data("site.yaml",
                                   "organisation: T\nlanguages: [fr]\nmap: maps/link.yaml\nlogo: ../x.svg\n",
                                   "networks.yaml", "networks: []\n", NULL);
  g_autofree char *maps = g_build_filename(dir, "maps", NULL);
  g_mkdir(maps, 0755);
  g_autofree char *link = g_build_filename(maps, "link.yaml", NULL);
  g_autofree char *target = g_build_filename(outside, "secret.yaml", NULL);
  g_assert_cmpint(symlink(target, link), ==, 0);
  g_autofree char *e = load_dir(dir, NULL);
  g_assert_cmpstr(e, ==,
                  "DATA/site.yaml:3:6: error: cannot use 'maps/link.yaml' for 'map': it leads outside the data folder\n"
                  "DATA/site.yaml:4:7: error: cannot use '../x.svg' for 'logo': '..' is not allowed\n");
  remove_tree(dir);
  remove_tree(outside);
}

static void test_load_layout_floors(void)
{
  g_autofree char *dir = make_data(
    "site.yaml", min_site, "networks.yaml", min_networks,
    "layouts/guide.yaml",
    "type: {body: 14, line_height: 1.1}\n"
    "colours: {ink: \"#777777\"}\n"
    "margins: 25\n",
    "layouts/gide.yaml", "measure: 60\n",
    NULL);
  RlModel *m = NULL;
  g_autofree char *e = load_dir(dir, &m);
  g_assert_cmpstr(e, ==,
                  "DATA/layouts/gide.yaml: error: unknown layout 'gide' (did you mean 'guide'?); the layouts are guide, booklet, flyer, poster and kiosk\n"
                  "DATA/layouts/guide.yaml:1:14: error: 'body' 14 pt is under the floor of 16 pt\n"
                  "DATA/layouts/guide.yaml:1:31: error: 'line_height' 1.1 is under the floor of 1.25\n"
                  "DATA/layouts/guide.yaml:2:16: error: contrast of 'ink' on 'paper' is 4.5:1, under the floor of 7:1\n");
  const RlLayout *g = model_layout(m, "guide");
  g_assert_cmpfloat(g->margin_mm[2], ==, 25);
  g_assert_cmpfloat(g->page_w_mm, ==, 210);
  g_assert_nonnull(g->pos.file);
  model_free(m);
  remove_tree(dir);
}

static void test_load_map_table(void)
{
  g_autofree char *dir = make_data(
    "site.yaml", "organisation: T\nlanguages: [fr]\nmap: maps/trio.yaml\n",
    "networks.yaml", "networks:\n  - {id: n, name: N, region: wallonia, coverage: [BE-WAL, BE-BRX]}\n",
    "maps/trio.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
    "maps/trio.yaml",
    "svg: trio.svg\n"
    "ids:\n  table: {BE-WAL: region-wal, BE-BRU: region-bru, BE-VLG: region-vlg}\n"
    "projection: {type: lcc, lon0: 4.36, lat0: 50.5, lat1: 49.8, lat2: 51.2, scale: 0.001, x0: 1}\n",
    NULL);
  RlModel *m = NULL;
  g_autofree char *e = load_dir(dir, &m);
  g_assert_cmpstr(e, ==,
                  "DATA/maps/trio.yaml:4:13: error: missing required key 'y0' in 'projection'\n"
                  "DATA/networks.yaml:2:59: error: unknown region code 'BE-BRX': the map has no such code (did you mean 'BE-BRU'?)\n");
  g_assert_cmpuint(m->map->codes->len, ==, 3);
  g_assert_cmpstr(g_ptr_array_index(m->map->codes, 0), ==, "BE-BRU");
  g_assert_cmpstr(g_hash_table_lookup(m->map->id_table, "BE-VLG"), ==, "region-vlg");
  g_assert_cmpint(m->map->projection, ==, RL_PROJ_LCC);
  g_assert_cmpfloat(m->map->proj[4], ==, 0.001);
  g_assert_nonnull(m->map->digest);
  model_free(m);
  remove_tree(dir);
}

static void test_load_folders(void)
{
  /* DATA/layouts wins over DATA/../layouts; a .yml file is named, not read */
  g_autofree char *dir = make_data(
    "data/site.yaml", min_site, "data/networks.yaml", min_networks,
    "data/groups/x.yml", "id: x\n",
    "data/layouts/guide.yaml", "measure: 55\n",
    "layouts/guide.yaml", "measure: 60\n", NULL);
  g_autofree char *data = g_build_filename(dir, "data", NULL);
  RlModel *m = NULL;
  g_autofree char *e = load_dir(data, &m);
  g_assert_cmpstr(e, ==, "DATA/groups/x.yml: warning: ignored: only files ending in .yaml are read\n");
  g_assert_cmpint(model_layout(m, "guide")->measure_max, ==, 55);
  model_free(m);
  g_autofree char *inside = g_build_filename(data, "layouts", "guide.yaml", NULL);
  g_unlink(inside);
  g_autofree char *inside_dir = g_build_filename(data, "layouts", NULL);
  g_rmdir(inside_dir);
  g_free(load_dir(data, &m));
  g_assert_cmpint(model_layout(m, "guide")->measure_max, ==, 60);
  g_assert_true(g_str_has_suffix(model_layout(m, "guide")->pos.file, "/layouts/guide.yaml"));
  model_free(m);
  remove_tree(dir);
}

static void test_load_site_rules(void)
{
  g_autofree char *dir = make_data(
    "site.yaml",
    "organisation: T\nlanguages: [fr, nl]\ndefault_language: de\n"
    "editions: [{id: e, name: E, networks: [brumenta], languages: [fr, en]}]\n"
    "colour: blue\n",
    "networks.yaml", "netwerks: []\n", NULL);
  g_autofree char *e = load_dir(dir, NULL);
  g_assert_cmpstr(e, ==,
                  "DATA/networks.yaml:1:1: error: unknown key 'netwerks' in 'networks.yaml' (did you mean 'networks'?)\n"
                  "DATA/site.yaml:3:19: error: default language 'de' is not one of the site's 'languages'\n"
                  "DATA/site.yaml:4:12: error: edition 'e' is in 'en', which is not one of the site's languages\n"
                  "DATA/site.yaml:4:40: error: unknown network 'brumenta'\n"
                  "DATA/site.yaml:5:1: error: unknown key 'colour' in 'site'\n");
  remove_tree(dir);
}

static void test_load_coordinates_swapped(void)
{
  g_autofree char *dir = make_data(
    "site.yaml", min_site, "networks.yaml", min_networks,
    "groups/a.yaml",
    "id: a\nname: A\nkind: support\nschedule: {days: [monday], time: \"10:00\"}\n"
    "place: {city: Jette, coordinates: [4.328, 50.877]}\ncontact: {phone: 02 000 00 01}\n"
    "network: brumenta\n",
    NULL);
  g_autofree char *e = load_dir(dir, NULL);
  g_assert_cmpstr(e, ==,
                  "DATA/groups/a.yaml:5:35: warning: coordinates [4.328, 50.877] are outside Belgium (latitude first, then longitude)\n");
  remove_tree(dir);
}

/* A group's spoken languages go beyond the site's; unknown codes are positioned errors
 * listing the known ones; when absent, nothing is invented. */
static void test_load_spoken_languages(void)
{
  const char *body = "name: A\nkind: support\nschedule: {days: [monday], time: \"10:00\"}\n"
                     "place: {city: Jette}\ncontact: {phone: 02 000 00 01}\nnetwork: brumenta\n";
  g_autofree char *a = g_strdup_printf("id: a\nlanguages: [ar, tr]\n%s", body);
  g_autofree char *b = g_strdup_printf("id: b\n%s", body);
  g_autofree char *c = g_strdup_printf("id: c\nlanguages: [fr, xx, [ar]]\n%s", body);
  g_autofree char *dir = make_data("site.yaml", min_site, "networks.yaml", min_networks,
                                   "groups/a.yaml", a, "groups/b.yaml", b, "groups/c.yaml", c, NULL);
  RlModel *m = NULL;
  g_autofree char *e = load_dir(dir, &m);
  g_assert_cmpstr(e, ==,
                  "DATA/groups/c.yaml:2:17: error: unknown language 'xx' in 'languages' (use fr, nl, de, en, ar, tr, es, it, pt, pl, ro, ru or uk)\n"
                  "DATA/groups/c.yaml:2:21: error: expected a language code for 'languages', found a list\n");
  const RlGroup *ga = model_group(m, "a"), *gb = model_group(m, "b"), *gc = model_group(m, "c");
  int ar = -1, tr = -1;
  g_assert_true(spoken_parse("ar", &ar) && spoken_parse("tr", &tr));
  g_assert_cmpuint(ga->spoken, ==, (1u << ar) | (1u << tr));
  g_assert_cmpuint(gb->spoken, ==, 0);
  g_assert_cmpuint(gc->spoken, ==, 1u << RL_LANG_FR);
  g_autofree char *fr = spoken_names(ga->spoken, RL_LANG_FR);
  g_autofree char *nl = spoken_names(ga->spoken, RL_LANG_NL);
  g_assert_cmpstr(fr, ==, "arabe, turc");
  g_assert_cmpstr(nl, ==, "Arabisch, Turks");
  g_assert_cmpstr(spoken_name(RL_LANG_NL, RL_LANG_DE), ==, "Niederländisch");
  g_assert_false(spoken_parse("ber", &ar));
  model_free(m);
  remove_tree(dir);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/yamldoc/tree", test_yamldoc_tree);
  g_test_add_func("/yamldoc/syntax-error", test_yamldoc_syntax_error);
  g_test_add_func("/yamldoc/encoding", test_yamldoc_encoding);
  g_test_add_func("/yamldoc/duplicate-key", test_yamldoc_duplicate_key);
  g_test_add_func("/yamldoc/limits", test_yamldoc_limits);
  g_test_add_func("/yamldoc/aliases", test_yamldoc_aliases);
  g_test_add_func("/yamldoc/digest", test_yamldoc_digest);
  g_test_add_func("/value/all", test_values);
  g_test_add_func("/suggest/hint", test_suggest);
  g_test_add_func("/layout/defaults-meet-floors", test_layout_defaults_meet_floors);
  g_test_add_func("/load/data-min", test_load_data_min);
  g_test_add_func("/load/errors-in-one-run", test_load_errors_in_one_run);
  g_test_add_func("/load/duplicate-ids", test_load_duplicate_ids);
  g_test_add_func("/load/warnings", test_load_warnings);
  g_test_add_func("/load/paths", test_load_paths);
  g_test_add_func("/load/layout-floors", test_load_layout_floors);
  g_test_add_func("/load/map-table", test_load_map_table);
  g_test_add_func("/load/folders", test_load_folders);
  g_test_add_func("/load/site-rules", test_load_site_rules);
  g_test_add_func("/load/coordinates-swapped", test_load_coordinates_swapped);
  g_test_add_func("/load/spoken-languages", test_load_spoken_languages);
  return g_test_run();
}
