/* kiosk_deck.h - what the kiosk shows, in one language: the list of slides and the words
 * on each, before anything is drawn.
 *
 * Order: start, the editorial summaries, the map, the groups (network by network, in the
 * order of networks.yaml), the networks' contacts, the closing slide. Every slide keeps
 * the same id in every language, so the player can switch language in place.
 */
#pragma once

#include <glib.h>

#include "layout/text.h"
#include "model/model.h"

#define KIOSK_MAX_WORDS 40      /* at most this many words on a slide besides its heading
                                 * (kiosk.md "about 40"; a text's summary may have 40) */
#define KIOSK_MIN_SECONDS 10.0
#define KIOSK_MAX_SECONDS 60.0

typedef enum {
  KIOSK_START, KIOSK_TEXT, KIOSK_MAP, KIOSK_GROUP, KIOSK_NETWORK, KIOSK_CLOSING, KIOSK_N
} KioskKind;

/* One line of a slide: a text and the role it is set in. */
typedef struct {
  RlRole role;
  char *text;
  bool big;        /* set larger than its role (the phone number) */
} KioskLine;

typedef struct {
  char *id;                 /* "start", "text-why", "map", "group-<id>", "network-<id>" */
  KioskKind kind;
  RlLang lang;
  GArray *lines;            /* KioskLine, top to bottom; owned */
  char *qr;                 /* URL for a QR code, or NULL */
  const char *network_id;   /* group and network slides: the network; borrowed */
  RlPos pos;                /* the record the words come from (for findings) */
} KioskSlide;

/* The kind's name as slides.js writes it: "start", "text", "map", "group"... */
const char *kiosk_kind_name(KioskKind kind);

/* The slides of the model in `lang`. Returns a new array of KioskSlide* that frees them
 * (g_ptr_array_unref). Never NULL; the map slide is left out when the site has no map. */
GPtrArray *kiosk_deck_new(const RlModel *m, RlLang lang);

/* All the words of a slide, one line after another, as screen readers get them. New
 * string (g_free). */
char *kiosk_slide_text(const KioskSlide *s);
/* Number of words on the slide (runs of letters or digits separated by spaces; a big
 * line, the phone number, counts as one). */
int kiosk_slide_words(const KioskSlide *s);
/* Words on the slide besides its heading (title or group name): what KIOSK_MAX_WORDS
 * limits. */
int kiosk_slide_body_words(const KioskSlide *s);
/* How long the slide stays up in the attract loop: 4 s + 1.3 × the reading time at
 * 100 words a minute, at least KIOSK_MIN_SECONDS, at most KIOSK_MAX_SECONDS. */
double kiosk_seconds(int words);
