"""The tests of checks.py: each says whether a cue word is read otherwise at a cue site
(a noun, an infinitive, a negation, a passive with no speaker ...)."""

from __future__ import annotations

import re
from bisect import bisect_left

from .kinds import head_noun_of, is_bare_form, is_plural, plural_subject, tells_someone
from .lexicon import Lexicon
from .outlets import outlet_or_media
from .phrases import can_tell, skip_adverbs_left
from .site import CueSite
from .tokens import Tok


def per_is_a_rate(s: CueSite) -> bool:
    toks, ci, nxt = s.toks, s.ci, s.nxt
    if s.cue == "per" and ci > 0 and toks[ci - 1].lower == "as" and nxt is not None:
        return not nxt.text[0].isalpha()  # "as per the reports", "as per sources": a source
    return s.cue == "per" and not (
        (toks[ci].text == "Per" or (ci > 0 and toks[ci - 1].text in {",", "-"}))
        and nxt is not None
        and (nxt.cap or nxt.lower in s.lex.articles)
    )


def capitalised(s: CueSite) -> bool:
    if s.toks[s.ci].text[:1].islower():
        return False
    # 'Added Lookman: "..."': an inverted cue opening its sentence, a name, then a colon
    toks, k = s.toks, s.cj + 1
    inverted = s.ci == 0 and s.cue in s.lex.inverted
    while inverted and k < len(toks) and toks[k].cap and k - s.cj <= 4:
        k += 1
    return not (inverted and k > s.cj + 1 and k < len(toks) and toks[k].text == ":")


def after_noun_marker(s: CueSite) -> bool:
    prev = s.prev
    return prev is not None and (
        prev.lower in s.lex.noun_markers
        or prev.lower.endswith(("'s", "\u2019s"))
        # "Officials' reported comments": a plural owner, not a quotation's end
        or prev.text.endswith(("s'", "s\u2019"))
        and s.nxt is not None
        and s.nxt.text.islower()
    )


def after_preposition(s: CueSite) -> bool:
    prev = s.prev
    return (
        prev is not None
        and prev.lower in s.lex.noun_prepositions
        and (s.cue.endswith("s") or is_bare_form(s.cue, s.lex))
    )


def phoned(s: CueSite) -> bool:
    """'called the Communications Center', 'called 911': a call made, not a view given."""
    toks, cj, nxt = s.toks, s.cj, s.nxt
    if not s.cue.startswith("call") or nxt is None:
        return False
    if nxt.text.isdigit() or nxt.lower in {"police", "emergency"}:
        return True
    if nxt.lower != "the" or cj + 2 >= len(toks):
        return False
    name = toks[cj + 2]
    return name.cap and not name.lower.endswith("'s")


def infinitive(s: CueSite) -> bool:
    prev, toks, ci = s.prev, s.toks, s.ci
    return (
        prev is not None
        and prev.lower == "to"
        and not (ci > 1 and toks[ci - 2].lower in s.lex.continue_verbs)
    )


def citing_after_comma(s: CueSite) -> bool:
    return s.cue.startswith("cit") and s.ci > 0 and s.toks[s.ci - 1].text == ","


def cites_nothing(s: CueSite) -> bool:
    return s.nxt is None or s.nxt.lower in s.lex.stop_left


def handed_on(s: CueSite) -> bool:
    if s.by_index() is None or s.cue in s.lex.verbs:
        return False
    if s.cue not in s.lex.document_participles:
        return False  # "a stance contradicted by four sources": the agent speaks
    # "were first published by": a true passive, whose agent is the source
    true_passive = s.ci > 0 and s.toks[s.auxiliary_before()].lower in s.lex.auxiliaries
    return not true_passive


def participle_without_by(s: CueSite) -> bool:
    return s.by_index() is None and s.cue not in s.lex.verbs


def plural_noun_before_verb(s: CueSite) -> bool:
    return (
        s.nxt is not None
        and s.nxt.lower in s.lex.copulas
        and s.cue.endswith("s")
        and s.cue not in s.lex.never_nouns
    )


def stance_with_object(s: CueSite) -> bool:
    nxt = s.nxt
    # '"...," conceded the coach': inverted after a quotation, its speaker on the right
    inverted = (
        s.before >= 0
        and s.toks[s.before].text in {",", "'", '"'}
        and nxt is not None
        and (nxt.cap or nxt.lower in s.lex.determiners)
    )
    return (
        s.cue in s.lex.stance
        and not inverted
        and not (nxt is None or nxt.lower == "that" or nxt.text in ".,;:")
    )


def appeal(s: CueSite) -> bool:
    """'called for a ceasefire', 'called on parties to ...': an appeal, not information."""
    return s.cue.startswith("call") and s.next_is("for", "on", "upon")


def a_blow(s: CueSite) -> bool:
    """'the storm slammed into the coast', 'slammed the door shut': a verb of criticism
    used for a blow says nothing."""
    if s.cue not in s.lex.strike_verbs or s.nxt is None:
        return False
    if s.nxt.lower in s.lex.strike_objects:
        return True
    k = s.cj + 2  # "slammed the brakes", "slammed his door"
    return (
        (s.nxt.lower in s.lex.determiners or s.nxt.lower.endswith("'s"))
        and k < len(s.toks)
        and s.toks[k].lower in s.lex.strike_objects
    )


def a_state_of(s: CueSite) -> bool:
    """'the northeastern state of Manipur', 'the states of the Gulf': the noun, never the
    verb, before "of"."""
    return s.cue in {"state", "states"} and s.next_is("of")


def a_result_posted(s: CueSite) -> bool:
    """'The firm posted a record profit', 'the province posted 9.7 percent growth': a
    figure reached, not a post."""
    if s.cue not in {"post", "posts", "posted"}:
        return False
    for t in s.toks[s.cj + 1 : s.cj + 6]:
        if t.lower in s.lex.posted_results:
            return True
        if not t.text[0].isalnum() or t.lower in {"on", "that", "to"}:
            return False  # "posted on X", "posted that ...": a post
    return False


def said_to_be(s: CueSite) -> bool:
    """'the four teenagers, said to be 15 and 16', 'a man reported to have fled': a hedge
    about the noun before it, who says nothing ('He said to be careful' still speaks)."""
    if s.cue not in {"said", "reported"} or s.ci == 0 or s.cj + 2 >= len(s.toks):
        return False
    to, verb = s.toks[s.cj + 1].lower, s.toks[s.cj + 2].lower
    prev = s.toks[s.ci - 1].lower
    return (
        to == "to"
        and verb in {"be", "have"}
        and prev not in s.lex.auxiliaries
        and prev not in s.lex.pronouns
    )


def the_one_accused(s: CueSite) -> bool:
    """'a man accused of theft', 'a doctor blamed for the delays': a verb whose object comes
    first, right before its preposition, is passive; the phrase before it is accused."""
    if s.cue in s.lex.object_first and s.next_is("of", "for", "as", "in", "over", "after"):
        return True  # "200 people accused in various cases"
    # "a 25-year-old accused gang member", "the accused man": after a determiner or an age,
    # the participle describes the person noun that follows (not "accused officials of")
    if s.cue != "accused":
        return False
    prev = s.prev.lower if s.prev is not None else ""
    after = [t.lower for t in s.toks[s.cj + 1 : s.cj + 5]]
    return (
        (prev in s.lex.determiners or prev.endswith("-old"))
        and "of" not in after
        and any(w in s.lex.person_heads for w in after[:2])
    )


_AFTER_NOTHING = frozenset(
    {"about", "of", "to", "more", "else", "at", "on", "in", "when", "and", "but", "publicly"}
)


def purpose_infinitive(s: CueSite) -> bool:
    """'wants to paraphrase the poem': an infinitive of purpose, not 'To paraphrase X, ...'."""
    return s.cue.startswith("to ") and s.prev is not None and s.prev.text not in {",", ";", ":"}


def based_on_no_data(s: CueSite) -> bool:
    """'Based on a Ledger count, ...' names where a figure comes from only when it opens the
    sentence and its phrase ends in data or a document before the comma; 'the plan is based
    on a proposal' and 'Based on her experience, ...' name no source."""
    if s.cue != "based on":
        return False
    if s.ci != 0:
        return True
    for t in s.toks[s.cj + 1 : s.cj + 9]:
        if t.text == ",":
            return True
        if t.text.islower() and t.lower in s.lex.document_heads:
            return False
    return True


def said_nothing(s: CueSite) -> bool:
    """'his lawyer said nothing', 'said nothing about the fire': no words are reported
    (but 'said nothing had changed' reports that)."""
    if not s.next_is("nothing"):
        return False
    k = s.cj + 2
    return k >= len(s.toks) or not s.toks[k].text.isalpha() or s.toks[k].lower in _AFTER_NOTHING


def convened(s: CueSite) -> bool:
    """'called a meeting', 'called snap elections', 'called off the match', 'called it
    quits', 'maintained a strong presence': a call that convenes or ends something, or
    keeping something up, says nothing."""
    if s.nxt is None:
        return False
    if s.cue in s.lex.article_acts and s.nxt.lower in {"a", "an"}:
        return True
    if not s.cue.startswith("call"):
        return False
    toks, j = s.toks, s.cj + 1
    if s.nxt.lower == "off":
        return True
    k = j + 1 if s.nxt.lower in {"the", "an"} else j
    if k < len(toks) and toks[k].lower in s.lex.summoned:
        # "called the police for help", not "called the police a disgrace" or "called the
        # police response slow"
        return k + 1 >= len(toks) or not toks[k + 1].text.isalpha() or toks[k + 1].lower in {
            "for", "to", "at", "after", "and", "when", "but", "because",
        }  # fmt: skip
    if s.nxt.lower == "it" and j + 1 < len(toks):
        return toks[j + 1].lower in {"quits", "off"} or (
            toks[j + 1].lower == "a" and j + 2 < len(toks) and toks[j + 2].lower == "day"
        )
    for k in range(j, min(len(toks), j + 4)):
        if not toks[k].text.isalpha() or toks[k].cap or toks[k].lower in s.lex.determiners:
            return False  # "called the vote a turning point": naming what it is
        if toks[k].lower in s.lex.convened:
            return True  # "called general staff meetings", "called snap elections"
    return False


def rejected_an_offer(s: CueSite) -> bool:
    """'rejected the offer', 'rejected his appeal': an act; 'rejected such claims', 'rejected
    reports that ...' report a denial."""
    if not s.cue.startswith("reject") or s.next_is("that"):
        return False
    for t in s.toks[s.cj + 1 : s.cj + 5]:
        if t.lower in s.lex.claim_objects:
            return False
        if t.text in {",", ".", ";", ":", '"'}:
            break
    return True


def removed_someone(s: CueSite) -> bool:
    """'dismissed one justice', 'dismissed the minister': removing someone from a post."""
    if not s.cue.startswith("dismiss"):
        return False
    lex = s.lex
    for t in s.toks[s.cj + 1 : s.cj + 5]:
        if t.lower in lex.person_heads or t.lower in lex.numbers or t.lower == "one":
            return True
        if t.text in {",", ".", ";"} or t.lower in {"as", "that"}:
            return False
    return False


def hypothetical(s: CueSite) -> bool:
    modal = skip_adverbs_left(s.toks, s.ci - 1, s.lex) if s.ci > 0 else -1
    if can_tell(s.toks, s.ci):
        return False  # "The Courier can reveal": a paper's way of saying it reports this
    return modal >= 0 and s.toks[modal].lower in s.lex.hypothetical and s.cue in s.lex.verbs


def negated(s: CueSite) -> bool:
    """'did not say', 'never acknowledge', 'rarely acknowledge publicly': a negation just
    before the cue, or among the adverbs skipped to reach the word before it."""
    if s.before >= 0 and s.toks[s.before].lower in s.lex.negations:
        return True
    adverbs = skip_adverbs_left(s.toks, s.ci - 1, s.lex) if s.ci > 0 else s.ci
    return any(t.lower in s.lex.negations for t in s.toks[adverbs : s.ci])


def agentless_passive(s: CueSite) -> bool:
    aux = skip_adverbs_left(s.toks, s.ci - 1, s.lex) if s.ci > 0 else -1
    while aux > 0 and s.ci - aux <= 3 and s.toks[aux].lower in _BETWEEN_AUX:
        aux -= 1  # "he was also found to have lied"
    return (
        aux >= 0
        and s.toks[aux].lower in s.lex.be_auxiliaries
        and s.cue.endswith(("ed", "told", "said", "found", "shown", "known"))
        # "was called by the hospital": a "by" whose agent gives no words is no speaker
        and (s.by_index() is None or s.cue not in s.lex.passive_by)
    )


_BETWEEN_AUX = frozenset({"also", "later", "since", "then", "still", "first", "earlier"})


def tells_no_one(s: CueSite) -> bool:
    return s.cue in s.lex.tell and not tells_someone(s.toks, s.cj + 1, s.lex)


def an_order(s: CueSite) -> bool:
    """'Officers told witnesses to delete the videos': telling someone to do something is
    an order, not information ('told reporters that ...', 'told them the plan was ...')."""
    if s.cue not in s.lex.tell:
        return False
    toks = s.toks
    for k in range(s.cj + 1, min(len(toks) - 1, s.cj + 5)):
        if toks[k].lower == "to":
            verb = toks[k + 1]
            return k > s.cj + 1 and verb.text.isalpha() and verb.text.islower()
        if not toks[k].text.isalpha() or toks[k].lower == "that":
            return False
    return False


def participle_without_comma(s: CueSite) -> bool:
    if not s.cue.endswith("ing"):
        return False
    aux = s.auxiliary_before()
    if aux > 0 and s.toks[aux].lower in _PROGRESSIVE and s.next_is("that"):
        return False  # "Fans are saying that ...": a verb in the progressive
    return s.before < 0 or s.toks[s.before].text != ","


_PROGRESSIVE = frozenset({"is", "are", "was", "were", "been"})


def noun_before_punctuation(s: CueSite) -> bool:
    word, lex = s.cue, s.lex
    return (
        s.nxt is not None
        and s.nxt.text in {",", ".", ";"}
        # an inverted verb is a verb here ("..., she said."), unless it is also a document
        # noun ("would not confirm media reports.")
        and (word not in lex.inverted or word in lex.document_heads)
        and word not in lex.never_nouns
        and " " not in word
        and (is_bare_form(word, lex) or word.endswith("s"))  # forms that can also be nouns
        and word not in lex.stance
        # "..., a new study suggests.": a short phrase after a comma, the cue, the end
        # "..., court records show.": a bare form after a plural document closes it too
        and not (
            s.nxt.text == "."
            and (word.endswith("s") or _plural_document_before(s))
            and _closing_clause(s.toks, s.ci)
        )
        and not _as_clause(s.toks, s.ci, lex)
        and not can_tell(s.toks, s.ci)  # "..., the Courier can reveal."
    )


def _plural_document_before(s: CueSite) -> bool:
    prev = s.prev
    return (
        prev is not None
        and prev.lower in s.lex.document_heads
        and (prev.lower == "data" or is_plural(prev.lower, s.lex))
    )


def _as_clause(toks: list[Tok], ci: int, lex: Lexicon) -> bool:
    """'..., as officials claim.', 'not as bad as many critics argue.': a bare form ending
    an "as" clause after a plural subject of people is its verb."""
    k = ci - 1
    if k < 1 or not is_plural(toks[k].lower, lex) or toks[k].lower not in lex.person_heads:
        return False
    while k > 0 and ci - k <= 7 and toks[k].text[0].isalnum():
        if toks[k].lower == "as":
            return True
        k -= 1
    return False


def _closing_clause(toks: list[Tok], ci: int) -> bool:
    k = ci - 1
    while k >= 0 and ci - k <= 6 and toks[k].text[0].isalnum():
        k -= 1
    # '..., a new study suggests.', '"...," an eyewitness reports.'
    return 0 <= k < ci - 1 and (toks[k].text == "," or toks[k].text in {'"', "'"})


def commitment(s: CueSite) -> bool:
    return s.cue in s.lex.commitments and s.next_is("to")


def act_not_reply(s: CueSite) -> bool:
    nxt = s.nxt
    j = s.cj + 1
    while j < len(s.toks) and j - s.cj <= 2 and s.toks[j].lower in s.lex.time_words:
        j += 1  # "responded Monday by saying"
    if s.cue.startswith("respond") and j < len(s.toks) and s.toks[j].lower == "by":
        after = s.toks[j + 1] if j + 1 < len(s.toks) else None
        # "responded by saying ..." replies; "respond by adopting a new approach" acts
        return after is None or after.lower not in s.lex.verbs
    return s.cue.startswith("respond") and not (
        nxt is None or nxt.lower == "that" or nxt.text in {",", ":", '"', "'", "."}
    )


def admitted_somewhere(s: CueSite) -> bool:
    """'admitted to hospital', 'was admitted to the bar': let in, not confessing; 'admitted
    to taking bribes' still confesses. 'A clerk posted at the post office' is stationed
    there, not writing online."""
    if s.cue == "posted" and s.next_is("at"):
        return True
    if not (s.cue.startswith("admit") and s.next_is("to")):
        return False
    after = s.toks[s.cj + 2] if s.cj + 2 < len(s.toks) else None
    return after is not None and not after.lower.endswith("ing")


def names_a_thing(s: CueSite) -> bool:
    """'what scientists call antimicrobial resistance': "what X call(s)" in the present
    gives the name a thing goes by, it reports nothing; "what the director called \"a
    careful job\"" quotes a verdict and stays."""
    if s.cue not in {"call", "calls"} or s.span is None or s.nxt is None:
        return False
    if s.nxt.text in {'"', "'", "\u201c", "\u2018"}:
        return False
    k = bisect_left(s.toks, s.span[0], key=lambda t: t.start)
    return k > 0 and s.toks[k - 1].lower == "what"


def describes_people(s: CueSite) -> bool:
    b = s.before
    return b >= 0 and s.toks[b].text == "who" and not (b >= 1 and s.toks[b - 1].text == ",")


_AFTER_RELATIVE = re.compile(r"\b(?:who|which|that|what)\s+$")


def noun_before_verb(s: CueSite) -> bool:
    nxt, lex = s.nxt, s.lex
    span = s.span
    last = s.ix.tokenize(*span)[-1] if span is not None else None
    # "a Reuters report quoted": a capitalised name, not a plural (but "Experts say
    # repeated ..." is capitalised only as the sentence's first word)
    if span is not None and last is not None and (not last.cap or last.start == s.toks[0].start):
        head = head_noun_of(s.ix, span, lex)
        if is_plural(head, lex) or (
            head in lex.institution_heads
            and _AFTER_RELATIVE.search(s.ix.norm, max(0, span[0] - 8), span[0])
        ):
            return False  # "in what officials believe was ...", "who the police believe are"
    return (
        is_bare_form(s.cue, lex)
        and nxt is not None
        and nxt.text.islower()
        and (
            nxt.lower in lex.copulas
            or (nxt.lower in lex.verbs or nxt.lower in lex.citing)  # "a Reuters report quoted"
            and nxt.lower.endswith(("ed", "s", "wn"))
            or nxt.lower in lex.irregular_pasts  # "the Independent Panel report went viral"
        )
    )


def bare_form_without_plural_subject(s: CueSite) -> bool:
    span = s.span
    return (
        span is not None
        and is_bare_form(s.cue, s.lex)
        and not plural_subject(s.ix, span, s.toks, s.ci, s.lex)
    )


def own_voice(s: CueSite) -> bool:
    span = s.span
    return span is not None and any(
        t.lower in s.lex.own_voice and t.text != "US" for t in s.ix.tokenize(*span)
    )


def not_an_outlet(s: CueSite) -> bool:
    span = s.span
    if s.cue not in s.lex.outlet_only:
        return False
    return span is None or outlet_or_media(s.ix.norm, span[0], span[1], s.lex) is None


def document_commits(s: CueSite) -> bool:
    """'with an agreement expected soon': a document neither expects nor promises."""
    span = s.span
    return (
        span is not None
        and s.cue in s.lex.commitments
        and head_noun_of(s.ix, span, s.lex) in s.lex.document_heads
    )


def absolute_participle(s: CueSite) -> bool:
    """'..., with 15 worshippers expected.': after "with", a noun phrase and a participle
    that ends its clause are a state of affairs, not someone expecting anything."""
    span = s.span
    if span is None or not s.cue.endswith("ed") or s.nxt is not None and s.nxt.text.isalnum():
        return False
    k = bisect_left(s.toks, span[0], key=lambda t: t.start)
    return k > 0 and s.toks[k - 1].lower == "with"


def not_a_document(s: CueSite) -> bool:
    span, lex = s.span, s.lex
    if span is None or s.cue not in lex.document_only:
        return False
    phrase = s.ix.tokenize(*span)
    if len(phrase) == 1 and phrase[0].lower in lex.pronouns:
        return False  # "it found": the pronoun's antecedent decides
    head = head_noun_of(s.ix, span, lex)
    return head not in lex.document_heads and head not in lex.document_backrefs


def adjective_before_noun(s: CueSite) -> bool:
    prev = s.prev
    if (
        s.cue == "states"
        and prev is not None
        and prev.cap
        and s.nxt is not None
        and s.nxt.text.islower()
        and s.nxt.lower not in {"that"} | s.lex.determiners
    ):
        return True  # "Gulf states position themselves": states, the noun
    if (
        prev is None
        or s.cue in s.lex.never_nouns
        or not prev.text.islower()
        or prev.lower in s.lex.between
    ):
        return False
    if s.cue.endswith("s"):
        return prev.lower.endswith(s.lex.adjective_endings)
    if not is_bare_form(s.cue, s.lex):
        return False
    if not s.cue.endswith("ing") and _after_a_singular_article(s.toks, s.ci):
        return True  # "the fighters of another sham state": the noun (not "a statement saying")
    # a base form after a hyphenated modifier: "the much-awaited state cabinet reshuffle"
    return "-" in prev.text and prev.text.replace("-", "").isalpha()


_SINGULAR_ARTICLES = frozenset({"a", "an", "another", "each", "every"})


def _after_a_singular_article(toks: list[Tok], ci: int) -> bool:
    """Whether one or two lower-case words in the singular come between an article that
    takes a singular noun and the cue ("a rogue state", "another sham state"): the cue is
    that noun, never after a plural ("a few experts state", "the rules state")."""
    for k in range(ci - 2, max(-1, ci - 4), -1):
        if toks[k].lower in _SINGULAR_ARTICLES:
            return all(
                t.text.isalpha() and t.text.islower() and not t.text.endswith("s")
                for t in toks[k + 1 : ci]
            )
        if not (toks[k].text.isalpha() and toks[k].text.islower()):
            return False
    return False


def generic_occasion(s: CueSite) -> bool:
    """'the first time an official has confirmed ...': any official, on an occasion the
    text counts, not a source of this story."""
    span = s.span
    if span is None:
        return False
    k = bisect_left(s.toks, span[0], key=lambda t: t.start)
    if k >= len(s.toks) or k < 2 or s.toks[k].lower not in s.lex.indefinite:
        return False
    before = [t.lower for t in s.toks[max(0, k - 3) : k]]
    if before and before[-1] == "that":
        before = before[:-1]
    return before[-2:] in (["first", "time"], ["last", "time"], ["only", "time"])


def asked_about(s: CueSite) -> bool:
    """'Asked what he told the players', 'whether she said so': the content of a question,
    not an attribution."""
    b = s.before
    if b < 1 or s.toks[b].lower not in s.lex.pronouns:
        return False
    word = s.toks[b - 1].lower
    if word in {"if", "when"}:
        # "asked when he said it" asks; "..., when he said that he would stay" tells when
        return b >= 2 and s.toks[b - 2].lower in _ASKING
    return word in {"what", "whether", "how", "why"}


_ASKING = frozenset(
    {"asked", "ask", "asks", "asking", "wondered", "wonder", "wonders", "know", "knew",
     "unclear", "clear", "explain", "explained", "recall", "remember", "sure", "questioned"}
)  # fmt: skip


def degree_adjective(s: CueSite) -> bool:
    """'the most stressed aquifer', 'highly stressed': a participle after a word of degree
    is an adjective, not a verb of speech."""
    prev = s.prev
    return (
        prev is not None
        and s.cue.endswith("ed")
        and prev.lower in {"most", "more", "less", "least", "very", "highly", "so", "too"}
    )


_SHARES = frozenset(
    {"%", "percent", "cent", "third", "thirds", "half", "quarter", "quarters", "fifth",
     "fifths", "majority", "minority", "proportion", "share"}
)  # fmt: skip


def share_of_people(s: CueSite) -> bool:
    """'65% of voters said', 'a third of respondents believe': a share of a group counted
    by a poll or survey is its answers, not a source that speaks."""
    toks = s.toks
    if s.before >= 0 and toks[s.before].lower in {"%", "percent", "cent"}:
        return True  # "57% said", "57 per cent said"
    span = s.span
    if span is None:
        return False
    k = bisect_left(toks, span[0], key=lambda t: t.start)  # a search, not a scan: linear
    if k >= s.ci:
        return False
    if toks[k].lower == "of" and k + 1 < s.ci:
        k += 1  # the phrase kept its "of": "of voters"
    return k >= 2 and toks[k - 1].lower == "of" and toks[k - 2].lower in _SHARES


_GREETINGS = frozenset({"goodbye", "good-bye", "farewell", "hello", "hi", "thanks", "grace"})
_ANSWERS = frozenset({"yes", "no", "sorry"})


def greeting(s: CueSite) -> bool:
    """'saying goodbye to the coach', 'said yes to the offer', 'said no.': a greeting or an
    answer (but 'insisted no deal was close' reports something)."""
    nxt = s.nxt
    if nxt is None:
        return False
    if nxt.lower in _GREETINGS:
        return True
    k = s.cj + 2
    after = s.toks[k] if k < len(s.toks) else None
    return nxt.lower in _ANSWERS and (
        after is None or not after.text[0].isalnum() or after.lower == "to"
    )
