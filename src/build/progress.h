/* progress.h - what a build says on stderr while it works.
 *
 * On a terminal: one bar redrawn in place, with counts and the item being made (bold
 * unless NO_COLOR is set). Elsewhere (a log, a pipe, a test): one plain line per output
 * made, failed or removed. Quiet: nothing but problems. Call from one thread only.
 */
#pragma once

#include <glib.h>
#include <stdbool.h>
#include <stdio.h>

typedef struct RlProgress RlProgress;

/* A reporter writing to `out` for `total` items to make. Free with progress_free(). */
RlProgress *progress_new(FILE *out, bool quiet, guint total);
/* Forces plain lines (or the bar) whatever `out` is; for tests. */
void progress_set_bar(RlProgress *p, bool bar);

/* An item started (shown in the bar). */
void progress_start(RlProgress *p, const char *item);
/* An item ended: verb "made", "failed", "removed"…; why may be NULL. Counts it done
 * when counted is true. Failures are shown even when quiet. */
void progress_item(RlProgress *p, const char *verb, const char *item, const char *why,
                   bool counted);
/* A line of text (above the bar); shown even when quiet when important is true. */
void progress_say(RlProgress *p, bool important, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

/* Clears the bar; NULL is a no-op. */
void progress_free(RlProgress *p);
