/* preflight.h - relais checks its own output against the large-print profile.
 *
 * Every text run a renderer draws is recorded here (text_box_draw() does it): its page,
 * box, size, ink and paper colours, characters per line, overflow, and the position of
 * the record it came from. preflight_check() then proves the profile: size >= floor,
 * contrast >= 7:1 (WCAG relative luminance), measure <= max (warning), no word wider than
 * its box, no clipped text, no character left out for want of a font (warning). Findings go to a DiagList with the record's file:line:col.
 *
 * One RlPreflight per output; not thread-safe (one output is made by one thread).
 */
#pragma once

#include <stdbool.h>

#include "model/diag.h"
#include "model/model.h"

/* An error domain for callers that turn findings into a failure. The brochure renderers
 * do not: they write the file, add the findings to env->diags and return true; the
 * pipeline keeps the output only with --allow-findings when a finding is an error. */
#define RL_PREFLIGHT_ERROR (preflight_error_quark())
GQuark preflight_error_quark(void);
enum { RL_PREFLIGHT_ERROR_FINDINGS = 1 };

/* The numbers checked. */
typedef struct {
  double floor_pt;     /* no text smaller than this */
  double min_contrast; /* ink/paper contrast ratio, at least (7.0) */
  int measure_max;     /* characters per line, at most; 0 = not checked */
} RlProfile;

/* The profile of a layout: its floor (never under 16 pt), 7:1, its measure. */
RlProfile preflight_profile(const RlLayout *lay);

/* One text run as drawn. Strings are copied by preflight_record(). */
typedef struct {
  int page;            /* 1-based page (or slide) number; set by preflight from its page */
  double x, y, w, h;   /* the box on the page, points from the top left */
  double size_pt;      /* font size as drawn (after any scaling), points */
  RlColour ink, paper; /* text colour and the colour under it */
  int chars_per_line;  /* the longest line, in characters */
  double text_w;       /* width of the widest line or word, points */
  bool overflow;       /* a word is wider than the box (it had to break or stick out) */
  bool clipped;        /* the text was cut (height, ellipsis) */
  int missing;         /* characters no font could draw, left out (warning) */
  const char *text;    /* the text (an excerpt is printed in findings) */
  const char *word;    /* the word that does not fit, when overflow; may be NULL */
  RlPos pos;           /* the record the text came from; line 0 = no record */
} RlRun;

typedef struct RlPreflight RlPreflight;

/* A new, empty recorder for the output `out` ("guide/brussels-fr.pdf", copied; used as
 * the file of findings about text that has no record position). Free with
 * preflight_free(). */
RlPreflight *preflight_new(const RlProfile *profile, const char *out);
/* Frees the recorder; NULL is a no-op. */
void preflight_free(RlPreflight *pf);

/* Sets the page later records go on (1-based). Starts at 1. */
void preflight_set_page(RlPreflight *pf, int page);
int preflight_page(const RlPreflight *pf);

/* Records one run (copied); run->page is overwritten with the current page. NULL pf is a
 * no-op, so drawing code can run without a recorder. */
void preflight_record(RlPreflight *pf, const RlRun *run);

/* Number of runs recorded, and the i-th (borrowed; strings owned by pf). */
guint preflight_len(const RlPreflight *pf);
const RlRun *preflight_at(const RlPreflight *pf, guint i);

/* Checks every run against the profile and adds a diagnostic per finding to dl. Returns
 * the number of errors added (measure findings are warnings and not counted). */
guint preflight_check(const RlPreflight *pf, DiagList *dl);

/* WCAG 2 contrast ratio of two colours, 1.0 .. 21.0. */
double preflight_contrast(RlColour a, RlColour b);

/* The smallest font size a layout allows: max(lay->floor_pt, 16). */
double preflight_floor(const RlLayout *lay);
