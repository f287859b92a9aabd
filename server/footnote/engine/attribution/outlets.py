"""News outlets named in or next to a phrase (data/attribution.toml [outlets])."""

from __future__ import annotations

import re

from .lexicon import Lexicon
from .tokens import Candidate


def is_outlet(norm: str, cand: Candidate, lex: Lexicon) -> str | None:
    """The outlet a candidate names, when it is just an outlet ("the state agency TASS")."""
    m = lex.outlet_re.search(norm, cand.start, cand.end)
    if m and m.end() >= cand.end - 1 and cand.end - cand.start <= len(m.group()) + 40:
        return m.group()
    return None


_OUTLET_LEAD = re.compile(r"(?:[Tt]he\s+)?(?:[a-z-]+\s+){0,3}")


def outlet_at(norm: str, offset: int, lex: Lexicon) -> str | None:
    """An outlet named at `offset`, after at most a few lower-case words of description
    ("the Financial Times", "state broadcaster RT")."""
    lead = _OUTLET_LEAD.match(norm, offset)
    for start in {offset, lead.end() if lead else offset}:
        m = lex.outlet_re.match(norm, start)
        if m:
            return m.group()
    if norm.startswith(("the ", "The "), offset):
        m = lex.outlet_re.match(norm, offset + 4)
        if m:
            return m.group()
    return None


def outlet_in(norm: str, start: int, end: int, lex: Lexicon) -> str | None:
    m = lex.outlet_re.search(norm, start, end)
    return m.group() if m else None


def ends_with(text: str, outlet: str) -> bool:
    return text.rstrip(" .").endswith(outlet)
