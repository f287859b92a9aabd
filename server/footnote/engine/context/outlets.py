"""State-affiliated outlets as sources or relays: by name, by the copy's own credit,
by the page address, or unnamed (state television said)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..model import Document, Finding
from .kb import KnowledgeBase, Outlet
from .mentions import _TOKEN
from .scan import Hit, scanner


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
