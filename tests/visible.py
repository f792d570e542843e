#!/usr/bin/env python3
"""visible.py - every word of a PDF's text layer can be seen on the rendered page.

The preflight checks each run of text as it is drawn, but cannot see a shape drawn over
it later (a QR code's white quiet zone once hid the end of a poster's web address). This
check looks at the result instead: Ghostscript renders each page twice in grey, once
whole and once with its text only (-dFILTERVECTOR -dFILTERIMAGE). Where the text-only
page has ink but the whole page is light, something was painted over the text; the
words there (pdftotext -bbox) are reported. Words placed off the page, and words drawn
over one another, are reported too.

    visible.py FILE.pdf...     prints one line per hidden word; exit 1 if any
"""
import os
import re
import subprocess
import sys
import tempfile

DPI = 60
INK = 110       # text-only page darker than this: ink of a dark text on light paper
LOST = 120      # the whole page that much lighter there: something covers the ink
MIN_LOST = 3    # pixels, so one anti-aliased edge pixel is not a finding
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


def read_pgm(path):
    """(width, height, bytes) of a binary PGM (P5) with maxval 255."""
    with open(path, "rb") as f:
        data = f.read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    assert fields[0] == b"P5" and int(fields[3]) == 255, path
    w, h = int(fields[1]), int(fields[2])
    return w, h, data[pos + 1:pos + 1 + w * h]


def pages_words(pdf):
    """[[(x0, y0, x1, y1, word), ...] per page], in points."""
    xml = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True,
                         check=True).stdout
    out = []
    for chunk in PAGE.split(xml)[3::3]:
        out.append([(float(a), float(b), float(c), float(d), t)
                    for a, b, c, d, t in WORD.findall(chunk)])
    return out


def render(pdf, tmp, name, filters):
    """The pages of pdf as grey PGM files, in page order."""
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pgmraw",
                    f"-r{DPI}", *filters, "-o", os.path.join(tmp, f"{name}-%04d.pgm"), pdf],
                   check=True)
    return sorted(os.path.join(tmp, f) for f in os.listdir(tmp)
                  if f.startswith(name + "-") and f.endswith(".pgm"))


def lost_in(text, full, w, c0, c1, r0, r1):
    """Pixels of the box where the text has ink the whole page lacks."""
    n = 0
    for r in range(r0, r1):
        t, f = text[r * w + c0:r * w + c1], full[r * w + c0:r * w + c1]
        if t != f:
            n += sum(1 for a, b in zip(t, f) if a < INK and b - a > LOST)
    return n


def hidden_words(pdf, tmp):
    texts = render(pdf, tmp, "text", ["-dFILTERVECTOR", "-dFILTERIMAGE"])
    fulls = render(pdf, tmp, "full", [])
    scale = DPI / 72.0
    bad = []
    for number, (words, tp, fp) in enumerate(zip(pages_words(pdf), texts, fulls), start=1):
        w, h, text_px = read_pgm(tp)
        full_px = read_pgm(fp)[2]
        for x0, y0, x1, y1, text in words:
            c0, c1 = int(x0 * scale), int(x1 * scale + 0.999)
            r0, r1 = int(y0 * scale), int(y1 * scale + 0.999)
            if c0 < 0 or r0 < 0 or c1 > w or r1 > h:
                bad.append(f"{pdf}: page {number}: '{text}' lies outside the page")
                continue
            n = lost_in(text_px, full_px, w, c0, c1, r0, r1)
            if n >= MIN_LOST:
                bad.append(f"{pdf}: page {number}: '{text}' at ({x0:.0f}, {y0:.0f}) pt is "
                           f"painted over ({n} pixels of its ink hidden at {DPI} dpi)")
        bad += overlapping_words(pdf, number, words)
    return bad


def overlapping_words(pdf, number, words):
    """Words of one page whose boxes overlap by more than a fifth of the smaller one: a
    label drawn over another text (a map dot over the legend)."""
    bad = []
    words = sorted(words, key=lambda w: w[1])
    for i, (x0, y0, x1, y1, text) in enumerate(words):
        for a0, b0, a1, b1, other in words[i + 1:]:
            if b0 >= y1:
                break
            w, h = min(x1, a1) - max(x0, a0), min(y1, b1) - max(y0, b0)
            small = min((x1 - x0) * (y1 - y0), (a1 - a0) * (b1 - b0))
            if w > 0 and h > 0 and w * h > 0.2 * small:
                bad.append(f"{pdf}: page {number}: '{text}' and '{other}' overlap "
                           f"at ({max(x0, a0):.0f}, {max(y0, b0):.0f}) pt")
    return bad


def main(argv):
    bad = []
    for pdf in argv[1:]:
        with tempfile.TemporaryDirectory() as tmp:
            bad += hidden_words(pdf, tmp)
    for line in bad:
        print(line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
