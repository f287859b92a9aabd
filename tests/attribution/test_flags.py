"""flags.py and outlets.py: anonymity (requested, reason) and the outlet relaying a source."""

import pytest
from footnote import analyze
from footnote.engine.attribution.outlets import outlet_at, outlet_in

from . import LEX


def test_outlet_at_and_in():
    text = "Officials told the Financial Times that the cuts were final."
    assert outlet_at(text, text.index("the Financial"), LEX) == "Financial Times"
    assert outlet_at(text, 0, LEX) is None
    assert outlet_in(text, 0, len(text), LEX) == "Financial Times"
    assert outlet_in("Officials said so.", 0, 18, LEX) is None


def test_outlet_names_match_as_written():
    assert outlet_in("the bbc said", 0, 12, LEX) is None


def test_a_named_source_carries_no_anonymity():
    (source,) = analyze("Mia Lund, who asked not to be named, said the ferry was late.").sources
    assert source.kind == "named_person"
    assert (source.anonymity_requested, source.anonymity_reason) == (False, None)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "A senior official, who spoke on condition of anonymity because the talks are "
            "confidential, said the deal was close.",
            "because the talks are confidential",
        ),
        (
            "An aide, who was not authorised to speak publicly, confirmed the meeting.",
            "not authorised to speak publicly",
        ),
        (
            "Officials at the port, who asked not to be named for fear of losing their jobs, "
            "said the cargo was weapons.",
            "for fear of losing their jobs",
        ),
        ("A senior official who requested anonymity said the deal was close.", None),
        ("An official, speaking under strict confidentiality, said the deal was close.", None),
    ],
)
def test_anonymity_reason(text, reason):
    (source,) = analyze(text).sources
    assert source.anonymity_reason == reason
    assert source.anonymity_requested or reason is not None


@pytest.mark.parametrize(
    ("text", "relay"),
    [
        ("An EU official told Reuters that the vote was delayed.", "Reuters"),
        (
            "A person briefed on the talks told the Financial Times the offer was rejected.",
            "Financial Times",
        ),
        ("Documents obtained by Xinhua show the plan was approved in March.", "Xinhua"),
        (
            "According to RIA Novosti, citing a source in the ministry, the talks will resume.",
            "RIA Novosti",
        ),
        ("An EU official told reporters that the vote was delayed.", None),
        ("In an interview with the BBC, the president said he would not resign.", "BBC"),
        ("Le Monde reported on Sunday that the talks had stalled.", "Le Monde"),
    ],
)
def test_relays(text, relay):
    assert [s.relayed_by for s in analyze(text).sources] == [relay]


def test_office_holders_are_unnamed_but_not_anonymous():
    for text in (
        "The mayor said the project was a disaster.",
        "A spokeswoman for the finance ministry said the data were wrong.",
    ):
        result = analyze(text)
        assert "anonymous" not in result.headline
        assert "anonymous-no-reason" not in {n.rule for n in result.notes}


def test_outlet_after_a_description_is_a_relay():
    text = "A senior official told state broadcaster RT that the talks were over."
    assert [s.relayed_by for s in analyze(text).sources] == ["RT"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia's Defence Ministry said its forces had hit a depot, according to the "
            "state news agency TASS.",
            [("Russia's Defence Ministry", "TASS")],
        ),
        # an unnamed speaker: the outlet that vouches for it is listed as well
        (
            "The spokesman said talks went well, Xinhua reported.",
            [("The spokesman", "Xinhua"), ("Xinhua", "Xinhua")],
        ),
        (
            "Spokesman Li Wen said talks went well, Xinhua reported.",
            [("Spokesman Li Wen", "Xinhua")],
        ),
        (
            "Iranian state broadcaster Press TV reported that the talks had ended.",
            [("Iranian state broadcaster Press TV", "Press TV")],
        ),
    ],
)
def test_an_outlet_cited_last_relays_the_speaker(text, expected):
    assert [(s.mention, s.relayed_by) for s in analyze(text).sources] == expected
