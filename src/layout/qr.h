/* qr.h - QR codes drawn as one cairo path.
 *
 * A QR code is encoded once with libqrencode (ECC level M, 8-bit mode, case-sensitive)
 * into an RlQr, which a caller can measure before it lays out the page and then draw any
 * number of times. Drawing paints a white square (the symbol plus a quiet zone of
 * QR_QUIET_MODULES modules on every side) and then fills the dark modules,
 * cut into rectangles, as a single path filled once in black, so there are no seams
 * between modules. Sizes are in the user units of the
 * cairo context (points on a PDF surface, pixels on an image surface).
 *
 * Text is encoded byte for byte: give URLs already percent-encoded to ASCII so every
 * phone reads them the same way.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <stdbool.h>

/* Width of the white margin around the symbol, in modules (ISO/IEC 18004 asks for 4). */
#define QR_QUIET_MODULES 4

#define QR_ERROR (qr_error_quark())
GQuark qr_error_quark(void);

typedef enum {
  QR_ERROR_EMPTY,    /* the text is NULL or "" */
  QR_ERROR_TOO_LONG, /* the text does not fit in a version-40 symbol at ECC M */
  QR_ERROR_ENCODE,   /* libqrencode failed for another reason (out of memory...) */
} QrError;

typedef struct RlQr RlQr;

/* Encodes `text` (UTF-8 or ASCII bytes, NUL-terminated). Returns a new code that the
 * caller frees with qr_free(), or NULL with *error set (QR_ERROR_EMPTY, _TOO_LONG,
 * _ENCODE). */
RlQr *qr_new(const char *text, GError **error);

/* Frees a code; qr_free(NULL) does nothing. */
void qr_free(RlQr *qr);

/* Number of modules across the symbol, without the quiet zone (21 for version 1,
 * 4 * version + 17 in general). */
int qr_modules(const RlQr *qr);

/* Number of modules across the whole drawing, quiet zone included:
 * qr_modules() + 2 * QR_QUIET_MODULES. */
int qr_total_modules(const RlQr *qr);

/* Width (and height) of the whole drawing, quiet zone included, when the symbol itself
 * is `size` user units wide: size * qr_total_modules() / qr_modules(). */
double qr_total_width(const RlQr *qr, double size);

/* Whether the module at column x, row y (0-based, from the symbol's top-left corner,
 * quiet zone excluded) is dark; false outside the symbol. For drawing the code with
 * something other than cairo (an SVG or HTML kiosk slide). */
bool qr_module_dark(const RlQr *qr, int x, int y);

/* Draws the code with the top-left corner of its quiet zone at (x, y): a white square
 * qr_total_width(qr, size) wide, then the dark modules, the symbol itself `size` user
 * units wide starting at x + size * QR_QUIET_MODULES / qr_modules(). Saves and restores
 * the cairo state and leaves no current path. Does nothing when size <= 0. Errors are
 * those of the cairo context (check cairo_status() as usual). */
void qr_draw(const RlQr *qr, cairo_t *cr, double x, double y, double size);

/* One call for the common case: encodes `text` and draws it as qr_draw() does.
 * Returns false with *error set when the text cannot be encoded (nothing is drawn). */
bool qr_draw_text(cairo_t *cr, const char *text, double x, double y, double size,
                  GError **error);
