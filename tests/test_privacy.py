"""Submitted text never reaches a log, at any level, on success or on any error path."""

import contextlib
import http.client
import json
import logging
import threading
import uuid

import pytest
from footnote.api import create_app
from footnote.api.serving import _QuietRequestHandler
from werkzeug.serving import make_server

from .serverutil import running_server


def _marker() -> str:
    return "MARKER" + uuid.uuid4().hex


def _article(marker: str) -> str:
    return f'"{marker} is the plan," a senior official said. {marker} was leaked, sources say.'


@pytest.fixture
def all_logs(caplog):
    """Every logger at every level, including Flask's, werkzeug's and flask-limiter's."""
    caplog.set_level(logging.DEBUG)
    for name in ("", "werkzeug", "flask-limiter", "footnote", "footnote.access"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    return caplog


def _requests(marker: str):
    body = {"text": _article(marker), "title": marker, "url": f"https://example.org/{marker}"}
    return [
        ("ok", {"json": body}),
        ("ok with query", {"json": body, "query_string": {"q": marker}}),
        ("400", {"data": "{" + marker, "content_type": "application/json"}),
        ("413 text", {"json": {"text": marker + "x" * 200_001}}),
        (
            "413 body",
            {"data": json.dumps({"text": marker * 300_000}), "content_type": "application/json"},
        ),
        ("415", {"data": marker, "content_type": "text/plain"}),
        ("422 blank", {"json": {"text": " ", "title": marker}}),
        ("422 date", {"json": {"text": marker, "published": marker}}),
        ("422 type", {"json": {"text": [marker]}}),
    ]


def test_marker_in_no_log_on_any_path(all_logs, capsys):
    marker = _marker()
    app = create_app({"TESTING": True, "RATE_LIMIT": "12/minute"})
    client = app.test_client()
    statuses = set()
    requests = _requests(marker)
    for _name, kwargs in requests + requests[:2] * 3:  # the last ones go past the limit
        statuses.add(client.post("/api/v1/analyze", **kwargs).status_code)
    assert {200, 400, 413, 415, 422, 429} <= statuses
    assert "footnote.access" in {r.name for r in all_logs.records}
    captured = capsys.readouterr()
    assert marker not in all_logs.text
    assert marker not in captured.out + captured.err


def test_marker_in_no_log_on_a_500(all_logs, capsys, monkeypatch):
    import footnote.api.analyze

    def boom(text, **_kwargs):
        raise ValueError(f"could not handle {text!r}")

    monkeypatch.setattr(footnote.api.analyze, "analyze", boom)
    marker = _marker()
    app = create_app({"TESTING": True})
    res = app.test_client().post("/api/v1/analyze", json={"text": _article(marker)})
    assert res.status_code == 500
    assert any(r.levelno == logging.ERROR for r in all_logs.records)
    assert "ValueError" in all_logs.text
    captured = capsys.readouterr()
    assert marker not in all_logs.text + captured.out + captured.err
    assert marker not in res.get_data(as_text=True)


def test_access_log_holds_method_path_status_size_time_only(all_logs):
    app = create_app({"TESTING": True})
    app.test_client().post("/api/v1/analyze?q=secret", json={"text": "Hello there."})
    (line,) = [r.getMessage() for r in all_logs.records if r.name == "footnote.access"]
    method, path, status, size, elapsed = line.split()
    assert (method, path, status) == ("POST", "/api/v1/analyze", "200")
    assert int(size) > 0
    assert elapsed.endswith("ms")


def _raw(host: str, port: int, payload: bytes) -> None:
    import socket

    with socket.create_connection((host, port), timeout=5) as s:
        s.sendall(payload)
        with contextlib.suppress(OSError):
            s.recv(65536)


@pytest.mark.slow
def test_marker_in_no_gunicorn_output_at_debug_level(tmp_path):
    marker = _marker()
    log_path = tmp_path / "server.log"
    env = {
        "FOOTNOTE_LOG_LEVEL": "debug",
        "FOOTNOTE_RATE_LIMIT": "12/minute",
        "FOOTNOTE_WORKERS": "1",
    }
    with log_path.open("wb") as log, running_server(env, log=log) as url:
        host, port = url.removeprefix("http://").split(":")
        statuses = []
        requests = _requests(marker)
        for _name, kwargs in requests + requests[:2] * 3:  # the last ones go past the limit
            conn = http.client.HTTPConnection(host, int(port), timeout=10)
            if "json" in kwargs:
                body, ctype = json.dumps(kwargs["json"]), "application/json"
            else:
                body, ctype = kwargs["data"], kwargs["content_type"]
            path = f"/api/v1/analyze?q={marker}"
            try:
                conn.request("POST", path, body=body.encode(), headers={"Content-Type": ctype})
                statuses.append(conn.getresponse().status)
            except OSError:  # a too-large body may be refused before it is all sent
                statuses.append(None)
            finally:
                conn.close()
        # Malformed requests that gunicorn itself rejects and logs.
        _raw(host, int(port), f"POST /{marker} HTTP/9.9\r\n\r\n".encode())
        _raw(host, int(port), f"{marker} {marker}\r\n\r\n".encode())
        _raw(host, int(port), f"GET /?{marker}={'x' * 5000} HTTP/1.1\r\n\r\n".encode())
    output = log_path.read_text(errors="replace")
    assert 429 in statuses and 200 in statuses and 413 in statuses
    assert "footnote.access: POST /api/v1/analyze 200" in output
    assert "Invalid request from ip=" in output
    assert marker not in output
    assert "exceeded at endpoint" not in output  # flask-limiter's line with the client address


def test_marker_in_no_dev_server_output(all_logs, capsys):
    marker = _marker()
    app = create_app({"TESTING": True})
    server = make_server("127.0.0.1", 0, app, request_handler=_QuietRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        body = json.dumps({"text": _article(marker)})
        conn.request(
            "POST", f"/api/v1/analyze?q={marker}", body, {"Content-Type": "application/json"}
        )
        assert conn.getresponse().status == 200
        conn.close()
        _raw("127.0.0.1", server.port, f"{marker} {marker} {marker} {marker}\r\n\r\n".encode())
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    captured = capsys.readouterr()
    assert marker not in all_logs.text + captured.out + captured.err
