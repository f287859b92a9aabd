"""Deployment settings: `FOOTNOTE_*` environment variables, read once into a frozen object.

docs/deploy.md documents every variable in one table; `tests/test_settings.py` checks that
the table and `VARIABLES` list the same names.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from limits import parse_many
from limits.storage import SCHEMES

from .._system import cpu_count


class SettingsError(ValueError):
    """An environment variable holds a value Footnote cannot use; the message names it."""


# name: (default, meaning) — the single source for docs/deploy.md's table.
VARIABLES: dict[str, tuple[str, str]] = {
    "FOOTNOTE_HOST": ("127.0.0.1", "Address `footnote serve` binds; `0.0.0.0` in a container."),
    "FOOTNOTE_PORT": ("5000", "Port `footnote serve` binds."),
    "FOOTNOTE_WORKERS": ("the core count", "gunicorn worker processes."),
    "FOOTNOTE_THREADS": (
        "4",
        "Threads per worker: requests one worker holds at once, so a slow client takes a "
        "thread, not the worker.",
    ),
    "FOOTNOTE_TIMEOUT": ("30", "Seconds before gunicorn restarts a stuck worker."),
    "FOOTNOTE_TIME_BUDGET": (
        "5",
        "Seconds one analysis may run (0.1 to 60, below `FOOTNOTE_TIMEOUT`); past it the "
        "analysis stops with a 503 `over_time_budget` and the worker goes on.",
    ),
    "FOOTNOTE_MAX_TEXT_CHARS": (
        "200000",
        "Longest text accepted (1 to 1000000); longer gets 413.",
    ),
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

# The largest FOOTNOTE_MAX_TEXT_CHARS: the analysis is linear, and this keeps a request
# within a few seconds (see docs/engine.md) and its body within MAX_CONTENT_LENGTH's reach.
MAX_TEXT_CHARS_CEILING = 1_000_000
# The storage URI schemes the limits package understands (its async ones are not for Flask).
STORAGE_SCHEMES = tuple(sorted(k for k in SCHEMES if not k.startswith("async+")))

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}
LOG_LEVELS = ("debug", "info", "warning", "error")


@dataclass(frozen=True, slots=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 5000
    workers: int = field(default_factory=cpu_count)
    threads: int = 4
    timeout: int = 30
    time_budget: float = 5.0
    max_text_chars: int = 200_000
    rate_limit: str | None = "60/minute"
    rate_limit_storage: str = "memory://"
    cors_origins: tuple[str, ...] = ()
    proxy_count: int = 0
    log_level: str = "info"
    access_log: bool = True

    def __post_init__(self) -> None:
        if self.time_budget >= self.timeout:
            raise SettingsError(
                f"FOOTNOTE_TIME_BUDGET ({self.time_budget:g} s) must be below FOOTNOTE_TIMEOUT "
                f"({self.timeout} s), so an analysis stops before gunicorn stops its worker"
            )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        kw: dict = {}
        if "FOOTNOTE_HOST" in env:
            kw["host"] = env["FOOTNOTE_HOST"].strip()
        for name, attr, low, high in (
            ("FOOTNOTE_PORT", "port", 1, 65535),
            ("FOOTNOTE_WORKERS", "workers", 1, 256),
            ("FOOTNOTE_THREADS", "threads", 1, 64),
            ("FOOTNOTE_TIMEOUT", "timeout", 1, 3600),
            ("FOOTNOTE_MAX_TEXT_CHARS", "max_text_chars", 1, MAX_TEXT_CHARS_CEILING),
            ("FOOTNOTE_PROXY_COUNT", "proxy_count", 0, 16),
        ):
            if name in env:
                kw[attr] = _int(name, env[name], low, high)
        if "FOOTNOTE_TIME_BUDGET" in env:
            kw["time_budget"] = _seconds("FOOTNOTE_TIME_BUDGET", env["FOOTNOTE_TIME_BUDGET"])

        if "FOOTNOTE_RATE_LIMIT" in env:
            kw["rate_limit"] = _rate_limit(env["FOOTNOTE_RATE_LIMIT"])
        if "FOOTNOTE_RATE_LIMIT_STORAGE" in env:
            storage = env["FOOTNOTE_RATE_LIMIT_STORAGE"].strip()
            if storage.split("://", 1)[0].lower() not in STORAGE_SCHEMES or "://" not in storage:
                raise SettingsError(
                    f"FOOTNOTE_RATE_LIMIT_STORAGE must be a URI like memory:// or "
                    f"redis://host:6379 (schemes: {', '.join(STORAGE_SCHEMES)}), not {storage!r}"
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
            "TIME_BUDGET": self.time_budget,
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


def _int(name: str, value: str, low: int, high: int) -> int:
    try:
        number = int(value.strip())
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {value!r}") from None
    if not low <= number <= high:
        raise SettingsError(f"{name} must be from {low} to {high}, not {number}")
    return number


def _seconds(name: str, value: str) -> float:
    try:
        number = float(value.strip())
    except ValueError:
        raise SettingsError(f"{name} must be a number of seconds, not {value!r}") from None
    if not 0.1 <= number <= 60:  # also refuses nan and inf
        raise SettingsError(f"{name} must be from 0.1 to 60 seconds, not {value.strip()}")
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
        items = parse_many(value)
        if not items:
            raise ValueError
    except ValueError:
        raise SettingsError(
            f"FOOTNOTE_RATE_LIMIT: {value!r} is not a limit like 60/minute or 10/second;500/hour"
        ) from None
    if any(item.amount < 1 for item in items):
        raise SettingsError(
            f"FOOTNOTE_RATE_LIMIT: {value!r} allows no request at all; use at least 1 per "
            "period, or off to disable limiting"
        )
    return value
