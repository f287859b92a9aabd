"""Running the app: gunicorn for production, Flask's reloader for development.

Both log the same way: the app's own access line (method, path, status, size, duration) and
errors by type. Neither server's own request logging runs, because both would write the
query string, and gunicorn's error lines can quote a malformed request line.
"""

from __future__ import annotations

import logging
import re
import sys

from gunicorn.app.base import BaseApplication
from gunicorn.glogging import Logger as GunicornLogger
from werkzeug.serving import WSGIRequestHandler

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


class _Gunicorn(BaseApplication):
    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from . import create_app

        return create_app()


def gunicorn_options(settings: Settings, *, host: str, port: int, workers: int) -> dict:
    return {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "sync",  # analysis is CPU work: one request per process, one per core
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
    configure_logging(settings.log_level)
    _Gunicorn(gunicorn_options(settings, host=host, port=port, workers=workers)).run()


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
