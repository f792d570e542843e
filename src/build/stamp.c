/* stamp.c - the no-change stamp: stat every input, compare with the last good build. */
#include "stamp.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "build/output.h"
#include "build/session.h"
#include "layout/fonts.h"
#include "model/identity.h"
#include "model/load.h"

/* A file modified this close to the scan's start may change again without its stat
 * changing (timestamps come from a coarse clock; FAT keeps mtimes to 2 s): hash it. */
#define RACY_NS (G_GINT64_CONSTANT(2000000000))
/* The stamp's GVariant: magic, fingerprint, scan start (ns), inputs
 * (kind 'f' file / 'd' folder / 'm' missing, path, size, mtime ns, ctime ns, inode, device,
 * SHA-256 or ""), outputs (path under OUT, size, mtime ns, inode), the data's diagnostics
 * (level, file, line, col, message), the number of outputs planned. */
#define STAMP_TYPE "(ssxa(ysttttts)a(sttt)a(ymsiis)u)"
#define STAMP_MAGIC "relais-stamp 1"

typedef struct {
  char *path;
  char kind;                       /* 'f' a file, 'd' a folder (its name only: which
                                    * folders exist decides where layouts and fonts are
                                    * read), 'm' missing or unreadable */
  guint64 size, mtime, ctime, ino, dev;
  char *digest;                    /* hex SHA-256 of a racy file, else NULL */
} StampEntry;

struct RlStamp {
  char *fingerprint;
  gint64 t0;                       /* ns since the epoch when the scan began */
  GArray *entries;                 /* StampEntry, in scan order */
};

static guint64 ns(const struct timespec *t)
{
  return (guint64)t->tv_sec * G_GUINT64_CONSTANT(1000000000) + (guint64)t->tv_nsec;
}

static void entry_clear(gpointer p)
{
  StampEntry *e = p;
  g_free(e->path);
  g_free(e->digest);
}

static char *file_digest(const char *path)
{
  g_autofree char *bytes = NULL;
  gsize len = 0;
  if (!g_file_get_contents(path, &bytes, &len, NULL))
    return g_strdup("unreadable");
  return g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)bytes, len);
}

/* A folder: only its name. */
static void add_folder(RlStamp *s, const char *path)
{
  StampEntry e = {.path = g_strdup(path), .kind = 'd'};
  g_array_append_val(s->entries, e);
}

/* Records `path` as stat() finds it (links followed); a racy file also by content. */
static void add_file(RlStamp *s, const char *path, const struct stat *st)
{
  StampEntry e = {.path = g_strdup(path), .kind = st ? 'f' : 'm'};
  if (st) {
    e.size = (guint64)st->st_size;
    e.mtime = ns(&st->st_mtim);
    e.ctime = ns(&st->st_ctim);
    e.ino = (guint64)st->st_ino;
    e.dev = (guint64)st->st_dev;
    gint64 since = s->t0 - RACY_NS;
    if ((gint64)e.mtime >= since || (gint64)e.ctime >= since)
      e.digest = file_digest(path);
  }
  g_array_append_val(s->entries, e);
}

static gint cmp_names(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted names in dir (NULL when it cannot be read). */
static GPtrArray *dir_names(const char *dir)
{
  GDir *d = g_dir_open(dir, 0, NULL);
  if (!d)
    return NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
  for (const char *n; (n = g_dir_read_name(d));)
    g_ptr_array_add(names, g_strdup(n));
  g_dir_close(d);
  g_ptr_array_sort(names, cmp_names);
  return names;
}

static bool is_vcs(const char *name)
{
  return strcmp(name, ".git") == 0 || strcmp(name, ".hg") == 0 || strcmp(name, ".svn") == 0;
}

/* True the first time a folder (by device and inode) is seen: each folder is read once,
 * whatever links lead to it twice or in a loop. */
static bool first_visit(GHashTable *seen, const struct stat *st)
{
  char *key = g_strdup_printf("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT, (guint64)st->st_dev,
                              (guint64)st->st_ino);
  return g_hash_table_add(seen, key);
}

/* Records every file under dir (sorted, depth first; in sub-folders too when `deep`),
 * skipping version-control folders and folders already in `seen` (the output folder). */
static void add_tree(RlStamp *s, const char *dir, bool deep, GHashTable *seen)
{
  g_autoptr(GPtrArray) names = dir_names(dir);
  for (guint i = 0; names && i < names->len; i++) {
    const char *name = g_ptr_array_index(names, i);
    g_autofree char *path = g_build_filename(dir, name, NULL);
    struct stat st;
    if (stat(path, &st) != 0)
      add_file(s, path, NULL);
    else if (S_ISREG(st.st_mode))
      add_file(s, path, &st);
    else if (S_ISDIR(st.st_mode) && deep && !is_vcs(name) && first_visit(seen, &st)) {
      add_folder(s, path);
      add_tree(s, path, deep, seen);
    }
  }
}

/* A root folder: its files (recursively when `deep`), or one 'm' entry when it is not a
 * folder (its appearing later changes the scan). */
static void add_root(RlStamp *s, const char *dir, bool deep, GHashTable *seen)
{
  struct stat st;
  if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
    add_file(s, dir, NULL);
  else if (first_visit(seen, &st))
    add_tree(s, dir, deep, seen);
}

/* True when path lies inside dir (their names made absolute, "." and ".." resolved, links
 * not: the data folder's scan follows links the same way). */
static bool inside(const char *path, const char *dir)
{
  g_autofree char *p = g_canonicalize_filename(path, NULL);
  g_autofree char *d = g_canonicalize_filename(dir, NULL);
  size_t n = strlen(d);
  return strncmp(p, d, n) == 0 && (p[n] == G_DIR_SEPARATOR || (n > 0 && d[n - 1] == G_DIR_SEPARATOR));
}

/* Everything the options decide about what a build makes and says. */
static char *fingerprint(const RlBuildOptions *opt)
{
  GString *s = g_string_new(STAMP_MAGIC "\n");
  g_string_append_printf(s, "%s\n", identity_get()); /* another relais, same version */
  g_string_append_printf(s, "data %s\nout %s\nlayouts %s\n", opt->data_dir, opt->out_dir,
                         opt->layouts_dir ? opt->layouts_dir : "(found)");
  g_string_append_printf(s, "lang %u\npress %d\nallow-findings %d\nonly", opt->languages,
                         opt->press, opt->allow_findings);
  for (guint i = 0; opt->only && i < opt->only->len; i++)
    g_string_append_printf(s, " %s", ((const RlRenderer *)g_ptr_array_index(opt->only, i))->name);
  GDate today; /* staleness warnings depend on the date */
  session_reference_date(&today);
  g_string_append_printf(s, "\ndate %04u-%02u-%02u\n", g_date_get_year(&today),
                         g_date_get_month(&today), g_date_get_day(&today));
  return g_string_free(s, FALSE);
}

RlStamp *stamp_scan(const RlBuildOptions *opt)
{
  RlStamp *s = g_new0(RlStamp, 1);
  s->t0 = g_get_real_time() * 1000;
  s->entries = g_array_new(FALSE, TRUE, sizeof(StampEntry));
  g_array_set_clear_func(s->entries, entry_clear);
  s->fingerprint = fingerprint(opt);
  g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  struct stat out_st;
  if (stat(opt->out_dir, &out_st) == 0) /* outputs are not inputs, even inside DATA */
    first_visit(seen, &out_st);
  add_root(s, opt->data_dir, true, seen);
  g_autofree char *layouts = load_layouts_folder(opt->data_dir, opt->layouts_dir);
  if (!inside(layouts, opt->data_dir))
    add_root(s, layouts, false, seen);
  g_autofree char *fonts = fonts_dir_find(opt->data_dir);
  g_autofree char *beside = g_build_filename(opt->data_dir, "..", "fonts", NULL);
  if (!fonts || !inside(fonts, opt->data_dir))
    add_root(s, fonts ? fonts : beside, true, seen);
  return s;
}

void stamp_free(RlStamp *stamp)
{
  if (!stamp)
    return;
  g_free(stamp->fingerprint);
  g_array_unref(stamp->entries);
  g_free(stamp);
}

static char *stamp_path(const char *out_dir)
{
  return g_build_filename(out_dir, STAMP_FILE, NULL);
}

void stamp_forget(const char *out_dir)
{
  g_autofree char *path = stamp_path(out_dir);
  g_unlink(path);
}

/* ---- saving ----------------------------------------------------------------------- */

static GVariant *inputs_variant(const RlStamp *s)
{
  GVariantBuilder b;
  g_variant_builder_init(&b, G_VARIANT_TYPE("a(ysttttts)"));
  for (guint i = 0; i < s->entries->len; i++) {
    const StampEntry *e = &g_array_index(s->entries, StampEntry, i);
    g_variant_builder_add(&b, "(ysttttts)", (guchar)e->kind, e->path, e->size, e->mtime,
                          e->ctime, e->ino, e->dev, e->digest ? e->digest : "");
  }
  return g_variant_builder_end(&b);
}

/* Adds OUT/rel as it stats now; false when it is missing. */
static bool add_output(GVariantBuilder *b, const char *out_dir, const char *rel)
{
  g_autofree char *path = g_build_filename(out_dir, rel, NULL);
  struct stat st;
  if (stat(path, &st) != 0)
    return false;
  g_variant_builder_add(b, "(sttt)", rel, (guint64)st.st_size, ns(&st.st_mtim),
                        (guint64)st.st_ino);
  return true;
}

/* Every output of mf, its thumbnail, the manifest and the browse page; NULL when one of
 * them is missing. */
static GVariant *outputs_variant(const char *out_dir, const RlManifest *mf)
{
  GVariantBuilder b;
  g_variant_builder_init(&b, G_VARIANT_TYPE("a(sttt)"));
  bool ok = add_output(&b, out_dir, "manifest.json") && add_output(&b, out_dir, "index.html");
  g_autoptr(GPtrArray) entries = manifest_entries(mf);
  for (guint i = 0; ok && i < entries->len; i++) {
    const ManifestEntry *e = g_ptr_array_index(entries, i);
    ok = add_output(&b, out_dir, e->out) && (!e->thumbnail || add_output(&b, out_dir, e->thumbnail));
  }
  GVariant *v = g_variant_builder_end(&b);
  if (ok)
    return v;
  g_variant_unref(g_variant_ref_sink(v));
  return NULL;
}

static GVariant *diags_variant(DiagList *dl)
{
  GVariantBuilder b;
  g_variant_builder_init(&b, G_VARIANT_TYPE("a(ymsiis)"));
  for (guint i = 0; i < diag_len(dl); i++) {
    const Diag *d = diag_at(dl, i);
    g_variant_builder_add(&b, "(ymsiis)", (guchar)d->level, d->file, d->line, d->col, d->message);
  }
  return g_variant_builder_end(&b);
}

bool stamp_save(const RlStamp *now, const RlBuildOptions *opt, const RlManifest *mf,
                DiagList *data, guint outputs, GError **error)
{
  GVariant *outs = outputs_variant(opt->out_dir, mf);
  if (!outs)
    return true;
  g_autoptr(GVariant) v = g_variant_ref_sink(
    g_variant_new("(ssx@a(ysttttts)@a(sttt)@a(ymsiis)u)", STAMP_MAGIC, now->fingerprint, now->t0,
                  inputs_variant(now), outs, diags_variant(data), outputs));
  g_autoptr(GBytes) bytes = g_variant_get_data_as_bytes(v);
  g_autofree char *path = stamp_path(opt->out_dir);
  gsize len = 0;
  const char *data_bytes = g_bytes_get_data(bytes, &len);
  /* Not flushed to disk: after a crash an empty or torn stamp is simply not trusted (and
   * a temporary file left behind is swept by the next build). */
  g_autofree char *tmp = output_temp_path(path);
  if (!g_file_set_contents_full(tmp, data_bytes, (gssize)len, G_FILE_SET_CONTENTS_NONE, 0644, error)) {
    g_unlink(tmp);
    return false;
  }
  return output_commit_file(tmp, path, error);
}

/* ---- checking ----------------------------------------------------------------------- */

/* True when the recorded input is the scanned one: same path and stat, and a racy one
 * (recorded with its digest) still has the same bytes. */
static bool same_input(GVariant *rec, const StampEntry *e)
{
  guchar kind;
  const char *path, *digest;
  guint64 size, mtime, ctime, ino, dev;
  g_variant_get(rec, "(y&sttttt&s)", &kind, &path, &size, &mtime, &ctime, &ino, &dev, &digest);
  if (kind != (guchar)e->kind || strcmp(path, e->path) != 0)
    return false;
  if (kind != 'f')
    return true;
  if (size != e->size || mtime != e->mtime || ctime != e->ctime || ino != e->ino || dev != e->dev)
    return false;
  if (!*digest)
    return true;
  if (e->digest)
    return strcmp(digest, e->digest) == 0;
  g_autofree char *again = file_digest(path);
  return strcmp(digest, again) == 0;
}

static bool same_inputs(GVariant *recs, const RlStamp *now)
{
  gsize n = g_variant_n_children(recs);
  if (n != now->entries->len)
    return false;
  for (gsize i = 0; i < n; i++) {
    g_autoptr(GVariant) rec = g_variant_get_child_value(recs, i);
    if (!same_input(rec, &g_array_index(now->entries, StampEntry, i)))
      return false;
  }
  return true;
}

static bool same_outputs(GVariant *recs, const char *out_dir)
{
  gsize n = g_variant_n_children(recs);
  for (gsize i = 0; i < n; i++) {
    const char *rel;
    guint64 size, mtime, ino;
    g_variant_get_child(recs, i, "(&sttt)", &rel, &size, &mtime, &ino);
    g_autofree char *path = g_build_filename(out_dir, rel, NULL);
    struct stat st;
    if (stat(path, &st) != 0 || (guint64)st.st_size != size || ns(&st.st_mtim) != mtime ||
        (guint64)st.st_ino != ino)
      return false;
  }
  return true;
}

static void replay_diags(GVariant *recs, DiagList *dl)
{
  gsize n = g_variant_n_children(recs);
  for (gsize i = 0; i < n; i++) {
    guchar level;
    const char *file, *message;
    gint32 line, col;
    g_variant_get_child(recs, i, "(ym&sii&s)", &level, &file, &line, &col, &message);
    diag_add(dl, level == DIAG_ERROR ? DIAG_ERROR : DIAG_WARNING, file, line, col, "%s", message);
  }
}

/* The stamp file's value, or NULL when it is missing or not a stamp. */
static GVariant *stamp_load(const char *out_dir)
{
  g_autofree char *path = stamp_path(out_dir);
  GMappedFile *mf = g_mapped_file_new(path, FALSE, NULL);
  if (!mf)
    return NULL;
  g_autoptr(GBytes) bytes = g_mapped_file_get_bytes(mf);
  g_mapped_file_unref(mf);
  GVariant *v = g_variant_ref_sink(g_variant_new_from_bytes(G_VARIANT_TYPE(STAMP_TYPE), bytes, FALSE));
  g_autoptr(GVariant) magic = g_variant_get_child_value(v, 0);
  if (strcmp(g_variant_get_string(magic, NULL), STAMP_MAGIC) == 0)
    return v;
  g_variant_unref(v);
  return NULL;
}

bool stamp_replay(const RlStamp *now, const RlBuildOptions *opt, DiagList *dl, guint *outputs,
                  guint *checked)
{
  g_autoptr(GVariant) v = stamp_load(opt->out_dir);
  if (!v)
    return false;
  g_autoptr(GVariant) fp = g_variant_get_child_value(v, 1);
  g_autoptr(GVariant) ins = g_variant_get_child_value(v, 3);
  g_autoptr(GVariant) outs = g_variant_get_child_value(v, 4);
  if (strcmp(g_variant_get_string(fp, NULL), now->fingerprint) != 0 ||
      !same_inputs(ins, now) || !same_outputs(outs, opt->out_dir))
    return false;
  g_autoptr(GVariant) diags = g_variant_get_child_value(v, 5);
  g_autoptr(GVariant) count = g_variant_get_child_value(v, 6);
  replay_diags(diags, dl);
  *outputs = g_variant_get_uint32(count);
  *checked = now->entries->len + (guint)g_variant_n_children(outs);
  return true;
}
