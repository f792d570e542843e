/* rle.h - a fast zlib stream (RFC 1950/1951) for PNG scanlines made of long runs.
 *
 * zlib's deflate, even at level 1, looks for matches at every byte: it cost ~3 ms for
 * each 1920x1080 palette slide. Slides are flat colours: most rows equal the row above
 * and the others are long runs of one index. This writes one fixed-Huffman block using
 * only two kinds of match: a run of one byte (distance 1) and a copy of the previous
 * row (distance = the row length). Any zlib decoder reads it; files are about as small
 * as zlib level 1 makes them on slides, larger on noisy pixels. */
#pragma once

#include <glib.h>
#include <stdbool.h>

typedef struct RlRle RlRle;

/* Starts a zlib stream of rows of `row_len` bytes (at least 1), appended to `out`
 * (which must outlive the stream). Free with rle_free(). */
RlRle *rle_new(GByteArray *out, size_t row_len);

/* Appends one row of row_len bytes. `above`: the row before (NULL for the first), read
 * during the call only; `same`: the caller knows the two are equal (then the row is one
 * copy of it). */
void rle_row(RlRle *z, const guint8 *row, const guint8 *above, bool same);

/* Ends the stream: end of block, the Adler-32 of all rows. Call once, after the rows. */
void rle_finish(RlRle *z);

/* Frees the stream; rle_free(NULL) does nothing. */
void rle_free(RlRle *z);
