"""Page clutter: lines of a pasted page that are not the article.

Every example here and in data/clutter.toml was written for these tests; none comes from the
evaluation sets.
"""

import re
from pathlib import Path

import pytest
from footnote import analyze
from footnote.engine.clutter import ClutterDataError, find_clutter, load_rules, parse_rules
from footnote.engine.document import build_document, fold

RULES = load_rules().rules
FIXTURES = Path(__file__).parent / "fixtures"


def marked(example: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without its [[ ]] marks, and the spans they marked."""
    text, spans, start = "", [], None
    for part in re.split(r"(\[\[|\]\])", example):
        if part == "[[":
            start = len(text)
        elif part == "]]":
            spans.append((start, len(text)))
        else:
            text += part
    return text, spans


@pytest.mark.parametrize(
    "rule,example", [(r.name, f) for r in RULES for f in r.fires], ids=lambda v: v[:40]
)
def test_each_rule_fires_on_its_examples_exactly(rule, example):
    text, spans = marked(example)
    assert [text[s:e] for s, e in find_clutter(fold(text))] == [text[s:e] for s, e in spans]


@pytest.mark.parametrize(
    "rule,example", [(r.name, q) for r in RULES for q in r.quiet], ids=lambda v: v[:40]
)
def test_each_rule_stays_quiet_on_article_lines(rule, example):
    assert find_clutter(fold(example)) == ()


def test_every_kind_of_rule_is_in_the_data_with_examples():
    kinds = {r.kind for r in RULES}
    assert {"label", "opener", "credit", "inline", "bar", "notice", "byline", "stamp"} <= kinds
    assert {"field", "top-headline"} <= kinds
    assert all(r.fires and r.quiet for r in RULES)


ARTICLE = (
    "Harbour reopens after the winter storm\n"
    "Europe March 03, 09:12\n"
    "\n"
    "By Jane Doe\n"
    "\n"
    "The harbour reopened on Monday, the port authority said.\n"
    "\n"
    "Read also: Storm closes the coastal road\n"
    "\n"
    "A ferry leaves the harbour at dawn. (Photo: Jane Doe)\n"
    "\n"
    "Officials, who spoke on condition of anonymity, said repairs would cost millions.\n"
    "\n"
    "Share this\n"
    "Topics: Storms, Harbours, Ferries\n"
)


def test_a_page_keeps_its_article_and_drops_its_furniture():
    doc = build_document(ARTICLE)
    kept = [ARTICLE[p.start : p.end] for p in doc.paragraphs if not doc.in_clutter(p.start, p.end)]
    assert kept == [
        "The harbour reopened on Monday, the port authority said.",
        "Officials, who spoke on condition of anonymity, said repairs would cost millions.",
    ]


def test_the_articles_own_headline_stays_when_the_title_says_so():
    title = "Harbour reopens after the winter storm"
    doc = build_document(ARTICLE, title=title)
    assert not doc.in_clutter(0, len(title))
    assert doc.in_clutter(len(title) + 1, len(title) + 5)  # the stamp below still goes
    assert build_document(ARTICLE).in_clutter(0, len(title))
    # a page's title often carries the site's name after a separator
    for suffixed in (title + " | Coastal Courier", title + " - Coastal Courier"):
        assert not build_document(ARTICLE, title=suffixed).in_clutter(0, len(title))
    other = build_document(ARTICLE, title="Harbour reopens after the winter storm season")
    assert other.in_clutter(0, len(title))


def test_offsets_are_unchanged_and_clutter_spans_are_lines_of_the_text():
    doc = build_document(ARTICLE)
    assert doc.text == ARTICLE
    for s, e in doc.clutter:
        assert ARTICLE[s:e].strip() == ARTICLE[s:e]
        assert "\n\n" not in ARTICLE[s:e]


def test_in_clutter_is_true_when_most_of_the_span_is_clutter():
    text = "The river rose.\nShare this\nThe ferry sailed."
    doc = build_document(text)
    share = text.index("Share")
    assert doc.in_clutter(share, share + 5)
    assert doc.in_clutter(share)
    assert not doc.in_clutter(0, 15)
    assert not doc.in_clutter(0, len(text))  # a span mostly of article text


def test_no_source_and_no_note_on_clutter_through_analyze():
    page = (
        "Read more: Officials say the bridge is unsafe, according to sources\n\n"
        "A worker repairs the flood wall, officials said. Jane Doe/Getty Images\n\n"
        "The council met on Monday. Council leader Anna Berg said the vote would go ahead.\n\n"
        "Sorry, we are not currently accepting comments on this article."
    )
    result = analyze(page)
    assert [s.mention for s in result.sources] == ["Council leader Anna Berg"]
    for n in result.notes:
        assert n.start is None or not build_document(page).in_clutter(n.start, n.end), n
    # The same lines inside the article's own sentences do find their sources.
    body = page.replace("Read more: ", "").replace(" Jane Doe/Getty Images", "")
    assert len(analyze(body).sources) > 1


def test_a_claim_in_a_caption_is_not_the_writers_claim():
    caption = "The reckless plan was a shameful waste of public money. PHOTO: NORTHERN HERALD"
    text = caption + "\n\nThe council met on Monday."
    assert not [n for n in analyze(text).notes if n.rule == "unattributed-claim"]
    assert [n for n in analyze(caption.split(" PHOTO")[0]).notes if n.rule == "unattributed-claim"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"rule": [{"name": "a", "kind": "stamp"}]}, "[settings]"),
        ({"settings": {}, "rule": []}, "no [[rule]]"),
        ({"settings": {}, "rule": [{"name": "a", "kind": "odd"}]}, "kind"),
        ({"settings": {}, "rule": [{"name": "a", "kind": "label", "fires": ["[[x]]"]}]}, "words"),
        (
            {
                "settings": {},
                "rule": [{"name": "a", "kind": "inline", "patterns": ["(x"], "fires": ["[[x]]"]}],
            },
            "pattern",
        ),
        (
            {
                "settings": {},
                "rule": [{"name": "a", "kind": "label", "words": ["x"], "fires": ["x"]}],
            },
            "[[so]]",
        ),
        (
            {
                "settings": {},
                "rule": [
                    {
                        "name": "a",
                        "kind": "label",
                        "words": ["x"],
                        "fires": ["[[x]]"],
                        "quiet": ["y"],
                    }
                ],
            },
            "short_words",
        ),
    ],
)
def test_malformed_data_is_refused_with_the_field_named(data, message):
    with pytest.raises(ClutterDataError, match=re.escape(message)):
        parse_rules(data)


def test_a_long_page_of_clutter_like_lines_is_handled_line_by_line():
    page = ("Share this\nBy Jane Doe\nUpdated 13:04 GMT\n(Photo: x)\n" * 2000) + "The end."
    spans = find_clutter(page)
    assert spans and spans[-1][1] < len(page)


def test_a_caption_does_not_change_the_writers_tone_or_the_headline():
    body = (
        "The council met on Monday and approved the budget for the new harbour wall. "
        "Work will begin in spring and last two years, the council said."
    )
    caption = "A terrible, horrific and utterly shameful scene of devastation. (Photo: Jane Doe)"
    alone, paged = analyze(body), analyze(body + "\n\n" + caption)
    assert (paged.tone, paged.headline, paged.notes) == (alone.tone, alone.headline, alone.notes)
    # the same words as the writer's own sentence do count
    worded = analyze(body + "\n\n" + caption.split(" (Photo")[0])
    assert worded.notes != alone.notes


def test_a_whole_pasted_page_keeps_exactly_the_article():
    """A page written for this test: navigation, a stray headline and its stamp, a byline,
    a stacked share bar, a caption, link lines, an advertising marker, a credit, tags, a
    newsletter prompt and a copyright line around five paragraphs of article."""
    text = (FIXTURES / "clutter-page.txt").read_text(encoding="utf-8")
    doc = build_document(text)
    kept = [text[p.start : p.end] for p in doc.paragraphs if not doc.in_clutter(p.start, p.end)]
    assert [k.split()[0] for k in kept] == ["HARBOURTON,", "The", '"We', "The", "By"]
    # every line of the page that is not one of those paragraphs is clutter
    for line in text.splitlines():
        if line.strip() and not any(line in k for k in kept):
            start = text.index(line)
            assert doc.in_clutter(start, start + len(line)), line
    result = analyze(text)
    assert any("Ana Ruiz" in s.mention for s in result.sources)
    assert not [s for s in result.sources if doc.in_clutter(s.start, s.end)]
    assert not [n for n in result.notes if n.start is not None and doc.in_clutter(n.start, n.end)]


def test_docs_describe_every_kind_of_rule():
    from footnote.engine.clutter import KINDS

    docs = (Path(__file__).parents[1] / "docs" / "engine.md").read_text(encoding="utf-8")
    section = docs.split("## Page clutter", 1)[1].split("\n## ", 1)[0]
    assert [k for k in KINDS if f"| `{k}` |" not in section] == []
