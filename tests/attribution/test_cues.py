"""cues.py: finding cues and dropping the ones nested in reported speech."""

import pytest
from footnote.engine.attribution.cues import find_candidates

from . import LEX, index, sources


def test_find_candidates_holds_each_cue_and_its_speaker():
    ix = index(
        "In the mayor's view, the bridge is safe. Per the harbour office, ferries run daily. "
        "The plan, according to two engineers, is sound. It is widely reported that rents rose."
    )
    found = [
        (c.cue, ix.norm[c.start : c.end], c.kind_hint)
        for c in sorted(find_candidates(ix, LEX), key=lambda c: c.start)
    ]
    assert found == [
        ("in the view of", "the mayor", None),
        ("per", "the harbour office", None),
        ("according to", "two engineers", None),
        ("it is widely reported", "It is widely reported", "vague_group"),
    ]


def test_a_verb_cue_inside_what_another_speaker_said_is_dropped():
    ix = index("The mayor said the engineers warned that the bridge was unsafe.")
    assert [c.cue for c in find_candidates(ix, LEX)] == ["said"]


def test_cues_inside_a_quotation_are_not_looked_at():
    ix = index('"Critics claim the bridge is unsafe," the mayor said.')
    assert [c.cue for c in find_candidates(ix, LEX)] == ["said"]


def test_refusals_to_speak_are_no_cues():
    assert find_candidates(index("The harbour office declined to comment."), LEX) == []


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman for the prime minister declined to comment.",
        "The ministry did not respond to a request for comment.",
        "The meeting took place on Tuesday in the capital.",
        "Prices rose by 5 per cent last year.",
        "The operators would keep the grid in a heightened state of readiness.",
        "For years the press has told a simple story about the war.",
        "Each time we were promised that a better deal would follow.",
        "Nothing I write here excuses it.",
        "The United States withdrew from the treaty in 2019.",
        "Engineers spent years preparing for the move.",
        "European demand for pipeline gas is expected to fall.",
    ],
)
def test_no_attribution(text):
    assert sources(text) == []


def test_nested_source_inside_reported_speech_is_listed():
    text = (
        "Roman Lis, the deputy minister, told reporters that, according to intelligence "
        "reports, troops had moved closer to the border."
    )
    assert sources(text) == [
        ("Roman Lis, the deputy minister", "named_person"),
        ("intelligence reports", "document"),
    ]


def test_third_party_described_inside_an_account_is_not_a_source():
    text = "The files reveal that inspectors privately acknowledged the fault in 2021."
    assert sources(text) == [("The files", "document")]


def test_cue_words_inside_quotations_belong_to_the_speaker():
    text = '"People say we failed, critics claim we lied," the coach said.'
    assert sources(text) == [("the coach", "unnamed_individual")]


@pytest.mark.parametrize(
    "text",
    [
        "Of course, some will say the town needs the money.",
        "Critics will say the plan is naive.",
        "Some might argue that it works.",
    ],
)
def test_hypothetical_speakers_are_not_sources(text):
    assert sources(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Experts disagree.", [("Experts", "vague_group")]),
        ("Economists agree that rates will fall.", [("Economists", "vague_group")]),
        ("The two sides agreed a ceasefire on Monday.", []),
        ("The two sides agreed to meet again.", []),
    ],
)
def test_stance_verbs(text, expected):
    assert sources(text) == expected
