/* preflight.c - record text runs, prove the large-print profile. */
#include "preflight.h"

#include "model/value.h"

#include <math.h>

#define PREFLIGHT_FLOOR_MIN 16.0
#define PREFLIGHT_EXCERPT 28 /* characters of a text shown in a finding */

G_DEFINE_QUARK(relais-preflight-error-quark, preflight_error)

struct RlPreflight {
  RlProfile profile;
  char *out;
  int page;
  GArray *runs;      /* RlRun, strings owned via `strings` */
  GPtrArray *strings;
};

double preflight_floor(const RlLayout *lay)
{
  return lay && lay->floor_pt > PREFLIGHT_FLOOR_MIN ? lay->floor_pt : PREFLIGHT_FLOOR_MIN;
}

RlProfile preflight_profile(const RlLayout *lay)
{
  return (RlProfile){
    .floor_pt = preflight_floor(lay),
    .min_contrast = 7.0,
    .measure_max = lay ? lay->measure_max : 0,
  };
}

RlPreflight *preflight_new(const RlProfile *profile, const char *out)
{
  RlPreflight *pf = g_new0(RlPreflight, 1);
  pf->profile = *profile;
  pf->out = g_strdup(out);
  pf->page = 1;
  pf->runs = g_array_new(FALSE, TRUE, sizeof(RlRun));
  pf->strings = g_ptr_array_new_with_free_func(g_free);
  return pf;
}

void preflight_free(RlPreflight *pf)
{
  if (!pf)
    return;
  g_free(pf->out);
  g_array_unref(pf->runs);
  g_ptr_array_unref(pf->strings);
  g_free(pf);
}

void preflight_set_page(RlPreflight *pf, int page)
{
  if (pf)
    pf->page = page;
}

int preflight_page(const RlPreflight *pf) { return pf ? pf->page : 0; }

static const char *keep(RlPreflight *pf, const char *s)
{
  if (!s)
    return NULL;
  char *copy = g_strdup(s);
  g_ptr_array_add(pf->strings, copy);
  return copy;
}

void preflight_record(RlPreflight *pf, const RlRun *run)
{
  if (!pf)
    return;
  RlRun r = *run;
  r.page = pf->page;
  r.text = keep(pf, run->text);
  r.word = keep(pf, run->word);
  g_array_append_val(pf->runs, r);
}

guint preflight_len(const RlPreflight *pf) { return pf ? pf->runs->len : 0; }
const RlRun *preflight_at(const RlPreflight *pf, guint i) { return &g_array_index(pf->runs, RlRun, i); }

/* The WCAG contrast ratio; the loader checks layouts with the same formula. */
double preflight_contrast(RlColour a, RlColour b) { return value_contrast(a, b); }

/* The first PREFLIGHT_EXCERPT characters of s on one line, with "…" when cut. */
static char *excerpt(const char *s)
{
  GString *g = g_string_new(NULL);
  const char *p = s ? s : "";
  for (int n = 0; *p && n < PREFLIGHT_EXCERPT; p = g_utf8_next_char(p), n++) {
    gunichar c = g_utf8_get_char(p);
    g_string_append_unichar(g, g_unichar_isspace(c) || c == 0x2060 ? ' ' : c);
  }
  while (g->len && g->str[g->len - 1] == ' ')
    g_string_truncate(g, g->len - 1);
  if (*p)
    g_string_append(g, "…");
  return g_string_free(g, FALSE);
}

/* Adds one finding about run r: at the record's position, else at the output. */
static void finding(const RlPreflight *pf, const RlRun *r, DiagList *dl, DiagLevel level,
                    const char *what)
{
  g_autofree char *ex = excerpt(r->word && r->overflow ? r->word : r->text);
  bool has_pos = r->pos.line > 0 && r->pos.file;
  diag_add(dl, level, has_pos ? r->pos.file : pf->out, has_pos ? r->pos.line : 0,
           has_pos ? r->pos.col : 0, "text '%s' %s (%s, page %d)", ex, what, pf->out, r->page);
}

/* Checks one run; returns the number of errors added. */
static guint check_run(const RlPreflight *pf, const RlRun *r, DiagList *dl)
{
  const RlProfile *p = &pf->profile;
  guint errors = 0;
  char what[160];
  if (r->size_pt + 1e-6 < p->floor_pt) {
    g_snprintf(what, sizeof what, "is %.1f pt, under the %.0f pt floor", r->size_pt, p->floor_pt);
    finding(pf, r, dl, DIAG_ERROR, what), errors++;
  }
  double c = preflight_contrast(r->ink, r->paper);
  if (c + 1e-6 < p->min_contrast) {
    g_snprintf(what, sizeof what, "has contrast %.1f:1, under %.0f:1", c, p->min_contrast);
    finding(pf, r, dl, DIAG_ERROR, what), errors++;
  }
  if (r->overflow) {
    g_snprintf(what, sizeof what, "does not fit its box (%.0f pt wide, box %.0f pt)", r->text_w, r->w);
    finding(pf, r, dl, DIAG_ERROR, what), errors++;
  }
  if (r->clipped) {
    g_snprintf(what, sizeof what, "is cut: it does not fit its box (%.0f x %.0f pt)", r->w, r->h);
    finding(pf, r, dl, DIAG_ERROR, what), errors++;
  }
  if (r->missing > 0) {
    g_snprintf(what, sizeof what, "has %d character%s no font can draw (left out)", r->missing,
               r->missing == 1 ? "" : "s");
    finding(pf, r, dl, DIAG_WARNING, what);
  }
  if (p->measure_max > 0 && r->chars_per_line > p->measure_max) {
    g_snprintf(what, sizeof what, "has %d characters on a line, over the measure of %d",
               r->chars_per_line, p->measure_max);
    finding(pf, r, dl, DIAG_WARNING, what);
  }
  return errors;
}

guint preflight_check(const RlPreflight *pf, DiagList *dl)
{
  guint errors = 0;
  for (guint i = 0; pf && i < pf->runs->len; i++)
    errors += check_run(pf, &g_array_index(pf->runs, RlRun, i), dl);
  return errors;
}
