#!/usr/bin/env bash
# hostile.sh - the hostile-input table of issue 7 (tests/hostile/cases) and output safety.
#
# Every case runs under `timeout 20`, with its peak memory measured (at most 200 MB) and,
# outside ASan, an address-space cap of 1 GB. See tests/hostile/cases for the outcomes.
# Output safety: a full disk (RLIMIT_FSIZE), an output folder that cannot be made, and a
# data folder relais must never write into. A case that cannot run yet prints a SKIP
# with its reason.
#
#   tests/hostile.sh [RENDER_SAMPLE] [--update]
# RENDER_SAMPLE (tests/render-sample) renders the `render` cases while `relais build`
# writes no files yet. --update rewrites expected.txt / findings.txt of tests/hostile/
# cases from what relais prints now (never the tests/bad/ ones); read the diff.
set -u
SRCDIR=${SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
RELAIS=${RELAIS:-$SRCDIR/build/src/relais}
. "$SRCDIR/tests/lib.sh"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795000000} LC_ALL=C.UTF-8
render_sample= update=
for a in "$@"; do
  case $a in --update) update=1 ;; *) render_sample=$(realpath "$a") ;; esac
done
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

max_kb=204800 # 200 MB
asan=0
ldd "$RELAIS" 2>/dev/null | grep -q libasan && asan=1

skip() { pass=$((pass + 1)); echo "ok $((pass + fail)) - # SKIP $1"; }

# bounded DIR ERR CMD...: runs CMD in DIR with stdout discarded and stderr in ERR, under
# timeout 20 and (outside ASan) a 1 GB address-space cap; sets rc, secs and kb.
bounded() {
  local dir=$1 err=$2; shift 2
  local cap=()
  [ "$asan" = 0 ] && cap=(prlimit --as=1073741824)
  (cd "$dir" && exec /usr/bin/time -f '%e %M' -o "$tmp/time" timeout 20 "${cap[@]}" "$@") \
    >/dev/null 2>"$err"
  rc=$?
  read -r secs kb < <(tail -n 1 "$tmp/time")
}

# check_bounds LABEL: the last bounded run did not time out and stayed under 200 MB.
check_bounds() {
  check "$1: finished within 20 s (${secs} s)" test "$rc" != 124
  if [ "$asan" = 1 ]; then
    skip "$1: memory not measured under ASan (shadow memory)"
  else
    check "$1: peak memory ${kb} KB <= $max_kb KB" test "$kb" -le "$max_kb"
  fi
}

# same_file LABEL EXPECTED GOT: the two files are equal (diff shown when not).
same_file() {
  local d
  d=$(diff -u "$2" "$3" 2>&1)
  if [ -z "$d" ]; then ok "$1"; else not_ok "$1" "$d"; fi
}

# tree_list DIR: every file under DIR with its checksum, sorted (but the no-change stamp,
# a cache that a build which changes outputs removes first).
tree_list() { (cd "$1" && find . -type f ! -name .relais.stamp ! -name .map-checked -exec sha256sum {} + | sort -k 2); }

# ---- what is on main: renderers, and whether `relais build` writes files ----------------
outputs=$("$RELAIS" --help | sed -n 's/^Outputs (for --only)://p')
has_outputs() {
  local k
  for k in ${1//,/ }; do
    [ "$k" = - ] && continue
    case " $outputs " in *" $k "*) ;; *) return 1 ;; esac
  done
}
good=$tmp/good
"$RELAIS" build -q -d "$SRCDIR/tests/data-min" -o "$good" >/dev/null 2>&1
pipeline=0
[ -n "$(find "$good" -type f 2>/dev/null | head -n 1)" ] && pipeline=1
no_pipeline="relais build writes no files yet (the pipeline is not on main)"

# prepare NAME INPUT: the case's working folder in $w, its definition folder in $def.
prepare() {
  w=$tmp/case/$1
  def=$SRCDIR/tests/$2
  mkdir -p "$tmp/case"
  case $2 in
    bad/*) cp -a "$def" "$w"; [ -f "$w/setup.sh" ] && (cd "$w" && sh ./setup.sh) ;;
    hostile/*) mkdir -p "$w" && cp -a "$SRCDIR/tests/data-min" "$w/data" &&
               (cd "$w" && HOSTILE=$SRCDIR/tests/hostile sh "$def/setup.sh") ;;
  esac
}

# build_keeps NAME: `relais build` of the case into a copy of a good output folder exits
# with the expected status, prints the expected diagnostics, and changes nothing.
build_keeps() {
  if [ "$pipeline" = 0 ]; then skip "$1: build leaves outputs intact: $no_pipeline"; return; fi
  local out=$tmp/out-$1 want_rc=1
  [ -f "$def/build-exit" ] && want_rc=$(cat "$def/build-exit")
  cp -a "$good" "$out"
  bounded "$w" "$w/build.err" "$RELAIS" build -q -d data -o "$out"
  check "$1: build exits $want_rc (got $rc)" test "$rc" = "$want_rc"
  if [ -f "$def/build-expected.txt" ]; then # lines among others (parallel workers' order)
    local missing
    missing=$(grep -vxF -f "$w/build.err" "$def/build-expected.txt")
    if [ -z "$missing" ]; then ok "$1: build prints every line of build-expected.txt"
    else not_ok "$1: build prints every line of build-expected.txt" "missing: $missing"; fi
  else
    sed '$d' "$def/expected.txt" > "$w/build.want"
    same_file "$1: build prints the diagnostics" "$w/build.want" "$w/build.err"
  fi
  same_file "$1: previous outputs byte-identical, nothing added" <(tree_list "$good") <(tree_list "$out")
}

case_reject() {
  bounded "$w" "$w/check.err" "$RELAIS" check -d data
  [ -n "$update" ] && [[ $def == */hostile/* ]] && cp "$w/check.err" "$def/expected.txt"
  check "$1: check exits 1 (got $rc)" test "$rc" = 1
  same_file "$1: check prints exactly expected.txt" "$def/expected.txt" "$w/check.err"
  check_bounds "$1: check"
  build_keeps "$1"
}

case_finding() {
  bounded "$w" "$w/check.err" "$RELAIS" check -d data
  [ -n "$update" ] && grep -F '(flyer/hostile-fr.pdf' "$w/check.err" > "$def/findings.txt"
  check "$1: check exits 1 (got $rc)" test "$rc" = 1
  local missing
  missing=$(grep -vxF -f "$w/check.err" "$def/findings.txt")
  if [ -z "$missing" ]; then ok "$1: every line of findings.txt printed"
  else not_ok "$1: every line of findings.txt printed" "missing: $missing"; fi
  check_bounds "$1: check"
  if [ "$pipeline" = 0 ]; then skip "$1: build replaces no output: $no_pipeline"; return; fi
  local out=$tmp/out-$1
  cp -a "$good" "$out"
  bounded "$w" "$w/build.err" "$RELAIS" build -q -d data -o "$out"
  check "$1: build exits 1 (got $rc)" test "$rc" = 1
  check_bounds "$1: build"
  # Every output a finding names keeps its previous bytes (or stays absent).
  local named f bad=
  named=$(grep -o '([a-z]*/[^ ,]*\.pdf, page' "$w/check.err" | sed 's/^(//; s/, page$//' | sort -u)
  for f in $named; do
    if [ -f "$good/$f" ]; then cmp -s "$good/$f" "$out/$f" || bad="$bad $f"
    else [ ! -e "$out/$f" ] || bad="$bad $f"; fi
  done
  check "$1: no output replaced by a broken one ($(wc -w <<<"$named") named)" test -z "$bad"
  check "$1: no temporary file left" test -z "$(cd "$out" && find . -name '*.tmp*' -o -name '.#*' -o -name '*~')"
}

# render_into NAME OUT: renders the case with relais build, else render-sample.
render_into() {
  if [ "$pipeline" = 1 ]; then bounded "$w" "$w/render.err" "$RELAIS" build -q -d data -o "$2"
  else bounded "$w" "$w/render.err" "$render_sample" "$2" --data data; fi
  check "$1: renders (exit 0, got $rc)" test "$rc" = 0
  check_bounds "$1: render"
}

case_render() {
  bounded "$w" "$w/check.err" "$RELAIS" check -d data
  [ -n "$update" ] && cp "$w/check.err" "$def/expected.txt"
  check "$1: check exits 0 (got $rc)" test "$rc" = 0
  same_file "$1: check prints exactly expected.txt" "$def/expected.txt" "$w/check.err"
  check_bounds "$1: check"
  if [ "$pipeline" = 0 ] && [ -z "$render_sample" ]; then
    skip "$1: rendering: $no_pipeline and no render-sample given"; return
  fi
  render_into "$1" "$w/out"
  local file text got
  while IFS=$'\t' read -r file text; do
    got=$(pdftotext "$w/out/$file" - 2>&1 | tr -s ' \n' ' ')
    case "$got" in
      *"$text"*) ok "$1: $file shows '$text'" ;;
      *) not_ok "$1: $file shows '$text'" "$got" ;;
    esac
  done < "$def/text.txt"
}

while read -r name outcome input needs; do
  case $name in ''|'#'*) continue ;; esac
  if [ "$outcome" = skip ]; then skip "$name: $input $needs"; continue; fi
  if ! has_outputs "$needs"; then skip "$name: needs the $needs renderer(s), not on main yet"; continue; fi
  prepare "$name" "$input"
  "case_$outcome" "$name"
done < "$SRCDIR/tests/hostile/cases"

# ---- output safety -------------------------------------------------------------------

if [ "$pipeline" = 0 ]; then
  skip "disk full: $no_pipeline"
  skip "unwritable output folder: $no_pipeline"
else
  # A full disk: no file may grow over 16 KB (every PDF is larger); the build fails with exit 3, the previous
  # outputs stay as they were and no temporary file is left beside them.
  out=$tmp/out-full
  cp -a "$good" "$out"
  w=$tmp
  bounded "$tmp" "$tmp/full.err" prlimit --fsize=16384 "$RELAIS" build -q --force \
    -d "$SRCDIR/tests/data-min" -o "$out"
  check "disk full: exit 3 (got $rc)" test "$rc" = 3
  check "disk full: says so" grep -qi "file too large\|no space\|cannot write" "$tmp/full.err"
  same_file "disk full: previous outputs byte-identical, no temporary file left" \
    <(tree_list "$good") <(tree_list "$out")
  # The output folder cannot be made: its parent is a regular file (works as root too,
  # where chmod 555 would not stop anything).
  : > "$tmp/not-a-folder"
  bounded "$tmp" "$tmp/unwritable.err" "$RELAIS" build -q -d "$SRCDIR/tests/data-min" \
    -o "$tmp/not-a-folder/out"
  check "unwritable output folder: exit 3 (got $rc)" test "$rc" = 3
  check "unwritable output folder: the message names it" grep -q "not-a-folder/out" "$tmp/unwritable.err"
fi
# relais never writes into the data folder: made read-only (which binds only non-root
# users) and compared file by file, hidden files included, before and after a build.
ro=$tmp/ro
cp -a "$SRCDIR/tests/data-min" "$ro"
chmod -R a-w "$ro"
before=$(cd "$ro" && find . -exec ls -ld --time-style=+%s.%N {} + | sort -k 7; tree_list .)
bounded "$tmp" "$tmp/ro.err" "$RELAIS" build -q -d "$ro" -o "$tmp/out-ro"
check "read-only data folder: build exits 0 (got $rc)" test "$rc" = 0
after=$(cd "$ro" && find . -exec ls -ld --time-style=+%s.%N {} + | sort -k 7; tree_list .)
check "read-only data folder: nothing in it changed or appeared" test "$before" = "$after"
if [ "$(id -u)" = 0 ]; then
  skip "read-only data folder enforced by permissions: running as root, which ignores them (the comparison above still holds)"
fi
finish
