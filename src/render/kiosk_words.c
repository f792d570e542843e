/* kiosk_words.c - the kiosk's fixed words, one row per word, one column per language. */
#include "kiosk_words.h"

/*                     fr, nl, de, en */
static const char *const words[KW_N][RL_LANG_N] = {
  [KW_HOME] = {"Début", "Begin", "Anfang", "Start"},
  [KW_PREVIOUS] = {"Précédent", "Vorige", "Zurück", "Previous"},
  [KW_NEXT] = {"Suivant", "Volgende", "Weiter", "Next"},
  [KW_PLAY] = {"Lecture", "Afspelen", "Abspielen", "Play"},
  [KW_PAUSE] = {"Pause", "Pauze", "Pause", "Pause"},
  [KW_HINT] = {"Touchez l’écran pour choisir", "Raak het scherm aan om te kiezen",
               "Berühren Sie den Bildschirm, um zu wählen", "Touch the screen to choose"},
  [KW_COUNTDOWN] = {"Retour au début dans {s} s – touchez l’écran pour rester",
                    "Terug naar het begin over {s} s – raak het scherm aan om te blijven",
                    "Zurück zum Anfang in {s} s – berühren Sie den Bildschirm, um zu bleiben",
                    "Back to the start in {s} s – touch the screen to stay"},
  [KW_WELCOME] = {"Des groupes près de chez vous", "Groepen bij u in de buurt",
                  "Gruppen in Ihrer Nähe", "Groups near you"},
  [KW_CHOOSE] = {"Choisissez votre région", "Kies uw regio", "Wählen Sie Ihre Region",
                 "Choose your region"},
  [KW_MAP_HINT] = {"Touchez un numéro pour voir ses groupes",
                   "Raak een nummer aan om de groepen te zien",
                   "Berühren Sie eine Nummer, um die Gruppen zu sehen",
                   "Touch a number to see its groups"},
  [KW_SAMPLE_DATA] = {"Données d’exemple", "Voorbeeldgegevens", "Beispieldaten", "Sample data"},
  [KW_NETWORK] = {"Réseau de santé mentale", "Netwerk geestelijke gezondheid",
                  "Netzwerk psychische Gesundheit", "Mental health network"},
  [KW_NO_PHONE] = {"Voir le site web", "Zie de website", "Siehe Webseite", "See the website"},
  [KW_CLOSING] = {"Besoin d’aide pour choisir ?", "Hulp nodig bij het kiezen?",
                  "Brauchen Sie Hilfe bei der Wahl?", "Need help choosing?"},
  [KW_ONLINE] = {"En ligne", "Online", "Online", "Online"},
};

/* Date separators: fr, nl, en write 25/11/2026; de writes 25.11.2026. */
static const char date_sep[RL_LANG_N] = {'/', '/', '.', '/'};

const char *kiosk_word(KioskWord w, RlLang lang)
{
  if (w >= KW_N || lang >= RL_LANG_N)
    return "";
  return words[w][lang];
}

char *kiosk_word_date(const GDate *d, RlLang lang)
{
  if (!d || !g_date_valid(d) || lang >= RL_LANG_N)
    return NULL;
  char sep = date_sep[lang];
  return g_strdup_printf("%02d%c%02d%c%04d", g_date_get_day(d), sep, g_date_get_month(d), sep,
                         g_date_get_year(d));
}
