"""Language stage: the writer's own wording (to be filled in)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Attribution, Document, Finding, Source


@dataclass(frozen=True)
class LanguageResult:
    findings: list[Finding] = field(default_factory=list)
    headline: str | None = None


def find_language(
    doc: Document, sources: tuple[Source, ...], attributions: tuple[Attribution, ...]
) -> LanguageResult:
    return LanguageResult()
