"""The attribution stage's words and phrase classes, read once from data/attribution.toml.

The loader checks every key against SCHEMA: an unknown or missing key, a value of the wrong
type or a word listed twice in one key raises LexiconDataError naming the file and the key.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .patterns import compile_phrases
from .schema import FILE, SCHEMA, LexiconDataError, read_data

__all__ = [
    "FILE",
    "SCHEMA",
    "Lexicon",
    "LexiconDataError",
    "build_lexicon",
    "load_lexicon",
    "read_data",
]


@dataclass(frozen=True, slots=True)
class Lexicon:
    # [abbreviations]
    abbreviations: frozenset[str]  # all, lower case: no sentence ends after them
    name_abbreviations: frozenset[str]  # as written: the tokens keep their full stop
    # [cues]
    verbs: frozenset[str]
    inverted: frozenset[str]
    document_only: frozenset[str]
    outlet_only: frozenset[str]
    claim_objects: frozenset[str]
    stance: frozenset[str]
    passive_by: frozenset[str]
    citing: frozenset[str]
    open_cues: frozenset[str]
    tell: frozenset[str]
    never_nouns: frozenset[str]
    not_bare: frozenset[str]
    # [grammar]
    articles: frozenset[str]
    between: frozenset[str]
    stop_left: frozenset[str]
    determiners: frozenset[str]
    vague_quantifiers: frozenset[str]
    numbers: frozenset[str]
    addressees: frozenset[str]
    person_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    pronouns: frozenset[str]  # person, group and thing pronouns: "he said", "said they"
    own_voice: frozenset[str]
    plural_verb_pronouns: frozenset[str]
    object_pronouns: frozenset[str]
    relativizers: frozenset[str]
    appositive_starters: frozenset[str]
    right_appositive_starters: frozenset[str]  # without "which"
    example_starters: frozenset[str]
    prepositions: frozenset[str]
    true_prepositions: frozenset[str]  # without "not", "who", "whose", "-", "("
    leading_prepositions: frozenset[str]  # without "close", "familiar"
    subordinators: frozenset[str]
    ending_participles: frozenset[str]
    noun_markers: frozenset[str]
    continue_verbs: frozenset[str]
    hurry_verbs: frozenset[str]
    clause_verbs: frozenset[str]
    right_breaks: frozenset[str]
    soft_breaks: frozenset[str]
    not_phrase_starts: frozenset[str]
    modals: frozenset[str]
    auxiliaries: frozenset[str]
    be_auxiliaries: frozenset[str]  # without "get", "got", "gets"
    copulas: frozenset[str]
    hypothetical: frozenset[str]
    negations: frozenset[str]
    connectives: frozenset[str]
    tail_starts: frozenset[str]
    not_adverbs: frozenset[str]
    not_speakers: frozenset[str]
    definite: frozenset[str]
    document_determiners: frozenset[str]
    # [kinds]
    document_heads: frozenset[str]
    institution_heads: frozenset[str]
    case_bodies: frozenset[str]
    person_heads: frozenset[str]
    person_words: frozenset[str]  # person_heads | person_titles, built once
    document_backrefs: frozenset[str]
    affiliated_experts: frozenset[str]
    story_groups: frozenset[str]
    title_qualifiers: frozenset[str]
    broad_adjectives: frozenset[str]
    person_titles: frozenset[str]
    org_words: frozenset[str]
    places: frozenset[str]
    place_bodies: frozenset[str]
    force_members: frozenset[str]
    force_words: frozenset[str]
    demonyms: frozenset[str]
    demonym_suffixes: tuple[str, ...]
    collectives: frozenset[str]
    company_nouns: frozenset[str]
    plural_nouns: frozenset[str]
    singular_nouns: frozenset[str]
    statement_nouns: frozenset[str]
    vague_determiners: frozenset[str]
    hearsay_nouns: frozenset[str]
    hearsay_modifiers: frozenset[str]
    common_noun_endings: tuple[str, ...]
    person_endings: tuple[str, ...]
    # the speaker gate and the forms of real copy (issue 11)
    commitments: frozenset[str]
    convened: frozenset[str]
    summoned: frozenset[str]
    strike_verbs: frozenset[str]
    strike_objects: frozenset[str]
    posted_results: frozenset[str]
    article_acts: frozenset[str]
    object_first: frozenset[str]
    as_saying: frozenset[str]
    document_participles: frozenset[str]
    indefinite: frozenset[str]
    some_view: frozenset[str]
    group_subjects: frozenset[str]
    group_heads: frozenset[str]
    contrast: frozenset[str]
    leader_nouns: frozenset[str]
    group_pronouns_as_heads: frozenset[str]
    clause_cues: frozenset[str]
    told_whom: frozenset[str]
    irregular_pasts: frozenset[str]
    adjective_endings: tuple[str, ...]
    noun_prepositions: frozenset[str]
    # [outlets]
    outlets: tuple[str, ...]
    own_reports: frozenset[str]
    handed_on_words: frozenset[str]
    media_words: frozenset[str]
    outlet_epithets: frozenset[str]
    outlet_aliases: tuple[tuple[str, ...], ...]
    # patterns
    cue_re: re.Pattern
    non_attribution_re: re.Pattern
    outlet_re: re.Pattern
    marker_re: re.Pattern
    reason_re: re.Pattern
    standalone_reason_re: re.Pattern
    passive_verb_re: re.Pattern  # "reported": found first, then "it is" looked for before it
    passive_it_re: re.Pattern  # "it is widely reported"
    view_noun_re: re.Pattern  # "'s view": found first, then "in" looked for before it
    in_view_re: re.Pattern  # "in the minister's view"
    said_noun_re: re.Pattern  # "'s allegations": found first, then its owner looked for
    owner_re: re.Pattern  # "Senator Ana Cole's allegations": a capitalised owner
    time_words: frozenset[str]
    handed_on_re: re.Pattern
    interview_re: re.Pattern
    channel_re: re.Pattern  # "in a Twitter post", "at a news briefing", "on Telegram"
    time_re: re.Pattern  # "on Monday", "last week", "in March": when, not who


def _alternatives(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words))


def _first_letter_either_case(phrase: str) -> str:
    rest = re.escape(phrase[1:]).replace(r"\ ", r"\s+")
    return f"[{phrase[0].upper()}{phrase[0].lower()}]{rest}"


def build_lexicon(data: dict, file: str = FILE) -> Lexicon:
    d = read_data(data, file)
    abbreviations, cues, grammar = d["abbreviations"], d["cues"], d["grammar"]
    kinds, outlets, anonymity = d["kinds"], d["outlets"], d["anonymity"]
    g = {k: frozenset(v) for k, v in grammar.items()}
    k = {key: frozenset(v) for key, v in kinds.items()}
    verbs = frozenset(cues["verbs"])
    cue_words = verbs | frozenset(cues["passive_by"]) | frozenset(cues["citing"])
    passive = _alternatives(cues["passive_it"])
    views = _alternatives(cues["view_nouns"])
    names = outlets["names"]
    return Lexicon(
        abbreviations=frozenset(
            w.lower() for w in abbreviations["before_names"] + abbreviations["other"]
        ),
        name_abbreviations=frozenset(abbreviations["before_names"]),
        verbs=verbs,
        inverted=frozenset(cues["inverted"]),
        document_only=frozenset(cues["document_only"]),
        outlet_only=frozenset(cues["outlet_only"]),
        claim_objects=frozenset(cues["claim_objects"]),
        stance=frozenset(cues["stance"]),
        passive_by=frozenset(cues["passive_by"]),
        citing=frozenset(cues["citing"]),
        open_cues=frozenset(cues["open"]),
        tell=frozenset(cues["tell"]),
        never_nouns=frozenset(cues["never_nouns"]),
        not_bare=frozenset(cues["not_bare"]),
        articles=g["articles"],
        between=g["between"],
        stop_left=g["stop_left"],
        determiners=g["determiners"],
        vague_quantifiers=g["vague_quantifiers"],
        numbers=g["numbers"],
        addressees=g["addressees"],
        person_pronouns=g["person_pronouns"],
        thing_pronouns=g["thing_pronouns"],
        pronouns=g["person_pronouns"] | g["group_pronouns"] | g["thing_pronouns"],
        own_voice=g["own_voice"],
        plural_verb_pronouns=g["plural_verb_pronouns"],
        object_pronouns=g["object_pronouns"],
        relativizers=g["relativizers"],
        appositive_starters=g["appositive_starters"],
        right_appositive_starters=g["appositive_starters"] - {"which"},
        example_starters=g["example_starters"],
        prepositions=g["prepositions"],
        true_prepositions=g["prepositions"] - {"not", "who", "whose", "-", "("},
        leading_prepositions=g["prepositions"] - {"close", "familiar"},
        subordinators=g["subordinators"],
        ending_participles=g["ending_participles"],
        noun_markers=g["noun_markers"],
        continue_verbs=g["continue_verbs"],
        hurry_verbs=g["hurry_verbs"],
        clause_verbs=g["clause_verbs"],
        right_breaks=g["right_breaks"],
        soft_breaks=g["soft_breaks"],
        not_phrase_starts=g["not_phrase_starts"],
        modals=g["modals"],
        auxiliaries=g["auxiliaries"],
        be_auxiliaries=g["auxiliaries"] - {"get", "got", "gets"},
        copulas=g["copulas"],
        hypothetical=g["hypothetical"],
        negations=g["negations"],
        connectives=g["connectives"],
        tail_starts=g["tail_starts"],
        not_adverbs=g["not_adverbs"],
        not_speakers=g["not_speakers"],
        definite=g["definite"],
        document_determiners=g["document_determiners"],
        document_heads=k["document_heads"],
        institution_heads=k["institution_heads"],
        case_bodies=k["case_bodies"],
        person_heads=k["person_heads"],
        person_words=k["person_heads"] | k["person_titles"],
        document_backrefs=k["document_backrefs"],
        affiliated_experts=k["affiliated_experts"],
        story_groups=k["story_groups"],
        title_qualifiers=k["title_qualifiers"],
        broad_adjectives=k["broad_adjectives"],
        person_titles=k["person_titles"],
        org_words=k["org_words"],
        places=k["places"],
        place_bodies=k["place_bodies"],
        force_members=k["force_members"],
        force_words=k["force_words"],
        demonyms=k["demonyms"],
        demonym_suffixes=kinds["demonym_suffixes"],
        collectives=k["collectives"],
        company_nouns=k["company_nouns"],
        plural_nouns=k["plural_nouns"],
        singular_nouns=k["singular_nouns"],
        statement_nouns=k["statement_nouns"],
        vague_determiners=k["vague_determiners"],
        hearsay_nouns=k["hearsay_nouns"],
        hearsay_modifiers=k["hearsay_modifiers"],
        common_noun_endings=kinds["common_noun_endings"],
        person_endings=kinds["person_endings"],
        commitments=frozenset(cues["commitments"]),
        convened=frozenset(cues["convened"]),
        summoned=frozenset(cues["summoned"]),
        strike_verbs=frozenset(cues["strike_verbs"]),
        strike_objects=frozenset(cues["strike_objects"]),
        posted_results=frozenset(cues["posted_results"]),
        article_acts=frozenset(cues["article_acts"]),
        object_first=frozenset(cues["object_first"]),
        as_saying=frozenset(cues["as_saying"]),
        document_participles=frozenset(cues["document_participles"]),
        indefinite=g["indefinite"],
        some_view=g["some_view"],
        group_subjects=g["group_subjects"],
        group_heads=g["group_heads"],
        contrast=g["contrast"],
        leader_nouns=g["leader_nouns"],
        group_pronouns_as_heads=g["group_pronouns_as_heads"],
        clause_cues=g["clause_cues"],
        told_whom=g["told_whom"],
        irregular_pasts=g["irregular_pasts"],
        adjective_endings=tuple(grammar["adjective_endings"]),
        noun_prepositions=g["noun_prepositions"],
        outlets=names,
        own_reports=frozenset(outlets["own_reports"]),
        handed_on_words=frozenset(outlets["handed_on"]),
        media_words=frozenset(outlets["media_words"]),
        outlet_epithets=frozenset(outlets["epithets"]),
        outlet_aliases=tuple(
            tuple(name.strip() for name in group.split("|")) for group in outlets["aliases"]
        ),
        cue_re=compile_phrases([*cue_words, *cues["open"], *cues["phrases"]]),
        non_attribution_re=compile_phrases(cues["non_attributions"], lead="none"),
        # Outlet names are matched case-sensitively: "RT" is not "rt"; a name listed with
        # "The" is also found after a lower-case "the" ("according to the Guardian"), except
        # "the Times", which a text uses for any Times it named before (the New York Times)
        outlet_re=compile_phrases(
            [*names, *("the" + n[3:] for n in names if n.startswith("The ") and n != "The Times")],
            as_written=True,
        ),
        marker_re=compile_phrases(anonymity["markers"]),
        standalone_reason_re=compile_phrases(anonymity["standalone_reasons"]),
        reason_re=compile_phrases(anonymity["reasons"]),
        passive_verb_re=re.compile(rf"(?:{passive})\b"),
        passive_it_re=re.compile(
            r"\b(?:[Ii]t|[Tt]his)(?:(?:\s+(?:is|was|has\s+been|had\s+been|have\s+been|is\s+being)"
            r"|['\u2019]s\s+being)\s+"
            rf"(?:\w+ly\s+)?(?:{passive})"
            # "It's understood": only the verbs that cannot read "it has ..." ("it's said
            # it will close" may be the firm speaking)
            r"|['\u2019]s\s+(?:\w+ly\s+)?(?:understood|thought|believed|rumou?red|speculated))\b"
        ),
        view_noun_re=re.compile(rf"'s\s+(?:{views})\b"),
        in_view_re=re.compile(
            rf"\b[Ii]n\s+((?:the\s+|[A-Z])[\w.-]*(?:\s+[\w.-]+){{0,5}}?)'s\s+(?:{views})\b"
        ),
        said_noun_re=re.compile(
            rf"'s\s+(?:(?:latest|recent|earlier|repeated)\s+)?(?:{_alternatives(cues['said_nouns'])})\b"
        ),
        owner_re=re.compile(
            r"(?<![\w.'-])((?:[A-Z][\w.'-]*\s+(?:(?:of|for)\s+(?:the\s+)?)?){0,5}[A-Z][\w.-]*)"
            rf"'s\s+(?:(?:latest|recent|earlier|repeated)\s+)?(?:{_alternatives(cues['said_nouns'])})\b"
        ),
        time_words=g["time_words"],
        handed_on_re=re.compile(rf"\b(?:{_alternatives(outlets['handed_on'])})\b"),
        interview_re=re.compile(
            "(?:"
            + "|".join(_first_letter_either_case(p) for p in sorted(outlets["interview_phrases"]))
            + r")\s+(?:the\s+)?"
        ),
        channel_re=_channel_re(g["channel_nouns"], grammar["platforms"]),
        time_re=re.compile(
            r"\s+(?:on|last|this|earlier|late|in|early)\s+(?:[Tt]he\s+)?(?:"
            + "|".join(w.capitalize() + "|" + w for w in sorted(g["time_words"]))
            + r")\b(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?(?:,?\s+\d{4}\b)?"  # "on December 11, 2023"
            + r"|\s+in\s+(?:1[89]|20)\d\d\b"  # "in 2016"
            + r"|\s+(?:yesterday|today|tonight)\b"  # "an update yesterday"
        ),
    )


def _channel_re(nouns, platforms) -> re.Pattern:
    """A trailing 'in a Twitter post', 'at a news briefing', 'on Telegram': how or where the
    speaker spoke, not who."""
    noun = "|".join(sorted(map(re.escape, nouns), key=len, reverse=True))
    place = "|".join(sorted(map(re.escape, platforms), key=len, reverse=True))
    return re.compile(
        r"\s+(?:(?:in|during|via|through|at)\s+(?:a|an|the|his|her|their|its)\s+"
        rf"(?:[\w'-]+\s+){{0,3}}?(?:{noun})s?|on\s+(?:{place}))\b"
    )


@cache
def load_lexicon() -> Lexicon:
    raw = (resources.files("footnote") / "data" / FILE).read_text(encoding="utf-8")
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as e:
        raise LexiconDataError(f"{FILE}: {e}") from e
    return build_lexicon(data)
