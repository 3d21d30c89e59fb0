#!/usr/bin/env python3
"""What `policytext eval --labels` does not print about a second coder's labels of the test
split: Cohen's kappa against the gold, the default system scored against the second coder
(given its predictions, `eval --corpus corpus --split test --predictions FILE`), and the gold
sentence labels themselves through the codebook's counting rule, beside the main table's rows
and the second coder's per-class reports (the same measures as `eval`).

    python3 tests/second_coder.py [--corpus corpus] [--coder corpus/test-second-coder.tsv]
                                  [--predictions predictions.csv]

The coder file is tab-separated with a header `doc_id index rights linkage` and one row per
test sentence (docs/evaluation.md, *A second coder on test*; `eval --labels` reads the same
file and prints the intervals). Exits 1 with a message, not a traceback, when a file is
missing or does not cover the test split exactly.
"""

import argparse
import csv
import json
import sys

RIGHTS = ["freedom", "economic_social", "both", "general", "none"]
LINKAGE = ["pro_linkage", "anti_linkage", "neutral", "none"]
SHORT = {"freedom": "freedom", "economic_social": "economi", "both": "both", "general": "general",
         "none": "none", "pro_linkage": "pro_lin", "anti_linkage": "anti_li", "neutral": "neutral"}


def fail(message):
    print(f"second_coder.py: {message}", file=sys.stderr)
    sys.exit(1)


def confusion(labels, pairs):
    index = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for gold, predicted in pairs:
        matrix[index[gold]][index[predicted]] += 1
    return matrix


def class_scores(matrix):
    scores = []
    n = len(matrix)
    for c in range(n):
        tp = matrix[c][c]
        support = sum(matrix[c])
        predicted = sum(matrix[g][c] for g in range(n))
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores.append((precision, recall, f1, support))
    return scores


def macro_f1(matrix):
    return sum(s[2] for s in class_scores(matrix)) / len(matrix)


def kappa(matrix):
    total = sum(map(sum, matrix))
    observed = sum(matrix[i][i] for i in range(len(matrix))) / total
    expected = sum(sum(matrix[i]) * sum(row[i] for row in matrix) for i in range(len(matrix))) / total ** 2
    return (observed - expected) / (1 - expected)


def document_labels(rights, linkage):
    """The codebook's counting rule (src/PolicyText/Features/DocumentAggregator.cs)."""
    b = rights.count("both")
    freedom = rights.count("freedom") + b
    econ = rights.count("economic_social") + b
    general = rights.count("general")
    if freedom + econ + general == 0:
        emphasis = "none"
    elif freedom + econ == 0:
        emphasis = "general"
    else:
        share = econ / (freedom + econ)
        emphasis = "economic_social" if share >= 0.6 else "freedom" if share <= 1 - 0.6 else "balanced"
    p, a, n = linkage.count("pro_linkage"), linkage.count("anti_linkage"), linkage.count("neutral")
    if p + a + n == 0:
        stance = "none"
    elif p + a == 0:
        stance = "neutral"
    else:
        score = (p - a) / (p + a)
        stance = "pro_linkage" if score >= 0.5 else "anti_linkage" if score <= -0.5 else "mixed"
    return emphasis, stance


def report(title, labels, matrix):
    lines = [f"{title}", f"  {'class':<16}{'precision':>10}{'recall':>8}{'F1':>8}{'support':>9}"]
    for label, (p, r, f, s) in zip(labels, class_scores(matrix)):
        lines.append(f"  {label:<16}{p:>10.3f}{r:>8.3f}{f:>8.3f}{s:>9}")
    total = sum(map(sum, matrix))
    accuracy = sum(matrix[i][i] for i in range(len(matrix))) / total
    lines.append(f"  {'macro-F1':<16}{'':>10}{'':>8}{macro_f1(matrix):>8.3f}{total:>9}   accuracy {accuracy:.3f}")
    lines.append("  confusion (rows gold, columns predicted):")
    lines.append("  " + " " * 16 + "".join(f"{SHORT[l]:>8}" for l in labels))
    for label, row in zip(labels, matrix):
        lines.append(f"  {label:<16}" + "".join(f"{v:>8}" for v in row))
    return "\n".join(lines)


def index(cell, where):
    """A sentence's index as written, "3" or, as a spreadsheet exports it, "3.0"."""
    try:
        value = float(cell)
    except (TypeError, ValueError):
        value = -1
    if value < 0 or value != int(value):
        fail(f"{where}: '{cell}' is not a sentence's index (0, 1, 2, ...)")
    return int(value)


def load(args):
    try:
        with open(f"{args.corpus}/documents.jsonl", encoding="utf-8-sig") as f:
            documents = [json.loads(line) for line in f if line.strip()]
        test = {d["id"]: d for d in documents if d["split"] == "test"}
    except OSError as e:
        fail(f"cannot read the corpus: {e}")
    except (ValueError, KeyError, TypeError) as e:
        fail(f"{args.corpus}/documents.jsonl: not a gold corpus (a line that is not a document with an id, a split and sentences: {e})")
    coder = {}
    try:
        with open(args.coder, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f, delimiter="\t")
            if reader.fieldnames != ["doc_id", "index", "rights", "linkage"]:
                fail(f"{args.coder}: the header must be doc_id, index, rights, linkage (tab-separated)")
            for line, row in enumerate(reader, start=2):
                if row["rights"] not in RIGHTS or row["linkage"] not in LINKAGE:
                    fail(f"{args.coder}, line {line}: unknown label '{row['rights']}' or '{row['linkage']}'")
                key = (row["doc_id"], index(row["index"], f"{args.coder}, line {line}"))
                if key in coder:
                    fail(f"{args.coder}, line {line}: {key[0]} sentence {key[1]} is labelled twice")
                coder[key] = (row["rights"], row["linkage"])
    except OSError as e:
        fail(f"cannot read the coder's labels: {e}")
    expected = {(d, i) for d, doc in test.items() for i in range(len(doc["sentences"]))}
    if set(coder) != expected:
        missing, extra = expected - set(coder), set(coder) - expected
        fail(f"the coder's labels do not cover the test split exactly: {len(missing)} sentences missing, {len(extra)} not in it")
    predictions = None
    if args.predictions:
        predictions = {}
        try:
            with open(args.predictions, encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f):
                    predictions[(row["doc_id"], index(row["sentence_index"], args.predictions))] = (row["rights"], row["linkage"])
        except (OSError, KeyError) as e:
            fail(f"cannot read the predictions (eval --predictions): {e}")
        if not expected <= set(predictions):
            fail("the predictions do not cover the test split (run eval with --split test)")
    return test, coder, predictions


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--coder", default="corpus/test-second-coder.tsv")
    parser.add_argument("--predictions")
    args = parser.parse_args()
    test, coder, predictions = load(args)
    ids = sorted(test)

    def gold_of(d):
        return [(s["rights"], s["linkage"]) for s in test[d]["sentences"]]

    def labels_of(source, d):
        return [source[(d, i)] for i in range(len(test[d]["sentences"]))]

    systems = [("second coder", lambda d: labels_of(coder, d))]
    if predictions is not None:
        systems.append(("PolicyText default", lambda d: labels_of(predictions, d)))
    systems.append(("gold sentence labels", gold_of))

    def scores(label_fn, draw):
        rights = confusion(RIGHTS, [(g[0], p[0]) for d in draw for g, p in zip(gold_of(d), label_fn(d))])
        linkage = confusion(LINKAGE, [(g[1], p[1]) for d in draw for g, p in zip(gold_of(d), label_fn(d))])
        doc_rights = doc_linkage = 0
        for d in draw:
            labels = label_fn(d)
            emphasis, stance = document_labels([l[0] for l in labels], [l[1] for l in labels])
            doc_rights += emphasis == test[d]["doc_rights"]
            doc_linkage += stance == test[d]["doc_linkage"]
        return rights, linkage, doc_rights / len(draw), doc_linkage / len(draw)

    print(f"test: {len(ids)} documents, {sum(len(test[d]['sentences']) for d in ids)} sentences\n")
    print(f"{'labels':<28}{'rights macro-F1':>17}{'linkage macro-F1':>18}{'doc rights acc':>16}{'doc linkage acc':>17}")
    full = {}
    for name, fn in systems:
        full[name] = scores(fn, ids)
        r, l, dr, dl = full[name]
        sentence = name == "gold sentence labels"
        print(f"{name:<28}{'(1.000)' if sentence else f'{macro_f1(r):.3f}':>17}{'(1.000)' if sentence else f'{macro_f1(l):.3f}':>18}{dr:>16.3f}{dl:>17.3f}")

    r, l, _, _ = full["second coder"]
    print(f"\nCohen's kappa, second coder against gold: rights {kappa(r):.3f}, linkage {kappa(l):.3f}")
    if predictions is not None:
        pairs = [(coder[(d, i)], predictions[(d, i)]) for d in ids for i in range(len(test[d]["sentences"]))]
        rc = confusion(RIGHTS, [(c[0], p[0]) for c, p in pairs])
        lc = confusion(LINKAGE, [(c[1], p[1]) for c, p in pairs])
        print(f"PolicyText default scored against the second coder: rights macro-F1 {macro_f1(rc):.3f}, linkage macro-F1 {macro_f1(lc):.3f}")
    print()
    print(report("rights — second coder", RIGHTS, r))
    print()
    print(report("linkage — second coder", LINKAGE, l))


if __name__ == "__main__":
    main()
