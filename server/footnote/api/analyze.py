"""The versioned JSON API: /api/v1/..."""

from __future__ import annotations

import time
from datetime import date

from flask import Blueprint, current_app, jsonify, request
from marshmallow import ValidationError

from .._version import __version__
from ..engine import OutOfTime, analyze, knowledge_version, to_dict
from .errors import OVER_BUDGET, ApiError
from .schemas import AnalyzeRequest

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def _json_body() -> dict:
    if not request.is_json:
        raise ApiError(415, "Send the request as JSON (Content-Type: application/json).")
    if request.content_length is None:
        # A chunked body has no declared length: werkzeug stops reading it at
        # MAX_CONTENT_LENGTH without a word, so ask for one byte more to learn whether it
        # went on (that read raises RequestEntityTooLarge, a 413, if it did).
        request.get_data(cache=True)
        request.stream.read(1)
    try:
        body = request.get_json(silent=True)
    except RecursionError:  # json's decoder recurses once per level of nesting
        raise ApiError(400, "The JSON body is nested too deeply.") from None
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
    budget = current_app.config["TIME_BUDGET"]
    try:
        result = analyze(
            req["text"],
            published=req["published"],
            title=req["title"],
            url=req["url"],
            as_of=as_of,
            clock=time.monotonic,
            budget=budget,
        )
    except OutOfTime:
        raise ApiError(503, OVER_BUDGET.format(budget=budget)) from None
    response = jsonify(to_dict(result))
    response.headers["Cache-Control"] = "no-store"  # an analysis of someone's text
    return response


@bp.get("/health")
def health():
    return jsonify(
        {"status": "ok", "version": __version__, "knowledge_version": knowledge_version()}
    )
