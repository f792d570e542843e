/* value.c - checks and parsers of single values (dates, times, phones, addresses…). */
#include "value.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Reads exactly n ASCII digits at s into *out. */
static bool digits(const char *s, int n, int *out)
{
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (!g_ascii_isdigit(s[i]))
      return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

bool value_date(const char *s, GDate *out)
{
  int y, m, d;
  if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
    return false;
  if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
    return false;
  if (y < 1900 || m < 1 || m > 12 || d < 1 || !g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y))
    return false;
  g_date_clear(out, 1);
  g_date_set_dmy(out, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
  return true;
}

/* Parses H:MM or HH:MM at *s, advancing it. */
static bool clock_at(const char **s, int *minutes)
{
  int h, m;
  const char *p = *s;
  if (!g_ascii_isdigit(p[0]))
    return false;
  int hl = g_ascii_isdigit(p[1]) ? 2 : 1;
  if (!digits(p, hl, &h) || p[hl] != ':' || !digits(p + hl + 1, 2, &m))
    return false;
  if (g_ascii_isdigit(p[hl + 3]) || h > 23 || m > 59)
    return false;
  *minutes = h * 60 + m;
  *s = p + hl + 3;
  return true;
}

bool value_clock(const char *s, int *minutes)
{
  return s && clock_at(&s, minutes) && *s == '\0';
}

static const char *skip_spaces(const char *s)
{
  while (*s == ' ')
    s++;
  return s;
}

bool value_time_range(const char *s, int *start, int *end)
{
  if (!s)
    return false;
  s = skip_spaces(s);
  if (!clock_at(&s, start))
    return false;
  s = skip_spaces(s);
  *end = -1;
  if (*s == '\0')
    return true;
  if (*s == '-')
    s++;
  else if (g_str_has_prefix(s, "\u2013"))
    s += strlen("\u2013");
  else
    return false;
  s = skip_spaces(s);
  if (!clock_at(&s, end) || *skip_spaces(s) != '\0')
    return false;
  return *end > *start;
}

bool value_phone(const char *s)
{
  int n = 0;
  if (!s || !*s)
    return false;
  for (const char *p = s; *p; p++) {
    if (g_ascii_isdigit(*p))
      n++;
    else if (*p == '+' && p != s)
      return false;
    else if (!strchr("+ /.()-", *p))
      return false;
  }
  return n >= 8 && n <= 15;
}

bool value_email(const char *s)
{
  if (!s)
    return false;
  const char *at = strchr(s, '@');
  if (!at || at == s || strchr(at + 1, '@'))
    return false;
  for (const char *p = s; *p; p++)
    if ((unsigned char)*p <= ' ' || strchr("<>()[]\\,;:\"", *p))
      return false;
  const char *dot = strrchr(at + 1, '.');
  return dot && dot > at + 1 && dot[1] != '\0' && !strstr(at, "..");
}

bool value_web_url(const char *s)
{
  if (!s)
    return false;
  const char *host;
  if (g_ascii_strncasecmp(s, "https://", 8) == 0)
    host = s + 8;
  else if (g_ascii_strncasecmp(s, "http://", 7) == 0)
    host = s + 7;
  else
    return false;
  if (!*host || strchr("/?#:@.", *host))
    return false;
  for (const char *p = s; *p; p++)
    if ((unsigned char)*p <= ' ' || *p == 0x7f || strchr("<>\"\\`", *p))
      return false;
  return true;
}

bool value_dangerous_scheme(const char *s)
{
  static const char *const schemes[] = {"javascript:", "data:", "vbscript:", "file:"};
  if (!s)
    return false;
  s = skip_spaces(s);
  for (size_t i = 0; i < G_N_ELEMENTS(schemes); i++)
    if (g_ascii_strncasecmp(s, schemes[i], strlen(schemes[i])) == 0)
      return true;
  return false;
}

bool value_colour(const char *s, RlColour *out)
{
  if (!s || strlen(s) != 7 || s[0] != '#')
    return false;
  int v[3];
  for (int i = 0; i < 3; i++) {
    int hi = g_ascii_xdigit_value(s[1 + 2 * i]), lo = g_ascii_xdigit_value(s[2 + 2 * i]);
    if (hi < 0 || lo < 0)
      return false;
    v[i] = hi * 16 + lo;
  }
  *out = (RlColour){v[0] / 255.0, v[1] / 255.0, v[2] / 255.0};
  return true;
}

bool value_id(const char *s)
{
  if (!s || !*s || s[0] == '-' || s[strlen(s) - 1] == '-')
    return false;
  for (const char *p = s; *p; p++)
    if (!(g_ascii_islower(*p) || g_ascii_isdigit(*p) || *p == '-'))
      return false;
  return true;
}

bool value_number(const char *s, double *out)
{
  if (!s || !*s)
    return false;
  for (const char *p = s; *p; p++)
    if (!(g_ascii_isdigit(*p) || strchr("+-.eE", *p)))
      return false;
  char *end = NULL;
  errno = 0;
  double v = g_ascii_strtod(s, &end);
  if (errno || *end || !isfinite(v))
    return false;
  *out = v;
  return true;
}

bool value_int(const char *s, int *out)
{
  if (!s || !*s)
    return false;
  char *end = NULL;
  errno = 0;
  gint64 v = g_ascii_strtoll(s, &end, 10);
  if (errno || *end || v < INT_MIN || v > INT_MAX || g_ascii_isspace(*s))
    return false;
  *out = (int)v;
  return true;
}

bool value_nis(const char *s)
{
  int v;
  return s && strlen(s) == 5 && digits(s, 5, &v);
}

guint value_word_count(const char *s)
{
  guint n = 0;
  bool in_word = false;
  for (const char *p = s; p && *p; p++) {
    bool space = g_ascii_isspace(*p);
    n += !space && !in_word;
    in_word = !space;
  }
  return n;
}

static double channel(double c)
{
  return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(RlColour c)
{
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double value_contrast(RlColour a, RlColour b)
{
  double la = luminance(a), lb = luminance(b);
  return (MAX(la, lb) + 0.05) / (MIN(la, lb) + 0.05);
}

/* True when `path` is `dir` or lies under it (both canonical). */
static bool is_under(const char *path, const char *dir)
{
  size_t n = strlen(dir);
  return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0' || dir[n - 1] == '/');
}

char *value_data_path(const char *data_dir, const char *base_dir, const char *rel,
                      const char **why)
{
  if (g_path_is_absolute(rel)) {
    *why = "an absolute path is not allowed";
    return NULL;
  }
  g_auto(GStrv) parts = g_strsplit_set(rel, "/\\", -1);
  for (int i = 0; parts[i]; i++)
    if (strcmp(parts[i], "..") == 0) {
      *why = "'..' is not allowed";
      return NULL;
    }
  char *path = g_build_filename(base_dir, rel, NULL);
  g_autofree char *real = realpath(path, NULL);
  g_autofree char *root = realpath(data_dir, NULL);
  *why = !real ? "it does not exist"
       : !root || !is_under(real, root) ? "it leads outside the data folder"
       : NULL;
  if (*why)
    g_clear_pointer(&path, g_free);
  return path;
}
