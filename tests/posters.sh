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
  # The QR code decodes to the URL printed on the line under "scan the code".
  qr=$(pdf_qr_decodes "$p" 1)
  url=$(pdftotext -f 1 -l 1 "$p" - | grep -m1 -E '^https?://')
  check "$f: QR code decodes to the printed URL ($qr)" test -n "$qr" -a "$qr" = "$url"
  check "$f: thumbnail in the build" test -s "$out/.thumbs/poster-$f.pdf.png"
done

check "Brussels fr: the check date" grep -q "Vérifié le" <<<"$(pdftotext "$out/poster/brussels-fr.pdf" -)"
alt=$(qpdf --qdf --object-streams=disable "$out/poster/brussels-fr.pdf" - | grep -a '/Alt (Carte')
check "Brussels fr: the map's alt text names the area" grep -q "En surbrillance : Arrondissement de Bruxelles-Capitale \\\\(19 communes\\\\)" <<<"$alt"
alt=$(qpdf --qdf --object-streams=disable "$out/poster/ostbelgien-de.pdf" - | grep -a '/Alt (Karte' | iconv -f ISO-8859-1 -t UTF-8) # PDFDocEncoding
check "Ostbelgien de: the alt text names the nine municipalities in German" grep -q "Amel, Büllingen, Bütgenbach, Eupen, Kelmis, Lontzen, Raeren, Sankt Vith und Burg-Reuland" <<<"$alt"
sara=$(pdftotext "$out/poster/sara-nl.pdf" - | tr '\n' ' ')
check "SaRA (no known area) says so" grep -q "Het werkgebied van dit netwerk is nog niet bekend" <<<"$sara"

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
