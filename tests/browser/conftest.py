"""Browser tests: the Flask app served from a thread on a loopback port (5300-5399), driven
by Debian's Chromium through Playwright. One browser per module keeps them fast."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from footnote.api import create_app
from werkzeug.serving import make_server

from tests.serverutil import free_port

CHROMIUM = Path("/usr/bin/chromium")
PORTS = range(5300, 5400)


@pytest.fixture(scope="module")
def live_server():
    """The real app, served on 127.0.0.1 from a background thread; yields its base URL."""
    # Many texts from one address in a few seconds: not what the rate limit is for.
    app = create_app({"TESTING": True, "RATELIMIT_ENABLED": False})
    server = make_server("127.0.0.1", free_port(PORTS), app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not CHROMIUM.exists():
        pytest.skip("Chromium is missing at /usr/bin/chromium (run scripts/ensure-chromium.sh)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield browser
        browser.close()
