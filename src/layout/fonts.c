/* fonts.c - a private fontconfig configuration, one Pango font map and context. */
#include "fonts.h"

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

struct RlFonts {
  FcConfig *config;
  PangoFontMap *map;
  PangoContext *ctx;
};

G_DEFINE_QUARK(relais-fonts-error-quark, fonts_error)

/* Used when no fonts/fonts.conf is found: the Debian font folders, nothing else. */
static const char builtin_conf[] =
  "<?xml version=\"1.0\"?><fontconfig>"
  "<dir>/usr/share/fonts/truetype/tiresias</dir>"
  "<dir>/usr/share/fonts/truetype/andika</dir>"
  "<dir>/usr/share/fonts/truetype/dejavu</dir>"
  "<dir>/usr/share/fonts/truetype/ancient-scripts</dir>"
  "<cachedir prefix=\"xdg\">fontconfig</cachedir>"
  "<alias binding=\"same\"><family>Tiresias LPfont</family><accept><family>Andika</family>"
  "<family>DejaVu Sans</family><family>Symbola</family></accept></alias>"
  "<alias binding=\"same\"><family>Tiresias Signfont</family><accept><family>Andika</family>"
  "<family>DejaVu Sans</family><family>Symbola</family></accept></alias>"
  "</fontconfig>";

/* Families relais expects, and the Debian package that installs each. */
static const struct {
  const char *family, *package;
} known_packages[] = {
  {"Tiresias LPfont", "fonts-tiresias"},
  {"Tiresias Signfont", "fonts-tiresias"},
  {"Andika", "fonts-sil-andika"},
  {"DejaVu Sans", "fonts-dejavu-core"},
  {"Symbola", "fonts-symbola"},
};

static FcConfig *load_config(const char *fonts_dir, GError **error)
{
  FcConfig *config = FcConfigCreate();
  /* fontconfig reads a relative name from its own folder: make it absolute. */
  g_autofree char *abs = fonts_dir ? g_canonicalize_filename(fonts_dir, NULL) : NULL;
  g_autofree char *conf = abs ? g_build_filename(abs, "fonts.conf", NULL) : NULL;
  bool ok;
  if (conf && g_file_test(conf, G_FILE_TEST_IS_REGULAR))
    ok = FcConfigParseAndLoad(config, (const FcChar8 *)conf, FcTrue);
  else
    ok = FcConfigParseAndLoadFromMemory(config, (const FcChar8 *)builtin_conf, FcTrue);
  if (ok && fonts_dir && g_file_test(fonts_dir, G_FILE_TEST_IS_DIR))
    FcConfigAppFontAddDir(config, (const FcChar8 *)fonts_dir);
  if (!ok || !FcConfigBuildFonts(config)) {
    g_set_error(error, RL_FONTS_ERROR, RL_FONTS_ERROR_CONFIG, "cannot read font configuration '%s'",
                conf ? conf : "(built-in)");
    FcConfigDestroy(config);
    return NULL;
  }
  return config;
}

static void setup_context(RlFonts *f)
{
  f->ctx = pango_font_map_create_context(f->map);
  pango_cairo_context_set_resolution(f->ctx, 72.0);
  pango_context_set_round_glyph_positions(f->ctx, FALSE);
  cairo_font_options_t *fo = cairo_font_options_create();
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(f->ctx, fo);
  cairo_font_options_destroy(fo);
}

RlFonts *fonts_new(const char *fonts_dir, GError **error)
{
  FcConfig *config = load_config(fonts_dir, error);
  if (!config)
    return NULL;
  RlFonts *f = g_new0(RlFonts, 1);
  f->config = config;
  f->map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(f->map), config);
  setup_context(f);
  if (!fonts_require_family(f, RL_FONTS_DEFAULT_FAMILY, error)) {
    fonts_free(f);
    return NULL;
  }
  return f;
}

void fonts_free(RlFonts *f)
{
  if (!f)
    return;
  g_clear_object(&f->ctx);
  g_clear_object(&f->map);
  FcConfigDestroy(f->config);
  g_free(f);
}

PangoContext *fonts_context(RlFonts *f) { return f->ctx; }

bool fonts_has_family(RlFonts *f, const char *family)
{
  PangoFontFamily **families = NULL;
  int n = 0;
  pango_font_map_list_families(f->map, &families, &n);
  bool found = false;
  for (int i = 0; i < n && !found; i++)
    found = g_ascii_strcasecmp(pango_font_family_get_name(families[i]), family) == 0;
  g_free(families);
  return found;
}

bool fonts_require_family(RlFonts *f, const char *family, GError **error)
{
  if (fonts_has_family(f, family))
    return true;
  const char *package = NULL;
  for (size_t i = 0; i < G_N_ELEMENTS(known_packages); i++)
    if (g_ascii_strcasecmp(known_packages[i].family, family) == 0)
      package = known_packages[i].package;
  if (package)
    g_set_error(error, RL_FONTS_ERROR, RL_FONTS_ERROR_MISSING,
                "font '%s' is not installed (install the Debian package %s)", family, package);
  else
    g_set_error(error, RL_FONTS_ERROR, RL_FONTS_ERROR_MISSING,
                "font '%s' is not installed (drop its font files into the fonts/ folder)", family);
  return false;
}

static gint cmp_names(gconstpointer a, gconstpointer b)
{
  return g_utf8_collate(*(const char *const *)a, *(const char *const *)b);
}

char *fonts_families(RlFonts *f)
{
  static const char *const generic[] = {"sans", "sans-serif", "serif", "monospace", "system-ui",
                                        "cursive", "fantasy", "emoji", "math", "fangsong"};
  PangoFontFamily **families = NULL;
  int n = 0;
  pango_font_map_list_families(f->map, &families, &n);
  GPtrArray *names = g_ptr_array_new();
  for (int i = 0; i < n; i++) {
    const char *name = pango_font_family_get_name(families[i]);
    bool skip = false;
    for (size_t k = 0; k < G_N_ELEMENTS(generic) && !skip; k++)
      skip = g_ascii_strcasecmp(name, generic[k]) == 0;
    if (!skip)
      g_ptr_array_add(names, (gpointer)name);
  }
  g_ptr_array_sort(names, cmp_names);
  g_ptr_array_add(names, NULL);
  char *out = g_strjoinv(", ", (char **)names->pdata);
  g_ptr_array_unref(names);
  g_free(families);
  return out;
}

char *fonts_dir_find(const char *data_dir)
{
  g_autofree char *inside = g_build_filename(data_dir, "fonts", NULL);
  if (g_file_test(inside, G_FILE_TEST_IS_DIR))
    return g_steal_pointer(&inside);
  g_autofree char *beside = g_build_filename(data_dir, "..", "fonts", NULL);
  if (g_file_test(beside, G_FILE_TEST_IS_DIR))
    return g_steal_pointer(&beside);
  return NULL;
}

RlFonts *fonts_once(RlFontsOnce *once, const char *fonts_dir, GError **error)
{
  if (!once->tried) {
    once->tried = true;
    once->fonts = fonts_new(fonts_dir, &once->error);
  }
  if (once->error)
    g_propagate_error(error, g_error_copy(once->error));
  return once->fonts;
}

void fonts_once_clear(RlFontsOnce *once)
{
  fonts_free(once->fonts);
  g_clear_error(&once->error);
  *once = (RlFontsOnce){0};
}
