"""marshmallow schemas: the request is validated with them, the response described by them."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates


class AnalyzeRequest(Schema):
    text = fields.String(required=True, metadata={"description": "The article text."})
    title = fields.String(load_default=None, allow_none=True)
    url = fields.String(
        load_default=None,
        allow_none=True,
        validate=validate.Length(max=2048),
        metadata={"description": "The article's address; never fetched."},
    )
    published = fields.Date(
        load_default=None,
        allow_none=True,
        metadata={"description": "Publication date, YYYY-MM-DD: the 'as of' date."},
    )

    @validates("text")
    def _not_blank(self, value: str, **_kwargs) -> None:
        if not value.strip():
            raise ValidationError("text must not be empty")


class ReferenceSchema(Schema):
    title = fields.String(dump_only=True)
    url = fields.String(dump_only=True)


class SourceSchema(Schema):
    id = fields.String(dump_only=True)
    mention = fields.String(dump_only=True)
    start = fields.Integer(dump_only=True)
    end = fields.Integer(dump_only=True)
    kind = fields.String(
        dump_only=True,
        validate=validate.OneOf(
            ["named_person", "named_organization", "unnamed_individual", "vague_group", "document"]
        ),
    )
    anonymity_reason = fields.String(dump_only=True, allow_none=True)
    relayed_by = fields.String(dump_only=True, allow_none=True)
    cue = fields.String(dump_only=True)
    attributions = fields.Integer(dump_only=True)


class NoteSchema(Schema):
    id = fields.String(dump_only=True)
    category = fields.String(dump_only=True)
    rule = fields.String(dump_only=True)
    severity = fields.String(dump_only=True)
    title = fields.String(dump_only=True)
    explanation = fields.String(dump_only=True)
    check = fields.String(dump_only=True)
    start = fields.Integer(dump_only=True, allow_none=True)
    end = fields.Integer(dump_only=True, allow_none=True)
    excerpt = fields.String(dump_only=True, allow_none=True)
    topic = fields.String(dump_only=True, allow_none=True)
    source_id = fields.String(dump_only=True, allow_none=True)
    references = fields.List(fields.Nested(ReferenceSchema), dump_only=True)


class SummarySchema(Schema):
    headline = fields.String(dump_only=True)
    counts = fields.Dict(keys=fields.String(), values=fields.Integer(), dump_only=True)
    tone = fields.String(dump_only=True, allow_none=True)


class MetaSchema(Schema):
    version = fields.String(dump_only=True)
    knowledge_version = fields.String(dump_only=True)
    characters = fields.Integer(dump_only=True)
    published = fields.String(dump_only=True, allow_none=True)
    elapsed_ms = fields.Float(dump_only=True)


class AnalyzeResponse(Schema):
    summary = fields.Nested(SummarySchema, dump_only=True)
    sources = fields.List(fields.Nested(SourceSchema), dump_only=True)
    notes = fields.List(fields.Nested(NoteSchema), dump_only=True)
    meta = fields.Nested(MetaSchema, dump_only=True)


class ErrorDetail(Schema):
    code = fields.String(dump_only=True)
    message = fields.String(dump_only=True)
    field = fields.String(dump_only=True)


class ErrorResponse(Schema):
    error = fields.Nested(ErrorDetail, dump_only=True)
