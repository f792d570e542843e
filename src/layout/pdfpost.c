/* pdfpost.c - the accessibility and print post-pass (see pdfpost.h), on libqpdf's C API.
 *
 * One qpdf_data per call (libqpdf objects are not shared between threads). The file is
 * read, the catalog, structure elements and pages are changed in memory, the whole PDF
 * is written to memory with a deterministic /ID, and replaces the original by a
 * temporary file + rename (not flushed: the caller makes the finished file durable). */
#include "layout/pdfpost.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <libdeflate.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <qpdf/qpdf-c.h>

G_DEFINE_QUARK(relais-pdfpost-error-quark, pdfpost_error)

/* Structure trees deeper than this are not searched (a guard against hostile input). */
#define POST_MAX_DEPTH 256
/* libdeflate's level for the streams cairo left raw: as small as zlib's default level
 * (what cairo uses), in about half its time. */
#define POST_DEFLATE_LEVEL 6

/* One pass over one file. */
typedef struct {
  qpdf_data q;
  const char *path;
  GArray *figures;  /* qpdf_oh of each /Figure element, document order */
  GHashTable *seen; /* object numbers already visited in the structure tree */
  char *bytes;      /* the file as read: libqpdf reads it from memory (no seeks) */
} Post;

static void post_init(Post *ps, const char *path)
{
  ps->q = qpdf_init();
  qpdf_silence_errors(ps->q);
  qpdf_set_suppress_warnings(ps->q, QPDF_TRUE);
  ps->path = path;
  ps->bytes = NULL;
  ps->figures = g_array_new(FALSE, FALSE, sizeof(qpdf_oh));
  ps->seen = g_hash_table_new(g_direct_hash, g_direct_equal);
}

static void post_clear(Post *ps)
{
  qpdf_cleanup(&ps->q);
  g_free(ps->bytes);
  g_array_unref(ps->figures);
  g_hash_table_unref(ps->seen);
}

/* When libqpdf has an error pending, moves it into *error (with `code`) and returns
 * true. */
static bool post_failed(Post *ps, int code, GError **error)
{
  if (!qpdf_has_error(ps->q))
    return false;
  qpdf_error e = qpdf_get_error(ps->q);
  g_set_error(error, PDFPOST_ERROR, code, "%s", qpdf_get_error_full_text(ps->q, e));
  return true;
}

/* A warning means the input was damaged and qpdf repaired it: refuse rather than
 * silently rewrite a broken file. */
static bool post_warned(Post *ps, GError **error)
{
  if (!qpdf_more_warnings(ps->q))
    return false;
  qpdf_error w = qpdf_next_warning(ps->q);
  g_set_error(error, PDFPOST_ERROR, PDFPOST_ERROR_READ, "damaged PDF: %s",
              qpdf_get_error_full_text(ps->q, w));
  return true;
}

static bool post_read(Post *ps, GError **error)
{
  gsize len = 0;
  GError *err = NULL;
  if (!g_file_get_contents(ps->path, &ps->bytes, &len, &err)) {
    g_set_error(error, PDFPOST_ERROR, PDFPOST_ERROR_READ, "%s", err->message);
    g_error_free(err);
    return false;
  }
  /* Read from memory: from a file, libqpdf seeks and reads for every object it loads. */
  qpdf_read_memory(ps->q, ps->path, ps->bytes, len, NULL);
  if (post_failed(ps, PDFPOST_ERROR_READ, error) || post_warned(ps, error))
    return false;
  qpdf_push_inherited_attributes_to_page(ps->q);
  return !post_failed(ps, PDFPOST_ERROR_READ, error);
}

/* Depth-first through /K from `node`, recording every element with /S /Figure. Takes
 * the handle: releases it unless kept as a figure (libqpdf keeps every handle until
 * cleanup otherwise; a long guide's structure tree has tens of thousands). */
static void post_walk(Post *ps, qpdf_oh node, int depth)
{
  qpdf_data q = ps->q;
  bool figure = false;
  if (depth > POST_MAX_DEPTH) {
    /* too deep: not searched */
  } else if (qpdf_oh_is_array(q, node)) {
    int n = qpdf_oh_get_array_n_items(q, node);
    for (int i = 0; i < n; i++)
      post_walk(ps, qpdf_oh_get_array_item(q, node, i), depth + 1);
  } else if (qpdf_oh_is_dictionary(q, node)) {
    int id = qpdf_oh_get_object_id(q, node);
    if (id <= 0 || g_hash_table_add(ps->seen, GINT_TO_POINTER(id))) {
      qpdf_oh s = qpdf_oh_get_key(q, node, "/S");
      figure = qpdf_oh_is_name_and_equals(q, s, "/Figure");
      qpdf_oh_release(q, s);
      if (figure) /* before its children: document order */
        g_array_append_val(ps->figures, node);
      if (qpdf_oh_has_key(q, node, "/K"))
        post_walk(ps, qpdf_oh_get_key(q, node, "/K"), depth + 1);
    }
  }
  if (!figure)
    qpdf_oh_release(q, node);
}

static void post_find_figures(Post *ps)
{
  qpdf_oh tree = qpdf_oh_get_key(ps->q, qpdf_get_root(ps->q), "/StructTreeRoot");
  if (qpdf_oh_is_dictionary(ps->q, tree))
    post_walk(ps, tree, 0);
  else
    qpdf_oh_release(ps->q, tree);
}

/* Sets /Alt on each figure; n_alts must match the figures found. */
static bool post_alts(Post *ps, const RlPdfPost *p, GError **error)
{
  if (p->n_alts == 0)
    return true;
  if (p->n_alts != ps->figures->len) {
    g_set_error(error, PDFPOST_ERROR, PDFPOST_ERROR_FIGURES,
                "%s: %u alt texts given for %u figures", ps->path, p->n_alts,
                ps->figures->len);
    return false;
  }
  for (guint i = 0; i < p->n_alts; i++) {
    if (p->figure_alts[i] == NULL)
      continue;
    qpdf_oh fig = g_array_index(ps->figures, qpdf_oh, i);
    qpdf_oh_replace_key(ps->q, fig, "/Alt", qpdf_oh_new_unicode_string(ps->q, p->figure_alts[i]));
  }
  return !post_failed(ps, PDFPOST_ERROR_WRITE, error);
}

/* Catalog /Lang and /ViewerPreferences/DisplayDocTitle. */
static bool post_catalog(Post *ps, const RlPdfPost *p, GError **error)
{
  qpdf_data q = ps->q;
  qpdf_oh root = qpdf_get_root(q);
  if (p->lang)
    qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_string(q, p->lang));
  qpdf_oh vp = qpdf_oh_get_key(q, root, "/ViewerPreferences");
  if (!qpdf_oh_is_dictionary(q, vp))
    vp = qpdf_oh_new_dictionary(q);
  qpdf_oh_replace_key(q, vp, "/DisplayDocTitle", qpdf_oh_new_bool(q, QPDF_TRUE));
  qpdf_oh_replace_key(q, root, "/ViewerPreferences", vp);
  return !post_failed(ps, PDFPOST_ERROR_WRITE, error);
}

static qpdf_oh post_box_new(qpdf_data q, const double b[4])
{
  qpdf_oh a = qpdf_oh_new_array(q);
  for (int i = 0; i < 4; i++)
    qpdf_oh_append_item(q, a, qpdf_oh_new_real_from_double(q, b[i], 4));
  return a;
}

/* Reads a page's /MediaBox into m (normalised: m[0] < m[2], m[1] < m[3]). */
static bool post_media(Post *ps, qpdf_oh page, double m[4])
{
  qpdf_oh box = qpdf_oh_get_key(ps->q, page, "/MediaBox");
  if (!qpdf_oh_is_array(ps->q, box) || qpdf_oh_get_array_n_items(ps->q, box) != 4)
    return false;
  double v[4];
  for (int i = 0; i < 4; i++)
    v[i] = qpdf_oh_get_numeric_value(ps->q, qpdf_oh_get_array_item(ps->q, box, i));
  m[0] = fmin(v[0], v[2]), m[2] = fmax(v[0], v[2]);
  m[1] = fmin(v[1], v[3]), m[3] = fmax(v[1], v[3]);
  return true;
}

/* Whether box a lies inside box b (with a small tolerance for rounding). */
static bool box_inside(const double a[4], const double b[4])
{
  const double eps = 0.01;
  return a[0] >= b[0] - eps && a[1] >= b[1] - eps && a[2] <= b[2] + eps &&
         a[3] <= b[3] + eps;
}

/* TrimBox, BleedBox (and MediaBox) on one page (0-based n). */
static bool post_page_boxes(Post *ps, const RlPdfPost *p, qpdf_oh page, int n,
                            GError **error)
{
  qpdf_data q = ps->q;
  double media[4];
  if (!p->media_is_bleed && !post_media(ps, page, media)) {
    g_set_error(error, PDFPOST_ERROR, PDFPOST_ERROR_BOXES, "%s: page %d has no /MediaBox",
                ps->path, n + 1);
    return false;
  }
  if (!p->media_is_bleed && !box_inside(p->bleed_pt, media)) {
    g_set_error(error, PDFPOST_ERROR, PDFPOST_ERROR_BOXES,
                "%s: page %d: bleed box [%g %g %g %g] is not inside the media box "
                "[%g %g %g %g]", ps->path, n + 1, p->bleed_pt[0], p->bleed_pt[1],
                p->bleed_pt[2], p->bleed_pt[3], media[0], media[1], media[2], media[3]);
    return false;
  }
  qpdf_oh_replace_key(q, page, "/TrimBox", post_box_new(q, p->trim_pt));
  qpdf_oh_replace_key(q, page, "/BleedBox", post_box_new(q, p->bleed_pt));
  if (p->media_is_bleed) {
    qpdf_oh_replace_key(q, page, "/MediaBox", post_box_new(q, p->bleed_pt));
    qpdf_oh_remove_key(q, page, "/CropBox");
  }
  return !post_failed(ps, PDFPOST_ERROR_WRITE, error);
}

/* Per page: /Tabs /S where there are annotations; the boxes when asked. */
static bool post_pages(Post *ps, const RlPdfPost *p, GError **error)
{
  qpdf_data q = ps->q;
  int n = qpdf_get_num_pages(q);
  if (post_failed(ps, PDFPOST_ERROR_READ, error))
    return false;
  for (int i = 0; i < n; i++) {
    qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
    if (qpdf_oh_has_key(q, page, "/Annots"))
      qpdf_oh_replace_key(q, page, "/Tabs", qpdf_oh_new_name(q, "/S"));
    if (p->boxes && !post_page_boxes(ps, p, page, i, error))
      return false;
  }
  return !post_failed(ps, PDFPOST_ERROR_WRITE, error);
}

/* Replaces `path` with data: a temporary file beside it, then a rename, so a failure
 * leaves the original whole. No fsync: the caller flushes the finished file once (the
 * build pipeline seals every output; `relais check` throws its files away). */
static bool post_replace(const char *path, const char *data, gsize len, bool scratch,
                         GError **error)
{
  /* A scratch file is written over: creating and renaming a file per output cost more
   * than libqpdf's work on a flyer (ext4 inode allocation). */
  g_autofree char *tmp = scratch ? g_strdup(path) : g_strconcat(path, ".post-XXXXXX", NULL);
  int fd = scratch ? open(tmp, O_WRONLY | O_TRUNC | O_CLOEXEC)
                   : g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, 0666);
  int err = fd < 0 ? errno : 0;
  for (gsize done = 0; !err && done < len;) {
    ssize_t n = write(fd, data + done, len - done);
    if (n < 0 && errno != EINTR)
      err = errno;
    done += n > 0 ? (gsize)n : 0;
  }
  if (fd >= 0 && close(fd) != 0 && !err)
    err = errno;
  if (!err && !scratch && g_rename(tmp, path) != 0)
    err = errno;
  if (!err)
    return true;
  if (fd >= 0 && !scratch)
    g_unlink(tmp);
  g_set_error(error, PDFPOST_ERROR, PDFPOST_ERROR_WRITE, "cannot write '%s': %s", path,
              g_strerror(err));
  return false;
}

/* Stream `oh` (without /Filter) compressed with c, /FlateDecode. Releases oh. */
static void post_deflate_one(qpdf_data q, qpdf_oh oh, struct libdeflate_compressor *c)
{
  unsigned char *raw = NULL;
  size_t len = 0;
  if (qpdf_oh_get_stream_data(q, oh, qpdf_dl_none, NULL, &raw, &len) == QPDF_SUCCESS) {
    size_t cap = libdeflate_zlib_compress_bound(c, len);
    g_autofree unsigned char *z = g_malloc(cap);
    size_t n = libdeflate_zlib_compress(c, raw, len, z, cap);
    if (n > 0)
      qpdf_oh_replace_stream_data(q, oh, z, n, qpdf_oh_new_name(q, "/FlateDecode"),
                                  qpdf_oh_new_null(q));
  }
  free(raw);
  qpdf_oh_release(q, oh);
}

/* Compresses every stream that has no filter (cairo's content streams, when told to
 * leave them raw: pdfpost_raw_streams()) with libdeflate. Objects are cairo's: numbered
 * 1 to /Size - 1, generation 0. */
static void post_deflate(Post *ps)
{
  qpdf_data q = ps->q;
  qpdf_oh trailer = qpdf_get_trailer(q);
  qpdf_oh size = qpdf_oh_get_key(q, trailer, "/Size");
  int n = qpdf_oh_is_integer(q, size) ? qpdf_oh_get_int_value_as_int(q, size) : 0;
  qpdf_oh_release(q, size);
  qpdf_oh_release(q, trailer);
  struct libdeflate_compressor *c = NULL;
  for (int id = 1; id < n; id++) {
    qpdf_oh oh = qpdf_get_object_by_id(q, id, 0);
    bool raw = false;
    if (qpdf_oh_is_stream(q, oh)) {
      qpdf_oh dict = qpdf_oh_get_dict(q, oh);
      raw = !qpdf_oh_has_key(q, dict, "/Filter");
      qpdf_oh_release(q, dict);
    }
    if (raw && !c)
      c = libdeflate_alloc_compressor(POST_DEFLATE_LEVEL);
    if (raw && c)
      post_deflate_one(q, oh, c);
    else
      qpdf_oh_release(q, oh);
  }
  if (c)
    libdeflate_free_compressor(c);
}

static bool post_write(Post *ps, bool scratch, GError **error)
{
  post_deflate(ps);
  qpdf_init_write_memory(ps->q);
  /* Streams are written as they are: compressed by cairo or by post_deflate() (qpdf
   * would inflate and deflate again what post_deflate() replaced). */
  qpdf_set_compress_streams(ps->q, QPDF_FALSE);
  qpdf_set_decode_level(ps->q, qpdf_dl_none);
  qpdf_set_deterministic_ID(ps->q, QPDF_TRUE);
  qpdf_write(ps->q);
  if (post_failed(ps, PDFPOST_ERROR_WRITE, error))
    return false;
  return post_replace(ps->path, (const char *)qpdf_get_buffer(ps->q),
                      qpdf_get_buffer_length(ps->q), scratch, error);
}

/* A language tag: ASCII letters, digits and single hyphens, starting with a letter. */
static bool lang_tag_ok(const char *s)
{
  if (!g_ascii_isalpha(s[0]))
    return false;
  for (const char *c = s; *c; c++)
    if (!(g_ascii_isalnum(*c) || (*c == '-' && c[1] && c[1] != '-')))
      return false;
  return strlen(s) <= 35;
}

/* Whether a box is finite and has positive width and height. */
static bool box_ok(const double b[4])
{
  for (int i = 0; i < 4; i++)
    if (!isfinite(b[i]))
      return false;
  return b[0] < b[2] && b[1] < b[3];
}

static bool post_check_options(const RlPdfPost *p, GError **error)
{
  const char *bad = NULL;
  if (p->lang && !lang_tag_ok(p->lang))
    bad = "lang is not a language tag";
  else if (p->n_alts > 0 && p->figure_alts == NULL)
    bad = "n_alts > 0 but figure_alts is NULL";
  else if (p->boxes && (!box_ok(p->trim_pt) || !box_ok(p->bleed_pt)))
    bad = "trim or bleed box is empty or inverted";
  else if (p->boxes && !box_inside(p->trim_pt, p->bleed_pt))
    bad = "trim box is not inside the bleed box";
  if (bad)
    g_set_error(error, PDFPOST_ERROR, PDFPOST_ERROR_OPTIONS, "pdfpost: %s", bad);
  return bad == NULL;
}

bool pdfpost_apply(const char *path, const RlPdfPost *p, GError **error)
{
  if (!post_check_options(p, error))
    return false;
  Post ps;
  post_init(&ps, path);
  bool ok = post_read(&ps, error);
  if (ok && p->n_alts > 0) {
    post_find_figures(&ps);
    ok = post_alts(&ps, p, error);
  }
  ok = ok && post_catalog(&ps, p, error) && post_pages(&ps, p, error) &&
       post_write(&ps, p->scratch, error);
  post_clear(&ps);
  return ok;
}

void pdfpost_raw_streams(void)
{
  g_setenv("CAIRO_DEBUG_PDF", "1", TRUE);
}

int pdfpost_count_figures(const char *path, GError **error)
{
  Post ps;
  post_init(&ps, path);
  int n = -1;
  if (post_read(&ps, error)) {
    post_find_figures(&ps);
    if (!post_failed(&ps, PDFPOST_ERROR_READ, error))
      n = (int)ps.figures->len;
  }
  post_clear(&ps);
  return n;
}
