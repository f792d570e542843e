/* flow.c - pour blocks into pages: keep-together, keep-with-next, no widows or orphans,
 * running footer, tags and bookmarks. */
#include "flow.h"

#include "layout/pdf.h"

#define FOOTER_GAP 10.0 /* points between the body and the footer */

typedef struct {
  RlBlockOpts o;
  RlTextBox *box;         /* text blocks; owned */
  RlTextBox *bullet;      /* owned; may be NULL */
  double height;          /* custom blocks */
  RlFlowDrawFn fn;
  RlFlowSliceFn slice;    /* splittable custom blocks */
  GArray *breaks;         /* double offsets where a splittable block may split */
  double pad;
  void *data;
  GDestroyNotify free_fn;
} Block;

/* A block (or some of its lines) placed on a page. */
typedef struct {
  guint block;
  int page;
  double y;               /* top, points from the page top */
  int first, n;           /* lines of a text block */
  double from, to;        /* slice of a splittable custom block */
  bool clipped;           /* taller than the page */
} Piece;

struct RlFlow {
  RlFonts *fonts;
  double page_w, page_h, margin[4]; /* points: top right bottom left */
  RlTextStyle body;
  char *footer, *page_label;
  double footer_h;
  GPtrArray *blocks;
  GArray *pieces;
  int pages;
  bool paginated;
  int outline_parent;
};

static void block_free(gpointer p)
{
  Block *b = p;
  text_box_free(b->box);
  text_box_free(b->bullet);
  if (b->free_fn)
    b->free_fn(b->data);
  if (b->breaks)
    g_array_unref(b->breaks);
  g_free((char *)b->o.link);
  g_free((char *)b->o.bullet);
  g_free((char *)b->o.what);
  g_free(b);
}

/* Height of the footer: the footer text laid out beside the page number, plus a gap. */
static double footer_height(RlFlow *flow)
{
  if (!flow->footer && !flow->page_label)
    return 0;
  RlTextBox *b = text_box_new(flow->fonts, &flow->body, flow->footer ? flow->footer : "",
                              flow_width(flow) * 0.7, (RlPos){0});
  double h = b->height_pt + FOOTER_GAP;
  text_box_free(b);
  return h;
}

RlFlow *flow_new(RlFonts *fonts, const RlLayout *lay, const char *footer, const char *page_label)
{
  RlFlow *flow = g_new0(RlFlow, 1);
  flow->fonts = fonts;
  flow->page_w = pdf_mm(lay->page_w_mm);
  flow->page_h = pdf_mm(lay->page_h_mm);
  for (int i = 0; i < 4; i++)
    flow->margin[i] = pdf_mm(lay->margin_mm[i]);
  flow->body = text_style(lay, RL_ROLE_BODY);
  flow->footer = g_strdup(footer);
  flow->page_label = g_strdup(page_label);
  flow->blocks = g_ptr_array_new_with_free_func(block_free);
  flow->pieces = g_array_new(FALSE, TRUE, sizeof(Piece));
  flow->footer_h = footer_height(flow);
  return flow;
}

void flow_free(RlFlow *flow)
{
  if (!flow)
    return;
  g_ptr_array_unref(flow->blocks);
  g_array_unref(flow->pieces);
  g_free(flow->footer);
  g_free(flow->page_label);
  g_free(flow);
}

double flow_width(const RlFlow *flow) { return flow->page_w - flow->margin[1] - flow->margin[3]; }

double flow_body_height(const RlFlow *flow)
{
  return flow->page_h - flow->margin[0] - flow->margin[2] - flow->footer_h;
}

static Block *block_add(RlFlow *flow, const RlBlockOpts *opts)
{
  Block *b = g_new0(Block, 1);
  if (opts)
    b->o = *opts;
  b->o.link = g_strdup(b->o.link);
  b->o.bullet = g_strdup(b->o.bullet);
  b->o.what = g_strdup(b->o.what);
  g_ptr_array_add(flow->blocks, b);
  flow->paginated = false;
  return b;
}

void flow_add_text(RlFlow *flow, RlTextBox *box, const RlBlockOpts *opts)
{
  Block *b = block_add(flow, opts);
  b->box = box;
  if (b->o.bullet) {
    RlTextStyle st = box->style;
    b->bullet = text_box_new(flow->fonts, &st, b->o.bullet, b->o.indent, box->pos);
  }
}

void flow_add_custom(RlFlow *flow, double height, RlFlowDrawFn fn, void *data,
                     GDestroyNotify free_fn, const RlBlockOpts *opts)
{
  Block *b = block_add(flow, opts);
  b->height = height;
  b->fn = fn;
  b->data = data;
  b->free_fn = free_fn;
  b->o.keep_together = true;
}

void flow_add_custom_split(RlFlow *flow, double height, const double *breaks, int n_breaks,
                           double pad, RlFlowSliceFn fn, void *data, GDestroyNotify free_fn,
                           const RlBlockOpts *opts)
{
  Block *b = block_add(flow, opts);
  b->height = height;
  b->slice = fn;
  b->data = data;
  b->free_fn = free_fn;
  b->pad = pad;
  b->breaks = g_array_new(FALSE, FALSE, sizeof(double));
  g_array_append_vals(b->breaks, breaks, (guint)MAX(n_breaks, 0));
  b->o.keep_together = true;
}

/* ---- pagination -------------------------------------------------------------------- */

static bool whole(const Block *b) { return !b->box || b->o.keep_together || b->box->n_lines < 4; }

static double block_height(const Block *b) { return b->box ? b->box->height_pt : b->height; }

/* The least of block i that must go on the page it starts on (with what it keeps with). */
static double min_start(const RlFlow *flow, guint i, int depth)
{
  const Block *b = g_ptr_array_index(flow->blocks, i);
  double h = whole(b) ? block_height(b) : text_box_lines_height(b->box, 0, 2);
  if (b->slice && h > flow_body_height(flow) && b->breaks->len > 0)
    h = g_array_index(b->breaks, double, 0); /* it splits anyway: its head must fit */
  if (b->o.keep_with_next && i + 1 < flow->blocks->len && depth < 4) {
    const Block *next = g_ptr_array_index(flow->blocks, i + 1);
    if (!next->o.page_break)
      h += b->o.space_after + next->o.space_before + min_start(flow, i + 1, depth + 1);
  }
  return h;
}

typedef struct {
  int page;
  double y, top, bottom;
} Cursor;

static void new_page(Cursor *c)
{
  c->page++;
  c->y = c->top;
}

static void place(RlFlow *flow, guint i, Cursor *c, int first, int n, double h)
{
  Piece p = {.block = i, .page = c->page, .y = c->y, .first = first, .n = n, .to = h,
             .clipped = c->y + h > c->bottom + 0.01};
  g_array_append_val(flow->pieces, p);
  c->y += h;
}

/* Places a text block that does not fit whole, line by line, keeping >= 2 lines on
 * each side of every page break. */
static void place_split(RlFlow *flow, guint i, Cursor *c)
{
  const Block *b = g_ptr_array_index(flow->blocks, i);
  int first = 0, left = b->box->n_lines;
  while (left > 0) {
    int k = 0;
    while (k < left && c->y + text_box_lines_height(b->box, first, k + 1) <= c->bottom + 0.01)
      k++;
    if (k < left && left - k < 2)
      k = left - 2;
    if (k < left && k < 2 && c->y > c->top) {
      new_page(c);
      continue;
    }
    k = MAX(k, 1);
    place(flow, i, c, first, k, text_box_lines_height(b->box, first, k));
    first += k, left -= k;
    if (left > 0)
      new_page(c);
  }
}

/* The end of the next slice of splittable block b from `from` with `avail` points. */
static double slice_end(const Block *b, double from, double avail)
{
  double extra = from > 0 ? b->pad : 0, best = -1, next = b->height;
  if (b->height - from + extra <= avail + 0.01)
    return b->height;
  for (guint k = 0; k < b->breaks->len; k++) {
    double at = g_array_index(b->breaks, double, k);
    if (at <= from + 0.01)
      continue;
    if (at - from + extra <= avail + 0.01)
      best = at;
    else if (next >= b->height)
      next = at;
  }
  return best > 0 ? best : next;
}

/* Places a splittable block taller than a page, slice by slice, from here when its head
 * fits, else from a fresh page. */
static void place_slices(RlFlow *flow, guint i, Cursor *c)
{
  const Block *b = g_ptr_array_index(flow->blocks, i);
  if (c->y > c->top && slice_end(b, 0, c->bottom - c->y) > c->bottom - c->y + 0.01)
    new_page(c); /* not even its head fits here */
  for (double from = 0; from < b->height;) {
    double to = slice_end(b, from, c->bottom - c->y), h = to - from + (from > 0 ? b->pad : 0);
    Piece p = {.block = i, .page = c->page, .y = c->y, .from = from, .to = to,
               .clipped = c->y + h > c->bottom + 0.01};
    g_array_append_val(flow->pieces, p);
    c->y += h;
    if (to < b->height)
      new_page(c);
    from = to;
  }
}

/* Would moving block i to a new page leave the block before it alone at the top of this
 * one (a heading kept with what follows: "The groups" over an empty page)? */
static bool leaves_alone(const RlFlow *flow, guint i, const Cursor *c)
{
  if (i == 0 || flow->pieces->len == 0)
    return false;
  const Block *prev = g_ptr_array_index(flow->blocks, i - 1);
  const Piece *last = &g_array_index(flow->pieces, Piece, flow->pieces->len - 1);
  return prev->o.keep_with_next && last->block == i - 1 && last->page == c->page &&
         last->y <= c->top + 0.01;
}

double flow_natural_height(const RlFlow *flow)
{
  double h = 0;
  for (guint i = 0; i < flow->blocks->len; i++) {
    const Block *b = g_ptr_array_index(flow->blocks, i);
    h += (i > 0 ? b->o.space_before : 0) + block_height(b) + (i + 1 < flow->blocks->len ? b->o.space_after : 0);
  }
  return h;
}

int flow_paginate(RlFlow *flow)
{
  g_array_set_size(flow->pieces, 0);
  Cursor c = {.page = 0, .top = flow->margin[0]};
  c.bottom = c.top + flow_body_height(flow);
  c.y = c.top;
  for (guint i = 0; i < flow->blocks->len; i++) {
    const Block *b = g_ptr_array_index(flow->blocks, i);
    if (b->o.page_break && (c.y > c.top || flow->pieces->len > 0) && i > 0)
      new_page(&c);
    double before = c.y > c.top ? b->o.space_before : 0;
    /* A splittable block that would leave its heading alone splits here instead. */
    bool split_here = b->slice && b->breaks->len > 0 && leaves_alone(flow, i, &c);
    if (c.y > c.top && !split_here && c.y + before + min_start(flow, i, 0) > c.bottom + 0.01) {
      new_page(&c);
      before = 0;
    }
    c.y += before;
    double h = block_height(b);
    if (b->slice && (h > flow_body_height(flow) + 0.01 || (split_here && c.y + h > c.bottom + 0.01)))
      place_slices(flow, i, &c);
    else if (whole(b) || c.y + h <= c.bottom + 0.01)
      place(flow, i, &c, 0, b->box ? b->box->n_lines : 0, h);
    else
      place_split(flow, i, &c);
    c.y += b->o.space_after;
  }
  flow->pages = c.page + 1;
  flow->paginated = true;
  return flow->pages;
}

int flow_block_on_page(RlFlow *flow, guint i, int page)
{
  if (!flow->paginated)
    flow_paginate(flow);
  int n = 0;
  for (guint k = 0; k < flow->pieces->len; k++) {
    const Piece *p = &g_array_index(flow->pieces, Piece, k);
    const Block *b = g_ptr_array_index(flow->blocks, p->block);
    if (p->block == i && p->page == page)
      n += b->box ? p->n : 1;
  }
  return n;
}

int flow_block_page(RlFlow *flow, guint i)
{
  if (!flow->paginated)
    flow_paginate(flow);
  for (guint k = 0; k < flow->pieces->len; k++)
    if (g_array_index(flow->pieces, Piece, k).block == i)
      return g_array_index(flow->pieces, Piece, k).page;
  return -1;
}

/* ---- drawing ------------------------------------------------------------------------ */

void flow_draw_footer(RlFlow *flow, cairo_t *cr, int number, RlPreflight *pf)
{
  if (number <= 0 || flow->footer_h <= 0)
    return;
  double w = flow_width(flow), x = flow->margin[3];
  double y = flow->page_h - flow->margin[2] - (flow->footer_h - FOOTER_GAP);
  g_autofree char *label = flow->page_label ? g_strdup_printf("%s %d", flow->page_label, number)
                                            : g_strdup_printf("%d", number);
  RlTextBox *num = text_box_new(flow->fonts, &flow->body, label, -1, (RlPos){0});
  RlTextBox *left = text_box_new(flow->fonts, &flow->body, flow->footer ? flow->footer : "",
                                 w * 0.7, (RlPos){0});
  cairo_save(cr);
  cairo_set_source_rgb(cr, flow->body.ink.r, flow->body.ink.g, flow->body.ink.b);
  cairo_set_line_width(cr, 0.75);
  cairo_move_to(cr, x, y - FOOTER_GAP / 2);
  cairo_line_to(cr, x + w, y - FOOTER_GAP / 2);
  cairo_stroke(cr);
  cairo_restore(cr);
  pdf_tag_begin(cr, "P");
  text_box_draw(left, cr, x, y, pf);
  text_box_draw(num, cr, x + w - num->text_w, y, pf);
  pdf_tag_end(cr, "P");
  text_box_free(num);
  text_box_free(left);
}

static void record_clipped(const Block *b, cairo_t *cr, const Piece *p, double x, double w,
                           RlPreflight *pf)
{
  RlRun run = {.x = x, .y = p->y, .w = w, .h = block_height(b), .size_pt = 99,
               .ink = {0, 0, 0}, .paper = {1, 1, 1}, .clipped = true,
               .text = b->box ? b->box->text : b->o.what, .pos = b->box ? b->box->pos : b->o.pos};
  preflight_record(pf, &run);
}

static void draw_piece(RlFlow *flow, cairo_t *cr, const Piece *p, cairo_surface_t *surface,
                       RlPreflight *pf)
{
  const Block *b = g_ptr_array_index(flow->blocks, p->block);
  double x = flow->margin[3] + b->o.indent, w = flow_width(flow) - b->o.indent;
  if (b->o.tag)
    pdf_tag_begin(cr, b->o.tag);
  const char *name = b->box ? b->box->text : b->o.what;
  if (b->o.outline > 0 && p->first == 0 && p->from == 0 && surface && name) {
    int id = pdf_outline_add(surface, b->o.outline > 1 ? flow->outline_parent : CAIRO_PDF_OUTLINE_ROOT,
                             name, p->page + 1);
    if (b->o.outline == 1)
      flow->outline_parent = id;
  }
  pdf_link_begin(cr, b->o.link);
  if (b->bullet && p->first == 0)
    text_box_draw(b->bullet, cr, flow->margin[3], p->y, pf);
  if (b->box)
    text_box_draw_lines(b->box, cr, x, p->y, p->first, p->n, pf);
  else if (b->slice)
    b->slice(b->data, cr, x, p->y, w, p->from, p->to, pf);
  else
    b->fn(b->data, cr, x, p->y, w, pf);
  pdf_link_end(cr, b->o.link);
  if (b->o.tag)
    pdf_tag_end(cr, b->o.tag);
  if (p->clipped)
    record_clipped(b, cr, p, x, w, pf);
}

void flow_draw_page(RlFlow *flow, cairo_t *cr, int index, int number, cairo_surface_t *surface,
                    RlPreflight *pf)
{
  if (!flow->paginated)
    flow_paginate(flow);
  preflight_set_page(pf, index + 1);
  bool in_list = false;
  for (guint i = 0; i < flow->pieces->len; i++) {
    const Piece *p = &g_array_index(flow->pieces, Piece, i);
    if (p->page != index)
      continue;
    const Block *b = g_ptr_array_index(flow->blocks, p->block);
    if (b->o.list_item != in_list) {
      (in_list ? pdf_tag_end : pdf_tag_begin)(cr, "L");
      in_list = b->o.list_item;
    }
    draw_piece(flow, cr, p, surface, pf);
  }
  if (in_list)
    pdf_tag_end(cr, "L");
  flow_draw_footer(flow, cr, number, pf);
}
