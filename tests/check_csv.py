#!/usr/bin/env python3
"""Reads every CSV file that `policytext analyze` wrote with Python's csv module and slices the
document texts with the offsets, as a researcher's pipeline would. Usage:
    check_csv.py CORPUS.jsonl OUTPUT_DIR
The run must have used --tokens and --raw-cells (so text cells are the exact slices)."""
import csv, json, math, os, sys

def fail(message):
    print(f"check_csv.py: {message}", file=sys.stderr)
    sys.exit(2)

if len(sys.argv) != 3 or sys.argv[1] in ("-h", "--help"):
    print(__doc__)
    sys.exit(0 if len(sys.argv) == 2 and sys.argv[1] in ("-h", "--help") else 2)
corpus, out = sys.argv[1], sys.argv[2]
if not os.path.isfile(corpus):
    fail(f"{corpus}: not a file; give the JSON Lines file that was analysed (such as corpus/documents.jsonl)")
for name in ("sentences.csv", "tokens.csv", "evidence.csv", "documents.csv"):
    if not os.path.isfile(os.path.join(out, name)):
        fail(f"{out}: no {name}; analyse {corpus} with --out {out} --tokens --raw-cells first")
texts = {}
try:
    for number, line in enumerate(open(corpus, encoding="utf-8"), 1):
        if line.strip():
            d = json.loads(line)
            texts[str(d["id"])] = d["text"]
except (ValueError, KeyError, TypeError) as e:
    fail(f"{corpus}, line {number}: not a document with 'id' and 'text' ({e})")

def rows(name):
    with open(os.path.join(out, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))

unknown = sorted({r["doc_id"] for r in rows("documents.csv")} - set(texts))
if unknown:
    fail(f"{out}/documents.csv has {len(unknown)} ids that {corpus} does not, the first '{unknown[0]}': the folder is another corpus's output")

problems = 0
checked = 0
for name, cell in (("sentences.csv", "text"), ("tokens.csv", "text"), ("evidence.csv", "matched")):
    for r in rows(name):
        text = texts[r["doc_id"]]
        start, end = int(r["start"]), int(r["end"])
        if text[start:end] != r[cell]:
            problems += 1
            if problems <= 5:
                print(f"{name}: {r['doc_id']} [{start}:{end}] {text[start:end]!r} != {r[cell]!r}")
        checked += 1

docs = rows("documents.csv")
if sorted(d["doc_id"] for d in docs) != sorted(texts):
    problems += 1
    print("documents.csv: ids differ from the corpus")
for d in docs:
    for column in ("rights_economic_social_share", "linkage_score", "type_token_ratio", "mean_sentence_length", "flesch_reading_ease"):
        if d[column] != "" and math.isnan(float(d[column])):
            problems += 1
    checked += 1
    if int(d["chars"]) != len(texts[d["doc_id"]]):
        problems += 1
        print(f"documents.csv: {d['doc_id']} chars {d['chars']} != {len(texts[d['doc_id']])}")

print(f"python csv check: {checked} rows read, {problems} problems")
sys.exit(1 if problems else 0)
