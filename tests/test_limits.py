"""Limits: rate limiting per client (JSON 429 with Retry-After), CORS origins, security headers."""

import pytest
from footnote.api import SECURITY_HEADERS, create_app


@pytest.fixture
def limited_app():
    return create_app({"TESTING": True, "RATE_LIMIT": "3/minute"})


def test_burst_past_the_limit_gets_json_429_with_retry_after(limited_app):
    client = limited_app.test_client()
    statuses = [
        client.post("/api/v1/analyze", json={"text": "Officials said it rained."}).status_code
        for _ in range(3)
    ]
    assert statuses == [200, 200, 200]
    res = client.post("/api/v1/analyze", json={"text": "Officials said it rained."})
    assert res.status_code == 429
    assert res.is_json
    err = res.get_json()["error"]
    assert err["code"] == "rate_limited"
    assert "3 per 1 minute" in err["message"]
    assert 0 < int(res.headers["Retry-After"]) <= 60
    assert res.headers["X-RateLimit-Remaining"] == "0"


def test_limit_is_per_client(limited_app):
    client = limited_app.test_client()
    for _ in range(4):
        client.post(
            "/api/v1/analyze", json={"text": "Hello."}, environ_base={"REMOTE_ADDR": "1.1.1.1"}
        )
    other = client.post(
        "/api/v1/analyze", json={"text": "Hello."}, environ_base={"REMOTE_ADDR": "2.2.2.2"}
    )
    assert other.status_code == 200


def test_reads_are_not_counted(limited_app):
    client = limited_app.test_client()
    for _ in range(10):
        assert client.get("/api/v1/health").status_code == 200
    ok = client.post("/api/v1/analyze", json={"text": "Hello."})
    assert ok.status_code == 200
    assert "Retry-After" not in ok.headers


def test_behind_a_proxy_the_forwarded_client_is_counted():
    app = create_app({"TESTING": True, "RATE_LIMIT": "1/minute", "PROXY_COUNT": 1})
    client = app.test_client()
    for ip in ("10.0.0.1", "10.0.0.2"):
        res = client.post(
            "/api/v1/analyze", json={"text": "Hello."}, headers={"X-Forwarded-For": ip}
        )
        assert res.status_code == 200, ip


def test_rate_limit_can_be_switched_off():
    app = create_app({"TESTING": True, "RATE_LIMIT": "1/minute", "RATELIMIT_ENABLED": False})
    client = app.test_client()
    assert all(
        client.post("/api/v1/analyze", json={"text": "Hi."}).status_code == 200 for _ in range(3)
    )


@pytest.mark.parametrize(
    ("origin", "allowed"),
    [
        ("chrome-extension://abcdefghijklmnopabcdefghijklmnop", True),
        ("moz-extension://0b7c1c2e-1111-4a4a-9c9c-123456789abc", True),
        ("http://127.0.0.1:5000", True),
        ("https://lessons.example.org", True),
        ("https://evil.example.com", False),
        ("https://lessons.example.org.evil.com", False),
        ("chrome-extension://short", False),
    ],
)
def test_cors_allows_extensions_and_configured_origins_only(origin, allowed):
    app = create_app({"TESTING": True, "CORS_EXTRA_ORIGINS": ["https://lessons.example.org"]})
    res = app.test_client().options(
        "/api/v1/analyze",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert (res.headers.get("Access-Control-Allow-Origin") == origin) is allowed


@pytest.mark.parametrize(
    ("method", "path", "kwargs"),
    [
        ("get", "/api/v1/health", {}),
        ("post", "/api/v1/analyze", {"json": {"text": "Hello."}}),
        ("post", "/api/v1/analyze", {"json": {}}),
        ("get", "/nowhere", {}),
        ("get", "/docs", {}),
        ("get", "/api/v1/openapi.json", {}),
    ],
)
def test_security_headers_on_every_response(client, method, path, kwargs):
    res = getattr(client, method)(path, **kwargs)
    for name, value in SECURITY_HEADERS.items():
        assert res.headers[name] == value
    assert "frame-ancestors 'none'" in res.headers["Content-Security-Policy"]


def test_a_header_set_by_a_view_is_kept(app):
    @app.get("/own-csp")
    def own():
        return "ok", 200, {"Content-Security-Policy": "default-src 'none'"}

    res = app.test_client().get("/own-csp")
    assert res.headers["Content-Security-Policy"] == "default-src 'none'"
    assert res.headers["X-Content-Type-Options"] == "nosniff"


def test_unusable_storage_is_a_settings_error(monkeypatch):
    from footnote.api.settings import SettingsError

    with pytest.raises(SettingsError, match="FOOTNOTE_RATE_LIMIT_STORAGE"):
        create_app({"TESTING": True, "RATE_LIMIT_STORAGE": "nosuchstore://x"})


@pytest.fixture
def redis_url():
    """A throwaway redis-server on a loopback port in the test range."""
    import shutil
    import subprocess
    import time

    pytest.importorskip("redis")
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    from .serverutil import free_port

    port = free_port()
    proc = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    import redis

    client = redis.Redis(port=port)
    try:
        for _ in range(100):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        client.close()
        proc.terminate()
        proc.wait(10)


@pytest.mark.slow
def test_replicas_share_one_count_in_redis(redis_url):
    config = {"TESTING": True, "RATE_LIMIT": "3/minute", "RATE_LIMIT_STORAGE": redis_url}
    replicas = [create_app(config).test_client() for _ in range(2)]
    statuses = [
        replicas[i % 2].post("/api/v1/analyze", json={"text": "Hello."}).status_code
        for i in range(4)
    ]
    assert statuses == [200, 200, 200, 429]


def test_redis_outage_falls_back_to_memory():
    from .serverutil import free_port

    pytest.importorskip("redis")
    dead = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    app = create_app({"TESTING": True, "RATE_LIMIT": "2/minute", "RATE_LIMIT_STORAGE": dead})
    client = app.test_client()
    statuses = [client.post("/api/v1/analyze", json={"text": "Hi."}).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_one_limit_per_client_across_the_api_and_the_worksheet():
    app = create_app({"TESTING": True, "RATE_LIMIT": "2/minute"})
    client = app.test_client()
    assert client.post("/api/v1/analyze", json={"text": "Hello."}).status_code == 200
    assert client.post("/worksheet", data={"text": "Officials said so."}).status_code == 200
    api = client.post("/api/v1/analyze", json={"text": "Hello."})
    assert api.status_code == 429 and api.is_json
    page = client.post("/worksheet", data={"text": "Officials said so."})
    assert page.status_code == 429
    assert page.mimetype == "text/html"
    assert "Too many worksheets" in page.get_data(as_text=True)
    assert int(page.headers["Retry-After"]) > 0


def test_ipv6_clients_are_counted_per_64():
    app = create_app({"TESTING": True, "RATE_LIMIT": "1/minute"})
    client = app.test_client()

    def post(ip):
        env = {"REMOTE_ADDR": ip}
        return client.post("/api/v1/analyze", json={"text": "Hello."}, environ_base=env)

    assert post("2001:db8:1:2::1").status_code == 200
    assert post("2001:db8:1:2:ffff::9").status_code == 429  # same /64
    assert post("2001:db8:1:3::1").status_code == 200  # another /64


def test_the_access_log_escapes_control_characters(caplog):
    app = create_app({"TESTING": True, "RATELIMIT_ENABLED": False})
    with caplog.at_level("INFO", logger="footnote.access"):
        app.test_client().get("/nothing%0Aforged%20line\\x")
    lines = [r.getMessage() for r in caplog.records if r.name == "footnote.access"]
    assert len(lines) == 1
    assert "\n" not in lines[0]
    assert "/nothing\\x0aforged line\\x5cx" in lines[0]
