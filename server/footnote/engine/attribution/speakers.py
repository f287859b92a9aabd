"""From a cue to its speaker phrases: the paths that find the speaker (on the right of an
open cue, on the left of a verb, after the verb when inverted), each after the named checks
of checks.py that stop a cue word used otherwise."""

from __future__ import annotations

import re
from bisect import bisect_left

from .checks import BY_STEP, rejected
from .forms import (
    CITING_WORDS,
    citing_after,
    citing_fronted,
    citing_inside,
    confirmed_to_by,
    quoted_as_saying,
    told_media,
)
from .kinds import head_noun_of, is_plural
from .lexicon import Lexicon
from .names import role_before_name
from .outlets import ends_with, outlet_at, outlet_in, outlet_or_media
from .phrases import (
    aside_start,
    is_appositive,
    left_phrase,
    relative_clause_end,
    right_phrase,
    sentence_subject,
)
from .readings import said_nothing, share_of_people
from .roles import coordinated_subject, relative_antecedent, which_antecedent, who_antecedent
from .site import CueSite
from .tokens import Candidate, SentenceIndex, Tok

# "according to her": the object pronoun stands for the speaker named before
_SUBJECT_OF = {"him": "he", "her": "she", "them": "they"}

_OPEN, _CUE_WORD, _CITING, _PASSIVE = (
    BY_STEP[k] for k in ("open", "cue word", "citing", "passive")
)
_CLAUSE, _NOUN, _SUBJECT, _PHRASE = (BY_STEP[k] for k in ("clause", "noun", "subject", "phrase"))


def find_speakers(
    ix: SentenceIndex, toks: list[Tok], ci: int, cj: int, cue: str, si: int, lex: Lexicon
) -> list[Candidate]:
    """Speaker phrases governed by the cue spanning tokens ci..cj."""
    site = CueSite(ix, toks, ci, cj, cue, si, lex)
    if cue in lex.open_cues:
        if rejected(site, _OPEN):
            return []
        nxt = site.nxt
        after = toks[cj + 2] if cj + 2 < len(toks) else None
        # "according to her mother's testimony": whose, not who
        possessive = bool(nxt and nxt.lower == "her" and after and after.text[0].isalnum())
        if nxt is not None and nxt.lower in _SUBJECT_OF and not possessive:
            return [site.candidate((nxt.start, nxt.end), pronoun=_SUBJECT_OF[nxt.lower])]
        return _with_citing(site, right_phrase(toks, cj + 1, lex))
    inserted = _inside_a_relative(site) or _contact_who(site)  # "spoke to a friend who said"
    if inserted:
        return inserted
    if cue.endswith("ing") and cue not in CITING_WORDS:
        absolute = _with_speaker(site)  # "..., with one analyst saying the deal was close"
        if absolute:
            return absolute
    if cue in CITING_WORDS and site.prev is not None and site.prev.text != ",":
        quoted = quoted_as_saying(site)  # "with the Herald citing officials as saying"
        if quoted:
            return quoted
    if rejected(site, _CUE_WORD):
        return []
    # "The ministry issued a statement saying ...", "The Times reported comments from ..."
    found = _statement_saying(site) or _words_reported_from(site)
    if found is None and (cue in lex.citing or cue in lex.passive_by):
        found = _citing_or_passive(site)
    if found is not None:
        return found
    if rejected(site, _CLAUSE):
        return []
    if cue.endswith("ing"):
        # "..., saying inflation was high": the speaker is the subject of the main clause
        span = sentence_subject(toks, site.before, lex)
        if span is None:
            return []
        word = site.ix.norm[span[0] : span[1]].lower()
        return [site.candidate(span, pronoun=word if word in lex.pronouns else None)]
    return _subject_speakers(site)


_STATING = frozenset({"saying", "stating"})
_STATEMENTS = frozenset(
    {"statement", "letter", "post", "tweet", "message", "notice", "release", "note", "video"}
)
_ISSUED = frozenset(
    {"issued", "released", "published", "posted", "sent", "shared", "tweeted", "put", "gave",
     "made", "issues", "releases", "publishes", "posts"}
)  # fmt: skip


def _statement_saying(site: CueSite) -> list[Candidate] | None:
    """'The ministry issued a statement on Wednesday saying ...', 'X released a short video
    saying ...': the one who issued the statement speaks through it (the subject of the
    verb before "a statement", past a time phrase between the noun and the cue)."""
    toks, lex = site.toks, site.lex
    if site.cue not in _STATING:
        return None
    k = site.ci - 1
    while (
        k > 0
        and site.ci - k <= 3
        and (toks[k].lower in lex.time_words or toks[k].lower in {"on", "late", "early", "out"})
    ):
        k -= 1  # "a statement (late) on Wednesday saying"
    if k < 2 or toks[k].lower not in _STATEMENTS:
        return None
    j = k - 1
    while j > 0 and k - j <= 4 and toks[j].text.islower() and toks[j].lower not in _ISSUED:
        j -= 1  # "a brief joint statement", "out a statement"
    if toks[j].lower not in _ISSUED:
        return None
    d = j + 2 if toks[j + 1].lower == "out" else j + 1  # "put out a statement"
    if toks[d].lower not in lex.determiners:
        return None
    span = left_phrase(toks, j, lex)
    return [site.candidate(span)] if span else None


_REPORTING = frozenset({"reported", "published", "carried", "aired", "broadcast", "printed"})
_WORDS = frozenset({"comments", "remarks", "words", "claims", "quotes", "allegations"})


def _words_reported_from(site: CueSite) -> list[Candidate] | None:
    """'The Times and the Sun reported comments from an insider': the one whose words the
    outlets carried is the source, passed on by the first outlet named; the outlets are its
    relays, not sources of their own."""
    toks, cj, lex = site.toks, site.cj, site.lex
    if site.cue not in _REPORTING or cj + 3 >= len(toks):
        return None
    if toks[cj + 1].lower not in _WORDS or toks[cj + 2].lower not in {"from", "by"}:
        return None
    span, norm = site.span, site.ix.norm
    if span is None or not outlet_or_media(norm, span[0], span[1], lex):
        return None
    outlet = outlet_or_media(norm, toks[0].start, span[1], lex)  # the first one listed
    inner = right_phrase(toks, cj + 3, lex)
    if inner is None:
        return None
    k = bisect_left(toks, inner[0], key=lambda t: t.start) + 1
    while k < len(toks) and toks[k].start < inner[1]:
        if toks[k].text.islower() and toks[k].lower.endswith("ing"):
            inner = (inner[0], toks[k - 1].end)  # "an insider naming X": the insider
            break
        k += 1
    return [site.candidate(inner, relay=outlet)]


_CONTACT = frozenset({"spoke", "talked", "spoken", "talking", "speaking"})
_CONTACT_OBJECT = frozenset({"interviewed", "contacted", "reached", "quoted"})


def _contact_who(site: CueSite) -> list[Candidate] | None:
    """'The Courier spoke to a neighbour who said ...', 'Reporters interviewed a witness who
    confirmed ...': the person contacted speaks (passed on by the outlet that contacted
    them, when the subject names one)."""
    toks, ci, lex = site.toks, site.ci, site.lex
    if site.cue not in lex.verbs or ci < 4 or toks[ci - 1].lower != "who":
        return None
    k = ci - 2
    while k > 0 and ci - k <= 7 and toks[k].lower not in lex.determiners:
        if not toks[k].text[0].isalnum():
            return None
        k -= 1
    if toks[k].lower not in lex.determiners or k < 1:
        return None
    verb = toks[k - 1].lower
    if not (
        verb in _CONTACT_OBJECT
        or verb in {"to", "with"}
        and k >= 2
        and toks[k - 2].lower in _CONTACT
    ):
        return None
    head = toks[ci - 2].lower
    if head not in lex.person_words:
        return None
    v = k - 1 if verb in _CONTACT_OBJECT else k - 2
    subject = left_phrase(toks, v, lex)
    outlet = outlet_or_media(site.ix.norm, *subject, lex) if subject else None
    return [site.candidate((toks[k].start, toks[ci - 2].end), relay=outlet)]


_RELATIVES = frozenset({"who", "whom", "which"})
_CLAUSE_AUX = frozenset({"is", "was", "were", "are", "had", "has", "have", "would", "will"})


def _inside_a_relative(site: CueSite) -> list[Candidate] | None:
    """'X, who colleagues said is loyal, ...': a speaker and a saying verb set inside a
    relative clause, right after its pronoun and before the clause's own verb."""
    if site.cue not in _SAID or not site.next_is(*_CLAUSE_AUX):
        return None
    toks, ci = site.toks, site.ci
    k = ci - 1
    while k >= 0 and ci - k <= 4 and toks[k].lower not in _RELATIVES:
        if not toks[k].text.isalpha() or toks[k].lower in site.lex.pronouns:
            return None
        k -= 1
    if k < 1 or k == ci - 1 or toks[k].lower not in _RELATIVES or toks[k - 1].text != ",":
        return None
    return [site.candidate((toks[k + 1].start, toks[ci - 1].end))]


def _with_speaker(site: CueSite) -> list[Candidate] | None:
    """'with a spokesman saying ...', 'with Ana Ruiz adding ...': in an absolute phrase
    after "with" the noun phrase before the -ing cue speaks."""
    span = site.span
    if span is None:
        return None
    toks = site.toks
    k = bisect_left(toks, span[0], key=lambda t: t.start)
    if k > 0 and toks[k - 1].lower != "with":
        # "on the brink of completion with the Herald reporting ...": the subject phrase ran
        # back over "with"; the absolute phrase starts after it
        inner = next((j for j in range(k, site.ci - 1) if toks[j].lower == "with"), None)
        if inner is not None and toks[inner - 1].lower in site.lex.document_heads:
            return None  # "an agreement with Pakistan saying ...": the agreement says it
        if inner is not None:
            k = inner + 1
            span = (toks[k].start, span[1])
    if k == 0 or toks[k - 1].lower != "with" or toks[k].lower in site.lex.pronouns:
        return None
    if site.next_is("to") or said_nothing(site):
        return None  # "with the storm adding to the damage": no speech
    return [site.candidate(span)]


def _citing_or_passive(site: CueSite) -> list[Candidate] | None:
    """The speakers of a citing verb ("cited a report", "quoted Y as saying") or a passive
    ("echoed by X", "confirmed to X by Y"); None when the cue goes on as an ordinary verb."""
    toks, cj, cue, lex, ix = site.toks, site.cj, site.cue, site.lex, site.ix
    if cue in lex.citing and cue.endswith(("ed", "es", "s")):
        quoted = quoted_as_saying(site)  # "X quoted Y as saying", "Y was quoted as saying"
        if quoted is not None:
            return quoted
    if cue in lex.citing:
        if rejected(site, _CITING):
            return []
        span = right_phrase(toks, cj + 1, lex)
        if span and head_noun_of(ix, span, lex) in lex.document_heads:
            return [site.candidate(span, kind_hint="document")]
        return []
    if cue in lex.passive_by:
        confirmed = confirmed_to_by(site)  # "was confirmed to the Courier by a spokeswoman"
        if confirmed is not None:
            return confirmed
        if rejected(site, _PASSIVE):
            return []
        by = site.by_index()
        if by is not None:  # "echoed by other analysts", "posted online by a user"
            if cue in lex.handed_on_words:
                return []  # "a copy was obtained by the Herald": handed on, not said
            span = right_phrase(toks, by + 1, lex)
            return [site.candidate(span)] if span else []
    return None


def _subject_speakers(site: CueSite) -> list[Candidate]:
    """The speaker of a verb cue: its subject on the left (with an appositive), or the
    phrase after it when inverted ('..., said the minister')."""
    toks, cj, lex, nxt, before = site.toks, site.cj, site.lex, site.nxt, site.before
    if before >= 1 and toks[before].text == "who" and toks[before - 1].text == ",":
        # "comments by Minister Tomas Rell on Monday, who said ...": the antecedent speaks
        span = who_antecedent(toks, before - 1, lex)
        return [site.candidate(span)] if span else []
    if before >= 1 and toks[before].text == "which" and toks[before - 1].text == ",":
        # "a National Enquirer story, which noted that ...": the document speaks
        span = which_antecedent(toks, before - 1, lex)
        return [site.candidate(span)] if span else []
    if before >= 0 and toks[before].lower in {"and", "but"} and site.cue in lex.verbs:
        # "the board, which called the price fair and said ...": the relative clause's
        # second verb; its speaker is the noun phrase before ", which"
        span = relative_antecedent(toks, before, lex) or coordinated_subject(toks, before, lex)
        if (
            span
            and site.cue in lex.document_only
            and (head := head_noun_of(site.ix, span, lex)) not in lex.document_heads
            and head not in lex.document_backrefs
        ):
            return []  # "The two sides ... and have shown no sign": no document
        return [site.candidate(span)] if span else []
    inverted_ok = nxt is not None and (
        site.cue in lex.inverted
        and (nxt.cap or nxt.lower in lex.determiners or nxt.lower in lex.numbers)
        and (nxt.lower not in lex.own_voice or nxt.text == "US")
        # any reporting verb before a role and a name: ", revealed head coach Amir Sadek."
        or site.cue in lex.verbs
        and role_before_name(toks, cj + 1, lex)
    )
    after_quote = before >= 0 and toks[before].text in {"'", '"'}
    if after_quote and nxt is not None and nxt.text.isalpha() and nxt.lower not in lex.not_speakers:
        # after a quotation any reporting verb may come first: '"...," admitted the coach'
        inverted_ok = nxt.lower not in lex.own_voice
    # "X, a spokeswoman, said ...": the speaker with an appositive on the left comes first
    if (
        not after_quote
        and before >= 0
        and toks[before].text == ","
        and site.span is not None
        and _appositive_subject(toks, before, lex, site.span[0])
        and not (inverted_ok and _inverted_ends_clause(site))
    ):
        return _left_candidates(site)
    if inverted_ok and (
        before < 0 or toks[before].text in {",", "'", '"'} or toks[before].lower == "as"
    ):
        assert nxt is not None  # inverted_ok needs a next token
        if nxt.lower in lex.pronouns:
            return [site.candidate((nxt.start, nxt.end), pronoun=nxt.lower)]
        span = right_phrase(toks, cj + 1, lex, strict=True)
        if span:
            return [site.candidate(span)]
    if (
        site.cue in lex.inverted
        and before >= 0
        and toks[before].text == ","
        and (span := _bare_plural_after(site)) is not None
    ):
        return [site.candidate(span)]
    poll = _poll_answer(site)  # "In a Harbour poll, 57% said": the poll, not the 57%
    if poll is not None:
        return poll
    if rejected(site, _NOUN) or site.span is None or rejected(site, _SUBJECT):
        return []
    return _left_candidates(site)


def _poll_answer(site: CueSite) -> list[Candidate] | None:
    """For a share of those asked (named check "a share of those asked"), the poll named
    at the sentence's opening as the speaker, or no speaker; None for any other subject."""
    if not share_of_people(site):
        return None
    poll = _poll_frame(site)
    return [site.candidate(poll)] if poll else []


def _poll_frame(site: CueSite) -> tuple[int, int] | None:
    """The poll or survey named by a phrase opening the sentence ("In a Harbour University
    poll of adults, 65% said"): from its determiner to the comma, or to the number."""
    toks, lex = site.toks, site.lex
    if len(toks) < 4 or toks[0].lower != "in" or toks[1].lower not in lex.determiners:
        return None
    head = None
    for k in range(2, min(site.ci, 14)):
        t = toks[k]
        if t.text == "," or t.text[0].isdigit():
            break
        if t.lower in _POLLS:
            head = k
    if head is None:
        return None
    end = head
    while end + 1 < site.ci and toks[end + 1].text != "," and not toks[end + 1].text[0].isdigit():
        end += 1  # "of adults nationwide"
    return toks[1].start, toks[end].end


_POLLS = frozenset({"poll", "survey", "study", "census", "questionnaire"})


_AFTER_BARE = frozenset({"on", "last", "late", "earlier", "this", "in"})


def _bare_plural_after(site: CueSite) -> tuple[int, int] | None:
    """'..., said officials.', '..., said security sources on Monday.': an inverted cue
    after a comma with a bare lower-case phrase of up to three words that ends its clause
    and names people or a body ("officials", "local residents"), never "said residents
    were safe" (a verb follows) or "said earlier" (no person or body)."""
    toks, cj, lex = site.toks, site.cj, site.lex
    k = cj + 1
    while k < len(toks) and k - cj <= 3 and toks[k].text.islower() and toks[k].text.isalpha():
        if toks[k].lower in _AFTER_BARE or toks[k].lower in lex.prepositions:
            break
        if toks[k].lower in lex.determiners or toks[k].lower in lex.not_phrase_starts:
            return None
        k += 1
    if k == cj + 1 or k - cj > 3:
        return None
    last = toks[k - 1].lower
    if k < len(toks) and toks[k].lower in {"who", "whom"} and last in lex.person_heads:
        # "..., said traders who declined to be named.": the people and their clause
        return toks[cj + 1].start, toks[relative_clause_end(toks, cj + 1, k)].end
    if k < len(toks) and not (
        toks[k].text in {".", ",", ";", ":", "-", ")"}
        or toks[k].lower in _AFTER_BARE
        and k + 1 < len(toks)
        and toks[k + 1].cap
    ):
        return None
    if last not in lex.person_heads and last not in lex.institution_heads:
        return None
    return toks[cj + 1].start, toks[k - 1].end


def _left_candidates(site: CueSite) -> list[Candidate]:
    """The subject on the left as the speaker, unless a check stops it."""
    poll = _poll_answer(site)  # "In a Harbour poll, 65% of voters said": the poll
    if poll is not None:
        return poll
    if rejected(site, _PHRASE):
        return []
    span = site.span
    if span is None:
        return []
    span, cited_inside = citing_inside(site, span)  # "The Herald, citing officials, said"
    span = _name_before_role(site, span)  # "Ana Ruiz, a local official told ..."
    span = _subject_of_relative(site, span)  # "200 people who the police believe are ..."
    phrase = site.ix.tokenize(span[0], span[1])
    if len(phrase) == 1 and phrase[0].lower in site.lex.pronouns:
        pronoun = phrase[0].lower
        # "Quoting unnamed officials, it said ...", "..., it said, citing officials": the
        # cited are a source too, passed on when the pronoun stands for an outlet
        cited = citing_after(site, span) or citing_fronted(site, span)
        if cited is not None:
            cited.relay_of = pronoun
        return [site.candidate(span, pronoun=pronoun)] + ([cited] if cited else [])
    told = None
    if site.cue in site.lex.tell and site.nxt is not None:
        told = outlet_at(site.ix.norm, site.nxt.start, site.lex) or told_media(
            site.toks, site.cj + 1, site.ix.norm, site.lex
        )
    elif site.cue in _SAID and site.next_is("to") and site.cj + 2 < len(site.toks):
        # "an insider said to People magazine": told it
        after = site.toks[site.cj + 2]
        told = outlet_at(site.ix.norm, after.start, site.lex) or told_media(
            site.toks, site.cj + 2, site.ix.norm, site.lex
        )
    elif site.cue in _CONFIRMED_TO:
        told = _confirmed_to(site)  # "confirmed the split to People magazine"
    out = [site.candidate(span, told=told)]
    partner = _named_partner(site.toks, span, site.lex)
    if partner is not None and site.ix.norm[span[0] : span[1]].split()[0].lower() in _OWNERS:
        out = [site.candidate((partner[0], span[1]), told=told)]  # "Ana Ruiz and her allies"
    elif partner is not None:
        out.insert(0, site.candidate(partner, told=told))
    cited = (
        cited_inside
        or citing_after(site, span)  # "..., the Herald said, citing people close to it"
        or citing_fronted(site, span)  # "Citing people close to it, the Herald said"
    )
    return out + [cited] if cited else out


def _name_before_role(site: CueSite, span: tuple[int, int]) -> tuple[int, int]:
    """'..., Ana Ruiz, a local official told the Courier', 'Tom Ashby, heart expert at Boots,
    which paid for the survey, said', 'Ana Ruiz, epidemiologist at Leeds and first author
    of the study, said': a role after a comma (or after "and" that joins it to another role
    after a comma) describes the name before that comma, when the name stands alone between
    two commas (or opens the sentence) and the role is a person's."""
    toks, lex = site.toks, site.lex
    k = bisect_left(toks, span[0], key=lambda t: t.start)
    if k < 3 or not (toks[k].lower in {"a", "an"} or _bare_role_word(toks[k], lex)):
        return span
    if toks[k - 1].lower == "and" and toks[k].lower not in {"a", "an"}:
        c = k - 2
        while c > 0 and k - c <= 12 and toks[c].text[0].isalnum():
            c -= 1
        k = c + 1  # the first role: "epidemiologist at Leeds and first author"
    if toks[k - 1].text != ",":
        return span
    words = site.ix.tokenize(span[0], span[1])
    comma = next((j for j, t in enumerate(words) if t.text == ","), len(words))
    head = head_noun_of(site.ix, (span[0], words[comma - 1].end), lex)
    if head not in lex.person_words or is_plural(head, lex):
        return span  # "On Thursday, government sources said": no one person's role
    j = k - 2
    while j >= 0 and toks[j].cap and toks[j].text.isalpha() and k - 2 - j < 4:
        low = toks[j].lower
        if low in lex.org_words or low in lex.places or low in lex.time_words:
            return span
        if low in lex.prepositions or low in lex.determiners:
            return span
        j -= 1
    if k - 2 - j < 2 or (j >= 0 and toks[j].text not in {",", '"', "\u201d", ":"}):
        return span  # a name of two words or more, set off on its left
    return toks[j + 1].start, span[1]


def _bare_role_word(tok: Tok, lex: Lexicon) -> bool:
    """A lower-case word that can open a role without an article ("heart expert", "first
    author", "co-founder"), not a determiner, pronoun or joining word."""
    return _open_word(tok.text, lex)


def _open_word(text: str, lex: Lexicon) -> bool:
    """A lower-case word that is no determiner, pronoun, joining word or preposition."""
    low = text.lower()
    return (
        text.islower()
        and text[0].isalpha()
        and low not in lex.determiners
        and low not in lex.pronouns
        and low not in lex.connectives
        and low not in lex.prepositions
        and low not in lex.stop_left
    )


def _subject_of_relative(site: CueSite, span: tuple[int, int]) -> tuple[int, int]:
    """'over 200 people accused who the police believe are alive': the cue is the verb of an
    object relative clause, and its speaker is the clause's own subject after the pronoun,
    when that is a short phrase ending in a person or body noun ("the police")."""
    lex = site.lex
    words = site.ix.tokenize(span[0], span[1])
    rel = next((k for k in range(len(words) - 1, 0, -1) if words[k].lower in _OBJECT_REL), None)
    if rel is None or not 1 <= len(words) - rel - 1 <= 4:
        return span
    rest = words[rel + 1 :]
    last = rest[-1].lower
    if (rest[0].lower in lex.determiners or rest[0].cap) and (
        last in lex.person_words or last in lex.institution_heads
    ):
        return rest[0].start, rest[-1].end
    return span


_OBJECT_REL = frozenset({"who", "whom", "that"})


def _named_partner(toks: list[Tok], span: tuple[int, int], lex: Lexicon) -> tuple[int, int] | None:
    """'farm activist Kishor Tiwari and the Shiv Sena had said': a named person joined by
    'and' to the subject speaks too, when the pair opens its clause ('..., X and Y said')."""
    k = bisect_left(toks, span[0], key=lambda t: t.start) - 1
    if k < 1 or toks[k].lower != "and":
        return None
    end = j = k - 1
    while j >= 0 and toks[j].cap and toks[j].text[0].isalpha() and end - j < 5:
        j -= 1
    if (end == j and toks[end].text.islower() or end == 0) and (
        toks[end].lower in lex.institution_heads or toks[end].lower in lex.person_heads
    ):
        j = end - 1  # "police and the museum said", "witnesses and officials said"
        while j >= 0 and end - j <= 2 and _plain_modifier(toks[j].text, lex):
            j -= 1  # "health authorities and witnesses said"
        j -= 1 if j >= 0 and toks[j].lower == "the" else 0
    elif end - j < 2 and not (end - j == 1 and toks[k + 1].lower in _OWNERS):
        return None  # a name of two words or more, or one with "and her allies" after it
    start = j + 1
    if j >= 0 and toks[j].text.islower() and toks[j].lower in lex.person_words:
        while j >= 0 and toks[j].text.islower() and toks[j].text.isalpha() and start - j < 4:
            j -= 1
        start = j + 1  # "farm activist Kishor Tiwari"
    if (
        j >= 0
        and toks[j].text not in {",", ";", ":"}
        and toks[j].lower not in lex.connectives
        and toks[j].lower not in _CLAUSE_OPENERS
    ):
        return None  # "... met Ana Ruiz and the minister said": an object, not a speaker
    return toks[start].start, toks[end].end


def _plain_modifier(text: str, lex: Lexicon) -> bool:
    """A lower-case word that can stand before a person or body noun ("health", "local",
    "fire"), not a verb form, a determiner or a joining word that would open a clause."""
    low = text.lower()
    return (
        _open_word(text, lex)
        and text.isalpha()
        and not low.endswith(("ed", "ing", "ly"))
        and low not in lex.verbs
        and low not in _CLAUSE_OPENERS
        and low not in lex.auxiliaries
        and low not in lex.numbers
    )


_SAID = frozenset({"said", "says", "say"})
# opens with the words, not with "\s+" (which would be retried along a long blank run)
_WHO_CITED = re.compile(r"\b(?:who|which)\s+(?:cited|quoted)\s")
_OWNERS = frozenset({"his", "her", "their"})
_CLAUSE_OPENERS = frozenset({"but", "while", "whereas", "although", "though", "because"})
_CONFIRMED_TO = frozenset({"confirmed", "confirms", "revealed", "reveals", "explained"})


def _confirmed_to(site: CueSite) -> str | None:
    """The outlet in 'confirmed the split to People magazine', 'revealed to the Courier':
    a 'to' within a short object, before any comma, followed by an outlet's name."""
    toks = site.toks
    for k in range(site.cj + 1, min(len(toks) - 1, site.cj + 6)):
        if toks[k].text in {",", ";", ":", '"', "'"} or toks[k].lower == "that":
            return None
        if toks[k].lower == "to":
            nxt = toks[k + 1]
            return outlet_at(site.ix.norm, nxt.start, site.lex) or told_media(
                toks, k + 1, site.ix.norm, site.lex
            )
    return None


def _appositive_subject(toks: list[Tok], before: int, lex: Lexicon, subject: int) -> bool:
    """Whether the comma at `before` closes an appositive or relative clause of a subject
    that starts at offset `subject`, before the aside."""
    seg_end = before - 1
    seg_start = aside_start(toks, seg_end)  # "a farmer in Salem, Oregon,"
    if seg_start is None or seg_start < 2 or toks[seg_start - 1].text != ",":
        return False
    return subject < toks[seg_start].start and is_appositive(toks, seg_start, seg_end, lex)


def _inverted_ends_clause(site: CueSite) -> bool:
    """'Police raided the flats, arresting 82 people, said the group.': the phrase after an
    inverted cue ends the sentence (or is followed only by a time), so it is the speaker
    and the aside before the cue is no subject's; never "..., said the firm would appeal"."""
    toks, lex = site.toks, site.lex
    if site.ci < 1 or toks[site.ci - 1].text != ",":
        return False  # "NATO and Sweden, which ..., have reported an increase": not inverted
    span = right_phrase(toks, site.cj + 1, lex, strict=True)
    if span is None or toks[site.cj + 1].lower in lex.time_words:
        return False  # "..., director of the clinic, said Tuesday.": a time, no speaker
    last = bisect_left(toks, span[1], key=lambda t: t.start)
    for m in range(site.cj + 2, last):
        t, after = toks[m], toks[m + 1].lower if m + 1 < len(toks) else ""
        if t.text.islower() and (
            t.lower in lex.irregular_pasts
            or t.lower.endswith(("ed", "ing"))
            or t.lower not in lex.prepositions
            and t.lower not in {"and", "or"}
            and (after in lex.determiners or after in lex.numbers)
        ):
            return False  # "said the army came looking", "says the bugs kill a million"
    end = span[1]
    when = lex.time_re.search(site.ix.norm, span[0], span[1] + 40)
    if when is not None and when.start() > end:
        when = None  # a time further on is not this phrase's
    head = toks[(bisect_left(toks, when.start(), key=lambda t: t.start) if when else last) - 1]
    if not (
        not head.text.islower()  # a name, also "al-Wefaq"
        or head.lower in lex.person_heads
        or head.lower in lex.institution_heads
        or head.lower in lex.document_heads
    ):
        return False  # "says the bugs kill a million people": no one who can speak
    if when is not None:
        end = max(end, when.end())  # "..., said the group on June 11, 2023."
    k = bisect_left(toks, end, key=lambda t: t.start)
    if k < len(toks) and toks[k].text == ";":
        return True
    # the sentence ends: only closing marks are left ("said Bway Corp., which" goes on)
    return all(not toks[m].text[0].isalnum() and toks[m].text != "," for m in range(k, len(toks)))


def _with_citing(site: CueSite, span: tuple[int, int] | None) -> list[Candidate]:
    """'according to X' plus 'according to OUTLET, citing Y' (Y relayed by the outlet)."""
    if not span:
        return []
    toks, norm, lex = site.toks, site.ix.norm, site.lex
    cited = _WHO_CITED.search(norm, span[0], min(len(norm), span[1] + 24))
    if cited is not None and (
        cited.start() < span[1] or norm[span[1] : cited.start()].strip() == ","
    ):
        # "according to Xinhua who cited local officials", "according to the Tribune, which
        # cited hospital staff": the cited people, passed on by the outlet
        k = bisect_left(toks, cited.end(), key=lambda t: t.start)
        inner = right_phrase(toks, k, lex) if k < len(toks) else None
        if inner:
            head = (span[0], span[0] + len(norm[span[0] : cited.start()].rstrip(" ,")))
            outlet = outlet_or_media(norm, head[0], head[1], lex)
            passed = [site.candidate(inner, relay=outlet)]
            if outlet and ends_with(norm[head[0] : head[1]], outlet):
                return passed  # the outlet only passes the cited source on
            return [site.candidate(head), *passed]
    out = [site.candidate(span)]
    # look for ", citing Y" right after the phrase
    k = bisect_left(toks, span[1], key=lambda t: t.start)
    if k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].lower == "citing":
        outlet = outlet_in(norm, span[0], span[1], lex)
        inner = right_phrase(toks, k + 2, lex)
        if inner:
            if outlet and ends_with(norm[span[0] : span[1]], outlet):
                out = []  # the outlet only passes the cited source on
            out.append(site.candidate(inner, relay=outlet))
    return out
