"""The rule catalogue: every rule the engine can emit, read from data/rules/*.toml.

The same data drives the notes' wording, `GET /api/v1/rules`, the /rules page and
docs/rules.md, so a rule's text is written once.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

CATEGORIES = ("sourcing", "attribution", "context", "language")
SEVERITIES = ("info", "caution", "warning")


class CatalogueError(ValueError):
    """A rule file is malformed; the message names the file and the field."""


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    as_of: str | None = None  # the reader's today, for "since this was published" notes


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    category: str
    severity: str
    title: str
    explanation: str
    check: str
    fires: tuple[Example, ...]
    quiet: tuple[Example, ...]
    file: str


def _example(raw, where: str) -> Example:
    if isinstance(raw, str):
        return Example(raw)
    if isinstance(raw, dict) and isinstance(raw.get("text"), str):
        unknown = set(raw) - {"text", "published", "title", "url", "as_of"}
        if unknown:
            raise CatalogueError(f"{where}: unknown example field(s) {sorted(unknown)}")
        return Example(
            raw["text"], raw.get("published"), raw.get("title"), raw.get("url"), raw.get("as_of")
        )
    raise CatalogueError(f"{where}: an example must be a string or a table with 'text'")


def parse_rules(data: dict, file: str) -> dict[str, Rule]:
    rules = {}
    for rule_id, raw in data.items():
        where = f"{file}: [{rule_id}]"
        if not isinstance(raw, dict):
            raise CatalogueError(f"{where}: must be a table")
        for field in ("category", "severity", "title", "explanation", "check"):
            if not isinstance(raw.get(field), str) or not raw[field].strip():
                raise CatalogueError(f"{where}: field '{field}' is missing or empty")
        if raw["category"] not in CATEGORIES:
            raise CatalogueError(f"{where}: field 'category' must be one of {CATEGORIES}")
        if raw["severity"] not in SEVERITIES:
            raise CatalogueError(f"{where}: field 'severity' must be one of {SEVERITIES}")
        fires = tuple(_example(e, f"{where} fires") for e in raw.get("fires", ()))
        quiet = tuple(_example(e, f"{where} quiet") for e in raw.get("quiet", ()))
        if not fires or not quiet:
            raise CatalogueError(f"{where}: needs at least one 'fires' and one 'quiet' example")
        rules[rule_id] = Rule(
            id=rule_id,
            category=raw["category"],
            severity=raw["severity"],
            title=raw["title"],
            explanation=raw["explanation"],
            check=raw["check"],
            fires=fires,
            quiet=quiet,
            file=file,
        )
    return rules


@cache
def load_rules() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    folder = resources.files("footnote") / "data" / "rules"
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".toml"):
            continue
        try:
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise CatalogueError(f"rules/{entry.name}: {exc}") from exc
        for rule_id, rule in parse_rules(data, f"rules/{entry.name}").items():
            if rule_id in rules:
                raise CatalogueError(f"rules/{entry.name}: rule '{rule_id}' defined twice")
            rules[rule_id] = rule
    return rules


def rule_as_dict(rule: Rule) -> dict:
    """The public description of a rule (API and docs)."""

    def ex(e: Example) -> dict:
        pairs = (("text", e.text), ("published", e.published), ("as_of", e.as_of))
        return {k: v for k, v in pairs if v}

    return {
        "id": rule.id,
        "category": rule.category,
        "severity": rule.severity,
        "title": rule.title,
        "explanation": rule.explanation,
        "check": rule.check,
        "example_fires": ex(rule.fires[0]),
        "example_quiet": ex(rule.quiet[0]),
    }


def catalogue() -> list[dict]:
    """Every rule as the API and docs/rules.md describe it, grouped by category, then by id."""
    rules = sorted(load_rules().values(), key=lambda r: (CATEGORIES.index(r.category), r.id))
    return [rule_as_dict(r) for r in rules]
