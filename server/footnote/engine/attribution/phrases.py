"""Speaker-phrase extraction: the noun phrase a cue governs, on its left ("X said") or its
right ("according to X", "..., said X"), with an appositive or relative clause kept."""

from __future__ import annotations

import re

from .lexicon import Lexicon
from .tokens import Tok

# Marks that end a comma segment, and marks no phrase runs across (data: attribution.toml)
_SEGMENT_STOPS = frozenset({",", ".", ";", ":", '"', "'", "!", "?", "["})
_HARD_STOPS = frozenset(";:()[]\"'!?")
_HARD_STOPS_BUT_CLOSE = _HARD_STOPS - {")"}
_MAX_PHRASE = 40  # tokens: no longer clause is a speaker phrase
# Comma segments walked back over before a cue ("X, 19, a student, said"): real prose uses
# one or two (at most 2 in the evaluation sets and golden files); a chain of short segments
# without a full stop would otherwise be walked to the sentence's start for every cue.
_MAX_APPOSITIVES = 6


_CAN_TELL = frozenset({"reveal", "confirm", "report"})


def can_tell(toks: list[Tok], ci: int) -> bool:
    """'The Courier can reveal that ...', '..., the Courier can reveal.': a paper's way of
    saying it reports this, not a mere possibility ('only she can reveal the plan')."""
    return (
        ci >= 1
        and toks[ci - 1].lower == "can"
        and toks[ci].lower in _CAN_TELL
        and (ci + 1 == len(toks) or toks[ci + 1].lower == "that" or toks[ci + 1].text in ".,;")
    )


_DASHES = frozenset({"-", "\u2013", "\u2014"})


def sentence_subject(toks: list[Tok], limit: int, lex: Lexicon) -> tuple[int, int] | None:
    """The noun phrase that opens the sentence (after a dateline), before its first verb."""
    i = 0
    for k in range(min(limit, 12)):
        if toks[k].text in _DASHES and all(t.cap or t.text in ",()" for t in toks[:k]):
            i = k + 1  # "LAGOS, Nigeria - ...", "BAMAKO, Mali (AP) — ..."
            break
    if i + 2 < limit and toks[i].lower in lex.connectives and toks[i + 1].text == ",":
        i += 2  # "However, the foreign minister responded by saying ..."
    elif (
        i + 2 < limit
        and toks[i].lower.endswith(("ed", "ing"))
        and toks[i + 1].lower in lex.prepositions
    ):
        # "Contacted by the Ledger on Friday, Mr Dale was reluctant ..., claiming": a
        # participle clause opens the sentence, and the subject follows its comma
        comma = next((k for k in range(i + 2, min(limit, i + 14)) if toks[k].text == ","), None)
        if comma is None:
            return None
        i = comma + 1
    if i < limit and (toks[i].lower in lex.prepositions or toks[i].lower in lex.time_words):
        # "On Friday, the mayor resigned, saying ...", "In a statement, the board ...": a
        # short opening phrase of time or place, then the subject after its comma
        comma = next((k for k in range(i + 1, min(limit, i + 6)) if toks[k].text == ","), None)
        if comma is None or any(not t.text[0].isalnum() for t in toks[i + 1 : comma]):
            return None
        i = comma + 1
    if i < limit and (toks[i].lower in lex.prepositions or toks[i].lower in lex.subordinators):
        return None  # the sentence opens with a phrase, not its subject
    j = i
    while j < limit:
        t = toks[j]
        if t.lower in lex.stop_left or not t.text[0].isalnum() and t.text not in {"-", "'"}:
            break
        if j > i and (
            t.text.islower()
            and (t.lower.endswith("ed") or t.lower in lex.verbs)
            or _verb_after_name(toks[j - 1], t, toks[j + 1] if j + 1 < limit else None, lex)
        ):
            break
        j += 1
    if j == i or j - i > 8:
        return None
    k = j + 1  # "The Member for Cairns, Ana Ruiz, yesterday tabled ...": the name in apposition
    while k < limit and k - j <= 4 and toks[k].cap and toks[k].text.isalpha():
        k += 1
    if j < limit and toks[j].text == "," and k - j >= 3 and k < limit and toks[k].text == ",":
        return toks[i].start, toks[k - 1].end
    return toks[i].start, toks[j - 1].end


def _affiliation(toks, start: int, end: int) -> bool:
    """', of the Cleveland Museum of Natural History,': a preposition and a named body."""
    words = toks[start + 1 : end]
    return (
        toks[start].lower in {"of", "from", "at", "with"}
        and any(t.cap for t in words)
        and all(t.cap or t.lower in {"of", "the", "and", "for", "&"} for t in words)
    )


def skip_between_left(toks, i, lex) -> int:
    i = _skip_parenthetical(toks, i, lex)
    j = _skip_between_words(toks, i, lex)
    # "the regulator, however, has argued": a parenthetical before the auxiliary
    return _skip_between_words(toks, _skip_parenthetical(toks, j, lex), lex) if j < i else j


def _skip_parenthetical(toks, i, lex) -> int:
    if i >= 2 and toks[i].text == ",":
        # a parenthetical between subject and verb: "officials, predictably, dismiss",
        # "the ministry, in a statement, said", "Smith, however, insisted"
        k = i - 1
        while k >= 0 and i - k <= 12 and toks[k].text not in _SEGMENT_STOPS:
            k -= 1
        if k >= 1 and toks[k].text == "," and k < i - 1:
            first = toks[k + 1].lower
            if (k + 2 == i and (first.endswith("ly") or first in lex.connectives)) or (
                first in lex.true_prepositions and (i - k <= 6 or _affiliation(toks, k + 1, i))
            ):
                i = k - 1
    return i


def _skip_between_words(toks, i, lex) -> int:
    while i >= 0:
        low = toks[i].lower
        if low == "again":
            tail = [t.lower for t in toks[max(0, i - 3) : i + 1]]
            if tail[-4:] == ["time", "and", "time", "again"]:
                i -= 4  # "had time and time again claimed"
                continue
            if tail[-3:] == ["time", "and", "again"]:
                i -= 3  # "had time and again claimed"
                continue
        if (
            low in lex.time_words
            and i >= 2
            and toks[i - 1].lower in _TIME_OPENERS
            and toks[i - 2].lower in lex.between
        ):
            i -= 2  # "had on Monday called": when, between the auxiliary and the verb
            continue
        if not (
            (low in lex.between or low.endswith("ly"))
            and low not in lex.not_adverbs
            and not (toks[i].cap and i > 0 and toks[i - 1].cap)  # "USA Today": part of a name
        ):
            break
        i -= 1
    return i


_TIME_OPENERS = frozenset({"on", "last", "this", "early", "late", "in"})


def skip_adverbs_left(toks: list[Tok], i: int, lex: Lexicon) -> int:
    while i > 0 and toks[i].lower.endswith("ly") and toks[i].lower not in lex.not_adverbs:
        i -= 1
    return i


def left_phrase(toks: list[Tok], ci: int, lex: Lexicon) -> tuple[int, int] | None:
    """The subject on the left of a cue at token ci, with its appositive if any."""
    reason = _reason_before(toks, ci)
    if reason is None:
        return _subject_left_of(toks, ci, lex)
    # "Diplomats speaking on condition of anonymity because the talks were private said":
    # the subject comes before the reason, and the reason stays in its phrase
    head = _subject_left_of(toks, reason, lex)
    return None if head is None else (head[0], toks[ci - 1].end)


def _before_the_verb(toks: list[Tok], ci: int, lex: Lexicon) -> int:
    """The last token of the subject's side: past adverbs and asides, a reporting "can"
    ("The Courier can reveal") and "continues to" / "rushed to" before the cue."""
    i = skip_between_left(toks, ci - 1, lex)
    if i >= 1 and can_tell(toks, ci):
        i = skip_between_left(toks, i - 1, lex)  # "The Courier can reveal ..."
    while (
        i >= 1
        and toks[i].lower == "to"
        and (toks[i - 1].lower in lex.continue_verbs or toks[i - 1].lower in lex.hurry_verbs)
    ):
        i = skip_between_left(toks, i - 2, lex)  # "continues to insist", "rushed to deny"
    return i


def _subject_left_of(toks: list[Tok], ci: int, lex: Lexicon) -> tuple[int, int] | None:
    i = _before_the_verb(toks, ci, lex)
    if i < 0:
        return None
    end_tok = i
    if toks[i].text == "-" and i >= 2:
        # "Two villagers from Sone - a hotbed of unrest - told AFP": the subject before an
        # aside set off by two dashes
        k = i - 1
        while k > 0 and i - k <= 20 and toks[k].text not in {"-", ".", '"', ";", ":"}:
            k -= 1
        if k <= 0 or toks[k].text != "-" or k == i - 1:
            return None
        start = _subject_start(toks, k - 1, lex)
        return None if start is None else (toks[start].start, toks[k - 1].end)
    if toks[i].text == ",":
        # X, <appositive or relative clause>[, <another>], said
        seg_end = i - 1
        seg_start = aside_start(toks, seg_end)
        if seg_start is None or seg_start > seg_end:
            return None
        hops = 0
        chained = False  # the segment in front was checked as an appositive of its own
        while (
            seg_start >= 2
            and toks[seg_start - 1].text == ","
            and (chained or is_appositive(toks, seg_start, seg_end, lex))
            and hops < _MAX_APPOSITIVES
        ):
            hops += 1
            head_end = seg_start - 2
            head_start = segment_start(toks, head_end)
            if head_start is None:
                break
            if (
                head_start >= 2
                and toks[head_start - 1].text == ","
                and (
                    toks[head_start].text.isdigit()
                    or is_appositive(toks, head_start, head_end, lex)
                )
                and (
                    head_end - head_start < 3
                    # "Aroldo Rivera, governor of the department of San Marcos, bordering
                    # Mexico, told ...": a role between two appositives
                    or toks[head_start].text.islower()
                    and toks[head_start].lower in lex.person_words
                    and head_end - head_start < 14
                )
            ):
                seg_start = head_start  # "Anastasia, 19, a student ..."
                chained = True
                continue
            if head_start == head_end and _opener(toks[head_start], lex):
                return toks[seg_start].start, toks[seg_end].end  # "Later, the minister, X"
            start = _subject_start(toks, head_end, lex)
            if start is not None:
                return toks[start].start, toks[seg_end].end
            break
        start = _subject_start(toks, seg_end, lex)
        if start is None:
            return None
        return toks[start].start, toks[seg_end].end
    aged = _name_and_age(toks, end_tok, lex)
    if aged is not None:
        return aged
    start = _subject_start(toks, end_tok, lex)
    if start is None:
        return _relative_without_closing_comma(toks, end_tok, lex)
    named = _name_before_role(toks, start, lex)  # "..., Li Ying, vice-president of X said"
    return toks[named if named is not None else start].start, toks[end_tok].end


def _name_before_role(toks: list[Tok], start: int, lex: Lexicon) -> int | None:
    """The first token of a personal name set off by commas just before a role phrase that
    opens the subject ("..., Li Ying, vice-president of the group said"), or None."""
    first = toks[start]
    role = first.lower.rsplit("-", 1)[-1]  # "vice-president"
    if not (first.text.islower() and role in lex.person_words):
        return None
    if start < 3 or toks[start - 1].text != ",":
        return None
    k = start - 2
    while (
        k >= 0
        and is_name_tok(toks[k])
        and toks[k].lower not in lex.true_prepositions  # "In Leeds, voters said"
        and start - 2 - k < 4
    ):
        k -= 1
    if start - 2 - k < 2 or (k >= 0 and toks[k].text != ","):
        return None
    return k + 1


def _verb_after_name(prev: Tok, tok: Tok, nxt: Tok | None, lex: Lexicon) -> bool:
    """Whether a lower-case word right after a capitalised name can only be the verb that
    follows the subject: not a preposition, joining word, person, body or document noun
    ("the White House press office" reads on, "the BBC cast doubt" stops)."""
    low = tok.lower
    if (
        prev.text.islower()
        and prev.lower in lex.person_heads
        and prev.lower.endswith("s")
        and tok.text.islower()
        and tok.text.isalpha()
        and low not in lex.prepositions
        and low not in lex.relativizers
        and low not in {"and", "or"}
    ):
        return True  # "mainland experts met reporters, saying": the people end the subject
    return (
        prev.cap
        and prev.text[0].isalpha()
        and not prev.lower.endswith(("'s", "\u2019s"))  # "Nigeria's central bank"
        and prev.lower not in lex.determiners
        and prev.lower not in lex.person_titles
        and tok.text.islower()
        and tok.text.isalpha()
        and low not in lex.prepositions
        and low not in lex.person_words
        and low not in lex.institution_heads
        and low not in lex.document_heads
        and low not in lex.media_words
        and low not in {"and", "of", "or"}
        and not low.endswith(("'s", "s'"))
        # "Chinese mainland experts", "Harbour City council staff": a noun phrase going on
        and prev.lower not in lex.demonyms
        and not prev.lower.endswith(lex.demonym_suffixes)
        and not (nxt is not None and _noun_head(nxt.lower, lex))
    )


def _noun_head(low: str, lex: Lexicon) -> bool:
    return low in lex.person_words or low in lex.institution_heads or low in lex.document_heads


def _opener(tok, lex) -> bool:
    """A word that opens a sentence before its subject: 'Later,', 'However,', 'Separately,'."""
    low = tok.lower
    return (
        low in lex.connectives
        or low in lex.tail_starts
        or low in lex.between
        or low.endswith("ly")
        and low not in lex.not_adverbs
    )


_PLACE_PREPS = frozenset({"in", "of", "from", "at", "near", "outside"})


_REASON_AFTER = frozenset({"anonymity", "anonymously", "named", "identified", "publicly"})


def _reason_before(toks, ci) -> int | None:
    """The "because" that opens a reason for anonymity ending right before the cue at ci
    ("... on condition of anonymity because the talks were private said"), or None."""
    if ci < 3 or not toks[ci - 1].text.isalpha():
        return None  # "X, who spoke ... because ..., said": an aside, read as one
    for k in range(ci - 2, max(0, ci - 14), -1):
        t = toks[k]
        if t.text in {",", ".", ";", ":", '"'}:
            return None
        if t.lower == "because":
            return k if k >= 2 and toks[k - 1].lower in _REASON_AFTER else None
    return None


def aside_start(toks, seg_end) -> int | None:
    """Where the comma-bounded segment ending at seg_end starts, taking a place and its
    region ("in Kingston, Ontario") as one segment."""
    seg_start = segment_start(toks, seg_end)
    if seg_start is not None and region_of_place(toks, seg_start, seg_end):
        seg_start = segment_start(toks, seg_start - 2)
    return seg_start


def region_of_place(toks, seg_start, seg_end) -> bool:
    """'..., of Harbour University in Kingston, Ontario, said': the segment is the region
    after a place named with "in" or "of" (up to two capitalised words each), not an
    appositive of its own."""
    if seg_end - seg_start > 1 or seg_start < 3 or toks[seg_start - 1].text != ",":
        return False
    if not all(t.cap and t.text.isalpha() for t in toks[seg_start : seg_end + 1]):
        return False
    k = seg_start - 2
    while k >= 0 and seg_start - 2 - k < 2 and toks[k].cap and toks[k].text.isalpha():
        k -= 1
    return k < seg_start - 2 and k >= 0 and toks[k].lower in _PLACE_PREPS


def is_appositive(toks, seg_start, seg_end, lex) -> bool:
    if (
        seg_start < seg_end
        and toks[seg_start].lower.endswith("ly")
        and toks[seg_start].text.islower()
        and toks[seg_start + 1].lower.endswith("ed")
    ):
        seg_start += 1  # "The research, recently published in The Lancet, says"
    first = toks[seg_start]
    segment = toks[seg_start : seg_end + 1]
    if (
        first.lower in lex.articles
        and any(t.lower in lex.clause_verbs for t in segment)
        and not any(t.lower in lex.relativizers or t.lower in {"that", "which"} for t in segment)
    ):
        return False  # "..., the house was fully engulfed, said ...": a clause
    if first.lower in lex.appositive_starters:
        return True
    if first.lower in lex.example_starters:
        return True  # "Critics of the policy, including the opposition, say ..."
    if first.lower.endswith("ed") and first.text.islower() and seg_end - seg_start < 8:
        return True  # "An internal email, reviewed by the Post, shows ..."
    if first.lower.endswith("ing") and first.text.islower() and seg_end - seg_start < 6:
        return True  # "governor of San Marcos, bordering Mexico, told ..."
    if any(t.lower in lex.clause_verbs for t in toks[seg_start : seg_end + 1]):
        return False
    before = toks[seg_start - 2] if seg_start >= 2 else None
    segment_words = toks[seg_start : seg_end + 1]
    if (
        before is not None
        and before.text.islower()
        and before.lower in lex.person_heads
        and 2 <= len(segment_words) <= 4
        and all(t.cap and t.text[0].isalpha() for t in segment_words)
    ):
        return True  # "Halloran's lawyer, Imogen Castell, said": the role's holder named
    # "Colonel Aino Lehtisalo, commander of the Lapland Air Wing, told ..."
    return (
        before is not None
        and before.cap
        and before.text.isalpha()
        and (
            not first.cap
            or first.lower.endswith("'s")
            or _role_segment(toks, seg_start, seg_end, lex)  # ", Norwegian deputy minister,"
        )
    )


def _role_segment(toks: list[Tok], seg_start: int, seg_end: int, lex: Lexicon) -> bool:
    """'Ukrainian deputy prime minister for ...', 'Chief Economist at ...': a role after a
    name, its head a lower-case person noun or a title (capitalised or not)."""
    head = None
    for t in toks[seg_start : seg_end + 1]:
        if t.lower in lex.prepositions or not t.text[0].isalnum():
            break
        head = t
    if head is None:
        return False
    if head is toks[seg_start] and head.cap:
        # "President of the Miners' Federation": a capitalised title with its body after it
        nxt = toks[seg_start + 1] if seg_start + 1 <= seg_end else None
        return (
            head.lower in lex.person_titles and nxt is not None and nxt.lower in {"of", "at", "for"}
        )
    low = head.lower
    return low in lex.person_titles or (low in lex.person_heads and head.text.islower())


def segment_start(toks, end) -> int | None:
    j = end
    floor = end - _MAX_PHRASE
    while j >= 0 and toks[j].text not in _SEGMENT_STOPS:
        if j <= floor:
            return None  # no clause this long is a speaker phrase
        j -= 1
    return j + 1 if j + 1 <= end else None


def _name_and_age(toks: list[Tok], end: int, lex: Lexicon) -> tuple[int, int] | None:
    """'Jim Hale, 49, of Fairview, said', '..., aged 49, ...': with the aside after the age
    skipped, the name before ', 49' or ', aged 49' ending at token `end`."""
    if not toks[end].text.isdigit() or len(toks[end].text) > 3:
        return None
    k = end - 1
    k -= k >= 0 and toks[k].lower == "aged"
    if k < 1 or toks[k].text != "," or not toks[k - 1].cap:
        return None
    start = _subject_start(toks, k - 1, lex)
    return None if start is None or not toks[start].cap else (toks[start].start, toks[end].end)


def _relative_without_closing_comma(
    toks: list[Tok], end: int, lex: Lexicon
) -> tuple[int, int] | None:
    """'Ana Ruiz, who heads the board said ...': a relative clause whose closing comma is
    missing; the speaker is its antecedent, with the clause."""
    seg = end
    floor = max(0, end - _MAX_PHRASE)
    while seg > floor and toks[seg - 1].text not in _SEGMENT_STOPS:
        seg -= 1
    if (
        seg < 2
        or seg >= end
        or toks[seg - 1].text != ","
        or toks[seg].lower not in {"who", "which"}
    ):
        return None
    start = _subject_start(toks, seg - 2, lex)
    if (
        start is None
        or seg - 2 - start > 5
        or not all(is_name_tok(t) for t in toks[start : seg - 1])
    ):
        return None  # only a name ("Police held a man, who fled said": a clause before it)
    return toks[start].start, toks[end].end


def _subject_start(toks: list[Tok], end: int, lex: Lexicon) -> int | None:
    """Scan left from token `end` over a noun phrase; return its first token index."""
    if end < 0:
        return None
    t = toks[end]
    if t.text in _HARD_STOPS_BUT_CLOSE or t.text in {",", "."}:
        return None
    if t.lower in lex.stop_left and t.lower not in lex.pronouns:
        return None
    if t.lower in lex.pronouns and not _object_of_preposition(toks, end, 0, lex):
        return end  # "the protesters who ... fought police while they said": "they"
    # the leftmost relativizer inside this comma segment: stop words after it belong to
    # the relative clause ("a diplomat who is attending the course")
    seg = end
    floor = max(0, end - _MAX_PHRASE)
    while seg > floor and toks[seg - 1].text not in _SEGMENT_STOPS:
        seg -= 1
    rel = next((k for k in range(seg, end + 1) if toks[k].text in lex.relativizers), None)
    if rel is not None and _speaker_inside_relative(toks, rel, end, lex):
        return rel + 1  # "a man who police say struck a deputy": police say it
    j = end if rel is None else rel - 1
    if rel is not None and j < seg:
        return None
    while j >= seg:
        if end - j > _MAX_PHRASE:
            return None
        if toks[j].lower in lex.pronouns and not _object_of_preposition(toks, j, seg, lex):
            return j if j == end else j + 1
        step = _step_left(toks, j, seg, end, lex)
        if step is None:
            break
        j = step
    return _trim_start(toks, j + 1, end, rel, lex)


def _speaker_inside_relative(toks: list[Tok], rel: int, end: int, lex: Lexicon) -> bool:
    """'a man who police say struck', 'the car, which the owners said was stolen': a short
    noun phrase right after the relative word and before the cue, with no verb of its own,
    is the speaker of a parenthetical attribution inside the relative clause."""
    words = toks[rel + 1 : end + 1]
    if toks[rel].lower not in {"who", "which", "that"} or not 1 <= len(words) <= 5:
        return False
    head = words[-1]
    if len(words) > 1 and not (words[0].cap or words[0].lower in lex.determiners):
        return False  # "who heads the board said": the clause's own verb, then its object
    if not (
        head.lower in lex.person_heads
        and plural_form(head.lower)
        or head.lower in lex.institution_heads
        or head.cap
        or words[0].lower == "the"
        and _bare_noun(head, lex)
        and not plural_form(head.lower)  # "the intelligence community", not "the family owns"
    ):
        return False
    return all(
        w.cap
        or w.lower in lex.determiners
        or w is head
        or w.lower in lex.person_heads
        or words[0].lower == "the"
        and _bare_noun(w, lex)
        for w in words
    )


def _bare_noun(w: Tok, lex: Lexicon) -> bool:
    """A lower-case word that is no verb form ("intelligence", "community")."""
    return (
        w.text.isalpha()
        and w.text.islower()
        and not w.lower.endswith(("ed", "ing"))
        and w.lower not in lex.verbs
        and w.lower not in lex.stop_left
    )


def plural_form(low: str) -> bool:
    """A word with a plural's ending ("officials", not "press", "census" or "analysis")."""
    return low.endswith("s") and not low.endswith(("ss", "us", "is"))


def _object_of_preposition(toks: list[Tok], j: int, seg: int, lex: Lexicon) -> bool:
    """'a source close to them', 'a friend of hers': a pronoun inside the phrase, not its
    subject."""
    return (
        j > seg
        and toks[j].lower in lex.object_pronouns | {"hers", "his"}
        and toks[j - 1].lower in {"to", "of", "with", "for", "near", "about"}
    )


def _step_left(toks: list[Tok], j: int, seg: int, end: int, lex: Lexicon) -> int | None:
    """The next token to look at left of token j inside a subject, or None where it ends."""
    tok = toks[j]
    low = tok.lower
    if tok.text == ")":
        k = j - 1
        while k >= seg and toks[k].text != "(":
            k -= 1
        return k - 1 if k > seg and j - k <= 4 else None  # "(Reuters)", "(NDC)"
    if low == "and" and j > 0 and toks[j - 1].cap and j + 1 <= end and toks[j + 1].cap:
        return j - 1
    if (
        low == "and"
        and j > 0
        and j + 1 <= end
        and toks[j - 1].lower in lex.person_heads
        and toks[j + 1].lower in lex.person_heads
        and toks[j - 1].lower.endswith("s")
        and toks[j + 1].lower.endswith("s")
    ):
        return j - 1  # "diplomats and officials said", "friends and colleagues"
    if low == "and" and _joins_offices(toks, j, end, lex):
        return j - 1  # "Turkey's transport and infrastructure minister"
    if low == "not" and j + 1 <= end and toks[j + 1].lower.endswith("ed"):
        return j - 1
    if (
        low in lex.stop_left
        or tok.text == "."
        or (not tok.text[0].isalnum() and tok.text not in "&'")
    ):
        return None  # a dash or other mark ends the phrase: "LONDON (Reuters) - An official"
    return j - 1


def _joins_offices(toks: list[Tok], j: int, end: int, lex: Lexicon) -> bool:
    """Whether the "and" at token j joins two portfolios of one office held by one person
    ("Turkey's transport and infrastructure minister", "the foreign and defence secretary"):
    a lower-case word on each side, an owner or "the" right before the first, and a single
    title ending the phrase right after the second."""
    if j < 2 or j + 2 != end:
        return False
    before, after, title = toks[j - 1], toks[j + 1], toks[end]
    owner = toks[j - 2]
    return (
        before.text.islower()
        and before.text.isalpha()
        and not before.lower.endswith("ed")
        and after.text.islower()
        and after.text.isalpha()
        and title.lower in lex.person_titles
        and (owner.lower == "the" or owner.cap and owner.text.endswith(("'s", "\u2019s")))
    )


def _trim_start(toks: list[Tok], start: int, end: int, rel: int | None, lex: Lexicon) -> int | None:
    """Drop leading prepositions and relativizers that cannot begin a subject, and start at
    a determiner after an opening adverbial ("for years the Western press")."""
    opened = start
    while start <= end and toks[start].lower in lex.leading_prepositions:
        start += 1
    if start > end:
        return None
    start = _after_opening_phrase(toks, opened, start, end, lex)
    if (
        start < end
        and (toks[start].lower in lex.connectives or toks[start].lower in _WHEN_OPENERS)
        and is_name_tok(toks[start + 1])
    ):
        start += 1  # "Now Ana Ruiz said", "Today Harbour Police said"
    for k in range(start + 1, end + 1 if rel is None else rel):
        if (
            toks[k].lower in lex.articles
            and toks[k - 1].lower not in lex.prepositions
            and (
                toks[k - 1].text.isalpha()
                and not toks[k - 1].cap
                or toks[k - 1].lower == "for"
                or k - 1 == start
                and _opener(toks[k - 1], lex)  # "Now a source explained"
            )
        ):
            start = k  # "for years the Western press": the subject starts at its determiner
    return start


def _after_opening_phrase(toks: list[Tok], opened: int, start: int, end: int, lex: Lexicon) -> int:
    """'During the meeting residents said', 'After the vote officials said': an opening
    phrase of time or place with no comma after it, then a bare plural of people, which is
    the subject ('the vote officials' are no one's)."""
    if opened == 1:
        opened = 0  # the scan on the left stopped right after the opening word
    if toks[opened].lower not in _OPENING_PREPOSITIONS or not toks[opened].cap:
        return start
    k = opened + 1
    if k + 2 != end or toks[k].lower not in lex.articles:
        return start
    noun, people = toks[k + 1], toks[end]
    if (
        noun.text.islower()
        and noun.text.isalpha()
        and noun.lower not in lex.person_heads
        and people.text.islower()
        and people.lower in lex.person_heads
        and (people.lower in lex.plural_nouns or people.lower.endswith("s"))
    ):
        return end
    return start


_OPENING_PREPOSITIONS = frozenset(
    {"during", "after", "before", "since", "following", "amid", "at", "in", "on", "throughout"}
)
_SUBJECT_PRONOUNS = frozenset({"it", "he", "she", "they", "we"})
_WHEN_OPENERS = frozenset({"today", "yesterday", "tonight", "earlier", "later", "recently"})
_BEFORE_A_DAY = frozenset({"on", "since", "until", "by", "from", "last", "next", "this", "of"})
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)


def _clause_or_day(toks: list[Tok], j: int, lex: Lexicon) -> bool:
    """Whether token j, inside a phrase on the right, starts something else: a clause of
    its own ("people it said were familiar with the talks") or the day something was said
    ("said a defence official Monday on condition of anonymity")."""
    tok, n = toks[j], len(toks)
    if tok.lower in _SUBJECT_PRONOUNS:
        return j + 1 < n and toks[j + 1].lower in lex.verbs
    return (
        tok.lower in _WEEKDAYS
        and tok.cap
        and toks[j - 1].text.islower()
        and toks[j - 1].lower not in lex.determiners  # "the Sunday Courier": a name
        and toks[j - 1].lower not in _BEFORE_A_DAY  # "published on Wednesday in ..."
        and not (j + 1 < n and (toks[j + 1].lower == "by" or toks[j + 1].cap))
    )


def _clause_after_name(toks: list[Tok], j: int, lex: Lexicon) -> bool:
    """'according to Romano the fee is lower': an article after a name, before a lower-case
    word, opens the clause (but 'Alexander the Great' is one name)."""
    return (
        toks[j].lower in lex.articles
        and toks[j - 1].cap
        and toks[j - 1].text.isalpha()
        and j + 1 < len(toks)
        and toks[j + 1].text.islower()
    )


def right_phrase(
    toks: list[Tok], i: int, lex: Lexicon, strict: bool = False
) -> tuple[int, int] | None:
    """The noun phrase starting at token i, up to the end of its clause.

    With `strict`, the phrase must run to a comma, a quotation mark or the sentence's end
    without meeting a verb: "..., said the minister." but not "said the talks had failed"."""
    n = len(toks)
    opening = _phrase_opening(toks, i, lex)
    if opening is None:
        return None
    i = j = opening
    last = None
    while j < n and j - i < _MAX_PHRASE:
        tok = toks[j]
        if tok.text == ",":
            after = _clause_after_comma(toks, j, last, strict, lex)
            if after is None:
                break
            nxt = toks[j + 1].lower
            last, j = after - 1, after  # an appositive or relative clause, kept to its end
            if nxt in lex.relativizers or nxt == "speaking":
                break
            continue
        close = _bracket_close(toks, j)
        if close is not None:
            last = j = close  # "the NATO Defense College (NDC)": an acronym in brackets
            j += 1
            continue
        if tok.text in _PHRASE_STOPS or strict and j > i and tok.lower in _WHO:
            break
        if strict and tok.lower in lex.clause_verbs and not _month_day(toks, j):
            return None
        if j > i and (_clause_or_day(toks, j, lex) or _clause_after_name(toks, j, lex)):
            break
        if tok.lower in lex.right_breaks and j > i:
            if tok.lower == "and" and (_joins_names(toks, j) or _joins_roles(toks, j, lex)):
                j += 1
                continue
            if strict and tok.lower not in lex.soft_breaks:
                return None
            break
        last = j
        j += 1
    if last is None:
        return None
    return toks[i].start, toks[_phrase_end(toks, i, last, strict, lex)].end


_WHO = frozenset({"who", "whom"})


def _phrase_end(toks: list[Tok], i: int, last: int, strict: bool, lex: Lexicon) -> int:
    """The last token of a right phrase that ran from token i to `last`: with `strict`, the
    relative clause after it ("..., said a witness who asked not to be named."); else not a
    preposition or a determiner."""
    if strict and last + 1 < len(toks) and toks[last + 1].lower in _WHO:
        return relative_clause_end(toks, i, last + 1)
    while last > i and _dangling(toks[last].lower, lex):
        last -= 1
    return last


_PHRASE_STOPS = _HARD_STOPS | {"."}
_CLAUSE_ENDS = frozenset({",", ".", ";", ":", '"', "'", "\u201c", "\u201d", "(", ")"})


def relative_clause_end(toks: list[Tok], i: int, j: int) -> int:
    """The last token of the relative clause opening at token j of a phrase that starts at
    token i ("..., said a witness who asked not to be named."): it runs to a comma, a stop or
    a quotation mark, within the phrase's bound."""
    while j + 1 < len(toks) and j - i < _MAX_PHRASE and toks[j + 1].text not in _CLAUSE_ENDS:
        j += 1
    return j


def _month_day(toks: list[Tok], j: int) -> bool:
    """'May 2': the month, not the verb."""
    return toks[j].text == "May" and j + 1 < len(toks) and toks[j + 1].text[0].isdigit()


def _phrase_opening(toks: list[Tok], i: int, lex: Lexicon) -> int | None:
    """The first token of a phrase on the right, past a comma or dash, or None when what
    follows cannot open a speaker phrase ("that", "it", a quotation mark)."""
    n = len(toks)
    while i < n and toks[i].text in {",", "-"}:
        i += 1
    if i >= n:
        return None
    first = toks[i]
    if first.text in _HARD_STOPS or first.lower in lex.not_phrase_starts:
        return None
    return i


def _joins_roles(toks: list[Tok], j: int, lex: Lexicon) -> bool:
    """Whether the "and" at token j joins two parts of one role ("buying and merchandising
    director", "professor and principal investigator"): lower-case words after it lead to a
    person noun within three words."""
    for k in range(j + 1, min(len(toks), j + 4)):
        t = toks[k]
        if not (t.text.islower() and t.text.isalpha()):
            return False
        if t.lower in lex.person_heads or t.lower in lex.person_titles:
            return True
    return False


def _joins_names(toks: list[Tok], j: int) -> bool:
    """Whether token j sits between two capitalised words ("Smith and Jones")."""
    return j + 1 < len(toks) and toks[j + 1].cap and toks[j - 1].cap


def _clause_after_comma(
    toks: list[Tok], j: int, last: int | None, strict: bool, lex: Lexicon
) -> int | None:
    """Where an appositive or relative clause opening at the comma at j ends (the index of
    the comma or stop after it), or None when the comma ends the phrase."""
    n = len(toks)
    nxt = toks[j + 1].lower if j + 1 < n else ""
    after_name = strict and last is not None and is_name_tok(toks[last])
    after_role = (
        strict
        and last is not None
        and toks[last].lower in lex.person_heads
        and j + 2 < n
        and is_name_tok(toks[j + 1])
        and is_name_tok(toks[j + 2])
    )
    if not (
        nxt in {"who", "whose", "speaking"}  # "..., said X, who ...", "X, speaking to ..."
        or (after_name and (nxt in lex.right_appositive_starters or nxt.endswith("'s")))
        or after_role  # "..., said the lead researcher, Assoc Prof Ann Hodge of ..."
    ):
        return None
    k = j + 1
    while k < n and toks[k].text not in {",", "."} and toks[k].text not in _HARD_STOPS:
        k += 1
    return k


def _bracket_close(toks: list[Tok], j: int) -> int | None:
    """The ")" closing a short bracket opening at j ("(NDC)"), if any."""
    n = len(toks)
    if toks[j].text != "(" or j + 2 >= n:
        return None
    return next((k for k in range(j + 1, min(n, j + 5)) if toks[k].text == ")"), None)


def _dangling(low: str, lex: Lexicon) -> bool:
    """A word a phrase cannot end on: a preposition or a determiner."""
    return (low in lex.prepositions or low in lex.determiners) and low not in lex.ending_participles


def is_name_tok(tok: Tok) -> bool:
    """A capitalised word or an initial ("E.") that can be part of a personal name, also
    with a hyphen or an apostrophe inside ("Al-Shabanah", "O'Neill"), not a possessive."""
    text = tok.text
    return tok.cap and (
        text.isalpha()
        or len(text) == 2
        and text[1] == "."
        or _JOINED_NAME.fullmatch(text) is not None
    )


_JOINED_NAME = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]{2,})+")
