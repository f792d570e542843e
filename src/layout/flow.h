/* flow.h - blocks to pages.
 *
 * A flow is a list of blocks (text boxes and custom drawings such as group cards) poured
 * into pages of one size: a keep-together block never splits (a card moves whole to the
 * next page), a keep-with-next block (a heading) never ends a page, a paragraph splits
 * between lines only with at least 2 lines on each side (no widows, no orphans), and a
 * running footer with the page number sits at body size in the same place on every page.
 * Structure tags (P, H1, H2, L/LI, Link) are drawn around each block, and headings with an
 * outline level become PDF bookmarks.
 */
#pragma once

#include <cairo.h>
#include <stdbool.h>

#include "layout/fonts.h"
#include "layout/preflight.h"
#include "layout/text.h"
#include "model/model.h"

typedef struct RlFlow RlFlow;

/* Draws a custom block with its top-left corner at (x, y), w points wide. data is the
 * block's; pf records text runs (may be NULL). */
typedef void (*RlFlowDrawFn)(void *data, cairo_t *cr, double x, double y, double w,
                             RlPreflight *pf);

/* Draws the slice [from, to) (offsets from the block's top) of a splittable custom block,
 * the slice's top at (x, y). */
typedef void (*RlFlowSliceFn)(void *data, cairo_t *cr, double x, double y, double w,
                              double from, double to, RlPreflight *pf);

/* How a block sits in the flow. Zero-initialise and set what you need. */
typedef struct {
  const char *tag;      /* structure tag ("P", "H1", "H2", "LI", "Figure"); NULL = none */
  double space_before;  /* points; dropped at the top of a page */
  double space_after;   /* points */
  bool keep_with_next;  /* never the last block on a page (headings) */
  bool keep_together;   /* never split (text); custom blocks always keep together */
  bool list_item;       /* consecutive items are wrapped in one "L" tag */
  const char *bullet;   /* drawn in the indent before the first line (e.g. "•") */
  double indent;        /* points from the left margin */
  const char *link;     /* URI linked from the whole block (copied); NULL = none */
  int outline;          /* 1 or 2: a bookmark at this level, named by the text */
  bool page_break;      /* start a new page before this block */
  const char *what;     /* custom blocks: names the block in a finding when it is too tall */
  RlPos pos;            /* custom blocks: the record it shows */
} RlBlockOpts;

/* A new flow for pages of `lay` (page size, margins in mm; footer in body size).
 * footer: text at the left of every footer (copied; NULL = page number only);
 * page_label: the word before the number ("Page"; copied; NULL = number only).
 * fonts is borrowed and must outlive the flow. Free with flow_free(). */
RlFlow *flow_new(RlFonts *fonts, const RlLayout *lay, const char *footer, const char *page_label);
/* Frees the flow and its blocks; NULL is a no-op. */
void flow_free(RlFlow *flow);

/* Width of the text column, points (page width minus margins). */
double flow_width(const RlFlow *flow);
/* Height available for blocks on a page (above the footer), points. */
double flow_body_height(const RlFlow *flow);

/* Height of every block stacked in one column that never breaks: the blocks and the
 * spaces between them (not before the first, not after the last), points. A flow without
 * page breaks fits one page exactly when this is at most flow_body_height(). */
double flow_natural_height(const RlFlow *flow);

/* Adds a text block; the flow takes ownership of box (laid out at flow_width() - indent).
 * NULL opts = a plain paragraph. */
void flow_add_text(RlFlow *flow, RlTextBox *box, const RlBlockOpts *opts);
/* Adds a custom block `height` points tall, drawn by fn(data…); free_fn(data) is called
 * by flow_free() when not NULL. */
void flow_add_custom(RlFlow *flow, double height, RlFlowDrawFn fn, void *data,
                     GDestroyNotify free_fn, const RlBlockOpts *opts);

/* Adds a custom block that keeps together when it fits a page, and otherwise starts a
 * page and splits at `breaks` (ascending offsets from its top, copied; n_breaks of them):
 * each continuation slice is drawn `pad` points taller (room for a frame's top). */
void flow_add_custom_split(RlFlow *flow, double height, const double *breaks, int n_breaks,
                           double pad, RlFlowSliceFn fn, void *data, GDestroyNotify free_fn,
                           const RlBlockOpts *opts);

/* Pours the blocks into pages; returns the page count (at least 1). Call after the last
 * flow_add_*; flow_draw_page() calls it when needed. */
int flow_paginate(RlFlow *flow);

/* Where block `i` (in the order added) went, after pagination: how many lines (text) or
 * pieces (custom) of it are on page `page` (0-based); 0 when none. */
int flow_block_on_page(RlFlow *flow, guint i, int page);
/* The first page (0-based) block i is on, or -1 for no such block. */
int flow_block_page(RlFlow *flow, guint i);

/* Draws page `index` (0-based) onto cr (the caller starts and shows the page), with its
 * footer saying page `number` (0 = no footer). surface: the PDF surface for bookmarks, or
 * NULL. pf: where text runs are recorded (may be NULL). Blocks taller than a page are
 * drawn anyway and recorded as clipped. */
void flow_draw_page(RlFlow *flow, cairo_t *cr, int index, int number, cairo_surface_t *surface,
                    RlPreflight *pf);
/* Draws only a footer for page `number` (for pages the flow does not own: notes pages). */
void flow_draw_footer(RlFlow *flow, cairo_t *cr, int number, RlPreflight *pf);
