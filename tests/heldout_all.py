#!/usr/bin/env python3
"""Score every gold set kept beside the corpus (docs/evaluation.md) and print one table.

usage: python3 tests/heldout_all.py [--corpus DIR] [--model FILE] [--cli CMD] [--jobs N] [SET ...]

The sets are the folders corpus/heldout-* and corpus/dev-* (or the SETs named, each a
folder with a documents.jsonl). Each is scored with `eval --corpus DIR --heldout SET`, so the
models (unless --model) and the bag-of-words baseline are trained on DIR's train split, as in
docs/evaluation.md. The table gives, per set, the default system's rights and linkage
macro-F1, its document linkage accuracy where a set has documents of more than one sentence,
and the baseline's two macro-F1s. Needs the Release CLI built
(`dotnet build -c Release src/PolicyText.Cli`). `--jobs N` runs N evaluations at once (each is
one process on about one core; the scores do not depend on it).
"""
import concurrent.futures
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def option(name, default):
    if name in sys.argv:
        at = sys.argv.index(name)
        if at + 1 >= len(sys.argv) or sys.argv[at + 1].startswith("--"):
            sys.exit(f"{os.path.basename(sys.argv[0])}: {name} needs a value")
        value = sys.argv[at + 1]
        del sys.argv[at:at + 2]
        return value
    return default


def run(command):
    """The CLI's standard output; its own one-line error, not a traceback, when it fails."""
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip() or f"{' '.join(command)} exited with {result.returncode}")
    return result.stdout


def row(report, system):
    """The figures of one system's row in the first table of an `eval` report."""
    match = re.search(r"^" + re.escape(system) + r"\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*$", report, re.M)
    if match is None:
        sys.exit(f"no row for {system!r} in:\n{report}")
    return [float(x) for x in match.groups()]


def has_documents(folder):
    with open(os.path.join(folder, "documents.jsonl"), encoding="utf-8") as lines:
        return any(len(json.loads(line)["sentences"]) > 1 for line in lines if line.strip())


def main():
    corpus = option("--corpus", os.path.join(ROOT, "corpus"))
    model = option("--model", None)
    cli = option("--cli", "dotnet " + os.path.join(ROOT, "src/PolicyText.Cli/bin/Release/net10.0/PolicyText.Cli.dll")).split()
    jobs = option("--jobs", "1")
    if not jobs.isdigit() or int(jobs) < 1:
        sys.exit(f"heldout_all.py: --jobs needs a whole number of at least 1; got {jobs!r}")
    jobs = int(jobs)
    if any(a.startswith("-") for a in sys.argv[1:]):
        sys.exit(__doc__)
    sets = sys.argv[1:] or sorted(glob.glob(os.path.join(ROOT, "corpus", "heldout-*"))) + sorted(glob.glob(os.path.join(ROOT, "corpus", "dev-*")))

    def evaluate(folder):
        command = cli + ["eval", "--corpus", corpus, "--heldout", folder] + (["--model", model] if model else [])
        try:
            return run(command)
        except RuntimeError as e:
            raise RuntimeError(f"{folder}: {e}") from None

    try:
        with concurrent.futures.ThreadPoolExecutor(jobs) as executor:
            reports = list(executor.map(evaluate, sets))
    except (RuntimeError, OSError) as e:
        sys.exit(f"heldout_all.py: {e}")

    print("| set | rights | linkage | document linkage | bag-of-words rights | bag-of-words linkage |")
    print("|---|---:|---:|---:|---:|---:|")
    for folder, report in zip(sets, reports):
        default = row(report, "PolicyText default")
        baseline = row(report, "ML.NET bag-of-words")
        documents = f"{default[3]:.3f}" if has_documents(folder) else "-"
        print(f"| {os.path.basename(os.path.normpath(folder))} | {default[0]:.3f} | {default[1]:.3f} | {documents} | {baseline[0]:.3f} | {baseline[1]:.3f} |")


if __name__ == "__main__":
    main()
