"""The Flask application factory."""

from __future__ import annotations

from flask import Flask
from flask_cors import CORS

from .errors import register_error_handlers

DEFAULTS = {
    "MAX_TEXT_CHARS": 200_000,
    # The body may hold the text JSON-escaped (up to 6 bytes per character) plus fields.
    "MAX_CONTENT_LENGTH": 200_000 * 6 + 64_000,
    "JSON_SORT_KEYS": False,
}


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(DEFAULTS)
    if test_config:
        app.config.from_mapping(test_config)
    app.json.sort_keys = False
    # Loopback pages and browser extensions may call the API.
    CORS(
        app,
        resources={
            r"/api/*": {
                "origins": [
                    r"^https?://(127\.0\.0\.1|localhost)(:\d+)?$",
                    r"^chrome-extension://[a-p]{32}$",
                    r"^moz-extension://[0-9a-f-]+$",
                ]
            }
        },
    )
    from . import api, topics_api

    app.register_blueprint(api.bp)
    app.register_blueprint(topics_api.bp)
    register_error_handlers(app)
    return app
