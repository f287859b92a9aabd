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
        example.text,
        published=example.published,
        title=example.title,
        url=example.url,
        as_of=example.as_of,
    )
    emitted = {n.rule for n in result.notes}
    if fires:
        assert rule_id in emitted, f"{rule_id} did not fire on: {example.text!r}"
    else:
        assert rule_id not in emitted, f"{rule_id} fired on: {example.text!r}"


GOOD_RULE = {
    "category": "sourcing",
    "severity": "info",
    "title": "t",
    "explanation": "e",
    "check": "c",
    "fires": ["x"],
    "quiet": ["y"],
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"fires": []}, "at least one 'fires' and one 'quiet'"),
        ({"quiet": []}, "at least one 'fires' and one 'quiet'"),
        ({"fires": [{"published": "2026-01-01"}]}, "fires: an example must be"),
        ({"quiet": [42]}, "quiet: an example must be"),
        (
            {"fires": [{"text": "x", "publshed": "2026-01-01"}]},
            "unknown example field(s) ['publshed']",
        ),
        ({"title": "   "}, "field 'title' is missing or empty"),
    ],
    ids=["no-fires", "no-quiet", "example-without-text", "example-not-text", "typo", "blank"],
)
def test_rule_without_usable_examples_is_refused(change, message):
    """A rule must ship examples that fire and that stay quiet (test_rule_examples runs them):
    the loader refuses one without, naming the file, the rule and the field."""
    with pytest.raises(CatalogueError) as err:
        parse_rules({"my-rule": {**GOOD_RULE, **change}}, "rules/example.toml")
    assert "rules/example.toml: [my-rule]" in str(err.value)
    assert message in str(err.value)


def test_a_well_formed_rule_parses():
    rule = parse_rules({"my-rule": GOOD_RULE}, "rules/example.toml")["my-rule"]
    assert (rule.id, rule.file, rule.fires[0].text, rule.quiet[0].text) == (
        "my-rule",
        "rules/example.toml",
        "x",
        "y",
    )


def test_a_rule_that_is_not_a_table_is_refused():
    with pytest.raises(CatalogueError, match=r"rules/example.toml: \[my-rule\]: must be a table"):
        parse_rules({"my-rule": "oops"}, "rules/example.toml")


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
