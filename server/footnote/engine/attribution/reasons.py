"""Reasons for anonymity given away from the attribution: once for the whole story ("All of
the sources asked not to be named because ...") or later for one source ("The official,
who wasn't authorized to speak publicly, did not say ...")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..model import Sentence, Source
from .kinds import head_noun_of
from .lexicon import Lexicon
from .patterns import starts_word
from .references import Known
from .tokens import SentenceIndex

_ANONYMOUS = ("unnamed_individual", "vague_group")


def apply_reasons(
    ix: SentenceIndex, known: list[Known], attributed: frozenset[int], lex: Lexicon
) -> list[Source]:
    """The known sources with the reasons given elsewhere in the text added."""
    sources = [k.source for k in known]
    if not any(s.kind in _ANONYMOUS for s in sources):
        return sources  # no one to give a reason to: the text is not scanned
    markers = list(_narrated(ix, lex.marker_re, attributed))  # one scan for both readers
    for index, text in _later_reasons(ix, known, attributed, lex, markers):
        sources[index] = replace(sources[index], anonymity_reason=text, anonymity_requested=True)
    story = _story_reason(ix, lex, markers)
    if story:
        said_at, heads, text = story
        sources = [
            replace(s, anonymity_reason=text, anonymity_requested=True)
            if s.kind in _ANONYMOUS
            and not s.anonymity_reason
            and s.start < said_at  # "the sources" are those introduced before it
            and s.cue != "reportedly"
            and _named_by(heads, head_noun_of(ix, (s.start, s.end), lex), s.kind, lex)
            else s
            for s in sources
        ]
    return sources


def _named_by(heads: frozenset[str], head: str, kind: str, lex: Lexicon) -> bool:
    """Whether the subject of a reason given for the group ("both officials", "all of the
    sources", "they") covers a source with this head noun. A named sort ("officials")
    covers that sort only; a general one ("sources", "they") every unnamed person or group
    of the story's informants, but not a collective such as "critics" or "lawmakers"."""
    stems = {h.rstrip("s") for h in heads if h not in lex.group_subjects or h == "officials"}
    if stems:
        return head.rstrip("s") in stems
    return kind == "unnamed_individual" or head in lex.group_heads


def _reason_text(ix: SentenceIndex, start: int, limit: int) -> str:
    stop = start
    while stop < limit and ix.norm[stop] not in ",.;\"'":
        stop += 1
    return ix.doc.text[start:stop].strip()


def _narrated(
    ix: SentenceIndex, pattern: re.Pattern, attributed: frozenset[int]
) -> Iterator[tuple[re.Match, Sentence]]:
    """Each match of `pattern` in a sentence with no attribution of its own, outside any
    quotation, with its sentence."""
    for m in pattern.finditer(ix.norm):
        si = ix.sentence_of(m.start())
        if si in attributed or ix.doc.in_quote(m.start(), m.end()):
            continue
        yield m, ix.doc.sentences[si]


def _later_reasons(
    ix: SentenceIndex,
    known: list[Known],
    attributed: frozenset[int],
    lex: Lexicon,
    markers: list[tuple[re.Match, Sentence]],
) -> Iterator[tuple[int, str]]:
    """A reason in a later sentence with no attribution of its own, whose subject is a
    definite description of one source already introduced: (index into known, reason)."""
    for m, sent in _later_reason_sites(ix, attributed, lex, markers):
        words = [t for t in ix.tokenize(sent.start, m.start()) if t.text[0].isalnum()]
        if len(words) < 2 or words[0].lower not in {"the", "this"}:
            continue
        k = next((j for j, t in enumerate(words[1:5], 1) if t.lower in lex.person_heads), None)
        if k is None:
            continue
        head = words[k].lower
        for index in range(len(known) - 1, -1, -1):
            source = known[index].source
            if source.start >= sent.start:
                continue
            if (
                source.kind in _ANONYMOUS
                and not source.anonymity_reason
                and head in known[index].heads
            ):
                yield index, _reason_text(ix, m.start(), sent.end)
                break


def _later_reason_sites(
    ix: SentenceIndex,
    attributed: frozenset[int],
    lex: Lexicon,
    markers: list[tuple[re.Match, Sentence]],
) -> Iterator[tuple[re.Match, Sentence]]:
    """Reasons said on their own ("who wasn't authorized to ...") and reasons after a
    request ("The person spoke on condition of anonymity because the deal is private"), in
    sentences with no attribution of their own."""
    yield from _narrated(ix, lex.standalone_reason_re, attributed)
    for m, sent in markers:
        reason = lex.reason_re.search(ix.norm, m.end(), sent.end)
        if reason is not None and starts_word(ix.norm, reason.start()):
            yield reason, sent


def _story_reason(
    ix: SentenceIndex, lex: Lexicon, markers: list[tuple[re.Match, Sentence]]
) -> tuple[int, frozenset[str], str] | None:
    """A reason given once for all the story's unnamed sources: a sentence with no
    attribution of its own whose subject is the sources as a group. (Where it ends, the
    subject's nouns, the reason.)"""
    norm = ix.norm
    for m, sent in markers:
        subject = {t.lower for t in ix.tokenize(sent.start, m.start())}
        if not subject & lex.group_subjects:
            continue
        heads = frozenset(w for w in subject if w in lex.person_heads or w in lex.group_subjects)
        reason = lex.reason_re.search(
            norm, sent.start, sent.end
        ) or lex.standalone_reason_re.search(norm, sent.start, sent.end)
        if reason is None or not starts_word(norm, reason.start()):
            continue
        text = _reason_text(ix, reason.start(), sent.end)
        if text:
            return sent.end, heads, text
    return None
