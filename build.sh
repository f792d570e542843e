#!/usr/bin/env bash
# build.sh - one command for everything, on a fresh Debian/Ubuntu machine.
#
#   ./build.sh            install what is missing, build, generate output/ from data/
#   ./build.sh test       the same set-up, then every test (normal and ASan/UBSan builds,
#                         the kiosk in a real browser)
#   ./build.sh fuzz [S]   run each libFuzzer target for S seconds (default 60)
#   ./build.sh bench      run the benchmarks in bench/
set -euo pipefail
cd "$(dirname "$0")"
top=$PWD

# Debian packages relais needs to build, test and look at its outputs.
packages=(
  gcc clang libclang-rt-14-dev pkg-config meson ninja-build python3
  libglib2.0-dev libcairo2-dev libpango1.0-dev librsvg2-dev libyaml-dev libqrencode-dev
  libjson-glib-dev libfontconfig-dev libqpdf-dev libpng-dev libdeflate-dev nettle-dev
  fonts-tiresias fonts-sil-andika fonts-dejavu-core fonts-noto-color-emoji fonts-symbola
  poppler-utils qpdf zbar-tools mupdf-tools ghostscript valgrind time
  chromium nodejs npm
)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  # node and npm may come from elsewhere (nodesource, nvm): accept working commands.
  if command -v node >/dev/null && command -v npm >/dev/null; then
    local keep=()
    for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || keep+=("$p"); done
    missing=("${keep[@]+"${keep[@]}"}")
  fi
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# configure DIR [meson options...]: set up a build folder once, reconfigure when asked.
configure() {
  local dir=$1; shift
  if [ -f "$dir/build.ninja" ]; then
    return 0
  fi
  meson setup "$dir" "$@" >/dev/null
}

build_main() {
  configure build
  ninja -C build >&2
}

generate() {
  say "generating output/ from data/"
  ./build/src/relais build -d data -o output
}

node_deps() {
  if [ ! -d tests/kiosk/node_modules/playwright-core ]; then
    say "installing playwright-core (npm) for the kiosk browser test"
    (cd tests/kiosk && npm ci --no-audit --no-fund --silent)
  fi
}

run_tests() {
  node_deps
  say "tests (normal build)"
  meson test -C build --print-errorlogs
  say "tests (ASan/UBSan build)"
  configure build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
  ninja -C build-asan >&2
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  LSAN_OPTIONS=suppressions=$top/tests/lsan.supp:print_suppressions=0 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    meson test -C build-asan --print-errorlogs --no-suite browser --no-suite valgrind --no-suite preload
  summary build/meson-logs/testlog.json build-asan/meson-logs/testlog.json
}

# summary LOG...: one closing line over meson's JSON test logs ("N passed, N failed").
summary() {
  python3 - "$@" <<'PY'
import json, sys
passed = failed = skipped = 0
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        result = json.loads(line)["result"]
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
}

install_missing
case "${1:-}" in
  "")    build_main; generate ;;
  test)  build_main; run_tests ;;
  fuzz)  exec tests/fuzz/run.sh "${2:-60}" ;;
  bench) build_main; exec bench/run.sh ;;
  *)     echo "usage: ./build.sh [test|fuzz [seconds]|bench]" >&2; exit 2 ;;
esac
