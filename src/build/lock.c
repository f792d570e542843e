/* lock.c - the output folder's build lock (flock is released by the kernel when the
 * process dies, so a killed build never leaves a stale lock). */
#include "lock.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

struct RlLock {
  int fd;
};

RlLock *lock_take(const char *out_dir, FILE *say, GError **error)
{
  g_autofree char *path = g_build_filename(out_dir, ".relais.lock", NULL);
  int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    int err = errno;
    g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(err), "cannot open %s: %s", path,
                g_strerror(err));
    return NULL;
  }
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (say)
      fprintf(say, "relais: another build is running in %s; waiting for it\n", out_dir);
    int rc;
    while ((rc = flock(fd, LOCK_EX)) != 0 && errno == EINTR)
      ;
    if (rc != 0) {
      int err = errno;
      close(fd);
      g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(err), "cannot lock %s: %s",
                  path, g_strerror(err));
      return NULL;
    }
  }
  RlLock *lock = g_new0(RlLock, 1);
  lock->fd = fd;
  return lock;
}

void lock_free(RlLock *lock)
{
  if (!lock)
    return;
  flock(lock->fd, LOCK_UN);
  close(lock->fd);
  g_free(lock);
}
