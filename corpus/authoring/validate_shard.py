#!/usr/bin/env python3
"""Validate an authoring shard for the PolicyText corpus. Usage: validate_shard.py FILE.jsonl"""
import json, sys, collections
RIGHTS = {"freedom", "economic_social", "both", "general", "none"}
LINK = {"pro_linkage", "anti_linkage", "neutral", "none"}
DOC_RIGHTS = {"freedom", "economic_social", "balanced", "general", "none"}
DOC_LINK = {"pro_linkage", "anti_linkage", "mixed", "neutral", "none"}
KINDS = {"op-ed", "editorial", "commentary", "news", "speech", "ngo-statement"}
CONTEXTS = {"north_korea", "iran", "myanmar", "venezuela", "cuba", "syria", "russia", "china_xinjiang", "afghanistan", "global"}
path = sys.argv[1]
ids = set(); rc = collections.Counter(); lc = collections.Counter(); docs = 0; sents = 0; errors = 0; words = []
for n, line in enumerate(open(path, encoding="utf-8"), 1):
    if not line.strip():
        continue
    try:
        d = json.loads(line)
    except Exception as e:
        print(f"line {n}: invalid JSON: {e}"); errors += 1; continue
    def err(msg):
        global errors
        print(f"line {n} ({d.get('id')}): {msg}"); errors += 1
    for k in ["id", "title", "kind", "context", "date", "author", "doc_rights", "doc_linkage", "paragraphs"]:
        if k not in d: err(f"missing key {k}")
    if d.get("id") in ids: err("duplicate id")
    ids.add(d.get("id"))
    if d.get("kind") not in KINDS: err(f"bad kind {d.get('kind')}")
    if d.get("context") not in CONTEXTS: err(f"bad context {d.get('context')}")
    if d.get("doc_rights") not in DOC_RIGHTS: err(f"bad doc_rights {d.get('doc_rights')}")
    if d.get("doc_linkage") not in DOC_LINK: err(f"bad doc_linkage {d.get('doc_linkage')}")
    w = 0
    for p in d.get("paragraphs", []):
        if not p: err("empty paragraph")
        for s in p:
            if not (isinstance(s, list) and len(s) == 3): err(f"sentence entry must be [text, rights, linkage]: {s}"); continue
            t, r, l = s
            if not t.strip() or t != t.strip(): err(f"sentence text empty or with surrounding spaces: {t!r}")
            if "\n" in t: err(f"newline inside sentence: {t!r}")
            if r not in RIGHTS: err(f"bad rights label {r!r} in {t[:40]!r}")
            if l not in LINK: err(f"bad linkage label {l!r} in {t[:40]!r}")
            rc[r] += 1; lc[l] += 1; sents += 1; w += len(t.split())
    words.append(w); docs += 1
print(f"{docs} documents, {sents} sentences, words per doc min {min(words) if words else 0} max {max(words) if words else 0}")
print("rights:", dict(rc)); print("linkage:", dict(lc))
print("errors:", errors)
sys.exit(1 if errors else 0)
