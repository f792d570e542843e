/* poster.c - the region poster: A3 portrait (or the poster layout's page) per edition and
 * per network and language: a large title, one inviting sentence, the map of the area
 * with the groups as numbered dots, the list of the groups in poster type, the contact,
 * a QR code of at least 100 mm with its URL printed beside it, the check date and the map
 * attribution. The list continues on further pages when it does not fit; nothing is cut.
 */
#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "layout/pdf.h"
#include "layout/pdfpost.h"
#include "layout/png.h"
#include "layout/qr.h"
#include "render/card.h"
#include "render/poster.h"
#include "render/render.h"

#define GAP 20.0        /* points between blocks */
#define ITEM_GAP 14.0   /* points between list items */
#define QR_MIN_MM 100.0 /* a poster's QR code, at least (large-print.md) */
#define THUMB_W 240.0   /* thumbnail width, pixels */
#define MAP_MIN 250.0   /* the map figure's height on page 1, points: at least */
#define MAP_MAX 640.0   /* and at most */

/* ---- the default recipe (used when the data set has no layouts/poster.yaml) ---------- */

static RlLayout poster_default_layout(void)
{
  return (RlLayout){
    .name = "poster", .page_w_mm = 297, .page_h_mm = 420,
    .margin_mm = {20, 20, 20, 20}, .bleed_mm = 3,
    .body_pt = 28, .h1_pt = 48, .h2_pt = 36, .title_pt = 72, .small_pt = 28,
    .line_height = 1.3, .floor_pt = 28, .measure_max = 50,
    .font = "Tiresias Signfont", .heading_font = "Tiresias Signfont",
    .ink = {0.102, 0.102, 0.102}, .paper = {1, 1, 1}, .accent = {0, 0.314, 0.478},
    .accent_ink = {1, 1, 1}, .highlight = {0.949, 0.761, 0}, .muted = {0.851, 0.851, 0.851},
    .qr_mm = 100,
  };
}

/* ---- planning ----------------------------------------------------------------------- */

static RlLangSet poster_langs(const RlModel *m, RlLangSet wanted, const RlRenderOptions *opt)
{
  RlLangSet set = wanted ? wanted : (1u << m->site.default_language);
  if (m->site.languages)
    set &= m->site.languages;
  if (opt && opt->languages)
    set &= opt->languages;
  return set;
}

static void add_common_inputs(const RlModel *m, RlJob *job, GPtrArray *groups)
{
  job_add_input(job, m->site.digest);
  job_add_input(job, m->map ? m->map->digest : NULL);
  const RlLayout *lay = model_layout(m, "poster");
  job_add_input(job, lay ? lay->digest : "builtin-poster-layout");
  for (guint i = 0; i < groups->len; i++)
    job_add_input(job, ((const RlGroup *)g_ptr_array_index(groups, i))->rec.digest);
}

extern const RlRenderer render_poster;

static void plan_edition(const RlModel *m, const RlRenderOptions *opt, const RlEdition *e,
                         GPtrArray *jobs)
{
  RlLangSet langs = poster_langs(m, e->languages, opt);
  for (RlLang l = 0; l < RL_LANG_N; l++) {
    if (!RL_LANGSET_HAS(langs, l))
      continue;
    bool clash = model_network(m, e->rec.id) != NULL; /* keep network posters' names */
    g_autofree char *out = g_strdup_printf("poster/%s%s-%s.pdf", e->rec.id,
                                           clash ? "-edition" : "", lang_code(l));
    g_autofree char *title = g_strdup_printf("Poster %s (%s)", text_get(&e->name, l, l),
                                             lang_code(l));
    RlJob *job = job_new(&render_poster, out, title, l);
    job->edition = e;
    job_add_input(job, e->rec.digest);
    for (guint i = 0; e->networks && i < e->networks->len; i++)
      job_add_input(job, ((const RlNetwork *)g_ptr_array_index(e->networks, i))->rec.digest);
    g_autoptr(GPtrArray) groups = model_edition_groups(m, e);
    add_common_inputs(m, job, groups);
    g_ptr_array_add(jobs, job);
  }
}

static void plan_network(const RlModel *m, const RlRenderOptions *opt, const RlNetwork *n,
                         GPtrArray *jobs)
{
  RlLangSet langs = poster_langs(m, n->languages, opt);
  for (RlLang l = 0; l < RL_LANG_N; l++) {
    if (!RL_LANGSET_HAS(langs, l))
      continue;
    g_autofree char *out = g_strdup_printf("poster/%s-%s.pdf", n->rec.id, lang_code(l));
    g_autofree char *title = g_strdup_printf("Poster %s (%s)", text_get(&n->name, l, l),
                                             lang_code(l));
    RlJob *job = job_new(&render_poster, out, title, l);
    job->network = n;
    job_add_input(job, n->rec.digest);
    g_autoptr(GPtrArray) groups = model_network_groups(m, n);
    add_common_inputs(m, job, groups);
    g_ptr_array_add(jobs, job);
  }
}

static void poster_plan(const RlModel *m, const RlRenderOptions *opt, GPtrArray *jobs)
{
  for (guint i = 0; i < m->editions->len; i++)
    plan_edition(m, opt, g_ptr_array_index(m->editions, i), jobs);
  for (guint i = 0; i < m->networks->len; i++)
    plan_network(m, opt, g_ptr_array_index(m->networks, i), jobs);
}

/* ---- what a poster shows ------------------------------------------------------------ */

typedef struct {
  RlPoster p;
  RlLayout own_layout;     /* the default recipe when the data set has none */
  GPtrArray *networks;     /* const RlNetwork* */
  const char *tagline;
  const char *url;         /* for the QR code; may be NULL */
  double pw, ph;           /* page (the trim), points */
  RlPage pg;               /* the trim on the PDF sheet: bleed and crop marks with --press */
  double left, top, right, bottom; /* content box edges, points */
  bool figure_drawn;       /* the map figure is in the thumbnail already (drawn with the
                            * PDF's page 1, see poster_thumb_new): skip it */
} Poster;

static void poster_add_network(Poster *ps, const RlNetwork *n, GHashTable *seen)
{
  g_ptr_array_add(ps->networks, (gpointer)n);
  for (guint i = 0; n->coverage && i < n->coverage->len; i++) {
    char *code = g_ptr_array_index(n->coverage, i);
    if (g_hash_table_add(seen, code))
      g_ptr_array_add(ps->p.codes, code);
  }
  if (!ps->url && n->contact.website && *n->contact.website)
    ps->url = n->contact.website;
}

/* Fills ps for the job: subject, networks, area codes, groups, page geometry. */
static void poster_init(Poster *ps, const RlJob *job, const RlModel *m)
{
  const RlLang l = job->lang;
  const RlLayout *lay = model_layout(m, "poster");
  ps->own_layout = poster_default_layout();
  ps->p.m = m;
  ps->p.lay = lay ? lay : &ps->own_layout;
  ps->p.lang = l;
  ps->p.codes = g_ptr_array_new();
  ps->networks = g_ptr_array_new();
  g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
  if (job->network) {
    const RlNetwork *n = job->network;
    ps->p.label = text_is_empty(&n->short_name) ? text_get(&n->name, l, m->site.default_language)
                                                : text_get(&n->short_name, l, m->site.default_language);
    ps->p.label_pos = n->name.pos;
    poster_add_network(ps, n, seen);
    ps->p.groups = model_network_groups(m, n);
  } else {
    const RlEdition *e = job->edition;
    ps->p.label = text_get(&e->name, l, m->site.default_language);
    ps->p.label_pos = e->name.pos;
    for (guint i = 0; e->networks && i < e->networks->len; i++)
      poster_add_network(ps, g_ptr_array_index(e->networks, i), seen);
    ps->p.groups = model_edition_groups(m, e);
  }
  if (!ps->p.label)
    ps->p.label = job->network ? job->network->rec.id : job->edition->rec.id;
  if (!ps->url && m->site.contact.website && *m->site.contact.website)
    ps->url = m->site.contact.website;
  ps->tagline = text_get(&m->site.tagline, l, m->site.default_language);
  const RlLayout *y = ps->p.lay;
  ps->pw = pdf_mm(y->page_w_mm), ps->ph = pdf_mm(y->page_h_mm);
  ps->top = pdf_mm(y->margin_mm[0]), ps->right = ps->pw - pdf_mm(y->margin_mm[1]);
  ps->bottom = ps->ph - pdf_mm(y->margin_mm[2]), ps->left = pdf_mm(y->margin_mm[3]);
}

static void poster_clear(Poster *ps)
{
  g_ptr_array_unref(ps->p.codes);
  g_ptr_array_unref(ps->networks);
  if (ps->p.groups)
    g_ptr_array_unref(ps->p.groups);
}

/* ---- text helpers ---------------------------------------------------------------------- */

RlTextBox *poster_text(const RlPoster *p, const RlTextStyle *st, const char *text, double w,
                       RlPos pos)
{
  RlTextBox *b = text_box_new(p->fonts, st, text, w, pos);
  int max = p->lay->measure_max;
  for (int i = 0; i < 4 && max > 0 && b->chars_per_line > max; i++) {
    w *= (double)max / (b->chars_per_line + 1);
    text_box_free(b);
    b = text_box_new(p->fonts, st, text, w, pos);
  }
  return b;
}

static RlTextBox *box_role(const Poster *ps, RlRole role, const char *text, double w, RlPos pos)
{
  RlTextStyle st = text_style(ps->p.lay, role);
  return poster_text(&ps->p, &st, text, w, pos);
}

/* Draws text at y in a tag; returns the y under it. */
static double put(const Poster *ps, cairo_t *cr, const char *tag, RlTextBox *b, double x, double y)
{
  pdf_tag_begin(cr, tag);
  text_box_draw(b, cr, x, y, ps->p.pf);
  pdf_tag_end(cr, tag);
  double h = b->height_pt;
  text_box_free(b);
  return y + h;
}

static double content_w(const Poster *ps) { return ps->right - ps->left; }

/* ---- header --------------------------------------------------------------------------- */

static RlTextBox *title_box(const Poster *ps)
{
  RlTextStyle st = text_style(ps->p.lay, RL_ROLE_TITLE);
  st.size_pt = fmax(st.size_pt, 72);
  return text_box_new_fit(ps->p.fonts, &st, ps->p.label, content_w(ps),
                          2 * st.size_pt * st.line_height, 72, ps->p.label_pos);
}

static bool poster_is_sample(const Poster *ps)
{
  if (ps->p.m->site.sample)
    return true;
  for (guint i = 0; i < ps->p.groups->len; i++)
    if (((const RlGroup *)g_ptr_array_index(ps->p.groups, i))->rec.sample)
      return true;
  return false;
}

static double poster_header(const Poster *ps, cairo_t *cr, double y)
{
  double w = content_w(ps);
  if (poster_is_sample(ps))
    y = put(ps, cr, "P", box_role(ps, RL_ROLE_STRONG, poster_word(PW_SAMPLE, ps->p.lang), w,
                                  ps->p.m->site.pos), ps->left, y) + GAP / 2;
  y = put(ps, cr, "H1", title_box(ps), ps->left, y);
  if (ps->tagline)
    y = put(ps, cr, "P", box_role(ps, RL_ROLE_H2, ps->tagline, w, ps->p.m->site.tagline.pos),
            ps->left, y + GAP / 2);
  return y + GAP;
}

/* ---- the list of groups ----------------------------------------------------------------- */

/* "mardi, 14:00 – 16:00, toutes les deux semaines" */
static void append_when(GString *s, const RlSchedule *sc, RlLang l)
{
  bool first = true;
  for (int d = 0; d < 7; d++)
    if (sc->days & (1u << d)) {
      g_string_append_printf(s, "%s%s", first ? "" : ", ", poster_weekday(d, l));
      first = false;
    }
  g_string_append_printf(s, ", %02d:%02d", sc->start_min / 60, sc->start_min % 60);
  if (sc->end_min >= 0)
    g_string_append_printf(s, " – %02d:%02d", sc->end_min / 60, sc->end_min % 60);
  if (sc->frequency == RL_FREQ_FORTNIGHTLY)
    g_string_append_printf(s, ", %s", poster_word(PW_FORTNIGHTLY, l));
  else if (sc->frequency == RL_FREQ_MONTHLY)
    g_string_append_printf(s, ", %s", poster_word(PW_MONTHLY, l));
}

/* The details under a group's name: when, then where and the phone. */
static char *item_details(const RlGroup *g, RlLang l)
{
  GString *s = g_string_new(NULL);
  append_when(s, &g->schedule, l);
  g_string_append_c(s, '\n');
  const char *where = g->in_person && g->place.city ? g->place.city : NULL;
  if (where)
    g_string_append(s, where);
  if (g->online)
    g_string_append_printf(s, "%s%s", where ? " · " : "", poster_word(PW_ONLINE, l));
  if (g->contact.phone)
    g_string_append_printf(s, "%s%s", s->str[s->len - 1] != '\n' ? " · " : "", g->contact.phone);
  return g_string_free(s, FALSE);
}

typedef struct {
  RlTextBox *name, *details;
  double h;
} Item;

static Item item_new(const Poster *ps, guint i)
{
  const RlGroup *g = g_ptr_array_index(ps->p.groups, i);
  double indent = 2 * poster_dot_radius(&ps->p) + 16, w = content_w(ps) - indent;
  g_autofree char *details = item_details(g, ps->p.lang);
  Item it = {
    .name = box_role(ps, RL_ROLE_STRONG, text_get(&g->name, ps->p.lang, ps->p.m->site.default_language),
                     w, g->name.pos),
    .details = box_role(ps, RL_ROLE_BODY, details, w, g->schedule.pos),
  };
  it.h = fmax(it.name->height_pt + it.details->height_pt, 2 * poster_dot_radius(&ps->p));
  return it;
}

static void item_draw(const Poster *ps, cairo_t *cr, Item *it, guint i, double y)
{
  double r = poster_dot_radius(&ps->p), indent = 2 * r + 16;
  pdf_tag_begin(cr, "LI");
  poster_dot(&ps->p, cr, ps->left + r, y + it->name->line_top[1] / 2, r, (int)i + 1);
  text_box_draw(it->name, cr, ps->left + indent, y, ps->p.pf);
  text_box_draw(it->details, cr, ps->left + indent, y + it->name->height_pt, ps->p.pf);
  pdf_tag_end(cr, "LI");
  text_box_free(it->name);
  text_box_free(it->details);
}

/* How many items from `from` fit between y and limit (at least one when `force`). */
static guint list_fit(const Poster *ps, double y, double limit, guint from, bool force)
{
  guint n = 0;
  for (guint i = from; i < ps->p.groups->len; i++, n++) {
    Item it = item_new(ps, i);
    y += it.h;
    text_box_free(it.name);
    text_box_free(it.details);
    if (y > limit && !(force && n == 0))
      break;
    y += ITEM_GAP;
  }
  return n;
}

/* Draws `count` items from *next as one list; returns the y under it. */
static double list_draw(const Poster *ps, cairo_t *cr, double y, guint *next, guint count)
{
  if (count == 0)
    return y;
  pdf_tag_begin(cr, "L");
  for (guint k = 0; k < count; k++, (*next)++) {
    Item it = item_new(ps, *next);
    item_draw(ps, cr, &it, *next, y);
    y += it.h + ITEM_GAP;
  }
  pdf_tag_end(cr, "L");
  return y;
}

/* ---- footer: contact and QR ---------------------------------------------------------- */

static double qr_size(const Poster *ps) { return pdf_mm(fmax(ps->p.lay->qr_mm, QR_MIN_MM)); }

/* The footer's text, one paragraph a line group, for the column left of the QR code (the
 * map's credit is the map's caption, see caption_new). */
static char *footer_text(const Poster *ps)
{
  const RlModel *m = ps->p.m;
  RlLang l = ps->p.lang;
  GString *s = g_string_new(NULL);
  if (ps->networks->len == 1) { /* the network's own phone and e-mail, when known */
    const RlNetwork *n = g_ptr_array_index(ps->networks, 0);
    const RlContact *c = &n->contact;
    if (c->phone || c->email)
      g_string_append_printf(s, "%s\n", text_get(&n->name, l, m->site.default_language));
    if (c->phone)
      g_string_append_printf(s, "%s\n", c->phone);
    if (c->email)
      g_string_append_printf(s, "%s\n", c->email);
  }
  const char *org = text_get(&m->site.organisation, l, m->site.default_language);
  if (org)
    g_string_append(s, org);
  if (m->site.contact.phone)
    g_string_append_printf(s, "%s%s", org ? " · " : "", m->site.contact.phone);
  if (m->site.contact.email)
    g_string_append_printf(s, "\n%s", m->site.contact.email);
  g_autofree char *date = poster_date(&m->site.checked, l);
  if (date) {
    g_string_append(s, "\n");
    g_string_append_printf(s, poster_word(PW_CHECKED, l), date);
  }
  return g_string_free(s, FALSE);
}

typedef struct {
  RlTextBox *scan, *url, *text;
  RlQr *qr;
  double col_w, h;
  bool credit; /* the map's credit is in the column */
  bool wide; /* the scan line and the URL across the page, above the column */
} Footer;

/* The scan line and the web address at w wide; true when both fit there. The address is
 * printed as the brochures print it, without "https://" (card_web_address; the link and
 * the QR code keep it whole), on one line, else broken as text_url_lines() does (never at
 * a hyphen, where a reader could not tell). */
static bool footer_link(const Poster *ps, Footer *f, double w)
{
  text_box_free(f->scan);
  text_box_free(f->url);
  f->scan = box_role(ps, RL_ROLE_BODY, poster_word(PW_SCAN, ps->p.lang), w, (RlPos){0});
  RlTextStyle st = text_style(ps->p.lay, RL_ROLE_STRONG);
  g_autofree char *shown = card_web_address(ps->url);
  g_autofree char *lines = text_url_lines(ps->p.fonts, &st, shown, w);
  f->url = text_box_new(ps->p.fonts, &st, lines, w, ps->p.m->site.contact.pos);
  int want = 1;
  for (const char *c = lines; *c; c++)
    want += *c == '\n';
  return f->url->n_lines == want && !f->url->overflow && !f->scan->overflow;
}

/* The footer: the contact text in a column left of the QR code, headed by the scan line
 * and the URL when the URL fits the column on one line; else those two go across the
 * page above the column as before. The footer is then no taller than the QR code with
 * its quiet zone unless the column's text is. */
static Footer footer_new(const Poster *ps)
{
  Footer f = {0};
  double size = qr_size(ps);
  f.qr = ps->url ? qr_new(ps->url, NULL) : NULL;
  double quiet = f.qr ? (qr_total_width(f.qr, size) - size) / 2 : 0;
  f.col_w = f.qr ? content_w(ps) - size - quiet : content_w(ps);
  double top = 0, link = 0;
  if (f.qr) {
    f.wide = !footer_link(ps, &f, f.col_w);
    if (f.wide)
      footer_link(ps, &f, content_w(ps));
    *(f.wide ? &top : &link) = f.scan->height_pt + f.url->height_pt + GAP;
  }
  g_autofree char *text = footer_text(ps);
  f.text = box_role(ps, RL_ROLE_BODY, text, f.col_w, ps->p.m->site.contact.pos);
  const char *credit = ps->p.map ? map_attribution(ps->p.map, ps->p.lang) : NULL;
  if (credit && *credit && f.qr) {
    g_autofree char *with = g_strdup_printf("%s\n%s", text, credit);
    RlTextBox *b = box_role(ps, RL_ROLE_BODY, with, f.col_w, ps->p.m->site.contact.pos);
    if (link + b->height_pt <= size + quiet) {
      text_box_free(f.text);
      f.text = b, f.credit = true;
    } else
      text_box_free(b);
  }
  /* the QR code's white quiet zone above the symbol must not cover the URL line */
  f.h = top + fmax(link + f.text->height_pt, f.qr ? size + quiet : 0);
  return f;
}

static void footer_free(Footer *f)
{
  text_box_free(f->scan);
  text_box_free(f->url);
  text_box_free(f->text);
  qr_free(f->qr);
}

/* Draws the scan line and the linked URL at y; returns the y under them. */
static double footer_link_draw(const Poster *ps, cairo_t *cr, Footer *f, double y)
{
  pdf_tag_begin(cr, "P");
  text_box_draw(f->scan, cr, ps->left, y, ps->p.pf);
  y += f->scan->height_pt;
  g_autofree char *uri = pdf_uri_web(ps->url);
  pdf_link_begin(cr, uri);
  text_box_draw(f->url, cr, ps->left, y, ps->p.pf);
  pdf_link_end(cr, uri);
  pdf_tag_end(cr, "P");
  return y + f->url->height_pt + GAP;
}

static void footer_draw(const Poster *ps, cairo_t *cr, Footer *f)
{
  double y = ps->bottom - f->h;
  if (f->qr)
    y = footer_link_draw(ps, cr, f, y);
  pdf_tag_begin(cr, "P");
  text_box_draw(f->text, cr, ps->left, y, ps->p.pf);
  pdf_tag_end(cr, "P");
  if (f->qr) {
    double size = qr_size(ps), quiet = (qr_total_width(f->qr, size) - size) / 2;
    pdf_tag_begin(cr, "Figure");
    qr_draw(f->qr, cr, ps->right - size - quiet, ps->bottom - size - quiet, size);
    pdf_tag_end(cr, "Figure");
  }
}

/* ---- pages ------------------------------------------------------------------------------ */

/* Height of the first n items of the list, gaps included. */
static double items_height(const Poster *ps, guint n)
{
  double h = 0;
  for (guint i = 0; i < n && i < ps->p.groups->len; i++) {
    Item it = item_new(ps, i);
    h += it.h + ITEM_GAP;
    text_box_free(it.name);
    text_box_free(it.details);
  }
  return h;
}

/* The line that sends readers to the next page for the list. Free with text_box_free(). */
static RlTextBox *list_next_box(const Poster *ps)
{
  g_autofree char *line = g_strdup_printf(poster_word(PW_LIST_NEXT, ps->p.lang),
                                          ps->p.groups->len);
  return box_role(ps, RL_ROLE_STRONG, line, content_w(ps), (RlPos){0});
}

/* The note under the list heading when there is no group. Free with text_box_free(). */
static RlTextBox *no_groups_box(const Poster *ps)
{
  return box_role(ps, RL_ROLE_BODY, poster_word(PW_NO_GROUPS, ps->p.lang), content_w(ps),
                  (RlPos){0});
}

/* The list part of page 1: the heading and every group, or the no-group note, or (when
 * they do not all fit) a line saying the list is on the next page. */
static void page_one_list(const Poster *ps, cairo_t *cr, double y, double limit, guint *next)
{
  guint n = ps->p.groups->len;
  RlTextBox *head = box_role(ps, RL_ROLE_H2, poster_word(PW_LIST_TITLE, ps->p.lang),
                             content_w(ps), (RlPos){0});
  double top = y + head->height_pt + GAP / 4;
  if (n > 0 && list_fit(ps, top, limit, 0, false) < n) {
    text_box_free(head);
    put(ps, cr, "P", list_next_box(ps), ps->left, y);
    return;
  }
  y = put(ps, cr, "H2", head, ps->left, y) + GAP / 4;
  if (n == 0)
    put(ps, cr, "P", no_groups_box(ps), ps->left, y);
  list_draw(ps, cr, y, next, n);
}

/* Height of a box, which is freed. */
static double box_h(RlTextBox *b)
{
  double h = b->height_pt;
  text_box_free(b);
  return h;
}

/* Height of page 1's list part: all groups when they fit under a map of MAP_MIN,
 * else the line that sends readers to the next page. */
static double page_one_list_h(const Poster *ps, double room)
{
  guint n = ps->p.groups->len;
  double head = box_h(box_role(ps, RL_ROLE_H2, poster_word(PW_LIST_TITLE, ps->p.lang),
                               content_w(ps), (RlPos){0}));
  double all = head + GAP / 4 + (n ? items_height(ps, n) : box_h(no_groups_box(ps)));
  if (all <= room - MAP_MIN)
    return all;
  return box_h(list_next_box(ps));
}

/* The map's credit as the map's caption: the layout's small size, but never under the
 * body size (nothing on a poster is under 28 pt: large-print.md). NULL when the map has
 * no credit. Free with text_box_free(). */
static RlTextBox *caption_new(const Poster *ps)
{
  const char *credit = ps->p.map ? map_attribution(ps->p.map, ps->p.lang) : NULL;
  if (!credit || !*credit)
    return NULL;
  RlTextStyle st = text_style(ps->p.lay, RL_ROLE_SMALL);
  st.size_pt = fmax(st.size_pt, text_style(ps->p.lay, RL_ROLE_BODY).size_pt);
  return poster_text(&ps->p, &st, credit, content_w(ps), (RlPos){0});
}

/* Draws the map figure (unless the thumbnail has it) and its caption at y, map_h tall;
 * returns false with *error when the map cannot be drawn. *y becomes the y under them. */
static bool page_one_map(const Poster *ps, cairo_t *cr, double *y, double map_h,
                         RlTextBox *caption, GError **error)
{
  bool ok = true;
  if (!ps->figure_drawn) {
    pdf_tag_begin(cr, "Figure");
    ok = poster_map_draw(&ps->p, cr, ps->left, *y, content_w(ps), map_h, error);
    pdf_tag_end(cr, "Figure");
  }
  *y += map_h;
  if (caption)
    *y = put(ps, cr, "P", caption, ps->left, *y + GAP / 4);
  *y += GAP;
  return ok;
}

/* Page 1: header, map and its caption, the list when it fits whole, footer. */
static bool poster_page_one(const Poster *ps, cairo_t *cr, guint *next, GError **error)
{
  double y = poster_header(ps, cr, ps->top);
  Footer f = footer_new(ps);
  RlTextBox *caption = f.credit ? NULL : caption_new(ps);
  double cap_h = caption ? caption->height_pt + GAP / 4 : 0;
  double limit = ps->bottom - f.h - GAP;
  double list_h = page_one_list_h(ps, limit - y - GAP - cap_h);
  double map_h = ps->p.map ? CLAMP(limit - y - GAP - cap_h - list_h, MAP_MIN, MAP_MAX) : 0;
  bool ok = !ps->p.map || page_one_map(ps, cr, &y, map_h, caption, error);
  page_one_list(ps, cr, y, limit, next);
  footer_draw(ps, cr, &f);
  footer_free(&f);
  return ok;
}

/* A further page of the list: "Les groupes · Brumenta" (and "(suite)" after the first
 * list page), then as many groups as fit. */
static void poster_page_more(const Poster *ps, cairo_t *cr, guint *next)
{
  RlLang l = ps->p.lang;
  g_autofree char *head = g_strdup_printf("%s · %s%s%s", poster_word(PW_LIST_TITLE, l),
                                          ps->p.label, *next > 0 ? " " : "",
                                          *next > 0 ? poster_word(PW_CONTINUED, l) : "");
  double y = put(ps, cr, "H2", box_role(ps, RL_ROLE_H1, head, content_w(ps), ps->p.label_pos),
                 ps->left, ps->top) + GAP;
  list_draw(ps, cr, y, next, list_fit(ps, y, ps->bottom, *next, true));
}

/* Starts drawing a page: with --press, moved onto the trim inside bleed and slug. */
static void page_begin(const Poster *ps, cairo_t *cr, bool sheet)
{
  cairo_save(cr);
  if (sheet)
    cairo_translate(cr, ps->pg.trim_x, ps->pg.trim_y);
}

static void page_end(const Poster *ps, cairo_t *cr, bool sheet)
{
  cairo_restore(cr);
  if (sheet)
    pdf_crop_marks(cr, &ps->pg);
}

/* Draws the poster: page 1, then (unless one_page, for the thumbnail) the list pages.
 * sheet: draw on the PDF sheet of ps->pg (false for the thumbnail). */
static bool poster_draw_all(const Poster *ps, cairo_t *cr, bool one_page, bool sheet,
                            GError **error)
{
  guint next = 0;
  int pages = 1;
  pdf_tag_begin(cr, "Document");
  page_begin(ps, cr, sheet);
  bool ok = poster_page_one(ps, cr, &next, error);
  page_end(ps, cr, sheet);
  while (ok && !one_page && next < ps->p.groups->len) {
    cairo_show_page(cr);
    preflight_set_page(ps->p.pf, ++pages);
    page_begin(ps, cr, sheet);
    poster_page_more(ps, cr, &next);
    page_end(ps, cr, sheet);
  }
  pdf_tag_end(cr, "Document");
  return ok;
}

/* ---- files ------------------------------------------------------------------------------- */

/* A new thumbnail of page 1 for the map figure to be drawn into along with the PDF's
 * (librsvg restyles the map once for both): THUMB_W pixels wide, white, scaled from
 * points. Free with cairo_destroy(). */
static cairo_t *poster_thumb_new(const Poster *ps)
{
  double s = THUMB_W / ps->pw;
  cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)THUMB_W,
                                                    (int)ceil(ps->ph * s));
  cairo_t *cr = cairo_create(img);
  cairo_surface_destroy(img); /* the context keeps it */
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, s, s);
  return cr;
}

/* Draws the rest of page 1 into ps->p.thumb (which holds the map figure, drawn with the
 * PDF; nothing else of page 1 overlaps it) and writes it as a PNG. */
static bool poster_thumb(const Poster *ps, const char *thumb_path, GError **error)
{
  Poster copy = *ps;
  copy.p.pf = NULL;
  copy.p.thumb = NULL;
  copy.figure_drawn = ps->p.thumb != NULL;
  bool ok = poster_draw_all(&copy, ps->p.thumb, true, false, error);
  cairo_surface_t *img = cairo_get_target(ps->p.thumb);
  cairo_surface_flush(img);
  return ok && png_write_file(img, thumb_path, error);
}

static bool poster_post(const Poster *ps, const char *path, GError **error)
{
  g_autofree char *alt = ps->p.map ? poster_map_alt(&ps->p) : NULL;
  g_autofree char *qr_alt = ps->url ? g_strdup_printf("QR code: %s", ps->url) : NULL;
  const char *alts[2];
  guint n = 0;
  if (alt)
    alts[n++] = alt;
  if (qr_alt)
    alts[n++] = qr_alt;
  RlPdfPost post = {.lang = pdf_lang_tag(ps->p.lang), .figure_alts = alts, .n_alts = n,
                    .boxes = ps->pg.press};
  if (ps->pg.press)
    pdf_page_boxes(&ps->pg, post.trim_pt, post.bleed_pt);
  return pdfpost_apply(path, &post, error);
}

static bool poster_pdf(Poster *ps, const RlJob *job, RlRenderEnv *env, const char *path,
                       GError **error)
{
  const RlModel *m = ps->p.m;
  RlPdfMeta meta = {.title = job->title,
                    .author = text_get(&m->site.organisation, job->lang, m->site.default_language),
                    .subject = ps->tagline, .keywords = "poster", .lang = job->lang,
                    .source_date_epoch = env->opt ? env->opt->source_date_epoch : 0};
  ps->pg = pdf_page(ps->pw, ps->ph, env->opt && env->opt->press, ps->p.lay->bleed_mm);
  cairo_surface_t *s = pdf_surface_new(path, ps->pg.media_w, ps->pg.media_h, &meta, error);
  if (!s)
    return false;
  cairo_t *cr = cairo_create(s);
  bool ok = poster_draw_all(ps, cr, false, true, error);
  cairo_destroy(cr);
  ok = pdf_finish(s, path, ok ? error : NULL) && ok;
  cairo_surface_destroy(s);
  return ok && poster_post(ps, path, error);
}

/* The worker's map of the model's spec: loaded for its first poster and kept in env->kept
 * for the next ones (an RlMap draws the same whatever it drew before; see map.c). */
static RlMap *poster_map(const RlModel *m, RlRenderEnv *env, GError **error)
{
  RlMap *map = g_datalist_get_data(&env->kept, "poster-map");
  if (map && map_spec(map) == m->map)
    return map;
  map = map_load(m->map, error);
  if (map)
    g_datalist_set_data_full(&env->kept, "poster-map", map, (GDestroyNotify)map_free);
  return map;
}

static bool poster_render(const RlJob *job, const RlModel *m, RlRenderEnv *env,
                          const char *path, const char *thumb_path, GError **error)
{
  if (!env->fonts) {
    g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: no fonts to draw with", job->out);
    return false;
  }
  Poster ps = {0};
  poster_init(&ps, job, m);
  ps.p.fonts = env->fonts;
  bool ok = fonts_require_family(env->fonts, text_style(ps.p.lay, RL_ROLE_BODY).family, error);
  if (ok && m->map) {
    ps.p.map = poster_map(m, env, error);
    ok = ps.p.map != NULL;
  }
  RlProfile prof = preflight_profile(ps.p.lay);
  ps.p.pf = preflight_new(&prof, job->out);
  ps.p.thumb = thumb_path ? poster_thumb_new(&ps) : NULL;
  ok = ok && poster_pdf(&ps, job, env, path, error);
  if (ok) /* findings go to the pipeline, which keeps the file only when allowed */
    preflight_check(ps.p.pf, env->diags);
  ok = ok && (!thumb_path || poster_thumb(&ps, thumb_path, error));
  preflight_free(ps.p.pf);
  if (ps.p.thumb)
    cairo_destroy(ps.p.thumb);
  poster_clear(&ps);
  return ok;
}

const RlRenderer render_poster = {
  .name = "poster",
  .summary = "A3 posters per edition and network: map of the area, groups, QR code",
  .is_dir = false,
  .plan = poster_plan,
  .render = poster_render,
};
