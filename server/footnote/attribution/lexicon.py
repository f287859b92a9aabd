"""The attribution stage's phrase classes, read once from data/attribution.toml."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .patterns import compile_phrases


def _words(value) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset(value.split())
    return frozenset(value)


@dataclass(frozen=True)
class Lexicon:
    verbs: frozenset[str]
    inverted: frozenset[str]
    document_only: frozenset[str]
    stance: frozenset[str]
    passive_by: frozenset[str]
    citing: frozenset[str]
    between: frozenset[str]
    stop_left: frozenset[str]
    determiners: frozenset[str]
    vague_quantifiers: frozenset[str]
    numbers: frozenset[str]
    addressees: frozenset[str]
    document_heads: frozenset[str]
    institution_heads: frozenset[str]
    person_heads: frozenset[str]
    document_backrefs: frozenset[str]
    broad_adjectives: frozenset[str]
    person_titles: frozenset[str]
    org_words: frozenset[str]
    places: frozenset[str]
    demonyms: frozenset[str]
    demonym_suffixes: tuple[str, ...]
    outlets: tuple[str, ...]
    cue_re: re.Pattern
    non_attribution_re: re.Pattern
    outlet_re: re.Pattern
    marker_re: re.Pattern
    reason_re: re.Pattern
    standalone_reason_re: re.Pattern


def build_lexicon(data: dict) -> Lexicon:
    cues, grammar, kinds = data["cues"], data["grammar"], data["kinds"]
    outlets, anonymity = data["outlets"], data["anonymity"]
    verbs = _words(cues["verbs"])
    cue_words = verbs | _words(cues["passive_by"]) | _words(cues["citing"])
    cue_re = compile_phrases(
        [*cue_words, "according to", "in the words of", "per", *cues["phrases"]]
    )
    names = tuple(outlets["names"])
    return Lexicon(
        verbs=verbs,
        inverted=_words(cues["inverted"]),
        document_only=_words(cues["document_only"]),
        stance=_words(cues["stance"]),
        passive_by=_words(cues["passive_by"]),
        citing=_words(cues["citing"]),
        between=_words(grammar["between"]),
        stop_left=_words(grammar["stop_left"]),
        determiners=_words(grammar["determiners"]),
        vague_quantifiers=_words(grammar["vague_quantifiers"]),
        numbers=_words(grammar["numbers"]),
        addressees=_words(grammar["addressees"]),
        document_heads=_words(kinds["document_heads"]),
        institution_heads=_words(kinds["institution_heads"]),
        person_heads=_words(kinds["person_heads"]),
        document_backrefs=_words(kinds["document_backrefs"]),
        broad_adjectives=_words(kinds["broad_adjectives"]),
        person_titles=_words(kinds["person_titles"]),
        org_words=_words(kinds["org_words"]),
        places=_words(kinds["places"]),
        demonyms=_words(kinds["demonyms"]),
        demonym_suffixes=tuple(kinds["demonym_suffixes"]),
        outlets=names,
        cue_re=cue_re,
        non_attribution_re=compile_phrases(cues["non_attributions"], lead="none"),
        # Outlet names are matched case-sensitively: "RT" is not "rt".
        outlet_re=compile_phrases(names, as_written=True),
        marker_re=compile_phrases(anonymity["markers"]),
        standalone_reason_re=compile_phrases(anonymity["standalone_reasons"]),
        reason_re=compile_phrases(anonymity["reasons"]),
    )


@cache
def load_lexicon() -> Lexicon:
    raw = (resources.files("footnote") / "data" / "attribution.toml").read_text(encoding="utf-8")
    return build_lexicon(tomllib.loads(raw))
