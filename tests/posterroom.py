#!/usr/bin/env python3
"""posterroom.py - how much room page 1 of a poster gives its map, and what sits by the QR.

For each poster PDF, from page 1:
- MAP_MM: the map's height, read from the words (pdftotext -bbox) as the tallest band of
  the page's left half with no word in it (the dots' numbers, digits only, are inside the
  map and do not count), in mm;
- AREA_CM2: the highlighted area's size on the page, cm²: the pixels of the highlight
  colour (#f2c200, also where a thin border line greys it) on the page rendered at 20
  dpi (the inset's small copy and the legend's swatch count too, a few cm²); 0 when
  nothing is highlighted;
- LEGEND: the most lines any legend entry takes ("zone de NAME", "un groupe de la liste",
  the unknown-area note; NAME is the poster's title, its largest words), from
  pdftotext -bbox-layout; 0 when no entry is found;
- then every word inside the QR code (the symbol, 100 mm at the bottom right inside 20 mm
  margins, and at least the smallest quiet zone of 4 modules of a 41-module symbol),
  which must be none.

    posterroom.py FILE.pdf...   prints "NAME MAP_MM AREA_CM2 LEGEND WORDS_IN_QR [words]";
                                exit 1 if a word is in a QR code
"""
import os
import re
import subprocess
import sys
import tempfile

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
LINE = re.compile(r'<line xMin')
MM = 72 / 25.4
QR = 100 * MM + 4 * 100 * MM / 41  # symbol and the smallest quiet zone, points
DPI = 30

# The legend's words (src/render/posterwords.c): the area entry's lead-in (followed by the
# poster's name), the dot's entry, the unknown-area note.
LEGEND = {
    "fr": ("zone de", "un groupe de la liste",
           "La zone de ce réseau n'est pas encore connue : elle n'est pas marquée sur la carte."),
    "nl": ("werkgebied van", "een groep uit de lijst",
           "Het werkgebied van dit netwerk is nog niet bekend: het staat niet op de kaart."),
    "de": ("Gebiet von", "eine Gruppe aus der Liste",
           "Das Gebiet dieses Netzwerks ist noch nicht bekannt: Es ist nicht auf der Karte markiert."),
    "en": ("area of", "a group in the list",
           "This network's area is not known yet: it is not marked on the map."),
}


def page_one(path):
    out = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", path, "-"],
                         capture_output=True, text=True, check=True).stdout
    pw, ph = map(float, PAGE.search(out).groups())
    words = [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in WORD.findall(out)]
    return pw, ph, words


def map_band(pw, words):
    left = sorted((w for w in words if w[0] < 0.55 * pw and not w[4].isdigit()),
                  key=lambda w: w[1])
    best, bottom = 0.0, left[0][3] if left else 0.0
    for w in left[1:]:
        best = max(best, w[1] - bottom)
        bottom = max(bottom, w[3])
    return best / MM


def area_cm2(path):
    """The highlighted area on page 1, cm²: pixels of the highlight colour at 20 dpi."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile", path,
                        os.path.join(tmp, "p")], check=True)
        with open(os.path.join(tmp, "p.ppm"), "rb") as f:
            data = f.read()
    head = data.split(maxsplit=4)
    w, h, px = int(head[1]), int(head[2]), head[4]
    hits = sum(1 for i in range(0, 3 * w * h, 3)
               if px[i] >= 150 and px[i + 1] >= 110 and px[i + 2] <= 120 and px[i] - px[i + 2] >= 80)
    return hits * (2.54 / DPI) ** 2


def layout_words(path):
    """[(word, line number)] of page 1 in pdftotext's reading order."""
    out = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox-layout", path, "-"],
                         capture_output=True, text=True, check=True).stdout
    words, line = [], 0
    for row in out.splitlines():
        if LINE.search(row):
            line += 1
        m = WORD.search(row)
        if m:
            words.append((m.group(5).replace("&apos;", "'").replace("&#39;", "'"), line))
    return words


def title_words(words_bbox):
    tall = max((w[3] - w[1] for w in words_bbox), default=0)
    return [w[4] for w in words_bbox if w[3] - w[1] >= 0.9 * tall]


def legend_lines(path, words_bbox):
    """The most lines any legend entry takes on page 1 (0 when none is found)."""
    lang = path.rsplit("-", 1)[-1].split(".")[0]
    lead, dot, note = LEGEND.get(lang, LEGEND["en"])
    entries = [lead.split() + title_words(words_bbox), dot.split(), note.split()]
    words = layout_words(path)
    texts = [w for w, _ in words]
    most = 0
    for entry in entries:
        for i in range(len(texts) - len(entry) + 1):
            if texts[i:i + len(entry)] == entry:
                most = max(most, len({line for _, line in words[i:i + len(entry)]}))
                break
    return most


def main():
    bad = 0
    for path in sys.argv[1:]:
        pw, ph, words = page_one(path)
        x0, y0 = pw - 20 * MM - QR, ph - 20 * MM - QR
        inside = [w[4] for w in words if w[2] > x0 and w[3] > y0]
        bad += len(inside)
        name = path.rsplit("/", 1)[-1]
        print(f"{name} {map_band(pw, words):.1f} {area_cm2(path):.0f} {legend_lines(path, words)} "
              f"{len(inside)}{' ' + ' '.join(inside) if inside else ''}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
