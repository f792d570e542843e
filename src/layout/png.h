/* png.h - PNG encoding of cairo image surfaces, tuned for speed.
 *
 * cairo_surface_write_to_png() uses libpng's defaults (every row filter tried, zlib
 * level 6), which made PNG encoding most of a full build's CPU (the kiosk's 1920x1080
 * slides). This writes the same pixels with one row filter (Sub) and zlib level 1:
 * a few times faster, files somewhat larger. */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <stdbool.h>

/* Appends the PNG of `surf` (an image surface; RGB24 is written as 8-bit RGB, any other
 * format through cairo's own writer) to `out`. Returns false with *error set
 * (G_IO_ERROR) on failure; `out` may then hold part of a file. */
bool png_encode(cairo_surface_t *surf, GByteArray *out, GError **error);

/* The same into the file at `path` (written directly, not flushed). */
bool png_write_file(cairo_surface_t *surf, const char *path, GError **error);
