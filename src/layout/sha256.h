/* sha256.h - SHA-256 of a buffer as lowercase hex, fast.
 *
 * GLib's GChecksum computes SHA-256 in portable C (~220 MB/s here): hashing the kiosk's
 * PNGs (the slide cache records each one's SHA-256) was ~5 % of the kiosk's CPU.
 * nettle's implementation uses the CPU's SHA instructions where there are some (~7x
 * faster) and gives the same digest, so the hex strings are those GLib gives. */
#pragma once

#include <glib.h>

/* The SHA-256 of the len bytes at data as 64 lowercase hex digits, as
 * g_compute_checksum_for_data(G_CHECKSUM_SHA256, ...) gives it. Returns a new string
 * (g_free). Cannot fail. */
char *sha256_hex(const guint8 *data, gsize len);
