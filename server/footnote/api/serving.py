"""Running the app: gunicorn for production, Flask's reloader for development.

Both log the same way: the app's own access line (method, path, status, size, duration) and
errors by type. Neither server's own request logging runs, because both would write the
query string, and gunicorn's error lines can quote a malformed request line.
"""

from __future__ import annotations

import json
import logging
import re
import sys

from flask import Flask
from gunicorn import util as gunicorn_util
from gunicorn.app.base import BaseApplication
from gunicorn.glogging import Logger as GunicornLogger
from gunicorn.workers.gthread import ThreadWorker
from werkzeug.serving import WSGIRequestHandler

from .errors import CODES
from .settings import Settings

LOG_FORMAT = "%(asctime)s [%(process)d] %(levelname)s %(name)s: %(message)s"


def configure_logging(level: str) -> None:
    """Log to stderr (a container's log collector reads it) at `level`."""
    logging.basicConfig(level=level.upper(), format=LOG_FORMAT, stream=sys.stderr, force=True)
    # flask-limiter's breach line names the client's address; the access line already shows
    # the 429, without it.
    logging.getLogger("flask-limiter").setLevel(max(logging.WARNING, logging.root.level))


class PrivateGunicornLogger(GunicornLogger):
    """gunicorn's logger minus anything taken from the request: its invalid-request warning
    quotes the request line and its error line quotes the URI with the query string."""

    _INVALID = re.compile(r"^(Invalid request from ip=[^:]*):.*", re.S)

    def warning(self, msg, *args, **kwargs):
        if isinstance(msg, str):
            msg = self._INVALID.sub(r"\1", msg)
        super().warning(msg, *args, **kwargs)

    def exception(self, msg, *args, **kwargs):
        if isinstance(msg, str) and msg.startswith("Error handling request"):
            msg, args = "Error handling request", ()
        super().exception(msg, *args, **kwargs)

    def access(self, resp, req, environ, request_time):
        return None  # the app writes its own access line


# What a person reads when gunicorn itself answers (the request never reached the app):
# plain words, never the request line or header it could not parse.
GUNICORN_MESSAGES = {
    400: "The request could not be read: its request line, a header or its chunked body is "
    "malformed.",
    403: "This request is not allowed.",
    414: "The address is too long.",
    417: "The server does not meet the request's Expect header; send the body without it.",
    431: "The request's headers are too large.",
    500: "The server could not finish this request. Try again; if it keeps failing, send a "
    "shorter text.",
    501: "The request uses a transfer encoding this server does not accept; send plain or "
    "chunked bodies.",
}


def write_json_error(sock, status_int: int, reason: str, mesg: str) -> None:
    """gunicorn's util.write_error, in the API's JSON error shape with the security headers
    (gunicorn's own is an HTML page quoting what it could not parse)."""
    from . import SECURITY_HEADERS

    body = json.dumps(
        {
            "error": {
                "code": CODES.get(status_int, "error"),
                "message": GUNICORN_MESSAGES.get(status_int, GUNICORN_MESSAGES[500]),
            }
        }
    ).encode()
    reason = re.sub(r"[^ -~]", "", reason)
    headers = {
        "Connection": "close",
        "Content-Type": "application/json",
        "Content-Length": str(len(body)),
        "Cache-Control": "no-store",
        **SECURITY_HEADERS,
    }
    head = f"HTTP/1.1 {status_int} {reason}\r\n" + "".join(
        f"{k}: {v}\r\n" for k, v in headers.items()
    )
    gunicorn_util.write_nonblock(sock, head.encode("latin-1") + b"\r\n" + body)


class FootnoteWorker(ThreadWorker):
    """gunicorn's threaded worker whose own error replies (a malformed request, a worker
    stopped mid-request) are the API's JSON. Threads keep a slow client from holding the
    whole process: it holds one thread, and gunicorn parks a connection that has sent
    nothing yet in its poller instead of giving it a thread."""

    def init_process(self):
        gunicorn_util.write_error = write_json_error  # this process only: it is a worker
        super().init_process()


class _Gunicorn(BaseApplication):
    def __init__(self, options: dict, app: Flask):
        self.options = options
        self.app = app
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return self.app  # built before gunicorn starts (see run_gunicorn)


def gunicorn_options(
    settings: Settings, *, host: str, port: int, workers: int, threads: int | None = None
) -> dict:
    return {
        "bind": f"{host}:{port}",
        "workers": workers,
        # Analysis is CPU work: one process per core. Threads (FOOTNOTE_THREADS) are for
        # waiting: a slow client or a request waiting for its turn holds a thread, not the
        # process, so /api/v1/health answers while analyses and slow uploads are under way.
        "worker_class": "footnote.api.serving.FootnoteWorker",
        "threads": threads or settings.threads,
        "timeout": settings.timeout,
        "graceful_timeout": 10,
        # The app is built once and forked: workers share the loaded rules and knowledge.
        "preload_app": True,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": settings.log_level,
        "logger_class": PrivateGunicornLogger,
        "proc_name": "footnote",
        # gunicorn's run-time control socket is not needed, and a container's home may be
        # read-only.
        "control_socket_disable": True,
        # Same trust as the app's ProxyFix: only when there is a proxy in front.
        "forwarded_allow_ips": "*" if settings.proxy_count else "127.0.0.1,::1",
    }


def run_gunicorn(settings: Settings, *, host: str, port: int, workers: int) -> None:
    """Serve with gunicorn. The app (and with it every data file, read and validated by
    create_app) is built here, before gunicorn starts and forks its workers: a bad setting or
    data file stops `footnote serve` with one line naming it (cli catches the error), and
    the workers share the loaded data."""
    from . import create_app

    configure_logging(settings.log_level)
    app = create_app()
    _Gunicorn(gunicorn_options(settings, host=host, port=port, workers=workers), app).run()


class _QuietRequestHandler(WSGIRequestHandler):
    """The dev server's handler without its request line (it holds the query string)."""

    def log_request(self, code="-", size="-"):
        return None

    def log_error(self, format, *args):
        self.log("error", "%s", "could not handle a request (%s)" % (args[0] if args else "?"))


def run_dev_server(settings: Settings, *, host: str, port: int) -> None:
    from . import create_app

    configure_logging("debug" if settings.log_level == "debug" else "info")
    create_app().run(
        host=host, port=port, debug=True, use_reloader=True, request_handler=_QuietRequestHandler
    )
