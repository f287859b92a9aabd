"""The API's own description: an OpenAPI 3 document generated from the marshmallow schemas,
and a /docs page that renders it with a small script served by the app (no CDN)."""

from __future__ import annotations

import re
from functools import cache

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from flask import Blueprint, Response, current_app, jsonify

from ..._version import __version__
from .. import schemas
from ..errors import CODES

bp = Blueprint("apidocs", __name__, static_folder="static", static_url_path="/docs/static")

# Component names in the document, nested schemas before the ones that hold them.
_SCHEMAS = {
    "AnalyzeRequest": schemas.AnalyzeRequest,
    "Reference": schemas.ReferenceSchema,
    "Source": schemas.SourceSchema,
    "Note": schemas.NoteSchema,
    "Summary": schemas.SummarySchema,
    "Meta": schemas.MetaSchema,
    "AnalyzeResponse": schemas.AnalyzeResponse,
    "ErrorDetail": schemas.ErrorDetail,
    "ErrorResponse": schemas.ErrorResponse,
    "HealthResponse": schemas.HealthResponse,
    "TopicSummary": schemas.TopicSummarySchema,
    "FactCounts": schemas.FactCountsSchema,
    "TopicList": schemas.TopicListResponse,
    "TimelineEvent": schemas.TimelineEventSchema,
    "TopicFact": schemas.TopicFactSchema,
    "OfficeHolder": schemas.OfficeHolderSchema,
    "TopicDetail": schemas.TopicDetailResponse,
    "Tenure": schemas.TenureSchema,
    "Office": schemas.OfficeSchema,
    "Membership": schemas.MembershipSchema,
    "TreatyChange": schemas.TreatyChangeSchema,
    "Facts": schemas.FactsResponse,
    "RuleExample": schemas.RuleExampleSchema,
    "Rule": schemas.RuleSchema,
    "RuleList": schemas.RuleListResponse,
}

_ERRORS = {
    400: "The body is not valid JSON, is nested too deeply, or its chunked encoding is malformed.",
    413: "The text (or the whole body) is too large.",
    415: "The body is not sent as application/json.",
    422: "A field is missing or invalid; `field` names it.",
    429: "Too many requests from this client; wait `Retry-After` seconds.",
    500: "Something failed inside Footnote; nothing about the request is kept.",
    503: "The analysis ran past the server's time budget and was stopped; try again, or "
    "send a shorter text.",
}

DESCRIPTION = """\
Footnote reads the text of a news article and returns plain-language notes: who the
information comes from, where the "says who?" is missing, and what background a reader needs.

Offsets (`start`, `end`) count Unicode code points in the submitted `text`, end exclusive,
so `text[start:end] == excerpt` in Python; JavaScript clients convert them to UTF-16 indices.
The text is analysed in memory and never stored or logged.

Errors always have the shape `{"error": {"code", "message", "field"?}}`.
"""


def _error(status: int) -> dict:
    response = {
        "description": f"`{CODES[status]}`: {_ERRORS[status]}",
        "content": {"application/json": {"schema": "ErrorResponse"}},
    }
    if status == 429:
        response["headers"] = {
            "Retry-After": {
                "description": "Seconds to wait before trying again.",
                "schema": {"type": "integer", "minimum": 0},
                "required": True,
            }
        }
    return response


def _operations() -> dict[str, dict]:
    """Every documented path and its operations, in the order the page shows them."""
    return {
        "/api/v1/analyze": {
            "post": {
                "operationId": "analyze",
                "summary": "Analyse an article's text",
                "tags": ["analysis"],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": "AnalyzeRequest"}},
                },
                "responses": {
                    "200": {
                        "description": "Sources, notes and a summary.",
                        "content": {"application/json": {"schema": "AnalyzeResponse"}},
                    },
                    **{str(s): _error(s) for s in (400, 413, 415, 422, 429, 500, 503)},
                },
            }
        },
        "/api/v1/health": {
            "get": {
                "operationId": "health",
                "summary": "Liveness and version",
                "tags": ["service"],
                "responses": {
                    "200": {
                        "description": "The service is up.",
                        "content": {"application/json": {"schema": "HealthResponse"}},
                    }
                },
            }
        },
        "/api/v1/topics": {
            "get": {
                "operationId": "topics",
                "summary": "The knowledge base's topics",
                "tags": ["knowledge"],
                "responses": {
                    "200": {
                        "description": "Every topic, with its sources and check date.",
                        "content": {"application/json": {"schema": "TopicList"}},
                    }
                },
            }
        },
        "/api/v1/facts": {
            "get": {
                "operationId": "facts",
                "summary": "The knowledge base's dated facts",
                "tags": ["knowledge"],
                "responses": {
                    "200": {
                        "description": "Office holders, memberships and treaty changes, "
                        "each with its source.",
                        "content": {"application/json": {"schema": "Facts"}},
                    }
                },
            }
        },
        "/api/v1/topics/{topic_id}": {
            "get": {
                "operationId": "topic",
                "summary": "One knowledge-base topic",
                "tags": ["knowledge"],
                "parameters": [
                    {
                        "name": "topic_id",
                        "in": "path",
                        "required": True,
                        "description": "A topic id from /api/v1/topics, or a note's `topic`.",
                        "schema": {"type": "string"},
                    }
                ],
                "responses": {
                    "200": {
                        "description": "The topic.",
                        "content": {"application/json": {"schema": "TopicDetail"}},
                    },
                    "404": {
                        "description": "`not_found`: no topic with that id.",
                        "content": {"application/json": {"schema": "ErrorResponse"}},
                    },
                },
            }
        },
        "/api/v1/rules": {
            "get": {
                "operationId": "rules",
                "summary": "The rule catalogue",
                "tags": ["knowledge"],
                "responses": {
                    "200": {
                        "description": "Every rule a note can come from.",
                        "content": {"application/json": {"schema": "RuleList"}},
                    }
                },
            }
        },
        "/api/v1/rules/{rule_id}": {
            "get": {
                "operationId": "rule",
                "summary": "One rule",
                "tags": ["knowledge"],
                "parameters": [
                    {
                        "name": "rule_id",
                        "in": "path",
                        "required": True,
                        "description": "A rule id, as in a note's `rule`.",
                        "schema": {"type": "string"},
                    }
                ],
                "responses": {
                    "200": {
                        "description": "The rule.",
                        "content": {"application/json": {"schema": "Rule"}},
                    },
                    "404": {
                        "description": "`not_found`: no rule with that id.",
                        "content": {"application/json": {"schema": "ErrorResponse"}},
                    },
                },
            }
        },
        "/api/v1/openapi.json": {
            "get": {
                "operationId": "openapi",
                "summary": "This document",
                "tags": ["service"],
                "responses": {
                    "200": {
                        "description": "The OpenAPI 3 description of the API.",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
    }


@cache
def build_spec(max_text_chars: int, paths: frozenset[str]) -> dict:
    """The OpenAPI document as a dict for an app serving `paths` (OpenAPI spelling), with
    `max_text_chars` its text limit. An operation is described only where the app has its
    route, so the document never promises an endpoint this build lacks. Cached: it depends on
    nothing else, and callers only read it."""
    spec = APISpec(
        title="Footnote API",
        version=__version__,
        openapi_version="3.0.3",
        plugins=[MarshmallowPlugin()],
        info={
            "description": DESCRIPTION,
            "license": {"name": "MIT", "url": "https://opensource.org/licenses/MIT"},
        },
        servers=[{"url": "/", "description": "this server"}],
    )
    for name, schema in _SCHEMAS.items():
        spec.components.schema(name, schema=schema)
    # The length limit is configuration, not part of the schema class.
    text = spec.to_dict()["components"]["schemas"]["AnalyzeRequest"]["properties"]["text"]
    text["maxLength"] = max_text_chars

    for path, operations in _operations().items():
        if path in paths:
            spec.path(path=path, operations=operations)
    document = spec.to_dict()
    components = document["components"]["schemas"]
    components["AnalyzeRequest"]["properties"]["text"] = text
    for name, schema in _SCHEMAS.items():
        if schema.__doc__:
            components[name]["description"] = " ".join(schema.__doc__.split())
    return document


def app_paths(app) -> frozenset[str]:
    """The app's URL rules in OpenAPI spelling: /topics/<topic_id> becomes /topics/{topic_id}."""
    return frozenset(_PARAM.sub(r"{\1}", rule.rule) for rule in app.url_map.iter_rules())


_PARAM = re.compile(r"<(?:\w+:)?(\w+)>")


@bp.get("/api/v1/openapi.json")
def openapi_json():
    app = current_app._get_current_object()
    return jsonify(build_spec(app.config["MAX_TEXT_CHARS"], app_paths(app)))


@bp.get("/docs")
@bp.get("/docs/")
def docs_page():
    with bp.open_resource("static/index.html") as fh:
        return Response(fh.read(), mimetype="text/html")
