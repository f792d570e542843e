/* lock.h - one build at a time per output folder: flock on OUT/.relais.lock. */
#pragma once

#include <glib.h>
#include <stdbool.h>
#include <stdio.h>

typedef struct RlLock RlLock;

/* Takes the lock of out_dir (which must exist). When another build holds it, writes
 * "relais: another build is running in OUT; waiting for it" to `say` (unless NULL) and
 * waits. Returns the held lock (release with lock_free()), or NULL with *error set when
 * the lock file cannot be opened. */
RlLock *lock_take(const char *out_dir, FILE *say, GError **error);

/* Releases the lock; NULL is a no-op. */
void lock_free(RlLock *lock);
