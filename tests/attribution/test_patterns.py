"""patterns.py: phrase lists compiled into one trie regular expression."""

import re

from footnote.engine.attribution.patterns import (
    compile_phrases,
    starts_word,
    trie_pattern,
    word_spans,
)


def test_trie_pattern_matches_the_same_phrases_as_an_alternation():
    phrases = ["said", "says", "stated", "according to", "accorded"]
    pattern = re.compile(trie_pattern(phrases))
    for text in ["said", "says", "stated", "according  to", "accorded"]:
        assert pattern.fullmatch(text)
    assert not pattern.fullmatch("sai")


def test_compile_phrases_matches_whole_words_lower_or_capitalised():
    cue = compile_phrases(["said", "according to"])
    assert [m.group() for m in cue.finditer("According to Mia, she said; unsaid, saids")] == [
        "According to",
        "said",
    ]


def test_as_written_keeps_case():
    outlets = compile_phrases(["RT"], as_written=True)
    assert outlets.search("a report by RT") and not outlets.search("art or rt")


def test_lead_none_leaves_the_word_start_to_the_caller():
    pattern = compile_phrases(["comment"], lead="none")
    text = "no comment, uncomment"
    starts = [m.start() for m in pattern.finditer(text)]
    assert [s for s in starts if starts_word(text, s)] == [3]


def test_word_spans_finds_whole_words_in_three_cases():
    text = "Reports say REPORTS of reportsX and unreports; reports."
    assert word_spans(text, ["reports"]) == [(0, 7), (12, 19), (47, 54)]
    assert word_spans("rumours, Rumors", ["rumours", "rumors"]) == [(0, 7), (9, 15)]
