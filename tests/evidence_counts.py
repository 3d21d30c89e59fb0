#!/usr/bin/env python3
"""The counts of explained and unexplained labels that docs/tagging.md and docs/csv-schema.md
give for the bundled corpus, recomputed from an `analyze` output folder:

    dotnet run --project src/PolicyText.Cli -- analyze corpus/documents.jsonl --out out -q
    python3 tests/evidence_counts.py out

A row explains a label as docs/tagging.md says (the same rules as `ModelWords.Explains` in
src/PolicyText/Tagging/ModelWords.cs): a stance (`pro_linkage`, `anti_linkage`) by a row that
names a side (a `pro` or `anti` wording, a negation, a condition, an evaluation, a rule, a
rhetorical question's marker or a linkage context row); a rights label by a term of its family
(one of each family for `both`) or a rights context row; a `neutral` label by any row of the
linkage task. `model` rows are counted apart. Exits 1 with a message when the folder lacks
sentences.csv or evidence.csv.
"""

import collections
import csv
import os
import sys


def kinds(rows):
    """What the rows other than `model` explain."""
    found = set()
    for e in rows:
        cue, category, entry = e["cue"], e["category"], e["entry"]
        if cue == "rights":
            if category in ("freedom", "economic_social", "general"):
                found.add(category)
        elif cue == "linkage":
            found.add("stance" if category in ("pro", "anti") else "topic")
        elif cue in ("negation", "condition", "evaluation", "rule"):
            found.add("stance")
        elif cue == "question":
            found.add("stance" if category == "rhetorical" else "topic")
        elif cue == "attribution":
            found.add("topic")
        elif cue == "context":
            if entry.startswith("rights "):
                found.add("rights context")
            elif entry.startswith("linkage "):
                found.add("stance")
    return found


def explains_rights(found, label):
    if "rights context" in found:
        return True
    if label == "both":
        return {"freedom", "economic_social"} <= found
    return label in found


def main(folder):
    paths = [os.path.join(folder, name) for name in ("sentences.csv", "evidence.csv")]
    for path in paths:
        if not os.path.isfile(path):
            sys.exit(f"evidence_counts: no {path}; give the folder `policytext analyze --out` wrote.")
    with open(paths[0], newline="", encoding="utf-8") as f:
        sentences = list(csv.DictReader(f))
    evidence = collections.defaultdict(list)
    with open(paths[1], newline="", encoding="utf-8") as f:
        for e in csv.DictReader(f):
            evidence[(e["doc_id"], e["sentence_index"])].append(e)

    c = collections.Counter()
    for s in sentences:
        rows = evidence[(s["doc_id"], s["sentence_index"])]
        own = [e for e in rows if e["cue"] != "model"]
        model_labels = {e["category"] for e in rows if e["cue"] == "model"}
        found = kinds(own)
        linkage_context = any(e["cue"] == "context" and e["entry"].startswith("linkage ") for e in own)
        rights_context = any(e["cue"] == "context" and e["entry"].startswith("rights ") for e in own)
        c["context"] += linkage_context or rights_context
        c["linkage context"] += linkage_context
        c["rights context"] += rights_context
        c["both contexts"] += linkage_context and rights_context
        if len(model_labels) > 0:
            c["model"] += 1
            c["model only"] += len(own) == 0
        linkage, rights = s["linkage"], s["rights"]
        if linkage in ("pro_linkage", "anti_linkage"):
            c["stance"] += 1
            c["stance with linkage context"] += linkage_context
            if "stance" not in found:
                c["stance unexplained"] += 1
                c["stance unexplained, model"] += linkage in model_labels
        elif linkage == "neutral":
            c["neutral"] += 1
            if not found & {"stance", "topic"}:
                c["neutral unexplained"] += 1
                c["neutral unexplained, model"] += linkage in model_labels
        if rights != "none":
            c["rights"] += 1
            if not explains_rights(found, rights):
                c["rights unexplained"] += 1
                c["rights unexplained, model"] += rights in model_labels

    print(f"sentences {len(sentences):,}")
    print(f"context rows: {c['context']:,} sentences ({c['linkage context']:,} linkage, {c['rights context']:,} rights; {c['both contexts']:,} both)")
    print(f"pro_linkage and anti_linkage labels {c['stance']:,}: {c['stance unexplained']:,} with no row that names a side, "
          f"{c['stance unexplained, model']:,} of them with model rows; {c['stance with linkage context']:,} with a linkage context row")
    print(f"rights labels other than none {c['rights']:,}: {c['rights unexplained']:,} unexplained, {c['rights unexplained, model']:,} of them with model rows")
    print(f"neutral labels {c['neutral']:,}: {c['neutral unexplained']:,} with no row of the linkage task, {c['neutral unexplained, model']:,} of them with model rows")
    print(f"sentences with model rows {c['model']:,}, {c['model only']:,} of them with nothing else")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python3 tests/evidence_counts.py OUTPUT_FOLDER")
    main(sys.argv[1])
