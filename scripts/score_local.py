#!/usr/bin/env python3
"""Run ../shared/eval/score.py against footnote.analyze() in this process (no server needed).

Usage: python scripts/score_local.py GOLD.jsonl [score.py options...]
Same figures as scoring a running server, faster to iterate with.
"""

import importlib.util
import sys
from datetime import date
from pathlib import Path

import footnote

ROOT = Path(__file__).resolve().parents[1]
# shared/ sits beside the checkout (or beside the folder holding a git worktree)
SCORE = next(
    (p / "shared" / "eval" / "score.py" for p in ROOT.parents if (p / "shared" / "eval").is_dir()),
    ROOT.parent / "shared" / "eval" / "score.py",
)


def main() -> int:
    spec = importlib.util.spec_from_file_location("score", SCORE)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)

    def post(_url, payload):
        return footnote.to_dict(
            footnote.analyze(
                payload["text"],
                published=payload.get("published"),
                title=payload.get("title"),
                url=payload.get("url"),
                # as the API does: the reader's date defaults to today
                as_of=payload.get("as_of") or date.today(),
            )
        )

    score.post = post
    sys.argv = ["score.py", *sys.argv[1:]]
    return score.main()


if __name__ == "__main__":
    sys.exit(main())
