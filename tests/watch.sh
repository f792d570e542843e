#!/usr/bin/env bash
# watch.sh - `relais watch` on a copy of the bundled data: an edit saved by rename-over
# and one saved by truncate+write each rebuild the group's flyer; invalid YAML prints
# the error and keeps the last good outputs; fixing it recovers; SIGINT ends it with 0.
set -u
. "$SRCDIR/tests/lib.sh"

tmp=$(mktemp -d)
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
cp -r "$SRCDIR/data" "$SRCDIR/layouts" "$SRCDIR/fonts" "$tmp/"
group=anderlecht-praatgroep
file="$tmp/data/groups/$group.yaml"
flyer="$tmp/out/flyer/$group-nl.pdf"
log="$tmp/watch.log"
: > "$log" # exists before watch starts: the redirection below happens in the child, later

"$RELAIS" watch -d "$tmp/data" -o "$tmp/out" --only flyer -j 2 2>"$log" &
pid=$!

# wait_for TEXT [SECONDS]: until the log has a line containing TEXT (fixed string).
wait_for() {
  local n=$(( ${2:-120} * 10 ))
  while [ $n -gt 0 ]; do
    grep -qF -- "$1" "$log" && return 0
    sleep 0.1; n=$((n - 1))
  done
  return 1
}
rounds() { grep -c '^relais: made \|^relais watch: the data has' "$log" 2>/dev/null || true; }
wait_round() { # wait_round N: until N builds or refusals have been logged
  local n=1200
  while [ $n -gt 0 ] && [ "$(rounds)" -lt "$1" ]; do sleep 0.1; n=$((n - 1)); done
  [ "$(rounds)" -ge "$1" ]
}

# settle: until no new round has started for 1.5 s (one save may come as several events).
settle() {
  local last=-1 now
  while now=$(wc -l < "$log"); [ "$now" != "$last" ]; do last=$now; sleep 1.5; done
}

check "first build made the flyer" wait_round 1
settle
check "the flyer exists" [ -s "$flyer" ]
check "watch says what it watches" grep -q "^relais watch: watching $tmp/data" "$log"

# 1. save by rename-over (sed -i writes a new file and renames it)
mark=$(wc -l < "$log")
before=$(rounds)
sed -i 's/^name: .*/name: Praatgroep Kuregem Watchtest/' "$file"
wait_round $((before + 1)); settle
check "rename-over: rebuilt with the reason" wait_for "made     flyer/$group-nl.pdf (inputs changed: group $group)" 1
check "rename-over: the flyer shows the new name" sh -c "pdftotext '$flyer' - | grep -q 'Watchtest'"
made=$(tail -n +$((mark + 1)) "$log" | grep -c '^made ')
check "rename-over: only that flyer was made again (made $made)" [ "$made" = 1 ]

# 2. save by truncate and write in place
before=$(rounds)
sed 's/Watchtest/Inplace/' "$file" > "$tmp/edited" && cat "$tmp/edited" > "$file"
check "truncate+write: rebuilt" wait_round $((before + 1))
settle
check "truncate+write: the flyer shows the new name" sh -c "pdftotext '$flyer' - | grep -q 'Inplace'"
good=$(md5sum < "$flyer")

# 3. invalid YAML: error shown, outputs kept
cp "$file" "$tmp/good.yaml"
printf 'name: [unclosed\n' >> "$file"
check "invalid data: the error is printed" wait_for "relais watch: the data has"
settle
check "invalid data: the error names the file" grep -q "$group.yaml:[0-9]*:[0-9]*: error: " "$log"
check "invalid data: the last good flyer is kept" [ "$(md5sum < "$flyer")" = "$good" ]

# 4. fixed: recovers
before=$(rounds)
sed 's/Inplace/Recovered/' "$tmp/good.yaml" > "$file"
check "fixed: rebuilt" wait_round $((before + 1))
settle
check "fixed: the flyer shows the fix" sh -c "pdftotext '$flyer' - | grep -q 'Recovered'"

kill -INT $pid
wait $pid
rc=$?
check "SIGINT ends watch with status 0 (got $rc)" [ "$rc" = 0 ]
check "watch says it stopped" grep -qx "relais watch: stopped" "$log"
[ "$fail" = 0 ] || sed 's/^/# log: /' "$log" | tail -30
finish
