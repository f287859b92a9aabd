"""The schema of data/attribution.toml and the checks that read it: an unknown or missing
key, a value of the wrong type or a word listed twice in one key raises LexiconDataError
naming the file and the key."""

from __future__ import annotations

FILE = "attribution.toml"

# The value types: "words" is a string of words separated by whitespace or a list of single
# words; "phrases" is a list of strings, each a word or several.
SCHEMA: dict[str, dict[str, str]] = {
    "abbreviations": {"before_names": "words", "other": "words"},
    "cues": {
        "verbs": "words",
        "inverted": "words",
        "stance": "words",
        "document_only": "words",
        "outlet_only": "words",
        "claim_objects": "words",
        "phrases": "phrases",
        "passive_by": "words",
        "citing": "words",
        "non_attributions": "phrases",
        "open": "phrases",
        "passive_it": "words",
        "view_nouns": "words",
        "said_nouns": "words",
        "tell": "words",
        "never_nouns": "words",
        "not_bare": "words",
        "commitments": "words",
        "convened": "words",
        "summoned": "words",
        "strike_verbs": "words",
        "strike_objects": "words",
        "posted_results": "words",
        "article_acts": "words",
        "object_first": "words",
        "as_saying": "words",
        "document_participles": "words",
    },
    "grammar": {
        k: "words"
        for k in (
            "articles between stop_left determiners vague_quantifiers numbers addressees "
            "person_pronouns "
            "group_pronouns thing_pronouns own_voice plural_verb_pronouns object_pronouns "
            "relativizers appositive_starters example_starters prepositions subordinators "
            "ending_participles noun_markers continue_verbs hurry_verbs clause_verbs "
            "right_breaks soft_breaks not_phrase_starts modals auxiliaries copulas hypothetical "
            "negations connectives tail_starts not_adverbs not_speakers definite "
            "document_determiners adjective_endings noun_prepositions channel_nouns time_words "
            "indefinite "
            "some_view group_subjects group_heads contrast leader_nouns group_pronouns_as_heads "
            "clause_cues told_whom irregular_pasts"
        ).split()
    }
    | {"platforms": "phrases"},
    "kinds": {
        k: "words"
        for k in (
            "document_heads institution_heads person_heads document_backrefs broad_adjectives "
            "person_titles org_words places demonyms collectives company_nouns plural_nouns "
            "singular_nouns statement_nouns vague_determiners hearsay_nouns hearsay_modifiers "
            "affiliated_experts story_groups title_qualifiers case_bodies place_bodies "
            "force_members force_words"
        ).split()
    }
    | {
        "demonym_suffixes": "phrases",
        "common_noun_endings": "phrases",
        "person_endings": "phrases",
    },
    "outlets": {
        "names": "phrases",
        "own_reports": "words",
        "handed_on": "words",
        "interview_phrases": "phrases",
        "media_words": "words",
        "epithets": "words",
        "aliases": "phrases",
    },
    "anonymity": {"markers": "phrases", "standalone_reasons": "phrases", "reasons": "phrases"},
}


class LexiconDataError(ValueError):
    """A data file that does not match its schema; the message names the file and key."""


def _words(where: str, value) -> tuple[str, ...]:
    if isinstance(value, str):
        words = tuple(value.split())
    elif isinstance(value, list) and all(isinstance(w, str) and w.split() == [w] for w in value):
        words = tuple(value)
    else:
        raise LexiconDataError(f"{where}: expected words (a string or a list of single words)")
    return _unique(where, words)


def _phrases(where: str, value) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(p, str) and p.strip() for p in value):
        raise LexiconDataError(f"{where}: expected a list of non-empty strings")
    return _unique(where, tuple(value))


def _unique(where: str, items: tuple[str, ...]) -> tuple[str, ...]:
    if not items:
        raise LexiconDataError(f"{where}: empty")
    seen: set[str] = set()
    twice: set[str] = set()
    for w in items:
        (twice if w in seen else seen).add(w)
    if twice:
        raise LexiconDataError(f"{where}: listed twice: {', '.join(sorted(twice))}")
    return items


def read_data(data: dict, file: str = FILE) -> dict[str, dict[str, tuple[str, ...]]]:
    """Every section and key of `data` checked against SCHEMA, values as tuples of strings."""
    unknown = sorted(set(data) - set(SCHEMA))
    if unknown:
        raise LexiconDataError(f"{file}: unknown section [{unknown[0]}]")
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for section, keys in SCHEMA.items():
        table = data.get(section)
        if not isinstance(table, dict):
            raise LexiconDataError(f"{file}: missing section [{section}]")
        extra = sorted(set(table) - set(keys))
        if extra:
            raise LexiconDataError(f"{file}: [{section}] {extra[0]}: unknown key")
        out[section] = {}
        for key, kind in keys.items():
            where = f"{file}: [{section}] {key}"
            if key not in table:
                raise LexiconDataError(f"{where}: missing")
            read = _words if kind == "words" else _phrases
            out[section][key] = read(where, table[key])
    return out
