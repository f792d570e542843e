/* test-layout.c - unit tests of the typesetting kit: fonts, text boxes, no-break rules,
 * preflight findings, PDF helpers. */
#include <pango/pangocairo.h>
#include <string.h>

#include "layout/flow.h"
#include "layout/fonts.h"
#include "layout/pdf.h"
#include "layout/preflight.h"
#include "layout/text.h"

static RlFonts *fonts;

static RlLayout guide_layout(void)
{
  return (RlLayout){
    .name = (char *)"guide", .page_w_mm = 210, .page_h_mm = 297, .body_pt = 18, .h1_pt = 26,
    .h2_pt = 21, .title_pt = 40, .small_pt = 16, .line_height = 1.5, .floor_pt = 16,
    .measure_max = 65, .font = (char *)"Tiresias LPfont", .ink = {0.1, 0.1, 0.1},
    .paper = {1, 1, 1},
  };
}

static void test_fonts_missing(void)
{
  g_autoptr(GError) err = NULL;
  RlFonts *f = fonts_new(NULL, &err);
  g_assert_no_error(err);
  g_assert_true(fonts_has_family(f, "Tiresias LPfont"));
  g_assert_true(fonts_has_family(f, "Andika"));
  g_assert_false(fonts_require_family(f, "Comic Nonsense", &err));
  g_assert_error(err, RL_FONTS_ERROR, RL_FONTS_ERROR_MISSING);
  g_assert_cmpstr(err->message, ==,
                  "font 'Comic Nonsense' is not installed (drop its font files into the fonts/ folder)");
  fonts_free(f);
  fonts_free(NULL);
}

/* Contours in the outline of `text` set in Tiresias LPfont Regular with the project's fonts. */
static int contours_of(const char *text)
{
  PangoLayout *l = pango_layout_new(fonts_context(fonts));
  PangoFontDescription *fd = pango_font_description_from_string("Tiresias LPfont 40");
  pango_layout_set_font_description(l, fd);
  pango_layout_set_text(l, text, -1);
  cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_A8, 100, 100);
  cairo_t *cr = cairo_create(s);
  pango_cairo_layout_path(cr, l);
  cairo_path_t *path = cairo_copy_path(cr);
  int n = 0;
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    n += path->data[i].header.type == CAIRO_PATH_MOVE_TO;
  cairo_path_destroy(path);
  cairo_destroy(cr);
  cairo_surface_destroy(s);
  pango_font_description_free(fd);
  g_object_unref(l);
  return n;
}

/* The capital O is one ring (two contours), not Debian's three overlapping copies that PDF
 * viewers render as a thin ring: fonts/ holds the repaired font and fonts.conf sets the
 * system copy aside. */
static void test_fonts_o_is_one_ring(void)
{
  PangoFontDescription *fd = pango_font_description_from_string("Tiresias LPfont 40");
  PangoFont *font = pango_context_load_font(fonts_context(fonts), fd);
  PangoFontDescription *got = pango_font_describe(font);
  g_assert_cmpstr(pango_font_description_get_family(got), ==, "Tiresias LPfont");
  g_assert_cmpint(pango_font_description_get_weight(got), ==, PANGO_WEIGHT_NORMAL);
  g_assert_cmpint(pango_font_description_get_style(got), ==, PANGO_STYLE_NORMAL);
  pango_font_description_free(got);
  g_object_unref(font);
  pango_font_description_free(fd);
  g_assert_cmpint(contours_of("0"), ==, 2);
  g_assert_cmpint(contours_of("O"), ==, 2);
}

static void test_nobreak(void)
{
  struct {
    const char *in, *out;
  } cases[] = {
    {"02 123 45 67", "02\u00a0123\u00a045\u00a067"},
    {"14:00 – 16:00", "14:00\u00a0–\u2060\u00a016:00"},
    {"de 14 h à 16 h", "de 14\u00a0h à 16\u00a0h"},
    {"14.00–16.00 uur", "14.00–\u206016.00\u00a0uur"},
    {"€ 2 per session", "€\u00a02 per session"},
    {"60+ living alone", "60+ living alone"},
    {"a - b", "a - b"},
    {"Neuer Mut, St. Vith (Beispiel)", "Neuer Mut, St.\u00a0Vith (Beispiel)"},
    {"Dr. Peeters", "Dr.\u00a0Peeters"},
    {"in Ath. Le groupe", "in Ath. Le groupe"},
    {"ok. Le groupe", "ok. Le groupe"},
    {"Rue de l'Exemple 8, 6700 Arlon", "Rue de l'Exemple\u00a08, 6700\u00a0Arlon"},
    {"Beispielstraße 12a, 4700 Eupen", "Beispielstraße\u00a012a, 4700\u00a0Eupen"},
    {"können 8 Einzelsitzungen", "können 8 Einzelsitzungen"},
    {"Depuis 2007, la plateforme", "Depuis 2007, la plateforme"},
    {"sinds 2020 organiseert", "sinds 2020 organiseert"},
    {"tel 12345 Abc", "tel 12345 Abc"},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autofree char *got = text_nobreak(cases[i].in);
    g_assert_cmpstr(got, ==, cases[i].out);
  }
}

static void test_box_wraps_by_word(void)
{
  RlLayout lay = guide_layout();
  RlTextStyle st = text_style(&lay, RL_ROLE_BODY);
  g_assert_cmpfloat(st.size_pt, ==, 18);
  RlTextBox *b = text_box_new(fonts, &st, "Call 02 123 45 67 any day between 14:00 – 16:00 to talk.",
                              150, (RlPos){0});
  g_assert_false(b->overflow);
  g_assert_cmpint(b->n_lines, >, 2);
  g_assert_cmpfloat(b->text_w, <=, 150.01);
  g_assert_cmpfloat_with_epsilon(text_box_lines_height(b, 0, 1), 27.0, 0.01);
  /* No line starts or ends inside the phone number. */
  PangoLayoutIter *it = pango_layout_get_iter(b->layout);
  do {
    PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
    g_autofree char *s = g_strndup(b->text + line->start_index, (gsize)line->length);
    g_assert_true(strstr(s, "02") == NULL || strstr(s, "67") != NULL);
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  text_box_free(b);
  text_box_free(NULL);
}

static void test_box_overflow(void)
{
  RlLayout lay = guide_layout();
  RlTextStyle st = text_style(&lay, RL_ROLE_H2);
  RlPos pos = {"groups/x.yaml", 3, 7};
  RlTextBox *b = text_box_new(fonts, &st, "Een Zorgcoördinatieondersteuningsgesprekkenreeks vandaag",
                              200, pos);
  g_assert_true(b->overflow);
  g_assert_cmpstr(b->word, ==, "Zorgcoördinatieondersteuningsgesprekkenreeks");
  g_assert_cmpfloat(b->text_w, >, 200);
  RlProfile prof = preflight_profile(&lay);
  RlPreflight *pf = preflight_new(&prof, "guide/x-nl.pdf");
  cairo_surface_t *s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create(s);
  preflight_set_page(pf, 2);
  text_box_draw(b, cr, 10, 10, pf);
  cairo_destroy(cr);
  cairo_surface_destroy(s);
  DiagList *dl = diag_list_new();
  g_assert_cmpuint(preflight_check(pf, dl), ==, 1);
  g_autofree char *msg = diag_format(diag_at(dl, 0));
  g_autofree char *want = g_strdup_printf(
    "groups/x.yaml:3:7: error: text 'Zorgcoördinatieondersteuning…' does not fit its box "
    "(%.0f pt wide, box 200 pt) (guide/x-nl.pdf, page 2)", b->text_w);
  g_assert_cmpstr(msg, ==, want);
  diag_list_free(dl);
  preflight_free(pf);
  text_box_free(b);
}

static void test_preflight_floor_contrast_measure(void)
{
  RlLayout lay = guide_layout();
  RlProfile prof = preflight_profile(&lay);
  RlPreflight *pf = preflight_new(&prof, "flyer/a-fr.pdf");
  RlRun ok = {.size_pt = 18, .ink = {0, 0, 0}, .paper = {1, 1, 1}, .chars_per_line = 60, .text = "fine"};
  RlRun small = ok, grey = ok, wide = ok;
  small.size_pt = 12, small.text = "tiny";
  grey.ink = (RlColour){0.6, 0.6, 0.6}, grey.text = "grey";
  wide.chars_per_line = 80, wide.text = "wide", wide.pos = (RlPos){"texts/a.yaml", 4, 9};
  preflight_record(pf, &ok);
  preflight_record(pf, &small);
  preflight_record(pf, &grey);
  preflight_record(pf, &wide);
  DiagList *dl = diag_list_new();
  g_assert_cmpuint(preflight_check(pf, dl), ==, 2);
  diag_sort(dl);
  g_assert_cmpuint(diag_len(dl), ==, 3);
  const char *want[] = {
    "flyer/a-fr.pdf: error: text 'grey' has contrast 2.8:1, under 7:1 (flyer/a-fr.pdf, page 1)",
    "flyer/a-fr.pdf: error: text 'tiny' is 12.0 pt, under the 16 pt floor (flyer/a-fr.pdf, page 1)",
    "texts/a.yaml:4:9: warning: text 'wide' has 80 characters on a line, over the measure of 65 (flyer/a-fr.pdf, page 1)",
  };
  for (guint i = 0; i < 3; i++) {
    g_autofree char *msg = diag_format(diag_at(dl, i));
    g_assert_cmpstr(msg, ==, want[i]);
  }
  g_assert_cmpfloat_with_epsilon(preflight_contrast((RlColour){0, 0, 0}, (RlColour){1, 1, 1}), 21.0, 1e-9);
  diag_list_free(dl);
  preflight_free(pf);
  preflight_free(NULL);
}

static void test_fit(void)
{
  RlLayout lay = guide_layout();
  RlTextStyle st = text_style(&lay, RL_ROLE_TITLE);
  st.size_pt = 72;
  RlTextBox *b = text_box_new_fit(fonts, &st, "Groupes de parole près de chez vous", 300, 200, 28, (RlPos){0});
  g_assert_cmpfloat(b->height_pt, <=, 200);
  g_assert_cmpfloat(b->style.size_pt, <, 72);
  g_assert_cmpfloat(b->style.size_pt, >=, 28);
  text_box_free(b);
}

/* A web address breaks after a '/' or before a '.', never at a hyphen. */
static void test_url_lines(void)
{
  RlLayout lay = guide_layout();
  RlTextStyle st = text_style(&lay, RL_ROLE_STRONG);
  const char *url = "hermesplus.be/en/im-looking-for-help/conversation-groups/";
  double w = MAX(text_width(fonts, &st, "im-looking-for-help/"),
                 text_width(fonts, &st, "conversation-groups/"));
  g_autofree char *lines = text_url_lines(fonts, &st, url, w + 1);
  g_assert_cmpstr(lines, ==, "hermesplus.be/en/\nim-looking-for-help/\nconversation-groups/");
  g_autofree char *one = text_url_lines(fonts, &st, url, 2000);
  g_assert_cmpstr(one, ==, url); /* fits: one line */
  g_autofree char *domain = text_url_lines(fonts, &st, "example.org/hommes", text_width(fonts, &st, "example.org/") + 1);
  g_assert_cmpstr(domain, ==, "example.org/\nhommes");
  g_autofree char *dot = text_url_lines(fonts, &st, "entraide-bruxelles.example.org", text_width(fonts, &st, "entraide-bruxelles") + 1);
  g_assert_cmpstr(dot, ==, "entraide-bruxelles\n.example.org"); /* before a '.', not at '-' */
  g_autofree char *none = text_url_lines(fonts, &st, "entraide-bruxelles", text_width(fonts, &st, "entraide") + 1);
  g_assert_cmpstr(none, ==, "entraide-bruxelles"); /* no break allowed: left to the box */
}

static void test_uris(void)
{
  g_autofree char *t1 = pdf_uri_tel("02 123 45 67");
  g_autofree char *t2 = pdf_uri_tel("+32 470 12 34 56");
  g_autofree char *t3 = pdf_uri_tel("0032 2 123 45 67");
  g_autofree char *m = pdf_uri_mail("info@example.be");
  g_autofree char *e = pdf_uri_escape("https://example.be/l'été?a=1");
  g_assert_cmpstr(t1, ==, "tel:+3221234567");
  g_assert_cmpstr(t2, ==, "tel:+32470123456");
  g_assert_cmpstr(t3, ==, "tel:+3221234567");
  g_assert_cmpstr(m, ==, "mailto:info@example.be");
  g_assert_cmpstr(e, ==, "https://example.be/l%27%C3%A9t%C3%A9?a=1");
  g_assert_null(pdf_uri_tel(""));
}

/* ---- flow ----------------------------------------------------------------------------- */

/* A 100 x 100 mm page with 10 mm margins and no footer: 226.8 pt of body, 8 body lines
 * of 27 pt (18 pt x 1.5). */
static RlLayout small_page(void)
{
  RlLayout lay = guide_layout();
  lay.page_w_mm = lay.page_h_mm = 100;
  for (int i = 0; i < 4; i++)
    lay.margin_mm[i] = 10;
  return lay;
}

/* Adds a paragraph of n lines (one word each) to the flow. */
static void lines(RlFlow *flow, const RlLayout *lay, int n, RlBlockOpts o)
{
  GString *s = g_string_new(NULL);
  for (int i = 0; i < n; i++)
    g_string_append_printf(s, "%sline%d", i ? "\n" : "", i);
  RlTextStyle st = text_style(lay, RL_ROLE_BODY);
  flow_add_text(flow, text_box_new(fonts, &st, s->str, flow_width(flow), (RlPos){0}), &o);
  g_string_free(s, TRUE);
}

static void test_flow_widow(void)
{
  RlLayout lay = small_page();
  RlFlow *flow = flow_new(fonts, &lay, NULL, NULL);
  lines(flow, &lay, 5, (RlBlockOpts){.keep_together = true});
  lines(flow, &lay, 4, (RlBlockOpts){0}); /* 3 lines would fit: 2 stay, 2 go */
  g_assert_cmpint(flow_paginate(flow), ==, 2);
  g_assert_cmpint(flow_block_on_page(flow, 1, 0), ==, 2);
  g_assert_cmpint(flow_block_on_page(flow, 1, 1), ==, 2);
  flow_free(flow);
}

static void test_flow_orphan(void)
{
  RlLayout lay = small_page();
  RlFlow *flow = flow_new(fonts, &lay, NULL, NULL);
  lines(flow, &lay, 7, (RlBlockOpts){.keep_together = true});
  lines(flow, &lay, 4, (RlBlockOpts){0}); /* 1 line would fit: the paragraph moves */
  flow_paginate(flow);
  g_assert_cmpint(flow_block_on_page(flow, 1, 0), ==, 0);
  g_assert_cmpint(flow_block_on_page(flow, 1, 1), ==, 4);
  flow_free(flow);
}

static void test_flow_keep_with_next(void)
{
  RlLayout lay = small_page();
  RlFlow *flow = flow_new(fonts, &lay, NULL, NULL);
  lines(flow, &lay, 6, (RlBlockOpts){.keep_together = true});
  RlTextStyle h2 = text_style(&lay, RL_ROLE_H2);
  flow_add_text(flow, text_box_new(fonts, &h2, "Heading", flow_width(flow), (RlPos){0}),
                &(RlBlockOpts){.keep_with_next = true, .keep_together = true});
  lines(flow, &lay, 4, (RlBlockOpts){0});
  flow_paginate(flow);
  g_assert_cmpint(flow_block_page(flow, 1), ==, 1); /* the heading went with its text */
  g_assert_cmpint(flow_block_page(flow, 2), ==, 1);
  flow_free(flow);
}

static void noop_slice(void *d, cairo_t *cr, double x, double y, double w, double from, double to,
                       RlPreflight *pf)
{
}

static void test_flow_split_custom(void)
{
  RlLayout lay = small_page();
  RlFlow *flow = flow_new(fonts, &lay, NULL, NULL);
  lines(flow, &lay, 1, (RlBlockOpts){0});
  const double breaks[] = {100, 200, 300};
  flow_add_custom_split(flow, 400, breaks, 3, 10, noop_slice, NULL, NULL, NULL);
  lines(flow, &lay, 1, (RlBlockOpts){0});
  /* Taller than a page, so it splits: its head (to 100) fits below the line; then 100-300
   * (200 + 10 pad <= 226.8) on the next page; then the rest and the last line. */
  g_assert_cmpint(flow_paginate(flow), ==, 3);
  g_assert_cmpint(flow_block_page(flow, 1), ==, 0);
  for (int p = 0; p < 3; p++)
    g_assert_cmpint(flow_block_on_page(flow, 1, p), ==, 1);
  g_assert_cmpint(flow_block_page(flow, 2), ==, 2);
  flow_free(flow);
}

/* The page number sits at the same place, at body size, on every page. */
/* A heading before a card taller than a page stays with the card's head. */
static void test_flow_heading_before_split(void)
{
  RlLayout lay = small_page();
  RlFlow *flow = flow_new(fonts, &lay, NULL, NULL);
  RlTextStyle h2 = text_style(&lay, RL_ROLE_H2);
  flow_add_text(flow, text_box_new(fonts, &h2, "Groups", flow_width(flow), (RlPos){0}),
                &(RlBlockOpts){.keep_with_next = true, .keep_together = true});
  const double breaks[] = {100, 200, 300};
  flow_add_custom_split(flow, 400, breaks, 3, 10, noop_slice, NULL, NULL, NULL);
  flow_paginate(flow);
  g_assert_cmpint(flow_block_page(flow, 0), ==, 0);
  g_assert_cmpint(flow_block_page(flow, 1), ==, 0);
  flow_free(flow);
}

/* A heading that starts a page before a card that fits a page but not under it: the card
 * splits at a break there rather than leave the heading alone on its page. */
static void test_flow_heading_not_alone(void)
{
  RlLayout lay = small_page();
  RlFlow *flow = flow_new(fonts, &lay, NULL, NULL);
  lines(flow, &lay, 1, (RlBlockOpts){0});
  RlTextStyle h2 = text_style(&lay, RL_ROLE_H2);
  flow_add_text(flow, text_box_new(fonts, &h2, "Groups", flow_width(flow), (RlPos){0}),
                &(RlBlockOpts){.keep_with_next = true, .keep_together = true, .page_break = true});
  const double breaks[] = {100};
  flow_add_custom_split(flow, 200, breaks, 1, 10, noop_slice, NULL, NULL, NULL);
  flow_add_custom_split(flow, 200, breaks, 1, 10, noop_slice, NULL, NULL, NULL);
  g_assert_cmpint(flow_paginate(flow), ==, 4);
  g_assert_cmpint(flow_block_page(flow, 1), ==, 1);
  g_assert_cmpint(flow_block_page(flow, 2), ==, 1);
  g_assert_cmpint(flow_block_on_page(flow, 2, 2), ==, 1);
  /* The next card, with no heading above it, still moves whole to a new page. */
  g_assert_cmpint(flow_block_page(flow, 3), ==, 3);
  g_assert_cmpint(flow_block_on_page(flow, 3, 2), ==, 0);
  flow_free(flow);
}

static void test_flow_footer(void)
{
  RlLayout lay = small_page();
  RlFlow *flow = flow_new(fonts, &lay, "Relais", "Page");
  lines(flow, &lay, 12, (RlBlockOpts){0});
  g_assert_cmpint(flow_paginate(flow), ==, 2);
  RlProfile prof = preflight_profile(&lay);
  RlPreflight *pf = preflight_new(&prof, "x.pdf");
  cairo_surface_t *s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create(s);
  flow_draw_page(flow, cr, 0, 2, NULL, pf);
  flow_draw_page(flow, cr, 1, 3, NULL, pf);
  cairo_destroy(cr);
  cairo_surface_destroy(s);
  const RlRun *p2 = NULL, *p3 = NULL;
  for (guint i = 0; i < preflight_len(pf); i++) {
    const RlRun *r = preflight_at(pf, i);
    if (g_strcmp0(r->text, "Page\u00a02") == 0 || g_strcmp0(r->text, "Page 2") == 0)
      p2 = r;
    if (g_strcmp0(r->text, "Page\u00a03") == 0 || g_strcmp0(r->text, "Page 3") == 0)
      p3 = r;
  }
  g_assert_nonnull(p2);
  g_assert_nonnull(p3);
  g_assert_cmpfloat(p2->y, ==, p3->y);
  g_assert_cmpfloat(p2->size_pt, ==, 18);
  g_assert_cmpint(p2->page, ==, 1);
  g_assert_cmpint(p3->page, ==, 2);
  preflight_free(pf);
  flow_free(flow);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_autofree char *dir = g_build_filename(g_getenv("SRCDIR") ? g_getenv("SRCDIR") : ".", "fonts", NULL);
  g_autoptr(GError) err = NULL;
  fonts = fonts_new(dir, &err);
  g_assert_no_error(err);
  g_test_add_func("/fonts/missing", test_fonts_missing);
  g_test_add_func("/fonts/o-is-one-ring", test_fonts_o_is_one_ring);
  g_test_add_func("/text/nobreak", test_nobreak);
  g_test_add_func("/text/wrap", test_box_wraps_by_word);
  g_test_add_func("/text/overflow", test_box_overflow);
  g_test_add_func("/text/fit", test_fit);
  g_test_add_func("/text/url-lines", test_url_lines);
  g_test_add_func("/preflight/findings", test_preflight_floor_contrast_measure);
  g_test_add_func("/pdf/uris", test_uris);
  g_test_add_func("/flow/widow", test_flow_widow);
  g_test_add_func("/flow/orphan", test_flow_orphan);
  g_test_add_func("/flow/keep-with-next", test_flow_keep_with_next);
  g_test_add_func("/flow/split-custom", test_flow_split_custom);
  g_test_add_func("/flow/heading-before-split", test_flow_heading_before_split);
  g_test_add_func("/flow/heading-not-alone", test_flow_heading_not_alone);
  g_test_add_func("/flow/footer", test_flow_footer);
  int rc = g_test_run();
  fonts_free(fonts);
  return rc;
}
