#!/usr/bin/env python3
"""The language stage's share of analyze(): timeit ratios against TextBlob in one process.

    .venv/bin/python bench/language_speed.py [--number 50] [--repeat 7]

Prints, for the seed article: TextBlob(seed).sentiment, analyze(seed) and the language stage
alone (on a document and sources built beforehand), each as the best of `repeat` timeit runs
and as a ratio to the TextBlob pass. No assertion: speed is reported, not tested.
"""

from __future__ import annotations

import argparse
import timeit
from pathlib import Path

from footnote import analyze
from footnote.engine.attribution import find_sources
from footnote.engine.document import build_document
from footnote.engine.language import find_language
from textblob import TextBlob

SEED = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seed.txt"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--number", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    seed = SEED.read_text(encoding="utf-8")
    doc = build_document(seed)
    sources, attributions = find_sources(doc)
    runs = {
        "TextBlob(seed).sentiment": lambda: TextBlob(seed).sentiment,
        "analyze(seed)": lambda: analyze(seed),
        "language stage alone": lambda: find_language(doc, sources, attributions),
    }
    for fn in runs.values():
        fn()  # warm caches: rule and lexicon files, compiled patterns
    best = {}
    for _ in range(args.repeat):  # interleaved, so load on the machine hits all three alike
        for name, fn in runs.items():
            t = timeit.timeit(fn, number=args.number) / args.number
            best[name] = min(best.get(name, t), t)
    base = best["TextBlob(seed).sentiment"]
    for name, t in best.items():
        print(f"{name:26} {t * 1000:7.2f} ms  {t / base:5.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
