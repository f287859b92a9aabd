"""The unattributed-claim detector's phrase classes: read from data/claims.toml, compiled to
word patterns keyed for a quick look-up, and matched on word tokens.

Phrases are matched on word tokens, never with a backtracking regex: the only regular
expression scans words left to right, so even a pathological input is linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .datafiles import read_data, settings_and_tables, settings_needed

# A word: letters/digits, joined by inner apostrophes or hyphens ("one-sided", "won't").
# Each repetition must start with a separator, so matching is linear. Matched on the text as
# submitted, where a dash ("become\u2014a") is not yet folded into a hyphen.
_WORD = re.compile(r"\w+(?:['\u2019\u2010\u2011-]\w+)*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2010": "-", "\u2011": "-"})
_GAP = ".."  # in a phrase: up to `max_gap` words of anything
_ANY = "*"  # in a phrase: exactly one word of anything
_MARKERS = {_GAP: _GAP, _ANY: _ANY}
_DIGIT = "#"  # in a phrase: a word with a digit in it ("1998", "40,000" is two words)


@dataclass(frozen=True, slots=True)
class _WordPattern:
    """One word of a phrase: its alternatives, compiled for a quick test."""

    words: frozenset[str]  # lower-case; match any case
    words_cased: frozenset[str]  # written with a capital; match exactly
    prefixes: tuple[str, ...]
    prefixes_cased: tuple[str, ...]
    digit: bool

    def ok(self, lower: str, written: str) -> bool:
        return (
            lower in self.words
            or written in self.words_cased
            or lower.startswith(self.prefixes)
            or written.startswith(self.prefixes_cased)
            or (self.digit and any(c.isdigit() for c in lower))
        )


@dataclass(frozen=True, slots=True)
class _Phrase:
    tokens: tuple  # each: _GAP, _ANY, or a _WordPattern
    cls: str
    has_gap: bool


@dataclass(frozen=True, slots=True)
class _Index:
    """Phrases keyed for a quick look-up from the word they open with. A phrase whose
    first two words are plain words is keyed by the pair, so a common opening word
    ("the", "is") does not make every "the ..." phrase be tried at every "the"."""

    pair: dict[tuple[str, str], tuple[_Phrase, ...]]
    word: dict[str, tuple[_Phrase, ...]]
    prefix: dict[str, tuple[_Phrase, ...]]  # keyed by the first _PREFIX_KEY letters


@dataclass(frozen=True, slots=True)
class Lexicon:
    threshold: float
    min_words: int
    max_chars: int
    max_findings: int
    words_per_extra_finding: int
    max_gap: int
    verdict_classes: frozenset[str]
    verdict_after: frozenset[str]
    verdict_window: int
    verdict_bonus: float
    max_signals: int
    measured: dict[str, int]  # class -> quantities in the sentence that make it a statistic
    number_words: frozenset[str]
    continued_speech: frozenset[str]
    weights: dict[str, float]
    max_hits: dict[str, int]
    labels: dict[str, str]
    index: _Index


_PREFIX_KEY = 4  # a phrase may open with a prefix ("overshadow*") of at least this many letters
SKIP = "skip"  # the class of [skip] phrases: a sentence holding one is not scored


class ClaimsDataError(ValueError):
    """data/claims.toml is malformed; the message names the field."""


def _has_upper(token: str) -> bool:
    return any(c.isupper() for c in token)


def _alternatives(word: str) -> tuple[str, ...]:
    return tuple(a if _has_upper(a) else a.lower() for a in word.split("|"))


def _is_prefix(alt: str) -> bool:
    return alt.endswith("*") and len(alt) > 1


def _word_pattern(alternatives: tuple[str, ...]) -> _WordPattern:
    def pick(prefix: bool, cased: bool) -> list[str]:
        return [
            a[:-1] if prefix else a
            for a in alternatives
            if a != _DIGIT and _is_prefix(a) == prefix and _has_upper(a) == cased
        ]

    return _WordPattern(
        words=frozenset(pick(False, False)),
        words_cased=frozenset(pick(False, True)),
        prefixes=tuple(pick(True, False)),
        prefixes_cased=tuple(pick(True, True)),
        digit=_DIGIT in alternatives,
    )


def _plain(alternatives) -> bool:
    return not isinstance(alternatives, str) and not any(
        a == _DIGIT or _is_prefix(a) for a in alternatives
    )


def _index(classes: list[tuple[str, list]]) -> _Index:
    pair: dict[tuple[str, str], list[_Phrase]] = {}
    word: dict[str, list[_Phrase]] = {}
    prefix: dict[str, list[_Phrase]] = {}
    for cls, phrases in classes:
        where = f"claims.toml: {cls}"
        if not isinstance(phrases, list):
            raise ClaimsDataError(f"{where}: 'phrases' must be a list")
        for raw in phrases:
            if not isinstance(raw, str) or not raw.strip():
                raise ClaimsDataError(f"{where}: phrases must be non-empty strings")
            # The markers are stored as the module's own objects: matching tests them by `is`.
            words = tuple(_MARKERS.get(w) or _alternatives(w) for w in raw.split())
            first = words[0]
            if first in (_GAP, _ANY) or words[-1] == _GAP:
                raise ClaimsDataError(f"{where}: {raw!r} cannot open or end with a gap")
            if _DIGIT in first:
                raise ClaimsDataError(f"{where}: {raw!r} cannot open with {_DIGIT!r}")
            pattern = tuple(w if isinstance(w, str) else _word_pattern(w) for w in words)
            phrase = _Phrase(pattern, cls, _GAP in words)
            if len(words) > 1 and _plain(first) and _plain(words[1]):
                for a in first:
                    for b in words[1]:
                        pair.setdefault((a.lower(), b.lower()), []).append(phrase)
                continue
            for a in first:
                if _is_prefix(a):
                    if len(a) - 1 < _PREFIX_KEY:
                        raise ClaimsDataError(
                            f"{where}: prefix {a!r} needs at least {_PREFIX_KEY} letters"
                        )
                    prefix.setdefault(a[:_PREFIX_KEY].lower(), []).append(phrase)
                else:
                    word.setdefault(a.lower(), []).append(phrase)

    def freeze(d):
        return {k: tuple(v) for k, v in d.items()}

    return _Index(freeze(pair), freeze(word), freeze(prefix))


def parse_lexicon(data: dict) -> Lexicon:
    settings, classes = settings_and_tables(data, "claims.toml", "class", ClaimsDataError)
    weights, max_hits = {}, {}
    labels = {"verdict": str(settings.get("verdict_label", "verdict"))}
    listed = [(SKIP, data.get("skip", {}).get("phrases", []))]
    for i, c in enumerate(classes):
        name = c.get("name")
        if not isinstance(name, str) or name in weights or name in (SKIP, "verdict"):
            raise ClaimsDataError(f"claims.toml: [[class]] #{i + 1}: 'name' missing or repeated")
        if not isinstance(c.get("weight"), int | float):
            raise ClaimsDataError(f"claims.toml: {name}: 'weight' must be a number")
        weights[name] = float(c["weight"])
        max_hits[name] = int(c.get("max_hits", settings.get("max_hits_per_class", 2)))
        labels[name] = str(c.get("label", name))
        listed.append((name, c.get("phrases", [])))
    with settings_needed("claims.toml", ClaimsDataError):
        verdict_classes = frozenset(settings["verdict_classes"])
        if not verdict_classes <= set(weights):
            raise ClaimsDataError("claims.toml: verdict_classes names an unknown class")
        measured = settings.get("measured", {})
        if not isinstance(measured, dict) or not set(measured) <= set(weights):
            raise ClaimsDataError("claims.toml: [settings.measured] names an unknown class")
        return Lexicon(
            threshold=float(settings["threshold"]),
            min_words=int(settings["min_words"]),
            max_chars=int(settings["max_chars"]),
            max_findings=int(settings["max_findings"]),
            words_per_extra_finding=max(1, int(settings["words_per_extra_finding"])),
            max_gap=int(settings["max_gap"]),
            verdict_classes=verdict_classes,
            verdict_after=frozenset(w.lower() for w in settings["verdict_after"]),
            verdict_window=int(settings["verdict_window"]),
            verdict_bonus=float(settings["verdict_bonus"]),
            max_signals=int(settings.get("max_signals", 3)),
            measured={c: int(n) for c, n in measured.items()},
            number_words=frozenset(w.lower() for w in settings.get("number_words", ())),
            continued_speech=frozenset(w.lower() for w in settings.get("continued_speech", ())),
            weights=weights,
            max_hits=max_hits,
            labels=labels,
            index=_index(listed),
        )


@cache
def load_lexicon() -> Lexicon:
    return parse_lexicon(read_data("claims.toml"))


# --- matching -------------------------------------------------------------------------


def word_tokens(text: str, start: int, end: int) -> list[tuple[str, str, int]]:
    """(lower-case word, word as written, offset) for each word in text[start:end], with
    curly apostrophes folded. A possessive "'s" is dropped so "Europe's" matches "Europe"."""
    out = []
    # The fold is one code point for one, so offsets in the slice map straight back.
    for m in _WORD.finditer(text[start:end].translate(_APOSTROPHES)):
        word = m.group()
        if word.endswith(("'s", "'S")):
            word = word[:-2]
        out.append((word.lower(), word, start + m.start()))
    return out


def _match_at(tokens, i: int, phrase: _Phrase, max_gap: int) -> int:
    """End index (exclusive) of `phrase` matched at tokens[i], or -1."""
    pattern = phrase.tokens
    if not phrase.has_gap:
        if i + len(pattern) > len(tokens):
            return -1
        for k, p in enumerate(pattern):
            if p is not _ANY:
                lower, written, _ = tokens[i + k]
                if not p.ok(lower, written):
                    return -1
        return i + len(pattern)
    return _match_gapped(tokens, i, pattern, 0, max_gap)


def _match_gapped(tokens, ti: int, pattern: tuple, pi: int, max_gap: int) -> int:
    # Each gap tries at most max_gap+1 widths and a phrase has one or two gaps, so this is
    # bounded by a small constant per starting word.
    n = len(tokens)
    while pi < len(pattern):
        p = pattern[pi]
        if p is _GAP:
            for width in range(min(max_gap, n - ti - 1) + 1):
                got = _match_gapped(tokens, ti + width, pattern, pi + 1, max_gap)
                if got >= 0:
                    return got
            return -1
        if ti >= n or (p is not _ANY and not p.ok(tokens[ti][0], tokens[ti][1])):
            return -1
        ti += 1
        pi += 1
    return ti


def phrase_hits(tokens, index: _Index, max_gap: int):
    """Yield (phrase, first token index, end token index) for every phrase match."""
    n = len(tokens)
    for i in range(n):
        lower = tokens[i][0]
        found = index.word.get(lower, ())
        if i + 1 < n:
            more = index.pair.get((lower, tokens[i + 1][0]))
            if more:
                found = (*found, *more)
        if len(lower) >= _PREFIX_KEY:
            more = index.prefix.get(lower[:_PREFIX_KEY])
            if more:
                found = (*found, *more)
        for phrase in found:
            end = _match_at(tokens, i, phrase, max_gap)
            if end >= 0:
                yield phrase, i, end
