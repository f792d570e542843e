/* rle.c - a zlib stream of runs and row copies. See rle.h. */
#include "layout/rle.h"

#include <zlib.h>

#define RLE_MAX_MATCH 258
#define RLE_MAX_DIST 32768
#define RLE_BUF 4096

/* RFC 1951 3.2.5: the base length / distance of each code and its extra bits. */
static const guint16 len_base[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                     31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
static const guint8 len_extra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                     2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const guint16 dist_base[30] = {1,    2,    3,    4,    5,    7,     9,     13,    17,  25,
                                      33,   49,   65,   97,   129,  193,   257,   385,   513, 769,
                                      1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};

typedef struct {
  guint32 bits; /* Huffman code (bit-reversed, as deflate stores it) then extra bits */
  guint32 n;    /* how many bits */
} RleCode;

struct RlRle {
  GByteArray *out;
  size_t row_len;
  guint64 acc; /* bits not yet written, first bit lowest */
  guint32 n_acc;
  guint32 adler, row_adler; /* of the stream so far; of the last row */
  RleCode lit[256];
  RleCode len[RLE_MAX_MATCH + 1]; /* [3..258]: length code and extra bits */
  RleCode row_dist;               /* distance row_len: code and extra bits */
  guint8 buf[RLE_BUF];
  guint n_buf;
};

static guint32 reverse(guint32 code, guint32 n)
{
  guint32 r = 0;
  for (guint32 i = 0; i < n; i++, code >>= 1)
    r = (r << 1) | (code & 1);
  return r;
}

/* RFC 1951 3.2.6: the fixed literal/length code of symbol s (0..287). */
static RleCode fixed_code(guint32 s)
{
  if (s < 144)
    return (RleCode){reverse(0x30 + s, 8), 8};
  if (s < 256)
    return (RleCode){reverse(0x190 + s - 144, 9), 9};
  if (s < 280)
    return (RleCode){reverse(s - 256, 7), 7};
  return (RleCode){reverse(0xC0 + s - 280, 8), 8};
}

static void rle_tables(RlRle *z)
{
  for (guint32 s = 0; s < 256; s++)
    z->lit[s] = fixed_code(s);
  guint32 c = 0;
  for (guint32 l = 3; l <= RLE_MAX_MATCH; l++) {
    while (c + 1 < G_N_ELEMENTS(len_base) && len_base[c + 1] <= l)
      c++;
    RleCode h = fixed_code(257 + c);
    z->len[l] = (RleCode){h.bits | (l - len_base[c]) << h.n, h.n + len_extra[c]};
  }
  guint32 d = 0;
  while (d + 1 < G_N_ELEMENTS(dist_base) && dist_base[d + 1] <= z->row_len)
    d++;
  guint32 extra = d < 4 ? 0 : d / 2 - 1;
  z->row_dist = (RleCode){reverse(d, 5) | (guint32)(z->row_len - dist_base[d]) << 5, 5 + extra};
}

static void flush_buf(RlRle *z)
{
  g_byte_array_append(z->out, z->buf, z->n_buf);
  z->n_buf = 0;
}

static inline void put(RlRle *z, RleCode c)
{
  z->acc |= (guint64)c.bits << z->n_acc;
  z->n_acc += c.n;
  if (z->n_acc < 32)
    return;
  if (z->n_buf + 4 > RLE_BUF)
    flush_buf(z);
  for (int i = 0; i < 4; i++, z->acc >>= 8)
    z->buf[z->n_buf++] = (guint8)z->acc;
  z->n_acc -= 32;
}

/* n more bytes, `tail`, each equal to the one `dist` back (dist_code codes dist):
 * matches of at most 258 (none left shorter than 3), or literals when n < 3. */
static void put_copy(RlRle *z, size_t n, RleCode dist_code, const guint8 *tail)
{
  while (n >= 3) {
    size_t k = n <= RLE_MAX_MATCH ? n : n - RLE_MAX_MATCH >= 3 ? RLE_MAX_MATCH : n - 3;
    put(z, z->len[k]);
    put(z, dist_code);
    n -= k;
  }
  for (size_t i = 0; i < n; i++)
    put(z, z->lit[tail[i]]);
}

RlRle *rle_new(GByteArray *out, size_t row_len)
{
  RlRle *z = g_new0(RlRle, 1);
  z->out = out;
  z->row_len = row_len;
  z->adler = (guint32)adler32(0, NULL, 0);
  rle_tables(z);
  static const guint8 header[2] = {0x78, 0x01}; /* deflate, 32 KB window, no dictionary */
  g_byte_array_append(out, header, 2);
  put(z, (RleCode){1 | 1 << 1, 3}); /* the last block, fixed Huffman codes */
  return z;
}

/* The bytes of a row that differs from the one above: each stretch as a copy of the
 * row above (`above`, NULL for none) when that is at least as long, else as a run. */
static void put_row(RlRle *z, const guint8 *row, const guint8 *above)
{
  RleCode dist1 = {0, 5}; /* distance 1: code 0, no extra bits */
  size_t n = z->row_len;
  for (size_t i = 0; i < n;) {
    size_t r = i + 1, a = i;
    while (r < n && row[r] == row[i])
      r++;
    while (above && a < n && row[a] == above[a])
      a++;
    if (a - i >= 3 && a > r) {
      put_copy(z, a - i, z->row_dist, row + i);
      i = a;
      continue;
    }
    put(z, z->lit[row[i]]);
    put_copy(z, r - i - 1, dist1, row + i + 1);
    i = r;
  }
}

void rle_row(RlRle *z, const guint8 *row, const guint8 *above, bool same)
{
  size_t n = z->row_len;
  if (n > RLE_MAX_DIST)
    above = NULL;
  if (same && above)
    put_copy(z, n, z->row_dist, row);
  else
    put_row(z, row, above);
  if (!same)
    z->row_adler = (guint32)adler32(1, row, (uInt)n);
  z->adler = (guint32)adler32_combine(z->adler, z->row_adler, (z_off_t)n);
}

void rle_finish(RlRle *z)
{
  put(z, (RleCode){0, 7}); /* end of block (symbol 256) */
  flush_buf(z);
  for (; z->n_acc > 0; z->n_acc = z->n_acc > 8 ? z->n_acc - 8 : 0, z->acc >>= 8)
    g_byte_array_append(z->out, (const guint8[]){(guint8)z->acc}, 1); /* zero-padded */
  guint8 tail[4] = {(guint8)(z->adler >> 24), (guint8)(z->adler >> 16), (guint8)(z->adler >> 8),
                    (guint8)z->adler};
  g_byte_array_append(z->out, tail, 4);
}

void rle_free(RlRle *z)
{
  g_free(z);
}
