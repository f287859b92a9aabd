"""Finding cues ("said", "according to", "it is reported", "in X's view") and keeping the
right ones: cues nested in reported speech or inside another speaker phrase are dropped."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..deadline import check
from .flags import relay_through_outlets
from .forms import hearsay_adverbs, hearsay_reports, split_outlets
from .gate import may_speak
from .kinds import classify, clause_start
from .lexicon import Lexicon
from .outlets import is_outlet
from .patterns import starts_word
from .phrases import right_phrase
from .speakers import find_speakers
from .tokens import Candidate, SentenceIndex, token_index


def find_candidates(ix: SentenceIndex, lex: Lexicon) -> list[Candidate]:
    norm = ix.norm
    blocked = [
        (m.start(), m.end())
        for m in lex.non_attribution_re.finditer(norm)
        if starts_word(norm, m.start())
    ]
    out: list[Candidate] = []
    seen_cues: set[int] = set()

    for v in lex.view_noun_re.finditer(norm):
        # "in the minister's view": find the "'s view" first, then look back for "in"
        m = lex.in_view_re.search(norm, max(0, v.start() - 80), v.end())
        if m is None or m.end() != v.end() or ix.doc.in_quote(m.start(), m.end()):
            continue
        si = ix.sentence_of(m.start())
        out.append(Candidate(m.start(1), m.end(1), _VIEW, m.start(), m.end(), si))
        seen_cues.add(m.end())
    for v in lex.said_noun_re.finditer(norm):
        # "rejected Senator Cole's allegations": find the "'s allegations" first, then its
        # capitalised owner just before it
        owner = _owner_of_words(ix, v.start(), v.end(), lex)
        if owner is not None:
            si = ix.sentence_of(owner[0])
            out.append(Candidate(owner[0], owner[1], _SAID_NOUN, v.start(), v.end(), si))
            seen_cues.add(v.end())
    for v in lex.passive_verb_re.finditer(norm):
        # "it is widely reported": find the participle first, then look back for "it is"
        m = lex.passive_it_re.search(norm, max(0, v.start() - 40), v.end())
        if m is None or m.end() != v.end() or ix.doc.in_quote(m.start(), m.end()):
            continue
        si = ix.sentence_of(m.start())
        seen_cues.add(m.end())
        agent = _passive_agent(ix, si, m.end(), lex)
        if agent is not None:  # "it was earlier reported by US media that ...": they said it
            out.append(Candidate(agent[0], agent[1], "reported by", m.start(), m.end(), si))
            continue
        out.append(
            Candidate(
                m.start(),
                m.end(),
                m.group().lower(),
                m.start(),
                m.end(),
                si,
                kind_hint="vague_group",
            )
        )
    for m in lex.cue_re.finditer(norm):
        check()  # the request's time budget (engine/deadline.py)
        if m.end() in seen_cues or _inside(blocked, m.start()):
            continue
        if ix.doc.in_quote(m.start(), m.end()):
            continue
        si = ix.sentence_of(m.start())
        toks = ix.sentence_tokens(si)[0]  # straight from the per-analysis cache
        ci = token_index(toks, m.start())
        cj = token_index(toks, m.end() - 1)
        if ci is None or cj is None:
            continue  # a cue broken over a line ("according\nto"): a line ends a sentence
        cue = " ".join(m.group().lower().split())
        out.extend(find_speakers(ix, toks, ci, cj, cue, si, lex))
    # the speaker gate before nesting: a phrase that cannot speak hides no other cue
    out = [c for c in out if may_speak(ix, c, lex)]
    out = relay_through_outlets(_drop_nested(out, ix, lex), norm, lex)
    out = split_outlets(out, norm, lex)
    # "amid reports that 39 died, according to the commission": the reports are its own
    according = {c.sentence: c.cue_start for c in out if c.cue == "according to"}
    # "The singer is reportedly single. OK! Magazine reports that ...": the report named next
    reporting = {c.sentence for c in out if _names_a_report(c, norm)}
    out += hearsay_adverbs(ix, {c.sentence for c in out}, reporting)
    out += hearsay_reports(ix, according)
    # a cue inside another candidate's speaker phrase ("according to intelligence reports")
    spans = sorted((c.start, c.end) for c in out)
    starts = [a for a, _ in spans]
    keep = []
    for c in out:
        k = bisect_right(starts, c.cue_start)
        inside = any(
            a <= c.cue_start and c.cue_end <= b and (a, b) != (c.start, c.end)
            for a, b in spans[max(0, k - _NEIGHBOURS) : k]
        )
        if not inside:
            keep.append(c)
    return keep


def _names_a_report(c: Candidate, norm: str) -> bool:
    """'OK! Magazine reports that', 'according to a report in the Herald': a sentence that
    says which report it passes on (not any "according to": "reportedly ... According to
    Bloomberg, people familiar with it said" is read as two accounts)."""
    return c.cue in _REPORT_CUES or c.cue == "according to" and "report" in norm[c.start : c.end]


def _passive_agent(ix: SentenceIndex, si: int, after: int, lex: Lexicon) -> tuple[int, int] | None:
    """The agent of "it was reported by X": the phrase after "by", when "by" follows."""
    toks = ix.sentence_tokens(si)[0]
    k = token_index(toks, after)
    if k is None or toks[k].start < after:
        k = next((j for j, t in enumerate(toks) if t.start >= after), None)
    if k is None or toks[k].lower != "by":
        return None
    return right_phrase(toks, k + 1, lex)


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether `offset` falls in one of `spans` (sorted, non-overlapping)."""
    k = bisect_left(spans, (offset + 1,)) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]


_NEIGHBOURS = 8
_REPORT_CUES = frozenset({"report", "reports", "reported", "reporting"})


_VIEW = "in the view of"  # the cue of "in the minister's view"
_SAID_NOUN = "'s words"  # the cue of "Senator Cole's allegations", "the Kremlin's statement"


def _owner_of_words(
    ix: SentenceIndex, start: int, end: int, lex: Lexicon
) -> tuple[int, int] | None:
    """The capitalised owner of "'s allegations" ("U.S. Senator Ana Cole"), without a word
    that only opens the clause ("After Cole's remarks"), or None: no owner, a time ("Monday's
    statement"), a quotation."""
    m = lex.owner_re.search(ix.norm, max(0, start - 80), end)
    if m is None or m.end() != end or ix.doc.in_quote(m.start(), end):
        return None
    words = list(re.finditer(r"\S+", ix.norm[m.start(1) : m.end(1)]))
    while words and words[0].group().lower() in lex.stop_left | lex.prepositions:
        words.pop(0)
    if not words or words[-1].group().lower() in lex.time_words:
        return None
    if ix.norm.count("\n", m.start(1) + words[0].start(), m.end(1)):
        return None  # a line break: a heading or caption runs into the sentence
    return m.start(1) + words[0].start(), m.end(1)


def _open(c: Candidate, lex: Lexicon) -> bool:
    """Whether the candidate's speaker follows its cue ("according to X", "in X's view"), or
    the words are the owner's wherever they stand ("rejected Y's claims")."""
    return c.cue in lex.open_cues or c.cue in (_VIEW, _SAID_NOUN)


def _drop_nested(cands: list[Candidate], ix: SentenceIndex, lex: Lexicon) -> list[Candidate]:
    """Drop verb cues inside the reported content of another cue in the same sentence.

    "Budapest has said the measures would threaten ..." reports what Budapest said; the
    measures are not a source. "According to X" inside reported speech stays: a source
    citing another source is listed as well.
    """
    norm = ix.norm
    by_sentence: dict[int, list[Candidate]] = {}
    for c in cands:
        by_sentence.setdefault(c.sentence, []).append(c)
    keep = []
    for group in by_sentence.values():
        group.sort(key=lambda c: c.cue_start)
        for k, c in enumerate(group):
            if _open(c, lex) or c.cue == "citing":  # "X reported citing Y": Y is X's source
                keep.append(c)
                continue
            nested = False
            named: bool | None = None  # whether c is a named person, decided once
            for other in group[max(0, k - _NEIGHBOURS) : k] if not c.kind_hint else ():
                if _open(other, lex) or other.kind_hint:
                    continue
                gap = norm[other.cue_end : min(c.start, c.cue_start)]
                if other.cue_end <= c.start and not _CLAUSE_BREAK.search(gap):
                    if named is None:
                        named = _named_inside(ix, c, lex)
                    if not named:
                        nested = True
                        break
            for other in group[k + 1 : k + 1 + _NEIGHBOURS]:
                if _open(other, lex) or other.kind_hint or other.start < c.cue_end:
                    continue
                lead = norm[max(0, other.start - 2) : other.start]
                tail = norm[other.cue_end : other.cue_end + 40]
                if (
                    "," in lead
                    and other.start < other.cue_start
                    # a hedge ("it is believed ...") before ", he said," is his, wherever
                    # his sentence goes on
                    and (_ends_sentence(tail, lex) or c.kind_hint is not None)
                    and is_outlet(norm, other, lex) is None  # ", Xinhua reported": a relay
                ):
                    nested = True  # "..., the researchers found."
                    break
            if not nested:
                keep.append(c)
    return keep


def _named_inside(ix: SentenceIndex, c: Candidate, lex: Lexicon) -> bool:
    """'sources told CNA that Pope Francis told the bishops ...': a person named with a
    title or in full, speaking inside another source's account, is a source as well (a
    nested source); a phrase that is not a name ('the measures') stays dropped."""
    if c.cue not in {"said", "says", "told", "tells"} or not c.start < c.cue_start:
        return False
    toks = ix.tokenize(c.start, c.end)
    return (
        2 <= len(toks) <= 5
        and all(t.cap and t.text[0].isalpha() for t in toks)
        and (
            classify(ix, (c.start, c.end), lex, clause_start(ix, ix.doc.sentences[c.sentence]))
            == "named_person"
        )
    )


_CLAUSE_BREAK = re.compile(r"[,;:\"]|(?<!\w)'|'(?!\w)")


def _ends_sentence(tail: str, lex: Lexicon) -> bool:
    """Whether a cue is the last thing in its sentence ("..., the researchers found.")."""
    if "." not in tail:
        return False
    words = tail.split(".", 1)[0].split()
    if 0 < len(words) <= 4 and words[0].lower() in lex.told_whom:
        return True  # "..., the minister told reporters."
    if 0 < len(words) <= 3 and all(w[:1].isupper() for w in words):
        return True  # "..., the minister told TASS.", "... told The Harbour Tribune."
    return len(words) <= 3 and (not words or words[0].lower() in lex.tail_starts)
