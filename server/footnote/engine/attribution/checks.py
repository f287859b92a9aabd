"""The named checks that stop a cue word from becoming an attribution.

A reporting word is often something else: a noun ("her report"), an infinitive ("plans to
announce"), a negation ("did not say"), a passive with no speaker ("we were told"). Each
check below names one such reading, explains it, and carries a sentence it rejects and one
it lets through; tests/attribution/test_checks.py runs both through the whole analysis.

The search for a speaker (speakers.py) runs the checks of each step in the order of
CHECKS, at the point where that step's paths begin.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, NamedTuple

from .kinds import head_noun_of, is_bare_form, plural_subject, tells_someone
from .phrases import left_phrase, skip_adverbs_left, skip_between_left
from .tokens import Candidate, SentenceIndex, Tok

Step = Literal["open", "cue word", "citing", "passive", "clause", "noun", "subject", "phrase"]

_UNSET: tuple = ()  # a span not looked for yet (a found span is a pair, a missing one None)


class CueSite:
    """A cue in its sentence: the tokens around it, what every check reads."""

    __slots__ = (
        "ix", "toks", "ci", "cj", "cue", "sentence", "lex", "cue_start", "cue_end", "nxt",
        "prev", "_before", "_span",
    )  # fmt: skip

    def __init__(
        self, ix: SentenceIndex, toks: list[Tok], ci: int, cj: int, cue: str, si: int, lex
    ) -> None:
        self.ix, self.toks, self.ci, self.cj = ix, toks, ci, cj
        self.cue, self.sentence, self.lex = cue, si, lex
        self.cue_start, self.cue_end = toks[ci].start, toks[cj].end
        self.nxt = toks[cj + 1] if cj + 1 < len(toks) else None  # the token after the cue
        self.prev = toks[ci - 1] if ci > 0 else None  # the token before it
        self._before: int | None = None
        self._span: tuple[int, int] | None = _UNSET

    @property
    def before(self) -> int:
        """Index of the token before the cue, past adverbs and asides ("has repeatedly")."""
        if self._before is None:
            self._before = skip_between_left(self.toks, self.ci - 1, self.lex)
        return self._before

    @property
    def span(self) -> tuple[int, int] | None:
        """The subject phrase on the cue's left (looked for once)."""
        if self._span is _UNSET:
            self._span = left_phrase(self.toks, self.ci, self.lex)
        return self._span

    def next_is(self, word: str) -> bool:
        return self.nxt is not None and self.nxt.lower == word

    def candidate(self, span: tuple[int, int], **kw) -> Candidate:
        return Candidate(
            span[0], span[1], self.cue, self.cue_start, self.cue_end, self.sentence, **kw
        )


class Check(NamedTuple):
    name: str
    step: Step
    explanation: str
    rejects: str  # a sentence in which the check stops the cue
    accepts: str  # a sentence with a cue the check lets through
    test: Callable[[CueSite], bool]


def rejected(site: CueSite, checks: tuple[Check, ...]) -> bool:
    """Whether one of `checks` stops the cue."""
    for check in checks:  # noqa: SIM110 (a plain loop: this runs for every cue)
        if check.test(site):
            return True
    return False


# --- the checks' tests ----------------------------------------------------------------------


def _per_is_a_rate(s: CueSite) -> bool:
    toks, ci, nxt = s.toks, s.ci, s.nxt
    return s.cue == "per" and not (
        (toks[ci].text == "Per" or (ci > 0 and toks[ci - 1].text in {",", "-"}))
        and nxt is not None
        and (nxt.cap or nxt.lower in s.lex.articles)
    )


def _capitalised(s: CueSite) -> bool:
    return not s.toks[s.ci].text[:1].islower()


def _after_noun_marker(s: CueSite) -> bool:
    prev = s.prev
    return prev is not None and (prev.lower in s.lex.noun_markers or prev.lower.endswith("'s"))


def _infinitive(s: CueSite) -> bool:
    prev, toks, ci = s.prev, s.toks, s.ci
    return (
        prev is not None
        and prev.lower == "to"
        and not (ci > 1 and toks[ci - 2].lower in s.lex.continue_verbs)
    )


def _citing_after_comma(s: CueSite) -> bool:
    return s.cue.startswith("cit") and s.ci > 0 and s.toks[s.ci - 1].text == ","


def _cites_nothing(s: CueSite) -> bool:
    return s.nxt is None or s.nxt.lower in s.lex.stop_left


def _handed_on(s: CueSite) -> bool:
    if not s.next_is("by") or s.cue in s.lex.verbs:
        return False
    true_passive = (
        s.ci > 0 and s.toks[skip_adverbs_left(s.toks, s.ci - 1, s.lex)].lower in s.lex.auxiliaries
    )
    return not true_passive


def _participle_without_by(s: CueSite) -> bool:
    return not s.next_is("by") and s.cue not in s.lex.verbs


def _plural_noun_before_verb(s: CueSite) -> bool:
    return (
        s.nxt is not None
        and s.nxt.lower in s.lex.copulas
        and s.cue.endswith("s")
        and s.cue not in s.lex.never_nouns
    )


def _stance_with_object(s: CueSite) -> bool:
    nxt = s.nxt
    return s.cue in s.lex.stance and not (nxt is None or nxt.lower == "that" or nxt.text in ".,;:")


def _hypothetical(s: CueSite) -> bool:
    modal = skip_adverbs_left(s.toks, s.ci - 1, s.lex) if s.ci > 0 else -1
    return modal >= 0 and s.toks[modal].lower in s.lex.hypothetical and s.cue in s.lex.verbs


def _negated(s: CueSite) -> bool:
    return s.before >= 0 and s.toks[s.before].lower in s.lex.negations


def _agentless_passive(s: CueSite) -> bool:
    aux = skip_adverbs_left(s.toks, s.ci - 1, s.lex) if s.ci > 0 else -1
    return (
        aux >= 0
        and s.toks[aux].lower in s.lex.be_auxiliaries
        and s.cue.endswith(("ed", "told", "said", "found", "shown", "known"))
        and not s.next_is("by")
    )


def _tells_no_one(s: CueSite) -> bool:
    return s.cue in s.lex.tell and not tells_someone(s.toks, s.cj + 1, s.lex)


def _participle_without_comma(s: CueSite) -> bool:
    return s.cue.endswith("ing") and (s.before < 0 or s.toks[s.before].text != ",")


def _noun_before_punctuation(s: CueSite) -> bool:
    word, lex = s.cue, s.lex
    return (
        s.nxt is not None
        and s.nxt.text in {",", ".", ";"}
        and word not in lex.inverted
        and word not in lex.never_nouns
        and " " not in word
        and (is_bare_form(word, lex) or word.endswith("s"))  # forms that can also be nouns
        and word not in lex.stance
    )


def _bare_form_without_plural_subject(s: CueSite) -> bool:
    span = s.span
    return (
        span is not None
        and is_bare_form(s.cue, s.lex)
        and not plural_subject(s.ix, span, s.toks, s.ci, s.lex)
    )


def _own_voice(s: CueSite) -> bool:
    span = s.span
    return span is not None and any(t.lower in s.lex.own_voice for t in s.ix.tokenize(*span))


def _not_a_document(s: CueSite) -> bool:
    span, lex = s.span, s.lex
    if span is None or s.cue not in lex.document_only:
        return False
    phrase = s.ix.tokenize(*span)
    if len(phrase) == 1 and phrase[0].lower in lex.pronouns:
        return False  # "it found": the pronoun's antecedent decides
    head = head_noun_of(s.ix, span, lex)
    return head not in lex.document_heads and head not in lex.document_backrefs


# --- the table ------------------------------------------------------------------------------

CHECKS: tuple[Check, ...] = (
    Check(
        "per is a rate",
        "open",
        '"per" before a unit is a rate ("5 per cent", "per day"); it names a source only as '
        '"Per" opening a sentence or after a comma, before a name or an article.',
        "Bus fares rose by 5 per cent in March.",
        "Per the transport ministry, bus fares rose in March.",
        _per_is_a_rate,
    ),
    Check(
        "capitalised word",
        "cue word",
        "A cue word written with a capital inside running text is part of a name or a "
        'headline ("the United States", "Reports"), not a verb.',
        "The United States joined the talks on Monday.",
        "The treaty states that both sides withdraw by June.",
        _capitalised,
    ),
    Check(
        "noun after a determiner",
        "cue word",
        'After an article or a possessive the cue word is a noun ("a claim", "her report").',
        "Her report ran to forty pages.",
        "Engineers report that the bridge is safe.",
        _after_noun_marker,
    ),
    Check(
        "infinitive",
        "cue word",
        'After "to" the cue word is an infinitive ("plans to announce"), unless "continues '
        'to" makes it something the speaker keeps saying.',
        "The council plans to announce a new budget.",
        "The council continues to insist that the budget is fair.",
        _infinitive,
    ),
    Check(
        "citing after a comma",
        "citing",
        '", citing Y" is read with an open cue before it ("according to the agency, citing '
        'a report": the agency relays the report); with none, it names no source.',
        "The bakery raised its prices, citing a report on flour costs.",
        "The bakery cited a report on flour costs.",
        _citing_after_comma,
    ),
    Check(
        "cites nothing",
        "citing",
        'A citing verb followed by nothing or by a word that cannot open a phrase ("cited '
        'that") names no document.',
        "The mayor cited that as the reason for the delay.",
        "The mayor cited a council report on the delay.",
        _cites_nothing,
    ),
    Check(
        "handed on",
        "passive",
        'Without "is" or "was", "obtained by X" describes how documents reached X: the '
        "documents are the source, X only passed them on.",
        "Copies obtained by the weekly paper were on the desk.",
        "The figures were confirmed by the regional health office.",
        _handed_on,
    ),
    Check(
        "participle without by",
        "passive",
        'A past participle that is only a cue with "by" ("published", "leaked") attributes '
        "nothing without it.",
        "The rules were published in March.",
        "The rules were published by the transport ministry.",
        _participle_without_by,
    ),
    Check(
        "plural noun before a verb",
        "clause",
        'A cue form ending in -s right before "is", "are", "have" is a plural noun ("the '
        'reports are late"), not a verb.',
        "The weekly reports are late again.",
        "The committee reports that spending is late again.",
        _plural_noun_before_verb,
    ),
    Check(
        "stance with an object",
        "clause",
        'A stance verb with an object is an act ("the sides agreed a ceasefire"); it reports '
        'a view only before "that" or at the end of a clause.',
        "The two unions agreed a new contract on Friday.",
        "Most economists agree that the contract is generous.",
        _stance_with_object,
    ),
    Check(
        "hypothetical",
        "clause",
        'After "will", "might" or "could" the writer imagines a speaker ("critics might '
        'argue"); nobody has said anything yet.',
        "Critics might argue that the plan is too costly.",
        "Critics argue that the plan is too costly.",
        _hypothetical,
    ),
    Check(
        "negated",
        "clause",
        'A negated cue ("did not say", "never claimed") attributes nothing.',
        "The coach did not say whether the striker would play.",
        "The coach said the striker would play.",
        _negated,
    ),
    Check(
        "passive without an agent",
        "clause",
        'A passive with no "by" has no speaker ("we were told", "demand is expected to fall").',
        "Demand is expected to fall next year.",
        "Analysts expected demand to fall next year.",
        _agentless_passive,
    ),
    Check(
        "tells no one",
        "clause",
        '"Told" needs a listener (a person, a body, an outlet): "has told a simple story" '
        "reports no source.",
        "The film has told a simple story for decades.",
        "The mayor told reporters the bridge would reopen.",
        _tells_no_one,
    ),
    Check(
        "participle without a comma",
        "clause",
        "An -ing cue names a speaker only after a comma, as the subject of the main clause "
        '("the mayor resigned, saying ..."); "by saying" or "without saying" does not.',
        "Nobody gains anything by saying the bridge is unsafe.",
        "The mayor resigned on Monday, saying the bridge was unsafe.",
        _participle_without_comma,
    ),
    Check(
        "noun before punctuation",
        "noun",
        'A cue form that can be a noun, right before a comma or full stop, is a noun ("the '
        'public reports, ...").',
        "The inspectors read the public reports.",
        "The council reports that the bridge is safe.",
        _noun_before_punctuation,
    ),
    Check(
        "bare form without a plural subject",
        "subject",
        'A base form that is also a noun ("state", "report", "claim") is a verb only after a '
        'plural subject, a modal or "continue to": "a heightened state of readiness" is not.',
        "The army kept a heightened state of readiness.",
        "Officials state that the army is ready.",
        _bare_form_without_plural_subject,
    ),
    Check(
        "the writer's own voice",
        "phrase",
        'A subject holding "I", "we" or "you" is the writer or the reader, not a source '
        '("each time we report").',
        "Each time we report on the bridge, the phones ring.",
        "Each time the council reports on the bridge, the phones ring.",
        _own_voice,
    ),
    Check(
        "not a document",
        "phrase",
        'Some verbs ("find", "show", "suggest") attribute only with a document or study as '
        'subject ("the study found"); "the team found a key" reports nothing.',
        "The children found a key under the mat.",
        "The study found that most children walk to school.",
        _not_a_document,
    ),
)

BY_STEP: dict[str, tuple[Check, ...]] = {
    step: tuple(c for c in CHECKS if c.step == step)
    for step in ("open", "cue word", "citing", "passive", "clause", "noun", "subject", "phrase")
}
