"""Golden fixtures: `tests/golden/<slug>/input.json` holds what `footnote.analyze` takes
(text, published, title, url) and `expected.json` the full `footnote.to_dict` output for it.

`tests/test_golden.py` compares them; `scripts/golden.py` (`make golden`) rewrites
`expected.json` on purpose. Both use this module, so a fixture is rendered one way only.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from footnote import analyze, to_dict

GOLDEN = Path(__file__).resolve().parent / "golden"
INPUT_KEYS = ("text", "published", "title", "url")
# A timing, different on every run: left out of expected.json.
VOLATILE_META = ("elapsed_ms",)
MAX_LINES = 40


def slugs() -> list[str]:
    return sorted(p.name for p in GOLDEN.iterdir() if (p / "input.json").is_file())


def read_input(slug: str) -> dict:
    path = GOLDEN / slug / "input.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise ValueError(f"{path}: must be an object with a string 'text'")
    unknown = set(data) - set(INPUT_KEYS)
    if unknown:
        raise ValueError(f"{path}: unknown key(s) {sorted(unknown)}; allowed: {INPUT_KEYS}")
    return data


def render(inputs: dict) -> dict:
    """The analysis of one input, as expected.json stores it."""
    text = inputs["text"]
    result = to_dict(analyze(text, **{k: inputs.get(k) for k in INPUT_KEYS[1:]}))
    for key in VOLATILE_META:
        result["meta"].pop(key, None)
    # "2026-11-25.1+12c56200a4": the hash after "+" changes with any byte of the knowledge
    # files, comments and moves included; the declared version before it is kept.
    meta = result["meta"]
    if isinstance(meta.get("knowledge_version"), str):
        meta["knowledge_version"] = meta["knowledge_version"].split("+", 1)[0]
    return result


def dumps(data: dict) -> str:
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def read_expected(slug: str) -> dict:
    return json.loads((GOLDEN / slug / "expected.json").read_text(encoding="utf-8"))


# --- a diff a reader can act on: which source or note appeared, went or changed ---------------


def _short(value, limit: int = 70) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _changed_text(old, new, limit: int = 70) -> str:
    """`old → new`, both cut to the stretch around their first difference."""
    if not (isinstance(old, str) and isinstance(new, str)):
        return f"{_short(old, limit)} → {_short(new, limit)}"
    start = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), None)
    if start is None:
        start = min(len(old), len(new))
    start = max(0, start - 20)

    def cut(s: str) -> str:
        piece = s[start : start + limit]
        return ("…" if start else "") + piece + ("…" if start + limit < len(s) else "")

    return f"{cut(old)!r} → {cut(new)!r}"


def _span(item: dict) -> str:
    return "document" if item.get("start") is None else f"[{item['start']}:{item['end']}]"


def _source_line(s: dict) -> str:
    return f"source {s['kind']} {_short(s['mention'], 60)} {_span(s)} cue {s['cue']!r}"


def _note_line(n: dict) -> str:
    where = _span(n) + (f" {_short(n['excerpt'], 40)}" if n.get("excerpt") else "")
    topic = f" topic {n['topic']}" if n.get("topic") else ""
    return f"note {n['severity']} {n['rule']}{topic} {where}: {_short(n['title'], 60)}"


def _pair(old: list[dict], new: list[dict], key):
    """Match items by key (several with one key pair up in order): (matched, removed, added)."""
    groups: dict = defaultdict(list)
    for item in old:
        groups[key(item)].append(item)
    matched, added = [], []
    for item in new:
        bucket = groups.get(key(item))
        if bucket:
            matched.append((bucket.pop(0), item))
        else:
            added.append(item)
    removed = [item for bucket in groups.values() for item in bucket]
    return matched, removed, added


def _field_changes(label: str, old: dict, new: dict, skip=()) -> list[str]:
    return [
        f"~ {label}: {field} {_changed_text(old.get(field), new.get(field))}"
        for field in sorted(set(old) | set(new))
        if field not in skip and old.get(field) != new.get(field)
    ]


def diff(expected: dict, actual: dict) -> list[str]:
    """Compact lines naming what changed between two `to_dict` outputs, empty when equal.

    Sources pair up by span and notes by rule, topic and span, so a new source early in the
    text reads as one added source, not as every later id shifting; `source_id` is compared
    through the span of the source it points at."""
    if expected == actual:
        return []
    lines: list[str] = []
    old_sum, new_sum = expected.get("summary", {}), actual.get("summary", {})
    for field in ("headline", "tone"):
        if old_sum.get(field) != new_sum.get(field):
            lines.append(
                f"~ summary.{field}: {_changed_text(old_sum.get(field), new_sum.get(field))}"
            )
    old_counts, new_counts = old_sum.get("counts", {}), new_sum.get("counts", {})
    for field in sorted(set(old_counts) | set(new_counts)):
        if old_counts.get(field) != new_counts.get(field):
            lines.append(
                f"~ summary.counts.{field}: {old_counts.get(field)} → {new_counts.get(field)}"
            )

    def source_key(s):
        return (s.get("start"), s.get("end"))

    old_src, new_src = expected.get("sources", []), actual.get("sources", [])
    matched, removed, added = _pair(old_src, new_src, source_key)
    lines += [f"- {_source_line(s)}" for s in removed]
    lines += [f"+ {_source_line(s)}" for s in added]
    for old, new in matched:
        lines += _field_changes(f"source {_short(old['mention'], 40)}", old, new, skip={"id"})

    def where_source(sources):
        spans = {s["id"]: source_key(s) for s in sources}
        return lambda note: {**note, "id": None, "source_id": spans.get(note.get("source_id"))}

    old_notes = list(map(where_source(old_src), expected.get("notes", [])))
    new_notes = list(map(where_source(new_src), actual.get("notes", [])))
    matched, removed, added = _pair(
        old_notes, new_notes, lambda n: (n["rule"], n.get("topic"), n.get("start"), n.get("end"))
    )
    lines += [f"- {_note_line(n)}" for n in removed]
    lines += [f"+ {_note_line(n)}" for n in added]
    for old, new in matched:
        label = f"note {old['rule']} {_span(old)}"
        lines += _field_changes(label, old, new, skip={"id"})

    lines += _field_changes("meta", expected.get("meta", {}), actual.get("meta", {}))
    extra = sorted(set(expected) ^ set(actual))
    if extra:
        lines.append(f"~ top-level keys differ: {extra}")
    if not lines:
        lines.append("~ same sources and notes, in a different order (or ids renumbered)")
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES] + [f"… and {len(lines) - MAX_LINES} more lines"]
    return lines
