"""The per-partition function over a data frame, for engines other than Dask.

Spark's `mapInPandas` and Ray Data's `map_batches` hand a function one batch of rows at a time
and want one table back, of one schema. `analyze_frame` takes a pandas batch and returns an
Arrow table of `BATCH_SCHEMA`: the `articles` columns, each article's sources and notes nested
in list columns, and `error` (the reason a record failed, else null). `split_tables` turns
that into the four tables `footnote corpus` writes. docs/corpus.md has both recipes.

A record without an id gets `sha1:` and the first 16 hex digits of its text's SHA-1: stable
across runs and engines, and it reveals nothing of the text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pandas as pd
import pyarrow as pa

from .reader import BadRecord, Fields, Record, _record
from .runner import analyze_records
from .tables import SCHEMAS

_NESTED = {
    "sources_list": pa.list_(pa.struct(list(SCHEMAS["sources"])[1:])),
    "notes_list": pa.list_(pa.struct(list(SCHEMAS["notes"])[1:])),
}
BATCH_SCHEMA = pa.schema(
    [*SCHEMAS["articles"], *(pa.field(n, t) for n, t in _NESTED.items()), ("error", pa.string())]
)


def _fallback_id(raw: dict, fields: Fields) -> str:
    text = raw.get(fields.text)
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else repr(text).encode()
    return "sha1:" + hashlib.sha1(data).hexdigest()[:16]


def analyze_frame(
    frame: pd.DataFrame,
    fields: Fields | None = None,
    *,
    max_chars: int = 200_000,
    input: str = "",
) -> pa.Table:
    """Analyse a batch of records (one per row, columns named as in `fields`)."""
    fields = fields or Fields()
    present = [c for c in dict.fromkeys(vars(fields).values()) if c in frame.columns]
    clean = frame[present].astype(object).where(frame[present].notna(), None)
    records = []
    for number, raw in enumerate(clean.to_dict("records"), 1):
        fallback = _fallback_id(raw, fields)
        try:
            records.append(_record(raw, input, number, fallback, fields, max_chars))
        except BadRecord as exc:
            ident = raw.get(fields.id)
            ident = str(ident) if isinstance(ident, str | int) and ident != "" else fallback
            records.append(Record(ident, input, number, problem=str(exc)))
    out = []
    for rec in records:  # one at a time, so a repeated id cannot mix two articles' rows
        rows = analyze_records([rec])
        if rows["errors"]:
            e = rows["errors"][0]
            out.append(
                {"id": e["id"], "input": e["input"], "record": e["record"], "error": e["reason"]}
            )
            continue
        row = rows["articles"][0]
        for table, column in (("sources", "sources_list"), ("notes", "notes_list")):
            row[column] = [
                {k: v for k, v in item.items() if k != "article_id"} for item in rows[table]
            ]
        row["error"] = None
        out.append(row)
    return pa.Table.from_pylist(out, schema=BATCH_SCHEMA)


def analyze_batches(batches: Iterator[pd.DataFrame], **options) -> Iterator[pd.DataFrame]:
    """`analyze_frame` over an iterator of pandas batches, as Spark's `mapInPandas` calls it."""
    for batch in batches:
        yield analyze_frame(batch, **options).to_pandas(maps_as_pydicts="strict")


def split_tables(nested: pa.Table) -> dict[str, pa.Table]:
    """The four tables of `footnote corpus` from `analyze_frame`'s output."""
    ok = nested.filter(nested["error"].is_null())
    failed = nested.filter(nested["error"].is_valid())
    tables = {"articles": ok.select(SCHEMAS["articles"].names)}
    for table, column in (("sources", "sources_list"), ("notes", "notes_list")):
        rows = [
            {"article_id": ident, **item}
            for ident, items in zip(ok["id"].to_pylist(), ok[column].to_pylist(), strict=True)
            for item in items
        ]
        tables[table] = pa.Table.from_pylist(rows, schema=SCHEMAS[table])
    errors = failed.select(["id", "input", "record", "error"]).rename_columns(
        ["id", "input", "record", "reason"]
    )
    tables["errors"] = errors.cast(SCHEMAS["errors"])
    return tables
