#!/usr/bin/env python3
"""Measure the unattributed-claim detector alone, before the attribution stage is wired in.

For each gold record: build the document, mark as attributed every sentence holding a gold
source mention or an obvious reporting cue (or, with --engine, the sentences the attribution
stage marks), run `find_unattributed_claims`, and count claim precision/recall the way
/work/shared/eval/score.py does (any character overlap). Not run by the tests.

  .venv/bin/python scripts/claims_eval.py ../../shared/eval/dev.jsonl [--engine] [--show]
      [--all 1.0]    (--all prints every sentence scoring at least that much)
"""

from __future__ import annotations

import argparse
import json
import re
import sys

from footnote.engine.attribution import find_sources
from footnote.engine.claims import find_unattributed_claims, load_lexicon, score_span
from footnote.engine.document import build_document

CUES = re.compile(
    r"\b(said|says|told|according to|reported|argued|argue|argues|warned|insisted|"
    r"noted|added|explained|claimed|claims|confirmed|denied|denies|announced|acknowledged|"
    r"stated|wrote|revealed|cautioned|estimated|found|shows|show)\b"
)


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def attributed_sentences(doc, record) -> frozenset[int]:
    marked = set()
    counts: dict[str, int] = {}
    for src in record.get("sources", []):
        mention = src["mention"]
        occ = src.get("occurrence", 1)
        pos = -1
        for _ in range(occ):
            pos = doc.text.find(mention, pos + 1)
        if pos >= 0:
            marked.add(doc.sentence_at(pos))
        counts[mention] = counts.get(mention, 0) + 1
    for i, s in enumerate(doc.sentences):
        if CUES.search(doc.norm, s.start, s.end):
            marked.add(i)
    return frozenset(marked)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--show", action="store_true", help="print misses and extras")
    ap.add_argument("--engine", action="store_true", help="use the attribution stage")
    ap.add_argument("--all", type=float, help="print every sentence scoring at least this")
    args = ap.parse_args()
    lex = load_lexicon()
    g_n = s_n = g_hit = s_hit = 0
    for path in args.gold:
        with open(path, encoding="utf-8") as fh:
            records = [json.loads(line) for line in fh if line.strip()]
        for rec in records:
            text = rec["text"]
            doc = build_document(text)
            if args.engine:
                attributed = frozenset(a.sentence for a in find_sources(doc)[1])
            else:
                attributed = attributed_sentences(doc, rec)
            found = find_unattributed_claims(doc, attributed)
            sys_spans = [(f.start, f.end) for f in found]
            gold = []
            for c in rec.get("unattributed_claims", []):
                p = text.find(c)
                gold.append((p, p + len(c)))
            g_n += len(gold)
            s_n += len(sys_spans)
            g_hit += sum(1 for g in gold if any(overlap(g, s) for s in sys_spans))
            s_hit += sum(1 for s in sys_spans if any(overlap(g, s) for g in gold))
            if args.show:
                lines = []
                for g in gold:
                    if not any(overlap(g, s) for s in sys_spans):
                        i = doc.sentence_at(g[0])
                        sc = score_span(text, doc.sentences[i].start, doc.sentences[i].end)
                        why = "attributed" if i in attributed else sc
                        lines.append(f"  MISS {text[g[0] : g[1]][:90]!r} {why}")
                for f in found:
                    if not any(overlap(g, (f.start, f.end)) for g in gold):
                        sc = score_span(text, f.start, f.end)
                        excerpt = text[f.start : f.end][:90]
                        lines.append(f"  EXTRA {excerpt!r} {sc.score} {sc.signals}")
                if lines:
                    print(f"--- {rec['id']} ({rec.get('genre')})")
                    print("\n".join(lines))
            if args.all is not None:
                for i, s in enumerate(doc.sentences):
                    sc = score_span(text, s.start, s.end, lexicon=lex)
                    if sc and sc.score >= args.all:
                        flag = "A" if i in attributed else " "
                        hit = "G" if any(overlap(g, (s.start, s.end)) for g in gold) else " "
                        excerpt = text[s.start : s.end][:100]
                        print(f"{rec['id']} {flag}{hit} {sc.score:5.2f} {excerpt!r} {sc.signals}")
    p = s_hit / s_n if s_n else 1.0
    r = g_hit / g_n if g_n else 1.0
    print(f"gold {g_n} system {s_n} claim-precision={p:.3f} claim-recall={r:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
