"""Notes stage: findings from every stage become contract notes through the rule catalogue."""

from __future__ import annotations

from .catalogue import CATEGORIES, Rule
from .model import Finding, Note


class _Params(dict):
    def __missing__(self, key):  # a template names a value the stage did not give
        raise KeyError(f"rule template needs '{key}'")


def _fill(template: str, params: dict) -> str:
    if "{" not in template:
        return template
    return template.format_map(_Params(params))


def _text(template: str, field: str, params: dict) -> str:
    # A stage's own wording for a field is used as it is (it may quote the article).
    if field in params:
        return params[field]
    return _fill(template, params)


def make_notes(findings: list[Finding], text: str, rules: dict[str, Rule]) -> tuple[Note, ...]:
    def order(f: Finding):
        return (
            f.start if f.start is not None else -1,
            CATEGORIES.index(rules[f.rule].category),
            f.rule,
        )

    notes = []
    for i, f in enumerate(sorted(findings, key=order), start=1):
        rule = rules[f.rule]
        params = f.params
        start, end = f.start, f.end
        notes.append(
            Note(
                id=f"n{i}",
                category=rule.category,
                rule=rule.id,
                severity=f.severity or rule.severity,
                title=_text(rule.title, "title", params),
                explanation=_text(rule.explanation, "explanation", params),
                check=_text(rule.check, "check", params),
                start=start,
                end=end,
                excerpt=text[start:end] if start is not None and end is not None else None,
                topic=f.topic,
                source_id=f.source_id,
                references=f.references,
            )
        )
    return tuple(notes)
