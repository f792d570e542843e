/* spoken.c - the languages a group may be held in, with their names in fr/nl/de/en. */
#include "spoken.h"

#include <string.h>

typedef struct {
  const char *code;
  const char *name[RL_LANG_N]; /* the language's name in fr, nl, de, en */
} SpokenLang;

/* The first four rows follow RlLang (fr, nl, de, en): see spoken.h. */
static const SpokenLang spoken_table[RL_SPOKEN_N] = {
  {"fr", {"français",   "Frans",      "Französisch",  "French"}},
  {"nl", {"néerlandais", "Nederlands", "Niederländisch", "Dutch"}},
  {"de", {"allemand",   "Duits",      "Deutsch",      "German"}},
  {"en", {"anglais",    "Engels",     "Englisch",     "English"}},
  {"ar", {"arabe",      "Arabisch",   "Arabisch",     "Arabic"}},
  {"tr", {"turc",       "Turks",      "Türkisch",     "Turkish"}},
  {"es", {"espagnol",   "Spaans",     "Spanisch",     "Spanish"}},
  {"it", {"italien",    "Italiaans",  "Italienisch",  "Italian"}},
  {"pt", {"portugais",  "Portugees",  "Portugiesisch", "Portuguese"}},
  {"pl", {"polonais",   "Pools",      "Polnisch",     "Polish"}},
  {"ro", {"roumain",    "Roemeens",   "Rumänisch",    "Romanian"}},
  {"ru", {"russe",      "Russisch",   "Russisch",     "Russian"}},
  {"uk", {"ukrainien",  "Oekraïens",  "Ukrainisch",   "Ukrainian"}},
};

G_STATIC_ASSERT(RL_LANG_FR == 0 && RL_LANG_NL == 1 && RL_LANG_DE == 2 && RL_LANG_EN == 3);
G_STATIC_ASSERT(RL_SPOKEN_N <= 32);

bool spoken_parse(const char *code, int *out)
{
  for (int i = 0; code && i < RL_SPOKEN_N; i++)
    if (strcmp(spoken_table[i].code, code) == 0) {
      *out = i;
      return true;
    }
  return false;
}

const char *spoken_code(int i)
{
  return i >= 0 && i < RL_SPOKEN_N ? spoken_table[i].code : "?";
}

const char *spoken_name(int i, RlLang in)
{
  if (i < 0 || i >= RL_SPOKEN_N || in >= RL_LANG_N)
    return "?";
  return spoken_table[i].name[in];
}

char *spoken_codes_list(void)
{
  GString *s = g_string_new(NULL);
  for (int i = 0; i < RL_SPOKEN_N; i++)
    g_string_append_printf(s, "%s%s", i == 0 ? "" : i == RL_SPOKEN_N - 1 ? " or " : ", ",
                           spoken_table[i].code);
  return g_string_free(s, FALSE);
}

char *spoken_names(RlLangSet set, RlLang in)
{
  GString *s = g_string_new(NULL);
  for (int i = 0; i < RL_SPOKEN_N; i++)
    if (RL_LANGSET_HAS(set, i))
      g_string_append_printf(s, "%s%s", s->len ? ", " : "", spoken_name(i, in));
  return g_string_free(s, FALSE);
}
