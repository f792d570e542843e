#!/usr/bin/env bash
# build.sh - `relais build` on a copy of the bundled data with the real renderers: a
# no-change rebuild makes nothing; editing one group makes exactly the outputs that list
# it; -j 1 and -j 2 give the same bytes; a build killed with -9 leaves every previous
# output readable and the next one completes; two builds at once take turns; a full disk
# (ulimit -f) leaves the previous outputs intact with exit 3; --only leaves other kinds.
set -u
. "$SRCDIR/tests/lib.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$SRCDIR/data" "$SRCDIR/layouts" "$SRCDIR/fonts" "$tmp/"
out="$tmp/out"
# Guides and flyers only (booklets are guides imposed: slower, same pipeline).
build() { "$RELAIS" build -d "$tmp/data" --only guide,flyer "$@"; }
json() { python3 -c "import json,sys; m=json.load(open('$out/manifest.json')); $1"; }
# Every output file of the folder, with its checksum, sorted (the manifest and page too).
sums() { (cd "$1" && find . -type f ! -name '.relais.lock' ! -name '.relais.stamp' ! -name '.map-checked' -print0 | sort -z | xargs -0 md5sum); }

build -o "$out" -j 2 2>"$tmp/first.log"
rc=$?
check "first build exits 0 (got $rc)" [ "$rc" = 0 ]
check "first build says what it made" grep -q '^relais: made [1-9][0-9]* (.*), unchanged 0, removed 0, failed 0' "$tmp/first.log"
check "plain progress: one line per output, no escape codes" sh -c "grep -q '^made     guide/' '$tmp/first.log' && ! grep -q \$'\\033' '$tmp/first.log'"
total=$(json 'print(len(m["outputs"]))')
check "manifest lists outputs ($total)" [ "$total" -gt 10 ]
check "manifest: every output exists with its size" json '
import os
for o in m["outputs"]:
    p = os.path.join("'"$out"'", o["out"])
    assert os.path.exists(p), p
    assert o["is_dir"] or os.path.getsize(p) == o["size"], p'
check "manifest: PDFs have their page count" json '
assert all(o["pages"] > 0 for o in m["outputs"] if o["out"].endswith(".pdf"))'
guide=$(ls "$out"/guide/*.pdf | head -1)
pages=$(pdfinfo "$guide" | awk '/^Pages:/ {print $2}')
check "manifest page count matches pdfinfo ($pages)" json "
assert [o for o in m['outputs'] if o['out'] == 'guide/$(basename "$guide")'][0]['pages'] == $pages"
check "browse page links every output" json '
page = open("'"$out"'/index.html").read()
assert all(("href=\"%s" % o["out"]) in page for o in m["outputs"])'
thumbs=$(json 'print(sum(1 for o in m["outputs"] if o.get("thumbnail")))')
check "thumbnails written ($thumbs)" [ "$thumbs" -gt 0 ]

# no change: nothing made
build -o "$out" 2>"$tmp/again.log"
check "no-change rebuild makes nothing" grep -q "^relais: made 0 (0 pages), unchanged $total, removed 0, failed 0" "$tmp/again.log"

# one group edited: exactly the outputs that list it
group=anderlecht-praatgroep
sed -i 's/^name: .*/name: Praatgroep Kuregem (voorbeeld)/' "$tmp/data/groups/$group.yaml"
want=$(json "print('\n'.join(sorted(o['out'] for o in m['outputs'] if 'group $group' in [i['name'] for i in o['inputs']])))")
build -o "$out" 2>"$tmp/edit.log"
got=$(sed -n 's/^made     \([^ ]*\) .*/\1/p' "$tmp/edit.log" | sort)
check "edit one group: made exactly the $(echo "$want" | wc -l) outputs listing it" [ "$got" = "$want" ]
check "edit one group: the reason names the group" grep -q "(inputs changed: group $group)" "$tmp/edit.log"
check "edit one group: the flyer shows the edit" sh -c "pdftotext '$out/flyer/$group-nl.pdf' - | grep -q Kuregem"

# -j 1 and -j 2: the same bytes
build -o "$tmp/j1" -j 1 2>/dev/null
build -o "$tmp/j2" -j 2 2>/dev/null
check "-j 1 and -j 2 give byte-identical outputs" [ "$(sums "$tmp/j1")" = "$(sums "$tmp/j2")" ]

# the costliest jobs start first (so two workers end together): with -j 1, every guide
# is made before any flyer, and the longest guide (most pages last time) first
build -o "$tmp/j1" -j 1 --force 2>"$tmp/order.log"
order=$(sed -n 's/^made     \([a-z]*\)\/.*/\1/p' "$tmp/order.log" | uniq | tr '\n' ' ')
check "costliest first: guides, then flyers (got: $order)" [ "$order" = "guide flyer " ]
longest=$(python3 -c "import json; m=json.load(open('$tmp/j1/manifest.json')); print(max((o for o in m['outputs'] if o['kind'] == 'guide'), key=lambda o: (o['pages'], [-ord(c) for c in o['out']]))['out'])")
check "costliest first: the longest guide first ($longest)" sh -c "grep -m1 '^made' '$tmp/order.log' | grep -q ' $longest '"

# killed half-way: every previous output still whole; the next build completes
sums "$out" > "$tmp/before.sums"
build -o "$out" -j 1 --force 2>/dev/null &
pid=$!
sleep 1
kill -9 $pid
wait $pid 2>/dev/null
bad=0
for f in $(find "$out" -name '*.pdf' ! -path '*/.*'); do qpdf --check "$f" >/dev/null 2>&1 || bad=$((bad + 1)); done
check "killed -9: every PDF still passes qpdf --check ($bad bad)" [ "$bad" = 0 ]
build -o "$out" 2>"$tmp/after-kill.log"
check "killed -9: the next build completes" grep -q "^relais: .* failed 0" "$tmp/after-kill.log"
check "killed -9: no temporary file left" [ -z "$(find "$out" -name '*.tmp-*')" ]

# two builds at once take turns: while another holds the lock (here flock(1) on the same
# lock file, so the test does not depend on which process starts first), a build waits,
# says so, and completes once the lock is released.
exec 9>"$out/.relais.lock"
flock 9
build -o "$out" --force -j 1 2>"$tmp/c2.log" &
p2=$!
for _ in $(seq 100); do grep -q "waiting for it" "$tmp/c2.log" 2>/dev/null && break; sleep 0.1; done
check "a build waits while another holds the lock" kill -0 $p2
check "the second one waited for the first" grep -qx "relais: another build is running in $out; waiting for it" "$tmp/c2.log"
flock -u 9
exec 9>&-
wait $p2
r2=$?
check "and completes once the lock is free ($r2)" [ "$r2" = 0 ]

# disk full: exit 3, previous outputs intact
sums "$out" > "$tmp/before.sums"
(ulimit -f 40; build -o "$out" --force -j 2 2>"$tmp/full.log")
rc=$?
check "disk full: exit 3 (got $rc)" [ "$rc" = 3 ]
check "disk full: says what was not written" grep -q "^relais: not written (previous outputs kept):" "$tmp/full.log"
check "disk full: every previous output intact" [ "$(sums "$out" | grep -v 'manifest.json\|index.html')" = "$(grep -v 'manifest.json\|index.html' "$tmp/before.sums")" ]

# --only guide leaves the flyers alone; a group removed loses its flyer
rm "$tmp/data/groups/$group.yaml"
build -o "$out" --only guide 2>/dev/null
check "--only guide keeps the flyer of a removed group" [ -f "$out/flyer/$group-nl.pdf" ]
build -o "$out" 2>"$tmp/rm.log"
check "a full build removes it" [ ! -e "$out/flyer/$group-nl.pdf" ]
check "and says so" grep -q "^removed  flyer/$group-nl.pdf (no longer in the data)" "$tmp/rm.log"
# A record that only moves (two comment lines added above it) keeps its digest, so an
# output is not remade for it... unless that output has findings, which name lines: then
# it is remade and its findings name the new line. (data-tricky: the emoji group's flyer
# has a finding, the jette-cafe group's flyer none.)
mv_data=$tmp/moved-data; mv_out=$tmp/moved-out
cp -r "$SRCDIR/tests/data-tricky" "$mv_data"
mv_build() { "$RELAIS" build -d "$mv_data" -o "$mv_out" --only flyer --allow-findings "$@"; }
mv_build 2>"$tmp/mv1.log"
check "moved record: its flyer's finding names line 3" \
  grep -q '/groups/emoji.yaml:3:7: warning' "$tmp/mv1.log"
for f in emoji jette-cafe; do
  sed -i '1i # comment added above the record\n# and another' "$mv_data/groups/$f.yaml"
done
mv_build 2>"$tmp/mv2.log"
check "moved record with findings: its flyer is remade, saying why" \
  grep -q '^made     flyer/emoji-fr.pdf (records moved: its findings name their lines)' "$tmp/mv2.log"
check "moved record with findings: the finding names the new line 5" \
  grep -q '/groups/emoji.yaml:5:7: warning' "$tmp/mv2.log"
check "moved record without findings: its flyer is not remade" \
  sh -c "! grep -q '^made     flyer/jette-cafe' '$tmp/mv2.log'"
mv_build 2>"$tmp/mv3.log"
check "moved record: the next build makes nothing" grep -q '^relais: made 0 ' "$tmp/mv3.log"
# The map's check is remembered by content (OUT/.map-checked), so that an edit's rebuild
# does not parse the map's SVGs again only to check them; a changed map is checked again.
mc_data=$tmp/mc-data
cp -r "$tmp/data" "$mc_data"
mc_build() { "$RELAIS" build -d "$mc_data" -l "$tmp/layouts" -o "$tmp/mc-out" --only flyer -q "$@"; }
mc_build 2>"$tmp/mc1.log"
check "map check remembered: OUT/.map-checked names this relais and a digest" \
  grep -Eq '^relais [0-9.]+ build [0-9a-f]+ map [0-9a-f]{64}$' "$tmp/mc-out/.map-checked"
sed -i 's/id="nis-21004"/id="nis-x21004"/' "$mc_data/maps/belgium.svg"
mc_build 2>"$tmp/mc2.log"
rc=$?
check "map changed after a good build: checked again, exit 1 (got $rc)" [ "$rc" = 1 ]
check "map changed after a good build: the error names the sidecar's line" \
  grep -q "maps/belgium.yaml:18:8: error: map file '.*belgium.svg' has no element for 1 code: '21004'" "$tmp/mc2.log"
sed -i 's/id="nis-x21004"/id="nis-21004"/' "$mc_data/maps/belgium.svg"
head -c 300 /dev/urandom >"$tmp/mc-out/.map-checked"
mc_build 2>"$tmp/mc3.log"
rc=$?
check "a garbled OUT/.map-checked is only a cache: map fixed, exit 0 (got $rc)" [ "$rc" = 0 ]
check "a garbled OUT/.map-checked is written again" \
  grep -Eq '^relais [0-9.]+ build [0-9a-f]+ map [0-9a-f]{64}$' "$tmp/mc-out/.map-checked"

# A new relais of the same version (another build ID: its code changed) makes every
# output again: what it draws may differ. Its copy differs from this one in one bit of
# the ELF build-ID note.
other="$tmp/relais-other"
python3 - "$RELAIS" "$other" <<'PY'
import re, subprocess, sys
note = subprocess.run(["readelf", "-n", sys.argv[1]], capture_output=True, text=True).stdout
build_id = bytes.fromhex(re.search(r"Build ID: ([0-9a-f]+)", note).group(1))
exe = bytearray(open(sys.argv[1], "rb").read())
assert exe.count(build_id) == 1
exe[exe.find(build_id)] ^= 1
open(sys.argv[2], "wb").write(exe)
PY
chmod +x "$other"
mc_build 2>/dev/null
"$other" build -d "$mc_data" -l "$tmp/layouts" -o "$tmp/mc-out" --only flyer 2>"$tmp/other.log"
flyers=$(ls "$tmp/mc-out/flyer" | wc -l)
check "a new relais of the same version makes all $flyers flyers again" \
  grep -q "^relais: made $flyers (.*), unchanged 0," "$tmp/other.log"
check "a new relais: it says why" grep -q '^made     flyer/.* (settings changed (a new relais, --press or fonts))$' "$tmp/other.log"
"$other" build -d "$mc_data" -l "$tmp/layouts" -o "$tmp/mc-out" --only flyer 2>"$tmp/other2.log"
check "a new relais: its next build makes nothing" grep -q '^relais: made 0 ' "$tmp/other2.log"
finish
