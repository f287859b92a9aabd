"""The language stage's lexicon: the writer's loaded, sweeping, weasel and stance wording.

Read from data/lexicon/ and validated on load (a malformed file raises `LexiconError` naming
the file and the entry); every phrase is compiled into one trie-shaped regex.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .attribution.patterns import trie_pattern

KINDS = ("loaded", "absolute", "intensifier", "weasel", "stance")
_ENTRY_FIELDS = {"id", "kind", "terms", "alternative", "why", "strong", "mirror"}
# One rule per kind of wording; absolutes and intensifiers share one.
RULE_FOR_KIND = {
    "loaded": "loaded-language",
    "absolute": "sweeping-claim",
    "intensifier": "sweeping-claim",
    "weasel": "weasel-phrase",
    "stance": "writer-stance",
}


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    kind: str
    terms: tuple[str, ...]
    alternative: str
    why: str
    strong: bool = False
    mirror: str | None = None


@dataclass(frozen=True)
class Lexicon:
    entries: dict[str, Entry]
    by_term: dict[str, Entry | None]  # None: a neutral term, only left out of the sentiment
    proper: frozenset[str]  # terms written with a capital: matched even inside a sentence
    scanner: re.Pattern  # every lexicon phrase, for lower-cased text
    scanner_any_case: re.Pattern  # the same, for text whose lower-casing changes its length
    cues: re.Pattern
    naming: re.Pattern
    subjectivity: dict
    scare_max_words: int
    leading: tuple[str, ...]
    answers: tuple[str, ...]
    asked: tuple[str, ...]
    subheading_words: int


# --- the lexicon -------------------------------------------------------------------------


def term_key(term: str) -> str:
    return " ".join(term.lower().split())


# Whole words only: not inside a word, nor after an apostrophe or any hyphen ("so-called"
# holds no "called"); the Unicode hyphens are not folded to "-" by the document stage.
_BEFORE = "(?<![\\w'\\-\u2010\u2011])(?:"
_AFTER = ")(?![\\w\\-\u2010\u2011])"


def _check_entry(raw: dict, where: str) -> None:
    """Raise LexiconError unless `raw` has known fields, the text fields, a kind and terms."""
    unknown = set(raw) - _ENTRY_FIELDS
    if unknown:
        raise LexiconError(f"{where}: unknown field(s) {sorted(unknown)}")
    for key in ("id", "kind", "alternative", "why"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise LexiconError(f"{where}: field '{key}' is missing or empty")
    if raw["kind"] not in KINDS:
        raise LexiconError(f"{where}: kind must be one of {KINDS}")
    terms = raw.get("terms")
    if not terms or not all(isinstance(t, str) and t.strip() for t in terms):
        raise LexiconError(f"{where}: 'terms' must be a non-empty list of phrases")


def parse_lexicon(files: dict[str, dict]) -> Lexicon:
    """Build the lexicon from parsed TOML: `files` maps a file name to its data."""
    entries: dict[str, Entry] = {}
    by_term: dict[str, Entry | None] = {}
    proper: set[str] = set()
    voice = files.get("voice.toml")
    if voice is None:
        raise LexiconError("lexicon/voice.toml is missing")
    for name, data in sorted(files.items()):
        for i, raw in enumerate(data.get("entry", ())):
            where = f"lexicon/{name}: entry {i + 1}"
            _check_entry(raw, where)
            terms = raw["terms"]
            if raw["id"] in entries:
                raise LexiconError(f"{where}: id '{raw['id']}' defined twice")
            entry = Entry(
                id=raw["id"],
                kind=raw["kind"],
                terms=tuple(term_key(t) for t in terms),
                alternative=raw["alternative"],
                why=raw["why"],
                strong=bool(raw.get("strong", False)),
                mirror=raw.get("mirror"),
            )
            proper.update(term_key(t) for t in terms if t != t.lower())
            for term in entry.terms:
                if term in by_term:
                    raise LexiconError(f"{where}: term '{term}' is already in the lexicon")
                by_term[term] = entry
            entries[entry.id] = entry
    for entry in entries.values():
        if entry.mirror is not None:
            other = entries.get(entry.mirror)
            if other is None or other.mirror != entry.id:
                raise LexiconError(
                    f"lexicon: entry '{entry.id}' names mirror '{entry.mirror}',"
                    " which must exist and name it back"
                )
    for term in (*voice["subjectivity"]["neutral_terms"], *voice["loaded"]["literal"]):
        by_term.setdefault(term_key(term), None)
    # Matching lower-cased text without IGNORECASE lets the regex engine skip quickly.
    lexicon_regex = _BEFORE + trie_pattern(by_term) + _AFTER
    scare = voice["scare_quotes"]
    cues = re.compile(
        _BEFORE + trie_pattern(term_key(c) for c in scare["cues"]) + _AFTER,
        re.IGNORECASE,
    )
    questions = voice["questions"]
    naming = re.compile(
        _BEFORE + trie_pattern(term_key(c) for c in voice["loaded"]["naming_cues"]) + _AFTER
    )
    return Lexicon(
        entries=entries,
        by_term=by_term,
        proper=frozenset(proper),
        scanner=re.compile(lexicon_regex),
        scanner_any_case=re.compile(lexicon_regex, re.IGNORECASE),
        cues=cues,
        naming=naming,
        subjectivity=voice["subjectivity"],
        scare_max_words=int(scare["max_words"]),
        leading=tuple(term_key(s) for s in questions["leading"]),
        answers=tuple(term_key(s) for s in questions["answers"]),
        asked=tuple(term_key(s) for s in questions["asked"]),
        subheading_words=int(questions["subheading_words"]),
    )


@cache
def load_lexicon() -> Lexicon:
    folder = resources.files("footnote") / "data" / "lexicon"
    files = {}
    for entry in folder.iterdir():
        if entry.name.endswith(".toml"):
            try:
                files[entry.name] = tomllib.loads(entry.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise LexiconError(f"lexicon/{entry.name}: {exc}") from exc
    return parse_lexicon(files)
