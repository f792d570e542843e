#!/usr/bin/env bash
# flyers.sh - A5 flyers use their page. Each bundled flyer has the largest type that fits:
# built again with the floor raised one step (0.25 pt) above its body size, it can no
# longer be made as it was (it loses details, a smaller title, or it is cut). None sits
# above the floor with its page less than 85 % full. And none is given up: the group of
# tests/data-flyfit (made by bench/gen.py; its flyer once lost its QR code: a three-line
# name, a schedule note and a two-line network name) fits one page with its QR code, with
# the bundled layouts and with the built-in ones.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/pdfcheck.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# flyer_shape PDF: "BODY RATIO FILL WORDS LEAD": the size most characters are set at, the
# largest size over it (the title's share), how far down the text area (A5, 15 mm
# margins) the lowest ink reaches in %, a digest of the words, and the closest line
# pitch over the body size (the tightest pass sets the same words closer).
flyer_shape() {
  pdftoppm -r 36 -gray -singlefile "$1" "$tmp/shape" || return 1
  local pitch
  pitch=$(pdftotext -bbox-layout "$1" - 2>/dev/null | awk -F'"' '/<line / {
    if (seen && $4 - y > 1 && (min == "" || $4 - y < min)) min = $4 - y
    y = $4; seen = 1 } END { print min + 0 }')
  pdf_text_sizes "$1" | python3 -c '
import collections, hashlib, re, sys
sizes, words = collections.Counter(), []
for line in sys.stdin:
    page, size, text = (line.rstrip("\n").split(" ", 2) + [""])[:3]
    sizes[float(size)] += len(text)
    words.append(text)
body, top = sizes.most_common(1)[0][0], max(sizes)
data = open(sys.argv[1], "rb").read()
head = data.split(b"\n", 3)
w, h = map(int, head[1].split())
pix = head[3]
low = max((r for r in range(h) if min(pix[r * w:(r + 1) * w]) < 128), default=0)
fill = ((low + 1) * 2.0 - 42.52) / (595.28 - 2 * 42.52) * 100
digest = hashlib.sha1(re.sub(r"\s+", " ", " ".join(words)).encode()).hexdigest()[:12]
print("%g %.2f %.1f %s %.2f" % (body, top / body, fill, digest, float(sys.argv[2]) / body))
' "$tmp/shape.pgm" "$pitch"
}

# The bundled flyers.
"$RELAIS" build -q -d "$SRCDIR/data" -o "$tmp/d" --only flyer 2>"$tmp/d.err"
check "bundled flyers build clean" test $? = 0 -a ! -s "$tmp/d.err"
n=0; : >"$tmp/shapes"
for f in "$tmp"/d/flyer/*.pdf; do
  n=$((n + 1))
  echo "$(basename "$f" .pdf) $(flyer_shape "$f")" >>"$tmp/shapes"
done
check "$n bundled flyers measured" test "$n" -ge 40 -a "$(wc -l <"$tmp/shapes")" = "$n"
sed 's/^/#   /' "$tmp/shapes"

# The network is named once: "Netwerk SaRA", not "Netwerk: Netwerk SaRA"; the label stays
# where the name does not say it ("Network: Brumenta").
flytext() { pdftotext "$tmp/d/flyer/$1.pdf" - 2>/dev/null | tr -s ' \n' ' '; }
twice=$(for f in "$tmp"/d/flyer/*.pdf; do
  pdftotext "$f" - 2>/dev/null | tr -s ' \n' ' ' |
    grep -qiE "(Netwerk|Réseau|Netzwerk|Network).?: [^:]*\b\1\b" &&
    printf ' %s' "$(basename "$f" .pdf)"
done)
check "no flyer says the network's word twice${twice:+:$twice}" test -z "$twice"
check "berchem (nl): 'Bel 03 000 00 13 Netwerk SaRA'" grep -q "00 13 Netwerk SaRA" <<<"$(flytext berchem-praatcafe-nl)"
check "genk (nl): 'NOOLIM – Netwerk GGZ' alone" grep -q "00 17 NOOLIM – Netwerk GGZ" <<<"$(flytext genk-samen-sterk-nl)"
check "etterbeek (en): 'Network: Brumenta'" grep -q "Network: Brumenta" <<<"$(flytext etterbeek-bereavement-group-en)"

# An address breaks between its parts, never inside one: no line ends on a postcode
# ("…, 4700" / "Eupen") or begins with a house number ("8, 6700 Arlon").
split=$(for f in "$tmp"/d/flyer/*.pdf; do
  pdftotext "$f" - 2>/dev/null | grep -qE "(, [0-9]{4}$)|(^[0-9]{1,4}[a-z]?, [0-9]{4})" &&
    printf ' %s' "$(basename "$f" .pdf)"
done)
check "no flyer splits a house number from its street or a postcode from its town${split:+:$split}" test -z "$split"
check "gent (nl): the web address on one line, without https://" \
  grep -qx "praatcafepsychose.be" <<<"$(pdftotext "$tmp/d/flyer/gent-praatcafe-psychose-nl.pdf" - 2>/dev/null)"

# A web address too long for its line breaks after a '/' or before a '.', never at a
# hyphen, where a reader could not tell a break from a character of the address: no line
# of the address under the scan line ends in '-'.
hyph=$(for f in "$tmp"/d/flyer/*.pdf; do
  pdftotext "$f" - 2>/dev/null | awk '/^(Scan|Scannez|Code scannen)/ { on = 1; next } /^$/ { on = 0 }
    on && /-$/ { bad = 1 } END { exit !bad }' && printf ' %s' "$(basename "$f" .pdf)"
done)
check "no flyer breaks its web address at a hyphen${hyph:+:$hyph}" test -z "$hyph"
check "hermesplus (fr): the address broken after its '/'s" \
  grep -q "hermesplus.be/en/ im-looking-for-help/ conversation-groups/" <<<"$(flytext hermesplus-groupes-de-conversation-fr)"

# Above the floor (and under the layout's 20 pt), a flyer whose page is not 85 % full
# could have had larger type.
empty=$(awk '$2 + 0 > 16 && $2 + 0 < 20 && $4 + 0 < 85 { printf " %s(%s pt, %s%%)", $1, $2, $4 }' "$tmp/shapes")
check "no flyer above the floor leaves 15 % of its page empty${empty:+:$empty}" test -z "$empty"

# The largest type that fits: for each body size B under 20 pt, the flyers at B are built
# again with the floor at B + 0.25 pt (their groups alone); each must come out different
# (other words, another title share, lines set closer) or be cut.
not_largest=""; tried=0
for b in $(awk '$2 + 0 < 20 { print $2 }' "$tmp/shapes" | sort -u); do
  up=$(awk -v b="$b" 'BEGIN { print b + 0.25 }')
  dir=$tmp/up-$b
  mkdir -p "$dir/data/groups"
  for e in "$SRCDIR"/data/*; do [ "$(basename "$e")" = groups ] || cp -r "$e" "$dir/data/"; done
  cp -r "$SRCDIR/layouts" "$dir/layouts"
  sed -i "s/floor: 16/floor: $up/" "$dir/layouts/flyer.yaml"
  flyers=$(awk -v b="$b" '$2 == b { print $1 }' "$tmp/shapes")
  for f in $flyers; do cp "$SRCDIR/data/groups/${f%-*}.yaml" "$dir/data/groups/"; done
  "$RELAIS" build -q -d "$dir/data" -l "$dir/layouts" -o "$dir/out" --only flyer --allow-findings 2>"$dir/err"
  for f in $flyers; do
    tried=$((tried + 1))
    grep -q "is cut: .*(flyer/$f.pdf, page 1)" "$dir/err" && continue
    if [ ! -s "$dir/out/flyer/$f.pdf" ]; then not_largest="$not_largest $f(not made at $up pt)"; continue; fi
    was=$(awk -v f="$f" '$1 == f { print $3, $5, $6 }' "$tmp/shapes")
    now=$(flyer_shape "$dir/out/flyer/$f.pdf" | awk '{ print $2, $4, $5 }')
    [ "$was" = "$now" ] && not_largest="$not_largest $f($b pt fits at $up pt)"
  done
done
check "$tried flyers under 20 pt have the largest type that fits${not_largest:+; not:$not_largest}" \
  test "$tried" -ge 40 -a -z "$not_largest"

# The benchmark group that once lost its QR code, with the bundled layouts and with the
# built-in ones (an empty layouts folder).
mkdir -p "$tmp/none"
for l in "$SRCDIR/layouts" "$tmp/none"; do
  what=$([ "$l" = "$tmp/none" ] && echo "built-in layouts" || echo "bundled layouts")
  out=$tmp/ff-$(basename "$l")
  "$RELAIS" build -q -d "$SRCDIR/tests/data-flyfit" -l "$l" -o "$out" --only flyer 2>"$out.err"
  check "data-flyfit, $what: builds with no finding" test $? = 0 -a ! -s "$out.err"
  sed 's/^/#   /' "$out.err"
  p=$out/flyer/angst-brugge-nl.pdf
  check "data-flyfit, $what: one page" test "$(pdfinfo "$p" 2>/dev/null | awk '/^Pages:/ { print $2 }')" = 1
  qr=$(pdf_qr_decodes "$p" 1 2>/dev/null | head -n 1)
  check "data-flyfit, $what: the QR code is there and decodes ($qr)" test "$qr" = "https://example.org/leuven"
  txt=$(pdftotext "$p" - 2>/dev/null | tr -s ' \n' ' ')
  check "data-flyfit, $what: phone and network printed" \
    grep -q "016 00 00 19.*Netwerk GGZ Noord-West-\?Vlaanderen" <<<"$txt"
  check "data-flyfit, $what: every word can be seen" pdf_text_visible "$p"
  min=$(pdf_min_font_size "$p" 2>/dev/null)
  check "data-flyfit, $what: nothing under 16 pt (${min}pt)" pdf_size_at_least "$min" 16
done

finish
