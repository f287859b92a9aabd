"""Language notes per record of a labelled set: what the issue-7 acceptance checks measure.

    .venv/bin/python scripts/language_report.py [path/to/set.jsonl ...] [-v]

For each record: genre, language notes by severity, and (with -v) every language note.
Ends with the three checks: no language caution on wire-news outside quotations, a language
note on every opinion and propaganda-style text, and notes on the seed fixture.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from footnote import analyze
from footnote.engine.document import build_document

ROOT = Path(__file__).resolve().parent.parent
# shared/eval sits beside the checkout, or beside the folder holding a git worktree
DEFAULT = next(
    (p / "shared" / "eval" / "dev.jsonl" for p in ROOT.parents if (p / "shared" / "eval").is_dir()),
    ROOT.parent / "shared" / "eval" / "dev.jsonl",
)
NEEDS_NOTE = ("opinion", "propaganda-style")


def language_notes(text: str, published: str | None):
    return [n for n in analyze(text, published=published).notes if n.category == "language"]


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    paths = [Path(a) for a in argv if not a.startswith("-")] or [DEFAULT]
    failures = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            notes = language_notes(rec["text"], rec.get("published"))
            info = sum(n.severity == "info" for n in notes)
            caution = [n for n in notes if n.severity == "caution"]
            print(f"{rec['id']:10} {rec['genre']:20} info={info:2} caution={len(caution):2}")
            if verbose:
                for n in notes:
                    print(f"    {n.severity:7} {n.rule:20} {n.excerpt[:70]!r}")
            if rec["genre"] == "wire-news":
                doc = build_document(rec["text"])
                outside = [n for n in caution if doc.in_quote(n.start, n.end) is None]
                if outside:
                    failures.append(f"{rec['id']}: {len(outside)} language caution(s) on wire news")
            if rec["genre"] in NEEDS_NOTE and not notes:
                failures.append(f"{rec['id']}: {rec['genre']} text has no language note")
    seed = (ROOT / "tests" / "fixtures" / "seed.txt").read_text(encoding="utf-8")
    seed_notes = language_notes(seed, None)
    print(
        f"seed       {'fixture':20} notes={len(seed_notes)}: "
        + ", ".join(sorted({n.rule for n in seed_notes}))
    )
    if not seed_notes:
        failures.append("seed: no language notes")
    print("\n".join(failures) if failures else "all checks pass")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
