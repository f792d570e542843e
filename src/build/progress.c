/* progress.c - a bar on a terminal, plain lines elsewhere. */
#include "progress.h"

#include <stdarg.h>
#include <string.h>
#include <unistd.h>

enum { BAR_WIDTH = 24, LINE_WIDTH = 78 };

struct RlProgress {
  FILE *out;
  bool quiet;
  bool bar;       /* redraw a bar in place */
  bool colour;
  bool drawn;     /* a bar is on screen */
  guint total, done;
  char *current;
};

/* Bold only on a bar, and never when NO_COLOR is set to something. */
static bool wants_colour(bool bar)
{
  const char *no_colour = g_getenv("NO_COLOR");
  return bar && !(no_colour && *no_colour);
}

RlProgress *progress_new(FILE *out, bool quiet, guint total)
{
  RlProgress *p = g_new0(RlProgress, 1);
  p->out = out;
  p->quiet = quiet;
  const char *term = g_getenv("TERM");
  p->bar = !quiet && isatty(fileno(out)) && g_strcmp0(term, "dumb") != 0;
  p->colour = wants_colour(p->bar);
  p->total = total;
  return p;
}

void progress_set_bar(RlProgress *p, bool bar)
{
  p->bar = bar && !p->quiet;
  p->colour = wants_colour(p->bar);
}

static void clear_bar(RlProgress *p)
{
  if (p->drawn)
    fputs("\r\033[K", p->out);
  p->drawn = false;
}

static void draw_bar(RlProgress *p)
{
  if (!p->bar)
    return;
  guint filled = p->total ? p->done * BAR_WIDTH / p->total : BAR_WIDTH;
  char cells[BAR_WIDTH + 1];
  for (guint i = 0; i < BAR_WIDTH; i++)
    cells[i] = i < filled ? '#' : '-';
  cells[BAR_WIDTH] = '\0';
  g_autofree char *head = g_strdup_printf("[%s] %u/%u ", cells, p->done, p->total);
  int room = LINE_WIDTH - (int)strlen(head);
  const char *item = p->current ? p->current : "";
  int len = (int)strlen(item);
  clear_bar(p);
  fprintf(p->out, "%s%s%s%s", p->colour ? "\033[1m" : "", head, p->colour ? "\033[0m" : "",
          len > room ? item + (len - room) : item);
  fflush(p->out);
  p->drawn = true;
}

void progress_start(RlProgress *p, const char *item)
{
  g_free(p->current);
  p->current = g_strdup(item);
  draw_bar(p);
}

void progress_item(RlProgress *p, const char *verb, const char *item, const char *why,
                   bool counted)
{
  bool failure = g_str_equal(verb, "failed");
  if (counted)
    p->done++;
  if (failure || (!p->quiet && !p->bar)) {
    clear_bar(p);
    fprintf(p->out, "%-8s %s%s%s%s\n", verb, item, why ? " (" : "", why ? why : "", why ? ")" : "");
  }
  draw_bar(p);
}

void progress_say(RlProgress *p, bool important, const char *fmt, ...)
{
  if (p->quiet && !important)
    return;
  clear_bar(p);
  va_list ap;
  va_start(ap, fmt);
  vfprintf(p->out, fmt, ap);
  va_end(ap);
  fputc('\n', p->out);
  draw_bar(p);
}

void progress_free(RlProgress *p)
{
  if (!p)
    return;
  clear_bar(p);
  fflush(p->out);
  g_free(p->current);
  g_free(p);
}
