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
outline=$(mutool show "$tmp/a/guide/brussels-fr.pdf" outline 2>/dev/null)
check "guide outline: the groups heading" grep -q '"Les groupes"' <<<"$outline"
check "guide outline: each group under it" grep -q $'\t\t"Marcher ensemble"' <<<"$outline"
nltxt=$(pdftotext "$tmp/a/guide/brussels-nl.pdf" - | tr -s ' \n' ' ')
check "guide nl says when in words" grep -q "Elke eerste maandag van de maand, 14.00–16.00 uur" <<<"$nltxt"
btxt=$(pdftotext "$tmp/a/booklet/brussels-fr.pdf" - | tr -s ' \n' ' ')
check "booklet has the groups" grep -q "Marcher ensemble" <<<"$btxt"
ftxt=$(pdftotext "$tmp/a/flyer/anderlecht-cafe-fr.pdf" - | tr -s ' \n' ' ')
check "flyer has the phone" grep -q "02 123 45 67" <<<"$ftxt"
check "flyer has the example mark" grep -q "Exemple" <<<"$ftxt"
check "flyer prints the URL (wrapped at a slash)" grep -q "example.org/groupes/anderlecht-cafe" <<<"$(tr -d ' ' <<<"$ftxt")"
# A reader types the address: it is printed without "https://" (which once took a line
# alone); the link and the QR code keep it.
check "flyer prints the URL without https://" test "$(grep -c "https://" <<<"$ftxt")" = 0
check "guide prints web addresses without https://" test "$(grep -c "https://" <<<"$txt")" = 0

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
  grep -q "^data/groups/tricky-emoji.yaml:2:3: warning: text 'Tricot & papote' has 1 character no font can draw (left out) (flyer/tricky-emoji-fr.pdf, page 1)" "$tmp/t.err"
et=$(pdftotext "$tmp/t/flyer/tricky-emoji-fr.pdf" - | tr -s ' \n' ' ')
check "tricky: emoji with a font (☕) is drawn" grep -q "on rit ☕" <<<"$et"
check "tricky: emoji group rendered" test -s "$tmp/t/flyer/tricky-emoji-fr.pdf"
check "tricky: long name flyer rendered" test -s "$tmp/t/flyer/tricky-long-fr.pdf"
check "tricky: long name is no finding" bash -c "! grep -q tricky-long '$tmp/t.err'"
lt=$(pdftotext "$tmp/t/guide/brussels-fr.pdf" - | tr -s ' \n' ' ')
check "tricky: 120-character name printed whole" grep -q "dans les dix-neuf communes de Bruxelles" <<<"$lt"

# The command line on a tricky YAML data set: `relais check` lays everything out and
# reports the unfittable word at its position; `relais build` keeps the outputs only
# with --allow-findings.
tricky=$SRCDIR/tests/data-tricky
expect_exit 1 "$RELAIS" check -d "$tricky"
expect_err "$tricky/groups/compound.yaml:3:7: error: text 'Zorgcoördinatieondersteuning…' does not fit its box (882 pt wide, box 334 pt) (flyer/compound-nl.pdf, page 1)" \
  "$RELAIS" check -d "$tricky"
expect_err "$tricky/groups/emoji.yaml:3:7: warning: text 'Tricot & papote' has 1 character no font can draw (left out) (flyer/emoji-fr.pdf, page 1)" \
  "$RELAIS" check -d "$tricky"
"$RELAIS" build -q -d "$tricky" -o "$tmp/ct" --only flyer >/dev/null 2>&1
check "build refuses the flyer with a finding" test ! -e "$tmp/ct/flyer/compound-nl.pdf"
check "build writes the clean flyers" test -s "$tmp/ct/flyer/long-name-fr.pdf"
"$RELAIS" build -q -d "$tricky" -o "$tmp/ct" --only flyer --allow-findings >/dev/null 2>&1
check "--allow-findings writes it" test -s "$tmp/ct/flyer/compound-nl.pdf"
lt=$(pdftotext "$tmp/ct/flyer/long-name-fr.pdf" - | tr -s ' \n' ' ')
check "120-character name printed whole on its flyer" grep -q "dans les dix-neuf communes de Bruxelles" <<<"$lt"

# A layout that names a font the set does not have: a clear error, no silent fallback.
cp -r "$SRCDIR/tests/data-min" "$tmp/nofont"
mkdir -p "$tmp/nofont/layouts"
printf 'font: Comic Nonsense\n' >"$tmp/nofont/layouts/flyer.yaml"
nf=$("$RELAIS" check -d "$tmp/nofont" 2>&1 >/dev/null); rc=$?
check "missing layout font: check exits 1" test "$rc" = 1
check "missing layout font: error at the font: line, listing the installed fonts" \
  grep -qF "$tmp/nofont/layouts/flyer.yaml:1:7: error: font 'Comic Nonsense' is not installed; installed fonts: Andika, " <<<"$nf"
check "missing layout font: Tiresias LPfont among them" grep -qF ", Tiresias LPfont" <<<"$nf"
check "missing layout font: nothing laid out" test "$(grep -c "flyer/" <<<"$nf")" = 0

# The bundled data: every output clean, every group of an edition in its guide in order,
# nothing under 16 pt, QR codes that decode to the address printed beside them.
"$sample" "$tmp/d" --data "$SRCDIR/data" 2>"$tmp/d.err"
check "bundled data renders (exit 0)" test $? = 0
check "bundled data: no preflight finding" bash -c "! grep -v 'warning: .*checked' '$tmp/d.err' | grep -q ."
n=0; bad=""
for f in $(cd "$tmp/d" && find . -name '*.pdf' | sort); do
  n=$((n + 1))
  pdf_tagged "$tmp/d/$f" 2>/dev/null && pdf_qpdf_ok "$tmp/d/$f" 2>/dev/null &&
    pdf_fonts_embedded "$tmp/d/$f" 2>/dev/null || bad="$bad $f"
  min=$(pdf_min_font_size "$tmp/d/$f" 2>/dev/null)
  pdf_size_at_least "$min" 16 || bad="$bad $f(${min}pt)"
done
check "all $n bundled PDFs tagged, qpdf-clean, fonts embedded, >= 16 pt:${bad:- yes}" test -z "$bad"

# in_order PDF NAMES [any]: every line of NAMES occurs in the PDF's text, in order (in
# any order with a third argument), white space, hyphens (pdftotext joins a word split
# after a hyphen) and no-break characters aside.
in_order() {
  pdftotext "$1" - | python3 -c '
import re, sys
norm = lambda s: re.sub(r"\s+", " ", s.replace("\u00a0", " ").replace("\u2060", "").replace("-", "")).strip()
text, at = norm(sys.stdin.read()), 0
for name in open(sys.argv[1], encoding="utf-8").read().splitlines():
    i = text.find(norm(name), 0 if len(sys.argv) > 2 else at)
    if i < 0:
        sys.exit("missing or out of order: " + name)
    at = i + len(norm(name))
' "$2" ${3:+any}
}
for f in $(cd "$tmp/d" && find guide -name '*.pdf' | sort); do
  groups=$(wc -l <"$tmp/d/$f.groups")
  check "$f lists its $groups groups in order" in_order "$tmp/d/$f" "$tmp/d/$f.groups"
done
# The booklet's sheets are in imposition order: every group is there, order aside.
for f in $(cd "$tmp/d" && find booklet -name '*.pdf' | sort); do
  check "$f has every group" in_order "$tmp/d/$f" "$tmp/d/$f.groups" any
done

# A sample group's name ends with the example mark of the page's language: "Trauergruppe
# Eupen (Beispiel)" reads "(exemple)" in the French guide, "(voorbeeld)" never appears on a
# French page.
ofr=$(pdftotext "$tmp/d/guide/ostbelgien-fr.pdf" - | tr -s ' \n' ' ')
check "ostbelgien-fr: 'Trauergruppe Eupen (exemple)'" grep -q "Trauergruppe Eupen (exemple)" <<<"$ofr"
check "ostbelgien-fr outline: 'Trauergruppe Eupen (exemple)'" \
  grep -qF '"Trauergruppe Eupen (exemple)"' <<<"$(mutool show "$tmp/d/guide/ostbelgien-fr.pdf" outline 2>/dev/null)"
marks=$(for f in "$tmp"/d/guide/*-fr.pdf "$tmp"/d/booklet/*-fr.pdf; do
  pdftotext "$f" - | grep -oE "\((voorbeeld|Beispiel|example)\)" | sed "s|^|$(basename "$f") |"
done | sort -u | tr '\n' ' ')
check "French guides and booklets carry no other language's example mark${marks:+: $marks}" test -z "$marks"

# A contact line stays with what it belongs to: no page begins with a lone "Site web :"
# (the Namur network's once did, a page after its name and description).
lone=$(for f in "$tmp"/d/guide/*.pdf "$tmp"/d/booklet/*.pdf; do
  n=$(pdfinfo "$f" | awk '/^Pages:/ {print $2}')
  for p in $(seq 2 "$n"); do
    pdftotext -f "$p" -l "$p" "$f" - | grep -m1 '[[:alnum:]]' |
      grep -qE "^(Site web|Website|Webseite|Téléphone|Telefoon|Telefon|Phone|E-mail|E-Mail|Adresse?|Address)" &&
      printf ' %s:%s' "$(basename "$f")" "$p"
  done
done)
check "no guide or booklet page begins with a contact line cut from its entry${lone:+:$lone}" test -z "$lone"

# A guide page with a card: its QR code decodes to the address printed on that page
# (printed without "https://", see card_web_address).
g=$tmp/d/guide/brussels-fr.pdf
pages=$(pdfinfo "$g" | awk '/^Pages:/ {print $2}')
found=none
for p in $(seq 2 "$pages"); do
  url=$(pdf_qr_decodes "$g" "$p" 2>/dev/null | head -n 1)
  [ -n "$url" ] || continue
  printed=$(pdftotext -f "$p" -l "$p" "$g" - | tr -d ' \n')
  case "$printed" in *"${url#https://}"*) found="ok";; *) found="not printed";; esac
  break
done
check "guide card QR decodes to the address printed beside it ($url, page $p): $found" test "$found" = ok

# Bundled flyers with a QR code (the first 16): each decodes, at 150 dpi, to the address
# printed on it (hyphens aside: pdftotext joins "saint-" and "gilles" at a line end;
# "https://" aside: it is not printed).
bad=""; n=0
for f in $(ls "$tmp"/d/flyer/*.pdf | head -n 16); do
  url=$(pdf_qr_decodes "$f" 1 2>/dev/null | head -n 1)
  [ -n "$url" ] || continue
  n=$((n + 1))
  case "$(pdftotext "$f" - | tr -d ' \n-')" in *"$(tr -d '-' <<<"${url#https://}")"*) ;; *) bad="$bad $(basename "$f")";; esac
done
check "$n flyer QR codes decode to their printed address${bad:+ (not:$bad)}" test -z "$bad" -a "$n" -gt 8

# A card taller than what is left of a page goes on with "Suite : <its name>" atop the next
# page, so the phone number there is never without the group's name (the bundled Brussels
# guide has two such cards). No page may start with a card's contact lines alone.
g=$tmp/d/guide/brussels-fr.pdf
pages=$(pdfinfo "$g" | awk '/^Pages:/ {print $2}')
cont=0; orphan=""
for p in $(seq 2 "$pages"); do
  first=$(pdftotext -f "$p" -l "$p" "$g" - | grep -v '^\s*$' | head -n 1)
  case "$first" in
    "Suite : "*)
      name=${first#Suite : }
      pdftotext -f $((p - 1)) -l $((p - 1)) "$g" - | grep -qF "$name" && cont=$((cont + 1)) ||
        orphan="$orphan $p(name '$name' not on page $((p - 1)))";;
    "Téléphone"*|"E-mail"*|"Scannez"*) orphan="$orphan $p";;
  esac
done
check "guide: $cont continued cards carry their name on the next page${orphan:+ (bad pages:$orphan)}" \
  test "$cont" -ge 1 -a -z "$orphan"

check "every word of the bundled guides and flyers can be seen" \
  pdf_text_visible "$tmp"/d/guide/*.pdf "$tmp"/d/flyer/*.pdf

# Each card names its kind of group in the words of the editorial page that explains the
# three kinds (so a reader can look it up): every "<kind> — <Example>" line of a card
# names a kind that the guide's text also names elsewhere, case aside.
bad=""
for g in "$tmp"/d/guide/*.pdf; do
  pdftotext "$g" - | python3 -c '
import re, sys
text = sys.stdin.read()
kinds = set(m.group(1) for m in re.finditer(r"^(.+?) — (?:Exemple|Voorbeeld|Beispiel|Example)$", text, re.M))
low = text.lower()
missing = [k for k in kinds if low.count(k.lower()) < 1 + text.count(k + " — ")]
sys.exit(1 if missing or not kinds else 0)
' || bad="$bad $(basename "$g")"
done
check "cards name their kind as the editorial page does${bad:+ (not in:$bad)}" test -z "$bad"

# Booklet imposition: n pages on n/4 sheets; sheet 0 front = [n, 1], back = [2, n-1].
b=$tmp/d/booklet/brussels-fr.pdf
sides=$(pdfinfo "$b" | awk '/^Pages:/ {print $2}')
n=$((sides * 2))
check "booklet page count $n is a multiple of 4" test $((n % 4)) = 0
front=$(pdftotext -f 1 -l 1 "$b" - | tr -s ' \n' ' ')
back=$(pdftotext -f 2 -l 2 "$b" - | tr -s ' \n' ' ')
check "sheet 1 front carries page $n (back cover)" grep -q "Page $n" <<<"$front"
check "sheet 1 back carries page 2" grep -q "Page 2 " <<<"$back "
check "sheet 1 back carries page $((n - 1))" grep -q "Page $((n - 1))" <<<"$back"
finish
