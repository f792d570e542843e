/* kiosk_item.c - slide keys and the items that carry them. */
#include "kiosk_item.h"

#include <string.h>

#include "model/identity.h"

/* Bump when what a cached slide holds or how it is drawn changes in a way the other
 * parts of the key do not show. */

struct KioskKeyBase {
  GChecksum *common;   /* fed with everything every slide shares */
  GChecksum *map;      /* common + the map and the networks: for the map slide */
};

/* Adds a string, or a mark for NULL, so that no two sequences of fields hash alike. */
static void key_str(GChecksum *ck, const char *s)
{
  g_checksum_update(ck, (const guchar *)(s ? "s" : "n"), 1);
  if (s)
    g_checksum_update(ck, (const guchar *)s, (gssize)strlen(s) + 1);
}

static void key_int(GChecksum *ck, gint64 v)
{
  char buf[32];
  g_snprintf(buf, sizeof buf, "%" G_GINT64_FORMAT, v);
  key_str(ck, buf);
}

/* Doubles exactly (hex float), so that no rounding hides a change. */
static void key_double(GChecksum *ck, double v)
{
  char buf[64];
  g_snprintf(buf, sizeof buf, "%a", v);
  key_str(ck, buf);
}

static void key_pos(GChecksum *ck, RlPos pos)
{
  key_str(ck, pos.file);
  key_int(ck, pos.line);
  key_int(ck, pos.col);
}

/* The canvas numbers kiosk_draw() reads besides the layout (they follow from the layout,
 * the fonts and the bundle's languages). */
static void key_canvas(GChecksum *ck, const KioskCanvas *cv)
{
  const double nums[] = {cv->px_w, cv->px_h, cv->px_per_mm, cv->px_per_pt, cv->w_pt,
                         cv->h_pt, cv->margin_pt[0], cv->margin_pt[1], cv->margin_pt[2],
                         cv->margin_pt[3], cv->type_scale, cv->xheight_mm, cv->ui_font_px,
                         cv->target_px, cv->gap_px, cv->bar_px};
  for (size_t i = 0; i < G_N_ELEMENTS(nums); i++)
    key_double(ck, nums[i]);
}

/* What the map slide draws besides its words: the map and every network's areas,
 * names and number (their order), and the positions their findings name. */
static void key_map(GChecksum *ck, const KioskCanvas *cv)
{
  const RlModel *m = cv->m;
  key_str(ck, m->map ? m->map->digest : NULL); /* cv->map is loaded only to draw */
  for (guint i = 0; m->networks && i < m->networks->len; i++) {
    const RlNetwork *n = g_ptr_array_index(m->networks, i);
    key_str(ck, n->rec.id);
    key_str(ck, n->rec.digest);
    key_pos(ck, n->rec.pos);
  }
}

KioskKeyBase *kiosk_key_base_new(const KioskCanvas *cv, const char *fonts_digest)
{
  KioskKeyBase *b = g_new0(KioskKeyBase, 1);
  b->common = g_checksum_new(G_CHECKSUM_SHA256);
  key_str(b->common, identity_get()); /* another relais may draw differently */
  key_str(b->common, cv->lay->digest);
  key_str(b->common, fonts_digest);
  key_canvas(b->common, cv);
  key_str(b->common, lang_code(cv->m->site.default_language));
  b->map = g_checksum_copy(b->common);
  key_map(b->map, cv);
  return b;
}

void kiosk_key_base_free(KioskKeyBase *base)
{
  if (!base)
    return;
  g_checksum_free(base->common);
  g_checksum_free(base->map);
  g_free(base);
}

/* Hex SHA-256 of the base and the slide. New string. */
static char *slide_key(const KioskKeyBase *base, const KioskSlide *s)
{
  GChecksum *ck = g_checksum_copy(s->kind == KIOSK_MAP ? base->map : base->common);
  key_int(ck, s->kind);
  key_str(ck, s->id);
  key_str(ck, lang_code(s->lang));
  key_int(ck, s->lines->len);
  for (guint i = 0; i < s->lines->len; i++) {
    const KioskLine *l = &g_array_index(s->lines, KioskLine, i);
    key_int(ck, l->role);
    key_int(ck, l->big);
    key_str(ck, l->text);
  }
  key_str(ck, s->qr);
  key_str(ck, s->network_id);
  key_pos(ck, s->pos);
  char *key = g_strdup(g_checksum_get_string(ck));
  g_checksum_free(ck);
  return key;
}

KioskItem *kiosk_item_new(const KioskKeyBase *base, const KioskSlide *s, guint index)
{
  KioskItem *it = g_new0(KioskItem, 1);
  it->slide = s;
  it->index = index;
  it->key = slide_key(base, s);
  it->png = g_strdup_printf("slides/%s/%.16s.png", lang_code(s->lang), it->key);
  return it;
}

void kiosk_item_free(gpointer p)
{
  KioskItem *it = p;
  if (!it)
    return;
  g_free(it->key);
  g_free(it->png);
  if (it->regions)
    json_node_unref(it->regions);
  preflight_free(it->pf);
  g_free(it->png_sum);
  g_clear_error(&it->error);
  g_free(it);
}

char *kiosk_item_out_name(RlLang lang)
{
  return g_strdup_printf("kiosk/slides/%s", lang_code(lang));
}
