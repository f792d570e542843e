#!/usr/bin/env bash
# fatdisk.sh - building onto a disk like a FAT or exFAT USB stick, which can neither
# exchange two names in one step nor make hard or symbolic links (tests/nolinks.c,
# preloaded as $NOLINKS): the kiosk folder is still swapped whole, the slides an edit
# does not touch are copied from the previous bundle instead of linked, and the result
# is byte-identical to a build on an ordinary disk. Also: the output folder of an older
# relais, where `kiosk` was a link to `.kiosk.v-KEY`, becomes a real folder.
set -u
. "$SRCDIR/tests/lib.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$SRCDIR/tests/data-tricky" "$tmp/data"
out="$tmp/usb"
fat() { LD_PRELOAD="$NOLINKS" "$RELAIS" build -d "$tmp/data" --only kiosk --allow-findings "$@"; }
sums() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 md5sum); }
counts() { sed -n 's/^made     kiosk (.*; \([0-9]*\) slides\{0,1\} drawn, \([0-9]*\) reused)$/\1 \2/p' "$1"; }
# Names in the output folder left by a swap: temporary or versioned folders.
strays() { find "$out" -maxdepth 1 -name '*.tmp-*' -o -maxdepth 1 -name '.*.v-*'; }
not() { ! "$@"; }
set_time() { sed -i "s/^  time: .*/  time: \"$2\"/" "$tmp/data/groups/$1.yaml"; }

check "the shim refuses hard links" not env LD_PRELOAD="$NOLINKS" ln "$tmp/data/groups/emoji.yaml" "$tmp/hard"
fat -o "$out" 2>"$tmp/first.log"
check "first build on the FAT-like disk exits 0" grep -q 'failed 0' "$tmp/first.log"
check "kiosk is a real folder" sh -c "[ -d '$out/kiosk' ] && [ ! -L '$out/kiosk' ]"
# The start slide (the edit below does not touch it).
start=$(python3 -c "
import json
js = open('$out/kiosk/slides.js').read()
print(json.loads(js[len('window.RELAIS_SLIDES = '):-2])['slides']['fr'][0]['png'])")
inode=$(stat -c %i "$out/kiosk/$start")
set_time emoji "10:15-11:45"
fat -o "$out" 2>"$tmp/edit.log"
check "edit one group: 4 slides drawn, 32 copied (got '$(counts "$tmp/edit.log")')" \
  [ "$(counts "$tmp/edit.log")" = "4 32" ]
check "edit one group: the kiosk shows the edit" grep -q '10:15' "$out/kiosk/slides.js"
check "a reused slide is a copy, not a link" [ "$(stat -c %i "$out/kiosk/$start")" != "$inode" ]
check "no temporary or old folder left" [ -z "$(strays)" ]
"$RELAIS" build -d "$tmp/data" --only kiosk --allow-findings -o "$tmp/ext4" 2>/dev/null
check "bundle byte-identical to one built on an ordinary disk" \
  [ "$(sums "$out/kiosk")" = "$(sums "$tmp/ext4/kiosk")" ]
cp -r "$out/kiosk" "$tmp/copied"
check "cp -r of the kiosk folder copies its slides" \
  [ "$(sums "$tmp/copied")" = "$(sums "$out/kiosk")" ]

# An older relais's output: kiosk -> .kiosk.v-KEY.
old="$tmp/old"
cp -r "$tmp/ext4" "$old"
mv "$old/kiosk" "$old/.kiosk.v-0123456789abcdef"
ln -s .kiosk.v-0123456789abcdef "$old/kiosk"
set_time emoji "10:30-11:45"
"$RELAIS" build -d "$tmp/data" --only kiosk --allow-findings -o "$old" 2>"$tmp/old.log"
check "older output folder: rebuilt (got '$(counts "$tmp/old.log")')" [ "$(counts "$tmp/old.log")" = "4 32" ]
check "older output folder: kiosk is now a real folder" sh -c "[ -d '$old/kiosk' ] && [ ! -L '$old/kiosk' ]"
check "older output folder: the versioned folder is gone" [ ! -e "$old/.kiosk.v-0123456789abcdef" ]

finish
