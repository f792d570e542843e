/* test-pdfpost.c - the PDF post-pass: a small tagged PDF made with cairo goes through
 * pdfpost_apply(); qpdf --check, qpdf --json and pdfinfo say what was added. */
#include "layout/pdfpost.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#define PAGE_W 300.0
#define PAGE_H 400.0

static const char *const alts[] = {
  "Carte de la Région de Bruxelles-Capitale — Brussels Hoofdstedelijk Gewest",
  "Logo of the network",
};

/* Runs argv; returns its stdout (owned) and sets *status to the exit status. */
static char *run(const char *const *argv, int *status)
{
  char *out = NULL;
  int wait = 0;
  GError *error = NULL;
  g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
               NULL, NULL, &out, NULL, &wait, &error);
  g_assert_no_error(error);
  *status = g_spawn_check_wait_status(wait, NULL) ? 0 : 1;
  return out;
}

/* Writes a 2-page tagged PDF at path: Document > H1, Figure, P > Link; page 2 > Figure. */
static void make_pdf(const char *path)
{
  cairo_surface_t *s = cairo_pdf_surface_create(path, PAGE_W, PAGE_H);
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, "Groupes de parole");
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "2026-11-25T00:00:00Z");
  cairo_t *cr = cairo_create(s);
  cairo_set_font_size(cr, 16);
  cairo_tag_begin(cr, "Document", "");
  cairo_tag_begin(cr, "H1", "");
  cairo_move_to(cr, 20, 40);
  cairo_show_text(cr, "Groupes");
  cairo_tag_end(cr, "H1");
  cairo_tag_begin(cr, "Figure", "");
  cairo_rectangle(cr, 20, 60, 50, 50);
  cairo_fill(cr);
  cairo_tag_end(cr, "Figure");
  cairo_tag_begin(cr, "P", "");
  cairo_move_to(cr, 20, 140);
  cairo_tag_begin(cr, CAIRO_TAG_LINK, "uri='https://example.be'");
  cairo_show_text(cr, "example.be");
  cairo_tag_end(cr, CAIRO_TAG_LINK);
  cairo_tag_end(cr, "P");
  cairo_show_page(cr);
  cairo_tag_begin(cr, "Figure", "");
  cairo_arc(cr, 100, 100, 30, 0, 6.3);
  cairo_fill(cr);
  cairo_tag_end(cr, "Figure");
  cairo_tag_end(cr, "Document");
  cairo_destroy(cr);
  cairo_surface_finish(s);
  g_assert_cmpint(cairo_surface_status(s), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy(s);
}

/* A temporary folder with t.pdf made by make_pdf(); the path of t.pdf is *pdf. */
static char *fixture_new(char **pdf)
{
  GError *error = NULL;
  char *dir = g_dir_make_tmp("test-pdfpost-XXXXXX", &error);
  g_assert_no_error(error);
  *pdf = g_build_filename(dir, "t.pdf", NULL);
  make_pdf(*pdf);
  return dir;
}

static void fixture_free(char *dir, char *pdf)
{
  GDir *d = g_dir_open(dir, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name(d))) {
    g_autofree char *p = g_build_filename(dir, name, NULL);
    g_unlink(p);
  }
  if (d)
    g_dir_close(d);
  g_rmdir(dir);
  g_free(dir);
  g_free(pdf);
}

/* The objects of a PDF as qpdf --json=2 shows them. */
typedef struct {
  JsonParser *parser;
  JsonObject *objs; /* "obj:N 0 R" and "trailer" */
} Json;

static Json pdf_json(const char *pdf)
{
  const char *argv[] = {"qpdf", "--json=2", "--json-key=qpdf", pdf, NULL};
  int status;
  g_autofree char *out = run(argv, &status);
  g_assert_cmpint(status, ==, 0);
  Json j = {json_parser_new(), NULL};
  GError *error = NULL;
  json_parser_load_from_data(j.parser, out, -1, &error);
  g_assert_no_error(error);
  JsonArray *q = json_object_get_array_member(json_node_get_object(json_parser_get_root(j.parser)), "qpdf");
  j.objs = json_array_get_object_element(q, 1);
  return j;
}

/* The dictionary of object `ref` ("4 0 R"). */
static JsonObject *json_obj(Json *j, const char *ref)
{
  g_autofree char *key = g_strconcat("obj:", ref, NULL);
  JsonObject *o = json_object_get_object_member(j->objs, key);
  g_assert_nonnull(o);
  if (json_object_has_member(o, "stream"))
    return json_object_get_object_member(json_object_get_object_member(o, "stream"), "dict");
  return json_object_get_object_member(o, "value");
}

static JsonObject *json_root(Json *j)
{
  JsonObject *t = json_object_get_object_member(json_object_get_object_member(j->objs, "trailer"), "value");
  return json_obj(j, json_object_get_string_member(t, "/Root"));
}

/* The /S names of every structure element, depth first, with "=alt" appended where
 * /Alt is set: "Document H1 Figure=... P Link Figure=...". */
static void json_tree(Json *j, JsonNode *node, GString *out)
{
  if (JSON_NODE_HOLDS_ARRAY(node)) {
    JsonArray *a = json_node_get_array(node);
    for (guint i = 0; i < json_array_get_length(a); i++)
      json_tree(j, json_array_get_element(a, i), out);
    return;
  }
  if (json_node_get_value_type(node) != G_TYPE_STRING)
    return;
  const char *ref = json_node_get_string(node);
  if (!g_str_has_suffix(ref, " R"))
    return;
  JsonObject *e = json_obj(j, ref);
  if (!json_object_has_member(e, "/S") || !json_object_has_member(e, "/K"))
    return;
  g_string_append_printf(out, "%s%s", out->len ? " " : "", json_object_get_string_member(e, "/S") + 1);
  if (json_object_has_member(e, "/Alt"))
    g_string_append_printf(out, "=%s", json_object_get_string_member(e, "/Alt"));
  json_tree(j, json_object_get_member(e, "/K"), out);
}

static char *json_page_key(Json *j, int page, const char *key)
{
  JsonObject *pages = json_obj(j, json_object_get_string_member(json_root(j), "/Pages"));
  const char *ref = json_array_get_string_element(json_object_get_array_member(pages, "/Kids"), (guint)page);
  JsonObject *p = json_obj(j, ref);
  if (!json_object_has_member(p, key))
    return NULL;
  return json_to_string(json_object_get_member(p, key), FALSE);
}

static void assert_qpdf_clean(const char *pdf)
{
  const char *argv[] = {"qpdf", "--check", pdf, NULL};
  int status;
  g_autofree char *out = run(argv, &status);
  g_assert_cmpint(status, ==, 0);
  g_assert_nonnull(strstr(out, "No syntax or stream encoding errors found"));
}

static void test_all(void)
{
  char *pdf;
  char *dir = fixture_new(&pdf);
  GError *error = NULL;
  g_assert_cmpint(pdfpost_count_figures(pdf, &error), ==, 2);
  g_assert_no_error(error);
  RlPdfPost p = {.lang = "fr-BE", .figure_alts = alts, .n_alts = 2, .boxes = true,
                 .trim_pt = {20, 20, 280, 380}, .bleed_pt = {11.5, 11.5, 288.5, 388.5}};
  g_assert_true(pdfpost_apply(pdf, &p, &error));
  g_assert_no_error(error);
  assert_qpdf_clean(pdf);

  Json j = pdf_json(pdf);
  JsonObject *root = json_root(&j);
  g_assert_cmpstr(json_object_get_string_member(root, "/Lang"), ==, "u:fr-BE");
  JsonObject *vp = json_object_get_object_member(root, "/ViewerPreferences");
  g_assert_true(json_object_get_boolean_member(vp, "/DisplayDocTitle"));
  JsonObject *tree = json_obj(&j, json_object_get_string_member(root, "/StructTreeRoot"));
  g_autoptr(GString) s = g_string_new(NULL);
  json_tree(&j, json_object_get_member(tree, "/K"), s);
  g_autofree char *want = g_strdup_printf("Document H1 Figure=u:%s P Link Figure=u:%s",
                                          alts[0], alts[1]);
  g_assert_cmpstr(s->str, ==, want);
  g_autofree char *trim = json_page_key(&j, 1, "/TrimBox");
  g_autofree char *bleed = json_page_key(&j, 0, "/BleedBox");
  g_autofree char *media = json_page_key(&j, 0, "/MediaBox");
  g_autofree char *tabs0 = json_page_key(&j, 0, "/Tabs");
  g_autofree char *tabs1 = json_page_key(&j, 1, "/Tabs");
  g_assert_cmpstr(trim, ==, "[20,20,280,380]");
  g_assert_cmpstr(bleed, ==, "[11.5,11.5,288.5,388.5]");
  g_assert_cmpstr(media, ==, "[0,0,300,400]");
  g_assert_cmpstr(tabs0, ==, "\"/S\"");
  g_assert_null(tabs1);
  g_object_unref(j.parser);

  const char *argv[] = {"pdfinfo", pdf, NULL};
  int status;
  g_autofree char *info = run(argv, &status);
  g_assert_cmpint(status, ==, 0);
  g_assert_true(g_regex_match_simple("^Tagged: +yes$", info, G_REGEX_MULTILINE, 0));
  g_assert_true(g_regex_match_simple("^Title: +Groupes de parole$", info, G_REGEX_MULTILINE, 0));
  g_assert_true(g_regex_match_simple("^Pages: +2$", info, G_REGEX_MULTILINE, 0));
  fixture_free(dir, pdf);
}

/* media_is_bleed: the MediaBox becomes the bleed box; no alts asked, figures untouched. */
static void test_media_is_bleed(void)
{
  char *pdf;
  char *dir = fixture_new(&pdf);
  GError *error = NULL;
  RlPdfPost p = {.lang = "nl-BE", .boxes = true, .media_is_bleed = true,
                 .trim_pt = {8.5, 8.5, 291.5, 391.5}, .bleed_pt = {0, 0, 300, 400}};
  g_assert_true(pdfpost_apply(pdf, &p, &error));
  g_assert_no_error(error);
  assert_qpdf_clean(pdf);
  Json j = pdf_json(pdf);
  g_assert_cmpstr(json_object_get_string_member(json_root(&j), "/Lang"), ==, "u:nl-BE");
  g_autofree char *media = json_page_key(&j, 1, "/MediaBox");
  g_autofree char *trim = json_page_key(&j, 1, "/TrimBox");
  g_assert_cmpstr(media, ==, "[0,0,300,400]");
  g_assert_cmpstr(trim, ==, "[8.5,8.5,291.5,391.5]");
  JsonObject *tree = json_obj(&j, json_object_get_string_member(json_root(&j), "/StructTreeRoot"));
  g_autoptr(GString) s = g_string_new(NULL);
  json_tree(&j, json_object_get_member(tree, "/K"), s);
  g_assert_cmpstr(s->str, ==, "Document H1 Figure P Link Figure");
  g_object_unref(j.parser);
  fixture_free(dir, pdf);
}

static char *slurp(const char *path)
{
  char *data = NULL;
  gsize len = 0;
  GError *error = NULL;
  g_file_get_contents(path, &data, &len, &error);
  g_assert_no_error(error);
  g_autofree char *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (guchar *)data, len);
  g_free(data);
  return g_strdup_printf("%s:%zu", sum, len);
}

/* The same input and options give the same bytes, in two files made separately. */
static void test_reproducible(void)
{
  char *pdf1, *pdf2;
  char *dir1 = fixture_new(&pdf1);
  char *dir2 = fixture_new(&pdf2);
  RlPdfPost p = {.lang = "fr-BE", .figure_alts = alts, .n_alts = 2};
  GError *error = NULL;
  g_assert_true(pdfpost_apply(pdf1, &p, &error));
  g_assert_true(pdfpost_apply(pdf2, &p, &error));
  g_assert_no_error(error);
  g_autofree char *a = slurp(pdf1);
  g_autofree char *b = slurp(pdf2);
  g_assert_cmpstr(a, ==, b);
  fixture_free(dir1, pdf1);
  fixture_free(dir2, pdf2);
}

/* scratch: the file is rewritten in place (same inode, nothing else in the folder) and
 * gets the same bytes as the atomic replacement. */
static void test_scratch(void)
{
  char *pdf1, *pdf2;
  char *dir1 = fixture_new(&pdf1);
  char *dir2 = fixture_new(&pdf2);
  GStatBuf before, after;
  g_assert_cmpint(g_stat(pdf2, &before), ==, 0);
  RlPdfPost p = {.lang = "fr-BE", .figure_alts = alts, .n_alts = 2};
  RlPdfPost ps = p;
  ps.scratch = true;
  GError *error = NULL;
  g_assert_true(pdfpost_apply(pdf1, &p, &error));
  g_assert_true(pdfpost_apply(pdf2, &ps, &error));
  g_assert_no_error(error);
  g_assert_cmpint(g_stat(pdf2, &after), ==, 0);
  g_assert_cmpuint(before.st_ino, ==, after.st_ino);
  g_autofree char *a = slurp(pdf1);
  g_autofree char *b = slurp(pdf2);
  g_assert_cmpstr(a, ==, b);
  GDir *d = g_dir_open(dir2, 0, &error);
  g_assert_no_error(error);
  g_assert_cmpstr(g_dir_read_name(d), ==, "t.pdf");
  g_assert_null(g_dir_read_name(d));
  g_dir_close(d);
  assert_qpdf_clean(pdf2);
  fixture_free(dir1, pdf1);
  fixture_free(dir2, pdf2);
}

/* Each failure leaves the file as it was. */
/* Streams that cairo wrote raw (pdfpost_raw_streams(): CAIRO_DEBUG_PDF) come out
 * compressed with /FlateDecode, and the page says the same; streams cairo compressed are
 * kept as they are. */
static void test_raw_streams(void)
{
  char *pdf, *raw;
  char *dir = fixture_new(&pdf);
  raw = g_build_filename(dir, "raw.pdf", NULL);
  pdfpost_raw_streams();
  make_pdf(raw);
  g_unsetenv("CAIRO_DEBUG_PDF");
  g_autofree char *before = slurp(raw);
  g_assert_null(strstr(before, "/FlateDecode")); /* this cairo heeds the variable */
  RlPdfPost p = {.lang = "fr-BE"};
  GError *error = NULL;
  g_assert_true(pdfpost_apply(raw, &p, &error));
  g_assert_true(pdfpost_apply(pdf, &p, &error));
  g_assert_no_error(error);
  assert_qpdf_clean(raw);
  Json j = pdf_json(raw);
  JsonObjectIter it;
  const char *key;
  JsonNode *node;
  int streams = 0, flate = 0;
  json_object_iter_init(&it, j.objs);
  while (json_object_iter_next(&it, &key, &node)) {
    JsonObject *o = json_node_get_object(node);
    if (!json_object_has_member(o, "stream"))
      continue;
    JsonObject *dict = json_object_get_object_member(json_object_get_object_member(o, "stream"), "dict");
    streams++;
    flate += json_object_has_member(dict, "/Filter") &&
             g_strcmp0(json_object_get_string_member(dict, "/Filter"), "/FlateDecode") == 0;
  }
  g_object_unref(j.parser);
  g_assert_cmpint(streams, >=, 3); /* two pages' contents, a font */
  g_assert_cmpint(flate, ==, streams);
  const char *argv_raw[] = {"pdftotext", raw, "-", NULL}, *argv_z[] = {"pdftotext", pdf, "-", NULL};
  int status;
  g_autofree char *text_raw = run(argv_raw, &status);
  g_autofree char *text_z = run(argv_z, &status);
  g_assert_nonnull(strstr(text_raw, "Groupes"));
  g_assert_cmpstr(text_raw, ==, text_z);
  g_free(raw);
  fixture_free(dir, pdf);
}

static void expect_failure(const RlPdfPost *p, int code, const char *message)
{
  char *pdf;
  char *dir = fixture_new(&pdf);
  g_autofree char *before = slurp(pdf);
  GError *error = NULL;
  g_assert_false(pdfpost_apply(pdf, p, &error));
  g_assert_error(error, PDFPOST_ERROR, code);
  if (message) {
    g_autofree char *want = g_strdup_printf(message, pdf);
    g_assert_cmpstr(error->message, ==, want);
  }
  g_error_free(error);
  g_autofree char *after = slurp(pdf);
  g_assert_cmpstr(before, ==, after);
  fixture_free(dir, pdf);
}

static void test_errors(void)
{
  RlPdfPost few = {.figure_alts = alts, .n_alts = 1};
  expect_failure(&few, PDFPOST_ERROR_FIGURES, "%s: 1 alt texts given for 2 figures");
  RlPdfPost lang = {.lang = "fr BE"};
  expect_failure(&lang, PDFPOST_ERROR_OPTIONS, "pdfpost: lang is not a language tag");
  RlPdfPost lang2 = {.lang = "fr--BE"};
  expect_failure(&lang2, PDFPOST_ERROR_OPTIONS, "pdfpost: lang is not a language tag");
  RlPdfPost inv = {.boxes = true, .trim_pt = {20, 20, 10, 380}, .bleed_pt = {0, 0, 300, 400}};
  expect_failure(&inv, PDFPOST_ERROR_OPTIONS, "pdfpost: trim or bleed box is empty or inverted");
  RlPdfPost out = {.boxes = true, .trim_pt = {0, 0, 300, 400}, .bleed_pt = {5, 5, 295, 395}};
  expect_failure(&out, PDFPOST_ERROR_OPTIONS, "pdfpost: trim box is not inside the bleed box");
  RlPdfPost big = {.boxes = true, .trim_pt = {10, 10, 300, 400}, .bleed_pt = {0, 0, 310, 410}};
  expect_failure(&big, PDFPOST_ERROR_BOXES,
                 "%s: page 1: bleed box [0 0 310 410] is not inside the media box [0 0 300 400]");
}

static void test_not_pdf(void)
{
  GError *error = NULL;
  char *dir = g_dir_make_tmp("test-pdfpost-XXXXXX", &error);
  char *path = g_build_filename(dir, "t.pdf", NULL);
  g_file_set_contents(path, "hello, not a PDF\n", -1, &error);
  g_assert_no_error(error);
  RlPdfPost p = {.lang = "fr"};
  g_assert_false(pdfpost_apply(path, &p, &error));
  g_assert_error(error, PDFPOST_ERROR, PDFPOST_ERROR_READ);
  g_clear_error(&error);
  g_assert_cmpint(pdfpost_count_figures(path, &error), ==, -1);
  g_assert_error(error, PDFPOST_ERROR, PDFPOST_ERROR_READ);
  g_clear_error(&error);
  g_autofree char *missing = g_build_filename(dir, "missing.pdf", NULL);
  g_assert_false(pdfpost_apply(missing, &p, &error));
  g_assert_error(error, PDFPOST_ERROR, PDFPOST_ERROR_READ);
  g_clear_error(&error);
  g_assert_false(g_file_test(missing, G_FILE_TEST_EXISTS));
  fixture_free(dir, path);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/pdfpost/all", test_all);
  g_test_add_func("/pdfpost/media-is-bleed", test_media_is_bleed);
  g_test_add_func("/pdfpost/reproducible", test_reproducible);
  g_test_add_func("/pdfpost/scratch", test_scratch);
  g_test_add_func("/pdfpost/raw-streams", test_raw_streams);
  g_test_add_func("/pdfpost/errors", test_errors);
  g_test_add_func("/pdfpost/not-pdf", test_not_pdf);
  return g_test_run();
}
