"""The forms real copy uses beyond "X said": "X quoted Y as saying", "Y was quoted by X as
saying", "confirmed to X by Y", "..., X said, citing Y", two outlets reporting together,
"told the Harbour Times", "reportedly"."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from .lexicon import Lexicon
from .outlets import OUTLET_KIND_WORDS, media_name, outlet_or_media
from .patterns import starts_word, word_spans
from .phrases import left_phrase, right_phrase, skip_adverbs_left
from .tokens import Candidate, SentenceIndex, Tok


def quoted_as_saying(site) -> list[Candidate] | None:
    """'X quoted Y as saying', 'Y was quoted by X as saying', 'Y was cited as saying': Y is
    the source, passed on by X when X is an outlet. None when there is no 'as saying'."""
    toks, ci, cj, lex, norm = site.toks, site.ci, site.cj, site.lex, site.ix.norm
    n = len(toks)
    k = next(
        (
            j
            for j in range(cj + 2, min(n - 1, cj + 20))
            if (toks[j].lower == "as" and toks[j + 1].lower in lex.as_saying)
            or (toks[j].lower in lex.as_saying and toks[j - 1].text.isalpha())
        ),
        None,
    )
    if k is None or not _plain_or_apposed(toks, cj + 1, k):
        return None
    e = k - 2 if toks[k - 1].text == "," else k - 1  # the last word before "as saying"
    aux = skip_adverbs_left(toks, ci - 1, lex) if ci > 0 else -1
    relay = None
    if aux >= 0 and toks[aux].lower in lex.be_auxiliaries:
        speaker = left_phrase(toks, aux, lex)
        if cj + 1 < e and toks[cj + 1].lower == "by":
            relay = outlet_or_media(norm, toks[cj + 2].start, toks[e].end, lex)
    else:
        speaker = (toks[cj + 1].start, toks[e].end) if cj + 1 <= e else None
        subject = left_phrase(toks, ci, lex)
        relay = outlet_or_media(norm, subject[0], subject[1], lex) if subject else None
    return [site.candidate(speaker, relay=relay)] if speaker else []


def _plain_or_apposed(toks: list[Tok], i: int, k: int) -> bool:
    """Tokens i..k-1 are one noun phrase, or a name with one appositive set off by two commas
    ("Ana Ruiz, head of the rescue team,"): no stop, semicolon or quotation mark."""
    inner = toks[i:k]
    if any(t.text in {".", ";", '"', "\u201c", "\u201d"} for t in inner):
        return False
    commas = [j for j, t in enumerate(inner) if t.text == ","]
    return not commas or (len(commas) == 2 and commas[0] > 0 and commas[1] == len(inner) - 1)


def confirmed_to_by(site) -> list[Candidate] | None:
    """'was confirmed to the Courier by a spokeswoman': the spokeswoman, via the Courier."""
    toks, cj, lex, norm = site.toks, site.cj, site.lex, site.ix.norm
    if not site.next_is("to"):
        return None
    k = next((j for j in range(cj + 2, min(len(toks), cj + 8)) if toks[j].lower == "by"), None)
    if k is None or k <= cj + 2:
        return None
    outlet = outlet_or_media(norm, toks[cj + 2].start, toks[k - 1].end, lex)
    span = right_phrase(toks, k + 1, lex)
    if outlet is None or span is None:
        return None
    return [site.candidate(span, relay=outlet)]


def citing_after(site, span: tuple[int, int]) -> Candidate | None:
    """'..., the Herald said, citing people familiar with the matter': the people are a
    source of their own, passed on by the speaker when the speaker is an outlet."""
    toks, cj = site.toks, site.cj
    j = cj + 1
    limit = min(len(toks), cj + _CITING_REACH)
    while j < limit and toks[j].text not in _CLAUSE_ENDS and toks[j].lower != "citing":
        j += 1  # "reported on Friday, citing ...", "reported the plan, citing ..."
    skipped = j > site.cj + 1
    cj = j - 1
    k = cj + 2 if cj + 1 < len(toks) and toks[cj + 1].text == "," else cj + 1
    if not (k + 1 < len(toks) and toks[k].lower == "citing") or skipped and k == cj + 1:
        return None  # ", citing Y" or "reported citing Y" (not "criticized media for citing")
    inner = right_phrase(toks, k + 1, site.lex)
    if not inner:
        return None
    cite = toks[k]
    relay = outlet_or_media(site.ix.norm, span[0], span[1], site.lex)
    return Candidate(inner[0], inner[1], "citing", cite.start, cite.end, site.sentence, relay=relay)


CITING_WORDS = frozenset({"citing", "quoting"})
# How far after an outlet's cue ", citing Y" still belongs to it: its object or a time.
_CITING_REACH = 12
_CLAUSE_ENDS = frozenset({",", ".", ";", ":", '"', "'", "(", ")"})


_MEDIA_HEADS = frozenset(
    {"media", "outlets", "outlet", "reports", "report", "newspapers", "newspaper", "agencies"}
)


def citing_inside(site, span: tuple[int, int]) -> tuple[tuple[int, int], Candidate | None]:
    """'The Herald, citing two officials, said ...': the subject ends before the aside, and
    the officials are a source of their own, passed on by the Herald when it is an outlet.
    Returns the subject's span and the cited candidate (None when there is no such aside)."""
    phrase = site.ix.norm[span[0] : span[1]]
    if not any(w in phrase for w in ("citing", "quoting", "which cited", "who cited")):
        return span, None
    toks = site.toks
    first = bisect_left(toks, span[0], key=lambda t: t.start)
    if toks[first].lower in CITING_WORDS and first > 1 and toks[first - 1].text == ",":
        # the phrase on the left stopped at the aside: "The report, citing two people, said"
        subject = left_phrase(toks, first - 1, site.lex)
        if subject is None:
            return span, None
        span = (subject[0], span[1])
    k = bisect_left(toks, span[0], key=lambda t: t.start) + 1
    while k < len(toks) and toks[k].end <= span[1]:
        if toks[k].lower in CITING_WORDS and (
            toks[k - 1].text == "," or toks[k - 1].lower in _MEDIA_HEADS
        ):
            break  # "The Herald, citing ...", "media outlets citing unnamed officials"
        if (
            toks[k].lower in {"cited", "quoted"}
            and k >= 2
            and toks[k - 1].lower in {"which", "who"}
            and toks[k - 2].text == ","
        ):
            break  # "The report, which cited people familiar with the matter, said"
        k += 1
    else:
        return span, None
    if toks[k - 1].lower in {"which", "who"}:
        last = k - 3  # ", which cited": the subject ends before the comma
    else:
        last = k - 2 if toks[k - 1].text == "," else k - 1  # the subject's last word
    if last < 0 or toks[last].start < span[0]:
        return span, None
    subject = (span[0], toks[last].end)
    inner = right_phrase(toks, k + 1, site.lex)
    if not inner:
        return span, None
    if inner[1] > span[1]:
        if toks[k - 1].text == "," or toks[k - 1].lower in {"which", "who"}:
            return span, None
        inner = (inner[0], span[1])  # "media outlets citing officials briefed on it had ..."
    relay = outlet_or_media(site.ix.norm, subject[0], subject[1], site.lex)
    cite = toks[k]
    cited = Candidate(
        inner[0], inner[1], "citing", cite.start, cite.end, site.sentence, relay=relay
    )
    return subject, cited


def citing_fronted(site, span: tuple[int, int]) -> Candidate | None:
    """'Citing two officials, the Herald said ...': a citing phrase opens the sentence and the
    subject follows its comma; the officials are passed on by the subject when an outlet."""
    toks = site.toks
    if len(toks) < 4 or toks[0].lower not in CITING_WORDS:
        return None
    k = bisect_left(toks, span[0], key=lambda t: t.start)
    if k < 3 or toks[k - 1].text != ",":
        return None
    inner = right_phrase(toks, 1, site.lex)
    if not inner or inner[1] > toks[k - 1].start:
        return None
    if any(t.text == "," for t in toks[1 : k - 1] if t.end <= inner[0] or t.start >= inner[1]):
        return None  # the phrase must run from "Citing" to the subject's comma
    relay = outlet_or_media(site.ix.norm, span[0], span[1], site.lex)
    cite = toks[0]
    return Candidate(inner[0], inner[1], "citing", cite.start, cite.end, site.sentence, relay=relay)


def told_media(toks: list[Tok], i: int, norm: str, lex: Lexicon) -> str | None:
    """'told the Harbour Times', 'told Radio Kestrel': an outlet not in the list by name."""
    j = i
    while j < len(toks) and j - i < 6 and (toks[j].cap or toks[j].lower == "the" and j == i):
        j += 1
    if j == i:
        return None
    if j < len(toks) and toks[j].text in OUTLET_KIND_WORDS:
        j += 1  # "told People magazine"
    return media_name(norm, toks[i].start, toks[j - 1].end, lex)


_AND = re.compile(r"\s+and\s+")
_FULL_NAME = re.compile(r"(?!(?:The|A|An)\b)[A-Z][a-z'\u2019-]+(?:\s+[A-Z][a-z'\u2019-]+){1,2}")


def _after_role(text: str, lex: Lexicon) -> str:
    """'owners Ana Ruiz' -> 'Ana Ruiz': the name after a lower-case role before it."""
    words = text.split()
    k = 0
    while k < len(words) - 1 and words[k].islower() and words[k] in lex.person_heads:
        k += 1
    return " ".join(words[k:])


def _full_name(text: str, lex: Lexicon) -> bool:
    """'Ana Ruiz', 'Tom de Cole': a personal name of two or three words, not 'The Transport'
    or 'Logistics Union'."""
    return bool(_FULL_NAME.fullmatch(text)) and text.split()[-1].lower() not in lex.org_words


def split_outlets(cands: list[Candidate], norm: str, lex: Lexicon) -> list[Candidate]:
    """'The Journal and Reuters reported', 'Ana Ruiz and Tom Cole said': two outlets or two
    people named in full, each a source of its own."""
    out = []
    for c in cands:
        m = _AND.search(norm, c.start, c.end)
        parts = [(c.start, m.start()), (m.end(), c.end)] if m else []
        if (
            parts
            and (
                c.start < c.cue_start
                and all(_whole_outlet(norm, a, b, lex) for a, b in parts)
                # "Ana Ruiz and Tom Cole said", "said owners Ana Ruiz and Tom Cole"
                or all(_full_name(_after_role(norm[a:b], lex), lex) for a, b in parts)
            )
        ):
            if c.start < c.cue_start and all(_whole_outlet(norm, a, b, lex) for a, b in parts):
                parts = _listed_before(norm, c.start, lex) + parts  # "NBC, Reuters and CNN"
            out += [replace(c, start=a, end=b) for a, b in parts]
        else:
            out.append(c)
    return out


_LIST_LEAD = re.compile(r"\b(?:including|such as|like)\s+")


def _listed_before(norm: str, start: int, lex: Lexicon) -> list[tuple[int, int]]:
    """The outlets listed with commas before "A and B" ("NBC, Reuters and CNN", "outlets
    including NBC, Reuters and CNN"): up to four, each a whole outlet's name."""
    found: list[tuple[int, int]] = []
    while len(found) < 4:
        comma = norm.rfind(",", max(0, start - 4), start)
        if comma < 0 or norm[comma + 1 : start].strip():
            break  # no comma right before the list's next name
        k = comma
        while k > 0 and comma - k < 40 and norm[k - 1] not in ",.;:()\n\"'":
            k -= 1
        seg = norm[k:comma]
        a = k + len(seg) - len(seg.lstrip())
        for lead in _LIST_LEAD.finditer(norm, a, comma):  # "outlets including NBC"
            a = lead.end()
        if a >= comma or not _whole_outlet(norm, a, comma, lex):
            break
        found.insert(0, (a, comma))
        start = a
    return found


def _whole_outlet(norm: str, start: int, end: int, lex: Lexicon) -> bool:
    if norm.startswith(("the ", "The "), start):
        start += 4
    m = lex.outlet_re.match(norm, start)
    return bool(m and m.end() == end) or media_name(norm, start, end, lex) is not None


_HEARSAY = ("reportedly",)
_VIA = re.compile(r"\s+via\s+")
# "following reports that ...", "denied media reports that ...", "responding to reports that
# said ...": reports a clause says something of, after a word that makes them a noun. Not
# "asked about reports that" or "commented on reports that": a question's topic.
# Found by the literal "reports that" first, then the words before it are read (a pattern
# that starts with the alternation would be tried at every offset of the text).
# After "reports"/"rumours": "that ...", or a clause opening with a name ("following reports
# Ana Ruiz had resigned"), not a day ("reports Monday")
_REPORTS_THAT = re.compile(
    r"\s+(?:that\b|(?=[A-Z][a-z]+(?:['\u2019]s)?\s)"
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|In|On|At|From|By)\b)"
    r"(?=[^.;,]{0,60}?\b(?:is|was|were|are|had|has|have|would|will|could|might|may)\b))"
)
_BEFORE_REPORTS = re.compile(
    r"\b(?:following|after|amid|over|of|to|by|despite|denied|dismissed|rejected|been)"
    r"\s+((?:(?:unconfirmed|unverified|recent|earlier|initial|media|news|press|local|"
    r"several|many|multiple|widespread)\s+){0,2})$",
    re.IGNORECASE,
)


# "Rumours are swirling that ...", "Speculation is mounting that ...", "There are rumours
# that ...": the hearsay noun is the subject of its own clause
# found by the noun first (a pattern opening with an optional "There are" would be tried at
# every word), then the clause after it and a "There are" before it are read
_HEARSAY_NOUN = ("rumours", "rumors", "reports", "speculation")
_HEARSAY_CLAUSE = re.compile(
    r"\s+(?:(?:is|are|was|were|has\s+been|have\s+been)\s+(?:\w+ing|rife|growing|widespread)\s+)?"
    r"that\b"
)
_THERE_ARE = re.compile(r"\b[Tt]here\s+(?:are|were|is|was)\s+(?:\w+\s+)?$")


def hearsay_reports(ix: SentenceIndex, according: dict[int, int]) -> list[Candidate]:
    """'Shares fell following reports that the firm would cut jobs', 'There have been
    reports that ...': reports of something with no one named, a vague group. 'reports of a
    profit warning' (no clause) and 'Reuters reports that' (a verb) are not, nor reports
    that an "according to" later in the sentence names (`according`: sentence -> offset)."""
    out = []
    norm = ix.norm
    for start, end in word_spans(norm, _HEARSAY_NOUN):  # one scan for both shapes
        if according.get(ix.sentence_of(start), -1) > end:
            continue  # "amid reports that 39 died, according to the commission"
        after = None if norm[start] in "Ss" else _REPORTS_THAT.match(norm, end)
        lead = after and _BEFORE_REPORTS.search(norm, max(0, start - 60), start)
        if after and lead and not ix.doc.in_quote(start, after.end()):
            # "following reports that ...": the words before "reports" belong to it
            first = lead.start(1)
            last = after.end() - len("that") if after.group().endswith("that") else after.end()
            last = first + len(norm[first:last].rstrip())
            si = ix.sentence_of(first)
            out.append(
                Candidate(
                    first, last, "reports that", first, after.end(), si, kind_hint="vague_group"
                )
            )
            continue
        clause = _HEARSAY_CLAUSE.match(norm, end)
        if clause is None or ix.doc.in_quote(start, clause.end()):
            continue
        there = _THERE_ARE.search(norm, max(0, start - 30), start) is not None
        with_verb = norm[end : clause.end()].strip().lower() != "that"
        if not there and not (_clause_opens_at(norm, start, after_comma=with_verb)):
            continue  # "the firm denied rumours that", "Reuters, citing X, reports that"
        si = ix.sentence_of(start)
        out.append(
            Candidate(start, end, "reports that", start, clause.end(), si, kind_hint="vague_group")
        )
    return out


def _clause_opens_at(norm: str, start: int, after_comma: bool = True) -> bool:
    """Whether a clause opens at `start`: the text's start, a sentence or line break, a
    semicolon, a comma (when `after_comma`), or a joining word ("and", "but", "now") right
    before it."""
    before = norm[max(0, start - 12) : start].rstrip()
    if not before or before[-1] in ".!?;:\n\"'\u201c\u201d" or (after_comma and before[-1] == ","):
        return True
    return before.split()[-1].lower() in {"and", "but", "now", "however", "yet", "so"}


def hearsay_adverbs(
    ix: SentenceIndex, attributed: set[int], reporting: set[int]
) -> list[Candidate]:
    """'The firm has reportedly held talks', 'the fire is understood to have been
    contained': hearsay with no one named, when nothing else in the sentence says where it
    comes from. Right after a sentence that names its source ("The sources say ... He
    reportedly also wanted ..."), "reportedly" carries that account on; right before a
    sentence that names the report (`reporting`: "The singer is reportedly single. OK!
    Magazine reports that ..."), it announces it."""
    out = []
    norm = ix.norm
    for start, end in word_spans(norm, _HEARSAY):
        si = ix.sentence_of(start)
        if {si - 1, si} & attributed or si + 1 in reporting or ix.doc.in_quote(start, end):
            continue
        out.append(Candidate(start, end, "reportedly", start, end, si, kind_hint="vague_group"))
    for t in _TOLD.finditer(norm):
        # "But now I'm told they have separated": the writer's unnamed informants (what
        # follows is what was told, whatever cues it holds); "told" found first
        m = _TOLD_ME.search(norm, max(0, t.start() - 20), t.end())
        if m is None or m.end() != t.end() or _TOLD_BY.match(norm, t.end()):
            continue
        si = ix.sentence_of(m.start())
        if ix.doc.in_quote(m.start(), m.end()):
            continue
        out.append(
            Candidate(m.start(), m.end(), "told", m.start(), m.end(), si, kind_hint="vague_group")
        )
    for t in _HEDGE_WORD.finditer(norm):
        if not starts_word(norm, t.start()):
            continue
        # "the fire is reported to have destroyed a house": the same hedge as "reportedly";
        # "to have/be" found first, then the hedge before it
        h = _HEDGED.search(ix.norm, max(0, t.start() - 48), t.end())
        if h is None or h.end() != t.end():
            continue
        si = ix.sentence_of(h.start())
        if si in attributed or si + 1 in reporting or ix.doc.in_quote(h.start(), h.end()):
            continue  # "... is thought to be ill. The Herald reports that ...": announced
        if _WHETHER.search(norm, max(0, h.start() - 60), h.start()):
            continue  # "did not say whether the cases were believed to be linked": asked
        cue = " ".join(h.group(1).lower().split())
        out.append(
            Candidate(h.start(1), h.end(1), cue, h.start(1), h.end(1), si, kind_hint="vague_group")
        )
    return out


# "whether" opening the clause before a hedge, with no stop between
_WHETHER = re.compile(r"\bwhether\b[^.;:!?]*$")
# "is reported to have", "are believed to be": a hedge with no one named (not "expected to",
# which forecasts)
_HEDGED = re.compile(
    r"\b((?:is|are|was|were)\s+(?:\w+ly\s+)?(?:reported|understood|said|believed|thought|"
    r"rumou?red|alleged|claimed))\s+to\s+(?:have|be)\b"
)
# found by the word "to" ("\s+to" would be retried at every space of a long blank run,
# quadratic); the hedge before it is read in a window of 40 characters plus the spaces
_HEDGE_WORD = re.compile(r"to\s+(?:have|be)\b")  # a literal first: word start checked apart
_TOLD = re.compile(r"told\b")
_TOLD_ME = re.compile(r"\b(?:I'm|I am|I've been|I have been|I was)\s+told$")
_TOLD_BY = re.compile(r"\s+(?:by|to)\b")


def handed_on_to(norm: str, start: int, end: int, lex: Lexicon) -> str | None:
    """'satellite imagery reviewed by the Coastal Courier': an unlisted outlet it reached;
    'a source via People magazine': the outlet it came through."""
    via = _VIA.search(norm, start, end)
    if via is not None:
        return outlet_or_media(norm, via.end(), end, lex)
    m = lex.handed_on_re.search(norm, start, end)
    if m is None:
        return None
    by = re.compile(r"\s+(?:to|by)\s+").match(norm, m.end(), end)
    return media_name(norm, by.end(), end, lex) if by else None
