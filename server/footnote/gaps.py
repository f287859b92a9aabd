"""Gaps stage: where the "says who?" is missing or weak."""

from __future__ import annotations

from .claims import find_unattributed_claims
from .model import Attribution, Document, Finding, Source


def find_gaps(doc: Document, sources: tuple[Source, ...], attributions: tuple[Attribution, ...]):
    attributed = frozenset(a.sentence for a in attributions)
    findings: list[Finding] = []
    findings += find_unattributed_claims(doc, attributed)
    return findings
