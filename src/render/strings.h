/* strings.h - every fixed word the outputs print, in French, Dutch, German and English,
 * in one table (strings.c). Renderers ask by key; no other file holds translations. */
#pragma once

#include "model/model.h"

typedef enum {
  RL_S_WHEN, RL_S_WHERE, RL_S_WHAT, RL_S_FOR_WHOM, RL_S_COST, RL_S_ACCESS, RL_S_LANGUAGES,
  RL_S_PHONE, RL_S_EMAIL, RL_S_WEB, RL_S_ADDRESS, RL_S_NETWORK,
  RL_S_ONLINE_TOO, RL_S_ONLINE_ONLY,
  RL_S_KIND_SUPPORT, RL_S_KIND_THERAPY, RL_S_KIND_SPEECH_CIRCLE,
  RL_S_EXAMPLE,          /* mark on sample entries */
  RL_S_SAMPLE_NOTICE,    /* sentence on covers of sample data sets */
  RL_S_GROUPS,           /* heading of the group list */
  RL_S_NO_GROUPS,        /* sentence when an edition has no group yet */
  RL_S_YOUR_NETWORK,     /* heading of the network contact box */
  RL_S_OTHER_HELP,       /* heading of the resources */
  RL_S_ABOUT,            /* heading of the back page */
  RL_S_CHECKED_ON,       /* "Information checked on" + date */
  RL_S_PAPER_ADVICE,     /* colophon sentence about paper */
  RL_S_NOTES,            /* heading of the notes page in booklets */
  RL_S_PAGE,             /* "Page" */
  RL_S_SCAN,             /* beside a QR code: "Scan the code or go to" */
  RL_S_GUIDE_TITLE,      /* cover: "Support groups near you" */
  RL_S_CALL_US,          /* flyer: "Call" before the phone number */
  RL_S_FLYER_MORE,       /* flyer: "More groups:" before the organisation */
  RL_S_CONTINUED,        /* top of a card continued on the next page: "Continued: <name>" */
  RL_S_N
} RlStr;

/* The string `key` in `lang` (static, never NULL). */
const char *strings_get(RlStr key, RlLang lang);
/* The line that says what kind of group g is, and "Example" on a sample entry:
 * "Groupe de parole — Exemple". Free with g_free(). Every output uses it, so a group is
 * called the same in the guide, on its flyer and on the kiosk. */
char *strings_kind_line(const RlGroup *g, RlLang lang);
/* The name of group g as printed in lang (text_get with `fallback`): on a sample entry, a
 * closing example mark in another language becomes lang's ("Trauergruppe Eupen
 * (Beispiel)" on a French page: "Trauergruppe Eupen (exemple)"); the name is a proper
 * name, the mark is not. Free with g_free(); "" when the group has no name. */
char *strings_group_name(const RlGroup *g, RlLang lang, RlLang fallback);
/* Weekday (0 = Monday … 6 = Sunday) in lang, lower case where the language writes it so
 * ("lundi", "maandag", "Montag", "Monday"). */
const char *strings_weekday(int day, RlLang lang);
/* Month 1..12 ("novembre"). */
const char *strings_month(int month, RlLang lang);
/* Ordinal for monthly schedules, week 1..4 or -1 (last), as used in when.c. */
const char *strings_ordinal(int week, RlLang lang);
/* A date as written in lang: "20 novembre 2026", "20 november 2026", "20. November 2026",
 * "20 November 2026". Free with g_free(). NULL for an invalid date. */
char *strings_date(const GDate *d, RlLang lang);
/* Does text hold the word `key` in lang as a whole word, in any case ("Netwerk GGZ
 * Kempen", "GGZ-netwerk SAVHA" hold RL_S_NETWORK in Dutch)? A label is then left out
 * rather than said twice ("Netwerk: Netwerk GGZ Kempen"). False for NULL text. */
bool strings_has_word(const char *text, RlStr key, RlLang lang);
