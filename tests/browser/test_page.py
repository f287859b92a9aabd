"""The educators' page in a real headless Chromium."""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path

import pytest
from footnote.engine.catalogue import CATEGORIES
from footnote.web.theme import marker, reading_order

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
XSS = '<img src=x onerror=alert(1)> and <script>alert(1)</script> in "quotes" & more'

MARK_TEXTS = """ids => Object.fromEntries(ids.map(id => [id,
    Array.from(document.querySelectorAll('#article mark[data-notes]'))
      .filter(m => m.dataset.notes.split(' ').includes(id))
      .map(m => m.textContent).join('')]))"""


def api(base: str, body: dict) -> dict:
    req = urllib.request.Request(
        f"{base}/api/v1/analyze",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req) as res:
        return json.load(res)


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def note(nid, category, rule, text, excerpt=None, *, occurrence=1, **extra) -> dict:
    start = end = None
    if excerpt is not None:
        start = -1
        for _ in range(occurrence):
            start = text.index(excerpt, start + 1)
        end = start + len(excerpt)
    return {
        "id": nid,
        "category": category,
        "rule": rule,
        "severity": extra.pop("severity", "caution"),
        "title": extra.pop("title", f"Title of {nid}"),
        "explanation": extra.pop("explanation", f"Explanation of {nid}."),
        "check": extra.pop("check", f"Check for {nid}."),
        "start": start,
        "end": end,
        "excerpt": excerpt,
        "topic": None,
        "source_id": None,
        "references": extra.pop("references", []),
        **extra,
    }


def source(sid, text, mention, kind, attributions=1, reason=None, relay=None) -> dict:
    start = text.index(mention)
    return {
        "id": sid,
        "mention": mention,
        "start": start,
        "end": start + len(mention),
        "kind": kind,
        "anonymity_reason": reason,
        "relayed_by": relay,
        "cue": "said",
        "attributions": attributions,
    }


def result(notes, sources, headline="A made-up answer.") -> dict:
    return {
        "summary": {"headline": headline, "counts": {"sources": len(sources)}, "tone": None},
        "sources": sources,
        "notes": notes,
        "meta": {"version": "test", "knowledge_version": "test", "characters": 0},
    }


# Code points outside the BMP (two UTF-16 units each) before and inside spans.
ASTRAL = (
    "Intro 😀 line with 𝔘𝔫𝔦𝔠𝔬𝔡𝔢.\n\n"
    "Sources close to the palace 👑 said the king was ill, officials told the Daily Courier.\n\n"
    "The reckless plan 🚧 failed, and the plan was reckless."
)
SENTENCE = "Sources close to the palace 👑 said the king was ill, officials told the Daily Courier."


def astral_result() -> dict:
    t = ASTRAL
    return result(
        [
            note("n1", "sourcing", "vague-source", t, "Sources close to the palace 👑"),
            note("n2", "attribution", "unattributed-claim", t, SENTENCE),
            note("n3", "sourcing", "second-hand", t, "the Daily Courier"),
            note("n4", "language", "loaded-word", t, "reckless plan 🚧"),
            note("n5", "language", "loaded-word", t, "reckless", occurrence=2),
            note(
                "n6",
                "sourcing",
                "mostly-unnamed",
                t,
                severity="warning",
                references=[
                    {"title": "A safe reference", "url": "https://example.org/guide"},
                    {"title": "An unsafe reference", "url": "javascript:alert(1)"},
                ],
            ),
        ],
        [
            source("s1", t, "Sources close to the palace 👑", "vague_group"),
            source("s2", t, "officials", "vague_group", attributions=3, relay="the Daily Courier"),
            source("s3", t, "the Daily Courier", "named_organization", attributions=2),
        ],
    )


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context, live_server):
    pg = context.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.goto(live_server + "/")
    yield pg
    assert pg.dialogs == []  # nothing on the page may ever open a dialog


def mock_api(page, body: dict, status: int = 200) -> None:
    page.route(
        "**/api/v1/analyze",
        lambda route: route.fulfill(
            status=status, content_type="application/json", body=json.dumps(body)
        ),
    )


def explain(page, text: str, *, title: str = "", published: str = "") -> None:
    page.fill("#title", title)
    page.fill("#published", published)
    page.fill("#text", text)
    page.click("#explain")
    page.wait_for_selector("#results:not([hidden])")


def assert_matches(page, text: str, answer: dict) -> None:
    """Every note with a span is highlighted over exactly its excerpt, and marked once;
    every note is listed; the ledger lists every source in order."""
    notes = answer["notes"]
    spanned = [n for n in notes if n["start"] is not None and n["end"] > n["start"]]
    marked = page.evaluate(MARK_TEXTS, [n["id"] for n in spanned])
    for n in spanned:
        assert marked[n["id"]] == text[n["start"] : n["end"]], n
        assert page.locator(f'#article sup.marker[data-note="{n["id"]}"]').count() == 1
    # One list in reading order; each note's marker is its kind's letter and its number.
    ordered = reading_order(notes, CATEGORIES)
    assert page.locator("#notes li.note").evaluate_all("els => els.map(e => e.id)") == [
        f"note-{n['id']}" for n in ordered
    ]
    for i, n in enumerate(ordered, start=1):
        item = page.locator(f"#note-{n['id']}")
        assert item.count() == 1
        assert n["title"] in item.inner_text()
        assert item.locator(".num").inner_text() == marker(n, i)
        if n in spanned:
            sup = page.locator(f'#article sup.marker[data-note="{n["id"]}"]')
            assert sup.inner_text().split()[-1] == marker(n, i)
    rows = page.locator("#ledger tbody tr")
    assert rows.count() == len(answer["sources"])
    assert rows.locator("th").all_inner_texts() == [s["mention"] for s in answer["sources"]]
    assert page.inner_text("#summary-headline") == answer["summary"]["headline"]


def test_seed_text_shows_every_note_and_source_the_api_returns(page, live_server, seed_text):
    expected = api(live_server, {"text": seed_text, "published": "2025-01-10"})
    explain(page, seed_text, published="2025-01-10")
    assert_matches(page, seed_text, expected)
    # The article is shown whole: its text is the seed plus the markers' numbers.
    markers = "".join(page.locator("#article sup.marker").all_text_contents())
    assert len(page.text_content("#article")) == len(seed_text) + len(markers)


def test_astral_characters_and_overlapping_spans_are_placed_exactly(page):
    answer = astral_result()
    mock_api(page, answer)
    explain(page, ASTRAL)
    assert_matches(page, ASTRAL, answer)
    # The article is shown whole, astral characters included.
    assert page.text_content("#article").replace(" note ", "").startswith("Intro 😀 line")
    # Clicking a highlight inside two notes shows both.
    page.locator('#article mark[data-notes="n1 n2"]').click()
    detail = page.inner_text("#note-detail")
    assert "Title of n1" in detail and "Title of n2" in detail
    # Only web addresses become links.
    links = page.locator("#note-n6 .references a")
    assert links.count() == 1
    assert links.get_attribute("href") == "https://example.org/guide"
    assert "An unsafe reference" in page.inner_text("#note-n6")


def test_keyboard_reaches_highlights_and_shows_their_notes(page):
    mock_api(page, astral_result())
    explain(page, ASTRAL)
    page.focus("#explain")
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "MARK":
            break
    assert page.evaluate("document.activeElement.dataset.notes") == "n1 n2"
    assert "Title of n1" in page.inner_text("#note-detail")
    page.keyboard.press("Tab")
    assert "Title of n2" in page.inner_text("#note-detail")
    # The focused highlight has a visible outline.
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    # "Show in the text" brings focus back to the note's highlight.
    page.click("#note-n3 .show-in-text")
    assert page.evaluate("document.activeElement.textContent") == "the Daily Courier"


def test_ledger_sorts_by_column(page):
    mock_api(page, astral_result())
    explain(page, ASTRAL)
    mentions = page.locator("#ledger tbody th")
    claims_header = page.locator('#ledger th[data-key="claims"]')
    claims_header.locator("button").click()
    assert claims_header.get_attribute("aria-sort") == "ascending"
    assert page.locator("#ledger tbody td.num-cell:last-child").all_inner_texts() == ["1", "2", "3"]
    claims_header.locator("button").click()
    assert claims_header.get_attribute("aria-sort") == "descending"
    assert mentions.all_inner_texts()[0] == "officials"
    page.locator('#ledger th[data-key="relay"] button').click()
    assert mentions.all_inner_texts()[0] == "officials"  # empty values sort last
    texts = page.locator("#ledger tbody tr").first.inner_text()
    # A vague group is not a source keeping its name back: no "none given" for it.
    assert "the Daily Courier" in texts and "none given" not in texts


def test_ledger_labels_counted_groups_as_groups(page):
    text = "Four officials said the port was shut. A senior aide said it would reopen."
    sources = [
        source("s1", text, "Four officials", "unnamed_individual"),
        source("s2", text, "A senior aide", "unnamed_individual"),
    ]
    mock_api(page, result([], sources))
    explain(page, text)
    rows = page.locator("#ledger tbody tr")
    assert "group of unnamed people" in rows.nth(0).inner_text()
    assert "unnamed individual" in rows.nth(1).inner_text()
    assert "none given" in rows.nth(0).inner_text()


def test_markup_in_the_text_is_shown_as_text_and_never_runs(browser, live_server):
    # Without the CSP too: the page itself must never turn text into HTML.
    ctx = browser.new_context(bypass_csp=True)
    page = ctx.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(live_server + "/")
    text = f"The minister said the plan was ready.\n\n{XSS}\n\nOfficials said {XSS}."
    expected = api(live_server, {"text": text, "title": XSS})
    explain(page, text, title=XSS)
    assert_matches(page, text, expected)
    assert page.text_content("#article-title") == XSS
    # Notes and sources carrying markup (as a buggy or hostile server might send).
    hostile = result(
        [note("n1", "sourcing", "vague-source", text, XSS, title=XSS, explanation=XSS, check=XSS)],
        [source("s1", text, XSS, "vague_group", reason=XSS, relay=XSS)],
        headline=XSS,
    )
    mock_api(page, hostile)
    explain(page, text, title=XSS)
    page.locator("#article mark").first.click()
    page.wait_for_timeout(200)
    assert dialogs == []
    assert page.locator("#results img, #results script").count() == 0
    assert page.inner_text("#summary-headline") == XSS
    assert XSS in page.inner_text("#note-n1")
    assert XSS in page.inner_text("#note-detail")
    assert page.locator("#ledger tbody th").inner_text() == XSS
    ctx.close()


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("empty", "text box is empty"),
        ("too-long", "reads up to 200,000 characters and this one has 200,005"),
        ("server-error", "went wrong on the server"),
        ("unreachable", "could not be reached. Check your connection"),
        ("bad-date", "not a valid date"),
        ("bad-url", "starts with http:// or https://"),
        ("rate-limited", "Your text is still in the box: wait 30 seconds, then press Explain"),
    ],
)
def test_clear_messages(page, setup, message):
    explain(page, "The minister said the plan was ready.")  # earlier results, then the error
    text = "The minister said the plan was ready."
    if setup == "empty":
        text = "   \n"
    elif setup == "too-long":
        text = "word " * 40_001  # more than the API's 200,000 characters: a real 413
    elif setup == "server-error":
        mock_api(page, {"error": {"code": "internal_error", "message": "x"}}, status=500)
    elif setup == "unreachable":
        page.route("**/api/v1/analyze", lambda route: route.abort())
    elif setup == "bad-date":
        mock_api(
            page,
            {"error": {"code": "invalid_field", "message": "bad", "field": "published"}},
            status=422,
        )
    elif setup in ("bad-url", "rate-limited"):
        field = "url" if setup == "bad-url" else None
        page.route(
            "**/api/v1/analyze",
            lambda route: route.fulfill(
                status=422 if field else 429,
                content_type="application/json",
                headers={"Retry-After": "30"},
                body=json.dumps({"error": {"code": "x", "message": "x", "field": field}}),
            ),
        )
    page.fill("#text", text)
    page.click("#explain")
    error = page.locator("#error")
    error.wait_for(state="visible")
    assert message in error.inner_text()
    assert page.locator("#results").is_hidden()
    if setup == "empty":
        assert page.evaluate("document.activeElement.id") == "text"
        assert page.get_attribute("#text", "aria-invalid") == "true"


def test_an_example_loads_and_is_explained_in_one_click(page, live_server):
    button = page.locator("button.example").first
    button.click()
    page.wait_for_selector("#results:not([hidden])")
    text = page.input_value("#text")
    assert text.strip()
    assert page.input_value("#title")
    answer = api(
        live_server,
        {
            "text": text,
            "title": page.input_value("#title"),
            "published": page.input_value("#published"),
        },
    )
    assert_matches(page, text, answer)


def test_readable_at_phone_width(context, live_server):
    page = context.new_page()
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server + "/")
    mock_api(page, astral_result())
    explain(page, ASTRAL)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    # No passage selected: no note sheet covers the page.
    assert page.locator("#note-detail").is_hidden()


def long_text() -> str:
    """A long text with a marked passage near its end, far below the first screen."""
    filler = "The council met again on Tuesday and the meeting went on into the evening. " * 6
    paras = [filler.strip() for _ in range(14)]
    paras.append("Officials said the bridge would reopen in spring, a plan critics called rash.")
    return "\n\n".join(paras)


@pytest.mark.parametrize("where", ["near the end", "near the start"])
def test_on_a_phone_a_tapped_passage_shows_its_note_on_screen(browser, live_server, where):
    phone = {"width": 390, "height": 844}
    ctx = browser.new_context(viewport=phone, has_touch=True, is_mobile=True, device_scale_factor=2)
    page = ctx.new_page()
    page.goto(live_server + "/")
    text = long_text()
    last = text.rindex("Officials")
    first = text.index("The council")
    notes = [
        note("n1", "attribution", "unattributed-claim", text, "The council met again on Tuesday"),
        note("n2", "sourcing", "vague-source", text, "Officials", occurrence=1),
        note("n3", "language", "loaded-word", text, "rash"),
    ]
    assert notes[1]["start"] == last and notes[0]["start"] == first
    mock_api(page, result(notes, []))
    explain(page, text)
    target = "n3" if where == "near the end" else "n1"
    mark = page.locator(f'#article mark[data-notes~="{target}"]').first
    mark.scroll_into_view_if_needed()
    mark.tap()
    sheet = page.locator("#note-detail")
    sheet.wait_for(state="visible")
    view = {"width": 390, "height": 844}
    box = page.locator("#note-detail .detail").first.bounding_box()
    title = page.locator("#note-detail .note-title").first
    assert f"Title of {target}" in title.inner_text()
    # The note's title and first lines are inside the viewport …
    head = title.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= view["width"], box
    assert head["y"] >= 0 and head["y"] + head["height"] <= view["height"], head
    assert box["y"] < view["height"] and box["y"] >= 0, box
    # … and the tapped passage is still visible above the sheet.
    passage = mark.bounding_box()
    sheet_box = sheet.bounding_box()
    assert passage["y"] >= 0 and passage["y"] + passage["height"] <= sheet_box["y"], (
        passage,
        sheet_box,
    )
    # The sheet closes with its button, and focus goes back to the passage.
    page.locator("#note-detail-close").tap()
    assert sheet.is_hidden()
    assert page.evaluate("document.activeElement.tagName") == "MARK"
    ctx.close()


def test_no_content_security_policy_violations(browser, live_server):
    ctx = browser.new_context()
    page = ctx.new_page()
    problems = []
    page.on(
        "console",
        lambda m: problems.append(m.text) if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: problems.append(str(e)))
    for path in ("/", "/rules", "/worksheet?example=wire-report"):
        res = page.goto(live_server + path)
        assert "default-src 'self'" in res.headers["content-security-policy"]
    page.goto(live_server + "/")
    page.locator("button.example").first.click()
    page.wait_for_selector("#results:not([hidden])")
    marks = page.locator("#results mark")
    if marks.count():
        marks.first.focus()
    with page.expect_navigation():
        page.click("#make-worksheet")
    assert problems == []
    ctx.close()


def test_worksheet_prints_to_a4_and_letter(page, live_server, seed_text):
    expected = api(live_server, {"text": seed_text, "title": "Seed", "published": "2025-01-10"})
    page.fill("#title", "Seed")
    page.fill("#published", "2025-01-10")
    page.fill("#text", seed_text)
    with page.expect_navigation():
        page.click("#make-worksheet")
    assert page.url.endswith("/worksheet")
    assert page.inner_text("h1") == "Seed"
    questions = page.locator(".question-list > li")
    assert questions.count() >= len(expected["notes"]) + 1
    spanned = [n for n in expected["notes"] if n["start"] is not None]
    markers = page.locator(".ws-marker").all_inner_texts()
    assert len(markers) == len(spanned)
    assert page.locator(".key-list > li").count() == questions.count()
    assert page.locator(".key-sources tbody tr").count() == len(expected["sources"])
    for fmt in ("A4", "Letter"):
        pdf = page.pdf(format=fmt, print_background=True)
        assert pdf.startswith(b"%PDF")
        assert pdf_pages(pdf) >= 2  # the answer key is on a page of its own
    # In print, the answer key starts a new page and the toolbar is gone.
    page.emulate_media(media="print")
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.answer-key')).breakBefore")
        == "page"
    )
    assert page.locator(".sheet-toolbar").is_hidden()


AXE_RUN = """async () => (await axe.run(document)).violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"""


def test_axe_finds_no_serious_or_critical_violations(browser, live_server, seed_text):
    if not AXE.exists():
        pytest.skip("node_modules/axe-core is missing: run `npm install` (make test does)")
    ctx = browser.new_context(bypass_csp=True)  # axe is injected as an inline script
    page = ctx.new_page()

    def audit(where: str) -> None:
        page.add_script_tag(path=str(AXE))
        found = page.evaluate(AXE_RUN)
        print(where, json.dumps(found, indent=1))  # shown with -s or on failure
        serious = [v for v in found if v["impact"] in ("serious", "critical")]
        assert serious == [], (where, serious)

    # With results shown: every kind of note, a note in the side panel, a sorted table.
    page.goto(live_server + "/")
    mock_api(page, astral_result())
    explain(page, ASTRAL)
    page.locator('#article mark[data-notes="n1 n2"]').click()
    page.locator('#ledger th[data-key="claims"] button').click()
    audit("page with every kind of note")
    page.goto(live_server + "/")
    explain(page, seed_text, published="2025-01-10")
    audit("page with the seed explained")
    page.fill("#text", "")
    page.click("#explain")
    audit("page with an error message")
    page.fill("#text", "x" * 200_001)
    page.click("#explain")
    audit("page with the too-long message")
    for path in ("/rules", "/worksheet?example=anonymous-relay", "/worksheet"):
        page.goto(live_server + path)
        audit(path)
    page.goto(live_server + "/docs")
    page.wait_for_selector("#operations .op")
    audit("/docs")
    ctx.close()
    # On a phone, with a passage's note open in the bottom sheet and the tone explained.
    ctx = browser.new_context(
        bypass_csp=True, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    page = ctx.new_page()
    page.goto(live_server + "/")
    explain(page, seed_text, published="2025-01-10")
    page.locator("#tone-detail summary").click()
    mark = page.locator("#article mark").nth(3)
    mark.scroll_into_view_if_needed()
    mark.tap()
    page.locator("#note-detail").wait_for(state="visible")
    audit("phone page with a note open")
    page.goto(live_server + "/worksheet?example=wire-report")
    audit("phone worksheet")
    ctx.close()


def test_code_point_offsets_convert_to_javascript_indices(page):
    got = page.evaluate(
        """() => {
            const t = 'a😀b𝔘c';
            return FootnoteSpans.codePointMap(t);
        }"""
    )
    assert got == [0, 1, 3, 4, 6, 7]


def test_without_javascript_explain_still_gives_the_worksheet(browser, live_server):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(live_server + "/")
    page.fill("#text", "Officials said the talks had failed.\n\nThe minister said nothing.")
    with page.expect_navigation():
        page.click("#explain")
    assert page.url.endswith("/worksheet")
    assert page.locator(".para").count() == 2
    assert page.locator(".question-list > li").count() >= 1
    ctx.close()


def test_the_rate_limit_setting_is_put_in_words(page):
    got = page.evaluate(
        """() => ['60/minute', '10/second;500/hour', '1/5 minutes', 'nonsense', '']
            .map(FootnoteSpans.rateInWords)"""
    )
    assert got == [
        "60 texts a minute",
        "10 texts a second and 500 texts an hour",
        "1 text every 5 minutes",
        "",
        "",
    ]


@pytest.mark.parametrize(
    ("score", "plain"),
    [
        ("0.62", "mostly opinion"),
        ("0.41", "mix fact and opinion"),
        ("0.20", "mostly factual"),
    ],
)
def test_the_tone_is_said_plainly_with_the_figure_behind_a_disclosure(page, score, plain):
    text = "The minister said the plan was ready."
    answer = result([], [])
    answer["summary"]["tone"] = (
        f"The writer's own words score {score} on TextBlob's word-list subjectivity scale"
        " (0 factual, 1 opinion; descriptive words raise it too); they hold 2 weasel phrases."
    )
    mock_api(page, answer)
    explain(page, text)
    shown = page.locator("#summary-tone").inner_text()
    assert f"The writer's own words {'are ' if 'mostly' in plain else ''}{plain}." in shown
    assert "They hold 2 weasel phrases." in shown
    assert score not in shown and "TextBlob" not in shown  # behind the disclosure
    page.locator("#tone-detail summary").click()
    assert score in page.locator("#summary-tone").inner_text()


def test_a_tone_sentence_in_another_shape_is_shown_whole(page):
    answer = result([], [])
    answer["summary"]["tone"] = "A tone sentence the page does not know."
    mock_api(page, answer)
    explain(page, "The minister said the plan was ready.")
    assert page.locator("#tone-plain").inner_text() == "A tone sentence the page does not know."
    assert page.locator("#tone-detail").is_hidden()


def test_notes_on_what_changed_since_publication_come_first(page):
    text = "Officials praised the ceasefire deal.\n\nThe minister said nothing more."
    since = note(
        "n2",
        "context",
        "context-since",
        text,
        "the ceasefire deal",
        severity="info",
        title="Since this was published: a made-up deal",
        explanation="Since this article was published, the deal lapsed. More background here.",
    )
    other = note("n1", "sourcing", "vague-source", text, "Officials")
    mock_api(page, result([other, since], []))
    explain(page, text)
    box = page.locator("#notes .since-box")
    assert box.count() == 1
    # above the notes in reading order, with the plain first sentence and a link to the note
    assert page.evaluate(
        "() => { const n = document.getElementById('notes');"
        " return n.firstElementChild.classList.contains('since-box'); }"
    )
    assert box.locator("p").inner_text() == "Since this article was published, the deal lapsed."
    assert box.locator("a").get_attribute("href") == "#note-n2"
    assert "a made-up deal" in box.locator("a").inner_text()
