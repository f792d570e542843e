#!/usr/bin/python3
"""fix-tiresias-o.py - writes fonts/tiresias_lpfont.ttf: Debian's Tiresias LPfont Regular
(fonts-tiresias 0.1-6) with its capital O repaired, the rest byte for byte as it was.

The O of that file is drawn three times over: three copies of its outer contour and three
of its inner one, each a little different. PDF viewers (poppler, MuPDF) rasterise the
overlap unevenly, so at screen and proof resolutions the O comes out as a thin ring
beside its bold neighbours: "Om de twee weken" reads "0m", "Oost" and "Ort" lose their
first letter's weight. The repaired O keeps one outer and one inner contour (the first of
each, the shape the others repeat) and no hinting program (the old one addresses the
points of all six contours; relais sets text unhinted). fonts/fonts.conf then sets the
system copy aside so that this one is the only "Tiresias LPfont" Regular.

  /usr/bin/python3 tools/fix-tiresias-o.py [SOURCE.ttf] [OUT.ttf]

Needs python3-fonttools (Debian). Run again only when the Debian font changes; the output
is committed. Tiresias is GPL-3+ with a font exception (see fonts/README.md)."""
import sys

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import GlyphCoordinates

SOURCE = "/usr/share/fonts/truetype/tiresias/tiresias_lpfont.ttf"
OUT = "fonts/tiresias_lpfont.ttf"


def contours(glyph, glyf):
    """The glyph's contours as (points, flags) lists, in order."""
    coords, ends, flags = glyph.getCoordinates(glyf)
    out, start = [], 0
    for end in ends:
        out.append((list(coords)[start:end + 1], list(flags)[start:end + 1]))
        start = end + 1
    return out


def signed_area(points):
    """Twice the signed area of the polygon through the points (its winding)."""
    return sum(points[i][0] * points[(i + 1) % len(points)][1]
               - points[(i + 1) % len(points)][0] * points[i][1] for i in range(len(points)))


def repair_o(font):
    glyf = font["glyf"]
    glyph = glyf["O"]
    parts = contours(glyph, glyf)
    outer = [c for c in parts if signed_area(c[0]) < 0]  # TrueType: outer is clockwise
    inner = [c for c in parts if signed_area(c[0]) > 0]
    if len(parts) == 2:
        sys.exit("the O has two contours already: nothing to repair")
    if not outer or not inner:
        sys.exit("unexpected O: %d contours, none inner or none outer" % len(parts))
    keep = [outer[0], inner[0]]
    points, flags, ends = [], [], []
    for pts, fl in keep:
        points += pts
        flags += fl
        ends.append(len(points) - 1)
    glyph.coordinates = GlyphCoordinates(points)
    glyph.flags = bytearray(flags)
    glyph.endPtsOfContours = ends
    glyph.numberOfContours = len(ends)
    glyph.program.fromBytecode(b"")
    glyph.recalcBounds(glyf)


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else SOURCE
    out = sys.argv[2] if len(sys.argv) > 2 else OUT
    font = TTFont(source, recalcTimestamp=False)
    repair_o(font)
    font.save(out)


if __name__ == "__main__":
    main()
