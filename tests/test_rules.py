"""Every rule in the catalogue fires on its 'fires' examples and stays quiet on its 'quiet' ones."""

import pytest
from footnote import analyze
from footnote.engine.catalogue import CatalogueError, load_rules, parse_rules

RULES = load_rules()
CASES = [
    pytest.param(rule.id, example, fires, id=f"{rule.id}-{'fires' if fires else 'quiet'}-{i}")
    for rule in RULES.values()
    for fires, examples in ((True, rule.fires), (False, rule.quiet))
    for i, example in enumerate(examples)
]


@pytest.mark.parametrize(("rule_id", "example", "fires"), CASES)
def test_rule_examples(rule_id, example, fires):
    result = analyze(
        example.text, published=example.published, title=example.title, url=example.url
    )
    emitted = {n.rule for n in result.notes}
    if fires:
        assert rule_id in emitted, f"{rule_id} did not fire on: {example.text!r}"
    else:
        assert rule_id not in emitted, f"{rule_id} fired on: {example.text!r}"


def test_every_rule_has_both_kinds_of_example():
    for rule in RULES.values():
        assert rule.fires and rule.quiet, rule.id


def test_notes_only_use_catalogue_rules(seed_text):
    for note in analyze(seed_text).notes:
        assert note.rule in RULES


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"r": {"category": "sourcing", "severity": "info", "title": "t", "explanation": "e"}},
            "field 'check'",
        ),
        (
            {
                "r": {
                    "category": "gossip",
                    "severity": "info",
                    "title": "t",
                    "explanation": "e",
                    "check": "c",
                    "fires": ["x"],
                    "quiet": ["y"],
                }
            },
            "field 'category'",
        ),
        (
            {
                "r": {
                    "category": "sourcing",
                    "severity": "loud",
                    "title": "t",
                    "explanation": "e",
                    "check": "c",
                    "fires": ["x"],
                    "quiet": ["y"],
                }
            },
            "field 'severity'",
        ),
        (
            {
                "r": {
                    "category": "sourcing",
                    "severity": "info",
                    "title": "t",
                    "explanation": "e",
                    "check": "c",
                    "fires": ["x"],
                }
            },
            "'quiet'",
        ),
    ],
)
def test_bad_rule_file_names_file_and_field(data, message):
    with pytest.raises(CatalogueError) as err:
        parse_rules(data, "rules/example.toml")
    assert "rules/example.toml" in str(err.value)
    assert message in str(err.value)
