"""Where the text mentions a topic: names, weak names in their window,
descriptions in their setting, the reading date and the frames around a mention."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date

from ..model import Document
from .kb import Holder, KnowledgeBase, Topic
from .scan import Hit, scanner
from .scan import key as scan_key

_TOKEN = re.compile(r"[a-z0-9]+")


_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")


# How close a phrase must be to the mention to frame it (characters before / after).
_FRAME_BEFORE = 60


_FRAME_AFTER = 100


_TITLE_PREFIX = 25


# How close a phrase must be to show the writer knows that something ended.
_ACK_BEFORE = 80


_ACK_AFTER = 160


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    sentence: int
    backref: bool = False
    unnamed: bool = False  # a description ("the September truce"), linked by its setting


def _placed_after(read: _Reading, day: date) -> bool:
    return read.not_before is not None and read.not_before[0] >= day


def _named_outright(doc: Document, topic_id: str, m: Mention) -> bool:
    """The mention is one of the topic's own names, not a weak word or a description."""
    if m.backref or m.unnamed:
        return False
    targets = scanner().table.get(scan_key(doc.norm[m.start : m.end]), ())
    return any(t.kind == "topic" and t.ref == topic_id for t in targets)


@dataclass(frozen=True, slots=True)
class _Reading:
    """The dates a note is written for: the article's date (or the KB's, undated), the
    reader's today when later than the article, and for an undated text the earliest date
    it can have been written, from an office holder it names with a current title."""

    on: date
    today: date | None = None
    not_before: tuple[date, str] | None = None
    not_after: tuple[date, str] | None = None  # the text names someone in an office that ended


def _not_before(doc: Document, kb: KnowledgeBase, mentions) -> tuple[date, str] | None:
    """'NATO Secretary General Mark Rutte', not marked as former: written on or after the
    day Rutte took office. The latest such day, with the words that show it."""
    best: tuple[date, str] | None = None
    for topic_id, found in mentions.items():
        topic = kb.topics[topic_id]
        if topic.kind != "office":
            continue
        for m in found:
            if m.backref or m.unnamed:
                continue
            named = _named_holder(doc, topic, m)
            if named is None:
                continue
            prefix = doc.norm[max(0, m.start - _TITLE_PREFIX) : m.start]
            if kb.cues.classes["former-title"].search(prefix):
                continue
            words = doc.text[named[1] : named[2]]
            if best is None or named[0].valid_from > best[0]:
                best = (named[0].valid_from, words)
    return best


def _window(doc: Document, start: int, kind: str) -> tuple[int, int]:
    """The span whose words a weak name needs: its sentence, that and the next, or its
    paragraph."""
    si = doc.sentence_at(start)
    if not doc.sentences:
        return 0, len(doc.norm)
    sent = doc.sentences[si]
    lo, hi = sent.start, sent.end
    if kind == "paragraph":
        para = doc.paragraphs[sent.paragraph]
        lo, hi = para.start, para.end
    elif kind == "sentence+1" and si + 1 < len(doc.sentences):
        nxt = doc.sentences[si + 1]
        if nxt.paragraph == sent.paragraph:
            hi = nxt.end
    return lo, hi


def _has(words: tuple[str, ...], text: str, tokens: set[str]) -> bool:
    for word in words:
        w = word.lower()
        if w.endswith("*"):
            stem = w[:-1]
            if any(t.startswith(stem) for t in tokens):
                return True
        elif _TOKEN.fullmatch(w):
            if w in tokens:
                return True
        elif re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", text):
            return True
    return False


def _weak_ok(doc: Document, topic: Topic, hit: Hit, memo: dict) -> bool:
    """Whether a weak name has its topic's words nearby. The window's words, and the answer
    for each topic and alias, are worked out once per window, not once per mention: a
    window with thousands of mentions would otherwise be searched thousands of times."""
    span = _window(doc, hit.start, topic.window)
    # the alias itself does not count as its own context word
    own = frozenset(_TOKEN.findall(hit.text.lower()))
    key = (span, topic.id, own if len(own) == 1 else None)
    if key not in memo:
        if span not in memo:
            text = doc.norm[span[0] : span[1]].lower()
            memo[span] = text, set(_TOKEN.findall(text))
        text, tokens = memo[span]
        near_tokens = tokens - own if len(own) == 1 else tokens
        memo[key] = not (topic.not_near and _has(topic.not_near, text, tokens)) and all(
            _has(group, text, near_tokens) for group in topic.near
        )
    return memo[key]


def _topic_mentions(doc: Document, kb: KnowledgeBase, hits: list[Hit]) -> dict[str, list[Mention]]:
    """Each topic's mentions in text order; weak names only with their context words."""
    found: dict[str, list[Mention]] = {}
    memo: dict = {}  # per window: its words, and each topic's answer (see _weak_ok)
    for hit in hits:
        for target in hit.targets:
            if target.kind not in ("topic", "weak"):
                continue
            topic = kb.topics[target.ref]
            if target.kind == "topic" or _weak_ok(doc, topic, hit, memo):
                found.setdefault(topic.id, []).append(
                    Mention(hit.start, hit.end, doc.sentence_at(hit.start))
                )
    _unnamed_mentions(doc, kb, hits, found)
    # Back-references ("the agreements") extend a topic into later sentences of a paragraph.
    for hit in hits:
        for target in hit.targets:
            if target.kind != "backref" or target.ref not in found:
                continue
            si = doc.sentence_at(hit.start)
            para = doc.sentences[si].paragraph if doc.sentences else 0
            first = found[target.ref][0]
            if first.start < hit.start and doc.sentences[first.sentence].paragraph == para:
                found[target.ref].append(Mention(hit.start, hit.end, si, backref=True))
    for mentions in found.values():
        mentions.sort(key=lambda m: m.start)
    return found


@dataclass(slots=True)
class _Words:
    """A text's lower-cased form and its words, read once: `has` answers whole words, stems
    ("separatist*", by binary search in the sorted words) and phrases."""

    low: str
    tokens: set[str]
    ordered: list[str]

    @classmethod
    def of(cls, text: str) -> _Words:
        low = text.lower()
        tokens = set(_TOKEN.findall(low))
        return cls(low, tokens, sorted(tokens))

    def has(self, word: str) -> bool:
        w = word.lower()
        if w.endswith("*"):
            stem = w[:-1]
            i = bisect_left(self.ordered, stem)
            return i < len(self.ordered) and self.ordered[i].startswith(stem)
        if _TOKEN.fullmatch(w):
            return w in self.tokens
        return re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", self.low) is not None


def _setting_words(
    doc: Document, words: tuple[str, ...], cache: dict | None = None, enough: int = 0
) -> list[str]:
    """Which of the setting words the text uses (each entry once), in the list's order;
    with `enough`, stop once that many are found."""
    read = cache.get("doc") if cache is not None else None
    if read is None:
        read = _Words.of(doc.norm)
        if cache is not None:
            cache["doc"] = read
    found = []
    for w in words:
        if read.has(w):
            found.append(w.rstrip("*"))
            if len(found) == enough:
                break
    return found


def _unnamed_mentions(doc: Document, kb: KnowledgeBase, hits: list[Hit], found) -> None:
    """Descriptions ("the September truce") count for a topic only in its setting and time:
    enough of the setting's words in the text, none of another setting in the paragraph.
    The text and each paragraph are read for words at most once."""
    checked: dict[str, bool] = {}
    cache: dict = {}
    paragraphs: dict[tuple[int, int], _Words] = {}
    for hit in hits:
        for target in hit.targets:
            if target.kind != "unnamed":
                continue
            topic = kb.topics[target.ref]
            spec = topic.unnamed
            if spec is None:
                continue
            if target.ref not in checked:
                day = doc.published
                in_time = day is None or (
                    (spec.valid_from is None or spec.valid_from <= day)
                    and (spec.valid_to is None or day < spec.valid_to)
                )
                words = (
                    _setting_words(doc, spec.setting, cache, spec.setting_min) if in_time else []
                )
                checked[target.ref] = len(words) >= spec.setting_min
            if not checked[target.ref]:
                continue
            si = doc.sentence_at(hit.start)
            if spec.not_near:
                key = _paragraph_span(doc, si)
                if key not in paragraphs:
                    paragraphs[key] = _Words.of(doc.norm[key[0] : key[1]])
                if any(paragraphs[key].has(w) for w in spec.not_near):
                    continue
            found.setdefault(topic.id, []).append(Mention(hit.start, hit.end, si, unnamed=True))


def _paragraph_span(doc: Document, si: int) -> tuple[int, int]:
    if not doc.sentences:
        return 0, len(doc.norm)
    para = doc.paragraphs[doc.sentences[si].paragraph]
    return para.start, para.end


def _sentence_text(doc: Document, mention: Mention) -> tuple[int, str]:
    if not doc.sentences:
        return 0, doc.norm
    s = doc.sentences[mention.sentence]
    return s.start, doc.norm[s.start : s.end]


_NEGATED = re.compile(
    r"(?:\bnever|\bnot|n't|\bno|\bwithout|\bfail(?:ed|ing|s)?\s+to|\brefus(?:ed|ing|es)?\s+to)"
    r"\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)


def _find_class(
    kb: KnowledgeBase, names: tuple[str, ...], text: str, split: int | None = None
) -> re.Match | None:
    """The first phrase of one of the classes, not negated ("never withdrawn").
    A class named "...-after" counts only from `split` (the end of the mention) on."""
    for name in names:
        lo = split if split is not None and name.endswith("-after") else 0
        for m in kb.cues.classes[name].finditer(text, lo):
            if not _NEGATED.search(text, max(0, m.start() - 40), m.start()):
                return m
    return None


def _classes_in(kb: KnowledgeBase, names: tuple[str, ...], text: str) -> bool:
    return _find_class(kb, names, text) is not None


def _framed(kb, names: tuple[str, ...], doc: Document, m: Mention) -> tuple[int, int] | None:
    """The span from the framing phrase to the mention (or back), when there is one."""
    return _near_mention(kb, names, doc, m, _FRAME_BEFORE, _FRAME_AFTER)


def _near_mention(kb, names, doc: Document, m: Mention, before, after) -> tuple[int, int] | None:
    """A phrase of the classes within the mention's sentence, close enough to frame it."""
    lo = max(0, m.start - before)
    hi = min(len(doc.norm), m.end + after)
    s0, sentence = _sentence_text(doc, m)
    lo, hi = max(lo, s0), min(hi, s0 + len(sentence))
    found = _find_class(kb, names, doc.norm[lo:hi], split=max(0, m.end - lo))
    if found is None:
        return None
    return min(m.start, lo + found.start()), max(m.end, lo + found.end())


def _anchored_in(sentence: str, start: date | None, end: date | None) -> bool:
    """A year in the sentence inside the period: the writer speaks of that time."""
    for y in _YEAR.findall(sentence):
        year = int(y)
        if (start is None or year >= start.year) and (end is None or year <= end.year):
            return True
    return False


def _holder_at(topic: Topic, day: date) -> Holder | None:
    return next((h for h in topic.holders if h.holds_on(day)), None)


def _named_holder(doc: Document, topic: Topic, m: Mention) -> tuple[Holder, int, int] | None:
    """The holder named right after or before the title, with the span of title and name."""
    after = doc.norm[m.end : m.end + 40]
    before = doc.norm[max(0, m.start - 40) : m.start]
    for holder in topic.holders:
        names = "|".join(re.escape(n) for n in (holder.name, *holder.short))
        a = re.match(rf"\s*,?\s*(?:{names})\b", after)
        if a:
            return holder, m.start, m.end + a.end()
        b = re.search(rf"\b(?:{names})\s*,\s*(?:the\s+|a\s+)?$", before)
        if b:
            return holder, m.start - len(before) + b.start(), m.end
    return None
