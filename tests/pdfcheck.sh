# pdfcheck.sh - shell functions that check PDFs, for the shell tests. Source it after
# tests/lib.sh:
#
#   . "$SRCDIR/tests/lib.sh"
#   . "$SRCDIR/tests/pdfcheck.sh"
#   check "guide is tagged" pdf_tagged out/guide/x-fr.pdf
#   min=$(pdf_min_font_size out/guide/x-fr.pdf)
#   check "no text under 16 pt (smallest: $min)" pdf_size_at_least "$min" 16
#
# Each check returns 0 when it holds and 1 when not, saying why on stderr. None exits.
# Checks: pdf_tagged, pdf_page_size, pdf_fonts_embedded, pdf_qpdf_ok, pdf_has_lang,
# pdf_shows_title, pdf_figure_alts, pdf_size_at_least, pdf_qr_decodes, pdf_text_visible.
# Printers: pdf_lang, pdf_page_box, pdf_text_sizes, pdf_min_font_size, pdf_text_below.
# Needs poppler-utils (pdfinfo, pdffonts, pdftoppm), qpdf, python3, mupdf-tools
# (mutool), zbar-tools (zbarimg) and ghostscript (gs).

# pdf_tagged FILE: pdfinfo says "Tagged: yes" (cairo wrote /MarkInfo and a structure tree).
pdf_tagged() {
  local info
  info=$(pdfinfo "$1" 2>&1) || { echo "pdf_tagged: $1: $info" >&2; return 1; }
  if printf '%s\n' "$info" | grep -Eq '^Tagged: +yes$'; then return 0; fi
  echo "pdf_tagged: $1: $(printf '%s\n' "$info" | grep -E '^Tagged:' || echo 'no Tagged line')" >&2
  return 1
}

# pdf_page_size FILE W H: every page is W x H points, give or take 1 pt (pdfinfo sizes,
# which are the MediaBox; rotation ignored).
pdf_page_size() {
  local out
  out=$(pdfinfo -f 1 -l 99999 "$1" 2>&1) || { echo "pdf_page_size: $1: $out" >&2; return 1; }
  printf '%s\n' "$out" | awk -v w="$2" -v h="$3" -v f="$1" '
    function abs(x) { return x < 0 ? -x : x }
    /^Page +[0-9]+ size:/ {
      n++
      if (abs($4 - w) > 1 || abs($6 - h) > 1) {
        printf "pdf_page_size: %s: page %d is %s x %s pt, not %s x %s\n", f, $2, $4, $6, w, h > "/dev/stderr"
        bad++
      }
    }
    END {
      if (n == 0) { printf "pdf_page_size: %s: no pages\n", f > "/dev/stderr"; exit 1 }
      exit bad > 0
    }'
}

# pdf_fonts_embedded FILE: the PDF has fonts, and every one is embedded (emb yes) with a
# Unicode map (uni yes), so text prints as drawn and can be read aloud and searched.
pdf_fonts_embedded() {
  local out
  out=$(pdffonts "$1" 2>&1) || { echo "pdf_fonts_embedded: $1: $out" >&2; return 1; }
  # Columns from the end: emb sub uni object-number generation (names and types may
  # contain spaces, these never do).
  printf '%s\n' "$out" | awk -v f="$1" '
    NR > 2 && NF >= 6 {
      n++
      if ($(NF-4) != "yes" || $(NF-2) != "yes") {
        printf "pdf_fonts_embedded: %s: font %s: emb %s, uni %s\n", f, $1, $(NF-4), $(NF-2) > "/dev/stderr"
        bad++
      }
    }
    END {
      if (n == 0) { printf "pdf_fonts_embedded: %s: no fonts at all\n", f > "/dev/stderr"; exit 1 }
      exit bad > 0
    }'
}

# pdf_qpdf_ok FILE: qpdf --check finds no error and no warning.
pdf_qpdf_ok() {
  local out
  if out=$(qpdf --check "$1" 2>&1); then return 0; fi
  printf 'pdf_qpdf_ok: %s:\n%s\n' "$1" "$out" | head -20 >&2
  return 1
}

# pdf_lang FILE: prints the catalog's /Lang ("fr-BE"); returns 1 (printing nothing)
# when there is none.
pdf_lang() {
  qpdf --json=2 --json-key=qpdf "$1" 2>/dev/null | python3 -c '
import json, sys
objs = json.load(sys.stdin)["qpdf"][1]
root = objs["obj:" + objs["trailer"]["value"]["/Root"]]["value"]
lang = root.get("/Lang")
if lang is None:
    sys.exit(1)
if lang.startswith("u:"):
    lang = lang[2:]
print(lang)'
}

# pdf_has_lang FILE [LANG]: the catalog has a /Lang (equal to LANG when given).
pdf_has_lang() {
  local lang
  if ! lang=$(pdf_lang "$1"); then echo "pdf_has_lang: $1: no /Lang in the catalog" >&2; return 1; fi
  if [ -n "${2:-}" ] && [ "$lang" != "$2" ]; then
    echo "pdf_has_lang: $1: /Lang is '$lang', not '$2'" >&2
    return 1
  fi
}

# _pdf_json FILE PYTHON [ARG...]: runs PYTHON (sys.argv[1:] = ARGs) with `objs` (qpdf --json=2 objects), `obj(ref)`
# (an object's dictionary), `root` (the catalog) and `text(v)` (a JSON string value
# without qpdf's "u:"/"b:" prefix) defined; its exit status is the function's.
_pdf_json() {
  qpdf --json=2 --json-key=qpdf "$1" 2>/dev/null | python3 -c '
import json, sys
objs = json.load(sys.stdin)["qpdf"][1]
def obj(ref):
    o = objs.get("obj:" + ref, {})
    return o["stream"]["dict"] if "stream" in o else o.get("value")
def text(v):
    return v[2:] if isinstance(v, str) and v[:2] in ("u:", "b:") else v
root = obj(objs["trailer"]["value"]["/Root"])
'"$2" "${@:3}"
}

# pdf_figure_alts FILE: prints the /Alt of every /Figure structure element in document
# order, one per line ("-" where there is none); returns 1 when a figure has no /Alt
# or an empty one, or when there are no figures.
pdf_figure_alts() {
  _pdf_json "$1" '
figs = []
def walk(node, depth=0, seen=set()):
    if depth > 256: return
    if isinstance(node, list):
        for k in node: walk(k, depth + 1)
        return
    if not (isinstance(node, str) and node.endswith(" R")) or node in seen: return
    seen.add(node)
    e = obj(node)
    if not isinstance(e, dict): return
    if e.get("/S") == "/Figure": figs.append(text(e.get("/Alt")) or "-")
    if "/K" in e: walk(e["/K"], depth + 1)
tree = root.get("/StructTreeRoot")
if tree: walk(obj(tree).get("/K"), 0)
for a in figs: print(a)
sys.exit(0 if figs and "-" not in figs else 1)'
}

# pdf_shows_title FILE: the document has a non-empty /Title and asks viewers to show it
# (/ViewerPreferences/DisplayDocTitle true).
pdf_shows_title() {
  if _pdf_json "$1" '
info = obj(objs["trailer"]["value"].get("/Info", "")) or {}
vp = root.get("/ViewerPreferences") or {}
if isinstance(vp, str): vp = obj(vp)
sys.exit(0 if text(info.get("/Title")) and vp.get("/DisplayDocTitle") is True else 1)'; then
    return 0
  fi
  echo "pdf_shows_title: $1: no /Title or no DisplayDocTitle" >&2
  return 1
}

# pdf_page_box FILE PAGE BOX: prints page PAGE's (1-based) box BOX (MediaBox, TrimBox,
# BleedBox, CropBox) as "x0 y0 x1 y1" in points; returns 1 when the page has none.
pdf_page_box() {
  _pdf_json "$1" '
def pages(ref):
    node = obj(ref)
    if node.get("/Type") == "/Pages":
        return [p for k in node["/Kids"] for p in pages(k)]
    return [node]
ps = pages(root["/Pages"])
n = int(sys.argv[1]) if len(sys.argv) > 1 else 0
box = ps[n - 1].get("/'"$3"'") if 0 < n <= len(ps) else None
if not box: sys.exit(1)
print(" ".join("%g" % v for v in box))' "$2"
}

# pdf_text_sizes FILE: one line per run of text drawn ("PAGE SIZE TEXT"), SIZE being the
# size in points it appears at on the page: the font size times the text matrix times
# the transformation matrix (scaled, rotated and placed text included; invisible text
# left out), measured on the height of the glyphs' em square, from `mutool trace`.
pdf_text_sizes() {
  local out
  out=$(mutool trace "$1" 2>/dev/null) || { echo "pdf_text_sizes: $1: mutool trace failed" >&2; return 1; }
  printf '%s\n' "$out" | awk '
    function attr(line, name,   s) {
      if (!match(line, name "=\"[^\"]*\"")) return ""
      s = substr(line, RSTART + length(name) + 2, RLENGTH - length(name) - 3)
      return s
    }
    function flush() {
      if (in_span) {
        gsub(/&lt;/, "<", text); gsub(/&gt;/, ">", text); gsub(/&quot;/, "\"", text)
        gsub(/&apos;/, "\047", text); gsub(/&amp;/, "\\&", text)
        printf "%d %s %s\n", page, size, text
      }
      in_span = 0
    }
    /<page / { page = attr($0, "number") }
    /<(fill|stroke|clip|clip_stroke)_text / { split(attr($0, "transform"), m, " "); visible = 1 }
    /<ignore_text / { visible = 0 }
    /<span / {
      flush()
      if (!visible) next
      split(attr($0, "trm"), t, " ")
      # The glyph y axis (0, 1) goes to (c, d) by the text matrix, then through the CTM.
      x = t[3] * m[1] + t[4] * m[3]
      y = t[3] * m[2] + t[4] * m[4]
      size = sprintf("%.2f", sqrt(x * x + y * y))
      sub(/\.?0+$/, "", size)
      in_span = 1; text = ""
    }
    /<g / && in_span { text = text attr($0, "unicode") }
    /<\/span>/ { flush() }'
}

# pdf_min_font_size FILE: prints the smallest text size drawn, in points (as
# pdf_text_sizes measures it: "12", "11.5"); returns 1 when there is no text.
pdf_min_font_size() {
  local min
  min=$(pdf_text_sizes "$1" | sort -k2,2g | head -n 1 | cut -d' ' -f2)
  if [ -z "$min" ]; then echo "pdf_min_font_size: $1: no text drawn" >&2; return 1; fi
  echo "$min"
}

# pdf_text_below FILE PT: prints every run of text drawn smaller than PT points
# ("PAGE SIZE TEXT"), to show which text a size check caught.
pdf_text_below() {
  pdf_text_sizes "$1" | awk -v pt="$2" '$2 + 0 < pt + 0'
}

# pdf_size_at_least SIZE MIN: SIZE >= MIN (decimal numbers), for use with `check`.
pdf_size_at_least() {
  awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "" && a + 0 >= b + 0) }'
}

# pdf_qr_decodes FILE PAGE: renders page PAGE (1-based) at 150 dpi and prints every QR
# code zbarimg reads on it, one per line. Returns 1 when none decodes.
pdf_qr_decodes() {
  local dir rc=0
  dir=$(mktemp -d "${TMPDIR:-/tmp}/pdfcheck.XXXXXX")
  if pdftoppm -r 150 -f "$2" -l "$2" -png -singlefile "$1" "$dir/page" 2>"$dir/err"; then
    zbarimg --quiet --raw -Sdisable -Sqrcode.enable "$dir/page.png" 2>/dev/null || rc=1
  else
    echo "pdf_qr_decodes: $1: page $2: $(cat "$dir/err")" >&2
    rc=1
  fi
  rm -rf "$dir"
  return $rc
}

# pdf_text_visible FILE...: every word of the text layer can be seen on the rendered page:
# none is painted over by a later shape (a QR code's quiet zone, a frame) and none lies off
# the page (tests/visible.py: Ghostscript renders each page whole and text-only). Names
# each hidden word on stderr.
pdf_text_visible() {
  python3 "$SRCDIR/tests/visible.py" "$@" >&2
}
