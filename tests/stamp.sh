#!/usr/bin/env bash
# stamp.sh - the no-change fast path (OUT/.relais.stamp): a rebuild with nothing changed
# answers from file metadata and says so, printing what the normal path prints (same
# report, same warnings, same exit status); any change to an input (content, a touch, a
# file added or deleted, the layouts or fonts folder), to an output (deleted), to the
# options or to the date takes the normal path; a corrupt stamp is ignored.
set -u
. "$SRCDIR/tests/lib.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$SRCDIR/tests/data-min" "$tmp/data"
cp -r "$SRCDIR/layouts" "$SRCDIR/fonts" "$tmp/"
out="$tmp/out"
# A stale group: loading the data gives a warning, which every rebuild must print.
sed -i 's/^checked: .*/checked: 2023-01-01/' "$tmp/data/groups/jette-cafe.yaml"
build() { "$RELAIS" build -d "$tmp/data" -o "$out" --only guide,flyer -j 2 "$@"; }
fast() { grep -q '^relais: made 0 (0 pages), unchanged [0-9]*, removed 0, failed 0, in [0-9.]* s; nothing changed (checked [1-9][0-9]* files)$' "$1"; }
slow() { grep -q '^relais: made .*, in [0-9.]* s$' "$1"; }
made() { sed -n 's/^relais: made \([0-9]*\) .*/\1/p' "$1"; }
# The log without its timing and fast-path note: what both paths must agree on.
plain() { sed -e 's/, in [0-9.]* s.*$//' "$1"; }

build 2>"$tmp/first.log"
check "first build exits 0" [ "$?" = 0 ]
check "first build takes the normal path" slow "$tmp/first.log"
check "a stamp is left in the output folder" [ -s "$out/.relais.stamp" ]

build 2>"$tmp/fast.log"
rc=$?
check "no change: exit 0 (got $rc)" [ "$rc" = 0 ]
check "no change: the fast path says so" fast "$tmp/fast.log"
total=$(python3 -c "import json; print(len(json.load(open('$out/manifest.json'))['outputs']))")
check "no change: every output counted unchanged ($total)" grep -q "unchanged $total, " "$tmp/fast.log"
check "no change: the data's warning is printed again" grep -q 'jette-cafe.yaml:[0-9]*:[0-9]*: warning: checked 2023-01-01' "$tmp/fast.log"
mv "$out/.relais.stamp" "$tmp/stamp.saved"
build 2>"$tmp/normal.log"
rc=$?
check "without a stamp: the normal path, exit 0 (got $rc)" sh -c "[ $rc = 0 ] && grep -q '^relais: made 0 ' '$tmp/normal.log'"
check "fast and normal path print the same (timing aside)" diff <(plain "$tmp/fast.log") <(plain "$tmp/normal.log")
build -q 2>"$tmp/quiet.log"
check "quiet: no report, the warning all the same" sh -c "! grep -q '^relais:' '$tmp/quiet.log' && grep -q 'warning: checked' '$tmp/quiet.log'"

# A touch without a change: the normal path, which makes nothing.
touch "$tmp/data/groups/ixelles-english.yaml"
build 2>"$tmp/touch.log"
check "touched file: the normal path" slow "$tmp/touch.log"
check "touched file: nothing made" [ "$(made "$tmp/touch.log")" = 0 ]
build 2>"$tmp/touch2.log"
check "touched file: the build after is fast again (racy file hashed)" fast "$tmp/touch2.log"

# Same size, mtime put back: ctime still moves, so the edit is seen.
f="$tmp/data/groups/ixelles-english.yaml"
touch -r "$f" "$tmp/ref"
size=$(stat -c %s "$f")
sed -i 's/English/Englisx/' "$f"
check "(the edit keeps the size)" [ "$(stat -c %s "$f")" = "$size" ]
touch -r "$tmp/ref" "$f"
build 2>"$tmp/samesize.log"
check "same size, same mtime, new bytes: the normal path" slow "$tmp/samesize.log"
check "same size, same mtime, new bytes: its outputs are made" grep -q '^made .*inputs changed: group ixelles-english' "$tmp/samesize.log"

# A group added, then deleted.
sed 's/^id: .*/id: jette-cafe-two/' "$tmp/data/groups/jette-cafe.yaml" >"$tmp/data/groups/jette-cafe-two.yaml"
build 2>"$tmp/add.log"
check "group added: the normal path makes its flyers" grep -q '^made     flyer/jette-cafe-two-' "$tmp/add.log"
build 2>/dev/null
rm "$tmp/data/groups/jette-cafe-two.yaml"
build 2>"$tmp/del.log"
check "group deleted: the normal path removes its flyers" grep -q '^removed  flyer/jette-cafe-two-' "$tmp/del.log"

# An output deleted is repaired; a thumbnail too.
build 2>/dev/null
flyer=$(ls "$out"/flyer/*.pdf | head -n 1)
rm "$flyer"
build 2>"$tmp/gone.log"
check "output deleted: made again" sh -c "[ '$(made "$tmp/gone.log")' = 1 ] && [ -s '$flyer' ]"
rm "$out"/.thumbs/guide-*.png
build 2>"$tmp/thumb.log"
check "thumbnails deleted: the normal path" slow "$tmp/thumb.log"

# Other options, the date, --force: no stamp for them.
build --lang fr 2>"$tmp/lang.log"
check "--lang fr after a full build: the normal path" slow "$tmp/lang.log"
build --lang fr 2>"$tmp/lang2.log"
check "--lang fr again: fast" fast "$tmp/lang2.log"
build 2>"$tmp/all.log"
check "all languages again: the normal path" slow "$tmp/all.log"
build --press 2>/dev/null
build 2>"$tmp/press.log"
check "after a --press build: the normal path" slow "$tmp/press.log"
SOURCE_DATE_EPOCH=$((SOURCE_DATE_EPOCH + 86400)) build 2>"$tmp/date.log"
check "a day later: the normal path" slow "$tmp/date.log"
build 2>/dev/null
build --force 2>"$tmp/force.log"
check "--force: everything made" [ "$(made "$tmp/force.log")" = "$total" ]

# The layouts and fonts folders beside the data.
build 2>/dev/null
echo "# a comment" >>"$tmp/layouts/flyer.yaml"
build 2>"$tmp/layout.log"
check "layout edited: the normal path" slow "$tmp/layout.log"
build 2>/dev/null
echo "notes" >"$tmp/fonts/notes.txt"
build 2>"$tmp/font.log"
check "file added to fonts/: the normal path" slow "$tmp/font.log"

# A file deep in the data folder; an output folder inside the data folder (not an input).
build 2>/dev/null
mkdir -p "$tmp/data/maps/a/b/c/d/e/f/g/h/i/j"
build 2>/dev/null
echo "<svg/>" >"$tmp/data/maps/a/b/c/d/e/f/g/h/i/j/deep.svg"
build 2>"$tmp/deep.log"
check "file added ten folders down: the normal path" slow "$tmp/deep.log"
"$RELAIS" build -d "$tmp/data" -o "$tmp/data/out" --only flyer 2>/dev/null
"$RELAIS" build -d "$tmp/data" -o "$tmp/data/out" --only flyer 2>"$tmp/inside.log"
check "output folder inside the data folder: fast" fast "$tmp/inside.log"
rm -rf "$tmp/data/out"

# An empty fonts folder in the data folder: fonts are read from there now.
build 2>/dev/null
mkdir "$tmp/data/fonts"
build 2>"$tmp/emptyfonts.log"
check "empty data/fonts/ made: the normal path" slow "$tmp/emptyfonts.log"
rmdir "$tmp/data/fonts"
build 2>/dev/null

# Bad data: the same errors and exit status as ever.
build 2>/dev/null
echo "name: [" >>"$tmp/data/groups/jette-cafe.yaml"
build 2>"$tmp/bad.log"
rc=$?
check "invalid YAML: exit 1 with the error (got $rc)" sh -c "[ $rc = 1 ] && grep -q 'jette-cafe.yaml:.*error' '$tmp/bad.log'"
sed -i '$d' "$tmp/data/groups/jette-cafe.yaml"
build 2>"$tmp/fixed.log"
rc=$?
check "fixed: exit 0, the normal path" sh -c "[ $rc = 0 ] && grep -q '^relais: made' '$tmp/fixed.log'"

# The normal path leaves an unchanged manifest alone, but rewrites one of another version.
build 2>/dev/null
rm "$out/.relais.stamp"
before=$(stat -c %Y.%i "$out/manifest.json")
build 2>/dev/null
check "normal path, nothing made: the manifest is not written again" [ "$(stat -c %Y.%i "$out/manifest.json")" = "$before" ]
sed -i 's/"generator" : "relais [^"]*"/"generator" : "relais 0.0.0"/' "$out/manifest.json"
grep -q '"relais 0.0.0"' "$out/manifest.json" || echo "# (the generator line did not match)"
build 2>/dev/null
check "a manifest from another version is written again" sh -c "! grep -q '\"relais 0.0.0\"' '$out/manifest.json'"

# A corrupt or truncated stamp is ignored.
build 2>/dev/null
head -c 100 "$out/.relais.stamp" >"$tmp/cut" && cp "$tmp/cut" "$out/.relais.stamp"
build 2>"$tmp/cut.log"
rc=$?
check "truncated stamp: the normal path, exit 0" sh -c "[ $rc = 0 ] && grep -q '^relais: made 0 .* s\$' '$tmp/cut.log'"
head -c 5000 /dev/urandom >"$out/.relais.stamp"
build 2>"$tmp/junk.log"
rc=$?
check "random stamp: the normal path, exit 0" sh -c "[ $rc = 0 ] && grep -q '^relais: made 0 .* s\$' '$tmp/junk.log'"
build 2>"$tmp/again.log"
check "and then fast again" fast "$tmp/again.log"

finish
