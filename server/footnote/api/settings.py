"""Deployment settings: `FOOTNOTE_*` environment variables, read once into a frozen object.

docs/deploy.md documents every variable in one table; `tests/test_settings.py` checks that
the table and `VARIABLES` list the same names.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from limits import parse_many

from .._system import cpu_count


class SettingsError(ValueError):
    """An environment variable holds a value Footnote cannot use; the message names it."""


# name: (default, meaning) — the single source for docs/deploy.md's table.
VARIABLES: dict[str, tuple[str, str]] = {
    "FOOTNOTE_HOST": ("127.0.0.1", "Address `footnote serve` binds; `0.0.0.0` in a container."),
    "FOOTNOTE_PORT": ("5000", "Port `footnote serve` binds."),
    "FOOTNOTE_WORKERS": ("the core count", "gunicorn worker processes."),
    "FOOTNOTE_TIMEOUT": ("30", "Seconds before gunicorn restarts a stuck worker."),
    "FOOTNOTE_MAX_TEXT_CHARS": ("200000", "Longest text accepted; longer gets 413."),
    "FOOTNOTE_RATE_LIMIT": (
        "60/minute",
        "Analyses per client address, in flask-limiter notation (`10/second;500/hour`); "
        "`off` disables limiting.",
    ),
    "FOOTNOTE_RATE_LIMIT_STORAGE": (
        "memory://",
        "Where counts are kept. `memory://` counts per worker process; a Redis URI "
        "(`redis://host:6379/0`, needs `pip install 'footnote[redis]'`) shares one count "
        "across workers and replicas.",
    ),
    "FOOTNOTE_CORS_ORIGINS": (
        "(none)",
        "Comma-separated extra origins allowed to call the API from a browser, e.g. "
        "`https://lessons.example.org`. Extension origins and loopback are always allowed.",
    ),
    "FOOTNOTE_PROXY_COUNT": (
        "0",
        "Reverse proxies in front that set `X-Forwarded-For`/`-Proto`; set it behind a load "
        "balancer so limits count real clients, not the balancer.",
    ),
    "FOOTNOTE_LOG_LEVEL": ("info", "`debug`, `info`, `warning` or `error`."),
    "FOOTNOTE_ACCESS_LOG": (
        "on",
        "`off` silences the access log (method, path, status, size, duration: never text).",
    ),
}

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}
LOG_LEVELS = ("debug", "info", "warning", "error")


@dataclass(frozen=True, slots=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 5000
    workers: int = field(default_factory=cpu_count)
    timeout: int = 30
    max_text_chars: int = 200_000
    rate_limit: str | None = "60/minute"
    rate_limit_storage: str = "memory://"
    cors_origins: tuple[str, ...] = ()
    proxy_count: int = 0
    log_level: str = "info"
    access_log: bool = True

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        kw: dict = {}
        if "FOOTNOTE_HOST" in env:
            kw["host"] = env["FOOTNOTE_HOST"].strip()
        for name, attr, low in (
            ("FOOTNOTE_PORT", "port", 1),
            ("FOOTNOTE_WORKERS", "workers", 1),
            ("FOOTNOTE_TIMEOUT", "timeout", 1),
            ("FOOTNOTE_MAX_TEXT_CHARS", "max_text_chars", 1),
            ("FOOTNOTE_PROXY_COUNT", "proxy_count", 0),
        ):
            if name in env:
                kw[attr] = _int(name, env[name], low)
        if "FOOTNOTE_RATE_LIMIT" in env:
            kw["rate_limit"] = _rate_limit(env["FOOTNOTE_RATE_LIMIT"])
        if "FOOTNOTE_RATE_LIMIT_STORAGE" in env:
            storage = env["FOOTNOTE_RATE_LIMIT_STORAGE"].strip()
            if "://" not in storage:
                raise SettingsError(
                    "FOOTNOTE_RATE_LIMIT_STORAGE must be a URI like memory:// or redis://host:6379"
                )
            kw["rate_limit_storage"] = storage
        if "FOOTNOTE_CORS_ORIGINS" in env:
            origins = tuple(o.strip() for o in env["FOOTNOTE_CORS_ORIGINS"].split(",") if o.strip())
            for origin in origins:
                if origin == "*" or "://" not in origin or origin.endswith("/"):
                    raise SettingsError(
                        f"FOOTNOTE_CORS_ORIGINS: {origin!r} is not an origin like "
                        "https://example.org (no wildcard, no trailing slash)"
                    )
            kw["cors_origins"] = origins
        if "FOOTNOTE_LOG_LEVEL" in env:
            level = env["FOOTNOTE_LOG_LEVEL"].strip().lower()
            if level not in LOG_LEVELS:
                raise SettingsError(f"FOOTNOTE_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}")
            kw["log_level"] = level
        if "FOOTNOTE_ACCESS_LOG" in env:
            kw["access_log"] = _bool("FOOTNOTE_ACCESS_LOG", env["FOOTNOTE_ACCESS_LOG"])
        return cls(**kw)

    def flask_config(self) -> dict:
        """The app's config keys for these settings (server-only ones are not included)."""
        return {
            "MAX_TEXT_CHARS": self.max_text_chars,
            # The body may hold the text JSON-escaped: up to 12 bytes per code point (an emoji
            # as two \\uXXXX escapes), plus the other fields.
            "MAX_CONTENT_LENGTH": self.max_text_chars * 12 + 64_000,
            "RATELIMIT_ENABLED": self.rate_limit is not None,
            "RATE_LIMIT": self.rate_limit or "60/minute",
            "RATE_LIMIT_STORAGE": self.rate_limit_storage,
            "CORS_EXTRA_ORIGINS": list(self.cors_origins),
            "PROXY_COUNT": self.proxy_count,
            "ACCESS_LOG": self.access_log,
        }


def _int(name: str, value: str, low: int) -> int:
    try:
        number = int(value.strip())
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {value!r}") from None
    if number < low:
        raise SettingsError(f"{name} must be at least {low}")
    return number


def _bool(name: str, value: str) -> bool:
    value = value.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise SettingsError(f"{name} must be on or off, not {value!r}")


def _rate_limit(value: str) -> str | None:
    value = value.strip()
    if value.lower() in _FALSE:
        return None
    try:
        if not parse_many(value):
            raise ValueError
    except ValueError:
        raise SettingsError(
            f"FOOTNOTE_RATE_LIMIT: {value!r} is not a limit like 60/minute or 10/second;500/hour"
        ) from None
    return value
