"""The data that flows between stages. All frozen: stages never mutate each other's output."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter, itemgetter
from typing import Literal, get_args

# Who a source is, in the order counts and summaries list them.
SourceKind = Literal[
    "named_person", "named_organization", "unnamed_individual", "vague_group", "document"
]
SOURCE_KINDS: tuple[SourceKind, ...] = get_args(SourceKind)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index into Document.paragraphs


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: `start`/`end` include the quote marks; `inner_*` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int


@dataclass(frozen=True, slots=True)
class Document:
    """The submitted text, unchanged, plus a normalised copy with the same length.

    `norm` has curly quotes, primes and dashes folded to ASCII and other whitespace folded
    to a space, one code point for one code point, so an offset in `norm` is an offset in `text`.
    """

    text: str
    norm: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...]
    title: str | None = None
    published: date | None = None
    url: str | None = None
    # Page clutter ("Read also: ...", captions, share bars, bylines, stamps): sorted,
    # disjoint (start, end) spans of lines that are not the article (engine/clutter.py).
    clutter: tuple[tuple[int, int], ...] = ()

    def in_clutter(self, start: int, end: int | None = None) -> bool:
        """Whether [start, end) lies mostly in page clutter: more than half of its
        characters (for an empty or one-character span, its first character)."""
        end = start + 1 if end is None or end <= start else end
        spans = self.clutter
        lo = bisect_right(spans, start, key=itemgetter(1))  # the first span ending after `start`
        covered = 0
        while lo < len(spans) and spans[lo][0] < end:
            covered += min(end, spans[lo][1]) - max(start, spans[lo][0])
            lo += 1
        return covered * 2 > end - start

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence holding `offset` (the last one starting at or before it)."""
        return max(bisect_right(self.sentences, offset, key=attrgetter("start")) - 1, 0)

    def in_quote(self, start: int, end: int | None = None) -> Quote | None:
        """The quotation holding [start, end), if any (quotations never overlap)."""
        end = start + 1 if end is None else end
        # one past the last quotation starting at or before `start`
        lo = bisect_right(self.quotes, start, key=attrgetter("start"))
        if lo and end <= self.quotes[lo - 1].end:
            return self.quotes[lo - 1]
        return None


@dataclass(frozen=True, slots=True)
class Source:
    """One distinct source, at its first attribution."""

    id: str
    start: int
    end: int
    mention: str
    kind: SourceKind
    cue: str
    anonymity_reason: str | None = None
    anonymity_requested: bool = False
    relayed_by: str | None = None
    attributions: int = 1


@dataclass(frozen=True, slots=True)
class Attribution:
    """One place where information is presented as coming from a source."""

    source_id: str
    cue: str
    cue_start: int
    cue_end: int
    sentence: int


@dataclass(frozen=True, slots=True)
class Reference:
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Finding:
    """What a stage found; the notes stage turns it into a note through the rule catalogue.

    `params` fill the rule's message templates; a stage may pass `title`, `explanation`
    or `check` in params to override the catalogue text with a specific one.
    """

    rule: str
    start: int | None
    end: int | None
    params: dict = field(default_factory=dict, hash=False, compare=False)
    source_id: str | None = None
    topic: str | None = None
    references: tuple[Reference, ...] = ()
    severity: str | None = None  # overrides the rule's default severity when set


@dataclass(frozen=True, slots=True)
class Note:
    id: str
    category: str
    rule: str
    severity: str
    title: str
    explanation: str
    check: str
    start: int | None
    end: int | None
    excerpt: str | None
    topic: str | None = None
    source_id: str | None = None
    references: tuple[Reference, ...] = ()


@dataclass(frozen=True, slots=True)
class Analysis:
    headline: str
    counts: dict
    sources: tuple[Source, ...]
    notes: tuple[Note, ...]
    meta: dict
    tone: str | None = None  # the language stage's sentence on the writer's tone
