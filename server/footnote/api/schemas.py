"""marshmallow schemas: the request is validated with them, the response described by them."""

from __future__ import annotations

import re

from marshmallow import EXCLUDE, INCLUDE, Schema, ValidationError, fields, validate, validates

from ..engine.model import SOURCE_KINDS


def _not_blank_pattern() -> str:
    """A character class matching any character that `str.strip()` keeps, spelled out
    because `\\s` means different characters in Python and in JSON Schema's (ECMA) regexes."""
    spaces = [c for c in range(0x3001) if chr(c).isspace()]
    ranges, start = [], spaces[0]
    for prev, cur in zip(spaces, [*spaces[1:], -1], strict=True):  # -1 follows nothing
        if cur != prev + 1:
            ranges.append((start, prev))
            start = cur
    parts = (f"\\u{a:04x}" + (f"-\\u{b:04x}" if b > a else "") for a, b in ranges)
    return "[^" + "".join(parts) + "]"


NOT_BLANK_PATTERN = _not_blank_pattern()


class StrictDate(fields.Date):
    """YYYY-MM-DD only: the ISO forms Python also reads ("20240501", "2024-W18-3") are
    refused, as the contract says."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
            raise self.make_error("invalid", input=value, obj_type=self.OBJ_TYPE)
        return super()._deserialize(value, attr, data, **kwargs)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class AnalyzeRequest(Schema):
    """An article to analyse. Fields not listed here are ignored."""

    class Meta:
        unknown = EXCLUDE

    text = fields.String(
        required=True,
        metadata={
            "description": "The article text, not blank. Offsets in the response index this "
            "string in Unicode code points. Never stored or logged.",
            # Documents the blank check below for clients and generated tests.
            "pattern": NOT_BLANK_PATTERN,
        },
    )
    title = fields.String(
        load_default=None, allow_none=True, metadata={"description": "The article's headline."}
    )
    url = fields.String(
        load_default=None,
        allow_none=True,
        validate=validate.Length(max=2048),
        metadata={"description": "The article's address; never fetched."},
    )
    published = StrictDate(
        load_default=None,
        allow_none=True,
        metadata={"description": "Publication date, YYYY-MM-DD: the 'as of' date."},
    )
    as_of = fields.Date(
        load_default=None,
        allow_none=True,
        metadata={
            "description": "The reader's date, YYYY-MM-DD; default: today on the server. On an "
            "article published before it, context notes with rule 'context-since' say first "
            "what changed after the article's date."
        },
    )

    @validates("text")
    def _not_blank(self, value: str, **_kwargs) -> None:
        if not value.strip():
            raise ValidationError("must not be empty or only spaces")


class _Response(Schema):
    # The contract lets fields be added, so clients (and the generated OpenAPI document)
    # must allow fields they do not know.

    class Meta:
        unknown = INCLUDE


class ReferenceSchema(_Response):
    """Further reading for a note."""

    title = fields.String(dump_only=True, required=True)
    url = fields.String(dump_only=True, required=True)


class SourceSchema(_Response):
    """One distinct source the article attributes information to, at its first mention."""

    id = fields.String(
        dump_only=True, required=True, metadata={"description": "Referred to by notes."}
    )
    mention = fields.String(
        dump_only=True, required=True, metadata={"description": "text[start:end]"}
    )
    start = fields.Integer(
        dump_only=True,
        required=True,
        metadata={"description": "Code-point offset where the mention starts."},
    )
    end = fields.Integer(
        dump_only=True,
        required=True,
        metadata={"description": "Code-point offset after the mention."},
    )
    kind = fields.String(
        dump_only=True,
        required=True,
        validate=validate.OneOf(SOURCE_KINDS),
    )
    anonymity_reason = fields.String(
        dump_only=True,
        required=True,
        allow_none=True,
        metadata={"description": "The reason the text gives for not naming the source."},
    )
    relayed_by = fields.String(
        dump_only=True,
        required=True,
        allow_none=True,
        metadata={"description": "An intermediary outlet the information came through."},
    )
    cue = fields.String(
        dump_only=True, required=True, metadata={"description": "The speech cue, e.g. 'said'."}
    )
    attributions = fields.Integer(
        dump_only=True, metadata={"description": "How many times the article cites this source."}
    )


class NoteSchema(_Response):
    """A plain-language note about a span of the text (or the whole text when start is null)."""

    id = fields.String(dump_only=True, required=True)
    category = fields.String(
        dump_only=True,
        required=True,
        validate=validate.OneOf(["sourcing", "attribution", "context", "language"]),
    )
    rule = fields.String(
        dump_only=True,
        required=True,
        metadata={"description": "The rule's id in the catalogue (/api/v1/rules)."},
    )
    severity = fields.String(
        dump_only=True, required=True, validate=validate.OneOf(["info", "caution", "warning"])
    )
    title = fields.String(
        dump_only=True, required=True, metadata={"description": "One short line."}
    )
    explanation = fields.String(
        dump_only=True, required=True, metadata={"description": "Why it matters."}
    )
    check = fields.String(
        dump_only=True, required=True, metadata={"description": "What the reader can check."}
    )
    start = fields.Integer(dump_only=True, required=True, allow_none=True)
    end = fields.Integer(dump_only=True, required=True, allow_none=True)
    excerpt = fields.String(
        dump_only=True, required=True, allow_none=True, metadata={"description": "text[start:end]"}
    )
    topic = fields.String(
        dump_only=True,
        required=True,
        allow_none=True,
        metadata={"description": "Knowledge-base topic id, on context notes."},
    )
    source_id = fields.String(
        dump_only=True,
        required=True,
        allow_none=True,
        metadata={"description": "The source the note is about."},
    )
    references = fields.List(fields.Nested(ReferenceSchema), dump_only=True, required=True)


class SummarySchema(_Response):
    """One plain sentence and the counts behind it."""

    headline = fields.String(
        dump_only=True, required=True, metadata={"description": "One plain sentence."}
    )
    counts = fields.Dict(
        keys=fields.String(),
        values=fields.Integer(),
        dump_only=True,
        required=True,
        metadata={"description": "Counts by source kind and note category."},
    )
    tone = fields.String(
        dump_only=True, allow_none=True, metadata={"description": "A sentence on the tone."}
    )


class MetaSchema(_Response):
    """About the analysis itself."""

    version = fields.String(
        dump_only=True, required=True, metadata={"description": "Footnote's version."}
    )
    knowledge_version = fields.String(
        dump_only=True, required=True, metadata={"description": "Date of the knowledge base."}
    )
    characters = fields.Integer(
        dump_only=True,
        required=True,
        metadata={"description": "Length of the text in code points."},
    )
    published = fields.String(
        dump_only=True, allow_none=True, metadata={"description": "The 'as of' date used."}
    )
    as_of = fields.String(
        dump_only=True,
        allow_none=True,
        metadata={"description": "The reader's date used for 'context-since' notes."},
    )
    elapsed_ms = fields.Float(
        dump_only=True, required=True, metadata={"description": "Analysis time."}
    )


class AnalyzeResponse(_Response):
    """The notes on one article."""

    summary = fields.Nested(SummarySchema, dump_only=True, required=True)
    sources = fields.List(fields.Nested(SourceSchema), dump_only=True, required=True)
    notes = fields.List(fields.Nested(NoteSchema), dump_only=True, required=True)
    meta = fields.Nested(MetaSchema, dump_only=True, required=True)


class ErrorDetail(_Response):
    code = fields.String(
        dump_only=True,
        required=True,
        metadata={"description": "Stable machine-readable code, e.g. invalid_field."},
    )
    message = fields.String(
        dump_only=True, required=True, metadata={"description": "A sentence for people."}
    )
    field = fields.String(dump_only=True, metadata={"description": "The request field at fault."})


class ErrorResponse(_Response):
    """Every error has this shape."""

    error = fields.Nested(ErrorDetail, dump_only=True, required=True)


class HealthResponse(_Response):
    """The service is up; which versions it runs."""

    status = fields.String(dump_only=True, required=True, validate=validate.Equal("ok"))
    version = fields.String(dump_only=True, required=True)
    knowledge_version = fields.String(dump_only=True, required=True)


class RuleExampleSchema(_Response):
    text = fields.String(dump_only=True, required=True)
    published = fields.String(dump_only=True)
    as_of = fields.String(dump_only=True)


class RuleSchema(_Response):
    """A rule from the catalogue: what a note of this kind says and when it fires."""

    id = fields.String(dump_only=True, required=True)
    category = fields.String(
        dump_only=True,
        required=True,
        validate=validate.OneOf(["sourcing", "attribution", "context", "language"]),
    )
    severity = fields.String(
        dump_only=True, required=True, validate=validate.OneOf(["info", "caution", "warning"])
    )
    title = fields.String(dump_only=True, required=True)
    explanation = fields.String(dump_only=True, required=True)
    check = fields.String(dump_only=True, required=True)
    example_fires = fields.Nested(
        RuleExampleSchema, dump_only=True, metadata={"description": "A text the rule fires on."}
    )
    example_quiet = fields.Nested(
        RuleExampleSchema, dump_only=True, metadata={"description": "A text it stays quiet on."}
    )


class RuleListResponse(_Response):
    """The whole rule catalogue."""

    categories = fields.List(fields.String(), dump_only=True, required=True)
    rules = fields.List(fields.Nested(RuleSchema), dump_only=True, required=True)


# The knowledge base's responses live in kb_schemas.py; re-exported for one import.
from .kb_schemas import (  # noqa: E402
    FactCountsSchema,
    FactsResponse,
    MembershipSchema,
    OfficeHolderSchema,
    OfficeSchema,
    TenureSchema,
    TimelineEventSchema,
    TopicDetailResponse,
    TopicFactSchema,
    TopicListResponse,
    TopicSummarySchema,
    TreatyChangeSchema,
)

__all__ = [
    "FactCountsSchema",
    "FactsResponse",
    "MembershipSchema",
    "OfficeHolderSchema",
    "OfficeSchema",
    "TenureSchema",
    "TimelineEventSchema",
    "TopicDetailResponse",
    "TopicFactSchema",
    "TopicListResponse",
    "TopicSummarySchema",
    "TreatyChangeSchema",
]
