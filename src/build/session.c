/* session.c - load and check the data. */
#include "session.h"

#include "fontcheck.h"
#include "layout/fonts.h"
#include "layout/map.h"
#include "model/check.h"
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

RlModel *session_load(const char *data_dir, const char *layouts_dir, DiagList *dl)
{
  GDate today;
  session_reference_date(&today);
  RlModel *m = load_model(data_dir, layouts_dir, dl);
  check_model(m, &today, dl); /* also after load errors: report everything in one run */
  if (m->map && !diag_has_errors(dl)) /* the map's SVG: readable, local, every code drawn */
    map_check(m->map, dl);
  g_autofree char *fonts_dir = fonts_dir_find(data_dir);
  fontcheck_layouts(m, fonts_dir, dl); /* before any rendering: no silent fallback */
  return m;
}
