"""Properties of `footnote.analyze()` on any Unicode text (Hypothesis, bounded to seconds)."""

from datetime import date

from footnote import analyze, to_dict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
