/* strings.c - the one translation table: fixed words in fr, nl, de, en. */
#include "strings.h"

#include <string.h>

static const char *const table[RL_S_N][RL_LANG_N] = {
  /*                       fr                       nl                          de                        en */
  [RL_S_WHEN]          = {"Quand",                  "Wanneer",                  "Wann",                   "When"},
  [RL_S_WHERE]         = {"Où",                     "Waar",                     "Wo",                     "Where"},
  [RL_S_WHAT]          = {"Ce qui s'y passe",       "Wat gebeurt er",           "Was passiert",           "What happens"},
  [RL_S_FOR_WHOM]      = {"Pour qui",               "Voor wie",                 "Für wen",                "For whom"},
  [RL_S_COST]          = {"Prix",                   "Prijs",                    "Kosten",                 "Cost"},
  [RL_S_ACCESS]        = {"Accès",                  "Toegankelijkheid",         "Zugang",                 "Access"},
  [RL_S_LANGUAGES]     = {"Langues",                "Talen",                    "Sprachen",               "Languages"},
  [RL_S_PHONE]         = {"Téléphone",              "Telefoon",                 "Telefon",                "Phone"},
  [RL_S_EMAIL]         = {"E-mail",                 "E-mail",                   "E-Mail",                 "E-mail"},
  [RL_S_WEB]           = {"Site web",               "Website",                  "Webseite",               "Website"},
  [RL_S_ADDRESS]       = {"Adresse",                "Adres",                    "Adresse",                "Address"},
  [RL_S_NETWORK]       = {"Réseau",                 "Netwerk",                  "Netzwerk",               "Network"},
  [RL_S_ONLINE_TOO]    = {"Aussi en ligne.",        "Ook online.",              "Auch online.",           "Also online."},
  [RL_S_ONLINE_ONLY]   = {"En ligne uniquement.",   "Alleen online.",           "Nur online.",            "Online only."},
  /* The kinds as the bundled editorial page "groups and therapy" explains them. */
  [RL_S_KIND_SUPPORT]  = {"Groupe de soutien",      "Steungroep",               "Selbsthilfegruppe",      "Support group"},
  [RL_S_KIND_THERAPY]  = {"Thérapie de groupe",     "Groepstherapie",           "Gruppentherapie",        "Group therapy"},
  [RL_S_KIND_SPEECH_CIRCLE] = {"Cercle de parole",  "Praatgroep",               "Gesprächskreis",         "Talking circle"},
  [RL_S_EXAMPLE]       = {"Exemple",                "Voorbeeld",                "Beispiel",               "Example"},
  [RL_S_SAMPLE_NOTICE] = {"Données d'exemple : les groupes marqués « Exemple » n'existent pas.",
                          "Voorbeeldgegevens: groepen met « Voorbeeld » bestaan niet.",
                          "Beispieldaten: Gruppen mit „Beispiel“ gibt es nicht.",
                          "Sample data: groups marked “Example” do not exist."},
  [RL_S_GROUPS]        = {"Les groupes",            "De groepen",               "Die Gruppen",            "The groups"},
  [RL_S_NO_GROUPS]     = {"Pas encore de groupe dans cette région.", "Nog geen groep in deze regio.",
                          "Noch keine Gruppe in dieser Region.", "No group in this region yet."},
  [RL_S_YOUR_NETWORK]  = {"Votre réseau de santé mentale", "Uw netwerk geestelijke gezondheid",
                          "Ihr Netzwerk für psychische Gesundheit", "Your mental-health network"},
  [RL_S_OTHER_HELP]    = {"Autres aides",           "Andere hulp",              "Weitere Hilfe",          "Other help"},
  [RL_S_ABOUT]         = {"À propos de ce guide",   "Over deze gids",           "Über diesen Wegweiser",  "About this guide"},
  [RL_S_CHECKED_ON]    = {"Informations vérifiées le", "Gegevens nagekeken op",  "Angaben geprüft am",     "Information checked on"},
  [RL_S_PAPER_ADVICE]  = {"Pour imprimer : papier mat ou non couché, d'au moins 100 g/m², blanc ou crème.",
                          "Afdrukken: mat of ongestreken papier van minstens 100 g/m², wit of crème.",
                          "Zum Drucken: mattes oder ungestrichenes Papier, mindestens 100 g/m², weiß oder cremefarben.",
                          "To print: matte or uncoated paper of at least 100 g/m², white or cream."},
  [RL_S_NOTES]         = {"Notes",                  "Notities",                 "Notizen",                "Notes"},
  [RL_S_PAGE]          = {"Page",                   "Pagina",                   "Seite",                  "Page"},
  [RL_S_SCAN]          = {"Scannez le code ou allez sur", "Scan de code of ga naar", "Code scannen oder öffnen", "Scan the code or go to"},
  [RL_S_GUIDE_TITLE]   = {"Groupes de soutien près de chez vous", "Steungroepen bij u in de buurt",
                          "Gesprächsgruppen in Ihrer Nähe", "Support groups near you"},
  [RL_S_CALL_US]       = {"Appelez le",             "Bel",                      "Rufen Sie an:",          "Call"},
  [RL_S_FLYER_MORE]    = {"Plus de groupes :",      "Meer groepen:",            "Weitere Gruppen:",       "More groups:"},
  [RL_S_CONTINUED]     = {"Suite",                  "Vervolg",                  "Fortsetzung",            "Continued"},
};

static const char *const weekdays[7][RL_LANG_N] = {
  {"lundi", "maandag", "Montag", "Monday"},       {"mardi", "dinsdag", "Dienstag", "Tuesday"},
  {"mercredi", "woensdag", "Mittwoch", "Wednesday"}, {"jeudi", "donderdag", "Donnerstag", "Thursday"},
  {"vendredi", "vrijdag", "Freitag", "Friday"},   {"samedi", "zaterdag", "Samstag", "Saturday"},
  {"dimanche", "zondag", "Sonntag", "Sunday"},
};

static const char *const months[12][RL_LANG_N] = {
  {"janvier", "januari", "Januar", "January"},   {"février", "februari", "Februar", "February"},
  {"mars", "maart", "März", "March"},            {"avril", "april", "April", "April"},
  {"mai", "mei", "Mai", "May"},                  {"juin", "juni", "Juni", "June"},
  {"juillet", "juli", "Juli", "July"},           {"août", "augustus", "August", "August"},
  {"septembre", "september", "September", "September"},
  {"octobre", "oktober", "Oktober", "October"},  {"novembre", "november", "November", "November"},
  {"décembre", "december", "Dezember", "December"},
};

/* Index 0..3 = week 1..4, 4 = last. German is in the dative ("am ersten Montag"). */
static const char *const ordinals[5][RL_LANG_N] = {
  {"premier", "eerste", "ersten", "first"},   {"deuxième", "tweede", "zweiten", "second"},
  {"troisième", "derde", "dritten", "third"}, {"quatrième", "vierde", "vierten", "fourth"},
  {"dernier", "laatste", "letzten", "last"},
};

const char *strings_get(RlStr key, RlLang lang)
{
  if ((unsigned)key >= RL_S_N || (unsigned)lang >= RL_LANG_N)
    return "";
  return table[key][lang] ? table[key][lang] : "";
}

char *strings_kind_line(const RlGroup *g, RlLang lang)
{
  static const RlStr kinds[RL_KIND_N] = {RL_S_KIND_SUPPORT, RL_S_KIND_THERAPY,
                                         RL_S_KIND_SPEECH_CIRCLE};
  const char *kind = (unsigned)g->kind < RL_KIND_N ? strings_get(kinds[g->kind], lang) : "";
  return g->rec.sample ? g_strdup_printf("%s — %s", kind, strings_get(RL_S_EXAMPLE, lang))
                       : g_strdup(kind);
}

/* The example mark as a name ends with it: "(exemple)", "(voorbeeld)", "(Beispiel)",
 * "(example)" (German writes nouns with a capital). Free with g_free(). */
static char *example_mark(RlLang lang)
{
  const char *word = strings_get(RL_S_EXAMPLE, lang);
  g_autofree char *lower = lang == RL_LANG_DE ? g_strdup(word) : g_utf8_strdown(word, -1);
  return g_strdup_printf("(%s)", lower);
}

char *strings_group_name(const RlGroup *g, RlLang lang, RlLang fallback)
{
  const char *name = text_get(&g->name, lang, fallback);
  char *out = g_strdup(name ? name : "");
  if (!g->rec.sample || (unsigned)lang >= RL_LANG_N)
    return out;
  size_t n = strlen(out);
  for (int l = 0; l < RL_LANG_N; l++) {
    g_autofree char *mark = example_mark((RlLang)l);
    size_t k = strlen(mark);
    if (l == (int)lang || n < k || g_ascii_strcasecmp(out + n - k, mark) != 0)
      continue;
    out[n - k] = '\0';
    g_autofree char *own = example_mark(lang);
    char *swapped = g_strconcat(out, own, NULL);
    g_free(out);
    return swapped;
  }
  return out;
}

const char *strings_weekday(int day, RlLang lang)
{
  return day >= 0 && day < 7 && (unsigned)lang < RL_LANG_N ? weekdays[day][lang] : "";
}

const char *strings_month(int month, RlLang lang)
{
  return month >= 1 && month <= 12 && (unsigned)lang < RL_LANG_N ? months[month - 1][lang] : "";
}

const char *strings_ordinal(int week, RlLang lang)
{
  int i = week == -1 ? 4 : week - 1;
  return i >= 0 && i < 5 && (unsigned)lang < RL_LANG_N ? ordinals[i][lang] : "";
}

char *strings_date(const GDate *d, RlLang lang)
{
  if (!d || !g_date_valid(d))
    return NULL;
  int day = g_date_get_day(d);
  const char *fmt = lang == RL_LANG_DE ? "%d. %s %d" : lang == RL_LANG_FR && day == 1 ? "%der %s %d" : "%d %s %d";
  return g_strdup_printf(fmt, day, strings_month(g_date_get_month(d), lang), g_date_get_year(d));
}

/* Is the character before or after a match a letter or a digit (the match is then a
 * part of a longer word)? */
static bool word_char_at(const char *s, const char *at, bool before)
{
  if (before ? at == s : !*at)
    return false;
  const char *p = before ? g_utf8_find_prev_char(s, at) : at;
  return p && g_unichar_isalnum(g_utf8_get_char(p));
}

bool strings_has_word(const char *text, RlStr key, RlLang lang)
{
  const char *word = strings_get(key, lang);
  if (!text || !*word)
    return false;
  g_autofree char *hay = g_utf8_casefold(text, -1), *needle = g_utf8_casefold(word, -1);
  size_t n = strlen(needle);
  for (const char *at = strstr(hay, needle); at; at = strstr(at + 1, needle))
    if (!word_char_at(hay, at, true) && !word_char_at(hay, at + n, false))
      return true;
  return false;
}
