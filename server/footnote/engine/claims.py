"""Unattributed claims: contested or evaluative statements made as fact with no source.

The mechanism is a weighted phrase score per sentence. `data/claims.toml` holds phrase
classes (loaded predicates, evaluative words, certainty framing, universal quantifiers,
superlatives, motive attribution, wholesale collective actors, and negative classes for
scene-setting, schedules and hedges), each with a weight. A sentence in the narrator's own
voice (no attribution, not inside a quotation, not a question, not first person) whose score
reaches the threshold is a candidate; the highest-scoring candidates are kept, a few per
text, because a careful editor asks "says who?" about the clearest cases, not every line.

Two things that read like claims are not: a superlative that ranks a measured statistic
("9 times in 12 games, the best return of any player") and a sentence that carries on the
indirect speech of the attributed sentence before it, in its back-shifted tenses. Lines of
page clutter (captions, link lines) are never candidates.

Phrases are matched on word tokens, never with a backtracking regex: the only regular
expression scans words left to right, so even a pathological input is linear.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .model import Document, Finding

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
class _Lexicon:
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
_SKIP = "skip"  # the class of [skip] phrases: a sentence holding one is not scored


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


def parse_lexicon(data: dict) -> _Lexicon:
    settings = data.get("settings")
    if not isinstance(settings, dict):
        raise ClaimsDataError("claims.toml: [settings] is missing")
    classes = data.get("class")
    if not isinstance(classes, list) or not classes:
        raise ClaimsDataError("claims.toml: no [[class]] tables")
    weights, max_hits = {}, {}
    labels = {"verdict": str(settings.get("verdict_label", "verdict"))}
    listed = [(_SKIP, data.get("skip", {}).get("phrases", []))]
    for i, c in enumerate(classes):
        name = c.get("name")
        if not isinstance(name, str) or name in weights or name in (_SKIP, "verdict"):
            raise ClaimsDataError(f"claims.toml: [[class]] #{i + 1}: 'name' missing or repeated")
        if not isinstance(c.get("weight"), int | float):
            raise ClaimsDataError(f"claims.toml: {name}: 'weight' must be a number")
        weights[name] = float(c["weight"])
        max_hits[name] = int(c.get("max_hits", settings.get("max_hits_per_class", 2)))
        labels[name] = str(c.get("label", name))
        listed.append((name, c.get("phrases", [])))
    try:
        verdict_classes = frozenset(settings["verdict_classes"])
        if not verdict_classes <= set(weights):
            raise ClaimsDataError("claims.toml: verdict_classes names an unknown class")
        measured = settings.get("measured", {})
        if not isinstance(measured, dict) or not set(measured) <= set(weights):
            raise ClaimsDataError("claims.toml: [settings.measured] names an unknown class")
        return _Lexicon(
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
    except KeyError as exc:
        raise ClaimsDataError(f"claims.toml: [settings] needs {exc.args[0]!r}") from exc


@cache
def load_lexicon() -> _Lexicon:
    raw = (resources.files("footnote") / "data" / "claims.toml").read_text(encoding="utf-8")
    return parse_lexicon(tomllib.loads(raw))


# --- matching -------------------------------------------------------------------------


def _tokens(text: str, start: int, end: int) -> list[tuple[str, str, int]]:
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


def _hits(tokens, index: _Index, max_gap: int):
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


@dataclass(frozen=True, slots=True)
class ScoredSentence:
    start: int
    end: int
    score: float
    signals: tuple[str, ...]  # class names that contributed, strongest first


def score_span(text: str, start: int, end: int, quotes=(), lexicon=None) -> ScoredSentence | None:
    """Score text[start:end] as a possible unattributed claim; words inside `quotes` (sorted,
    non-overlapping (start, end) pairs) are someone else's and do not count. None when the
    span is not in the narrator's own voice (a reporting cue, first person) or too short."""
    lex = lexicon or load_lexicon()
    tokens = _outside(_tokens(text, start, end), quotes)
    if len(tokens) < lex.min_words:
        return None
    per_class: dict[str, int] = {}
    used: set[tuple[str, int]] = set()  # within a class, a word counts for one phrase only
    verdict = False
    for phrase, i, j in _hits(tokens, lex.index, lex.max_gap):
        if phrase.cls == _SKIP:
            return None
        if any((phrase.cls, k) in used for k in range(i, j)):
            continue
        used.update((phrase.cls, k) for k in range(i, j))
        per_class[phrase.cls] = per_class.get(phrase.cls, 0) + 1
        if not verdict and phrase.cls in lex.verdict_classes:
            before = tokens[max(0, i - lex.verdict_window) : i]
            verdict = any(t[0] in lex.verdict_after for t in before)
    if per_class.keys() & lex.measured.keys():
        # "20 goals in 17 starts, the best rate of any striker": a ranked statistic.
        numbers = _numbers(tokens, lex)
        for cls, least in lex.measured.items():
            if numbers >= least:
                per_class.pop(cls, None)
    contrib = {}
    for cls, count in per_class.items():
        w = lex.weights[cls]
        # Positive evidence saturates; negative evidence (scene-setting) keeps adding up.
        contrib[cls] = w * (min(count, lex.max_hits[cls]) if w > 0 else count)
    if verdict:
        contrib["verdict"] = lex.verdict_bonus
    score = sum(contrib.values())
    signals = tuple(c for c in sorted(contrib, key=lambda c: -contrib[c]) if contrib[c] > 0)
    return ScoredSentence(start, end, round(score, 3), signals)


def _numbers(tokens, lex: _Lexicon) -> int:
    """How many quantities the words count: numerals ("40,000" and "3.2" are one; a year is a
    date, not a quantity) and number words."""
    count, after = 0, -2  # after: where the previous numeral's word ended
    for lower, written, offset in tokens:
        if lower[0].isdigit():
            joined = offset == after + 1  # "40,000", "3.2": split by the comma or point
            after = offset + len(written)
            if not joined and not _YEAR.fullmatch(lower):
                count += 1
        elif lower in lex.number_words:
            count += 1
    return count


_YEAR = re.compile(r"1[89]\d\d|20\d\d|\d\d\d\ds")


def _continues_speech(doc: Document, i: int, attributed: frozenset[int], lex: _Lexicon) -> bool:
    """Whether sentence i carries on the indirect speech of an attributed sentence right
    before it in the same paragraph, in its back-shifted tenses ("The minister said the
    plan had failed. Its costs would double by spring.")."""
    if i - 1 not in attributed or i == 0:
        return False
    s, before = doc.sentences[i], doc.sentences[i - 1]
    if before.paragraph != s.paragraph:
        return False
    words = _tokens(doc.norm, s.start, s.end)
    return any(lower in lex.continued_speech for lower, _, _ in words)


def _outside(tokens, quotes):
    """The tokens not inside any quotation; one pass over both sorted lists."""
    if not quotes:
        return tokens
    out, qi = [], 0
    for tok in tokens:
        off = tok[2]
        while qi < len(quotes) and quotes[qi][1] <= off:
            qi += 1
        if qi < len(quotes) and quotes[qi][0] <= off:
            continue
        out.append(tok)
    return out


def _quotes_within(doc: Document, starts: list[int], start: int, end: int):
    """(start, end) of the quotations overlapping [start, end), clipped to it."""
    out = []
    i = max(0, bisect_right(starts, start) - 1)
    while i < len(doc.quotes) and doc.quotes[i].start < end:
        q = doc.quotes[i]
        if q.end > start:
            out.append((max(q.start, start), min(q.end, end)))
        i += 1
    return out


def _states(norm: str, start: int, end: int) -> bool:
    """Whether the sentence states something: not a question, not a headline or label
    with no closing punctuation."""
    tail = norm[max(start, end - 3) : end]
    if "?" in tail:
        return False
    return tail[-1] in ".!\"')]\u2026"


def _join(labels) -> str:
    labels = list(labels) or ["its wording"]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def find_unattributed_claims(doc: Document, attributed: frozenset[int]) -> list[Finding]:
    """`attributed` holds the indices (into doc.sentences) of sentences that carry an
    attribution or sit inside a quotation; only the others can hold an unattributed claim."""
    lex = load_lexicon()
    scored: list[ScoredSentence] = []
    starts = [q.start for q in doc.quotes]
    words = 0
    for i, s in enumerate(doc.sentences):
        words += doc.norm.count(" ", s.start, s.end) + 1
        if i in attributed or s.end - s.start > lex.max_chars or doc.in_clutter(s.start, s.end):
            continue  # a run-on "sentence" this long is a splitting failure, not a claim
        if not _states(doc.norm, s.start, s.end) or _continues_speech(doc, i, attributed, lex):
            continue
        quotes = _quotes_within(doc, starts, s.start, s.end)
        if sum(e - b for b, e in quotes) * 2 > s.end - s.start:
            continue  # mostly someone else's words
        got = score_span(doc.text, s.start, s.end, quotes, lex)
        if got is not None and got.score >= lex.threshold:
            scored.append(got)
    keep = lex.max_findings + words // lex.words_per_extra_finding
    best = sorted(scored, key=lambda s: (-s.score, s.start))[:keep]
    return [
        Finding(
            rule="unattributed-claim",
            start=s.start,
            end=s.end,
            params={"signals": _join(lex.labels[c] for c in s.signals[: lex.max_signals])},
        )
        for s in sorted(best, key=lambda s: s.start)
    ]
