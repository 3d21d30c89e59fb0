#!/usr/bin/env python3
"""Measure what a batch of gold documents adds as training data (docs/evaluation.md).

usage: python3 tests/batch_cv.py FIRST LAST [--corpus DIR] [--cli CMD] [--jobs N]

The batch is the documents whose writer code (the letters after the last '-' of the id: one
letter for the first writers, a to z, then two, aa, ab, ...) lies between FIRST and LAST in
writing order (shorter codes first, then alphabetical). The base is the documents of earlier
writers, as the corpus stood before the batch; the batch is appended after it in writing
order (writer, then number),
as when it was measured. The train and dev documents of base and batch are dealt into five
folds as `eval --cv 5` deals them (ordered by holistic linkage label and id, round-robin).
Each fold is held out once and scored with `eval --split dev` by models trained on the other
folds, either without the batch's documents (A) or with them (B). The default system's scores
are averaged over the folds, for all held-out documents, the base's and the batch's.
Needs the Release CLI built (`dotnet build -c Release src/PolicyText.Cli`). `--jobs N` runs N
evaluations at once (each is one process on about one core; the scores do not depend on it).
`--corpus DIR` reads DIR/documents.jsonl (default corpus/), such as a copy with a new batch
appended. Since the forty-fourth session each fold also trains on DIR/sentences.jsonl when
there is one, as `eval --cv 5` does; the figures in docs/evaluation.md were measured without
it (before, the folds held the documents only).
"""
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def writer(doc):
    """The writer code's place in writing order: (length, code), so that z comes before aa."""
    code = doc["id"].rsplit("-", 1)[1].rstrip("0123456789")
    return (len(code), code)


def main():
    args = sys.argv[1:]
    options = {"--cli": "dotnet " + os.path.join(ROOT, "src/PolicyText.Cli/bin/Release/net10.0/PolicyText.Cli.dll"),
               "--jobs": "1", "--corpus": os.path.join(ROOT, "corpus")}
    positional = []
    while args:
        arg = args.pop(0)
        if arg in options:
            if not args:
                sys.exit(f"batch_cv.py: {arg} needs a value")
            options[arg] = args.pop(0)
        elif arg.startswith("-"):
            sys.exit(__doc__)
        else:
            positional.append(arg)
    if len(positional) != 2 or not options["--jobs"].isdigit() or int(options["--jobs"]) < 1:
        sys.exit(__doc__)
    first, last = (len(positional[0]), positional[0]), (len(positional[1]), positional[1])
    cli = options["--cli"].split()
    jobs = int(options["--jobs"])
    source = os.path.join(options["--corpus"], "documents.jsonl")
    if not os.path.isfile(source):
        sys.exit(f"batch_cv.py: no {source}")
    sentences = os.path.join(options["--corpus"], "sentences.jsonl")
    corpus = [json.loads(line) for line in open(source, encoding="utf-8") if line.strip()]
    base = [d for d in corpus if writer(d) < first]
    batch = sorted((d for d in corpus if first <= writer(d) <= last), key=lambda d: (writer(d), d["id"].rsplit("-", 1)[1]))
    if not batch:
        sys.exit(f"no documents by writers {first[1]}-{last[1]}")
    in_batch = {d["id"] for d in batch}
    pool = sorted((d for d in base + batch if d["split"] != "test"), key=lambda d: (d["doc_linkage"], d["id"]))
    fold = {d["id"]: i % 5 for i, d in enumerate(pool)}
    scores = {}
    runs = []

    def evaluate(folder):
        result = subprocess.run(cli + ["eval", "--corpus", folder, "--split", "dev"], capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(result.stderr.strip())
        return result.stdout

    with tempfile.TemporaryDirectory() as tmp, concurrent.futures.ThreadPoolExecutor(jobs) as executor:
        for system in "AB":
            for part in ("all", "base", "batch"):
                for k in range(5):
                    folder = os.path.join(tmp, f"{system}{part}{k}")
                    os.makedirs(folder)
                    with open(os.path.join(folder, "documents.jsonl"), "w", encoding="utf-8") as f:
                        for d in base + batch:
                            y = dict(d)
                            if d["id"] not in fold:
                                y["split"] = "test"
                            elif fold[d["id"]] == k:
                                shown = part == "all" or (part == "batch") == (d["id"] in in_batch)
                                y["split"] = "dev" if shown else "test"
                            else:
                                y["split"] = "train" if system == "B" or d["id"] not in in_batch else "test"
                            f.write(json.dumps(y, ensure_ascii=False) + "\n")
                    if os.path.isfile(sentences):
                        shutil.copyfile(sentences, os.path.join(folder, "sentences.jsonl"))
                    runs.append(((system, part), executor.submit(evaluate, folder)))

        # In submission order, so each (system, part) gets its folds in order, as one at a time.
        for key, run in runs:
            try:
                run.result()
            except RuntimeError as e:
                sys.exit(f"batch_cv.py: {e}")
            row = next(line for line in run.result().splitlines() if line.startswith("PolicyText default") and "-" not in line[28:])
            scores.setdefault(key, []).append([float(x) for x in row[28:].split()])
    print(f"batch {first[1]}-{last[1]}: {len(batch)} documents; base {len(base)}; five folds over {len(pool)} train and dev documents")
    print(f"{'held out':<8} {'trained':<14} {'rights':>7} {'linkage':>8} {'doc rights':>11} {'doc linkage':>12}")
    for part in ("all", "base", "batch"):
        for system, name in (("A", "without batch"), ("B", "with batch")):
            means = [sum(col) / 5 for col in zip(*scores[(system, part)])]
            print(f"{part:<8} {name:<14} {means[0]:7.3f} {means[1]:8.3f} {means[2]:11.3f} {means[3]:12.3f}")


main()
