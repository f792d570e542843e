/* diag.h - diagnostics about input data: collected, sorted, printed.
 *
 * Every message has one shape: `file:line:col: error|warning: message`, lower case,
 * 1-based positions. Code that finds a problem adds it here and carries on, so that a run
 * reports all problems, not the first. Only main.c decides what to do with them.
 */
#pragma once

#include <glib.h>
#include <stdbool.h>
#include <stdio.h>

typedef enum { DIAG_ERROR, DIAG_WARNING } DiagLevel;

typedef struct {
  DiagLevel level;
  char *file;    /* owned; may be NULL for messages about no file */
  int line, col; /* 1-based; 0 = unknown */
  char *message; /* owned; no trailing period, no newline */
} Diag;

/* A list of diagnostics. Thread-safe: renderers running in parallel may add to it. */
typedef struct DiagList DiagList;

/* A new empty list; free with diag_list_free(). */
DiagList *diag_list_new(void);
/* Frees the list and its messages; NULL is a no-op. */
void diag_list_free(DiagList *dl);

/* Adds a message (printf format). file may be NULL. */
void diag_add(DiagList *dl, DiagLevel level, const char *file, int line, int col,
              const char *fmt, ...) G_GNUC_PRINTF(6, 7);
#define diag_error(dl, f, l, c, ...) diag_add((dl), DIAG_ERROR, (f), (l), (c), __VA_ARGS__)
#define diag_warning(dl, f, l, c, ...) diag_add((dl), DIAG_WARNING, (f), (l), (c), __VA_ARGS__)

/* Counts. */
guint diag_count(const DiagList *dl, DiagLevel level);
bool diag_has_errors(const DiagList *dl);

/* Sorts by file, line, column, then level and message, and drops exact duplicates. */
void diag_sort(DiagList *dl);
/* Number of diagnostics and the i-th one (borrowed), in current order. */
guint diag_len(const DiagList *dl);
const Diag *diag_at(const DiagList *dl, guint i);

/* Formats one diagnostic as printed, without newline. Free with g_free(). */
char *diag_format(const Diag *d);
/* Sorts, then prints every diagnostic to `out`, one a line. */
void diag_print(DiagList *dl, FILE *out);
