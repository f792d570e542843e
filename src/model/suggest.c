/* suggest.c - nearest word by edit distance, for "did you mean" hints. */
#include "suggest.h"

#include <string.h>

/* Levenshtein distance of a and b (bytes), giving up above `limit` (returns limit + 1). */
static guint distance(const char *a, const char *b, guint limit)
{
  size_t la = strlen(a), lb = strlen(b);
  if ((la > lb ? la - lb : lb - la) > limit || la > 64 || lb > 64)
    return limit + 1;
  guint row[65];
  for (size_t j = 0; j <= lb; j++)
    row[j] = (guint)j;
  for (size_t i = 1; i <= la; i++) {
    guint diag = row[0];
    row[0] = (guint)i;
    for (size_t j = 1; j <= lb; j++) {
      guint up = row[j];
      guint sub = diag + (a[i - 1] != b[j - 1]);
      row[j] = MIN(MIN(row[j - 1] + 1, up + 1), sub);
      diag = up;
    }
  }
  return row[lb];
}

void suggest_init(Suggest *s, const char *word)
{
  *s = (Suggest){.word = word, .best = NULL, .best_d = G_MAXUINT};
}

void suggest_add(Suggest *s, const char *candidate)
{
  if (!candidate || !s->word || strcmp(candidate, s->word) == 0)
    return;
  guint limit = strlen(s->word) < 6 ? 1 : 2;
  guint d = distance(s->word, candidate, limit);
  if (d <= limit && d < s->best_d) {
    s->best = candidate;
    s->best_d = d;
  }
}

char *suggest_hint(const Suggest *s)
{
  return s->best ? g_strdup_printf(" (did you mean '%s'?)", s->best) : g_strdup("");
}
