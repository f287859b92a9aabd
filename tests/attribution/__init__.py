"""Tests of the attribution stage, one file per part of footnote/attribution/, on sentences
written for these tests (not from any evaluation set)."""

from footnote import analyze
from footnote.engine.attribution.lexicon import load_lexicon
from footnote.engine.attribution.tokens import SentenceIndex, Tok
from footnote.engine.document import build_document


def sources(text, **kw):
    """(mention, kind) of every source the whole analysis finds in `text`."""
    return [(s.mention, s.kind) for s in analyze(text, **kw).sources]


def index(text: str) -> SentenceIndex:
    """One analysis's sentence index of `text`."""
    return SentenceIndex(build_document(text), load_lexicon())


def tokens(text: str) -> tuple[SentenceIndex, list[Tok]]:
    """The index of a one-sentence text and that sentence's tokens."""
    ix = index(text)
    return ix, ix.sentence_tokens(0)[0]


def at(toks: list[Tok], word: str) -> int:
    """The index of the first token reading `word`."""
    return [t.text for t in toks].index(word)


def span_text(ix: SentenceIndex, span) -> str | None:
    return None if span is None else ix.norm[span[0] : span[1]]


LEX = load_lexicon()
