"""FOOTNOTE_* environment variables: parsing, the app's config, and docs/deploy.md's table."""

import re

import pytest
from footnote._system import cpu_count
from footnote.api import create_app
from footnote.api.settings import VARIABLES, Settings, SettingsError

from .conftest import ROOT


def test_defaults():
    s = Settings.from_env({})
    assert (s.host, s.port, s.workers) == ("127.0.0.1", 5000, cpu_count())
    assert s.rate_limit == "60/minute" and s.rate_limit_storage == "memory://"
    assert s.cors_origins == () and s.access_log


def test_every_variable_is_read():
    env = {
        "FOOTNOTE_HOST": "0.0.0.0",
        "FOOTNOTE_PORT": "8000",
        "FOOTNOTE_WORKERS": "3",
        "FOOTNOTE_THREADS": "8",
        "FOOTNOTE_TIMEOUT": "12",
        "FOOTNOTE_TIME_BUDGET": "2.5",
        "FOOTNOTE_MAX_TEXT_CHARS": "1000",
        "FOOTNOTE_RATE_LIMIT": "10/second;500/hour",
        "FOOTNOTE_RATE_LIMIT_STORAGE": "redis://cache:6379/0",
        "FOOTNOTE_CORS_ORIGINS": "https://a.example.org, https://b.example.org:8443",
        "FOOTNOTE_PROXY_COUNT": "1",
        "FOOTNOTE_LOG_LEVEL": "WARNING",
        "FOOTNOTE_ACCESS_LOG": "off",
    }
    assert set(env) == set(VARIABLES)
    s = Settings.from_env(env)
    assert s == Settings(
        host="0.0.0.0",
        port=8000,
        workers=3,
        threads=8,
        timeout=12,
        time_budget=2.5,
        max_text_chars=1000,
        rate_limit="10/second;500/hour",
        rate_limit_storage="redis://cache:6379/0",
        cors_origins=("https://a.example.org", "https://b.example.org:8443"),
        proxy_count=1,
        log_level="warning",
        access_log=False,
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("FOOTNOTE_PORT", "http"),
        ("FOOTNOTE_WORKERS", "0"),
        ("FOOTNOTE_PROXY_COUNT", "-1"),
        ("FOOTNOTE_RATE_LIMIT", "lots"),
        ("FOOTNOTE_RATE_LIMIT_STORAGE", "localhost:6379"),
        ("FOOTNOTE_CORS_ORIGINS", "*"),
        ("FOOTNOTE_CORS_ORIGINS", "https://example.org/"),
        ("FOOTNOTE_LOG_LEVEL", "loud"),
        ("FOOTNOTE_ACCESS_LOG", "maybe"),
        ("FOOTNOTE_PORT", "70000"),
        ("FOOTNOTE_PORT", "0"),
        ("FOOTNOTE_RATE_LIMIT_STORAGE", "foo://x"),
        ("FOOTNOTE_RATE_LIMIT", "0/minute"),
        ("FOOTNOTE_RATE_LIMIT", "10/second;0/hour"),
        ("FOOTNOTE_MAX_TEXT_CHARS", "0"),
        ("FOOTNOTE_MAX_TEXT_CHARS", "1000000000"),
        ("FOOTNOTE_THREADS", "0"),
        ("FOOTNOTE_TIME_BUDGET", "0"),
        ("FOOTNOTE_TIME_BUDGET", "nan"),
        ("FOOTNOTE_TIME_BUDGET", "soon"),
        ("FOOTNOTE_TIME_BUDGET", "30"),  # not below the default FOOTNOTE_TIMEOUT
    ],
)
def test_bad_values_name_the_variable(name, value):
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({name: value})


def test_rate_limit_off():
    assert Settings.from_env({"FOOTNOTE_RATE_LIMIT": "off"}).rate_limit is None


def test_environment_reaches_the_app(monkeypatch):
    monkeypatch.setenv("FOOTNOTE_MAX_TEXT_CHARS", "50")
    monkeypatch.setenv("FOOTNOTE_RATE_LIMIT", "off")
    app = create_app({"TESTING": True})
    assert app.config["MAX_TEXT_CHARS"] == 50
    assert app.config["RATELIMIT_ENABLED"] is False
    res = app.test_client().post("/api/v1/analyze", json={"text": "x" * 51})
    assert res.status_code == 413


def test_deploy_doc_has_one_table_with_every_variable():
    doc = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(FOOTNOTE_\w+)` \| (.+?) \| (.+?) \|$", doc, re.M)
    assert [name for name, _, _ in rows] == list(VARIABLES)
    for name, default, meaning in rows:
        assert default.strip("`") == VARIABLES[name][0], name
        assert meaning == VARIABLES[name][1], name
