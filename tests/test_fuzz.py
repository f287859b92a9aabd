"""Properties of `footnote.analyze()` on any Unicode text (Hypothesis, bounded to seconds)."""

import tomllib
from datetime import date
from importlib import resources

import pytest
from footnote import analyze, to_dict
from footnote.engine.attribution.lexicon import read_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from . import goldenlib

# Text that looks like news some of the time: words, quotes, cues, capitals, odd Unicode.
_PIECES = st.sampled_from(
    [
        " said",
        " says",
        " according to",
        ' "',
        "\u201c",
        "\u201d",
        "'",
        ", ",
        ". ",
        "\n\n",
        " officials",
        " a senior official who requested anonymity",
        " Mr.",
        " NATO",
        " (",
        ")",
        "\u0301",
        "\u200d",
        "\U0001f600",
        " U.S.",
        " sources close to",
        "?",
        " \u2014 ",
        "\n",
        " according\nto",
        " in the words\nof",
        " it is\nreported",
        " in the minister's\nview",
    ]
)
_NEWSY = st.lists(st.one_of(_PIECES, st.text(min_size=1, max_size=12)), max_size=60).map("".join)
TEXTS = st.one_of(st.text(max_size=400), _NEWSY)

FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(text=TEXTS, published=st.none() | st.dates(date(1990, 1, 1), date(2030, 12, 31)))
def test_any_text_gives_spans_inside_the_text(text, published):
    result = to_dict(analyze(text, published=published))
    assert result["meta"]["characters"] == len(text)
    for source in result["sources"]:
        assert 0 <= source["start"] < source["end"] <= len(text)
        assert source["mention"] == text[source["start"] : source["end"]]
    for note in result["notes"]:
        if note["start"] is None:
            assert note["end"] is None and note["excerpt"] is None
        else:
            assert 0 <= note["start"] <= note["end"] <= len(text)
            assert note["excerpt"] == text[note["start"] : note["end"]]
        if note["source_id"] is not None:
            assert note["source_id"] in {s["id"] for s in result["sources"]}


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_same_input_same_output(text):
    first, second = to_dict(analyze(text)), to_dict(analyze(text))
    first["meta"].pop("elapsed_ms")
    second["meta"].pop("elapsed_ms")
    assert first == second


# Every phrase of the attribution data (cues, non-cues, anonymity markers, outlets), broken
# over a line at each space as hard-wrapped text from a PDF or an e-mail breaks it.
def _wrapped_phrases() -> list[str]:
    raw = (resources.files("footnote") / "data" / "attribution.toml").read_text("utf-8")
    phrases = {
        p for keys in read_data(tomllib.loads(raw)).values() for v in keys.values() for p in v
    }
    out = set()
    for phrase in phrases:
        words = phrase.split()
        for i in range(1, len(words)):
            out.add(" ".join(words[:i]) + "\n" + " ".join(words[i:]))
        if len(words) > 2:
            out.add("\n".join(words))
    return sorted(out)


WRAPPED = _wrapped_phrases()
CONTEXTS = [
    "{p}",
    "{P}",
    "{P} Reuters the plan would work.",
    "The minister, {p} the agency, said the plan would work.",
    "Officials {p}\nthe agency said so.",
]


def test_every_phrase_has_a_wrapped_variant():
    assert len(WRAPPED) > 100  # "according\nto", "in the words\nof", ...
    assert "according\nto" in WRAPPED


@pytest.mark.parametrize("phrase", WRAPPED)
def test_a_phrase_broken_over_a_line_is_analysed(phrase):
    for context in CONTEXTS:
        text = context.format(p=phrase, P=phrase[:1].upper() + phrase[1:])
        result = to_dict(analyze(text))
        for source in result["sources"]:
            assert source["mention"] == text[source["start"] : source["end"]]
        for note in result["notes"]:
            if note["start"] is not None:
                assert note["excerpt"] == text[note["start"] : note["end"]]


# The golden texts, cut anywhere and with punctuation dropped or sentences reordered: the
# shapes of pasted and extracted news (a page cut off mid-sentence, a feed without full
# stops) around real attributions.
GOLDEN = [goldenlib.read_input(slug)["text"] for slug in goldenlib.slugs()]


def _mutated(text: str, cut: int, how: int) -> str:
    k = cut % (len(text) + 1)
    if how == 0:
        return text[:k]  # cut off mid-sentence
    if how == 1:
        return text[k:]  # opening mid-sentence
    if how == 2:
        return text.replace(".", "")  # no full stops
    if how == 3:
        return text.replace(",", "")  # no commas
    sentences = text.split(". ")
    return ". ".join(sentences[k % len(sentences) :] + sentences[: k % len(sentences)])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.sampled_from(GOLDEN), cut=st.integers(0, 10**6), how=st.integers(0, 4))
def test_a_cut_or_mutated_news_text_is_analysed(text, cut, how):
    mutated = _mutated(text, cut, how)
    result = to_dict(analyze(mutated))
    for source in result["sources"]:
        assert source["mention"] == mutated[source["start"] : source["end"]]
