/* kiosk.c - the kiosk output: a folder with the player (from the GResource), slides.js,
 * version.js and one PNG per slide and language (docs kiosk.md).
 *
 * Bundle layout (every path relative, so the folder can be moved or swapped whole):
 *   index.html player.js player.css   the player, embedded in relais
 *   slides.js    window.RELAIS_SLIDES = {languages, layout numbers, ui words, slides}
 *   version.js   window.RELAIS_VERSION = "<sha256 over every file above: name, sha256>"
 *   slides/<lang>/<key16>.png   named after what the slide draws (kiosk_item.h)
 *   .slides-cache.json          what the next build needs to reuse slides (kiosk_cache.h)
 *
 * A slide whose key is in the previous bundle is not drawn again (kiosk_cache.h); the
 * others are drawn on up to opt->jobs threads (kiosk_pool.h).
 */
#include "render.h"

#include <cairo.h>
#include <errno.h>
#include <gio/gio.h>
#include <string.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "kiosk-resources.h"
#include "layout/fonts.h"
#include "layout/map.h"
#include "layout/png.h"
#include "layout/preflight.h"
#include "render/kiosk_cache.h"
#include "render/kiosk_deck.h"
#include "render/kiosk_draw.h"
#include "render/kiosk_item.h"
#include "render/kiosk_pool.h"
#include "render/kiosk_words.h"

extern const RlRenderer render_kiosk;

#define RES_PREFIX "/be/relais/kiosk/"
#define THUMB_W 240

/* Files of the player, copied from the GResource into every bundle. */
static const char *const player_files[] = {"index.html", "player.js", "player.css"};

/* What one render keeps while it writes a bundle. */
typedef struct {
  const RlModel *m;
  RlRenderEnv *env;
  const char *dir;
  KioskCanvas cv;
  GChecksum *sum;        /* over every file written: the bundle's version */
  RlLangSet langs;
  RlLang first;          /* default language if in langs, else the first one */
  GPtrArray *decks;      /* GPtrArray* of KioskSlide*, one per language (owned) */
  GPtrArray *items;      /* KioskItem*, language by language in deck order (owned) */
  guint reused;          /* items taken from the previous bundle */
  KioskCache *cache;     /* the previous bundle's (its strings back the reused runs) */
} Bundle;

/* The languages the kiosk is made in: the site's, narrowed by --lang. */
static RlLangSet kiosk_langs(const RlModel *m, const RlRenderOptions *opt)
{
  RlLangSet set = m->site.languages;
  if (opt && opt->languages)
    set &= opt->languages;
  return set;
}

static void kiosk_plan(const RlModel *m, const RlRenderOptions *opt, GPtrArray *jobs)
{
  if (!kiosk_langs(m, opt) || !model_layout(m, "kiosk"))
    return;
  RlJob *job = job_new(&render_kiosk, "kiosk", "Kiosk", m->site.default_language);
  job_add_input(job, m->site.digest);
  job_add_input(job, model_layout(m, "kiosk")->digest);
  if (m->map)
    job_add_input(job, m->map->digest);
  GPtrArray *lists[] = {m->networks, m->groups, m->texts};
  for (size_t l = 0; l < G_N_ELEMENTS(lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      job_add_input(job, ((const RlRecord *)g_ptr_array_index(lists[l], i))->digest);
  g_ptr_array_add(jobs, job);
}

/* Adds a file to the bundle's version: its name and the SHA-256 of its bytes. */
static void sum_file(Bundle *b, const char *name, const char *sha256)
{
  g_checksum_update(b->sum, (const guchar *)name, (gssize)strlen(name) + 1);
  g_checksum_update(b->sum, (const guchar *)sha256, (gssize)strlen(sha256) + 1);
}

/* Writes bytes to DIR/name (atomically) and adds them to the bundle's version. */
static bool put_file(Bundle *b, const char *name, const void *data, gsize len, GError **error)
{
  g_autofree char *path = g_build_filename(b->dir, name, NULL);
  g_autofree char *sha = g_compute_checksum_for_data(G_CHECKSUM_SHA256, data, len);
  sum_file(b, name, sha);
  /* No fsync per file: the pipeline swaps the whole folder once it is complete. */
  return g_file_set_contents_full(path, data, (gssize)len, G_FILE_SET_CONTENTS_NONE, 0644,
                                  error);
}

static bool put_player(Bundle *b, GError **error)
{
  for (size_t i = 0; i < G_N_ELEMENTS(player_files); i++) {
    g_autofree char *res = g_strconcat(RES_PREFIX, player_files[i], NULL);
    g_autoptr(GBytes) bytes = g_resource_lookup_data(kiosk_get_resource(), res, 0, error);
    if (!bytes)
      return false;
    gsize len;
    const void *data = g_bytes_get_data(bytes, &len);
    if (!put_file(b, player_files[i], data, len, error))
      return false;
  }
  return true;
}

static void json_slide(JsonBuilder *jb, const KioskItem *it)
{
  const KioskSlide *s = it->slide;
  g_autofree char *text = kiosk_slide_text(s);
  json_builder_begin_object(jb);
  json_builder_set_member_name(jb, "id");
  json_builder_add_string_value(jb, s->id);
  json_builder_set_member_name(jb, "kind");
  json_builder_add_string_value(jb, kiosk_kind_name(s->kind));
  json_builder_set_member_name(jb, "png");
  json_builder_add_string_value(jb, it->png);
  json_builder_set_member_name(jb, "text");
  json_builder_add_string_value(jb, text);
  json_builder_set_member_name(jb, "seconds");
  json_builder_add_double_value(jb, round(kiosk_seconds(kiosk_slide_words(s)) * 10) / 10);
  if (s->network_id) {
    json_builder_set_member_name(jb, "network");
    json_builder_add_string_value(jb, s->network_id);
  }
  if (it->regions) {
    json_builder_set_member_name(jb, "regions");
    json_builder_add_value(jb, json_node_copy(it->regions));
  }
  json_builder_end_object(jb);
}

/* Reports a slide with too many words, or words that do not fit, at its record. */
static void check_slide(Bundle *b, const KioskSlide *s, bool fits)
{
  int words = kiosk_slide_body_words(s);
  const char *file = s->pos.file ? s->pos.file : "kiosk";
  if (words > KIOSK_MAX_WORDS)
    diag_warning(b->env->diags, file, s->pos.line, s->pos.col,
                 "kiosk slide '%s' (%s) has %d words besides its heading, at most %d are read on a screen",
                 s->id, lang_code(s->lang), words, KIOSK_MAX_WORDS);
  if (!fits)
    diag_error(b->env->diags, file, s->pos.line, s->pos.col,
               "kiosk slide '%s' (%s): the words do not fit the screen even at the floor size",
               s->id, lang_code(s->lang));
}

/* The preflight findings of one slide, added to the build's; true when it has any (its
 * text runs are then kept in the cache, to report them again when it is reused). */
static bool check_runs(Bundle *b, const KioskItem *it)
{
  DiagList *found = diag_list_new();
  preflight_check(it->pf, found);
  guint n = diag_len(found);
  for (guint i = 0; i < n; i++) {
    const Diag *d = diag_at(found, i);
    diag_add(b->env->diags, d->level, d->file, d->line, d->col, "%s", d->message);
  }
  diag_list_free(found);
  return n > 0;
}

/* The slides of one language in slides.js, their findings, their cache records. */
static void put_language(Bundle *b, RlLang lang, JsonBuilder *jb, JsonBuilder *cache)
{
  json_builder_set_member_name(jb, lang_code(lang));
  json_builder_begin_array(jb);
  for (guint i = 0; i < b->items->len; i++) {
    const KioskItem *it = g_ptr_array_index(b->items, i);
    if (it->slide->lang != lang)
      continue;
    json_slide(jb, it);
    sum_file(b, it->png, it->png_sum);
    check_slide(b, it->slide, it->fits);
    kiosk_cache_add(cache, it, check_runs(b, it));
  }
  json_builder_end_array(jb);
}

static void json_member_string(JsonBuilder *jb, const char *name, const char *value)
{
  json_builder_set_member_name(jb, name);
  json_builder_add_string_value(jb, value);
}

static void json_member_double(JsonBuilder *jb, const char *name, double value)
{
  json_builder_set_member_name(jb, name);
  json_builder_add_double_value(jb, value);
}

/* The player's words per language: {fr: {home: …, countdown: "… {s} s …"}, …}. */
static void json_ui(Bundle *b, JsonBuilder *jb)
{
  static const struct {
    const char *key;
    KioskWord word;
  } ui[] = {
    {"home", KW_HOME}, {"previous", KW_PREVIOUS}, {"next", KW_NEXT}, {"play", KW_PLAY},
    {"pause", KW_PAUSE}, {"hint", KW_HINT}, {"countdown", KW_COUNTDOWN},
  };
  json_builder_set_member_name(jb, "ui");
  json_builder_begin_object(jb);
  for (int l = 0; l < RL_LANG_N; l++) {
    if (!RL_LANGSET_HAS(b->langs, l))
      continue;
    json_builder_set_member_name(jb, lang_code((RlLang)l));
    json_builder_begin_object(jb);
    for (size_t k = 0; k < G_N_ELEMENTS(ui); k++)
      json_member_string(jb, ui[k].key, kiosk_word(ui[k].word, (RlLang)l));
    json_builder_end_object(jb);
  }
  json_builder_end_object(jb);
}

/* The numbers the player sizes itself by, all in slide pixels or seconds. */
static void json_layout(Bundle *b, JsonBuilder *jb)
{
  const KioskCanvas *cv = &b->cv;
  json_builder_set_member_name(jb, "layout");
  json_builder_begin_object(jb);
  json_member_double(jb, "width_px", cv->px_w);
  json_member_double(jb, "height_px", cv->px_h);
  json_member_double(jb, "screen_width_mm", cv->lay->screen_w_mm);
  json_member_double(jb, "px_per_mm", cv->px_per_mm);
  json_member_double(jb, "target_mm", cv->lay->target_mm);
  json_member_double(jb, "target_px", cv->target_px);
  json_member_double(jb, "gap_px", cv->gap_px);
  json_member_double(jb, "font_px", cv->ui_font_px);
  json_member_double(jb, "bar_px", cv->bar_px);
  json_member_double(jb, "xheight_mm", cv->xheight_mm);
  json_member_double(jb, "idle_s", cv->lay->idle_s);
  json_member_double(jb, "countdown_s", cv->lay->countdown_s);
  json_builder_end_object(jb);
}

static char *hex_colour(RlColour c)
{
  return g_strdup_printf("#%02x%02x%02x", (int)(c.r * 255 + 0.5), (int)(c.g * 255 + 0.5),
                         (int)(c.b * 255 + 0.5));
}

static void json_colours(Bundle *b, JsonBuilder *jb)
{
  const RlLayout *lay = b->cv.lay;
  const struct {
    const char *name;
    RlColour c;
  } colours[] = {
    {"ink", lay->ink}, {"paper", lay->paper}, {"accent", lay->accent},
    {"accent_ink", lay->accent_ink}, {"highlight", lay->highlight},
  };
  json_builder_set_member_name(jb, "colours");
  json_builder_begin_object(jb);
  for (size_t i = 0; i < G_N_ELEMENTS(colours); i++) {
    g_autofree char *hex = hex_colour(colours[i].c);
    json_member_string(jb, colours[i].name, hex);
  }
  json_builder_end_object(jb);
}

static void json_languages(Bundle *b, JsonBuilder *jb)
{
  json_builder_set_member_name(jb, "languages");
  json_builder_begin_array(jb);
  for (int l = 0; l < RL_LANG_N; l++)
    if (RL_LANGSET_HAS(b->langs, l))
      json_builder_add_string_value(jb, lang_code((RlLang)l));
  json_builder_end_array(jb);
  json_member_string(jb, "default_language", lang_code(b->first));
  json_builder_set_member_name(jb, "language_names");
  json_builder_begin_object(jb);
  for (int l = 0; l < RL_LANG_N; l++)
    if (RL_LANGSET_HAS(b->langs, l))
      json_member_string(jb, lang_code((RlLang)l), lang_name((RlLang)l));
  json_builder_end_object(jb);
}

/* Writes "window.NAME = <json>;\n" to DIR/file. */
static bool put_script(Bundle *b, const char *file, const char *name, JsonNode *root,
                       GError **error)
{
  g_autoptr(JsonGenerator) gen = json_generator_new();
  json_generator_set_root(gen, root);
  g_autofree char *json = json_generator_to_data(gen, NULL);
  g_autofree char *js = g_strdup_printf("window.%s = %s;\n", name, json);
  return put_file(b, file, js, strlen(js), error);
}

/* Writes slides.js (and gathers findings and cache records, language by language). */
static bool put_slides(Bundle *b, JsonBuilder *cache, GError **error)
{
  g_autoptr(JsonBuilder) jb = json_builder_new();
  json_builder_begin_object(jb);
  json_languages(b, jb);
  json_ui(b, jb);
  json_layout(b, jb);
  json_colours(b, jb);
  json_builder_set_member_name(jb, "slides");
  json_builder_begin_object(jb);
  for (int l = 0; l < RL_LANG_N; l++)
    if (RL_LANGSET_HAS(b->langs, l))
      put_language(b, (RlLang)l, jb, cache);
  json_builder_end_object(jb);
  json_builder_end_object(jb);
  g_autoptr(JsonNode) root = json_builder_get_root(jb);
  return put_script(b, "slides.js", "RELAIS_SLIDES", root, error);
}

/* version.js: the checksum of everything written before it. */
static bool put_version(Bundle *b, GError **error)
{
  g_autofree char *hex = g_strdup(g_checksum_get_string(b->sum));
  g_checksum_reset(b->sum);
  g_autoptr(JsonNode) node = json_node_new(JSON_NODE_VALUE);
  json_node_set_string(node, hex);
  return put_script(b, "version.js", "RELAIS_VERSION", node, error);
}

/* ---- slides: planned, reused, drawn ------------------------------------------------- */

/* Makes DIR/slides/<lang> for every language and an item for every slide, in order
 * (language by language); the first slide of the first language makes the thumbnail. */
static bool plan_items(Bundle *b, const KioskKeyBase *base, GError **error)
{
  for (int l = 0; l < RL_LANG_N; l++) {
    if (!RL_LANGSET_HAS(b->langs, l))
      continue;
    g_autofree char *sub = g_build_filename(b->dir, "slides", lang_code((RlLang)l), NULL);
    if (g_mkdir_with_parents(sub, 0755) != 0) {
      g_set_error(error, G_IO_ERROR, g_io_error_from_errno(errno), "%s: %s", sub,
                  g_strerror(errno));
      return false;
    }
    GPtrArray *deck = kiosk_deck_new(b->m, (RlLang)l);
    g_ptr_array_add(b->decks, deck);
    for (guint i = 0; i < deck->len; i++) {
      KioskItem *it = kiosk_item_new(base, g_ptr_array_index(deck, i), i);
      it->thumb = i == 0 && (RlLang)l == b->first;
      g_ptr_array_add(b->items, it);
    }
  }
  return true;
}

/* Takes from the previous bundle (OUT/<job out>) every slide whose key it has, unless
 * --force or there is no output folder. */
static void reuse_items(Bundle *b, const RlJob *job)
{
  const RlRenderOptions *opt = b->env->opt;
  g_autofree char *prev = opt && opt->out_dir && !opt->force
                            ? g_build_filename(opt->out_dir, job->out, NULL) : NULL;
  b->cache = kiosk_cache_load(prev);
  RlProfile profile = preflight_profile(b->cv.lay);
  for (guint i = 0; prev && i < b->items->len; i++)
    b->reused += kiosk_cache_reuse(b->cache, g_ptr_array_index(b->items, i), b->dir, &profile);
}

/* Writes a copy of the slide surface (any device scale) THUMB_W pixels wide at path. */
static bool put_thumb(cairo_surface_t *surf, const char *path, GError **error)
{
  int w = cairo_image_surface_get_width(surf), h = cairo_image_surface_get_height(surf);
  int th = MAX(1, h * THUMB_W / w);
  double sx, sy; /* the slide's device scale: its user space is smaller than its pixels */
  cairo_surface_get_device_scale(surf, &sx, &sy);
  cairo_surface_t *t = cairo_image_surface_create(CAIRO_FORMAT_RGB24, THUMB_W, th);
  cairo_t *cr = cairo_create(t);
  cairo_scale(cr, THUMB_W * sx / w, th * sy / h);
  cairo_set_source_surface(cr, surf, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_paint(cr);
  cairo_destroy(cr);
  bool ok = png_write_file(t, path, error);
  cairo_surface_destroy(t);
  return ok;
}

/* The thumbnail, from the first slide's PNG read back (drawn now or reused: the same
 * bytes either way). */
static bool put_thumb_png(Bundle *b, const char *thumb, GError **error)
{
  for (guint i = 0; thumb && i < b->items->len; i++) {
    const KioskItem *it = g_ptr_array_index(b->items, i);
    if (!it->thumb)
      continue;
    g_autofree char *path = g_build_filename(b->dir, it->png, NULL);
    cairo_surface_t *surf = cairo_image_surface_create_from_png(path);
    bool ok = cairo_surface_status(surf) == CAIRO_STATUS_SUCCESS;
    if (!ok)
      g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", it->png,
                  cairo_status_to_string(cairo_surface_status(surf)));
    ok = ok && put_thumb(surf, thumb, error);
    cairo_surface_destroy(surf);
    return ok;
  }
  return true;
}

/* Loads the map and makes its cache (into b->cv, freed by kiosk_render) when a map
 * slide is to be drawn: after a one-group edit every map slide is reused, and the map
 * costs most of the rebuild. */
static bool load_map_if_drawn(Bundle *b, GError **error)
{
  if (!b->m->map)
    return true;
  for (guint i = 0; i < b->items->len; i++) {
    const KioskItem *it = g_ptr_array_index(b->items, i);
    if (!it->reused && it->slide->kind == KIOSK_MAP) {
      b->cv.map_cache = kiosk_map_cache_new();
      return (b->cv.map = map_load(b->m->map, error)) != NULL;
    }
  }
  return true;
}

/* Every slide: reused or drawn, then slides.js, version.js and the cache. */
static bool put_bundle(Bundle *b, const RlJob *job, const char *thumb, const char *fonts_dir,
                       GError **error)
{
  const RlRenderOptions *opt = b->env->opt;
  KioskKeyBase *base = kiosk_key_base_new(&b->cv, opt ? opt->fonts_digest : NULL);
  bool ok = plan_items(b, base, error);
  kiosk_key_base_free(base);
  if (!ok)
    return false;
  reuse_items(b, job);
  if (!load_map_if_drawn(b, error))
    return false;
  int threads = opt && opt->jobs > 1 ? opt->jobs : 1;
  if (!kiosk_pool_draw(&b->cv, b->items, b->dir, threads, fonts_dir, error)
      || !put_thumb_png(b, thumb, error))
    return false;
  g_autoptr(JsonBuilder) cache = kiosk_cache_builder_new();
  return put_player(b, error) && put_slides(b, cache, error) && put_version(b, error)
         && kiosk_cache_save(cache, b->dir, error);
}

/* ---- resources ---------------------------------------------------------------------- */

/* Fonts for the bundle: the worker's, or a set of our own (freed by the caller through
 * *own_fonts); *fonts_dir is where more font sets come from (g_free). */
static bool open_resources(const RlModel *m, RlRenderEnv *env, RlFonts **fonts,
                           RlFonts **own_fonts, char **fonts_dir, GError **error)
{
  *fonts = env->fonts;
  if (env->opt && env->opt->fonts_dir) {
    *fonts_dir = g_strdup(env->opt->fonts_dir);
  } else {
    g_autofree char *found = fonts_dir_find(m->data_dir);
    *fonts_dir = found ? g_canonicalize_filename(found, NULL) : NULL;
  }
  if (!*fonts && !(*own_fonts = *fonts = fonts_new(*fonts_dir, error)))
    return false;
  const RlLayout *lay = model_layout(m, "kiosk");
  if (lay && !fonts_require_family(*fonts, lay->font ? lay->font : RL_FONTS_DEFAULT_FAMILY,
                                   error))
    return false;
  return true;
}

static bool kiosk_render(const RlJob *job, const RlModel *m, RlRenderEnv *env, const char *path,
                         const char *thumb_path, GError **error)
{
  const RlLayout *lay = model_layout(m, "kiosk");
  Bundle b = {.m = m, .env = env, .dir = path, .langs = kiosk_langs(m, env->opt)};
  if (!lay || !b.langs) {
    g_set_error(error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                "kiosk: no kiosk layout or no language to make it in");
    return false;
  }
  b.first = RL_LANGSET_HAS(b.langs, m->site.default_language) ? m->site.default_language
                                                              : (RlLang)g_bit_nth_lsf(b.langs, -1);
  RlFonts *fonts = NULL, *own_fonts = NULL;
  g_autofree char *fonts_dir = NULL;
  bool ok = open_resources(m, env, &fonts, &own_fonts, &fonts_dir, error)
            && kiosk_canvas_init(&b.cv, m, lay, fonts, NULL, b.langs, error);
  if (ok) {
    b.sum = g_checksum_new(G_CHECKSUM_SHA256);
    b.decks = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    b.items = g_ptr_array_new_with_free_func(kiosk_item_free);
    ok = put_bundle(&b, job, thumb_path, fonts_dir, error);
    g_free(env->note);
    env->note = g_strdup_printf("%u slide%s drawn, %u reused", b.items->len - b.reused,
                                b.items->len - b.reused == 1 ? "" : "s", b.reused);
    g_ptr_array_unref(b.items);
    g_ptr_array_unref(b.decks);
    kiosk_cache_free(b.cache);
    g_checksum_free(b.sum);
  }
  map_free(b.cv.map);
  kiosk_map_cache_free(b.cv.map_cache);
  fonts_free(own_fonts);
  return ok;
}

const RlRenderer render_kiosk = {
  .name = "kiosk",
  .summary = "touchscreen slideshow for care homes (an offline folder for a browser)",
  .is_dir = true,
  .plan = kiosk_plan,
  .render = kiosk_render,
};
