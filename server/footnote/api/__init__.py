"""The Flask application factory."""

from __future__ import annotations

import ipaddress
import logging
import re
import time

from flask import Flask, g, request
from flask_cors import CORS
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits.errors import ConfigurationError
from werkzeug.middleware.proxy_fix import ProxyFix

from .errors import register_error_handlers
from .settings import Settings, SettingsError

DEFAULTS = {
    "JSON_SORT_KEYS": False,
}

# Loopback pages and browser extensions may always call the API; FOOTNOTE_CORS_ORIGINS adds more.
BUILTIN_ORIGINS = (
    re.compile(r"^https?://(127\.0\.0\.1|localhost)(:\d+)?$"),
    re.compile(r"^chrome-extension://[a-p]{32}$"),
    re.compile(r"^moz-extension://[0-9a-f-]+$"),
)

# Set on every response unless a view or blueprint set its own (the page sets its own CSP).
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}

access_log = logging.getLogger("footnote.access")


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(DEFAULTS)
    app.config.from_mapping(Settings.from_env().flask_config())
    if test_config:
        app.config.from_mapping(test_config)
    app.json.sort_keys = False  # type: ignore[attr-defined]  # app.json is the default provider
    if app.config["PROXY_COUNT"]:
        n = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]  # Flask's documented way
            app.wsgi_app, x_for=n, x_proto=n, x_host=n
        )

    # after_request functions run last-registered first: these two must see the final response.
    _register_access_log(app)
    _register_security_headers(app)

    extra = [re.compile("^" + re.escape(o) + "$") for o in app.config["CORS_EXTRA_ORIGINS"]]
    CORS(
        app,
        resources={r"/api/*": {"origins": [*BUILTIN_ORIGINS, *extra]}},
        expose_headers=["Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining"],
    )
    try:
        _limiter(app)
    except ConfigurationError as exc:
        raise SettingsError(
            f"FOOTNOTE_RATE_LIMIT_STORAGE={app.config['RATE_LIMIT_STORAGE']}: {exc} "
            "(for Redis: pip install 'footnote[redis]')"
        ) from None

    from .. import web
    from . import analyze, openapi, rules, topics

    app.register_blueprint(analyze.bp)
    app.register_blueprint(topics.bp)
    app.register_blueprint(openapi.bp)
    app.register_blueprint(rules.bp)
    app.register_blueprint(web.bp)
    register_error_handlers(app)
    _load_data()
    return app


def _load_data() -> None:
    """Read and validate the rules and the knowledge base (topics, outlets, dated facts) now,
    so a malformed data file stops start-up with the file and key named, and forked workers
    share the compiled scans."""
    from ..engine import preload

    preload()


def client_key() -> str:
    """The address a client is counted under: its IPv4 address, or the /64 network of an
    IPv6 one (a single subscriber is usually given a whole /64, so counting each address
    would let one client rotate through billions)."""
    address = get_remote_address()
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)  # "::ffff:192.0.2.1" is an IPv4 client
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _limiter(app: Flask) -> Limiter:
    return Limiter(
        client_key,
        app=app,
        # Reading is free; analysing costs CPU, so only requests that post work are counted,
        # and all of them under one count per client (an application limit, not one per
        # route): /api/v1/analyze and the worksheet form share it.
        application_limits=[lambda: app.config["RATE_LIMIT"]],
        application_limits_exempt_when=lambda: request.method in ("GET", "HEAD", "OPTIONS"),
        storage_uri=app.config["RATE_LIMIT_STORAGE"],
        headers_enabled=True,
        # O(1) per client per check (moving-window keeps a timestamp per request).
        strategy="sliding-window-counter",
        # A Redis outage should not take the API down: count in memory until it is back.
        in_memory_fallback_enabled=True,
    )


def _register_access_log(app: Flask) -> None:
    """One line per request: method, path, status, size, duration. Never the body or query."""

    @app.before_request
    def _start_clock():
        g.footnote_started = time.perf_counter()

    @app.after_request
    def _log(response):
        if app.config["ACCESS_LOG"]:
            started = g.get("footnote_started", time.perf_counter())
            size = response.content_length
            access_log.info(
                "%s %s %s %s %.1fms",
                _printable(request.method),
                _printable(request.path),
                response.status_code,
                "-" if size is None else size,
                (time.perf_counter() - started) * 1000,
            )
        return response


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\\]")


def _printable(value: str) -> str:
    """`value` with control characters (a path's decoded %0A) and backslashes escaped, so
    one request is one log line and no line can be forged."""
    return _CONTROL.sub(_escape, value)


def _escape(m: re.Match) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 256 else f"\\u{code:04x}"


def _register_security_headers(app: Flask) -> None:
    @app.after_request
    def _headers(response):
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        # flask-limiter puts Retry-After on every limited response; it only means
        # something on a 429.
        if response.status_code != 429:
            response.headers.pop("Retry-After", None)
        return response
