#!/usr/bin/env bash
# test-pdfcheck.sh - the checks in tests/pdfcheck.sh, on PDFs whose content is known:
# the fixture program's (argument 1) and small hand-written ones.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/pdfcheck.sh"
fixture=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# fails CMD...: the check fails (returns non-zero).
fails() { ! "$@" 2>/dev/null; }

# A one-page PDF drawing "Hello" in non-embedded Helvetica at 5 pt x Tm 2 = 10 pt, and one
# with no text; the xref is rebuilt by qpdf (which warns, hence exit 3).
hand_pdf() {
  local content=$1 out=$2 len=${#1}
  printf '%%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R
/Resources << /Font << /F1 5 0 R >> >> >> endobj
4 0 obj << /Length %d >> stream\n%s\nendstream endobj
5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
trailer << /Root 1 0 R >>\n%%%%EOF\n' "$len" "$content" >"$out.raw"
  qpdf "$out.raw" "$out" 2>/dev/null
  [ $? = 0 ] || [ $? = 3 ]
}

for kind in sizes raw plain; do
  "$fixture" $kind "$tmp/$kind.pdf" || { echo "fixture $kind failed"; exit 1; }
done
hand_pdf 'BT /F1 5 Tf 2 0 0 2 20 100 Tm (Hello) Tj ET' "$tmp/helv.pdf"
hand_pdf '0 0 1 rg 10 10 50 50 re f' "$tmp/notext.pdf"
hand_pdf 'q 1.5 0 0 1.5 0 0 cm BT /F1 6 Tf 1 0 0 1 10 50 Tm (Placed) Tj ET Q q 0 2 -2 0 150 20 cm BT /F1 11 Tf (Turned) Tj ET Q' "$tmp/ctm.pdf"
head -c 2000 "$tmp/sizes.pdf" >"$tmp/cut.pdf"

s=$tmp/sizes.pdf
check "tagged: sizes.pdf" pdf_tagged "$s"
check "untagged: plain.pdf" fails pdf_tagged "$tmp/plain.pdf"
check "A4 pages" pdf_page_size "$s" 595 842
check "A4 is not A5" fails pdf_page_size "$s" 420 595
check "A5 page" pdf_page_size "$tmp/plain.pdf" 420 595
expect_err "pdf_page_size: $s: page 2 is 595.276 x 841.89 pt, not 595 x 840" pdf_page_size "$s" 595 840
check "cairo fonts embedded with Unicode maps" pdf_fonts_embedded "$s"
check "Helvetica is not embedded" fails pdf_fonts_embedded "$tmp/helv.pdf"
expect_err "pdf_fonts_embedded: $tmp/helv.pdf: font Helvetica: emb no, uni no" pdf_fonts_embedded "$tmp/helv.pdf"
check "no fonts is a failure" fails pdf_fonts_embedded "$tmp/notext.pdf"
check "qpdf --check clean" pdf_qpdf_ok "$s"
check "truncated file fails qpdf --check" fails pdf_qpdf_ok "$tmp/cut.pdf"
check "has /Lang" pdf_has_lang "$s"
check "has /Lang fr-BE" pdf_has_lang "$s" fr-BE
check "/Lang is not nl-BE" fails pdf_has_lang "$s" nl-BE
check "no /Lang in plain.pdf" fails pdf_has_lang "$tmp/plain.pdf"
expect_out "fr-BE" pdf_lang "$s"
check "no /Lang before the post-pass" fails pdf_has_lang "$tmp/raw.pdf"

alts=$(pdf_figure_alts "$s")
if [ "$alts" = "QR code" ]; then ok "figure alt texts listed"; else not_ok "figure alts" "$alts"; fi
alts=$(pdf_figure_alts "$tmp/raw.pdf"); rc=$?
if [ "$alts" = "-" ] && [ $rc = 1 ]; then ok "figure without /Alt fails"; else not_ok "figure without /Alt fails" "$alts ($rc)"; fi
check "no figures fails" fails pdf_figure_alts "$tmp/plain.pdf"
check "title shown" pdf_shows_title "$s"
check "title not shown before the post-pass" fails pdf_shows_title "$tmp/raw.pdf"
check "no title" fails pdf_shows_title "$tmp/plain.pdf"
expect_out "8.5039 8.5039 586.772 833.386" pdf_page_box "$s" 2 TrimBox
expect_out "0 0 595.276 841.89" pdf_page_box "$s" 1 BleedBox
check "no TrimBox before the post-pass" fails pdf_page_box "$tmp/raw.pdf" 1 TrimBox
check "no page 3" fails pdf_page_box "$s" 3 MediaBox

sizes=$(pdf_text_sizes "$s")
want=$'1 16 Sixteen\n1 12 Twelve\n1 14 Fourteen\n2 20 Twenty'
if [ "$sizes" = "$want" ]; then ok "text sizes: plain, scaled, rotated, scaled x2"; else not_ok "text sizes" "$sizes"; fi
min=$(pdf_min_font_size "$s")
if [ "$min" = 12 ]; then ok "smallest text 12 pt"; else not_ok "smallest text 12 pt" "got '$min'"; fi
min=$(pdf_min_font_size "$tmp/plain.pdf")
if [ "$min" = 9 ]; then ok "smallest text 9 pt"; else not_ok "smallest text 9 pt" "got '$min'"; fi
min=$(pdf_min_font_size "$tmp/helv.pdf")
if [ "$min" = 10 ]; then ok "5 pt font x text matrix 2 = 10 pt"; else not_ok "10 pt by the text matrix" "got '$min'"; fi
sizes=$(pdf_text_sizes "$tmp/ctm.pdf")
if [ "$sizes" = $'1 9 Placed\n1 22 Turned' ]; then ok "CTM scale (cm) counts: 6 x 1.5 = 9, rotated 11 x 2 = 22"; else not_ok "CTM scale counts" "$sizes"; fi
check "no text: no smallest size" fails pdf_min_font_size "$tmp/notext.pdf"
below=$(pdf_text_below "$s" 16)
if [ "$below" = $'1 12 Twelve\n1 14 Fourteen' ]; then ok "text below 16 pt listed"; else not_ok "text below 16 pt" "$below"; fi
check "12 >= 12" pdf_size_at_least 12 12
check "11.5 < 12" fails pdf_size_at_least 11.5 12
check "empty size fails" fails pdf_size_at_least "" 12

qr=$(pdf_qr_decodes "$s" 2)
url='https://example.be/groupes/caf%C3%A9-des-aidants?jour=lundi'
if [ "$qr" = "$url" ]; then ok "30 mm QR decodes at 150 dpi"; else not_ok "QR decodes" "got '$qr'"; fi
check "no QR on page 1" fails pdf_qr_decodes "$s" 1

# Text then a white box over part of it: the covered word is found, the other is not.
hand_pdf "BT /F1 24 Tf 20 150 Td (Shown) Tj ET BT /F1 24 Tf 20 60 Td (Hidden) Tj ET
1 1 1 rg 60 50 100 40 re f" "$tmp/covered.pdf"
check "a word painted over is not visible" fails pdf_text_visible "$tmp/covered.pdf"
hidden=$(pdf_text_visible "$tmp/covered.pdf" 2>&1 | sed 's/.*page 1: //')
if [ "$hidden" = "'Hidden' at (20, 123) pt is painted over (142 pixels of its ink hidden at 60 dpi)" ]; then
  ok "the hidden word is named"; else not_ok "the hidden word is named" "$hidden"; fi
hand_pdf "BT /F1 24 Tf 20 150 Td (Shown) Tj ET 1 1 1 rg 20 20 60 20 re f" "$tmp/shown.pdf"
check "a word beside a white box is visible" pdf_text_visible "$tmp/shown.pdf"
hand_pdf "BT /F1 24 Tf 20 150 Td (Legend) Tj ET BT /F1 24 Tf 40 152 Td (12) Tj ET" "$tmp/over.pdf"
over=$(pdf_text_visible "$tmp/over.pdf" 2>&1 | sed 's/.*page 1: //')
if [ "$over" = "'12' and 'Legend' overlap at (40, 33) pt" ]; then
  ok "words drawn over one another are named"; else not_ok "words drawn over one another" "$over"; fi
check "the bundled-style fixture is visible" pdf_text_visible "$s"
finish
