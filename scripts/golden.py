"""Regenerate the golden fixtures' expected.json on purpose (`make golden`), and say what changed.

    python -m scripts.golden              # every tests/golden/<slug>/
    python -m scripts.golden seed opinion-column

Run it after a change to the engine or its data that is meant to change the output, then read
`git diff tests/golden` before committing: every line there is a behaviour change. The tests
never call this; they only compare.
"""

from __future__ import annotations

import argparse
import sys

try:
    from tests import goldenlib
except ModuleNotFoundError:  # run as a file: the project root is not on the path
    sys.exit("Run from the project root as a module: python -m scripts.golden")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("slugs", nargs="*", help="fixtures to rewrite (default: all)")
    args = parser.parse_args(argv)
    known = goldenlib.slugs()
    unknown = sorted(set(args.slugs) - set(known))
    if unknown:
        parser.error(f"no tests/golden/<slug>/input.json for: {', '.join(unknown)}")
    chosen = args.slugs or known
    changed = 0
    for slug in chosen:
        path = goldenlib.GOLDEN / slug / "expected.json"
        actual = goldenlib.render(goldenlib.read_input(slug))
        if path.exists():
            lines = goldenlib.diff(goldenlib.read_expected(slug), actual)
            if not lines and path.read_text(encoding="utf-8") == goldenlib.dumps(actual):
                print(f"{slug}: unchanged")
                continue
            print(f"{slug}: updated")
            for line in lines:
                print(f"    {line}")
        else:
            print(f"{slug}: new")
        path.write_text(goldenlib.dumps(actual), encoding="utf-8")
        changed += 1
    print(f"{changed} of {len(chosen)} fixtures written; review `git diff tests/golden`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
