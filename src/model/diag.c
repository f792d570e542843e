/* diag.c - the list of diagnostics. */
#include "diag.h"

#include <stdarg.h>

struct DiagList {
  GPtrArray *items; /* Diag* */
  GMutex lock;
};

static void diag_free(gpointer p)
{
  Diag *d = p;
  g_free(d->file);
  g_free(d->message);
  g_free(d);
}

DiagList *diag_list_new(void)
{
  DiagList *dl = g_new0(DiagList, 1);
  dl->items = g_ptr_array_new_with_free_func(diag_free);
  g_mutex_init(&dl->lock);
  return dl;
}

void diag_list_free(DiagList *dl)
{
  if (!dl)
    return;
  g_ptr_array_unref(dl->items);
  g_mutex_clear(&dl->lock);
  g_free(dl);
}

void diag_add(DiagList *dl, DiagLevel level, const char *file, int line, int col,
              const char *fmt, ...)
{
  Diag *d = g_new0(Diag, 1);
  va_list ap;
  va_start(ap, fmt);
  d->message = g_strdup_vprintf(fmt, ap);
  va_end(ap);
  d->level = level;
  d->file = g_strdup(file);
  d->line = line;
  d->col = col;
  g_mutex_lock(&dl->lock);
  g_ptr_array_add(dl->items, d);
  g_mutex_unlock(&dl->lock);
}

guint diag_count(const DiagList *dl, DiagLevel level)
{
  guint n = 0;
  for (guint i = 0; i < dl->items->len; i++)
    n += ((Diag *)g_ptr_array_index(dl->items, i))->level == level;
  return n;
}

bool diag_has_errors(const DiagList *dl) { return diag_count(dl, DIAG_ERROR) > 0; }

static gint diag_cmp(gconstpointer a, gconstpointer b)
{
  const Diag *x = *(const Diag *const *)a, *y = *(const Diag *const *)b;
  int c = g_strcmp0(x->file, y->file);
  if (!c)
    c = (x->line > y->line) - (x->line < y->line);
  if (!c)
    c = (x->col > y->col) - (x->col < y->col);
  if (!c)
    c = (int)x->level - (int)y->level;
  if (!c)
    c = g_strcmp0(x->message, y->message);
  return c;
}

void diag_sort(DiagList *dl)
{
  g_ptr_array_sort(dl->items, diag_cmp);
  for (guint i = 1; i < dl->items->len;) {
    if (diag_cmp(&g_ptr_array_index(dl->items, i - 1), &g_ptr_array_index(dl->items, i)) == 0)
      g_ptr_array_remove_index(dl->items, i);
    else
      i++;
  }
}

guint diag_len(const DiagList *dl) { return dl->items->len; }
const Diag *diag_at(const DiagList *dl, guint i) { return g_ptr_array_index(dl->items, i); }

char *diag_format(const Diag *d)
{
  const char *lvl = d->level == DIAG_ERROR ? "error" : "warning";
  if (!d->file)
    return g_strdup_printf("relais: %s: %s", lvl, d->message);
  if (d->line <= 0)
    return g_strdup_printf("%s: %s: %s", d->file, lvl, d->message);
  return g_strdup_printf("%s:%d:%d: %s: %s", d->file, d->line, d->col, lvl, d->message);
}

void diag_print(DiagList *dl, FILE *out)
{
  diag_sort(dl);
  for (guint i = 0; i < dl->items->len; i++) {
    g_autofree char *s = diag_format(g_ptr_array_index(dl->items, i));
    fprintf(out, "%s\n", s);
  }
}
