"""lexicon.py: data/attribution.toml read through one loader that checks every key."""

import copy
import dataclasses
import re
import tomllib
from importlib import resources
from pathlib import Path

import footnote.engine.attribution
import pytest
from footnote.engine.attribution.lexicon import (
    SCHEMA,
    Lexicon,
    LexiconDataError,
    build_lexicon,
    load_lexicon,
)
from footnote.engine.document import build_document

from . import tokens


def raw() -> dict:
    text = (resources.files("footnote") / "data" / "attribution.toml").read_text("utf-8")
    return tomllib.loads(text)


def test_the_data_matches_the_schema_exactly():
    data = raw()
    assert {s: set(keys) for s, keys in SCHEMA.items()} == {s: set(t) for s, t in data.items()}
    assert isinstance(load_lexicon(), Lexicon)


def with_change(section, key, value):
    data = copy.deepcopy(raw())
    data[section][key] = value
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            with_change("kinds", "person_heads", "official pilot official"),
            "attribution.toml: [kinds] person_heads: listed twice: official",
        ),
        (
            with_change("anonymity", "reasons", ["because", "because"]),
            "attribution.toml: [anonymity] reasons: listed twice: because",
        ),
        (with_change("cues", "tell", 3), "attribution.toml: [cues] tell: expected words"),
        (
            with_change("cues", "open", "according to"),
            "attribution.toml: [cues] open: expected a list of non-empty strings",
        ),
        (with_change("grammar", "modals", ""), "attribution.toml: [grammar] modals: empty"),
        (
            with_change("grammar", "vague_phrases", "some say"),
            "attribution.toml: [grammar] vague_phrases: unknown key",
        ),
        ({"cues": {}}, "attribution.toml: missing section [abbreviations]"),
        ({**raw(), "extra": {}}, "attribution.toml: unknown section [extra]"),
    ],
)
def test_bad_data_names_the_file_and_key(data, message):
    with pytest.raises(LexiconDataError, match=re.escape(message)):
        build_lexicon(data)


def test_a_missing_key_is_named():
    data = copy.deepcopy(raw())
    del data["outlets"]["handed_on"]
    with pytest.raises(LexiconDataError, match=re.escape("[outlets] handed_on: missing")):
        build_lexicon(data)


def test_every_field_of_the_lexicon_is_read_by_the_stage():
    package = Path(footnote.engine.attribution.__file__).parent
    code = "\n".join(
        p.read_text(encoding="utf-8") for p in package.glob("*.py") if p.name != "lexicon.py"
    )
    code += (package.parent / "document.py").read_text(encoding="utf-8")
    unread = [f.name for f in dataclasses.fields(Lexicon) if not re.search(rf"\.{f.name}\b", code)]
    assert unread == []


def test_one_abbreviation_list_for_sentences_and_tokens():
    doc = build_document("Brig. Gen. Ana Ruiz said on Oct. 3 that the base was safe.")
    assert len(doc.sentences) == 1
    _, toks = tokens("Brig. Gen. Ana Ruiz said on Oct. 3 that the base was safe.")
    assert [t.text for t in toks[:3]] + [toks[6].text] == ["Brig.", "Gen.", "Ana", "Oct."]
    # an abbreviation that is no title keeps its sentence together but loses its dot as a token
    assert len(build_document("Acme Inc. said the plant would close.").sentences) == 1
