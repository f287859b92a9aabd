"""Context stage: background notes from the knowledge base, checked against the article's date.

One scan finds every known name (see context_scan); weak names count only with the right
words nearby. Each topic gets one note, at its first mention: background (info), or
outdated (warning) when the writer presents as current something that had ended by the
article's date. State-affiliated outlets used as sources, names whose acronyms do not fit,
and Russian-style spellings get their own notes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlsplit

from ..model import Document, Finding, Source
from .acronyms import NameIssue, find_name_issues
from .kb import MONTHS, Fact, Holder, KnowledgeBase, Outlet, Topic, human_date, load_kb
from .offices import date_from_titles, find_office_mismatches
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


def knowledge_version() -> str:
    """The declared version and a hash of the data files, e.g. "2026-11-25.1+3f9a0c12d4"."""
    kb = load_kb()
    return f"{kb.version}+{kb.digest}"


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    sentence: int
    backref: bool = False
    unnamed: bool = False  # a description ("the September truce"), linked by its setting


def find_context(
    doc: Document, sources: tuple[Source, ...], as_of: date | None = None
) -> list[Finding]:
    """Context findings for one article, read as of `doc.published` (or, undated, the KB's
    date). `as_of` is the reader's today, passed in: on an older article, each topic's note
    first says what changed after the article's date ("Since this article was published")."""
    kb = load_kb()
    on = doc.published or kb.as_of
    hits = [h for h in scanner().scan(doc.norm) if not doc.in_clutter(h.start, h.end)]
    findings: list[Finding] = []
    issues = find_name_issues(doc, kb, hits)
    covered = {i.institution.topic for i in issues if i.institution and i.institution.topic}
    findings += [_name_finding(doc, issue) for issue in issues]
    mentions = _topic_mentions(doc, kb, hits)
    read = _Reading(on, as_of if doc.published and as_of and as_of > on else None)
    if doc.published is None and mentions:  # dating only matters to the topics' notes
        dating = date_from_titles(doc)
        early = [d for d in (_not_before(doc, kb, mentions), dating.not_before) if d]
        read = _Reading(
            on, None, max(early, key=lambda d: d[0]) if early else None, dating.not_after
        )
    for topic_id, found in mentions.items():
        if topic_id in covered:
            continue
        begins = kb.topics[topic_id].counts_from
        written = doc.published or (read.not_after[0] if read.not_after else None)
        if begins and written and written < begins:
            continue  # "Russia's invasion" in 2014: not the topic that began later
        if (
            begins
            and not doc.published
            and not _placed_after(read, begins)
            and not any(_named_outright(doc, topic_id, m) for m in found)
        ):
            continue  # undated, only "invasion": it may well mean an earlier one
        findings.append(_topic_finding(doc, kb, kb.topics[topic_id], found, read))
    findings += find_office_mismatches(doc, findings)  # dated texts only
    findings += _state_media(doc, kb, hits, sources)
    return findings


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


# --- finding topic mentions ---------------------------------------------------------------


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


# --- time-aware notes ---------------------------------------------------------------------


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


@dataclass(frozen=True, slots=True)
class Outdated:
    mention: Mention
    changed: str
    quoted: bool
    phrase: str = ""  # the words that present it as current
    ended: date | None = None  # the day it stopped holding (None: it had not yet begun)


def _check_facts(doc: Document, kb: KnowledgeBase, topic: Topic, mentions, as_of: date):
    for fact in topic.facts:
        if fact.holds_on(as_of):
            continue
        # The writer shows they know it changed: no outdated note for this fact.
        if any(
            _near_mention(kb, fact.unless, doc, m, _ACK_BEFORE, _ACK_AFTER)
            for m in mentions
            if _subject_ok(fact, _sentence_text(doc, m)[1])
        ):
            continue
        framed = []
        for m in mentions:
            sentence = _sentence_text(doc, m)[1]
            phrase = _framed(kb, fact.framing, doc, m) if _subject_ok(fact, sentence) else None
            if phrase is None or _anchored_in(sentence, fact.valid_from, fact.valid_to):
                continue
            quoted = doc.in_quote(m.start, m.end) is not None or _reported(kb, fact, doc, m)
            framed.append(
                Outdated(
                    m,
                    _changed(fact, as_of),
                    quoted,
                    doc.text[slice(*phrase)],
                    fact.valid_to if fact.valid_to and fact.valid_to <= as_of else None,
                )
            )
        if framed:
            # the writer's own words count first; a quoted speaker's only when nothing else
            return next((o for o in framed if not o.quoted), framed[0])
    return None


_RELATIVE = re.compile(r"\s*,\s*(?:which|that)\b[^;]*", re.I)


def _reported(kb: KnowledgeBase, fact: Fact, doc: Document, m: Mention) -> bool:
    """The sentence reports someone's words ("Moscow insists that ..."), and the writer does
    not add the framing in their own relative clause ("..., which aim to ...")."""
    s0, sentence = _sentence_text(doc, m)
    if not _classes_in(kb, ("reported-speech",), sentence):
        return False
    clause = _RELATIVE.match(sentence, m.end - s0)
    return not (clause and _classes_in(kb, fact.framing, clause.group()))


def _subject_ok(fact: Fact, sentence: str) -> bool:
    if not fact.subject:
        return True
    tokens = set(_TOKEN.findall(sentence.lower()))
    return _has(fact.subject, sentence.lower(), tokens)


def _changed(fact: Fact, as_of: date) -> str:
    if fact.valid_from and as_of < fact.valid_from:
        return f"On that date this was not yet so: it holds from {human_date(fact.valid_from)}."
    return fact.changed


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


def _check_office(doc: Document, kb: KnowledgeBase, topic: Topic, mentions, as_of: date):
    """A holder named with the title and not marked as former, on a date outside the term."""
    for m in mentions:
        named = _named_holder(doc, topic, m)
        if named is None or named[0].holds_on(as_of):
            continue
        holder = named[0]
        prefix = doc.norm[max(0, m.start - _TITLE_PREFIX) : m.start]
        if kb.cues.classes["former-title"].search(prefix):
            continue
        sentence = _sentence_text(doc, m)[1]
        if _anchored_in(sentence, holder.valid_from, holder.valid_to):
            continue
        if kb.cues.classes["lapse"].search(sentence):
            continue
        current = _holder_at(topic, as_of)
        if as_of < holder.valid_from:
            changed = f"{holder.name} took office only on {human_date(holder.valid_from)}."
        else:
            ended = human_date(holder.valid_to) if holder.valid_to else "?"
            changed = f"{holder.name}'s term ended on {ended}."
        if current:
            changed += (
                f" {current.name} has held the office since {human_date(current.valid_from)}."
            )
        span = Mention(named[1], named[2], m.sentence)
        quoted = doc.in_quote(m.start, m.end) is not None
        left = holder.valid_to if as_of >= holder.valid_from else None
        return Outdated(span, changed, quoted, doc.text[span.start : span.end], left)
    return None


def _date_note(doc: Document, kb: KnowledgeBase, read: _Reading) -> str:
    as_of = read.on
    if doc.published and as_of > kb.as_of:
        return (
            f"Read as of the article's date, {human_date(as_of)}; the knowledge base was last "
            f"checked on {human_date(kb.as_of)}, so later changes are not known to it."
        )
    if doc.published and read.today:
        note = (
            f"Background as of the article's date, {human_date(as_of)}; "
            f"read on {human_date(read.today)}."
        )
        if read.today > kb.as_of:
            note += f" The knowledge base was last checked on {human_date(kb.as_of)}."
        return note
    if doc.published:
        return f"Read as of the article's date, {human_date(as_of)}."
    return (
        "The article has no date, so Footnote cannot tell which of these events its writer "
        f"knew of (the knowledge base was last checked on {human_date(kb.as_of)})."
    )


def _timeline(topic: Topic, as_of: date, last: int = 4, dated: bool = True) -> str:
    events = [e for e in topic.timeline if e.date <= as_of]
    if not events:
        return ""
    shown = events[-last:]
    head = " Timeline up to that date: " if dated else " Timeline: "
    return head + " ".join(f"{e.when}: {e.event}" for e in shown)


def _since(topic: Topic, after: date, until: date) -> list[str]:
    """What changed after the article's date, up to the reader's today, as plain clauses."""
    return [e.since for e in topic.timeline if e.since and after < e.date <= until]


def _since_sentence(clauses: list[str]) -> str:
    return "Since this article was published, " + "; ".join(clauses) + "."


def _month(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def _undated_lead(
    topic: Topic, not_before: date | None = None, not_after: tuple[date, str] | None = None
) -> str:
    """For a text with no date: what a writer before the first change could not know
    (only changes after the earliest date the text itself shows, when it shows one)."""
    events = [e for e in topic.timeline if e.since and (not_before is None or e.date > not_before)]
    if not events:
        return ""
    clauses = "; ".join(e.since or "" for e in events[:3])
    if not_after and events[0].date >= not_after[0]:
        return (
            f"The article has no date, but it names '{not_after[1]}' as in office, which "
            f"most likely places it before {human_date(not_after[0])}; its writer could not "
            f"know what came later: {clauses}. "
        )
    if topic.undated:
        return topic.undated + " "
    return (
        f"If this was written before {_month(events[0].date)}, its writer could not know "
        f"what came later: {clauses}. "
    )


def _others(doc: Document, mentions: list[Mention], first: Mention) -> str:
    rest = [m for m in mentions if m is not first and not m.backref]
    if not rest:
        return ""
    forms = []
    for m in rest:
        form = doc.text[m.start : m.end]
        if form not in forms:
            forms.append(form)
    shown = ", ".join(f"'{f}'" for f in forms[:4])
    times = "once more" if len(rest) == 1 else f"{len(rest)} more times"
    return f" The text mentions it {times} ({shown})."


def _lower_the(title: str) -> str:
    return "the" + title[3:] if title.startswith("The ") else title


def _unnamed_lead(doc: Document, kb: KnowledgeBase, topic: Topic, first: Mention) -> str:
    if not first.unnamed or topic.unnamed is None:
        return ""
    found = doc.text[first.start : first.end]
    words = _setting_words(doc, topic.unnamed.setting)
    shown = ", ".join(f"'{w}'" for w in words[:4])
    when = (
        f"the article is dated {human_date(doc.published)}"
        if doc.published
        else "the article has no date, so this is less certain"
    )
    return (
        f"The text does not name {_lower_the(topic.title)} outright, but '{found}' most "
        f"likely refers to it: "
        f"{topic.unnamed.why} (the text mentions {shown}), and {when}. "
    )


def _topic_finding(doc, kb, topic: Topic, mentions: list[Mention], read: _Reading) -> Finding:
    as_of = read.on
    real = [m for m in mentions if not m.backref]
    first = real[0]
    date_note = _date_note(doc, kb, read)
    others = _others(doc, mentions, first)
    base = {"topic_title": topic.title, "as_of": as_of.isoformat(), "date_note": date_note}
    if topic.kind == "spelling":
        quoted = doc.in_quote(first.start, first.end) is not None
        who = "A quoted speaker uses" if quoted else "The text uses"
        found = doc.text[first.start : first.end]
        return Finding(
            rule="spelling",
            start=first.start,
            end=first.end,
            topic=topic.id,
            references=topic.references,
            params={
                **base,
                "found": found,
                "preferred": topic.preferred or "",
                "explanation": f"{who} '{found}'. {topic.summary}{others}",
            },
        )
    if topic.kind == "office":
        outdated = _check_office(doc, kb, topic, real, as_of)
    else:
        outdated = _check_facts(doc, kb, topic, mentions, as_of)
    since = _since(topic, as_of, read.today) if read.today else []
    undated = doc.published is None
    ended = outdated.ended if outdated else None
    if undated and read.not_after and ended and read.not_after[0] <= ended:
        outdated = None  # written, most likely, while it still held
    if outdated and undated:
        known = read.not_before
        if not (known and outdated.ended and known[0] >= outdated.ended):
            # no date and nothing that dates it: say when it would have been out of date
            if outdated.ended:
                lead = (
                    f"The text presents this as current ('{outdated.phrase}'). If it was "
                    f"written on or after {human_date(outdated.ended)}, that was already out "
                    f"of date: {outdated.changed} "
                )
            else:
                lead = f"The text presents this as current ('{outdated.phrase}'). "
            return _background(
                doc, topic, first, base, lead, as_of, date_note, others, False, conditional=True
            )
        date_note = (
            f"The article has no date; it is read as written on or after {human_date(known[0])}."
        )
        outdated = replace(
            outdated,
            changed=(
                f"The article has no date, but it names '{known[1]}', so it was written on or "
                f"after {human_date(known[0])}. {outdated.changed}"
            ),
        )
    if outdated:
        m = outdated.mention
        after = f" {_since_sentence(since)}" if since else ""
        by = "by then" if undated else f"by {human_date(as_of)}"
        if outdated.quoted:  # a quoted speaker presents it as current: a caution
            return Finding(
                rule="context-outdated-quoted",
                start=m.start,
                end=m.end,
                topic=topic.id,
                references=topic.references,
                params={
                    **base,
                    "changed": outdated.changed,
                    "explanation": (
                        f"A speaker quoted or reported here presents this as current "
                        f"('{outdated.phrase}'), but {by} it had changed. "
                        f"{outdated.changed} The writer does not say so.{after} {date_note} "
                        f"{topic.summary}{others}"
                    ),
                },
            )
        return Finding(
            rule="context-outdated",
            start=m.start,
            end=m.end,
            topic=topic.id,
            references=topic.references,
            params={
                **base,
                "changed": outdated.changed,
                "explanation": (
                    f"The text presents this as current ('{outdated.phrase}'), but {by} it "
                    f"had changed. {outdated.changed}{after} "
                    f"{date_note} {topic.summary}{others}"
                ),
            },
        )
    lead = _unnamed_lead(doc, kb, topic, first)
    if since:
        lead = f"{_since_sentence(since)} {lead}"
    start, end = first.start, first.end
    if topic.kind == "office":
        current = _holder_at(topic, as_of)
        named = _named_holder(doc, topic, first)
        if undated and named:
            start, end = named[1], named[2]
            held = (
                f"until {human_date(named[0].valid_to)}"
                if named[0].valid_to
                else f"and still held it on {human_date(kb.as_of)}"
            )
            lead += (
                f"{named[0].name} took this office on {human_date(named[0].valid_from)} "
                f"{held}; the title fits a text written in that time. "
            )
        elif named and named[0] is current:
            start, end = named[1], named[2]
            lead += (
                f"{current.name} has held this office since {human_date(current.valid_from)}, "
                f"so the title fits on {human_date(as_of)}. "
            )
        elif current and not undated:
            lead += f"On {human_date(as_of)} the office was held by {current.name}. "
    earliest = read.not_before[0] if read.not_before else None
    finding = _background(
        doc,
        topic,
        first,
        base,
        lead,
        as_of,
        date_note,
        others,
        bool(since),
        not_before=earliest,
        not_after=read.not_after,
    )
    return replace(finding, start=start, end=end)


def _background(
    doc,
    topic,
    first,
    base,
    lead,
    as_of,
    date_note,
    others,
    since,
    *,
    conditional=False,
    not_before: date | None = None,
    not_after: tuple[date, str] | None = None,
) -> Finding:
    """A background note (or, with `since`, a since-published one). An undated text gets a
    conditional sentence: what a writer before the first change could not know."""
    undated = doc.published is None
    if undated and not conditional:
        lead += _undated_lead(topic, not_before, not_after)
    timeline = ""
    if topic.kind != "office":
        timeline = _timeline(topic, as_of, dated=not undated)
    return Finding(
        rule="context-since" if since else "context-background",
        start=first.start,
        end=first.end,
        topic=topic.id,
        references=topic.references,
        params={
            **base,
            "explanation": f"{lead}{topic.summary}{timeline} {date_note}{others}",
        },
    )


# --- names and acronyms -------------------------------------------------------------------


def _name_finding(doc: Document, issue: NameIssue) -> Finding:
    inst = issue.institution
    written = doc.text[issue.start : issue.end]
    if issue.acronym is None and inst is not None:
        return Finding(
            rule="name-mismatch",
            start=issue.start,
            end=issue.end,
            topic=inst.topic,
            references=inst.references,
            params={
                "found": written,
                "explanation": (
                    f"No body called '{written}' is known. The closest known body is "
                    f"{inst.names[0]} ({inst.acronym}): {inst.about}."
                ),
            },
        )
    if inst is not None:
        known = (
            f"{issue.acronym} is the acronym of the {inst.names[0]}"
            if not inst.names[0].lower().startswith("the ")
            else f"{issue.acronym} is the acronym of {inst.names[0]}"
        )
        explanation = (
            f"The text writes '{written}', but the letters {issue.acronym} do not fit "
            f"'{issue.name}'. What is known: {known}, {inst.about}."
        )
        refs = inst.references
    else:
        explanation = (
            f"The text writes '{written}', but the letters {issue.acronym} cannot be read "
            f"off '{issue.name}', and no body with that name and acronym is known. The "
            f"acronym may come from another language or another name."
        )
        refs = ()
    return Finding(
        rule="acronym-mismatch",
        start=issue.start,
        end=issue.end,
        topic=inst.topic if inst else None,
        references=refs,
        params={"found": written, "acronym": issue.acronym, "explanation": explanation},
    )


# --- state-affiliated media ---------------------------------------------------------------


def _blocked(outlet: Outlet, following: str) -> bool:
    """'CCTV footage' is a camera, not the broadcaster: the outlet's `not_next` words."""
    if not outlet.not_next:
        return False
    nxt = _TOKEN.findall(following.lower()[:30])
    return bool(nxt) and nxt[0] in {w.lower() for w in outlet.not_next}


_CREDIT_AFTER = re.compile(r"\)\s*(?:-{1,2}|:)")
_OPENING_CREDIT = 160  # characters: a dateline's credit sits on the opening line


def _credit(doc: Document, hit: Hit) -> bool:
    """The outlet's credit on the copy itself: a dateline "MOSCOW, Nov 15 /TASS/" or
    "BEIJING, May 2 (Xinhua) --": the text is that outlet's copy."""
    before = doc.norm[hit.start - 1 : hit.start] if hit.start else ""
    after = doc.norm[hit.end : hit.end + 4]
    if before == "/" and after.startswith("/"):
        return True
    if before == "(" and bool(_CREDIT_AFTER.match(after)):
        return True
    # "MOSCOW (UrduPoint News / Sputnik - 12th April, 2023) The ...": a credit group in
    # brackets on the opening line names every agency whose copy this is
    if hit.start > _OPENING_CREDIT:
        return False
    line_start = doc.norm.rfind("\n", 0, hit.start) + 1
    opened = doc.norm.rfind("(", line_start, hit.start)
    closed = doc.norm.find(")", hit.end, hit.end + 60)
    if opened < 0 or ")" in doc.norm[opened : hit.start] or closed < 0:
        return False
    place = doc.norm[line_start:opened].strip().rstrip(",")
    return 0 < len(place) <= 40 and place.replace(",", "").replace(" ", "").isupper()


def _outlet_is_source(doc: Document, kb: KnowledgeBase, outlet: Outlet, hit: Hit, sources):
    after = doc.norm[hit.end : hit.end + 60]
    if _blocked(outlet, after):
        return False
    if _credit(doc, hit):
        return True
    for s in sources:
        if s.start < hit.end and hit.start < s.end:
            return True
    sent_start = doc.sentences[doc.sentence_at(hit.start)].start if doc.sentences else 0
    before = doc.norm[max(sent_start, hit.start - 80) : hit.start]
    return bool(kb.cues.relay_before.search(before) or kb.cues.relay_after.match(after))


def _label(outlet: Outlet) -> str:
    return "state-funded" if outlet.control == "funded" else "state-affiliated"


def _outlet_text(outlet: Outlet) -> str:
    if outlet.control == "funded":
        return (
            f"{outlet.full_name} is funded by {outlet.controlled_by}. Its reports may be "
            f"accurate, and its editors are independent by law, but it is paid for by the "
            f"government of {outlet.country}."
        )
    return (
        f"{outlet.full_name} is controlled by {outlet.controlled_by}. Its reports may be "
        f"accurate, but it is not independent of the government of {outlet.country}."
    )


def _state_media(doc: Document, kb: KnowledgeBase, hits: list[Hit], sources) -> list[Finding]:
    topic = kb.topics.get("state-affiliated-media")
    used = _outlets_used(doc, kb, hits, sources)
    findings = []
    refs_topic = topic.references if topic else ()
    if not used:
        generic = _unnamed_state_media(doc, kb, hits)
        if generic:
            findings.append(generic)
    if used:
        used.sort(key=lambda u: u[1])
        outlet, start, end = used[0]
        seen = [outlet.id]
        extra = []
        for o, _, _ in used[1:]:
            if o.id not in seen:
                seen.append(o.id)
                extra.append(f"{o.name} ({o.country})")
        also = f" The text also relies on {', '.join(extra)}." if extra else ""
        findings.append(
            Finding(
                rule="state-media",
                start=start,
                end=end,
                topic="state-affiliated-media",
                references=outlet.references + refs_topic,
                params={
                    "outlet": outlet.name,
                    "country": outlet.country,
                    "explanation": (
                        f"Information here comes from, or through, {outlet.name}, a "
                        f"{_label(outlet)} outlet. {_outlet_text(outlet)}{also}"
                    ),
                },
            )
        )
    site = _url_outlet(doc.url, kb)
    if site:
        findings.append(
            Finding(
                rule="state-media",
                start=None,
                end=None,
                topic="state-affiliated-media",
                references=site.references + refs_topic,
                params={
                    "outlet": site.name,
                    "country": site.country,
                    "title": f"This page is published by {site.name}, a {_label(site)} outlet",
                    "explanation": (
                        f"The page's address is on a domain of {site.name}. {_outlet_text(site)} "
                        f"(Footnote reads only the address; it never opens the page.)"
                    ),
                },
            )
        )
    return findings


def _outlets_used(
    doc: Document, kb: KnowledgeBase, hits: list[Hit], sources
) -> list[tuple[Outlet, int, int]]:
    """The state outlets the text uses as a source or relay, with where it first does."""
    outlets = {o.id: o for o in kb.outlets}
    used: list[tuple[Outlet, int, int]] = []
    for hit in hits:
        for target in hit.targets:
            if target.kind == "outlet":
                outlet = outlets[target.ref]
                if _outlet_is_source(doc, kb, outlet, hit, sources):
                    used.append((outlet, hit.start, hit.end))
    # A source the attribution stage says was relayed by a state outlet whose name the
    # scan did not see as a source (a source's own mention is covered by the overlap above).
    scan = scanner()
    for relay in {s.relayed_by for s in sources if s.relayed_by}:
        for h in scan.scan(relay):
            for target in h.targets:
                if target.kind != "outlet" or any(u[0].id == target.ref for u in used):
                    continue
                if _blocked(outlets[target.ref], relay[h.end :]):
                    continue
                first = min((s for s in sources if s.relayed_by == relay), key=lambda s: s.start)
                used.append((outlets[target.ref], first.start, first.end))
    return used


_CAPITAL_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")
_PLAIN_OPENERS = frozenset({"The", "A", "An", "According", "Citing", "Quoting", "Its", "Their"})


def _unnamed_state_media(doc: Document, kb: KnowledgeBase, hits: list[Hit]) -> Finding | None:
    """State media the text relies on without naming the outlet: "Iranian state television
    said", "according to Russian state media". Only next to a speech word."""
    words = kb.state_media
    if words is None:
        return None
    for m in words.pattern.finditer(doc.norm):
        if doc.in_clutter(m.start(), m.end()):
            continue
        sent_start = doc.sentences[doc.sentence_at(m.start())].start if doc.sentences else 0
        before = doc.norm[max(sent_start, m.start() - 40) : m.start()]
        after = doc.norm[m.end() : m.end() + 40]
        if not (words.said_after.match(after) or words.said_before.search(before)):
            continue
        adj = m.group("adj")
        if adj is None:
            other = _CAPITAL_BEFORE.search(before)
            if other and other.group(1) not in _PLAIN_OPENERS:
                continue  # "British state broadcaster": a country the list does not know
        country = words.countries.get(adj.lower()) if adj else None
        written = doc.text[m.start() : m.end()]
        whose = f"the state of {country}" if country else "a state (the text does not say which)"
        topic = kb.topics.get("state-affiliated-media")
        return Finding(
            rule="state-media",
            start=m.start(),
            end=m.end(),
            topic="state-affiliated-media",
            references=topic.references if topic else (),
            params={
                "outlet": written,
                "country": country or "country not named",
                "title": f"State media as a source: {written}",
                "explanation": (
                    f"The text relies on '{written}' without naming the outlet. Outlets run "
                    f"by {whose} may report accurately, but they are not independent of that "
                    f"government, and an unnamed outlet cannot be looked up."
                ),
            },
        )
    return None


def _url_outlet(url: str | None, kb: KnowledgeBase) -> Outlet | None:
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    except ValueError:
        return None
    for outlet in kb.outlets:
        for domain in outlet.domains:
            if host == domain or host.endswith("." + domain):
                return outlet
    return None
