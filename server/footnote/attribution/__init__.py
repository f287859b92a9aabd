"""Attribution stage: every place where information is presented as coming from a source.

The mechanism is a small cue grammar over each sentence:

* a cue (a speech or reporting verb, "according to", a passive "... by", "as X put it");
* the speaker phrase it governs: on the left for "X said", on the right for "..., said X",
  "according to X" and "echoed by X", with an appositive or relative clause kept
  ("X, a senior analyst, said", "an official, who spoke on condition of anonymity ...");
* the phrase's kind from its head and its words (lexicon.py / data/attribution.toml);
* back-references ("the official", "she", a surname) attach to a source already introduced.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import NamedTuple

from ..model import Attribution, Document, Source
from .lexicon import Lexicon, load_lexicon
from .patterns import starts_word

# Words keep inner hyphens, apostrophes and dots ("U.S"); a final dot is split off below
# unless the word is an abbreviation ("Dr.", "U.S.", "Oct.").
_TOKEN = re.compile(r"\w+(?:[-'.]\w+)*\.?|[^\w\s]")
_ABBREVIATIONS = frozenset(
    [
        "Dr",
        "Prof",
        "Mr",
        "Mrs",
        "Ms",
        "St",
        "Gen",
        "Col",
        "Lt",
        "Sen",
        "Rep",
        "Gov",
        "Capt",
        "Maj",
        "Sgt",
        "Jr",
        "Sr",
        "Mt",
        "Ft",
        "Adm",
        "Brig",
        "Cmdr",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "No",
        "Supt",
        "Rev",
    ]
)
_PASSIVE_VERB = re.compile(
    r"(?:reported|claimed|said|believed|alleged|rumou?red|understood|thought|suggested|argued)\b"
)
_PASSIVE_IT = re.compile(
    r"\b(?:[Ii]t|[Tt]his)\s+(?:is|was|has\s+been|had\s+been|have\s+been|is\s+being)\s+"
    r"(?:\w+ly\s+)?"
    r"(?:reported|claimed|said|believed|alleged|rumou?red|understood|thought|suggested|argued)\b"
)
# "in the minister's view", "in Smith's words": the owner of the view is the source
_VIEW_NOUN = re.compile(
    r"'s\s+(?:view|opinion|words|account|telling|assessment|estimation|analysis|judge?ment)\b"
)
_IN_VIEW = re.compile(
    r"\b[Ii]n\s+((?:the\s+|[A-Z])[\w.-]*(?:\s+[\w.-]+){0,5}?)'s\s+"
    r"(?:view|opinion|words|account|telling|assessment|estimation|analysis|judgement|judgment)\b"
)
_RELATIVIZERS = frozenset({"who", "whose", "whom"})
_APPOSITIVE_STARTERS = frozenset(
    [
        "a",
        "an",
        "the",
        "who",
        "whose",
        "which",
        "one",
        "speaking",
        "seen",
        "obtained",
        "published",
        "leaked",
        "released",
        "written",
        "signed",
        "prepared",
        "circulated",
        "dated",
        "himself",
        "herself",
        "both",
        "now",
        "then",
        "formerly",
        "previously",
        "also",
        "chief",
        "head",
        "deputy",
        "former",
    ]
)
_PREPOSITIONS = frozenset(
    {
        "of",
        "from",
        "in",
        "at",
        "for",
        "with",
        "to",
        "on",
        "by",
        "within",
        "among",
        "about",
        "near",
        "inside",
        "under",
        "over",
        "into",
        "across",
        "close",
        "familiar",
        "based",
        "involved",
        "not",
        "who",
        "whose",
        "published",
        "obtained",
        "leaked",
        "seen",
        "briefed",
        "circulated",
        "released",
        "working",
        "attending",
        "linked",
        "-",
        "(",
    }
)
_COLLECTIVES = frozenset(
    {
        "copy",
        "copies",
        "version",
        "excerpt",
        "excerpts",
        "extract",
        "extracts",
        "summary",
        "portion",
        "part",
        "parts",
        "page",
        "pages",
        "section",
        "chapter",
        "plenty",
        "lots",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "most",
        "many",
        "some",
        "few",
        "all",
        "none",
        "several",
        "one",
        "two",
        "three",
        "each",
        "both",
        "any",
        "majority",
        "set",
        "series",
        "batch",
        "cache",
        "trove",
        "number",
        "handful",
        "couple",
        "dozen",
        "pair",
        "group",
        "minority",
        "host",
        "range",
        "stack",
        "bundle",
        "collection",
    }
)
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
_CLAUSE_VERBS = frozenset(
    {
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "can",
        "should",
        "may",
        "might",
        "must",
        "do",
        "does",
        "did",
        "that",
        "showed",
        "shows",
        "show",
        "remains",
        "remained",
    }
)
_RIGHT_BREAKS = frozenset(
    {
        "that",
        "which",
        "saying",
        "adding",
        "citing",
        "as",
        "because",
        "but",
        "when",
        "while",
        "if",
        "after",
        "before",
        "and",
        "told",
        "said",
        "says",
    }
)
_SEGMENT_STOPS = frozenset({",", ".", ";", ":", '"', "'", "!", "?", "["})
_MODALS = frozenset(
    {"will", "would", "could", "can", "should", "may", "might", "must", "do", "did"}
)
_AUXILIARIES = frozenset({"is", "was", "were", "are", "be", "been", "being", "get", "got", "gets"})
_HARD_STOPS = frozenset(";:()[]\"'!?")
_PERSON_PRONOUNS = frozenset({"he", "she"})
_PLURAL_PRONOUNS = frozenset({"they"})
_THING_PRONOUNS = frozenset({"it"})
_OWN_VOICE = frozenset({"i", "we", "you", "us", "me"})
_MAX_PHRASE = 40


class Tok(NamedTuple):
    """A token: offsets into the normalised text, its text and its lower-case form."""

    start: int
    end: int
    text: str
    lower: str

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


@dataclass
class _Candidate:
    start: int
    end: int
    cue: str
    cue_start: int
    cue_end: int
    sentence: int
    told: str | None = None  # the object of "told" when it is an outlet
    relay: str | None = None  # an outlet inherited from a citing source
    kind_hint: str | None = None
    quote: object | None = None
    pronoun: str | None = None


@dataclass
class _Known:
    source: Source
    names: frozenset[str]  # capitalised words of the mention's head (for surnames)
    heads: frozenset[str]  # lower-case head nouns (for "the official")
    plural: bool
    head_low: str = ""
    last_sentence: int = -1


class _IndexedText(str):
    """The normalised text, tokenised sentence by sentence on demand and only once, so
    that the many look-ups of one analysis slice cached tokens instead of re-scanning."""

    def index_sentences(self, sentences, quotes=()) -> _IndexedText:
        # quotation marks; any other "'" after a word is an apostrophe ("Residents'")
        self.quote_marks = {q.start for q in quotes} | {q.inner_end for q in quotes}
        self.sent_starts = [x.start for x in sentences]
        self.sent_ends = [x.end for x in sentences]
        self.cache: dict[int, tuple[list[Tok], list[int]]] = {}
        self.heads: dict[tuple[int, int], str] = {}
        self.relays: dict[int, str | None] = {}
        self.capitals: dict[str, bool] = {}
        self.clause_starts: dict[int, int] = {}
        return self

    def sentence_tokens(self, si: int) -> tuple[list[Tok], list[int]]:
        hit = self.cache.get(si)
        if hit is None:
            toks = _scan(self, self.sent_starts[si], self.sent_ends[si])
            hit = self.cache[si] = (toks, [t.start for t in toks])
        return hit


def _scan(norm: str, start: int, end: int) -> list[Tok]:
    out = []
    append = out.append
    new = tuple.__new__
    find = norm.find
    pos = start
    # findall hands back strings at C speed; their offsets follow by searching forward
    marks = getattr(norm, "quote_marks", None)
    for text in _TOKEN.findall(norm, start, end):
        pos = find(text, pos)
        stop = pos + len(text)
        if (
            text == "'"
            and marks is not None
            and pos not in marks
            and out
            and out[-1].end == pos
            and out[-1].text[-1:] in "sS"
        ):
            prev = out.pop()  # "Residents'": a plural possessive, part of the word
            text = prev.text + "'"
            append(new(Tok, (prev.start, stop, text, text.lower())))
            pos = stop
            continue
        if text[-1] == "." and len(text) > 1:
            stem = text[:-1]
            if stem not in _ABBREVIATIONS and "." not in stem:
                append(new(Tok, (pos, stop - 1, stem, stem.lower())))
                append(new(Tok, (stop - 1, stop, ".", ".")))
                pos = stop
                continue
        append(new(Tok, (pos, stop, text, text.lower())))
        pos = stop
    return out


def _memo(norm: str, table: str, key, compute):
    """`compute()` once per key and analysis: the tables live on the analysis's
    _IndexedText, so nothing outlives the call. A plain string gets no memo."""
    memo = getattr(norm, table, None)
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _sentence_of(norm: _IndexedText, offset: int) -> int:
    return max(0, bisect_right(norm.sent_starts, offset) - 1)


def tokenize(norm: str, start: int, end: int) -> list[Tok]:
    if isinstance(norm, _IndexedText):
        si = bisect_right(norm.sent_starts, start) - 1
        if si >= 0 and end <= norm.sent_ends[si]:
            toks, starts = norm.sentence_tokens(si)
            lo = bisect_left(starts, start)
            hi = bisect_left(starts, end, lo)
            if hi == lo or toks[hi - 1].end <= end:
                return toks[lo:hi]
    return _scan(norm, start, end)


def find_sources(doc: Document, lexicon: Lexicon | None = None):
    """Return (sources, attributions) for the document, sources in order of first attribution."""
    lex = lexicon or load_lexicon()
    doc = replace(doc, norm=_IndexedText(doc.norm).index_sentences(doc.sentences, doc.quotes))
    norm = doc.norm
    candidates = _candidates(doc, lex)
    known: list[_Known] = []
    attributions: list[Attribution] = []
    for cand in sorted(candidates, key=lambda c: (c.start, c.cue_start)):
        if cand.pronoun in _PERSON_PRONOUNS and not any(
            k.last_sentence >= cand.sentence - 1
            and k.source.kind in ("named_person", "unnamed_individual")
            for k in known[-3:]
        ):
            # "Manager Ricardo Silva was less happy. He complained ...": the pronoun stands
            # for the last person named, who may not have been a source until now (when a
            # person spoke in this sentence or the one before, the pronoun is theirs)
            name = _antecedent(doc, cand, lex)
            if name is not None:
                cand = replace(cand, start=name[0], end=name[1], pronoun=None)
        elif cand.pronoun in _THING_PRONOUNS and not any(
            k.last_sentence >= cand.sentence - 1 and k.source.kind == "document" for k in known[-3:]
        ):
            # "The research, published on Wednesday, pooled data ... It found ...": "it"
            # stands for a study named just before, though the study has not spoken yet
            study = _document_antecedent(doc, cand, lex)
            if study is not None:
                cand = replace(cand, start=study[0], end=study[1], pronoun=None)
        target = _resolve(cand, known, doc, lex)
        if target is None:
            if cand.cue in lex.citing and known and known[-1].source.relayed_by:
                last = known[-1].source  # "documents obtained by TASS, which cite a review"
                if _sentence_of(doc.norm, last.start) == cand.sentence:
                    cand.relay = last.relayed_by
            source = _new_source(cand, len(known) + 1, doc, lex)
            if source is None:
                continue
            known.append(_remember(source, norm, lex))
            known[-1].last_sentence = cand.sentence
        else:
            source = replace(target.source, attributions=target.source.attributions + 1)
            if source.kind in ("unnamed_individual", "vague_group") and not source.anonymity_reason:
                # "..., said the people, who asked not to be named because ...": a reason
                # given at a later mention still belongs to the source
                requested, reason = _anonymity(doc, cand, cand.start, cand.end, lex)
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


# --- finding cues and their speaker phrases -------------------------------------------------


def _candidates(doc: Document, lex: Lexicon) -> list[_Candidate]:
    norm = doc.norm
    blocked = [
        (m.start(), m.end())
        for m in lex.non_attribution_re.finditer(norm)
        if starts_word(norm, m.start())
    ]
    token_cache: dict[int, list[Tok]] = {}
    out: list[_Candidate] = []
    seen_cues: set[int] = set()

    def toks_of(si: int) -> list[Tok]:
        # the whole sentence's tokens, straight from the per-analysis cache
        if si not in token_cache:
            token_cache[si] = norm.sentence_tokens(si)[0]
        return token_cache[si]

    for v in _VIEW_NOUN.finditer(norm):
        # "in the minister's view": find the "'s view" first, then look back for "in"
        m = _IN_VIEW.search(norm, max(0, v.start() - 80), v.end())
        if m is None or m.end() != v.end() or doc.in_quote(m.start(), m.end()):
            continue
        si = _sentence_of(doc.norm, m.start())
        out.append(_Candidate(m.start(1), m.end(1), "in the view of", m.start(), m.end(), si))
        seen_cues.add(m.end())
    for v in _PASSIVE_VERB.finditer(norm):
        # "it is widely reported": find the participle first, then look back for "it is"
        m = _PASSIVE_IT.search(norm, max(0, v.start() - 40), v.end())
        if m is None or m.end() != v.end() or doc.in_quote(m.start(), m.end()):
            continue
        si = _sentence_of(doc.norm, m.start())
        out.append(
            _Candidate(
                m.start(),
                m.end(),
                m.group().lower(),
                m.start(),
                m.end(),
                si,
                kind_hint="vague_group",
            )
        )
        seen_cues.add(m.end())
    for m in lex.cue_re.finditer(norm):
        if m.end() in seen_cues or _inside(blocked, m.start()):
            continue
        if doc.in_quote(m.start(), m.end()):
            continue
        si = _sentence_of(doc.norm, m.start())
        toks = toks_of(si)
        ci = _token_index(toks, m.start())
        if ci is None:
            continue
        cue = " ".join(m.group().lower().split())
        cj = _token_index(toks, m.end() - 1)
        out.extend(_speakers(doc, toks, ci, cj, cue, si, lex))
    out = _relay_through_outlets(_drop_nested(out, norm, lex), norm, lex)
    # a cue inside another candidate's speaker phrase ("according to intelligence reports")
    spans = sorted((c.start, c.end) for c in out)
    starts = [a for a, _ in spans]
    keep = []
    for c in out:
        k = bisect_right(starts, c.cue_start)
        inside = any(
            a <= c.cue_start and c.cue_end <= b and (a, b) != (c.start, c.end)
            for a, b in spans[max(0, k - _NEIGHBOURS) : k]
        )
        if not inside:
            keep.append(c)
    return keep


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether `offset` falls in one of `spans` (sorted, non-overlapping)."""
    k = bisect_left(spans, (offset + 1,)) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]


_NOT_SPEAKERS = frozenset(
    {"that", "to", "by", "in", "on", "at", "of", "for", "with", "as", "it", "this", "so", "and"}
)
_COPULAS = frozenset({"is", "are", "was", "were", "have", "has", "had", "will", "would", "can"})
_HYPOTHETICAL = frozenset({"will", "might", "may", "could", "should", "must", "can", "shall"})
_ALL_PRONOUNS = _PERSON_PRONOUNS | _PLURAL_PRONOUNS | _THING_PRONOUNS
_BE_AUXILIARIES = _AUXILIARIES - {"get", "got", "gets"}
_TRUE_PREPOSITIONS = _PREPOSITIONS - {"not", "who", "whose", "-", "("}
_LEADING_PREPOSITIONS = _PREPOSITIONS - {"close", "familiar"}
_HARD_STOPS_BUT_CLOSE = _HARD_STOPS - {")"}
_RIGHT_APPOSITIVE_STARTERS = _APPOSITIVE_STARTERS - {"which"}
_CONNECTIVES = frozenset(
    {
        "however",
        "meanwhile",
        "too",
        "though",
        "also",
        "instead",
        "nonetheless",
        "nevertheless",
        "moreover",
        "indeed",
        "therefore",
        "then",
        "now",
        "again",
        "still",
        "separately",
    }
)
_NEIGHBOURS = 8
_RECENT = 40  # how far apart two cues of one sentence can still interact
_OPEN_CUES = frozenset({"according to", "in the words of", "per", "in the view of"})


def _is_outlet(norm: str, cand: _Candidate, lex: Lexicon) -> str | None:
    """The outlet a candidate names, when it is just an outlet ("the state agency TASS")."""
    m = lex.outlet_re.search(norm, cand.start, cand.end)
    if m and m.end() >= cand.end - 1 and cand.end - cand.start <= len(m.group()) + 40:
        return m.group()
    return None


def _relay_through_outlets(cands: list[_Candidate], norm: str, lex: Lexicon) -> list:
    """'X said ..., according to TASS' / '..., Xinhua reported': the outlet passes X on.

    The outlet is then X's relay, not a source of its own."""
    by_sentence: dict[int, list[_Candidate]] = {}
    for c in cands:
        by_sentence.setdefault(c.sentence, []).append(c)
    drop = set()
    for group in by_sentence.values():
        if len(group) < 2:
            continue
        last = max(group, key=lambda x: x.cue_start)  # only an outlet cited last relays
        outlet = _is_outlet(norm, last, lex)
        if outlet is None:
            continue
        speakers = [
            x
            for x in group
            if x is not last and x.cue_start < last.cue_start and _is_outlet(norm, x, lex) is None
        ]
        if speakers:
            for x in speakers:
                x.relay = x.relay or outlet
            drop.add(id(last))
    return [c for c in cands if id(c) not in drop] if drop else cands


def _drop_nested(cands: list[_Candidate], norm: str, lex: Lexicon) -> list[_Candidate]:
    """Drop verb cues inside the reported content of another cue in the same sentence.

    "Budapest has said the measures would threaten ..." reports what Budapest said; the
    measures are not a source. "According to X" inside reported speech stays: a source
    citing another source is listed as well.
    """
    by_sentence: dict[int, list[_Candidate]] = {}
    for c in cands:
        by_sentence.setdefault(c.sentence, []).append(c)
    keep = []
    for group in by_sentence.values():
        group.sort(key=lambda c: c.cue_start)
        for k, c in enumerate(group):
            if c.cue in _OPEN_CUES or c.kind_hint:
                keep.append(c)
                continue
            nested = False
            for other in group[max(0, k - _NEIGHBOURS) : k]:
                if other.cue in _OPEN_CUES or other.kind_hint:
                    continue
                gap = norm[other.cue_end : min(c.start, c.cue_start)]
                if other.cue_end <= c.start and not _CLAUSE_BREAK.search(gap):
                    nested = True
                    break
            for other in group[k + 1 : k + 1 + _NEIGHBOURS]:
                if other.cue in _OPEN_CUES or other.kind_hint or other.start < c.cue_end:
                    continue
                lead = norm[max(0, other.start - 2) : other.start]
                tail = norm[other.cue_end : other.cue_end + 40]
                if (
                    "," in lead
                    and other.start < other.cue_start
                    and _ends_sentence(tail)
                    and _is_outlet(norm, other, lex) is None  # ", Xinhua reported": a relay
                ):
                    nested = True  # "..., the researchers found."
                    break
            if not nested:
                keep.append(c)
    return keep


_CLAUSE_BREAK = re.compile(r"[,;:\"]|(?<!\w)'|'(?!\w)")
_TAIL_STARTS = frozenset(
    {
        "on",
        "in",
        "at",
        "this",
        "last",
        "late",
        "earlier",
        "yesterday",
        "today",
        "privately",
        "publicly",
        "recently",
        "later",
        "afterwards",
        "then",
        "too",
        "also",
    }
)


def _ends_sentence(tail: str) -> bool:
    """Whether a cue is the last thing in its sentence ("..., the researchers found.")."""
    if "." not in tail:
        return False
    words = tail.split(".", 1)[0].split()
    return len(words) <= 3 and (not words or words[0].lower() in _TAIL_STARTS)


def _token_index(toks: list[Tok], offset: int) -> int | None:
    lo, hi = 0, len(toks) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        t = toks[mid]
        if t.end <= offset:
            lo = mid + 1
        elif t.start > offset:
            hi = mid - 1
        else:
            return mid
    return None


def _speakers(doc, toks, ci, cj, cue, si, lex) -> list[_Candidate]:
    """Speaker phrases governed by the cue spanning tokens ci..cj."""
    cue_start, cue_end = toks[ci].start, toks[cj].end
    nxt = toks[cj + 1] if cj + 1 < len(toks) else None

    def cand(span, **kw):
        return _Candidate(span[0], span[1], cue, cue_start, cue_end, si, **kw)

    if cue == "per" and not (
        (toks[ci].text == "Per" or (ci > 0 and toks[ci - 1].text in {",", "-"}))
        and nxt is not None
        and (nxt.cap or nxt.lower in {"a", "an", "the"})
    ):
        return []  # "5 per cent", "per day"
    if cue in ("according to", "in the words of", "per"):
        span = _right_phrase(toks, cj + 1, lex)
        return _with_citing(doc, toks, span, cue, cue_start, cue_end, si, lex, cand)
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
        span = _right_phrase(toks, cj + 1, lex)
        if span and _head_is(doc.norm, span, lex.document_heads, lex):
            return [cand(span, kind_hint="document")]
        return []
    if word in lex.passive_by and nxt is not None and nxt.lower == "by":
        true_passive = ci > 0 and toks[_skip_adverbs_left(toks, ci - 1)].lower in _AUXILIARIES
        if not true_passive and word not in lex.verbs:
            return []  # "documents obtained by TASS": the documents are the source
        span = _right_phrase(toks, cj + 2, lex)
        if not span:
            return []
        return [cand(span)]
    if word in lex.passive_by and word not in lex.verbs:
        return []
    before = _skip_between_left(toks, ci - 1, lex)
    if nxt is not None and nxt.lower in _COPULAS and word.endswith("s") and word not in {"says"}:
        return []  # "step counters are built in": a plural noun, not a verb
    if word in lex.stance and not (nxt is None or nxt.lower == "that" or nxt.text in ".,;:"):
        return []  # "the sides agreed a ceasefire": an act, not a view being reported
    modal = _skip_adverbs_left(toks, ci - 1) if ci > 0 else -1
    if modal >= 0 and toks[modal].lower in _HYPOTHETICAL and word in lex.verbs:
        return []  # "some will say", "critics might argue": the writer imagines a speaker
    if word.endswith("ing") and word != "according to":
        # "..., saying inflation was high": the speaker is the subject of the main clause
        if before < 0 or toks[before].text != ",":
            return []
        span = _sentence_subject(toks, before, lex)
        return [cand(span)] if span else []
    if before >= 0 and toks[before].lower in {"not", "never", "n't", "cannot"}:
        return []  # "did not say", "will not report": a negated cue attributes nothing
    aux = _skip_adverbs_left(toks, ci - 1) if ci > 0 else -1
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
        span = _left_phrase(toks, ci, lex)
        if span is not None and _appositive_subject(toks, ci, lex):
            return _left_candidates(doc, toks, span, ci, cj, word, nxt, lex, cand)
    if inverted_ok and (
        before < 0 or toks[before].text in {",", "'", '"'} or toks[before].lower == "as"
    ):
        if nxt.lower in _ALL_PRONOUNS:
            return [cand((nxt.start, nxt.end), pronoun=nxt.lower)]
        span = _right_phrase(toks, cj + 1, lex, strict=True)
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
    span = _left_phrase(toks, ci, lex)
    if span is None:
        return []
    if bare and not _plural_subject(doc.norm, span, toks, ci, lex):
        return []  # "a heightened state of readiness": a noun, not "officials state"
    return _left_candidates(doc, toks, span, ci, cj, word, nxt, lex, cand)


def _sentence_subject(toks: list[Tok], limit: int, lex: Lexicon) -> tuple[int, int] | None:
    """The noun phrase that opens the sentence (after a dateline), before its first verb."""
    i = 0
    for k in range(min(limit, 8)):
        if toks[k].text == "-" and all(t.cap or t.text == "," for t in toks[:k]):
            i = k + 1  # "LAGOS, Nigeria - ..."
            break
    if i < limit and toks[i].lower in _PREPOSITIONS | {"after", "before", "when", "as"}:
        return None  # the sentence opens with a phrase, not its subject
    j = i
    while j < limit:
        t = toks[j]
        if t.lower in lex.stop_left or not t.text[0].isalnum() and t.text not in {"-", "'"}:
            break
        if j > i and t.text.islower() and (t.lower.endswith("ed") or t.lower in lex.verbs):
            break
        j += 1
    if j == i or j - i > 8:
        return None
    return toks[i].start, toks[j - 1].end


def _left_candidates(doc, toks, span, ci, cj, word, nxt, lex, cand) -> list[_Candidate]:
    phrase = tokenize(doc.norm, span[0], span[1])
    first = phrase[0].lower if phrase else ""
    if any(t.lower in _OWN_VOICE for t in phrase):
        return []  # the writer's own voice ("nothing I write", "each time we")
    if len(phrase) == 1 and first in _ALL_PRONOUNS:
        return [cand(span, pronoun=first)]
    head = _head_noun(doc.norm, span, lex)
    if (
        word in lex.document_only
        and head not in lex.document_heads
        and head not in lex.document_backrefs
    ):
        return []
    told = None
    if word in ("told", "tell", "tells") and nxt is not None:
        told = _outlet_at(doc.norm, nxt.start, lex)
    return [cand(span, told=told)]


_BARE_EXCEPTIONS = frozenset({"said", "told", "found", "wrote", "put", "made"})


def _is_bare_form(word: str) -> bool:
    """A base form that is also a noun ("state", "report", "claim"): needs a plural subject."""
    if " " in word or word in _BARE_EXCEPTIONS:
        return False
    return not word.endswith(("s", "ed"))


def _plural_subject(norm, span, toks, ci, lex) -> bool:
    k = _skip_between_left(toks, ci - 1, lex)
    if k >= 0 and toks[k].lower in _MODALS:
        return True
    if k >= 1 and toks[k].lower == "to" and toks[k - 1].lower in _CONTINUE:
        return True
    head = _head_noun(norm, span, lex)
    phrase = tokenize(norm, span[0], span[1])
    if len(phrase) == 1 and phrase[0].lower in {"they", "we", "i", "you"}:
        return True
    if head in lex.institution_heads and not head.endswith("s"):
        return True  # "Police say", "the government say": collectives take either number
    return bool(head) and _is_plural(head, lex)


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
    i = _skip_between_left(toks, ci - 1, lex)
    seg_end = i - 1
    seg_start = _segment_start(toks, seg_end)
    if seg_start is None or seg_start < 2 or toks[seg_start - 1].text != ",":
        return False
    return _is_appositive(toks, seg_start, seg_end, lex)


def _with_citing(doc, toks, span, cue, cue_start, cue_end, si, lex, cand):
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
        outlet = _outlet_in(doc.norm, span[0], span[1], lex)
        inner = _right_phrase(toks, k + 2, lex)
        if inner:
            if outlet and _ends_with(doc.norm[span[0] : span[1]], outlet):
                out = []  # the outlet only passes the cited source on
            out.append(cand(inner, relay=outlet))
    return out


def _prev_is_comma(toks, i) -> bool:
    return i > 0 and toks[i - 1].text == ","


def _skip_between_left(toks, i, lex) -> int:
    if i >= 2 and toks[i].text == ",":
        # a parenthetical between subject and verb: "officials, predictably, dismiss",
        # "the ministry, in a statement, said", "Smith, however, insisted"
        k = i - 1
        while k >= 0 and i - k <= 6 and toks[k].text not in _SEGMENT_STOPS:
            k -= 1
        if k >= 1 and toks[k].text == "," and k < i - 1:
            first = toks[k + 1].lower
            if (k + 2 == i and (first.endswith("ly") or first in _CONNECTIVES)) or (
                first in _TRUE_PREPOSITIONS
            ):
                i = k - 1
    while (
        i >= 0
        and (toks[i].lower in lex.between or toks[i].lower.endswith("ly"))
        and (toks[i].lower not in {"only", "family", "italy"})
    ):
        i -= 1
    return i


def _skip_adverbs_left(toks, i) -> int:
    while i > 0 and toks[i].lower.endswith("ly") and toks[i].lower not in {"only", "italy"}:
        i -= 1
    return i


def _left_phrase(toks: list[Tok], ci: int, lex: Lexicon) -> tuple[int, int] | None:
    """The subject on the left of a cue at token ci, with its appositive if any."""
    i = _skip_between_left(toks, ci - 1, lex)
    # "continues to insist", "has been quick to say"
    while (
        i >= 1
        and toks[i].lower == "to"
        and toks[i - 1].lower
        in {
            "continues",
            "continue",
            "continued",
            "went",
            "goes",
            "go",
            "rushed",
            "hastened",
        }
    ):
        i = _skip_between_left(toks, i - 2, lex)
    if i < 0:
        return None
    end_tok = i
    if toks[i].text == ",":
        # X, <appositive or relative clause>[, <another>], said
        seg_end = i - 1
        seg_start = _segment_start(toks, seg_end)
        if seg_start is None or seg_start > seg_end:
            return None
        while (
            seg_start >= 2
            and toks[seg_start - 1].text == ","
            and _is_appositive(toks, seg_start, seg_end, lex)
        ):
            head_end = seg_start - 2
            head_start = _segment_start(toks, head_end)
            if head_start is None:
                break
            if (
                head_start >= 2
                and toks[head_start - 1].text == ","
                and (
                    toks[head_start].text.isdigit()
                    or _is_appositive(toks, head_start, head_end, lex)
                )
                and head_end - head_start < 3
            ):
                seg_start = head_start  # "Anastasia, 19, a student ..."
                continue
            start = _subject_start(toks, head_end, lex)
            if start is not None:
                return toks[start].start, toks[seg_end].end
            break
        start = _subject_start(toks, seg_end, lex)
        if start is None:
            return None
        return toks[start].start, toks[seg_end].end
    start = _subject_start(toks, end_tok, lex)
    if start is None:
        return None
    return toks[start].start, toks[end_tok].end


def _is_appositive(toks, seg_start, seg_end, lex) -> bool:
    first = toks[seg_start]
    if first.lower in _APPOSITIVE_STARTERS:
        return True
    if first.lower in {"including", "among", "such", "like", "notably", "especially"}:
        return True  # "Critics of the policy, including the opposition, say ..."
    if first.lower.endswith("ed") and first.text.islower() and seg_end - seg_start < 8:
        return True  # "An internal email, reviewed by the Post, shows ..."
    if any(t.lower in _CLAUSE_VERBS for t in toks[seg_start : seg_end + 1]):
        return False
    before = toks[seg_start - 2] if seg_start >= 2 else None
    # "Colonel Aino Lehtisalo, commander of the Lapland Air Wing, told ..."
    return (
        before is not None
        and before.cap
        and before.text.isalpha()
        and (not first.cap or first.lower.endswith("'s"))
    )


def _segment_start(toks, end) -> int | None:
    j = end
    floor = end - _MAX_PHRASE
    while j >= 0 and toks[j].text not in _SEGMENT_STOPS:
        if j <= floor:
            return None  # no clause this long is a speaker phrase
        j -= 1
    return j + 1 if j + 1 <= end else None


def _subject_start(toks: list[Tok], end: int, lex: Lexicon) -> int | None:
    """Scan left from token `end` over a noun phrase; return its first token index."""
    if end < 0:
        return None
    t = toks[end]
    if t.text in _HARD_STOPS_BUT_CLOSE or t.text in {",", "."}:
        return None
    if t.lower in lex.stop_left and t.lower not in _ALL_PRONOUNS:
        return None
    # the leftmost relativizer inside this comma segment: stop words after it belong to
    # the relative clause ("a diplomat who is attending the course")
    seg = end
    floor = max(0, end - _MAX_PHRASE)
    while seg > floor and toks[seg - 1].text not in _SEGMENT_STOPS:
        seg -= 1
    rel = next((k for k in range(seg, end + 1) if toks[k].text in _RELATIVIZERS), None)
    j = end if rel is None else rel - 1
    if rel is not None and j < seg:
        return None
    while j >= seg:
        tok = toks[j]
        low = tok.lower
        if end - j > _MAX_PHRASE:
            return None
        if low in _ALL_PRONOUNS:
            return j if j == end else j + 1
        if tok.text == ")":
            k = j - 1
            while k >= seg and toks[k].text != "(":
                k -= 1
            if k > seg and j - k <= 4:
                j = k - 1
                continue
            break
        if low == "and" and j > 0 and toks[j - 1].cap and j + 1 <= end and toks[j + 1].cap:
            j -= 1
            continue
        if low == "not" and j + 1 <= end and toks[j + 1].lower.endswith("ed"):
            j -= 1
            continue
        if (
            low in lex.stop_left
            or tok.text == "."
            or (not tok.text[0].isalnum() and tok.text not in "&'")
        ):
            break  # a dash or other mark ends the phrase: "LONDON (Reuters) - An official"
        j -= 1
    start = j + 1
    # drop a leading preposition phrase run such as "In Mariupol"? keep simple: trim
    # leading prepositions / relativizers that cannot begin a subject
    while start <= end and toks[start].lower in _LEADING_PREPOSITIONS:
        start += 1
    if start > end:
        return None
    for k in range(start + 1, end + 1 if rel is None else rel):
        if (
            toks[k].lower in {"the", "a", "an"}
            and toks[k - 1].lower not in _PREPOSITIONS
            and (toks[k - 1].text.isalpha() and not toks[k - 1].cap or toks[k - 1].lower == "for")
        ):
            start = k  # "for years the Western press": the subject starts at its determiner
    return start


def _right_phrase(
    toks: list[Tok], i: int, lex: Lexicon, strict: bool = False
) -> tuple[int, int] | None:
    """The noun phrase starting at token i, up to the end of its clause.

    With `strict`, the phrase must run to a comma, a quotation mark or the sentence's end
    without meeting a verb: "..., said the minister." but not "said the talks had failed"."""
    n = len(toks)
    while i < n and toks[i].text in {",", "-"}:
        i += 1
    if i >= n:
        return None
    first = toks[i]
    if first.text in _HARD_STOPS or first.lower in {"that", "which", "it", "to"}:
        return None
    j = i
    last = None
    while j < n and j - i < _MAX_PHRASE:
        tok = toks[j]
        if tok.text == ",":
            nxt = toks[j + 1].lower if j + 1 < n else ""
            after_name = strict and last is not None and _is_name_tok(toks[last])
            if nxt in {"who", "whose", "speaking"} or (
                after_name and (nxt in _RIGHT_APPOSITIVE_STARTERS or nxt.endswith("'s"))
            ):
                # appositive or relative clause: include it to the next comma
                k = j + 1
                while k < n and toks[k].text not in {",", "."} and toks[k].text not in _HARD_STOPS:
                    k += 1
                last = k - 1
                j = k
                if nxt in _RELATIVIZERS or nxt == "speaking":
                    break
                continue
            break
        if (
            tok.text == "("
            and j + 2 < n
            and j + 4
            >= next((k for k in range(j + 1, min(n, j + 5)) if toks[k].text == ")"), n + 9)
        ):
            j = next(k for k in range(j + 1, n) if toks[k].text == ")")
            last = j  # "the NATO Defense College (NDC)": an acronym in brackets
            j += 1
            continue
        if tok.text in _HARD_STOPS or tok.text == ".":
            break
        if strict and tok.lower in _CLAUSE_VERBS:
            return None
        if tok.lower in _RIGHT_BREAKS and j > i:
            if tok.lower == "and" and j + 1 < n and toks[j + 1].cap and toks[j - 1].cap:
                j += 1
                continue
            if strict and tok.lower not in {"as", "after", "before", "when", "while", "and", "but"}:
                return None
            break
        last = j
        j += 1
    if last is None:
        return None
    # do not end on a preposition or determiner
    while last > i and _dangling(toks[last].lower, lex):
        last -= 1
    return toks[i].start, toks[last].end


def _dangling(low: str, lex: Lexicon) -> bool:
    """A word a phrase cannot end on: a preposition or a determiner."""
    return (low in _PREPOSITIONS or low in lex.determiners) and low not in {"involved", "briefed"}


def _is_name_tok(tok: Tok) -> bool:
    return tok.cap and tok.text.isalpha()


def _head_is(norm: str, span, heads: frozenset[str], lex: Lexicon) -> bool:
    return _head_noun(norm, span, lex) in heads


def _head_noun(norm: str, span, lex: Lexicon) -> str:
    """The head noun of a phrase's first chunk: 'a set of diplomatic cables' -> 'cables'."""
    return _memo(norm, "heads", (span[0], span[1]), lambda: _find_head_noun(norm, span, lex))


def _find_head_noun(norm: str, span, lex: Lexicon) -> str:
    words = tokenize(norm, span[0], span[1])
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
                    and (
                        _is_plural(head, lex)
                        or head in lex.person_heads
                        or head in lex.institution_heads
                    )
                )
            )
            and not words[k - 1].lower.endswith("ly")
            and words[k - 1].lower not in lex.determiners
        )
        if k > 0 and (
            w.text in {",", "("}
            or (w.text in _PREPOSITIONS)
            or w.text in _RELATIVIZERS
            or participle
        ):
            if low == "of" and head in _COLLECTIVES:
                k += 1
                head = ""
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


_OUTLET_LEAD = re.compile(r"(?:[Tt]he\s+)?(?:[a-z-]+\s+){0,3}")


def _outlet_at(norm: str, offset: int, lex: Lexicon) -> str | None:
    """An outlet named at `offset`, after at most a few lower-case words of description
    ("the Financial Times", "state broadcaster RT")."""
    lead = _OUTLET_LEAD.match(norm, offset)
    for start in {offset, lead.end() if lead else offset}:
        m = lex.outlet_re.match(norm, start)
        if m:
            return m.group()
    if norm.startswith(("the ", "The "), offset):
        m = lex.outlet_re.match(norm, offset + 4)
        if m:
            return m.group()
    return None


def _outlet_in(norm: str, start: int, end: int, lex: Lexicon) -> str | None:
    m = lex.outlet_re.search(norm, start, end)
    return m.group() if m else None


# --- classification -------------------------------------------------------------------------


def classify(norm: str, span: tuple[int, int], lex: Lexicon, sentence_start: int) -> str:
    toks = tokenize(norm, span[0], span[1])
    if not toks:
        return "vague_group"
    # the pre-chunk: the words before the first comma, preposition or relative clause
    cut = next(
        (
            k
            for k, t in enumerate(toks)
            if k > 0
            and (t.text in {",", "("} or t.text in _PREPOSITIONS or t.text in _RELATIVIZERS)
        ),
        len(toks),
    )
    pre = toks[:cut]
    comma = next((k for k, t in enumerate(toks) if t.text == ","), None)
    appositive = toks[comma + 1 :] if comma is not None else []
    if appositive and appositive[0].text in _RELATIVIZERS:
        appositive = []
    head_noun = _head_noun(norm, span, lex)
    pre_text = norm[pre[0].start : pre[-1].end]
    outlet = _outlet_in(norm, span[0], span[1], lex)
    # an outlet reporting in its own name ("a report by RIA Novosti", "Press TV")
    handed_on = _HANDED_ON.search(norm, span[0], span[1])  # "a report seen by Reuters"
    if outlet and (
        (head_noun in {"report", "reports", "reporting", "broadcast"} and not handed_on)
        or _ends_with(pre_text, outlet)
    ):
        return "named_organization"
    name = _has_name(pre, lex, sentence_start, norm)
    if name == "person" and head_noun in lex.institution_heads and pre[-1].text.islower():
        name = "org"  # "Nigeria's central bank": a capitalised owner, an institution as head
    app_head = (
        _head_noun(norm, (appositive[0].start, appositive[-1].end), lex) if appositive else ""
    )
    if (
        name == "person"
        and head_noun not in lex.person_heads
        and head_noun not in lex.document_heads
    ):
        if app_head in lex.institution_heads or app_head in _COMPANY_NOUNS:
            return "named_organization"
        return "named_person"
    if head_noun in lex.document_heads:
        return "document"
    if (
        appositive
        and _has_name(appositive, lex, -1) == "person"
        and not _first_is_det(appositive, lex)
    ):
        return "named_person"
    first = pre[0].lower
    plural = _is_plural(head_noun, lex)
    counted = any(t.lower in lex.numbers or t.text.isdigit() for t in pre[:3])
    vague_start = first in lex.vague_quantifiers or first in {"those", "these", "plenty"}
    if head_noun in lex.person_heads:
        if name == "person" and not plural:
            return "named_person"  # "Yaroshevich's coach, ..." falls through above
        if vague_start or (plural and not counted):
            return "vague_group"
        return "unnamed_individual"
    if name == "org" and not vague_start:
        return "named_organization"
    if head_noun in lex.institution_heads:
        broad = [t for t in pre if t.lower in lex.broad_adjectives]
        if plural and (
            broad
            or not any(
                t.cap for t in pre if t.lower not in lex.determiners and t.lower != head_noun
            )
        ):
            return "unnamed_individual" if counted else "vague_group"
        return "named_organization"
    if head_noun in _COMPANY_NOUNS:
        return "named_organization"
    if name == "person":
        return "named_person"
    if vague_start or first in {"many", "some", "most", "few"}:
        return "vague_group"
    if plural and not counted:
        return "vague_group"
    return "unnamed_individual"


_COMPANY_NOUNS = frozenset(
    {
        "house",
        "maker",
        "producer",
        "firm",
        "company",
        "group",
        "operator",
        "operators",
        "business",
        "brand",
        "retailer",
        "manufacturer",
        "startup",
        "chain",
        "supplier",
        "carrier",
        "airline",
        "insurer",
        "lender",
        "developer",
        "broadcaster",
        "publisher",
        "charity",
        "ngo",
    }
)


_HANDED_ON = re.compile(
    r"\b(?:seen|obtained|leaked|reviewed|viewed|shared|given|passed|sent|provided)\b"
)


def _ends_with(text: str, outlet: str) -> bool:
    return text.rstrip(" .").endswith(outlet)


def _first_is_det(toks, lex) -> bool:
    return bool(toks) and toks[0].lower in lex.determiners


def _is_plural(noun: str, lex: Lexicon) -> bool:
    if noun in {
        "people",
        "staff",
        "troops",
        "men",
        "women",
        "media",
        "data",
        "locals",
        "many",
        "some",
        "few",
        "most",
        "several",
        "others",
        "all",
        "both",
        "they",
        "we",
    }:
        return True
    if noun in {"press"}:
        return True  # "the press", "the Western press": a collective of outlets
    if noun.endswith("men") or noun in {"children", "folk", "clergy", "crew", "youth"}:
        return True  # "fishermen", "children"
    if noun in {"police", "news"}:
        return False
    return noun.endswith("s") and not noun.endswith(("ss", "us", "is"))


def _is_demonym(low: str, lex: Lexicon) -> bool:
    return low in lex.demonyms or (
        low.endswith(lex.demonym_suffixes) and len(low) > 4 and low not in lex.places
    )


_LABEL_ENDS = frozenset({":", ")", "-", "*", "|", "]", "\u2022"})


def _capitalised_elsewhere(norm: str, tok: Tok) -> bool:
    """Whether the word appears capitalised somewhere other than a sentence's start."""
    return _memo(norm, "capitals", tok.text, lambda: _scan_capitalised(norm, tok))


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


def _clause_start(norm: str, sentence) -> int:
    """Where the sentence's first word starts, after a bullet, a label ("Breaking:",
    "(Updated)") or a dateline ("LONDON (Reuters) -")."""
    return _memo(norm, "clause_starts", sentence.start, lambda: _find_clause_start(norm, sentence))


def _find_clause_start(norm: str, sentence) -> int:
    toks = tokenize(norm, sentence.start, sentence.end)[:12]
    first = 0
    for k, t in enumerate(toks[:10]):
        if t.text in _LABEL_ENDS:
            first = k + 1
    while first < len(toks) and not toks[first].text[0].isalnum():
        first += 1
    return toks[first].start if first < len(toks) else sentence.start


def _has_name(
    toks: list[Tok], lex: Lexicon, sentence_start: int, norm: str | None = None
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
        if t.start == sentence_start and (
            # "Traders said": a capitalised plural common noun opening the sentence (unless
            # the text capitalises it elsewhere too, as it would a surname: "Jones")
            (
                len(toks) == 1
                and _is_plural(base, lex)
                and base not in lex.places
                and not (norm and _capitalised_elsewhere(norm, t))
            )
            or (k + 1 < len(toks) and toks[k + 1].text[:1].islower())
            or base in lex.person_heads
            or base in lex.determiners
            or base in lex.vague_quantifiers
            or base in lex.stop_left
            or base in lex.institution_heads
            or base in lex.document_heads
            or base in lex.broad_adjectives
        ):
            caps_run = 0
            continue
        if base in lex.person_titles:
            titled = True
            caps_run = 0
            continue
        if (
            base in lex.org_words
            or base in lex.places
            or t.text.isupper()
            and len(t.text) > 1
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
                _is_demonym(base, lex)
                and (base in lex.demonyms or not nxt_cap or _title_next(toks, k, lex))
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


def _title_next(toks, k, lex) -> bool:
    return k + 1 < len(toks) and toks[k + 1].lower.rstrip(".") in lex.person_titles


def _single_name_ok(toks: list[Tok], k: int) -> bool:
    # a lone capitalised word followed by nothing capitalised: a surname or first name
    rest = toks[k + 1 :]
    return not any(t.cap for t in rest)


# --- resolving back-references ----------------------------------------------------------------


def _antecedent(doc: Document, cand: _Candidate, lex: Lexicon) -> tuple[int, int] | None:
    """The last personal name before a he/she cue, in its sentence or the two before."""
    norm = doc.norm
    for si in range(cand.sentence, max(-1, cand.sentence - 3), -1):
        sent = doc.sentences[si]
        toks = tokenize(norm, sent.start, min(sent.end, cand.start))
        j = len(toks)
        while j > 0:  # capitalised runs, from the last one back
            if not (toks[j - 1].cap and toks[j - 1].text[0].isalpha()):
                j -= 1
                continue
            k = j
            while k > 0 and toks[k - 1].cap and toks[k - 1].text[0].isalpha():
                k -= 1
            run = toks[k:j]
            if _personal_name(run, lex, norm):
                return run[0].start, run[-1].end
            j = k
    return None


def _document_antecedent(doc: Document, cand: _Candidate, lex: Lexicon) -> tuple[int, int] | None:
    """A study or report opening the previous sentence ("The research ...", "A new study")."""
    if cand.sentence == 0:
        return None
    prev = doc.sentences[cand.sentence - 1]
    toks = tokenize(doc.norm, prev.start, prev.end)[:5]
    for k, t in enumerate(toks):
        if t.lower in lex.document_heads and t.text.isalpha():
            if k and toks[0].lower in {"the", "a", "an", "this", "that", "its", "their"}:
                return toks[0].start, t.end
            return None
        if not (t.text.isalpha() and t.text[:1].islower() or k == 0):
            return None
    return None


def _personal_name(run: list[Tok], lex: Lexicon, norm: str) -> bool:
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
        and not _is_demonym(t.lower, lex)
    ]
    if not names:
        return False
    titled = len(names) < len(run) and any(t.lower.rstrip(".") in lex.person_titles for t in run)
    return (len(names) >= 2 or titled) and _has_name(run, lex, -1, norm) == "person"


def _resolve(cand: _Candidate, known: list[_Known], doc: Document, lex: Lexicon) -> _Known | None:
    if not known:
        return None
    # a back-reference points at one of the last few dozen sources, never further: this
    # keeps a 200 KB text linear
    known = known[-_RECENT:]
    norm = doc.norm
    if cand.pronoun:
        if cand.pronoun in _PERSON_PRONOUNS:
            pool = [k for k in known if k.source.kind in ("named_person", "unnamed_individual")]
        elif cand.pronoun in _THING_PRONOUNS:
            pool = [k for k in known if k.source.kind in ("named_organization", "document")]
        else:
            pool = known
        return pool[-1] if pool else known[-1]
    head_text = _head_text(norm[cand.start : cand.end])
    low = head_text.lower()
    words = [
        t for t in tokenize(norm, cand.start, cand.start + len(head_text)) if t.text[0].isalnum()
    ]
    if not words:
        return None
    if low.startswith(("one of them", "one of the", "some of them", "both of them")):
        plural = [k for k in known if k.plural]
        if plural:
            return plural[-1]
    # a surname or a repeated name: "Monahan", "Weber, who now advises ...", and a pronoun's
    # antecedent with its title ("Brigadier General Ioana Dumitrescu")
    words = [w for w in words if w.lower.rstrip(".") not in lex.person_titles] or words
    if len(words) <= 3 and all(_is_name_tok(w) and w.lower not in lex.org_words for w in words):
        for k in reversed(known):
            if k.source.kind == "named_person" and all(w.text in k.names for w in words):
                return k
    # the same phrase again ("The Kremlin", "NATO")
    for k in reversed(known):
        if k.head_low == low:
            return k
    # a definite description: "the official", "the researchers", "the study"
    if words[0].lower in {"the", "this", "that", "these", "those"} and len(words) <= 4:
        head = words[-1].lower
        modifiers = [w.lower for w in words[1:-1]]
        if head in lex.document_backrefs or head in lex.document_heads:
            docs = [k for k in known if k.source.kind == "document"]
            if docs:
                return docs[-1]
            if head in {"statement", "announcement", "remarks", "comments"}:
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


def _remember(source: Source, norm: str, lex: Lexicon) -> _Known:
    toks = tokenize(norm, source.start, source.end)
    names = frozenset(t.text for t in toks if t.cap and t.text.isalpha() or "-" in t.text and t.cap)
    heads = {
        t.lower
        for t in toks
        if t.lower in lex.person_heads
        or t.lower in lex.institution_heads
        or t.lower in lex.document_heads
    }
    return _Known(
        source=source,
        head_low=_head_text(source.mention).lower(),
        names=names,
        heads=frozenset(heads),
        plural=_is_plural(_head_noun(norm, (source.start, source.end), lex), lex),
    )


def _new_source(cand: _Candidate, n: int, doc: Document, lex: Lexicon) -> Source | None:
    norm = doc.norm
    start, end = cand.start, cand.end
    while end > start and norm[end - 1] in " ,.;:-":
        end -= 1
    if end <= start or cand.pronoun:
        return None
    sentence_start = _clause_start(norm, doc.sentences[cand.sentence])
    kind = cand.kind_hint or classify(norm, (start, end), lex, sentence_start)
    outlet = (
        cand.told
        or cand.relay
        or _outlet_in(norm, start, end, lex)
        or _relay_in_clause(doc, cand, lex)
    )
    reason = requested = None
    if kind in ("unnamed_individual", "vague_group"):
        requested, reason = _anonymity(doc, cand, start, end, lex)
    return Source(
        id=f"s{n}",
        start=start,
        end=end,
        mention=doc.text[start:end],
        kind=kind,
        cue=cand.cue,
        anonymity_reason=reason,
        anonymity_requested=bool(requested),
        relayed_by=outlet,
    )


_INTERVIEW = re.compile(
    r"(?:interview\s+with|[Ss]peaking\s+to|[Ss]poke\s+to|[Tt]alking\s+to|"
    r"[Cc]omments\s+to|[Rr]emarks\s+to)\s+(?:the\s+)?"
)


def _relay_in_clause(doc: Document, cand: _Candidate, lex: Lexicon) -> str | None:
    """'In an interview with the BBC, the president said ...': the outlet passes it on."""
    return _memo(doc.norm, "relays", cand.sentence, lambda: _interview_outlet(doc, cand, lex))


def _interview_outlet(doc: Document, cand: _Candidate, lex: Lexicon) -> str | None:
    sent = doc.sentences[cand.sentence]
    for m in _INTERVIEW.finditer(doc.norm, sent.start, sent.end):
        outlet = lex.outlet_re.match(doc.norm, m.end())
        if outlet:
            return outlet.group()
    return None


def _anonymity(doc: Document, cand: _Candidate, start: int, end: int, lex: Lexicon):
    """(requested, reason text) from the mention and the rest of its clause."""
    norm = doc.norm
    region_end = doc.sentences[cand.sentence].end
    # stop at a quotation that follows the cue
    k = bisect_left(doc.quotes, max(end, cand.cue_end), key=lambda q: q.start)
    if k < len(doc.quotes) and doc.quotes[k].start < region_end:
        region_end = doc.quotes[k].start
    region_start = min(start, cand.cue_start)
    marker = lex.marker_re.search(norm, region_start, region_end)
    standalone = lex.standalone_reason_re.search(norm, region_start, region_end)
    if standalone and (not marker or standalone.start() < marker.start()):
        # "who was not authorised to speak publicly": a reason that implies the request
        stop = standalone.end()
        while stop < region_end and norm[stop] not in ",.;\"'":
            stop += 1
        return True, doc.text[standalone.start() : stop].strip()
    if not marker:
        return False, None
    reason = lex.reason_re.search(norm, marker.end(), region_end)
    if not reason or reason.start() - marker.end() > 40:
        return True, None
    stop = reason.end()
    while stop < region_end and norm[stop] not in ",.;\"'":
        stop += 1
    text = doc.text[reason.start() : stop].strip()
    return True, text or None
