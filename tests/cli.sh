#!/usr/bin/env bash
# cli.sh - the command line's contract: help, version, usage errors and exit codes.
set -u
. "$SRCDIR/tests/lib.sh"

expect_exit 0 "$RELAIS" --help
expect_exit 0 "$RELAIS" --version
expect_out "relais 0" "$RELAIS" --version
expect_exit 2 "$RELAIS"
expect_exit 2 "$RELAIS" frobnicate
expect_err "relais: unknown command 'frobnicate'" "$RELAIS" frobnicate
expect_exit 2 "$RELAIS" build --no-such-option
expect_exit 2 "$RELAIS" build --lang xx -d "$SRCDIR/data"
expect_err "relais: unknown language 'xx' in --lang (use fr, nl, de or en)" "$RELAIS" build --lang xx
expect_exit 1 "$RELAIS" check -d /nonexistent-data-folder
finish
