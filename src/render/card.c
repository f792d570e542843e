/* card.c - the group card: measured, then drawn whole. */
#include "card.h"

#include <string.h>

#include "layout/pdf.h"
#include "layout/qr.h"
#include "layout/text.h"
#include "model/spoken.h"
#include "strings.h"
#include "when.h"

#define CARD_PAD 10.0   /* points inside the border */
#define CARD_BAR 6.0    /* accent bar on the left, points */
#define CARD_GAP 6.0    /* points between lines of the card */

typedef struct {
  RlTextBox *box;
  double x, y;        /* relative to the card's top left */
  const char *tag;
  char *link;
  bool breakable;     /* the card may split just above this item */
} Item;

struct RlCard {
  const RlLayout *lay;
  double w, h;
  GArray *items;      /* Item */
  RlQr *qr;
  double qr_x, qr_y, qr_size;
  RlPos pos;
  const char *url;    /* the web address the QR code holds (borrowed from the group) */
  RlTextBox *cont;    /* "Continued: <name>", drawn atop a slice continued on a new page */
  double cont_pad;    /* what a continued slice adds at its top: padding + that line */
};

char *card_label(int key, RlLang lang)
{
  const char *word = strings_get((RlStr)key, lang);
  return lang == RL_LANG_FR ? g_strdup_printf("%s\u00a0:", word) : g_strdup_printf("%s:", word);
}

char *card_languages(RlLangSet set, RlLang lang)
{
  return spoken_names(set, lang);
}

char *card_place(const RlPlace *p, RlLang lang)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func(g_free);
  const char *name = text_get(&p->name, lang, lang);
  if (name && *name)
    g_ptr_array_add(parts, g_strdup(name));
  if (p->address && *p->address)
    g_ptr_array_add(parts, g_strdup(p->address));
  if (p->city && *p->city)
    g_ptr_array_add(parts, g_strjoin(" ", p->postcode ? p->postcode : "", p->city, NULL));
  g_ptr_array_add(parts, NULL);
  char *out = g_strstrip(g_strjoinv(", ", (char **)parts->pdata));
  g_ptr_array_unref(parts);
  return out;
}

char *card_web_address(const char *url)
{
  static const char *const schemes[] = {"https://", "http://"};
  if (!url)
    return NULL;
  for (size_t i = 0; i < G_N_ELEMENTS(schemes); i++)
    if (g_ascii_strncasecmp(url, schemes[i], strlen(schemes[i])) == 0 && url[strlen(schemes[i])])
      return g_strdup(url + strlen(schemes[i]));
  return g_strdup(url);
}

/* Adds a text line below the last one; returns its box. */
static RlTextBox *add(RlCard *c, RlTextBox *box, double *y, const char *tag, const char *link)
{
  Item it = {.box = box, .x = CARD_BAR + CARD_PAD, .y = *y, .tag = tag, .link = g_strdup(link)};
  g_array_append_val(c->items, it);
  *y += box->height_pt + CARD_GAP;
  return box;
}

typedef struct {
  RlFonts *f;
  RlCard *c;
  RlTextStyle body;
  double w;
  double y;
  RlLang lang;
} Builder;

/* Adds "Label: value" when value is not empty. */
static void field(Builder *b, int key, const char *value, RlPos pos, const char *link)
{
  if (!value || !*value)
    return;
  g_autofree char *label = card_label(key, b->lang);
  add(b->c, text_box_new_labelled(b->f, &b->body, label, value, b->w, pos), &b->y, "P", link);
  g_array_index(b->c->items, Item, b->c->items->len - 1).breakable = true;
}

static void head(Builder *b, const RlGroup *g)
{
  RlTextStyle h2 = text_style(b->c->lay, RL_ROLE_H2);
  g_autofree char *name = strings_group_name(g, b->lang, b->lang);
  add(b->c, text_box_new(b->f, &h2, name, b->w, g->name.pos), &b->y, "H2", NULL);
  RlTextStyle kind = text_style(b->c->lay, RL_ROLE_STRONG);
  kind.ink = b->c->lay->accent;
  if (preflight_contrast(kind.ink, kind.paper) < 7.0)
    kind.ink = b->body.ink;
  g_autofree char *line = strings_kind_line(g, b->lang);
  add(b->c, text_box_new(b->f, &kind, line, b->w, g->rec.pos), &b->y, "P", NULL);
  const char *what = text_get(&g->description, b->lang, b->lang);
  if (what && *what)
    add(b->c, text_box_new(b->f, &b->body, what, b->w, g->description.pos), &b->y, "P", NULL);
}

static void details(Builder *b, const RlGroup *g)
{
  field(b, RL_S_FOR_WHOM, text_get(&g->audience, b->lang, b->lang), g->audience.pos, NULL);
  g_autofree char *when = when_format(&g->schedule, b->lang);
  field(b, RL_S_WHEN, when, g->schedule.pos, NULL);
  g_autofree char *place = card_place(&g->place, b->lang);
  const char *online = g->online ? strings_get(g->in_person ? RL_S_ONLINE_TOO : RL_S_ONLINE_ONLY, b->lang) : NULL;
  g_autofree char *where = online && g->in_person && *place ? g_strdup_printf("%s. %s", place, online)
                           : g_strdup(online && !g->in_person ? online : place);
  field(b, RL_S_WHERE, where, g->place.pos, NULL);
  field(b, RL_S_COST, text_get(&g->cost, b->lang, b->lang), g->cost.pos, NULL);
  field(b, RL_S_ACCESS, text_get(&g->accessibility, b->lang, b->lang), g->accessibility.pos, NULL);
  g_autofree char *langs = card_languages(g->spoken, b->lang);
  field(b, RL_S_LANGUAGES, langs, g->rec.pos, NULL);
}

/* Phone and e-mail as plain lines (when there is no QR code to set them beside). */
static void contact_lines(Builder *b, const RlGroup *g)
{
  RlTextStyle saved = b->body;
  b->body.tabular = true;
  g_autofree char *tel = pdf_uri_tel(g->contact.phone);
  field(b, RL_S_PHONE, g->contact.phone, g->contact.pos, tel);
  b->body = saved;
  g_autofree char *mail = pdf_uri_mail(g->contact.email);
  field(b, RL_S_EMAIL, g->contact.email, g->contact.pos, mail);
}

/* One line of the column beside the QR code: at col_w when it fits, else full width
 * below the code (queued in `below`). */
static void column_line(Builder *b, const RlTextStyle *st, const char *label, const char *text,
                        const char *link, RlPos pos, double gap, double col_x, double col_w,
                        double *y, GArray *below)
{
  if (!text || !*text)
    return;
  Item it = {.x = col_x, .y = *y, .tag = "P", .link = g_strdup(link)};
  it.box = text_box_new_labelled(b->f, st, label, text, col_w, pos);
  if (it.box->overflow) {
    text_box_free(it.box);
    it.box = text_box_new_labelled(b->f, st, label, text, b->w, pos);
    it.x = CARD_BAR + CARD_PAD;
    g_array_append_val(below, it);
    return;
  }
  it.breakable = *y == b->y;
  g_array_append_val(b->c->items, it);
  *y += it.box->height_pt + gap;
}

/* The QR code of the web address, and beside it the phone, the e-mail, "Scan the code
 * or go to" and the address; a line too wide for that column goes below the code. */
static void web_row(Builder *b, const RlGroup *g)
{
  const char *url = g->contact.website;
  g_autofree char *shown = card_web_address(url);
  RlCard *c = b->c;
  g_autofree char *esc = url && *url ? pdf_uri_escape(url) : NULL;
  c->qr = esc ? qr_new(esc, NULL) : NULL;
  double size = pdf_mm(c->lay->qr_mm > 0 ? c->lay->qr_mm : 30);
  double qr_w = c->qr ? qr_total_width(c->qr, size) : 0, col_w = b->w - qr_w - CARD_PAD;
  if (!c->qr || col_w < b->w * 0.4) {
    contact_lines(b, g);
    if (url && *url)
      field(b, RL_S_WEB, shown, g->contact.pos, url);
    return;
  }
  c->url = url;
  c->qr_size = size;
  c->qr_x = CARD_BAR + CARD_PAD;
  c->qr_y = b->y;
  double col_x = c->qr_x + qr_w + CARD_PAD, y = b->y;
  GArray *below = g_array_new(FALSE, TRUE, sizeof(Item));
  RlTextStyle tab = b->body, strong = text_style(c->lay, RL_ROLE_STRONG);
  tab.tabular = true;
  g_autofree char *phone_label = card_label(RL_S_PHONE, b->lang);
  g_autofree char *mail_label = card_label(RL_S_EMAIL, b->lang);
  g_autofree char *tel = pdf_uri_tel(g->contact.phone);
  g_autofree char *mail = pdf_uri_mail(g->contact.email);
  RlPos pos = g->contact.pos;
  column_line(b, &tab, phone_label, g->contact.phone, tel, pos, CARD_GAP, col_x, col_w, &y, below);
  column_line(b, &b->body, mail_label, g->contact.email, mail, pos, CARD_GAP, col_x, col_w, &y, below);
  column_line(b, &b->body, NULL, strings_get(RL_S_SCAN, b->lang), NULL, pos, 0, col_x, col_w, &y, below);
  g_autofree char *lines = text_url_lines(b->f, &strong, shown, col_w); /* not at a hyphen */
  column_line(b, &strong, NULL, lines, url, pos, 0, col_x, col_w, &y, below);
  y = MAX(y, b->y + qr_w);
  for (guint i = 0; i < below->len; i++) {
    Item *it = &g_array_index(below, Item, i);
    it->y = y + CARD_GAP;
    y = it->y + it->box->height_pt;
    g_array_append_val(c->items, *it);
  }
  g_array_unref(below);
  b->y = y + CARD_GAP;
}

/* The line atop a continued slice, so that a reader who turns the page still knows whose
 * phone number it is. */
static void continued(Builder *b, const RlGroup *g)
{
  RlTextStyle st = text_style(b->c->lay, RL_ROLE_STRONG);
  g_autofree char *label = card_label(RL_S_CONTINUED, b->lang);
  g_autofree char *name = strings_group_name(g, b->lang, b->lang);
  b->c->cont = text_box_new_labelled(b->f, &st, label, name, b->w, g->name.pos);
  b->c->cont_pad = CARD_PAD + b->c->cont->height_pt + CARD_GAP;
}

RlCard *card_new(RlFonts *fonts, const RlLayout *lay, const RlGroup *g, RlLang lang, double width_pt)
{
  RlCard *c = g_new0(RlCard, 1);
  c->lay = lay;
  c->w = width_pt;
  c->pos = g->rec.pos;
  c->items = g_array_new(FALSE, TRUE, sizeof(Item));
  Builder b = {.f = fonts, .c = c, .body = text_style(lay, RL_ROLE_BODY),
               .w = width_pt - CARD_BAR - 2 * CARD_PAD, .y = CARD_PAD, .lang = lang};
  head(&b, g);
  details(&b, g);
  web_row(&b, g); /* phone and e-mail too */
  c->h = b.y - CARD_GAP + CARD_PAD;
  continued(&b, g);
  return c;
}

void card_free(RlCard *c)
{
  if (!c)
    return;
  for (guint i = 0; i < c->items->len; i++) {
    Item *it = &g_array_index(c->items, Item, i);
    text_box_free(it->box);
    g_free(it->link);
  }
  g_array_unref(c->items);
  text_box_free(c->cont);
  qr_free(c->qr);
  g_free(c);
}

double card_height(const RlCard *c) { return c->h; }

static void frame(const RlCard *c, cairo_t *cr, double x, double y, double h)
{
  const RlColour *ink = &c->lay->ink, *accent = &c->lay->accent;
  cairo_save(cr);
  cairo_set_source_rgb(cr, accent->r, accent->g, accent->b);
  cairo_rectangle(cr, x, y, CARD_BAR, h);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, ink->r, ink->g, ink->b);
  cairo_set_line_width(cr, 1.0);
  cairo_rectangle(cr, x + 0.5, y + 0.5, c->w - 1, h - 1);
  cairo_stroke(cr);
  cairo_restore(cr);
}

void card_draw_slice(void *data, cairo_t *cr, double x, double y, double w, double from, double to,
                     RlPreflight *pf)
{
  const RlCard *c = data;
  double pad = from > 0 ? c->cont_pad : 0, shift = y - from + pad;
  frame(c, cr, x, y, to - from + pad);
  if (from > 0) {
    pdf_tag_begin(cr, "P");
    text_box_draw(c->cont, cr, x + CARD_BAR + CARD_PAD, y + CARD_PAD, pf);
    pdf_tag_end(cr, "P");
  }
  for (guint i = 0; i < c->items->len; i++) {
    const Item *it = &g_array_index(c->items, Item, i);
    if (it->y < from - 0.01 || it->y >= to - 0.01)
      continue;
    pdf_tag_begin(cr, it->tag);
    pdf_link_begin(cr, it->link);
    text_box_draw(it->box, cr, x + it->x, shift + it->y, pf);
    pdf_link_end(cr, it->link);
    pdf_tag_end(cr, it->tag);
  }
  if (c->qr && c->qr_size > 0 && c->qr_y >= from - 0.01 && c->qr_y < to - 0.01) {
    g_autofree char *alt = g_strdup_printf("QR code: %s", c->url);
    pdf_figure_begin(cr, alt);
    qr_draw(c->qr, cr, x + c->qr_x, shift + c->qr_y, c->qr_size);
    pdf_tag_end(cr, "Figure");
  }
}

void card_draw(void *data, cairo_t *cr, double x, double y, double w, RlPreflight *pf)
{
  card_draw_slice(data, cr, x, y, w, 0, card_height(data), pf);
}

GArray *card_breaks(const RlCard *c)
{
  GArray *a = g_array_new(FALSE, FALSE, sizeof(double));
  for (guint i = 0; i < c->items->len; i++) {
    const Item *it = &g_array_index(c->items, Item, i);
    if (it->breakable)
      g_array_append_val(a, it->y);
  }
  return a;
}

double card_pad(const RlCard *c) { return c->cont_pad; }
