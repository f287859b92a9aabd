"""Golden fixtures (in the style of Readability.js's test/test-pages): for each
tests/golden/<slug>/, analysing input.json gives exactly expected.json.

A failure lists which sources and notes appeared, went or changed. If the change is meant,
run `make golden` (python -m scripts.golden) and review `git diff tests/golden`.
"""

import copy

import pytest

from . import goldenlib

SLUGS = goldenlib.slugs()
HINT = (
    "If this change is intended, run `make golden` (or `python -m scripts.golden {slug}`) "
    "and review `git diff tests/golden` before committing."
)


def test_there_are_enough_golden_texts():
    assert len(SLUGS) >= 16, SLUGS
    for folder in goldenlib.GOLDEN.iterdir():
        if folder.is_dir():
            assert (folder / "input.json").is_file(), f"{folder.name}: no input.json"
            assert (folder / "expected.json").is_file(), f"{folder.name}: run `make golden`"


@pytest.mark.parametrize("slug", SLUGS)
def test_golden(slug):
    expected = goldenlib.read_expected(slug)
    actual = goldenlib.render(goldenlib.read_input(slug))
    if actual != expected:
        lines = goldenlib.diff(expected, actual)
        pytest.fail(
            f"{slug}: the analysis changed\n  "
            + "\n  ".join(lines)
            + "\n"
            + HINT.format(slug=slug),
            pytrace=False,
        )


@pytest.mark.parametrize("slug", SLUGS)
def test_golden_file_is_as_the_script_writes_it(slug):
    """Hand edits to expected.json (or a different JSON layout) show up here, not later as a
    noisy diff when someone regenerates."""
    path = goldenlib.GOLDEN / slug / "expected.json"
    assert path.read_text(encoding="utf-8") == goldenlib.dumps(goldenlib.read_expected(slug))


@pytest.mark.parametrize("slug", SLUGS)
def test_golden_spans_point_into_the_text(slug):
    text = goldenlib.read_input(slug)["text"]
    expected = goldenlib.read_expected(slug)
    assert expected["meta"]["characters"] == len(text)
    ids = set()
    for source in expected["sources"]:
        assert 0 <= source["start"] < source["end"] <= len(text)
        assert text[source["start"] : source["end"]] == source["mention"]
        ids.add(source["id"])
    for note in expected["notes"]:
        if note["start"] is not None:
            assert 0 <= note["start"] < note["end"] <= len(text)
            assert text[note["start"] : note["end"]] == note["excerpt"]
        assert note["source_id"] is None or note["source_id"] in ids


def test_input_with_an_unknown_key_is_refused(tmp_path, monkeypatch):
    (tmp_path / "typo").mkdir()
    (tmp_path / "typo" / "input.json").write_text('{"text": "Hi.", "publshed": "2026-01-01"}')
    monkeypatch.setattr(goldenlib, "GOLDEN", tmp_path)
    with pytest.raises(ValueError, match=r"typo.*input.json.*publshed"):
        goldenlib.read_input("typo")


# The diff is what a reader sees when a golden test fails: check that it names the change.

BASE = goldenlib.read_expected("wire-named-officials")


def _edit(edit):
    actual = copy.deepcopy(BASE)
    edit(actual)
    return actual


def _changed(edit):
    return "\n".join(goldenlib.diff(BASE, _edit(edit)))


def test_diff_is_empty_when_nothing_changed():
    assert goldenlib.diff(BASE, copy.deepcopy(BASE)) == []


def test_diff_names_a_source_whose_kind_changed():
    def edit(d):
        d["sources"][0]["kind"] = "vague_group"

    out = _changed(edit)
    assert out.startswith(f"~ source {BASE['sources'][0]['mention']!r}: kind"), out
    assert f"kind {BASE['sources'][0]['kind']!r} → 'vague_group'" in out


def test_diff_names_a_removed_and_an_added_source_not_every_later_id():
    def edit(d):
        gone = d["sources"].pop(1)
        d["sources"].insert(0, {**gone, "start": 0, "end": 3, "mention": "The"})
        for i, s in enumerate(d["sources"], 1):
            s["id"] = f"s{i}"

    lines = goldenlib.diff(BASE, _edit(edit))
    assert [line[0] for line in lines if "source" in line] == ["-", "+"], lines


def test_diff_names_a_new_note_and_a_count():
    def edit(d):
        d["notes"].append(
            {
                "id": "n99",
                "category": "language",
                "rule": "exclamation",
                "severity": "info",
                "title": "An exclamation mark",
                "explanation": "e",
                "check": "c",
                "start": 10,
                "end": 11,
                "excerpt": "x",
                "topic": None,
                "source_id": None,
                "references": [],
            }
        )
        d["summary"]["counts"]["notes"] += 1

    out = _changed(edit)
    assert "+ note info exclamation [10:11]" in out
    assert f"summary.counts.notes: {BASE['summary']['counts']['notes']} →" in out


def test_diff_cuts_long_text_to_the_changed_stretch():
    def edit(d):
        d["summary"]["tone"] = d["summary"]["tone"].replace("score", "rate", 1)

    out = _changed(edit)
    assert out.startswith("~ summary.tone:")
    assert "rate" in out and len(out) < 250
