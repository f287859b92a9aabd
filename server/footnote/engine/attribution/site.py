"""A cue in its sentence: the tokens around it, what every check and speaker path reads."""

from __future__ import annotations

from .phrases import left_phrase, skip_between_left
from .tokens import Candidate, SentenceIndex, Tok

_UNSET: tuple = ()  # a span not looked for yet (a found span is a pair, a missing one None)
# Words that may stand between a passive cue and its agent's "by" ("posted online by").
_BEFORE_BY = frozenset({"online", "also", "first", "later", "earlier", "initially", "originally"})


class CueSite:
    """A cue in its sentence: the tokens around it, what every check reads."""

    __slots__ = (
        "ix", "toks", "ci", "cj", "cue", "sentence", "lex", "cue_start", "cue_end", "nxt",
        "prev", "_before", "_span",
    )  # fmt: skip

    def __init__(
        self, ix: SentenceIndex, toks: list[Tok], ci: int, cj: int, cue: str, si: int, lex
    ) -> None:
        self.ix, self.toks, self.ci, self.cj = ix, toks, ci, cj
        self.cue, self.sentence, self.lex = cue, si, lex
        self.cue_start, self.cue_end = toks[ci].start, toks[cj].end
        self.nxt = toks[cj + 1] if cj + 1 < len(toks) else None  # the token after the cue
        self.prev = toks[ci - 1] if ci > 0 else None  # the token before it
        self._before: int | None = None
        self._span: tuple[int, int] | None = _UNSET

    @property
    def before(self) -> int:
        """Index of the token before the cue, past adverbs and asides ("has repeatedly")."""
        if self._before is None:
            self._before = skip_between_left(self.toks, self.ci - 1, self.lex)
        return self._before

    @property
    def span(self) -> tuple[int, int] | None:
        """The subject phrase on the cue's left (looked for once)."""
        if self._span is _UNSET:
            self._span = left_phrase(self.toks, self.ci, self.lex)
        return self._span

    def next_is(self, *words: str) -> bool:
        return self.nxt is not None and self.nxt.lower in words

    def by_index(self) -> int | None:
        """Index of a "by" that follows the cue as its agent's preposition, right after it
        or past up to two adverbs ("posted online by", "released only later by")."""
        toks, lex = self.toks, self.lex
        for k in range(self.cj + 1, min(len(toks), self.cj + 4)):
            low = toks[k].lower
            if low == "by":
                return k
            if not (
                low in _BEFORE_BY
                or low.endswith("ly")
                and low not in lex.not_adverbs
                and toks[k].text.islower()
            ):
                return None
        return None

    def auxiliary_before(self) -> int:
        """Index of the token before the cue past adverbs ("were first published", "was
        only later released"), stopping at an auxiliary; -1 at the sentence's start."""
        toks, lex = self.toks, self.lex
        k = self.ci - 1
        while k > 0 and (
            toks[k].lower.endswith("ly")
            and toks[k].lower not in lex.not_adverbs
            or toks[k].lower in lex.between
            and toks[k].lower not in lex.auxiliaries
        ):
            k -= 1
        return k

    def candidate(self, span: tuple[int, int], **kw) -> Candidate:
        return Candidate(
            span[0], span[1], self.cue, self.cue_start, self.cue_end, self.sentence, **kw
        )
