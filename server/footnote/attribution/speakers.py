"""From a cue to its speaker phrases: the guards that reject a cue word used otherwise
(a noun, an infinitive, a negation, a passive) and the paths that find the speaker."""

from __future__ import annotations

from bisect import bisect_left

from .kinds import head_noun_of, is_plural
from .lexicon import Lexicon
from .outlets import ends_with, outlet_at, outlet_in
from .phrases import (
    ALL_PRONOUNS,
    is_appositive,
    left_phrase,
    right_phrase,
    segment_start,
    sentence_subject,
    skip_adverbs_left,
    skip_between_left,
)
from .tokens import Candidate, SentenceIndex

_NOUN_MARKERS = frozenset(
    {
        "a",
        "an",
        "the",
        "this",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "such",
        "no",
        "any",
        "every",
        "each",
    }
)


_CONTINUE = frozenset({"continues", "continue", "continued", "went", "goes", "go"})


_MODALS = frozenset(
    {"will", "would", "could", "can", "should", "may", "might", "must", "do", "did"}
)


_AUXILIARIES = frozenset({"is", "was", "were", "are", "be", "been", "being", "get", "got", "gets"})


_OWN_VOICE = frozenset({"i", "we", "you", "us", "me"})


_NOT_SPEAKERS = frozenset(
    {"that", "to", "by", "in", "on", "at", "of", "for", "with", "as", "it", "this", "so", "and"}
)


_COPULAS = frozenset({"is", "are", "was", "were", "have", "has", "had", "will", "would", "can"})


_HYPOTHETICAL = frozenset({"will", "might", "may", "could", "should", "must", "can", "shall"})


_BE_AUXILIARIES = _AUXILIARIES - {"get", "got", "gets"}


def find_speakers(ix, toks, ci, cj, cue, si, lex) -> list[Candidate]:
    """Speaker phrases governed by the cue spanning tokens ci..cj."""
    cue_start, cue_end = toks[ci].start, toks[cj].end
    nxt = toks[cj + 1] if cj + 1 < len(toks) else None

    def cand(span, **kw):
        return Candidate(span[0], span[1], cue, cue_start, cue_end, si, **kw)

    if cue == "per" and not (
        (toks[ci].text == "Per" or (ci > 0 and toks[ci - 1].text in {",", "-"}))
        and nxt is not None
        and (nxt.cap or nxt.lower in {"a", "an", "the"})
    ):
        return []  # "5 per cent", "per day"
    if cue in ("according to", "in the words of", "per"):
        span = right_phrase(toks, cj + 1, lex)
        return _with_citing(ix, toks, span, cue, cue_start, cue_end, si, lex, cand)
    word = cue
    if word not in ("according to", "in the words of", "per") and not toks[ci].text[:1].islower():
        return []  # "the United States", "Reports" in a headline
    prev = toks[ci - 1] if ci > 0 else None
    if prev is not None and (prev.lower in _NOUN_MARKERS or prev.lower.endswith("'s")):
        return []  # "a claim he called ...": the cue word is a noun here
    if prev is not None and prev.lower == "to" and not (ci > 1 and toks[ci - 2].lower in _CONTINUE):
        return []  # "an effort to counter ...": an infinitive, not an attribution
    if word in lex.citing:
        if cue.startswith("cit") and _prev_is_comma(toks, ci):
            # "According to RIA Novosti, citing a source ..." is handled with its outlet
            return []
        if nxt is None or nxt.lower in lex.stop_left:
            return []
        span = right_phrase(toks, cj + 1, lex)
        if span and _head_is(ix, span, lex.document_heads, lex):
            return [cand(span, kind_hint="document")]
        return []
    if word in lex.passive_by and nxt is not None and nxt.lower == "by":
        true_passive = ci > 0 and toks[skip_adverbs_left(toks, ci - 1)].lower in _AUXILIARIES
        if not true_passive and word not in lex.verbs:
            return []  # "documents obtained by TASS": the documents are the source
        span = right_phrase(toks, cj + 2, lex)
        if not span:
            return []
        return [cand(span)]
    if word in lex.passive_by and word not in lex.verbs:
        return []
    before = skip_between_left(toks, ci - 1, lex)
    if nxt is not None and nxt.lower in _COPULAS and word.endswith("s") and word not in {"says"}:
        return []  # "step counters are built in": a plural noun, not a verb
    if word in lex.stance and not (nxt is None or nxt.lower == "that" or nxt.text in ".,;:"):
        return []  # "the sides agreed a ceasefire": an act, not a view being reported
    modal = skip_adverbs_left(toks, ci - 1) if ci > 0 else -1
    if modal >= 0 and toks[modal].lower in _HYPOTHETICAL and word in lex.verbs:
        return []  # "some will say", "critics might argue": the writer imagines a speaker
    if word.endswith("ing") and word != "according to":
        # "..., saying inflation was high": the speaker is the subject of the main clause
        if before < 0 or toks[before].text != ",":
            return []
        span = sentence_subject(toks, before, lex)
        return [cand(span)] if span else []
    if before >= 0 and toks[before].lower in {"not", "never", "n't", "cannot"}:
        return []  # "did not say", "will not report": a negated cue attributes nothing
    aux = skip_adverbs_left(toks, ci - 1) if ci > 0 else -1
    if (
        aux >= 0
        and toks[aux].lower in _BE_AUXILIARIES
        and word.endswith(("ed", "told", "said", "found", "shown", "known"))
        and not (nxt is not None and nxt.lower == "by")
    ):
        return []  # "we were told", "demand is expected to fall": a passive, no speaker
    if word in ("told", "tell", "tells") and not _tells_someone(toks, cj + 1, lex):
        return []  # "has told a simple story"
    bare = _is_bare_form(word)
    inverted_ok = (
        word in lex.inverted
        and nxt is not None
        and (nxt.cap or nxt.lower in lex.determiners or nxt.lower in lex.numbers)
        and nxt.lower not in _OWN_VOICE
    )
    after_quote = before >= 0 and toks[before].text in {"'", '"'}
    if after_quote and nxt is not None and nxt.text.isalpha() and nxt.lower not in _NOT_SPEAKERS:
        # after a quotation any reporting verb may come first: '"...," admitted the coach'
        inverted_ok = nxt.lower not in _OWN_VOICE
    # "X, a spokeswoman, said ...": the speaker with an appositive on the left comes first
    if not after_quote and before >= 0 and toks[before].text == ",":
        span = left_phrase(toks, ci, lex)
        if span is not None and _appositive_subject(toks, ci, lex):
            return _left_candidates(ix, toks, span, ci, cj, word, nxt, lex, cand)
    if inverted_ok and (
        before < 0 or toks[before].text in {",", "'", '"'} or toks[before].lower == "as"
    ):
        if nxt.lower in ALL_PRONOUNS:
            return [cand((nxt.start, nxt.end), pronoun=nxt.lower)]
        span = right_phrase(toks, cj + 1, lex, strict=True)
        if span:
            return [cand(span)]
    if (
        nxt is not None
        and nxt.text in {",", ".", ";"}
        and word not in lex.inverted
        and word not in {"told", "say", "said", "says"}
        and " " not in word
        and (_is_bare_form(word) or word.endswith("s"))  # forms that can also be nouns
        and word not in lex.stance
    ):
        return []  # "... reached the public reports, a person said": a noun, not a cue
    span = left_phrase(toks, ci, lex)
    if span is None:
        return []
    if bare and not _plural_subject(ix, span, toks, ci, lex):
        return []  # "a heightened state of readiness": a noun, not "officials state"
    return _left_candidates(ix, toks, span, ci, cj, word, nxt, lex, cand)


def _left_candidates(ix, toks, span, ci, cj, word, nxt, lex, cand) -> list[Candidate]:
    phrase = ix.tokenize(span[0], span[1])
    first = phrase[0].lower if phrase else ""
    if any(t.lower in _OWN_VOICE for t in phrase):
        return []  # the writer's own voice ("nothing I write", "each time we")
    if len(phrase) == 1 and first in ALL_PRONOUNS:
        return [cand(span, pronoun=first)]
    head = head_noun_of(ix, span, lex)
    if (
        word in lex.document_only
        and head not in lex.document_heads
        and head not in lex.document_backrefs
    ):
        return []
    told = None
    if word in ("told", "tell", "tells") and nxt is not None:
        told = outlet_at(ix.norm, nxt.start, lex)
    return [cand(span, told=told)]


_BARE_EXCEPTIONS = frozenset({"said", "told", "found", "wrote", "put", "made"})


def _is_bare_form(word: str) -> bool:
    """A base form that is also a noun ("state", "report", "claim"): needs a plural subject."""
    if " " in word or word in _BARE_EXCEPTIONS:
        return False
    return not word.endswith(("s", "ed"))


def _plural_subject(ix, span, toks, ci, lex) -> bool:
    k = skip_between_left(toks, ci - 1, lex)
    if k >= 0 and toks[k].lower in _MODALS:
        return True
    if k >= 1 and toks[k].lower == "to" and toks[k - 1].lower in _CONTINUE:
        return True
    head = head_noun_of(ix, span, lex)
    phrase = ix.tokenize(span[0], span[1])
    if len(phrase) == 1 and phrase[0].lower in {"they", "we", "i", "you"}:
        return True
    if head in lex.institution_heads and not head.endswith("s"):
        return True  # "Police say", "the government say": collectives take either number
    return bool(head) and is_plural(head, lex)


def _tells_someone(toks, i, lex) -> bool:
    """Whether "told" has a person, a body or an outlet as its object."""
    if i >= len(toks):
        return False
    if any(toks[k].lower in lex.addressees for k in range(i, min(i + 4, len(toks)))):
        return True  # "told a news conference", "told parliament"
    t = toks[i]
    if t.cap or t.lower in {"me", "us", "him", "her", "them", "you", "reporters", "journalists"}:
        return True
    if t.lower.endswith("s") and t.lower not in lex.determiners and t.text.isalpha():
        return True  # "told investors", "told lawmakers"
    for k in range(i, min(i + 4, len(toks))):
        low = toks[k].lower
        if low in lex.person_heads or low in lex.institution_heads or toks[k].cap:
            return True
        if low in {"that", ",", "."}:
            return False
    return False


def _appositive_subject(toks, ci, lex) -> bool:
    """Whether a comma before the cue closes an appositive or relative clause of a subject."""
    i = skip_between_left(toks, ci - 1, lex)
    seg_end = i - 1
    seg_start = segment_start(toks, seg_end)
    if seg_start is None or seg_start < 2 or toks[seg_start - 1].text != ",":
        return False
    return is_appositive(toks, seg_start, seg_end, lex)


def _with_citing(ix, toks, span, cue, cue_start, cue_end, si, lex, cand):
    """'according to X' plus 'according to OUTLET, citing Y' (Y relayed by the outlet)."""
    if not span:
        return []
    out = [cand(span)]
    # look for ", citing Y" right after the phrase
    k = bisect_left(toks, span[1], key=lambda t: t.start)
    if (
        k is not None
        and k + 1 < len(toks)
        and toks[k].text == ","
        and toks[k + 1].lower == "citing"
    ):
        outlet = outlet_in(ix.norm, span[0], span[1], lex)
        inner = right_phrase(toks, k + 2, lex)
        if inner:
            if outlet and ends_with(ix.norm[span[0] : span[1]], outlet):
                out = []  # the outlet only passes the cited source on
            out.append(cand(inner, relay=outlet))
    return out


def _prev_is_comma(toks, i) -> bool:
    return i > 0 and toks[i - 1].text == ","


def _head_is(ix: SentenceIndex, span, heads: frozenset[str], lex: Lexicon) -> bool:
    return head_noun_of(ix, span, lex) in heads
