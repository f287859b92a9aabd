"""Take the screenshots in docs/img/ of the educators' page with the seed text explained.

    .venv/bin/python scripts/screenshots.py [--port 5381] [--out docs/img]

Serves the app on 127.0.0.1 from a thread, drives Debian's Chromium (/usr/bin/chromium)
with Playwright, and prints the worksheet to A4 and Letter PDFs; when `pdftoppm`
(poppler-utils) is installed, their pages are turned into PNGs too, to check the print layout.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from footnote.api import create_app
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seed.txt"
PUBLISHED = "2025-06-01"


def explain_seed(page, base: str, *, title: str = "", url: str = "") -> None:
    page.goto(base + "/")
    page.fill("#title", title)
    page.fill("#url", url)
    page.fill("#published", PUBLISHED)
    page.fill("#text", SEED.read_text(encoding="utf-8"))
    page.click("#explain")
    page.wait_for_selector("#results:not([hidden])")


def pdf_to_png(pdf: Path, prefix: Path) -> list[Path]:
    if not shutil.which("pdftoppm"):
        print("pdftoppm not found (apt-get install poppler-utils): PDFs only")
        return []
    for old in prefix.parent.glob(prefix.name + "-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(prefix)], check=True)
    return sorted(prefix.parent.glob(prefix.name + "-*.png"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=5381)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--pdf-dir", type=Path, help="keep the worksheet PDFs and pages here")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no request lines in the output
    server = make_server("127.0.0.1", args.port, create_app(), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"

    def out(name: str) -> str:
        return str(args.out / name)

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(base + "/")
            page.screenshot(path=out("page-form.png"))
            explain_seed(page, base)
            page.locator(".article-section").screenshot(path=out("page-article.png"))
            # A time-aware background note makes the best picture, when the text has one.
            for selector in (
                'mark.fn-context[data-severity="warning"]',
                "mark.fn-context",
                "mark",
            ):
                marks = page.locator("#article " + selector)
                if marks.count():
                    break
            if marks.count():
                marks.first.focus()
                marks.first.evaluate("m => m.scrollIntoView({block: 'center'})")
            page.screenshot(path=out("page-explained.png"))
            page.locator(".summary").screenshot(path=out("page-summary.png"))
            box = page.locator(".notes-section").bounding_box()  # the first notes are enough
            top = box["y"] + page.evaluate("window.scrollY")  # the box is relative to the view
            clip = {**box, "y": top, "height": min(box["height"], 1400)}
            page.screenshot(path=out("page-notes.png"), clip=clip, full_page=True)
            page.locator(".ledger-section").screenshot(path=out("page-ledger.png"))

            phone = browser.new_page(
                viewport={"width": 390, "height": 844},
                device_scale_factor=1,
                has_touch=True,
                is_mobile=True,
            )
            explain_seed(phone, base)
            phone.evaluate("document.getElementById('article-heading').scrollIntoView()")
            phone.screenshot(path=out("page-phone.png"))
            # A tapped passage: its note in the sheet at the bottom, the passage above it.
            mark = phone.locator("#article mark.fn-sourcing").nth(1)
            mark.scroll_into_view_if_needed()
            mark.tap()
            phone.locator("#note-detail").wait_for(state="visible")
            phone.screenshot(path=out("page-phone-note.png"))

            sheet = browser.new_page()
            explain_seed(
                sheet,
                base,
                title="Talks in the capital: what the envoys said",
                url="https://www.example-news.org/world/2025/06/01/talks",
            )
            with sheet.expect_navigation():
                sheet.click("#make-worksheet")
            sheet.set_viewport_size({"width": 1000, "height": 1100})
            sheet.screenshot(path=out("page-worksheet.png"))
            pdf_dir = args.pdf_dir or Path(tempfile.mkdtemp(prefix="footnote-worksheet-"))
            pdf_dir.mkdir(parents=True, exist_ok=True)
            for fmt in ("A4", "Letter"):
                pdf = pdf_dir / f"worksheet-{fmt}.pdf"
                sheet.pdf(path=str(pdf), format=fmt, print_background=True)
                pages = pdf_to_png(pdf, pdf_dir / f"worksheet-{fmt}")
                print(f"{pdf}: {len(pages)} page(s) rendered to PNG in {pdf_dir}")
            browser.close()
    finally:
        server.shutdown()
    for name in sorted(p.name for p in args.out.glob("page-*.png")):
        print(args.out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
