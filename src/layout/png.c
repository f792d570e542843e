/* png.c - fast PNG encoding of cairo image surfaces. See png.h. */
#include "layout/png.h"

#include "layout/zrle.h"

#include <gio/gio.h>
#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <libdeflate.h>
#include <stdlib.h>
#include <string.h>

#define PNG_USED 0x1000000u /* marks a used slot: a colour is 24 bits */
#define PNG_RGB 0xFFFFFFu
#define PNG_MAX_SHIFT 3
#define PNG_RGB_LEVEL 2 /* libdeflate's: faster than zlib level 1 was, and smaller */
/* More colours than this cannot fit 256 buckets even at PNG_MAX_SHIFT (a bucket holds
 * at most 2^(3 * PNG_MAX_SHIFT) colours): the histogram stops there. */
#define PNG_MAX_COLOURS (256u << (3 * PNG_MAX_SHIFT))

/* ---- a table keyed by 24-bit colour (open addressing, linear probing) ------------------ */

typedef struct {
  guint32 key; /* colour | PNG_USED, 0 when free */
  guint32 val; /* the owner's: a pixel count, a slot number, a palette index */
} PngSlot;

typedef struct {
  PngSlot *slot;
  guint32 mask; /* capacity - 1 (a power of two) */
  guint32 n;    /* used slots */
} PngTable;

static void tab_init(PngTable *t, guint32 capacity)
{
  t->slot = g_new0(PngSlot, capacity);
  t->mask = capacity - 1;
  t->n = 0;
}

/* The slot of `colour`, or the free slot where it would go. */
static PngSlot *tab_find(const PngTable *t, guint32 colour)
{
  guint32 key = colour | PNG_USED;
  for (guint32 i = (colour * 0x9E3779B1u) >> 8;; i++) {
    PngSlot *s = &t->slot[i & t->mask];
    if (s->key == key || s->key == 0)
      return s;
  }
}

static void tab_grow(PngTable *t)
{
  PngTable old = *t;
  tab_init(t, (old.mask + 1) * 2);
  for (guint32 i = 0; i <= old.mask; i++)
    if (old.slot[i].key)
      *tab_find(t, old.slot[i].key & PNG_RGB) = old.slot[i];
  t->n = old.n;
  g_free(old.slot);
}

/* The slot of `colour`, added with val 0 if new; the table stays at most half full. */
static PngSlot *tab_add(PngTable *t, guint32 colour)
{
  PngSlot *s = tab_find(t, colour);
  if (s->key)
    return s;
  if (2 * (t->n + 1) > t->mask + 1) {
    tab_grow(t);
    s = tab_find(t, colour);
  }
  s->key = colour | PNG_USED;
  t->n++;
  return s;
}

/* ---- the rows as runs of one colour ------------------------------------------------------ */

#define PNG_ROW_SAME G_MAXUINT32       /* the row equals the one above */
#define PNG_ROW_SCAN (G_MAXUINT32 - 1) /* a new row whose runs were not kept */
#define PNG_MAX_RUNS (1u << 19)        /* runs kept at most (4 MB): a photo's rows are scanned
                                        * again instead */

typedef struct {
  guint32 colour; /* 24 bits */
  guint32 end;    /* the x after the run */
} PngRun;

/* What the histogram pass learnt of each row, so that the indexing pass need not look
 * at the pixels again. */
typedef struct {
  guint32 *row; /* per row: PNG_ROW_SAME, PNG_ROW_SCAN or the index of its first run */
  PngRun *run;
  guint32 n, cap; /* runs kept, room */
} PngScan;

static void scan_init(PngScan *sc, int h)
{
  *sc = (PngScan){.row = g_new(guint32, (gsize)h)};
}

static void scan_clear(PngScan *sc)
{
  g_free(sc->row);
  g_free(sc->run);
}

/* Room for a row of w runs at sc->run + sc->n, or NULL beyond PNG_MAX_RUNS. */
static PngRun *scan_room(PngScan *sc, int w)
{
  if (sc->n + (guint32)w > PNG_MAX_RUNS)
    return NULL;
  if (sc->n + (guint32)w > sc->cap) {
    sc->cap = MAX(sc->cap * 2, sc->n + (guint32)w);
    sc->run = g_renew(PngRun, sc->run, sc->cap);
  }
  return sc->run + sc->n;
}

/* ---- choosing the palette ------------------------------------------------------------------ */

/* The end of the run of colour c (24 bits) that reaches px[x]: the first x' >= x whose
 * colour differs, else w. Four pixels at a time where SSE2 is there: most of a row is
 * long runs (paper, stripes). */
static int run_end(const guint32 *px, int x, int w, guint32 c)
{
#ifdef __SSE2__
  const __m128i mask = _mm_set1_epi32(PNG_RGB), pat = _mm_set1_epi32((int)c);
  for (; x + 4 <= w; x += 4) {
    __m128i v = _mm_and_si128(_mm_loadu_si128((const void *)(px + x)), mask);
    int eq = _mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(v, pat)));
    if (eq != 0xF)
      return x + __builtin_ctz((unsigned)~eq & 0xFu);
  }
#endif
  while (x < w && (px[x] & PNG_RGB) == c)
    x++;
  return x;
}

/* Adds `reps` times the pixels of row y (w pixels at px) to `hist`, and keeps its runs
 * in sc when there is room. */
static void hist_row(PngTable *hist, const guint32 *px, int w, guint32 reps, PngScan *sc,
                     int y)
{
  PngRun *r = scan_room(sc, w);
  sc->row[y] = r ? sc->n : PNG_ROW_SCAN;
  for (int x = 0, end; x < w; x = end) {
    guint32 c = px[x] & PNG_RGB;
    end = run_end(px, x + 1, w, c);
    tab_add(hist, c)->val += (guint32)(end - x) * reps;
    if (r)
      *r++ = (PngRun){c, (guint32)end};
  }
  if (r)
    sc->n = (guint32)(r - sc->run);
}

/* Counts the pixels of each colour of `surf` into `hist` (val = count); a row equal to
 * the one above (most are) is counted with it. Fills sc (each row: the same as the one
 * above, or its runs). False when it has more than PNG_MAX_COLOURS colours (then `hist`
 * and sc hold only some rows). */
static bool hist_build(PngTable *hist, cairo_surface_t *surf, PngScan *sc)
{
  int w = cairo_image_surface_get_width(surf), h = cairo_image_surface_get_height(surf);
  size_t stride = (size_t)cairo_image_surface_get_stride(surf), bytes = (size_t)w * 4;
  const guint8 *data = cairo_image_surface_get_data(surf), *prev = data;
  guint32 reps = 1;
  int prev_y = 0;
  for (int y = 1; y <= h; y++) {
    const guint8 *row = data + (size_t)y * stride;
    if (y < h && memcmp(row, prev, bytes) == 0) {
      sc->row[y] = PNG_ROW_SAME;
      reps++;
      continue;
    }
    hist_row(hist, (const guint32 *)(const void *)prev, w, reps, sc, prev_y);
    if (hist->n > PNG_MAX_COLOURS)
      return false;
    prev = row;
    prev_y = y;
    reps = 1;
  }
  return true;
}

static int cmp_colour(const void *a, const void *b)
{
  guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;
  return (x > y) - (x < y);
}

/* Whether slot a of `hist` beats slot b as its bucket's colour: more pixels, then the
 * smaller colour (so the choice does not depend on the table's order). */
static bool hist_better(const PngTable *hist, guint32 a, guint32 b)
{
  const PngSlot *x = &hist->slot[a], *y = &hist->slot[b];
  return x->val > y->val || (x->val == y->val && x->key < y->key);
}

/* Buckets the colours of `hist` by masking the low `shift` bits of each channel. When
 * there are at most 256 buckets: fills pal (sorted) with each bucket's most frequent
 * colour, sets each hist slot's val to its palette index and returns the palette's
 * size; else returns 0 and leaves `hist` as it was. */
static guint pal_choose(PngTable *hist, int shift, guint32 pal[256])
{
  guint32 keep = (0xFFu << shift) & 0xFFu, m = keep * 0x010101u;
  PngTable b;
  tab_init(&b, 1024); /* val: 1 + the slot number of the bucket's best colour */
  for (guint32 i = 0; i <= hist->mask && b.n <= 256; i++) {
    if (!hist->slot[i].key)
      continue;
    PngSlot *s = tab_add(&b, hist->slot[i].key & m);
    if (!s->val || hist_better(hist, i, s->val - 1))
      s->val = i + 1;
  }
  guint n = 0;
  for (guint32 i = 0; b.n <= 256 && i <= b.mask; i++)
    if (b.slot[i].key)
      pal[n++] = hist->slot[b.slot[i].val - 1].key & PNG_RGB;
  qsort(pal, n, sizeof *pal, cmp_colour);
  for (guint32 i = 0; n && i <= hist->mask; i++) {
    PngSlot *s = &hist->slot[i];
    if (!s->key)
      continue;
    guint32 best = hist->slot[tab_find(&b, s->key & m)->val - 1].key & PNG_RGB;
    s->val = (guint32)((const guint32 *)bsearch(&best, pal, n, sizeof *pal, cmp_colour) - pal);
  }
  g_free(b.slot);
  return n;
}

/* The palette of `surf` (see png.h): its size, 0 for "write RGB". On success each hist
 * slot's val is its colour's palette index and sc describes each row. */
static guint pal_make(PngTable *hist, cairo_surface_t *surf, PngScan *sc, guint32 pal[256])
{
  if (!hist_build(hist, surf, sc))
    return 0;
  guint n = 0;
  for (int shift = 0; !n && shift <= PNG_MAX_SHIFT; shift++)
    n = pal_choose(hist, shift, pal);
  return n;
}

/* ---- writing ----------------------------------------------------------------------------- */

static cairo_status_t cairo_put(void *closure, const unsigned char *data, unsigned int len)
{
  g_byte_array_append(closure, data, len);
  return CAIRO_STATUS_SUCCESS;
}

/* One xRGB32 row as palette indices (the val of each colour's slot in `hist`). */
static void row_to_index(const guint32 *src, guint8 *dst, int w, const PngTable *hist)
{
  for (int x = 0, end; x < w; x = end) {
    guint32 c = src[x] & PNG_RGB;
    end = run_end(src, x + 1, w, c);
    guint8 idx = (guint8)tab_find(hist, c)->val;
    if (end - x > 8)
      memset(dst + x, idx, (size_t)(end - x));
    else
      for (int i = x; i < end; i++)
        dst[i] = idx;
  }
}

/* One row kept as runs (from `r` on, up to x = w) as palette indices. */
static void runs_to_index(const PngRun *r, guint8 *dst, int w, const PngTable *hist)
{
  for (guint32 x = 0; x < (guint32)w; x = r->end, r++) {
    guint8 idx = (guint8)tab_find(hist, r->colour)->val;
    if (r->end - x > 8)
      memset(dst + x, idx, r->end - x);
    else
      for (guint32 i = x; i < r->end; i++)
        dst[i] = idx;
  }
}

/* ---- palette PNGs: chunks written here, rows filtered None or Up, compressed by runs ----- */

static void put_be32(GByteArray *out, guint32 v)
{
  guint8 b[4] = {(guint8)(v >> 24), (guint8)(v >> 16), (guint8)(v >> 8), (guint8)v};
  g_byte_array_append(out, b, 4);
}

/* Starts a chunk of `type`; returns where, for chunk_end(). */
static guint chunk_begin(GByteArray *out, const char *type)
{
  guint at = out->len;
  put_be32(out, 0);
  g_byte_array_append(out, (const guint8 *)type, 4);
  return at;
}

/* Ends the chunk started at `at`: its length, and its CRC after the data. */
static void chunk_end(GByteArray *out, guint at)
{
  guint32 len = out->len - at - 8;
  for (int i = 0; i < 4; i++)
    out->data[at + (guint)i] = (guint8)(len >> (24 - 8 * i));
  put_be32(out, libdeflate_crc32(0, out->data + at + 4, len + 4));
}

/* The rows as filtered palette-index bytes, h rows of 1 + w: a row with the same indices
 * as the one above is filtered Up (2 then zeros), any other None (0 then its indices).
 * Returns the buffer (g_free) and its length in *len. */
static guint8 *palette_rows(cairo_surface_t *surf, const PngTable *hist, const PngScan *sc,
                            gsize *len)
{
  int w = cairo_image_surface_get_width(surf), h = cairo_image_surface_get_height(surf);
  int stride = cairo_image_surface_get_stride(surf);
  const guint8 *data = cairo_image_surface_get_data(surf);
  gsize n = (gsize)w + 1; /* [0]: the row's filter type */
  guint8 *buf = g_malloc0(n * (gsize)h), *last = NULL; /* last: the latest None row */
  for (int y = 0; y < h; y++) {
    guint8 *row = buf + n * (gsize)y;
    if (sc->row[y] != PNG_ROW_SAME) { /* the same pixels: the same indices */
      if (sc->row[y] == PNG_ROW_SCAN)
        row_to_index((const guint32 *)(const void *)(data + (size_t)y * (size_t)stride),
                     row + 1, w, hist);
      else
        runs_to_index(sc->run + sc->row[y], row + 1, w, hist);
      if (!last || memcmp(row + 1, last + 1, n - 1) != 0) {
        last = row;
        continue;
      }
      memset(row + 1, 0, n - 1);
    }
    row[0] = 2;
  }
  *len = n * (gsize)h;
  return buf;
}

/* PNG colour types (the IHDR byte). */
enum { PNG_TYPE_RGB = 2, PNG_TYPE_PALETTE = 3 };

/* The signature and the IHDR chunk of an 8-bit PNG of surf's size, of colour type
 * `type`, deflate, no interlace. */
static void png_header(cairo_surface_t *surf, guint8 type, GByteArray *out)
{
  static const guint8 signature[8] = {137, 80, 78, 71, 13, 10, 26, 10};
  const guint8 ihdr_tail[5] = {8, type, 0, 0, 0};
  g_byte_array_append(out, signature, 8);
  guint at = chunk_begin(out, "IHDR");
  put_be32(out, (guint32)cairo_image_surface_get_width(surf));
  put_be32(out, (guint32)cairo_image_surface_get_height(surf));
  g_byte_array_append(out, ihdr_tail, 5);
  chunk_end(out, at);
}

/* The rows (see palette_rows) in one IDAT chunk, compressed by runs (zrle.h). */
static void palette_idat(cairo_surface_t *surf, const PngTable *hist, const PngScan *sc,
                         GByteArray *out)
{
  gsize len;
  g_autofree guint8 *rows = palette_rows(surf, hist, sc, &len);
  guint at = chunk_begin(out, "IDAT");
  zrle_compress(rows, len, out);
  chunk_end(out, at);
}

/* An RGB24 surface as an 8-bit palette PNG: the n colours of pal, each pixel's index
 * the val of its colour's slot in `hist`. */
static void png_write_palette(cairo_surface_t *surf, const PngTable *hist, const PngScan *sc,
                              const guint32 *pal, guint n, GByteArray *out)
{
  png_header(surf, PNG_TYPE_PALETTE, out);
  guint at = chunk_begin(out, "PLTE");
  for (guint i = 0; i < n; i++) {
    guint8 rgb[3] = {(guint8)(pal[i] >> 16), (guint8)(pal[i] >> 8), (guint8)pal[i]};
    g_byte_array_append(out, rgb, 3);
  }
  chunk_end(out, at);
  palette_idat(surf, hist, sc, out);
  chunk_end(out, chunk_begin(out, "IEND"));
}

/* The rows of an RGB24 surface as filtered 8-bit RGB bytes, h rows of 1 + 3 w: a row
 * equal to the one above is filtered Up (2 then zeros), any other Sub (1 then each byte
 * less the one 3 before). Returns the buffer (g_free) and its length in *len. */
static guint8 *rgb_rows(cairo_surface_t *surf, gsize *len)
{
  int w = cairo_image_surface_get_width(surf), h = cairo_image_surface_get_height(surf);
  size_t stride = (size_t)cairo_image_surface_get_stride(surf);
  const guint8 *data = cairo_image_surface_get_data(surf);
  gsize n = 1 + 3 * (gsize)w;
  guint8 *buf = g_malloc(n * (gsize)h);
  for (int y = 0; y < h; y++) {
    guint8 *row = buf + n * (gsize)y;
    const guint32 *px = (const guint32 *)(const void *)(data + (size_t)y * stride);
    bool up = y > 0 && memcmp(px, data + (size_t)(y - 1) * stride, (size_t)w * 4) == 0;
    row[0] = up ? 2 : 1;
    if (up) {
      memset(row + 1, 0, n - 1);
      continue;
    }
    guint32 prev = 0;
    for (int x = 0; x < w; x++) {
      guint32 v = px[x];
      row[1 + 3 * x] = (guint8)((v >> 16) - (prev >> 16));
      row[2 + 3 * x] = (guint8)((v >> 8) - (prev >> 8));
      row[3 + 3 * x] = (guint8)(v - prev);
      prev = v;
    }
  }
  *len = n * (gsize)h;
  return buf;
}

/* An RGB24 surface as lossless 8-bit RGB, compressed in one call by libdeflate; false
 * when libdeflate has no memory for its compressor. */
static bool png_write_rgb(cairo_surface_t *surf, GByteArray *out)
{
  struct libdeflate_compressor *c = libdeflate_alloc_compressor(PNG_RGB_LEVEL);
  if (!c)
    return false;
  png_header(surf, PNG_TYPE_RGB, out);
  gsize len;
  g_autofree guint8 *rows = rgb_rows(surf, &len);
  guint at = chunk_begin(out, "IDAT");
  size_t bound = libdeflate_zlib_compress_bound(c, len);
  g_byte_array_set_size(out, at + 8 + (guint)bound);
  size_t got = libdeflate_zlib_compress(c, rows, len, out->data + at + 8, bound);
  g_byte_array_set_size(out, at + 8 + (guint)got);
  libdeflate_free_compressor(c);
  chunk_end(out, at);
  chunk_end(out, chunk_begin(out, "IEND"));
  return true;
}

/* Encodes an RGB24 surface of at least one pixel. */
static bool png_encode_rgb24(cairo_surface_t *surf, GByteArray *out)
{
  PngTable hist;
  tab_init(&hist, 1024);
  guint32 pal[256];
  PngScan sc;
  scan_init(&sc, cairo_image_surface_get_height(surf));
  guint n = pal_make(&hist, surf, &sc, pal);
  bool ok = true;
  if (n)
    png_write_palette(surf, &hist, &sc, pal, n, out);
  else
    ok = png_write_rgb(surf, out);
  scan_clear(&sc);
  g_free(hist.slot);
  return ok;
}

bool png_encode(cairo_surface_t *surf, GByteArray *out, GError **error)
{
  cairo_surface_flush(surf);
  if (cairo_surface_get_type(surf) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_image_surface_get_format(surf) != CAIRO_FORMAT_RGB24 ||
      cairo_image_surface_get_width(surf) <= 0 || cairo_image_surface_get_height(surf) <= 0) {
    cairo_status_t st = cairo_surface_write_to_png_stream(surf, cairo_put, out);
    if (st == CAIRO_STATUS_SUCCESS)
      return true;
    g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", cairo_status_to_string(st));
    return false;
  }
  if (png_encode_rgb24(surf, out))
    return true;
  g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot encode the PNG");
  return false;
}

bool png_write_file(cairo_surface_t *surf, const char *path, GError **error)
{
  g_autoptr(GByteArray) png = g_byte_array_new();
  GError *err = NULL;
  if (!png_encode(surf, png, &err) ||
      !g_file_set_contents_full(path, (const char *)png->data, (gssize)png->len,
                                G_FILE_SET_CONTENTS_NONE, 0666, &err)) {
    g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path, err->message);
    g_error_free(err);
    return false;
  }
  return true;
}
