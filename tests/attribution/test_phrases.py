"""phrases.py: the speaker phrase a cue governs, on its left or its right."""

import pytest
from footnote.engine.attribution.phrases import (
    is_appositive,
    left_phrase,
    right_phrase,
    sentence_subject,
)

from . import LEX, at, sources, span_text, tokens


def test_left_phrase_prefers_the_name_in_an_appositive():
    ix, toks = tokens("A spokeswoman for the port authority, Mia Lund, said the ferries were late.")
    assert span_text(ix, left_phrase(toks, at(toks, "said"), LEX)) == "Mia Lund"


def test_left_phrase_keeps_a_relative_clause():
    ix, toks = tokens("A pilot who flies the route said the runway was short.")
    assert span_text(ix, left_phrase(toks, at(toks, "said"), LEX)) == "A pilot who flies the route"


def test_right_phrase_runs_to_the_end_of_the_clause():
    ix, toks = tokens('"We are late," said the harbour master of the old port.')
    span = right_phrase(toks, at(toks, "said") + 1, LEX, strict=True)
    assert span_text(ix, span) == "the harbour master of the old port"


def test_strict_right_phrase_meets_no_verb():
    ix, toks = tokens("He said the talks had failed.")
    assert right_phrase(toks, at(toks, "said") + 1, LEX, strict=True) is None


def test_sentence_subject_before_a_participle():
    ix, toks = tokens("The union rejected the offer on Friday, saying pay was too low.")
    assert span_text(ix, sentence_subject(toks, at(toks, ","), LEX)) == "The union"


def test_is_appositive():
    _, toks = tokens("Mia Lund, a pilot, said so.")
    assert is_appositive(toks, 3, 4, LEX)
    _, toks = tokens("After the storm, ferries were cancelled, officials said.")
    assert not is_appositive(toks, 4, 6, LEX)  # a clause with its own verb


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry, in a statement, said the strike hit a depot.", "The ministry"),
        ("The mayor, for her part, said nothing had changed.", "The mayor"),
        ("Smith, however, insisted the vote was fair.", "Smith"),
        ("Officials, predictably, dismiss the claim.", "Officials"),
    ],
)
def test_parenthetical_between_speaker_and_verb_is_skipped(text, expected):
    assert [m for m, _ in sources(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "None of it reached the public reports, a person who passed the papers on said.",
            [("a person who passed the papers on", "unnamed_individual")],
        ),
        ("For years the Western press has said so.", [("the Western press", "vague_group")]),
        ("The press reported the story.", [("The press", "vague_group")]),
    ],
)
def test_relative_clauses_and_collectives(text, expected):
    assert sources(text) == expected


def test_plural_possessive_apostrophe_is_part_of_the_phrase():
    text = "Anna Petrova, who chairs the Old Quay Residents' Association, said the path was unsafe."
    assert sources(text) == [
        ("Anna Petrova, who chairs the Old Quay Residents' Association", "named_person")
    ]
