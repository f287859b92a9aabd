import pytest


def test_health(client):
    res = client.get("/api/v1/health")
    assert res.status_code == 200
    assert res.get_json()["status"] == "ok"


def test_analyze_contract_shape(client, seed_text):
    res = client.post("/api/v1/analyze", json={"text": seed_text, "published": "2025-01-10"})
    assert res.status_code == 200
    body = res.get_json()
    assert set(body) >= {"summary", "sources", "notes", "meta"}
    assert body["meta"]["characters"] == len(seed_text)
    for note in body["notes"]:
        if note["start"] is not None:
            assert seed_text[note["start"] : note["end"]] == note["excerpt"]
    for source in body["sources"]:
        assert seed_text[source["start"] : source["end"]] == source["mention"]


@pytest.mark.parametrize(
    ("kwargs", "status", "code", "field"),
    [
        ({"data": "{not json", "content_type": "application/json"}, 400, "bad_request", None),
        ({"data": "text=hello", "content_type": "text/plain"}, 415, "unsupported_media_type", None),
        ({"json": {}}, 422, "invalid_field", "text"),
        ({"json": {"text": ""}}, 422, "invalid_field", "text"),
        ({"json": {"text": "   "}}, 422, "invalid_field", "text"),
        ({"json": {"text": 42}}, 422, "invalid_field", "text"),
        ({"json": ["text"]}, 422, "invalid_field", "text"),
        (
            {"json": {"text": "Hello.", "published": "2024-13-45"}},
            422,
            "invalid_field",
            "published",
        ),
        ({"json": {"text": "x" * 200_001}}, 413, "too_large", "text"),
    ],
)
def test_analyze_errors(client, kwargs, status, code, field):
    res = client.post("/api/v1/analyze", **kwargs)
    assert res.status_code == status
    err = res.get_json()["error"]
    assert err["code"] == code
    assert err["message"]
    assert err.get("field") == field


def test_unknown_path_is_json_404(client):
    res = client.get("/api/v1/nothing-here")
    assert res.status_code == 404
    assert res.get_json()["error"]["code"] == "not_found"


def test_wrong_method_is_json_405(client):
    res = client.get("/api/v1/analyze")
    assert res.status_code == 405
    assert res.get_json()["error"]["code"] == "method_not_allowed"


def test_unexpected_error_is_json_500_without_details(app, monkeypatch):
    import footnote.api.analyze

    def boom(*_args, **_kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(footnote.api.analyze, "analyze", boom)
    res = app.test_client().post("/api/v1/analyze", json={"text": "Hello."})
    assert res.status_code == 500
    body = res.get_json()
    assert body["error"]["code"] == "internal_error"
    assert "secret" not in res.get_data(as_text=True)


def test_escaped_emoji_text_within_the_limit_is_accepted(client):
    import json

    body = json.dumps({"text": "\U0001f600 " * 60_000})  # ASCII-escaped: 12 bytes per emoji
    res = client.post("/api/v1/analyze", data=body, content_type="application/json")
    assert res.status_code == 200


def test_oversized_body_is_json_413_naming_text(client):
    res = client.post("/api/v1/analyze", data="x" * 3_000_000, content_type="application/json")
    assert res.status_code == 413
    err = res.get_json()["error"]
    assert err["code"] == "too_large" and err["field"] == "text"


@pytest.mark.parametrize(
    "text", ["according\nto", "in the words\nof", "According\nto Reuters", "It is\nreported"]
)
def test_a_cue_broken_over_a_line_is_not_an_error(client, text):
    res = client.post("/api/v1/analyze", json={"text": text})
    assert res.status_code == 200
    assert res.get_json()["meta"]["characters"] == len(text)
    page = client.post("/worksheet", data={"text": text})
    assert page.status_code == 200


def _ticking(step: float):
    """A clock that moves `step` seconds every time it is read."""
    now = [0.0]

    def clock() -> float:
        now[0] += step
        return now[0]

    return clock


def test_an_analysis_past_its_time_budget_is_a_json_503(client, monkeypatch, seed_text):
    monkeypatch.setattr("footnote.api.analyze.time.monotonic", _ticking(1.0))
    res = client.post("/api/v1/analyze", json={"text": seed_text})
    assert res.status_code == 503
    err = res.get_json()["error"]
    assert err["code"] == "over_time_budget"
    assert "5 s" in err["message"] and "<" not in err["message"]
    # the next request, with time running normally, is answered
    monkeypatch.undo()
    assert client.post("/api/v1/analyze", json={"text": seed_text}).status_code == 200


def test_the_worksheet_past_its_time_budget_is_a_page(client, monkeypatch, seed_text):
    monkeypatch.setattr("footnote.web.time.monotonic", _ticking(1.0))
    res = client.post("/worksheet", data={"text": seed_text})
    assert res.status_code == 503
    assert "longer than this server allows" in res.get_data(as_text=True)


def test_deeply_nested_json_is_a_400(client):
    for body in ("[" * 1000 + "]" * 1000, '{"text": ' + "[" * 5000 + "]" * 5000 + "}"):
        res = client.post("/api/v1/analyze", data=body, content_type="application/json")
        assert res.status_code == 400
        assert res.get_json()["error"]["code"] == "bad_request"


@pytest.mark.parametrize("published", ["20240501", "2024-W18-3", "2024-123", "2024-5-1"])
def test_dates_other_than_yyyy_mm_dd_are_refused(client, published):
    res = client.post(
        "/api/v1/analyze", json={"text": "Officials said so.", "published": published}
    )
    assert res.status_code == 422
    assert res.get_json()["error"]["field"] == "published"
    page = client.post("/worksheet", data={"text": "Officials said so.", "published": published})
    assert page.status_code == 422


def test_analyses_and_worksheets_are_not_cached(client):
    res = client.post("/api/v1/analyze", json={"text": "Officials said so."})
    assert res.headers["Cache-Control"] == "no-store"
    page = client.post("/worksheet", data={"text": "Officials said so."})
    assert page.headers["Cache-Control"] == "no-store"
