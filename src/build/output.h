/* output.h - writing into the output folder so that nobody ever sees a half-written file.
 *
 * A file is written to a temporary name in its own folder, flushed to disk, then renamed
 * over the old one (rename is atomic on one file system). A folder output (the kiosk) is
 * built in a temporary folder beside it and exchanged with the old folder in one step
 * (renameat2 RENAME_EXCHANGE); the old one is removed afterwards. `NAME` stays a real
 * folder, so that copying it (cp -r, a file manager, onto a USB stick) copies the files.
 * Temporary names all contain ".tmp-" so output_sweep() can remove what a killed build
 * left behind.
 */
#pragma once

#include <glib.h>
#include <stdbool.h>

/* A temporary path in the same folder as `final`: "DIR/.NAME.tmp-XXXXXX" (a file name
 * not yet used). Returns a new string (g_free). */
char *output_temp_path(const char *final);

/* Makes the folder that will hold `path` (and its parents). */
bool output_make_parent(const char *path, GError **error);

/* Flushes a finished temporary output (a file, or a folder and everything in it) to disk,
 * so that a rename can never expose a file whose bytes are not there yet. Slow (fsync):
 * call it in the worker that wrote the output. A file with other hard links (a kiosk
 * slide linked from the previous, sealed bundle) is not flushed again, only its folder. */
bool output_seal(const char *tmp, GError **error);

/* Renames the sealed file `tmp` to `final`. On failure `tmp` is removed, `final` is
 * untouched and *error is set. The rename reaches the disk with the folder's next
 * flush: call output_sync_folder() on it once all outputs are in place. */
bool output_commit_file(const char *tmp, const char *final, GError **error);

/* Flushes a folder (its entries: renames done in it) to disk. */
bool output_sync_folder(const char *dir, GError **error);

/* Writes `len` bytes to `path` atomically (temporary file, fsync, rename). When the file
 * already holds exactly these bytes it is left alone (a rebuild with nothing to do writes
 * and flushes nothing). */
bool output_write_file(const char *path, const char *data, gsize len, GError **error);

/* A new empty temporary folder beside `final` (a folder output); returns its path (g_free)
 * or NULL with *error set. */
char *output_temp_dir(const char *final, GError **error);

/* Puts the sealed folder `tmp_dir` at `final`: when `final` exists the two names are
 * exchanged in one step and the old folder is removed. On a file system that cannot
 * exchange (FAT, exFAT, some network shares) the old folder is renamed aside first, so
 * `final` is missing for the instant between two renames. A symbolic link at `final` from
 * an older relais is replaced, and the folder it pointed to removed. On failure `tmp_dir`
 * is removed, *error is set and `final` is as it was. */
bool output_commit_dir(const char *tmp_dir, const char *final, GError **error);

/* Removes an output: a file, a folder, or an older relais's link and the versioned folder
 * it points to. A missing output is not an error. */
bool output_remove(const char *path, GError **error);

/* Removes what an interrupted build left in `dir` and its sub-folders: files and folders
 * whose name contains ".tmp-", and an older relais's versioned folders ".NAME.v-KEY" no
 * link points at. */
void output_sweep(const char *dir);

/* Total size in bytes of a file, or of every file under a folder. */
gint64 output_size(const char *path);
