"""Can this phrase speak? The gate a candidate passes before it becomes a source.

A cue word used in another sense ("violence claimed six lives", "following reports",
"had issued repeated pleas") leaves a phrase on its left or right that cannot be cited: an
event, a thing, a verb. A source is something that can speak or be cited: a person, a role,
an organisation, a group of people, a document or data, a place standing for its
government, or a pronoun standing for one of these. When the head of the phrase is none of
these, the engine stays quiet rather than guess.
"""

from __future__ import annotations

import re

from .kinds import (
    capitalised_elsewhere,
    classify,
    clause_start,
    head_noun_of,
    is_age,
    is_demonym,
)
from .lexicon import Lexicon
from .tokens import Candidate, SentenceIndex, Tok, is_number


def is_person_noun(low: str, lex: Lexicon) -> bool:
    return (
        low in lex.person_heads
        or low in lex.person_titles
        or (len(low) > 4 and low.endswith(lex.person_endings))
        or is_age(low)  # "the 60-year-old said"
    )


# Words that open a verb's object: "raided the houses", "killed his wife".
_OBJECT_OPENERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "at"})


def _verb_and_object(pre: list[Tok], lex: Lexicon) -> bool:
    """A lower-case -ed word followed by a number or an object's first word."""
    for k in range(1, len(pre) - 1):
        a = pre[k]
        if a.lower.endswith("ed") and a.text.islower():
            b = pre[k + 1]
            if is_number(b.text) or b.lower in lex.numbers or b.lower in _OBJECT_OPENERS:
                return True
    return False


# A subject pronoun right before a phrase: the phrase is its verb and object.
_AFTER_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\s+$")
_ALLOWED = frozenset(
    {
        "authorized",
        "authorised",
        "allowed",
        "permitted",
        "cleared",
        "able",
        "anonymity",
        "permission",
    }
)
_REASON_VERBS = frozenset({"speak", "talk", "comment", "discuss", "disclose", "brief"})


def can_speak(ix: SentenceIndex, span: tuple[int, int], kind: str, lex: Lexicon) -> bool:
    """Whether the phrase at `span`, classified as `kind`, can be a source."""
    words = [t for t in ix.tokenize(*span) if t.text[0].isalnum() or t.text in ",("]
    if not words:
        return False
    if len(words) == 1 and words[0].lower in lex.object_pronouns:
        return False  # "according to her" is a back-reference, found by the cue
    if (
        len(words) >= 3
        and words[-2].lower == "to"
        and words[-1].text.isalpha()
        and words[-1].text.islower()
        and words[-1].lower not in lex.object_pronouns
        and not words[-1].lower.endswith("s")
        and words[-1].lower not in lex.person_words
        and words[-1].lower not in lex.institution_heads
        and words[-1].lower not in _REASON_VERBS  # "... not authorized to speak said"
    ):
        return False  # "workers who can afford to buy said items": "said" is "the said"
    pre = _pre_chunk(words, lex)
    if not pre:
        return False  # "to whom Kaigorodov reports": no phrase of its own before the cue
    if words[0].text.islower() and _AFTER_PRONOUN.search(ix.norm, max(0, span[0] - 8), span[0]):
        return False  # "He likened critics to cranks, called ...": the pronoun's predicate
    if any(w.lower in lex.clause_cues and w.text.islower() for w in pre[1:]):
        return False  # "the Telegraph and the Sun all reported": a clause, not a name
    if _verb_and_object(pre, lex):
        return False  # "Forces raided 125 houses", "Gunmen attacked the convoy": a clause
    if any(
        a.lower == "to"
        and b.text.isalpha()
        and b.text.islower()
        and b.lower not in lex.determiners  # "an email to its members"
        and b.lower not in lex.object_pronouns  # "a source close to them"
        and not (k > 0 and pre[k - 1].lower in _ALLOWED)  # "officials not authorized to speak"
        for k, (a, b) in enumerate(zip(pre, pre[1:], strict=False))
    ):
        return False  # "the administration to close its posts": an infinitive clause
    if pre[0].lower in {"neither", "no", "nobody"} and kind != "document":
        return False  # "Neither country's authorities commented": no one said anything
    if kind in ("named_person", "named_organization", "document"):
        return True
    if kind == "unnamed_individual" and len(pre) == 1 and pre[0].text.islower():
        return False  # "... and coach added": a bare singular noun is a cut phrase, not a speaker
    head = head_noun_of(ix, span, lex)
    if not head:
        return False
    if any(w.text in {"who", "whom"} for w in words):
        return True  # "a principal who asked not to be named": the clause says it is a person
    if head in lex.group_pronouns_as_heads:
        return True  # "those with access to ...", "others", "many": people, unspecified
    return (
        any(
            is_person_noun(form, lex)
            or form in lex.institution_heads
            or form in lex.document_heads
            or form in lex.company_nouns
            or form in lex.hearsay_nouns  # "other rumours say"
            for form in _singulars(head)
        )
        or (head.endswith("s") and is_demonym(head[:-1], lex))
    )  # "Russians", "Americans"


def _singulars(noun: str) -> tuple[str, ...]:
    """The noun and the singulars it may have: 'companies' → 'company', 'publishers'."""
    if noun.endswith("ies"):
        return noun, noun[:-3] + "y"
    if noun.endswith("s"):
        return noun, noun[:-1]
    return (noun,)


def may_speak(ix: SentenceIndex, c: Candidate, lex: Lexicon) -> bool:
    """The gate, early: a phrase that cannot speak must not hide the cues around it
    ("comments by the minister, who said ..." when "comments" is taken for a verb)."""
    if c.kind_hint or c.pronoun:
        return True
    start, end = trimmed(ix.norm, c.start, c.end)
    end = time_after(ix.norm, start, end, lex) or end  # "said the group last week"
    if end <= start:
        return False
    kind = classify(ix, (start, end), lex, clause_start(ix, ix.doc.sentences[c.sentence]))
    return can_speak(ix, (start, end), kind, lex) or c.cue in lex.open_cues


def time_after(norm: str, start: int, end: int, lex: Lexicon) -> int | None:
    """Where a time that ends the phrase starts ("four officials on Monday", "the group
    last week"), or None: no time, or one that belongs to a verb or a relative clause in
    the phrase ("unsealed on Tuesday", "who gave birth in 2024")."""
    when = lex.time_re.search(norm, start, end)
    if (
        when is None
        or when.start() <= start
        or norm[when.end() : end].strip(" ,.;") != ""  # it ends the phrase
        or norm[start : when.start()].endswith("ed")
        or _RELATIVE.search(norm, start, when.start())
    ):
        return None
    return when.start()


_RELATIVE = re.compile(r"\b(?:who|whom|which|that)\s")


def trimmed(norm: str, start: int, end: int) -> tuple[int, int]:
    while end > start and norm[end - 1] in " ,.;:-":
        end -= 1
    return start, end


def lone_opening_word(ix: SentenceIndex, span: tuple[int, int], sentence_start: int) -> bool:
    """A single capitalised word that opens its sentence and is capitalised nowhere else in
    the text ("Flooding", "Halden"): its capital shows nothing by itself."""
    toks = ix.tokenize(*span)
    return (
        len(toks) == 1
        and toks[0].start == sentence_start
        and not capitalised_elsewhere(ix, toks[0])
    )


_SKIP_AFTER_CUE = re.compile(
    r"(?:\s+(?:that|on|in|at|during|via)\b(?:\s+(?:a|an|the)\s+[\w-]+(?:\s+[\w-]+)?)?)*\s+"
)


def reported_subject(norm: str, cue_end: int, limit: int) -> str:
    """The first word of what the speaker said: 'said (in a statement) (that) it would'."""
    m = _SKIP_AFTER_CUE.match(norm, cue_end, limit)
    pos = m.end() if m else cue_end
    word = re.match(r"[A-Za-z]+", norm[pos:limit])
    return word.group().lower() if word else ""


def _pre_chunk(words: list[Tok], lex: Lexicon) -> list[Tok]:
    """The words before any comma, bracket or relative clause."""
    pre = []
    for w in words:
        if w.text in {",", "("} or w.text in lex.relativizers or w.text == "which":
            break
        pre.append(w)
    return pre
