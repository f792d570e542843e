/* spoken.h - the languages a group may be held in (ISO 639-1 codes likely in Belgium).
 *
 * A group's `spoken` set (RlGroup.spoken) is a bit mask over this table. Its first four
 * entries are fr, nl, de, en in RlLang order, so `spoken & site.languages` is the set of
 * site languages the group is held in. The other entries (ar, tr, es …) are only ever
 * printed, by name, in the reader's language. */
#pragma once

#include <stdbool.h>

#include "model.h"

/* Number of spoken languages known (fits in an RlLangSet). */
#define RL_SPOKEN_N 13

/* Parses a two-letter code ("ar"); on success stores its index (0..RL_SPOKEN_N-1) in *out
 * and returns true; returns false for NULL or an unknown code. */
bool spoken_parse(const char *code, int *out);

/* The code of index i ("ar"); "?" when out of range. Static string. */
const char *spoken_code(int i);

/* The name of index i in language `in` ("arabe", "Arabisch", "Arabic"); "?" when out of
 * range. Static string. */
const char *spoken_name(int i, RlLang in);

/* "fr, nl, de, en, ar, … or uk": every known code, for messages. Caller frees. */
char *spoken_codes_list(void);

/* The names of the languages in `set`, in `in`, comma-separated, table order; "" when
 * set is empty. Caller frees. */
char *spoken_names(RlLangSet set, RlLang in);
