"""The four output tables: their schemas (documented in docs/corpus.md) and their rows.

Every table is a folder of shards, one file per input partition, named after the partition:
`articles/`, `sources/`, `notes/` and `errors/`. A shard is written to a temporary name and
renamed, so a shard that exists is whole.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

KINDS = ("named_person", "named_organization", "unnamed_individual", "vague_group", "document")
UNNAMED = ("unnamed_individual", "vague_group")
CATEGORIES = ("sourcing", "attribution", "context", "language")
TABLES = ("articles", "sources", "notes", "errors")
FORMATS = {"parquet": ".parquet", "csv": ".csv"}

_i32, _str = pa.int32(), pa.string()

SCHEMAS = {
    "articles": pa.schema(
        [
            ("id", _str),
            ("input", _str),
            ("record", pa.int64()),
            ("url", _str),
            ("outlet", _str),
            ("date", pa.date32()),
            ("title", _str),
            ("characters", _i32),
            ("sources", _i32),
            *[(kind, _i32) for kind in KINDS],
            ("unnamed", _i32),
            ("unnamed_share", pa.float64()),
            ("unnamed_without_reason", _i32),
            ("relayed", _i32),
            ("notes", _i32),
            *[(f"notes_{category}", _i32) for category in CATEGORIES],
            ("notes_by_rule", pa.map_(_str, _i32)),
            ("engine_version", _str),
            ("knowledge_version", _str),
        ]
    ),
    "sources": pa.schema(
        [
            ("article_id", _str),
            ("source_id", _str),
            ("span_start", _i32),
            ("span_end", _i32),
            ("text", _str),
            ("kind", _str),
            ("anonymity_reason", _str),
            ("relayed_by", _str),
            ("cue", _str),
        ]
    ),
    "notes": pa.schema(
        [
            ("article_id", _str),
            ("note_id", _str),
            ("rule", _str),
            ("category", _str),
            ("severity", _str),
            ("span_start", _i32),
            ("span_end", _i32),
            ("topic", _str),
            ("source_id", _str),
        ]
    ),
    "errors": pa.schema(
        [
            ("id", _str),
            ("input", _str),
            ("record", pa.int64()),
            ("reason", _str),
        ]
    ),
}


def outlet(url: str | None) -> str | None:
    """The publisher's host from an article's URL, without a leading `www.`."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def rows_for(article: dict, result: dict) -> tuple[dict, list[dict], list[dict]]:
    """One article's row and its sources' and notes' rows, from the API's JSON `result`.

    `article` holds id, input, record, url, date (a `datetime.date` or None) and title."""
    ident = article["id"]
    sources, notes = result["sources"], result["notes"]
    kinds = Counter(s["kind"] for s in sources)
    unnamed = sum(kinds[k] for k in UNNAMED)
    categories = Counter(n["category"] for n in notes)
    rules = Counter(n["rule"] for n in notes)
    meta = result["meta"]
    row = {
        **article,
        "outlet": outlet(article["url"]),
        "characters": meta["characters"],
        "sources": len(sources),
        **{kind: kinds[kind] for kind in KINDS},
        "unnamed": unnamed,
        "unnamed_share": unnamed / len(sources) if sources else None,
        "unnamed_without_reason": sum(
            1 for s in sources if s["kind"] in UNNAMED and not s["anonymity_reason"]
        ),
        "relayed": sum(1 for s in sources if s["relayed_by"]),
        "notes": len(notes),
        **{f"notes_{c}": categories[c] for c in CATEGORIES},
        "notes_by_rule": sorted(rules.items()),
        "engine_version": meta["version"],
        "knowledge_version": meta["knowledge_version"],
    }
    source_rows = [
        {
            "article_id": ident,
            "source_id": s["id"],
            "span_start": s["start"],
            "span_end": s["end"],
            "text": s["mention"],
            "kind": s["kind"],
            "anonymity_reason": s["anonymity_reason"],
            "relayed_by": s["relayed_by"],
            "cue": s["cue"],
        }
        for s in sources
    ]
    note_rows = [
        {
            "article_id": ident,
            "note_id": n["id"],
            "rule": n["rule"],
            "category": n["category"],
            "severity": n["severity"],
            "span_start": n["start"],
            "span_end": n["end"],
            "topic": n["topic"],
            "source_id": n["source_id"],
        }
        for n in notes
    ]
    return row, source_rows, note_rows


def shard_path(out: Path, table: str, key: str, fmt: str) -> Path:
    return out / table / f"{key}{FORMATS[fmt]}"


def write_shard(out: Path, table: str, key: str, rows: list[dict], fmt: str) -> None:
    """Write one shard atomically: to a temporary file beside it, then renamed into place."""
    schema = SCHEMAS[table]
    data = pa.Table.from_pylist(rows, schema=schema)
    path = shard_path(out, table, key, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        if fmt == "parquet":
            pq.write_table(data, tmp, compression="zstd")
        else:
            pa_csv.write_csv(_csv_ready(data), tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _csv_ready(data: pa.Table) -> pa.Table:
    """CSV has no map type: `notes_by_rule` becomes a JSON object in a string."""
    if "notes_by_rule" not in data.column_names:
        return data
    index = data.column_names.index("notes_by_rule")
    as_json = [json.dumps(dict(pairs or []), sort_keys=True) for pairs in data[index].to_pylist()]
    return data.set_column(index, "notes_by_rule", pa.array(as_json, _str))


def read_table(folder: Path, table: str, columns: list[str] | None = None) -> pa.Table:
    """All shards of one table in a run's folder, in shard-name order (Parquet or CSV)."""
    schema = SCHEMAS[table]
    wanted = columns or schema.names
    shards = sorted(p for p in (folder / table).glob("*") if p.suffix in (".parquet", ".csv"))
    parts = []
    for shard in shards:
        if shard.suffix == ".parquet":
            parts.append(pq.read_table(shard, columns=wanted))
        else:
            types = {f.name: f.type for f in schema if f.name != "notes_by_rule"}
            options = pa_csv.ConvertOptions(
                column_types=types, include_columns=wanted, strings_can_be_null=True
            )
            parts.append(pa_csv.read_csv(shard, convert_options=options))
    if not parts:
        return pa.Table.from_pylist([], schema=pa.schema([schema.field(c) for c in wanted]))
    return pa.concat_tables(parts, promote_options="permissive")
