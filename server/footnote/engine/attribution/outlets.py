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
    return media_name(norm, cand.start, cand.end, lex) or called_an_outlet(
        norm, cand.start, cand.end
    )


_CALLED_AN_OUTLET = re.compile(
    r",\s+(?:an?|another|the)\s+(?:[A-Z]?[a-z-]+\s+){0,2}"
    r"(?:news\s+agency|wire\s+service|newspaper|broadcaster|tabloid|news\s+site|news\s+website)\b"
)


def called_an_outlet(norm: str, start: int, end: int) -> str | None:
    """'Harbour Daily, a local newspaper', 'HNA, another news agency': a capitalised name the
    text itself calls an outlet in the appositive right after it ("agency" alone is not
    enough: a space or a shipping agency is none)."""
    name = norm[start:end].strip()
    if not name[:1].isupper() or len(name.split()) > 4:
        return None
    return name if _CALLED_AN_OUTLET.match(norm, end) else None


_OUTLET_LEAD = re.compile(r"(?:[Tt]he\s+)?(?:[a-z-]+\s+){0,3}")


def outlet_at(norm: str, offset: int, lex: Lexicon) -> str | None:
    """An outlet named at `offset`, after at most a few lower-case words of description
    ("the Financial Times", "state broadcaster RT")."""
    lead = _OUTLET_LEAD.match(norm, offset)
    starts = [offset, lead.end() if lead else offset]
    if norm.startswith(("the ", "The "), offset):
        starts.append(offset + 4)
    # the match that reaches furthest: "The Times of Israel" is not "The Times"
    found = [m for m in (lex.outlet_re.match(norm, k) for k in starts) if m]
    return max(found, key=lambda m: m.end()).group() if found else None


def outlet_in(norm: str, start: int, end: int, lex: Lexicon) -> str | None:
    m = lex.outlet_re.search(norm, start, end)
    return m.group() if m else None


def ends_with(text: str, outlet: str) -> bool:
    return text.rstrip(" .").endswith(outlet)


def media_name(norm: str, start: int, end: int, lex: Lexicon) -> str | None:
    """'the Daily Ledger', 'USA Today': a capitalised name ending in a media word, an outlet
    though it is not in the list."""
    names = [w for w in _WORD.finditer(norm, start, end)]
    if names and names[0].group() in {"the", "The"}:
        names = names[1:]
        one = names[0].group() if len(names) == 1 else ""
        if one[:1].isupper() and one.lower() in lex.media_words:
            return one  # "the Enquirer", "the Herald"
    if (
        1 < len(names) <= 5
        and names[-1].group() in _KIND_OF_OUTLET
        and all(w.group()[0].isupper() for w in names[:-1])
    ):
        return norm[names[0].start() : names[-1].end()]  # "People magazine", "Bild newspaper"
    if not 1 < len(names) <= 5 or not all(w.group()[0].isupper() for w in names):
        return None
    if names[-1].group().lower() not in lex.media_words:
        return None
    return norm[names[0].start() : names[-1].end()]


# Lower-case words after a capitalised title that make it an outlet ("People magazine").
OUTLET_KIND_WORDS = frozenset({"magazine", "newspaper", "tabloid", "website"})
_KIND_OF_OUTLET = OUTLET_KIND_WORDS | {"weekly", "daily"}


def outlet_or_media(norm: str, start: int, end: int, lex: Lexicon) -> str | None:
    """A listed outlet named in norm[start:end], else a name there that reads as one."""
    return outlet_in(norm, start, end, lex) or media_name(norm, start, end, lex)


_WORD = re.compile(r"[\w][\w'.&-]*")
