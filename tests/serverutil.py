"""Start `footnote serve` on a free loopback port in this project's test range, and stop it."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PORTS = range(5400, 5500)
FOOTNOTE = Path(sys.executable).with_name("footnote")


def free_port(ports: range = PORTS, skip=frozenset()) -> int:
    """The first loopback port in `ports` (not in `skip`) that nothing listens on.

    Used by the tests, bench/load.py and the screenshot scripts, each with its own range so
    that runs in parallel do not collide."""
    for port in ports:
        if port in skip:
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {ports.start}-{ports.stop - 1}")


@contextlib.contextmanager
def running_server(env: dict[str, str] | None = None, args: tuple[str, ...] = (), log=None):
    """Yield the base URL of a running `footnote serve`; its output goes to `log` (a file)."""
    port = free_port()
    proc = subprocess.Popen(
        [str(FOOTNOTE), "serve", "--host", "127.0.0.1", "--port", str(port), *args],
        env={**os.environ, **(env or {})},
        stdout=log or subprocess.DEVNULL,
        stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url + "/api/v1/health", timeout=1):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("footnote serve did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
