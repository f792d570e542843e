/* fonts.h - a private, hermetic font set: fontconfig reads fonts/fonts.conf (the Debian
 * large-print fonts plus any file dropped into fonts/), never the machine's own set.
 *
 * One RlFonts per thread: Pango font maps and contexts are not thread-safe. Create it
 * once per worker and hand it to every layout made in that thread.
 */
#pragma once

#include <glib.h>
#include <pango/pango.h>
#include <stdbool.h>

typedef struct RlFonts RlFonts;

#define RL_FONTS_ERROR (fonts_error_quark())
GQuark fonts_error_quark(void);
typedef enum { RL_FONTS_ERROR_CONFIG, RL_FONTS_ERROR_MISSING } RlFontsError;

/* The family every output falls back to when a layout names none. */
#define RL_FONTS_DEFAULT_FAMILY "Tiresias LPfont"

/* A new font set. fonts_dir: a folder holding fonts.conf (and maybe font files); when NULL
 * or when it has no fonts.conf, a built-in configuration naming the Debian font folders
 * is used. Fails (NULL, *error set, RL_FONTS_ERROR_MISSING) when the default family
 * RL_FONTS_DEFAULT_FAMILY is not installed, naming the package that provides it, or
 * (RL_FONTS_ERROR_CONFIG) when fonts.conf cannot be read. Free with fonts_free(). */
RlFonts *fonts_new(const char *fonts_dir, GError **error);
/* Frees the font set; NULL is a no-op. Layouts made from it must be freed first. */
void fonts_free(RlFonts *f);

/* A worker thread's font set, made by the first fonts_once() call in that thread and kept
 * for its next jobs; a failure is kept too and fails every later call the same way.
 * Zero-initialise; release with fonts_once_clear(). */
typedef struct {
  RlFonts *fonts;  /* owned; NULL until made */
  GError *error;
  bool tried;
} RlFontsOnce;

/* The font set of `once`, made from fonts_dir on the first call. NULL with *error set
 * (a copy of the first failure) when it could not be made. */
RlFonts *fonts_once(RlFontsOnce *once, const char *fonts_dir, GError **error);
/* Frees what `once` holds and zeroes it. */
void fonts_once_clear(RlFontsOnce *once);

/* The Pango context for print: 72 dpi (1 Pango point = 1 PDF point), no hinting, no
 * glyph-position rounding. Borrowed: valid until fonts_free(). */
PangoContext *fonts_context(RlFonts *f);

/* True when `family` (e.g. "Andika") is in the font set, by exact family name. */
bool fonts_has_family(RlFonts *f, const char *family);
/* Fails with RL_FONTS_ERROR_MISSING and a message naming the family when it is not in the
 * set; use it to check a layout's font before laying anything out. */
bool fonts_require_family(RlFonts *f, const char *family, GError **error);
/* The families of the set, sorted, comma-separated ("Andika, DejaVu Sans, Tiresias
 * LPfont"), without fontconfig's generic aliases (Sans, Serif, Monospace…). Caller frees. */
char *fonts_families(RlFonts *f);

/* Where the fonts folder of a data folder is: DATA/fonts when it exists, else
 * DATA/../fonts when it exists, else NULL. Free the result with g_free(). */
char *fonts_dir_find(const char *data_dir);
