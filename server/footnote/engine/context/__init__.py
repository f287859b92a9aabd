"""Context stage: background notes from the knowledge base, checked against the article's date.

One scan finds every known name (scan.py); weak names count only with the right words
nearby (mentions.py). Dated facts and offices are read in dated.py and offices.py, the
notes are worded in wording.py, and state-affiliated outlets are found in outlets.py.
Each topic gets one note, at its first mention: background (info), or outdated (warning)
when the writer presents as current something that had ended by the article's date.
State-affiliated outlets used as sources, names whose acronyms do not fit, and
Russian-style spellings get their own notes."""

from __future__ import annotations

from datetime import date

from ..model import Document, Finding, Source
from .acronyms import find_name_issues
from .kb import load_kb
from .mentions import _named_outright, _not_before, _placed_after, _Reading, _topic_mentions
from .offices import date_from_titles, find_office_mismatches
from .outlets import _state_media
from .scan import scanner
from .wording import _name_finding, _topic_finding


def knowledge_version() -> str:
    """The declared version and a hash of the data files, e.g. "2026-11-25.1+3f9a0c12d4"."""
    kb = load_kb()
    return f"{kb.version}+{kb.digest}"


def find_context(
    doc: Document, sources: tuple[Source, ...], as_of: date | None = None
) -> list[Finding]:
    """Context findings for one article, read as of `doc.published` (or, undated, the KB's
    date). `as_of` is the reader's today, passed in: on an older article, each topic's note
    first says what changed after the article's date ("Since this article was published")."""
    kb = load_kb()
    on = doc.published or kb.as_of
    hits = [h for h in scanner().scan(doc.norm) if not doc.in_clutter(h.start, h.end)]
    findings: list[Finding] = []
    issues = find_name_issues(doc, kb, hits)
    covered = {i.institution.topic for i in issues if i.institution and i.institution.topic}
    findings += [_name_finding(doc, issue) for issue in issues]
    mentions = _topic_mentions(doc, kb, hits)
    read = _Reading(on, as_of if doc.published and as_of and as_of > on else None)
    if doc.published is None and mentions:  # dating only matters to the topics' notes
        dating = date_from_titles(doc)
        early = [d for d in (_not_before(doc, kb, mentions), dating.not_before) if d]
        read = _Reading(
            on, None, max(early, key=lambda d: d[0]) if early else None, dating.not_after
        )
    for topic_id, found in mentions.items():
        if topic_id in covered:
            continue
        begins = kb.topics[topic_id].counts_from
        written = doc.published or (read.not_after[0] if read.not_after else None)
        if begins and written and written < begins:
            continue  # "Russia's invasion" in 2014: not the topic that began later
        if (
            begins
            and not doc.published
            and not _placed_after(read, begins)
            and not any(_named_outright(doc, topic_id, m) for m in found)
        ):
            continue  # undated, only "invasion": it may well mean an earlier one
        findings.append(_topic_finding(doc, kb, kb.topics[topic_id], found, read))
    findings += find_office_mismatches(doc, findings)  # dated texts only
    findings += _state_media(doc, kb, hits, sources)
    return findings
