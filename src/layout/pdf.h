/* pdf.h - the PDF surface every brochure and poster is drawn on: reproducible metadata,
 * structure tags (Document, H1, H2, P, L/LI, Link, Figure), outline, and links.
 *
 * cairo 1.16 facts this code follows: the outermost tag must be Document for the file to
 * count as tagged; never use "Artifact"; tag attributes are parsed with the C locale
 * (LC_NUMERIC=C, set by main.c); link URIs must be ASCII (percent-encoded here).
 */
#pragma once

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <stdbool.h>

#include "model/model.h"

/* What the document says about itself. Strings are borrowed for the call. */
typedef struct {
  const char *title;      /* shown by viewers instead of the file name */
  const char *author;     /* the organisation */
  const char *subject;
  const char *keywords;
  RlLang lang;            /* for /Lang (added by the post-pass) */
  gint64 source_date_epoch; /* creation date; 0 = a fixed date (2000-01-01) */
} RlPdfMeta;

/* A new PDF surface for `path` of w_pt x h_pt points with the metadata set (creation
 * and modification dates from meta->source_date_epoch, never the clock), written into
 * memory until pdf_finish(). Returns NULL with *error set when cairo cannot create it.
 * Destroy with cairo_surface_destroy() after pdf_finish(). */
cairo_surface_t *pdf_surface_new(const char *path, double w_pt, double h_pt,
                                 const RlPdfMeta *meta, GError **error);
/* Finishes the surface, checks its status and writes the PDF at `path` (replaced in
 * place, not flushed); false with *error set naming `path` on failure. Does not destroy
 * the surface. */
bool pdf_finish(cairo_surface_t *s, const char *path, GError **error);

/* Structure tags: begin/end pairs around what is drawn. Use PDF names: "Document", "H1",
 * "H2", "P", "L", "LI", "Figure", "Sect". pdf_tag_begin(cr, "Document") first. */
void pdf_tag_begin(cairo_t *cr, const char *tag);
void pdf_tag_end(cairo_t *cr, const char *tag);

/* Begins a link to `uri` (percent-encoded to ASCII here) around what is drawn until
 * pdf_link_end(). An empty or NULL uri draws without a link (the end is then a no-op,
 * as long as the same uri is passed). */
void pdf_link_begin(cairo_t *cr, const char *uri);
void pdf_link_end(cairo_t *cr, const char *uri);

/* URIs for a contact: "https://…" as given; "mailto:info@example.be";
 * "tel:+3221234567" (a Belgian number written "02 123 45 67" gets +32). NULL when the
 * input is NULL or empty. Free with g_free(). */
char *pdf_uri_web(const char *url);
char *pdf_uri_mail(const char *email);
char *pdf_uri_tel(const char *phone);
/* The URI percent-encoded to ASCII, with ' and \ escaped too (safe in a cairo tag
 * attribute). Free with g_free(). */
char *pdf_uri_escape(const char *uri);

/* Adds an outline (bookmark) entry for page `page` (1-based) under `parent`
 * (CAIRO_PDF_OUTLINE_ROOT for the top level); returns its id for children. */
int pdf_outline_add(cairo_surface_t *s, int parent, const char *name, int page);

/* A width or height in millimetres as points. */
static inline double pdf_mm(double mm) { return mm * 72.0 / 25.4; }

/* ---- figures (alt texts for the post-pass) ---------------------------------------- */

/* Begins a "Figure" tag and remembers `alt` (copied) for the surface cr draws on, when
 * that surface came from pdf_surface_new(); end with pdf_tag_end(cr, "Figure"). */
void pdf_figure_begin(cairo_t *cr, const char *alt);
/* The alt texts of the figures drawn on s so far, in document order (char*, owned by s;
 * NULL when s is not from pdf_surface_new()). */
GPtrArray *pdf_figure_alts(cairo_surface_t *s);

/* ---- page geometry and print marks ------------------------------------------------- */

/* Where the trimmed page sits on the sheet cairo draws (points, origin top left). */
typedef struct {
  double media_w, media_h; /* the PDF page */
  double trim_x, trim_y;   /* top-left corner of the trimmed page */
  double trim_w, trim_h;
  double bleed;            /* points drawn past the trim (0 without --press) */
  bool press;
} RlPage;

/* Geometry for a trim of w x h points: the trim itself, or with press the trim plus
 * bleed_mm of bleed and a 10 mm slug for crop marks on every side. */
RlPage pdf_page(double trim_w, double trim_h, bool press, double bleed_mm);
/* Draws hairline crop marks (0.25 pt, 6 mm long) outside the bleed; no-op without press. */
void pdf_crop_marks(cairo_t *cr, const RlPage *pg);
/* The trim and bleed boxes of pg in PDF space ([x0 y0 x1 y1], origin bottom left). */
void pdf_page_boxes(const RlPage *pg, double trim[4], double bleed[4]);

/* The BCP 47 tag of a language for /Lang: "fr-BE", "nl-BE", "de-BE", "en". */
const char *pdf_lang_tag(RlLang lang);
