#!/usr/bin/env python3
"""Control statements and events of `aleppo-atlas extract`, measured on hand-annotated reports.

The annotated reports live outside the repository (they are copyrighted; docs/DEVSET.md lists
their addresses and the annotation rules). The folder given on the command line holds:
  corpus/*.txt          the reports (UTF-8)
  corpus/MANIFEST*.tsv  one or more manifests with at least the columns file and published;
                        they are merged into a single MANIFEST.tsv in a temporary corpus
  control/<file>.tsv    one per annotated report, columns:
                        sentence  place  claim  side  claim_date  event  actor1  said_by
                        (sentence: a distinctive substring of the sentence holding the mention;
                        place: a gazetteer id, or '?Name' for a place the gazetteer lacks;
                        claim: captured/held/contested/failed/withdrew/none; side, claim_date,
                        actor1, said_by: a value or '-')

The script runs `aleppo-atlas extract --format jsonl` on the merged corpus. An annotated row
matches a record when the documents are the same, the record's place is the row's place and the
row's sentence substring occurs in the record's sentence_text (whitespace normalised). Record
fields not (yet) written by the program count as null. Measures, each printed as
"name: k/n = 0.xxx":

  claim recall        rows with a claim (not none) matched by a record with the same claim and
                      side (side compared only when the row names one) / rows with a claim
  claim precision     records with a claim that match a row with the same claim and side /
                      records with a claim (in annotated reports)
  capture dating      captured rows found as captured whose record claim_date (else date) is
                      within a day of the row's claim_date / captured rows found as captured
  event type          rows matched by any record whose event equals the row's / matched rows
  actor1              matched rows with an actor1 (not '-') and an event other than 'other' whose
                      record actor1 equals the row's / those rows
  statements found    rows with a claim matched by any record with a non-null claim / rows with
                      a claim

Usage: tools/eval_control.py DIR [--binary PATH] [--place-map TSV] [--verbose]
"""
import argparse
import csv
import datetime
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
COLUMNS = ["sentence", "place", "claim", "side", "claim_date", "event", "actor1", "said_by"]
SPACE = re.compile(r"\s+")


def norm(text):
    """Whitespace collapsed to single spaces, ends stripped."""
    return SPACE.sub(" ", text or "").strip()


def doc_name(name):
    """'a01.txt', 'a01.tsv' and 'a01' all name the document 'a01'."""
    base = os.path.basename(str(name))
    return os.path.splitext(base)[0] if base.endswith((".txt", ".tsv")) else base


def dash(value):
    """None for '-' or an empty cell, else the stripped value."""
    value = (value or "").strip()
    return None if value in ("", "-") else value


def field(record, name):
    """A record field, None when missing or empty."""
    value = record.get(name)
    return None if value in (None, "") else value


def parse_date(value):
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def build_corpus(corpus_dir, out_dir):
    """Copy the listed reports into out_dir with one merged MANIFEST.tsv; return the doc names."""
    columns, rows = [], {}
    for path in sorted(glob.glob(os.path.join(corpus_dir, "MANIFEST*.tsv"))):
        for row in read_tsv(path):
            if not row.get("file"):
                continue
            if not os.path.splitext(row["file"])[1]:  # "a01" names a01.txt
                row["file"] += ".txt"
            for key in row:
                if key and key not in columns:
                    columns.append(key)
            rows[row["file"]] = row
    if not rows:
        sys.exit(f"eval_control: no manifest rows in {corpus_dir}/MANIFEST*.tsv")
    kept = []
    for name, row in sorted(rows.items()):
        src = os.path.join(corpus_dir, name)
        if not os.path.isfile(src):
            print(f"warning: manifest lists {name}, which is not in {corpus_dir}", file=sys.stderr)
            continue
        shutil.copyfile(src, os.path.join(out_dir, name))
        kept.append(row)
    for path in sorted(glob.glob(os.path.join(corpus_dir, "*.txt"))):
        if os.path.basename(path) not in rows:
            print(f"warning: {os.path.basename(path)} has no manifest row; left out",
                  file=sys.stderr)
    with open(os.path.join(out_dir, "MANIFEST.tsv"), "w", encoding="utf-8") as f:
        f.write("\t".join(columns) + "\n")
        for row in kept:
            f.write("\t".join((row.get(c) or "").replace("\t", " ") for c in columns) + "\n")
    return {doc_name(row["file"]) for row in kept}


def read_place_map(path):
    """'?Name' -> gazetteer id, for places the gazetteer gained after the rows were written."""
    mapping = {}
    if path:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, start=1):
                line = line.rstrip("\n")
                if not line or line.startswith("#"):
                    continue
                parts = line.split("\t")
                if len(parts) != 2 or not parts[0].startswith("?"):
                    sys.exit(f"eval_control: {path}:{n}: expected '?Name<TAB>id'")
                mapping[parts[0]] = parts[1]
    return mapping


def read_gold(control_dir, place_map=None):
    place_map = place_map or {}
    gold = {}
    for path in sorted(glob.glob(os.path.join(control_dir, "*.tsv"))):
        rows = []
        for i, row in enumerate(read_tsv(path), start=2):
            missing = [c for c in COLUMNS if c not in row]
            if missing:
                sys.exit(f"eval_control: {path}: missing columns {', '.join(missing)}")
            rows.append(dict(
                line=i, sentence=norm(row["sentence"]),
                place=place_map.get((row["place"] or "").strip(), (row["place"] or "").strip()),
                claim=(row["claim"] or "none").strip(), side=dash(row["side"]),
                claim_date=parse_date(dash(row["claim_date"])), event=dash(row["event"]),
                actor1=dash(row["actor1"]), said_by=dash(row["said_by"])))
        gold[doc_name(path)] = rows
    return gold


def run_extract(binary, corpus):
    env = dict(os.environ)
    env.setdefault("ALEPPO_ATLAS_ASSETS", os.path.join(REPO, "assets"))
    try:
        run = subprocess.run([binary, "extract", "--corpus", corpus, "--format", "jsonl"],
                             capture_output=True, text=True, env=env)
    except OSError as e:
        sys.exit(f"eval_control: cannot run {binary}: {e}")
    if run.returncode != 0:
        sys.exit(f"eval_control: extract failed ({run.returncode}): {run.stderr.strip()}")
    records = []
    for line in run.stdout.splitlines():
        if line.strip():
            r = json.loads(line)
            r["_doc"] = doc_name(r.get("doc", ""))
            r["_sentence"] = norm(r.get("sentence_text"))
            records.append(r)
    return records


def matches(row, record):
    return (field(record, "place") == row["place"] and row["sentence"]
            and row["sentence"] in record["_sentence"])


def same_claim(row, record):
    return (field(record, "claim") == row["claim"]
            and (row["side"] is None or field(record, "claim_side") == row["side"]))


def snippet(text, width=70):
    text = norm(text)
    return text if len(text) <= width else text[:width] + "…"


def ratio(name, k, n):
    value = f"{k / n:.3f}" if n else "n/a"
    print(f"{name}: {k}/{n} = {value}")


def got_claims(recs):
    found = sorted({f"{field(r, 'claim') or 'null'}/{field(r, 'claim_side') or '-'}"
                    for r in recs})
    return ", ".join(found) if found else "no record"


def main():
    ap = argparse.ArgumentParser(
        description="Claim and event figures of aleppo-atlas extract on hand-annotated reports.",
        epilog="DIR holds corpus/ (reports and MANIFEST*.tsv) and control/*.tsv; see the "
               "docstring at the top of this file for the measures.")
    ap.add_argument("dir", help="folder with corpus/ and control/")
    ap.add_argument("--binary", default=os.path.join(REPO, "build", "release", "aleppo-atlas"),
                    help="aleppo-atlas binary (default: build/release/aleppo-atlas)")
    ap.add_argument("--place-map", metavar="TSV",
                    help="'?Name<TAB>gazetteer id' lines: rows that named a place the gazetteer "
                         "lacked when they were written count against the id it has since gained")
    ap.add_argument("--verbose", action="store_true",
                    help="print every miss and every wrong record")
    args = ap.parse_args()

    corpus_dir = os.path.join(args.dir, "corpus")
    control_dir = os.path.join(args.dir, "control")
    if not os.path.isdir(corpus_dir) or not os.path.isdir(control_dir):
        sys.exit(f"eval_control: {args.dir} needs corpus/ and control/")
    gold = read_gold(control_dir, read_place_map(args.place_map))
    with tempfile.TemporaryDirectory(prefix="eval_control_") as tmp:
        docs = build_corpus(corpus_dir, tmp)
        texts = {doc_name(p): norm(open(p, encoding="utf-8").read())
                 for p in glob.glob(os.path.join(tmp, "*.txt"))}
        records = run_extract(args.binary, tmp)

    for doc in sorted(set(gold) - docs):
        print(f"warning: control/{doc}.tsv has no report in the corpus; its rows count as missed",
              file=sys.stderr)
    for doc, rows in sorted(gold.items()):
        for row in rows:
            if doc in texts and row["sentence"] not in texts[doc]:
                print(f"warning: control/{doc}.tsv line {row['line']}: sentence not in the "
                      f"report: {snippet(row['sentence'])}", file=sys.stderr)

    by_doc = {}
    for r in records:
        by_doc.setdefault(r["_doc"], []).append(r)
    for doc, rows in gold.items():
        for row in rows:
            row["records"] = [r for r in by_doc.get(doc, []) if matches(row, r)]

    def rows_where(pred):
        return [(doc, row) for doc, rows in sorted(gold.items()) for row in rows if pred(row)]

    claim_rows = rows_where(lambda row: row["claim"] != "none")
    claim_hits = [(d, row) for d, row in claim_rows
                  if any(same_claim(row, r) for r in row["records"])]

    claim_records = [r for r in records if r["_doc"] in gold and field(r, "claim")]
    wrong_records, right_records = [], []
    for r in claim_records:
        rows = [row for row in gold[r["_doc"]] if matches(row, r)]
        (right_records if any(same_claim(row, r) for row in rows) else wrong_records).append(
            (r, rows))

    dated = []
    for doc, row in claim_hits:
        if row["claim"] != "captured":
            continue
        diffs = []
        for r in row["records"]:
            if not same_claim(row, r):
                continue
            when = parse_date(field(r, "claim_date")) or parse_date(field(r, "date"))
            if when and row["claim_date"]:
                diffs.append((abs((when - row["claim_date"]).days), when))
        dated.append((doc, row, min(diffs) if diffs else None))
    dated_ok = [x for x in dated if x[2] is not None and x[2][0] <= 1]

    matched = rows_where(lambda row: row["records"])
    event_ok = [(d, row) for d, row in matched
                if any(field(r, "event") == row["event"] for r in row["records"])]
    actor_rows = [(d, row) for d, row in matched
                  if row["actor1"] and row["event"] and row["event"] != "other"]
    actor_ok = [(d, row) for d, row in actor_rows
                if any(field(r, "actor1") == row["actor1"] for r in row["records"])]
    stated = [(d, row) for d, row in claim_rows if any(field(r, "claim") for r in row["records"])]

    n_rows = sum(len(rows) for rows in gold.values())
    print(f"reports annotated: {len(gold)}, rows: {n_rows}, claim rows: {len(claim_rows)}, "
          f"records: {len([r for r in records if r['_doc'] in gold])}")
    ratio("claim recall", len(claim_hits), len(claim_rows))
    ratio("claim precision", len(right_records), len(claim_records))
    ratio("capture dating", len(dated_ok), len(dated))
    ratio("event type", len(event_ok), len(matched))
    ratio("actor1", len(actor_ok), len(actor_rows))
    ratio("statements found", len(stated), len(claim_rows))

    if not args.verbose:
        return
    hit_ids = {id(row) for _, row in claim_hits}
    print("\n# claim misses (expected vs got)")
    for doc, row in claim_rows:
        if id(row) not in hit_ids:
            print(f"  {doc}  {row['place']}  expected {row['claim']}/{row['side'] or '-'}  "
                  f"got {got_claims(row['records'])}  | {snippet(row['sentence'])}")
    print("\n# wrong claim records (got vs expected)")
    for r, rows in wrong_records:
        expected = ", ".join(f"{row['claim']}/{row['side'] or '-'}" for row in rows) \
            or "no annotated row"
        print(f"  {r['_doc']}  {field(r, 'place')}  got {field(r, 'claim')}/"
              f"{field(r, 'claim_side') or '-'}  expected {expected}  | "
              f"{snippet(r['_sentence'])}")
    print("\n# capture dates off by more than a day (expected vs got)")
    for doc, row, best in dated:
        if best is None or best[0] > 1:
            got = best[1].isoformat() if best else "no date"
            print(f"  {doc}  {row['place']}  expected {row['claim_date']}  got {got}  | "
                  f"{snippet(row['sentence'])}")
    print("\n# rows no record matched (place and sentence)")
    for doc, row in rows_where(lambda row: not row["records"]):
        print(f"  {doc}  {row['place']}  ({row['claim']}, {row['event']})  | "
              f"{snippet(row['sentence'])}")
    ok_ids = {id(row) for _, row in event_ok}
    print("\n# event type misses (expected vs got)")
    for doc, row in matched:
        if id(row) not in ok_ids:
            got = ", ".join(sorted({field(r, "event") or "null" for r in row["records"]}))
            print(f"  {doc}  {row['place']}  expected {row['event']}  got {got}  | "
                  f"{snippet(row['sentence'])}")
    ok_ids = {id(row) for _, row in actor_ok}
    print("\n# actor1 misses (expected vs got)")
    for doc, row in actor_rows:
        if id(row) not in ok_ids:
            got = ", ".join(sorted({field(r, "actor1") or "null" for r in row["records"]}))
            print(f"  {doc}  {row['place']}  expected {row['actor1']}  got {got}  | "
                  f"{snippet(row['sentence'])}")


if __name__ == "__main__":
    main()
