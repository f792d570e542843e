/* card.h - the group card of the guide and the booklet: name, kind, what happens, for
 * whom, when, where, cost, access, languages, phone, e-mail, web address with a QR code.
 * A card is measured first (card_height) and drawn whole when it fits a page; a card
 * taller than a page splits between its detail lines (card_breaks). */
#pragma once

#include <cairo.h>

#include "layout/fonts.h"
#include "layout/preflight.h"
#include "model/model.h"

typedef struct RlCard RlCard;

/* Lays out the card of group g in lang, width_pt wide. fonts, lay and g are borrowed and
 * must outlive the card. Free with card_free(). */
RlCard *card_new(RlFonts *fonts, const RlLayout *lay, const RlGroup *g, RlLang lang,
                 double width_pt);
void card_free(RlCard *card);
/* Total height, points. */
double card_height(const RlCard *card);
/* Draws the card at (x, y); w is ignored (the card keeps its own width). Matches
 * RlFlowDrawFn so a card can be a flow block: data is the RlCard. */
void card_draw(void *card, cairo_t *cr, double x, double y, double w, RlPreflight *pf);

/* Draws the slice [from, to) of the card (offsets from its top) with the slice's top at y,
 * in its own frame; matches RlFlowSliceFn. */
void card_draw_slice(void *card, cairo_t *cr, double x, double y, double w, double from,
                     double to, RlPreflight *pf);
/* Offsets where the card may split when it is taller than a page (above each detail line
 * and above the web address); a new array of double, free with g_array_unref(). */
GArray *card_breaks(const RlCard *card);
/* What a continued slice adds at its top, points: padding and the line "Continued: <name>"
 * (in the card's language) that tells whose details go on. */
double card_pad(const RlCard *card);

/* "Quand :" (French puts a no-break space before the colon) / "When:". Free with g_free(). */
char *card_label(int key, RlLang lang);
/* The names of a group's spoken languages (RlGroup.spoken) in `lang` ("arabe, turc");
 * "" when none are given. Free with g_free(). */
char *card_languages(RlLangSet set, RlLang lang);
/* The place in one line: "Maison Les Tilleuls, Rue Haute 12, 1000 Bruxelles". Free with
 * g_free(); "" when nothing is known. */
char *card_place(const RlPlace *p, RlLang lang);
/* A web address as printed for a reader to type: without "https://" or "http://"
 * ("example.org/jette"): shorter, so it breaks less, and never a line of "https://"
 * alone. The link and the QR code keep the whole address. Free with g_free(); NULL for
 * NULL. */
char *card_web_address(const char *url);
