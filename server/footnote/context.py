"""Context stage: background notes from the knowledge base (to be filled in)."""

from __future__ import annotations

from .model import Document, Finding, Source


def knowledge_version() -> str:
    return "none"


def find_context(doc: Document, sources: tuple[Source, ...]) -> list[Finding]:
    return []
