/* flyer.c - one A5 page per group and language for notice boards: kind, big name, what,
 * for whom, when, where, cost, access, languages, the phone number in large tabular
 * figures, a QR code >= 30 mm with its address printed beside it, the network, and an
 * "Example" mark on sample groups. The type is the largest that fits one page (never
 * under the floor, never over the layout's sizes), secondary details are left out only
 * when everything does not fit at the floor; if nothing fits, that is a preflight finding. */
#include <math.h>
#include <string.h>

#include "brochure.h"
#include "card.h"
#include "layout/qr.h"
#include "model/layout_defaults.h"
#include "strings.h"
#include "when.h"

static void flyer_plan(const RlModel *m, const RlRenderOptions *opt, GPtrArray *jobs);
static bool flyer_render(const RlJob *job, const RlModel *m, RlRenderEnv *env, const char *path,
                         const char *thumb_path, GError **error);

const RlRenderer render_flyer = {
  .name = "flyer",
  .summary = "A5 flyer per group and language, with a QR code",
  .plan = flyer_plan,
  .render = flyer_render,
};

/* The languages of a group's flyers: spoken ∩ site, else its network's languages ∩ site
 * (a group held only in, say, Arabic and Turkish), else the first site language in which
 * the group has a name or a description; then narrowed by the command line. --lang only
 * picks among the flyers a full build makes: it never adds a French flyer for a group
 * held in Dutch. */
static RlLangSet flyer_languages(const RlModel *m, const RlGroup *g, const RlRenderOptions *opt)
{
  RlLangSet site = m->site.languages;
  RlLangSet set = g->spoken & site;
  if (!set && g->network)
    set = g->network->languages & site;
  for (int l = 0; !set && l < RL_LANG_N; l++)
    if (RL_LANGSET_HAS(site, l) && (g->name.v[l] || g->description.v[l]))
      set = 1u << l;
  if (!set && RL_LANGSET_HAS(site, m->site.default_language))
    set = 1u << m->site.default_language;
  return opt && opt->languages ? set & opt->languages : set;
}

static void flyer_plan(const RlModel *m, const RlRenderOptions *opt, GPtrArray *jobs)
{
  const RlLayout *lay = brochure_layout(m, "flyer");
  for (guint i = 0; i < m->groups->len; i++) {
    const RlGroup *g = g_ptr_array_index(m->groups, i);
    RlLangSet langs = flyer_languages(m, g, opt);
    for (int l = 0; l < RL_LANG_N; l++) {
      if (!RL_LANGSET_HAS(langs, l))
        continue;
      g_autofree char *out = g_strdup_printf("flyer/%s-%s.pdf", g->rec.id, lang_code((RlLang)l));
      g_autofree char *title = g_strdup_printf("flyer %s (%s)", text_get(&g->name, (RlLang)l, m->site.default_language),
                                               lang_code((RlLang)l));
      RlJob *job = job_new(&render_flyer, out, title, (RlLang)l);
      job->group = g;
      job_add_input(job, m->site.digest);
      job_add_input(job, lay->digest);
      job_add_input(job, g->rec.digest);
      job_add_input(job, g->network ? g->network->rec.digest : NULL);
      g_ptr_array_add(jobs, job);
    }
  }
}

/* ---- blocks of the flyer ---------------------------------------------------------- */

/* The QR code with "Scan the code or go to" and the address beside it. */
typedef struct {
  const RlQr *qr;     /* borrowed: the flyer's (see flyer_qr) */
  double size, total;
  RlTextBox *scan, *url;
  char *link, *alt;
} QrRow;

static void qr_row_free(gpointer p)
{
  QrRow *r = p;
  text_box_free(r->scan);
  text_box_free(r->url);
  g_free(r->link);
  g_free(r->alt);
  g_free(r);
}

static void qr_row_draw(void *data, cairo_t *cr, double x, double y, double w, RlPreflight *pf)
{
  const QrRow *r = data;
  /* The quiet zone lies outside the text column: in the left margin, in the space above
   * the row, and (the row is last) in the bottom margin. */
  double quiet = (r->total - r->size) / 2;
  pdf_figure_begin(cr, r->alt);
  qr_draw(r->qr, cr, x - quiet, y - quiet, r->size);
  pdf_tag_end(cr, "Figure");
  double tx = x + r->size + quiet + 4, ty = y;
  pdf_tag_begin(cr, "P");
  text_box_draw(r->scan, cr, tx, ty, pf);
  pdf_link_begin(cr, r->link);
  text_box_draw(r->url, cr, tx, ty + r->scan->height_pt, pf);
  pdf_link_end(cr, r->link);
  pdf_tag_end(cr, "P");
}

/* Details a flyer leaves out when it cannot show them all (the guide has them all). */
enum {
  LEAVE_LANGUAGES = 1 << 0,
  LEAVE_EMAIL = 1 << 1,
  LEAVE_ACCESS = 1 << 2,
  LEAVE_AUDIENCE = 1 << 3,
  LEAVE_COST = 1 << 4,
};

/* One way of fitting a flyer: what it leaves out, its title's share, and the type
 * sizes it may take. Boxes are shared by every try (see box_new). */
typedef struct {
  RlFonts *f;
  GHashTable *boxes;
  const RlLayout *base;
  const RlModel *m;
  const RlGroup *g;
  RlLang lang;
  const RlQr *qr; /* the code of the group's website, or NULL (see flyer_qr) */
  unsigned leave;     /* LEAVE_* */
  double title;
  double leading;     /* line height (multiple of the size) */
  double floor, body; /* the floor and the layout's body size (the largest tried) */
} Fit;

typedef struct {
  RlFonts *f;
  const RlLayout *lay;
  RlFlow *flow;
  const RlModel *m;
  const RlGroup *g;
  RlLang lang;
  const RlQr *qr;
  double line;
  double last_after;  /* the space after the block added last, points */
  unsigned leave;     /* what is left out to fit: LEAVE_* */
  GHashTable *boxes;  /* char* key -> RlTextBox*: every box laid out for this flyer */
} Flyer;

/* A new text box, laid out once per flyer: fitting the page tries the same boxes at the
 * same sizes again and again (each pass, each size), and Pango's shaping is the cost. */
static RlTextBox *box_new(GHashTable *boxes, RlFonts *f, const RlTextStyle *st,
                          const char *label, const char *text, double width, RlPos pos)
{
  label = label ? label : "";
  text = text ? text : "";
  g_autofree char *key = g_strdup_printf(
    "%s|%a|%d|%a|%a,%a,%a|%a,%a,%a|%d|%a|%p:%d:%d|%zu:%s|%s", st->family ? st->family : "",
    st->size_pt, st->bold, st->line_height, st->ink.r, st->ink.g, st->ink.b, st->paper.r,
    st->paper.g, st->paper.b, st->tabular, width, (const void *)pos.file, pos.line, pos.col,
    strlen(label), label, text);
  RlTextBox *b = g_hash_table_lookup(boxes, key);
  if (!b) {
    b = text_box_new_labelled(f, st, label, text, width, pos);
    g_hash_table_insert(boxes, g_steal_pointer(&key), b);
  }
  return text_box_copy(b);
}

static void add(Flyer *fl, RlRole role, const char *label, const char *text, RlPos pos,
                const char *link, RlBlockOpts o)
{
  if (!text || !*text)
    return;
  RlTextStyle st = text_style(fl->lay, role);
  st.tabular = link && g_str_has_prefix(link, "tel:");
  if (role == RL_ROLE_STRONG && !label) {
    st.ink = fl->lay->accent;
    if (preflight_contrast(st.ink, st.paper) < 7.0)
      st.ink = fl->lay->ink;
  }
  o.tag = o.tag ? o.tag : "P";
  o.link = link;
  o.keep_together = true;
  if (!o.space_after)
    o.space_after = fl->line / 5;
  fl->last_after = o.space_after;
  flow_add_text(fl->flow, box_new(fl->boxes, fl->f, &st, label, text, flow_width(fl->flow), pos), &o);
}

static void field(Flyer *fl, int key, const char *text, RlPos pos)
{
  g_autofree char *label = card_label(key, fl->lang);
  add(fl, RL_ROLE_BODY, label, text, pos, NULL, (RlBlockOpts){0});
}

static const char *tr(const Flyer *fl, const RlText *t)
{
  return text_get(t, fl->lang, fl->m->site.default_language);
}

static void head(Flyer *fl)
{
  const RlGroup *g = fl->g;
  g_autofree char *kind = strings_kind_line(g, fl->lang);
  add(fl, RL_ROLE_STRONG, NULL, kind, g->rec.pos, NULL, (RlBlockOpts){0});
  g_autofree char *name = strings_group_name(g, fl->lang, fl->m->site.default_language);
  add(fl, RL_ROLE_TITLE, NULL, name, g->name.pos, NULL,
      (RlBlockOpts){.tag = "H1", .space_after = fl->line / 2});
  add(fl, RL_ROLE_BODY, NULL, tr(fl, &g->description), g->description.pos, NULL,
      (RlBlockOpts){.space_after = fl->line / 2});
}

static void details(Flyer *fl)
{
  const RlGroup *g = fl->g;
  if (!(fl->leave & LEAVE_AUDIENCE))
    field(fl, RL_S_FOR_WHOM, tr(fl, &g->audience), g->audience.pos);
  g_autofree char *when = when_format(&g->schedule, fl->lang);
  field(fl, RL_S_WHEN, when, g->schedule.pos);
  g_autofree char *place = card_place(&g->place, fl->lang);
  const char *online = g->online ? strings_get(g->in_person ? RL_S_ONLINE_TOO : RL_S_ONLINE_ONLY, fl->lang) : NULL;
  g_autofree char *where = online && g->in_person && *place ? g_strdup_printf("%s. %s", place, online)
                           : g_strdup(online && !g->in_person ? online : place);
  field(fl, RL_S_WHERE, where, g->place.pos);
  if (!(fl->leave & LEAVE_COST))
    field(fl, RL_S_COST, tr(fl, &g->cost), g->cost.pos);
  g_autofree char *langs = card_languages(g->spoken, fl->lang);
  if (!(fl->leave & LEAVE_ACCESS))
    field(fl, RL_S_ACCESS, tr(fl, &g->accessibility), g->accessibility.pos);
  if (!(fl->leave & LEAVE_LANGUAGES))
    field(fl, RL_S_LANGUAGES, langs, g->rec.pos);
  g_autofree char *tel = pdf_uri_tel(g->contact.phone);
  add(fl, RL_ROLE_H2, strings_get(RL_S_CALL_US, fl->lang), g->contact.phone, g->contact.pos, tel,
      (RlBlockOpts){.space_before = fl->line / 4});
  g_autofree char *mail = pdf_uri_mail(g->contact.email);
  g_autofree char *mail_label = card_label(RL_S_EMAIL, fl->lang);
  if (!(fl->leave & LEAVE_EMAIL))
    add(fl, RL_ROLE_BODY, mail_label, g->contact.email, g->contact.pos, mail, (RlBlockOpts){0});
}

static void qr_row(Flyer *fl)
{
  const char *url = fl->g->contact.website;
  if (!url || !*url)
    return;
  g_autofree char *shown = card_web_address(url);
  if (!fl->qr) {
    g_autofree char *label = card_label(RL_S_WEB, fl->lang);
    add(fl, RL_ROLE_BODY, label, shown, fl->g->contact.pos, url, (RlBlockOpts){0});
    return;
  }
  QrRow *r = g_new0(QrRow, 1);
  r->qr = fl->qr;
  r->size = pdf_mm(MAX(fl->lay->qr_mm, 30));
  r->total = qr_total_width(r->qr, r->size);
  r->link = g_strdup(url);
  r->alt = g_strdup_printf("QR code: %s", url);
  double quiet = (r->total - r->size) / 2;
  double w = flow_width(fl->flow) - r->size - quiet - 4;
  RlTextStyle body = text_style(fl->lay, RL_ROLE_BODY), strong = text_style(fl->lay, RL_ROLE_STRONG);
  r->scan = box_new(fl->boxes, fl->f, &body, NULL, strings_get(RL_S_SCAN, fl->lang), w, fl->g->contact.pos);
  g_autofree char *lines = text_url_lines(fl->f, &strong, shown, w); /* not at a hyphen */
  r->url = box_new(fl->boxes, fl->f, &strong, NULL, lines, w, fl->g->contact.pos);
  double h = MAX(r->size, r->scan->height_pt + r->url->height_pt);
  /* The quiet zone above the code needs white, not more room: the space after the block
   * above is white already (and so is the leading under its last line). */
  flow_add_custom(fl->flow, h, qr_row_draw, r, qr_row_free,
                  &(RlBlockOpts){.space_before = MAX(quiet - fl->last_after, 0),
                                 .what = url, .pos = fl->g->contact.pos});
}

static void network(Flyer *fl)
{
  const RlNetwork *n = fl->g->network;
  if (!n)
    return;
  const char *name = tr(fl, &n->name);
  g_autofree char *line = n->contact.phone ? g_strdup_printf("%s, %s", name, n->contact.phone) : g_strdup(name);
  /* "Netwerk GGZ Kempen" says what it is: "Netwerk: Netwerk GGZ Kempen" would say it twice. */
  if (strings_has_word(name, RL_S_NETWORK, fl->lang))
    add(fl, RL_ROLE_BODY, NULL, line, n->rec.pos, NULL, (RlBlockOpts){0});
  else
    field(fl, RL_S_NETWORK, line, n->rec.pos);
}

/* The code of the group's website for its flyers, or NULL when it has none or it cannot
 * be encoded (the address is printed instead). Encoded once per flyer: every try at
 * fitting the page draws the same code. Free with qr_free(). */
static RlQr *flyer_qr(const RlGroup *g)
{
  const char *url = g->contact.website;
  if (!url || !*url)
    return NULL;
  g_autofree char *esc = pdf_uri_escape(url);
  return qr_new(esc, NULL);
}

/* The flyer laid out the way `fit` says with every type size scaled by `scale` (never
 * under the floor); its layout goes in lay. */
static RlFlow *flyer_flow(const Fit *fit, RlLayout *lay, double scale)
{
  *lay = *fit->base;
  lay->body_pt *= scale, lay->h1_pt *= scale, lay->h2_pt *= scale;
  lay->title_pt *= scale * fit->title;
  lay->line_height = fit->leading;
  RlTextStyle body = text_style(lay, RL_ROLE_BODY);
  Flyer fl = {.f = fit->f, .lay = lay, .m = fit->m, .g = fit->g, .lang = fit->lang,
              .qr = fit->qr, .leave = fit->leave, .line = body.size_pt * body.line_height,
              .boxes = fit->boxes};
  fl.flow = flow_new(fit->f, lay, NULL, NULL);
  head(&fl);
  details(&fl);
  network(&fl);
  qr_row(&fl); /* last: its quiet zone may reach into the bottom margin */
  return fl.flow;
}

/* Body sizes are tried in steps of this many points, from the floor up to the layout's. */
#define FIT_STEP_PT 0.25

static double fit_scale(const Fit *fit, int k)
{
  return MIN(1.0, (fit->floor + k * FIT_STEP_PT) / fit->body);
}

/* The flyer with its body at size step k (the floor + k steps, at most the layout's
 * size); its layout goes in lay. */
static RlFlow *fit_at(const Fit *fit, int k, RlLayout *lay)
{
  return flyer_flow(fit, lay, fit_scale(fit, k));
}

/* A size step tried and the height of the flyer there (all of it in one column). */
typedef struct {
  int k;
  double h;
} Try;

/* The step to try next: where the height reaches `avail` if it grows linearly with the
 * square of the type size (longer lines and more of them) through the last two tries a
 * and b (through a and zero when there is one), within the gap (lo fits; hi does not, or
 * is top + 1 when no size has failed yet), and within its middle half when both ends
 * are known, so that the gap shrinks by a quarter at least. */
static int fit_guess(const Fit *fit, Try a, Try b, int lo, int hi, int top, double avail)
{
  double sa = fit_scale(fit, a.k), sb = fit_scale(fit, b.k), x = sa * sa * avail / MAX(a.h, 1);
  if (a.k != b.k && fabs(b.h - a.h) > 0.01)
    x = sa * sa + (sb * sb - sa * sa) * (avail - a.h) / (b.h - a.h);
  double k = (sqrt(MAX(x, 0)) * fit->body - fit->floor) / FIT_STEP_PT + 1e-6;
  int m = MAX(hi > top ? 1 : (hi - lo) / 4, 1);
  return CLAMP((int)floor(MIN(k, top + 1.0)), lo + m, MIN(hi, top + 1) - m);
}

/* `flow` fits one page at the floor (step 0): returns the flyer at the largest step up to
 * `top` that still fits (its layout in lay), narrowing the gap between the largest step
 * known to fit and the smallest known not to by guesses from the heights measured (see
 * fit_guess). Takes ownership of flow. */
static RlFlow *fit_grow(const Fit *fit, RlFlow *flow, RlLayout *lay, int top)
{
  double avail = flow_body_height(flow);
  int lo = 0, hi = top + 1;
  Try last = {0, flow_natural_height(flow)}, prev = last;
  while (hi - lo > 1) {
    int k = fit_guess(fit, prev, last, lo, hi, top, avail);
    RlLayout try_lay;
    RlFlow *t = fit_at(fit, k, &try_lay);
    prev = last, last = (Try){k, flow_natural_height(t)};
    if (flow_paginate(t) == 1) {
      flow_free(flow);
      flow = t, *lay = try_lay, lo = k;
    } else {
      flow_free(t);
      hi = k;
    }
  }
  return flow;
}

/* Fits the flyer on one page with the largest type that fits: every detail while they
 * fit at the floor, then without the secondary ones, and so on; within the first way
 * that fits at the floor, the type grows as far as it still fits. Returns the flow (and
 * its layout in lay, which must outlive the flow); when nothing fits, the last way at
 * the floor (more than one page: a finding). */
static RlFlow *fit_flow(RlFonts *f, const RlLayout *base, RlLayout *lay, const RlModel *m,
                        const RlGroup *g, RlLang lang, const RlQr *qr)
{
  g_autoptr(GHashTable) boxes = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify)text_box_free);
  Fit fit = {.f = f, .boxes = boxes, .base = base, .m = m, .g = g, .lang = lang, .qr = qr,
             .floor = preflight_floor(base)};
  fit.body = MAX(base->body_pt, fit.floor);
  int top = (int)ceil((fit.body - fit.floor) / FIT_STEP_PT - 1e-9);
  /* Tries: every detail; then without the secondary ones, one by one (languages: the
   * flyer is in one of them; e-mail: the phone and the web address stay; access); a
   * smaller title; then for whom and the cost left out too (the guide has them all);
   * last, lines as close as the floor of the line height allows. */
  enum { SECONDARY = LEAVE_LANGUAGES | LEAVE_EMAIL | LEAVE_ACCESS };
  static const struct {
    unsigned leave;
    double title;
    bool tight;
  } passes[] = {
    {0, 1.0, false},
    {LEAVE_LANGUAGES, 1.0, false},
    {LEAVE_LANGUAGES | LEAVE_EMAIL, 1.0, false},
    {SECONDARY, 1.0, false},
    {SECONDARY, 0.7, false},
    {SECONDARY | LEAVE_AUDIENCE, 0.7, false},
    {SECONDARY | LEAVE_AUDIENCE | LEAVE_COST, 0.7, false},
    {SECONDARY | LEAVE_AUDIENCE | LEAVE_COST, 0.7, true},
  };
  double tight = MIN(layout_floors(base->name)->line_height, base->line_height);
  RlFlow *flow = NULL;
  for (size_t p = 0; p < G_N_ELEMENTS(passes); p++) {
    fit.leave = passes[p].leave, fit.title = passes[p].title;
    fit.leading = passes[p].tight ? tight : base->line_height;
    flow_free(flow);
    flow = fit_at(&fit, 0, lay);
    if (flow_paginate(flow) == 1)
      return fit_grow(&fit, flow, lay, top);
  }
  return flow;
}

static void record_cut(RlPreflight *pf, const RlModel *m, const RlGroup *g, RlLang lang, const RlLayout *lay)
{
  RlRun run = {.size_pt = 99, .ink = lay->ink, .paper = lay->paper, .clipped = true,
               .w = pdf_mm(lay->page_w_mm), .h = pdf_mm(lay->page_h_mm),
               .text = text_get(&g->name, lang, m->site.default_language), .pos = g->rec.pos};
  preflight_set_page(pf, 1);
  preflight_record(pf, &run);
}

static bool flyer_render(const RlJob *job, const RlModel *m, RlRenderEnv *env, const char *path,
                         const char *thumb_path, GError **error)
{
  const RlLayout *base = brochure_layout(m, "flyer");
  RlFonts *f = brochure_fonts(env, base, error);
  if (!f)
    return false;
  RlLayout lay;
  RlQr *qr = flyer_qr(job->group); /* drawn by the flow: freed after it */
  RlFlow *flow = fit_flow(f, base, &lay, m, job->group, job->lang, qr);
  RlPage pg = pdf_page(pdf_mm(lay.page_w_mm), pdf_mm(lay.page_h_mm), env->opt && env->opt->press, lay.bleed_mm);
  g_autofree char *name = strings_group_name(job->group, job->lang, m->site.default_language);
  RlPdfMeta meta = brochure_meta(job, m, env->opt, name);
  cairo_surface_t *s = pdf_surface_new(path, pg.media_w, pg.media_h, &meta, error);
  if (!s) {
    flow_free(flow);
    qr_free(qr);
    return false;
  }
  RlProfile prof = preflight_profile(base);
  RlPreflight *pf = preflight_new(&prof, job->out);
  cairo_t *cr = cairo_create(s);
  pdf_tag_begin(cr, "Document");
  cairo_save(cr);
  cairo_translate(cr, pg.trim_x, pg.trim_y);
  flow_draw_page(flow, cr, 0, 0, s, pf);
  cairo_restore(cr);
  pdf_crop_marks(cr, &pg);
  pdf_tag_end(cr, "Document");
  cairo_destroy(cr);
  if (flow_paginate(flow) > 1)
    record_cut(pf, m, job->group, job->lang, &lay);
  bool ok = pdf_finish(s, path, error) &&
            brochure_post(path, job->lang, pdf_figure_alts(s), &pg, error) &&
            brochure_thumb(flow, &lay, 0, 0, thumb_path, error);
  brochure_findings(pf, env);
  cairo_surface_destroy(s);
  preflight_free(pf);
  flow_free(flow);
  qr_free(qr);
  return ok;
}
