"""Back-references: a pronoun, a surname or "the official" attaches to a source already
introduced (among the last few dozen, so the stage stays linear)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Source
from .kinds import has_name, head_noun_of, is_demonym, is_plural
from .lexicon import Lexicon
from .phrases import is_name_tok
from .tokens import Candidate, SentenceIndex, Tok


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
    """The last personal name before a he/she cue, in its sentence or the two before."""
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
            if _personal_name(run, lex, ix):
                return run[0].start, run[-1].end
            j = k
    return None


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
    head_text = _head_text(ix.norm[cand.start : cand.end])
    low = head_text.lower()
    words = [t for t in ix.tokenize(cand.start, cand.start + len(head_text)) if t.text[0].isalnum()]
    if not words:
        return None
    if low.startswith(lex.partitives):
        plural = [k for k in known if k.plural]
        if plural:
            return plural[-1]
    return (
        _same_name(words, known, lex)
        or next((k for k in reversed(known) if k.head_low == low), None)  # "The Kremlin" again
        or _definite_description(words, known, lex)
    )


def _pronoun_target(pronoun: str, known: list[Known], lex: Lexicon) -> Known:
    if pronoun in lex.person_pronouns:
        pool = [k for k in known if k.source.kind in ("named_person", "unnamed_individual")]
    elif pronoun in lex.thing_pronouns:
        pool = [k for k in known if k.source.kind in ("named_organization", "document")]
    else:
        pool = known
    return pool[-1] if pool else known[-1]


def _same_name(words: list[Tok], known: list[Known], lex: Lexicon) -> Known | None:
    """A surname or a repeated name: "Monahan", "Weber, who now advises ...", and a
    pronoun's antecedent with its title ("Brigadier General Ioana Dumitrescu")."""
    words = [w for w in words if w.lower.rstrip(".") not in lex.person_titles] or words
    if len(words) <= 3 and all(is_name_tok(w) and w.lower not in lex.org_words for w in words):
        for k in reversed(known):
            if k.source.kind == "named_person" and all(w.text in k.names for w in words):
                return k
    return None


def _definite_description(words: list[Tok], known: list[Known], lex: Lexicon) -> Known | None:
    """A definite description: "the official", "the researchers", "the study"."""
    if words[0].lower not in lex.definite or len(words) > 4:
        return None
    head = words[-1].lower
    modifiers = [w.lower for w in words[1:-1]]
    if head in lex.document_backrefs or head in lex.document_heads:
        docs = [k for k in known if k.source.kind == "document"]
        if docs:
            return docs[-1]
        if head in lex.statement_nouns:
            return known[-1]  # "the statement": the last source's statement
    stem = head.rstrip("s")
    for k in reversed(known):
        mention = k.source.mention.lower()
        if any(h.rstrip("s") == stem for h in k.heads) and (
            all(m in mention for m in modifiers)
            or k.head_low.split()[-1:] == [head]
            and len(k.head_low.split()) == 1
        ):
            return k  # same head and modifiers, or a bare "ministry" in a headline
    return None


def _head_text(mention: str) -> str:
    return re.split(r",| who | which ", mention, maxsplit=1)[0]


def remember(source: Source, ix: SentenceIndex, lex: Lexicon) -> Known:
    toks = ix.tokenize(source.start, source.end)
    names = frozenset(t.text for t in toks if t.cap and t.text.isalpha() or "-" in t.text and t.cap)
    heads = {
        t.lower
        for t in toks
        if t.lower in lex.person_heads
        or t.lower in lex.institution_heads
        or t.lower in lex.document_heads
    }
    return Known(
        source=source,
        head_low=_head_text(source.mention).lower(),
        names=names,
        heads=frozenset(heads),
        plural=is_plural(head_noun_of(ix, (source.start, source.end), lex), lex),
    )
