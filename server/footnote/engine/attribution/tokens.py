"""Tokens of the normalised text and the per-analysis sentence index that caches them."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ..model import Document, SourceKind
    from .lexicon import Lexicon

# Words keep inner hyphens, apostrophes and dots ("U.S", "3.2") and a number's thousands
# groups ("3,000": one token, so its comma opens no clause); a final dot is split off below
# unless the word is an abbreviation before a name ("Dr.", "Oct.") or has a dot inside ("U.S.").
_TOKEN = re.compile(r"\w+(?:[-'.]\w+|(?<=\d),\d{3}(?!\d))*\.?|[^\w\s]")


def is_number(text: str) -> bool:
    """A count written in digits, with or without thousands separators ("40", "3,000")."""
    return text.replace(",", "").isdigit()


class Tok(NamedTuple):
    """A token: offsets into the normalised text, its text and its lower-case form."""

    start: int
    end: int
    text: str
    lower: str

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


@dataclass
class Candidate:
    start: int
    end: int
    cue: str
    cue_start: int
    cue_end: int
    sentence: int
    told: str | None = None  # the object of "told" when it is an outlet
    relay: str | None = None  # an outlet inherited from a citing source
    kind_hint: SourceKind | None = None
    pronoun: str | None = None
    relay_of: str | None = None  # "Citing X, it said": the pronoun whose outlet passes X on


class SentenceIndex:
    """One analysis's view of the document: the normalised text tokenised sentence by
    sentence on demand and only once, so that the many look-ups of one analysis slice cached
    tokens instead of re-scanning, plus the memo tables of look-ups repeated across cues.
    Made afresh by each find_sources call, so nothing outlives the analysis."""

    __slots__ = (
        "doc",
        "norm",
        "abbreviations",
        "quote_marks",
        "sent_starts",
        "sent_ends",
        "_tokens",
        "heads",
        "relays",
        "capitals",
        "clause_starts",
        "kinds",
        "surnames",
    )

    def __init__(self, doc: Document, lex: Lexicon) -> None:
        self.doc = doc
        self.norm = doc.norm
        self.abbreviations = lex.name_abbreviations
        # quotation marks; any other "'" after a word is an apostrophe ("Residents'")
        self.quote_marks = {q.start for q in doc.quotes} | {q.inner_end for q in doc.quotes}
        self.sent_starts = [x.start for x in doc.sentences]
        self.sent_ends = [x.end for x in doc.sentences]
        self._tokens: dict[int, tuple[list[Tok], list[int]]] = {}
        # memo tables: a phrase's head noun by span, a sentence's interview outlet, whether
        # a word is capitalised elsewhere, where a sentence's first word starts
        self.heads: dict[tuple[int, int], str] = {}
        self.relays: dict[int, str | None] = {}
        self.capitals: dict[str, bool] = {}
        self.clause_starts: dict[int, int] = {}
        self.kinds: dict[tuple[int, int, int], SourceKind] = {}  # classify(), by span
        self.surnames: dict[str, int | None] = {}  # an outlet's name used as a surname, where

    def sentence_tokens(self, si: int) -> tuple[list[Tok], list[int]]:
        """Sentence si's tokens and their start offsets."""
        hit = self._tokens.get(si)
        if hit is None:
            toks = _scan(self.norm, self.sent_starts[si], self.sent_ends[si], self)
            hit = self._tokens[si] = (toks, [t.start for t in toks])
        return hit

    def sentence_of(self, offset: int) -> int:
        """The sentence holding `offset` (the last one starting at or before it)."""
        return max(0, bisect_right(self.sent_starts, offset) - 1)

    def tokenize(self, start: int, end: int) -> list[Tok]:
        """The tokens of norm[start:end], sliced from the sentence's when it lies in one."""
        si = bisect_right(self.sent_starts, start) - 1
        if si >= 0 and end <= self.sent_ends[si]:
            toks, starts = self.sentence_tokens(si)
            lo = bisect_left(starts, start)
            hi = bisect_left(starts, end, lo)
            if hi == lo or toks[hi - 1].end <= end:
                return toks[lo:hi]
        return _scan(self.norm, start, end, self)


def memo(table: dict, key, compute):
    """`compute()` once per key in one of a SentenceIndex's tables."""
    if key not in table:
        table[key] = compute()
    return table[key]


def _scan(norm: str, start: int, end: int, ix: SentenceIndex) -> list[Tok]:
    marks, abbreviations = ix.quote_marks, ix.abbreviations
    out: list[Tok] = []
    append = out.append
    new = tuple.__new__
    find = norm.find
    pos = start
    # findall hands back strings at C speed; their offsets follow by searching forward
    for text in _TOKEN.findall(norm, start, end):
        pos = find(text, pos)
        stop = pos + len(text)
        if (
            text == "'"
            and pos not in marks
            and out
            and out[-1].end == pos
            and out[-1].text[-1:] in "sS"
        ):
            prev = out.pop()  # "Residents'": a plural possessive, part of the word
            text = prev.text + "'"
            append(new(Tok, (prev.start, stop, text, text.lower())))
            pos = stop
            continue
        if text[-1] == "." and len(text) > 1:
            stem = text[:-1]
            # an initial keeps its stop: "Gary E. Fraser" is one name
            if (
                stem not in abbreviations
                and "." not in stem
                and not (len(stem) == 1 and stem.isupper())
            ):
                append(new(Tok, (pos, stop - 1, stem, stem.lower())))
                append(new(Tok, (stop - 1, stop, ".", ".")))
                pos = stop
                continue
        # "WHO said": the initials of a body, never the relative pronoun
        append(new(Tok, (pos, stop, text, text if text in _INITIALS_NOT_WORDS else text.lower())))
        pos = stop
    return out


# Initials that spell a function word the grammar of speaker phrases stops at.
_INITIALS_NOT_WORDS = frozenset({"WHO"})


def token_index(toks: list[Tok], offset: int) -> int | None:
    lo, hi = 0, len(toks) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        t = toks[mid]
        if t.end <= offset:
            lo = mid + 1
        elif t.start > offset:
            hi = mid - 1
        else:
            return mid
    return None
