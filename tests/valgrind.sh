#!/usr/bin/env bash
# valgrind.sh - a full `relais build` of tests/data-min (every output kind, every
# language) under valgrind memcheck: no memory error and no definite leak, with
# suppressions only for library allocations kept by design (tests/valgrind.supp, each
# explained). Then the fuzz-text regressions (invalid UTF-8 reaching the text API)
# under memcheck too: glib and pango are not instrumented by ASan, so an over-read
# inside them is only seen here.
#   tests/valgrind.sh [FUZZ_TEXT_REPLAY]
# The bundled data/ takes too long under valgrind for every test run; tests/data-min
# exercises the same code paths. Suite 'valgrind' (not run in the ASan build).
. "$SRCDIR/tests/lib.sh"
replay=${1:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export G_SLICE=always-malloc G_DEBUG=gc-friendly,fatal-criticals

if ! command -v valgrind >/dev/null; then
  echo "ok 1 - # SKIP valgrind is not installed (build.sh installs it)"
  finish
  exit
fi
vg=(valgrind --tool=memcheck --leak-check=full --errors-for-leak-kinds=definite
    --error-exitcode=99 --num-callers=40 --suppressions="$SRCDIR/tests/valgrind.supp")

# memcheck LABEL LOG CMD...: runs CMD under memcheck; checks exit status and summary.
# Extra valgrind options may come first in $vg_extra.
memcheck() {
  local label=$1 log=$2; shift 2
  "${vg[@]}" ${vg_extra:-} --log-file="$log" "$@" >/dev/null 2>"$log.stderr"
  local rc=$?
  local errors lost
  errors=$(sed -n 's/.*ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' "$log" | tail -n 1)
  lost=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tail -n 1)
  echo "# $label: ${errors:-?} errors, ${lost:-no} bytes definitely lost (after suppressions)"
  if [ "$rc" = 0 ]; then ok "$label: exit 0 under memcheck"
  else not_ok "$label: exit 0 under memcheck (got $rc)" "$(grep -v '^==[0-9]*== *$' "$log" | tail -n 60; cat "$log.stderr")"; fi
  check "$label: no memory errors" test "${errors:-1}" = 0
  [[ ${vg_extra:-} == *leak-check=no* ]] || check "$label: no definite leaks" test "${lost:-0}" = 0
}

start=$(date +%s)
memcheck "relais build tests/data-min" "$tmp/build.log" \
  "$RELAIS" build -q -d "$SRCDIR/tests/data-min" -o "$tmp/out"
n=$(find "$tmp/out" -name '*.pdf' | wc -l)
check "the build under memcheck made its outputs ($n PDFs)" test "$n" -gt 10
echo "# build under memcheck: $(( $(date +%s) - start )) s"

if [ -n "$replay" ]; then
  # Memory errors only: the fuzz target keeps its font set for the life of the process
  # (libFuzzer never returns), so pango's font-loading thread still holds blocks at exit.
  vg_extra="--leak-check=no" memcheck "fuzz-text regressions" "$tmp/replay.log" \
    "$replay" "$SRCDIR/tests/fuzz/crashes/text"
else
  echo "ok $((pass + fail + 1)) - # SKIP fuzz-text replay not given"; pass=$((pass + 1))
fi
finish
