"""The wording of context notes: the background, "since this was published",
undated and unnamed leads, name issues."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..model import Document, Finding
from .acronyms import NameIssue
from .dated import _check_facts, _check_office
from .kb import MONTHS, KnowledgeBase, Topic, human_date
from .mentions import Mention, _holder_at, _named_holder, _Reading, _setting_words


def _date_note(doc: Document, kb: KnowledgeBase, read: _Reading) -> str:
    as_of = read.on
    if doc.published and as_of > kb.as_of:
        return (
            f"Read as of the article's date, {human_date(as_of)}; the knowledge base was last "
            f"checked on {human_date(kb.as_of)}, so later changes are not known to it."
        )
    if doc.published and read.today:
        note = (
            f"Background as of the article's date, {human_date(as_of)}; "
            f"read on {human_date(read.today)}."
        )
        if read.today > kb.as_of:
            note += f" The knowledge base was last checked on {human_date(kb.as_of)}."
        return note
    if doc.published:
        return f"Read as of the article's date, {human_date(as_of)}."
    return (
        "The article has no date, so Footnote cannot tell which of these events its writer "
        f"knew of (the knowledge base was last checked on {human_date(kb.as_of)})."
    )


def _timeline(topic: Topic, as_of: date, last: int = 4, dated: bool = True) -> str:
    events = [e for e in topic.timeline if e.date <= as_of]
    if not events:
        return ""
    shown = events[-last:]
    head = " Timeline up to that date: " if dated else " Timeline: "
    return head + " ".join(f"{e.when}: {e.event}" for e in shown)


def _since(topic: Topic, after: date, until: date) -> list[str]:
    """What changed after the article's date, up to the reader's today, as plain clauses."""
    return [e.since for e in topic.timeline if e.since and after < e.date <= until]


def _since_sentence(clauses: list[str]) -> str:
    return "Since this article was published, " + "; ".join(clauses) + "."


def _month(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def _undated_lead(
    topic: Topic, not_before: date | None = None, not_after: tuple[date, str] | None = None
) -> str:
    """For a text with no date: what a writer before the first change could not know
    (only changes after the earliest date the text itself shows, when it shows one)."""
    events = [e for e in topic.timeline if e.since and (not_before is None or e.date > not_before)]
    if not events:
        return ""
    clauses = "; ".join(e.since or "" for e in events[:3])
    if not_after and events[0].date >= not_after[0]:
        return (
            f"The article has no date, but it names '{not_after[1]}' as in office, which "
            f"most likely places it before {human_date(not_after[0])}; its writer could not "
            f"know what came later: {clauses}. "
        )
    if topic.undated:
        return topic.undated + " "
    return (
        f"If this was written before {_month(events[0].date)}, its writer could not know "
        f"what came later: {clauses}. "
    )


def _others(doc: Document, mentions: list[Mention], first: Mention) -> str:
    rest = [m for m in mentions if m is not first and not m.backref]
    if not rest:
        return ""
    forms = []
    for m in rest:
        form = doc.text[m.start : m.end]
        if form not in forms:
            forms.append(form)
    shown = ", ".join(f"'{f}'" for f in forms[:4])
    times = "once more" if len(rest) == 1 else f"{len(rest)} more times"
    return f" The text mentions it {times} ({shown})."


def _lower_the(title: str) -> str:
    return "the" + title[3:] if title.startswith("The ") else title


def _unnamed_lead(doc: Document, kb: KnowledgeBase, topic: Topic, first: Mention) -> str:
    if not first.unnamed or topic.unnamed is None:
        return ""
    found = doc.text[first.start : first.end]
    words = _setting_words(doc, topic.unnamed.setting)
    shown = ", ".join(f"'{w}'" for w in words[:4])
    when = (
        f"the article is dated {human_date(doc.published)}"
        if doc.published
        else "the article has no date, so this is less certain"
    )
    return (
        f"The text does not name {_lower_the(topic.title)} outright, but '{found}' most "
        f"likely refers to it: "
        f"{topic.unnamed.why} (the text mentions {shown}), and {when}. "
    )


def _topic_finding(doc, kb, topic: Topic, mentions: list[Mention], read: _Reading) -> Finding:
    as_of = read.on
    real = [m for m in mentions if not m.backref]
    first = real[0]
    date_note = _date_note(doc, kb, read)
    others = _others(doc, mentions, first)
    base = {"topic_title": topic.title, "as_of": as_of.isoformat(), "date_note": date_note}
    if topic.kind == "spelling":
        quoted = doc.in_quote(first.start, first.end) is not None
        who = "A quoted speaker uses" if quoted else "The text uses"
        found = doc.text[first.start : first.end]
        return Finding(
            rule="spelling",
            start=first.start,
            end=first.end,
            topic=topic.id,
            references=topic.references,
            params={
                **base,
                "found": found,
                "preferred": topic.preferred or "",
                "explanation": f"{who} '{found}'. {topic.summary}{others}",
            },
        )
    if topic.kind == "office":
        outdated = _check_office(doc, kb, topic, real, as_of)
    else:
        outdated = _check_facts(doc, kb, topic, mentions, as_of)
    since = _since(topic, as_of, read.today) if read.today else []
    undated = doc.published is None
    ended = outdated.ended if outdated else None
    if undated and read.not_after and ended and read.not_after[0] <= ended:
        outdated = None  # written, most likely, while it still held
    if outdated and undated:
        known = read.not_before
        if not (known and outdated.ended and known[0] >= outdated.ended):
            # no date and nothing that dates it: say when it would have been out of date
            if outdated.ended:
                lead = (
                    f"The text presents this as current ('{outdated.phrase}'). If it was "
                    f"written on or after {human_date(outdated.ended)}, that was already out "
                    f"of date: {outdated.changed} "
                )
            else:
                lead = f"The text presents this as current ('{outdated.phrase}'). "
            return _background(
                doc, topic, first, base, lead, as_of, date_note, others, False, conditional=True
            )
        date_note = (
            f"The article has no date; it is read as written on or after {human_date(known[0])}."
        )
        outdated = replace(
            outdated,
            changed=(
                f"The article has no date, but it names '{known[1]}', so it was written on or "
                f"after {human_date(known[0])}. {outdated.changed}"
            ),
        )
    if outdated:
        m = outdated.mention
        after = f" {_since_sentence(since)}" if since else ""
        by = "by then" if undated else f"by {human_date(as_of)}"
        if outdated.quoted:  # a quoted speaker presents it as current: a caution
            rule = "context-outdated-quoted"
            explanation = (
                f"A speaker quoted or reported here presents this as current "
                f"('{outdated.phrase}'), but {by} it had changed. "
                f"{outdated.changed} The writer does not say so.{after} {date_note} "
                f"{topic.summary}{others}"
            )
        else:
            rule = "context-outdated"
            explanation = (
                f"The text presents this as current ('{outdated.phrase}'), but {by} it "
                f"had changed. {outdated.changed}{after} "
                f"{date_note} {topic.summary}{others}"
            )
        return Finding(
            rule=rule,
            start=m.start,
            end=m.end,
            topic=topic.id,
            references=topic.references,
            params={**base, "changed": outdated.changed, "explanation": explanation},
        )
    lead = _unnamed_lead(doc, kb, topic, first)
    if since:
        lead = f"{_since_sentence(since)} {lead}"
    start, end = first.start, first.end
    if topic.kind == "office":
        current = _holder_at(topic, as_of)
        named = _named_holder(doc, topic, first)
        if undated and named:
            start, end = named[1], named[2]
            held = (
                f"until {human_date(named[0].valid_to)}"
                if named[0].valid_to
                else f"and still held it on {human_date(kb.as_of)}"
            )
            lead += (
                f"{named[0].name} took this office on {human_date(named[0].valid_from)} "
                f"{held}; the title fits a text written in that time. "
            )
        elif named and named[0] is current:
            start, end = named[1], named[2]
            lead += (
                f"{current.name} has held this office since {human_date(current.valid_from)}, "
                f"so the title fits on {human_date(as_of)}. "
            )
        elif current and not undated:
            lead += f"On {human_date(as_of)} the office was held by {current.name}. "
    earliest = read.not_before[0] if read.not_before else None
    finding = _background(
        doc,
        topic,
        first,
        base,
        lead,
        as_of,
        date_note,
        others,
        bool(since),
        not_before=earliest,
        not_after=read.not_after,
    )
    return replace(finding, start=start, end=end)


def _background(
    doc,
    topic,
    first,
    base,
    lead,
    as_of,
    date_note,
    others,
    since,
    *,
    conditional=False,
    not_before: date | None = None,
    not_after: tuple[date, str] | None = None,
) -> Finding:
    """A background note (or, with `since`, a since-published one). An undated text gets a
    conditional sentence: what a writer before the first change could not know."""
    undated = doc.published is None
    if undated and not conditional:
        lead += _undated_lead(topic, not_before, not_after)
    timeline = ""
    if topic.kind != "office":
        timeline = _timeline(topic, as_of, dated=not undated)
    return Finding(
        rule="context-since" if since else "context-background",
        start=first.start,
        end=first.end,
        topic=topic.id,
        references=topic.references,
        params={
            **base,
            "explanation": f"{lead}{topic.summary}{timeline} {date_note}{others}",
        },
    )


def _name_finding(doc: Document, issue: NameIssue) -> Finding:
    inst = issue.institution
    written = doc.text[issue.start : issue.end]
    if issue.acronym is None and inst is not None:
        return Finding(
            rule="name-mismatch",
            start=issue.start,
            end=issue.end,
            topic=inst.topic,
            references=inst.references,
            params={
                "found": written,
                "explanation": (
                    f"No body called '{written}' is known. The closest known body is "
                    f"{inst.names[0]} ({inst.acronym}): {inst.about}."
                ),
            },
        )
    if inst is not None:
        known = (
            f"{issue.acronym} is the acronym of the {inst.names[0]}"
            if not inst.names[0].lower().startswith("the ")
            else f"{issue.acronym} is the acronym of {inst.names[0]}"
        )
        explanation = (
            f"The text writes '{written}', but the letters {issue.acronym} do not fit "
            f"'{issue.name}'. What is known: {known}, {inst.about}."
        )
        refs = inst.references
    else:
        explanation = (
            f"The text writes '{written}', but the letters {issue.acronym} cannot be read "
            f"off '{issue.name}', and no body with that name and acronym is known. The "
            f"acronym may come from another language or another name."
        )
        refs = ()
    return Finding(
        rule="acronym-mismatch",
        start=issue.start,
        end=issue.end,
        topic=inst.topic if inst else None,
        references=refs,
        params={"found": written, "acronym": issue.acronym, "explanation": explanation},
    )
