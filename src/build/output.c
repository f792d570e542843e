/* output.c - atomic writes into the output folder: temporary name, fsync, rename. */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool set_errno_error(GError **error, int err, const char *what, const char *path)
{
  g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(err), "%s %s: %s", what, path,
              g_strerror(err));
  return false;
}

/* Flushes a file or a folder to disk. */
static bool sync_path(const char *path, GError **error)
{
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return set_errno_error(error, errno, "cannot open", path);
  int rc = fsync(fd);
  int err = errno;
  close(fd);
  return rc == 0 || err == EINVAL ? true : set_errno_error(error, err, "cannot flush", path);
}

char *output_temp_path(const char *final)
{
  g_autofree char *dir = g_path_get_dirname(final);
  g_autofree char *base = g_path_get_basename(final);
  char *tmpl = g_strdup_printf("%s/.%s.tmp-XXXXXX", dir, base);
  int fd = g_mkstemp_full(tmpl, O_RDWR | O_CLOEXEC, 0666);
  if (fd >= 0)
    close(fd); /* keeps the name reserved; the writer truncates it */
  return tmpl;
}

bool output_make_parent(const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname(path);
  if (g_mkdir_with_parents(dir, 0755) == 0)
    return true;
  return set_errno_error(error, errno, "cannot make folder", dir);
}

bool output_commit_file(const char *tmp, const char *final, GError **error)
{
  if (g_rename(tmp, final) == 0)
    return true;
  int err = errno;
  g_unlink(tmp);
  return set_errno_error(error, err, "cannot rename into", final);
}

bool output_sync_folder(const char *dir, GError **error)
{
  return sync_path(dir, error);
}

/* True when the regular file at path holds exactly data[0..len). */
static bool same_bytes(const char *path, const char *data, gsize len)
{
  GStatBuf st;
  if (g_lstat(path, &st) != 0 || !S_ISREG(st.st_mode) || (gsize)st.st_size != len)
    return false;
  g_autofree char *old = NULL;
  gsize old_len = 0;
  return g_file_get_contents(path, &old, &old_len, NULL) && old_len == len &&
         memcmp(old, data, len) == 0;
}

bool output_write_file(const char *path, const char *data, gsize len, GError **error)
{
  if (same_bytes(path, data, len))
    return true;
  if (!output_make_parent(path, error))
    return false;
  return g_file_set_contents_full(path, data, (gssize)len,
                                  G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                  0644, error);
}

/* ---- folders ------------------------------------------------------------------- */

static bool is_link(const char *path)
{
  GStatBuf st;
  return g_lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
}

static bool is_real_dir(const char *path)
{
  GStatBuf st;
  return g_lstat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Removes a file, a link or a folder and everything in it (links are not followed). */
static void remove_tree(const char *path)
{
  if (is_real_dir(path)) {
    GDir *d = g_dir_open(path, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d))) {
      g_autofree char *child = g_build_filename(path, name, NULL);
      remove_tree(child);
    }
    if (d)
      g_dir_close(d);
    g_rmdir(path);
  } else {
    g_unlink(path);
  }
}

/* Adds to `paths` every file under `path` that needs a flush, then `path` itself (folders
 * after their entries). Links are not followed, and a regular file with more than one
 * name is left out: in a folder output it is a file hard-linked from the previous version
 * (kiosk slides), sealed before that version was put in place; the folder's flush records
 * its new name. */
static bool collect_tree(const char *path, GPtrArray *paths, GError **error)
{
  GStatBuf st;
  bool got = g_lstat(path, &st) == 0;
  if (got && S_ISDIR(st.st_mode)) {
    GDir *d = g_dir_open(path, 0, error);
    if (!d)
      return false;
    const char *name;
    bool ok = true;
    while (ok && (name = g_dir_read_name(d))) {
      g_autofree char *child = g_build_filename(path, name, NULL);
      ok = collect_tree(child, paths, error);
    }
    g_dir_close(d);
    if (!ok)
      return false;
  } else if (got && (S_ISLNK(st.st_mode) || (S_ISREG(st.st_mode) && st.st_nlink > 1))) {
    return true;
  }
  g_ptr_array_add(paths, g_strdup(path));
  return true;
}

/* Starts writing a file's dirty pages to disk without waiting (Linux); elsewhere, and on
 * any error, nothing: the fsync that follows does the work. */
static void start_writeback(const char *path)
{
#ifdef SYNC_FILE_RANGE_WRITE
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
    close(fd);
  }
#else
  (void)path;
#endif
}

/* Flushes every file under a folder (see collect_tree), then the folder. The writes of
 * all files are started first and waited for after: one fsync after another on a bundle
 * of 250 slides waited for each disk write in turn (0.4 s here); started together, the
 * disk takes them at once and most fsyncs find their data already written. */
static bool sync_tree(const char *path, GError **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func(g_free);
  if (!collect_tree(path, paths, error))
    return false;
  for (guint i = 0; i < paths->len; i++)
    start_writeback(g_ptr_array_index(paths, i));
  for (guint i = 0; i < paths->len; i++)
    if (!sync_path(g_ptr_array_index(paths, i), error))
      return false;
  return true;
}

bool output_seal(const char *tmp, GError **error)
{
  return sync_tree(tmp, error);
}

char *output_temp_dir(const char *final, GError **error)
{
  g_autofree char *dir = g_path_get_dirname(final);
  g_autofree char *base = g_path_get_basename(final);
  char *tmpl = g_strdup_printf("%s/.%s.tmp-XXXXXX", dir, base);
  if (g_mkdtemp_full(tmpl, 0755))
    return tmpl;
  set_errno_error(error, errno, "cannot make folder", tmpl);
  g_free(tmpl);
  return NULL;
}

/* The versioned folder an older relais's link points to, as a path beside the link;
 * NULL if `link` is not a link (an older relais made `NAME` a link to `.NAME.v-KEY`). */
static char *link_target(const char *link)
{
  if (!is_link(link))
    return NULL;
  g_autofree char *target = g_file_read_link(link, NULL);
  if (!target || strchr(target, '/'))
    return NULL; /* only our own relative links to a sibling */
  g_autofree char *dir = g_path_get_dirname(link);
  return g_build_filename(dir, target, NULL);
}

/* True when errno from renameat2 says the file system cannot exchange two names. */
static bool cannot_exchange(int err)
{
  return err == EINVAL || err == ENOSYS || err == EOPNOTSUPP || err == ENOTSUP;
}

/* Where the exchange is not possible (FAT, exFAT, some network shares): the old `final`
 * is renamed over a fresh empty ".tmp-" folder, then `tmp` to `final`; for that instant
 * `final` is missing. On failure the old one is put back. Returns the old one's name
 * ("" when there was none; g_free), or NULL with *error set. */
static char *swap_aside(const char *tmp, const char *final, GError **error)
{
  g_autofree char *aside = output_temp_dir(final, error);
  if (!aside)
    return NULL;
  bool moved = g_rename(final, aside) == 0;
  int err = errno;
  if (!moved && err != ENOENT) {
    g_rmdir(aside);
    set_errno_error(error, err, "cannot move aside", final);
    return NULL;
  }
  if (g_rename(tmp, final) == 0)
    return moved ? g_steal_pointer(&aside) : (g_rmdir(aside), g_strdup(""));
  err = errno;
  if (moved)
    g_rename(aside, final);
  else
    g_rmdir(aside);
  set_errno_error(error, err, "cannot swap in", final);
  return NULL;
}

/* Puts `tmp` at `final`, exchanging the two names in one step when `final` exists.
 * Returns the name that now holds what `final` was ("" when there was nothing; g_free),
 * or NULL with *error set and nothing changed. */
static char *swap_in(const char *tmp, const char *final, GError **error)
{
  if (renameat2(AT_FDCWD, tmp, AT_FDCWD, final, RENAME_EXCHANGE) == 0)
    return g_strdup(tmp);
  int err = errno;
  if (err == ENOENT && g_rename(tmp, final) == 0)
    return g_strdup("");
  if (err == ENOENT)
    err = errno;
  else if (cannot_exchange(err))
    return swap_aside(tmp, final, error);
  set_errno_error(error, err, "cannot swap in", final);
  return NULL;
}

bool output_commit_dir(const char *tmp_dir, const char *final, GError **error)
{
  g_autofree char *dir = g_path_get_dirname(final);
  g_autofree char *legacy = link_target(final);
  g_autofree char *old = swap_in(tmp_dir, final, error);
  if (!old) {
    remove_tree(tmp_dir);
    return false;
  }
  if (!sync_path(dir, error))
    return false;
  if (*old)
    remove_tree(old);
  if (legacy)
    remove_tree(legacy);
  return true;
}

bool output_remove(const char *path, GError **error)
{
  g_autofree char *old = link_target(path);
  if (is_real_dir(path))
    remove_tree(path);
  else if (g_unlink(path) != 0 && errno != ENOENT)
    return set_errno_error(error, errno, "cannot remove", path);
  if (old)
    remove_tree(old);
  return true;
}

/* ---- after an interrupted build --------------------------------------------------- */

/* True when a link in `dir` points at the entry `name`. */
static bool is_linked(const char *dir, const char *name)
{
  GDir *d = g_dir_open(dir, 0, NULL);
  const char *other;
  bool found = false;
  while (!found && d && (other = g_dir_read_name(d))) {
    g_autofree char *path = g_build_filename(dir, other, NULL);
    g_autofree char *target = is_link(path) ? g_file_read_link(path, NULL) : NULL;
    found = target && strcmp(target, name) == 0;
  }
  if (d)
    g_dir_close(d);
  return found;
}

static void sweep(const char *dir, int depth)
{
  GDir *d = g_dir_open(dir, 0, NULL);
  if (!d)
    return;
  GPtrArray *doomed = g_ptr_array_new_with_free_func(g_free);
  const char *name;
  while ((name = g_dir_read_name(d))) {
    g_autofree char *path = g_build_filename(dir, name, NULL);
    if (strstr(name, ".tmp-") || (strstr(name, ".v-") && name[0] == '.' && !is_linked(dir, name)))
      g_ptr_array_add(doomed, g_steal_pointer(&path));
    else if (depth > 0 && is_real_dir(path) && !strstr(name, ".v-"))
      sweep(path, depth - 1);
  }
  g_dir_close(d);
  for (guint i = 0; i < doomed->len; i++)
    remove_tree(g_ptr_array_index(doomed, i));
  g_ptr_array_unref(doomed);
}

void output_sweep(const char *dir)
{
  sweep(dir, 2);
}

gint64 output_size(const char *path)
{
  GStatBuf st;
  if (g_lstat(path, &st) != 0)
    return 0;
  if (S_ISLNK(st.st_mode)) {
    g_autofree char *target = link_target(path);
    return target ? output_size(target) : 0;
  }
  if (!S_ISDIR(st.st_mode))
    return (gint64)st.st_size;
  gint64 total = 0;
  GDir *d = g_dir_open(path, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name(d))) {
    g_autofree char *child = g_build_filename(path, name, NULL);
    total += output_size(child);
  }
  if (d)
    g_dir_close(d);
  return total;
}
