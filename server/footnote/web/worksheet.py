"""A printable worksheet built from an analysis: the article with numbered markers, questions
generated from the notes, and a teacher's answer key.

Pure functions over the API's JSON shape, so the worksheet says exactly what the API says.
Question wording is data (data/worksheet/questions.toml), keyed by rule and by category.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from string import Formatter
from urllib.parse import urlsplit

from ..engine import paragraph_spans
from ..engine.catalogue import CATEGORIES
from .theme import marker, reading_order

EXCERPT_LIMIT = 90


class QuestionsError(ValueError):
    """The question file is malformed; the message names the section and the field."""


@dataclass(frozen=True, slots=True)
class Template:
    question: str
    answer: str


@dataclass(frozen=True, slots=True)
class About:
    """A question for notes about one kind of subject (an event, an agreement, a body …)."""

    subject: str
    topics: frozenset[str]  # knowledge-base topic ids
    rules: frozenset[str]  # the rules whose notes it applies to
    template: Template


@dataclass(frozen=True, slots=True)
class Questions:
    default: Template
    by_category: dict[str, Template]
    by_rule: dict[str, Template]
    summary: tuple[Template, ...]
    repeat: Template | None = None  # for a later note from a rule already asked about
    about: tuple[About, ...] = ()

    def for_subject(self, note: dict) -> Template | None:
        for about in self.about:
            if note.get("topic") in about.topics and note["rule"] in about.rules:
                return about.template
        return None


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    note_ids: tuple[str, ...]  # the notes whose span covers this piece of text
    category: str | None  # the category shown for it (the narrowest covering note's)
    markers: tuple[int, ...]  # note numbers whose span ends here
    marker_categories: tuple[str, ...] = ()  # the category of each of those notes


@dataclass(frozen=True, slots=True)
class Paragraph:
    number: int
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class Question:
    number: int
    text: str
    answer: str
    note: dict | None  # the note it was made from (None for the closing questions)
    repeat: bool = False  # refers back to an earlier question from the same rule
    label: str = ""  # the note's marker in the text ("S1"), empty for the closing questions


@dataclass(frozen=True, slots=True)
class Worksheet:
    title: str | None
    published: str | None
    url: str | None  # a web address (http or https) or None
    outlet: str | None  # from the address's host, else from the end of the headline
    paragraphs: tuple[Paragraph, ...]
    questions: tuple[Question, ...]
    result: dict  # the API's answer, for the answer key (summary, sources)
    labels: dict[int, str]  # note number -> its marker in the text, "S1"


def _template(raw, where: str) -> Template:
    if not isinstance(raw, dict):
        raise QuestionsError(f"{where}: must be a table")
    for field in ("question", "answer"):
        if not isinstance(raw.get(field), str) or not raw[field].strip():
            raise QuestionsError(f"{where}: field '{field}' is missing or empty")
    return Template(raw["question"], raw["answer"])


def parse_questions(data: dict) -> Questions:
    default = _template(data.get("default"), "[default]")
    try:
        _fill(default.question + default.answer, {"where": "", "where_lower": "", "title": ""})
    except (KeyError, IndexError) as exc:
        raise QuestionsError(
            f"[default]: may only use {{where}} and {{title}}, not {exc}"
        ) from None
    by_category = {}
    for name, raw in data.get("category", {}).items():
        if name not in CATEGORIES:
            raise QuestionsError(f"[category.{name}]: not a category {CATEGORIES}")
        by_category[name] = _template(raw, f"[category.{name}]")
    by_rule = {name: _template(raw, f"[rule.{name}]") for name, raw in data.get("rule", {}).items()}
    summary = data.get("summary", {})
    qs, ans = summary.get("questions", []), summary.get("answers", [])
    if len(qs) != len(ans) or not all(isinstance(s, str) and s for s in qs + ans):
        raise QuestionsError("[summary]: 'questions' and 'answers' must be lists of equal length")
    repeat = _template(data["repeat"], "[repeat]") if "repeat" in data else None
    about = tuple(_about(name, raw) for name, raw in data.get("about", {}).items())
    seen: dict[tuple[str, str], str] = {}
    for a in about:
        for pair in ((t, r) for t in a.topics for r in a.rules):
            if pair in seen:
                raise QuestionsError(
                    f"[about.{a.subject}]: topic '{pair[0]}' is also under [about.{seen[pair]}]"
                )
            seen[pair] = a.subject
    return Questions(default, by_category, by_rule, tuple(map(Template, qs, ans)), repeat, about)


def _about(name: str, raw) -> About:
    where = f"[about.{name}]"
    template = _template(raw, where)
    lists = {}
    for field, default in (("topics", None), ("rules", ["context-background"])):
        value = raw.get(field, default)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise QuestionsError(f"{where}: field '{field}' must be a list of names")
        lists[field] = frozenset(value)
    return About(name, lists["topics"], lists["rules"], template)


@cache
def load_questions() -> Questions:
    path = resources.files("footnote") / "data" / "worksheet" / "questions.toml"
    return parse_questions(tomllib.loads(path.read_text(encoding="utf-8")))


def shorten(text: str, limit: int = EXCERPT_LIMIT) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(",;:") + "…"


def _fill(template: str, params: dict) -> str:
    return Formatter().vformat(template, (), params)


def _first_that_fits(templates: list[Template], params: dict) -> tuple[str, str]:
    for t in templates:
        try:
            return _fill(t.question, params), _fill(t.answer, params)
        except (KeyError, IndexError):
            continue
    raise AssertionError("unreachable: parse_questions checks that [default] always fits")


def _segments(text: str, start: int, end: int, spans, marker_at: dict, numbers: dict):
    """Cut text[start:end] at every note boundary inside it."""
    cuts = {start, end}
    for s, e, n in spans:
        if s < end and e > start:
            cuts.update(c for c in (s, e, marker_at[n["id"]]) if start < c < end)
    edges = sorted(cuts)
    out = []
    for a, b in zip(edges, edges[1:], strict=False):
        covering = sorted(((e - s, n) for s, e, n in spans if s <= a and b <= e), key=_first)
        ending = sorted(
            (numbers[n["id"]], n["category"]) for _, n in covering if marker_at[n["id"]] == b
        )
        out.append(
            Segment(
                text=text[a:b],
                note_ids=tuple(n["id"] for _, n in covering),
                category=covering[0][1]["category"] if covering else None,
                markers=tuple(number for number, _ in ending),
                marker_categories=tuple(category for _, category in ending),
            )
        )
    return tuple(out)


def _first(pair):
    return pair[0]


# "Headline | Outlet", "Headline – Outlet", "Headline - Outlet Name": a short last part.
_TITLE_OUTLET = re.compile(r"^(?P<head>.{8,}?)\s+(?:\||–|—|-)\s+(?P<outlet>[A-Z0-9][^|–—]{0,38})$")


def web_address(url: str | None) -> str | None:
    """The address as given when it is a web address (http or https), else None."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and parts.hostname else None


def outlet_of(url: str | None, title: str | None) -> tuple[str | None, str | None]:
    """(outlet, headline): the outlet from the address's host ("www." dropped), else from a
    short last part of the headline after " | ", " – " or " - " (which then leaves the
    headline). Nothing is looked up: the outlet is what the address or headline says."""
    address = web_address(url)
    if address:
        host = urlsplit(address).hostname or ""
        return re.sub(r"^(?:www\d?|m|amp)\.", "", host), title
    match = _TITLE_OUTLET.match(title or "")
    if match and len(match["outlet"].split()) <= 4:
        return match["outlet"].strip(), match["head"].strip()
    return None, title


def build_worksheet(
    text: str,
    result: dict,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    questions: Questions | None = None,
) -> Worksheet:
    questions = questions or load_questions()
    bounds = paragraph_spans(text)
    notes = reading_order(result["notes"], CATEGORIES)
    numbers = {n["id"]: i for i, n in enumerate(notes, start=1)}
    labels = {numbers[n["id"]]: marker(n, numbers[n["id"]]) for n in notes}
    spans = [
        (n["start"], n["end"], n)
        for n in notes
        if n.get("start") is not None and n.get("end") is not None and n["end"] > n["start"]
    ]
    # A note's marker goes where it ends, or at the end of the last paragraph it touches
    # when it reaches past it, so every note is marked exactly once.
    marker_at = {}
    for s, e, n in spans:
        touched = [pe for ps, pe in bounds if ps < e and pe > s]
        marker_at[n["id"]] = min(e, touched[-1]) if touched else e
    paragraphs = tuple(
        Paragraph(i, _segments(text, ps, pe, spans, marker_at, numbers))
        for i, (ps, pe) in enumerate(bounds, start=1)
    )

    starts = [ps for ps, _ in bounds]
    sources = {s["id"]: s for s in result.get("sources", [])}
    out = []
    first_for_rule: dict[str, int] = {}
    for n in notes:
        params = {"title": n["title"], "where": "The text", "where_lower": "the whole text"}
        if n.get("start") is not None and starts:
            para = max(bisect.bisect_right(starts, n["start"]) - 1, 0)
            params["where"] = f"Paragraph {para + 1}"
            params["where_lower"] = f"paragraph {para + 1}"
        if n.get("excerpt"):
            params["excerpt"] = shorten(n["excerpt"])
        source = sources.get(n.get("source_id") or "")
        if source:
            params["mention"] = shorten(source["mention"])
            if source.get("relayed_by"):
                params["relay"] = source["relayed_by"]
        templates = [
            t
            for t in (
                questions.for_subject(n),
                questions.by_rule.get(n["rule"]),
                questions.by_category.get(n["category"]),
                questions.default,
            )
            if t
        ]
        number = numbers[n["id"]]
        first = first_for_rule.setdefault(n["rule"], number)
        if first != number and questions.repeat:
            try:
                params["first"] = first
                q, a = (
                    _fill(questions.repeat.question, params),
                    _fill(questions.repeat.answer, params),
                )
                out.append(Question(number, q, a, n, repeat=True, label=labels[number]))
                continue
            except (KeyError, IndexError):
                pass
        q, a = _first_that_fits(templates, params)
        out.append(Question(number, q, a, n, label=labels[number]))
    counts = result["summary"]["counts"]
    named = counts.get("named_person", 0) + counts.get("named_organization", 0)
    total = counts.get("sources", 0)
    unnamed = counts.get("unnamed_individual", 0) + counts.get("vague_group", 0)
    documents = counts.get("document", 0)
    summary_params = {
        "sources": total,
        "sources_phrase": f"{total} source" if total == 1 else f"{total} sources",
        "named": named,
        "anonymous": counts.get("anonymous", 0),
        "unnamed": unnamed,
        "documents": documents,
        "documents_phrase": f"{documents} document" if documents == 1 else f"{documents} documents",
        "relayed": counts.get("relayed", 0),
    }
    for t in questions.summary:
        q, a = _fill(t.question, summary_params), _fill(t.answer, summary_params)
        out.append(Question(len(out) + 1, q, a, None))
    outlet, heading = outlet_of(url, title)
    return Worksheet(
        title=heading,
        published=published,
        url=web_address(url),
        outlet=outlet,
        paragraphs=paragraphs,
        questions=tuple(out),
        result=result,
        labels=labels,
    )
