"""Screenshots of the extension for the docs: docs/img/extension-page.png (a test article
with its notes highlighted and one note open), docs/img/extension-page-narrow.png (the same
at 800 px: markers inline or in the gutter, the panel as a bar), docs/img/extension-popup.png
(the popup's first screen), docs/img/extension-not-article.png (a paywall stub) and
docs/img/extension-welcome.png (the first-run page).

Runs the real server and the unpacked extension in headless Chromium:
    .venv/bin/python -m scripts.screenshots_extension [--page talks.html]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
EXTENSION = ROOT / "extension"
PAGES = ROOT / "tests" / "browser" / "pages"
OUT = ROOT / "docs" / "img"

try:
    from tests import serverutil
except ModuleNotFoundError:  # run as a file: the project root is not on the path
    sys.exit("Run from the project root as a module: python -m scripts.screenshots_extension")


def free_port(start: int, skip: int | None = None) -> int:
    return serverutil.free_port(range(start, start + 100), {skip})


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--page", default="news-longread.html", help="in tests/browser/pages")
    parser.add_argument("--port-base", type=int, default=5280, help="first loopback port to try")
    args = parser.parse_args()

    pages_port = free_port(args.port_base)
    pages = ThreadingHTTPServer(("127.0.0.1", pages_port), partial(Quiet, directory=str(PAGES)))
    threading.Thread(target=pages.serve_forever, daemon=True).start()
    api_port = free_port(args.port_base, skip=pages_port)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "server")}
    server = subprocess.Popen(
        [sys.executable, "-m", "footnote", "serve", "--port", str(api_port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    api = f"http://127.0.0.1:{api_port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(api + "/api/v1/health", timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        OUT.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as profile, sync_playwright() as p:
            ctx = p.chromium.launch_persistent_context(
                profile,
                executable_path="/usr/bin/chromium",
                headless=True,
                args=[
                    f"--disable-extensions-except={EXTENSION}",
                    f"--load-extension={EXTENSION}",
                    "--no-sandbox",
                ],
                ignore_default_args=["--disable-extensions"],
                viewport={"width": 1280, "height": 860},
                reduced_motion="reduce",
            )
            worker = (
                ctx.service_workers[0]
                if ctx.service_workers
                else ctx.wait_for_event("serviceworker")
            )
            ext_id = worker.url.split("/")[2]
            worker.evaluate("(s) => chrome.storage.sync.set({server: s})", api)
            page = ctx.new_page()
            page.goto(f"http://127.0.0.1:{pages_port}/{args.page}")
            page.bring_to_front()
            tab = worker.evaluate(
                "async () => (await chrome.tabs.query({active: true, lastFocusedWindow: true}))"
                "[0].id"
            )
            popup = ctx.new_page()
            popup.set_viewport_size({"width": 440, "height": 600})
            popup.goto(f"chrome-extension://{ext_id}/popup.html?tabId={tab}")
            expect(popup.locator("#result")).to_be_visible(timeout=15000)
            popup.locator("li.note > details > summary").first.click()  # one note opened
            popup.screenshot(path=str(OUT / "extension-popup.png"))
            # Show a note in the page, as its "Show" button in the popup does.
            popup.locator("button.show").nth(1).click()
            page.bring_to_front()
            time.sleep(1.8)  # let the flash fade
            page.screenshot(path=str(OUT / "extension-page.png"))
            page.set_viewport_size({"width": 800, "height": 860})
            page.evaluate(
                "document.querySelectorAll('footnote-marker')[1].scrollIntoView({block: 'start'});"
                "window.scrollBy(0, -120)"
            )
            time.sleep(0.3)
            page.screenshot(path=str(OUT / "extension-page-narrow.png"))
            stub = ctx.new_page()
            stub.goto(f"http://127.0.0.1:{pages_port}/news-paywall.html")
            stub.bring_to_front()
            stub_tab = worker.evaluate(
                "async () => (await chrome.tabs.query({active: true, lastFocusedWindow: true}))"
                "[0].id"
            )
            popup.goto(f"chrome-extension://{ext_id}/popup.html?tabId={stub_tab}")
            expect(popup.locator("#error")).to_be_visible(timeout=15000)
            popup.set_viewport_size({"width": 440, "height": 330})
            popup.screenshot(path=str(OUT / "extension-not-article.png"))
            welcome = ctx.new_page()
            welcome.set_viewport_size({"width": 900, "height": 900})
            welcome.goto(f"chrome-extension://{ext_id}/welcome.html")
            welcome.click("button[type=submit]")
            expect(welcome.locator("#message")).to_contain_text("Footnote server", timeout=10000)
            welcome.screenshot(path=str(OUT / "extension-welcome.png"))
            ctx.close()
        print("wrote the extension's screenshots to", OUT)
    finally:
        server.terminate()
        server.wait(timeout=10)
        pages.shutdown()
        pages.server_close()


if __name__ == "__main__":
    main()
