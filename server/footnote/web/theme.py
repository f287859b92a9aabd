"""The names, letters and help lines of the four kinds of note, as the extension shows them.

One visual language for the page, the worksheet and the extension: docs/visual-language.md.
Colours and underline styles live in static/theme.css (a copy of extension/lib/theme.css).
"""

from __future__ import annotations

import re

CATEGORY_LABELS = {
    "sourcing": "Sources",
    "attribution": "Says who?",
    "context": "Background",
    "language": "Wording",
}
CATEGORY_LETTERS = {"sourcing": "S", "attribution": "A", "context": "C", "language": "L"}
CATEGORY_HELP = {
    "sourcing": "Who the information comes from, and how much you can know about them.",
    "attribution": "Statements given as fact without saying where they come from.",
    "context": "Background a reader needs, checked against the article's date.",
    "language": "Word choices that carry a judgement in the writer's own voice.",
}


def reading_order(notes: list[dict], categories: tuple[str, ...] | list[str]) -> list[dict]:
    """Notes with a span by where they start (same start: category order, then the API's
    order), then the notes about the whole text in the API's order. Notes are numbered
    1, 2, 3 … in this order everywhere."""

    def rank(n: dict) -> int:
        return categories.index(n["category"]) if n["category"] in categories else len(categories)

    def key(pair):
        index, n = pair
        spanned = n.get("start") is not None and n.get("end") is not None and n["end"] > n["start"]
        if not spanned:
            return (1, 0, 0, index)
        return (0, n["start"], rank(n), index)

    return [n for _, n in sorted(enumerate(notes), key=key)]


def marker(note: dict, number: int) -> str:
    """A note's marker: its kind's letter and its number, e.g. "A2"."""
    return f"{CATEGORY_LETTERS.get(note['category'], '?')}{number}"


KIND_LABELS = {
    "named_person": "named person",
    "named_organization": "named organization",
    "unnamed_individual": "unnamed individual",
    "vague_group": "vague group",
    "document": "document",
}
# The engine files a counted group ("four officials", "two people close to the talks") as
# unnamed individuals; shown as one of them it reads "unnamed person". Same list in spans.js.
COUNTED = re.compile(
    r"^(?:the\s+|some\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|twenty|thirty|dozens|hundreds|several|a\s+few|a\s+handful|a\s+dozen|a\s+number|both)\b",
    re.IGNORECASE,
)


def kind_label(kind: str, mention: str = "") -> str:
    """How a source's kind is shown: a counted group is a group, not an unnamed person."""
    if kind == "unnamed_individual" and COUNTED.match(mention.strip()):
        return "group of unnamed people"
    return KIND_LABELS.get(kind, kind.replace("_", " "))


def anonymity_reason(source: dict) -> str:
    """The reason column: a vague group ("analysts") is not a source keeping its name back,
    so "no reason given" does not apply to it."""
    if source.get("anonymity_reason"):
        return source["anonymity_reason"]
    if source.get("kind") == "unnamed_individual":
        return "none given"
    return ""


# The summary's tone sentence in plain words; the same bands and reading as plainTone in
# static/spans.js (the page), so the worksheet's key and the page say the same thing.
TONE_FACTUAL_BELOW = 0.35
TONE_OPINION_FROM = 0.5
_TONE_SCORE = re.compile(r"own words score (\d+(?:\.\d+)?) on TextBlob")


def plain_tone(tone: str | None) -> dict | None:
    """{"plain", "found", "measured"} for the engine's tone sentence; a sentence in another
    shape comes back whole as "found" with "plain" empty."""
    text = (tone or "").strip()
    if not text:
        return None
    score = _TONE_SCORE.search(text)
    too_few = "own words use too few opinion-bearing words" in text
    rest = text[text.rindex("; ") + 2 :] if "; " in text else ""
    found = rest[:1].upper() + rest[1:]
    if too_few:
        plain = (
            "The writer's own words have too few opinion words to say whether they are "
            "mostly opinion or mostly factual."
        )
    elif not score:
        return {"plain": "", "found": text, "measured": text}
    elif float(score[1]) >= TONE_OPINION_FROM:
        plain = "The writer's own words are mostly opinion."
    elif float(score[1]) < TONE_FACTUAL_BELOW:
        plain = "The writer's own words are mostly factual."
    else:
        plain = "The writer's own words mix fact and opinion."
    return {"plain": plain, "found": found, "measured": text}
