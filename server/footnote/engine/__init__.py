"""`analyze()`: the stages in order. Every layer (API, CLI, page) calls this and nothing else."""

from __future__ import annotations

import re
import time
from dataclasses import asdict, replace
from datetime import date

from .._version import __version__
from .attribution import find_sources
from .catalogue import load_rules
from .context import find_context, knowledge_version
from .deadline import Clock, OutOfTime, check, deadline
from .document import build_document, fold, paragraphs
from .gaps import find_gaps
from .language import find_language
from .model import Analysis, Attribution, Document, Finding, Source
from .notes import make_notes
from .summary import summarize

__all__ = [
    "analyze",
    "to_dict",
    "paragraph_spans",
    "knowledge_version",
    "preload",
    "OutOfTime",
    "parse_date",
]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(value: str) -> date:
    """A date written YYYY-MM-DD, and only that: Python's date.fromisoformat also takes
    "20240501" and "2024-W18-3", which the API contract does not. ValueError otherwise."""
    if not _ISO_DATE.fullmatch(value):
        raise ValueError(f"not a date written YYYY-MM-DD: {value!r}")
    return date.fromisoformat(value)


def preload() -> None:
    """Read, validate and compile every data file now (rules, knowledge base, dated facts,
    phrase lists), so a malformed file fails at start-up with its file and key named, and a
    server's forked workers share what was compiled."""
    from .attribution.lexicon import load_lexicon
    from .context.offices import matcher
    from .context.scan import scanner

    load_rules()
    load_lexicon()
    scanner()
    matcher()


def analyze(
    text: str,
    *,
    published: date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    as_of: date | str | None = None,
    clock: Clock | None = None,
    budget: float | None = None,
) -> Analysis:
    """Analyse an article's text. `published` (a date or "YYYY-MM-DD") is the date the
    article is read as of for background and out-of-date notes; without it the notes speak
    conditionally. `as_of` is the reader's today, passed in (the engine never reads the
    clock): on an article older than it, context notes say first what changed since.

    With a `clock` (a callable returning seconds, e.g. time.monotonic) and a `budget` in
    seconds, the analysis stops with OutOfTime once it has run that long (see deadline.py);
    the engine reads no clock but the one it is given."""
    began = time.perf_counter()
    if isinstance(published, str):
        published = parse_date(published)
    if isinstance(as_of, str):
        as_of = parse_date(as_of)
    with deadline(clock, budget):
        doc = build_document(text, title=title, published=published, url=url)
        check()
        sources, attributions = _outside_clutter(doc, *find_sources(doc))
        check()
        findings = list(find_gaps(doc, sources, attributions))
        check()
        findings += find_context(doc, sources, as_of)
        check()
        language = find_language(doc, sources, attributions)
        check()
        findings += language.findings
        findings = [f for f in findings if not _on_clutter(doc, f)]
        notes = make_notes(findings, text, load_rules())
        headline, counts, tone = summarize(sources, notes, language.headline)
    meta = {
        "version": __version__,
        "knowledge_version": knowledge_version(),
        "characters": len(text),
        "published": published.isoformat() if published else None,
        "as_of": as_of.isoformat() if as_of else None,
        "elapsed_ms": round((time.perf_counter() - began) * 1000, 2),
    }
    return Analysis(headline, counts, sources, notes, meta, tone)


def _outside_clutter(
    doc: Document, sources: tuple[Source, ...], attributions: tuple[Attribution, ...]
) -> tuple[tuple[Source, ...], tuple[Attribution, ...]]:
    """Drop what attribution found in page clutter (captions, "Read also: ..." lines, share
    bars): an attribution whose cue is there, and a source left with none outside it."""
    if not doc.clutter:
        return sources, attributions
    kept = tuple(a for a in attributions if not doc.in_clutter(a.cue_start, a.cue_end))
    left: dict[str, int] = {}
    for a in kept:
        left[a.source_id] = left.get(a.source_id, 0) + 1
    out = []
    for s in sources:
        if not left.get(s.id) or doc.in_clutter(s.start, s.end):
            continue
        out.append(s if left[s.id] == s.attributions else replace(s, attributions=left[s.id]))
    ids = {s.id for s in out}
    return tuple(out), tuple(a for a in kept if a.source_id in ids)


def _on_clutter(doc: Document, finding: Finding) -> bool:
    return finding.start is not None and doc.in_clutter(finding.start, finding.end)


def to_dict(analysis: Analysis) -> dict:
    """The API contract's JSON shape."""
    return {
        "summary": {
            "headline": analysis.headline,
            "counts": analysis.counts,
            "tone": analysis.tone,
        },
        "sources": [
            {
                "id": s.id,
                "mention": s.mention,
                "start": s.start,
                "end": s.end,
                "kind": s.kind,
                "anonymity_reason": s.anonymity_reason,
                "relayed_by": s.relayed_by,
                "cue": s.cue,
                "attributions": s.attributions,
            }
            for s in analysis.sources
        ],
        "notes": [
            {**asdict(n), "references": [asdict(r) for r in n.references]} for n in analysis.notes
        ],
        "meta": dict(analysis.meta),
    }


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph as the engine splits the text (the worksheet numbers them)."""
    return [(p.start, p.end) for p in paragraphs(fold(text))]
