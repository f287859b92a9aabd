"""tokens.py: tokens of the normalised text and the per-analysis sentence index."""

from footnote.engine.attribution.tokens import token_index

from . import index


def test_words_keep_abbreviation_dots_and_plural_possessives():
    ix = index("Dr. Lena Vogt said the residents' lift in the U.S. building was broken.")
    words = [t.text for t in ix.sentence_tokens(0)[0]]
    assert words[:3] == ["Dr.", "Lena", "Vogt"]
    assert "residents'" in words
    assert "U.S." in words
    assert words[-2:] == ["broken", "."]


def test_a_quotation_mark_after_an_s_is_not_an_apostrophe():
    ix = index("'The ferries', she said, 'are late.'")
    words = [t.text for t in ix.sentence_tokens(0)[0]]
    assert words[:4] == ["'", "The", "ferries", "'"]


def test_tokens_carry_offsets_and_lower_case():
    ix = index("Mia Lund said so.")
    tok = ix.sentence_tokens(0)[0][1]
    assert (tok.start, tok.end, tok.text, tok.lower, tok.cap) == (4, 8, "Lund", "lund", True)


def test_tokenize_slices_the_cached_sentence():
    ix = index("The ferry was late. A pilot said the engine failed twice.")
    second = ix.sentence_tokens(1)[0]
    start = ix.norm.index("A pilot")
    assert ix.tokenize(start, start + 7) == second[:2]
    assert ix.tokenize(start, start + 7) is not second  # a slice, the cache stays whole
    # a span across two sentences is scanned afresh
    assert [t.text for t in ix.tokenize(ix.norm.index("late"), start + 1)] == ["late", ".", "A"]


def test_sentence_of_and_token_index():
    ix = index("The ferry was late. A pilot said so.")
    assert [ix.sentence_of(o) for o in (0, 18, 20, len(ix.norm) - 1)] == [0, 0, 1, 1]
    toks = ix.sentence_tokens(0)[0]
    assert token_index(toks, ix.norm.index("ferry") + 2) == 1
    assert token_index(toks, 3) is None  # the space between two words
