#!/usr/bin/env bash
# bench/run.sh - how fast relais builds: wall time, CPU time, peak memory and pages per
# second for
#   1. a full build of the bundled data (data/),
#   2. a full build of a large synthetic set (bench/gen.py: 1,000 groups over every
#      network, four languages) with -j 1 and with -j 2,
#   3. a rebuild with nothing changed,
#   4. a rebuild after editing one group file, in the large set and in the bundled data
#      (the coordinator's edit: one group's time changed).
# Not a test: numbers depend on the machine. Prints a Markdown table for the README.
#
#   bench/run.sh [GROUPS]        (./build.sh bench builds relais first)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
relais=${RELAIS:-$top/build/src/relais}
groups=${1:-1000}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795000000} LC_ALL=C.UTF-8
[ -x "$relais" ] || { echo "bench: build relais first (./build.sh bench)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$top/bench/gen.py" "$work/big" --groups "$groups"

rows=()
# run LABEL DATA OUT [ARGS...]: one build, measured; a row for the table.
run() {
  local label=$1 data=$2 out=$3; shift 3
  sync # what earlier steps wrote (the synthetic set, outputs) is not flushed during this one
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
    "$relais" build -d "$data" -o "$out" --allow-findings "$@" 2>"$work/log" || true
  local wall user sys kb made pages
  read -r wall user sys kb < <(tail -n 1 "$work/time")
  made=$(sed -n 's/^relais: made \([0-9]*\) (\([0-9]*\) page.*/\1/p' "$work/log")
  pages=$(sed -n 's/^relais: made [0-9]* (\([0-9]*\) page.*/\1/p' "$work/log")
  local cpu rate cpu_rate
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')
  # (parentheses: in awk, `printf ..., a > b` would write to a file named b)
  rate=$(awk -v p="${pages:-0}" -v w="$wall" 'BEGIN {printf "%.1f", (w > 0 ? p / w : 0)}')
  cpu_rate=$(awk -v p="${pages:-0}" -v c="$cpu" 'BEGIN {printf "%.1f", (c > 0 ? p / c : 0)}')
  rows+=("| $label | ${made:-?} | ${pages:-?} | $wall | $cpu | $((kb / 1024)) | $rate | $cpu_rate |")
  echo "bench: $label: made ${made:-?}, ${pages:-?} pages, ${wall} s wall, ${cpu} s CPU, $((kb / 1024)) MB" >&2
}

# A copy of the bundled data (with its layouts and fonts), so that it can be edited.
mkdir -p "$work/bundled"
for d in data layouts fonts; do
  [ -d "$top/$d" ] && cp -r "$top/$d" "$work/bundled/"
done
run "bundled data, full build (-j $(nproc))" "$work/bundled/data" "$work/out-bundled"
run "bundled data, nothing changed" "$work/bundled/data" "$work/out-bundled"
run "$groups groups, full build, -j 1" "$work/big/data" "$work/out-j1" -j 1
run "$groups groups, full build, -j 2" "$work/big/data" "$work/out-j2" -j 2
run "$groups groups, nothing changed" "$work/big/data" "$work/out-j2" -j 2
big_edit=$work/big/data/groups/bench-0042.yaml
[ -f "$big_edit" ] || big_edit=$(ls "$work/big/data/groups/"*.yaml | head -n 1) # GROUPS < 43
sed -i 's/^  time: .*/  time: "10:15-11:45"/' "$big_edit"
run "$groups groups, one group edited" "$work/big/data" "$work/out-j2" -j 2
edit=$(grep -l '^  time: ' "$work/bundled/data/groups/"*.yaml | head -n 1)
sed -i 's/^  time: .*/  time: "10:15-11:45"/' "$edit"
run "bundled data, one group edited ($(basename "$edit" .yaml))" "$work/bundled/data" "$work/out-bundled"

echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "| build | outputs made | pages made | wall s | CPU s | peak MB | pages/s (wall) | pages per CPU s |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
