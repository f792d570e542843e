/* nolinks.c - an LD_PRELOAD shim for tests/fatdisk.sh: the output folder behaves like a
 * FAT or exFAT USB stick, which can neither exchange two names in one step (renameat2
 * RENAME_EXCHANGE), nor make hard links, nor symbolic links. Everything else is the
 * real call. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath,
              unsigned int flags)
{
  if (flags != 0) {
    errno = EINVAL;
    return -1;
  }
  return renameat(olddirfd, oldpath, newdirfd, newpath);
}

int link(const char *oldpath, const char *newpath)
{
  (void)oldpath;
  (void)newpath;
  errno = EPERM;
  return -1;
}

int linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags)
{
  (void)olddirfd;
  (void)oldpath;
  (void)newdirfd;
  (void)newpath;
  (void)flags;
  errno = EPERM;
  return -1;
}

int symlink(const char *target, const char *linkpath)
{
  (void)target;
  (void)linkpath;
  errno = EPERM;
  return -1;
}
