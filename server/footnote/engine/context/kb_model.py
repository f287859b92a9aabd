"""The knowledge base's types: topics, events, facts, holders, outlets, institutions, cues.

The frozen records `kb_parse` builds from data/kb and `kb.load_kb` returns, with the two small
helpers on their text (`human_date`, `expand`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import product

from ..model import Reference
from .facts import EMPTY as NO_FACTS
from .facts import Facts

_BRACES = re.compile(r"\{([^{}]*)\}")


class KnowledgeBaseError(ValueError):
    """A knowledge-base file is malformed; the message names the file and the field."""


@dataclass(frozen=True, slots=True)
class Event:
    date: date
    event: str
    date_text: str | None = None
    # A plain clause for a reader of an older article: what changed on this date
    # ("Russia recognised the 'DPR' and 'LPR' as independent states on 21 February 2022").
    since: str | None = None

    @property
    def when(self) -> str:
        return self.date_text or human_date(self.date)


@dataclass(frozen=True, slots=True)
class Fact:
    """Something true only between two dates, and the phrase classes that assert it."""

    statement: str
    valid_from: date | None
    valid_to: date | None  # exclusive: the first day it no longer holds
    framing: tuple[str, ...]
    unless: tuple[str, ...]
    changed: str
    subject: tuple[str, ...] = ()

    def holds_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )


@dataclass(frozen=True, slots=True)
class Holder:
    name: str
    short: tuple[str, ...]
    valid_from: date
    valid_to: date | None
    successor: str | None = None

    def holds_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)


@dataclass(frozen=True, slots=True)
class Unnamed:
    """Descriptions that refer to a topic without naming it ("the September truce"): they
    count only in a text set where the topic happened (`setting`, at least `setting_min`
    distinct words in the text), with no other setting in the paragraph (`not_near`), and
    dated inside [valid_from, valid_to) or undated. `why` says so in the note."""

    phrases: tuple[str, ...]
    setting: tuple[str, ...]
    setting_min: int
    not_near: tuple[str, ...]
    valid_from: date | None
    valid_to: date | None
    why: str


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    title: str
    summary: str
    last_checked: date
    kind: str
    aliases: tuple[str, ...]
    weak_aliases: tuple[str, ...]
    case_sensitive: frozenset[str]
    near: tuple[tuple[str, ...], ...]
    not_near: tuple[str, ...]
    window: str
    traps: tuple[str, ...]
    back_references: tuple[str, ...]
    timeline: tuple[Event, ...]
    facts: tuple[Fact, ...]
    holders: tuple[Holder, ...]
    references: tuple[Reference, ...]
    preferred: str | None
    file: str
    unnamed: Unnamed | None = None
    undated: str | None = None  # the conditional sentence for a text with no date
    counts_from: date | None = None  # a text written before this cannot refer to the topic


@dataclass(frozen=True, slots=True)
class Outlet:
    id: str
    name: str
    full_name: str
    country: str
    controlled_by: str
    aliases: tuple[str, ...]
    case_sensitive: bool
    domains: tuple[str, ...]
    not_next: tuple[str, ...]
    last_checked: date
    references: tuple[Reference, ...]
    control: str = (
        "controlled"  # controlled: run by the state; funded: paid for, by statute independent
    )


@dataclass(frozen=True, slots=True)
class StateMediaWords:
    """Unnamed state media as a source, from the text itself ("Iranian state television
    said"): the nouns, the country adjectives, and the speech words that make it a source."""

    pattern: re.Pattern  # group "adj": the adjective, if any
    countries: dict[str, str]  # adjective (lower case) -> country
    said_after: re.Pattern
    said_before: re.Pattern


@dataclass(frozen=True, slots=True)
class Misnomer:
    anchor: str
    pattern: re.Pattern


@dataclass(frozen=True, slots=True)
class Institution:
    acronym: str
    acronyms: tuple[str, ...]  # the official one first, then accepted others
    names: tuple[str, ...]  # the official name first
    about: str
    language: str
    topic: str | None
    misnomers: tuple[Misnomer, ...]
    references: tuple[Reference, ...]


@dataclass(frozen=True, slots=True)
class Cues:
    classes: dict[str, re.Pattern]
    relay_before: re.Pattern
    relay_after: re.Pattern


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    version: str
    as_of: date
    topics: dict[str, Topic]
    outlets: tuple[Outlet, ...]
    institutions: tuple[Institution, ...]
    cues: Cues
    own_language_places: frozenset[str] = frozenset()
    digest: str = ""  # a hash of the files' text: which data answered, even between versions
    facts: Facts = NO_FACTS  # typed dated facts from kb/facts/ (offices, memberships, treaties)
    state_media: StateMediaWords | None = None


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def human_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def expand(alias: str) -> list[str]:
    """'Minsk {II|2}' -> ['Minsk II', 'Minsk 2']; an empty choice drops the part."""
    parts = _BRACES.split(alias)
    choices = [[p] if i % 2 == 0 else p.split("|") for i, p in enumerate(parts)]
    return [" ".join("".join(c).split()) for c in product(*choices)]
