"""Running the engine over a corpus with Dask, one partition per task, shards written by workers.

`process_part` is the per-partition function (the same one the Spark and Ray recipes in
docs/corpus.md call through `analyze_records`). `run_corpus` plans the partitions, skips those
whose shards all exist, and runs the rest in-process, on a local cluster or on any Dask
scheduler. Tasks carry file names and offsets, never text: workers read their own records.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TextIO

from footnote import analyze, to_dict

from .reader import Fields, Part, plan, read_part
from .tables import TABLES, rows_for, shard_path, write_shard

log = logging.getLogger("footnote.corpus")

MANIFEST = "_corpus.json"
# Below this many records a cluster costs more to start than it saves.
IN_PROCESS_BELOW = 2_000


@dataclass(frozen=True)
class Settings:
    fields: Fields = field(default_factory=Fields)
    partition_size: int = 1_000
    max_chars: int = 200_000
    fmt: str = "parquet"


class RunError(RuntimeError):
    """The run cannot start (a folder from other settings, a scheduler out of reach)."""


def engine_versions() -> dict:
    """The engine's and the knowledge base's versions, as the engine reports them."""
    meta = to_dict(analyze("Officials said so."))["meta"]
    return {"engine_version": meta["version"], "knowledge_version": meta["knowledge_version"]}


def analyze_records(records: Iterable) -> dict[str, list[dict]]:
    """Rows of the four tables for some records (`reader.Record`s): the per-partition function.

    A record that cannot be analysed becomes a row of `errors` with its reason; the reason
    names the problem (or an exception's type), never the text."""
    out: dict[str, list[dict]] = {table: [] for table in TABLES}
    for rec in records:
        if rec.problem is None:
            try:
                analysis = analyze(rec.text, published=rec.date, title=rec.title, url=rec.url)
                result = to_dict(analysis)
            except Exception as exc:  # one text must not stop a corpus; its type is enough
                rec.problem = f"the engine failed ({type(exc).__name__})"
        if rec.problem is not None:
            out["errors"].append(
                {"id": rec.id, "input": rec.input, "record": rec.record, "reason": rec.problem}
            )
            continue
        article = {
            "id": rec.id,
            "input": rec.input,
            "record": rec.record,
            "url": rec.url,
            "date": rec.date,
            "title": rec.title,
        }
        row, sources, notes = rows_for(article, result)
        out["articles"].append(row)
        out["sources"] += sources
        out["notes"] += notes
    return out


def process_part(part: Part, tables: tuple[str, ...], settings: Settings, out: str) -> dict:
    """Analyse one partition and write the shards named in `tables`; returns counts only."""
    began = time.perf_counter()
    rows = analyze_records(read_part(part, settings.fields, settings.max_chars))
    for table in tables:
        write_shard(Path(out), table, part.key, rows[table], settings.fmt)
    return {
        "key": part.key,
        "articles": len(rows["articles"]),
        "errors": len(rows["errors"]),
        "seconds": time.perf_counter() - began,
    }


@dataclass
class Summary:
    parts: int = 0
    skipped: int = 0
    articles: int = 0
    errors: int = 0
    seconds: float = 0.0
    where: str = ""
    rewritten: list[str] = field(default_factory=list)

    def line(self) -> str:
        rate = self.articles / self.seconds if self.seconds > 0 else 0.0
        done = self.parts - self.skipped
        if not done:
            return f"Nothing to do: every partition ({self.parts}) was finished before."
        text = (
            f"Analysed {self.articles:,} articles ({self.errors:,} errors) in {done} "
            f"partition{'' if done == 1 else 's'} {self.where} in {self.seconds:.1f} s "
            f"({rate:,.0f} articles/s)."
        )
        if self.skipped:
            text += f" {self.skipped} finished partition{'s' * (self.skipped != 1)} skipped."
        return text


def _missing(out: Path, part: Part, fmt: str) -> tuple[str, ...]:
    return tuple(t for t in TABLES if not shard_path(out, t, part.key, fmt).exists())


def _check_manifest(out: Path, manifest: dict, overwrite: bool) -> None:
    path = out / MANIFEST
    if path.exists() and not overwrite:
        try:
            before = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            before = None
        if before != manifest:
            raise RunError(
                f"{out} holds a run with other settings or another engine version; "
                "use a new folder, or --overwrite to start this one again"
            )
    if overwrite:
        for table in TABLES:
            shutil.rmtree(out / table, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{MANIFEST}.tmp")
    tmp.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def run_corpus(
    inputs: list[str],
    out: str | Path,
    *,
    settings: Settings | None = None,
    scheduler: str = "auto",
    workers: int | None = None,
    overwrite: bool = False,
    progress: TextIO | None = None,
) -> Summary:
    """Analyse a corpus into tables under `out`.

    `scheduler`: "inprocess" (Dask's synchronous scheduler, in this process), "local" (a
    `LocalCluster` of `workers` single-threaded processes, default one per core), an address
    such as "tcp://host:8786" (an existing scheduler), or "auto" (in-process below
    IN_PROCESS_BELOW records, else local). `progress`: a stream for a progress bar, or None."""
    began = time.perf_counter()
    if scheduler not in ("auto", "inprocess", "local") and ":" not in scheduler:
        raise RunError(
            f"--scheduler takes inprocess, local, auto or an address like tcp://host:8786, "
            f"not {scheduler!r}"
        )
    settings = settings or Settings()
    out = Path(out)
    parts = plan(inputs, settings.partition_size)
    manifest = {
        "fields": asdict(settings.fields),
        "partition_size": settings.partition_size,
        "max_chars": settings.max_chars,
        "format": settings.fmt,
        **engine_versions(),
    }
    _check_manifest(out, manifest, overwrite)
    todo = [(p, m) for p in parts if (m := _missing(out, p, settings.fmt))]
    summary = Summary(parts=len(parts), skipped=len(parts) - len(todo))
    total = sum(p.count for p, _ in todo)
    if scheduler == "auto":
        scheduler = "inprocess" if total < IN_PROCESS_BELOW else "local"
    log.info("%d partitions planned, %d to run (%s)", len(parts), len(todo), scheduler)
    if todo:
        results = _run(todo, settings, str(out.resolve()), scheduler, workers, progress, summary)
        for result in results:
            summary.articles += result["articles"]
            summary.errors += result["errors"]
            summary.rewritten.append(result["key"])
    summary.rewritten.sort()
    summary.seconds = time.perf_counter() - began
    log.info(summary.line())
    return summary


def _run(todo, settings, out, scheduler, workers, progress, summary) -> list[dict]:
    import dask.bag as db

    bag = db.from_sequence(todo, npartitions=len(todo)).starmap(
        process_part, settings=settings, out=out
    )
    tasks = bag.to_delayed()
    bar = _bar(len(tasks), progress)
    try:
        if scheduler == "inprocess":
            summary.where = "in this process"
            results = []
            for task in tasks:
                results += task.compute(scheduler="synchronous")
                bar.update()
            return results
        return _distributed(tasks, scheduler, workers, bar, summary)
    finally:
        bar.close()


def _distributed(tasks, scheduler, workers, bar, summary) -> list[dict]:
    from distributed import Client, LocalCluster, as_completed

    from .worker import WarmEngine

    cluster = None
    try:
        if scheduler == "local":
            n = workers or len(os.sched_getaffinity(0))
            cluster = LocalCluster(
                n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0"
            )
            client = Client(cluster)
            summary.where = f"on a local cluster of {n} worker{'s' * (n != 1)}"
        else:
            try:
                client = Client(scheduler, timeout="20s")
            except (OSError, ValueError, TypeError) as exc:  # unreachable, or not an address
                raise RunError(
                    f"cannot reach a Dask scheduler at {scheduler!r} ({type(exc).__name__}); "
                    "--scheduler takes inprocess, local, auto or an address like tcp://host:8786"
                ) from None
            summary.where = f"on the cluster at {scheduler}"
        with client:
            client.register_plugin(WarmEngine(), name="footnote-warm-engine")
            futures = client.compute(tasks)
            results = []
            for future in as_completed(futures):
                results += future.result()
                bar.update()
            return results
    finally:
        if cluster is not None:
            cluster.close()


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _bar(total: int, stream: TextIO | None):
    if stream is None:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, unit="partition", file=stream, dynamic_ncols=True, leave=False)
