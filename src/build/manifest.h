/* manifest.h - OUT/manifest.json: what the last build made, with the key of each output.
 *
 * The manifest is how a build knows what it may skip (same key, file still there), what
 * to remove (listed last time, no longer planned) and what the browse page lists.
 * Written with json-glib, outputs sorted by path, so the same build gives the same bytes.
 */
#pragma once

#include <glib.h>
#include <stdbool.h>

/* One output as the manifest records it. Every string is owned by the entry. */
typedef struct {
  char *out;          /* path relative to OUT: "guide/brussels-fr.pdf" */
  char *key;          /* hex SHA-256 of everything the output depends on */
  char *places;       /* hex SHA-256 of where its input records start; NULL if unknown.
                       * An output with findings is remade when they move. */
  char *kind;         /* renderer name: "guide" */
  char *title;        /* human name */
  char *language;     /* "fr"; may be NULL for multi-language outputs */
  char *edition;      /* edition id it belongs to; may be NULL */
  char *thumbnail;    /* PNG relative to OUT (".thumbs/…"); NULL if none */
  gint64 size;        /* bytes (a folder: the sum of its files) */
  int pages;          /* pages or slides; -1 if unknown */
  bool is_dir;        /* a folder swapped whole (the kiosk) */
  GPtrArray *input_names;   /* char*: "group jette-cafe", parallel to input_digests */
  GPtrArray *input_digests; /* char* */
  GPtrArray *findings;      /* char*: formatted diagnostics from rendering it */
} ManifestEntry;

typedef struct RlManifest RlManifest;

/* A new entry for `out` with empty arrays; free with manifest_entry_free(). */
ManifestEntry *manifest_entry_new(const char *out);
void manifest_entry_free(gpointer entry);

/* A new empty manifest; free with manifest_free(). */
RlManifest *manifest_new(void);
void manifest_free(RlManifest *mf);

/* Reads `path`. A missing file gives an empty manifest. A file that cannot be parsed
 * also gives an empty manifest (everything is rebuilt) and sets *warning (g_free) to say
 * why; it is never an error, since the manifest is only a cache. */
RlManifest *manifest_load(const char *path, char **warning);

/* Writes the manifest atomically (temporary file in the same folder, fsync, rename).
 * Returns false with *error set when the file cannot be written. */
bool manifest_save(const RlManifest *mf, const char *path, GError **error);

/* The entry for `out` (borrowed), or NULL. */
const ManifestEntry *manifest_get(const RlManifest *mf, const char *out);
/* Adds or replaces the entry for entry->out; the manifest takes ownership. */
void manifest_put(RlManifest *mf, ManifestEntry *entry);
/* Removes (and frees) the entry for `out`, if any. */
void manifest_remove(RlManifest *mf, const char *out);
/* True when mf differs from the file manifest_load() read it from: an entry was put or
 * removed since, or the file was missing, unreadable, partly read or written by another
 * version of relais. A new manifest counts as changed. */
bool manifest_changed(const RlManifest *mf);
/* Every entry sorted by out, borrowed: free the array with g_ptr_array_unref(). */
GPtrArray *manifest_entries(const RlManifest *mf);
