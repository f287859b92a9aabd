"""Typed dated facts in the knowledge base: office holders, memberships, treaty changes.

Read from data/kb/facts/*.toml, one file per kind of fact, and validated with the rest of
the knowledge base: every fact has ISO dates and a citation URL, a tenure starts before it
ends, and two tenures of one office overlap only when one of them is marked `acting`.
A malformed file raises `KnowledgeBaseError` naming the file and the key.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

FILES = ("kb/facts/offices.toml", "kb/facts/memberships.toml", "kb/facts/treaties.toml")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_OFFICE_KEYS = {"id", "name", "body", "country", "role", "titles", "holder", "abolished"}
_HOLDER_KEYS = {"name", "names", "start", "end", "acting", "note", "source"}
_MEMBER_KEYS = {"body", "member", "start", "end", "note", "source"}
_CHANGE_KEYS = {"treaty", "date", "party", "status", "summary", "source", "scheduled"}
_CONTEXT_KEYS = {"before", "after", "sentence", "capitalised_ok"}
_FOLD = str.maketrans("ıłŁøØ", "ilLoO")  # letters NFKD does not decompose


@dataclass(frozen=True, slots=True)
class Tenure:
    """One person's time in one office: start <= day < end (no end: still in office)."""

    office: str
    name: str
    names: tuple[str, ...]  # forms of the name used after a title; the full name first
    start: date
    end: date | None
    acting: bool
    source: str
    note: str | None = None

    def holds_on(self, day: date, grace: int = 0) -> bool:
        pad = timedelta(days=grace)
        return self.start - pad <= day and (self.end is None or day < self.end + pad)


@dataclass(frozen=True, slots=True)
class Office:
    id: str
    name: str
    where: str  # the country or body
    role: str
    titles: tuple[str, ...]  # expanded: every form a title takes before a name
    holders: tuple[Tenure, ...]
    abolished: date | None = None

    def holder_on(self, day: date) -> Tenure | None:
        """The substantive holder on that day, else an acting one."""
        found = [t for t in self.holders if t.holds_on(day)]
        return next((t for t in found if not t.acting), found[0] if found else None)


@dataclass(frozen=True, slots=True)
class Membership:
    body: str
    member: str
    start: date
    end: date | None
    source: str
    note: str | None = None


@dataclass(frozen=True, slots=True)
class TreatyChange:
    treaty: str
    date: date
    party: str
    status: str
    summary: str
    source: str
    scheduled: bool = False  # fixed in advance (a treaty's term), not yet seen to happen


@dataclass(frozen=True, slots=True)
class OfficeContext:
    """Phrases that make a title-and-name historical (see offices.toml [context])."""

    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    sentence: tuple[str, ...] = ()
    capitalised_ok: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Facts:
    offices: tuple[Office, ...] = ()
    memberships: tuple[Membership, ...] = ()
    changes: tuple[TreatyChange, ...] = ()
    checked: date | None = None  # the date the lists were last known complete
    grace_days: int = 0
    context: OfficeContext = OfficeContext()

    def counts(self) -> dict[str, int]:
        return {
            "office_holders": sum(len(o.holders) for o in self.offices),
            "memberships": len(self.memberships),
            "treaty_changes": len(self.changes),
        }


EMPTY = Facts()


def ascii_fold(text: str) -> str:
    """'Erdoğan' -> 'Erdogan', 'Yıldırım' -> 'Yildirim', 'Szydło' -> 'Szydlo'."""
    text = text.translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# --- validation helpers --------------------------------------------------------------------


def _err(where: str, message: str):
    from .kb import KnowledgeBaseError

    return KnowledgeBaseError(f"{where}: {message}")


def _str(raw: dict, key: str, where: str) -> str:
    if key not in raw:
        raise _err(where, f"field '{key}' is missing")
    value = raw[key]
    if not isinstance(value, str) or not value.strip():
        raise _err(where, f"field '{key}' must be a non-empty string")
    return value


def _strs(raw: dict, key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list):
        raise _err(where, f"field '{key}' must be a list of strings")
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise _err(where, f"field '{key}[{i}]' must be a non-empty string")
    return tuple(value)


def _opt_str(raw: dict, key: str, where: str) -> str | None:
    return _str(raw, key, where) if key in raw else None


def _day(raw: dict, key: str, where: str) -> date:
    if key not in raw:
        raise _err(where, f"field '{key}' is missing")
    value = raw[key]
    if not isinstance(value, date) or hasattr(value, "hour"):
        raise _err(where, f"field '{key}' must be a date (YYYY-MM-DD)")
    return value


def _opt_day(raw: dict, key: str, where: str) -> date | None:
    return _day(raw, key, where) if key in raw else None


def _source(raw: dict, where: str) -> str:
    if "source" not in raw:
        raise _err(where, "field 'source' is missing: every fact needs a citation URL")
    url = _str(raw, "source", where)
    if not re.match(r"^https?://[^\s/]+\.[^\s]+$", url):
        raise _err(where, "field 'source' must be an http:// or https:// URL")
    return url


def _known_keys(raw: dict, allowed: set[str], where: str) -> None:
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise _err(where, f"unknown field(s) {unknown}")


def _table_list(data: dict, key: str, file: str) -> list[dict]:
    items = data.get(key)
    if not isinstance(items, list) or not items:
        raise _err(file, f"field '{key}' is missing (a list of [[{key}]] tables)")
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise _err(f"{file}: {key}[{i}]", "must be a table")
    return items


def _checked(data: dict, file: str) -> date:
    return _day(data, "checked", file)


def _start_end(
    raw: dict, where: str, checked: date, end_note: str = ""
) -> tuple[date, date | None]:
    """'start' and an optional 'end' (the first day it no longer holds), after 'start'; a
    start after the file's 'checked' date is an error."""
    start = _day(raw, "start", where)
    end = _opt_day(raw, "end", where)
    if end is not None and end <= start:
        raise _err(where, f"field 'end' must be after 'start'{end_note}")
    if start > checked:
        raise _err(where, "field 'start' is after the file's 'checked' date")
    return start, end


# --- parsers ---------------------------------------------------------------------------------


def _tenure(raw: dict, office: str, i: int, where: str, checked: date) -> Tenure:
    here = f"{where}: holder[{i}]"
    _known_keys(raw, _HOLDER_KEYS, here)
    name = _str(raw, "name", here)
    here = f"{where}: holder[{i}] '{name}'"
    start, end = _start_end(raw, here, checked, " (end is the first day out of office)")
    acting = raw.get("acting", False)
    if not isinstance(acting, bool):
        raise _err(here, "field 'acting' must be true or false")
    names = tuple(dict.fromkeys((name, *_strs(raw, "names", here))))
    return Tenure(
        office=office,
        name=name,
        names=names,
        start=start,
        end=end,
        acting=acting,
        source=_source(raw, here),
        note=_opt_str(raw, "note", here),
    )


def _check_overlaps(holders: list[Tenure], where: str) -> None:
    for a, b in zip(holders, holders[1:], strict=False):
        if b.start < a.start:
            raise _err(where, f"holders must be in order of 'start' ('{b.name}' before '{a.name}')")
    for i, a in enumerate(holders):
        for b in holders[i + 1 :]:
            if b.start >= (a.end or date.max):
                break
            if not (a.acting or b.acting):
                raise _err(
                    where,
                    f"tenures overlap: '{a.name}' ({a.start} to {a.end or 'open'}) and "
                    f"'{b.name}' (from {b.start}); only an 'acting' holder may overlap",
                )


def parse_offices(data: dict, file: str, expand) -> tuple[tuple[Office, ...], int, OfficeContext]:
    _known_keys(data, {"checked", "grace_days", "office", "context"}, file)
    checked = _checked(data, file)
    grace = data.get("grace_days", 0)
    if not isinstance(grace, int) or isinstance(grace, bool) or not 0 <= grace <= 120:
        raise _err(file, "field 'grace_days' must be a whole number of days from 0 to 120")
    ctx_raw = data.get("context", {})
    if not isinstance(ctx_raw, dict):
        raise _err(file, "field 'context' must be a table")
    _known_keys(ctx_raw, _CONTEXT_KEYS, f"{file}: context")
    for key in _CONTEXT_KEYS:
        for j, frag in enumerate(_strs(ctx_raw, key, f"{file}: context")):
            try:
                re.compile(frag)
            except re.error as exc:
                raise _err(f"{file}: context.{key}[{j}]", f"not a valid pattern ({exc})") from None
    context = OfficeContext(**{k: _strs(ctx_raw, k, f"{file}: context") for k in _CONTEXT_KEYS})
    offices: list[Office] = []
    seen: set[str] = set()
    for i, raw in enumerate(_table_list(data, "office", file)):
        where = f"{file}: office[{i}]"
        _known_keys(raw, _OFFICE_KEYS, where)
        oid = _str(raw, "id", where)
        if not _ID.match(oid):
            raise _err(where, "field 'id' must be lower-case words joined by '-'")
        where = f"{file}: office '{oid}'"
        if oid in seen:
            raise _err(where, "field 'id' is used twice")
        seen.add(oid)
        place = _opt_str(raw, "country", where) or _str(raw, "body", where)
        holders_raw = raw.get("holder")
        if not isinstance(holders_raw, list) or not holders_raw:
            raise _err(where, "field 'holder' is missing (a list of [[office.holder]] tables)")
        holders = []
        for j, h in enumerate(holders_raw):
            if not isinstance(h, dict):
                raise _err(f"{where}: holder[{j}]", "must be a table")
            holders.append(_tenure(h, oid, j, where, checked))
        _check_overlaps(holders, where)
        abolished = _opt_day(raw, "abolished", where)
        if abolished and any(h.end is None or h.end > abolished for h in holders):
            raise _err(where, "a tenure runs past the date in 'abolished'")
        titles = tuple(t for pattern in _strs(raw, "titles", where) for t in expand(pattern))
        offices.append(
            Office(
                id=oid,
                name=_str(raw, "name", where),
                where=place,
                role=_str(raw, "role", where),
                titles=titles,
                holders=tuple(holders),
                abolished=abolished,
            )
        )
    return tuple(offices), grace, context


def parse_memberships(data: dict, file: str) -> tuple[Membership, ...]:
    _known_keys(data, {"checked", "membership"}, file)
    checked = _checked(data, file)
    out = []
    seen = set()
    for i, raw in enumerate(_table_list(data, "membership", file)):
        where = f"{file}: membership[{i}]"
        _known_keys(raw, _MEMBER_KEYS, where)
        body, member = _str(raw, "body", where), _str(raw, "member", where)
        where = f"{file}: membership '{member}' in '{body}'"
        start, end = _start_end(raw, where, checked)
        if (body, member) in seen:  # one membership per body and member: no overlap possible
            raise _err(where, "is listed twice")
        seen.add((body, member))
        out.append(
            Membership(
                body,
                member,
                start,
                end,
                _source(raw, where),
                _opt_str(raw, "note", where),
            )
        )
    return tuple(out)


def parse_changes(data: dict, file: str) -> tuple[TreatyChange, ...]:
    _known_keys(data, {"checked", "change"}, file)
    checked = _checked(data, file)
    out = []
    for i, raw in enumerate(_table_list(data, "change", file)):
        where = f"{file}: change[{i}]"
        _known_keys(raw, _CHANGE_KEYS, where)
        treaty = _str(raw, "treaty", where)
        day = _day(raw, "date", where)
        where = f"{file}: change[{i}] '{treaty}' on {day}"
        status = _str(raw, "status", where)
        scheduled = raw.get("scheduled", False)
        if not isinstance(scheduled, bool):
            raise _err(where, "field 'scheduled' must be true or false")
        if day > checked and not scheduled:
            raise _err(where, "field 'date' is after the file's 'checked' date (set 'scheduled')")
        out.append(
            TreatyChange(
                treaty=treaty,
                date=day,
                party=_str(raw, "party", where),
                status=status,
                summary=_str(raw, "summary", where),
                source=_source(raw, where),
                scheduled=scheduled,
            )
        )
    return tuple(out)


def parse_facts(files: dict[str, dict], expand) -> Facts:
    """The facts among the knowledge base's parsed files (none at all is allowed)."""
    present = [name for name in files if name.startswith("kb/facts/")]
    for name in present:
        if name not in FILES:
            raise _err(name, f"unknown kind of fact (expected one of {', '.join(FILES)})")
    if not present:
        return EMPTY
    for name in FILES:
        if name not in files:
            raise _err(name, "file is missing")
    offices, grace, context = parse_offices(files[FILES[0]], FILES[0], expand)
    return Facts(
        offices=offices,
        memberships=parse_memberships(files[FILES[1]], FILES[1]),
        changes=parse_changes(files[FILES[2]], FILES[2]),
        checked=min(_checked(files[f], f) for f in FILES),
        grace_days=grace,
        context=context,
    )
