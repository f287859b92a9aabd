"""GET /api/v1/topics, /api/v1/topics/<id> and /api/v1/facts: what the knowledge base
covers, with sources."""

from __future__ import annotations

from flask import Blueprint, jsonify

from ..engine.context.facts import Facts
from ..engine.context.kb import Topic, load_kb
from .errors import ApiError

bp = Blueprint("topics", __name__, url_prefix="/api/v1")


def _refs(topic: Topic) -> list[dict]:
    return [{"title": r.title, "url": r.url} for r in topic.references]


def topic_summary(topic: Topic) -> dict:
    return {
        "id": topic.id,
        "title": topic.title,
        "last_checked": topic.last_checked.isoformat(),
        "references": _refs(topic),
    }


def topic_detail(topic: Topic) -> dict:
    return {
        **topic_summary(topic),
        "summary": topic.summary,
        "kind": topic.kind,
        "aliases": list(topic.aliases),
        "timeline": [
            {"date": e.date.isoformat(), "when": e.when, "event": e.event, "since": e.since}
            for e in topic.timeline
        ],
        "facts": [
            {
                "statement": f.statement,
                "valid_from": f.valid_from.isoformat() if f.valid_from else None,
                "valid_to": f.valid_to.isoformat() if f.valid_to else None,
                "changed": f.changed,
            }
            for f in topic.facts
        ],
        "holders": [
            {
                "name": h.name,
                "valid_from": h.valid_from.isoformat(),
                "valid_to": h.valid_to.isoformat() if h.valid_to else None,
            }
            for h in topic.holders
        ],
    }


@bp.get("/topics")
def topics():
    kb = load_kb()
    return jsonify(
        {
            "knowledge_version": f"{kb.version}+{kb.digest}",
            "as_of": kb.as_of.isoformat(),
            "topics": [topic_summary(t) for t in kb.topics.values()],
            "facts": fact_counts(kb.facts),
        }
    )


def _day(d):
    return d.isoformat() if d else None


def fact_counts(facts: Facts) -> dict:
    return {"checked": _day(facts.checked), **facts.counts()}


def facts_listing(facts: Facts) -> dict:
    return {
        "counts": fact_counts(facts),
        "offices": [
            {
                "id": o.id,
                "name": o.name,
                "where": o.where,
                "role": o.role,
                "titles": list(o.titles),
                "abolished": _day(o.abolished),
                "holders": [
                    {
                        "name": t.name,
                        "start": t.start.isoformat(),
                        "end": _day(t.end),
                        "acting": t.acting,
                        "note": t.note,
                        "source": t.source,
                    }
                    for t in o.holders
                ],
            }
            for o in facts.offices
        ],
        "memberships": [
            {
                "body": mb.body,
                "member": mb.member,
                "start": mb.start.isoformat(),
                "end": _day(mb.end),
                "note": mb.note,
                "source": mb.source,
            }
            for mb in facts.memberships
        ],
        "treaty_changes": [
            {
                "treaty": c.treaty,
                "date": c.date.isoformat(),
                "party": c.party,
                "status": c.status,
                "summary": c.summary,
                "scheduled": c.scheduled,
                "source": c.source,
            }
            for c in facts.changes
        ],
    }


@bp.get("/facts")
def facts():
    kb = load_kb()
    return jsonify({"knowledge_version": f"{kb.version}+{kb.digest}", **facts_listing(kb.facts)})


@bp.get("/topics/<topic_id>")
def topic(topic_id: str):
    found = load_kb().topics.get(topic_id)
    if found is None:
        raise ApiError(404, f"No topic '{topic_id}' in the knowledge base.", "topic_id")
    return jsonify(topic_detail(found))
