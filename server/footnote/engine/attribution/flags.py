"""Building a Source from a candidate, with its flags: anonymity (requested, reason) and
the outlet that relays it."""

from __future__ import annotations

import re
from bisect import bisect_left

from ..model import Source
from .forms import handed_on_to
from .gate import can_speak, lone_opening_word, reported_subject, trimmed
from .kinds import classify, clause_start, head_noun_of, is_demonym
from .lexicon import Lexicon
from .outlets import is_outlet, media_name, outlet_in
from .phrases import can_tell
from .publisher import is_publisher
from .tokens import Candidate, SentenceIndex, memo


def relay_through_outlets(cands: list[Candidate], norm: str, lex: Lexicon) -> list:
    """'X said ..., according to TASS' / '..., Xinhua reported': the outlet passes X on.

    The outlet is then X's relay, not a source of its own."""
    by_sentence: dict[int, list[Candidate]] = {}
    for c in cands:
        by_sentence.setdefault(c.sentence, []).append(c)
    drop = set()
    for group in by_sentence.values():
        if len(group) < 2:
            continue
        last = max(group, key=lambda x: x.cue_start)  # only an outlet cited last relays
        outlet = is_outlet(norm, last, lex)
        if outlet is None:
            continue
        speakers = [
            x
            for x in group
            if x is not last
            and x.cue_start < last.cue_start
            and is_outlet(norm, x, lex) is None
            and not (x.cue == "citing" and x.relay)  # "The Herald, citing X, said": its own
        ]
        if speakers:
            for x in speakers:
                x.relay = x.relay or outlet
            if any(_names_someone(norm, x, lex) for x in speakers):
                drop.add(id(last))
    return [c for c in cands if id(c) not in drop] if drop else cands


_UNNAMED = ("unnamed_individual", "vague_group")
_CAPITAL_RUN = re.compile(r"(?:[A-Z][\w&.-]*\s+){0,4}[A-Z][\w&.-]*")


def _outlets_own(norm: str, start: int, end: int, lex: Lexicon) -> str | None:
    """'A Harbour Tribune source', 'the Daily Ledger's insider': an unnamed person who is
    the outlet's own, passed on by it."""
    rest = norm[start + 1 : end]
    if rest == rest.lower():
        return None  # no name past the first letter
    for m in _CAPITAL_RUN.finditer(norm, start, end):
        a = m.start()
        for word in m.group().split()[:-1]:  # "Two Daily Ledger": the count is no name
            if word.lower() not in lex.determiners and word.lower() not in lex.numbers:
                break
            a += len(word) + 1
        name = media_name(norm, a, m.end(), lex)
        if name:
            return name
    return None


_PASSED_ON = re.compile(r"\b(?:by|via|to|quoted|cited|told|on|with)\b")


_EXECUTIVES = frozenset(
    {"editor", "chief", "executive", "president", "chairman", "chairwoman", "director", "owner"}
    | {"publisher", "founder", "spokesman", "spokeswoman", "spokesperson", "ceo"}
)


def _works_for(norm: str, start: int, end: int, outlet: str) -> bool:
    """Whether the outlet named in a person's phrase is the one the person runs or speaks
    for ("Editor in Chief of Reuters Ana Ruiz") rather than how the words came ("quoted by
    Reuters", "told Reuters", "speaking on RT")."""
    at = norm.find(outlet, start, end)
    if at < 0 or _PASSED_ON.search(norm, start, at):
        return False
    # its executives speak for themselves; its reporters ("The Athletic's Ana Ruiz",
    # "Reuters correspondent Ana Ruiz") report for it, which passes their words on
    return any(w in _EXECUTIVES for w in norm[start:end].lower().replace("-", " ").split())


_SPOKES = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "representative", "spokesmen", "spokeswomen"}
)


def _outlets_spokesperson(ix: SentenceIndex, start: int, end: int, lex: Lexicon) -> str | None:
    """The outlet whose spokesperson the phrase names ("A Harbour Tribune spokesman", "a
    spokeswoman for the Tribune"), or None."""
    if head_noun_of(ix, (start, end), lex) not in _SPOKES:
        return None
    return outlet_in(ix.norm, start, end, lex) or _outlets_own(ix.norm, start, end, lex)


def _names_someone(norm: str, c: Candidate, lex: Lexicon) -> bool:
    """Whether a speaker phrase names someone accountable: a capitalised word past its
    first ("Kremlin spokesman Ana Ruiz") or a body ("a constitutional committee"), not
    "people familiar with the talks"."""
    phrase = norm[c.start : c.end]
    words = phrase.lower().split()
    return any(ch.isupper() for ch in phrase[1:]) or (
        bool(words) and words[-1].strip(",.") in lex.institution_heads
    )


def new_source(
    cand: Candidate, n: int, ix: SentenceIndex, lex: Lexicon, own: frozenset[str] = frozenset()
) -> Source | None:
    """A Source for a candidate no known source claims, or None when the phrase cannot
    speak. `own` holds the names of the text's publisher: telling it is first-hand."""
    norm = ix.norm
    start, end = trimmed(norm, cand.start, cand.end)
    if end <= start or cand.pronoun:
        return None
    sentence = ix.doc.sentences[cand.sentence]
    sentence_start = clause_start(ix, sentence)
    kind = cand.kind_hint or classify(ix, (start, end), lex, sentence_start)
    if kind == "named_person" and start < cand.cue_start:
        follow = reported_subject(norm, cand.cue_end, sentence.end)
        lone = lone_opening_word(ix, (start, end), sentence_start)
        if follow == "its" or (lone and follow == "it"):
            kind = "named_organization"  # "Halden said its profits fell": a body, not a person
        elif (
            lone
            and follow not in {"he", "she", "his", "her"}
            and norm[start:end].lower().endswith(lex.common_noun_endings)
        ):
            return None  # "Flooding claimed ...": a capital that only opens the sentence
        elif cand.cue in lex.own_reports | {"reported"} and " " not in norm[start:end].strip():
            kind = "named_organization"  # "Variety reported": a one-word name that reports
    if (
        kind == "named_person"
        and cand.cue == "reports"
        and not any(w.lower().rstrip(".") in lex.person_titles for w in norm[start:end].split())
    ):
        kind = "named_organization"  # "..., reports Harbour Live": a name that reports is a
        # publication's ("Ana Ruiz reports" would be a reporter writing for one)
    if not cand.kind_hint and not can_speak(ix, (start, end), kind, lex):
        if not (cand.cue in lex.open_cues and norm[start:end].split()[0].lower() in lex.some_view):
            return None
        kind = "vague_group"  # "according to one theory": a view no one is named for
    inside = outlet_in(norm, start, end, lex)
    if inside and inside == norm[start:end] and _surname_before(ix, inside, start, lex):
        kind, inside = "named_person", None  # "Michael Bloomberg ... Bloomberg repeated"
    if inside and kind == "named_person" and _works_for(norm, start, end, inside):
        inside = None  # "Reuters editor-in-chief Ana Ruiz": her employer, not a relay
    outlet = (
        cand.told
        or cand.relay
        or inside
        or _relay_in_clause(ix, cand, lex)
        or handed_on_to(norm, start, end, lex)  # "imagery reviewed by the Coastal Courier"
        or (_outlets_own(norm, start, end, lex) if kind in _UNNAMED else None)
    )
    if is_publisher(outlet, own) or outlet and _can_reveal(ix, cand):
        # told the publisher itself, or "The Courier can reveal": first-hand for its readers
        outlet = None
    if outlet and outlet == _outlets_spokesperson(ix, start, end, lex):
        outlet = None  # "a Reuters spokesman": the outlet speaking for itself, not passing on
    if outlet and kind == "document" and _JOURNAL.search(norm, start, end):
        outlet = None  # "a study published in the journal Circulation": where it appeared
    reason = requested = None
    if kind in ("unnamed_individual", "vague_group"):
        requested, reason = anonymity(ix, cand, start, end, lex)
    return Source(
        id=f"s{n}",
        start=start,
        end=end,
        mention=ix.doc.text[start:end],
        kind=kind,
        cue=cand.cue,
        anonymity_reason=reason,
        anonymity_requested=bool(requested),
        relayed_by=outlet,
    )


def _surname_before(ix: SentenceIndex, word: str, start: int, lex: Lexicon) -> bool:
    """Whether the text names a person with the outlet's one-word name as surname before
    offset `start` ("founder Michael Bloomberg", "Mayor Bloomberg", "Vicente Fox"): the
    later bare name is that person, not the outlet. One scan of the text per name."""
    if " " in word or not word[:1].isupper():
        return False
    first = memo(ix.surnames, word, lambda: _first_as_surname(ix.norm, word, lex))
    return first is not None and first < start


def _first_as_surname(norm: str, word: str, lex: Lexicon) -> int | None:
    pattern = re.compile(
        rf"\b([A-Z][a-z]+|[A-Z]\.)(?:\s+[A-Z]\.)?\s+{re.escape(word)}\b(?!\s+[A-Z])"
    )
    for m in pattern.finditer(norm):
        before = m.group(1).lower()
        if (
            before not in lex.determiners
            and before not in lex.org_words
            and before not in lex.time_words
            and not is_demonym(before, lex)
            and (before in lex.person_titles or before not in lex.stop_left)
        ):
            return m.start()
    return None


def _can_reveal(ix: SentenceIndex, cand: Candidate) -> bool:
    """'..., the Courier can reveal.': only the paper that publishes the story says that."""
    if cand.start > cand.cue_start:
        return False
    toks, starts = ix.sentence_tokens(cand.sentence)
    return can_tell(toks, bisect_left(starts, cand.cue_start))


_JOURNAL = re.compile(r"\b(?:published|appeared|appears)\b[^.]{0,60}?\bin\b|\bjournal\b")


def _relay_in_clause(ix: SentenceIndex, cand: Candidate, lex: Lexicon) -> str | None:
    """'In an interview with the BBC, the president said ...': the outlet passes it on."""
    return memo(ix.relays, cand.sentence, lambda: _interview_outlet(ix, cand, lex))


def _interview_outlet(ix: SentenceIndex, cand: Candidate, lex: Lexicon) -> str | None:
    sent = ix.doc.sentences[cand.sentence]
    for m in lex.interview_re.finditer(ix.norm, sent.start, sent.end):
        outlet = lex.outlet_re.match(ix.norm, m.end())
        if outlet:
            return outlet.group()
        stop = m.end()
        while stop < sent.end and ix.norm[stop] not in ",.;:":
            stop += 1
        named = media_name(ix.norm, m.end(), stop, lex)  # "with the Coastal Courier,"
        if named:
            return named
    return None


def anonymity(ix: SentenceIndex, cand: Candidate, start: int, end: int, lex: Lexicon):
    """(requested, reason text) from the mention and the rest of its clause."""
    norm = ix.norm
    region_end = ix.doc.sentences[cand.sentence].end
    # stop at a quotation that follows the cue
    k = bisect_left(ix.doc.quotes, max(end, cand.cue_end), key=lambda q: q.start)
    if k < len(ix.doc.quotes) and ix.doc.quotes[k].start < region_end:
        region_end = ix.doc.quotes[k].start
    region_start = min(start, cand.cue_start)
    marker = lex.marker_re.search(norm, region_start, region_end)
    standalone = lex.standalone_reason_re.search(norm, region_start, region_end)
    if standalone and (not marker or standalone.start() < marker.start()):
        # "who was not authorised to speak publicly": a reason that implies the request
        stop = standalone.end()
        while stop < region_end and norm[stop] not in ",.;\"'":
            stop += 1
        return True, ix.doc.text[standalone.start() : stop].strip()
    if not marker:
        return False, None
    reason = lex.reason_re.search(norm, marker.end(), region_end)
    if not reason or reason.start() - marker.end() > 40:
        return True, None
    stop = reason.end()
    while stop < region_end and norm[stop] not in ",.;\"'":
        stop += 1
    text = ix.doc.text[reason.start() : stop].strip()
    return True, text or None
