/* poster.h - what the poster's files share (poster.c: pages, list, footer; postermap.c:
 * the map figure; posterwords.c: the fixed words in four languages). Not used elsewhere.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <stdbool.h>

#include "layout/fonts.h"
#include "layout/map.h"
#include "layout/preflight.h"
#include "layout/text.h"
#include "model/model.h"

/* One poster being drawn. Everything is borrowed. */
typedef struct {
  const RlModel *m;
  const RlLayout *lay;
  RlFonts *fonts;
  RlLang lang;
  RlPreflight *pf;          /* NULL when drawing the thumbnail */
  cairo_t *thumb;           /* the thumbnail of page 1 that the map figure is also drawn
                             * into (in its place, scaled), or NULL */
  RlMap *map;               /* NULL when the site names no map */
  const char *label;        /* the subject: a network's short name or an edition's name */
  RlPos label_pos;
  GPtrArray *codes;         /* char*: the area's region codes (may be empty) */
  GPtrArray *groups;        /* const RlGroup*: list order = numbers on the map */
} RlPoster;

/* The fixed words of the poster, one column per language. */
typedef enum {
  PW_LIST_TITLE,      /* "Les groupes" */
  PW_CONTINUED,       /* "(suite)" */
  PW_LIST_NEXT,       /* "La liste des %u groupes est à la page suivante." */
  PW_NO_GROUPS,       /* no group known yet */
  PW_NO_AREA,         /* the network's area is not known */
  PW_SCAN,            /* "Scannez le code ou allez sur :" */
  PW_CHECKED,         /* "Vérifié le %s" */
  PW_SAMPLE,          /* "EXEMPLE : données fictives" */
  PW_AREA,            /* legend: "zone du réseau" */
  PW_GROUP_DOT,       /* legend: "un groupe de la liste" */
  PW_ALT,             /* "Carte : %s. En surbrillance : %s. …" (country, area) */
  PW_ALT_NO_AREA,     /* "Carte : %s. La zone … n'est pas connue. …" (country) */
  PW_ALT_COUNT,       /* "%s (%u communes)" */
  PW_ALT_AND,         /* " et " */
  PW_ONLINE,          /* "en ligne" */
  PW_FORTNIGHTLY,     /* "toutes les deux semaines" */
  PW_MONTHLY,         /* "une fois par mois" */
  PW_N
} RlPosterWord;

/* The word in `lang` (never NULL; printf formats where noted above). */
const char *poster_word(RlPosterWord w, RlLang lang);
/* The weekday (0 = Monday) in `lang`, lower case as in running text. */
const char *poster_weekday(int day, RlLang lang);
/* The date as readers of `lang` write it: "25/11/2026", "25.11.2026". Free with g_free(). */
char *poster_date(const GDate *d, RlLang lang);

/* A text box at most w wide that also keeps within the layout's measure (characters per
 * line): when a line would be longer, the box is made narrower. Free with text_box_free(). */
RlTextBox *poster_text(const RlPoster *p, const RlTextStyle *st, const char *text, double w,
                       RlPos pos);

/* Draws the map figure into the box (and into p->thumb when set): a close-up of the area (or the whole map) with the
 * area highlighted, numbered dots for the groups that have coordinates, a legend, an
 * overview inset when zoomed, and says so when the area is unknown. Returns false with
 * *error when the map cannot be drawn. */
bool poster_map_draw(const RlPoster *p, cairo_t *cr, double x, double y, double w, double h,
                     GError **error);
/* The map's alt text in the poster's language. Free with g_free(). */
char *poster_map_alt(const RlPoster *p);
/* A numbered dot centred at cx, cy (radius r), the number at least the floor size. */
void poster_dot(const RlPoster *p, cairo_t *cr, double cx, double cy, double r, int n);
/* Radius of the numbered dots. */
double poster_dot_radius(const RlPoster *p);
