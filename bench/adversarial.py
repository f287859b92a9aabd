"""Time `footnote.analyze` on 200 KB inputs built to make text processing slow.

Each input aims at one way a regex can backtrack or a stage can go quadratic: long runs of
quotes, capitals, commas, speech cues with no full stop, nested brackets, one giant line,
deep combining marks, and so on. The goal is every input in at most 1 s.

Each case runs in its own process with a time limit. A case slower than the goal is profiled
(the footnote functions where the time goes), and a case that hits the limit prints the
stack it was stuck in, so the stage and the pattern responsible can be named.

    python bench/adversarial.py                 # all cases
    python bench/adversarial.py --case quotes   # cases whose name contains "quotes"
"""

from __future__ import annotations

import argparse
import cProfile
import faulthandler
import io
import json
import pstats
import subprocess
import sys
import time
from pathlib import Path

SIZE = 200_000
GOAL_S = 1.0
ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seed.txt"


def _fill(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def cases() -> dict[str, str]:
    seed = SEED.read_text(encoding="utf-8")
    words = [f"Word{i}" for i in range(50)]
    return {
        "seed article repeated": _fill(seed + "\n\n"),
        "straight double quotes": _fill('"'),
        "quote then word": _fill('"a '),
        "unbalanced curly openers": _fill("\u201c"),
        "curly quotes alternating": _fill("\u201c\u201d"),
        "apostrophes and single quotes": _fill("'s '"),
        "quote cue pairs without stops": _fill('"We will win," he said "and'),
        "capitalised words, no punctuation": _fill(" ".join(w.capitalize() for w in words) + " "),
        "all caps words": _fill("NATO UN EU USA "),
        "capitals and commas": _fill("Mark Rutte, "),
        "commas only": _fill(","),
        "comma-separated words": _fill("a, "),
        "said without full stops": _fill("said "),
        "officials said that, no stops": _fill("officials said that "),
        "cue words mixed": _fill(
            "according to sources close to officials who said told reporters "
        ),
        "anonymity phrases": _fill("a senior official who requested anonymity because "),
        "nested brackets": "(" * (SIZE // 2) + ")" * (SIZE // 2),
        "unclosed brackets": _fill("(["),
        "one giant word": "a" * SIZE,
        "one giant line of sentences": _fill("The minister said the plan would work. "),
        "no spaces, full stops": _fill("a."),
        "full stops only": _fill("."),
        "abbreviations": _fill("Mr. Dr. U.S. e.g. "),
        "initials": _fill("A. B. C. "),
        "question marks": _fill("? "),
        "dashes": _fill("\u2014"),
        "newlines only": "\n" * SIZE,
        "blank paragraphs": _fill("x\n\n"),
        "spaces only but one word": " " * (SIZE - 5) + "word.",
        "combining marks on one letter": "a" + "\u0301" * (SIZE - 1),
        "combining marks on every letter": _fill("e" + "\u0301\u0302\u0303" * 10 + " "),
        "emoji and joiners": _fill("\U0001f469\u200d\U0001f52c "),
        "right-to-left and controls": _fill("\u202e\u0627\u0644\u202c "),
        "digits and dates": _fill("12 May 2022, 3.5% "),
        "numbers with commas": _fill("1,000,000,"),
    }


def run_case(name: str, limit: float) -> dict:
    """In a child process: time one case; profile it if slow; dump the stack if stuck."""
    import footnote

    text = cases()[name]
    footnote.analyze("Warm-up: officials said so.")  # load rules and knowledge first
    faulthandler.dump_traceback_later(limit, exit=True)
    began = time.perf_counter()
    result = footnote.to_dict(footnote.analyze(text))
    seconds = time.perf_counter() - began
    faulthandler.cancel_dump_traceback_later()
    out = {
        "name": name,
        "characters": len(text),
        "seconds": round(seconds, 3),
        "sources": len(result["sources"]),
        "notes": len(result["notes"]),
    }
    if seconds > GOAL_S:
        out["profile"] = _profile(footnote, text)
    return out


def _profile(footnote, text: str) -> list[str]:
    profiler = cProfile.Profile()
    profiler.runcall(footnote.analyze, text)
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    rows = []
    for (filename, line, func), (_cc, _nc, tottime, cumtime, _callers) in stats.stats.items():
        if "footnote" in filename or func.startswith("<method '") and "re." in func:
            rows.append((tottime, cumtime, f"{Path(filename).name}:{line} {func}"))
    rows.sort(reverse=True)
    return [f"{tot:7.3f}s self {cum:7.3f}s total  {where}" for tot, cum, where in rows[:6]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--case", help="run only cases whose name contains this")
    parser.add_argument(
        "--limit", type=float, default=10.0, help="seconds before a case is stopped"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_case(args.child, args.limit)))
        return 0

    names = [n for n in cases() if not args.case or args.case in n]
    header = f"{'input':<36} {'chars':>8} {'seconds':>8}  {'sources':>7} {'notes':>6}"
    print(f"{header}  goal <= {GOAL_S} s")
    slow = 0
    worst = 0.0
    for name in names:
        try:
            done = subprocess.run(
                [sys.executable, __file__, "--child", name, "--limit", str(args.limit)],
                capture_output=True,
                text=True,
                timeout=args.limit + 30,
            )
        except subprocess.TimeoutExpired:
            done = None
        if done is None or done.returncode != 0 or not done.stdout.strip():
            slow += 1
            print(
                f"{name:<36} {SIZE:>8} {'> ' + str(int(args.limit)):>8}  STOPPED (limit or crash)"
            )
            if done is not None:
                stuck = [ln for ln in done.stderr.splitlines() if "footnote" in ln or "File" in ln]
                for line in stuck[:12]:
                    print("      " + line.strip())
            continue
        row = json.loads(done.stdout.strip().splitlines()[-1])
        worst = max(worst, row["seconds"])
        mark = "" if row["seconds"] <= GOAL_S else "  SLOW"
        slow += bool(mark)
        print(
            f"{name:<36} {row['characters']:>8} {row['seconds']:>8.3f}  "
            f"{row['sources']:>7} {row['notes']:>6}{mark}"
        )
        for line in row.get("profile", []):
            print("      " + line)
    print(f"\n{len(names)} inputs, worst {worst:.3f} s, {slow} over {GOAL_S} s")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
