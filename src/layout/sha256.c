/* sha256.c - SHA-256 as hex with nettle. See sha256.h. */
#include "layout/sha256.h"

#include <nettle/sha2.h>

char *sha256_hex(const guint8 *data, gsize len)
{
  static const char hex[] = "0123456789abcdef";
  struct sha256_ctx ctx;
  guint8 digest[SHA256_DIGEST_SIZE];
  sha256_init(&ctx);
  sha256_update(&ctx, len, data);
  sha256_digest(&ctx, sizeof digest, digest);
  char *out = g_malloc(2 * SHA256_DIGEST_SIZE + 1);
  for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
    out[2 * i] = hex[digest[i] >> 4];
    out[2 * i + 1] = hex[digest[i] & 15];
  }
  out[2 * SHA256_DIGEST_SIZE] = '\0';
  return out;
}
