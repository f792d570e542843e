#!/usr/bin/env bash
# brochures.sh - the guide, the booklet and the flyer as PDFs: sizes, tags, fonts, /Lang,
# text content and order, no text under 16 pt, QR codes that decode, preflight findings
# for unfittable words, byte-identical rebuilds, --press boxes.
#   brochures.sh RENDER_SAMPLE   (tests/render-sample.c)
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/pdfcheck.sh"
sample=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$sample" "$tmp/a" 2>"$tmp/a.err"
check "clean data renders without findings (exit 0)" test $? = 0
check "clean data: no diagnostics" test ! -s "$tmp/a.err"
[ -s "$tmp/a.err" ] && sed 's/^/#   /' "$tmp/a.err"

for f in guide/brussels-fr guide/brussels-nl booklet/brussels-fr flyer/anderlecht-cafe-fr flyer/ixelles-deuil-nl; do
  check "$f.pdf exists" test -s "$tmp/a/$f.pdf"
  check "$f.pdf tagged" pdf_tagged "$tmp/a/$f.pdf"
  check "$f.pdf qpdf --check clean" pdf_qpdf_ok "$tmp/a/$f.pdf"
  check "$f.pdf fonts embedded with Unicode maps" pdf_fonts_embedded "$tmp/a/$f.pdf"
  min=$(pdf_min_font_size "$tmp/a/$f.pdf")
  check "$f.pdf no text under 16 pt (smallest $min)" pdf_size_at_least "$min" 16
  check "$f.pdf thumbnail written" test -s "$tmp/a/$f.pdf.png"
done
check "guide fr /Lang fr-BE" pdf_has_lang "$tmp/a/guide/brussels-fr.pdf" fr-BE
check "guide nl /Lang nl-BE" pdf_has_lang "$tmp/a/guide/brussels-nl.pdf" nl-BE
check "guide A4" pdf_page_size "$tmp/a/guide/brussels-fr.pdf" 595 842
check "flyer A5" pdf_page_size "$tmp/a/flyer/anderlecht-cafe-fr.pdf" 420 595
check "booklet A4 landscape" pdf_page_size "$tmp/a/booklet/brussels-fr.pdf" 842 595
pages=$(pdfinfo "$tmp/a/booklet/brussels-fr.pdf" | awk '/^Pages:/ {print $2}')
check "booklet sheet sides even ($pages)" test $((pages % 2)) = 0
flyer_pages=$(pdfinfo "$tmp/a/flyer/anderlecht-cafe-fr.pdf" | awk '/^Pages:/ {print $2}')
check "flyer is one page ($flyer_pages)" test "$flyer_pages" = 1

# Content: groups in order (city then name), weekday and time in words, labels, notes.
txt=$(pdftotext -layout "$tmp/a/guide/brussels-fr.pdf" - | tr -s ' \n' ' ')
order=$(printf '%s' "$txt" | grep -o -E "Café-rencontre d'Anderlecht|Groupe de parole après un deuil|Marcher ensemble" | tr '\n' '|')
check "guide lists the groups in order ($order)" test "$order" = "Café-rencontre d'Anderlecht|Groupe de parole après un deuil|Marcher ensemble|"
check "guide fr says when in words" grep -q "Le premier lundi du mois, de 14 h à 16 h" <<<"$txt"
check "guide has the sample notice" grep -q "Données d'exemple" <<<"$txt"
check "guide has the paper advice" grep -q "100 g/m²" <<<"$txt"
check "guide has the checked date" grep -q "20 novembre 2026" <<<"$txt"
check "guide has page numbers" grep -q "Page 2" <<<"$txt"
nltxt=$(pdftotext "$tmp/a/guide/brussels-nl.pdf" - | tr -s ' \n' ' ')
check "guide nl says when in words" grep -q "Elke eerste maandag van de maand, 14.00–16.00 uur" <<<"$nltxt"
btxt=$(pdftotext "$tmp/a/booklet/brussels-fr.pdf" - | tr -s ' \n' ' ')
check "booklet has the groups" grep -q "Marcher ensemble" <<<"$btxt"
ftxt=$(pdftotext "$tmp/a/flyer/anderlecht-cafe-fr.pdf" - | tr -s ' \n' ' ')
check "flyer has the phone" grep -q "02 123 45 67" <<<"$ftxt"
check "flyer has the example mark" grep -q "Exemple" <<<"$ftxt"
check "flyer prints the URL (wrapped at a slash)" grep -q "https://example.org/groupes/anderlecht-cafe" <<<"$(tr -d ' ' <<<"$ftxt")"

# QR codes decode at 150 dpi to the printed URL.
qr=$(pdf_qr_decodes "$tmp/a/flyer/anderlecht-cafe-fr.pdf" 1)
check "flyer QR decodes to the URL ($qr)" test "$qr" = "https://example.org/groupes/anderlecht-cafe"

# Links: tel: and https: annotations.
links=$(qpdf --qdf --object-streams=disable "$tmp/a/flyer/anderlecht-cafe-fr.pdf" - | grep -a -o '/URI ([^)]*)' | sort -u | tr '\n' ' ')
check "flyer links tel: ($links)" grep -q "tel:+3221234567" <<<"$links"
check "flyer links the website" grep -q "https://example.org/groupes/anderlecht-cafe" <<<"$links"

# Reproducible: the same model renders to the same bytes.
"$sample" "$tmp/b" 2>/dev/null
same=yes
for f in $(cd "$tmp/a" && find . -name '*.pdf'); do cmp -s "$tmp/a/$f" "$tmp/b/$f" || same="no ($f)"; done
check "byte-identical rebuild: $same" test "$same" = yes

# --press: bleed, crop marks, TrimBox and BleedBox.
"$sample" "$tmp/p" --press 2>/dev/null
check "press renders" test -s "$tmp/p/flyer/anderlecht-cafe-fr.pdf"
boxes=$(qpdf --qdf --object-streams=disable "$tmp/p/flyer/anderlecht-cafe-fr.pdf" - | grep -a -E '/(TrimBox|BleedBox)' | wc -l)
check "press flyer has TrimBox and BleedBox ($boxes)" test "$boxes" -ge 2

# Tricky data: no clipping; the unfittable word is a finding with its position.
"$sample" "$tmp/t" --tricky 2>"$tmp/t.err"
rc=$?
check "tricky data: exit 1 (preflight findings)" test "$rc" = 1
check "tricky: compound is a finding at its position" \
  grep -q "^data/groups/tricky-compound.yaml:2:3: error: text 'Zorgcoördinatieondersteuning…' does not fit its box" "$tmp/t.err"
check "tricky: an emoji no font has is left out with a warning" \
  grep -q "^data/groups/tricky-emoji.yaml:2:3: warning: text 'Tricot & papote ' has 1 character no font can draw (left out) (flyer/tricky-emoji-fr.pdf, page 1)" "$tmp/t.err"
et=$(pdftotext "$tmp/t/flyer/tricky-emoji-fr.pdf" - | tr -s ' \n' ' ')
check "tricky: emoji with a font (☕) is drawn" grep -q "on rit ☕" <<<"$et"
check "tricky: emoji group rendered" test -s "$tmp/t/flyer/tricky-emoji-fr.pdf"
check "tricky: long name flyer rendered" test -s "$tmp/t/flyer/tricky-long-fr.pdf"
check "tricky: long name is no finding" bash -c "! grep -q tricky-long '$tmp/t.err'"
lt=$(pdftotext "$tmp/t/guide/brussels-fr.pdf" - | tr -s ' \n' ' ')
check "tricky: 120-character name printed whole" grep -q "dans les dix-neuf communes de Bruxelles" <<<"$lt"
finish
