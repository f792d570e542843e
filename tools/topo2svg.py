#!/usr/bin/env python3
"""topo2svg.py - the map of Belgium: TopoJSON boundaries -> SVG + sidecar YAML.

Re-run (from the repository root) after changing the source or this script:

    python3 tools/topo2svg.py /work/shared/maps/belgium.topojson data/maps

It writes data/maps/belgium.svg, data/maps/belgium-overview.svg (the same map simplified
at OVERVIEW_TOLERANCE, for the posters' small whole-country inset: same viewBox, ids,
structure and classes, no titles or metadata), data/maps/belgium-simplified.svg (the same
at SIMPLIFIED_TOLERANCE, drawn where that cannot be seen) and data/maps/belgium.yaml. All are
committed; the
TopoJSON is not (see /work/shared/maps/README.md for its source and licence).

What it does, in order:
  1. decodes the quantised, delta-encoded arcs to longitude/latitude;
  2. projects them with a Lambert conformal conic projection on a sphere (Belgian
     Lambert 72-like parameters) into SVG user units, y growing downwards;
  3. simplifies each ARC with Douglas-Peucker (arcs, not polygons, so that neighbours
     keep sharing exactly the same border points: no slivers, no gaps);
  4. writes one <path id="nis-XXXXX" class="mun"> per municipality, grouped by
     arrondissement <g id="nis-AAAAA" class="arr"> inside province <g id="nis-PPPPP"
     class="prov">, plus province borders and the country outline drawn on top, each
     a <g> of pieces cut by MESH_CELL squares (relais's close-ups trace only the pieces
     that meet their box; the whole line would be written into every poster's PDF);
  5. writes the sidecar (ids pattern, every code, projection) for relais.

Styles are classes in one <style> element (no inline fill), so a stylesheet given to
librsvg can recolour any element. Output is deterministic: same input, same bytes.
Python 3 standard library only.
"""
import json
import math
import os
import sys

# Projection: Lambert conformal conic on a sphere, Lambert 72-like parameters (degrees).
LON0, LAT0, LAT1, LAT2 = 4.3592, 50.7978, 49.8333, 51.1667
RADIUS = 6371000.0          # metres
WIDTH = 1000.0              # SVG width in user units (height follows)
MARGIN = 10.0               # user units around the country
TOLERANCE = 0.35            # Douglas-Peucker tolerance, user units (0.1 % of the width)
# The overview's tolerance: the posters' inset is 34-56 mm wide (at most 0.155 pt per
# unit), so 3.5 units are at most 0.19 mm, under what an A3 print shows (~0.2 mm, a 0.6 pt
# border): the inset looks the same with a fraction of the points.
OVERVIEW_TOLERANCE = 3.5
# The simplified map's tolerance: relais draws it instead of belgium.svg where 1 unit is
# at most 0.57 pt on the page (0.2 mm), e.g. whole-map posters (0.35 pt per unit) and
# close-ups of wide areas (up to 0.56): half the points, the same look.
SIMPLIFIED_TOLERANCE = 1.0
DECIMALS = 1                # coordinates are written with this many decimals
MESH_CELL = 100.0           # the border lines are cut into squares this wide (user units)

# Quirks of the source (see its README): Brussels has no province code (we use its
# region code 04000 as its province group); Ath has no province on its arrondissement.
QUIRK_PROVINCE = {"21000": "04000", "51000": "50000"}
ATTRIBUTION = ("Boundaries: bmesuere/belgium-topojson (CC0 1.0), "
               "2019-2024 municipalities")
# The same credit in each language a poster is made in (the sidecar's `attribution`): a
# word joiner (U+2060, written as a YAML escape) after the hyphen of the source's name, so
# a line breaks after its '/' and never at that hyphen.
SOURCE = "bmesuere/belgium-\\u2060topojson (CC0 1.0)"
ATTRIBUTION_LANGS = {
    "en": f"Boundaries: {SOURCE}, 2019-2024 municipalities",
    "fr": f"Limites : {SOURCE}, communes 2019-2024",
    "nl": f"Grenzen: {SOURCE}, gemeenten 2019-2024",
    "de": f"Grenzen: {SOURCE}, Gemeinden 2019-2024",
}


def lcc_constants():
    """n, F and rho0 of the spherical Lambert conformal conic."""
    p1, p2, p0 = (math.radians(v) for v in (LAT1, LAT2, LAT0))
    t = lambda p: math.tan(math.pi / 4 + p / 2)
    n = math.log(math.cos(p1) / math.cos(p2)) / math.log(t(p2) / t(p1))
    f = math.cos(p1) * t(p1) ** n / n
    return n, f, RADIUS * f / t(p0) ** n


N, F, RHO0 = lcc_constants()


def lcc(lon, lat):
    """Metres east and north of (LON0, LAT0)."""
    rho = RADIUS * F / math.tan(math.pi / 4 + math.radians(lat) / 2) ** N
    theta = N * math.radians(lon - LON0)
    return rho * math.sin(theta), RHO0 - rho * math.cos(theta)


def decode_arcs(topo):
    """Every arc as a list of (lon, lat)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def fit(arcs):
    """scale (units per metre), x0, y0 so that the country fills WIDTH with MARGIN."""
    pts = [lcc(lon, lat) for arc in arcs for lon, lat in arc]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    scale = (WIDTH - 2 * MARGIN) / (max(xs) - min(xs))
    x0 = round(MARGIN - min(xs) * scale, 3)
    y0 = round(MARGIN + max(ys) * scale, 3)
    height = math.ceil((max(ys) - min(ys)) * scale + 2 * MARGIN)
    return round(scale, 9), x0, y0, height


def project(arcs, scale, x0, y0):
    out = []
    for arc in arcs:
        pts = []
        for lon, lat in arc:
            e, n = lcc(lon, lat)
            pts.append((x0 + e * scale, y0 - n * scale))
        out.append(pts)
    return out


def seg_dist(p, a, b):
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def douglas_peucker(pts, tol):
    """Indices kept by Douglas-Peucker (iterative); both ends always kept."""
    keep = {0, len(pts) - 1}
    stack = [(0, len(pts) - 1)]
    while stack:
        i, j = stack.pop()
        best, at = -1.0, -1
        for k in range(i + 1, j):
            d = seg_dist(pts[k], pts[i], pts[j])
            if d > best:
                best, at = d, k
        if at >= 0 and best > tol:
            keep.add(at)
            stack += [(i, at), (at, j)]
    return sorted(keep)


def simplify(pts, tol):
    """A simplified arc; a closed arc keeps at least three distinct points."""
    if len(pts) <= 2:
        return pts
    if pts[0] != pts[-1]:
        return [pts[i] for i in douglas_peucker(pts, tol)]
    far = max(range(len(pts)), key=lambda k: math.hypot(pts[k][0] - pts[0][0],
                                                       pts[k][1] - pts[0][1]))
    a = douglas_peucker(pts[:far + 1], tol)
    b = douglas_peucker(pts[far:], tol)
    kept = [pts[i] for i in a] + [pts[far + i] for i in b[1:]]
    if len(kept) < 4:   # a ring needs three distinct corners
        third = far // 2 or 1
        kept = [pts[0], pts[third], pts[far], pts[-1]]
    return kept


def rounded(arcs):
    f = 10 ** DECIMALS
    return [[(round(x * f), round(y * f)) for x, y in arc] for arc in arcs]


def ring_points(ring, arcs):
    """The points of a ring made of arc indices (~i = arc i reversed)."""
    pts = []
    for idx in ring:
        arc = arcs[idx] if idx >= 0 else arcs[~idx][::-1]
        pts.extend(arc if not pts else arc[1:])
    return pts


def num(v):
    """Integer tenths -> shortest decimal text."""
    s = f"{v / 10 ** DECIMALS:.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def path_data(rings, arcs):
    """SVG path data: absolute move, relative lines, z per ring."""
    out = []
    for ring in rings:
        pts = ring_points(ring, arcs)
        if pts and pts[0] == pts[-1]:
            pts = pts[:-1]
        if len(pts) < 3:
            continue
        x, y = pts[0]
        d = [f"M{num(x)} {num(y)}"]
        for px, py in pts[1:]:
            if (px, py) == (x, y):
                continue
            d.append(f"{num(px - x)} {num(py - y)}")
            x, y = px, py
        out.append(d[0] + "l" + " ".join(d[1:]) + "z")
    return "".join(out)


def polygons(geom):
    if geom["type"] == "Polygon":
        return [geom["arcs"]]
    if geom["type"] == "MultiPolygon":
        return geom["arcs"]
    return []


def province_of_arrondissement(topo):
    """arrondissement NIS -> province NIS, from the arrondissements object."""
    out = {}
    for g in topo["objects"]["arrondissements"]["geometries"]:
        p = g["properties"]
        out[p["nis"]] = p.get("prov_nis") or QUIRK_PROVINCE[p["nis"]]
    return out


def municipalities(topo):
    """[(nis, arr, prov, name, rings)] sorted by nis, with the quirks resolved.

    The arrondissement is the first two digits of the municipality's NIS code (the 2019
    codes follow the arrondissements). The source's own arr_nis lags behind the 2019
    reform (La Louviere 58000 has no members there) and misfiles Mesen (33016) under
    Hainaut; the prefix agrees with the source's arrondissement polygons everywhere."""
    prov_of = province_of_arrondissement(topo)
    out = []
    for g in topo["objects"]["municipalities"]["geometries"]:
        p = g["properties"]
        arr = p["nis"][:2] + "000"
        rings = [r for poly in polygons(g) for r in poly]
        name = {"fr": p.get("name_fr"), "nl": p.get("name_nl")}
        if p["nis"] in GERMAN_SPEAKING:
            name["de"] = p.get("name_nl")
        out.append((p["nis"], arr, prov_of[arr], name, rings))
    return sorted(out)


def mesh(munis, arcs, key):
    """Path data of the arcs between areas whose `key` differs (key None: the country's
    outline, arcs used by one municipality only), one string per MESH_CELL square (by the
    middle of each arc's box), in order of the squares: a close-up then traces only the
    pieces it shows."""
    users = {}
    for m in munis:
        for ring in m[4]:
            for idx in ring:
                users.setdefault(idx if idx >= 0 else ~idx, []).append(m)
    cells = {}
    for idx in sorted(users):
        ms = users[idx]
        if key is None:
            take = len(ms) == 1
        else:
            take = len(ms) == 2 and key(ms[0]) != key(ms[1])
        if take and len(arcs[idx]) >= 2:
            pts = arcs[idx]
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            cell = (int((min(ys) + max(ys)) / 2 // (MESH_CELL * 10 ** DECIMALS)),
                    int((min(xs) + max(xs)) / 2 // (MESH_CELL * 10 ** DECIMALS)))
            (x, y), rest = pts[0], pts[1:]
            seg = [f"M{num(x)} {num(y)}l"]
            parts = []
            for px, py in rest:
                parts.append(f"{num(px - x)} {num(py - y)}")
                x, y = px, py
            cells.setdefault(cell, []).append(seg[0] + " ".join(parts))
    return ["".join(cells[c]) for c in sorted(cells)]


def mesh_group(gid, cls, pieces):
    """A <g> of the mesh's pieces, each a <path> with its own id (gid-1, gid-2, ...)."""
    paths = "".join(f'<path id="{gid}-{i}" d="{d}"/>' for i, d in enumerate(pieces, 1))
    return f'<g id="{gid}" class="{cls}">{paths}</g>'


# Names of the groups the source leaves without one (Brussels' province slot is its region).
QUIRK_NAMES = {"04000": {"fr": "Région de Bruxelles-Capitale", "nl": "Brussels Hoofdstedelijk Gewest",
                         "de": "Region Brüssel-Hauptstadt", "en": "Brussels-Capital Region"}}
# The German-speaking Community's municipalities: their German names (the source's Dutch
# names are the German ones) for German posters and alt texts.
GERMAN_SPEAKING = {"63001", "63012", "63013", "63023", "63040", "63048", "63061", "63067",
                   "63087"}
COUNTRY_NAMES = {"fr": "Belgique", "nl": "België", "de": "Belgien", "en": "Belgium"}


def area_names(topo):
    """NIS -> {lang: name} of arrondissements and provinces."""
    out = dict(QUIRK_NAMES)
    for obj in ("arrondissements", "provinces"):
        for g in topo["objects"][obj]["geometries"]:
            p = g["properties"]
            if p.get("nis"):
                out[p["nis"]] = {"fr": p.get("name_fr"), "nl": p.get("name_nl")}
    return out


def titles(names):
    """One <title lang="xx"> per language (SVG 2 allows several), fr first."""
    return "".join(f'<title lang="{lang}">{esc(names[lang])}</title>'
                   for lang in ("fr", "nl", "de", "en") if names.get(lang))


def esc(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


STYLE = """
.mun { fill: #eeeeee; stroke: #555555; stroke-width: 0.4; stroke-linejoin: round; fill-rule: evenodd; }
.prov-border { fill: none; stroke: #333333; stroke-width: 1.2; stroke-linejoin: round; stroke-linecap: round; }
.country { fill: none; stroke: #1a1a1a; stroke-width: 1.6; stroke-linejoin: round; stroke-linecap: round; }
"""


def svg_head(height, names):
    """The <svg> start tag, then (when `names`: the full map) its titles and metadata."""
    head = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 {WIDTH:g} {height}"'
        f' width="{WIDTH:g}" height="{height}">',
    ]
    if not names:
        return head
    return head + [
        titles(COUNTRY_NAMES),
        f"<desc>Map of Belgium's 581 municipalities (2019-2024), grouped by arrondissement and "
        f"province; element ids are nis- followed by the Statbel NIS code. {esc(ATTRIBUTION)}. "
        f"Generated by tools/topo2svg.py (Lambert conformal conic).</desc>",
        "<metadata>",
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">',
        '<rdf:Description rdf:about="">',
        "<dc:title>Belgium: municipalities 2019-2024</dc:title>",
        "<dc:source>https://github.com/bmesuere/belgium-topojson (belgium.json, commit "
        "a903fdab5a765822dafabf42c258809d4ad74e78)</dc:source>",
        "<dc:rights>CC0 1.0 Universal (public domain dedication)</dc:rights>",
        f"<dc:description>{esc(ATTRIBUTION)}</dc:description>",
        "</rdf:Description>",
        "</rdf:RDF>",
        "</metadata>",
    ]


def write_svg(path, munis, arcs, height, names):
    """The map; names None: the overview (no titles, desc or metadata)."""
    lines = svg_head(height, names) + [
        f"<style>{STYLE}</style>",
        '<g id="municipalities">',
    ]
    names = names or {}
    title = lambda n: titles(n) if n else ""
    by_prov = {}
    for m in munis:
        by_prov.setdefault(m[2], {}).setdefault(m[1], []).append(m)
    for prov in sorted(by_prov):
        lines.append(f'<g id="nis-{prov}" class="prov">{title(names.get(prov))}')
        for arr in sorted(by_prov[prov]):
            lines.append(f'<g id="nis-{arr}" class="arr">{title(names.get(arr))}')
            for nis, _, _, name, rings in by_prov[prov][arr]:
                lines.append(f'<path id="nis-{nis}" class="mun" d="{path_data(rings, arcs)}">'
                             f"{title(name if names else None)}</path>")
            lines.append("</g>")
        lines.append("</g>")
    lines.append("</g>")
    lines.append(mesh_group("province-borders", "prov-border", mesh(munis, arcs, lambda m: m[2])))
    lines.append(mesh_group("country-border", "country", mesh(munis, arcs, None)))
    lines.append("</svg>")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    return by_prov


def write_sidecar(path, svg_name, overview_name, simplified_name, by_prov, scale, x0, y0):
    codes = set(by_prov)
    for prov, arrs in by_prov.items():
        codes.update(arrs)
        for ms in arrs.values():
            codes.update(m[0] for m in ms)
    code_lines = []
    row = []
    for c in sorted(codes):
        row.append(f'"{c}"')
        if len(row) == 10:
            code_lines.append("  " + ", ".join(row) + ",")
            row = []
    if row:
        code_lines.append("  " + ", ".join(row) + ",")
    code_lines[-1] = code_lines[-1].rstrip(",")
    text = [
        "# The map of Belgium: generated by tools/topo2svg.py, do not edit by hand.",
        "# Municipalities, arrondissements and provinces by Statbel NIS code; Brussels-",
        "# Capital is province 04000 (the region code) holding arrondissement 21000.",
        f"svg: {svg_name}",
        "# The same map, coarser, for the posters' small whole-country inset.",
        f"overview: {overview_name}",
        "# The same map simplified at `tolerance` user units, drawn where that is under",
        "# 0.2 mm on the page (whole-map posters, wide close-ups).",
        f"simplified: {{svg: {simplified_name}, tolerance: {SIMPLIFIED_TOLERANCE:g}}}",
        "# The map's credit, printed with it in the poster's language.",
        "attribution:",
        *(f'  {lang}: "{text}"' for lang, text in ATTRIBUTION_LANGS.items()),
        "ids:",
        '  pattern: "nis-{code}"',
        "codes: [",
        *code_lines,
        "]",
        "# x = x0 + scale * E, y = y0 - scale * N, with E, N metres of a Lambert conformal",
        "# conic on a sphere (radius 6371000 m) about lon0/lat0.",
        f"projection: {{type: lcc, lon0: {LON0}, lat0: {LAT0}, lat1: {LAT1}, lat2: {LAT2}, "
        f"scale: {scale!r}, x0: {x0!r}, y0: {y0!r}}}",
    ]
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(text) + "\n")
    return len(codes)


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: topo2svg.py BELGIUM.topojson OUT_DIR\n")
        return 2
    with open(argv[1], encoding="utf-8") as f:
        topo = json.load(f)
    lonlat = decode_arcs(topo)
    scale, x0, y0, height = fit(lonlat)
    projected = project(lonlat, scale, x0, y0)
    munis = municipalities(topo)
    os.makedirs(argv[2], exist_ok=True)
    before = sum(len(a) for a in lonlat)
    for name, tol, names in (("belgium.svg", TOLERANCE, area_names(topo)),
                             ("belgium-overview.svg", OVERVIEW_TOLERANCE, None),
                             ("belgium-simplified.svg", SIMPLIFIED_TOLERANCE, None)):
        arcs = rounded([simplify(a, tol) for a in projected])
        svg = os.path.join(argv[2], name)
        by_prov = write_svg(svg, munis, arcs, height, names)
        after = sum(len(a) for a in arcs)
        sys.stderr.write(f"{svg}: {len(munis)} municipalities, tolerance {tol:g}, "
                         f"{before} -> {after} points, {os.path.getsize(svg)} bytes\n")
    n = write_sidecar(os.path.join(argv[2], "belgium.yaml"), "belgium.svg",
                      "belgium-overview.svg", "belgium-simplified.svg", by_prov, scale, x0, y0)
    sys.stderr.write(f"{n} codes\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
