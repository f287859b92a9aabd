"""Unattributed claims: contested or evaluative statements made as fact with no source.

The mechanism is a weighted phrase score per sentence. `data/claims.toml` holds phrase
classes (loaded predicates, evaluative words, certainty framing, universal quantifiers,
superlatives, motive attribution, wholesale collective actors, and negative classes for
scene-setting, schedules and hedges), each with a weight. A sentence in the narrator's own
voice (no attribution, not inside a quotation, not a question, not first person) whose score
reaches the threshold is a candidate; the highest-scoring candidates are kept, a few per
text, because a careful editor asks "says who?" about the clearest cases, not every line.

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
# Each repetition must start with a separator, so matching is linear.
_WORD = re.compile(r"\w+(?:['-]\w+)*")
_GAP = ".."  # in a phrase: up to `max_gap` words of anything
_ANY = "*"  # in a phrase: exactly one word of anything
_DIGIT = "#"  # in a phrase: a word with a digit in it ("1998", "40,000" is two words)


@dataclass(frozen=True, slots=True)
class _Phrase:
    tokens: tuple  # each: _GAP, _ANY, or a tuple of alternative words
    cls: str


@dataclass(frozen=True, slots=True)
class _Lexicon:
    threshold: float
    min_words: int
    max_findings: int
    words_per_extra_finding: int
    max_hits_per_class: int
    max_gap: int
    verdict_classes: frozenset[str]
    verdict_after: frozenset[str]
    verdict_window: int
    verdict_bonus: float
    weights: dict[str, float]
    labels: dict[str, str]
    by_word: dict[str, tuple[_Phrase, ...]]
    by_prefix: dict[str, tuple[_Phrase, ...]]
    skip: dict[str, tuple[_Phrase, ...]]
    skip_prefix: dict[str, tuple[_Phrase, ...]]


_PREFIX_KEY = 4  # a phrase may open with a prefix ("overshadow*") of at least this many letters


class ClaimsDataError(ValueError):
    """data/claims.toml is malformed; the message names the field."""


def _compile(phrases: list[str], cls: str, where: str):
    by_word: dict[str, list[_Phrase]] = {}
    by_prefix: dict[str, list[_Phrase]] = {}
    for raw in phrases:
        if not isinstance(raw, str) or not raw.strip():
            raise ClaimsDataError(f"{where}: phrases must be non-empty strings")
        tokens = tuple(t if t in (_GAP, _ANY) else _alternatives(t) for t in raw.split())
        if tokens[0] in (_GAP, _ANY) or tokens[-1] == _GAP:
            raise ClaimsDataError(f"{where}: phrase {raw!r} cannot open or end with a gap")
        phrase = _Phrase(tokens, cls)
        for alt in tokens[0]:
            if alt == _DIGIT:
                raise ClaimsDataError(f"{where}: phrase {raw!r} cannot open with {_DIGIT!r}")
            if alt.endswith("*"):
                stem = alt[:-1].lower()
                if len(stem) < _PREFIX_KEY:
                    raise ClaimsDataError(
                        f"{where}: prefix {alt!r} needs at least {_PREFIX_KEY} letters"
                    )
                by_prefix.setdefault(stem[:_PREFIX_KEY], []).append(phrase)
            else:
                by_word.setdefault(alt.lower(), []).append(phrase)
    return by_word, by_prefix


def _alternatives(word: str) -> tuple[str, ...]:
    return tuple(a if _has_upper(a) else a.lower() for a in word.split("|"))


def _merge(into: dict, more: dict) -> None:
    for k, v in more.items():
        into.setdefault(k, []).extend(v)


def _has_upper(token: str) -> bool:
    return any(c.isupper() for c in token)


def parse_lexicon(data: dict) -> _Lexicon:
    settings = data.get("settings")
    if not isinstance(settings, dict):
        raise ClaimsDataError("claims.toml: [settings] is missing")
    classes = data.get("class")
    if not isinstance(classes, list) or not classes:
        raise ClaimsDataError("claims.toml: no [[class]] tables")
    weights, labels = {}, {}
    by_word: dict[str, list[_Phrase]] = {}
    by_prefix: dict[str, list[_Phrase]] = {}
    for i, c in enumerate(classes):
        where = f"claims.toml: [[class]] #{i + 1}"
        name = c.get("name")
        if not isinstance(name, str) or name in weights:
            raise ClaimsDataError(f"{where}: 'name' missing or repeated")
        if not isinstance(c.get("weight"), int | float):
            raise ClaimsDataError(f"{where} ({name}): 'weight' must be a number")
        weights[name] = float(c["weight"])
        labels[name] = str(c.get("label", name))
        w, p = _compile(c.get("phrases", []), name, f"{where} ({name})")
        _merge(by_word, w)
        _merge(by_prefix, p)
    labels["verdict"] = str(settings.get("verdict_label", "verdict"))
    skip_words, skip_prefix = _compile(
        data.get("skip", {}).get("phrases", []), "skip", "claims.toml: [skip]"
    )
    try:
        return _Lexicon(
            threshold=float(settings["threshold"]),
            min_words=int(settings["min_words"]),
            max_findings=int(settings["max_findings"]),
            words_per_extra_finding=int(settings["words_per_extra_finding"]),
            max_hits_per_class=int(settings["max_hits_per_class"]),
            max_gap=int(settings["max_gap"]),
            verdict_classes=frozenset(settings["verdict_classes"]),
            verdict_after=frozenset(w.lower() for w in settings["verdict_after"]),
            verdict_window=int(settings["verdict_window"]),
            verdict_bonus=float(settings["verdict_bonus"]),
            weights=weights,
            labels=labels,
            by_word={k: tuple(v) for k, v in by_word.items()},
            by_prefix={k: tuple(v) for k, v in by_prefix.items()},
            skip={k: tuple(v) for k, v in skip_words.items()},
            skip_prefix={k: tuple(v) for k, v in skip_prefix.items()},
        )
    except KeyError as exc:
        raise ClaimsDataError(f"claims.toml: [settings] needs {exc.args[0]!r}") from exc


@cache
def load_lexicon() -> _Lexicon:
    raw = (resources.files("footnote") / "data" / "claims.toml").read_text(encoding="utf-8")
    return parse_lexicon(tomllib.loads(raw))


# --- matching -------------------------------------------------------------------------


def _tokens(norm: str, start: int, end: int) -> list[tuple[str, str, int]]:
    """(lower-case word, word as written, offset) for each word in norm[start:end].
    A possessive "'s" is dropped so "Europe's" matches "Europe"."""
    out = []
    for m in _WORD.finditer(norm, start, end):
        word = m.group()
        if word.endswith(("'s", "'S")):
            word = word[:-2]
        out.append((word.lower(), word, m.start()))
    return out


def _token_ok(alternatives: tuple[str, ...], lower: str, written: str) -> bool:
    for alt in alternatives:
        if alt == _DIGIT:
            if any(c.isdigit() for c in lower):
                return True
        elif alt.endswith("*") and len(alt) > 1:
            stem = alt[:-1]
            if written.startswith(stem) if _has_upper(stem) else lower.startswith(stem):
                return True
        elif written == alt if _has_upper(alt) else lower == alt:
            return True
    return False


def _match_at(tokens, i: int, pattern: tuple[str, ...], max_gap: int) -> int:
    """End index (exclusive) of `pattern` matched at tokens[i], or -1. Gaps are bounded, so
    the search is at most max_gap+1 ways per gap and phrases have few gaps."""
    n = len(tokens)

    def go(ti: int, pi: int) -> int:
        if pi == len(pattern):
            return ti
        p = pattern[pi]
        if p == _GAP:
            for skip in range(max_gap + 1):
                if ti + skip >= n:
                    break
                got = go(ti + skip, pi + 1)
                if got >= 0:
                    return got
            return -1
        if ti >= n:
            return -1
        if p == _ANY or _token_ok(p, tokens[ti][0], tokens[ti][1]):
            return go(ti + 1, pi + 1)
        return -1

    return go(i, 0)


def _candidates(lex_word: dict, lex_prefix: dict, lower: str):
    yield from lex_word.get(lower, ())
    if len(lower) >= _PREFIX_KEY:
        yield from lex_prefix.get(lower[:_PREFIX_KEY], ())


def _hits(tokens, by_word, by_prefix, max_gap: int):
    """Yield (phrase, first token index, end token index) for every phrase match."""
    for i, (lower, _written, _off) in enumerate(tokens):
        for phrase in _candidates(by_word, by_prefix, lower):
            end = _match_at(tokens, i, phrase.tokens, max_gap)
            if end >= 0:
                yield phrase, i, end


@dataclass(frozen=True, slots=True)
class ScoredSentence:
    start: int
    end: int
    score: float
    signals: tuple[str, ...]  # class names that contributed, strongest first


def score_span(norm: str, start: int, end: int, quotes=(), lexicon=None) -> ScoredSentence | None:
    """Score norm[start:end] as a possible unattributed claim; words inside `quotes` (sorted,
    non-overlapping (start, end) pairs) are someone else's and do not count. None when the
    span is not in the narrator's own voice (a reporting cue, first person) or too short."""
    lex = lexicon or load_lexicon()
    tokens = _outside(_tokens(norm, start, end), quotes)
    if len(tokens) < lex.min_words:
        return None
    for _ in _hits(tokens, lex.skip, lex.skip_prefix, lex.max_gap):
        return None
    per_class: dict[str, int] = {}
    used: set[tuple[str, int]] = set()  # within a class, a word counts for one phrase only
    verdict = False
    for phrase, i, j in _hits(tokens, lex.by_word, lex.by_prefix, lex.max_gap):
        if any((phrase.cls, k) in used for k in range(i, j)):
            continue
        used.update((phrase.cls, k) for k in range(i, j))
        per_class[phrase.cls] = per_class.get(phrase.cls, 0) + 1
        if not verdict and phrase.cls in lex.verdict_classes:
            before = tokens[max(0, i - lex.verdict_window) : i]
            verdict = any(t[0] in lex.verdict_after for t in before)
    contrib = {}
    for cls, count in per_class.items():
        w = lex.weights[cls]
        # Positive evidence saturates; negative evidence (scene-setting) keeps adding up.
        contrib[cls] = w * (min(count, lex.max_hits_per_class) if w > 0 else count)
    if verdict:
        contrib["verdict"] = lex.verdict_bonus
    score = sum(contrib.values())
    signals = tuple(c for c in sorted(contrib, key=lambda c: -contrib[c]) if contrib[c] > 0)
    return ScoredSentence(start, end, round(score, 3), signals)


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
    return tail[-1] in ".!\"')"


def find_unattributed_claims(doc: Document, attributed: frozenset[int]) -> list[Finding]:
    """`attributed` holds the indices (into doc.sentences) of sentences that carry an
    attribution or sit inside a quotation; only the others can hold an unattributed claim."""
    lex = load_lexicon()
    scored: list[ScoredSentence] = []
    starts = [q.start for q in doc.quotes]
    words = 0
    for i, s in enumerate(doc.sentences):
        words += doc.norm.count(" ", s.start, s.end) + 1
        if i in attributed or not _states(doc.norm, s.start, s.end):
            continue
        quotes = _quotes_within(doc, starts, s.start, s.end)
        if sum(e - b for b, e in quotes) * 2 > s.end - s.start:
            continue  # mostly someone else's words
        got = score_span(doc.norm, s.start, s.end, quotes, lex)
        if got is not None and got.score >= lex.threshold:
            scored.append(got)
    keep = lex.max_findings + words // max(1, lex.words_per_extra_finding)
    best = sorted(scored, key=lambda s: (-s.score, s.start))[:keep]
    return [
        Finding(
            rule="unattributed-claim",
            start=s.start,
            end=s.end,
            params={"signals": ", ".join(lex.labels[c] for c in s.signals)},
        )
        for s in sorted(best, key=lambda s: s.start)
    ]
