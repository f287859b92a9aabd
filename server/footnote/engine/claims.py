"""Unattributed claims: contested or evaluative statements made as fact with no source.

The mechanism is a weighted phrase score per sentence. `data/claims.toml` holds phrase
classes (loaded predicates, evaluative words, certainty framing, universal quantifiers,
superlatives, motive attribution, wholesale collective actors, and negative classes for
scene-setting, schedules and hedges), each with a weight. A sentence in the narrator's own
voice (no attribution, not inside a quotation, not a question, not first person) whose score
reaches the threshold is a candidate; the highest-scoring candidates are kept, a few per
text, because a careful editor asks "says who?" about the clearest cases, not every line.

Two things that read like claims are not: a superlative that ranks a measured statistic
("9 times in 12 games, the best return of any player") and a sentence that carries on the
indirect speech of the attributed sentence before it, in its back-shifted tenses. Lines of
page clutter (captions, link lines) are never candidates.

Phrases are matched on word tokens, never with a backtracking regex: the only regular
expression scans words left to right, so even a pathological input is linear.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .claims_phrases import (
    SKIP,
    ClaimsDataError,
    Lexicon,
    load_lexicon,
    parse_lexicon,
    phrase_hits,
    word_tokens,
)
from .model import Document, Finding

__all__ = [
    "ClaimsDataError",
    "ScoredSentence",
    "find_unattributed_claims",
    "load_lexicon",
    "parse_lexicon",
    "score_span",
]


@dataclass(frozen=True, slots=True)
class ScoredSentence:
    start: int
    end: int
    score: float
    signals: tuple[str, ...]  # class names that contributed, strongest first


_QUOTE_MARKS = frozenset("\"'\u201c\u2018")


def _naming_dropped(tokens, text: str):
    """Drop a 'so-called' that only introduces a name or a quoted term ('the so-called
    "Car Wash" investigation', 'the so-called Islamic State'): it names, it does not judge."""
    if not any(tok[0] == "so-called" for tok in tokens):
        return tokens
    out = []
    for k, tok in enumerate(tokens):
        if tok[0] == "so-called" and k + 1 < len(tokens):
            nxt = tokens[k + 1]
            between = text[tok[2] + len(tok[1]) : nxt[2]]
            if nxt[1][:1].isupper() or any(ch in _QUOTE_MARKS for ch in between):
                continue
        out.append(tok)
    return out


def score_span(text: str, start: int, end: int, quotes=(), lexicon=None) -> ScoredSentence | None:
    """Score text[start:end] as a possible unattributed claim; words inside `quotes` (sorted,
    non-overlapping (start, end) pairs) are someone else's and do not count. None when the
    span is not in the narrator's own voice (a reporting cue, first person) or too short."""
    lex = lexicon or load_lexicon()
    tokens = _naming_dropped(_outside(word_tokens(text, start, end), quotes), text)
    if len(tokens) < lex.min_words:
        return None
    per_class: dict[str, int] = {}
    used: set[tuple[str, int]] = set()  # within a class, a word counts for one phrase only
    verdict = False
    for phrase, i, j in phrase_hits(tokens, lex.index, lex.max_gap):
        if phrase.cls == SKIP:
            return None
        if any((phrase.cls, k) in used for k in range(i, j)):
            continue
        used.update((phrase.cls, k) for k in range(i, j))
        per_class[phrase.cls] = per_class.get(phrase.cls, 0) + 1
        if not verdict and phrase.cls in lex.verdict_classes:
            before = tokens[max(0, i - lex.verdict_window) : i]
            verdict = any(t[0] in lex.verdict_after for t in before)
    if per_class.keys() & lex.measured.keys():
        # "20 goals in 17 starts, the best rate of any striker": a ranked statistic.
        numbers = _numbers(tokens, lex)
        for cls, least in lex.measured.items():
            if numbers >= least:
                per_class.pop(cls, None)
    contrib = {}
    for cls, count in per_class.items():
        w = lex.weights[cls]
        # Positive evidence saturates; negative evidence (scene-setting) keeps adding up.
        contrib[cls] = w * (min(count, lex.max_hits[cls]) if w > 0 else count)
    if verdict:
        contrib["verdict"] = lex.verdict_bonus
    score = sum(contrib.values())
    signals = tuple(c for c in sorted(contrib, key=lambda c: -contrib[c]) if contrib[c] > 0)
    return ScoredSentence(start, end, round(score, 3), signals)


def _numbers(tokens, lex: Lexicon) -> int:
    """How many quantities the words count: numerals ("40,000" and "3.2" are one; a year is a
    date, not a quantity) and number words."""
    count, after = 0, -2  # after: where the previous numeral's word ended
    for lower, written, offset in tokens:
        if lower[0].isdigit():
            joined = offset == after + 1  # "40,000", "3.2": split by the comma or point
            after = offset + len(written)
            if not joined and not _YEAR.fullmatch(lower):
                count += 1
        elif lower in lex.number_words:
            count += 1
    return count


_YEAR = re.compile(r"1[89]\d\d|20\d\d|\d\d\d\ds")


def _continues_speech(doc: Document, i: int, attributed: frozenset[int], lex: Lexicon) -> bool:
    """Whether sentence i carries on the indirect speech of an attributed sentence right
    before it in the same paragraph, in its back-shifted tenses ("The minister said the
    plan had failed. Its costs would double by spring.")."""
    if i - 1 not in attributed or i == 0:
        return False
    s, before = doc.sentences[i], doc.sentences[i - 1]
    if before.paragraph != s.paragraph:
        return False
    words = word_tokens(doc.norm, s.start, s.end)
    return any(lower in lex.continued_speech for lower, _, _ in words)


def _outside(tokens, quotes):
    """The tokens not inside any quotation; one pass over both sorted lists."""
    if not quotes:
        return tokens
    out, qi = [], 0
    for tok in tokens:
        off = tok[2]
        while qi < len(quotes) and quotes[qi][1] <= off:
            qi += 1
        if qi < len(quotes) and quotes[qi][0] <= off:
            continue
        out.append(tok)
    return out


def _quotes_within(doc: Document, starts: list[int], start: int, end: int):
    """(start, end) of the quotations overlapping [start, end), clipped to it."""
    out = []
    i = max(0, bisect_right(starts, start) - 1)
    while i < len(doc.quotes) and doc.quotes[i].start < end:
        q = doc.quotes[i]
        if q.end > start:
            out.append((max(q.start, start), min(q.end, end)))
        i += 1
    return out


def _states(norm: str, start: int, end: int) -> bool:
    """Whether the sentence states something: not a question, not a headline or label
    with no closing punctuation."""
    tail = norm[max(start, end - 3) : end]
    if "?" in tail:
        return False
    return tail[-1] in ".!\"')]\u2026"


def _join(labels) -> str:
    labels = list(labels) or ["its wording"]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def find_unattributed_claims(doc: Document, attributed: frozenset[int]) -> list[Finding]:
    """`attributed` holds the indices (into doc.sentences) of sentences that carry an
    attribution or sit inside a quotation; only the others can hold an unattributed claim."""
    lex = load_lexicon()
    scored: list[ScoredSentence] = []
    starts = [q.start for q in doc.quotes]
    words = 0
    for i, s in enumerate(doc.sentences):
        words += doc.norm.count(" ", s.start, s.end) + 1
        if i in attributed or s.end - s.start > lex.max_chars or doc.in_clutter(s.start, s.end):
            continue  # a run-on "sentence" this long is a splitting failure, not a claim
        if not _states(doc.norm, s.start, s.end) or _continues_speech(doc, i, attributed, lex):
            continue
        quotes = _quotes_within(doc, starts, s.start, s.end)
        if sum(e - b for b, e in quotes) * 2 > s.end - s.start:
            continue  # mostly someone else's words
        got = score_span(doc.text, s.start, s.end, quotes, lex)
        if got is not None and got.score >= lex.threshold:
            scored.append(got)
    keep = lex.max_findings + words // lex.words_per_extra_finding
    best = sorted(scored, key=lambda s: (-s.score, s.start))[:keep]
    return [
        Finding(
            rule="unattributed-claim",
            start=s.start,
            end=s.end,
            params={"signals": _join(lex.labels[c] for c in s.signals[: lex.max_signals])},
        )
        for s in sorted(best, key=lambda s: s.start)
    ]
