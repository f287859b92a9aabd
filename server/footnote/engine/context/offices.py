"""Office titles that do not fit the article's date: "President Yanukovych" in 2016.

News copy names office holders by title and surname ("President Putin", "Foreign Minister
Lavrov", "German Chancellor Olaf Scholz"). When the article's date falls outside every
tenure that title and name share in the dated facts (data/kb/facts/offices.toml), the note
says who held the office then: the text may be quoting or reusing older material.

It stays quiet on undated texts, on names without a title, on titles marked as past
("former President X", "ex-chancellor", "then-President", "under President X"), on
sentences that speak of the past ("in 2010 President X said", "who fled in 2014") and a
few days either side of a handover.

One pattern finds every title-and-name: a trie of all titles followed by a trie of all
name forms, compiled once, so the scan costs the same per character however many offices
there are. A match is resolved by two dict look-ups; each sentence is read for past-time
words at most once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from ..attribution.patterns import trie_pattern
from ..model import Document, Finding, Reference
from .facts import Facts, Office, Tenure, ascii_fold
from .kb import human_date, load_kb

_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
_NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w'-]*)")
_WORD_BEFORE = re.compile(r"([A-Z][\w.'&-]*)[ \t]+$")
_NUMBER_NEXT = re.compile(r"[ \t]*\d")
_NUMBER_BEFORE = re.compile(r"\d[ \t]*$")
_BEFORE_WINDOW = 40
_AFTER_WINDOW = 40


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _alternation(fragments) -> str:
    return "|".join(f"(?:{f})" for f in fragments) or r"(?!x)x"


@dataclass(frozen=True, slots=True)
class OfficeMatcher:
    pattern: re.Pattern
    titles: dict[str, frozenset[str]]  # a title's key -> the offices it names
    names: dict[str, tuple[Tenure, ...]]  # a name form's key -> tenures with that form
    exact: frozenset[str]  # name forms as written: capitals matter
    offices: dict[str, Office]
    person_offices: dict[str, tuple[Tenure, ...]]  # a full name -> all that person's tenures
    before: re.Pattern
    after: re.Pattern
    sentence: re.Pattern
    capitalised_ok: frozenset[str]
    grace: int
    checked: date | None


def build_matcher(facts: Facts) -> OfficeMatcher | None:
    titles: dict[str, set[str]] = {}
    names: dict[str, list[Tenure]] = {}
    exact: set[str] = set()
    people: dict[str, list[Tenure]] = {}
    for office in facts.offices:
        for tenure in office.holders:
            people.setdefault(tenure.name, []).append(tenure)
        if not office.titles:  # listed, never matched (see offices.toml)
            continue
        for title in office.titles:
            titles.setdefault(_key(title), set()).add(office.id)
        for tenure in office.holders:
            for form in tenure.names:
                for variant in {form, ascii_fold(form)}:
                    exact.add(" ".join(variant.split()))
                    names.setdefault(_key(variant), []).append(tenure)
    if not titles:
        return None
    ctx = facts.context
    title_re = trie_pattern(sorted(titles), space=r"[ \t]+")
    name_re = trie_pattern(sorted(exact), space=r"[ \t]+")
    pattern = re.compile(
        rf"(?<![\w'.-])(?P<title>{title_re})[ \t]+(?P<name>{name_re})(?![\w-])", re.I
    )
    return OfficeMatcher(
        pattern=pattern,
        titles={k: frozenset(v) for k, v in titles.items()},
        names={k: tuple(dict.fromkeys(v)) for k, v in names.items()},
        exact=frozenset(exact),
        offices={o.id: o for o in facts.offices},
        person_offices={k: tuple(v) for k, v in people.items()},
        before=re.compile(
            rf"(?<![\w])(?:{_alternation(ctx.before)})(?:[ \t-]+[\w.'-]+)?[ \t-]+$", re.I
        ),
        after=re.compile(rf"(?:{_alternation(ctx.after)})(?![\w])", re.I),
        sentence=re.compile(rf"(?<![\w])(?:{_alternation(ctx.sentence)})(?![\w])", re.I),
        capitalised_ok=frozenset(ctx.capitalised_ok),
        grace=facts.grace_days,
        checked=facts.checked,
    )


@cache
def matcher() -> OfficeMatcher | None:
    return build_matcher(load_kb().facts)


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    title: str
    tenures: tuple[Tenure, ...]
    count: int = 1


def find_office_mismatches(doc: Document, taken: Sequence[Finding] = ()) -> list[Finding]:
    """Cautions for titles-and-names that do not fit `doc.published` (none when undated)."""
    day = doc.published
    if day is None:
        return []
    m = matcher()
    if m is None:
        return []
    spans = [(f.start, f.end) for f in taken if f.start is not None and f.end is not None]
    past_sentence: dict[int, tuple[bool, frozenset[int]]] = {}
    found: dict[tuple[str, tuple[str, ...]], _Mention] = {}  # (office, holders' names)
    norm = doc.norm
    for hit in m.pattern.finditer(norm):
        name = " ".join(hit.group("name").split())
        if name not in m.exact:  # "president putin" is not a name as written
            continue
        offices = m.titles.get(_key(hit.group("title")), frozenset())
        tenures = tuple(t for t in m.names.get(_key(name), ()) if t.office in offices)
        if not tenures or any(t.holds_on(day, m.grace) for t in tenures):
            continue
        if _quiet(doc, m, hit, offices, tenures, day, past_sentence):
            continue
        if any(s < hit.end() and hit.start() < e for s, e in spans):
            continue  # a topic note already explains this title
        best = min(tenures, key=lambda t: _distance(t, day))
        same = tuple(t for t in tenures if t.office == best.office)  # "Premier Li": two people
        group = (best.office, tuple(dict.fromkeys(t.name for t in same)))
        if group in found:
            found[group].count += 1
        else:
            found[group] = _Mention(hit.start(), hit.end(), hit.group("title"), same)
    return [_finding(doc, m, mention, day) for mention in found.values()]


def _distance(tenure: Tenure, day: date) -> int:
    if day < tenure.start:
        return (tenure.start - day).days
    return (day - tenure.end).days if tenure.end else 0


def _quiet(doc, m: OfficeMatcher, hit, offices, tenures, day: date, cache_: dict) -> bool:
    norm = doc.norm
    start, end = hit.start(), hit.end()
    before = norm[max(0, start - _BEFORE_WINDOW) : start]
    if m.before.search(before) or _NUMBER_BEFORE.search(before):
        return True  # "former President X"; "at 7 PM Johnson said": a time, not a title
    after = norm[end : end + _AFTER_WINDOW]
    if m.after.match(after):
        return True
    nxt = _NEXT_WORD.match(after)
    if nxt and nxt.group(1) not in m.capitalised_ok:
        return True  # "President Michel Aoun": a longer name, someone else's
    if _NUMBER_NEXT.match(after):
        return True  # "7 PM May 2": a date, not a name
    si = doc.sentence_at(start)
    if len(offices) > 1:  # a bare title: "Gazprom President X" is not a head of state
        word = _WORD_BEFORE.search(before)
        if word and word.group(1) not in m.capitalised_ok:
            return True
    if si not in cache_:
        if doc.sentences:
            s = doc.sentences[si]
            text = norm[s.start : s.end]
        else:
            text = norm
        years = frozenset(int(y) for y in _YEAR.findall(text))
        cache_[si] = (bool(m.sentence.search(text)), years)
    past, years = cache_[si]
    if past:
        return True
    # "In 2010 President X said": a year inside one of the tenures places it in that time.
    for t in tenures:
        last = (t.end or day).year
        if any(t.start.year <= y <= last for y in years):
            return True
    return False


def _periods(tenures: tuple[Tenure, ...]) -> str:
    """'from A until B and again from C': back-to-back tenures (acting, then elected) as one."""
    spans: list[list] = []
    for t in sorted(tenures, key=lambda t: t.start):
        if spans and spans[-1][1] == t.start:
            spans[-1][1] = t.end
        else:
            spans.append([t.start, t.end])
    parts = []
    for i, (start, end) in enumerate(spans):
        again = "again " if i else ""
        until = f" until {human_date(end)}" if end else ""
        parts.append(f"{again}from {human_date(start)}{until}")
    return " and ".join(parts)


def _finding(doc: Document, m: OfficeMatcher, mention: _Mention, day: date) -> Finding:
    office = m.offices[mention.tenures[0].office]
    people = list(dict.fromkeys(t.name for t in mention.tenures))
    person = people[0]
    found = doc.text[mention.start : mention.end]
    when = human_date(day)
    held = " ".join(
        f"{p} held it {_periods(tuple(t for t in mention.tenures if t.name == p))}." for p in people
    )
    notes = [t.note for t in mention.tenures if t.note and t.end and t.end <= day]
    if notes and len(people) == 1:
        held = held[:-1] + f" ({notes[-1]})."
    if len(people) > 1:  # the name as written fits more than one holder: do not guess which
        name = found[len(mention.title) :].strip()
        status = f"no {office.name} was called {name}."
        short = held
    elif day < mention.tenures[0].start:
        status = (
            f"was not yet {office.name}: {person} took office on "
            f"{human_date(mention.tenures[0].start)}."
        )
        short = ""
    else:
        status = f"was no longer {office.name}."
        short = held
    holder = office.holder_on(day)
    if office.abolished and day >= office.abolished:
        then = f"The office was abolished on {human_date(office.abolished)}."
    elif holder is None:
        then = "No holder of the office is listed for that date."
    else:
        known = ""
        if m.checked is not None and day > m.checked:
            known = f", the latest holder in Footnote's list, checked up to {human_date(m.checked)}"
        acting = "acting " if holder.acting else ""
        then = (
            f"The office was held then by {holder.name} ({acting}since "
            f"{human_date(holder.start)}{known})."
        )
    elsewhere = [
        m.offices[t.office].name
        for t in m.person_offices.get(person, ())
        if t.office != office.id and t.holds_on(day) and len(people) == 1
    ]
    also = f" On that date {person} was {elsewhere[0]}." if elsewhere else ""
    more = ""
    if mention.count > 1:
        more = f" The text uses this title for {person} {mention.count - 1} more time(s)."
    subject = "" if len(people) > 1 else f"{person} "
    explanation = (
        f"On {when}, the article's date, {subject}{status} {then} {short}{also} The text "
        f"may be quoting or reusing older material, or its date may be wrong: check when "
        f"the words were written or said.{more}"
    ).replace("  ", " ")
    refs: dict[str, Reference] = {}
    for t in (*mention.tenures, *([holder] if holder else [])):
        refs.setdefault(t.source, Reference(f"{office.name}: {t.name}", t.source))
    return Finding(
        rule="office-holder",
        start=mention.start,
        end=mention.end,
        references=tuple(refs.values()),
        params={
            "found": found,
            "office": office.name,
            "as_of": day.isoformat(),
            "holder_then": holder.name if holder else "",
            "explanation": explanation,
        },
    )


@dataclass(frozen=True, slots=True)
class Dating:
    """When an undated text was most likely written, from the office holders it names with
    their title as current: on or after the latest start of those tenures, and before the
    earliest end. Each bound keeps the words that show it."""

    not_before: tuple[date, str] | None = None
    not_after: tuple[date, str] | None = None


def date_from_titles(doc: Document) -> Dating:
    """Titles-and-names read as current ("President Petro Poroshenko said"), with the same
    quiet cases as the office-holder check: past titles, past-time sentences, a year inside
    the tenure, a name that fits more than one holder."""
    m = matcher()
    if m is None:
        return Dating()
    far = m.checked or date.max
    past_sentence: dict[int, tuple[bool, frozenset[int]]] = {}
    lo: tuple[date, str] | None = None
    hi: tuple[date, str] | None = None
    for hit in m.pattern.finditer(doc.norm):
        name = " ".join(hit.group("name").split())
        if name not in m.exact:
            continue
        offices = m.titles.get(_key(hit.group("title")), frozenset())
        tenures = tuple(t for t in m.names.get(_key(name), ()) if t.office in offices)
        if not tenures or len({t.name for t in tenures}) > 1:
            continue
        if _quiet(doc, m, hit, offices, tenures, far, past_sentence):
            continue
        words = doc.text[hit.start() : hit.end()]
        start = min(t.start for t in tenures)
        end = None if any(t.end is None for t in tenures) else max(t.end for t in tenures if t.end)
        if lo is None or start > lo[0]:
            lo = (start, words)
        if end is not None and (hi is None or end < hi[0]):
            hi = (end, words)
    return Dating(lo, hi)
