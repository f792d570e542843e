/* pdfpost.h - the accessibility and print post-pass over a finished PDF.
 *
 * cairo 1.16 writes no catalog /Lang, no /ViewerPreferences, no /Alt on figures and no
 * TrimBox/BleedBox. pdfpost_apply() reads the PDF cairo finished (with libqpdf), adds
 * them, and replaces the file atomically (temporary file + rename). The output is the
 * same bytes for the same input and options (deterministic /ID, no clock) and passes
 * `qpdf --check`.
 *
 * What it adds:
 *  - catalog /Lang (lang) and /ViewerPreferences << /DisplayDocTitle true >>, so readers
 *    show the document title and screen readers pick the right voice;
 *  - /Alt on every structure element whose /S is /Figure, in document order (depth-first
 *    through the structure tree, which is the order cairo_tag_begin() was called in);
 *  - /Tabs /S on every page that has annotations (links), as PDF/UA asks;
 *  - when boxes is set, /TrimBox and /BleedBox on every page, and /MediaBox set to the
 *    bleed box when media_is_bleed is set.
 */
#pragma once

#include <glib.h>
#include <stdbool.h>

#define PDFPOST_ERROR (pdfpost_error_quark())
GQuark pdfpost_error_quark(void);

typedef enum {
  PDFPOST_ERROR_OPTIONS, /* bad options: lang not a language tag, empty or inverted box */
  PDFPOST_ERROR_READ,    /* the file cannot be read or is not a clean PDF */
  PDFPOST_ERROR_FIGURES, /* n_alts differs from the number of /Figure elements */
  PDFPOST_ERROR_BOXES,   /* trim not inside bleed, or bleed not inside the MediaBox */
  PDFPOST_ERROR_WRITE,   /* libqpdf or the file system failed to write the result */
} PdfPostError;

/* What to add. Zero-initialise, then fill what you need. Boxes are [x0, y0, x1, y1] in
 * PDF default user space: points, origin at the bottom-left of the page as cairo made
 * it (cairo's MediaBox is [0 0 width height]). An A4 page with 3 mm bleed drawn on a
 * surface (210 + 6) mm wide: bleed = {0, 0, 612.28, 850.39},
 * trim = {8.50, 8.50, 603.78, 841.89}. */
typedef struct {
  const char *lang;               /* catalog /Lang, BCP 47 ("fr-BE"); NULL: leave as is */
  const char *const *figure_alts; /* /Alt of each /Figure in document order (UTF-8);
                                   * a NULL entry leaves that figure alone */
  guint n_alts;                   /* 0: do not touch figures; otherwise it must equal
                                   * the number of /Figure elements in the PDF */
  bool boxes;                     /* set /TrimBox and /BleedBox on every page */
  double trim_pt[4];              /* trim box, points (when boxes) */
  double bleed_pt[4];             /* bleed box, points (when boxes); contains trim_pt */
  bool media_is_bleed;            /* also set /MediaBox = bleed box (and drop /CropBox);
                                   * leave false when crop marks lie outside the bleed */
  bool scratch;                   /* path is the caller's own temporary file: write the
                                   * result over it (no second temporary file and rename;
                                   * on failure it may be left damaged) */
} RlPdfPost;

/* Applies `p` to the PDF at `path` and replaces the file with the result (atomic
 * rename, not flushed to disk: the caller fsyncs the finished file; on failure the
 * original file is left untouched; with p->scratch, written over in place). Returns false with *error
 * set (PDFPOST_ERROR_*) on failure. Safe to call from several threads on different
 * files. Also sets /ViewerPreferences/DisplayDocTitle true in every case. */
bool pdfpost_apply(const char *path, const RlPdfPost *p, GError **error);

/* Asks cairo to write PDF content streams uncompressed (cairo 1.16 has no API for it;
 * its CAIRO_DEBUG_PDF environment variable does it), so that pdfpost_apply() compresses
 * them with libdeflate: the same size in half of zlib's time. A cairo that ignores the
 * variable compresses as before, and pdfpost_apply() leaves its streams alone. Call it
 * before any thread starts (it sets an environment variable): only main() does. */
void pdfpost_raw_streams(void);

/* Counts the structure elements with /S /Figure in the PDF at `path` (so a caller can
 * check its alt texts before applying). Returns the count, or -1 with *error set
 * (PDFPOST_ERROR_READ). */
int pdfpost_count_figures(const char *path, GError **error);
