"""Back-references: a pronoun, a surname or "the official" attaches to a source already
introduced (among the last few dozen, so the stage stays linear)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..model import Source
from .kinds import (
    capitalised_elsewhere,
    has_name,
    head_noun_of,
    is_age,
    is_demonym,
    is_plural,
)
from .lexicon import Lexicon
from .outlets import outlet_or_media
from .phrases import is_name_tok
from .tokens import Candidate, SentenceIndex, Tok, is_number


@dataclass
class Known:
    source: Source
    names: frozenset[str]  # capitalised words of the mention's head (for surnames)
    heads: frozenset[str]  # lower-case head nouns (for "the official")
    plural: bool
    head_low: str = ""
    last_sentence: int = -1


_RECENT = 40  # how far apart two cues of one sentence can still interact
# How many tokens before a he/she cue its antecedent is looked for in (the farthest in the
# evaluation sets and golden files is 59): a text dense with "he said" stays linear.
_ANTECEDENT_WORDS = 120


def antecedent(ix: SentenceIndex, cand: Candidate, lex: Lexicon) -> tuple[int, int] | None:
    """The last personal name before a he/she cue, in its sentence or the two before; for a
    pronoun that opens its sentence, first the name that opens the sentence before ("Wilson
    pleaded guilty before Judge Bohm. He admitted ..." is Wilson)."""
    subject = _opening_name(ix, cand, lex)
    if subject is not None:
        return subject
    budget = _ANTECEDENT_WORDS
    for si in range(cand.sentence, max(-1, cand.sentence - 3), -1):
        if budget <= 0:
            break
        sent = ix.doc.sentences[si]
        toks = ix.tokenize(sent.start, min(sent.end, cand.start))[-budget:]
        budget -= len(toks)
        j = len(toks)
        while j > 0:  # capitalised runs, from the last one back
            if not (toks[j - 1].cap and toks[j - 1].text[0].isalpha()):
                j -= 1
                continue
            k = j
            while k > 0 and toks[k - 1].cap and toks[k - 1].text[0].isalpha():
                k -= 1
            run = toks[k:j]
            possessive = run[-1].text.endswith(("'s", "\u2019s")) or (
                j < len(toks) and toks[j].text in {"'s", "\u2019s"}
            )
            quoted = ix.doc.in_quote(run[0].start, run[-1].end)  # the speaker is outside
            if not possessive and not quoted and _personal_name(run, lex, ix):
                return _title_before(toks, k, lex), run[-1].end  # not "Sam Allardyce's men"
            if not possessive and not quoted and _surname_subject(toks, k, j, sent.start, ix, lex):
                return run[0].start, run[0].end  # "Trump remained dubious ...": nearer
            j = k
    return None


def _surname_subject(
    toks: list[Tok], k: int, j: int, sentence_start: int, ix: SentenceIndex, lex: Lexicon
) -> bool:
    """Whether the one capitalised word toks[k] opens its sentence as its subject, before a
    lower-case verb ("Trump remained dubious ..."), and is a name: written capitalised
    elsewhere in the text too, and no place, body, title or people's name."""
    if j - k != 1 or toks[k].start != sentence_start or j >= len(toks):
        return False
    tok, low = toks[k], toks[k].lower
    if tok.text not in ix.capitals and len(ix.capitals) >= _CAPITALS_BUDGET:
        return False  # each new word is a scan of the text: a bounded number of them
    return (
        is_name_tok(tok)
        and len(tok.text) > 2
        and not tok.text.isupper()
        and toks[j].text.islower()
        and toks[j].text.isalpha()
        and low not in lex.places
        and low not in lex.org_words
        and low not in lex.person_titles
        and low not in lex.determiners
        and low not in lex.stop_left
        and low not in lex.time_words
        and low not in lex.person_heads
        and low not in lex.institution_heads
        and not is_demonym(low, lex)
        and capitalised_elsewhere(ix, tok)
    )


# How many distinct words a text may have scanned for elsewhere-capitals before a lone
# surname stops counting as a pronoun's antecedent: keeps the stage linear on a text made
# of thousands of one-off names.
_CAPITALS_BUDGET = 100


def _title_before(toks: list[Tok], k: int, lex: Lexicon) -> int:
    """Where a name run starting at token k really starts: 'Secretary of Defense Ana Ruiz'
    is one title and name, not 'Defense Ana Ruiz'."""
    if k >= 2 and toks[k - 1].lower == "of" and toks[k - 2].cap:
        j = k - 2
        while j > 0 and toks[j - 1].cap and toks[j - 1].text[0].isalpha():
            j -= 1
        if any(t.lower in lex.person_titles for t in toks[j : k - 1]):
            return toks[j].start
    return toks[k].start


def _opening_name(ix: SentenceIndex, cand: Candidate, lex: Lexicon) -> tuple[int, int] | None:
    if cand.sentence == 0:
        return None
    here = ix.doc.sentences[cand.sentence]
    first = ix.tokenize(here.start, min(here.end, here.start + 40))[:1]
    if not first or first[0].start != cand.start:
        return None  # the pronoun does not open its sentence
    prev = ix.doc.sentences[cand.sentence - 1]
    toks = ix.tokenize(prev.start, min(prev.end, prev.start + 200))
    k = 0
    while k < len(toks) and toks[k].cap and toks[k].text[0].isalpha():
        k += 1
    run = toks[:k]
    if run and (run[0].lower in lex.prepositions or any(t.lower in lex.time_words for t in run)):
        return None  # "On Thursday, ...": a phrase of time, not a name
    ends = k == len(toks) or toks[k].text in {",", "("} or toks[k].text.islower()
    if run and ends and _personal_name(run, lex, ix):
        return run[0].start, run[-1].end
    return None


def epithet(ix: SentenceIndex, cand: Candidate, lex: Lexicon) -> tuple[int, int] | None:
    """'The former Paris Saint-Germain boss said', 'the 60-year-old said': a description
    that only fits one person, right after that person was named (the name it stands for),
    or None. A plain role ('the official', 'the spokesman') is no epithet."""
    words = ix.tokenize(cand.start, cand.end)
    head = _head_text(ix.norm[cand.start : cand.end]).split()
    if not head or head[0].lower() != "the" or len(head) > 6:
        return None
    last = head[-1]
    special = is_age(last) or (
        last.islower()
        and last in lex.person_heads
        and not is_plural(last, lex)
        and any(w == "former" or w[:1].isupper() for w in head[1:-1])
    )
    if not special or len(words) < 2:
        return None
    return antecedent(ix, cand, lex)


def document_antecedent(ix: SentenceIndex, cand: Candidate, lex: Lexicon) -> tuple[int, int] | None:
    """A study or report opening the previous sentence ("The research ...", "A new study")."""
    if cand.sentence == 0:
        return None
    prev = ix.doc.sentences[cand.sentence - 1]
    toks = ix.tokenize(prev.start, prev.end)[:5]
    for k, t in enumerate(toks):
        if t.lower in lex.document_heads and t.text.isalpha():
            if k and toks[0].lower in lex.document_determiners:
                return toks[0].start, t.end
            return None
        if not (t.text.isalpha() and t.text[:1].islower() or k == 0):
            return None
    return None


def _personal_name(run: list[Tok], lex: Lexicon, ix: SentenceIndex) -> bool:
    names = [
        t
        for t in run
        if len(t.text) > 1
        and t.lower.rstrip(".") not in lex.person_titles
        and t.lower not in lex.determiners
        and t.lower not in lex.stop_left
        and t.lower not in lex.between
        and t.lower not in lex.places
        and t.lower not in lex.org_words
        and t.lower not in lex.prepositions
        and t.lower not in lex.time_words
        and not is_demonym(t.lower, lex)
    ]
    if not names:
        return False
    titled = len(names) < len(run) and any(t.lower.rstrip(".") in lex.person_titles for t in run)
    return (len(names) >= 2 or titled) and has_name(run, lex, -1, ix) == "person"


def resolve(cand: Candidate, known: list[Known], ix: SentenceIndex, lex: Lexicon) -> Known | None:
    """The source already known that a candidate refers back to, or None for a new one."""
    if not known:
        return None
    # a back-reference points at one of the last few dozen sources, never further: this
    # keeps a 200 KB text linear
    known = known[-_RECENT:]
    if cand.pronoun:
        return _pronoun_target(cand.pronoun, known, lex)
    hedge = _outlets_hedge(cand, known, ix, lex)
    if hedge is not None:
        return hedge
    head_text = _named_holder(ix.norm[cand.start : cand.end]) or _head_text(
        ix.norm[cand.start : cand.end]
    )
    member = _member_of_group(head_text, known, ix, cand, lex)
    if member is not None:
        return member if member is not _NEW else None
    cut = _NAME_THEN_PREP.match(head_text)
    if cut and not any(
        w in lex.person_heads or w in lex.institution_heads or w in lex.document_heads
        for w in cut.group(1).lower().split()
    ):
        head_text = cut.group(1)  # "Salama with the agency": the name before the phrase
    low = head_text.lower()
    at = cand.start + max(0, ix.norm[cand.start : cand.end].find(head_text))
    words = [t for t in ix.tokenize(at, at + len(head_text)) if t.text[0].isalnum()]
    if not words:
        return None
    return (
        _same_name(words, known, lex)
        or _initials(words, known)
        or _short_name(words, known)
        or _first_words_of_name(words, known, lex)
        or _surname_after_title(words, known, lex)
        or next((k for k in reversed(known) if k.head_low == low), None)  # "The Kremlin" again
        or _informant_again(words, known, cand, lex)
        or _authors_or_group(words, known, cand, ix, lex)
        or _same_group_again(words, known, lex)
        or _definite_description(words, known, lex)
        or _definite_role(words, known, cand, lex)
        or outlet_epithet(words, known, cand, ix, lex)
        or _owners_report(words, known, cand, ix, lex)
        or _body_epithet(words, known, cand)
        or _body_spokesperson(words, known, cand)
        or _members_of_the_force(words, known, cand, lex)
        or _bare_head(words, known)
    )


_NEW = Known(source=None, names=frozenset(), heads=frozenset(), plural=False)  # type: ignore[arg-type]


def singular(noun: str) -> str:
    """'witnesses' -> 'witness', 'people' -> 'person', 'officials' -> 'official'."""
    if noun == "people":
        return "person"
    if noun.endswith(("sses", "ches", "shes", "xes")):
        return noun[:-2]
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith(("ss", "us", "is")):
        return noun[:-1]
    return noun


def _member_of_group(
    head_text: str, known: list[Known], ix: SentenceIndex, cand: Candidate, lex: Lexicon
) -> Known | None:
    """'two of the people', 'one of them', 'another witness' after a group of the same
    people ('people familiar with the matter', 'witnesses'): a member of that group, who
    shares what the text says of it. _NEW when the phrase is a member of no group known
    ('one of the protesters' when no protester has spoken), None when it is no such phrase.
    'Another official' or 'a second official' after one official is a second source, not a
    member; 'a fourth source' after 'four sources' is one of them."""
    words = head_text.lower().split()
    if len(words) < 2 or any(w.endswith("'s") and w[:-2] in lex.document_heads for w in words):
        return None  # "one of the study's authors": the study's, found with its authors
    if len(words) > 4 and words[1:3] == ["of", "the"]:
        # "one of the sources familiar with the preparations": the group noun before the
        # words that describe it
        cut = next((i for i in range(4, len(words)) if words[i] in _MEMBER_MODIFIERS), None)
        words = words[:cut] if cut is not None else words
    single = _single_member(words, known, ix, lex)
    if single is not None:
        return single if single is not _NEW else None
    first = words[0]
    quantifier = first in lex.numbers or first in lex.vague_quantifiers or first in _MEMBER_WORDS
    if len(words) < 3 or not quantifier or words[1] != "of":
        return None
    groups = _groups(known)
    if words[2] in {"them", "those", "these"}:
        return groups[-1] if groups else None
    if words[2] != "the" or len(words) > 6:
        return None
    head = words[-1]
    for k in reversed(groups):
        group_head = head_noun_of(ix, (k.source.start, k.source.end), lex)
        if singular(group_head) == singular(head) or head == "sources":
            return k
    if head in lex.group_heads and groups:
        return groups[-1]  # "two of the officials" after "people familiar with the talks"
    return _NEW


def _groups(known: list[Known]) -> list[Known]:
    """The anonymous groups already introduced, in order."""
    return [k for k in known if k.plural and k.source.kind in ("unnamed_individual", "vague_group")]


def _single_member(
    words: list[str], known: list[Known], ix: SentenceIndex, lex: Lexicon
) -> Known | None:
    """'another witness', 'a fourth source', 'one official', 'a source in Islamabad': the
    group of that kind spoken last, or _NEW for a second source of its own (None when the
    phrase is none of these forms)."""
    ordinal = words[0] in {"a", "the"} and words[1] in _ORDINALS  # "a fourth source"
    one = words[0] == "one" and words[1] != "of"  # "one official" after "two officials"
    # "a source in Islamabad" after "sources told the paper": one of them (a bare head with
    # at most a place or time after it; "a senior official" may be someone else)
    lone = (
        words[0] in {"a", "an"}
        and words[1] in _GENERIC_MEMBERS
        and (len(words) == 2 or words[2] in {"in", "on", "at", "from"})
    )
    if lone:
        words = words[:2]
    if not (words[0] == "another" or ordinal or one or lone) or len(words) > 4:
        return None
    head = singular(words[-1])
    if is_plural(words[-1], lex) or words[-1] not in lex.person_heads:
        return _NEW
    groups = _groups(known)
    for k in reversed(known):
        if singular(head_noun_of(ix, (k.source.start, k.source.end), lex)) != head:
            continue
        if k not in groups:
            return _NEW  # "another source" after "a government source": a second one
        if ordinal and _ORDINALS[words[1]] > _count(k.source.mention):
            return _NEW  # "a fourth diplomat" after "three diplomats": a new one
        if one and _count(k.source.mention) == 99 and head != "source":
            return _NEW  # "one official" after "officials said": not counted apart
        return k
    if head == "source" and (one or lone):
        for k in reversed(groups):  # "according to one source" after "people briefed ... said"
            if head_noun_of(ix, (k.source.start, k.source.end), lex) in lex.group_heads:
                return k
    return _NEW


# nouns that stand only for someone who passes information on: "the insider added" after
# "a source told the magazine" is the same person
_INFORMANTS = frozenset({"source", "insider"})
# Those who speak for someone on the record: never "the source" of a later quotation.
_ON_THE_RECORD = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "representative", "rep", "publicist"}
)
_MEMBER_WORDS = frozenset({"one", "both", "each", "all", "either", "neither", "none"})
_MEMBER_MODIFIERS = frozenset(
    {"familiar", "close", "with", "in", "from", "at", "who", "involved", "briefed", "aware"}
)
_GENERIC_MEMBERS = frozenset({"source", "official", "person", "insider", "diplomat"})
_ORDINALS = {
    w: n
    for n, w in enumerate("_ _ second third fourth fifth sixth seventh eighth ninth tenth".split())
    if n > 1
}
_COUNTS = {
    w: n for n, w in enumerate("_ one two three four five six seven eight nine ten".split()) if n
}


def _count(mention: str) -> int:
    """How many people a group's mention counts ('four sources' -> 4), or a large number
    when it counts none ('sources close to the talks')."""
    for w in mention.lower().split()[:3]:
        if w in _COUNTS:
            return _COUNTS[w]
        if is_number(w):
            return int(w.replace(",", ""))  # "40", "3,000"
    return 99


def _members_of_the_force(
    words: list[Tok], known: list[Known], cand: Candidate, lex: Lexicon
) -> Known | None:
    """'Police said ... Officers say ...': the bare plural of a force's members, right after
    the force spoke, is the force again (not 'two officers' nor 'officers at the scene')."""
    if len(words) != 1 or words[0].lower not in lex.force_members:
        return None  # "the officers" is a definite description of its own
    return recent_source(
        known,
        cand.sentence,
        3,
        lambda s: (
            s.kind == "named_organization"
            and any(w in lex.force_words for w in s.mention.lower().split())
        ),
    )


def _bare_head(words: list[Tok], known: list[Known]) -> Known | None:
    """'..., ministry says' in a headline, read after the body: the source with that head."""
    if len(words) != 1 or not words[0].text.islower():
        return None
    stem = singular(words[0].lower)
    return next(
        (
            k
            for k in reversed(known)
            if k.source.kind != "named_person" and any(singular(h) == stem for h in k.heads)
        ),
        None,
    )


def _pronoun_target(pronoun: str, known: list[Known], lex: Lexicon) -> Known:
    if pronoun in lex.person_pronouns:
        pool = [k for k in known if k.source.kind in ("named_person", "unnamed_individual")]
    elif pronoun in lex.thing_pronouns:
        pool = [k for k in known if k.source.kind in ("named_organization", "document")]
    else:
        pool = known
    return pool[-1] if pool else known[-1]


def pronouns_outlet(
    pronoun: str, known: list[Known], ix: SentenceIndex, lex: Lexicon
) -> str | None:
    """The outlet a subject pronoun stands for ("The Ledger said ... Citing officials, it
    said ..."), or None when its antecedent is no outlet."""
    target = _pronoun_target(pronoun, known, lex).source
    return outlet_or_media(ix.norm, target.start, target.end, lex)


def _same_name(words: list[Tok], known: list[Known], lex: Lexicon) -> Known | None:
    """A surname or a repeated name: "Monahan", "Weber, who now advises ...", and a
    pronoun's antecedent with its title ("Brigadier General Ioana Dumitrescu")."""
    flags = [_is_title(w.lower, lex) for w in words]
    last = max((k for k, f in enumerate(flags) if f), default=-1)
    if last >= 0 and len(words) - last - 1 >= 2:
        # "Defense Minister Luis Ortega": the name after the title
        words, flags = words[last + 1 :], flags[last + 1 :]
    words = [w for w, f in zip(words, flags, strict=True) if not f] or words
    cut = len(words)
    while cut > 0 and is_name_tok(words[cut - 1]) and len(words) - cut < 3:
        cut -= 1
    role = words[cut - 1] if cut > 0 else None
    if (
        role is not None
        and cut <= len(words) - 2
        and role.text.isalpha()
        and role.text.islower()
        and role.lower not in lex.prepositions
        and role.lower not in lex.determiners
    ):
        words = words[cut:]  # "Public prosecutor Markus Caspers": the name after the role
    if len(words) <= 3 and all(is_name_tok(w) and w.lower not in lex.org_words for w in words):
        for k in reversed(known):
            if k.source.kind == "named_person" and all(w.text in k.names for w in words[-2:]):
                return k
    return None


def _is_title(low: str, lex: Lexicon) -> bool:
    """'Dr.', 'minister', and a hyphenated title made of titles ('director-general')."""
    low = low.rstrip(".")
    if low in lex.person_titles:
        return True
    return "-" in low and all(part in lex.person_titles for part in low.split("-"))


def _short_name(words: list[Tok], known: list[Known]) -> Known | None:
    """'the Courier' after 'The Lindholm Courier', 'the Times' after 'The New York Times':
    a body named again by the last word of its name."""
    if len(words) != 2 or words[0].lower != "the" or not words[1].cap:
        return None
    for k in reversed(known):
        name = _head_text(k.source.mention).split()
        if k.source.kind == "named_organization" and len(name) > 2 and name[-1] == words[1].text:
            return k
    return None


def _first_words_of_name(words: list[Tok], known: list[Known], lex: Lexicon) -> Known | None:
    """'CNBC said' after 'a report from CNBC', 'Nikkei said' after 'the Nikkei Asian Review':
    a body named again by its whole name or its first words. Never a place ('Moscow' after
    'The Moscow Times' is the government) and never a person."""
    if not 1 <= len(words) <= 3 or not all(w.cap and w.text[0].isalpha() for w in words):
        return None
    if any(w.lower in lex.places or w.lower in lex.org_words for w in words):
        return None
    names = [w.text for w in words]
    for k in reversed(known):
        if k.source.kind not in {"named_organization", "document"}:
            continue
        if any(run[: len(names)] == names for run in _capitalised_runs(k.source.mention)):
            return k  # "Xinhua said" after "the official Harbour news agency Xinhua"
    return None


def _surname_after_title(words: list[Tok], known: list[Known], lex: Lexicon) -> Known | None:
    """'Brijlal said' after 'Additional Director General of Police Brijlal conceded': the
    lone word that closed a title phrase was its holder's name, so that source was a named
    person all along."""
    if len(words) != 1 or not is_name_tok(words[0]) or words[0].lower in lex.org_words:
        return None
    for k in reversed(known):
        if k.source.kind != "unnamed_individual":
            continue
        head = k.source.mention.split(",")[0].split()
        if len(head) >= 3 and head[0][:1].isupper() and head[-1] == words[0].text:
            k.source = replace(k.source, kind="named_person")
            return k
    return None


def _capitalised_runs(mention: str) -> list[list[str]]:
    """The runs of capitalised words in a mention before any comma, without a leading
    "The" ("the official Harbour news agency Xinhua": "Harbour", "Xinhua")."""
    runs: list[list[str]] = [[]]
    for w in mention.split(",")[0].split():
        if w[:1].isupper() and (runs[-1] or w != "The"):
            runs[-1].append(w.rstrip(".;:"))
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


def _initials(words: list[Tok], known: list[Known]) -> Known | None:
    """'the WSJ' after 'The Wall Street Journal': initials of a body named before."""
    initials = [w.text for w in words if w.text.isupper() and len(w.text) >= 2]
    if len(initials) != 1 or len(words) > 2:
        return None
    for k in reversed(known):
        caps = [n for n in _head_text(k.source.mention).split() if n[:1].isupper()]
        if "".join(n[0] for n in caps if n not in {"The", "A"}) == initials[0]:
            return k
    return None


_AUTHORS = frozenset({"author", "authors", "co-author", "co-authors", "coauthor", "coauthors"})


def _authors_or_group(
    words: list[Tok], known: list[Known], cand: Candidate, ix: SentenceIndex, lex: Lexicon
) -> Known | None:
    """'Scottish scientists report ...' right after 'a new study found': its authors.
    'sources who spoke with the paper', 'the sources' after 'three people familiar with the
    matter said': the group already introduced ('sources' may stand for any such group)."""
    of = next((i for i, w in enumerate(words) if w.lower in {"of", "behind"}), None)
    named_document = (
        of is not None and 0 < of < len(words) - 1 and words[-1].lower in lex.document_heads
    )
    if named_document:
        words = words[:of]  # "(the) authors of the report": the report's authors
    owner = next(
        (
            i
            for i, w in enumerate(words)
            if w.lower.endswith("'s") and w.lower[:-2] in lex.document_heads
        ),
        None,
    )
    owned = False
    if owner is not None and owner < len(words) - 1:
        words = words[owner + 1 :]  # "one of the study's lead authors": the study's authors
        named_document = owned = True
    head = words[-1].lower
    if (
        (head in lex.document_backrefs and head in lex.person_heads or owned and head in _AUTHORS)
        and len(words) <= 3
        and not any(w.lower in lex.numbers or is_number(w.text) for w in words)
    ):
        for k in reversed(known):
            if k.last_sentence < cand.sentence - 2 and not named_document:
                break  # "of the study" says which, however far back it was named
            if k.source.kind == "document":
                return k
    counted = [w.lower for w in words if w.lower in lex.numbers]
    if words[0].lower in lex.definite and counted and is_plural(head, lex):
        for k in reversed(known):  # "the four sources, who ..." after "four sources said"
            if k.plural and counted[0] in k.source.mention.lower().split():
                return k
    definite = words[0].lower in {"the", "these", "those"} and len(words) <= 3
    if head not in lex.group_heads or not (definite or len(words) == 1 and words[0].lower == head):
        return None
    for k in reversed(known):
        group_head = head_noun_of(ix, (k.source.start, k.source.end), lex)
        if k.last_sentence < cand.sentence - 2 and not definite and group_head != head:
            continue  # farther back only the same sort: "officials" after "U.S. officials"
        if (
            k.plural
            and k.source.kind in ("unnamed_individual", "vague_group")
            and group_head in lex.group_heads
            and (head in {"sources", group_head} or definite and head in {"people", "persons"})
        ):
            return k  # "the people said" after "officials familiar with the matter said"
    return None


def _informant_again(
    words: list[Tok], known: list[Known], cand: Candidate, lex: Lexicon
) -> Known | None:
    """'The source said ...' after 'the sources said', 'the insider added' after 'a source
    told the magazine', 'according to our source' after 'an insider told the paper': the
    informant already introduced. With none before, 'the source' is whoever spoke just
    before it (a ministry's press service in state-agency copy), never a new person."""
    ours = words[0].lower == "our"
    if len(words) != 2 or words[1].lower not in _INFORMANTS:
        return None
    if not (ours or words[0].lower in lex.definite):
        return None
    for k in reversed(known):
        if k.source.kind in ("unnamed_individual", "vague_group") and not any(
            singular(h) in _ON_THE_RECORD for h in k.heads
        ):
            return k  # not a spokesman or a publicist quoted in between
    return None if ours else recent_source(known, cand.sentence, 1, lambda s: True)


def _same_group_again(words: list[Tok], known: list[Known], lex: Lexicon) -> Known | None:
    """'security sources in the capital' after 'security sources said': the same bare plural
    (the same words before any 'in', 'from' or 'at') is the group already listed."""
    cut = next(
        (k for k, w in enumerate(words) if k and w.lower in lex.true_prepositions), len(words)
    )
    lead = [w.lower for w in words[:cut]]
    if not lead or lead[0] in lex.determiners or not is_plural(lead[-1], lex):
        return None
    if len(lead) == 1 and cut < len(words):
        return None  # a bare "sources close to ..." and "sources familiar with ..." may differ
    if len(lead) == 1:
        # "analysts warn" after "Economic analysts have said": the same crowd, one note
        for k in reversed(known):
            if k.source.kind == "vague_group" and k.head_low.split()[-1:] == lead:
                return k
        return None
    for k in reversed(known):
        said = k.head_low.split()
        if (
            k.source.kind == "vague_group"
            and said[: len(lead)] == lead
            and (len(said) == len(lead) or said[len(lead)] in lex.true_prepositions)
        ):
            return k
    return None


_BODY_EPITHETS = frozenset(
    "outfit club side team firm company group giant carrier lender retailer maker".split()
)


def recent_source(
    known: list[Known], sentence: int, reach: int, fits: Callable[[Source], bool]
) -> Known | None:
    """The latest known source that `fits` and spoke within `reach` sentences before
    `sentence`; the look-back stops at the first older one."""
    for k in reversed(known):
        if k.last_sentence < sentence - reach:
            break
        if fits(k.source):
            return k
    return None


def _outlets_hedge(
    cand: Candidate, known: list[Known], ix: SentenceIndex, lex: Lexicon
) -> Known | None:
    """'The player has reportedly ...', 'his family are said to be furious' right after the
    text named an outlet as where its story comes from ("according to The Sun"): the hedge
    passes on that outlet's report, not a new, vague source. Only when the outlet is the
    last source that spoke, a few sentences back; "I'm told" stays the writer's own."""
    last = known[-1]
    if (
        cand.kind_hint == "vague_group"
        and cand.start == cand.cue_start
        and cand.cue != "told"
        and cand.sentence - OUTLET_REACH <= last.last_sentence < cand.sentence
        and is_outlet_source(last.source, ix, lex, named_only=True)
    ):
        return last
    return None


def _is_body(source: Source) -> bool:
    return source.kind == "named_organization"


def _body_epithet(words: list[Tok], known: list[Known], cand: Candidate) -> Known | None:
    """'The west London outfit said' after the club was named, 'the retailer said': the
    body named last, if it spoke in the last few sentences."""
    if words[0].lower != "the" or len(words) > 5 or words[-1].lower not in _BODY_EPITHETS:
        return None
    return recent_source(known, cand.sentence, 3, _is_body)


def outlet_epithet(
    words: list[Tok], known: list[Known], cand: Candidate, ix: SentenceIndex, lex: Lexicon
) -> Known | None:
    """'the newspaper said', 'the magazine reported' after an outlet spoke: that outlet, if
    it was named in the last few sentences."""
    if words[0].lower != "the" or len(words) > 4 or words[-1].lower not in lex.outlet_epithets:
        return None
    named_only = words[-1].lower == "paper"  # "the paper" may be a study: a named outlet only
    return recent_source(
        known,
        cand.sentence,
        OUTLET_REACH,
        lambda s: is_outlet_source(s, ix, lex, named_only=named_only),
    )


OUTLET_REACH = 6  # sentences back that "the newspaper" may point to
_OWN_REPORTS = frozenset({"report", "reporting", "story", "article", "account"})


def _owners_report(
    words: list[Tok], known: list[Known], cand: Candidate, ix: SentenceIndex, lex: Lexicon
) -> Known | None:
    """'According to its report, ...', '..., the report said' right after an outlet spoke:
    the outlet's own report, the same source."""
    if len(words) != 2 or words[0].lower not in {"its", "their", "the"}:
        return None
    if words[1].lower not in _OWN_REPORTS:
        return None
    last = known[-1] if known else None
    if (
        last is not None
        and last.last_sentence >= cand.sentence - 2
        and is_outlet_source(last.source, ix, lex, named_only=True)
    ):
        return last
    return None


_OUTLET_CUES = frozenset({"according to", "reported", "reports", "report"})


def is_outlet_source(source, ix: SentenceIndex, lex: Lexicon, named_only: bool = False) -> bool:
    """A source that is an outlet: named as one, or (unless `named_only`) one capitalised
    word that reported ("according to Starlight", then "the magazine")."""
    if source.kind == "named_organization" and outlet_or_media(
        ix.norm, source.start, source.end, lex
    ):
        return True
    return (
        not named_only
        and source.kind in ("named_organization", "named_person")
        and source.cue in _OUTLET_CUES
        and len(source.mention.split()) == 1
    )


_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def _body_spokesperson(words: list[Tok], known: list[Known], cand: Candidate) -> Known | None:
    """'The agency told AFP ... "...," a spokesman told AFP': a bare spokesperson right after a
    body spoke is that body's voice, not a second, anonymous source."""
    if len(words) != 2 or words[0].lower not in {"a", "an", "the"} or words[1].lower not in _SPOKES:
        return None
    return recent_source(known, cand.sentence, 2, _is_body)


def _definite_role(
    words: list[Tok], known: list[Known], cand: Candidate, lex: Lexicon
) -> Known | None:
    """'the senior diplomat said' after a minister was named: the same person."""
    head = words[-1].lower
    if (
        words[0].lower not in lex.definite
        or len(words) > 6
        or is_plural(head, lex)
        or not (
            head in lex.person_heads
            or head in lex.person_titles
            or is_age(head)  # "the 54-year-old told AFP"
            or words[-1].cap
            and is_demonym(head, lex)  # "the Spaniard said"
        )
    ):
        return None
    for k in reversed(known):
        if k.last_sentence < cand.sentence - 3:
            break
        if k.source.kind in ("named_person", "unnamed_individual") and not k.plural:
            return k
    return None


def _bare_role(words: list[Tok], lex: Lexicon) -> bool:
    """'Delhi Police officer', 'statistics chief': no determiner, a singular person noun."""
    return (
        words[0].lower not in lex.determiners
        and words[-1].text.islower()
        and words[-1].lower in lex.person_heads
        and not is_plural(words[-1].lower, lex)
    )


def _definite_description(words: list[Tok], known: list[Known], lex: Lexicon) -> Known | None:
    """A definite description: "the official", "the researchers", "the study"; also a
    role with no article at all ('..., said Delhi Police officer'), as journalese writes it."""
    if words[0].lower not in lex.definite and not _bare_role(words, lex) or len(words) > 4:
        return None
    head = words[-1].lower
    modifiers = [w.lower for w in words[1:-1] if w.lower not in lex.contrast]  # "the other"
    if head in lex.document_backrefs or head in lex.document_heads:
        docs = [k for k in known if k.source.kind == "document"]
        if docs:
            return docs[-1]
        if head in lex.statement_nouns:
            return known[-1]  # "the statement": the last source's statement
        outlets = [k for k in known if k.source.kind == "named_organization"]
        if (
            head in lex.own_reports
            and outlets
            and outlets[-1].source.cue in lex.own_reports | {"reported"}
        ):
            return outlets[-1]  # "the reports said" after "the Journal reported"
    stem = singular(head)
    body = head in lex.institution_heads
    for k in reversed(known):
        mention = k.source.mention.lower()
        if body and k.source.kind in ("named_person", "unnamed_individual"):
            continue  # "the Supreme Court" is not "Supreme Court spokesman X"
        if any(singular(h) == stem for h in k.heads) and (
            all(m in mention for m in modifiers)
            or k.head_low.split()[-1:] == [head]
            and len(k.head_low.split()) == 1
        ):
            return k  # same head and modifiers, or a bare "ministry" in a headline
    return None


_NAME_THEN_PREP = re.compile(
    r"(?!(?:The|A|An|This|One|Two|Three|Four|Five|Some|Several|Many|Most|Each|Both|All|"
    r"Another|Neither|None)\b)((?:[A-Z][\w'.-]*\s+){0,2}[A-Z][\w'.-]*)\s+(?:with|of|from|at|for)\s+\S"
)


_HOLDER = re.compile(
    r"^[^,]*[a-z][^,]*,\s+(?:(?:the|a|an)\s+(?:[a-z][\w-]*\s+){1,3})?"
    r"((?:[A-Z\u00c0-\u024f][\w'.\u00c0-\u024f-]*\s*){2,4})(?:,|$)"
)


def _named_holder(mention: str) -> str | None:
    """'the director, Ewan Carradine', 'the jury's chair, the critic Ewan Carradine': the
    holder's name, which decides whether this is someone already known (the role alone
    would point back to the last person named)."""
    m = _HOLDER.match(mention)
    return m.group(1).strip() if m else None


def _head_text(mention: str) -> str:
    return re.split(r",| who | which ", mention, maxsplit=1)[0]


def remember(
    source: Source, ix: SentenceIndex, lex: Lexicon, also: frozenset[str] | None = None
) -> Known:
    toks = ix.tokenize(source.start, source.end)
    names = frozenset(
        t.text
        for t in toks
        if (t.cap and t.text.isalpha() or "-" in t.text and t.cap)
        and t.lower not in lex.determiners
    )
    names |= also or frozenset()
    heads = {
        t.lower
        for t in toks
        if t.lower in lex.person_heads
        or t.lower in lex.institution_heads
        or t.lower in lex.document_heads
    }
    return Known(
        source=source,
        head_low=_head_text(ix.norm[source.start : source.end]).lower(),  # folded quotes
        names=names,
        heads=frozenset(heads),
        plural=is_plural(head_noun_of(ix, (source.start, source.end), lex), lex),
    )
