"""Classifying a speaker phrase: named person or organisation, document, unnamed
individual or vague group, from its head noun and the names in it."""

from __future__ import annotations

import re

from ..model import SourceKind
from .lexicon import Lexicon
from .names import office_of_body_then_name, proper_body, role_then_name
from .outlets import ends_with, outlet_in
from .phrases import is_name_tok, plural_form, skip_between_left
from .tokens import SentenceIndex, Tok, is_number, memo


def head_noun_of(ix: SentenceIndex, span, lex: Lexicon) -> str:
    """The head noun of a phrase's first chunk: 'a set of diplomatic cables' -> 'cables'."""
    return memo(ix.heads, (span[0], span[1]), lambda: _find_head_noun(ix, span, lex))


def _close_as_adjective(words, k: int) -> bool:
    """'a close friend', 'a close source': "close" before its noun is an adjective; only
    "close to" begins a modifier ("sources close to the talks")."""
    return words[k].lower == "close" and (k + 1 >= len(words) or words[k + 1].lower != "to")


def _participle_form(low: str) -> bool:
    """'leaked', 'written', 'shown', 'sent': a participle (before its noun after a
    determiner it describes the noun: "the leaked memo")."""
    return low.endswith(("ed", "en", "wn")) or low in {"sent", "held"}


def _find_head_noun(ix: SentenceIndex, span, lex: Lexicon) -> str:
    words = ix.tokenize(span[0], span[1])
    head = ""
    k = 0
    while k < len(words):
        w = words[k]
        low = w.lower
        participle = (
            k > 0
            and w.text.islower()
            and (
                low.endswith("ed")
                or (
                    low.endswith("ing")
                    and low not in lex.institution_heads  # "the army's press wing"
                    and (
                        is_plural(head, lex)
                        or head in lex.person_heads
                        or head in lex.institution_heads
                    )
                )
            )
            and not words[k - 1].lower.endswith("ly")
            and words[k - 1].lower not in lex.determiners
            # "Ukraine's armed forces": after an owner the participle describes the noun
            and not words[k - 1].lower.endswith(("'s", "\u2019s", "s'"))
            # "two unidentified people", "several retired generals": an adjective after a count
            and words[k - 1].lower not in lex.numbers
            and not words[k - 1].text.isdigit()
        )
        if k > 0 and (
            w.text in {",", "("}
            or (
                w.text in lex.prepositions
                and not _close_as_adjective(words, k)
                # "the leaked memo", "the written statement": a participle before its noun
                and not (words[k - 1].lower in lex.determiners and _participle_form(low))
            )
            or w.text in lex.relativizers
            or participle
        ):
            if low == "of" and head in lex.collectives:
                k += 1
                head = ""
                continue
            after = _name_of_body_then_noun(words, k, lex)
            if after is not None:
                k = after  # "a Ministry of Defence official": the official, not the ministry
                continue
            break
        if low.endswith("'s") or low.endswith("s'"):
            head = ""
            k += 1
            continue
        if w.text.isalnum() or "-" in w.text or "'" in w.text:
            head = low
        k += 1
    return head


def _name_of_body_then_noun(words, k: int, lex: Lexicon) -> int | None:
    """Where the noun after a capitalised 'X of Y' name starts ('a Ministry of Defence
    official', 'a Bank of England spokesman'): the index of that lower-case person, body or
    document noun, or None when the 'of' at k opens an ordinary modifier."""
    if words[k].lower != "of" or not words[k - 1].cap:
        return None
    j = k + 1
    if j < len(words) and words[j].lower == "the":
        j += 1
    start = j
    while j < len(words) and words[j].cap and words[j].text.isalpha():
        j += 1
    if j == start or j >= len(words) or not words[j].text.islower():
        return None
    low = words[j].lower
    if low in lex.person_heads or low in lex.institution_heads or low in lex.document_heads:
        return j
    return None


def classify(
    ix: SentenceIndex, span: tuple[int, int], lex: Lexicon, sentence_start: int
) -> SourceKind:
    """The kind of source a speaker phrase names (once per span and analysis)."""
    key = (span[0], span[1], sentence_start)
    return memo(ix.kinds, key, lambda: _classify(ix, span, lex, sentence_start))


def _classify(
    ix: SentenceIndex, span: tuple[int, int], lex: Lexicon, sentence_start: int
) -> SourceKind:
    toks = _without_inner_brackets(ix.tokenize(span[0], span[1]))
    if not toks:
        return "vague_group"
    if (
        len(toks) in (2, 3)
        and toks[0].lower == "the"
        and toks[-1].lower in _PAIRS
        and all(t.text.islower() and t.text.isalpha() for t in toks[1:-1])
    ):
        return "named_person"  # "the (former) couple said": the two the story is about
    if any(t.text == "&" for t in toks) and all(t.cap or t.text == "&" for t in toks):
        return "named_organization"  # "Life & Style", "Marks & Spencer": no person's name
    owned = next(
        (
            k
            for k in range(1, len(toks) - 1)
            if toks[k].lower == "and" and toks[k + 1].lower in {"his", "her", "their"}
        ),
        None,
    )
    if owned is not None:  # "Ana Ruiz and her allies": whoever the owner is
        return classify(ix, (toks[0].start, toks[owned - 1].end), lex, sentence_start)
    pre, appositive = _chunks(toks, lex)
    head_noun = head_noun_of(ix, span, lex)
    by_shape = _kind_by_shape(ix, span, toks, pre, head_noun, lex, sentence_start)
    if by_shape is not None:
        return by_shape
    name = _name_reading(has_name(pre, lex, sentence_start, ix), pre, head_noun, appositive, lex)
    if name is None and _name_closes_the_role(toks, len(pre), head_noun, lex):
        name = "person"  # "head of the field team Pavel Orlov": the holder after the role
    after = toks[len(pre)].lower if len(toks) > len(pre) else ""
    if head_noun in lex.person_heads and after in _PEOPLE_AFTER:
        return _described_kind(pre, name, head_noun, lex)  # "figures close to the pact"
    return _named_kind(ix, name, head_noun, appositive, lex) or _described_kind(
        pre, name, head_noun, lex
    )


def _name_closes_the_role(toks: list[Tok], cut: int, head_noun: str, lex: Lexicon) -> bool:
    """'head of the field team Pavel Orlov', 'leader of the expedition's field stage Nikolai
    Yurkevich of the Institute': a singular role with a phrase after it, then a personal name
    of two or three words right after a lower-case noun (not after "of", which makes it a
    body's name: "head of the Ministry of Foreign Affairs"), before the end or a preposition."""
    if head_noun not in lex.person_words or is_plural(head_noun, lex) or cut >= len(toks):
        return False
    if toks[cut].lower not in {"of", "at", "for"} or any(t.text == "," for t in toks):
        return False
    k = cut + 1
    while k < len(toks):
        t = toks[k]
        if t.cap and k > 0 and toks[k - 1].text.islower() and toks[k - 1].text.isalpha():
            j = k
            while j < len(toks) and j - k < 4 and is_name_tok(toks[j]):
                low = toks[j].lower
                if low in lex.org_words or low in lex.places or is_demonym(low, lex):
                    return False
                j += 1
            ends = j == len(toks) or toks[j].lower in lex.prepositions
            return (
                2 <= j - k <= 3
                and ends
                and toks[k - 1].lower not in lex.prepositions
                and toks[k - 1].lower not in lex.determiners
            )
        k += 1
    return False


def _without_inner_brackets(toks: list[Tok]) -> list[Tok]:
    """'Director General of Police (Crime) Ana Ruiz': a short bracketed aside inside a title
    is left out, so that the title still runs into the name; one at the end stays ("the
    Central Election Commission (CEC)")."""
    for k, t in enumerate(toks):
        if t.text == "(":
            close = next(
                (j for j in range(k + 1, min(len(toks), k + 6)) if toks[j].text == ")"), None
            )
            if close is not None and close + 1 < len(toks) and toks[close + 1].cap:
                return toks[:k] + toks[close + 1 :]
            break
    return toks


def _kind_by_shape(
    ix: SentenceIndex,
    span: tuple[int, int],
    toks: list[Tok],
    pre: list[Tok],
    head_noun: str,
    lex: Lexicon,
    sentence_start: int,
) -> SourceKind | None:
    """The kind when the phrase's shape alone decides it, else None."""
    if _outlet_in_own_name(ix.norm, span, pre, head_noun, lex) or proper_body(toks):
        return "named_organization"  # "a report by RIA Novosti", "The Court of Appeal"
    if len(pre) >= 2 and pre[-1].cap and pre[-1].lower in lex.place_bodies and pre[-2].cap:
        return "named_organization"  # "Liaoning Province", "Orange County": a place's body
    comma = next((k for k, t in enumerate(toks) if t.text == ","), len(toks))
    document = head_noun in lex.document_heads  # "a document from agents Hale Ruiz"
    if not document and role_then_name(toks[:comma], lex):
        return "named_person"  # "State Department spokesperson Mary Stone"
    if not document and office_of_body_then_name(toks[:comma], lex):
        return "named_person"  # "chairman of the Harbour Affairs Committee Ana Ruiz"
    if comma < len(toks) and head_noun not in lex.institution_heads:
        end = next((k for k in range(comma + 1, len(toks)) if toks[k].text == ","), len(toks))
        if role_then_name(toks[comma + 1 : end], lex):
            return "named_person"  # "The jury's chair, the critic Ana Berg": named after all
    if (
        (head_noun == "media" or head_noun in lex.media_words)
        and pre[0].lower in {"its", "their"}
        and any(t.lower == "state" for t in pre)
    ):
        return "named_organization"  # "its state media": the named country's outlets
    if head_noun in lex.document_heads and _by_a_named_body(toks, len(pre), lex):
        return "document"  # "the reports by the Ministry of Health": that body's reports
    if head_noun in lex.hearsay_nouns and all(
        t.lower == head_noun
        or t.lower in lex.hearsay_modifiers
        or t.lower in lex.determiners
        or is_demonym(t.lower, lex)
        for t in pre
    ):
        return "vague_group"  # "reports said", "local media reports": no one named
    if (
        len(toks) == 1
        and toks[0].cap
        and toks[0].start > sentence_start
        and toks[0].text.isalpha()
        and toks[0].lower in lex.person_heads
    ):
        return "named_organization"  # "according to People": a title, not people
    if any(t.lower in _SURVEYED for t in toks[1:]):
        return "document"  # "29 economists surveyed by Bloomberg": a survey
    if head_noun in _PRESS_STAFF and any(
        t.lower in lex.institution_heads or t.lower in {"communications", "press", "media"}
        for t in pre[:-1]
    ):
        return "named_organization"  # "Police communications staff": the body's press office
    if (
        _experts_at_a_named_body(toks, pre, head_noun, lex)
        or _experts_of_an_acronym(pre, head_noun, lex)
        or _capitalised_title_of_a_body(toks, pre, lex)
    ):
        return "named_organization"  # "Researchers at Lakeside University", "Joint Chiefs"
    return None


def _by_a_named_body(toks: list[Tok], cut: int, lex: Lexicon) -> bool:
    """'... by the Ministry of Health', '... from Harbour Police': the words after the
    head name the body that made them ('reports from Lagos' say only where they come
    from)."""
    if cut + 1 >= len(toks) or toks[cut].lower not in {"by", "from"}:
        return False
    k = cut + 2 if toks[cut + 1].lower == "the" and cut + 2 < len(toks) else cut + 1
    run: list[Tok] = []
    while k < len(toks) and len(run) < 6 and (toks[k].cap or toks[k].lower in _BODY_JOINERS):
        run.append(toks[k])
        k += 1
    return any(
        t.lower in lex.org_words or t.lower in lex.institution_heads or t.text.isupper()
        for t in run
    )


def _name_reading(
    name: str | None, pre: list[Tok], head_noun: str, appositive: list[Tok], lex: Lexicon
) -> str | None:
    """The name reading corrected by the phrase around it: a person's name only where
    nothing says it is a body, and a name that only describes someone is no name."""
    if name != "person":
        return name
    if head_noun in lex.institution_heads and pre[-1].text.islower():
        return "org"  # "Nigeria's central bank": a capitalised owner, an institution as head
    if any(
        t.text.islower() and (t.lower in lex.media_words or t.lower in lex.company_nouns)
        for t in pre
    ):
        return "org"  # "the daily newspaper Severny Vestnik", "the carrier Nordwind Air"
    if any(
        t.lower == "and" and 0 < k < len(pre) - 1 and pre[k - 1].cap and pre[k + 1].cap
        for k, t in enumerate(pre)
    ):
        return "org"  # "Daily Telegraph and Sun": names joined by "and" are no one person
    if _the_and_capitals(pre, lex):
        return "org"  # "the Sunday Independent", "the Harbour Panel": a person takes no "the"
    first = pre[0].lower
    if (
        (first in lex.indefinite or first in lex.numbers)
        and pre[-1].text.islower()
        and not appositive
    ):
        return None  # "one Lakeside teacher", "a Pentagon official": a name only describes
    return name


_SURVEYED = frozenset({"surveyed", "polled", "canvassed"})
# After a noun that names people or numbers ("figures"), words that show it is people.
_PAIRS = frozenset({"couple", "pair", "duo"})
_PEOPLE_AFTER = frozenset({"connected", "close", "familiar", "who", "involved"})
_PRESS_STAFF = frozenset({"staff", "spokespeople", "spokespersons", "spokesmen", "spokeswomen"})
_BODY_JOINERS = frozenset({"of", "the", "and", "for", "&"})
_BODY_ENDS = frozenset({",", "(", "in", "on", "who", "which", "that", "whose"})


def _capitalised_title_of_a_body(toks: list[Tok], pre: list[Tok], lex: Lexicon) -> bool:
    """'Joint Chiefs of Staff', 'Doctors Without Borders': a plural person noun written with
    a capital inside a capitalised name (not the first word of the phrase) names a body."""
    head = pre[-1]
    if len(pre) < 2 or not head.cap or not is_plural(head.lower, lex):
        return False
    if head.lower not in lex.person_heads and head.lower.rstrip("s") not in lex.person_titles:
        return False
    before = pre[-2]
    return (
        before.cap
        and before.text.isalpha()
        and before.lower not in lex.determiners
        and before.lower not in lex.broad_adjectives
        and not is_demonym(before.lower, lex)
        and before.lower not in lex.places
    )


def _experts_of_an_acronym(pre: list[Tok], head_noun: str, lex: Lexicon) -> bool:
    """'ING analysts', 'IMF economists', 'NASA scientists': experts speaking for the body
    whose initials stand before them. Not a place or a people ('US analysts', 'UK experts')
    and not a capitalised word that is not initials ('Wall Street analysts')."""
    if head_noun not in lex.affiliated_experts or not is_plural(head_noun, lex):
        return False
    if len(pre) != 2 or pre[1].lower != head_noun:
        return False
    body = pre[0].text.replace(".", "")
    return (
        2 <= len(body) <= 6
        and body.isupper()
        and body.isalpha()
        and body not in _COUNTRY_INITIALS
        and body.lower() not in lex.places
        and not is_demonym(body.lower(), lex)
    )


_COUNTRY_INITIALS = frozenset({"US", "USA", "UK", "GB", "UAE", "DPRK", "PRC", "ROK", "DRC"})


def _experts_at_a_named_body(toks: list[Tok], pre: list[Tok], head_noun: str, lex: Lexicon) -> bool:
    """'Researchers at Lakeside University', 'economists from the Harbour Bank': experts
    speaking for a body the text names. Not 'some researchers at ...' (still vague), not a
    counted few ('two doctors at ...'), not 'experts from Western countries' (no body)."""
    if (
        head_noun not in lex.affiliated_experts
        or not is_plural(head_noun, lex)
        or len(toks) < len(pre) + 2
        or toks[len(pre)].lower not in {"at", "from", "with", "of"}
        or pre[0].lower in lex.vague_quantifiers | lex.vague_determiners
        or any(t.lower in lex.numbers or is_number(t.text) for t in pre)
    ):
        return False
    body = []
    for t in toks[len(pre) + 1 :]:
        if t.lower in _BODY_ENDS:
            break
        if not (t.cap and t.text[:1].isalpha() or t.lower in _BODY_JOINERS or t.text == "'s"):
            return False  # "experts from Western countries": a lower-case noun, no name
        body.append(t)
    named = [t for t in body if t.cap and t.lower not in lex.determiners]
    return bool(named) and body[-1].cap and not all(is_demonym(t.lower, lex) for t in named)


def _the_and_capitals(pre: list[Tok], lex: Lexicon) -> bool:
    """'the' and then only capitalised words, none a title or a people's name: a body or a
    publication ('the Sunday Independent'), not a person ('the Spaniard', 'the Rev. X')."""
    rest = pre[1:]
    return (
        pre[0].lower == "the"
        and len(rest) >= 1
        and all(t.cap and t.text.isalpha() for t in rest)
        and not any(t.lower in lex.person_titles or is_demonym(t.lower, lex) for t in rest)
    )


def _chunks(toks: list[Tok], lex: Lexicon) -> tuple[list[Tok], list[Tok]]:
    """The pre-chunk (the words before the first comma, preposition or relative clause) and
    the appositive after the first comma (none when it is a relative clause)."""
    cut = next(
        (
            k
            for k, t in enumerate(toks)
            if k > 0
            and (t.text in {",", "("} or t.text in lex.prepositions or t.text in lex.relativizers)
        ),
        len(toks),
    )
    comma = next((k for k, t in enumerate(toks) if t.text == ","), None)
    appositive = toks[comma + 1 :] if comma is not None else []
    if appositive and appositive[0].text in lex.relativizers:
        appositive = []
    return toks[:cut], appositive


def _outlet_in_own_name(norm: str, span, pre: list[Tok], head_noun: str, lex: Lexicon) -> bool:
    """An outlet reporting in its own name ("a report by RIA Novosti", "Press TV"), not one
    that was handed something ("a report seen by Reuters")."""
    outlet = outlet_in(norm, span[0], span[1], lex)
    if not outlet:
        return False
    handed_on = lex.handed_on_re.search(norm, span[0], span[1])
    named = pre[1:] if pre[0].lower == "the" else pre
    return bool(
        (head_noun in lex.own_reports and not handed_on)
        or ends_with(norm[pre[0].start : pre[-1].end], outlet)
        # "the Nikkei Asian Review": a publication whose capitalised name opens with an outlet's
        or (
            named
            and all(t.cap and t.text.isalpha() for t in named)
            and norm.startswith(outlet, named[0].start)
        )
    )


def _named_kind(
    ix: SentenceIndex, name: str | None, head_noun: str, appositive: list[Tok], lex: Lexicon
) -> SourceKind | None:
    """The kind when a name or a document head decides it, else None."""
    if (
        name == "person"
        and head_noun not in lex.person_heads
        and head_noun not in lex.document_heads
    ):
        app_head = (
            head_noun_of(ix, (appositive[0].start, appositive[-1].end), lex) if appositive else ""
        )
        if app_head in lex.institution_heads or app_head in lex.company_nouns:
            return "named_organization"
        return "named_person"
    if head_noun in lex.document_heads:
        return "document"
    if (
        appositive
        and has_name(appositive, lex, -1) == "person"
        and not _first_is_det(appositive, lex)
    ):
        return "named_person"
    return None


def _described_kind(pre: list[Tok], name: str | None, head_noun: str, lex: Lexicon) -> SourceKind:
    """The kind from the head noun, its number and its quantifiers."""
    first = pre[0].lower
    plural = is_plural(head_noun, lex)
    # "one of the protesters": one person, though the head after "of" is plural
    counted = any(t.lower in lex.numbers or is_number(t.text) or t.lower == "one" for t in pre[:3])
    vague_start = first in lex.vague_quantifiers or first in lex.vague_determiners
    if head_noun in lex.person_heads:
        if name == "person" and not plural:
            return "named_person"  # "Yaroshevich's coach, ..." falls through above
        if first in {"the", "both"} and plural and head_noun in lex.story_groups and len(pre) <= 3:
            return "unnamed_individual"  # "the officers": people the story has placed
        if vague_start or (plural and not counted):
            return "vague_group"
        return "unnamed_individual"
    if name == "org" and not vague_start:
        return "named_organization"
    if head_noun in lex.institution_heads:
        broad = [t for t in pre if t.lower in lex.broad_adjectives]
        if plural and head_noun in lex.case_bodies and not (broad or vague_start or counted):
            return "named_organization"  # "Prosecutors allege ...": the prosecution
        if plural and (
            broad
            or not any(
                t.cap for t in pre if t.lower not in lex.determiners and t.lower != head_noun
            )
        ):
            return "unnamed_individual" if counted else "vague_group"
        return "named_organization"
    if head_noun in lex.company_nouns:
        if plural and not any(t.cap for t in pre[1:]) and not counted:
            return "vague_group"  # "Retailers said", "some manufacturers": no one named
        return "named_organization"
    if name == "person":
        return "named_person"
    if vague_start or (plural and not counted):  # "many", "some" are vague quantifiers
        return "vague_group"
    return "unnamed_individual"


def _first_is_det(toks, lex) -> bool:
    return bool(toks) and toks[0].lower in lex.determiners


def is_plural(noun: str, lex: Lexicon) -> bool:
    if noun in lex.plural_nouns or noun.endswith("men"):  # "fishermen"
        return True
    if noun in lex.singular_nouns:
        return False
    return plural_form(noun)


_AGE = re.compile(r"\d{1,3}-year-old")


def is_age(word: str) -> bool:
    """'60-year-old': an age that stands for the person ('the 60-year-old said')."""
    return _AGE.fullmatch(word) is not None


def is_demonym(low: str, lex: Lexicon) -> bool:
    return low in lex.demonyms or (
        low.endswith(lex.demonym_suffixes) and len(low) > 4 and low not in lex.places
    )


_LABEL_ENDS = frozenset({":", ")", "-", "*", "|", "]", "\u2022"})


def capitalised_elsewhere(ix: SentenceIndex, tok: Tok) -> bool:
    """Whether the word appears capitalised somewhere other than a sentence's start."""
    return memo(ix.capitals, tok.text, lambda: _scan_capitalised(ix.norm, tok))


def _scan_capitalised(norm: str, tok: Tok) -> bool:
    word, pos = tok.text, norm.find(tok.text)
    while pos >= 0:  # str.find, not a regex: this runs over the whole text
        end = pos + len(word)
        whole = (pos == 0 or not norm[pos - 1].isalnum()) and (
            end == len(norm) or not norm[end].isalnum()
        )
        if whole and pos != tok.start:
            before = norm[max(0, pos - 3) : pos].rstrip()
            if before and before[-1] not in ".!?\"'\n:-":
                return True
        pos = norm.find(word, end)
    return False


def clause_start(ix: SentenceIndex, sentence) -> int:
    """Where the sentence's first word starts, after a bullet, a label ("Breaking:",
    "(Updated)") or a dateline ("LONDON (Reuters) -")."""
    return memo(ix.clause_starts, sentence.start, lambda: _find_clause_start(ix, sentence))


def _find_clause_start(ix: SentenceIndex, sentence) -> int:
    toks = ix.tokenize(sentence.start, sentence.end)[:12]
    first = 0
    for k, t in enumerate(toks[:10]):
        if t.text in _LABEL_ENDS:
            first = k + 1
    while first < len(toks) and not toks[first].text[0].isalnum():
        first += 1
    return toks[first].start if first < len(toks) else sentence.start


def has_name(
    toks: list[Tok], lex: Lexicon, sentence_start: int, ix: SentenceIndex | None = None
) -> str | None:
    """'person' when the tokens hold a personal name, 'org' for a named body or place."""
    caps_run = 0
    best = None
    titled = False
    org_word = False
    named_after_title = False
    for k, t in enumerate(toks):
        low = t.lower.rstrip(".")
        base = low[:-2] if low.endswith("'s") else low
        if not t.cap:
            caps_run = 0
            continue
        if base in lex.determiners or base in lex.vague_quantifiers or base in lex.stop_left:
            caps_run = 0  # "A", "The", "Some": capitalised at a line's start, never a name
            continue
        if (
            t.start == sentence_start
            and (
                # "Traders said": a capitalised plural common noun opening the sentence (unless
                # the text capitalises it elsewhere too, as it would a surname: "Jones")
                (
                    len(toks) == 1
                    and not t.text.isupper()  # "HPS said": initials, not "Traders said"
                    and is_plural(base, lex)
                    and base not in lex.places
                    and not (ix is not None and capitalised_elsewhere(ix, t))
                )
                or (k + 1 < len(toks) and toks[k + 1].text[:1].islower())
                or base in lex.person_heads
                or base in lex.determiners
                or base in lex.vague_quantifiers
                or base in lex.stop_left
                or base in lex.institution_heads
                or base in lex.document_heads
                or base in lex.broad_adjectives
            )
        ):
            caps_run = 0
            continue
        if base in lex.person_titles:
            last = k + 1 == len(toks) or not toks[k + 1].cap
            if base in _SURNAME_TITLES and caps_run == 1 and last:
                best = "person"  # "Lydia King", "John Major": a surname, not a title
                caps_run = 0
                continue
            titled = True
            caps_run = 0
            continue
        if (
            base in lex.org_words
            or base in lex.places
            or t.text.isupper()
            and len(t.text) > 1
            and not (len(t.text) == 2 and t.text[1] == ".")  # an initial, not an acronym
            or t.text in lex.outlets
        ):
            best = best or "org"
            caps_run = 0
            if base in lex.org_words:
                org_word = True
            continue
        nxt_cap = k + 1 < len(toks) and toks[k + 1].cap and toks[k + 1].text.isalpha()
        if (
            (
                is_demonym(base, lex)
                and (
                    base in lex.demonyms
                    # "Tom Julian", "Li Yongjian": after a given name, a surname
                    or caps_run == 0
                    and (not nxt_cap or _title_next(toks, k, lex))
                )
            )
            or base in lex.person_heads
            or base in lex.document_heads
        ):
            caps_run = 0
            continue
        caps_run += 1
        named_after_title = named_after_title or titled
        if titled or caps_run >= 2:
            best = "person"
        elif len(toks) == 1 or (caps_run == 1 and _single_name_ok(toks, k)):
            best = best if best == "person" else ("person" if best is None else best)
    if titled and named_after_title:
        return "person"
    if org_word:
        return "org"  # "the International Atomic Energy Agency", "Chess Federation"
    return best


# Titles that are also common surnames: after one given name, at the end of the name.
_SURNAME_TITLES = frozenset({"king", "major", "bishop", "judge", "dean", "marshal", "prime"})


def _title_next(toks, k, lex) -> bool:
    return k + 1 < len(toks) and toks[k + 1].lower.rstrip(".") in lex.person_titles


def _single_name_ok(toks: list[Tok], k: int) -> bool:
    # a lone capitalised word followed by nothing capitalised: a surname or first name
    rest = toks[k + 1 :]
    return not any(t.cap for t in rest)


# --- the number of a cue's subject and the object of "told" ---------------------------------


def is_bare_form(word: str, lex: Lexicon) -> bool:
    """A base form that is also a noun ("state", "report", "claim"): needs a plural subject."""
    if " " in word or word in lex.not_bare:
        return False
    return not word.endswith(("s", "ed"))


def plural_subject(ix: SentenceIndex, span, toks: list[Tok], ci: int, lex: Lexicon) -> bool:
    k = skip_between_left(toks, ci - 1, lex)
    if k >= 0 and toks[k].lower in lex.modals:
        return True
    if k >= 1 and toks[k].lower == "to" and toks[k - 1].lower in lex.continue_verbs:
        return True
    head = head_noun_of(ix, span, lex)
    phrase = ix.tokenize(span[0], span[1])
    if len(phrase) == 1 and phrase[0].lower in lex.plural_verb_pronouns:
        return True
    if head in lex.institution_heads and not head.endswith("s"):
        return True  # "Police say", "the government say": collectives take either number
    return bool(head) and is_plural(head, lex)


def tells_someone(toks: list[Tok], i: int, lex: Lexicon) -> bool:
    """Whether "told" has a person, a body or an outlet as its object."""
    if i >= len(toks):
        return False
    if any(toks[k].lower in lex.addressees for k in range(i, min(i + 4, len(toks)))):
        return True  # "told a news conference", "told parliament"
    if toks[i].lower in {"how", "of"}:
        return True  # "Witnesses told how the boy fell", "told of their ordeal": a telling
    t = toks[i]
    if t.cap or t.lower in lex.object_pronouns:  # reporters: an addressee, above
        return True
    if lex.outlet_re.match(t.text):
        return True  # "told dpa": an outlet written in lower case
    if t.lower.endswith("s") and t.lower not in lex.determiners and t.text.isalpha():
        return True  # "told investors", "told lawmakers"
    for k in range(i, min(i + 4, len(toks))):
        low = toks[k].lower
        if low in lex.person_heads or low in lex.institution_heads or toks[k].cap:
            return True
        if low in lex.outlet_epithets:
            return True  # "told the publication"
        if low.rstrip("s") in lex.person_titles:
            return True  # "told the bishops", "told the senators"
        if low in {"that", ",", "."}:
            return False
    return False
