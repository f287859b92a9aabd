"""marshmallow schemas of the knowledge base's responses: topics, dated facts and offices."""

from __future__ import annotations

from marshmallow import fields

from .schemas import ReferenceSchema, _Response


class TopicSummarySchema(_Response):
    """A knowledge-base topic: what context notes draw on."""

    id = fields.String(dump_only=True, required=True)
    title = fields.String(dump_only=True, required=True)
    last_checked = fields.Date(
        dump_only=True, required=True, metadata={"description": "When its facts were checked."}
    )
    references = fields.List(fields.Nested(ReferenceSchema), dump_only=True, required=True)


class FactCountsSchema(_Response):
    """How many typed dated facts the knowledge base holds; GET /api/v1/facts lists them."""

    checked = fields.Date(
        dump_only=True,
        allow_none=True,
        metadata={"description": "The lists are known complete up to this date."},
    )
    office_holders = fields.Integer(dump_only=True, required=True)
    memberships = fields.Integer(dump_only=True, required=True)
    treaty_changes = fields.Integer(dump_only=True, required=True)


class TopicListResponse(_Response):
    """Every topic the knowledge base covers, and a count of its dated facts."""

    knowledge_version = fields.String(dump_only=True, required=True)
    as_of = fields.Date(dump_only=True, required=True)
    topics = fields.List(fields.Nested(TopicSummarySchema), dump_only=True, required=True)
    facts = fields.Nested(FactCountsSchema, dump_only=True)


class TenureSchema(_Response):
    name = fields.String(dump_only=True, required=True)
    start = fields.Date(dump_only=True, required=True)
    end = fields.Date(
        dump_only=True,
        allow_none=True,
        metadata={"description": "First day out of office; null: in office when checked."},
    )
    acting = fields.Boolean(dump_only=True, required=True)
    note = fields.String(dump_only=True, allow_none=True)
    source = fields.String(dump_only=True, required=True)


class OfficeSchema(_Response):
    """An office and its holders since 2000."""

    id = fields.String(dump_only=True, required=True)
    name = fields.String(dump_only=True, required=True)
    where = fields.String(dump_only=True, required=True)
    role = fields.String(dump_only=True, required=True)
    titles = fields.List(
        fields.String(),
        dump_only=True,
        required=True,
        metadata={"description": "Titles matched before a holder's name; empty: not matched."},
    )
    abolished = fields.Date(dump_only=True, allow_none=True)
    holders = fields.List(fields.Nested(TenureSchema), dump_only=True, required=True)


class MembershipSchema(_Response):
    body = fields.String(dump_only=True, required=True)
    member = fields.String(dump_only=True, required=True)
    start = fields.Date(dump_only=True, required=True)
    end = fields.Date(dump_only=True, allow_none=True)
    note = fields.String(dump_only=True, allow_none=True)
    source = fields.String(dump_only=True, required=True)


class TreatyChangeSchema(_Response):
    treaty = fields.String(dump_only=True, required=True)
    date = fields.Date(dump_only=True, required=True)
    party = fields.String(dump_only=True, required=True)
    status = fields.String(dump_only=True, required=True)
    summary = fields.String(dump_only=True, required=True)
    scheduled = fields.Boolean(
        dump_only=True, metadata={"description": "Fixed in advance by the treaty's terms."}
    )
    source = fields.String(dump_only=True, required=True)


class FactsResponse(_Response):
    """Typed dated facts, each with its source: office holders, memberships, treaty changes."""

    knowledge_version = fields.String(dump_only=True, required=True)
    counts = fields.Nested(FactCountsSchema, dump_only=True, required=True)
    offices = fields.List(fields.Nested(OfficeSchema), dump_only=True, required=True)
    memberships = fields.List(fields.Nested(MembershipSchema), dump_only=True, required=True)
    treaty_changes = fields.List(fields.Nested(TreatyChangeSchema), dump_only=True, required=True)


class TimelineEventSchema(_Response):
    date = fields.Date(dump_only=True, required=True)
    when = fields.String(dump_only=True, metadata={"description": "The date as written."})
    event = fields.String(dump_only=True, required=True)
    since = fields.String(
        dump_only=True,
        allow_none=True,
        metadata={"description": "What a 'context-since' note says of this change."},
    )


class TopicFactSchema(_Response):
    statement = fields.String(dump_only=True, required=True)
    valid_from = fields.Date(dump_only=True, allow_none=True)
    valid_to = fields.Date(
        dump_only=True, allow_none=True, metadata={"description": "First day it no longer holds."}
    )
    changed = fields.String(dump_only=True)


class OfficeHolderSchema(_Response):
    name = fields.String(dump_only=True, required=True)
    valid_from = fields.Date(dump_only=True, required=True)
    valid_to = fields.Date(dump_only=True, allow_none=True)


class TopicDetailResponse(TopicSummarySchema):
    """One topic with its summary, timeline, dated facts and office holders."""

    summary = fields.String(dump_only=True, required=True)
    kind = fields.String(dump_only=True)
    aliases = fields.List(fields.String(), dump_only=True)
    timeline = fields.List(fields.Nested(TimelineEventSchema), dump_only=True)
    facts = fields.List(fields.Nested(TopicFactSchema), dump_only=True)
    holders = fields.List(fields.Nested(OfficeHolderSchema), dump_only=True)
