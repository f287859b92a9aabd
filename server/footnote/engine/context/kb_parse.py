"""Parsing and validating the knowledge base's TOML, one file kind at a time.

Every field is checked as it is read; a malformed file raises `KnowledgeBaseError` naming the
file and the field.
"""

from __future__ import annotations

import re
from datetime import date
from typing import overload

from ..model import Reference
from .kb_model import (
    Cues,
    Event,
    Fact,
    Holder,
    Institution,
    KnowledgeBaseError,
    Misnomer,
    Outlet,
    StateMediaWords,
    Topic,
    Unnamed,
)

TOPIC_KINDS = ("event", "office", "spelling", "outlets")
WINDOWS = ("sentence", "sentence+1", "paragraph")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# --- validation helpers: each names the file and the field -----------------------------


def _need(raw: dict, key: str, kind, where: str, *, optional: bool = False, default=None):
    if key not in raw:
        if optional:
            return default
        raise KnowledgeBaseError(f"{where}: field '{key}' is missing")
    value = raw[key]
    ok = isinstance(value, kind) and not (kind is str and not value.strip())
    if not ok:
        name = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
        raise KnowledgeBaseError(f"{where}: field '{key}' must be a non-empty {name}")
    return value


def _strings(raw: dict, key: str, where: str, *, optional: bool = True) -> tuple[str, ...]:
    value = _need(raw, key, list, where, optional=optional, default=[])
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise KnowledgeBaseError(f"{where}: field '{key}[{i}]' must be a non-empty string")
    return tuple(value)


@overload
def _date(raw: dict, key: str, where: str) -> date: ...
@overload
def _date(raw: dict, key: str, where: str, *, optional: bool) -> date | None: ...
def _date(raw: dict, key: str, where: str, *, optional: bool = False) -> date | None:
    if key not in raw and optional:
        return None
    value = raw.get(key)
    if not isinstance(value, date) or hasattr(value, "hour"):
        raise KnowledgeBaseError(f"{where}: field '{key}' must be a date (YYYY-MM-DD)")
    return value


def _references(raw: dict, where: str) -> tuple[Reference, ...]:
    refs = _need(raw, "references", list, where)
    if not refs:
        raise KnowledgeBaseError(f"{where}: field 'references' needs at least one reference")
    out = []
    for i, ref in enumerate(refs):
        here = f"{where}: references[{i}]"
        if not isinstance(ref, dict):
            raise KnowledgeBaseError(f"{here}: must be a table with 'title' and 'url'")
        title = _need(ref, "title", str, here)
        url = _need(ref, "url", str, here)
        if not url.startswith(("https://", "http://")):
            raise KnowledgeBaseError(f"{here}: field 'url' must start with http:// or https://")
        out.append(Reference(title, url))
    return tuple(out)


def _tables(raw: dict, key: str, where: str, *, optional: bool = False, fields: str = ""):
    """Each table of the list `key` with where it stands ("file: key[i]"), checked as it is
    reached; `fields` names what the table holds, for the message."""
    for i, item in enumerate(_need(raw, key, list, where, optional=optional, default=[])):
        here = f"{where}: {key}[{i}]"
        if not isinstance(item, dict):
            raise KnowledgeBaseError(f"{here}: must be a table{fields}")
        yield here, item


def _regex(fragment: str, where: str) -> str:
    try:
        re.compile(fragment)
    except re.error as exc:
        raise KnowledgeBaseError(f"{where}: not a valid pattern ({exc})") from None
    return fragment


def _choice(raw: dict, key: str, choices: tuple[str, ...], where: str) -> str:
    value = raw.get(key, choices[0])
    if value not in choices:
        raise KnowledgeBaseError(f"{where}: field '{key}' must be one of {choices}")
    return value


def _alternation(fragments: list[str]) -> str:
    return "|".join(f"(?:{f})" for f in fragments)


# --- parsers ------------------------------------------------------------------------------


def _timeline(raw: dict, where: str) -> list[Event]:
    timeline: list[Event] = []
    for here, ev in _tables(raw, "timeline", where, fields=" with 'date' and 'event'"):
        timeline.append(
            Event(
                _date(ev, "date", here),
                _need(ev, "event", str, here),
                _need(ev, "date_text", str, here, optional=True),
                _need(ev, "since", str, here, optional=True),
            )
        )
    if [e.date for e in timeline] != sorted(e.date for e in timeline):
        raise KnowledgeBaseError(f"{where}: field 'timeline' must be in date order")
    return timeline


def _topic_facts(raw: dict, where: str) -> list[Fact]:
    facts: list[Fact] = []
    for here, f in _tables(raw, "facts", where, optional=True):
        valid_from = _date(f, "valid_from", here, optional=True)
        valid_to = _date(f, "valid_to", here, optional=True)
        if valid_from is None and valid_to is None:
            raise KnowledgeBaseError(f"{here}: field 'valid_from' or 'valid_to' is needed")
        if valid_from and valid_to and valid_to <= valid_from:
            raise KnowledgeBaseError(f"{here}: field 'valid_to' must be after 'valid_from'")
        facts.append(
            Fact(
                statement=_need(f, "statement", str, here),
                valid_from=valid_from,
                valid_to=valid_to,
                framing=_strings(f, "framing", here, optional=False),
                unless=_strings(f, "unless", here),
                changed=_need(f, "changed", str, here),
                subject=_strings(f, "subject", here),
            )
        )
    return facts


def _holders(raw: dict, where: str) -> list[Holder]:
    holders: list[Holder] = []
    for here, h in _tables(raw, "holders", where, optional=True):
        holders.append(
            Holder(
                name=_need(h, "name", str, here),
                short=_strings(h, "short", here),
                valid_from=_date(h, "valid_from", here),
                valid_to=_date(h, "valid_to", here, optional=True),
                successor=_need(h, "successor", str, here, optional=True),
            )
        )
    return holders


def parse_topic(raw: dict, file: str) -> Topic:
    where = file
    tid = _need(raw, "id", str, where)
    if not _ID.match(tid):
        raise KnowledgeBaseError(f"{where}: field 'id' must be lower-case words joined by '-'")
    kind = raw.get("kind", "event")
    if kind not in TOPIC_KINDS:
        raise KnowledgeBaseError(f"{where}: field 'kind' must be one of {TOPIC_KINDS}")
    window = raw.get("window", "sentence")
    if window not in WINDOWS:
        raise KnowledgeBaseError(f"{where}: field 'window' must be one of {WINDOWS}")
    aliases = _strings(raw, "aliases", where)
    weak = _strings(raw, "weak_aliases", where)
    if kind != "outlets" and not aliases and not weak:
        raise KnowledgeBaseError(f"{where}: field 'aliases' is missing (a topic needs a name)")
    near_raw = _need(raw, "near", list, where, optional=True, default=[])
    near = []
    for i, group in enumerate(near_raw):
        if not isinstance(group, list) or not group:
            raise KnowledgeBaseError(f"{where}: field 'near[{i}]' must be a non-empty list")
        near.append(_strings({"g": group}, "g", f"{where}: near[{i}]"))
    if weak and not near:
        raise KnowledgeBaseError(f"{where}: field 'near' is needed when 'weak_aliases' is set")
    timeline = _timeline(raw, where)
    facts = _topic_facts(raw, where)
    holders = _holders(raw, where)
    if kind == "office" and not holders:
        raise KnowledgeBaseError(f"{where}: field 'holders' is needed for an office topic")
    case_sensitive = frozenset(_strings(raw, "case_sensitive", where))
    for alias in case_sensitive:
        if alias not in aliases and alias not in weak:
            raise KnowledgeBaseError(
                f"{where}: field 'case_sensitive' names '{alias}', which is not an alias"
            )
    return Topic(
        unnamed=_parse_unnamed(raw, where),
        undated=_need(raw, "undated", str, where, optional=True),
        counts_from=_date(raw, "counts_from", where, optional=True),
        id=tid,
        title=_need(raw, "title", str, where),
        summary=_need(raw, "summary", str, where),
        last_checked=_date(raw, "last_checked", where),
        kind=kind,
        aliases=aliases,
        weak_aliases=weak,
        case_sensitive=case_sensitive,
        near=tuple(near),
        not_near=_strings(raw, "not_near", where),
        window=window,
        traps=_strings(raw, "traps", where),
        back_references=_strings(raw, "back_references", where),
        timeline=tuple(timeline),
        facts=tuple(facts),
        holders=tuple(holders),
        references=_references(raw, where),
        preferred=_need(raw, "preferred", str, where, optional=True),
        file=file,
    )


def _parse_unnamed(raw: dict, where: str) -> Unnamed | None:
    data = _need(raw, "unnamed", dict, where, optional=True)
    if data is None:
        return None
    here = f"{where}: unnamed"
    valid_from = _date(data, "valid_from", here, optional=True)
    valid_to = _date(data, "valid_to", here, optional=True)
    if valid_from and valid_to and valid_to <= valid_from:
        raise KnowledgeBaseError(f"{here}: field 'valid_to' must be after 'valid_from'")
    setting = _strings(data, "setting", here, optional=False)
    setting_min = _need(data, "setting_min", int, here, optional=True, default=2)
    if not 1 <= setting_min <= len(setting):
        raise KnowledgeBaseError(f"{here}: field 'setting_min' must be 1 to len(setting)")
    return Unnamed(
        phrases=_strings(data, "phrases", here, optional=False),
        setting=setting,
        setting_min=setting_min,
        not_near=_strings(data, "not_near", here),
        valid_from=valid_from,
        valid_to=valid_to,
        why=_need(data, "why", str, here),
    )


def parse_spellings(data: dict, file: str) -> list[Topic]:
    """One table of place names with a Russian-based and a Ukrainian-based spelling; each row
    becomes a topic of kind "spelling" (info only: the note explains both spellings)."""
    shared = _need(data, "timeline", list, file, optional=True, default=[])
    refs = _need(data, "references", list, file)
    out = []
    for where, row in _tables(data, "spelling", file):
        raw = {
            "kind": "spelling",
            "timeline": shared,
            "last_checked": data.get("last_checked"),
            **row,
            # the table's references, then the row's own
            "references": refs + row.get("references", []),
        }
        topic = parse_topic(raw, where)
        if topic.preferred is None:
            raise KnowledgeBaseError(f"{where}: field 'preferred' is missing")
        out.append(topic)
    return out


def parse_outlets(data: dict, file: str) -> tuple[Outlet, ...]:
    out = []
    for where, raw in _tables(data, "outlet", file):
        oid = _need(raw, "id", str, where)
        where = f"{file}: outlet '{oid}'"
        out.append(
            Outlet(
                id=oid,
                name=_need(raw, "name", str, where),
                full_name=_need(raw, "full_name", str, where),
                country=_need(raw, "country", str, where),
                controlled_by=_need(raw, "controlled_by", str, where),
                control=_choice(raw, "control", ("controlled", "funded"), where),
                aliases=_strings(raw, "aliases", where, optional=False),
                case_sensitive=_need(raw, "case_sensitive", bool, where),
                domains=_strings(raw, "domains", where, optional=False),
                not_next=_strings(raw, "not_next", where),
                last_checked=_date(raw, "last_checked", where),
                references=_references(raw, where),
            )
        )
    return tuple(out)


def parse_institutions(data: dict, file: str) -> tuple[Institution, ...]:
    out = []
    for where, raw in _tables(data, "institution", file):
        acronym = _need(raw, "acronym", str, where)
        where = f"{file}: institution '{acronym}'"
        misnomers = []
        fields = " with 'anchor' and 'pattern'"
        for here, m in _tables(raw, "misnomers", where, optional=True, fields=fields):
            pattern = _regex(_need(m, "pattern", str, here), f"{here}: field 'pattern'")
            misnomers.append(Misnomer(_need(m, "anchor", str, here), re.compile(pattern)))
        out.append(
            Institution(
                acronym=acronym,
                acronyms=(acronym, *_strings(raw, "acronyms", where)),
                names=_strings(raw, "names", where, optional=False),
                about=_need(raw, "about", str, where),
                language=_need(raw, "language", str, where),
                topic=_need(raw, "topic", str, where, optional=True),
                misnomers=tuple(misnomers),
                references=_references(raw, where),
            )
        )
    return tuple(out)


def parse_state_media(data: dict, file: str) -> StateMediaWords | None:
    raw = _need(data, "state_media", dict, file, optional=True)
    if raw is None:
        return None
    where = f"{file}: state_media"
    nouns = _strings(raw, "nouns", where, optional=False)
    countries = _need(raw, "countries", dict, where)
    for adj, country in countries.items():
        if not isinstance(country, str) or not country.strip():
            raise KnowledgeBaseError(f"{where}: countries.{adj} must be a non-empty string")
    after = _strings(raw, "said_after", where, optional=False)
    before = _strings(raw, "said_before", where, optional=False)
    for j, frag in enumerate(nouns + after + before):
        _regex(frag, f"{where}: pattern {j}")
    adjs = "|".join(re.escape(a) for a in sorted(countries, key=len, reverse=True))
    pattern = re.compile(
        rf"(?<![\w-])(?:(?P<adj>{adjs})\s+)?(?:official\s+)?(?:{_alternation(list(nouns))})(?![\w-])",
        re.I,
    )
    return StateMediaWords(
        pattern=pattern,
        countries={k.lower(): v for k, v in countries.items()},
        said_after=re.compile(
            rf"^(?:[\s,]+[\w-]+){{0,3}}?[\s,]+(?:{_alternation(list(after))})\b", re.I
        ),
        said_before=re.compile(rf"\b(?:{_alternation(list(before))})\s+(?:the\s+)?$", re.I),
    )


def parse_cues(data: dict, file: str) -> Cues:
    classes_raw = _need(data, "classes", dict, file)
    classes = {}
    for name, fragments in classes_raw.items():
        here = f"{file}: classes.{name}"
        items = _strings({"x": fragments}, "x", here, optional=False) if fragments else ()
        if not items:
            raise KnowledgeBaseError(f"{here}: needs at least one phrase")
        for j, frag in enumerate(items):
            _regex(frag, f"{here}[{j}]")
        classes[name] = re.compile(rf"(?<!\w)(?:{_alternation(list(items))})(?!\w)", re.I)
    relay = _need(data, "relay", dict, file)
    before = _strings(relay, "before", f"{file}: relay", optional=False)
    after = _strings(relay, "after", f"{file}: relay", optional=False)
    between = _need(relay, "between_words", int, f"{file}: relay")
    for j, frag in enumerate(before + after):
        _regex(frag, f"{file}: relay pattern {j}")
    relay_before = re.compile(
        rf"(?<![\w])(?:{_alternation(list(before))})\s+(?:[\w'.-]+\s+){{0,{between}}}$", re.I
    )
    relay_after = re.compile(rf"^(?:{_alternation(list(after))})", re.I)
    return Cues(classes, relay_before, relay_after)
