#!/usr/bin/env bash
# posters.sh - the region posters of the bundled data, made by `relais build --only
# poster`: one per edition and per network and language, A3 portrait, tagged, /Lang,
# fonts embedded, nothing under 28 pt, a title of at least 72 pt, the QR code read back
# as the URL printed above it, the unknown-area note, every group of an edition listed.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/pdfcheck.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=$tmp/out

"$RELAIS" build -q -d "$SRCDIR/data" -o "$out" --only poster 2>"$tmp/err"
check "relais build --only poster exits 0" test $? = 0
check "no diagnostics" test ! -s "$tmp/err"
[ -s "$tmp/err" ] && sed 's/^/#   /' "$tmp/err" | head -20

# 4 editions (brussels fr nl en, flanders nl, wallonia fr, ostbelgien de fr) = 7, and the
# 21 networks in their languages within the site's.
n=$(find "$out/poster" -name '*.pdf' | wc -l)
check "29 posters ($n)" test "$n" = 29

# Nothing drawn later covers a word (the QR code's quiet zone once hid the end of the
# web address on five posters).
check "every word of every poster can be seen" pdf_text_visible "$out"/poster/*.pdf

for f in brussels-fr brumenta-nl ostbelgien-de sara-nl flanders-nl; do
  p=$out/poster/$f.pdf
  check "$f: A3 portrait" pdf_page_size "$p" 842 1191
  check "$f: tagged" pdf_tagged "$p"
  check "$f: qpdf --check clean" pdf_qpdf_ok "$p"
  check "$f: fonts embedded" pdf_fonts_embedded "$p"
  check "$f: /Lang ${f##*-}-BE" pdf_has_lang "$p" "${f##*-}-BE"
  min=$(pdf_min_font_size "$p")
  check "$f: nothing under 28 pt (smallest $min)" pdf_size_at_least "$min" 28
  big=$(pdf_text_sizes "$p" | awk '$1 == 1 { if ($2 + 0 > m) m = $2 + 0 } END { print m }')
  check "$f: a title of at least 72 pt ($big)" pdf_size_at_least "$big" 72
  # The QR code decodes to the web address printed under "scan the code", which is
  # printed without https:// as the brochures print it (lines joined: an address too
  # wide for its column breaks after a '/' or before a '.').
  qr=$(pdf_qr_decodes "$p" 1)
  shown=${qr#https://}
  page=$(pdftotext -f 1 -l 1 "$p" -)
  check "$f: QR code decodes to the printed address ($qr)" \
    bash -c 'test -n "$1" && test "$1" != "$2" && tr -d "\n" <<<"$3" | grep -qF "$1"' - "$shown" "$qr" "$page"
  check "$f: no https:// printed on page 1" test "$(grep -c 'https://' <<<"$page")" = 0
  check "$f: thumbnail in the build" test -s "$out/.thumbs/poster-$f.pdf.png"
done

check "Brussels fr: the check date" grep -q "Vérifié le" <<<"$(pdftotext "$out/poster/brussels-fr.pdf" -)"
alt=$(qpdf --qdf --object-streams=disable "$out/poster/brussels-fr.pdf" - | grep -a '/Alt (Carte')
check "Brussels fr: the map's alt text names the area" grep -q "En surbrillance : Arrondissement de Bruxelles-Capitale \\\\(19 communes\\\\)" <<<"$alt"
alt=$(qpdf --qdf --object-streams=disable "$out/poster/ostbelgien-de.pdf" - | grep -a '/Alt (Karte' | iconv -f ISO-8859-1 -t UTF-8) # PDFDocEncoding
check "Ostbelgien de: the alt text names the nine municipalities in German" grep -q "Amel, Büllingen, Bütgenbach, Eupen, Kelmis, Lontzen, Raeren, Sankt Vith und Burg-Reuland" <<<"$alt"
sara=$(pdftotext "$out/poster/sara-nl.pdf" - | tr '\n' ' ')
check "SaRA (no known area) says so" grep -q "Het werkgebied van dit netwerk is nog niet bekend" <<<"$sara"

# Page 1 gives the map the room: the footer is no taller than the QR code with its quiet
# zone (the scan line and the URL beside the code when the URL fits there on one line),
# so the map's band (posterroom.py: the tallest band of page 1 with no word) grew from a
# median of 78.5 mm (scan line and URL across the page above the code) to 111 mm.
room=$(python3 "$SRCDIR/tests/posterroom.py" "$out"/poster/*.pdf)
check "no word inside a QR code or its quiet zone" test $? = 0
grep -v ' 0$' <<<"$room" | sed 's/^/#   /'
# The legend beside the map only where it reads (a column of at least 12 characters, no
# entry over two lines), else under the map: "werkgebied / van / Vlaanderen" and the
# unknown-area note in five or six lines of a narrow column were the old defects.
long=$(awk '$4 > 2 {printf "%s%s (%s lines)", n++ ? ", " : "", $1, $4}' <<<"$room")
check "no legend entry takes more than two lines${long:+: $long}" test -z "$long"
check "every poster's legend is found on page 1" test -z "$(awk '$4 == 0' <<<"$room")"
# The regions' posters show their area big (posterroom.py: highlighted cm² of page 1):
# Flanders as a close-up the page's width (12 cm² beside a whole map 55 % wide before),
# Wallonia as a close-up (11 cm² before).
fl=$(awk '$1 == "flanders-nl.pdf" {print $3}' <<<"$room")
check "flanders-nl: the area is at least 30 cm² on page 1 ($fl)" awk -v a="${fl:-0}" 'BEGIN {exit !(a >= 30)}'
wa=$(awk '$1 == "wallonia-fr.pdf" {print $3}' <<<"$room")
check "wallonia-fr: the area is at least 20 cm² on page 1 ($wa)" awk -v a="${wa:-0}" 'BEGIN {exit !(a >= 20)}'
med=$(awk '{print $2}' <<<"$room" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
check "the map's median height on page 1 is at least 105 mm ($med)" awk -v m="$med" 'BEGIN {exit !(m >= 105)}'
low=$(awk '{print $2}' <<<"$room" | sort -n | head -1)
check "no map on page 1 is under 30 mm ($low)" awk -v m="$low" 'BEGIN {exit !(m >= 30)}'
# A3: 1191 pt tall, 56.7 pt bottom margin, the QR code 283.5 pt and its quiet zone (at
# most 4/21 of it): the code's quiet zone starts at y >= 797; its left edge at x <= 502.
bb=$(pdftotext -f 1 -l 1 -bbox "$out/poster/brumenta-fr.pdf" -)
y=$(grep -m1 '>Scannez<' <<<"$bb" | sed -E 's/.*yMin="([0-9.]+)".*/\1/')
check "brumenta-fr: the scan line is beside the QR code ($y >= 797)" awk -v y="${y:-0}" 'BEGIN {exit !(y >= 797)}'
x=$(grep -m1 '>example.org<' <<<"$bb" | sed -E 's/.*xMax="([0-9.]+)".*/\1/')
check "brumenta-fr: the URL is left of the QR code ($x < 502)" awk -v x="${x:-999}" 'BEGIN {exit !(x < 502)}'
# The German posters' address once was too wide for the column beside the code (as
# https://mentale-gesundheit.be) and went across the page above it, taking ~35 mm from
# the map; printed without https:// it stays beside the code, whole, with the scan line.
for f in ostbelgien-de ostbelgien-edition-de; do
  bb=$(pdftotext -f 1 -l 1 -bbox "$out/poster/$f.pdf" -)
  y=$(grep -m1 '>Scannen<' <<<"$bb" | sed -E 's/.*yMin="([0-9.]+)".*/\1/')
  check "$f: the scan line is beside the QR code ($y >= 797)" awk -v y="${y:-0}" 'BEGIN {exit !(y >= 797)}'
  x=$(grep -m1 '>mentale-gesundheit.be<' <<<"$bb" | sed -E 's/.*xMax="([0-9.]+)".*/\1/')
  check "$f: mentale-gesundheit.be, whole on one line, is left of the code ($x < 502)" \
    awk -v x="${x:-999}" 'BEGIN {exit !(x < 502)}'
done
# The map's credit in the poster's language (the sidecar's attribution per language).
nocredit=0
for p in "$out"/poster/*.pdf; do
  case $p in *-fr.pdf) word='Limites :';; *-en.pdf) word='Boundaries:';; *) word='Grenzen:';; esac
  pdftotext -f 1 -l 1 "$p" - | tr '\n' ' ' | grep -q "$word bmesuere/ *belgium-\? *topojson" || { nocredit=$((nocredit + 1)); echo "# no map credit ($word) on page 1: $p"; }
done
check "every poster credits the map on page 1, in its language" test "$nocredit" = 0

# When the column beside the QR code is full (here a network with its own phone and
# e-mail), the map's credit is the map's caption: under the legend, above the list line.
cp -r "$SRCDIR/data" "$tmp/full"
sed -i '/^  - id: brumenta$/a\    contact: {phone: 02 511 55 43, email: contact@brumenta.example, website: https://brumenta.example}' "$tmp/full/networks.yaml"
"$RELAIS" build -q -d "$tmp/full" -o "$tmp/fullout" --only poster 2>"$tmp/err"
check "a network with its own contact: built without diagnostics" test ! -s "$tmp/err"
bb=$(pdftotext -f 1 -l 1 -bbox "$tmp/fullout/poster/brumenta-fr.pdf" -)
ymin() { grep -m1 ">$1<" <<<"$bb" | sed -E 's/.*yMin="([0-9.]+)".*/\1/'; }
ymax() { grep -m1 ">$1<" <<<"$bb" | sed -E 's/.*yMax="([0-9.]+)".*/\1/'; }
legend=$(ymax zone) credit=$(ymin Limites) list=$(ymin suivante.)
check "the credit is the map's caption ($legend < $credit < $list)" \
  awk -v a="${legend:-9999}" -v b="${credit:-0}" -v c="${list:-0}" 'BEGIN {exit !(a < b && b < c)}'
check "the network's own e-mail is in the column beside the QR code" grep -q '>contact@brumenta.example<' <<<"$bb"
check "the caption poster: every word can be seen" pdf_text_visible "$tmp/fullout/poster/brumenta-fr.pdf"

# Every group of the Brussels edition is on its poster (list pages), none cut.
txt=$(pdftotext "$out/poster/brussels-fr.pdf" - | tr -s ' \n' ' ')
missing=0
for g in "$SRCDIR"/data/groups/*.yaml; do
  grep -q '^network: brumenta$' "$g" || continue
  id=$(awk '/^id:/ {print $2; exit}' "$g")
  phone=$(awk '/^  phone:/ {sub(/^  phone: */, ""); print; exit}' "$g")
  [ -n "$phone" ] && ! grep -qF "$phone" <<<"$txt" && { missing=$((missing + 1)); echo "# missing $id ($phone)"; }
done
check "Brussels fr: every Brumenta group's phone is on the poster" test "$missing" = 0

# Same data, same bytes.
"$RELAIS" build -q -d "$SRCDIR/data" -o "$tmp/again" --only poster 2>/dev/null
check "rebuild is byte-identical" cmp -s "$out/poster/brussels-fr.pdf" "$tmp/again/poster/brussels-fr.pdf"

finish
