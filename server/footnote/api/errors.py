"""One JSON error shape for every failure: {"error": {"code", "message", "field"?}}."""

from __future__ import annotations

import traceback

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException, InternalServerError

CODES = {
    400: "bad_request",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    414: "uri_too_long",
    415: "unsupported_media_type",
    417: "expectation_failed",
    422: "invalid_field",
    429: "rate_limited",
    431: "headers_too_large",
    500: "internal_error",
    501: "not_implemented",
    503: "over_time_budget",
}

# The message of a 503 from the time budget (FOOTNOTE_TIME_BUDGET).
OVER_BUDGET = (
    "The analysis took longer than this server allows ({budget:g} s) and was stopped. "
    "Try again in a moment; if it happens again, send a shorter text."
)


class ApiError(HTTPException):
    """An error raised by our own views, with the field it is about."""

    def __init__(self, status: int, message: str, field: str | None = None):
        super().__init__(description=message)
        self.code = status
        self.field = field


def error_response(status: int, message: str, field: str | None = None):
    body = {"code": CODES.get(status, "error"), "message": message}
    if field:
        body["field"] = field
    return jsonify({"error": body}), status


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):
        status = exc.code or 500
        message = exc.description or ""
        field = getattr(exc, "field", None)
        # Werkzeug's stock wording is for browsers; a message a view gave (an ApiError, or
        # abort(404, description=...) from the page's blueprint) is kept.
        stock = exc.description == type(exc).description
        if status == 405 and stock:
            message = "This address does not accept that method."
        elif status == 404 and stock:
            message = "There is nothing at this address."
        elif status == 413 and stock:
            message = "The request body is larger than this server accepts; send a shorter text."
            field = "text"
        elif status == 429:
            # flask-limiter's description is the limit, e.g. "60 per 1 minute".
            message = (
                f"Too many requests from this address (the limit is {message}). "
                "Wait for the number of seconds in Retry-After and try again."
            )
        response, status = error_response(status, message, field)
        for header in ("Retry-After", "Allow"):
            value = exc.get_response().headers.get(header) if status in (405, 429) else None
            if value:
                response.headers[header] = value
        return response, status

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        if isinstance(exc, HTTPException):
            return _http(exc)
        if type(exc).__module__.startswith("gunicorn.http"):
            # gunicorn reads a chunked body as the app reads it: a malformed chunk surfaces
            # here, in the middle of reading the request, and is the client's error
            return error_response(
                400, "The request body could not be read: its chunked encoding is malformed."
            )
        if isinstance(exc, RecursionError):
            return error_response(400, "The request is nested too deeply to read.")
        # Type and place only: an exception's message may quote the submitted text.
        frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        where = f" at {frame.filename}:{frame.lineno} in {frame.name}" if frame else ""
        app.logger.error("unhandled %s%s", type(exc).__name__, where)
        return error_response(500, InternalServerError.description)
