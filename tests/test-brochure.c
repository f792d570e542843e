/* test-brochure.c - the words the brochures print: schedules in four languages, dates,
 * the translation table's completeness. */
#include "render/strings.h"
#include "render/when.h"

static void test_when(void)
{
  RlSchedule monthly = {.days = 1, .start_min = 14 * 60, .end_min = 16 * 60,
                        .frequency = RL_FREQ_MONTHLY, .week = 1};
  RlSchedule weekly = {.days = 1 | 8, .start_min = 10 * 60 + 30, .end_min = -1,
                       .frequency = RL_FREQ_WEEKLY};
  RlSchedule fortnightly = {.days = 2, .start_min = 9 * 60 + 30, .end_min = 11 * 60,
                            .frequency = RL_FREQ_FORTNIGHTLY};
  RlSchedule last = {.days = 16, .start_min = 18 * 60, .end_min = 19 * 60 + 45,
                     .frequency = RL_FREQ_MONTHLY, .week = -1};
  last.note.v[RL_LANG_FR] = (char *)"sauf en août";
  const struct {
    const RlSchedule *s;
    RlLang lang;
    const char *want;
  } cases[] = {
    {&monthly, RL_LANG_FR, "Le premier lundi du mois, de 14 h à 16 h"},
    {&monthly, RL_LANG_NL, "Elke eerste maandag van de maand, 14.00–16.00 uur"},
    {&monthly, RL_LANG_DE, "Am ersten Montag im Monat, 14:00–16:00 Uhr"},
    {&monthly, RL_LANG_EN, "On the first Monday of the month, 14:00–16:00"},
    {&weekly, RL_LANG_FR, "Chaque lundi et jeudi, à 10 h 30"},
    {&weekly, RL_LANG_NL, "Elke maandag en donderdag, om 10.30 uur"},
    {&fortnightly, RL_LANG_NL, "Om de twee weken op dinsdag, 9.30–11.00 uur"},
    {&fortnightly, RL_LANG_EN, "Every other Tuesday, 9:30–11:00"},
    {&last, RL_LANG_FR, "Le dernier vendredi du mois, de 18 h à 19 h 45 (sauf en août)"},
    {&last, RL_LANG_DE, "Am letzten Freitag im Monat, 18:00–19:45 Uhr (sauf en août)"},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autofree char *got = when_format(cases[i].s, cases[i].lang);
    g_assert_cmpstr(got, ==, cases[i].want);
  }
}

static void test_dates(void)
{
  GDate d;
  g_date_clear(&d, 1);
  g_date_set_dmy(&d, 20, G_DATE_NOVEMBER, 2026);
  const char *want[RL_LANG_N] = {"20 novembre 2026", "20 november 2026", "20. November 2026",
                                 "20 November 2026"};
  for (int l = 0; l < RL_LANG_N; l++) {
    g_autofree char *got = strings_date(&d, (RlLang)l);
    g_assert_cmpstr(got, ==, want[l]);
  }
  g_date_set_dmy(&d, 1, G_DATE_MAY, 2026);
  g_autofree char *first = strings_date(&d, RL_LANG_FR);
  g_assert_cmpstr(first, ==, "1er mai 2026");
  GDate invalid;
  g_date_clear(&invalid, 1);
  g_assert_null(strings_date(&invalid, RL_LANG_FR));
}

/* Every key has a non-empty string in every language. */
static void test_table_complete(void)
{
  for (int k = 0; k < RL_S_N; k++)
    for (int l = 0; l < RL_LANG_N; l++)
      g_assert_cmpuint(strlen(strings_get((RlStr)k, (RlLang)l)), >, 0);
}

int main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/when/languages", test_when);
  g_test_add_func("/strings/dates", test_dates);
  g_test_add_func("/strings/complete", test_table_complete);
  return g_test_run();
}
