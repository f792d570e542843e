/* kiosk_cache.h - slides kept from one kiosk bundle to the next.
 *
 * A bundle holds, beside its slides, a hidden file KIOSK_CACHE_FILE: for each slide's
 * key (kiosk_item.h) the checksum and size of its PNG, whether its words fit, its touch
 * targets, and, when the slide has preflight findings, its text runs (so that findings
 * come out exactly as if it were drawn, page numbers included). A slide whose key is in
 * the previous bundle's cache is not drawn: its PNG (slides/<lang>/<key16>.png) is hard
 * linked into the new bundle (copied when the file system cannot link) and its record
 * read back. Anything missing, unreadable or malformed just means "draw it again".
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdbool.h>

#include "layout/preflight.h"
#include "render/kiosk_item.h"

#define KIOSK_CACHE_FILE ".slides-cache.json"

typedef struct KioskCache KioskCache;

/* The cache of the bundle folder `bundle` (NULL = none). Never fails: a missing,
 * unreadable or malformed file gives an empty cache. Free with kiosk_cache_free(). */
KioskCache *kiosk_cache_load(const char *bundle);
/* Frees the cache; NULL is a no-op. */
void kiosk_cache_free(KioskCache *c);

/* Takes item `it` from the previous bundle when the cache has a well-formed record for
 * it->key and the previous PNG is there with the recorded size: the PNG is linked (or
 * copied) to dir/it->png and it->fits, regions, png_sum, png_size and pf (a new recorder
 * for `profile`, the runs on page it->index + 1) are filled, it->reused set. Strings of
 * the runs (file names) are borrowed from the cache: free it after it->pf. Returns
 * true when reused; false when the slide must be drawn (dir then holds nothing new). */
bool kiosk_cache_reuse(const KioskCache *c, KioskItem *it, const char *dir,
                       const RlProfile *profile);

/* A new builder for the next bundle's cache, with the slides object open. Free with
 * g_object_unref(). */
JsonBuilder *kiosk_cache_builder_new(void);
/* Adds the record of a drawn or reused item (its text runs only when with_runs). */
void kiosk_cache_add(JsonBuilder *jb, const KioskItem *it, bool with_runs);
/* Closes the builder and writes dir/KIOSK_CACHE_FILE. Returns false with *error set. */
bool kiosk_cache_save(JsonBuilder *jb, const char *dir, GError **error);
