"""The knowledge base: topics, state-affiliated outlets and institutions, read from data/kb.

Everything is validated when loaded; a malformed file raises `KnowledgeBaseError` naming
the file and the field, so a contributor sees at once what to fix. The types live in
`kb_model`, the parsers of each file in `kb_parse`.
"""

from __future__ import annotations

import hashlib
import tomllib
from functools import cache
from importlib import resources

from .facts import parse_facts
from .kb_model import (
    MONTHS,
    Fact,
    Holder,
    Institution,
    KnowledgeBase,
    KnowledgeBaseError,
    Outlet,
    Topic,
    expand,
    human_date,
)
from .kb_parse import (
    _date,
    _need,
    _strings,
    parse_cues,
    parse_institutions,
    parse_outlets,
    parse_spellings,
    parse_state_media,
    parse_topic,
)

# The names other modules import from here (the types themselves live in kb_model).
__all__ = [
    "MONTHS",
    "Fact",
    "Holder",
    "Institution",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "Outlet",
    "Topic",
    "build_kb",
    "expand",
    "human_date",
    "kb_digest",
    "load_kb",
    "read_kb_files",
]


def _read(entry, name: str) -> dict:
    try:
        return tomllib.loads(entry.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeBaseError(f"{name}: {exc}") from exc


def _parse_topics(files: dict[str, dict]) -> dict[str, Topic]:
    """The topics under kb/topics/, each in the file named after its id."""
    topics: dict[str, Topic] = {}
    for name in sorted(files):
        if name.startswith("kb/topics/"):
            topic = parse_topic(files[name], name)
            if topic.id in topics:
                raise KnowledgeBaseError(f"{name}: field 'id' '{topic.id}' is used twice")
            if name != f"kb/topics/{topic.id}.toml":
                raise KnowledgeBaseError(f"{name}: field 'id' must match the file name")
            topics[topic.id] = topic
    return topics


def build_kb(files: dict[str, dict], digest: str = "") -> KnowledgeBase:
    """Build and cross-check a knowledge base from parsed TOML, keyed by file name."""
    meta = files.get("kb/kb.toml")
    if meta is None:
        raise KnowledgeBaseError("kb/kb.toml: file is missing")
    topics = _parse_topics(files)
    if "kb/spellings.toml" in files:
        for topic in parse_spellings(files["kb/spellings.toml"], "kb/spellings.toml"):
            if topic.id in topics:
                raise KnowledgeBaseError(
                    f"kb/spellings.toml: field 'id' '{topic.id}' is used twice"
                )
            topics[topic.id] = topic
    for required in ("kb/outlets.toml", "kb/institutions.toml", "kb/cues.toml"):
        if required not in files:
            raise KnowledgeBaseError(f"{required}: file is missing")
    cues = parse_cues(files["kb/cues.toml"], "kb/cues.toml")
    for needed in ("lapse", "former-title", "reported-speech"):  # the code uses these by name
        if needed not in cues.classes:
            raise KnowledgeBaseError(f"kb/cues.toml: field 'classes.{needed}' is missing")
    for topic in topics.values():
        for i, fact in enumerate(topic.facts):
            for cls in fact.framing + fact.unless:
                if cls not in cues.classes:
                    raise KnowledgeBaseError(
                        f"{topic.file}: facts[{i}]: cue class '{cls}' is not in kb/cues.toml"
                    )
    institutions = parse_institutions(files["kb/institutions.toml"], "kb/institutions.toml")
    for inst in institutions:
        if inst.topic and inst.topic not in topics:
            raise KnowledgeBaseError(
                f"kb/institutions.toml: institution '{inst.acronym}': field 'topic' "
                f"'{inst.topic}' is not a topic"
            )
    return KnowledgeBase(
        version=_need(meta, "version", str, "kb/kb.toml"),
        as_of=_date(meta, "as_of", "kb/kb.toml"),
        topics=topics,
        outlets=parse_outlets(files["kb/outlets.toml"], "kb/outlets.toml"),
        state_media=parse_state_media(files["kb/outlets.toml"], "kb/outlets.toml"),
        institutions=institutions,
        cues=cues,
        own_language_places=frozenset(
            w.lower()
            for w in _strings(
                files["kb/institutions.toml"], "own_language_places", "kb/institutions.toml"
            )
        ),
        digest=digest,
        facts=parse_facts(files, expand),
    )


def _kb_entries(folder=None):
    folder = folder or resources.files("footnote") / "data" / "kb"
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".toml"):
            yield f"kb/{entry.name}", entry
        elif entry.name in ("topics", "facts"):
            for sub in sorted(entry.iterdir(), key=lambda p: p.name):
                if sub.name.endswith(".toml"):
                    yield f"kb/{entry.name}/{sub.name}", sub


def read_kb_files(folder=None) -> dict[str, dict]:
    return {name: _read(entry, name) for name, entry in _kb_entries(folder)}


def kb_digest(folder=None) -> str:
    h = hashlib.sha256()
    for name, entry in _kb_entries(folder):
        h.update(name.encode() + b"\0" + entry.read_bytes() + b"\0")
    return h.hexdigest()[:10]


@cache
def load_kb() -> KnowledgeBase:
    return build_kb(read_kb_files(), kb_digest())
