"""GET /api/v1/rules: every rule the engine can emit, from the data the engine reads."""

from __future__ import annotations

from flask import Blueprint, jsonify

from ..engine.catalogue import CATEGORIES, catalogue, load_rules, rule_as_dict
from .errors import ApiError

bp = Blueprint("rules_api", __name__, url_prefix="/api/v1")


@bp.get("/rules")
def list_rules():
    return jsonify({"categories": list(CATEGORIES), "rules": catalogue()})


@bp.get("/rules/<rule_id>")
def get_rule(rule_id: str):
    rule = load_rules().get(rule_id)
    if rule is None:
        raise ApiError(404, "There is no rule with that id.")
    return jsonify(rule_as_dict(rule))
