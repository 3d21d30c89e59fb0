#!/usr/bin/env bash
# Peak memory of `policytext analyze` on a 1 GB JSON Lines corpus, made by repeating the gold
# corpus's texts with fresh ids (as many copies of its documents as 1 GB takes: 2,316 copies of
# 176 documents when it had 176, 579 of 490 now). Needs python3 and GNU time
# (/usr/bin/time); writes about 3.5 GB under $TMPDIR and removes it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work/corpus.jsonl" <<'PY'
import json, sys
docs = [json.loads(l) for l in open("corpus/documents.jsonl", encoding="utf-8")]
n, k = 0, 0
with open(sys.argv[1], "w", encoding="utf-8") as f:
    while n < 1_000_000_000:
        for d in docs:
            line = json.dumps({"id": f"{d['id']}-{k}", "outlet": d["kind"], "text": d["text"]}) + "\n"
            f.write(line)
            n += len(line.encode())
        k += 1
print(f"input: {n:,} bytes, {k * len(docs):,} documents")
PY

dotnet build -c Release src/PolicyText.Cli -v quiet -nologo
/usr/bin/time -v dotnet src/PolicyText.Cli/bin/Release/net10.0/PolicyText.Cli.dll \
    analyze "$work/corpus.jsonl" --out "$work/out" --quiet 2> "$work/time.txt"
grep -E "Elapsed|Maximum resident|Percent of CPU|Exit status" "$work/time.txt"
ls -l "$work/out"
cat "$work/out/manifest.json"
