"""Attribution stage: every place where information is presented as coming from a source.

The mechanism is a small cue grammar over each sentence:

* a cue (a speech or reporting verb, "according to", a passive "... by", "as X put it");
* the speaker phrase it governs: on the left for "X said", on the right for "..., said X",
  "according to X" and "echoed by X", with an appositive or relative clause kept
  ("X, a senior analyst, said", "an official, who spoke on condition of anonymity ...");
* the phrase's kind from its head and its words (lexicon.py / data/attribution.toml);
* back-references ("the official", "she", a surname) attach to a source already introduced.

One module per job; find_sources below is the loop that joins them:

    tokens.py      Tok, SentenceIndex (one analysis's cached sentence tokens and memo tables)
    cues.py        finding cues; dropping those nested in reported speech or a speaker phrase
    speakers.py    from a cue to its speaker phrases (left subject, inverted, open cues)
    checks.py      the named checks that stop a cue word used otherwise, with examples
    phrases.py     the noun phrase on a cue's left or right
    kinds.py       the kind of source a phrase names; number of subjects
    outlets.py     news outlets named in or next to a phrase; publisher.py: the text's own
    gate.py        whether a phrase can speak at all (a person, body, group or document)
    names.py       names a head noun does not show (role + name, title + office, bodies)
    roles.py       a role whose holder is named nearby; the speaker of a relative clause
    forms.py       "quoted Y as saying", "confirmed to X by Y", ", citing Y", "reportedly"
    reasons.py     reasons for anonymity given once for the story or later for one source
    flags.py       building a Source: anonymity and the relaying outlet
    references.py  pronouns, surnames and descriptions that point back to a known source
    lexicon.py     data/attribution.toml, checked and compiled (patterns.py: trie regexes)

The words are in data/attribution.toml: add a reporting verb, a title or an outlet there.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from ..deadline import check
from ..model import Attribution, Document
from .cues import find_candidates
from .flags import anonymity, new_source
from .gate import time_after
from .lexicon import Lexicon, load_lexicon
from .outlets import outlet_in
from .publisher import publishers
from .reasons import apply_reasons
from .references import (
    OUTLET_REACH,
    Known,
    antecedent,
    document_antecedent,
    epithet,
    is_outlet_source,
    pronouns_outlet,
    recent_source,
    remember,
    resolve,
)
from .roles import named_role, named_soon
from .tokens import Candidate, SentenceIndex


def find_sources(doc: Document, lexicon: Lexicon | None = None):
    """Return (sources, attributions) for the document, sources in order of first attribution."""
    lex = lexicon or load_lexicon()
    ix = SentenceIndex(doc, lex)
    candidates = find_candidates(ix, lex)
    own = publishers(ix.norm, doc.title, doc.url, lex.outlets, lex.outlet_aliases)
    headline = _headline_end(doc)
    known: list[Known] = []
    attributions: list[Attribution] = []
    # a headline line's "officials say" is read last: it attaches to the body's fuller
    # mention of the same source, or is left out
    for cand in sorted(candidates, key=lambda c: (c.start < headline, c.start, c.cue_start)):
        check()  # the request's time budget (engine/deadline.py)
        channel = lex.channel_re.search(ix.norm, cand.start, cand.end)
        if channel and channel.start() > cand.start and not cand.kind_hint:
            cand = replace(cand, end=channel.start())  # "X in a Facebook post said": how
        when = None if cand.kind_hint else time_after(ix.norm, cand.start, cand.end, lex)
        if when is not None:
            cand = replace(cand, end=when)  # "four officials on Monday": when
        cand = _bind_pronoun(cand, known, ix, lex)
        if cand.relay_of and known:
            cand.relay = pronouns_outlet(cand.relay_of, known, ix, lex)
        cand = _told_outlet_again(ix, cand, known, lex)
        target = resolve(cand, known, ix, lex)
        if target is None:
            if cand.cue in lex.citing and known and known[-1].source.relayed_by:
                last = known[-1].source  # "documents obtained by TASS, which cite a review"
                if ix.sentence_of(last.start) == cand.sentence:
                    cand.relay = last.relayed_by
            if cand.start < headline:
                continue  # "Spokesman dismisses ...": no body mention to attach to
            source = new_source(cand, len(known) + 1, ix, lex, own)
            if source is None:
                continue
            named = (
                named_role(ix, cand, source, lex) or named_soon(ix, cand, source, lex)
                if source.kind == "unnamed_individual"
                else None
            )
            if named:
                source = replace(source, kind="named_person")  # the text names the role holder
            elif source.kind == "unnamed_individual" and epithet(ix, cand, lex):
                source = replace(source, kind="named_person")  # "the former PSG boss": X
            known.append(remember(source, ix, lex, named))
            known[-1].last_sentence = cand.sentence
        else:
            source = replace(target.source, attributions=target.source.attributions + 1)
            if source.kind == "named_person" and _names_an_outlet(ix, cand, lex):
                source = replace(source, kind="named_organization")  # "... the magazine said"
            if source.kind in ("unnamed_individual", "vague_group") and not source.anonymity_reason:
                # "..., said the people, who asked not to be named because ...": a reason
                # given at a later mention still belongs to the source
                requested, reason = anonymity(ix, cand, cand.start, cand.end, lex)
                if requested or reason:
                    source = replace(
                        source,
                        anonymity_requested=source.anonymity_requested or bool(requested),
                        anonymity_reason=reason,
                    )
            target.source = source
            target.last_sentence = cand.sentence
        attributions.append(
            Attribution(source.id, cand.cue, cand.cue_start, cand.cue_end, cand.sentence)
        )
    attributed = frozenset(a.sentence for a in attributions)
    return tuple(apply_reasons(ix, known, attributed, lex)), tuple(attributions)


_TOLD_EPITHET = re.compile(r"\s+the\s+([a-z-]+)(?:\s+([a-z]+))?\b")


def _told_outlet_again(
    ix: SentenceIndex, cand: Candidate, known: list[Known], lex: Lexicon
) -> Candidate:
    """'An insider told the magazine ...' after an outlet was named: told that outlet."""
    if cand.told is not None or cand.cue not in lex.tell:
        return cand
    m = _TOLD_EPITHET.match(ix.norm, cand.cue_end)  # "the magazine", "the celebrity weekly"
    if not m or not (
        m.group(1) in lex.outlet_epithets
        or m.group(2) in lex.outlet_epithets
        or (m.group(1), m.group(2)) == ("news", "agency")  # not "told the agency": whose?
    ):
        return _told_a_reporter_again(ix, cand, known, lex)
    k = recent_source(
        known[-_RECENT_OUTLETS:],
        cand.sentence,
        OUTLET_REACH,
        lambda s: is_outlet_source(s, ix, lex),
    )
    if k is None:
        return cand
    if k.source.kind == "named_person":  # the text calls it a magazine
        k.source = replace(k.source, kind="named_organization")
    name = outlet_in(ix.norm, k.source.start, k.source.end, lex) or k.source.mention
    return replace(cand, told=name[4:] if name.lower().startswith("the ") else name)


_RECENT_OUTLETS = 40


def _told_a_reporter_again(
    ix: SentenceIndex, cand: Candidate, known: list[Known], lex: Lexicon
) -> Candidate:
    """'... Life & Style reported that ... a friend told Life & Style': a name the text has
    shown reporting in its own name is an outlet, and telling it passes words on."""
    after = ix.norm[cand.cue_end + 1 : cand.cue_end + 61]
    reports = lex.own_reports | {"reported"}
    for k in reversed(known[-_RECENT_OUTLETS:]):
        src = k.source
        if (
            src.kind == "named_organization"
            and src.cue in reports
            and after.startswith(src.mention)
            and src.mention[:1].isupper()
        ):
            return replace(cand, told=src.mention)
    return cand


def _names_an_outlet(ix: SentenceIndex, cand: Candidate, lex: Lexicon) -> bool:
    """Whether the phrase is 'the newspaper', 'the magazine': the text calls its referent an
    outlet."""
    words = ix.norm[cand.start : cand.end].lower().split()
    return 2 <= len(words) <= 4 and words[0] == "the" and words[-1] in lex.outlet_epithets


def _headline_end(doc: Document) -> int:
    """Where the headline lines that open the text end (0 when there are none): up to three
    leading lines that are not page clutter, short, with no closing stop, and followed by
    more text. Who "says" in a headline ("Ministry denies talks, officials say") is the
    body's source, described there in full, and is not counted twice."""
    norm, pos, found, lines = doc.norm, 0, 0, 0
    while pos < len(norm) and lines < 3:
        end = norm.find("\n", pos)
        end = len(norm) if end < 0 else end
        line = norm[pos:end].strip()
        if line and not doc.in_clutter(pos, end):
            if line[-1] in ".!?\"'" or len(line.split()) > 20 or not _stands_alone(norm, end):
                break
            found, lines = end, lines + 1
        pos = end + 1
    return found


def _stands_alone(norm: str, end: int) -> bool:
    """Whether the line ending at `end` stands on its own: a blank line or a bulleted line
    follows (a hard-wrapped sentence goes on in the next line)."""
    rest = norm[end : end + 200]
    if not rest.strip():
        return False
    if rest.startswith("\n\n") or rest.startswith("\n \n"):
        return True
    nxt = rest.lstrip("\n ")
    return bool(nxt) and not nxt[0].isalnum()


def _bind_pronoun(
    cand: Candidate, known: list[Known], ix: SentenceIndex, lex: Lexicon
) -> Candidate:
    """A he/she or it whose antecedent has not spoken yet takes the antecedent's place."""
    if cand.pronoun in lex.person_pronouns and not any(
        k.last_sentence >= _quote_opening(ix, cand) - 1
        and k.source.kind in ("named_person", "unnamed_individual")
        for k in known[-3:]
    ):
        # "Manager Ricardo Silva was less happy. He complained ...": the pronoun stands
        # for the last person named, who may not have been a source until now (when a
        # person spoke in this sentence or the one before, the pronoun is theirs)
        name = antecedent(ix, cand, lex)
        if name is not None:
            cand = replace(cand, start=name[0], end=name[1], pronoun=None)
    elif cand.pronoun in lex.thing_pronouns and not any(
        k.last_sentence >= cand.sentence - 1 and k.source.kind == "document" for k in known[-3:]
    ):
        # "The research, published on Wednesday, pooled data ... It found ...": "it"
        # stands for a study named just before, though the study has not spoken yet
        study = document_antecedent(ix, cand, lex)
        if study is not None:
            cand = replace(cand, start=study[0], end=study[1], pronoun=None)
    return cand


def _quote_opening(ix: SentenceIndex, cand: Candidate) -> int:
    """The sentence where the quotation just before a he/she cue opens ('"... . ...," he
    said'), else the cue's own sentence: a quotation of several sentences is one turn."""
    k = bisect_right(ix.doc.quotes, cand.start, key=lambda q: q.start) - 1
    if k >= 0:
        q = ix.doc.quotes[k]
        if q.end <= cand.start and not ix.norm[q.end : cand.start].strip(" ,"):
            return min(cand.sentence, ix.sentence_of(q.start))
    return cand.sentence
