/* suggest.h - "did you mean …?" for a misspelt key, id or code.
 *
 * Feed the candidates one by one; the nearest by edit distance wins when it is close
 * enough (at most 1 edit for words under 6 characters, 2 otherwise; ties: first fed).
 */
#pragma once

#include <glib.h>

typedef struct {
  const char *word;  /* borrowed */
  const char *best;  /* borrowed from the candidates; NULL when none is close */
  guint best_d;
} Suggest;

/* Starts a search for words near `word` (borrowed; must outlive s). */
void suggest_init(Suggest *s, const char *word);
/* Considers one candidate (borrowed; must outlive s). */
void suggest_add(Suggest *s, const char *candidate);
/* " (did you mean 'address'?)", or "" when nothing is close. Free with g_free(). */
char *suggest_hint(const Suggest *s);
