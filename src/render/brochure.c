/* brochure.c - shared by guide, booklet and flyer: jobs, layouts, guide content, PDF
 * finishing, verdict, thumbnails. */
#include "brochure.h"

#include "card.h"
#include "layout/pdfpost.h"
#include "layout/png.h"
#include "strings.h"

/* ---- layouts ------------------------------------------------------------------------ */

#define INK {0.102, 0.102, 0.102}
#define PAPER {1, 1, 1}
#define ACCENT {0, 0.314, 0.478}
#define HIGHLIGHT {0.949, 0.761, 0}
#define MUTED {0.851, 0.851, 0.851}

/* Built-in recipes, the same numbers as the files in layouts/ (used when the data has none). */
static const RlLayout builtin[] = {
  /* name      page w, h   margins t r b l     bleed body  h1  h2 title small lh  floor meas */
  {.name = (char *)"guide", .page_w_mm = 210, .page_h_mm = 297, .margin_mm = {20, 20, 22, 22},
   .bleed_mm = 3, .body_pt = 18, .h1_pt = 28, .h2_pt = 22, .title_pt = 44, .small_pt = 16,
   .line_height = 1.5, .floor_pt = 16, .measure_max = 65, .qr_mm = 30},
  {.name = (char *)"booklet", .page_w_mm = 148, .page_h_mm = 210, .margin_mm = {15, 15, 17, 17},
   .bleed_mm = 3, .body_pt = 18, .h1_pt = 26, .h2_pt = 21, .title_pt = 36, .small_pt = 16,
   .line_height = 1.4, .floor_pt = 16, .measure_max = 60, .qr_mm = 30},
  {.name = (char *)"flyer", .page_w_mm = 148, .page_h_mm = 210, .margin_mm = {15, 15, 15, 15},
   .bleed_mm = 3, .body_pt = 20, .h1_pt = 32, .h2_pt = 22, .title_pt = 34, .small_pt = 16,
   .line_height = 1.3, .floor_pt = 16, .measure_max = 50, .qr_mm = 30},
  {.name = (char *)"poster", .page_w_mm = 297, .page_h_mm = 420, .margin_mm = {20, 20, 20, 20},
   .bleed_mm = 3, .body_pt = 28, .h1_pt = 44, .h2_pt = 34, .title_pt = 72, .small_pt = 24,
   .line_height = 1.3, .floor_pt = 24, .measure_max = 50, .qr_mm = 100},
  {.name = (char *)"kiosk", .page_w_mm = 1210, .page_h_mm = 681, .margin_mm = {40, 50, 40, 50},
   .body_pt = 60, .h1_pt = 84, .h2_pt = 70, .title_pt = 100, .small_pt = 48, .line_height = 1.3,
   .floor_pt = 48, .measure_max = 45, .qr_mm = 60, .px_w = 1920, .px_h = 1080,
   .screen_w_mm = 1210, .viewing_distance_mm = 1000, .target_mm = 20, .idle_s = 90,
   .countdown_s = 20},
};

static RlLayout builtin_full[G_N_ELEMENTS(builtin)];

static gpointer init_builtin(gpointer unused)
{
  static const RlColour ink = INK, paper = PAPER, accent = ACCENT, hl = HIGHLIGHT, muted = MUTED;
  for (size_t i = 0; i < G_N_ELEMENTS(builtin); i++) {
    builtin_full[i] = builtin[i];
    RlLayout *l = &builtin_full[i];
    l->font = l->heading_font = (char *)(i >= 3 ? "Tiresias Signfont" : RL_FONTS_DEFAULT_FAMILY);
    l->ink = ink, l->paper = paper, l->accent = accent, l->accent_ink = paper;
    l->highlight = hl, l->muted = muted;
  }
  return NULL;
}

const RlLayout *brochure_layout(const RlModel *m, const char *name)
{
  const RlLayout *lay = m ? model_layout(m, name) : NULL;
  if (lay)
    return lay;
  static GOnce once = G_ONCE_INIT;
  g_once(&once, init_builtin, NULL);
  for (size_t i = 0; i < G_N_ELEMENTS(builtin_full); i++)
    if (g_strcmp0(builtin_full[i].name, name) == 0)
      return &builtin_full[i];
  return &builtin_full[0];
}

/* ---- jobs ------------------------------------------------------------------------------ */

RlLangSet brochure_languages(const RlModel *m, const RlEdition *e, const RlRenderOptions *opt)
{
  RlLangSet set = (e->languages ? e->languages : m->site.languages) & m->site.languages;
  if (opt && opt->languages)
    set &= opt->languages;
  return set;
}

static void add_edition_inputs(RlJob *job, const RlModel *m, const RlEdition *e)
{
  job_add_input(job, m->site.digest);
  job_add_input(job, e->rec.digest);
  for (guint i = 0; e->networks && i < e->networks->len; i++)
    job_add_input(job, ((const RlNetwork *)g_ptr_array_index(e->networks, i))->rec.digest);
  GPtrArray *groups = model_edition_groups(m, e);
  for (guint i = 0; i < groups->len; i++)
    job_add_input(job, ((const RlGroup *)g_ptr_array_index(groups, i))->rec.digest);
  g_ptr_array_unref(groups);
  for (guint i = 0; i < m->resources->len; i++)
    job_add_input(job, ((const RlResource *)g_ptr_array_index(m->resources, i))->rec.digest);
  for (guint i = 0; i < m->texts->len; i++)
    job_add_input(job, ((const RlEditorial *)g_ptr_array_index(m->texts, i))->rec.digest);
}

void brochure_plan(const RlRenderer *r, const char *dir, const char *layout, const RlModel *m,
                   const RlRenderOptions *opt, GPtrArray *jobs)
{
  for (guint i = 0; i < m->editions->len; i++) {
    const RlEdition *e = g_ptr_array_index(m->editions, i);
    RlLangSet langs = brochure_languages(m, e, opt);
    for (int l = 0; l < RL_LANG_N; l++) {
      if (!RL_LANGSET_HAS(langs, l))
        continue;
      g_autofree char *out = g_strdup_printf("%s/%s-%s.pdf", dir, e->rec.id, lang_code((RlLang)l));
      g_autofree char *title = g_strdup_printf("%s %s (%s)", r->name,
                                               text_get(&e->name, (RlLang)l, m->site.default_language),
                                               lang_code((RlLang)l));
      RlJob *job = job_new(r, out, title, (RlLang)l);
      job->edition = e;
      job_add_input(job, brochure_layout(m, layout)->digest);
      add_edition_inputs(job, m, e);
      g_ptr_array_add(jobs, job);
    }
  }
}

/* ---- the guide's content ---------------------------------------------------------------- */

typedef struct {
  RlFonts *f;
  const RlLayout *lay;
  const RlModel *m;
  RlFlow *flow;
  RlLang lang;
  double line;      /* one body line, points: paragraph space */
} Guide;

static const char *tr(const Guide *g, const RlText *t)
{
  return text_get(t, g->lang, g->m->site.default_language);
}

/* Adds a text block in `role` unless text is empty. */
static void put(Guide *g, RlRole role, const char *text, RlPos pos, RlBlockOpts o)
{
  if (!text || !*text)
    return;
  RlTextStyle st = text_style(g->lay, role);
  st.tabular = o.link && g_str_has_prefix(o.link, "tel:");
  double w = flow_width(g->flow) - o.indent;
  /* A title may step down to the H1 size to fit a long word ("Gesprächsgruppen" on A5). */
  RlTextBox *box = role == RL_ROLE_TITLE
    ? text_box_new_fit(g->f, &st, text, w, G_MAXDOUBLE, text_style(g->lay, RL_ROLE_H1).size_pt, pos)
    : text_box_new(g->f, &st, text, w, pos);
  flow_add_text(g->flow, box, &o);
}

static void heading(Guide *g, RlRole role, const char *text, RlPos pos, bool page_break)
{
  bool h1 = role == RL_ROLE_H1 || role == RL_ROLE_TITLE;
  put(g, role, text, pos, (RlBlockOpts){.tag = h1 ? "H1" : "H2", .keep_with_next = true,
                                        .keep_together = true, .outline = h1 ? 1 : 2,
                                        .space_before = g->line, .space_after = g->line / 3,
                                        .page_break = page_break});
}

/* "Label: value"; keep_next holds it on one page with the line after it. */
static void labelled(Guide *g, int key, const char *value, RlPos pos, const char *link, bool keep_next)
{
  if (!value || !*value)
    return;
  g_autofree char *label = card_label(key, g->lang);
  RlTextStyle st = text_style(g->lay, RL_ROLE_BODY);
  st.tabular = link && g_str_has_prefix(link, "tel:");
  RlTextBox *box = text_box_new_labelled(g->f, &st, label, value, flow_width(g->flow), pos);
  flow_add_text(g->flow, box, &(RlBlockOpts){.tag = "P", .link = link, .keep_together = true,
                                             .keep_with_next = keep_next, .space_after = g->line / 4});
}

static bool has_contact(const RlContact *c)
{
  const char *v[] = {c->phone, c->email, c->website, c->address};
  for (size_t i = 0; i < G_N_ELEMENTS(v); i++)
    if (v[i] && *v[i])
      return true;
  return false;
}

/* The contact lines, kept together on one page: a lone "Website:" at the top of the next
 * page, away from the network it belongs to, says nothing. */
static void contact(Guide *g, const RlContact *c)
{
  g_autofree char *tel = pdf_uri_tel(c->phone);
  g_autofree char *mail = pdf_uri_mail(c->email);
  g_autofree char *web = card_web_address(c->website);
  const struct {
    int key;
    const char *value, *link;
  } lines[] = {
    {RL_S_PHONE, c->phone, tel},
    {RL_S_EMAIL, c->email, mail},
    {RL_S_WEB, web, c->website},
    {RL_S_ADDRESS, c->address, NULL},
  };
  int last = -1;
  for (int i = 0; i < (int)G_N_ELEMENTS(lines); i++)
    if (lines[i].value && *lines[i].value)
      last = i;
  for (int i = 0; i <= last; i++)
    labelled(g, lines[i].key, lines[i].value, c->pos, lines[i].link, i < last);
}

static void bar_draw(void *data, cairo_t *cr, double x, double y, double w, RlPreflight *pf)
{
  const RlLayout *lay = data;
  cairo_save(cr);
  cairo_set_source_rgb(cr, lay->accent.r, lay->accent.g, lay->accent.b);
  cairo_rectangle(cr, x, y, w, 14);
  cairo_fill(cr);
  cairo_restore(cr);
}

static void cover(Guide *g, const RlEdition *e)
{
  const RlSite *s = &g->m->site;
  double gap = g->line / 2;
  flow_add_custom(g->flow, 14, bar_draw, (gpointer)g->lay, NULL, &(RlBlockOpts){.space_after = gap});
  put(g, RL_ROLE_TITLE, strings_get(RL_S_GUIDE_TITLE, g->lang), s->pos,
      (RlBlockOpts){.tag = "H1", .outline = 1, .space_after = gap / 2});
  put(g, RL_ROLE_H1, tr(g, &e->name), e->name.pos, (RlBlockOpts){.tag = "P", .space_after = gap});
  put(g, RL_ROLE_H2, tr(g, &s->tagline), s->tagline.pos, (RlBlockOpts){.tag = "P", .space_after = gap});
  put(g, RL_ROLE_STRONG, tr(g, &s->organisation), s->organisation.pos,
      (RlBlockOpts){.tag = "P", .space_after = gap});
  if (s->sample)
    put(g, RL_ROLE_BODY, strings_get(RL_S_SAMPLE_NOTICE, g->lang), s->pos, (RlBlockOpts){.tag = "P"});
}

/* A paragraph of an editorial body: a bullet list when every line starts with "- ". */
static void body_paragraph(Guide *g, const char *para, RlPos pos)
{
  g_auto(GStrv) lines = g_strsplit(para, "\n", -1);
  bool list = lines[0] != NULL;
  for (int i = 0; lines[i]; i++)
    list = list && g_str_has_prefix(g_strchug(lines[i]), "- ");
  if (!list) {
    g_autofree char *joined = g_strjoinv(" ", lines);
    put(g, RL_ROLE_BODY, g_strstrip(joined), pos, (RlBlockOpts){.tag = "P", .space_after = g->line});
    return;
  }
  for (int i = 0; lines[i]; i++)
    put(g, RL_ROLE_BODY, g_strstrip(lines[i] + 2), pos,
        (RlBlockOpts){.tag = "LI", .list_item = true, .bullet = "•", .indent = g->line,
                      .space_after = lines[i + 1] ? g->line / 3 : g->line});
}

static void editorials(Guide *g)
{
  for (guint i = 0; i < g->m->texts->len; i++) {
    const RlEditorial *t = g_ptr_array_index(g->m->texts, i);
    heading(g, RL_ROLE_H1, tr(g, &t->title), t->title.pos, i == 0);
    const char *body = tr(g, &t->body);
    g_auto(GStrv) paras = g_regex_split_simple("\\n[ \\t]*\\n", body ? body : "", 0, 0);
    for (int p = 0; paras[p]; p++)
      if (*g_strstrip(paras[p]))
        body_paragraph(g, paras[p], t->body.pos);
  }
}

static void groups(Guide *g, const RlEdition *e)
{
  heading(g, RL_ROLE_H1, strings_get(RL_S_GROUPS, g->lang), e->rec.pos, true);
  GPtrArray *list = model_edition_groups(g->m, e);
  for (guint i = 0; i < list->len; i++) {
    const RlGroup *gr = g_ptr_array_index(list, i);
    RlCard *card = card_new(g->f, g->lay, gr, g->lang, flow_width(g->flow));
    g_autofree char *name = strings_group_name(gr, g->lang, g->m->site.default_language);
    GArray *breaks = card_breaks(card);
    flow_add_custom_split(g->flow, card_height(card), (const double *)(void *)breaks->data,
                          (int)breaks->len, card_pad(card), card_draw_slice, card,
                          (GDestroyNotify)card_free,
                          &(RlBlockOpts){.tag = "Sect", .space_after = g->line, .outline = 2,
                                         .what = name, .pos = gr->rec.pos});
    g_array_unref(breaks);
  }
  if (list->len == 0)
    put(g, RL_ROLE_BODY, strings_get(RL_S_NO_GROUPS, g->lang), e->rec.pos, (RlBlockOpts){.tag = "P"});
  g_ptr_array_unref(list);
}

static void networks(Guide *g, const RlEdition *e)
{
  if (!e->networks || e->networks->len == 0)
    return;
  heading(g, RL_ROLE_H1, strings_get(RL_S_YOUR_NETWORK, g->lang), e->rec.pos, false);
  for (guint i = 0; i < e->networks->len; i++) {
    const RlNetwork *n = g_ptr_array_index(e->networks, i);
    heading(g, RL_ROLE_H2, tr(g, &n->name), n->name.pos, false);
    put(g, RL_ROLE_BODY, tr(g, &n->description), n->description.pos,
        (RlBlockOpts){.tag = "P", .space_after = g->line / 2, .keep_with_next = has_contact(&n->contact)});
    contact(g, &n->contact);
  }
}

/* Does resource r concern the edition (no regions = everywhere)? */
static bool resource_fits(const RlResource *r, const RlEdition *e)
{
  if (!r->regions || r->regions->len == 0)
    return true;
  for (guint i = 0; i < r->regions->len; i++)
    for (guint k = 0; e->networks && k < e->networks->len; k++)
      if ((RlRegion)GPOINTER_TO_INT(g_ptr_array_index(r->regions, i)) ==
          ((const RlNetwork *)g_ptr_array_index(e->networks, k))->region)
        return true;
  return false;
}

static void resources(Guide *g, const RlEdition *e)
{
  bool first = true;
  for (guint i = 0; i < g->m->resources->len; i++) {
    const RlResource *r = g_ptr_array_index(g->m->resources, i);
    if (!resource_fits(r, e))
      continue;
    if (first)
      heading(g, RL_ROLE_H1, strings_get(RL_S_OTHER_HELP, g->lang), e->rec.pos, false);
    first = false;
    heading(g, RL_ROLE_H2, tr(g, &r->name), r->name.pos, false);
    put(g, RL_ROLE_BODY, tr(g, &r->description), r->description.pos,
        (RlBlockOpts){.tag = "P", .space_after = g->line / 2, .keep_with_next = has_contact(&r->contact)});
    contact(g, &r->contact);
  }
}

static void back_page(Guide *g)
{
  const RlSite *s = &g->m->site;
  heading(g, RL_ROLE_H1, strings_get(RL_S_ABOUT, g->lang), s->pos, true);
  put(g, RL_ROLE_STRONG, tr(g, &s->organisation), s->organisation.pos,
      (RlBlockOpts){.tag = "P", .space_after = g->line / 2});
  contact(g, &s->contact);
  g_autofree char *date = strings_date(&s->checked, g->lang);
  g_autofree char *checked = date ? g_strdup_printf("%s %s.", strings_get(RL_S_CHECKED_ON, g->lang), date) : NULL;
  put(g, RL_ROLE_BODY, checked, s->pos, (RlBlockOpts){.tag = "P", .space_before = g->line});
  if (s->sample)
    put(g, RL_ROLE_BODY, strings_get(RL_S_SAMPLE_NOTICE, g->lang), s->pos,
        (RlBlockOpts){.tag = "P", .space_before = g->line / 2});
  put(g, RL_ROLE_BODY, strings_get(RL_S_PAPER_ADVICE, g->lang), s->pos,
      (RlBlockOpts){.tag = "P", .space_before = g->line / 2});
}

RlFlow *brochure_flow_new(RlFonts *f, const RlLayout *lay, const RlModel *m, const RlEdition *e,
                          RlLang lang)
{
  Guide g = {.f = f, .lay = lay, .m = m, .lang = lang};
  g.flow = flow_new(f, lay, text_get(&m->site.organisation, lang, m->site.default_language),
                    strings_get(RL_S_PAGE, lang));
  RlTextStyle body = text_style(lay, RL_ROLE_BODY);
  g.line = body.size_pt * body.line_height;
  cover(&g, e);
  editorials(&g);
  groups(&g, e);
  networks(&g, e);
  resources(&g, e);
  back_page(&g);
  return g.flow;
}

/* ---- finishing ------------------------------------------------------------------------- */

RlPdfMeta brochure_meta(const RlJob *job, const RlModel *m, const RlRenderOptions *opt,
                        const char *title)
{
  return (RlPdfMeta){
    .title = title,
    .author = text_get(&m->site.organisation, job->lang, m->site.default_language),
    .subject = text_get(&m->site.tagline, job->lang, m->site.default_language),
    .keywords = "support groups, mental health, large print, Belgium",
    .lang = job->lang,
    .source_date_epoch = opt ? opt->source_date_epoch : 0,
  };
}

bool brochure_post(const char *path, RlLang lang, GPtrArray *alts, const RlPage *pg, GError **error)
{
  RlPdfPost p = {.lang = pdf_lang_tag(lang), .scratch = true}; /* the pipeline's temporary file */
  if (alts && alts->len) {
    p.figure_alts = (const char *const *)alts->pdata;
    p.n_alts = alts->len;
  }
  if (pg && pg->press) {
    p.boxes = true;
    pdf_page_boxes(pg, p.trim_pt, p.bleed_pt);
  }
  return pdfpost_apply(path, &p, error);
}

void brochure_findings(const RlPreflight *pf, RlRenderEnv *env)
{
  preflight_check(pf, env->diags);
}

bool brochure_thumb(RlFlow *flow, const RlLayout *lay, int index, int number, const char *path,
                    GError **error)
{
  if (!path)
    return true;
  double w = pdf_mm(lay->page_w_mm), h = pdf_mm(lay->page_h_mm), scale = 240.0 / w;
  cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 240, (int)(h * scale + 0.5));
  cairo_t *cr = cairo_create(img);
  cairo_set_source_rgb(cr, lay->paper.r, lay->paper.g, lay->paper.b);
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  flow_draw_page(flow, cr, index, number, NULL, NULL);
  cairo_destroy(cr);
  /* layout/png.c: one row filter and zlib level 1; cairo's writer (libpng's defaults)
   * was a quarter of a flyer's CPU time. */
  bool ok = png_write_file(img, path, error);
  cairo_surface_destroy(img);
  return ok;
}

RlFonts *brochure_fonts(RlRenderEnv *env, const RlLayout *lay, GError **error)
{
  if (!env || !env->fonts) {
    g_set_error(error, RL_FONTS_ERROR, RL_FONTS_ERROR_CONFIG, "no fonts were set up for this worker");
    return NULL;
  }
  if ((lay->font && !fonts_require_family(env->fonts, lay->font, error)) ||
      (lay->heading_font && !fonts_require_family(env->fonts, lay->heading_font, error)))
    return NULL;
  return env->fonts;
}
