#!/usr/bin/env bash
# bad.sh - the bad-input corpus. Each tests/bad/<case>/ holds a data folder with one kind
# of mistake (data/, and layouts/ when the mistake is in a layout) and expected.txt: the
# exact stderr of `relais check -d data` run in the case folder (every diagnostic, then
# the summary line). A case may have setup.sh to make what is too big to commit. Each
# case must exit 1 (never a crash, never a hang) and print exactly what is expected.
# Then the bundled data/ and tests/data-min/ must check clean.
#
#   tests/bad.sh            run (meson test does, with RELAIS and SRCDIR set)
#   tests/bad.sh --update   rewrite every expected.txt from what relais prints now;
#                           read the diff before committing it
set -u
SRCDIR=${SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
RELAIS=${RELAIS:-$SRCDIR/build/src/relais}
. "$SRCDIR/tests/lib.sh"
export SOURCE_DATE_EPOCH=1795000000 LC_ALL=C.UTF-8
update=${1:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for dir in "$SRCDIR"/tests/bad/*/; do
  name=$(basename "$dir")
  work="$tmp/$name"
  cp -a "$dir" "$work"
  [ -f "$work/setup.sh" ] && (cd "$work" && sh ./setup.sh)
  got=$(cd "$work" && timeout 20 "$RELAIS" check -d data 2>&1 >/dev/null)
  rc=$?
  if [ "$update" = --update ]; then
    printf '%s\n' "$got" > "$dir/expected.txt"
  fi
  if [ "$rc" = 1 ]; then ok "$name: exit 1"; else not_ok "$name: exit 1" "got $rc"; fi
  d=$(printf '%s\n' "$got" | diff -u "$dir/expected.txt" - 2>&1)
  if [ -z "$d" ]; then ok "$name: stderr as expected"; else not_ok "$name: stderr as expected" "$d"; fi
done

# clean_check DIR LABEL: relais check exits 0 with no error and no warning.
clean_check() {
  local got rc
  got=$("$RELAIS" check -d "$1" 2>&1 >/dev/null)
  rc=$?
  if [ "$rc" = 0 ]; then ok "$2: exit 0"; else not_ok "$2: exit 0" "got $rc: $got"; fi
  case "$got" in
    *": 0 errors, 0 warnings") ok "$2: no errors, no warnings" ;;
    *) not_ok "$2: no errors, no warnings" "$got" ;;
  esac
}

clean_check "$SRCDIR/tests/data-min" "tests/data-min"
if [ -f "$SRCDIR/data/site.yaml" ]; then
  clean_check "$SRCDIR/data" "data"
else
  echo "# skipped: no bundled data/ yet"
fi
finish
