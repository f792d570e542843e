/* test-qr.c - QR codes: sizes, errors, and zbarimg reading back what qr_draw() drew. */
#include "layout/qr.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>

/* URLs a brochure prints: short, long, non-ASCII percent-encoded, with query and case. */
static const char *const test_urls[] = {
  "https://example.be",
  "https://www.reseau-sante-mentale.be/groupes/parole-entre-aidants?region=bruxelles&jour=lundi",
  "https://example.be/%C3%A9coute/caf%C3%A9-des-aidants-%C3%A0-li%C3%A8ge",
  "https://nl.example.be/Praatgroep/Ouderen?Taal=NL&Stad=Sint-Jans-Molenbeek#Kaart",
  "tel:+3221234567",
};

/* Runs zbarimg on a PNG file; returns the decoded text (without the trailing newline)
 * or NULL when nothing decodes. */
static char *zbar_png(const char *png)
{
  const char *argv[] = {"zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable",
                        png, NULL};
  char *out = NULL;
  int status = 0;
  GError *error = NULL;
  g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
               NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error(error);
  if (!g_spawn_check_wait_status(status, NULL)) {
    g_free(out);
    return NULL;
  }
  g_strchomp(out);
  return out;
}

/* A temporary folder for one test; removed by tmp_free(). */
static char *tmp_new(void)
{
  GError *error = NULL;
  char *dir = g_dir_make_tmp("test-qr-XXXXXX", &error);
  g_assert_no_error(error);
  return dir;
}

static void tmp_free(char *dir)
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
}

/* Draws `text` at `px` pixels per module on a grey image and returns the surface. */
static cairo_surface_t *draw_image(const char *text, int px, int margin)
{
  GError *error = NULL;
  RlQr *qr = qr_new(text, &error);
  g_assert_no_error(error);
  int side = qr_total_modules(qr) * px + 2 * margin;
  cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, side, side);
  cairo_t *cr = cairo_create(s);
  cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
  cairo_paint(cr);
  qr_draw(qr, cr, margin, margin, qr_modules(qr) * px);
  g_assert_false(cairo_has_current_point(cr));
  g_assert_cmpint(cairo_status(cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy(cr);
  qr_free(qr);
  cairo_surface_flush(s);
  return s;
}

static guint32 pixel(cairo_surface_t *s, int x, int y)
{
  const unsigned char *d = cairo_image_surface_get_data(s);
  return *(const guint32 *)(d + y * cairo_image_surface_get_stride(s) + x * 4) & 0xffffff;
}

static void test_sizes(void)
{
  GError *error = NULL;
  RlQr *qr = qr_new("https://example.be", &error); /* 18 bytes: version 2 at ECC M */
  g_assert_no_error(error);
  g_assert_cmpint(qr_modules(qr), ==, 25);
  g_assert_cmpint(qr_total_modules(qr), ==, 33);
  g_assert_cmpfloat_with_epsilon(qr_total_width(qr, 50.0), 66.0, 1e-9);
  qr_free(qr);
  qr = qr_new("abc", &error); /* version 1 */
  g_assert_no_error(error);
  g_assert_cmpint(qr_modules(qr), ==, 21);
  qr_free(qr);
  qr_free(NULL);
}

static void test_errors(void)
{
  GError *error = NULL;
  g_assert_null(qr_new("", &error));
  g_assert_error(error, QR_ERROR, QR_ERROR_EMPTY);
  g_clear_error(&error);
  g_assert_null(qr_new(NULL, &error));
  g_assert_error(error, QR_ERROR, QR_ERROR_EMPTY);
  g_clear_error(&error);
  char *big = g_strnfill(2332, 'a');
  g_assert_null(qr_new(big, &error));
  g_assert_error(error, QR_ERROR, QR_ERROR_TOO_LONG);
  g_assert_cmpstr(error->message, ==, "text too long for a QR code (2332 bytes; at most "
                                      "2331 fit at error correction level M)");
  g_clear_error(&error);
  big[2331] = '\0'; /* exactly the capacity of version 40-M in 8-bit mode */
  RlQr *qr = qr_new(big, &error);
  g_assert_no_error(error);
  g_assert_cmpint(qr_modules(qr), ==, 177);
  qr_free(qr);
  g_free(big);
  cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 10, 10);
  cairo_t *cr = cairo_create(s);
  g_assert_false(qr_draw_text(cr, "", 0, 0, 10, &error));
  g_assert_error(error, QR_ERROR, QR_ERROR_EMPTY);
  g_clear_error(&error);
  cairo_destroy(cr);
  cairo_surface_destroy(s);
}

static void test_decodes(void)
{
  char *dir = tmp_new();
  for (guint i = 0; i < G_N_ELEMENTS(test_urls); i++) {
    cairo_surface_t *s = draw_image(test_urls[i], 4, 10);
    g_autofree char *png = g_strdup_printf("%s/qr%u.png", dir, i);
    g_assert_cmpint(cairo_surface_write_to_png(s, png), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);
    g_autofree char *got = zbar_png(png);
    g_assert_cmpstr(got, ==, test_urls[i]);
  }
  tmp_free(dir);
}

/* The quiet zone is pure white, the drawing stays inside its square, and the finder
 * pattern's corner module is black. */
static void test_quiet_zone(void)
{
  const int px = 3, margin = 7;
  cairo_surface_t *s = draw_image(test_urls[1], px, margin);
  int side = cairo_image_surface_get_width(s);
  int total = side - 2 * margin;
  int quiet = QR_QUIET_MODULES * px;
  for (int y = 0; y < side; y++)
    for (int x = 0; x < side; x++) {
      bool outside = x < margin || y < margin || x >= margin + total || y >= margin + total;
      int ix = x - margin, iy = y - margin;
      bool in_quiet = !outside && (ix < quiet || iy < quiet || ix >= total - quiet ||
                                   iy >= total - quiet);
      if (outside)
        g_assert_cmphex(pixel(s, x, y), ==, 0x808080);
      else if (in_quiet)
        g_assert_cmphex(pixel(s, x, y), ==, 0xffffff);
    }
  g_assert_cmphex(pixel(s, margin + quiet, margin + quiet), ==, 0x000000);
  g_assert_cmphex(pixel(s, margin + total - quiet - 1, margin + quiet), ==, 0x000000);
  cairo_surface_destroy(s);
}

/* Every module is drawn exactly where qr_module_dark() says, dark or light. */
static void test_modules_exact(void)
{
  const int px = 3, margin = 5;
  GError *error = NULL;
  RlQr *qr = qr_new(test_urls[2], &error);
  g_assert_no_error(error);
  cairo_surface_t *s = draw_image(test_urls[2], px, margin);
  int q = margin + QR_QUIET_MODULES * px;
  for (int y = 0; y < qr_modules(qr); y++)
    for (int x = 0; x < qr_modules(qr); x++) {
      guint32 want = qr_module_dark(qr, x, y) ? 0x000000 : 0xffffff;
      for (int dy = 0; dy < px; dy++)
        for (int dx = 0; dx < px; dx++)
          g_assert_cmphex(pixel(s, q + x * px + dx, q + y * px + dy), ==, want);
    }
  /* The top-left finder pattern: dark corner, light separator; nothing outside. */
  g_assert_true(qr_module_dark(qr, 0, 0));
  g_assert_true(qr_module_dark(qr, 6, 6));
  g_assert_false(qr_module_dark(qr, 7, 0));
  g_assert_false(qr_module_dark(qr, -1, 0));
  g_assert_false(qr_module_dark(qr, 0, qr_modules(qr)));
  cairo_surface_destroy(s);
  qr_free(qr);
}

/* In a PDF, the code is two fills: the white square and one path of all dark modules. */
static void test_one_fill(void)
{
  char *dir = tmp_new();
  g_autofree char *pdf = g_build_filename(dir, "qr.pdf", NULL);
  cairo_surface_t *s = cairo_pdf_surface_create(pdf, 200, 200);
  cairo_t *cr = cairo_create(s);
  g_assert_true(qr_draw_text(cr, test_urls[1], 10, 10, 150, NULL));
  cairo_destroy(cr);
  cairo_surface_finish(s);
  g_assert_cmpint(cairo_surface_status(s), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy(s);
  const char *argv[] = {"qpdf", "--qdf", "--object-streams=disable", pdf, "-", NULL};
  g_autofree char *out = NULL;
  int status = 0;
  GError *error = NULL;
  g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
               &status, &error);
  g_assert_no_error(error);
  g_assert_true(g_spawn_check_wait_status(status, NULL));
  char *xref = strstr(out, "\nxref\n"); /* its free entries end in "f" too */
  g_assert_nonnull(xref);
  *xref = '\0';
  g_auto(GStrv) tokens = g_strsplit_set(out, " \r\n\t", -1); /* bytes, not UTF-8 */
  int fills = 0, closes = 0;
  for (char **t = tokens; *t; t++) {
    fills += strcmp(*t, "f") == 0 || strcmp(*t, "f*") == 0;
    closes += strcmp(*t, "h") == 0;
  }
  g_assert_cmpint(fills, ==, 2);
  g_assert_cmpint(closes, >, 100); /* the dark rectangles, all in the one path */
  tmp_free(dir);
}

/* A 30 mm code in a PDF, rasterised by pdftoppm at 150 dpi, decodes. */
static void test_pdf_30mm(void)
{
  char *dir = tmp_new();
  g_autofree char *pdf = g_build_filename(dir, "qr.pdf", NULL);
  const double mm = 72.0 / 25.4;
  cairo_surface_t *s = cairo_pdf_surface_create(pdf, 60 * mm, 60 * mm);
  cairo_t *cr = cairo_create(s);
  GError *error = NULL;
  g_assert_true(qr_draw_text(cr, test_urls[1], 12 * mm, 12 * mm, 30 * mm, &error));
  g_assert_no_error(error);
  cairo_destroy(cr);
  cairo_surface_finish(s);
  g_assert_cmpint(cairo_surface_status(s), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy(s);
  g_autofree char *prefix = g_build_filename(dir, "page", NULL);
  const char *argv[] = {"pdftoppm", "-r", "150", "-png", "-singlefile", pdf, prefix, NULL};
  int status = 0;
  g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
               &status, &error);
  g_assert_no_error(error);
  g_assert_true(g_spawn_check_wait_status(status, NULL));
  g_autofree char *png = g_strconcat(prefix, ".png", NULL);
  g_autofree char *got = zbar_png(png);
  g_assert_cmpstr(got, ==, test_urls[1]);
  tmp_free(dir);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/qr/sizes", test_sizes);
  g_test_add_func("/qr/errors", test_errors);
  g_test_add_func("/qr/decodes", test_decodes);
  g_test_add_func("/qr/quiet-zone", test_quiet_zone);
  g_test_add_func("/qr/modules-exact", test_modules_exact);
  g_test_add_func("/qr/one-fill", test_one_fill);
  g_test_add_func("/qr/pdf-30mm-150dpi", test_pdf_30mm);
  return g_test_run();
}
