#!/usr/bin/env python3
"""gen.py - a large synthetic data set for the benchmarks.

    bench/gen.py DEST [--groups N] [--seed S]

Copies data/, layouts/ and fonts/ into DEST and replaces DEST/data/groups/ with N groups
(default 1000) spread over every network of networks.yaml. Each group is one of the
bundled groups (every one is in four languages) given a new id, its own day and time, and a network of the same region, so files, texts and page counts
have a realistic shape. Deterministic: the same seed gives the same files.
"""
import argparse
import os
import random
import re
import shutil
import sys

DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
TIMES = ["09:30-11:00", "10:00-12:00", "14:00-16:00", "14:30-16:30", "18:00-19:30", "19:00-21:00"]


def networks(path):
    """[(id, region)] in file order."""
    out, current = [], None
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^  - id: (\S+)", line)
        if m:
            current = m.group(1)
        m = re.match(r"^    region: (\S+)", line)
        if m and current:
            out.append((current, m.group(1)))
            current = None
    return out


def templates(groups_dir, region_of):
    """region → [(file name, text)] of the bundled groups."""
    by_region = {}
    for name in sorted(os.listdir(groups_dir)):
        if not name.endswith(".yaml"):
            continue
        text = open(os.path.join(groups_dir, name), encoding="utf-8").read()
        m = re.search(r"^network: (\S+)", text, re.M)
        region = region_of.get(m.group(1)) if m else None
        if region:
            by_region.setdefault(region, []).append((name, text))
    return by_region


def variant(text, n, network, rng):
    """The template text made into group number n of `network`."""
    gid = "bench-%04d" % n
    text = re.sub(r"^id: .*$", "id: " + gid, text, count=1, flags=re.M)
    text = re.sub(r"^network: .*$", "network: " + network, text, count=1, flags=re.M)
    text = re.sub(r"^  days: .*$", "  days: [%s]" % rng.choice(DAYS), text, count=1, flags=re.M)
    text = re.sub(r'^  time: .*$', '  time: "%s"' % rng.choice(TIMES), text, count=1, flags=re.M)
    return gid, text


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dest")
    ap.add_argument("--groups", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--source", default=os.path.join(os.path.dirname(__file__), ".."))
    a = ap.parse_args()
    src = os.path.abspath(a.source)
    for folder in ("data", "layouts", "fonts"):
        target = os.path.join(a.dest, folder)
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(os.path.join(src, folder), target)
    nets = networks(os.path.join(a.dest, "data", "networks.yaml"))
    region_of = dict(nets)
    groups_dir = os.path.join(a.dest, "data", "groups")
    pool = templates(groups_dir, region_of)
    shutil.rmtree(groups_dir)
    os.mkdir(groups_dir)
    rng = random.Random(a.seed)
    for n in range(a.groups):
        network, region = nets[n % len(nets)]
        name, text = rng.choice(pool[region])
        gid, text = variant(text, n, network, rng)
        with open(os.path.join(groups_dir, gid + ".yaml"), "w", encoding="utf-8") as f:
            f.write(text)
    print("%s: %d groups over %d networks" % (a.dest, a.groups, len(nets)), file=sys.stderr)


if __name__ == "__main__":
    main()
