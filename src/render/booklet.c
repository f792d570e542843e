/* booklet.c - the guide as an A5 booklet imposed 2-up on A4 landscape for
 * saddle-stitching: pages padded with notes pages to a multiple of 4 (before the back
 * page), each A5 page drawn once, in place, in sheet order.
 * For n pages and 0-based sheet i: front [n-2i, 2i+1], back [2i+2, n-2i-1] (1-based). */
#include "brochure.h"
#include "strings.h"

static void booklet_plan(const RlModel *m, const RlRenderOptions *opt, GPtrArray *jobs);
static bool booklet_render(const RlJob *job, const RlModel *m, RlRenderEnv *env, const char *path,
                           const char *thumb_path, GError **error);

const RlRenderer render_booklet = {
  .name = "booklet",
  .summary = "the guide as an A5 booklet, imposed on A4 for saddle-stitching",
  .plan = booklet_plan,
  .render = booklet_render,
};

static void booklet_plan(const RlModel *m, const RlRenderOptions *opt, GPtrArray *jobs)
{
  brochure_plan(&render_booklet, "booklet", "booklet", m, opt, jobs);
}

/* The A4 sheet side that carries booklet pages `left` and `right` (1-based) of n. */
typedef struct {
  int left, right;
} Side;

Side booklet_side(int n, int sheet, bool back);
Side booklet_side(int n, int sheet, bool back)
{
  return back ? (Side){2 * sheet + 2, n - 2 * sheet - 1} : (Side){n - 2 * sheet, 2 * sheet + 1};
}

typedef struct {
  RlFlow *flow;
  const RlLayout *lay;
  RlLang lang;
  int flow_pages, total;
  double w, h;          /* A5 page, points */
} Book;

/* A notes page: a heading and ruled lines, with the running footer. */
static void draw_notes(const Book *b, cairo_t *cr, int number, RlFonts *f, RlPreflight *pf)
{
  RlTextStyle h = text_style(b->lay, RL_ROLE_H1);
  RlTextBox *box = text_box_new(f, &h, strings_get(RL_S_NOTES, b->lang), b->w, (RlPos){0});
  double x = pdf_mm(b->lay->margin_mm[3]), y = pdf_mm(b->lay->margin_mm[0]);
  double right = b->w - pdf_mm(b->lay->margin_mm[1]);
  pdf_tag_begin(cr, "H1");
  text_box_draw(box, cr, x, y, pf);
  pdf_tag_end(cr, "H1");
  double step = b->lay->body_pt * b->lay->line_height * 1.6;
  double bottom = y + flow_body_height(b->flow);
  cairo_save(cr);
  cairo_set_source_rgb(cr, b->lay->ink.r, b->lay->ink.g, b->lay->ink.b);
  cairo_set_line_width(cr, 0.5);
  for (double ly = y + box->height_pt + step; ly <= bottom; ly += step) {
    cairo_move_to(cr, x, ly);
    cairo_line_to(cr, right, ly);
  }
  cairo_stroke(cr);
  cairo_restore(cr);
  text_box_free(box);
  flow_draw_footer(b->flow, cr, number, pf);
}

/* Draws booklet page `number` (1-based, after padding) with its top-left corner at the
 * origin of cr, clipped to the page. Every page is drawn exactly once (each sits on one
 * sheet side), so the preflight sees each run once. (A recording surface per page, as
 * first planned, makes cairo 1.16 read freed memory when the recording is destroyed
 * after being painted into a PDF: valgrind shows it. Direct drawing keeps the vectors
 * and the tags.) */
static void draw_page(const Book *b, cairo_t *cr, int number, RlFonts *f, RlPreflight *pf)
{
  int pads = b->total - b->flow_pages;
  cairo_save(cr);
  cairo_rectangle(cr, 0, 0, b->w, b->h);
  cairo_clip(cr);
  if (number < b->total - pads || number == b->total) {
    int index = number == b->total ? b->flow_pages - 1 : number - 1;
    flow_draw_page(b->flow, cr, index, number == 1 ? 0 : number, NULL, pf);
  } else {
    draw_notes(b, cr, number, f, pf);
  }
  preflight_set_page(pf, number);
  cairo_restore(cr);
}

/* Lays out the sheets: two A5 pages side by side, centred on the A4 landscape sheet. */
static void impose(const Book *b, cairo_surface_t *s, const RlPage *pg, RlFonts *f, RlPreflight *pf)
{
  cairo_t *cr = cairo_create(s);
  double x0 = pg->trim_x + (pg->trim_w - 2 * b->w) / 2, y0 = pg->trim_y + (pg->trim_h - b->h) / 2;
  pdf_tag_begin(cr, "Document");
  for (int sheet = 0; sheet < b->total / 4; sheet++)
    for (int back = 0; back < 2; back++) {
      Side side = booklet_side(b->total, sheet, back);
      int at[2] = {side.left, side.right};
      for (int k = 0; k < 2; k++) {
        cairo_save(cr);
        cairo_translate(cr, x0 + k * b->w, y0);
        draw_page(b, cr, at[k], f, pf);
        cairo_restore(cr);
      }
      pdf_crop_marks(cr, pg);
      cairo_show_page(cr);
    }
  pdf_tag_end(cr, "Document");
  cairo_destroy(cr);
}

static bool booklet_render(const RlJob *job, const RlModel *m, RlRenderEnv *env, const char *path,
                           const char *thumb_path, GError **error)
{
  const RlLayout *lay = brochure_layout(m, "booklet");
  RlFonts *f = brochure_fonts(env, lay, error);
  if (!f)
    return false;
  Book b = {.lay = lay, .lang = job->lang, .w = pdf_mm(lay->page_w_mm), .h = pdf_mm(lay->page_h_mm)};
  b.flow = brochure_flow_new(f, lay, m, job->edition, job->lang);
  b.flow_pages = flow_paginate(b.flow);
  b.total = (b.flow_pages + 3) / 4 * 4;
  RlPage pg = pdf_page(pdf_mm(297), pdf_mm(210), env->opt && env->opt->press, lay->bleed_mm);
  g_autofree char *title = g_strdup_printf("%s — %s", strings_get(RL_S_GUIDE_TITLE, job->lang),
                                           text_get(&job->edition->name, job->lang, m->site.default_language));
  RlPdfMeta meta = brochure_meta(job, m, env->opt, title);
  cairo_surface_t *s = pdf_surface_new(path, pg.media_w, pg.media_h, &meta, error);
  if (!s) {
    flow_free(b.flow);
    return false;
  }
  RlProfile prof = preflight_profile(lay);
  RlPreflight *pf = preflight_new(&prof, job->out);
  impose(&b, s, &pg, f, pf);
  bool ok = pdf_finish(s, path, error) && brochure_post(path, job->lang, NULL, &pg, error) &&
            brochure_thumb(b.flow, lay, 0, 0, thumb_path, error);
  brochure_findings(pf, env);
  cairo_surface_destroy(s);
  preflight_free(pf);
  flow_free(b.flow);
  return ok;
}
