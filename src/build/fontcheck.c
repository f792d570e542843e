/* fontcheck.c - a layout naming a font that is not installed is a positioned error,
 * never a silent fallback to another family. */
#include "fontcheck.h"

#include "layout/fonts.h"

/* One family of layout l, written at the value `family` (or the layout's start). */
static void check_family(const RlModel *m, const RlLayout *l, const char *family, RlFonts *f,
                         char **installed, DiagList *dl)
{
  if (!family || fonts_has_family(f, family))
    return;
  const RlPos *p = model_value_pos(m, family);
  if (!p)
    p = &l->pos;
  if (!*installed)
    *installed = fonts_families(f);
  diag_error(dl, p->file, p->line, p->col, "font '%s' is not installed; installed fonts: %s",
             family, *installed);
}

void fontcheck_layouts(const RlModel *m, const char *fonts_dir, DiagList *dl)
{
  RlFonts *f = fonts_new(fonts_dir, NULL);
  if (!f)
    return;
  g_autofree char *installed = NULL;
  for (guint i = 0; i < m->layouts->len; i++) {
    const RlLayout *l = g_ptr_array_index(m->layouts, i);
    check_family(m, l, l->font, f, &installed, dl);
    if (g_strcmp0(l->heading_font, l->font) != 0)
      check_family(m, l, l->heading_font, f, &installed, dl);
  }
  fonts_free(f);
}
