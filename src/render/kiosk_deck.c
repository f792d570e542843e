/* kiosk_deck.c - the kiosk's slides and their words, per language. */
#include "kiosk_deck.h"

#include <string.h>

#include "render/kiosk_words.h"
#include "render/strings.h"
#include "render/when.h"

static const char *const kind_names[KIOSK_N] = {
  "start", "text", "map", "group", "network", "closing",
};

const char *kiosk_kind_name(KioskKind kind)
{
  return kind < KIOSK_N ? kind_names[kind] : "?";
}

static void slide_free(gpointer p)
{
  KioskSlide *s = p;
  if (!s)
    return;
  for (guint i = 0; i < s->lines->len; i++)
    g_free(g_array_index(s->lines, KioskLine, i).text);
  g_array_unref(s->lines);
  g_free(s->id);
  g_free(s->qr);
  g_free(s);
}

static KioskSlide *slide_new(GPtrArray *deck, KioskKind kind, RlLang lang, char *id, RlPos pos)
{
  KioskSlide *s = g_new0(KioskSlide, 1);
  s->id = id;
  s->kind = kind;
  s->lang = lang;
  s->pos = pos;
  s->lines = g_array_new(FALSE, TRUE, sizeof(KioskLine));
  g_ptr_array_add(deck, s);
  return s;
}

/* Adds a line (copied) unless text is NULL or empty. */
static void add_line(KioskSlide *s, RlRole role, const char *text, bool big)
{
  if (!text || !*text)
    return;
  KioskLine l = {role, g_strdup(text), big};
  g_array_append_val(s->lines, l);
}

static void add_start(const RlModel *m, RlLang lang, GPtrArray *deck)
{
  KioskSlide *s = slide_new(deck, KIOSK_START, lang, g_strdup("start"), m->site.pos);
  add_line(s, RL_ROLE_TITLE, kiosk_word(KW_WELCOME, lang), false);
  add_line(s, RL_ROLE_BODY, text_get(&m->site.tagline, lang, m->site.default_language), false);
  add_line(s, RL_ROLE_STRONG, text_get(&m->site.organisation, lang, m->site.default_language),
           false);
  if (m->site.sample)
    add_line(s, RL_ROLE_SMALL, kiosk_word(KW_SAMPLE_DATA, lang), false);
}

static void add_texts(const RlModel *m, RlLang lang, GPtrArray *deck)
{
  for (guint i = 0; i < m->texts->len; i++) {
    const RlEditorial *t = g_ptr_array_index(m->texts, i);
    const char *summary = text_get(&t->summary, lang, m->site.default_language);
    if (!summary)
      continue;
    KioskSlide *s = slide_new(deck, KIOSK_TEXT, lang, g_strdup_printf("text-%s", t->rec.id),
                              t->summary.pos.line ? t->summary.pos : t->rec.pos);
    add_line(s, RL_ROLE_H1, text_get(&t->title, lang, m->site.default_language), false);
    add_line(s, RL_ROLE_BODY, summary, false);
  }
}

static void add_map(const RlModel *m, RlLang lang, GPtrArray *deck)
{
  if (!m->map)
    return;
  KioskSlide *s = slide_new(deck, KIOSK_MAP, lang, g_strdup("map"), m->map->pos);
  add_line(s, RL_ROLE_H1, kiosk_word(KW_CHOOSE, lang), false);
  add_line(s, RL_ROLE_BODY, kiosk_word(KW_MAP_HINT, lang), false);
}

/* "Maison des Tilleuls, Bruxelles" or "Online". New string. */
static char *group_where(const RlGroup *g, RlLang lang, RlLang fallback)
{
  if (!g->in_person)
    return g_strdup(kiosk_word(KW_ONLINE, lang));
  const char *name = text_get(&g->place.name, lang, fallback);
  if (name && g->place.city)
    return g_strdup_printf("%s, %s", name, g->place.city);
  return g_strdup(name ? name : g->place.city);
}

static void add_group(const RlModel *m, const RlGroup *g, RlLang lang, GPtrArray *deck)
{
  RlLang fb = m->site.default_language;
  KioskSlide *s = slide_new(deck, KIOSK_GROUP, lang, g_strdup_printf("group-%s", g->rec.id),
                            g->rec.pos);
  s->network_id = g->network_id;
  g_autofree char *kicker = strings_kind_line(g, lang);
  add_line(s, RL_ROLE_SMALL, kicker, false);
  add_line(s, RL_ROLE_H1, text_get(&g->name, lang, fb), false);
  g_autofree char *when = when_format(&g->schedule, lang);
  guint when_line = s->lines->len;
  add_line(s, RL_ROLE_BODY, when, false);
  g_autofree char *where = group_where(g, lang, fb);
  add_line(s, RL_ROLE_BODY, where, false);
  const char *phone = g->contact.phone ? g->contact.phone
                      : g->network ? g->network->contact.phone : NULL;
  if (phone) {
    add_line(s, RL_ROLE_STRONG, strings_get(RL_S_CALL_US, lang), false);
    add_line(s, RL_ROLE_H1, phone, true);
  }
  s->qr = g_strdup(g->contact.website);
  /* Too many words for a screen: the schedule's note goes (the guide has it). */
  if (kiosk_slide_body_words(s) > KIOSK_MAX_WORDS && when && !text_is_empty(&g->schedule.note)) {
    RlSchedule plain = g->schedule;
    memset(&plain.note, 0, sizeof plain.note);
    KioskLine *l = &g_array_index(s->lines, KioskLine, when_line);
    g_free(l->text);
    l->text = when_format(&plain, lang);
  }
}

static void add_network(const RlModel *m, const RlNetwork *n, RlLang lang, GPtrArray *deck)
{
  if (!n->contact.phone && !n->contact.website)
    return;
  RlLang fb = m->site.default_language;
  KioskSlide *s = slide_new(deck, KIOSK_NETWORK, lang, g_strdup_printf("network-%s", n->rec.id),
                            n->rec.pos);
  s->network_id = n->rec.id;
  add_line(s, RL_ROLE_SMALL, kiosk_word(KW_NETWORK, lang), false);
  add_line(s, RL_ROLE_H1, text_get(&n->name, lang, fb), false);
  if (n->contact.phone) {
    add_line(s, RL_ROLE_STRONG, strings_get(RL_S_CALL_US, lang), false);
    add_line(s, RL_ROLE_H1, n->contact.phone, true);
  } else {
    add_line(s, RL_ROLE_BODY, kiosk_word(KW_NO_PHONE, lang), false);
  }
  s->qr = g_strdup(n->contact.website);
}

static void add_closing(const RlModel *m, RlLang lang, GPtrArray *deck)
{
  KioskSlide *s = slide_new(deck, KIOSK_CLOSING, lang, g_strdup("closing"), m->site.pos);
  add_line(s, RL_ROLE_H1, kiosk_word(KW_CLOSING, lang), false);
  add_line(s, RL_ROLE_STRONG, text_get(&m->site.organisation, lang, m->site.default_language),
           false);
  if (m->site.contact.phone) {
    add_line(s, RL_ROLE_STRONG, strings_get(RL_S_CALL_US, lang), false);
    add_line(s, RL_ROLE_H1, m->site.contact.phone, true);
  }
  g_autofree char *date = kiosk_word_date(&m->site.checked, lang);
  if (date) {
    g_autofree char *checked = g_strdup_printf("%s %s", strings_get(RL_S_CHECKED_ON, lang), date);
    add_line(s, RL_ROLE_SMALL, checked, false);
  }
  s->qr = g_strdup(m->site.contact.website);
}

GPtrArray *kiosk_deck_new(const RlModel *m, RlLang lang)
{
  GPtrArray *deck = g_ptr_array_new_with_free_func(slide_free);
  add_start(m, lang, deck);
  add_texts(m, lang, deck);
  add_map(m, lang, deck);
  for (guint i = 0; i < m->networks->len; i++) {
    const RlNetwork *n = g_ptr_array_index(m->networks, i);
    g_autoptr(GPtrArray) groups = model_network_groups(m, n);
    for (guint k = 0; k < groups->len; k++)
      add_group(m, g_ptr_array_index(groups, k), lang, deck);
  }
  for (guint i = 0; i < m->networks->len; i++)
    add_network(m, g_ptr_array_index(m->networks, i), lang, deck);
  add_closing(m, lang, deck);
  return deck;
}

char *kiosk_slide_text(const KioskSlide *s)
{
  GString *out = g_string_new(NULL);
  for (guint i = 0; i < s->lines->len; i++) {
    const char *t = g_array_index(s->lines, KioskLine, i).text;
    if (out->len)
      g_string_append_c(out, '\n');
    g_string_append(out, t);
  }
  return g_string_free(out, FALSE);
}

/* Words in a string: runs that hold a letter or digit, split at spaces. */
static int count_words(const char *text)
{
  int words = 0;
  bool in_word = false;
  for (const char *p = text; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    bool wordish = g_unichar_isalnum(c);
    if (wordish && !in_word)
      words++;
    if (g_unichar_isspace(c) || wordish)
      in_word = wordish;
  }
  return words;
}

int kiosk_slide_words(const KioskSlide *s)
{
  int words = 0;
  for (guint i = 0; i < s->lines->len; i++) {
    const KioskLine *l = &g_array_index(s->lines, KioskLine, i);
    words += l->big ? 1 : count_words(l->text); /* a phone number is read as one */
  }
  return words;
}

int kiosk_slide_body_words(const KioskSlide *s)
{
  int words = 0;
  for (guint i = 0; i < s->lines->len; i++) {
    const KioskLine *l = &g_array_index(s->lines, KioskLine, i);
    bool heading = (l->role == RL_ROLE_H1 || l->role == RL_ROLE_TITLE) && !l->big;
    words += heading ? 0 : l->big ? 1 : count_words(l->text);
  }
  return words;
}

double kiosk_seconds(int words)
{
  double s = 4.0 + 1.3 * (words / 100.0) * 60.0;
  return CLAMP(s, KIOSK_MIN_SECONDS, KIOSK_MAX_SECONDS);
}
