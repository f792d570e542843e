/* posterwords.c - the poster's fixed words, one column per language (fr, nl, de, en). */
#include "render/poster.h"

static const char *const words[PW_N][RL_LANG_N] = {
  [PW_LIST_TITLE] = {"Les groupes", "De groepen", "Die Gruppen", "The groups"},
  [PW_CONTINUED] = {"(suite)", "(vervolg)", "(Fortsetzung)", "(continued)"},
  [PW_LIST_NEXT] = {"La liste des groupes (%u) est à la page suivante.",
                    "De lijst van de groepen (%u) staat op de volgende pagina.",
                    "Die Liste der Gruppen (%u) steht auf der nächsten Seite.",
                    "The list of the groups (%u) is on the next page."},
  [PW_NO_GROUPS] = {"Nous ne connaissons pas encore de groupe ici. Appelez-nous : nous "
                    "cherchons avec vous.",
                    "We kennen hier nog geen groep. Bel ons: we zoeken samen met u.",
                    "Wir kennen hier noch keine Gruppe. Rufen Sie uns an: Wir suchen mit "
                    "Ihnen.",
                    "We do not know of a group here yet. Call us: we will look with you."},
  [PW_NO_AREA] = {"La zone de ce réseau n'est pas encore connue : elle n'est pas marquée "
                  "sur la carte.",
                  "Het werkgebied van dit netwerk is nog niet bekend: het staat niet op de "
                  "kaart.",
                  "Das Gebiet dieses Netzwerks ist noch nicht bekannt: Es ist nicht auf der "
                  "Karte markiert.",
                  "This network's area is not known yet: it is not marked on the map."},
  [PW_SCAN] = {"Scannez le code ou allez sur :", "Scan de code of ga naar:",
               "Scannen Sie den Code oder gehen Sie auf:", "Scan the code or go to:"},
  [PW_CHECKED] = {"Vérifié le %s", "Nagekeken op %s", "Geprüft am %s", "Checked on %s"},
  [PW_SAMPLE] = {"EXEMPLE : données fictives", "VOORBEELD: verzonnen gegevens",
                 "BEISPIEL: erfundene Angaben", "EXAMPLE: made-up data"},
  [PW_AREA] = {"zone de %s", "werkgebied van %s", "Gebiet von %s", "area of %s"},
  [PW_GROUP_DOT] = {"un groupe de la liste", "een groep uit de lijst",
                    "eine Gruppe aus der Liste", "a group in the list"},
  [PW_ALT] = {"Carte : %s. En surbrillance : %s. Les points numérotés montrent les groupes "
              "de la liste.",
              "Kaart: %s. Gemarkeerd: %s. Genummerde stippen tonen de groepen uit de lijst.",
              "Karte: %s. Hervorgehoben: %s. Nummerierte Punkte zeigen die Gruppen aus der "
              "Liste.",
              "Map of %s. Highlighted: %s. Numbered dots show the groups in the list."},
  [PW_ALT_NO_AREA] = {"Carte : %s. La zone du réseau n'est pas connue et n'est pas marquée. "
                      "Les points numérotés montrent les groupes de la liste.",
                      "Kaart: %s. Het werkgebied van het netwerk is niet bekend en niet "
                      "gemarkeerd. Genummerde stippen tonen de groepen uit de lijst.",
                      "Karte: %s. Das Gebiet des Netzwerks ist nicht bekannt und nicht "
                      "markiert. Nummerierte Punkte zeigen die Gruppen aus der Liste.",
                      "Map of %s. The network's area is not known and not marked. Numbered "
                      "dots show the groups in the list."},
  [PW_ALT_COUNT] = {"%s (%u communes)", "%s (%u gemeenten)", "%s (%u Gemeinden)",
                    "%s (%u municipalities)"},
  [PW_ALT_AND] = {" et ", " en ", " und ", " and "},
  [PW_ONLINE] = {"en ligne", "online", "online", "online"},
  [PW_FORTNIGHTLY] = {"toutes les deux semaines", "om de twee weken", "alle zwei Wochen",
                      "every other week"},
  [PW_MONTHLY] = {"une fois par mois", "één keer per maand", "einmal im Monat",
                  "once a month"},
};

static const char *const weekdays[7][RL_LANG_N] = {
  {"lundi", "maandag", "Montag", "Monday"},      {"mardi", "dinsdag", "Dienstag", "Tuesday"},
  {"mercredi", "woensdag", "Mittwoch", "Wednesday"},
  {"jeudi", "donderdag", "Donnerstag", "Thursday"}, {"vendredi", "vrijdag", "Freitag", "Friday"},
  {"samedi", "zaterdag", "Samstag", "Saturday"},  {"dimanche", "zondag", "Sonntag", "Sunday"},
};

/* How each language writes a date: day, month, year separators. */
static const char *const date_formats[RL_LANG_N] = {"%02d/%02d/%04d", "%02d-%02d-%04d",
                                                    "%02d.%02d.%04d", "%02d/%02d/%04d"};

const char *poster_word(RlPosterWord w, RlLang lang)
{
  return words[w][lang < RL_LANG_N ? lang : RL_LANG_EN];
}

const char *poster_weekday(int day, RlLang lang)
{
  return weekdays[CLAMP(day, 0, 6)][lang < RL_LANG_N ? lang : RL_LANG_EN];
}

char *poster_date(const GDate *d, RlLang lang)
{
  if (!d || !g_date_valid(d))
    return NULL;
  return g_strdup_printf(date_formats[lang < RL_LANG_N ? lang : RL_LANG_EN],
                         g_date_get_day(d), (int)g_date_get_month(d), g_date_get_year(d));
}
