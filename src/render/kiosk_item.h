/* kiosk_item.h - one slide's place in a kiosk bundle: the key of what it draws, its PNG
 * name, and what drawing it gave (touch targets, fit, text runs, the PNG's checksum),
 * whether it was drawn now or taken from the previous bundle.
 *
 * The key is a hex SHA-256 over everything that reaches kiosk_draw() for the slide: the
 * relais version, the kiosk layout's digest, the fonts' identity, the canvas numbers
 * (which depend on the languages of the bundle), the site's default language, the slide
 * itself (kind, id, language, lines with role, size and text, QR URL, network id and the
 * record position file:line:col, which findings name) and, for the map slide, the map's
 * digest and every network's digest, id and position in order. Same key, same pixels,
 * same targets, same findings. The PNG is named after the key: slides/<lang>/<key16>.png.
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "layout/preflight.h"
#include "model/model.h"
#include "render/kiosk_deck.h"
#include "render/kiosk_draw.h"

typedef struct {
  const KioskSlide *slide;   /* borrowed from its deck */
  guint index;               /* place in its language's deck, from 0 */
  char *key;                 /* hex SHA-256 of what the slide draws */
  char *png;                 /* path in the bundle: "slides/fr/0123456789abcdef.png" */
  bool thumb;                /* the output's thumbnail is made from this slide */
  bool reused;               /* taken from the previous bundle, not drawn */
  /* What drawing it gave (or the cache said): */
  bool fits;                 /* the words fit the screen */
  JsonNode *regions;         /* JSON array of touch targets as slides.js has them, or NULL */
  RlPreflight *pf;           /* the slide's text runs, on page index + 1 (or NULL) */
  char *png_sum;             /* hex SHA-256 of the PNG's bytes */
  gint64 png_size;           /* its size in bytes */
  GError *error;             /* set when drawing or writing it failed */
} KioskItem;

/* What every slide of one bundle shares in its key. Free with kiosk_key_base_free(). */
typedef struct KioskKeyBase KioskKeyBase;

/* The shared part of the keys for a bundle drawn on canvas cv (its layout, map and
 * model) with fonts identified by fonts_digest (NULL = unknown, hashed as such). */
KioskKeyBase *kiosk_key_base_new(const KioskCanvas *cv, const char *fonts_digest);
void kiosk_key_base_free(KioskKeyBase *base);

/* A new item for slide s at `index` of its deck, with its key and PNG name; results
 * empty. Free with kiosk_item_free(). */
KioskItem *kiosk_item_new(const KioskKeyBase *base, const KioskSlide *s, guint index);
/* Frees the item and its results; NULL is a no-op. */
void kiosk_item_free(gpointer item);

/* The output name findings about text without a record position use for slides of
 * `lang`: "kiosk/slides/fr". New string (g_free). */
char *kiosk_item_out_name(RlLang lang);
