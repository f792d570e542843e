/* test-sha256.c - sha256_hex gives GLib's SHA-256 hex for lengths around the 64-byte
 * block and padding edges, for large buffers, and the FIPS 180-2 "abc" digest. */
#include "layout/sha256.h"

#include <string.h>

static void same_as_glib(const guint8 *data, gsize len)
{
  g_autofree char *ours = sha256_hex(data, len);
  g_autofree char *glib = g_compute_checksum_for_data(G_CHECKSUM_SHA256, data, len);
  g_assert_cmpstr(ours, ==, glib);
}

static void test_known(void)
{
  g_autofree char *abc = sha256_hex((const guint8 *)"abc", 3);
  g_assert_cmpstr(abc, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_autofree char *empty = sha256_hex(NULL, 0);
  g_assert_cmpstr(empty, ==, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void test_lengths(void)
{
  gsize max = 3 << 20;
  g_autofree guint8 *buf = g_malloc(max);
  for (gsize i = 0; i < max; i++)
    buf[i] = (guint8)(i * 131 + i / 977);
  for (gsize len = 0; len <= 300; len++)
    same_as_glib(buf, len);
  same_as_glib(buf + 1, 100000); /* unaligned */
  same_as_glib(buf, max);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/sha256/known", test_known);
  g_test_add_func("/sha256/lengths", test_lengths);
  return g_test_run();
}
