#!/usr/bin/env python3
"""Place recall and precision of `aleppo-atlas extract` on a hand-annotated development set.

The development set lives outside the repository (the reports are copyrighted; docs/DEVSET.md
lists their addresses and the annotation rules). Its folder holds:
  annotated/*.txt   each report with every place mention marked [[surface|English name|category]]
                    (category: neighbourhood, site, town, region, city)
  sources_*.tsv     file, url, published (YYYY-MM-DD), outlet, side, title

The script strips the markup into a corpus folder (articles + MANIFEST.tsv), runs the extractor on
it, and compares spans: an extracted mention is right when its byte range overlaps an annotated
one, and it names a single place (not left ambiguous). Place-level figures count neighbourhoods,
sites and towns; "all" adds regions and the city.

Usage: tools/eval_devset.py DEVSET_DIR [--binary build/release/aleppo-atlas] [--verbose]
"""
import argparse
import csv
import glob
import json
import os
import re
import subprocess
import sys

MARK = re.compile(r"\[\[([^\]|]+)\|([^\]|]*)\|([^\]|]*)\]\]")
PLACE_LEVEL = {"neighbourhood", "site", "town"}


def strip(annotated):
    """The plain text and the annotated spans (byte offsets into it)."""
    out, spans, pos = bytearray(), [], 0
    for m in MARK.finditer(annotated):
        out += annotated[pos:m.start()].encode("utf-8")
        start = len(out)
        out += m.group(1).encode("utf-8")
        spans.append(dict(start=start, end=len(out), surface=m.group(1), name=m.group(2),
                          category=m.group(3)))
        pos = m.end()
    out += annotated[pos:].encode("utf-8")
    return bytes(out), spans


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("devset")
    ap.add_argument("--binary", default=os.path.join(os.path.dirname(__file__), "..", "build",
                                                     "release", "aleppo-atlas"))
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    sources = {}
    for path in glob.glob(os.path.join(args.devset, "sources_*.tsv")):
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                sources[row["file"]] = row
    corpus = os.path.join(args.devset, "corpus")
    os.makedirs(corpus, exist_ok=True)
    gold = {}
    manifest = ["file\tpublished\toutlet"]
    for path in sorted(glob.glob(os.path.join(args.devset, "annotated", "*.txt"))):
        name = os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            text, spans = strip(f.read())
        with open(os.path.join(corpus, name), "wb") as f:
            f.write(text)
        gold[os.path.splitext(name)[0]] = (text, spans)
        src = sources.get(name, {})
        manifest.append(f"{name}\t{src.get('published', '')}\t{src.get('outlet', '')}")
    with open(os.path.join(corpus, "MANIFEST.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(manifest) + "\n")

    run = subprocess.run([args.binary, "extract", "--corpus", corpus, "--format", "jsonl"],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"eval_devset: extract failed: {run.stderr}")
    found = {}
    for line in run.stdout.splitlines():
        r = json.loads(line)
        found.setdefault(r["doc"], []).append(r)

    totals = {k: dict(tp=0, fn=0, fp=0) for k in ("place", "all")}
    misses, extras = [], []
    for doc, (text, spans) in gold.items():
        mentions = found.get(doc, [])
        for level in ("place", "all"):
            wanted = [s for s in spans if level == "all" or s["category"] in PLACE_LEVEL]
            for s in wanted:
                hit = any(m["start"] < s["end"] and s["start"] < m["end"] and
                          not m.get("ambiguous") for m in mentions)
                totals[level]["tp" if hit else "fn"] += 1
                if not hit and level == "place":
                    misses.append(f"{doc}\t{s['surface']}\t{s['name']}\t{s['category']}")
        for m in mentions:
            over = [s for s in spans if m["start"] < s["end"] and s["start"] < m["end"]]
            level_place = m.get("kind") in PLACE_LEVEL
            if not over or m.get("ambiguous"):
                for level in ("all",) + (("place",) if level_place else ()):
                    totals[level]["fp"] += 1
                extras.append(f"{doc}\t{m['surface']}\t{m.get('place') or m.get('candidates')}")
    for level, t in totals.items():
        recall = t["tp"] / max(1, t["tp"] + t["fn"])
        precision = t["tp"] / max(1, t["tp"] + t["fp"])
        print(f"{level:5s}: recall {recall:.3f} ({t['tp']}/{t['tp'] + t['fn']}), "
              f"precision {precision:.3f} ({t['tp']}/{t['tp'] + t['fp']})")
    print(f"{len(gold)} articles")
    if args.verbose:
        print("\nmissed (doc, surface, annotated name, category):")
        print("\n".join(misses))
        print("\nextracted without an annotation (or left ambiguous):")
        print("\n".join(extras))


if __name__ == "__main__":
    main()
