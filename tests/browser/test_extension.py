"""End-to-end: the unpacked extension in a real headless Chromium (and, when installed, in
headless Firefox through its remote debugging protocol), on test articles written for the
project, against the real Footnote server and a small fake server (the error paths and a
fixed set of spans). See docs/extension.md and shared/notes/browser-testing.md.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.serverutil import free_port

ROOT = Path(__file__).resolve().parents[2]
EXTENSION = ROOT / "extension"
PAGES = Path(__file__).resolve().parent / "pages"
CHROMIUM = os.environ.get("FOOTNOTE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
PORTS = range(5200, 5300)

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason="Chromium is missing: run `make browser`"
    ),
]

# The test articles, the date each page's metadata gives, and where it gives it.
ARTICLES = {
    "talks.html": ("2023-06-14", "jsonld"),
    "statement.html": ("2021-11-03", "meta"),
    "plain.html": ("2024-02-29", "time"),
    "hostile.html": ("2022-09-12", "meta"),
}

# Page furniture Readability should leave out of talks.html.
FURNITURE = [
    "Most read",
    "Save 40%",
    "Sponsored",
    "sponsored:",
    "hidden text",
    "savings account",
    "Sign in",
    "All rights",
]

# Spans the fake server returns for talks.html: across inline element boundaries, after an
# emoji (astral: code points ≠ UTF-16 units), with a combining mark, across paragraphs.
PHRASES = [
    ("sourcing", "warning", "two senior officials familiar with the negotiations"),
    ("attribution", "caution", "Sources close to the foreign ministry said"),
    ("language", "info", "the currency fell 3% against the euro"),
    ("sourcing", "caution", "documents obtained by TASS"),
    ("sourcing", "info", "delegation 🇺🇦, said the draft"),
    ("context", "warning", "the Minsk agreements"),
    ("sourcing", "warning", "A diplomat in Zu\u0308rich"),
    ("attribution", "caution", "“preparations are ongoing.”\n\nResidents of the towns"),
]


def normalise(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


class QuietPages(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class FakeApi(SimpleHTTPRequestHandler):
    """A stand-in Footnote server: a fixed analysis (PHRASES), or a chosen error status."""

    def log_message(self, *args):
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append(body)
        mode = self.server.mode
        if mode == 413:
            self._json(413, {"error": {"code": "too_large", "message": "too long"}})
        elif mode == 429:
            error = {"error": {"code": "rate_limited", "message": "slow down"}}
            self._json(429, error, {"Retry-After": "7"})
        else:
            self._json(200, fake_analysis(body))

    def _json(self, status, payload, headers=None):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)


def fake_analysis(body: dict) -> dict:
    text = body["text"]
    notes = []
    for i, (category, severity, phrase) in enumerate(PHRASES):
        start = text.find(phrase)
        if start < 0:
            continue
        end = start + len(phrase)
        notes.append(
            {
                "id": f"n{i + 1}",
                "category": category,
                "rule": "fake",
                "severity": severity,
                "title": f"Fake note {i + 1}",
                "explanation": "Explanation <b>not markup</b>.",
                "check": "Check something.",
                "start": start,
                "end": end,
                "excerpt": text[start:end],
                "topic": None,
                "source_id": None,
                "references": [{"title": "A reference", "url": "https://example.org/ref"}],
            }
        )
    notes.append(
        {
            "id": "whole",
            "category": "sourcing",
            "rule": "fake",
            "severity": "caution",
            "title": "About the whole text",
            "explanation": "",
            "check": "",
            "start": None,
            "end": None,
            "excerpt": None,
            "topic": None,
            "source_id": None,
            "references": [],
        }
    )
    sources = [
        {
            "id": "s1",
            "mention": "two senior officials",
            "start": 0,
            "end": 1,
            "kind": "unnamed_individual",
            "anonymity_reason": None,
            "relayed_by": None,
            "cue": "according to",
            "attributions": 2,
        },
    ]
    return {
        "summary": {"headline": "Fake headline: 1 source.", "counts": {}, "tone": None},
        "sources": sources,
        "notes": notes,
        "meta": {"characters": len(text), "published": body.get("published")},
    }


def serve(handler, port: int) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def servers():
    used: set[int] = set()
    pages_port = free_port(PORTS, used)
    pages = serve(partial(QuietPages, directory=str(PAGES)), pages_port)
    used.add(pages_port)
    fake_port = free_port(PORTS, used)
    fake = serve(FakeApi, fake_port)
    fake.mode, fake.requests = 200, []
    used.add(fake_port)
    real_port = free_port(PORTS, used)
    used.add(real_port)
    down_port = free_port(PORTS, used)  # nothing listens here
    env = {**os.environ, "PYTHONPATH": str(ROOT / "server")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "footnote", "serve", "--port", str(real_port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    real = f"http://127.0.0.1:{real_port}"
    try:
        for _ in range(200):
            try:
                with urllib.request.urlopen(real + "/api/v1/health", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail("footnote serve exited: " + proc.stderr.read()[-2000:])
                time.sleep(0.05)
        else:
            pytest.fail("footnote serve did not start")
        yield {
            "pages": f"http://127.0.0.1:{pages_port}",
            "fake": f"http://127.0.0.1:{fake_port}",
            "fake_server": fake,
            "real": real,
            "down": f"http://127.0.0.1:{down_port}",
        }
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stderr.close()
        for server in (pages, fake):
            server.shutdown()
            server.server_close()


FIRST_RUN: dict = {}


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            args=[
                f"--disable-extensions-except={EXTENSION}",
                f"--load-extension={EXTENSION}",
                "--no-sandbox",
                "--remote-debugging-port=0",  # to find the toolbar popup (not in ctx.pages)
            ],
            ignore_default_args=["--disable-extensions"],
            reduced_motion="reduce",
            viewport={"width": 1280, "height": 800},
        )
        workers = ctx.service_workers
        worker = workers[0] if workers else ctx.wait_for_event("serviceworker")
        for _ in range(100):  # the first-run page opens on install
            FIRST_RUN["urls"] = worker.evaluate(
                "chrome.tabs.query({}).then((tabs) => tabs.map((t) => t.url || t.pendingUrl))"
            )
            if any((u or "").endswith("/welcome.html") for u in FIRST_RUN["urls"]):
                break
            time.sleep(0.05)
        yield ctx, worker, p, profile
        ctx.close()


class Ext:
    """Drives the extension the way a click does, through its service worker."""

    def __init__(self, ctx, worker):
        self.ctx, self.worker = ctx, worker
        self.id = worker.url.split("/")[2]

    def use_server(self, origin: str) -> None:
        self.worker.evaluate("(s) => chrome.storage.sync.set({server: s})", origin)

    def open(self, url: str):
        page = self.ctx.new_page()
        if url.startswith("chrome://"):
            with contextlib.suppress(sync_api.Error):  # the browser page may refuse navigation
                page.goto(url)
        else:
            page.goto(url)
        page.bring_to_front()
        tab_id = self.worker.evaluate(
            "async () => (await chrome.tabs.query({active: true, lastFocusedWindow: true}))[0].id"
        )
        return page, tab_id

    def analyze(self, tab_id: int, **options) -> dict:
        return self.worker.evaluate("([id, o]) => footnoteAnalyzeTab(id, o)", [tab_id, options])

    def extract(self, tab_id: int, **options) -> dict:
        """What the content script reads from the page (nothing is sent anywhere)."""
        return self.worker.evaluate(
            "async ([id, o]) => { await injectContentScript(id); "
            "return chrome.tabs.sendMessage(id, {type: 'footnote:extract', options: o}); }",
            [tab_id, options],
        )

    def state(self, tab_id: int) -> dict:
        return self.worker.evaluate(
            "(id) => chrome.tabs.sendMessage(id, {type: 'footnote:state'})", tab_id
        )

    def badge(self, tab_id: int) -> str:
        return self.worker.evaluate("(id) => chrome.action.getBadgeText({tabId: id})", tab_id)


@pytest.fixture
def ext(browser, servers):
    ctx, worker, _, _ = browser
    e = Ext(ctx, worker)
    servers["fake_server"].mode = 200
    servers["fake_server"].requests.clear()
    yield e
    for page in ctx.pages[1:]:
        page.close()


def assert_highlights_match(reply: dict, state: dict) -> int:
    notes = {n["id"]: n for n in reply["analysis"]["notes"]}
    spanned = [n for n in notes.values() if n["start"] is not None]
    assert reply["placement"]["mismatched"] == 0
    assert reply["placement"]["placed"] == len(spanned) == reply["placement"]["spanned"]
    assert len(state["highlights"]) == len(spanned)
    for h in state["highlights"]:
        assert normalise(h["text"]) == normalise(notes[h["id"]]["excerpt"]), h["id"]
    return len(spanned)


def test_manifest_asks_for_little():
    manifest = json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["manifest_version"] == 3
    assert sorted(manifest["permissions"]) == ["activeTab", "contextMenus", "scripting", "storage"]
    assert manifest["host_permissions"] == ["http://127.0.0.1/*", "http://localhost/*"]
    assert "<all_urls>" not in json.dumps(manifest)
    assert "content_scripts" not in manifest, "the content script is injected on click only"
    gecko = manifest["browser_specific_settings"]["gecko"]
    assert gecko["id"] and gecko["strict_min_version"]
    assert manifest["background"]["service_worker"] == "background.js"
    assert manifest["background"]["scripts"][-1] == "background.js"


@pytest.mark.skipif(
    not (ROOT / "node_modules" / "web-ext").exists(), reason="npm packages missing: npm install"
)
def test_web_ext_lint_has_no_errors():
    out = subprocess.run(
        [
            "npx",
            "--no-install",
            "web-ext",
            "lint",
            "--source-dir",
            str(EXTENSION),
            "--output",
            "json",
            "--no-config-discovery",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(out.stdout[out.stdout.index("{") :])
    assert report["summary"]["errors"] == 0, report["errors"]


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_real_server_highlights_match_excerpts_and_get_the_date(ext, servers, name, capsys):
    expected_date, where = ARTICLES[name]
    ext.use_server(servers["real"])
    page, tab = ext.open(f"{servers['pages']}/{name}")
    started = time.perf_counter()
    reply = ext.analyze(tab)
    elapsed = (time.perf_counter() - started) * 1000
    assert reply["ok"], reply
    assert reply["extraction"]["published"] == expected_date
    assert reply["extraction"]["publishedFrom"] == where
    assert reply["analysis"]["meta"]["published"] == expected_date  # the server got the date
    state = ext.state(tab)
    n = assert_highlights_match(reply, state)
    if name in {"talks.html", "statement.html"}:  # attribution-rich: the engine gives spans
        assert n > 0
    if name == "talks.html":  # some notes cross inline element boundaries (<em>, <span>…)
        assert any(h["crossesNodes"] for h in state["highlights"])
    warnings = sum(x["severity"] == "warning" for x in reply["analysis"]["notes"])
    assert ext.badge(tab) == (str(warnings) if warnings else "")
    with capsys.disabled():
        print(
            f"\n[extension e2e] {name}: {reply['extraction']['characters']} chars, "
            f"{len(reply['analysis']['notes'])} notes, {n} highlighted; click→highlights "
            f"{elapsed:.0f} ms (in extension {reply['timings']['total']} ms: {reply['timings']})"
        )


def assert_reader_date(sent: dict) -> None:
    """as_of is the reader's local day (the browser runs in this process's time zone); a
    day either side allows for a test run across midnight."""
    today = datetime.date.today()
    assert sent["as_of"] in {(today + datetime.timedelta(days=d)).isoformat() for d in (-1, 0, 1)}


def test_fake_spans_map_onto_the_page(ext, servers):
    ext.use_server(servers["fake"])
    page, tab = ext.open(f"{servers['pages']}/talks.html?reader=r42&utm_source=mail#comments")
    reply = ext.analyze(tab)
    assert reply["ok"], reply
    sent = servers["fake_server"].requests[-1]
    text = sent["text"]
    for furniture in FURNITURE:
        assert furniture not in text, furniture
    assert "Advertisement" not in text
    # The headline goes as the title; the byline and dateline are not article text.
    assert "Ceasefire talks stall" not in text
    assert text.startswith("Talks on a new ceasefire line stalled")
    assert text.rstrip().endswith("supplies of medicine are running low.")
    assert sent["published"] == "2023-06-14"
    assert_reader_date(sent)
    assert sent["title"].startswith("Ceasefire talks stall")
    assert sent["url"].endswith("/talks.html")  # no query string, no fragment
    found = [p for _, _, p in PHRASES if p in text]
    assert found == [p for _, _, p in PHRASES], "every fixed phrase is in the extracted text"
    assert assert_highlights_match(reply, ext.state(tab)) == len(PHRASES)
    by_id = {h["id"]: h["text"] for h in ext.state(tab)["highlights"]}
    assert by_id["n1"] == "two senior officials familiar with the negotiations"  # <em> → <a>
    # An inline sponsor link and a hidden span sit inside this span, so it is three Ranges
    # (joined here with a space) that leave them out.
    assert by_id["n3"] == "the currency fell 3%  against  the euro"
    assert by_id["n5"] == "delegation 🇺🇦, said the draft"  # after/including an emoji
    assert by_id["n7"] == "A diplomat in Zu\u0308rich"  # combining mark
    assert by_id["n8"].startswith("“preparations are ongoing.” Residents")  # two paragraphs
    # The registered CSS highlights hold one range per piece (n8 spans two paragraphs).
    assert (
        page.evaluate("[...CSS.highlights.keys()].filter((k) => k.startsWith('footnote-')).length")
        >= 4
    )
    state = ext.state(tab)
    assert state["registered"] == len(PHRASES) + 3  # n3 is three Ranges, n8 two
    assert len(state["ui"]["markers"]) == len(PHRASES)
    assert state["ui"]["legend"][0].startswith("S")
    assert ext.badge(tab) == "3"


def test_second_click_is_harmless(ext, servers):
    ext.use_server(servers["fake"])
    page, tab = ext.open(f"{servers['pages']}/talks.html")
    first = ext.analyze(tab)
    second = ext.analyze(tab)
    assert first["ok"] and second["ok"]
    state = ext.state(tab)
    assert state["hostCount"] == 1
    assert len(state["highlights"]) == len(PHRASES)
    requests = servers["fake_server"].requests
    assert requests[-1]["text"] == requests[-2]["text"]
    # Injecting the scripts again by hand (as after an extension update) retires the old
    # instance: still one panel, one set of highlights, one answer.
    ext.worker.evaluate(
        "(id) => chrome.scripting.executeScript({target: {tabId: id}, files: CONTENT_FILES})",
        tab,
    )
    assert ext.state(tab) == {"shown": False}
    assert ext.analyze(tab)["ok"]
    state = ext.state(tab)
    assert state["hostCount"] == 1
    assert len(state["highlights"]) == len(PHRASES)
    assert state["registered"] == len(PHRASES) + 3
    assert page.evaluate("document.querySelectorAll('mark, [data-footnote-index]').length") == 0


def test_clicking_a_highlight_opens_its_note(ext, servers):
    ext.use_server(servers["fake"])
    page, tab = ext.open(f"{servers['pages']}/talks.html")
    assert ext.analyze(tab)["ok"]
    box = page.evaluate(
        """() => {
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const i = walker.currentNode.data.indexOf("documents obtained by TASS");
            if (i >= 0) {
              const r = document.createRange();
              r.setStart(walker.currentNode, i + 3);
              r.setEnd(walker.currentNode, i + 4);
              r.startContainer.parentElement.scrollIntoView({block: "center"});
              const b = r.getBoundingClientRect();
              return {x: b.left + b.width / 2, y: b.top + b.height / 2};
            }
          }
        }"""
    )
    page.mouse.move(box["x"], box["y"] + 30)
    page.mouse.move(box["x"], box["y"], steps=3)
    for _ in range(50):
        tip = ext.state(tab)["ui"]["tip"]
        if tip:
            break
        time.sleep(0.02)
    assert re.fullmatch(r"S\d+ Fake note 4", tip)  # hovering shows the note's title
    page.mouse.click(box["x"], box["y"])
    state = ext.state(tab)
    assert state["ui"]["cards"] == ["n4"]
    assert "Explanation <b>not markup</b>." in state["ui"]["cardText"]  # text, not HTML


def test_popup_lists_notes_and_shows_one_in_the_page(ext, servers):
    ext.use_server(servers["fake"])
    page, tab = ext.open(f"{servers['pages']}/talks.html")
    popup = ext.ctx.new_page()
    popup.goto(f"chrome-extension://{ext.id}/popup.html?tabId={tab}")
    expect = sync_api.expect
    expect(popup.locator("#result")).to_be_visible(timeout=10000)
    expect(popup.locator("#headline")).to_have_text("Fake headline: 1 source.")
    # One line per note, in reading order: numbers 1, 2, 3 … from the top.
    items = popup.locator("li.note")
    expect(items).to_have_count(len(PHRASES) + 1)
    badges = items.locator(".fn-badge").all_inner_texts()
    assert [int(b[1:]) for b in badges] == list(range(1, len(PHRASES) + 2))
    assert badges[0] == "S1" and badges[-1] == f"S{len(PHRASES) + 1}"  # the whole-text note
    # The first screen (600 px, the popup's usual height) shows the summary and the first
    # notes; each line opens to its explanation.
    assert popup.locator("#headline").bounding_box()["y"] < 120
    assert items.nth(0).bounding_box()["y"] + 20 < 600
    first = items.nth(0).locator(":scope > details")
    assert first.evaluate("d => d.open") is False
    first.locator(":scope > summary").click()
    expect(first.locator(".card-lead")).to_be_visible()
    # Filters by kind: unticking "Sources" hides the sourcing notes.
    popup.locator('#filters input[value="sourcing"]').uncheck()
    visible = items.evaluate_all(
        "lis => lis.filter(li => !li.hidden).map(li => li.dataset.category)"
    )
    assert visible and "sourcing" not in visible
    popup.locator('#filters input[value="sourcing"]').check()
    # The sources table is one click away.
    expect(popup.locator("#ledger")).to_be_hidden()
    popup.locator("#view-sources").click()
    expect(popup.locator("#ledger-table tbody tr")).to_have_count(1)
    popup.locator("#view-notes").click()
    expect(popup.locator("#about-date")).to_contain_text("2023-06-14")
    expect(popup.locator("#clear")).to_be_visible()
    assert popup.locator("#clear").bounding_box()["y"] < 50  # controls at the top
    assert popup.locator(".note b").count() == 0
    before = page.evaluate("scrollY")
    popup.locator('li.note[data-note="n8"] button.show').click()
    for _ in range(100):  # the click's message goes popup → worker → page
        state = ext.state(tab)
        if state["flashing"]:
            break
        time.sleep(0.02)
    assert state["flashing"] == "n8"
    assert state["ui"]["cards"] == ["n8"]
    assert page.evaluate("scrollY") > before
    assert ext.badge(tab) == "3"
    popup.locator("#clear").click()
    expect(popup.locator("#clear")).to_be_disabled()
    assert ext.state(tab) == {"shown": False}
    assert ext.badge(tab) == ""
    registered = "[...CSS.highlights.keys()].filter(k => k.startsWith('footnote')).length"
    assert page.evaluate(registered) == 0


def test_in_page_clear_button_removes_everything(ext, servers):
    ext.use_server(servers["fake"])
    page, tab = ext.open(f"{servers['pages']}/talks.html")
    assert ext.analyze(tab)["ok"]
    ext.worker.evaluate("(id) => chrome.tabs.sendMessage(id, {type: 'footnote:click-clear'})", tab)
    assert ext.state(tab) == {"shown": False}
    assert page.evaluate("document.querySelectorAll('footnote-reader-ui').length") == 0
    for _ in range(50):
        if ext.badge(tab) == "":
            break
        time.sleep(0.02)
    assert ext.badge(tab) == ""


@pytest.mark.parametrize(
    ("where", "title"),
    [
        ("down", "The Footnote server isn't running"),
        (413, "This article is too long"),
        (429, "Too many requests"),
        ("empty", "No article text found"),
        ("browser-page", "This page can't be read"),
    ],
)
def test_errors_are_told_in_plain_words(ext, servers, where, title):
    if where == "down":
        ext.use_server(servers["down"])
    else:
        ext.use_server(servers["fake"])
    if isinstance(where, int):
        servers["fake_server"].mode = where
    if where == "empty":
        url = f"{servers['pages']}/empty.html"
    elif where == "browser-page":
        url = "chrome://version"
    else:
        url = f"{servers['pages']}/plain.html"
    page, tab = ext.open(url)
    popup = ext.ctx.new_page()
    popup.goto(f"chrome-extension://{ext.id}/popup.html?tabId={tab}")
    expect = sync_api.expect
    expect(popup.locator("#error")).to_be_visible(timeout=10000)
    expect(popup.locator("#error-title")).to_have_text(title)
    body = popup.locator("#error-body").inner_text()
    assert len(body) > 30
    if where == "down":
        port = servers["down"].rsplit(":", 1)[1]  # the saved address's own port
        expect(popup.locator("#error-command")).to_have_text(f"make serve PORT={port}")
        assert servers["down"] in body
    if where == 429:
        assert "7 seconds" in body
    expect(popup.locator("#result")).to_be_hidden()


def test_plain_http_server_elsewhere_asks_before_anything_is_sent(ext, servers):
    elsewhere = "http://footnote.invalid:5000"  # not this machine; .invalid never resolves
    ext.use_server(elsewhere)
    page, tab = ext.open(f"{servers['pages']}/plain.html")
    popup = ext.ctx.new_page()
    popup.goto(f"chrome-extension://{ext.id}/popup.html?tabId={tab}")
    expect = sync_api.expect
    expect(popup.locator("#error-title")).to_have_text("Send the text without encryption?")
    assert elsewhere in popup.locator("#error-body").inner_text()
    expect(popup.locator("#retry")).to_be_hidden()
    # Asked, the page was not even read: no content script answers in the tab.
    assert not ext.worker.evaluate(
        "(id) => chrome.tabs.sendMessage(id, {type: 'footnote:ping'})"
        ".then(() => true, () => false)",
        tab,
    )
    # Agreeing sends it (and this address, never granted, is then refused).
    popup.locator("#send-anyway").click()
    expect(popup.locator("#error-title")).to_have_text("Footnote may not contact this server")
    # An address on this machine is never asked about.
    ext.use_server(servers["fake"])
    assert ext.analyze(tab)["ok"]


def test_toolbar_popup_reads_the_active_tab(ext, servers, browser, capsys):
    _, _, playwright, profile = browser
    ext.use_server(servers["real"])
    page, tab = ext.open(f"{servers['pages']}/talks.html")
    ext.worker.evaluate("chrome.action.openPopup()")  # as a click on the toolbar button
    port = (profile / "DevToolsActivePort").read_text().split()[0]
    cdp = playwright.chromium.connect_over_cdp(f"http://127.0.0.1:{port}")
    popup = None
    for _ in range(100):
        pages = [pg for c in cdp.contexts for pg in c.pages if pg.url.endswith("/popup.html")]
        if pages:
            popup = pages[0]
            break
        time.sleep(0.05)
    assert popup is not None, "the toolbar popup did not open"
    result = popup.locator("#result")
    sync_api.expect(result).to_be_visible(timeout=10000)
    headline = popup.locator("#headline").inner_text()
    assert headline
    state = ext.state(tab)
    assert state["shown"] and state["highlights"]
    excerpts = popup.locator("li.note[data-note]").evaluate_all(
        "items => Object.fromEntries(items.map(li => "
        "[li.dataset.note, li.querySelector('blockquote')?.textContent ?? null]))"
    )
    for h in state["highlights"]:
        assert normalise(h["text"]) == normalise(excerpts[h["id"]]), h["id"]
    with capsys.disabled():
        print(
            f"\n[extension e2e] toolbar popup on talks.html, real server: click→popup shows "
            f"the notes, highlights in place: {result.get_attribute('data-elapsed-ms')} ms; "
            f"{len(state['highlights'])} highlighted"
        )
    popup.close()


@pytest.mark.skipif(
    not (ROOT / "node_modules" / "axe-core").exists(), reason="npm packages missing: npm install"
)
def test_popup_and_options_pass_axe(ext, servers):
    axe = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
    ext.use_server(servers["fake"])
    page, tab = ext.open(f"{servers['pages']}/talks.html")
    popup = ext.ctx.new_page()
    popup.goto(f"chrome-extension://{ext.id}/popup.html?tabId={tab}")
    sync_api.expect(popup.locator("#result")).to_be_visible(timeout=10000)
    options = ext.ctx.new_page()
    options.goto(f"chrome-extension://{ext.id}/options.html")
    sync_api.expect(options.locator("#server")).to_have_value(servers["fake"])
    welcome = ext.ctx.new_page()
    welcome.goto(f"chrome-extension://{ext.id}/welcome.html")
    sync_api.expect(welcome.locator("#server")).to_have_value(servers["fake"])
    for view in (popup, options, welcome):
        view.evaluate(axe)
        result = view.evaluate("axe.run(document, {resultTypes: ['violations']})")
        problems = [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"]]
        assert problems == [], view.url


def test_options_save_a_loopback_server_and_check_it(ext, servers):
    options = ext.ctx.new_page()
    options.goto(f"chrome-extension://{ext.id}/options.html")
    options.fill("#server", "ftp://nowhere")
    options.click("button[type=submit]")
    sync_api.expect(options.locator("#message")).to_contain_text("not a web address")
    options.fill("#server", servers["real"].removeprefix("http://") + "/some/path")
    options.click("button[type=submit]")
    sync_api.expect(options.locator("#message")).to_contain_text(
        f"Saved: articles will be sent to {servers['real']}"
    )
    assert ext.worker.evaluate("chrome.storage.sync.get('server')") == {"server": servers["real"]}
    options.click("#check")
    sync_api.expect(options.locator("#message")).to_contain_text("is a Footnote server")
    options.fill("#server", servers["down"])
    options.click("#check")
    port = servers["down"].rsplit(":", 1)[1]
    sync_api.expect(options.locator("#message")).to_contain_text(f"run: make serve PORT={port}")


def test_a_pdf_is_not_read(ext, servers):
    ext.use_server(servers["fake"])
    page, tab = ext.open(f"{servers['pages']}/report.pdf")
    reply = ext.analyze(tab)
    assert reply["ok"] is False
    assert reply["error"]["kind"] == "pdf", reply  # "PDFs can't be read yet" in the popup
    assert servers["fake_server"].requests == []


def test_hostile_page_styles_and_scripts_do_not_break_the_ui(ext, servers):
    ext.use_server(servers["fake"])
    page, tab = ext.open(f"{servers['pages']}/hostile.html")
    assert page.evaluate("[1].map(x => x).length === 0")  # the page's own world is broken
    reply = ext.analyze(tab)
    assert reply["ok"], reply
    assert servers["fake_server"].requests[-1]["text"].startswith("Dock workers")
    state = ext.state(tab)
    assert state["ui"]["panelPosition"] == "fixed"  # styled, despite the page's CSP and CSS
    assert state["ui"]["markerFontSize"] in {None, "11px"}
    assert state["ui"]["hostStyle"] == ["block", "visible", "1"]  # the page's CSS hid it


FIREFOX = shutil.which("firefox-esr") or shutil.which("firefox")
GECKO_ID = json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))[
    "browser_specific_settings"
]["gecko"]["id"]


class FirefoxDebugger:
    """A minimal client for Firefox's remote debugging protocol (length-prefixed JSON over
    TCP, what web-ext and about:debugging use), enough to evaluate code in the
    extension's background page, as worker.evaluate does in Chromium."""

    def __init__(self, port: int):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.buf = b""
        self.read()  # the root actor's greeting

    def read(self) -> dict:
        while True:
            head, sep, rest = self.buf.partition(b":")
            if sep and len(rest) >= int(head):
                self.buf = rest[int(head) :]
                return json.loads(rest[: int(head)])
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("Firefox closed the debugging connection")
            self.buf += chunk

    def send(self, packet: dict) -> None:
        data = json.dumps(packet).encode()
        self.sock.sendall(str(len(data)).encode() + b":" + data)

    def request(self, to: str, type_: str, **fields) -> dict:
        self.send({"to": to, "type": type_, **fields})
        while True:
            packet = self.read()
            if packet.get("from") == to and "type" not in packet:
                return packet

    def background_console(self, addon_id: str) -> str:
        addons = self.request("root", "listAddons")["addons"]
        addon = next(a for a in addons if a["id"] == addon_id)
        assert addon["backgroundScriptStatus"] == "RUNNING"
        watcher = self.request(addon["actor"], "getWatcher", isServerTargetSwitchingEnabled=True)
        self.send({"to": watcher["actor"], "type": "watchTargets", "targetType": "frame"})
        forms = []
        while True:
            packet = self.read()
            if packet.get("type") == "target-available-form":
                forms.append(packet["target"])
            elif packet.get("from") == watcher["actor"] and "type" not in packet:
                break
        return next(f for f in forms if "background" in (f.get("url") or ""))["consoleActor"]

    def evaluate(self, console: str, expression: str):
        """Awaits `expression` in the background page; returns its JSON.stringify'd value."""
        text = f"(async () => JSON.stringify(await ({expression})))()"
        self.send(
            {"to": console, "type": "evaluateJSAsync", "text": text, "mapped": {"await": True}}
        )
        while True:
            packet = self.read()
            if packet.get("from") == console and packet.get("type") == "evaluationResult":
                break
        assert not packet.get("hasException"), packet.get("exceptionMessage")
        result = packet["result"]
        if isinstance(result, dict) and result.get("type") == "longString":
            result = self.request(result["actor"], "substring", start=0, end=result["length"])[
                "substring"
            ]
        return json.loads(result)


FIREFOX_ANALYZE = """(async () => {
  await browser.storage.sync.set({server: %(server)s});
  const tab = await browser.tabs.create({url: %(url)s});
  for (let i = 0; i < 200; i++) {  // the new tab starts on about:blank, also "complete"
    const t = await browser.tabs.get(tab.id);
    if (t.url === %(url)s && t.status === "complete") break;
    await new Promise((r) => setTimeout(r, 25));
  }
  const reply = await footnoteAnalyzeTab(tab.id);
  const state = reply.ok ? await browser.tabs.sendMessage(tab.id, {type: "footnote:state"}) : null;
  const badge = await browser.action.getBadgeText({tabId: tab.id});
  await browser.tabs.remove(tab.id);
  return {reply, state, badge};
})()"""


FIREFOX_EXTRACT = """(async () => {
  const tab = await browser.tabs.create({url: %(url)s});
  for (let i = 0; i < 200; i++) {
    const t = await browser.tabs.get(tab.id);
    if (t.url === %(url)s && t.status === "complete") break;
    await new Promise((r) => setTimeout(r, 25));
  }
  await injectContentScript(tab.id);
  const reply = await browser.tabs.sendMessage(tab.id, {type: "footnote:extract", options: {}});
  await browser.tabs.remove(tab.id);
  return reply;
})()"""


@pytest.fixture(scope="module")
def firefox():
    # Not a skip: `make test` installs both (scripts/ensure-firefox.sh, npm install), so a
    # missing Firefox is a broken set-up to report, not a test to leave out quietly.
    if not FIREFOX or not (ROOT / "node_modules" / "web-ext").exists():
        pytest.fail("Firefox or web-ext missing: run `make browser` and `npm install`")
    # web-ext installs the add-on as a temporary one and reports the debugger's port;
    # Firefox reports any error in the extension's own scripts on its output.
    proc = subprocess.Popen(
        [
            "npx",
            "--no-install",
            "web-ext",
            "run",
            "--source-dir",
            str(EXTENSION),
            f"--firefox={FIREFOX}",
            "--no-reload",
            "--no-input",
            "--verbose",
            "--no-config-discovery",
        ],
        cwd=ROOT,
        env={**os.environ, "MOZ_HEADLESS": "1"},
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)
    reader.start()
    debugger = None
    try:
        port = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            for line in lines:
                found = re.search(r"remote Firefox debugger on port (\d+)", line)
                port = int(found.group(1)) if found else port
            if port and any("as a temporary add-on" in x for x in lines):
                break
            time.sleep(0.1)
        assert port and any("as a temporary add-on" in x for x in lines), "".join(lines[-30:])
        debugger = FirefoxDebugger(port)
        console = debugger.background_console(GECKO_ID)

        def analyze(server: str, url: str, script: str = FIREFOX_ANALYZE) -> dict:
            return debugger.evaluate(
                console, script % {"server": json.dumps(server), "url": json.dumps(url)}
            )

        yield analyze, lines
    finally:
        if debugger:
            debugger.sock.close()
        os.killpg(proc.pid, 15)
        proc.wait(timeout=20)
        reader.join(timeout=5)
        proc.stdout.close()


def test_firefox_fake_spans_map_onto_the_page(firefox, servers):
    analyze, lines = firefox
    servers["fake_server"].mode = 200
    result = analyze(servers["fake"], f"{servers['pages']}/talks.html")
    reply, state = result["reply"], result["state"]
    assert reply["ok"], reply
    sent = servers["fake_server"].requests[-1]
    assert sent["published"] == "2023-06-14"
    assert_reader_date(sent)
    assert "Most read" not in sent["text"] and "sponsored:" not in sent["text"]
    assert assert_highlights_match(reply, state) == len(PHRASES)
    by_id = {h["id"]: h["text"] for h in state["highlights"]}
    assert by_id["n1"] == "two senior officials familiar with the negotiations"
    assert by_id["n5"] == "delegation 🇺🇦, said the draft"
    assert by_id["n7"] == "A diplomat in Zu\u0308rich"
    assert by_id["n3"] == "the currency fell 3%  against  the euro"
    assert reply["placement"]["highlightApi"] is True  # CSS Custom Highlights in Firefox
    assert state["registered"] == len(PHRASES) + 3
    assert state["ui"]["panelPosition"] == "fixed"
    assert result["badge"] == "3"
    assert [x for x in lines if "moz-extension://" in x and "rror" in x] == []


@pytest.mark.parametrize("name", ["talks.html", "hostile.html"])
def test_firefox_real_server_highlights_match_excerpts(firefox, servers, name, capsys):
    analyze, lines = firefox
    result = analyze(servers["real"], f"{servers['pages']}/{name}")
    reply, state = result["reply"], result["state"]
    assert reply["ok"], reply
    assert reply["analysis"]["meta"]["published"] == ARTICLES[name][0]
    n = assert_highlights_match(reply, state)
    assert n > 0
    assert state["ui"]["panelPosition"] == "fixed"  # styled even under hostile.html's CSP
    assert state["ui"]["hostStyle"] == ["block", "visible", "1"]
    assert [x for x in lines if "moz-extension://" in x and "rror" in x] == []
    with capsys.disabled():
        print(
            f"\n[extension e2e] Firefox, {name}: {n} highlighted; in extension "
            f"{reply['timings']['total']} ms: {reply['timings']}"
        )


def test_markers_are_reachable_with_the_keyboard(ext, servers):
    ext.use_server(servers["fake"])
    page, tab = ext.open(f"{servers['pages']}/talks.html")
    reply = ext.analyze(tab)
    assert reply["ok"]
    starts = {n["id"]: n["start"] for n in reply["analysis"]["notes"]}
    page.evaluate("document.activeElement.blur()")
    presses = 0
    while page.evaluate("document.activeElement.localName") != "footnote-marker":
        page.keyboard.press("Tab")
        presses += 1
        if presses > 80:
            pytest.fail("Tab never reached the extension's markers")
    # Right after the article's start: only the links before the first marked paragraph
    # come first, not the whole page's.
    before = page.evaluate(
        """() => {
          const first = document.querySelector("footnote-marker");
          const all = [...document.querySelectorAll("a[href], button, input, select, textarea")];
          const before = (e) => first.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_PRECEDING;
          return all.filter(before).length;
        }"""
    )
    assert presses <= before + 1
    page.keyboard.press("Enter")
    assert ext.state(tab)["ui"]["cards"] == ["n1"]  # the first marker in reading order
    page.keyboard.press("Escape")
    assert ext.state(tab)["ui"]["cards"] == []
    # The next Tab presses reach the next markers in reading order.
    labels = []
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.localName") == "footnote-marker":
            page.keyboard.press("Enter")
            labels.append(ext.state(tab)["ui"]["cards"][0])
        if len(labels) == 3:
            break
    positions = [starts[n] for n in labels]
    assert positions == sorted(positions) and len(positions) == 3


# ---- the article and nothing else: realistic pages with their exact expected text -------

EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))


def expected_text(name: str) -> str:
    return (PAGES / "expected" / (name.removesuffix(".html") + ".txt")).read_text(encoding="utf-8")


def check_extraction(name: str, reply: dict) -> None:
    want = EXPECTED[name]
    if "verdict" in want:
        assert reply.get("error") == want["verdict"], reply
        return
    assert "error" not in reply, reply
    if os.environ.get("FOOTNOTE_WRITE_EXPECTED"):  # on purpose only: then review the diff
        (PAGES / "expected" / (name.removesuffix(".html") + ".txt")).write_text(
            reply["text"], encoding="utf-8"
        )
    assert reply["text"] == expected_text(name)
    date = reply["date"]
    assert (date["date"], date["from"], date["status"]) == (
        want["date"],
        want["from"],
        want["status"],
    )
    assert date.get("updated") == want.get("updated")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_extraction_keeps_the_article_and_its_date(ext, servers, name):
    page, tab = ext.open(f"{servers['pages']}/{name}")
    reply = ext.extract(tab)
    check_extraction(name, reply)


def open_popup(ext, tab):
    popup = ext.ctx.new_page()
    popup.goto(f"chrome-extension://{ext.id}/popup.html?tabId={tab}")
    return popup


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("news-paywall.html", "This page shows only the start of the article"),
        ("news-section.html", "This page is a list of articles, not one article"),
        ("news-brief.html", "Too little article text"),
    ],
)
def test_not_one_article_is_said_plainly_and_the_selection_is_the_way_out(
    ext, servers, name, title
):
    ext.use_server(servers["fake"])
    page, tab = ext.open(f"{servers['pages']}/{name}")
    popup = open_popup(ext, tab)
    expect = sync_api.expect
    expect(popup.locator("#error-title")).to_have_text(title, timeout=10000)
    expect(popup.locator("#retry")).to_be_hidden()
    expect(popup.locator("#use-selection")).to_be_visible()
    assert servers["fake_server"].requests == []  # nothing was sent
    # Nothing selected yet: the popup says how to select.
    popup.locator("#use-selection").click()
    expect(popup.locator("#error-title")).to_have_text("Nothing is selected")
    # The reader selects a paragraph (or more) and asks again.
    page.evaluate(
        """() => {
          const ps = [...document.querySelectorAll("article p, main p, .grid p")]
            .filter((p) => p.textContent.length > 90);
          const last = ps[ps.length > 1 ? 1 : 0].lastChild;
          const r = document.createRange();
          r.setStart(ps[0].firstChild, 4);
          r.setEnd(last, last.length - 2);
          document.getSelection().removeAllRanges();
          document.getSelection().addRange(r);
        }"""
    )
    selected = page.evaluate("document.getSelection().toString()")
    popup.locator("#use-selection").click()
    expect(popup.locator("#result")).to_be_visible(timeout=10000)
    expect(popup.locator("#selection-note")).to_be_visible()
    sent = servers["fake_server"].requests[-1]["text"]
    assert normalise(sent) == normalise(selected)
    # "Analyse anyway" analyses the page as it is.
    page.evaluate("document.getSelection().removeAllRanges()")
    popup.reload()
    expect(popup.locator("#force")).to_be_visible(timeout=10000)
    popup.locator("#force").click()
    expect(popup.locator("#result")).to_be_visible(timeout=10000)


def test_dates_that_disagree_are_said_and_the_reader_can_set_one(ext, servers):
    ext.use_server(servers["fake"])
    page, tab = ext.open(f"{servers['pages']}/news-conflict.html")
    popup = open_popup(ext, tab)
    expect = sync_api.expect
    expect(popup.locator("#result")).to_be_visible(timeout=10000)
    about = popup.locator("#about-date")
    expect(about).to_contain_text("different publication dates: 2021-05-04")
    expect(about).to_contain_text("2019-02-10")
    assert servers["fake_server"].requests[-1]["published"] == "2021-05-04"
    popup.fill("#date-input", "2019-02-10")
    popup.locator("#date-form button").click()
    expect(about).to_contain_text("Published 2019-02-10 (the date you set)", timeout=10000)
    assert servers["fake_server"].requests[-1]["published"] == "2019-02-10"


def test_an_updated_stamp_is_not_taken_for_the_published_date(ext, servers):
    ext.use_server(servers["fake"])
    page, tab = ext.open(f"{servers['pages']}/news-nodate.html")
    popup = open_popup(ext, tab)
    sync_api.expect(popup.locator("#about-date")).to_contain_text(
        "only when it was updated (2023-09-01)", timeout=10000
    )
    assert "published" not in servers["fake_server"].requests[-1]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_firefox_extraction_keeps_the_article_and_its_date(firefox, servers, name):
    analyze, lines = firefox
    reply = analyze("", f"{servers['pages']}/{name}", FIREFOX_EXTRACT)
    check_extraction(name, reply)
    assert [x for x in lines if "moz-extension://" in x and "rror" in x] == []


SCROLL_TO = "(f) => scrollTo(0, f * (document.body.scrollHeight - innerHeight))"
OVERLAPS = (Path(__file__).parent / "overlaps.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [1280, 1024, 800, 480])
@pytest.mark.parametrize("name", ["news-health.html", "news-longread.html", "talks.html"])
def test_markers_never_cover_text_or_fixed_bars_and_the_panel_leaves_the_article(
    ext, servers, name, width, capsys
):
    ext.use_server(servers["real"])
    page, tab = ext.open(f"{servers['pages']}/{name}")
    page.set_viewport_size({"width": width, "height": 800})
    reply = ext.analyze(tab)
    assert reply["ok"], reply
    page.wait_for_timeout(100)  # the markers are placed in the next animation frame
    ui = ext.state(tab)["ui"]
    assert ui["markers"], "the real server gave notes with spans"
    seen = 0
    for fraction in (0, 0.35, 0.7):
        page.evaluate(SCROLL_TO, fraction)
        page.wait_for_timeout(50)
        got = page.evaluate(OVERLAPS)
        assert got["overText"] == 0 and got["overBars"] == 0, (fraction, got)
        seen += got["markers"]
    assert seen > 0
    box = page.evaluate(
        "() => { const a = document.querySelector('article, .story, .wrap, main');"
        " const r = a.getBoundingClientRect(); return {left: r.left, right: r.right}; }"
    )
    if ui["panelSide"] in {"right", "left"}:  # beside the text column, not over it
        panel, column = ui["panelBox"], ui["column"]
        assert panel["left"] >= column["right"] or panel["right"] <= column["left"], ui
    else:
        assert ui["panelSide"] == "bottom"
        assert ui["collapsed"] is True  # a bar along the bottom until a note is chosen
        assert ui["panelBox"]["top"] > 800 - 60
    with capsys.disabled():
        print(
            f"\n[markers] {name} at {width}px: {len(ui['markers'])} markers "
            f"({ui['markerMode']}), panel {ui['panelSide']}, article {box}"
        )


def test_first_run_page_says_what_is_needed_and_sent_and_checks_the_address(ext, servers):
    assert any((u or "").endswith("/welcome.html") for u in FIRST_RUN["urls"]), FIRST_RUN
    welcome = ext.ctx.new_page()
    welcome.goto(f"chrome-extension://{ext.id}/welcome.html")
    text = welcome.locator("main").inner_text()
    for words in (
        "Footnote server",
        "your school's or your newsroom's",
        "nothing else",
        "does not store or log",
        "Nothing is sent until you click",
    ):
        assert words in text, words
    welcome.fill("#server", servers["real"].removeprefix("http://"))
    welcome.click("button[type=submit]")
    sync_api.expect(welcome.locator("#message")).to_contain_text("is a Footnote server")
    assert ext.worker.evaluate("chrome.storage.sync.get('server')") == {"server": servers["real"]}
    welcome.fill("#server", servers["down"])
    welcome.click("button[type=submit]")
    sync_api.expect(welcome.locator("#message")).to_contain_text("nothing answered there")


def test_context_menu_explains_the_selected_text_in_the_page(ext, servers):
    ext.use_server(servers["fake"])
    page, tab = ext.open(f"{servers['pages']}/talks.html")
    # Nothing selected: the page says so (the menu has no popup to say it in).
    reply = ext.worker.evaluate("(id) => footnoteAnalyzeSelection(id)", tab)
    assert reply["ok"] is False and reply["error"]["kind"] == "noSelection"
    assert page.evaluate("document.querySelectorAll('footnote-reader-ui').length") == 1
    page.evaluate(
        """() => {
          const p = [...document.querySelectorAll("article p")].find((x) =>
            x.textContent.includes("documents obtained by TASS"));
          const r = document.createRange();
          r.selectNodeContents(p);
          document.getSelection().removeAllRanges();
          document.getSelection().addRange(r);
        }"""
    )
    reply = ext.worker.evaluate("(id) => footnoteAnalyzeSelection(id)", tab)
    assert reply["ok"], reply
    assert reply["extraction"]["method"] == "selection"
    sent = servers["fake_server"].requests[-1]["text"]
    assert sent.startswith("According to documents obtained by TASS")
    state = ext.state(tab)
    assert [h["text"] for h in state["highlights"]] == ["documents obtained by TASS"]
    assert state["hostCount"] == 1  # the notice gave way to the panel


FIREFOX_MARKERS = """(async () => {
  await browser.storage.sync.set({server: %(server)s});
  const win = await browser.windows.getCurrent();
  await browser.windows.update(win.id, {width: %(width)s, height: 800});
  const tab = await browser.tabs.create({url: %(url)s});
  for (let i = 0; i < 200; i++) {
    const t = await browser.tabs.get(tab.id);
    if (t.url === %(url)s && t.status === "complete") break;
    await new Promise((r) => setTimeout(r, 25));
  }
  const reply = await footnoteAnalyzeTab(tab.id);
  await new Promise((r) => setTimeout(r, 200));
  const [{result}] = await browser.scripting.executeScript({target: {tabId: tab.id}, func: () => {
    const measure = %(overlaps)s;
    const out = [];
    for (const f of [0, 0.35, 0.7]) {
      scrollTo(0, f * (document.body.scrollHeight - innerHeight));
      out.push(measure());
    }
    return {views: out, width: innerWidth};
  }});
  const state = await browser.tabs.sendMessage(tab.id, {type: "footnote:state"});
  await browser.tabs.remove(tab.id);
  return {ok: reply.ok, result, ui: state.ui};
})()"""


@pytest.mark.parametrize("width", [1280, 800])
def test_firefox_markers_never_cover_text_or_fixed_bars(firefox, servers, width, capsys):
    analyze, lines = firefox
    script = FIREFOX_MARKERS % {
        "server": json.dumps(servers["real"]),
        "url": "%(url)s",
        "width": width,
        "overlaps": OVERLAPS.split("\n", 2)[2].strip(),
    }
    got = analyze(servers["real"], f"{servers['pages']}/news-longread.html", script)
    assert got["ok"]
    views = got["result"]["views"]
    assert sum(v["markers"] for v in views) > 0
    for v in views:
        assert v["overText"] == 0 and v["overBars"] == 0, views
    with capsys.disabled():
        print(
            f"\n[markers] Firefox, news-longread.html in a {got['result']['width']}px window: "
            f"{len(got['ui']['markers'])} markers ({got['ui']['markerMode']}), "
            f"panel {got['ui']['panelSide']}"
        )
