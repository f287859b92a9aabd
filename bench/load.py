"""Load test: the production server (gunicorn via `footnote serve`) on loopback, driven with a
bounded number of requests at several concurrency levels; stops by itself.

Prints, per level, requests per second, latency percentiles and errors, then the workers'
resident memory before and after a long run. The client is Python's http.client in threads
(gunicorn's sync workers close each connection, so every request is a fresh connection, as
behind most load balancers). Client and server share the machine's cores. The server runs with
production settings: access log on, rate limiting on with a limit the client cannot reach.

    python -m bench.load                                # levels 1,2,4,8,16; 20,000-request soak
    python -m bench.load --levels 8 --requests 500 --soak 0

(from the project root, as a module, so that `tests.serverutil` imports as a package)
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seed.txt"
PORTS = range(5400, 5500)

try:
    from tests.serverutil import free_port
except ModuleNotFoundError:  # run as a file: the project root is not on the path
    sys.exit("Run from the project root as a module: python -m bench.load")


def start_server(port: int, workers: int | None) -> subprocess.Popen:
    footnote = Path(sys.executable).with_name("footnote")
    args = [str(footnote), "serve", "--host", "127.0.0.1", "--port", str(port)]
    if workers:
        args += ["--workers", str(workers)]
    # Production settings (access log on), except a limit one client cannot reach: the
    # limiter still counts every request, so its cost is in the figures.
    env = {**os.environ, "FOOTNOTE_RATE_LIMIT": "100000/minute"}
    proc = subprocess.Popen(
        args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=1):
                return proc
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.1)
    stop_server(proc)
    raise SystemExit("the server did not start")


def stop_server(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def workers_of(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return sorted(int(pid) for pid in children)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def drive(port: int, body: bytes, clients: int, requests: int, max_seconds: float) -> dict:
    """Send `requests` POSTs from `clients` threads (or stop at `max_seconds`)."""
    latencies: list[float] = []
    errors: dict[str, int] = {}
    lock = threading.Lock()
    issued = 0
    deadline = time.monotonic() + max_seconds
    headers = {"Content-Type": "application/json", "Connection": "close"}

    def client() -> None:
        nonlocal issued
        while True:
            with lock:
                if issued >= requests or time.monotonic() > deadline:
                    return
                issued += 1
            began = time.perf_counter()
            problem = None
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request("POST", "/api/v1/analyze", body=body, headers=headers)
                res = conn.getresponse()
                res.read()
                conn.close()
                if res.status != 200:
                    problem = f"HTTP {res.status}"
            except OSError as exc:
                problem = type(exc).__name__
            elapsed = time.perf_counter() - began
            with lock:
                if problem:
                    errors[problem] = errors.get(problem, 0) + 1
                else:
                    latencies.append(elapsed)

    began = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - began
    done = len(latencies) + sum(errors.values())
    q = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else []
    return {
        "clients": clients,
        "requests": done,
        "rps": done / wall if wall else 0.0,
        "p50": q[49] * 1000 if q else float("nan"),
        "p90": q[89] * 1000 if q else float("nan"),
        "p99": q[98] * 1000 if q else float("nan"),
        "max": max(latencies) * 1000 if latencies else float("nan"),
        "errors": errors,
    }


def in_process_ms(text: str) -> float:
    import footnote

    footnote.analyze(text, published="2025-01-10")
    times = []
    for _ in range(30):
        began = time.perf_counter()
        footnote.analyze(text, published="2025-01-10")
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--levels", default="1,2,4,8,16", help="concurrent clients per level")
    parser.add_argument("--requests", type=int, default=2000, help="requests per level")
    parser.add_argument("--soak", type=int, default=20000, help="requests for the memory run")
    parser.add_argument("--soak-clients", type=int, default=8)
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: cores)")
    parser.add_argument("--max-seconds", type=float, default=180, help="time bound per level")
    args = parser.parse_args()
    levels = [int(n) for n in args.levels.split(",")]
    if max([args.requests, args.soak]) > 100_000 or max(levels) > 64:
        raise SystemExit("bounded on purpose: at most 100,000 requests and 64 clients")

    text = SEED.read_text(encoding="utf-8")
    body = json.dumps({"text": text, "published": "2025-01-10"}).encode()
    port = free_port()
    proc = start_server(port, args.workers)
    try:
        expected = args.workers or len(os.sched_getaffinity(0))
        deadline = time.monotonic() + 20
        while len(workers := workers_of(proc.pid)) < expected and time.monotonic() < deadline:
            time.sleep(0.1)
        print(
            f"server: footnote serve (gunicorn, {len(workers)} sync workers) on 127.0.0.1:{port}; "
            f"{os.cpu_count()} cores shared with the client"
        )
        print(f"text: {SEED.name}, {len(text):,} characters, {len(body):,}-byte body")
        print(f"in-process analyze(): {in_process_ms(text):.2f} ms median (one core)")
        drive(port, body, 4, 200, 60)  # warm-up: imports, caches, allocator
        rss_before = [rss_mb(pid) for pid in workers]
        print()
        print(
            f"{'clients':>7} {'requests':>8} {'req/s':>8} {'p50 ms':>7} {'p90 ms':>7} "
            f"{'p99 ms':>7} {'max ms':>7}  errors"
        )
        for clients in levels:
            r = drive(port, body, clients, args.requests, args.max_seconds)
            errors = ", ".join(f"{k}: {v}" for k, v in r["errors"].items()) or "0"
            print(
                f"{r['clients']:>7} {r['requests']:>8} {r['rps']:>8.1f} {r['p50']:>7.1f} "
                f"{r['p90']:>7.1f} {r['p99']:>7.1f} {r['max']:>7.1f}  {errors}"
            )
        if args.soak:
            before = [rss_mb(pid) for pid in workers]
            r = drive(port, body, args.soak_clients, args.soak, max(args.max_seconds, 600))
            after = [rss_mb(pid) for pid in workers]
            assert workers_of(proc.pid) == workers, "a worker was replaced during the run"
            errors = sum(r["errors"].values())
            print(
                f"\nsoak: {r['requests']:,} requests at {args.soak_clients} clients, "
                f"{r['rps']:.1f} req/s, p99 {r['p99']:.1f} ms, {errors} errors"
            )
            for pid, b0, b, a in zip(workers, rss_before, before, after, strict=True):
                print(
                    f"worker {pid} RSS: {b0:.1f} MB after warm-up, {b:.1f} MB before the soak, "
                    f"{a:.1f} MB after ({(a - b) / b * 100:+.1f}%)"
                )
    finally:
        stop_server(proc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
