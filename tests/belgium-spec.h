/* belgium-spec.h - the bundled map's sidecar as the loader reads it, for the map and
 * poster tests. Included by one test file each; not part of relais. */
#pragma once

#include "model/diag.h"
#include "model/load.h"

/* Loads SRCDIR/data and takes its map spec (the caller frees it with map_spec_free()).
 * Fails the test when the bundled data does not load cleanly or names no map. */
static RlMapSpec *belgium_spec(void)
{
  const char *src = g_getenv("SRCDIR");
  g_autofree char *data = g_build_filename(src ? src : ".", "data", NULL);
  DiagList *dl = diag_list_new();
  RlModel *m = load_model(data, NULL, dl);
  g_assert_false(diag_has_errors(dl));
  RlMapSpec *spec = g_steal_pointer(&m->map);
  g_assert_nonnull(spec);
  model_free(m);
  diag_list_free(dl);
  return spec;
}
