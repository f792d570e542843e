/* kiosk_words.h - the fixed words of the kiosk (its buttons, prompts and slide labels) in
 * French, Dutch, German and English, in one table (kiosk_words.c).
 *
 * Words the printed outputs share (kinds of group, "Example", "Call", "Information
 * checked on"...) are taken from strings.c; this table holds what only a touchscreen says.
 */
#pragma once

#include "model/model.h"

typedef enum {
  KW_HOME, KW_PREVIOUS, KW_NEXT, KW_PLAY, KW_PAUSE,
  KW_HINT,          /* in the bar during the attract loop: "Touch the screen to choose" */
  KW_COUNTDOWN,     /* "Back to the start in {s} s – touch the screen to stay" */
  KW_WELCOME,       /* title of the start slide */
  KW_CHOOSE,        /* title of the map slide */
  KW_MAP_HINT,      /* line under it: "Touch a number to see its groups" */
  KW_SAMPLE_DATA,   /* start slide of a sample data set */
  KW_NETWORK,       /* kicker of a network slide */
  KW_NO_PHONE,      /* when a network has no phone: "See the website" */
  KW_CLOSING,       /* title of the closing slide */
  KW_ONLINE,        /* "Online" as a place */
  KW_N
} KioskWord;

/* The word `w` in `lang` (static, never NULL). */
const char *kiosk_word(KioskWord w, RlLang lang);
/* A date as the language writes it in figures: "25/11/2026", "25.11.2026". NULL for an
 * invalid date; free with g_free(). */
char *kiosk_word_date(const GDate *d, RlLang lang);
