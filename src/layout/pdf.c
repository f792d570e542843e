/* pdf.c - cairo PDF surface with metadata, tags, outline and links. */
#include "pdf.h"

#include <string.h>

static void attach_alts(cairo_surface_t *s);

GQuark pdf_error_quark(void);
G_DEFINE_QUARK(relais-pdf-error-quark, pdf_error)

/* "2026-11-20T10:00:00" (UTC) for a SOURCE_DATE_EPOCH, or a fixed date for 0. */
static char *iso_date(gint64 epoch)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc(epoch > 0 ? epoch : 946684800);
  return g_date_time_format(dt, "%Y-%m-%dT%H:%M:%S");
}

static void set_meta(cairo_surface_t *s, cairo_pdf_metadata_t key, const char *value)
{
  if (value && *value)
    cairo_pdf_surface_set_metadata(s, key, value);
}

/* The bytes cairo writes, kept in memory until pdf_finish() writes them to the file. */
static const cairo_user_data_key_t bytes_key;

static cairo_status_t append_bytes(void *closure, const unsigned char *data, unsigned int len)
{
  g_byte_array_append(closure, data, len);
  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *pdf_surface_new(const char *path, double w_pt, double h_pt,
                                 const RlPdfMeta *meta, GError **error)
{
  /* Written to memory: cairo never sees a failed write (1.16 asserts on one when it
   * writes streams raw, pdfpost_raw_streams()), and pdf_finish() reports it. */
  GByteArray *bytes = g_byte_array_new();
  cairo_surface_t *s = cairo_pdf_surface_create_for_stream(append_bytes, bytes, w_pt, h_pt);
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
    g_set_error(error, pdf_error_quark(), 1, "cannot create '%s': %s", path,
                cairo_status_to_string(cairo_surface_status(s)));
    cairo_surface_destroy(s);
    g_byte_array_unref(bytes);
    return NULL;
  }
  cairo_surface_set_user_data(s, &bytes_key, bytes, (cairo_destroy_func_t)g_byte_array_unref);
  cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5);
  attach_alts(s);
  set_meta(s, CAIRO_PDF_METADATA_TITLE, meta->title);
  set_meta(s, CAIRO_PDF_METADATA_AUTHOR, meta->author);
  set_meta(s, CAIRO_PDF_METADATA_SUBJECT, meta->subject);
  set_meta(s, CAIRO_PDF_METADATA_KEYWORDS, meta->keywords);
  set_meta(s, CAIRO_PDF_METADATA_CREATOR, "relais");
  g_autofree char *date = iso_date(meta->source_date_epoch);
  set_meta(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
  set_meta(s, CAIRO_PDF_METADATA_MOD_DATE, date);
  return s;
}

bool pdf_finish(cairo_surface_t *s, const char *path, GError **error)
{
  cairo_surface_finish(s);
  cairo_status_t st = cairo_surface_status(s);
  GByteArray *bytes = cairo_surface_get_user_data(s, &bytes_key);
  if (st != CAIRO_STATUS_SUCCESS) {
    g_set_error(error, pdf_error_quark(), 2, "cannot write '%s': %s", path,
                cairo_status_to_string(st));
    return false;
  }
  /* GLib's message names the file and says why ("File too large"). */
  return !bytes || g_file_set_contents_full(path, (const char *)bytes->data, (gssize)bytes->len,
                                            G_FILE_SET_CONTENTS_NONE, 0644, error);
}

void pdf_tag_begin(cairo_t *cr, const char *tag) { cairo_tag_begin(cr, tag, ""); }
void pdf_tag_end(cairo_t *cr, const char *tag) { cairo_tag_end(cr, tag); }

char *pdf_uri_escape(const char *uri)
{
  /* Reserved characters stay (the URI keeps its meaning), except ' and \, which would end
   * the cairo attribute string. */
  return g_uri_escape_string(uri, ":/?#[]@!$&()*+,;=%~", FALSE);
}

void pdf_link_begin(cairo_t *cr, const char *uri)
{
  if (!uri || !*uri)
    return;
  g_autofree char *esc = pdf_uri_escape(uri);
  g_autofree char *attr = g_strdup_printf("uri='%s'", esc);
  cairo_tag_begin(cr, CAIRO_TAG_LINK, attr);
}

void pdf_link_end(cairo_t *cr, const char *uri)
{
  if (uri && *uri)
    cairo_tag_end(cr, CAIRO_TAG_LINK);
}

char *pdf_uri_web(const char *url) { return url && *url ? g_strdup(url) : NULL; }

char *pdf_uri_mail(const char *email)
{
  return email && *email ? g_strconcat("mailto:", email, NULL) : NULL;
}

char *pdf_uri_tel(const char *phone)
{
  if (!phone || !*phone)
    return NULL;
  GString *digits = g_string_new(NULL);
  for (const char *p = phone; *p; p++)
    if (g_ascii_isdigit(*p) || (*p == '+' && digits->len == 0))
      g_string_append_c(digits, *p);
  if (digits->len == 0) {
    g_string_free(digits, TRUE);
    return NULL;
  }
  if (g_str_has_prefix(digits->str, "00")) {
    g_string_erase(digits, 0, 2);
    g_string_prepend_c(digits, '+');
  } else if (digits->str[0] == '0') { /* Belgian national number */
    g_string_erase(digits, 0, 1);
    g_string_prepend(digits, "+32");
  }
  g_string_prepend(digits, "tel:");
  return g_string_free(digits, FALSE);
}

int pdf_outline_add(cairo_surface_t *s, int parent, const char *name, int page)
{
  g_autofree char *dest = g_strdup_printf("page=%d", page);
  return cairo_pdf_surface_add_outline(s, parent, name, dest, 0);
}

/* ---- figures ----------------------------------------------------------------------- */

static const cairo_user_data_key_t alts_key;

static void attach_alts(cairo_surface_t *s)
{
  cairo_surface_set_user_data(s, &alts_key, g_ptr_array_new_with_free_func(g_free),
                              (cairo_destroy_func_t)g_ptr_array_unref);
}

GPtrArray *pdf_figure_alts(cairo_surface_t *s) { return cairo_surface_get_user_data(s, &alts_key); }

void pdf_figure_begin(cairo_t *cr, const char *alt)
{
  GPtrArray *alts = pdf_figure_alts(cairo_get_target(cr));
  if (alts)
    g_ptr_array_add(alts, g_strdup(alt ? alt : ""));
  cairo_tag_begin(cr, "Figure", "");
}

/* ---- geometry ---------------------------------------------------------------------- */

#define SLUG_MM 10.0
#define MARK_MM 6.0

RlPage pdf_page(double trim_w, double trim_h, bool press, double bleed_mm)
{
  double off = press ? pdf_mm(bleed_mm + SLUG_MM) : 0;
  return (RlPage){
    .media_w = trim_w + 2 * off, .media_h = trim_h + 2 * off,
    .trim_x = off, .trim_y = off, .trim_w = trim_w, .trim_h = trim_h,
    .bleed = press ? pdf_mm(bleed_mm) : 0, .press = press,
  };
}

void pdf_crop_marks(cairo_t *cr, const RlPage *pg)
{
  if (!pg->press)
    return;
  double xs[2] = {pg->trim_x, pg->trim_x + pg->trim_w}, ys[2] = {pg->trim_y, pg->trim_y + pg->trim_h};
  double gap = pg->bleed + pdf_mm(1), len = pdf_mm(MARK_MM);
  cairo_save(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 0.25);
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++) {
      double sx = i ? 1 : -1, sy = j ? 1 : -1;
      cairo_move_to(cr, xs[i] + sx * gap, ys[j]);
      cairo_line_to(cr, xs[i] + sx * (gap + len), ys[j]);
      cairo_move_to(cr, xs[i], ys[j] + sy * gap);
      cairo_line_to(cr, xs[i], ys[j] + sy * (gap + len));
    }
  cairo_stroke(cr);
  cairo_restore(cr);
}

void pdf_page_boxes(const RlPage *pg, double trim[4], double bleed[4])
{
  trim[0] = pg->trim_x, trim[1] = pg->media_h - pg->trim_y - pg->trim_h;
  trim[2] = trim[0] + pg->trim_w, trim[3] = trim[1] + pg->trim_h;
  bleed[0] = trim[0] - pg->bleed, bleed[1] = trim[1] - pg->bleed;
  bleed[2] = trim[2] + pg->bleed, bleed[3] = trim[3] + pg->bleed;
}

const char *pdf_lang_tag(RlLang lang)
{
  static const char *const tags[RL_LANG_N] = {"fr-BE", "nl-BE", "de-BE", "en"};
  return (unsigned)lang < RL_LANG_N ? tags[lang] : "en";
}
