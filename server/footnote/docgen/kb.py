"""Write the knowledge-base guide from the data.

Run `python -m footnote.docgen.kb > docs/knowledge-base.md`.

A test compares the file with this output, so the guide never drifts from the data.
"""

from __future__ import annotations

import sys

from ..engine.context.facts import Facts
from ..engine.context.kb import KnowledgeBase, human_date, load_kb

_HOW_TO = """\
## How to add a topic

1. Copy a file in `server/footnote/data/kb/topics/` to `<id>.toml`; `id` must match the file
   name and be lower-case words joined by `-`.
2. Fill in `title`, a plain `summary` (what a well-read editor would add, no labels),
   `last_checked`, a dated `timeline` (in date order) and at least one `references` entry
   (an official site, a treaty text, an encyclopedia). Every date must agree with a source.
3. Names: `aliases` always count; `{a|b}` lists alternatives ("Minsk {II|2}"). Names that
   are also ordinary places or words go in `weak_aliases` and count only when a word from
   every `near` group is in the same sentence (`window = "sentence+1"` adds the next one)
   and no `not_near` word is. `traps` are longer names that must never count
   ("Crimean War"); `case_sensitive` lists aliases that need their capitals ("RT").
4. Time: a `facts` entry says what was true between `valid_from` and `valid_to` (the first
   day it no longer holds), which phrase classes from `kb/cues.toml` present it as current
   (`framing`) and which show the writer knows it changed (`unless`), and `changed`, the
   sentence the note uses. An office topic lists `holders` with their terms instead.
   A timeline event may carry `since`, a plain clause saying what changed ("Russia
   recognised ... on 21 February 2022"): on an article older than the reader's date
   (`as_of`, today in the API) the note becomes `context-since` and opens with "Since this
   article was published, ..." followed by those clauses. On an undated text the same
   clauses are worded conditionally ("If this was written before February 2022, ..."), or
   `undated` gives the topic's own conditional sentence. An undated text that names office
   holders with their titles as current (from `kb/facts/offices.toml`) is placed in their
   terms, and the note says so. `counts_from`: a text written before this date (dated, or
   placed by those titles) cannot refer to the topic ("Russia's invasion" in 2014).
5. Descriptions that refer to the topic without naming it ("the September truce") go in an
   `[unnamed]` table: `phrases`, the `setting` words the text must use (at least
   `setting_min` distinct ones), `not_near` words of other settings that keep the paragraph
   quiet (a ceasefire in Gaza is not Minsk), the article dates it applies to
   (`valid_from`, `valid_to`) and `why`, which the note gives as its reason.
6. A place name spelled two ways (Kiev/Kyiv) is one row of `kb/spellings.toml`, not a topic
   file: `id`, `title`, `summary`, the spelling found (`aliases`), `preferred`, `traps`.
7. Add texts that must raise the topic and traps that must not to `tests/test_context.py`,
   test every dated fact on both sides of its date, bump `version` in `kb/kb.toml`, and run
   `python -m footnote.docgen.kb > docs/knowledge-base.md`.

## How to add a dated fact

Typed facts live in `server/footnote/data/kb/facts/`, one file per kind: `offices.toml`
(an `[[office]]` with its `titles` and `[[office.holder]]` tenures), `memberships.toml`
and `treaties.toml`. Every entry needs ISO dates and a `source` URL (an official page, a
treaty text, a record of the body). A tenure's `end` is the first day out of office; two
tenures of one office may overlap only when one is marked `acting = true`. The loader
refuses anything else, naming the file and the key. Move `checked` forward only after
checking that each office's list is complete up to that date.
"""

_EXAMPLE = """\
## A worked example

The text, undated: *"This includes, according to the official, a renewed commitment to the
Minsk agreements, which aim to resolve the conflict in Donbass through dialogue."*

1. The scan finds "Minsk agreements" (an alias of `minsk-agreements`) and "Donbass" (an
   alias of the spelling topic `donbas-spelling`, a row of `kb/spellings.toml`).
2. The fact "The Minsk agreements are in force" holds only until 22 February 2022. The
   phrase "renewed commitment to" (class `in-force`) frames the mention as current, and
   nothing nearby says the agreements ended (class `lapse`). The words are reported
   ("according to the official"), but the writer adds "which aim to" in their own relative
   clause, so a dated text gets `context-outdated` (warning); had only the official
   presented them as current, it would be `context-outdated-quoted` (caution).
3. With no date, the note is conditional: "If it was written on or after 22 February 2022,
   that was already out of date". Only when the text dates itself (an office holder named
   with a current title, "NATO Secretary General Mark Rutte") does it say so outright.
4. The same sentence dated 2019-06-01 gets `context-background` (info): on that date the
   agreements were in force. Read on a later date (`as_of`), it gets `context-since`,
   opening with "Since this article was published, the Minsk agreements lapsed: ...".
5. "Donbass" gets a `spelling` note (info) explaining the Ukrainian and Russian spellings.
"""


def render(kb: KnowledgeBase) -> str:
    out = [
        "# The knowledge base",
        "",
        "<!-- Generated by `python -m footnote.docgen.kb`; edit the data, not this file. -->",
        "",
        f"Version `{kb.version}`, checked as of {human_date(kb.as_of)}. The data lives in "
        "`server/footnote/data/kb/` and is validated when loaded: a malformed file stops the "
        "server with the file and field named. `GET /api/v1/topics` lists the same topics.",
        "",
        "## Topics covered",
        "",
        "| id | title | last checked | dated facts | references |",
        "|---|---|---|---|---|",
    ]
    for t in kb.topics.values():
        dated = len(t.facts) + len(t.holders)
        out.append(
            f"| `{t.id}` | {t.title} | {t.last_checked.isoformat()} | {dated} | "
            f"{len(t.references)} |"
        )
    out += ["", "## Topic details", ""]
    for t in kb.topics.values():
        out += [f"### {t.title} (`{t.id}`)", "", t.summary, ""]
        if t.aliases or t.weak_aliases:
            names = ", ".join(f'"{a}"' for a in t.aliases)
            out.append(f"- Names: {names or '(only weak names)'}")
            if t.weak_aliases:
                weak = ", ".join(f'"{a}"' for a in t.weak_aliases)
                out.append(f"- Names that need context words nearby: {weak}")
        if t.unnamed:
            phrases = ", ".join(f'"{a}"' for a in t.unnamed.phrases)
            out.append(f"- Unnamed references (only in its setting): {phrases}")
        for e in t.timeline:
            after = f" *Since then:* {e.since}." if e.since else ""
            out.append(f"- {e.when}: {e.event}{after}")
        for f in t.facts:
            until = human_date(f.valid_to) if f.valid_to else "today"
            since = human_date(f.valid_from) if f.valid_from else "the start"
            out.append(f'- Dated fact: "{f.statement}" holds from {since} until {until}.')
        for h in t.holders:
            until = f"until {human_date(h.valid_to)}" if h.valid_to else "in office"
            out.append(f"- Holder: {h.name}, from {human_date(h.valid_from)}, {until}.")
        for r in t.references:
            out.append(f"- Source: [{r.title}]({r.url})")
        out.append("")
    out += _facts(kb.facts)
    out += [
        "## State-affiliated outlets",
        "",
        "A note is added when the text uses one of these as a source or relay "
        '("according to TASS", "told RT", "Press TV reported"), or when the request\'s `url` '
        "is on one of their domains (the server never opens the address).",
        "",
        "| outlet | country | controlled by | domains |",
        "|---|---|---|---|",
    ]
    for o in kb.outlets:
        out.append(f"| {o.name} | {o.country} | {o.controlled_by} | {', '.join(o.domains)} |")
    out += [
        "",
        "## Institutions: names and acronyms",
        "",
        'A "Name (ABC)" pair is noted when ABC can be read off neither the name as written nor '
        "the official name of a known body with that acronym. Acronyms from another language "
        "fit their body.",
        "",
        "| acronym | official name | acronym from |",
        "|---|---|---|",
    ]
    for i in kb.institutions:
        acr = " / ".join(i.acronyms)
        out.append(f"| {acr} | {i.names[0]} | {i.language} |")
    out += [
        "",
        "## What is not covered",
        "",
        "- Only the topics above: anything else gets no background note, however important.",
        "- Names the scan does not know, and back-references beyond the same paragraph.",
        "- Facts the sources leave open are described as open: the status of UN Security "
        "Council Resolution 2231 after 18 October 2025 is disputed, and stylebook entries for "
        '"Donbas" at AP, the BBC and Reuters could not be confirmed.',
        "- Outlets not listed above, and state control that changes after `last_checked`.",
        "",
        _HOW_TO,
        _EXAMPLE.format(as_of=human_date(kb.as_of)),
    ]
    return "\n".join(out)


def _link(url: str) -> str:
    return f"[source]({url})"


def _facts(facts: Facts) -> list[str]:
    if not facts.offices and not facts.memberships and not facts.changes:
        return []
    if facts.checked is None:  # parse_facts sets it whenever there are facts
        raise ValueError("dated facts without a 'checked' date")
    counts = facts.counts()
    out = [
        "## Dated facts",
        "",
        f"{counts['office_holders']} office-holder tenures, {counts['memberships']} "
        f"memberships and {counts['treaty_changes']} treaty status changes, each with its "
        f"source, in `server/footnote/data/kb/facts/` (lists checked up to "
        f"{human_date(facts.checked)}). `GET /api/v1/facts` returns the same data.",
        "",
        'A title with a holder\'s name ("President Yanukovych", "German Chancellor Olaf '
        'Scholz") in an article dated outside every tenure of that name in that office gets '
        f"an `office-holder` note saying who held the office then. Within "
        f"{facts.grace_days} days of a tenure's start or end, the title stays quiet, and so "
        'do titles marked as past ("former", "then-", "under"), sentences about '
        "the past or with a year inside the tenure, names without a title and undated texts.",
        "",
        "### Office holders",
        "",
        "`until` is the first day out of office (the handover); no date means still in "
        "office when the list was checked.",
        "",
    ]
    for office in facts.offices:
        matched = "" if office.titles else " (listed, not matched: see offices.toml)"
        out += [f"#### {office.name}{matched}", "", "| holder | from | until | source |"]
        out.append("|---|---|---|---|")
        for t in office.holders:
            acting = " (acting)" if t.acting else ""
            until = human_date(t.end) if t.end else ""
            out.append(
                f"| {t.name}{acting} | {human_date(t.start)} | {until} | {_link(t.source)} |"
            )
        out.append("")
    out += [
        "### Memberships",
        "",
        "| body | member | from | until | source |",
        "|---|---|---|---|---|",
    ]
    for mb in facts.memberships:
        until = human_date(mb.end) if mb.end else ""
        out.append(
            f"| {mb.body} | {mb.member} | {human_date(mb.start)} | {until} | {_link(mb.source)} |"
        )
    out += [
        "",
        "### Treaty status changes",
        "",
        "| treaty | date | party | status | what happened | source |",
        "|---|---|---|---|---|---|",
    ]
    for c in facts.changes:
        planned = " (by the treaty's terms)" if c.scheduled else ""
        out.append(
            f"| {c.treaty} | {human_date(c.date)} | {c.party} | {c.status}{planned} | "
            f"{c.summary} | {_link(c.source)} |"
        )
    out.append("")
    return out


def main() -> int:
    sys.stdout.write(render(load_kb()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
