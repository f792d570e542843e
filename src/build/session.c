/* session.c - load and check the data. */
#include "session.h"


#include <string.h>

#include "fontcheck.h"
#include "layout/fonts.h"
#include "layout/map.h"
#include "model/check.h"
#include "model/identity.h"
#include "model/load.h"

void session_reference_date(GDate *today)
{
  const char *sde = g_getenv("SOURCE_DATE_EPOCH");
  gint64 t = sde ? g_ascii_strtoll(sde, NULL, 10) : g_get_real_time() / G_USEC_PER_SEC;
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc(t);
  g_date_clear(today, 1);
  g_date_set_dmy(today, (GDateDay)g_date_time_get_day_of_month(dt),
                 (GDateMonth)g_date_time_get_month(dt), (GDateYear)g_date_time_get_year(dt));
}

/* The cache file's name in the output folder, and the line it holds before the digest. */
#define MAP_CHECKED_FILE ".map-checked"

RlModel *session_load(const char *data_dir, const char *layouts_dir, const char *map_checked,
                      DiagList *dl)
{
  GDate today;
  session_reference_date(&today);
  RlModel *m = load_model(data_dir, layouts_dir, dl);
  check_model(m, &today, dl); /* also after load errors: report everything in one run */
  /* The map's SVG: readable, local, every code drawn (parsing it is most of the check's
   * cost: a one-group edit need not pay it again). */
  bool known = m->map && m->map->digest && g_strcmp0(m->map->digest, map_checked) == 0;
  if (m->map && !known && !diag_has_errors(dl))
    map_check(m->map, dl);
  g_autofree char *fonts_dir = fonts_dir_find(data_dir);
  fontcheck_layouts(m, fonts_dir, dl); /* before any rendering: no silent fallback */
  return m;
}

/* The line .map-checked holds before the digest: which relais checked it (g_free). */
static char *map_checked_tag(void)
{
  return g_strconcat(identity_get(), " map ", NULL);
}

char *session_map_checked(const char *out_dir)
{
  g_autofree char *path = g_build_filename(out_dir, MAP_CHECKED_FILE, NULL);
  g_autofree char *tag = map_checked_tag();
  g_autofree char *text = NULL;
  if (!g_file_get_contents(path, &text, NULL, NULL) || !g_str_has_prefix(text, tag))
    return NULL;
  return g_strdup(g_strstrip(text + strlen(tag)));
}

void session_map_checked_save(const char *out_dir, const RlModel *m, const char *known)
{
  if (!m->map || !m->map->digest || g_strcmp0(known, m->map->digest) == 0)
    return;
  g_autofree char *path = g_build_filename(out_dir, MAP_CHECKED_FILE, NULL);
  g_autofree char *tag = map_checked_tag();
  g_autofree char *text = g_strconcat(tag, m->map->digest, "\n", NULL);
  g_file_set_contents_full(path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, NULL);
}
