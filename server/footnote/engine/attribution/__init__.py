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
    outlets.py     news outlets named in or next to a phrase
    flags.py       building a Source: anonymity and the relaying outlet
    references.py  pronouns, surnames and descriptions that point back to a known source
    lexicon.py     data/attribution.toml, checked and compiled (patterns.py: trie regexes)

The words are in data/attribution.toml: add a reporting verb, a title or an outlet there.
"""

from __future__ import annotations

from dataclasses import replace

from ..deadline import check
from ..model import Attribution, Document
from .cues import find_candidates
from .flags import anonymity, new_source
from .lexicon import Lexicon, load_lexicon
from .references import Known, antecedent, document_antecedent, remember, resolve
from .tokens import SentenceIndex


def find_sources(doc: Document, lexicon: Lexicon | None = None):
    """Return (sources, attributions) for the document, sources in order of first attribution."""
    lex = lexicon or load_lexicon()
    ix = SentenceIndex(doc, lex)
    candidates = find_candidates(ix, lex)
    known: list[Known] = []
    attributions: list[Attribution] = []
    for cand in sorted(candidates, key=lambda c: (c.start, c.cue_start)):
        check()  # the request's time budget (engine/deadline.py)
        if cand.pronoun in lex.person_pronouns and not any(
            k.last_sentence >= cand.sentence - 1
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
        target = resolve(cand, known, ix, lex)
        if target is None:
            if cand.cue in lex.citing and known and known[-1].source.relayed_by:
                last = known[-1].source  # "documents obtained by TASS, which cite a review"
                if ix.sentence_of(last.start) == cand.sentence:
                    cand.relay = last.relayed_by
            source = new_source(cand, len(known) + 1, ix, lex)
            if source is None:
                continue
            known.append(remember(source, ix, lex))
            known[-1].last_sentence = cand.sentence
        else:
            source = replace(target.source, attributions=target.source.attributions + 1)
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
            Attribution(
                source.id, cand.cue, cand.cue_start, cand.cue_end, cand.sentence, cand.quote
            )
        )
    return tuple(k.source for k in known), tuple(attributions)
