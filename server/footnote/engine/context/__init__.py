"""Context stage: background notes from the knowledge base, checked against the article's date.

One scan finds every known name (see context_scan); weak names count only with the right
words nearby. Each topic gets one note, at its first mention: background (info), or
outdated (warning) when the writer presents as current something that had ended by the
article's date. State-affiliated outlets used as sources, names whose acronyms do not fit,
and Russian-style spellings get their own notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from ..model import Document, Finding, Source
from .acronyms import NameIssue, find_name_issues
from .kb import Fact, Holder, KnowledgeBase, Outlet, Topic, human_date, load_kb
from .offices import find_office_mismatches
from .scan import Hit, scanner

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


def find_context(doc: Document, sources: tuple[Source, ...]) -> list[Finding]:
    """Context findings for one article, read as of `doc.published` (or the KB's date)."""
    kb = load_kb()
    as_of = doc.published or kb.as_of
    hits = [h for h in scanner().scan(doc.norm) if not doc.in_clutter(h.start, h.end)]
    findings: list[Finding] = []
    issues = find_name_issues(doc, kb, hits)
    covered = {i.institution.topic for i in issues if i.institution and i.institution.topic}
    findings += [_name_finding(doc, issue) for issue in issues]
    mentions = _topic_mentions(doc, kb, hits)
    for topic_id, found in mentions.items():
        if topic_id in covered:
            continue
        findings.append(_topic_finding(doc, kb, kb.topics[topic_id], found, as_of))
    findings += find_office_mismatches(doc, findings)  # dated texts only
    findings += _state_media(doc, kb, hits, sources)
    return findings


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
            framed.append(Outdated(m, _changed(fact, as_of), quoted, doc.text[slice(*phrase)]))
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
        return Outdated(span, changed, quoted, doc.text[span.start : span.end])
    return None


def _date_note(doc: Document, kb: KnowledgeBase, as_of: date) -> str:
    if doc.published and as_of > kb.as_of:
        return (
            f"Read as of the article's date, {human_date(as_of)}; the knowledge base was last "
            f"checked on {human_date(kb.as_of)}, so later changes are not known to it."
        )
    if doc.published:
        return f"Read as of the article's date, {human_date(as_of)}."
    return (
        f"The article has no date, so this note uses the knowledge base's own date, "
        f"{human_date(as_of)}."
    )


def _timeline(topic: Topic, as_of: date, last: int = 4) -> str:
    events = [e for e in topic.timeline if e.date <= as_of]
    if not events:
        return ""
    shown = events[-last:]
    return " Timeline up to that date: " + " ".join(f"{e.when}: {e.event}" for e in shown)


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


def _topic_finding(doc, kb, topic: Topic, mentions: list[Mention], as_of: date) -> Finding:
    real = [m for m in mentions if not m.backref]
    first = real[0]
    date_note = _date_note(doc, kb, as_of)
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
    if outdated and not outdated.quoted:
        m = outdated.mention
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
                    f"The text presents this as current ('{outdated.phrase}'), but by "
                    f"{human_date(as_of)} it had changed. {outdated.changed} {date_note} "
                    f"{topic.summary}{others}"
                ),
            },
        )
    lead = ""
    if outdated:  # a quoted speaker presents it as current: explain, do not warn
        lead = (
            f"A speaker quoted or reported here presents this as current "
            f"('{outdated.phrase}'); by {human_date(as_of)} it had changed. "
            f"{outdated.changed} "
        )
    start, end = first.start, first.end
    timeline = _timeline(topic, as_of) if topic.kind != "office" else ""
    if topic.kind == "office":
        current = _holder_at(topic, as_of)
        named = _named_holder(doc, topic, first)
        if named and named[0] is current and not outdated:
            start, end = named[1], named[2]
            lead += (
                f"{current.name} has held this office since {human_date(current.valid_from)}, "
                f"so the title fits on {human_date(as_of)}. "
            )
        elif current:
            lead += f"On {human_date(as_of)} the office was held by {current.name}. "
    return Finding(
        rule="context-background",
        start=start,
        end=end,
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


def _outlet_is_source(doc: Document, kb: KnowledgeBase, outlet: Outlet, hit: Hit, sources):
    after = doc.norm[hit.end : hit.end + 60]
    if _blocked(outlet, after):
        return False
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
    outlets = {o.id: o for o in kb.outlets}
    topic = kb.topics.get("state-affiliated-media")
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
    findings = []
    refs_topic = topic.references if topic else ()
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
