/* text.h - text boxes: one PangoLayout per box, wrapped by word, measured, drawn, and
 * recorded in the preflight.
 *
 * Large print rules built in: left aligned, ragged right, never justified; words never
 * split (a word wider than its box is reported as overflow, a preflight error, instead
 * of being cut silently); phone numbers, times ("14:00 – 16:00") and "60+" never break;
 * tabular figures ("tnum") where the font has them; line height from the layout.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>
#include <stdbool.h>

#include "layout/fonts.h"
#include "layout/preflight.h"
#include "model/model.h"

/* The type scale of a layout. */
typedef enum {
  RL_ROLE_BODY,   /* running text: lay->body_pt */
  RL_ROLE_STRONG, /* body size, bold (labels, emphasis: bold is the only emphasis) */
  RL_ROLE_H1,     /* lay->h1_pt bold, heading font */
  RL_ROLE_H2,     /* lay->h2_pt bold, heading font */
  RL_ROLE_TITLE,  /* lay->title_pt bold, heading font */
  RL_ROLE_SMALL,  /* lay->small_pt (never under the floor): footers, captions */
  RL_ROLE_N
} RlRole;

/* How a text looks. Plain value: copy it and change fields freely (a poster may set
 * size_pt = 72). family is borrowed (from the layout or a string literal). */
typedef struct {
  const char *family;  /* fontconfig family */
  double size_pt;      /* font size, points */
  bool bold;
  double line_height;  /* baseline-to-baseline distance as a multiple of size_pt */
  RlColour ink;        /* text colour */
  RlColour paper;      /* the colour under the text (for the contrast check) */
  bool tabular;        /* ask the font for tabular lining figures (phone numbers, times) */
} RlTextStyle;

/* The style of `role` in layout `lay`: family, size, weight, line height, ink on paper.
 * Sizes under the layout's floor are raised to it. */
RlTextStyle text_style(const RlLayout *lay, RlRole role);

/* A laid-out text. Fields are read-only for callers. */
typedef struct {
  PangoLayout *layout; /* owned; wraps at width_pt */
  RlTextStyle style;
  char *text;          /* the text as laid out (after text_nobreak), owned */
  double width_pt;     /* the box width given */
  double height_pt;    /* height of all lines, points */
  double text_w;       /* widest line (or overflowing word), points */
  int n_lines;
  int chars_per_line;  /* longest line, in characters, trailing spaces excluded */
  bool overflow;       /* a word is wider than the box */
  char *word;          /* the first word that does not fit, or NULL; owned */
  int missing;         /* characters no font could draw, left out of text (emoji) */
  RlPos pos;           /* the record the text came from (for findings) */
  double *line_top;    /* n_lines + 1 entries: top of each line, last = height_pt */
  double *baseline;    /* n_lines entries: baseline of each line from the box top */
} RlTextBox;

/* Lays out `text` (plain UTF-8, no markup; NULL = ""; invalid bytes become U+FFFD) in
 * `style` at `width_pt` wide.
 * Applies text_nobreak() first. Never fails: overflow is recorded in the box and becomes
 * a finding when the box is drawn. Free with text_box_free(). */
RlTextBox *text_box_new(RlFonts *f, const RlTextStyle *style, const char *text,
                        double width_pt, RlPos pos);
/* Like text_box_new(), with `label` (e.g. "When:") in bold before the text and a space
 * after it; label NULL or "" = text_box_new(). The no-break rules apply to text only. */
RlTextBox *text_box_new_labelled(RlFonts *f, const RlTextStyle *style, const char *label,
                                 const char *text, double width_pt, RlPos pos);
/* Like text_box_new(), but steps the size down (by 5 %, not under floor_pt) until the
 * text fits max_h_pt high without overflow; returns the last try (which may still not
 * fit: check height_pt and overflow). For posters and slides. */
RlTextBox *text_box_new_fit(RlFonts *f, const RlTextStyle *style, const char *text,
                            double width_pt, double max_h_pt, double floor_pt, RlPos pos);
/* Frees the box; NULL is a no-op. */
void text_box_free(RlTextBox *b);
/* A copy of b sharing its (read-only) Pango layout: the same box without laying the text
 * out again. Free with text_box_free(); b may be freed first. Never fails. */
RlTextBox *text_box_copy(const RlTextBox *b);

/* Draws the whole box with its top-left corner at (x, y) in user space, in style.ink, and
 * records the run in pf (pf may be NULL). */
void text_box_draw(const RlTextBox *b, cairo_t *cr, double x, double y, RlPreflight *pf);
/* Draws lines [first, first + n) with the top of line `first` at y; records them in pf.
 * Used by flow to split a paragraph across pages. */
void text_box_draw_lines(const RlTextBox *b, cairo_t *cr, double x, double y, int first,
                         int n, RlPreflight *pf);
/* Height of lines [first, first + n), points. */
double text_box_lines_height(const RlTextBox *b, int first, int n);

/* A copy of s where invalid UTF-8 is replaced by U+FFFD and phone numbers, times and ranges ("14:00 – 16:00", "02 123 45 67",
 * "14 h", "€ 2") cannot break: inner spaces become U+00A0 and a U+2060 word joiner follows
 * a dash between figures. A short abbreviation stays with the name after it ("St. Vith",
 * "Dr. Peeters"), a house number with its street and a postcode with its town
 * ("Rue Haute 12, 1000 Bruxelles"). Free with g_free(). */
char *text_nobreak(const char *s);

/* Width in points of `text` set on one line in `style` (no wrapping). */
double text_width(RlFonts *f, const RlTextStyle *style, const char *text);

/* A web address laid out for a column w wide: `url` itself when it fits on one line,
 * else broken into lines ('\n') after a '/' or before a '.' only, never at a hyphen,
 * where a reader could not tell a break from a character of the address. When no such
 * break fits, `url` itself (the box then wraps it as it can). Free with g_free(). */
char *text_url_lines(RlFonts *f, const RlTextStyle *style, const char *url, double w);
