"""The API against its own OpenAPI document: schemathesis generates valid and invalid requests
from the spec and checks every response (no 5xx, status, content type, headers and body as
documented). `make fuzz` runs the same test with FUZZ_EXAMPLES=10000."""

import os
import re

import pytest
import schemathesis
from footnote.api import create_app
from hypothesis import HealthCheck, settings

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "100"))

app = create_app({"TESTING": True, "RATELIMIT_ENABLED": False})
# A text over the length limit is refused with 413, which the default list lacks.
config = schemathesis.Config.from_dict(
    {"checks": {"negative_data_rejection": {"expected-statuses": [400, 413, 415, 422]}}}
)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app, config=config)


@pytest.mark.slow
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_matches_its_spec(case):
    case.call_and_validate()


def test_spec_is_openapi_3_with_every_api_route(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    documented = {(path, method.upper()) for path, item in spec["paths"].items() for method in item}
    routes = {
        (re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule), method)
        for rule in client.application.url_map.iter_rules()
        if rule.rule.startswith("/api/v1/")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    assert routes <= documented, f"undocumented API routes: {sorted(routes - documented)}"


def test_spec_comes_from_the_schemas(client):
    # Not hand-written: a schema's field description shows up in the document.
    from footnote.api.schemas import AnalyzeRequest

    spec = client.get("/api/v1/openapi.json").get_json()
    text = spec["components"]["schemas"]["AnalyzeRequest"]["properties"]["text"]
    assert text["description"] == AnalyzeRequest().fields["text"].metadata["description"]
    assert text["maxLength"] == client.application.config["MAX_TEXT_CHARS"]
    assert "Retry-After" in spec["paths"]["/api/v1/analyze"]["post"]["responses"]["429"]["headers"]


def test_docs_page_and_assets_are_served_by_the_app(client):
    page = client.get("/docs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'src="/docs/static/docs.js"' in html
    assert "http" not in html.replace("http-equiv", "")  # no CDN or other origin
    for asset in ("/docs/static/docs.js", "/docs/static/docs.css"):
        with client.get(asset) as res:
            assert res.status_code == 200


def test_an_endpoint_is_described_only_where_the_app_serves_it():
    from flask import Blueprint, jsonify
    from footnote.api.errors import ApiError
    from footnote.api.openapi import app_paths
    from footnote.engine.catalogue import CATEGORIES, load_rules, rule_as_dict

    plain = create_app({"TESTING": True})
    documented = set(plain.test_client().get("/api/v1/openapi.json").get_json()["paths"])
    assert documented <= app_paths(plain)

    # An app with the rule catalogue endpoints (as the page's branch adds them) gets them
    # documented, and its answers match what the document says.
    bp = Blueprint("rules_probe", __name__, url_prefix="/api/v1")

    @bp.get("/rules")
    def rules():
        return jsonify(
            {
                "categories": list(CATEGORIES),
                "rules": [rule_as_dict(r) for r in load_rules().values()],
            }
        )

    @bp.get("/rules/<rule_id>")
    def rule(rule_id):
        found = load_rules().get(rule_id)
        if found is None:
            raise ApiError(404, "There is no rule with that id.")
        return jsonify(rule_as_dict(found))

    with_rules = create_app({"TESTING": True})
    if "/api/v1/rules" not in {r.rule for r in with_rules.url_map.iter_rules()}:
        with_rules.register_blueprint(bp)
    probe = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", with_rules)
    ops = {op.ok().path for op in probe.get_all_operations()}
    assert {"/api/v1/rules", "/api/v1/rules/{rule_id}"} <= ops
    client = with_rules.test_client()
    some_rule = next(iter(load_rules()))
    for path in ("/api/v1/rules", f"/api/v1/rules/{some_rule}", "/api/v1/rules/no-such-rule"):
        res = client.get(path)
        operation = probe["/api/v1/rules/{rule_id}" if path.count("/") == 4 else "/api/v1/rules"][
            "GET"
        ]
        operation.validate_response(res)
