/* guide.c - the A4 regional guide: one PDF per edition and language. */
#include "brochure.h"
#include "strings.h"

static void guide_plan(const RlModel *m, const RlRenderOptions *opt, GPtrArray *jobs);
static bool guide_render(const RlJob *job, const RlModel *m, RlRenderEnv *env, const char *path,
                         const char *thumb_path, GError **error);

const RlRenderer render_guide = {
  .name = "guide",
  .summary = "A4 large-print guide per edition and language",
  .plan = guide_plan,
  .render = guide_render,
};

static void guide_plan(const RlModel *m, const RlRenderOptions *opt, GPtrArray *jobs)
{
  brochure_plan(&render_guide, "guide", "guide", m, opt, jobs);
}

/* Draws every page of flow on the PDF surface s (tagged, with bookmarks). */
static void draw_pages(RlFlow *flow, cairo_surface_t *s, const RlPage *pg, RlPreflight *pf)
{
  cairo_t *cr = cairo_create(s);
  int pages = flow_paginate(flow);
  pdf_tag_begin(cr, "Document");
  for (int p = 0; p < pages; p++) {
    cairo_save(cr);
    cairo_translate(cr, pg->trim_x, pg->trim_y);
    flow_draw_page(flow, cr, p, p == 0 ? 0 : p + 1, s, pf);
    cairo_restore(cr);
    pdf_crop_marks(cr, pg);
    cairo_show_page(cr);
  }
  pdf_tag_end(cr, "Document");
  cairo_destroy(cr);
}

static bool guide_render(const RlJob *job, const RlModel *m, RlRenderEnv *env, const char *path,
                         const char *thumb_path, GError **error)
{
  const RlLayout *lay = brochure_layout(m, "guide");
  RlFonts *f = brochure_fonts(env, lay, error);
  if (!f)
    return false;
  const RlRenderOptions *opt = env->opt;
  RlPage pg = pdf_page(pdf_mm(lay->page_w_mm), pdf_mm(lay->page_h_mm), opt && opt->press, lay->bleed_mm);
  g_autofree char *title = g_strdup_printf("%s — %s", strings_get(RL_S_GUIDE_TITLE, job->lang),
                                           text_get(&job->edition->name, job->lang, m->site.default_language));
  RlPdfMeta meta = brochure_meta(job, m, opt, title);
  cairo_surface_t *s = pdf_surface_new(path, pg.media_w, pg.media_h, &meta, error);
  if (!s)
    return false;
  RlFlow *flow = brochure_flow_new(f, lay, m, job->edition, job->lang);
  RlProfile prof = preflight_profile(lay);
  RlPreflight *pf = preflight_new(&prof, job->out);
  draw_pages(flow, s, &pg, pf);
  bool ok = pdf_finish(s, path, error) &&
            brochure_post(path, job->lang, pdf_figure_alts(s), &pg, error) &&
            brochure_thumb(flow, lay, 0, 0, thumb_path, error);
  brochure_findings(pf, env);
  cairo_surface_destroy(s);
  preflight_free(pf);
  flow_free(flow);
  return ok;
}
