/* when.c - schedules in words (weekday, frequency, time) in fr, nl, de, en. */
#include "when.h"

#include "strings.h"

/* One clock time as the language writes it. */
static char *clock_time(int min, RlLang lang)
{
  int h = min / 60, m = min % 60;
  switch (lang) {
  case RL_LANG_FR:
    return m ? g_strdup_printf("%d h %02d", h, m) : g_strdup_printf("%d h", h);
  case RL_LANG_NL:
    return g_strdup_printf("%d.%02d", h, m);
  default:
    return g_strdup_printf("%d:%02d", h, m);
  }
}

/* Range and single-time patterns: start, end. */
static const char *const range_fmt[RL_LANG_N] = {"de %s à %s", "%s–%s uur", "%s–%s Uhr", "%s–%s"};
static const char *const at_fmt[RL_LANG_N] = {"à %s", "om %s uur", "um %s Uhr", "at %s"};

char *when_time(const RlSchedule *s, RlLang lang)
{
  g_autofree char *a = clock_time(s->start_min, lang);
  if (s->end_min < 0)
    return g_strdup_printf(at_fmt[lang], a);
  g_autofree char *b = clock_time(s->end_min, lang);
  return g_strdup_printf(range_fmt[lang], a, b);
}

/* "lundi et jeudi", "maandag, woensdag en vrijdag". */
static char *day_list(unsigned days, RlLang lang)
{
  static const char *const and_word[RL_LANG_N] = {" et ", " en ", " und ", " and "};
  GPtrArray *names = g_ptr_array_new();
  for (int d = 0; d < 7; d++)
    if (days & (1u << d))
      g_ptr_array_add(names, (gpointer)strings_weekday(d, lang));
  GString *out = g_string_new(NULL);
  for (guint i = 0; i < names->len; i++) {
    if (i > 0)
      g_string_append(out, i + 1 == names->len ? and_word[lang] : ", ");
    g_string_append(out, g_ptr_array_index(names, i));
  }
  g_ptr_array_unref(names);
  return g_string_free(out, FALSE);
}

/* Frequency patterns: %s = the day list (weekly, fortnightly) or ordinal + day (monthly). */
static const char *const freq_fmt[RL_FREQ_N][RL_LANG_N] = {
  [RL_FREQ_WEEKLY] = {"chaque %s", "elke %s", "jeden %s", "every %s"},
  [RL_FREQ_FORTNIGHTLY] = {"un %s sur deux", "om de twee weken op %s", "jeden zweiten %s",
                           "every other %s"},
  [RL_FREQ_MONTHLY] = {"le %s du mois", "elke %s van de maand", "am %s im Monat",
                       "on the %s of the month"},
};

static char *frequency_words(const RlSchedule *s, RlLang lang)
{
  g_autofree char *days = day_list(s->days, lang);
  if (s->frequency == RL_FREQ_MONTHLY) {
    g_autofree char *nth = g_strdup_printf("%s %s", strings_ordinal(s->week, lang), days);
    return g_strdup_printf(freq_fmt[RL_FREQ_MONTHLY][lang], nth);
  }
  return g_strdup_printf(freq_fmt[s->frequency < RL_FREQ_N ? s->frequency : 0][lang], days);
}

char *when_format(const RlSchedule *s, RlLang lang)
{
  if ((unsigned)lang >= RL_LANG_N || !s->days)
    return g_strdup("");
  g_autofree char *freq = frequency_words(s, lang);
  g_autofree char *time = when_time(s, lang);
  GString *out = g_string_new(freq);
  g_string_append_printf(out, ", %s", time);
  const char *note = text_get(&s->note, lang, lang);
  if (note && *note)
    g_string_append_printf(out, " (%s)", note);
  gunichar c = g_utf8_get_char(out->str);
  char first[8] = {0};
  g_unichar_to_utf8(g_unichar_totitle(c), first);
  g_string_erase(out, 0, g_utf8_next_char(out->str) - out->str);
  g_string_prepend(out, first);
  return g_string_free(out, FALSE);
}
