/* fuzz-text.c - libFuzzer target: arbitrary bytes as the text of one record, laid out
 * through the text API (layout/text.h) into a box, drawn, and checked by the preflight.
 *
 * The first byte picks the recipe (guide, flyer, kiosk), the role (body, heading, ...)
 * and the box width; the rest, up to its first NUL, is the text. Nothing may crash, hang
 * or leak; invalid UTF-8 must be replaced before Pango sees it (U+FFFD in the laid-out
 * text), every line table must be consistent, and every finding must format as UTF-8.
 */
#include <cairo.h>
#include <glib.h>
#include <stdint.h>
#include <string.h>

#include "layout/fonts.h"
#include "layout/preflight.h"
#include "layout/text.h"
#include "model/layout_defaults.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const kinds[] = {"guide", "flyer", "kiosk"};

/* What the process keeps between inputs: one font set, one layout per kind. */
static RlFonts *fonts;
static RlLayout *layouts[G_N_ELEMENTS(kinds)];

static void setup_once(void)
{
  if (fonts)
    return;
  g_autoptr(GError) err = NULL;
  fonts = fonts_new(NULL, &err);
  g_assert_no_error(err);
  for (size_t k = 0; k < G_N_ELEMENTS(kinds); k++) {
    layouts[k] = layout_new();
    g_assert_true(layout_defaults(kinds[k], layouts[k]));
  }
}

/* The box width for selector bits w: a narrow card column, the text column, or the page. */
static double box_width(const RlLayout *lay, unsigned w)
{
  double page_pt = lay->page_w_mm * 72.0 / 25.4;
  double column = page_pt - (lay->margin_mm[1] + lay->margin_mm[3]) * 72.0 / 25.4;
  const double widths[] = {column / 3, column / 2, column, page_pt};
  return widths[w % G_N_ELEMENTS(widths)];
}

/* Checks a laid-out box for the invariants every renderer relies on. */
static void check_box(const RlTextBox *b, bool input_valid)
{
  g_assert_true(g_utf8_validate(b->text, -1, NULL));
  if (!input_valid)
    g_assert_nonnull(strstr(b->text, "\xEF\xBF\xBD"));
  g_assert_cmpint(b->n_lines, >=, 1);
  for (int i = 0; i < b->n_lines; i++)
    g_assert_cmpfloat(b->line_top[i], <=, b->line_top[i + 1] + 1e-6);
  g_assert_cmpfloat(b->height_pt, >=, 0);
  g_assert_true(!b->overflow || b->word);
}

/* Draws the box into a recording surface with a preflight, and formats every finding. */
static void draw_and_check(const RlTextBox *b, const RlLayout *lay)
{
  RlProfile profile = preflight_profile(lay);
  RlPreflight *pf = preflight_new(&profile, "fuzz/text.pdf");
  cairo_surface_t *s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create(s);
  text_box_draw(b, cr, 10, 10, pf);
  text_box_draw_lines(b, cr, 10, 10, b->n_lines / 2, b->n_lines, pf);
  g_assert_cmpint(cairo_status(cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy(cr);
  cairo_surface_destroy(s);
  DiagList *dl = diag_list_new();
  preflight_check(pf, dl);
  g_assert_true(!b->overflow || diag_has_errors(dl));
  for (guint i = 0; i < diag_len(dl); i++) {
    char *msg = diag_format(diag_at(dl, i));
    g_assert_true(g_utf8_validate(msg, -1, NULL));
    g_free(msg);
  }
  diag_list_free(dl);
  preflight_free(pf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (size < 1)
    return 0;
  setup_once();
  unsigned sel = data[0];
  const RlLayout *lay = layouts[sel % G_N_ELEMENTS(kinds)];
  RlTextStyle style = text_style(lay, (RlRole)((sel / 4) % RL_ROLE_N));
  style.tabular = sel & 0x80;
  g_autofree char *text = g_strndup((const char *)data + 1, size - 1);
  bool valid = g_utf8_validate(text, -1, NULL);
  double width = box_width(lay, sel / 32);
  RlPos pos = {.file = "fuzz.yaml", .line = 1, .col = 1};

  RlTextBox *b = text_box_new(fonts, &style, text, width, pos);
  check_box(b, valid);
  draw_and_check(b, lay);
  text_box_free(b);

  /* The poster and slide way: step the size down to fit a box half a page high. */
  double floor_pt = preflight_floor(lay);
  b = text_box_new_fit(fonts, &style, text, width, lay->page_h_mm * 72.0 / 25.4 / 2, floor_pt, pos);
  check_box(b, valid);
  g_assert_cmpfloat(b->style.size_pt, >=, floor_pt - 1e-6);
  text_box_free(b);

  g_assert_cmpfloat(text_width(fonts, &style, text), >=, 0);
  return 0;
}
