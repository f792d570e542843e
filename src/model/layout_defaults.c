/* layout_defaults.c - built-in layout recipes as one table, and their floors. */
#include "layout_defaults.h"

#include <string.h>

typedef struct {
  const char *name;
  double w, h;             /* page, mm */
  double m[4];             /* margins top, right, bottom, left, mm */
  double body, h1, h2, title, small, floor; /* pt */
  double lh;               /* line height, multiple of the size */
  int measure;             /* characters per line, at most */
  const char *font;        /* body and headings */
  double qr;               /* QR code without quiet zone, mm */
} Recipe;

/*  name       page w × h    margins t,r,b,l     body  h1  h2 title small floor  lh  meas font                 qr */
static const Recipe recipes[] = {
  {"guide",    210, 297,    {20, 20, 22, 20},   18,  26, 21,  40,  16,  16,  1.5,  65, "Tiresias LPfont",    30},
  {"booklet",  148, 210,    {15, 15, 17, 15},   18,  24, 20,  32,  16,  16,  1.5,  50, "Tiresias LPfont",    30},
  {"flyer",    148, 210,    {15, 15, 15, 15},   18,  26, 21,  36,  16,  16,  1.5,  50, "Tiresias LPfont",    30},
  {"poster",   297, 420,    {20, 20, 20, 20},   28,  44, 36,  72,  24,  24,  1.35, 50, "Tiresias Signfont", 100},
  {"kiosk",   1210, 680.6,  {40, 40, 40, 40},   60,  80, 70,  96,  44,  44,  1.3,  40, "Tiresias Signfont",  60},
};

const char *const layout_kinds[] = {"guide", "booklet", "flyer", "poster", "kiosk", NULL};

/* Colours shared by every recipe: near-black on white (17.4:1), white on a dark blue
 * (8.6:1), a yellow highlight and a light grey for muted map areas. */
static const RlColour ink = {0x1a / 255.0, 0x1a / 255.0, 0x1a / 255.0};
static const RlColour paper = {1, 1, 1};
static const RlColour accent = {0x00 / 255.0, 0x50 / 255.0, 0x7a / 255.0};
static const RlColour highlight = {0xf2 / 255.0, 0xc2 / 255.0, 0x00 / 255.0};
static const RlColour muted = {0xd9 / 255.0, 0xd9 / 255.0, 0xd9 / 255.0};

/*  kind      body floor  lh    contrast target idle      countdown */
static const struct {
  const char *name;
  RlLayoutFloors f;
} floors[] = {
  {"guide",   {16, 16, 1.25, 7, 0, 0, 0, 0}},
  {"booklet", {16, 16, 1.25, 7, 0, 0, 0, 0}},
  {"flyer",   {16, 16, 1.25, 7, 0, 0, 0, 0}},
  {"poster",  {28, 16, 1.25, 7, 0, 0, 0, 0}},
  {"kiosk",   {16, 16, 1.25, 7, 15, 60, 120, 20}},
};

/* The kiosk's screen and touch settings (docs/kiosk.md). */
static void kiosk_defaults(RlLayout *out)
{
  out->px_w = 1920;
  out->px_h = 1080;
  out->screen_w_mm = 1210;
  out->viewing_distance_mm = 1000;
  out->target_mm = 20;
  out->idle_s = 90;
  out->countdown_s = 20;
}

bool layout_defaults(const char *name, RlLayout *out)
{
  for (size_t i = 0; i < G_N_ELEMENTS(recipes); i++) {
    const Recipe *r = &recipes[i];
    if (g_strcmp0(r->name, name) != 0)
      continue;
    out->name = g_strdup(r->name);
    out->page_w_mm = r->w;
    out->page_h_mm = r->h;
    memcpy(out->margin_mm, r->m, sizeof out->margin_mm);
    out->bleed_mm = 3;
    out->body_pt = r->body;
    out->h1_pt = r->h1;
    out->h2_pt = r->h2;
    out->title_pt = r->title;
    out->small_pt = r->small;
    out->floor_pt = r->floor;
    out->line_height = r->lh;
    out->measure_max = r->measure;
    out->font = g_strdup(r->font);
    out->heading_font = g_strdup(r->font);
    out->ink = ink;
    out->paper = paper;
    out->accent = accent;
    out->accent_ink = paper;
    out->highlight = highlight;
    out->muted = muted;
    out->qr_mm = r->qr;
    if (strcmp(name, "kiosk") == 0)
      kiosk_defaults(out);
    return true;
  }
  return false;
}

const RlLayoutFloors *layout_floors(const char *name)
{
  for (size_t i = 0; i < G_N_ELEMENTS(floors); i++)
    if (g_strcmp0(floors[i].name, name) == 0)
      return &floors[i].f;
  return &floors[0].f;
}
