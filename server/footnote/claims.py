"""Unattributed claims: contested or evaluative statements made as fact with no source."""

from __future__ import annotations

from .model import Document, Finding


def find_unattributed_claims(doc: Document, attributed: frozenset[int]) -> list[Finding]:
    """`attributed` holds the indices (into doc.sentences) of sentences that carry an
    attribution or sit inside a quotation; only the others can hold an unattributed claim."""
    return []
