"""Gaps stage (being written)."""

from __future__ import annotations

from .model import Attribution, Document, Source


def find_gaps(doc: Document, sources: tuple[Source, ...], attributions: tuple[Attribution, ...]):
    return []
