/* zrle.h - a zlib stream made of runs only: a fast DEFLATE encoder for PNG rows.
 *
 * The kiosk's slides, as filtered palette rows, are long runs of one byte (flat paper,
 * rows equal to the one above filtered to zeros). zlib's Z_RLE strategy looks at every
 * byte and was ~40 % of the kiosk's CPU; libdeflate's matchfinders are slower still on
 * such data. This encoder finds runs eight bytes at a time and writes what Z_RLE writes:
 * literals and matches at distance 1, in dynamic-Huffman blocks, so the files are as
 * small as zlib's level 1 Z_RLE for a fraction of the time. The checksum is libdeflate's
 * (SIMD) Adler-32. */
#pragma once

#include <glib.h>

/* Appends to `out` a complete zlib stream (RFC 1950, DEFLATE of RFC 1951) that inflates
 * to the len bytes at `data` (len may be 0). The bytes depend only on the input. Cannot
 * fail (memory exhaustion aborts, as everywhere in GLib). */
void zrle_compress(const guint8 *data, gsize len, GByteArray *out);
