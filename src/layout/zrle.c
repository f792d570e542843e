/* zrle.c - DEFLATE with run-length matches only (as zlib's Z_RLE). See zrle.h. */
#include "layout/zrle.h"

#include <libdeflate.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define ZRLE_BLOCK 16384u /* tokens in a block at most, as zlib's default buffer */
#define ZRLE_MIN 3u       /* the shortest match DEFLATE has */
#define ZRLE_MAX 258u     /* the longest */
#define ZRLE_LITLEN 286   /* literal/length symbols: 256 bytes, end of block, 29 lengths */
#define ZRLE_EOB 256
#define ZRLE_CL 19        /* code-length symbols */
/* A token is a literal byte, or ZRLE_MATCH | (length symbol - 257) << 9 | length. */
#define ZRLE_MATCH 0x80000000u

/* The DEFLATE length symbols 257..285: the shortest length of each, its extra bits. */
static const guint16 len_base[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                     31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
static const guint8 len_extra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                     2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
/* The order in which a block header gives the code-length code's lengths. */
static const guint8 cl_order[ZRLE_CL] = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                         11, 4,  12, 3, 13, 2, 14, 1, 15};

/* ---- writing bits, least significant first ------------------------------------------- */

typedef struct {
  GByteArray *out;
  guint pos;   /* where the next whole bytes go in out->data */
  guint64 acc; /* bits not yet written, the first in the low end */
  int n;       /* how many */
} ZrleBits;

/* Makes room for `more` bytes after pos. */
static void bits_reserve(ZrleBits *b, gsize more)
{
  if (b->pos + more > b->out->len)
    g_byte_array_set_size(b->out, (guint)(b->pos + more));
}

/* Adds the n (<= 16) low bits of v; needs 4 bytes reserved. */
static inline void bits_put(ZrleBits *b, guint32 v, int n)
{
  b->acc |= (guint64)v << b->n;
  b->n += n;
  if (b->n >= 32) {
    guint8 *p = b->out->data + b->pos;
    for (int i = 0; i < 4; i++)
      p[i] = (guint8)(b->acc >> (8 * i));
    b->pos += 4;
    b->acc >>= 32;
    b->n -= 32;
  }
}

/* Writes the bits left, padded with zeros to a whole byte. */
static void bits_flush(ZrleBits *b)
{
  bits_reserve(b, 8);
  for (; b->n > 0; b->n -= 8, b->acc >>= 8)
    b->out->data[b->pos++] = (guint8)b->acc;
  b->n = 0;
  b->acc = 0;
}

/* ---- Huffman codes -------------------------------------------------------------------- */

typedef struct {
  guint32 f;
  guint32 sym;
} SymFreq;

static int cmp_freq(const void *a, const void *b)
{
  const SymFreq *x = a, *y = b;
  if (x->f != y->f)
    return x->f < y->f ? -1 : 1;
  return (x->sym > y->sym) - (x->sym < y->sym);
}

/* Moffat and Katajainen's in-place code lengths: a[] holds m >= 2 weights in ascending
 * order and gets each one's code length (unbounded). */
static void min_redundancy(guint32 *a, int m)
{
  int root = 0, leaf = 2;
  a[0] += a[1];
  for (int next = 1; next < m - 1; next++) {
    if (leaf >= m || a[root] < a[leaf]) {
      a[next] = a[root];
      a[root++] = (guint32)next;
    } else
      a[next] = a[leaf++];
    if (leaf >= m || (root < next && a[root] < a[leaf])) {
      a[next] += a[root];
      a[root++] = (guint32)next;
    } else
      a[next] += a[leaf++];
  }
  a[m - 2] = 0;
  for (int next = m - 3; next >= 0; next--)
    a[next] = a[a[next]] + 1;
  int avail = 1, used = 0, next = m - 1;
  root = m - 2;
  for (guint32 depth = 0; avail > 0; depth++, avail = 2 * used, used = 0) {
    for (; root >= 0 && a[root] == depth; root--)
      used++;
    for (; avail > used; avail--)
      a[next--] = depth;
  }
}

/* Fills len[0..n) with the lengths (at most `limit` bits) of a prefix code for the
 * frequencies freq[0..n); an unused symbol gets 0. At least two symbols get a code (a
 * lone one gets a partner), so the code is always complete. */
static void huff_lengths(const guint32 *freq, int n, int limit, guint8 *len)
{
  SymFreq s[ZRLE_LITLEN];
  guint32 a[ZRLE_LITLEN], count[ZRLE_LITLEN + 1] = {0};
  int m = 0;
  for (int i = 0; i < n; i++)
    if (freq[i])
      s[m++] = (SymFreq){freq[i], (guint32)i};
  for (int i = 0; m < 2 && i < n; i++) /* two at least: a lone code gets a partner */
    if (!freq[i])
      s[m++] = (SymFreq){0, (guint32)i};
  qsort(s, (size_t)m, sizeof *s, cmp_freq);
  for (int i = 0; i < m; i++)
    a[i] = s[i].f;
  min_redundancy(a, m);
  for (int i = 0; i < m; i++)
    count[MIN(a[i], (guint32)limit)]++;
  guint32 total = 0;
  for (int l = 1; l <= limit; l++)
    total += count[l] << (limit - l);
  for (; total > 1u << limit; total--) { /* too long codes were cut: lengthen shorter ones */
    count[limit]--;
    for (int l = limit - 1; l > 0; l--)
      if (count[l]) {
        count[l]--;
        count[l + 1] += 2;
        break;
      }
  }
  memset(len, 0, (size_t)n);
  int k = m - 1; /* the most frequent get the shortest codes */
  for (int l = 1; l <= limit; l++)
    for (guint32 c = count[l]; c > 0; c--)
      len[s[k--].sym] = (guint8)l;
}

/* The canonical codes of the lengths len[0..n), bit-reversed for writing. */
static void huff_codes(const guint8 *len, int n, guint16 *code)
{
  guint32 count[16] = {0}, next[16] = {0};
  for (int i = 0; i < n; i++)
    count[len[i]]++;
  count[0] = 0;
  for (int b = 1, c = 0; b < 16; b++)
    next[b] = (guint32)(c = (c + (int)count[b - 1]) << 1);
  for (int i = 0; i < n; i++) {
    guint32 c = len[i] ? next[len[i]]++ : 0, r = 0;
    for (int b = 0; b < len[i]; b++)
      r |= ((c >> b) & 1u) << (len[i] - 1 - b);
    code[i] = (guint16)r;
  }
}

/* ---- a block's header: its literal/length code, as run-length code lengths ------------- */

typedef struct {
  guint8 sym[ZRLE_LITLEN + 2]; /* code-length symbols 0..18 */
  guint8 extra[ZRLE_LITLEN + 2];
  int n;
} ClSeq;

static void cl_add(ClSeq *q, guint8 sym, guint8 extra)
{
  q->sym[q->n] = sym;
  q->extra[q->n++] = extra;
}

/* Run-length codes `count` copies of length l (after one l written, for l > 0). */
static void cl_run(ClSeq *q, guint8 l, int count)
{
  if (l == 0) {
    for (int r; count >= 11; count -= r)
      cl_add(q, 18, (guint8)((r = MIN(count, 138)) - 11));
    if (count >= 3)
      cl_add(q, 17, (guint8)(count - 3)), count = 0;
  } else {
    cl_add(q, l, 0), count--;
    for (int r; count >= 3; count -= r)
      cl_add(q, 16, (guint8)((r = MIN(count, 6)) - 3));
  }
  for (; count > 0; count--)
    cl_add(q, l, 0);
}

/* Writes a dynamic block's header: the literal/length lengths `len` (hlit of them) and
 * two distance codes of one bit each. */
static void put_header(ZrleBits *b, const guint8 *len, int hlit, bool final)
{
  guint8 all[ZRLE_LITLEN + 2], cl_len[ZRLE_CL];
  guint16 cl_code[ZRLE_CL];
  guint32 cl_freq[ZRLE_CL] = {0};
  memcpy(all, len, (size_t)hlit);
  all[hlit] = all[hlit + 1] = 1;
  ClSeq q = {.n = 0};
  for (int i = 0, r; i < hlit + 2; i += r) {
    for (r = 1; i + r < hlit + 2 && all[i + r] == all[i];)
      r++;
    cl_run(&q, all[i], r);
  }
  for (int i = 0; i < q.n; i++)
    cl_freq[q.sym[i]]++;
  huff_lengths(cl_freq, ZRLE_CL, 7, cl_len);
  huff_codes(cl_len, ZRLE_CL, cl_code);
  int hclen = ZRLE_CL;
  while (hclen > 4 && !cl_len[cl_order[hclen - 1]])
    hclen--;
  bits_put(b, final ? 1 : 0, 1);
  bits_put(b, 2, 2); /* dynamic Huffman codes */
  bits_put(b, (guint32)(hlit - 257), 5);
  bits_put(b, 1, 5); /* two distance codes */
  bits_put(b, (guint32)(hclen - 4), 4);
  for (int i = 0; i < hclen; i++)
    bits_put(b, cl_len[cl_order[i]], 3);
  static const guint8 cl_bits[3] = {2, 3, 7}; /* extra bits of symbols 16, 17, 18 */
  for (int i = 0; i < q.n; i++) {
    bits_put(b, cl_code[q.sym[i]], cl_len[q.sym[i]]);
    if (q.sym[i] >= 16)
      bits_put(b, q.extra[i], cl_bits[q.sym[i] - 16]);
  }
}

/* ---- blocks ------------------------------------------------------------------------------ */

/* Writes the n tokens as one dynamic block; freq: the count of each literal/length symbol
 * among them. */
static void put_block(ZrleBits *b, const guint32 *tok, guint n, guint32 *freq, bool final)
{
  guint8 len[ZRLE_LITLEN];
  guint16 code[ZRLE_LITLEN];
  freq[ZRLE_EOB] = 1;
  huff_lengths(freq, ZRLE_LITLEN, 15, len);
  huff_codes(len, ZRLE_LITLEN, code);
  int hlit = ZRLE_LITLEN;
  while (!len[hlit - 1])
    hlit--;
  bits_reserve(b, (gsize)n * 3 + 1024);
  put_header(b, len, hlit, final);
  for (guint i = 0; i < n; i++) {
    guint32 t = tok[i];
    if (!(t & ZRLE_MATCH)) {
      bits_put(b, code[t], len[t]);
      continue;
    }
    guint s = (t >> 9) & 31, l = t & 511;
    bits_put(b, code[257 + s], len[257 + s]);
    bits_put(b, l - len_base[s], len_extra[s]);
    bits_put(b, 0, 1); /* distance 1: code 0 */
  }
  bits_put(b, code[ZRLE_EOB], len[ZRLE_EOB]);
}

/* How many of the avail bytes at p equal c: 32 bytes a step where SSE2 is there (most
 * of the input is long runs), else 8. */
static gsize run_length(const guint8 *p, gsize avail, guint8 c)
{
  gsize r = 0;
#ifdef __SSE2__
  const __m128i pat = _mm_set1_epi8((char)c);
  for (; r + 32 <= avail; r += 32) {
    __m128i a = _mm_cmpeq_epi8(_mm_loadu_si128((const void *)(p + r)), pat);
    __m128i b = _mm_cmpeq_epi8(_mm_loadu_si128((const void *)(p + r + 16)), pat);
    guint32 eq = (guint32)_mm_movemask_epi8(a) | (guint32)_mm_movemask_epi8(b) << 16;
    if (eq != 0xFFFFFFFFu)
      return r + (gsize)__builtin_ctz(~eq);
  }
#endif
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  guint64 pat8 = c * 0x0101010101010101ull;
  for (; r + 8 <= avail; r += 8) {
    guint64 v;
    memcpy(&v, p + r, 8);
    if (v != pat8)
      return r + (gsize)(__builtin_ctzll(v ^ pat8) >> 3);
  }
#endif
  while (r < avail && p[r] == c)
    r++;
  return r;
}

/* sym[l]: the length symbol (0..28, for 257..285) of a match of length l. */
static void len_symbols(guint8 sym[ZRLE_MAX + 1])
{
  for (guint s = 0; s < 29; s++)
    for (guint l = len_base[s]; l <= ZRLE_MAX && (s == 28 || l < len_base[s + 1]); l++)
      sym[l] = (guint8)s;
}

void zrle_compress(const guint8 *data, gsize len, GByteArray *out)
{
  static const guint8 zlib_header[2] = {0x78, 0x01}; /* deflate, 32 KiB window */
  g_byte_array_append(out, zlib_header, 2);
  ZrleBits b = {out, out->len, 0, 0};
  guint32 *tok = g_new(guint32, ZRLE_BLOCK);
  guint8 lsym[ZRLE_MAX + 1];
  len_symbols(lsym);
  gsize i = 0;
  bool final = false;
  while (!final) {
    guint32 freq[ZRLE_LITLEN] = {0};
    guint n = 0;
    for (; i < len && n < ZRLE_BLOCK; n++) {
      guint8 c = i ? data[i - 1] : 0; /* a match needs 3 bytes like the one before */
      bool run = i && len - i >= ZRLE_MIN && data[i] == c && data[i + 1] == c && data[i + 2] == c;
      gsize r = run ? run_length(data + i, MIN(len - i, ZRLE_MAX), c) : 0;
      if (r >= ZRLE_MIN) {
        guint sym = lsym[r];
        freq[257 + sym]++;
        tok[n] = ZRLE_MATCH | sym << 9 | (guint32)r;
        i += r;
      } else
        freq[tok[n] = data[i++]]++;
    }
    final = i == len;
    put_block(&b, tok, n, freq, final);
  }
  g_free(tok);
  bits_flush(&b);
  guint32 adler = libdeflate_adler32(1, data, len);
  for (int k = 3; k >= 0; k--)
    b.out->data[b.pos++] = (guint8)(adler >> (8 * k));
  g_byte_array_set_size(out, b.pos);
}
