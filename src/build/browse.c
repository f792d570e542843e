/* browse.c - the browse page. */
#include "browse.h"

#include <string.h>

#include "build/output.h"
#include "config.h"

static const char page_head[] =
  "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src 'self'; "
  "style-src 'unsafe-inline'\">\n"
  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
  "<title>relais outputs</title>\n<style>\n"
  "body{font:20px/1.5 'Tiresias LPfont','Andika','DejaVu Sans',sans-serif;margin:1em auto;"
  "max-width:70em;padding:0 1em;color:#1a1a1a;background:#fff}\n"
  "h1,h2,h3{line-height:1.25}\nul.outs{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1em}\n"
  "ul.outs li{width:15em;border:2px solid #d9d9d9;padding:.5em}\n"
  "ul.outs img{width:100%;height:auto;border:1px solid #d9d9d9;background:#f4f4f4}\n"
  "a{color:#00507a}\n.meta{color:#444}\n.error{color:#a00000}\n"
  "</style>\n</head>\n<body>\n<h1>relais outputs</h1>\n";

/* Appends printf-formatted text whose %s arguments are escaped first by the caller. */
static void add_escaped(GString *s, const char *text)
{
  g_autofree char *esc = g_markup_escape_text(text ? text : "", -1);
  g_string_append(s, esc);
}

static const char *edition_name(const RlModel *m, const char *id)
{
  for (guint i = 0; m && id && m->editions && i < m->editions->len; i++) {
    const RlEdition *e = g_ptr_array_index(m->editions, i);
    const char *name = text_get(&e->name, m->site.default_language, RL_LANG_EN);
    if (g_strcmp0(e->rec.id, id) == 0)
      return name ? name : id;
  }
  return id;
}

static void add_output(GString *s, const ManifestEntry *e)
{
  g_autofree char *size = g_format_size((guint64)e->size);
  g_autofree char *href = g_strdup_printf("%s%s", e->out, e->is_dir ? "/index.html" : "");
  g_string_append(s, "<li>");
  if (e->thumbnail) {
    g_string_append(s, "<a href=\"");
    add_escaped(s, href);
    g_string_append(s, "\"><img alt=\"\" src=\"");
    add_escaped(s, e->thumbnail);
    g_string_append(s, "\"></a><br>");
  }
  g_string_append(s, "<a href=\"");
  add_escaped(s, href);
  g_string_append(s, "\">");
  add_escaped(s, e->title ? e->title : e->out);
  g_string_append(s, "</a><br><span class=\"meta\">");
  add_escaped(s, e->kind);
  g_string_append_printf(s, " · %s", size);
  if (e->pages > 0)
    g_string_append_printf(s, " · %d %s", e->pages, e->is_dir ? "slides" : e->pages == 1 ? "page" : "pages");
  g_string_append(s, "</span>");
  if (e->findings->len)
    g_string_append_printf(s, "<br><span class=\"error\">%u preflight findings</span>", e->findings->len);
  g_string_append(s, "</li>\n");
}

/* Outputs of one edition (NULL: those of no edition), one list per language. */
static void add_edition(GString *s, GPtrArray *entries, const RlModel *m, const char *edition)
{
  g_string_append(s, "<h2>");
  add_escaped(s, edition ? edition_name(m, edition) : "Other outputs");
  g_string_append(s, "</h2>\n");
  const char *langs[] = {"fr", "nl", "de", "en", NULL};
  for (size_t l = 0; l < G_N_ELEMENTS(langs); l++) {
    bool open = false;
    for (guint i = 0; i < entries->len; i++) {
      const ManifestEntry *e = g_ptr_array_index(entries, i);
      if (g_strcmp0(e->edition, edition) != 0 || g_strcmp0(e->language, langs[l]) != 0)
        continue;
      RlLang code;
      if (!open)
        g_string_append_printf(s, "<h3>%s</h3>\n<ul class=\"outs\">\n",
                               lang_parse(langs[l], &code) ? lang_name(code) : "All languages");
      open = true;
      add_output(s, e);
    }
    if (open)
      g_string_append(s, "</ul>\n");
  }
}

static gint str_ptr_cmp(gconstpointer a, gconstpointer b)
{
  return g_strcmp0(*(char *const *)a, *(char *const *)b);
}

/* Edition ids of the entries, sorted, without repeats; NULL (no edition) last. */
static GPtrArray *editions_of(GPtrArray *entries)
{
  GPtrArray *ids = g_ptr_array_new();
  bool none = false;
  for (guint i = 0; i < entries->len; i++) {
    const char *id = ((const ManifestEntry *)g_ptr_array_index(entries, i))->edition;
    guint at;
    if (!id)
      none = true;
    else if (!g_ptr_array_find_with_equal_func(ids, id, g_str_equal, &at))
      g_ptr_array_add(ids, (gpointer)id);
  }
  g_ptr_array_sort(ids, str_ptr_cmp);
  if (none)
    g_ptr_array_add(ids, NULL);
  return ids;
}

static void add_report(GString *s, GPtrArray *entries, DiagList *dl)
{
  g_string_append(s, "<h2>Check report</h2>\n");
  diag_sort(dl);
  guint n = diag_len(dl);
  for (guint i = 0; i < entries->len; i++)
    n += ((const ManifestEntry *)g_ptr_array_index(entries, i))->findings->len;
  if (n == 0) {
    g_string_append(s, "<p>No errors, no warnings.</p>\n");
    return;
  }
  g_string_append(s, "<ul>\n");
  for (guint i = 0; i < diag_len(dl); i++) {
    g_autofree char *line = diag_format(diag_at(dl, i));
    g_string_append(s, "<li>");
    add_escaped(s, line);
    g_string_append(s, "</li>\n");
  }
  for (guint i = 0; i < entries->len; i++) {
    const ManifestEntry *e = g_ptr_array_index(entries, i);
    for (guint k = 0; k < e->findings->len; k++) {
      g_string_append(s, "<li>");
      add_escaped(s, e->out);
      g_string_append(s, ": ");
      add_escaped(s, g_ptr_array_index(e->findings, k));
      g_string_append(s, "</li>\n");
    }
  }
  g_string_append(s, "</ul>\n");
}

bool browse_write(const char *out_dir, const RlManifest *mf, const RlModel *m, DiagList *dl,
                  GError **error)
{
  GString *s = g_string_new(page_head);
  g_autoptr(GPtrArray) entries = manifest_entries(mf);
  g_autoptr(GPtrArray) editions = editions_of(entries);
  if (entries->len == 0)
    g_string_append(s, "<p>No outputs yet.</p>\n");
  for (guint i = 0; i < editions->len; i++)
    add_edition(s, entries, m, g_ptr_array_index(editions, i));
  add_report(s, entries, dl);
  g_string_append(s, "<p class=\"meta\">Made by relais " RELAIS_VERSION ".</p>\n</body>\n</html>\n");
  g_autofree char *path = g_build_filename(out_dir, "index.html", NULL);
  bool ok = output_write_file(path, s->str, s->len, error);
  g_string_free(s, TRUE);
  return ok;
}
