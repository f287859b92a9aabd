"""Dated facts and offices read against a mention: a fact presented as current
after it changed, a title that no longer fits."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..model import Document
from .kb import Fact, KnowledgeBase, Topic, human_date
from .mentions import (
    _ACK_AFTER,
    _ACK_BEFORE,
    _TITLE_PREFIX,
    _TOKEN,
    Mention,
    _anchored_in,
    _classes_in,
    _framed,
    _has,
    _holder_at,
    _named_holder,
    _near_mention,
    _sentence_text,
)


@dataclass(frozen=True, slots=True)
class Outdated:
    mention: Mention
    changed: str
    quoted: bool
    phrase: str = ""  # the words that present it as current
    ended: date | None = None  # the day it stopped holding (None: it had not yet begun)


def _check_facts(doc: Document, kb: KnowledgeBase, topic: Topic, mentions, as_of: date):
    for fact in topic.facts:
        if fact.holds_on(as_of):
            continue
        # The writer shows they know it changed: no outdated note for this fact.
        if any(
            _near_mention(kb, fact.unless, doc, m, _ACK_BEFORE, _ACK_AFTER)
            for m in mentions
            if _subject_ok(fact, _sentence_text(doc, m)[1])
        ):
            continue
        framed = []
        for m in mentions:
            sentence = _sentence_text(doc, m)[1]
            phrase = _framed(kb, fact.framing, doc, m) if _subject_ok(fact, sentence) else None
            if phrase is None or _anchored_in(sentence, fact.valid_from, fact.valid_to):
                continue
            quoted = doc.in_quote(m.start, m.end) is not None or _reported(kb, fact, doc, m)
            framed.append(
                Outdated(
                    m,
                    _changed(fact, as_of),
                    quoted,
                    doc.text[slice(*phrase)],
                    fact.valid_to if fact.valid_to and fact.valid_to <= as_of else None,
                )
            )
        if framed:
            # the writer's own words count first; a quoted speaker's only when nothing else
            return next((o for o in framed if not o.quoted), framed[0])
    return None


_RELATIVE = re.compile(r"\s*,\s*(?:which|that)\b[^;]*", re.I)


def _reported(kb: KnowledgeBase, fact: Fact, doc: Document, m: Mention) -> bool:
    """The sentence reports someone's words ("Moscow insists that ..."), and the writer does
    not add the framing in their own relative clause ("..., which aim to ...")."""
    s0, sentence = _sentence_text(doc, m)
    if not _classes_in(kb, ("reported-speech",), sentence):
        return False
    clause = _RELATIVE.match(sentence, m.end - s0)
    return not (clause and _classes_in(kb, fact.framing, clause.group()))


def _subject_ok(fact: Fact, sentence: str) -> bool:
    if not fact.subject:
        return True
    tokens = set(_TOKEN.findall(sentence.lower()))
    return _has(fact.subject, sentence.lower(), tokens)


def _changed(fact: Fact, as_of: date) -> str:
    if fact.valid_from and as_of < fact.valid_from:
        return f"On that date this was not yet so: it holds from {human_date(fact.valid_from)}."
    return fact.changed


def _check_office(doc: Document, kb: KnowledgeBase, topic: Topic, mentions, as_of: date):
    """A holder named with the title and not marked as former, on a date outside the term."""
    for m in mentions:
        named = _named_holder(doc, topic, m)
        if named is None or named[0].holds_on(as_of):
            continue
        holder = named[0]
        prefix = doc.norm[max(0, m.start - _TITLE_PREFIX) : m.start]
        if kb.cues.classes["former-title"].search(prefix):
            continue
        sentence = _sentence_text(doc, m)[1]
        if _anchored_in(sentence, holder.valid_from, holder.valid_to):
            continue
        if kb.cues.classes["lapse"].search(sentence):
            continue
        current = _holder_at(topic, as_of)
        if as_of < holder.valid_from:
            changed = f"{holder.name} took office only on {human_date(holder.valid_from)}."
        else:
            ended = human_date(holder.valid_to) if holder.valid_to else "?"
            changed = f"{holder.name}'s term ended on {ended}."
        if current:
            changed += (
                f" {current.name} has held the office since {human_date(current.valid_from)}."
            )
        span = Mention(named[1], named[2], m.sentence)
        quoted = doc.in_quote(m.start, m.end) is not None
        left = holder.valid_to if as_of >= holder.valid_from else None
        return Outdated(span, changed, quoted, doc.text[span.start : span.end], left)
    return None
