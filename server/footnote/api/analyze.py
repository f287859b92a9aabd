"""The versioned JSON API: /api/v1/..."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, current_app, jsonify, request
from marshmallow import ValidationError

from .._version import __version__
from ..engine import analyze, knowledge_version, to_dict
from .errors import ApiError
from .schemas import AnalyzeRequest

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def _json_body() -> dict:
    if not request.is_json:
        raise ApiError(415, "Send the request as JSON (Content-Type: application/json).")
    body = request.get_json(silent=True)
    if body is None:
        raise ApiError(400, "The request body is not valid JSON.")
    if not isinstance(body, dict):
        raise ApiError(422, "The JSON body must be an object with a 'text' field.", "text")
    return body


@bp.post("/analyze")
def analyze_view():
    body = _json_body()
    try:
        req = AnalyzeRequest().load(body, unknown="exclude")
    except ValidationError as exc:
        field, messages = next(iter(exc.normalized_messages().items()))
        message = messages[0] if isinstance(messages, list) else str(messages)
        raise ApiError(422, f"{field}: {message}", field) from None
    limit = current_app.config["MAX_TEXT_CHARS"]
    if len(req["text"]) > limit:
        raise ApiError(413, f"The text is longer than {limit:,} characters.", "text")
    # The reader's today: the API layer reads the clock, the engine never does.
    as_of = req["as_of"] or date.today()
    result = analyze(
        req["text"], published=req["published"], title=req["title"], url=req["url"], as_of=as_of
    )
    return jsonify(to_dict(result))


@bp.get("/health")
def health():
    return jsonify(
        {"status": "ok", "version": __version__, "knowledge_version": knowledge_version()}
    )
