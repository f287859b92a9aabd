#!/usr/bin/env python3
"""Speed of footnote.analyze() as ratios against a TextBlob sentiment pass in the same run.

Texts: the seed article, and 20 KB and 200 KB texts built from the dev set's paragraphs.
Prints a table of median times and ratios; no assertion (see the README's figures).
Usage: python bench/speed.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import footnote
from textblob import TextBlob

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seed.txt"
DEV = next(
    (p / "shared" / "eval" / "dev.jsonl" for p in ROOT.parents if (p / "shared" / "eval").is_dir()),
    ROOT.parent / "shared" / "eval" / "dev.jsonl",
)


def paragraphs() -> list[str]:
    if DEV.exists():
        out = []
        for line in DEV.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out += [p for p in json.loads(line)["text"].split("\n\n") if p.strip()]
        return out
    # Without the shared eval set, the seed's own paragraphs make the long texts.
    return [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def build(size: int, paras: list[str]) -> str:
    out, total, i = [], 0, 0
    while total < size:
        p = paras[i % len(paras)]
        out.append(p)
        total += len(p) + 2
        i += 1
    return "\n\n".join(out)[:size]


def median_times(ref, fn, repeat: int) -> tuple[float, float]:
    """Median times of `ref` and `fn`, run alternately so both see the same machine load."""
    ref(), fn()  # warm caches (data files, compiled patterns)
    t_ref, t_fn = [], []
    for _ in range(repeat):
        began = time.perf_counter()
        ref()
        t_ref.append(time.perf_counter() - began)
        began = time.perf_counter()
        fn()
        t_fn.append(time.perf_counter() - began)
    return statistics.median(t_ref), statistics.median(t_fn)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    paras = paragraphs()
    texts = {
        "seed": SEED.read_text(encoding="utf-8"),
        "20 KB": build(20_000, paras),
        "200 KB": build(200_000, paras),
    }
    rows = []
    for name, text in texts.items():
        repeat = args.repeat if len(text) < 50_000 else max(3, args.repeat // 3)
        t_ref, t_fn = median_times(
            lambda t=text: TextBlob(t).sentiment, lambda t=text: footnote.analyze(t), repeat
        )
        rows.append((name, len(text), t_ref, t_fn))
    print(f"{'text':<8} {'chars':>8} {'textblob ms':>12} {'analyze ms':>11} {'ratio':>6}")
    for name, n, t_ref, t_fn in rows:
        print(f"{name:<8} {n:>8} {t_ref * 1000:>12.2f} {t_fn * 1000:>11.2f} {t_fn / t_ref:>6.2f}")
    t20 = next(r[3] for r in rows if r[0] == "20 KB")
    t200 = next(r[3] for r in rows if r[0] == "200 KB")
    print(f"\nanalyze(200 KB) / analyze(20 KB) = {t200 / t20:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
