/* test-kiosk.c - the kiosk renderer: reading time, screen numbers, the bundle it writes
 * (slides.js parsed back with json-glib), reproducibility, findings. */
#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "layout/fonts.h"
#include "model/check.h"
#include "model/load.h"
#include "render/kiosk_deck.h"
#include "render/kiosk_draw.h"
#include "render/kiosk_item.h"
#include "render/render.h"
#include "render/strings.h"

static char *src_path(const char *rel)
{
  const char *src = g_getenv("SRCDIR");
  return g_build_filename(src ? src : "..", rel, NULL);
}

/* Loads a test data folder (layouts: NULL = built-in, or a folder under tests/). */
static RlModel *load(const char *data, const char *layouts, DiagList *dl)
{
  g_autofree char *dir = src_path(data);
  g_autofree char *lay = layouts ? src_path(layouts) : NULL;
  RlModel *m = load_model(dir, lay, dl);
  g_assert_false(diag_has_errors(dl));
  GDate today;
  g_date_clear(&today, 1);
  g_date_set_dmy(&today, 1, 12, 2026);
  check_model(m, &today, dl);
  g_assert_false(diag_has_errors(dl));
  return m;
}

/* Renders the kiosk of m into a new temporary folder; returns its path. */
static char *render_bundle(const RlModel *m, DiagList *dl)
{
  const RlRenderer *r = render_find("kiosk");
  g_assert_nonnull(r);
  g_assert_true(r->is_dir);
  RlRenderOptions opt = {0};
  RlRenderEnv env = {.opt = &opt, .diags = dl};
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func(job_free);
  r->plan(m, &opt, jobs);
  g_assert_cmpuint(jobs->len, ==, 1);
  RlJob *job = g_ptr_array_index(jobs, 0);
  g_assert_cmpstr(job->out, ==, "kiosk");
  g_assert_cmpuint(job->inputs->len, >, m->groups->len);
  g_autoptr(GError) err = NULL;
  char *dir = g_dir_make_tmp("test-kiosk-XXXXXX", &err);
  g_assert_no_error(err);
  g_autofree char *thumb = g_build_filename(dir, "thumb.png", NULL);
  g_assert_true(r->render(job, m, &env, dir, thumb, &err));
  g_assert_no_error(err);
  g_free(env.note);
  return dir;
}

static char *read_in(const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename(dir, name, NULL);
  char *text = NULL;
  g_autoptr(GError) err = NULL;
  g_file_get_contents(path, &text, NULL, &err);
  g_assert_no_error(err);
  return text;
}

/* slides.js is "window.RELAIS_SLIDES = {json};\n": the JSON parsed back. */
static JsonNode *read_slides(const char *dir)
{
  g_autofree char *js = read_in(dir, "slides.js");
  const char *prefix = "window.RELAIS_SLIDES = ";
  g_assert_true(g_str_has_prefix(js, prefix));
  g_assert_true(g_str_has_suffix(js, ";\n"));
  js[strlen(js) - 2] = '\0';
  g_autoptr(GError) err = NULL;
  JsonNode *root = json_from_string(js + strlen(prefix), &err);
  g_assert_no_error(err);
  return root;
}

static void rm_rf(const char *dir)
{
  g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", dir);
  g_assert_cmpint(system(cmd), ==, 0);
}

static void test_seconds(void)
{
  g_assert_cmpfloat(kiosk_seconds(0), ==, KIOSK_MIN_SECONDS);
  g_assert_cmpfloat(kiosk_seconds(7), ==, KIOSK_MIN_SECONDS);  /* 4 s + 5.46 s, raised to 10 */
  g_assert_cmpfloat_with_epsilon(kiosk_seconds(8), 10.24, 1e-9);
  g_assert_cmpfloat_with_epsilon(kiosk_seconds(20), 19.6, 1e-9); /* 4 s + 1.3 × 12 s */
  g_assert_cmpfloat_with_epsilon(kiosk_seconds(40), 35.2, 1e-9);
  g_assert_cmpfloat(kiosk_seconds(500), ==, KIOSK_MAX_SECONDS);
}

static void test_canvas(void)
{
  DiagList *dl = diag_list_new();
  RlModel *m = load("tests/data-kiosk", NULL, dl);
  g_autoptr(GError) err = NULL;
  RlFonts *fonts = fonts_new(NULL, &err);
  g_assert_no_error(err);
  const RlLayout *lay = model_layout(m, "kiosk");
  KioskCanvas cv;
  g_assert_true(kiosk_canvas_init(&cv, m, lay, fonts, NULL, m->site.languages, &err));
  g_assert_cmpint(cv.px_w, ==, 1920);
  g_assert_cmpint(cv.px_h, ==, 1080);
  g_assert_cmpfloat_with_epsilon(cv.target_px, 20 * 1920 / 1210.0, 1e-9);
  g_assert_cmpfloat_with_epsilon(cv.gap_px, 5 * 1920 / 1210.0, 1e-9);
  g_assert_cmpfloat(cv.xheight_mm, >=, 10.47); /* 0.6° at 1 m */
  g_assert_cmpfloat(cv.bar_px, >=, cv.target_px + 2 * cv.gap_px);
  g_assert_cmpfloat(cv.bar_px, <, 0.15 * cv.px_h); /* one row of controls in landscape */
  RlLayout bad = *lay;
  bad.screen_w_mm = 0;
  g_assert_false(kiosk_canvas_init(&cv, m, &bad, fonts, NULL, m->site.languages, &err));
  g_assert_nonnull(strstr(err->message, "not usable"));
  fonts_free(fonts);
  model_free(m);
  diag_list_free(dl);
}

/* Touch targets other than map areas (markers, legend rows) keep `gap` pixels of dead
 * space between them (kiosk.md: 5 mm), counted between their square boxes. */
static void check_spacing(JsonArray *r, double gap)
{
  for (guint i = 0; i < json_array_get_length(r); i++)
    for (guint j = 0; j < i; j++) {
      JsonObject *a = json_array_get_object_element(r, i), *b = json_array_get_object_element(r, j);
      if (g_strcmp0(json_object_get_string_member(a, "kind"), "area") == 0 ||
          g_strcmp0(json_object_get_string_member(b, "kind"), "area") == 0)
        continue;
      JsonArray *p = json_object_get_array_member(a, "bbox"), *q = json_object_get_array_member(b, "bbox");
      double ax = json_array_get_int_element(p, 0), ay = json_array_get_int_element(p, 1);
      double aw = json_array_get_int_element(p, 2), ah = json_array_get_int_element(p, 3);
      double bx = json_array_get_int_element(q, 0), by = json_array_get_int_element(q, 1);
      double bw = json_array_get_int_element(q, 2), bh = json_array_get_int_element(q, 3);
      double space = MAX(MAX(bx - (ax + aw), ax - (bx + bw)), MAX(by - (ay + ah), ay - (by + bh)));
      if (space < gap - 1)
        g_error("targets %s (%s) and %s (%s) are %.0f px apart, at least %.0f wanted",
                json_object_get_string_member(a, "label"), json_object_get_string_member(a, "kind"),
                json_object_get_string_member(b, "label"), json_object_get_string_member(b, "kind"),
                space, gap);
    }
}

/* Every slide of every language: its PNG exists at the screen size, the same ids in every
 * language, times within bounds, touch targets on the slide, large enough and apart. */
static void check_slides(const char *dir, JsonObject *o, int w, int h)
{
  JsonObject *slides = json_object_get_object_member(o, "slides");
  JsonObject *layout = json_object_get_object_member(o, "layout");
  double target = json_object_get_double_member(layout, "target_px");
  double gap = json_object_get_double_member(layout, "gap_px");
  JsonArray *first = NULL;
  g_autoptr(GList) langs = json_object_get_members(slides);
  g_assert_cmpuint(g_list_length(langs), ==, 4);
  for (GList *l = langs; l; l = l->next) {
    JsonArray *a = json_object_get_array_member(slides, l->data);
    if (!first)
      first = a;
    g_assert_cmpuint(json_array_get_length(a), ==, json_array_get_length(first));
    for (guint i = 0; i < json_array_get_length(a); i++) {
      JsonObject *s = json_array_get_object_element(a, i);
      g_assert_cmpstr(json_object_get_string_member(s, "id"), ==,
                      json_object_get_string_member(json_array_get_object_element(first, i), "id"));
      double sec = json_object_get_double_member(s, "seconds");
      g_assert_cmpfloat(sec, >=, KIOSK_MIN_SECONDS);
      g_assert_cmpfloat(sec, <=, KIOSK_MAX_SECONDS);
      g_autofree char *png = g_build_filename(dir, json_object_get_string_member(s, "png"), NULL);
      cairo_surface_t *img = cairo_image_surface_create_from_png(png);
      g_assert_cmpint(cairo_surface_status(img), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint(cairo_image_surface_get_width(img), ==, w);
      g_assert_cmpint(cairo_image_surface_get_height(img), ==, h);
      cairo_surface_destroy(img);
      if (!json_object_has_member(s, "regions"))
        continue;
      JsonArray *r = json_object_get_array_member(s, "regions");
      for (guint k = 0; k < json_array_get_length(r); k++) {
        JsonObject *t = json_array_get_object_element(r, k);
        JsonArray *b = json_object_get_array_member(t, "bbox");
        double x = json_array_get_int_element(b, 0), y = json_array_get_int_element(b, 1);
        double bw = json_array_get_int_element(b, 2), bh = json_array_get_int_element(b, 3);
        g_assert_true(x >= 0 && y >= 0 && x + bw <= w && y + bh <= h);
        if (g_strcmp0(json_object_get_string_member(t, "kind"), "area") != 0)
          g_assert_cmpfloat(MIN(bw, bh), >=, target - 1);
      }
      check_spacing(r, gap);
    }
  }
}

static void test_bundle(void)
{
  DiagList *dl = diag_list_new();
  RlModel *m = load("tests/data-kiosk", NULL, dl);
  g_autofree char *dir = render_bundle(m, dl);
  g_assert_false(diag_has_errors(dl));
  const char *files[] = {"index.html", "player.js", "player.css", "version.js", "thumb.png"};
  for (size_t i = 0; i < G_N_ELEMENTS(files); i++) {
    g_autofree char *p = g_build_filename(dir, files[i], NULL);
    g_assert_true(g_file_test(p, G_FILE_TEST_IS_REGULAR));
  }
  g_autofree char *html = read_in(dir, "index.html");
  g_assert_nonnull(strstr(html, "default-src 'none'; script-src 'self'"));
  g_assert_null(strstr(html, "unsafe-inline"));
  g_autoptr(JsonNode) root = read_slides(dir);
  JsonObject *o = json_node_get_object(root);
  g_assert_cmpstr(json_object_get_string_member(o, "default_language"), ==, "fr");
  check_slides(dir, o, 1920, 1080);
  /* The hostile name arrives exactly as written: json-glib escaped it, not us. */
  JsonArray *en = json_object_get_array_member(json_object_get_object_member(o, "slides"), "en");
  bool found = false;
  for (guint i = 0; i < json_array_get_length(en); i++) {
    const char *text = json_object_get_string_member(json_array_get_object_element(en, i), "text");
    found |= strstr(text, "<img src=x onerror=alert(1)> \u2028\u2029 \"quoted\" \\ back") != NULL;
  }
  g_assert_true(found);
  /* "</script>" stays as it is: slides.js is a file of its own, never inlined in HTML;
   * the browser test loads this very bundle and checks the name shows as text. */
  rm_rf(dir);
  model_free(m);
  diag_list_free(dl);
}

static void test_portrait(void)
{
  DiagList *dl = diag_list_new();
  RlModel *m = load("tests/data-kiosk", "tests/kiosk/layouts-portrait", dl);
  g_autofree char *dir = render_bundle(m, dl);
  g_assert_false(diag_has_errors(dl));
  g_autoptr(JsonNode) root = read_slides(dir);
  JsonObject *o = json_node_get_object(root);
  check_slides(dir, o, 1080, 1920);
  JsonObject *layout = json_object_get_object_member(o, "layout");
  g_assert_cmpfloat_with_epsilon(json_object_get_double_member(layout, "target_px"),
                                 20 * 1080 / 535.0, 1e-9);
  rm_rf(dir);
  model_free(m);
  diag_list_free(dl);
}

/* Same data, same bytes: version.js is a checksum of everything else. */
static void test_reproducible(void)
{
  DiagList *dl = diag_list_new();
  RlModel *m = load("tests/data-kiosk", NULL, dl);
  g_autofree char *a = render_bundle(m, dl);
  g_autofree char *b = render_bundle(m, dl);
  g_autofree char *va = read_in(a, "version.js"), *vb = read_in(b, "version.js");
  g_assert_cmpstr(va, ==, vb);
  g_assert_cmpuint(strlen(va), ==, strlen("window.RELAIS_VERSION = \"\";\n") + 64);
  /* A changed word gives a new version. */
  RlEditorial *t = g_ptr_array_index(m->texts, 0);
  g_free(t->summary.v[RL_LANG_FR]);
  t->summary.v[RL_LANG_FR] = g_strdup("Un autre résumé.");
  g_autofree char *c = render_bundle(m, dl);
  g_autofree char *vc = read_in(c, "version.js");
  g_assert_cmpstr(va, !=, vc);
  rm_rf(a), rm_rf(b), rm_rf(c);
  model_free(m);
  diag_list_free(dl);
}

/* Two networks covering the same area (Ostbelgien given Brussels, on the test map): their
 * markers would sit on top of each other; they are pushed 5 mm apart. */
static void test_markers_apart(void)
{
  DiagList *dl = diag_list_new();
  RlModel *m = load("tests/data-kiosk", NULL, dl);
  for (guint i = 0; i < m->networks->len; i++) {
    RlNetwork *n = g_ptr_array_index(m->networks, i);
    if (g_strcmp0(n->rec.id, "ostbelgien") != 0)
      continue;
    g_ptr_array_set_size(n->coverage, 0);
    g_ptr_array_add(n->coverage, g_strdup("21000"));
  }
  g_autofree char *dir = render_bundle(m, dl);
  g_autoptr(JsonNode) root = read_slides(dir);
  JsonObject *o = json_node_get_object(root);
  check_slides(dir, o, 1920, 1080);
  /* both markers are there (check_slides found them apart) */
  JsonArray *fr = json_object_get_array_member(json_object_get_object_member(o, "slides"), "fr");
  guint markers = 0;
  for (guint i = 0; i < json_array_get_length(fr); i++) {
    JsonObject *s = json_array_get_object_element(fr, i);
    if (!json_object_has_member(s, "regions"))
      continue;
    JsonArray *r = json_object_get_array_member(s, "regions");
    for (guint k = 0; k < json_array_get_length(r); k++)
      markers += g_strcmp0(json_object_get_string_member(json_array_get_object_element(r, k), "kind"), "marker") == 0;
  }
  g_assert_cmpuint(markers, ==, 2);
  rm_rf(dir);
  model_free(m);
  diag_list_free(dl);
}

/* A group slide names the kind of group exactly as the guide and the flyer do (one
 * table, strings.c): a reader who saw "Praatgroep" on a flyer finds it on the screen. */
static void test_same_words(void)
{
  DiagList *dl = diag_list_new();
  RlModel *m = load("tests/data-kiosk", NULL, dl);
  guint groups = 0;
  for (int l = 0; l < RL_LANG_N; l++) {
    g_autoptr(GPtrArray) deck = kiosk_deck_new(m, (RlLang)l);
    for (guint i = 0; i < deck->len; i++) {
      const KioskSlide *s = g_ptr_array_index(deck, i);
      if (s->kind != KIOSK_GROUP)
        continue;
      const RlGroup *g = NULL;
      for (guint k = 0; k < m->groups->len && !g; k++) {
        const RlGroup *c = g_ptr_array_index(m->groups, k);
        g_autofree char *id = g_strdup_printf("group-%s", c->rec.id);
        if (strcmp(id, s->id) == 0)
          g = c;
      }
      g_assert_nonnull(g);
      g_autofree char *want = strings_kind_line(g, (RlLang)l);
      g_assert_cmpstr(g_array_index(s->lines, KioskLine, 0).text, ==, want);
      groups++;
    }
  }
  g_assert_cmpuint(groups, >, 0);
  model_free(m);
  diag_list_free(dl);
}

/* A summary over 40 words is a warning at the text's position. */
static void test_too_many_words(void)
{
  DiagList *dl = diag_list_new();
  RlModel *m = load("tests/data-kiosk", NULL, dl);
  RlEditorial *t = g_ptr_array_index(m->texts, 0);
  GString *many = g_string_new(NULL);
  for (int i = 0; i < 45; i++)
    g_string_append(many, i ? " mot" : "Mot");
  g_free(t->summary.v[RL_LANG_FR]);
  t->summary.v[RL_LANG_FR] = g_string_free(many, FALSE);
  guint before = diag_len(dl);
  g_autofree char *dir = render_bundle(m, dl);
  bool found = false;
  for (guint i = before; i < diag_len(dl); i++) {
    g_autofree char *msg = diag_format(diag_at(dl, i));
    if (strstr(msg, "warning: kiosk slide 'text-") && strstr(msg, "(fr) has "))
      found = true;
  }
  g_assert_true(found);
  rm_rf(dir);
  model_free(m);
  diag_list_free(dl);
}

/* The keys of every slide of m in `lang` (a new array of strings). */
static GPtrArray *deck_keys(const RlModel *m, RlFonts *fonts, RlLang lang, const char *fonts_id)
{
  KioskCanvas cv;
  g_autoptr(GError) err = NULL;
  g_assert_true(kiosk_canvas_init(&cv, m, model_layout(m, "kiosk"), fonts, NULL,
                                  m->site.languages, &err));
  KioskKeyBase *base = kiosk_key_base_new(&cv, fonts_id);
  g_autoptr(GPtrArray) deck = kiosk_deck_new(m, lang);
  GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
  for (guint i = 0; i < deck->len; i++) {
    KioskItem *it = kiosk_item_new(base, g_ptr_array_index(deck, i), i);
    g_assert_true(g_str_has_suffix(it->png, ".png"));
    g_assert_true(g_str_has_prefix(it->png, lang == RL_LANG_FR ? "slides/fr/" : "slides/"));
    g_ptr_array_add(keys, g_strdup(it->key));
    kiosk_item_free(it);
  }
  kiosk_key_base_free(base);
  return keys;
}

/* How many keys differ between two decks of the same length. */
static guint keys_changed(GPtrArray *a, GPtrArray *b)
{
  g_assert_cmpuint(a->len, ==, b->len);
  guint n = 0;
  for (guint i = 0; i < a->len; i++)
    n += g_strcmp0(g_ptr_array_index(a, i), g_ptr_array_index(b, i)) != 0;
  return n;
}

/* A slide's key follows what it draws: the same model gives the same keys; a group's
 * words or its record's position change its slide's key only; another language or other
 * fonts change every key. */
static void test_keys(void)
{
  DiagList *dl = diag_list_new();
  RlModel *m = load("tests/data-kiosk", NULL, dl);
  g_autoptr(GError) err = NULL;
  RlFonts *fonts = fonts_new(NULL, &err);
  g_assert_no_error(err);
  g_autoptr(GPtrArray) a = deck_keys(m, fonts, RL_LANG_FR, "f1");
  g_autoptr(GPtrArray) b = deck_keys(m, fonts, RL_LANG_FR, "f1");
  g_assert_cmpuint(keys_changed(a, b), ==, 0);
  g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
  for (guint i = 0; i < a->len; i++)
    g_assert_true(g_hash_table_add(seen, g_ptr_array_index(a, i))); /* all different */
  RlGroup *g = g_ptr_array_index(m->groups, 0);
  g->rec.pos.line += 2;
  g_autoptr(GPtrArray) moved = deck_keys(m, fonts, RL_LANG_FR, "f1");
  g_assert_cmpuint(keys_changed(a, moved), ==, 1);
  g->rec.pos.line -= 2;
  g_free(g->name.v[RL_LANG_FR]);
  g->name.v[RL_LANG_FR] = g_strdup("Un autre nom");
  g_autoptr(GPtrArray) renamed = deck_keys(m, fonts, RL_LANG_FR, "f1");
  g_assert_cmpuint(keys_changed(a, renamed), ==, 1);
  g_autoptr(GPtrArray) refonted = deck_keys(m, fonts, RL_LANG_FR, "f2");
  g_assert_cmpuint(keys_changed(renamed, refonted), ==, renamed->len);
  g_autoptr(GPtrArray) nl = deck_keys(m, fonts, RL_LANG_NL, "f1");
  g_assert_cmpuint(keys_changed(renamed, nl), ==, renamed->len);
  fonts_free(fonts);
  model_free(m);
  diag_list_free(dl);
}

/* Draws slide s of m's deck in `lang` with canvas cv onto a new surface. */
static cairo_surface_t *draw_slide(const KioskCanvas *cv, const KioskSlide *s)
{
  cairo_surface_t *surf = kiosk_surface_new(cv);
  cairo_t *cr = cairo_create(surf);
  bool fits;
  g_autoptr(GError) err = NULL;
  g_assert_true(kiosk_draw(cv, s, cr, NULL, NULL, &fits, &err));
  g_assert_no_error(err);
  cairo_destroy(cr);
  cairo_surface_flush(surf);
  return surf;
}

/* The map slide of m in `lang` (its deck is added to `keep`, which owns it). */
static const KioskSlide *map_slide(const RlModel *m, RlLang lang, GPtrArray *keep)
{
  GPtrArray *deck = kiosk_deck_new(m, lang);
  g_ptr_array_add(keep, deck);
  for (guint i = 0; i < deck->len; i++)
    if (((const KioskSlide *)g_ptr_array_index(deck, i))->kind == KIOSK_MAP)
      return g_ptr_array_index(deck, i);
  g_assert_not_reached();
}

/* The map drawn once through the cache and painted looks as the map drawn in place
 * (anti-aliased edges within 3/255, a few pixels), every language's map slide drawn
 * through the cache paints the very same map, and the map is there at all. */
static void test_map_cache(void)
{
  DiagList *dl = diag_list_new();
  RlModel *m = load("tests/data-kiosk", NULL, dl);
  g_autoptr(GError) err = NULL;
  RlFonts *fonts = fonts_new(NULL, &err);
  RlMap *map = map_load(m->map, &err);
  g_assert_no_error(err);
  KioskCanvas cv;
  g_assert_true(kiosk_canvas_init(&cv, m, model_layout(m, "kiosk"), fonts, map,
                                  m->site.languages, &err));
  g_autoptr(GPtrArray) decks = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
  const KioskSlide *fr = map_slide(m, RL_LANG_FR, decks), *nl = map_slide(m, RL_LANG_NL, decks);
  cairo_surface_t *direct = draw_slide(&cv, fr);
  cv.map_cache = kiosk_map_cache_new();
  cairo_surface_t *first = draw_slide(&cv, fr), *other = draw_slide(&cv, nl);
  cairo_surface_t *again = draw_slide(&cv, fr);
  int stride = cairo_image_surface_get_stride(first), n = 0, worst = 0, mapped = 0;
  g_assert_cmpmem(cairo_image_surface_get_data(first), stride * cv.px_h,
                  cairo_image_surface_get_data(again), stride * cv.px_h);
  const guint8 *a = cairo_image_surface_get_data(direct), *b = cairo_image_surface_get_data(first);
  const guint8 *c = cairo_image_surface_get_data(other);
  guint32 paper = ((const guint32 *)(const void *)b)[cv.px_w - 1] & 0xffffff;
  for (int y = 0; y < cv.px_h; y++)
    for (int x = 0; x < cv.px_w; x++) {
      guint32 p = ((const guint32 *)(const void *)(a + y * stride))[x] & 0xffffff;
      guint32 q = ((const guint32 *)(const void *)(b + y * stride))[x] & 0xffffff;
      guint32 r = ((const guint32 *)(const void *)(c + y * stride))[x] & 0xffffff;
      int d = 0;
      for (int sh = 0; sh < 24; sh += 8)
        d = MAX(d, abs((int)((p >> sh) & 0xff) - (int)((q >> sh) & 0xff)));
      worst = MAX(worst, d);
      n += d > 0;
      bool middle = x > cv.px_w / 4 && x < cv.px_w * 3 / 5 && y > cv.px_h * 2 / 5 &&
                    y < cv.px_h * 3 / 4; /* the map's areas, away from the words */
      mapped += middle && q != paper && q == r; /* drawn, the same in both languages */
    }
  g_assert_cmpint(worst, <=, 3);
  g_assert_cmpint(n, <, cv.px_w * cv.px_h / 100);
  g_assert_cmpint(mapped, >, 10000);
  cairo_surface_destroy(direct), cairo_surface_destroy(first), cairo_surface_destroy(other);
  cairo_surface_destroy(again);
  kiosk_map_cache_free(cv.map_cache);
  map_free(map);
  fonts_free(fonts);
  model_free(m);
  diag_list_free(dl);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/kiosk/seconds", test_seconds);
  g_test_add_func("/kiosk/canvas", test_canvas);
  g_test_add_func("/kiosk/bundle", test_bundle);
  g_test_add_func("/kiosk/portrait", test_portrait);
  g_test_add_func("/kiosk/reproducible", test_reproducible);
  g_test_add_func("/kiosk/too-many-words", test_too_many_words);
  g_test_add_func("/kiosk/keys", test_keys);
  g_test_add_func("/kiosk/markers-apart", test_markers_apart);
  g_test_add_func("/kiosk/same-words", test_same_words);
  g_test_add_func("/kiosk/map-cache", test_map_cache);
  return g_test_run();
}
