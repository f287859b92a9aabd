"""Finding a corpus's files, cutting them into partitions, and reading a partition's records.

Inputs are JSON-lines files (`.jsonl`, `.ndjson`, `.json`, each optionally `.gz`) and Parquet
files. Planning reads each file once on the client, to count its records and, for plain
JSON lines, to note where every partition starts, so a worker can seek straight to it.
Record numbers are 1-based: a JSON-lines file's line number, a Parquet file's row number.

Nothing here logs or returns a record's text except to the analysis itself.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
SUFFIXES = (*JSONL_SUFFIXES, *(s + ".gz" for s in JSONL_SUFFIXES), ".parquet")


class PlanError(ValueError):
    """The inputs cannot be planned (no files, a name clash); the message is safe to print."""


@dataclass(frozen=True)
class Fields:
    """Which field of a record holds what. Only `text` must be present."""

    text: str = "text"
    date: str = "date"
    title: str = "title"
    url: str = "url"
    id: str = "id"


@dataclass(frozen=True)
class Part:
    """One partition: `count` records of `path` from record number `first` (1-based).

    `offset` is the byte where record `first` starts (plain JSON lines only). `key` names the
    partition's output shards and is the same on every run over the same inputs."""

    path: str
    label: str
    first: int
    count: int
    offset: int
    key: str


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".parquet"):
        return "parquet"
    for suffix in JSONL_SUFFIXES:
        if name.endswith(suffix):
            return "jsonl"
        if name.endswith(suffix + ".gz"):
            return "jsonl.gz"
    return None


def discover(inputs: list[str]) -> list[tuple[Path, str]]:
    """Each input file with its label (its path below the folder given, or its name)."""
    found = []
    for given in inputs:
        root = Path(given)
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file() and _kind(path) and not path.name.startswith("."):
                    found.append((path, path.relative_to(root).as_posix()))
        elif root.is_file():
            if not _kind(root):
                raise PlanError(f"{given}: not a corpus file (expected one of {SUFFIXES})")
            found.append((root, root.name))
        else:
            raise PlanError(f"{given}: no such file or folder")
    if not found:
        raise PlanError("no corpus files found (" + ", ".join(SUFFIXES) + ")")
    return found


def _stem(label: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", label)


def plan(inputs: list[str], size: int) -> list[Part]:
    """Partitions of at most `size` records over every input file, in a stable order."""
    parts: list[Part] = []
    keys: dict[str, str] = {}
    for path, label in discover(inputs):
        stem = _stem(label)
        if stem in keys:
            raise PlanError(f"{keys[stem]} and {label} would write shards of the same name")
        keys[stem] = label
        kind = _kind(path)
        if kind == "parquet":
            import pyarrow.parquet as pq

            rows = pq.ParquetFile(path).metadata.num_rows
            starts = [(first, 0) for first in range(1, rows + 1, size)]
            total = rows
        else:
            starts, total = _line_starts(path, size, gz=kind == "jsonl.gz")
        for number, (first, offset) in enumerate(starts):
            count = min(size, total - first + 1)
            key = f"{stem}-{number:05d}"
            parts.append(Part(str(path.resolve()), label, first, count, offset, key))
    return parts


def _line_starts(path: Path, size: int, *, gz: bool) -> tuple[list[tuple[int, int]], int]:
    """(line number, byte offset) where every `size`-th line starts, and the number of lines."""
    starts, line, offset = [], 0, 0
    with gzip.open(path, "rb") if gz else open(path, "rb") as fh:
        for raw in fh:
            if line % size == 0:
                starts.append((line + 1, 0 if gz else offset))
            line += 1
            offset += len(raw)
    return starts, line


class BadRecord(ValueError):
    """A record that cannot be analysed; the message names the problem, never the text."""


@dataclass
class Record:
    id: str
    input: str
    record: int
    text: str | None = None
    date: date | None = None
    title: str | None = None
    url: str | None = None
    problem: str | None = None


def read_part(part: Part, fields: Fields, max_chars: int) -> Iterator[Record]:
    """The partition's records, each either ready to analyse or carrying its `problem`."""
    parquet = part.path.endswith(".parquet")
    rows = _parquet_rows(part, fields) if parquet else _jsonl_rows(part)
    for number, raw in rows:
        fallback = f"{part.label}:{number}"
        if raw is None:  # a blank line is not a record
            continue
        try:
            yield _record(raw, part.label, number, fallback, fields, max_chars)
        except BadRecord as exc:
            ident = raw.get(fields.id) if isinstance(raw, dict) else None
            ident = str(ident) if isinstance(ident, str | int) and ident != "" else fallback
            yield Record(ident, part.label, number, problem=str(exc))


def _jsonl_rows(part: Part) -> Iterator[tuple[int, object]]:
    gz = part.path.endswith(".gz")
    with gzip.open(part.path, "rb") if gz else open(part.path, "rb") as fh:
        if gz:
            for _ in range(part.first - 1):
                fh.readline()
        else:
            fh.seek(part.offset)
        for number in range(part.first, part.first + part.count):
            raw = fh.readline()
            if not raw.strip():
                yield number, None
                continue
            try:
                yield number, json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                yield number, _Unreadable("the line is not UTF-8 text")
            except json.JSONDecodeError as exc:
                yield number, _Unreadable(f"not valid JSON ({exc.msg} at column {exc.colno})")


class _Unreadable(str):
    """Stands in for a line that did not parse; holds the reason."""


def _parquet_rows(part: Part, fields: Fields) -> Iterator[tuple[int, object]]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(part.path)
    wanted = [f for f in dict.fromkeys(vars(fields).values()) if f in pf.schema_arrow.names]
    first = part.first - 1  # 0-based row index
    end = first + part.count
    groups, row = [], 0
    for index in range(pf.metadata.num_row_groups):
        rows = pf.metadata.row_group(index).num_rows
        if row < end and row + rows > first:
            groups.append((index, row))
        row += rows
    if not groups:
        return
    data = pf.read_row_groups([g for g, _ in groups], columns=wanted)
    data = data.slice(first - groups[0][1], part.count)
    for offset, values in enumerate(data.to_pylist()):
        yield part.first + offset, values


def _record(
    raw: object, label: str, number: int, fallback: str, fields: Fields, max_chars: int
) -> Record:
    if isinstance(raw, _Unreadable):
        raise BadRecord(str(raw))
    if not isinstance(raw, dict):
        raise BadRecord("a record must be a JSON object")
    text = raw.get(fields.text)
    if text is None:
        raise BadRecord(f'no text (field "{fields.text}" missing or null)')
    if not isinstance(text, str):
        raise BadRecord(f'"{fields.text}" is not a string')
    if not text.strip():
        raise BadRecord("the text is empty")
    if len(text) > max_chars:
        raise BadRecord(f"the text is too long ({len(text):,} characters; limit {max_chars:,})")
    ident = raw.get(fields.id)
    if ident is None or ident == "":
        ident = fallback
    elif isinstance(ident, str | int) and not isinstance(ident, bool):
        ident = str(ident)
    else:
        raise BadRecord(f'"{fields.id}" must be a string or a whole number')
    return Record(
        ident,
        label,
        number,
        text,
        _date(raw.get(fields.date), fields.date),
        _optional_str(raw.get(fields.title), fields.title),
        _optional_str(raw.get(fields.url), fields.url),
    )


def _optional_str(value: object, name: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise BadRecord(f'"{name}" must be a string')
    return value


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _date(value: object, name: str) -> date | None:
    """A date from `YYYY-MM-DD`, an ISO 8601 date-time (its date part), or a Parquet date."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            pass
    raise BadRecord(f'"{name}" is not a date (YYYY-MM-DD or an ISO 8601 date-time)')
