/* value.h - the checks and parsers of single values written in the data: dates, times,
 * phone numbers, e-mail and web addresses, colours, ids, numbers, data-folder paths.
 *
 * Pure functions on strings; they know no YAML and no key names. Each returns true when
 * the value is good; a false return says nothing more (the caller writes the message).
 */
#pragma once

#include <glib.h>
#include <stdbool.h>

#include "model.h"

/* "2026-02-28" → date; a real calendar date with a four-digit year. */
bool value_date(const char *s, GDate *out);
/* "14:00" → 840; 00:00 to 23:59, one or two digit hours, two digit minutes. */
bool value_clock(const char *s, int *minutes);
/* "14:00" or "14:00-16:00" (spaces and an en dash allowed) → start, end (-1 if none).
 * The end must be after the start. */
bool value_time_range(const char *s, int *start, int *end);
/* Digits, spaces, '/', '.', '(', ')', '-' and a leading '+'; 8 to 15 digits. */
bool value_phone(const char *s);
/* local@domain.tld without spaces; one '@'. */
bool value_email(const char *s);
/* An http:// or https:// address with a host and no spaces or control characters. */
bool value_web_url(const char *s);
/* True when s starts with a URL scheme that must never become a link
 * (javascript:, data:, vbscript:, file:). */
bool value_dangerous_scheme(const char *s);
/* "#rrggbb" → colour. */
bool value_colour(const char *s, RlColour *out);
/* [a-z0-9-]+, not starting or ending with '-'. */
bool value_id(const char *s);
/* A whole decimal number ("12", "-1.5"); no hex, no inf/nan. */
bool value_number(const char *s, double *out);
/* A whole integer in [INT_MIN, INT_MAX]. */
bool value_int(const char *s, int *out);
/* Five digits (a Statbel NIS code). */
bool value_nis(const char *s);
/* Number of words (runs of non-space characters). */
guint value_word_count(const char *s);
/* WCAG 2 contrast ratio of two colours, 1 to 21. */
double value_contrast(RlColour a, RlColour b);

/* Where `rel` (a path written in a file under data_dir, relative to `base_dir`, itself
 * inside data_dir) leads. Returns the path to open (new string) or NULL with *why set to
 * a static reason: "an absolute path is not allowed", "'..' is not allowed",
 * "it does not exist", "it leads outside the data folder" (a symlink). */
char *value_data_path(const char *data_dir, const char *base_dir, const char *rel,
                      const char **why);
