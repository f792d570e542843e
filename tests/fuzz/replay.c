/* replay.c - runs a fuzz target over saved inputs, without libFuzzer.
 *
 * Usage: fuzz-TARGET-replay DIR_OR_FILE...  Every regular file (directories are read one
 * level deep, in name order) is passed to LLVMFuzzerTestOneInput once. Used by the normal
 * test run to replay the seed corpora and every crash found so far; under ASan/UBSan a
 * regression aborts the run. Prints one TAP line per input and "N passed, 0 failed".
 */
#include <glib.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Feeds one file to the target; returns false when it cannot be read. */
static bool replay_file(const char *path, guint *n)
{
  g_autofree char *bytes = NULL;
  gsize len = 0;
  if (!g_file_get_contents(path, &bytes, &len, NULL))
    return false;
  LLVMFuzzerTestOneInput((const uint8_t *)bytes, len);
  printf("ok %u - %s\n", ++*n, path);
  return true;
}

static gint cmp_str(gconstpointer a, gconstpointer b)
{
  return g_strcmp0(*(const char *const *)a, *(const char *const *)b);
}

/* Replays every regular file directly inside dir, sorted by name. */
static bool replay_dir(const char *dir, guint *n)
{
  GDir *d = g_dir_open(dir, 0, NULL);
  if (!d)
    return false;
  GPtrArray *paths = g_ptr_array_new_with_free_func(g_free);
  for (const char *name; (name = g_dir_read_name(d));) {
    char *p = g_build_filename(dir, name, NULL);
    if (g_file_test(p, G_FILE_TEST_IS_REGULAR))
      g_ptr_array_add(paths, p);
    else
      g_free(p);
  }
  g_dir_close(d);
  g_ptr_array_sort(paths, cmp_str);
  bool ok = true;
  for (guint i = 0; i < paths->len; i++)
    ok = replay_file(g_ptr_array_index(paths, i), n) && ok;
  g_ptr_array_unref(paths);
  return ok;
}

int main(int argc, char **argv)
{
  guint n = 0, failed = 0;
  for (int i = 1; i < argc; i++) {
    bool ok = g_file_test(argv[i], G_FILE_TEST_IS_DIR) ? replay_dir(argv[i], &n)
                                                      : replay_file(argv[i], &n);
    if (!ok) {
      printf("not ok %u - cannot read %s\n", ++n, argv[i]);
      failed++;
    }
  }
  printf("1..%u\n%u passed, %u failed\n", n, n - failed, failed);
  return failed ? 1 : 0;
}
