"""Attribution stage (being written)."""

from __future__ import annotations

from .model import Attribution, Document, Source


def find_sources(doc: Document) -> tuple[tuple[Source, ...], tuple[Attribution, ...]]:
    return (), ()
