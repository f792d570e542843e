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

# --lang picks among the outputs a full build makes: the French flyers are exactly the
# "-fr" ones of a build in every language (no French flyer for a group held in Dutch),
# and the bundled data builds cleanly in one language.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$RELAIS" build -q -d "$SRCDIR/data" -o "$tmp/all" --only flyer 2>"$tmp/all.err"
"$RELAIS" build -q -d "$SRCDIR/data" -o "$tmp/fr" --only flyer --lang fr 2>"$tmp/fr.err"
check "--lang fr --only flyer: exit 0, no finding ($(head -c 300 "$tmp/fr.err"))" \
  test $? = 0 -a ! -s "$tmp/fr.err"
(cd "$tmp/all/flyer" && ls -- *-fr.pdf) >"$tmp/want"
(cd "$tmp/fr/flyer" && ls -- *.pdf) >"$tmp/got"
check "--lang fr makes the -fr flyers of a full build ($(wc -l <"$tmp/want") of them)" \
  cmp -s "$tmp/want" "$tmp/got"
finish
