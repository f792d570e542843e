/* png.h - PNG encoding of cairo image surfaces, tuned for speed.
 *
 * cairo_surface_write_to_png() uses libpng's defaults (every row filter tried, zlib
 * level 6), which made PNG encoding most of a full build's CPU (the kiosk's 1920x1080
 * slides). Slides and thumbnails have few colours (paper, ink, accent, QR black and
 * white, map colours and their anti-aliased blends), so this writes an 8-bit palette
 * PNG whenever the colours fit (one byte a pixel; a row equal to the one above is
 * filtered Up, i.e. zeros; compressed by runs as zlib's Z_RLE does, but eight bytes a
 * step: layout/zrle.h), else 8-bit RGB (row filter Sub, or Up for a row equal to the
 * one above; libdeflate level 2 in one call, faster than zlib level 1 was). Runs
 * of pixels are found four at a time (SSE2) for the histogram and the indexing. A
 * 1920x1080 slide: ~15 ms as RGB, ~2 ms as a palette, half the bytes. */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <stdbool.h>

/* Appends the PNG of `surf` (an image surface) to `out`. Formats other than RGB24 go
 * through cairo's own writer, losslessly. An RGB24 surface is written:
 *  - with at most 256 distinct colours: as an exact 8-bit palette PNG (lossless);
 *  - else, if masking the low s bits of each channel (s = 1, 2, then 3) leaves at most
 *    256 buckets: as a palette of one colour per bucket, the bucket's most frequent
 *    member. Lossy, bounded: a pixel moves by at most 2^s - 1 (so at most 7/255) per
 *    channel, only within its bucket; a colour that is the most frequent of its bucket
 *    (flat paper, ink, accent, QR modules) stays exact. Only rare anti-aliasing blends
 *    move, which is invisible on text edges;
 *  - else (a photo): as lossless 8-bit RGB.
 * The bytes depend only on the pixels (the palette is sorted by colour value).
 * Returns false with *error set (G_IO_ERROR) on failure; `out` may then hold part of
 * a file. */
bool png_encode(cairo_surface_t *surf, GByteArray *out, GError **error);

/* The same into the file at `path` (written directly, not flushed). */
bool png_write_file(cairo_surface_t *surf, const char *path, GError **error);
