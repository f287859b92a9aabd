"""Take docs/img/corpus-report.png: the report of a generated corpus, in Debian's Chromium.

    PYTHONPATH=server .venv/bin/python scripts/corpus_screenshot.py [--articles 3000]

The corpus is footnote.corpus.sample's invented articles, analysed in this process.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from footnote.corpus import run_corpus, write_report
from footnote.corpus.sample import write_corpus
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img" / "corpus-report.png")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_corpus(root / "in", args.articles)
        run_corpus([str(root / "in")], root / "tables", scheduler="inprocess")
        report = write_report(root / "tables", title="Sourcing in a generated corpus")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1000, "height": 900})
            page.goto(report.as_uri())
            page.wait_for_function(
                "[...document.querySelectorAll('[data-spec]')].every(h => h.dataset.drawn)"
            )
            page.screenshot(path=args.out, full_page=True)
            browser.close()
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
