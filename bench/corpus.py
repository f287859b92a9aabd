#!/usr/bin/env python3
"""Articles per second over one generated corpus: one process, `footnote analyze --jsonl` on
every core (batch.py), and `footnote corpus` on a Dask local cluster; and Dask's overhead.

The corpus is footnote.corpus.sample's invented articles, several joined into one so an article
is about the length of a news story (`--join`, default 6: about 3,500 characters), in plain
JSON-lines files. Each way is run `--repeat` times and its best run kept (the machine is shared,
so the best run is the least disturbed). Overhead per core = 1 - (Dask rate / workers) / (one
process's rate through the same `footnote corpus` code); "cluster running" excludes the
cluster's start-up, which a long run pays once. CPU overhead compares all the CPU seconds a way
used (client, scheduler and workers) with the in-process run's: on a machine other work
shares, wall-clock rates swing more. Two busy processes on a small shared machine can each use
more CPU per article than one alone, Dask or not: compare `footnote analyze --jsonl`, which has
no Dask. So Dask's own cost is measured apart: the same code on one core, in this process and
on a one-worker cluster, in alternating pairs.

Usage: PYTHONPATH=server python bench/corpus.py [--articles 4000] [--repeat 2] [--pairs 4]
       [--workers N]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

import psutil
from footnote import analyze
from footnote.cli.batch import run_batch
from footnote.corpus import Settings, run_corpus
from footnote.corpus.sample import article


def write(folder: Path, articles: int, join: int, files: int) -> list[Path]:
    rng = random.Random(11)
    folder.mkdir(parents=True)
    paths = [folder / f"part-{i:02d}.jsonl" for i in range(files)]
    handles = [p.open("w", encoding="utf-8") for p in paths]
    for n in range(articles):
        pieces = [article(rng, n * join + k, date(2023, 1, 1)) for k in range(join)]
        record = {**pieces[0], "text": "\n\n".join(p["text"] for p in pieces)}
        handles[n % files].write(json.dumps(record) + "\n")
    for h in handles:
        h.close()
    return paths


def cpu_seconds() -> float:
    """CPU time of this process, its finished children and its live ones (cluster workers)."""
    me = psutil.Process()
    t = me.cpu_times()
    total = t.user + t.system + t.children_user + t.children_system
    for child in me.children(recursive=True):
        try:
            c = child.cpu_times()
            total += c.user + c.system
        except psutil.NoSuchProcess:
            pass
    return total


def best(fn, repeat: int) -> tuple[float, float]:
    """The fastest run's wall-clock seconds, and the least CPU seconds any run used."""
    walls, cpus = [], []
    for _ in range(repeat):
        began, cpu = time.perf_counter(), cpu_seconds()
        fn()
        walls.append(time.perf_counter() - began)
        cpus.append(cpu_seconds() - cpu)
    return min(walls), min(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--join", type=int, default=6)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--partition-size", type=int, default=1000)
    parser.add_argument("--pairs", type=int, default=4, help="alternating pairs for the overhead")
    args = parser.parse_args()
    n, cores = args.articles, args.workers
    tmp = Path(tempfile.mkdtemp(prefix="footnote-bench-"))
    try:
        paths = write(tmp / "in", n, args.join, files=max(4, cores * 2))
        texts = [
            json.loads(line)["text"] for p in paths for line in p.read_text().splitlines() if line
        ]
        chars = sum(map(len, texts)) / len(texts)
        settings = Settings(partition_size=args.partition_size)
        analyze(texts[0])  # rules and knowledge base loaded before any clock starts

        def engine_only():
            for text in texts:
                analyze(text)

        def corpus(where):
            def go():
                out = tmp / "out"
                shutil.rmtree(out, ignore_errors=True)
                run_corpus(
                    [str(tmp / "in")], out, settings=settings, scheduler=where, workers=cores
                )

            return go

        def batch():
            files = [str(p) for p in paths]
            sink = io.StringIO()
            run_batch(files, jsonl=True, as_json=True, published=None, title=None, jobs=cores,
                      out=sink, err=io.StringIO(), progress=False)  # fmt: skip

        rows = [("engine alone, one process (no I/O)", 1, *best(engine_only, args.repeat))]
        rows.append(("footnote corpus, in-process", 1, *best(corpus("inprocess"), args.repeat)))
        rows.append((f"footnote analyze --jsonl ({cores} processes)", cores, *best(batch, 1)))
        rows.append(
            ("footnote corpus, local cluster incl. start-up", cores, *best(corpus("local"), 1))
        )
        from distributed import LocalCluster

        with LocalCluster(
            n_workers=cores, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster:
            corpus(cluster.scheduler_address)()  # workers warm
            running = best(corpus(cluster.scheduler_address), args.repeat)
        rows.append((f"footnote corpus, local cluster running ({cores})", cores, *running))

        # Dask's own cost: the same code on one core, in this process and on a one-worker
        # cluster, run in alternating pairs so that both see the same neighbours.
        pairs = []
        with LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster:
            corpus(cluster.scheduler_address)()
            for _ in range(args.pairs):
                alone = best(corpus("inprocess"), 1)
                dask_ = best(corpus(cluster.scheduler_address), 1)
                pairs.append((dask_[0] / alone[0] - 1, dask_[1] / alone[1] - 1))
        single, single_cpu = n / rows[1][2], rows[1][3]
        print(
            f"{n} articles of {chars:,.0f} characters on average, {cores} cores, "
            f"partitions of {args.partition_size}, load average before: "
            f"{os.getloadavg()[0]:.1f}\n"
        )
        print(
            f"| {'way':<46} | procs | seconds | articles/s | per process | overhead/core "
            "| CPU s | CPU overhead |"
        )
        print(f"|{'-' * 48}|------:|--------:|-----------:|------------:|--------------:"
              "|------:|-------------:|")  # fmt: skip
        for name, procs, seconds, cpu in rows:
            rate = n / seconds
            per = rate / procs
            overhead = f"{1 - per / single:+.0%}" if "cluster" in name else ""
            cpu_overhead = f"{cpu / single_cpu - 1:+.0%}" if "cluster" in name or procs > 1 else ""
            print(
                f"| {name:<46} | {procs:>5} | {seconds:7.2f} | {rate:10.1f} | {per:11.1f} "
                f"| {overhead:>13} | {cpu:5.1f} | {cpu_overhead:>12} |"
            )
        walls, cpus = zip(*pairs, strict=True)
        print(
            f"\nDask's own cost on one core (a one-worker cluster against this process, "
            f"{len(pairs)} alternating pairs): wall clock "
            + ", ".join(f"{w:+.0%}" for w in walls)
            + f" (median {statistics.median(walls):+.0%}); CPU "
            + ", ".join(f"{c:+.0%}" for c in cpus)
            + f" (median {statistics.median(cpus):+.0%})."
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
