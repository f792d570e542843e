/* pdf.c - cairo PDF surface with metadata, tags, outline and links. */
#include "pdf.h"

#include <string.h>

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

cairo_surface_t *pdf_surface_new(const char *path, double w_pt, double h_pt,
                                 const RlPdfMeta *meta, GError **error)
{
  cairo_surface_t *s = cairo_pdf_surface_create(path, w_pt, h_pt);
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
    g_set_error(error, pdf_error_quark(), 1, "cannot create '%s': %s", path,
                cairo_status_to_string(cairo_surface_status(s)));
    cairo_surface_destroy(s);
    return NULL;
  }
  cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5);
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
  if (st == CAIRO_STATUS_SUCCESS)
    return true;
  g_set_error(error, pdf_error_quark(), 2, "cannot write '%s': %s", path, cairo_status_to_string(st));
  return false;
}

void pdf_tag_begin(cairo_t *cr, const char *tag) { cairo_tag_begin(cr, tag, NULL); }
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
