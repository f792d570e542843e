#!/usr/bin/env bash
# kiosk-cache.sh - the kiosk redraws only the slides whose content changed: editing one
# group redraws its slides (one per language) and takes the others from the previous
# bundle; the bundle is then byte-identical to a fresh one, with the same findings;
# a moved record is redrawn (findings name positions); --force draws every slide; a
# missing or corrupt cache, cache record or previous PNG means "draw it again", never an
# error; -j 1 and -j 2 give the same bundle.
set -u
. "$SRCDIR/tests/lib.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# data-tricky: 4 languages, 36 slides, and slides with preflight findings (a compound
# word wider than the screen).
cp -r "$SRCDIR/tests/data-tricky" "$tmp/data"
cp -r "$SRCDIR/fonts" "$tmp/"
out="$tmp/out"
build() { "$RELAIS" build -d "$tmp/data" --only kiosk --allow-findings "$@"; }
# The findings of a build log (diagnostic lines), sorted.
findings() { grep ': \(error\|warning\): ' "$1" | sort; }
# Every file of a bundle with its checksum (the hidden cache file included).
sums() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 md5sum); }
# Sets the time of group $1 to $2.
set_time() { sed -i "s/^  time: .*/  time: \"$2\"/" "$tmp/data/groups/$1.yaml"; }
# The "made kiosk (...; N slides drawn, M reused)" counts of a log: "N M".
not() { ! "$@"; }
counts() { sed -n 's/^made     kiosk (.*; \([0-9]*\) slides\{0,1\} drawn, \([0-9]*\) reused)$/\1 \2/p' "$1"; }

build -o "$out" -j 2 2>"$tmp/first.log"
check "first build exits 0" grep -q '^relais: made 1 (36 pages), unchanged 0, removed 0, failed 0' "$tmp/first.log"
check "first build draws every slide" [ "$(counts "$tmp/first.log")" = "36 0" ]
check "first build reports the compound word" grep -q 'compound.yaml:2:1: error: text .Zorgco.* does not fit its box .* (kiosk/slides/nl, page 4)$' "$tmp/first.log"
check "slides are named after their key" sh -c "ls '$out/kiosk/slides/fr' | grep -qxE '[0-9a-f]{16}\.png'"
check "the bundle keeps a slide cache" test -s "$out/kiosk/.slides-cache.json"

build -o "$out" 2>"$tmp/same.log"
check "no change: kiosk not made" grep -q '^relais: made 0 (0 pages), unchanged 1' "$tmp/same.log"

# One group edited: its slide in each of the 4 languages is drawn, the rest reused.
start=$(python3 -c "
import json
js = open('$out/kiosk/slides.js').read()
print(json.loads(js[len('window.RELAIS_SLIDES = '):-2])['slides']['nl'][0]['png'])")
inode=$(stat -c %i "$out/kiosk/$start")
set_time emoji "10:15-11:45"
build -o "$out" -j 2 2>"$tmp/edit.log"
check "edit one group: 4 slides drawn, 32 reused (got '$(counts "$tmp/edit.log")')" \
  [ "$(counts "$tmp/edit.log")" = "4 32" ]
check "edit one group: the slide shows the edit" grep -q '10:15' "$out/kiosk/slides.js"
build -o "$tmp/fresh" -j 1 2>"$tmp/fresh.log"
check "edit one group: bundle byte-identical to a fresh build" [ "$(sums "$out/kiosk")" = "$(sums "$tmp/fresh/kiosk")" ]
check "edit one group: same findings as a fresh build ($(findings "$tmp/fresh.log" | wc -l))" \
  [ "$(findings "$tmp/edit.log")" = "$(findings "$tmp/fresh.log")" ]
check "reused findings keep their page numbers" grep -q 'kiosk/slides/de, page 4)$' "$tmp/edit.log"
check "a reused slide is the previous file, linked" [ "$(stat -c %i "$out/kiosk/$start")" = "$inode" ]

# A record moved down two lines (and another group edited, so that the kiosk is made):
# its findings name the new line, so its slides are drawn again.
sed -i '1i # moved\n# down' "$tmp/data/groups/compound.yaml"
set_time emoji "10:30-11:45"
build -o "$out" 2>"$tmp/moved.log"
check "moved record: its 4 slides drawn (got '$(counts "$tmp/moved.log")')" [ "$(counts "$tmp/moved.log")" = "8 28" ]
check "moved record: findings at the new line" grep -q 'compound.yaml:4:1: error: text' "$tmp/moved.log"
check "moved record: none at the old line" not grep -q 'compound.yaml:2:1' "$tmp/moved.log"

# --force draws everything.
build -o "$out" --force 2>"$tmp/force.log"
check "--force: every slide drawn" [ "$(counts "$tmp/force.log")" = "36 0" ]

# Damage: no cache file, a corrupt cache file, a bad record, a missing PNG.
rm "$out/kiosk/.slides-cache.json"
set_time emoji "10:00-12:00"
build -o "$out" 2>"$tmp/nocache.log"
check "no cache file: every slide drawn, exit 0" sh -c "[ '$(counts "$tmp/nocache.log")' = '36 0' ] && grep -q 'failed 0' '$tmp/nocache.log'"
printf '{"format": 1, "slides": [' >"$out/kiosk/.slides-cache.json"
set_time emoji "10:15-11:45"
build -o "$out" 2>"$tmp/corrupt.log"
check "corrupt cache file: every slide drawn, exit 0" sh -c "[ '$(counts "$tmp/corrupt.log")' = '36 0' ] && grep -q 'failed 0' '$tmp/corrupt.log'"
# Damage the records of three slides the edit below does not touch, and remove the PNG
# of a fourth.
png=$(python3 - "$out/kiosk" <<'EOF'
import json, os, sys
d = sys.argv[1]
js = open(os.path.join(d, "slides.js")).read()
slides = json.loads(js[len("window.RELAIS_SLIDES = "):-2])["slides"]
def key16(lang, kind):
    return [os.path.basename(s["png"])[:16] for s in slides[lang] if s["kind"] == kind][0]
path = os.path.join(d, ".slides-cache.json")
c = json.load(open(path))
rec = lambda k16: [v for k, v in c["slides"].items() if k.startswith(k16)][0]
rec(key16("fr", "start"))["png_size"] = "big"         # wrong type
rec(key16("fr", "closing"))["regions"] = [{"kind": 1}] # malformed targets
del rec(key16("fr", "map"))["fits"]                   # missing member
json.dump(c, open(path, "w"))
print("slides/en/%s.png" % key16("en", "start"))
EOF
)
rm "$out/kiosk/$png"
set_time emoji "10:00-12:00"
build -o "$out" 2>"$tmp/damaged.log"
check "3 bad records and a missing PNG: 4 + 4 slides drawn (got '$(counts "$tmp/damaged.log")')" \
  sh -c "[ '$(counts "$tmp/damaged.log")' = '8 28' ] && grep -q 'failed 0' '$tmp/damaged.log'"
check "the missing PNG is back" test -s "$out/kiosk/$png"
build -o "$tmp/fresh2" -j 2 2>"$tmp/fresh2.log"
check "after damage: bundle byte-identical to a fresh build" [ "$(sums "$out/kiosk")" = "$(sums "$tmp/fresh2/kiosk")" ]
check "after damage: same findings as a fresh build" [ "$(findings "$tmp/damaged.log")" = "$(findings "$tmp/fresh2.log")" ]

# -j 1 and -j 2 from scratch: the same bytes.
build -o "$tmp/j1" -j 1 2>/dev/null
build -o "$tmp/j2" -j 2 2>/dev/null
check "-j 1 and -j 2 give byte-identical bundles" [ "$(sums "$tmp/j1/kiosk")" = "$(sums "$tmp/j2/kiosk")" ]
check "-j 1 and -j 2 give the same thumbnail" cmp -s "$tmp/j1/.thumbs/kiosk.png" "$tmp/j2/.thumbs/kiosk.png"

finish
