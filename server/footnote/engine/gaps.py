"""Gaps stage: where the "says who?" is missing or weak.

Per source: an unnamed source with no reason for its anonymity, a vague group, a
second-hand relay. Per text: settings nobody can check, a story resting mostly on unnamed
sources, a text with no source at all, and claims stated as fact with no source (claims.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .attribution.lexicon import load_lexicon
from .attribution.patterns import compile_phrases, starts_word
from .claims import find_unattributed_claims
from .datafiles import read_data
from .model import Attribution, Document, Finding, Source

ANONYMOUS = ("unnamed_individual", "vague_group")


@dataclass(frozen=True)
class GapRules:
    setting_re: re.Pattern
    min_anonymous: int
    min_share: float
    min_words: int
    offices: frozenset[str]


@cache
def load_gap_rules() -> GapRules:
    data = read_data("gaps.toml")
    return GapRules(
        setting_re=compile_phrases(data["settings"]["phrases"], lead="none"),
        min_anonymous=int(data["mostly_unnamed"]["min_anonymous"]),
        min_share=float(data["mostly_unnamed"]["min_share"]),
        min_words=int(data["no_sources"]["min_words"]),
        offices=frozenset(data["offices"]["words"].split()),
    )


def short_mention(mention: str) -> str:
    """The head of a mention, without its appositive or relative clause."""
    head = re.split(r",|\s(?:who|whose|which|speaking)\s", mention, maxsplit=1)[0].strip()
    return head or mention


def find_gaps(
    doc: Document, sources: tuple[Source, ...], attributions: tuple[Attribution, ...]
) -> list[Finding]:
    rules = load_gap_rules()
    findings: list[Finding] = []
    for s in sources:
        mention = short_mention(s.mention)
        if (
            s.kind == "unnamed_individual"
            and not s.anonymity_reason
            and not (identified_by_office(mention) and not _hidden_group(s))
        ):
            findings.append(
                Finding("anonymous-no-reason", s.start, s.end, {"mention": mention}, source_id=s.id)
            )
        elif s.kind == "vague_group":
            findings.append(
                Finding("vague-source", s.start, s.end, {"mention": mention}, source_id=s.id)
            )
        if s.relayed_by:
            findings.append(
                Finding("second-hand", s.start, s.end, {"relay": s.relayed_by}, source_id=s.id)
            )
    findings += _settings(doc, rules)
    findings += _mostly_unnamed(sources, rules)
    attributed = frozenset(a.sentence for a in attributions)
    claims = find_unattributed_claims(doc, attributed)
    findings += claims
    # A notice or announcement in its own name needs no source; a text that argues does.
    if not sources and claims and len(doc.text.split()) >= rules.min_words:
        findings.append(Finding("no-sources", None, None, {}))
    return findings


_SPOKES = r"spokes(?:person|man|woman)"
_SPOKESPERSON = re.compile(
    rf"^(?:a|an|the)\s+(?:(?:\w+\s+){{0,4}}{_SPOKES}(?:\s+(?:for|of|at|from)\s+\S.*)?"
    rf"|(?:\w+\s+)?{_SPOKES}\s+(?:for|of|at|from)\s+\S.*)$",
    re.IGNORECASE,
)


def identified_by_office(mention: str) -> bool:
    """'the mayor', 'a spokeswoman for the ministry': one person speaking for an office the
    reader can look up is not an anonymous source."""
    rules = load_gap_rules()
    head = short_mention(mention)
    words = head.lower().split()
    if _SPOKESPERSON.match(head):
        return True
    if 0 < len(words) <= 4 and words[0] in {"the", "our"} and words[-1] in rules.offices:
        return True
    if (
        0 < len(words) <= 3
        and head[:1].isupper()
        and words[-1] in rules.offices
        and words[0] not in _DETERMINERS
    ):
        return True  # "Chinese statistics chief said": journalese, a role with no article
    if story_group(head):
        return True
    return _office_of_a_named_body(head, rules.offices) or _office_of_a_body_named_before(
        head, rules.offices
    )


def _hidden_group(s: Source) -> bool:
    """A group known by its role that asked not to be named ("the villagers, who spoke on
    condition of anonymity") is anonymous after all."""
    return s.anonymity_requested and story_group(s.mention)


def story_group(mention: str) -> bool:
    """'the officers', 'the researchers', 'both sides': people the story has placed by the
    part they play in it, not anonymous sources."""
    words = short_mention(mention).lower().split()
    return (
        0 < len(words) <= 3
        and words[0] in {"the", "both"}
        and words[-1] in load_lexicon().story_groups
    )


_DETERMINERS = frozenset({"a", "an", "one", "another", "some", "two", "three", "several"})

_OFFICE_OF = re.compile(
    r"^the\s+(?:[\w-]+\s+){0,2}?(\w[\w-]*)\s+(?:of|at|for)\s+(?:the\s+)?[A-Z]"
    r"|^the\s+[\w\s-]*?'s\s+(?:[\w-]+\s+){0,2}?(\w[\w-]*)(?:\s+of\s+\w+)?$"
)


def _office_of_a_named_body(head: str, offices: frozenset[str]) -> bool:
    """'the head of the Arctic Council', "the prime minister's chief of staff": one office
    of a body the reader can name, which a reader can look up."""
    head = head.strip()
    if head.startswith("The "):
        head = "the " + head[4:]
    m = _OFFICE_OF.match(head)
    if m is None or len(head.split()) > 9:
        return False
    office = (m.group(1) or m.group(2) or "").lower()
    return office in offices


_OFFICE_OF_BODY = re.compile(r"^the\s+(\w[\w-]*)\s+of\s+(?:the|its|their)\s+(\w[\w-]*)$")


def _office_of_a_body_named_before(head: str, offices: frozenset[str]) -> bool:
    """'the head of the commission', 'the chairman of the board': one office of a body the
    story has named, which a reader can look up."""
    m = _OFFICE_OF_BODY.match(head.strip().lower())
    if m is None:
        return False
    return m.group(1) in offices and m.group(2) in load_lexicon().institution_heads


def _settings(doc: Document, rules: GapRules) -> list[Finding]:
    out = []
    for m in rules.setting_re.finditer(doc.norm):
        if not starts_word(doc.norm, m.start()) or doc.in_quote(m.start(), m.end()):
            continue  # the speaker's words, not the writer's account of where they were said
        out.append(Finding("unverifiable-setting", m.start(), m.end(), {"setting": m.group()}))
    return out


def _mostly_unnamed(sources: tuple[Source, ...], rules: GapRules) -> list[Finding]:
    # office holders and groups known by their part in the story are unnamed, not anonymous
    # (the summary counts them the same way)
    anonymous = [s for s in sources if s.kind in ANONYMOUS and not identified_by_office(s.mention)]
    if len(anonymous) < rules.min_anonymous or len(anonymous) <= rules.min_share * len(sources):
        return []
    no_reason = sum(1 for s in anonymous if not s.anonymity_reason)
    # Unnamed sources that say why are what careful reporting looks like: caution, not
    # warning, and only information when every one of them says why.
    if no_reason == 0:
        severity = "info"
    else:
        severity = "warning" if no_reason * 2 >= len(anonymous) else "caution"
    if no_reason == len(anonymous):
        reasons = "none of them says why"
    elif no_reason == 0:
        reasons = "each of them says why"
    else:
        reasons = f"{no_reason} of them give no reason"
    params = {"anonymous": len(anonymous), "total": len(sources), "reasons": reasons}
    return [Finding("mostly-unnamed", None, None, params, severity=severity)]
