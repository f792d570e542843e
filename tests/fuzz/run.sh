#!/usr/bin/env bash
# run.sh SECONDS - runs every libFuzzer target for SECONDS each (./build.sh fuzz SECONDS).
#
# Builds build-fuzz/ with clang, libFuzzer and ASan/UBSan, then fuzzes each target from
# its seeds (tests/fuzz/seeds/TARGET, kept regressions, the bundled data). New interesting
# inputs collect in build-fuzz/corpus/TARGET (not committed). A crash, leak or timeout
# stops with exit 1 and leaves the input in build-fuzz/findings/: copy it to
# tests/fuzz/crashes/TARGET/ with a name saying what it broke, fix the bug, and the
# normal test run replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
if [ ! -f build-fuzz/build.ninja ]; then
  CC=clang meson setup build-fuzz -Dfuzz=true -Db_sanitize=address,undefined \
    -Db_lundef=false -Dbuildtype=debugoptimized >/dev/null
fi
ninja -C build-fuzz tests/fuzz/fuzz-load tests/fuzz/fuzz-map tests/fuzz/fuzz-text >&2

export ASAN_OPTIONS=detect_leaks=1
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
mkdir -p build-fuzz/findings
status=0
run() {
  local target=$1; shift
  local corpus=build-fuzz/corpus/$target
  mkdir -p "$corpus"
  echo "==> fuzzing $target for ${seconds}s" >&2
  if ! build-fuzz/tests/fuzz/$target -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix=build-fuzz/findings/$target- \
      "$corpus" "$@" 2> "build-fuzz/$target.log"; then
    echo "FINDING in $target: see build-fuzz/$target.log and build-fuzz/findings/" >&2
    tail -30 "build-fuzz/$target.log" >&2
    status=1
  else
    grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "build-fuzz/$target.log" >&2 || true
  fi
}
run fuzz-load tests/fuzz/seeds/load tests/fuzz/crashes/load data/groups tests/data-min/groups
run fuzz-map tests/fuzz/seeds/map tests/fuzz/crashes/map
run fuzz-text tests/fuzz/seeds/text tests/fuzz/crashes/text data/texts
exit $status
