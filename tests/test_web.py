"""The educators' pages, the worksheet builder, the rule catalogue API and its docs."""

from __future__ import annotations

import dataclasses
import json
import os
import re
from pathlib import Path

import pytest
from footnote import analyze, to_dict
from footnote.docgen.rules import COMMAND, render_markdown
from footnote.engine.catalogue import CATEGORIES, load_rules
from footnote.web import load_examples
from footnote.web.worksheet import (
    Questions,
    QuestionsError,
    Template,
    build_worksheet,
    load_questions,
    parse_questions,
    shorten,
)

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["/", "/rules", "/worksheet", "/worksheet?example=wire-report"]
# The shared evaluation sets sit next to the repository (or where FOOTNOTE_EVAL_DIR says).
EVAL_DIR = Path(os.environ.get("FOOTNOTE_EVAL_DIR", ROOT.parent / "shared" / "eval"))
if not (EVAL_DIR / "dev.jsonl").exists() and (ROOT.parent.parent / "shared" / "eval").exists():
    EVAL_DIR = ROOT.parent.parent / "shared" / "eval"  # a worktree under /work/wt/<name>


@pytest.mark.parametrize("path", PAGES)
def test_pages_are_html_with_a_strict_csp(client, path):
    res = client.get(path)
    assert res.status_code == 200
    assert res.mimetype == "text/html"
    csp = res.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "'unsafe-inline'" not in csp
    html = res.get_data(as_text=True)
    # Nothing inline for the policy to forbid: no style attributes, no inline script.
    assert " style=" not in html
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) is None
    assert re.search(r"\son[a-z]+=", html) is None


def test_assets_are_served_by_the_app(client):
    html = client.get("/").get_data(as_text=True)
    assets = re.findall(r'(?:src|href)="(/assets/[^"]+)"', html)
    assert len(assets) >= 3
    for path in assets:
        with client.get(path) as res:
            assert res.status_code == 200
    assert "http" not in "".join(re.findall(r'(?:src)="([^"]+)"', html))


def test_page_script_never_inserts_html():
    static = ROOT / "server" / "footnote" / "web" / "static"
    for script in static.glob("*.js"):
        source = script.read_text(encoding="utf-8")
        for forbidden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"):
            assert forbidden not in source, f"{script.name} uses {forbidden}"


def test_examples_load_and_are_explained(client):
    examples = load_examples()
    assert len(examples) >= 3
    html = client.get("/").get_data(as_text=True)
    for slug, ex in examples.items():
        assert f"/examples/{slug}.json" in html
        body = client.get(f"/examples/{slug}.json").get_json()
        assert body["text"] == ex["text"] and body["title"]
        res = client.post(
            "/api/v1/analyze", json={"text": body["text"], "published": body["published"]}
        )
        assert res.status_code == 200
    assert client.get("/examples/nothing.json").status_code == 404


def test_sports_example_gets_no_note_about_the_minsk_agreements():
    ex = next(e for e in load_examples().values() if "Minsk" in e["text"] and "sport" in e["label"])
    result = to_dict(analyze(ex["text"], published=ex["published"]))
    assert not [n for n in result["notes"] if n["topic"] == "minsk-agreements"]


# The rule catalogue


def test_api_rules_lists_every_rule_in_the_catalogue(client):
    body = client.get("/api/v1/rules").get_json()
    listed = {r["id"] for r in body["rules"]}
    assert listed == set(load_rules())
    assert body["categories"] == list(CATEGORIES)
    for r in body["rules"]:
        assert {"id", "category", "severity", "title", "explanation", "check"} <= set(r)
        assert r["example_fires"]["text"] and r["example_quiet"]["text"]


def test_api_rule_by_id(client):
    rule_id = next(iter(load_rules()))
    assert client.get(f"/api/v1/rules/{rule_id}").get_json()["id"] == rule_id
    res = client.get("/api/v1/rules/no-such-rule")
    assert res.status_code == 404
    assert res.get_json()["error"]["code"] == "not_found"


def test_rules_page_shows_every_rule(client):
    html = client.get("/rules").get_data(as_text=True)
    for rule_id in load_rules():
        assert f'id="{rule_id}"' in html


def test_rules_index_lists_titles_not_ids(client):
    html = client.get("/rules").get_data(as_text=True)
    toc = html[html.index('class="toc"') : html.index("</nav>", html.index('class="toc"'))]
    for rule in load_rules().values():
        link = re.search(rf'<a href="#{re.escape(rule.id)}">([^<]*)</a>', toc)
        assert link, rule.id
        assert link[1] != rule.id and "{" not in link[1], link[1]


def test_docs_page_links_back_to_the_page(client):
    html = client.get("/docs").get_data(as_text=True)
    assert '<a href="/">' in html


def test_rules_page_shows_template_fields_as_placeholders(client):
    html = client.get("/rules").get_data(as_text=True)
    assert "{mention}" not in html
    if any("{mention}" in r.explanation for r in load_rules().values()):
        assert "<var>mention</var>" in html


def test_rules_docs_are_up_to_date():
    path = ROOT / "docs" / "rules.md"
    assert path.exists(), f"docs/rules.md is missing; run: {COMMAND}"
    assert path.read_text(encoding="utf-8") == render_markdown(), (
        f"docs/rules.md is stale; run: {COMMAND}"
    )


def test_rules_docs_name_every_rule():
    text = render_markdown()
    for rule_id in load_rules():
        assert f"### `{rule_id}`" in text


@pytest.mark.skipif(not (EVAL_DIR / "dev.jsonl").exists(), reason="dev set not found")
def test_api_rules_covers_every_rule_the_dev_set_produces(client):
    listed = {r["id"] for r in client.get("/api/v1/rules").get_json()["rules"]}
    emitted = set()
    lines = (EVAL_DIR / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    for item in map(json.loads, filter(None, lines)):
        result = to_dict(analyze(item["text"], published=item.get("published")))
        emitted |= {n["rule"] for n in result["notes"]}
    assert emitted <= listed


# The worksheet

TEXT = (
    "The minister resigned on Monday.\n\n"
    "Sources close to the palace said the king was ill, and officials agreed.\n\n"
    "The reckless plan failed."
)


def _note(nid, rule, category, excerpt=None, source_id=None):
    start = TEXT.index(excerpt) if excerpt else None
    return {
        "id": nid,
        "category": category,
        "rule": rule,
        "severity": "caution",
        "title": f"T{nid}",
        "explanation": f"E{nid}",
        "check": f"C{nid}",
        "start": start,
        "end": start + len(excerpt) if excerpt else None,
        "excerpt": excerpt,
        "topic": None,
        "source_id": source_id,
        "references": [],
    }


def _result(notes, sources=()):
    counts = {"sources": len(sources), "named_person": 0, "anonymous": 1, "relayed": 0}
    return {
        "summary": {"headline": "H", "counts": counts, "tone": None},
        "sources": list(sources),
        "notes": notes,
    }


QUESTIONS = Questions(
    default=Template("{where}: default {title}", "A-default"),
    by_category={"sourcing": Template("{where} cat “{excerpt}”", "A-cat")},
    by_rule={"vague-source": Template("{where} rests on “{mention}”. Why?", "A-rule")},
    summary=(Template("Sources: {sources}", "Named: {named}"),),
)
SOURCE = {
    "id": "s1",
    "mention": "Sources close to the palace",
    "kind": "vague_group",
    "anonymity_reason": None,
    "relayed_by": None,
}


def test_worksheet_questions_come_from_rule_then_category_then_default():
    notes = [
        _note("n1", "vague-source", "sourcing", "Sources close to the palace", "s1"),
        _note("n2", "vague-source", "sourcing", "officials"),  # no source: the rule can't fit
        _note("n3", "loaded-word", "language", "reckless"),
        _note("n4", "mostly-unnamed", "sourcing"),
    ]
    sheet = build_worksheet(TEXT, _result(notes, [SOURCE]), questions=QUESTIONS)
    texts = [q.text for q in sheet.questions]
    assert texts == [
        "Paragraph 2 rests on “Sources close to the palace”. Why?",
        "Paragraph 2 cat “officials”",
        "Paragraph 3: default Tn3",
        "The text: default Tn4",
        "Sources: 1",
    ]
    assert [q.answer for q in sheet.questions] == [
        "A-rule",
        "A-cat",
        "A-default",
        "A-default",
        "Named: 0",
    ]
    assert [q.number for q in sheet.questions] == [1, 2, 3, 4, 5]


def test_later_notes_from_the_same_rule_refer_back_to_the_first_question():
    notes = [
        _note("n1", "vague-source", "sourcing", "Sources close to the palace", "s1"),
        _note("n2", "loaded-word", "language", "reckless"),
        _note("n3", "vague-source", "sourcing", "officials"),
    ]
    repeat = Template("Question {first} again, for {where_lower}: “{excerpt}”.", "As {first}.")
    questions = dataclasses.replace(QUESTIONS, repeat=repeat)
    sheet = build_worksheet(TEXT, _result(notes, [SOURCE]), questions=questions)
    # Questions follow reading order: "officials" (n3) comes before "reckless" (n2).
    assert [(q.text, q.repeat) for q in sheet.questions[:3]] == [
        ("Paragraph 2 rests on “Sources close to the palace”. Why?", False),
        ("Question 1 again, for paragraph 2: “officials”.", True),
        ("Paragraph 3: default Tn2", False),
    ]
    assert sheet.questions[1].answer == "As 1."
    assert sheet.questions[1].note["explanation"] == "En3"  # the key still explains it


def test_worksheet_marks_each_spanned_note_once_where_it_ends():
    notes = [
        _note(
            "n1",
            "unattributed-claim",
            "attribution",
            "Sources close to the palace said the king was ill",
        ),
        _note("n2", "vague-source", "sourcing", "Sources close to the palace"),
        _note("n3", "loaded-word", "language", "reckless"),
        _note("n4", "mostly-unnamed", "sourcing"),
    ]
    sheet = build_worksheet(TEXT, _result(notes), questions=QUESTIONS)
    assert [p.number for p in sheet.paragraphs] == [1, 2, 3]
    for para, (start, end) in zip(sheet.paragraphs, [(0, 32), (34, 106), (108, 133)], strict=True):
        assert "".join(s.text for s in para.segments) == TEXT[start:end]
    markers = [m for p in sheet.paragraphs for s in p.segments for m in s.markers]
    assert sorted(markers) == [1, 2, 3]
    segs = {s.text: s for s in sheet.paragraphs[1].segments}
    assert segs["Sources close to the palace"].note_ids == ("n2", "n1")  # narrowest first
    assert segs["Sources close to the palace"].category == "sourcing"
    # Same start: the sources note comes first in reading order, so it is S1 and the other A2.
    assert segs["Sources close to the palace"].markers == (1,)
    assert segs[" said the king was ill"].markers == (2,)
    assert sheet.labels == {1: "S1", 2: "A2", 3: "L3", 4: "S4"}


def test_worksheet_marks_a_note_that_crosses_paragraphs_once():
    excerpt = "Monday.\n\nSources"
    start = TEXT.index(excerpt)
    note = _note("n1", "unattributed-claim", "attribution")
    note.update(start=start, end=start + len(excerpt), excerpt=excerpt)
    sheet = build_worksheet(TEXT, _result([note]), questions=QUESTIONS)
    where = [(p.number, s.markers) for p in sheet.paragraphs for s in p.segments if s.markers]
    assert where == [(2, (1,))]
    covered = "".join(s.text for p in sheet.paragraphs for s in p.segments if s.note_ids)
    assert covered == "Monday.Sources"


def test_question_templates_are_valid_and_cover_every_category():
    questions = load_questions()
    assert set(questions.by_category) == set(CATEGORIES)
    assert questions.summary
    for rule_id in questions.by_rule:
        assert rule_id in load_rules(), f"questions.toml has a template for unknown rule {rule_id}"


def test_every_rule_gets_a_question_from_its_own_fires_example():
    for rule in load_rules().values():
        ex = rule.fires[0]
        result = to_dict(analyze(ex.text, published=ex.published, title=ex.title, as_of=ex.as_of))
        sheet = build_worksheet(ex.text, result)
        assert len(sheet.questions) == len(result["notes"]) + len(load_questions().summary)
        for q in sheet.questions:
            assert "{" not in q.text and "{" not in q.answer


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"default": {"question": "q"}},
        {"default": {"question": "{where} “{excerpt}”", "answer": "a"}},
        {
            "default": {"question": "q", "answer": "a"},
            "category": {"nope": {"question": "q", "answer": "a"}},
        },
        {
            "default": {"question": "q", "answer": "a"},
            "summary": {"questions": ["q"], "answers": []},
        },
    ],
)
def test_malformed_question_files_are_rejected(data):
    with pytest.raises(QuestionsError):
        parse_questions(data)


def test_shorten_keeps_short_text_and_cuts_long_text_at_a_word():
    assert shorten("short  text\n") == "short text"
    long = "word " * 40
    cut = shorten(long, 30)
    assert cut.endswith("…") and len(cut) <= 30 and "wor…" not in cut


def test_worksheet_from_the_form_escapes_text(client):
    res = client.post(
        "/worksheet",
        data={"text": "One.\r\n\r\n<script>alert(1)</script> two.", "title": "<b>T</b>"},
        content_type="multipart/form-data",
    )
    html = res.get_data(as_text=True)
    assert res.status_code == 200
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>T</b>" not in html
    assert html.count('class="para"') == 2  # CRLF from the browser still splits paragraphs


def test_worksheet_takes_a_text_up_to_the_limit_in_any_script(client):
    limit = client.application.config["MAX_TEXT_CHARS"]
    text = ("Я" * 99 + "\n") * (limit // 100)  # two bytes a character, exactly the limit
    res = client.post("/worksheet", data={"text": text}, content_type="multipart/form-data")
    assert res.status_code == 200


@pytest.mark.parametrize(
    ("data", "status", "message"),
    [
        ({"text": "  "}, 422, "paste the text of an article"),
        ({"text": "Hello.", "published": "2024-13-45"}, 422, "YYYY-MM-DD"),
        ({"text": "Hello.", "url": "javascript:alert(1)"}, 422, "http:// or https://"),
        ({"text": "x" * 200_001}, 413, "up to 200,000 characters and this one has 200,001"),
        ({"text": "x" * 200_001}, 413, "keep a shorter part"),
    ],
)
def test_worksheet_errors_are_pages_that_say_what_to_do(client, data, status, message):
    res = client.post("/worksheet", data=data, content_type="multipart/form-data")
    assert res.status_code == status
    assert res.mimetype == "text/html"
    assert message in res.get_data(as_text=True)


def test_unknown_example_worksheet_is_404(client):
    assert client.get("/worksheet?example=nothing").status_code == 404


def test_the_page_uses_the_same_theme_file_as_the_extension():
    root = Path(__file__).resolve().parents[1]
    canonical = root / "extension" / "lib" / "theme.css"
    copy = root / "server" / "footnote" / "web" / "static" / "theme.css"
    assert copy.read_bytes() == canonical.read_bytes(), (
        "server/footnote/web/static/theme.css must be a copy of extension/lib/theme.css"
    )


def test_notes_are_numbered_in_reading_order_with_the_kind_letter():
    from footnote.web.theme import marker, reading_order

    notes = [
        {"id": "w", "category": "sourcing", "start": None, "end": None},
        {"id": "b", "category": "attribution", "start": 10, "end": 40},
        {"id": "a", "category": "sourcing", "start": 10, "end": 20},
        {"id": "c", "category": "language", "start": 2, "end": 5},
    ]
    ordered = reading_order(notes, CATEGORIES)
    assert [n["id"] for n in ordered] == ["c", "a", "b", "w"]
    assert [marker(n, i) for i, n in enumerate(ordered, start=1)] == ["L1", "S2", "A3", "S4"]


def test_about_sections_name_known_topics_and_rules():
    from footnote.engine.context.kb import load_kb

    questions = load_questions()
    assert questions.about
    topics = load_kb().topics
    for about in questions.about:
        assert about.topics <= set(topics), (about.subject, about.topics - set(topics))
        assert about.rules <= set(load_rules()), about.subject


@pytest.mark.parametrize(
    ("text", "asks", "never"),
    [
        (
            "Officers from nine countries spent the spring at the NATO Defense College in Rome.",
            "What is this body",
            "when did it happen",
        ),
        (
            "The envoys spent the evening discussing the Minsk agreements.",
            "Who agreed to what",
            "when did it happen",
        ),
        (
            "Families still remember the annexation of Crimea by Russia.",
            "What happened, and when?",
            "What is this body",
        ),
    ],
)
def test_a_background_question_fits_what_the_note_is_about(text, asks, never):
    result = to_dict(analyze(text, published="2025-01-10"))
    notes = [n for n in result["notes"] if n["rule"] == "context-background"]
    assert notes, result["notes"]
    sheet = build_worksheet(text, result)
    asked = [q.text for q in sheet.questions if q.note and q.note["rule"] == "context-background"]
    assert any(asks in q for q in asked), asked
    assert not any(never in q for q in asked), asked


def test_about_sections_are_validated():
    base = {"default": {"question": "{where}", "answer": "a"}}
    with pytest.raises(QuestionsError, match=r"\[about.event\]: field 'topics'"):
        parse_questions({**base, "about": {"event": {"question": "q", "answer": "a"}}})
    twice = {"topics": ["t"], "question": "q", "answer": "a"}
    with pytest.raises(QuestionsError, match="also under"):
        parse_questions({**base, "about": {"event": twice, "body": twice}})


@pytest.mark.parametrize(
    ("kind", "mention", "label"),
    [
        ("unnamed_individual", "Four European diplomats", "group of unnamed people"),
        ("unnamed_individual", "two people close to the talks", "group of unnamed people"),
        ("unnamed_individual", "a senior diplomat", "unnamed individual"),
        ("vague_group", "Analysts", "vague group"),
        ("named_person", "Ana Ruiz", "named person"),
    ],
)
def test_a_counted_group_is_labelled_as_a_group(kind, mention, label):
    from footnote.web.theme import kind_label

    assert kind_label(kind, mention) == label


def test_a_vague_group_is_not_told_it_gave_no_reason_for_anonymity():
    from footnote.web.theme import anonymity_reason

    unnamed = {"kind": "unnamed_individual", "anonymity_reason": None}
    assert anonymity_reason({"kind": "vague_group", "anonymity_reason": None}) == ""
    assert anonymity_reason(unnamed) == "none given"
    assert anonymity_reason({**unnamed, "anonymity_reason": "afraid"}) == "afraid"


def test_worksheet_key_labels_counted_groups_and_vague_groups(client):
    text = "Four European diplomats said the talks had stalled.\n\nAnalysts say prices will rise."
    html = client.post("/worksheet", data={"text": text}).get_data(as_text=True)
    key = html[html.index("key-sources") :]
    assert "group of unnamed people" in key
    assert "unnamed individual" not in key
    row = key[key.index("Analysts") : key.index("</tr>", key.index("Analysts"))]
    assert "none given" not in row


@pytest.mark.parametrize(
    ("form", "outlet", "heading", "url"),
    [
        (
            {"url": "https://www.example-news.org/world/2025/talks", "title": "Talks stall"},
            "example-news.org",
            "Talks stall",
            "https://www.example-news.org/world/2025/talks",
        ),
        (
            {"title": "Talks stall in the capital | The Daily Example"},
            "The Daily Example",
            "Talks stall in the capital",
            None,
        ),
        (
            {"title": "Talks stall in the capital - what we know"},
            None,
            "Talks stall in the capital - what we know",
            None,
        ),
    ],
)
def test_worksheet_prints_outlet_address_and_date(client, form, outlet, heading, url):
    from footnote.web.worksheet import outlet_of

    data = {"text": "Officials said the talks had stalled.", "published": "2025-01-10", **form}
    html = client.post("/worksheet", data=data).get_data(as_text=True)
    header = html[
        html.index('class="sheet-header"') : html.index("</header>", html.index("sheet-header"))
    ]
    assert "2025-01-10" in header
    got_outlet, got_heading = outlet_of(form.get("url"), form.get("title"))
    if outlet:
        assert got_outlet == outlet
        assert outlet in header
    else:
        assert got_outlet is None and "Outlet:</dt> <dd>not given" in header
    assert got_heading == heading
    assert f'<h1 id="sheet-heading">{heading}</h1>' in header
    if url:
        assert url in header


@pytest.mark.parametrize(
    ("score", "plain"),
    [
        ("0.62", "are mostly opinion"),
        ("0.41", "mix fact and opinion"),
        ("0.2", "are mostly factual"),
    ],
)
def test_plain_tone_reads_the_engines_figure(score, plain):
    from footnote.web.theme import plain_tone

    tone = plain_tone(
        f"Leaving out quotations (10% of the text), the writer's own words score {score} on"
        " TextBlob's word-list subjectivity scale (0 factual, 1 opinion; descriptive words"
        " raise it too); they hold 1 weasel phrase."
    )
    assert tone["plain"] == f"The writer's own words {plain}."
    assert tone["found"] == "They hold 1 weasel phrase."
    assert plain_tone("Something else entirely.") == {
        "plain": "",
        "found": "Something else entirely.",
        "measured": "Something else entirely.",
    }


def test_the_engine_tone_sentence_still_has_the_shape_the_page_reads():
    from footnote.web.theme import plain_tone

    text = "The minister said the plan was a disaster and a shameful failure, and critics agreed."
    tone = to_dict(analyze(text))["summary"]["tone"]
    assert plain_tone(tone)["plain"], tone


def test_worksheet_reads_an_old_article_as_of_today(client):
    text = "Envoys in Berlin pressed both sides to carry out the Minsk agreements before winter."
    data = {"text": text, "published": "2016-10-20"}
    res = client.post("/worksheet", data=data, content_type="multipart/form-data")
    assert res.status_code == 200
    assert "Since this was published" in res.get_data(as_text=True)


def test_a_worksheet_of_too_many_paragraphs_is_refused_with_a_page(client):
    from footnote.web import WORKSHEET_MAX_PARAGRAPHS

    text = "x\n\n" * (WORKSHEET_MAX_PARAGRAPHS + 1)
    res = client.post("/worksheet", data={"text": text})
    assert res.status_code == 413
    assert "paragraphs" in res.get_data(as_text=True)
    ok = client.post("/worksheet", data={"text": "Officials said so.\n\n" * 50})
    assert ok.status_code == 200
