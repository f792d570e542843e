#!/usr/bin/env python3
"""posterroom.py - how much room page 1 of a poster gives its map, and what sits by the QR.

For each poster PDF, from the words of page 1 (pdftotext -bbox): the map's height, read as
the tallest band of the page's left half with no word in it (the dots' numbers, digits
only, are inside the map and do not count), in mm; then every word inside the QR code
(the symbol, 100 mm at the bottom right inside 20 mm margins, and at least the smallest
quiet zone of 4 modules of a 41-module symbol), which must be none.

    posterroom.py FILE.pdf...   prints "NAME MAP_MM WORDS_IN_QR"; exit 1 if a word is in a QR
"""
import re
import subprocess
import sys

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
MM = 72 / 25.4
QR = 100 * MM + 4 * 100 * MM / 41  # symbol and the smallest quiet zone, points


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


def main():
    bad = 0
    for path in sys.argv[1:]:
        pw, ph, words = page_one(path)
        x0, y0 = pw - 20 * MM - QR, ph - 20 * MM - QR
        inside = [w[4] for w in words if w[2] > x0 and w[3] > y0]
        bad += len(inside)
        name = path.rsplit("/", 1)[-1]
        print(f"{name} {map_band(pw, words):.1f} {len(inside)}{' ' + ' '.join(inside) if inside else ''}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
