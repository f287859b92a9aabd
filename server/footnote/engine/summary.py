"""Summary stage: one plain sentence (two at most) and the counts behind it."""

from __future__ import annotations

from .gaps import identified_by_office, story_group
from .model import SOURCE_KINDS, Note, Source

KIND_ORDER = SOURCE_KINDS
ANONYMOUS = ("unnamed_individual", "vague_group")
_KIND_WORDS = {
    "named_person": ("named person", "named people"),
    "named_organization": ("named organization", "named organizations"),
    "unnamed_individual": ("unnamed individual", "unnamed individuals"),
    "vague_group": ("vague group", "vague groups"),
    "document": ("document", "documents"),
}


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summarize(sources: tuple[Source, ...], notes: tuple[Note, ...], tone: str | None = None):
    by_kind: dict[str, int] = {k: sum(1 for s in sources if s.kind == k) for k in KIND_ORDER}
    # an office holder ("the mayor", "a spokeswoman for the ministry") is unnamed, not anonymous
    known = [s for s in sources if s.kind in ANONYMOUS and identified_by_office(s.mention)]
    groups = [s for s in known if story_group(s.mention)]
    offices = [s for s in known if s not in groups]
    anonymous = [s for s in sources if s.kind in ANONYMOUS and s not in known]
    with_reason = sum(1 for s in anonymous if s.anonymity_reason)
    if not sources:
        headline = "No sources found: the text does not say where its information comes from."
    else:
        # the headline's counts agree with its sentence on anonymity: office holders are
        # counted as such, not among the unnamed individuals it calls anonymous
        shown = dict(by_kind)
        for s in known:
            shown[s.kind] -= 1
        parts = [_plural(n, *_KIND_WORDS[k]) for k, n in shown.items() if n]
        if offices:
            parts.append(_plural(len(offices), "office holder", "office holders"))
        if groups:
            parts.append(
                _plural(len(groups), "group known by its role", "groups known by their role")
            )
        headline = f"{_plural(len(sources), 'source', 'sources')}: {', '.join(parts)}."
        if anonymous:
            total = len(anonymous)
            if with_reason == 0:
                if total == 1:
                    headline += " The one anonymous source does not say why it is anonymous."
                else:
                    headline += f" None of the {total} anonymous sources says why it is anonymous."
            elif with_reason == total:
                headline += (
                    " The anonymous source says why it is anonymous."
                    if total == 1
                    else f" All {total} anonymous sources say why they are anonymous."
                )
            else:
                verb = "says" if with_reason == 1 else "say"
                headline += (
                    f" {with_reason} of the {total} anonymous sources {verb} why"
                    f" {'it is' if with_reason == 1 else 'they are'} anonymous."
                )
    counts: dict[str, int] = {
        "sources": len(sources),
        **by_kind,
        "anonymous": len(anonymous),
        "anonymous_with_reason": with_reason,
        "relayed": sum(1 for s in sources if s.relayed_by),
        "notes": len(notes),
        "warning": sum(1 for n in notes if n.severity == "warning"),
        "caution": sum(1 for n in notes if n.severity == "caution"),
        "info": sum(1 for n in notes if n.severity == "info"),
    }
    return headline, counts, tone
