/* kiosk_draw.h - draws one kiosk slide at the screen's resolution, and works out the
 * numbers the player needs (button size, type size, the band kept for the controls).
 *
 * Units: the slide is laid out in points on the glass (1/72 inch of the physical
 * screen, as the kiosk layout's type sizes are), on an image surface scaled by
 * px_per_pt. So "60 pt" is the same physical size on a 55" screen and on a tablet.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "layout/fonts.h"
#include "layout/map.h"
#include "layout/preflight.h"
#include "model/model.h"
#include "render/kiosk_deck.h"
#include "render/kiosk_mapcache.h"

/* Everything fixed for a whole bundle: screen, sizes, fonts, map. */
typedef struct {
  const RlModel *m;
  const RlLayout *lay;
  RlFonts *fonts;          /* borrowed */
  RlMap *map;              /* borrowed; NULL when the site has no map */
  KioskMapCache *map_cache; /* borrowed; NULL (kiosk_canvas_init): the map is drawn on
                            * each map slide, else drawn once and painted (same pixels) */
  int px_w, px_h;          /* slide size, pixels */
  double px_per_mm;        /* pixels per mm on the glass */
  double px_per_pt;        /* pixels per point on the glass */
  double w_pt, h_pt;       /* slide size, points */
  double margin_pt[4];     /* top, right, bottom, left */
  double type_scale;       /* >= 1: raises the layout's sizes until body text has the
                            * x-height the viewing distance asks for */
  double xheight_mm;       /* body x-height on the glass after scaling, mm */
  double ui_font_px;       /* size of the words on the player's buttons, pixels */
  double target_px;        /* smallest touch target, pixels (layout target_mm) */
  double gap_px;           /* dead space between targets (5 mm), pixels */
  double bar_px;           /* band at the bottom of every slide kept for the controls */
} KioskCanvas;

/* A touch target on a slide, in slide pixels. */
typedef struct {
  char *network;           /* network id */
  char *label;             /* what a screen reader says: the network's name */
  const char *kind;        /* "area" (its map area), "marker" (its number), "legend" */
  double x, y, w, h;
} KioskTarget;

/* Fills cv for layout lay (the kiosk recipe) and the player's words in `langs` (the
 * widest language decides whether the controls need one row or two). Returns false
 * with *error when the layout's screen is unusable (no pixels or no width in mm). */
bool kiosk_canvas_init(KioskCanvas *cv, const RlModel *m, const RlLayout *lay,
                       RlFonts *fonts, RlMap *map, RlLangSet langs, GError **error);

/* A new array for kiosk_draw()'s targets (frees them). */
GPtrArray *kiosk_targets_new(void);

/* A new image surface for one slide: cv->px_w × cv->px_h pixels, with a device scale so
 * that user space is in points on the glass (the preflight then sees the sizes in the
 * layout's units). Free with cairo_surface_destroy(). */
cairo_surface_t *kiosk_surface_new(const KioskCanvas *cv);

/* Draws slide s onto cr (on a surface from kiosk_surface_new()),
 * recording every text run in pf (may be NULL) and appending the slide's touch targets
 * to targets (may be NULL). Returns false with *error when the map cannot be drawn.
 * *fits is set false when the words did not fit even at the smallest type allowed. */
bool kiosk_draw(const KioskCanvas *cv, const KioskSlide *s, cairo_t *cr, RlPreflight *pf,
                GPtrArray *targets, bool *fits, GError **error);
