"""`footnote analyze` over many texts: files or JSON lines, on every core, with a summary.

Each text becomes one JSON line on the output, in input order:
`{"id": ..., "result": <the API's JSON>}` or `{"id": ..., "error": {"code", "message"}}`.
Errors name the problem, never the text.
"""

from __future__ import annotations

import json
import multiprocessing
import sys
import time
from collections import Counter
from datetime import date
from typing import TextIO

from .._system import cpu_count
from ..engine import analyze, parse_date, to_dict
from .report import render_report


class _BadInput(ValueError):
    """A record the batch cannot analyse; the message is safe to print."""


def _read_file(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except UnicodeDecodeError:
        raise _BadInput("not UTF-8 text") from None
    except OSError as exc:
        raise _BadInput(f"cannot read: {exc.strerror or type(exc).__name__}") from None


def _record(line: str) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _BadInput(f"not valid JSON (column {exc.colno})") from None
    if not isinstance(record, dict):
        raise _BadInput("a line must hold a JSON object")
    if not isinstance(record.get("text"), str):
        raise _BadInput('the object needs a "text" string')
    for key in ("title", "published"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise _BadInput(f'"{key}" must be a string')
    if record.get("published"):
        try:
            parse_date(record["published"])
        except ValueError:
            raise _BadInput('"published" must be a date, YYYY-MM-DD') from None
    return record


def _work(task: tuple) -> dict:
    """Analyse one task in a worker process. `task` is (id, kind, payload, published, title,
    as_of): as_of is the reader's date, the same for every text of the batch."""
    ident, kind, payload, published, title, as_of = task
    try:
        if kind == "file":
            text = _read_file(payload)
        else:
            record = _record(payload)
            text = record["text"]
            ident = record.get("id", ident)
            published = record.get("published") or published
            title = record.get("title") or title
        if not text.strip():
            raise _BadInput("the text is empty")
        result = analyze(text, published=published, title=title, as_of=as_of)
        return {"id": ident, "result": to_dict(result)}
    except _BadInput as exc:
        return {"id": ident, "error": {"code": "invalid_input", "message": str(exc)}}
    except Exception as exc:  # one bad text must not stop a batch; its type is enough
        return {"id": ident, "error": {"code": "internal_error", "message": type(exc).__name__}}


def _tasks(
    paths: list[str],
    *,
    jsonl: bool,
    published: str | None,
    title: str | None,
    as_of: str | None = None,
) -> list:
    if not jsonl:
        return [(path, "file", path, published, title, as_of) for path in paths]
    tasks: list[tuple] = []
    for path in paths:
        try:
            lines = _read_file(path).splitlines()
        except _BadInput as exc:
            tasks.append((path, "error", str(exc), None, None, None))
            continue
        for number, line in enumerate(lines, 1):
            if line.strip():
                ident = number if len(paths) == 1 else f"{path}:{number}"
                tasks.append((ident, "record", line, published, title, as_of))
    return tasks


class Progress:
    """A one-line bar on a terminal, redrawn at most ten times a second."""

    def __init__(self, total: int, stream: TextIO, enabled: bool):
        self.total, self.stream, self.enabled = total, stream, enabled
        self.done = 0
        self.began = time.perf_counter()
        self._drawn = 0.0

    def advance(self) -> None:
        self.done += 1
        now = time.perf_counter()
        if self.enabled and (now - self._drawn >= 0.1 or self.done == self.total):
            self._drawn = now
            self.stream.write("\r" + self.line(now - self.began))
            self.stream.flush()

    def line(self, elapsed: float) -> str:
        width = 30
        filled = width * self.done // self.total if self.total else width
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done) / rate if rate else 0.0
        return (
            f"{self.done:>{len(str(self.total))}}/{self.total} "
            f"[{'#' * filled}{'-' * (width - filled)}] {rate:6.1f} texts/s  ETA {left:4.0f}s"
        )

    def close(self) -> None:
        if self.enabled and self.done:
            self.stream.write("\r\033[K")
            self.stream.flush()


class Tally:
    """What a batch found, for the closing summary (counts only, no text)."""

    def __init__(self) -> None:
        self.texts = self.failed = self.characters = 0
        self.kinds: Counter = Counter()
        self.categories: Counter = Counter()

    def add(self, outcome: dict) -> None:
        self.texts += 1
        if "error" in outcome:
            self.failed += 1
            return
        result = outcome["result"]
        self.characters += result["meta"]["characters"]
        self.kinds.update(s["kind"].replace("_", " ") for s in result["sources"])
        self.categories.update(n["category"] for n in result["notes"])

    def summary(self, elapsed: float, processes: int) -> str:
        done = self.texts - self.failed
        rate = done / elapsed if elapsed > 0 else 0.0
        lines = [
            f"Analysed {done} of {self.texts} texts ({self.characters:,} characters) in "
            f"{elapsed:.1f} s: {rate:.1f} texts/s with {processes} "
            f"process{'es' if processes > 1 else ''}."
            + (f" {self.failed} failed." if self.failed else "")
        ]
        if done:
            lines.append(f"Sources: {self.kinds.total()}" + _breakdown(self.kinds) + ".")
            lines.append(f"Notes: {self.categories.total()}" + _breakdown(self.categories) + ".")
        return "\n".join(lines)


def _breakdown(counter: Counter) -> str:
    if not counter:
        return ""
    return " (" + ", ".join(f"{k} {v}" for k, v in counter.most_common()) + ")"


def run_batch(
    paths: list[str],
    *,
    jsonl: bool,
    as_json: bool,
    published: date | None,
    title: str | None,
    jobs: int | None,
    as_of: date | None = None,
    out: TextIO,
    err: TextIO,
    progress: bool,
) -> int:
    began = time.perf_counter()
    iso = published.isoformat() if published else None
    tasks = _tasks(
        paths,
        jsonl=jsonl,
        published=iso,
        title=title,
        as_of=as_of.isoformat() if as_of else None,
    )
    processes = max(1, min(jobs or cpu_count(), len(tasks)))
    bar = Progress(len(tasks), err, progress)
    tally = Tally()

    def emit(outcome: dict) -> None:
        tally.add(outcome)
        bar.advance()
        if as_json:
            out.write(json.dumps(outcome, ensure_ascii=False) + "\n")
        else:
            out.write(f"== {outcome['id']} ==\n")
            if "error" in outcome:
                out.write(f"error: {outcome['error']['message']}\n\n")
            else:
                render_report(outcome["result"], out)
                out.write("\n")

    try:
        if processes == 1:
            for task in tasks:
                emit(_failed(task) if task[1] == "error" else _work(task))
        else:
            with multiprocessing.get_context(_start_method()).Pool(processes) as pool:
                chunk = max(1, min(16, len(tasks) // (processes * 8)))
                runnable = [t for t in tasks if t[1] != "error"]
                results = pool.imap(_work, runnable, chunksize=chunk)
                for task in tasks:
                    emit(_failed(task) if task[1] == "error" else next(results))
    finally:
        bar.close()
    elapsed = time.perf_counter() - began
    err.write(tally.summary(elapsed, processes) + "\n")
    return 1 if tally.failed else 0


def _failed(task: tuple) -> dict:
    return {"id": task[0], "error": {"code": "invalid_input", "message": task[2]}}


def _start_method() -> str:
    # fork shares the loaded rules with the workers; elsewhere the platform default.
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
