"""/docs renders the OpenAPI document in headless Chromium with the app's own assets and CSP.

UPDATE_SCREENSHOTS=1 also saves docs/img/api-docs.png."""

import os
import shutil

import pytest

from .conftest import ROOT
from .serverutil import running_server

CHROMIUM = "/usr/bin/chromium"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not shutil.which(CHROMIUM), reason="Chromium is not installed (make browser)"
    ),
]


def test_docs_page_renders_the_spec_in_chromium():
    from playwright.sync_api import expect, sync_playwright

    with running_server({"FOOTNOTE_WORKERS": "1"}) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 1400})
            problems = []
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            outside = []
            page.on(
                "request",
                lambda r: outside.append(r.url) if not r.url.startswith(url) else None,
            )
            page.goto(url + "/docs")
            expect(page.locator("body[data-rendered=true]")).to_have_count(1)
            expect(page.locator("#op-analyze h2")).to_contain_text("/api/v1/analyze")
            expect(page.locator("#schema-AnalyzeResponse")).to_be_visible()
            expect(page.locator("#op-analyze")).to_contain_text("Retry-After")
            page.fill("#try-text", "A senior official said the talks had failed.")
            page.click("#try-send")
            expect(page.locator("#try-out")).to_contain_text('"summary"')
            if os.environ.get("UPDATE_SCREENSHOTS"):
                page.evaluate("document.getElementById('try-out').hidden = true")
                page.evaluate("window.scrollTo(0, 0)")
                (ROOT / "docs" / "img").mkdir(exist_ok=True)
                page.screenshot(path=str(ROOT / "docs" / "img" / "api-docs.png"))
            assert problems == []
            assert outside == []
        finally:
            browser.close()
