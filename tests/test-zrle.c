/* test-zrle.c - zrle_compress: every stream inflated back by zlib and by libdeflate
 * (two independent decoders) to the exact input; run lengths at DEFLATE's edges, many
 * blocks, skewed and flat symbol counts (long Huffman codes), determinism, size. */
#include "layout/zrle.h"

#include <libdeflate.h>
#include <stdbool.h>
#include <string.h>
#include <zlib.h>

/* Compresses data and checks both decoders give it back; returns the stream's size. */
static gsize round_trip(const guint8 *data, gsize len)
{
  g_autoptr(GByteArray) z = g_byte_array_new();
  static const guint8 before[3] = {7, 7, 7}; /* appends: what was there stays */
  g_byte_array_append(z, before, 3);
  zrle_compress(data, len, z);
  g_assert_cmpmem(z->data, 3, before, 3);
  g_assert_cmpint(z->data[3], ==, 0x78);
  g_assert_cmpint((z->data[3] * 256 + z->data[4]) % 31, ==, 0);
  g_autofree guint8 *back = g_malloc(len + 1);
  uLongf got = (uLongf)len + 1;
  g_assert_cmpint(uncompress(back, &got, z->data + 3, z->len - 3), ==, Z_OK);
  g_assert_cmpuint(got, ==, len);
  g_assert_true(len == 0 || memcmp(back, data, len) == 0);
  struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
  size_t in_used = 0, out_got = 0;
  memset(back, 0xAA, len + 1);
  g_assert_cmpint(libdeflate_zlib_decompress_ex(d, z->data + 3, z->len - 3, back, len + 1,
                                                &in_used, &out_got), ==, LIBDEFLATE_SUCCESS);
  libdeflate_free_decompressor(d);
  g_assert_cmpuint(in_used, ==, z->len - 3); /* nothing after the stream */
  g_assert_cmpuint(out_got, ==, len);
  g_assert_true(len == 0 || memcmp(back, data, len) == 0);
  return z->len - 3;
}

static void test_empty_and_tiny(void)
{
  static const guint8 one[1] = {42}, two[2] = {0, 0}, three[3] = {9, 9, 9}, four[4] = {5, 5, 5, 5};
  round_trip(NULL, 0);
  round_trip(one, 1);
  round_trip(two, 2);
  round_trip(three, 3);
  round_trip(four, 4);
}

/* Runs of every length 1..600 (a match is 3..258 long: 258 + 1, 258 + 2 leave literals)
 * of alternating bytes, also across the 8-byte scanning steps. */
static void test_run_lengths(void)
{
  g_autoptr(GByteArray) in = g_byte_array_new();
  for (guint r = 1; r <= 600; r++)
    for (guint i = 0; i < r; i++)
      g_byte_array_append(in, (const guint8[]){(guint8)(r % 3 ? r : 0)}, 1);
  round_trip(in->data, in->len);
  for (guint r = 1; r <= 520; r++) { /* one run alone, each length */
    g_autofree guint8 *run = g_malloc(r);
    memset(run, 0, r);
    round_trip(run, r);
    run[r - 1] = 1; /* and one that ends with a change */
    round_trip(run, r);
  }
}

/* Bytes a generator makes: `distinct` values, skewed so that a few are frequent. */
static void fill(guint8 *p, gsize len, guint distinct, guint32 seed)
{
  GRand *rnd = g_rand_new_with_seed(seed);
  for (gsize i = 0; i < len; i++) {
    guint v = (guint)g_rand_int_range(rnd, 0, (gint32)distinct);
    p[i] = (guint8)(g_rand_boolean(rnd) ? v : v / 16); /* skewed */
  }
  g_rand_free(rnd);
}

/* Random bytes: no runs, all literals, many blocks (16384 tokens each). */
static void test_literals_many_blocks(void)
{
  gsize len = 200000;
  g_autofree guint8 *in = g_malloc(len);
  fill(in, len, 256, 1);
  gsize z = round_trip(in, len);
  g_assert_cmpuint(z, <, len + len / 50); /* Huffman never costs much more than stored */
  fill(in, len, 3, 2);                   /* three symbols: short codes, some runs */
  round_trip(in, len);
}

/* Symbol counts growing as 1, 1, 3, 5, 9, 15, ... (each the sum of the two before, plus
 * one) make a Huffman code 18 bits deep, beyond DEFLATE's 15: the length limiting must
 * keep the code complete and decodable. Neighbours always differ (literals, no runs):
 * each byte is the most frequent one left that differs from the one before. */
static void test_long_codes(void)
{
  enum { N = 18 };
  guint32 left[N] = {1, 1};
  for (guint s = 2; s < N; s++)
    left[s] = left[s - 1] + left[s - 2] + 1;
  g_autoptr(GByteArray) in = g_byte_array_new();
  for (int prev = -1;;) {
    int best = -1;
    for (int s = 0; s < N; s++)
      if (s != prev && left[s] && (best < 0 || left[s] > left[best]))
        best = s;
    if (best < 0)
      break;
    left[best]--;
    g_byte_array_append(in, (const guint8[]){(guint8)(10 * best)}, 1);
    prev = best;
  }
  g_assert_cmpuint(in->len, ==, 13510); /* all of it: one block */
  round_trip(in->data, in->len);
  g_autofree guint8 *once = g_memdup2(in->data, 13510); /* appending in->data to itself
                                                          * would read freed memory */
  for (guint k = 0; k < 3; k++) /* and the same over blocks */
    g_byte_array_append(in, once, 13510);
  round_trip(in->data, in->len);
}

/* What a slide looks like as filtered palette rows: runs of zeros (rows equal to the one
 * above), flat paper with bursts of anti-aliased text. It shrinks a lot, and the same
 * input gives the same bytes. */
static void test_slide_like(void)
{
  gsize w = 1921, h = 400, len = w * h;
  g_autofree guint8 *in = g_malloc0(len);
  GRand *rnd = g_rand_new_with_seed(7);
  for (gsize y = 0; y < h; y++) {
    guint8 *row = in + y * w;
    row[0] = y % 5 ? 2 : 0;
    if (row[0] == 2)
      continue;
    memset(row + 1, 17, w - 1);
    for (int k = 0; k < 40; k++)
      row[1 + g_rand_int_range(rnd, 0, (gint32)w - 1)] = (guint8)g_rand_int_range(rnd, 0, 30);
  }
  g_rand_free(rnd);
  gsize z = round_trip(in, len);
  g_assert_cmpuint(z, <, len / 40);
  g_autoptr(GByteArray) a = g_byte_array_new(), b = g_byte_array_new();
  zrle_compress(in, len, a);
  zrle_compress(in, len, b);
  g_assert_cmpmem(a->data, a->len, b->data, b->len);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/zrle/empty-and-tiny", test_empty_and_tiny);
  g_test_add_func("/zrle/run-lengths", test_run_lengths);
  g_test_add_func("/zrle/literals-many-blocks", test_literals_many_blocks);
  g_test_add_func("/zrle/long-codes", test_long_codes);
  g_test_add_func("/zrle/slide-like", test_slide_like);
  return g_test_run();
}
