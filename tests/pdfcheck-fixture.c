/* pdfcheck-fixture.c - writes the PDFs tests/test-pdfcheck.sh checks tests/pdfcheck.sh
 * against: text of known sizes drawn plain, scaled and rotated, a QR code, tags and
 * /Lang. (No recording surface: cairo 1.16 leaks ~1.8 kB per recording surface painted
 * into a PDF, which LeakSanitizer reports.)
 *
 *   pdfcheck-fixture sizes OUT.pdf   A4, 2 pages, tagged, title "Sizes"; text drawn
 *                                    at 16, 12 (24 scaled by 0.5), 14 (rotated) and
 *                                    20 pt (10 pt scaled by 2, on page 2);
 *                                    page 2 has a 30 mm QR code of FIXTURE_URL in a
 *                                    Figure; post-pass: /Lang fr-BE, /Alt "QR code",
 *                                    TrimBox 3 mm inside the page, BleedBox the page
 *   pdfcheck-fixture raw OUT.pdf     the same without the post-pass
 *   pdfcheck-fixture plain OUT.pdf   A5, 1 page, untagged, no /Lang, 9 pt text
 */
#include "layout/pdfpost.h"
#include "layout/qr.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <stdio.h>
#include <string.h>

#define FIXTURE_URL "https://example.be/groupes/caf%C3%A9-des-aidants?jour=lundi"

static void text_at(cairo_t *cr, double x, double y, double size, const char *s)
{
  cairo_set_font_size(cr, size);
  cairo_move_to(cr, x, y);
  cairo_show_text(cr, s);
}

/* 10 pt text drawn at twice the scale: cairo writes the scale into the text matrix. */
static void scaled_twice(cairo_t *cr, double x, double y)
{
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_scale(cr, 2, 2);
  text_at(cr, 0, 10, 10, "Twenty");
  cairo_restore(cr);
}

static void sizes_pages(cairo_t *cr)
{
  cairo_tag_begin(cr, "Document", "");
  cairo_tag_begin(cr, "P", "");
  text_at(cr, 72, 100, 16, "Sixteen");
  cairo_save(cr);
  cairo_scale(cr, 0.5, 0.5);
  text_at(cr, 144, 300, 24, "Twelve");
  cairo_restore(cr);
  cairo_save(cr);
  cairo_translate(cr, 300, 400);
  cairo_rotate(cr, G_PI / 2);
  text_at(cr, 0, 0, 14, "Fourteen");
  cairo_restore(cr);
  cairo_tag_end(cr, "P");
  cairo_show_page(cr);
  cairo_tag_begin(cr, "P", "");
  scaled_twice(cr, 72, 72);
  cairo_tag_end(cr, "P");
  cairo_tag_begin(cr, "Figure", "");
  GError *error = NULL;
  if (!qr_draw_text(cr, FIXTURE_URL, 72, 200, 30 * 72 / 25.4, &error))
    g_error("%s", error->message);
  cairo_tag_end(cr, "Figure");
  cairo_tag_end(cr, "Document");
}

static void plain_pages(cairo_t *cr) { text_at(cr, 40, 60, 9, "Nine points"); }

/* Writes one fixture; returns false with *error set. */
static bool fixture_write(const char *kind, const char *path, GError **error)
{
  bool plain = strcmp(kind, "plain") == 0, sizes = !plain;
  cairo_surface_t *s = sizes ? cairo_pdf_surface_create(path, 595.276, 841.89)
                             : cairo_pdf_surface_create(path, 419.528, 595.276);
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "2026-01-01T00:00:00Z");
  if (sizes)
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, "Sizes");
  cairo_t *cr = cairo_create(s);
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  (sizes ? sizes_pages : plain_pages)(cr);
  cairo_destroy(cr);
  cairo_surface_finish(s);
  cairo_status_t st = cairo_surface_status(s);
  cairo_surface_destroy(s);
  if (st != CAIRO_STATUS_SUCCESS) {
    g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path, cairo_status_to_string(st));
    return false;
  }
  static const char *const alts[] = {"QR code"};
  const double mm3 = 3 * 72 / 25.4;
  RlPdfPost post = {.lang = "fr-BE", .figure_alts = alts, .n_alts = 1, .boxes = true,
                    .trim_pt = {mm3, mm3, 595.276 - mm3, 841.89 - mm3},
                    .bleed_pt = {0, 0, 595.276, 841.89}};
  return strcmp(kind, "sizes") || pdfpost_apply(path, &post, error);
}

int main(int argc, char **argv)
{
  if (argc != 3 || (strcmp(argv[1], "sizes") && strcmp(argv[1], "raw") &&
                    strcmp(argv[1], "plain"))) {
    fprintf(stderr, "usage: pdfcheck-fixture sizes|raw|plain OUT.pdf\n");
    return 2;
  }
  GError *error = NULL;
  bool ok = fixture_write(argv[1], argv[2], &error);
  if (!ok) {
    fprintf(stderr, "pdfcheck-fixture: %s\n", error->message);
    g_error_free(error);
  }
  return ok ? 0 : 1;
}
