/* qr.c - QR codes drawn as one cairo path (see qr.h). libqrencode is built thread-safe
 * on Debian (its Reed-Solomon tables are guarded by a mutex), so codes may be encoded on
 * several worker threads at once. */
#include "layout/qr.h"

#include <errno.h>
#include <string.h>
#include <qrencode.h>

struct RlQr {
  QRcode *code; /* owned; code->data[y * width + x] & 1 is a dark module */
};

G_DEFINE_QUARK(relais-qr-error-quark, qr_error)

/* Sets *error from the errno libqrencode left after a failed encode. */
static void qr_set_encode_error(int err, size_t len, GError **error)
{
  if (err == ERANGE)
    g_set_error(error, QR_ERROR, QR_ERROR_TOO_LONG,
                "text too long for a QR code (%zu bytes; at most 2331 fit at error "
                "correction level M)", len);
  else
    g_set_error(error, QR_ERROR, QR_ERROR_ENCODE, "cannot encode QR code: %s",
                g_strerror(err));
}

RlQr *qr_new(const char *text, GError **error)
{
  if (text == NULL || *text == '\0') {
    g_set_error_literal(error, QR_ERROR, QR_ERROR_EMPTY, "empty text for a QR code");
    return NULL;
  }
  errno = 0;
  QRcode *code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == NULL) {
    qr_set_encode_error(errno ? errno : ENOMEM, strlen(text), error);
    return NULL;
  }
  RlQr *qr = g_new0(RlQr, 1);
  qr->code = code;
  return qr;
}

void qr_free(RlQr *qr)
{
  if (qr == NULL)
    return;
  QRcode_free(qr->code);
  g_free(qr);
}

int qr_modules(const RlQr *qr) { return qr->code->width; }

int qr_total_modules(const RlQr *qr) { return qr->code->width + 2 * QR_QUIET_MODULES; }

double qr_total_width(const RlQr *qr, double size)
{
  return size * qr_total_modules(qr) / qr_modules(qr);
}

/* Adds one rectangle per horizontal run of dark modules in row y to the current path,
 * in module units. */
static void qr_path_row(const RlQr *qr, cairo_t *cr, int y)
{
  int w = qr->code->width;
  const unsigned char *row = qr->code->data + (size_t)y * (size_t)w;
  int x = 0;
  while (x < w) {
    if (!(row[x] & 1)) {
      x++;
      continue;
    }
    int start = x;
    while (x < w && (row[x] & 1))
      x++;
    cairo_rectangle(cr, start, y, x - start, 1);
  }
}

void qr_draw(const RlQr *qr, cairo_t *cr, double x, double y, double size)
{
  if (size <= 0)
    return;
  double module = size / qr_modules(qr);
  cairo_save(cr);
  cairo_new_path(cr);
  cairo_translate(cr, x, y);
  cairo_scale(cr, module, module);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, 0, 0, qr_total_modules(qr), qr_total_modules(qr));
  cairo_fill(cr);
  cairo_translate(cr, QR_QUIET_MODULES, QR_QUIET_MODULES);
  for (int row = 0; row < qr->code->width; row++)
    qr_path_row(qr, cr, row);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
  cairo_fill(cr);
  cairo_restore(cr);
}

bool qr_draw_text(cairo_t *cr, const char *text, double x, double y, double size,
                  GError **error)
{
  RlQr *qr = qr_new(text, error);
  if (qr == NULL)
    return false;
  qr_draw(qr, cr, x, y, size);
  qr_free(qr);
  return true;
}
