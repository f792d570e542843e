/* identity.h - which relais made an output: its version and the build ID the linker
 * wrote into this executable (a hash of its code). Every output's key includes it, so
 * that a new or rebuilt relais makes every output again, even under the same version.
 */
#pragma once

/* "relais VERSION build HEX" (HEX: the ELF build ID, or "none" when the executable has
 * none). Computed once; the string is static (do not free). Thread-safe. */
const char *identity_get(void);
