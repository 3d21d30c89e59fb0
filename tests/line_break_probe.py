#!/usr/bin/env python3
"""How PolicyText reads text hard-wrapped, hyphenated and cut into pages as PDF extraction leaves it.

usage: python3 tests/line_break_probe.py [--corpus DIR] [--model FILE] [--cli CMD] [--width N] [--lines N]

Two gold sets are rewritten four ways each: the test split of DIR/documents.jsonl and
DIR/heldout-documents. "plain" is the text as it is; "wrapped" breaks every line at N columns
(68 by default) between words; "hyphenated" also breaks a word of five or more letters (in
lower case after its first: no acronyms) that overflows a line after as many letters as fit (at least two, leaving at least three, as TeX
hyphenates English), with "-" and a line break; "paged" also cuts the hyphenated text into
pages of --lines lines (40 by default; blank lines count; never after a hyphenated line, as TeX
avoids), as pdftotext writes a PDF: each page ends with a blank line, a running footer, a blank
line, the page number and a form feed, and each page after the first starts with a running head
and a blank line (the footer and head in one of four styles, chosen by the document's id). The gold sentence spans are moved with the
text, and page furniture between two sentences goes with the first (the gold format wants
every character but white space in a sentence). Each is scored with `eval --heldout` (the default system's rights and linkage macro-F1
and document accuracies, with the gold sentences), and analysed with `analyze` (its own
sentences): the share of sentence labels, and of confidences, the same as the plain text's.
The models are trained on DIR's train split unless --model. Needs the Release CLI built
(`dotnet build -c Release src/PolicyText.Cli`); about a minute with --model. The breaks
column counts the hyphenated line ends, or for "paged" the page breaks; "same labels" is the
share of the plain text's sentences read with a sentence that starts at the same place and has
the same labels (and confidences), and "sentences" how many more sentences were read than in
the plain text.
"""
import csv
import json
import os
import re
import subprocess
import sys
import tempfile

from heldout_all import option, run

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def wrap(text, width, hyphenate):
    """The text with its lines broken at `width` columns, and where each old offset went."""
    out = []
    moved = [0] * (len(text) + 1)
    column = 0
    i = 0
    breaks = 0
    while i < len(text):
        c = text[i]
        if c == " ":
            j = i + 1
            while j < len(text) and text[j] not in " \n":
                j += 1
            word = text[i + 1:j]
            if column > 0 and column + 1 + len(word) > width:
                room = width - column - 2
                if hyphenate and word.isalpha() and word[1:].islower() and len(word) >= 5 and room >= 2:
                    cut = min(room, len(word) - 3)
                    moved[i] = len(out)
                    out.append(" ")
                    for k, letter in enumerate(word):
                        if k == cut:
                            out.extend("-\n")
                            breaks += 1
                            column = 0
                        moved[i + 1 + k] = len(out)
                        out.append(letter)
                        column += 1 if k >= cut else 0
                    i = j
                    continue
                moved[i] = len(out)
                out.append("\n")
                column = 0
                i += 1
                continue
        moved[i] = len(out)
        out.append(c)
        column = 0 if c == "\n" else column + 1
        i += 1
    moved[len(text)] = len(out)
    return "".join(out), moved, breaks


FOOTERS = [
    ("Korea Policy Brief | March 2025", "{page}", "Humanitarian Cooperation First"),
    ("", "- {page} -", ""),
    ("Asia Rights Monitor", "Page {page}", ""),
    ("Policy Commentary                                        {page}", None, "THE PENINSULA REVIEW"),
]


def paginate(text, lines_per_page, style):
    """The text cut into pages with furniture, and where each old offset went."""
    footer, number, head = FOOTERS[style]
    out = []
    moved = [0] * (len(text) + 1)
    page = 1
    line = 0
    pages = 0
    for i, c in enumerate(text):
        moved[i] = len(out)
        out.append(c)
        if c != "\n":
            continue
        line += 1
        # Never after a hyphenated line end, and not at the text's end.
        if line >= lines_per_page and not (i > 0 and text[i - 1] == "-") and i + 1 < len(text):
            furniture = "\n"
            if footer:
                furniture += footer.format(page=page) + "\n\n"
            if number:
                furniture += number.format(page=page) + "\n"
            furniture += "\f"
            if head:
                furniture += head + "\n\n"
            out.extend(furniture)
            page += 1
            pages += 1
            line = 0
    moved[len(text)] = len(out)
    return "".join(out), moved, pages


def rewrite(source, target, split, width, mode, lines_per_page=40):
    """Writes the rewritten set; returns the breaks made and, per document, where each new offset came from."""
    os.makedirs(target, exist_ok=True)
    breaks = 0
    origins = {}
    with open(source, encoding="utf-8") as lines, open(os.path.join(target, "documents.jsonl"), "w", encoding="utf-8") as out:
        for line in lines:
            if not line.strip():
                continue
            d = json.loads(line)
            if split and d.get("split") != split:
                continue
            if mode != "plain":
                source_length = len(d["text"])
                text, moved, n = wrap(d["text"], width, mode in ("hyphenated", "paged"))
                breaks += n if mode != "paged" else 0
                if mode == "paged":
                    text, paged, n = paginate(text, lines_per_page, sum(map(ord, d["id"])) % len(FOOTERS))
                    breaks += n
                    moved = [paged[m] for m in moved]
                d["text"] = text
                origins[d["id"]] = {moved[i]: i for i in range(source_length + 1)}
                for s in d["sentences"]:
                    s["start"], s["end"] = moved[s["start"]], moved[s["end"] - 1] + 1
                # Page furniture between two sentences goes with the first (the gold format's
                # sentences cover every character but white space).
                for s, after in zip(d["sentences"], d["sentences"][1:]):
                    gap = text[s["end"]:after["start"]]
                    if gap.strip():
                        s["end"] += len(gap.rstrip())
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
    return breaks, origins


def labels(folder, origins=None):
    """Each sentence's labels and confidences, keyed by its document and its start in the plain text (None where it starts elsewhere)."""
    with open(os.path.join(folder, "sentences.csv"), encoding="utf-8", newline="") as f:
        rows = {}
        for r in csv.DictReader(f):
            start = int(r["start"])
            if origins is not None:
                start = origins[r["doc_id"]].get(start)
            rows[(r["doc_id"], start if start is not None else f"new {r['start']}")] = (r["rights"], r["linkage"], r["rights_confidence"], r["linkage_confidence"])
        return rows


def main():
    corpus = option("--corpus", os.path.join(ROOT, "corpus"))
    model = option("--model", None)
    width = option("--width", "68")
    lines_per_page = option("--lines", "40")
    if not width.isdigit() or not lines_per_page.isdigit() or int(width) < 10 or int(lines_per_page) < 5:
        sys.exit(f"line_break_probe.py: --width needs a whole number of at least 10 and --lines one of at least 5; got {width!r} and {lines_per_page!r}")
    width, lines_per_page = int(width), int(lines_per_page)
    cli = option("--cli", "dotnet " + os.path.join(ROOT, "src/PolicyText.Cli/bin/Release/net10.0/PolicyText.Cli.dll")).split()
    if len(sys.argv) > 1:
        sys.exit(__doc__)
    for needed in (os.path.join(corpus, "documents.jsonl"), os.path.join(corpus, "heldout-documents", "documents.jsonl")):
        if not os.path.isfile(needed):
            sys.exit(f"line_break_probe.py: no {needed}; --corpus names a folder like corpus/, with documents.jsonl and heldout-documents/")
    try:
        probe(corpus, model, width, lines_per_page, cli)
    except (RuntimeError, OSError) as e:
        sys.exit(f"line_break_probe.py: {e}")


def probe(corpus, model, width, lines_per_page, cli):
    with tempfile.TemporaryDirectory() as work:
        if model is None:
            model = os.path.join(work, "model.bin")
            run(cli + ["train", "--corpus", corpus, "--out", model])
        print(f"{'set':<32} {'breaks':>6} {'rights':>7} {'linkage':>7} {'doc r.':>7} {'doc l.':>7} {'same labels':>12} {'same conf.':>10} {'sentences':>9}")
        for name, source, split in [("test split", os.path.join(corpus, "documents.jsonl"), "test"),
                                    ("heldout-documents", os.path.join(corpus, "heldout-documents", "documents.jsonl"), None)]:
            plain = None
            for mode in ["plain", "wrapped", "hyphenated", "paged"]:
                folder = os.path.join(work, f"{split or 'all'}-{mode}")
                breaks, origins = rewrite(source, folder, split, width, mode, lines_per_page)
                report = run(cli + ["eval", "--corpus", corpus, "--heldout", folder, "--model", model])
                scores = re.search(r"^PolicyText default\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*$", report, re.M).groups()
                out = os.path.join(folder, "out")
                run(cli + ["analyze", os.path.join(folder, "documents.jsonl"), "--out", out, "--quiet"])
                rows = labels(out, origins if mode != "plain" else None)
                plain = plain or rows
                # A plain sentence counts as the same when a sentence starts where it starts, with its labels (and confidences).
                same = f"{sum(rows.get(k, ())[:2] == v[:2] for k, v in plain.items()) / len(plain):.3f}"
                conf = f"{sum(rows.get(k) == v for k, v in plain.items()) / len(plain):.3f}"
                extra = len(rows) - len(plain)
                print(f"{name + ', ' + mode:<32} {breaks:>6} {scores[0]:>7} {scores[1]:>7} {scores[2]:>7} {scores[3]:>7} {same:>12} {conf:>10} {extra:>+9}")


if __name__ == "__main__":
    main()
