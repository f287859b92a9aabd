"""Who a role is: a definite role whose holder the text names nearby ("the region's
governor" … "Riverside governor Ivan Petrenko"), and the speaker of a relative clause
("comments by Minister X on Monday, who said", "the board, which ... and said")."""

from __future__ import annotations

from ..model import Source
from .kinds import head_noun_of, is_plural
from .lexicon import Lexicon
from .phrases import is_name_tok, sentence_subject
from .tokens import Candidate, SentenceIndex, Tok


def named_role(
    ix: SentenceIndex, cand: Candidate, source: Source, lex: Lexicon
) -> frozenset[str] | None:
    """'The Ukrainian president said ...' and, a sentence later, 'President Anna Marek':
    a definite singular role whose holder the text names nearby is that named person.
    Returns the holder's name words, or None when no holder fits."""
    norm = ix.norm
    words = ix.tokenize(source.start, source.end)
    comma = next((k for k, t in enumerate(words) if t.text == ","), len(words))
    toks = [t for t in words[:comma] if t.text[0].isalnum()]  # without its appositive
    if not toks or len(toks) > 8:
        return None
    head = head_noun_of(ix, (source.start, source.end), lex)
    definite_person = toks[0].lower == "the" and head in lex.person_heads  # "the lawyer"
    if (
        head not in lex.person_titles and head not in lex.leader_nouns and not definite_person
    ) or is_plural(head, lex):
        return None
    owner = toks[0].cap and toks[0].text.endswith(("'s", "\u2019s"))  # "Turkey's minister"
    if (
        toks[0].lower != "the"
        and not owner
        and not (toks[0].lower in {"a", "an"} and any(t.cap for t in toks[1:]))
    ):
        return None  # "the president", or "a Foreign Ministry spokesperson" named later
    caps = [t for t in toks if t.cap and t.lower not in lex.determiners]
    acronym = "".join(t.text[0] for t in caps)
    named_body = norm[caps[0].start : caps[-1].end] if caps else "\0"
    sentences = ix.doc.sentences
    for si in range(max(0, cand.sentence - 2), min(len(sentences), cand.sentence + 3)):
        sent = sentences[si]
        words = ix.tokenize(sent.start, sent.end)
        for k, t in enumerate(words):
            if source.start <= t.start < source.end:
                continue
            if not t.cap and not (
                t.lower == head
                and (
                    _two_names_at(words, k + 1)
                    or (_name_before_role(words, k, lex) and _same_modifiers(words, k, toks, head))
                )
            ):
                continue
            generic = head in lex.leader_nouns and any(
                part in lex.person_titles for part in t.lower.rstrip(".").split("-")
            )
            lead = norm[max(sent.start, t.start - len(named_body) - 6) : t.start]
            if t.lower != head and not (
                generic and len(acronym) >= 2 and (acronym in lead or named_body in lead)
            ):  # "WHO Director-General Ana Ruiz": the body stands right before the title
                continue
            if t.cap and t.lower == head and not _portfolio_fits(words, k, toks, head):
                continue  # "the foreign minister" is not "Defence Minister Ali Demir"
            run = _name_after_title(words, k, lex)
            if not run and t.lower == head and _same_modifiers(words, k, toks, head):
                run = _name_before_role(words, k, lex)  # "Ana Kestrel, the interior minister"
            if len(run) < 2 and not (
                run and len(acronym) >= 2 and acronym in norm[sent.start : t.start]
            ):
                continue
            return frozenset(w.text for w in run)
    return None


def named_soon(
    ix: SentenceIndex, cand: Candidate, source: Source, lex: Lexicon
) -> frozenset[str] | None:
    """'A Chinese health official said ...' and, in one of the next two sentences, 'Zheng
    Wei, a National Health Commission official' or 'Health Minister Zheng Wei': an
    indefinite singular role, with no request or reason for anonymity, is the person the
    text names with the same role noun at that noun's next use. Returns the name's words,
    or None: when the next use is not a name with that role ("another official", "the
    official"), or the sentence that names it opens with a contrast ("But ...")."""
    if source.anonymity_requested or source.anonymity_reason:
        return None
    words = ix.tokenize(source.start, source.end)
    comma = next((k for k, t in enumerate(words) if t.text == ","), len(words))
    toks = [t for t in words[:comma] if t.text[0].isalnum()]
    if not toks or toks[0].lower not in {"a", "an"} or len(toks) > 8:
        return None
    head = head_noun_of(ix, (source.start, source.end), lex)
    if head not in lex.person_words or is_plural(head, lex):
        return None
    sentences = ix.doc.sentences
    for si in range(cand.sentence + 1, min(len(sentences), cand.sentence + 3)):
        sent = sentences[si]
        # the opening of the sentence only: a role is named early, and a run-on "sentence"
        # read once per unnamed source would not stay linear
        words = ix.tokenize(sent.start, min(sent.end, sent.start + _NAMING_REACH))
        if words and words[0].lower in _CONTRASTS:
            return None
        for k, t in enumerate(words):
            if t.lower != head:
                continue
            if t.cap:  # "Defense Minister Luis Villegas"
                run = _name_after_title(words, k, lex)
                return frozenset(w.text for w in run) if len(run) >= 2 else None
            return _name_before_indefinite_role(words, k)
    return None


_CONTRASTS = frozenset({"but", "however", "yet", "meanwhile", "still"})
_NAMING_REACH = 400  # characters


def _name_before_indefinite_role(words: list[Tok], k: int) -> frozenset[str] | None:
    """The name in 'Zheng Wei, a National Health Commission official' for the role noun at
    token k: a name of two to four words, a comma, then "a"/"an" and up to five modifiers."""
    j = k - 1
    while j >= 0 and k - j <= 6 and words[j].lower not in {"a", "an"}:
        if not words[j].text[0].isalnum():
            return None
        j -= 1
    if j < 3 or words[j].lower not in {"a", "an"} or words[j - 1].text != ",":
        return None
    run: list[Tok] = []
    i = j - 2
    while i >= 0 and len(run) < 4 and is_name_tok(words[i]):
        run.insert(0, words[i])
        i -= 1
    return frozenset(w.text for w in run) if len(run) >= 2 else None


def _name_after_title(words: list[Tok], k: int, lex: Lexicon) -> list[Tok]:
    """The name of up to four words right after the title at token k ("Minister Ana Ruiz")."""
    run: list[Tok] = []
    for w in words[k + 1 : k + 5]:
        if not is_name_tok(w) or w.lower in lex.person_titles:
            break
        run.append(w)
    return run


def _name_before_role(words: list[Tok], k: int, lex: Lexicon) -> list[Tok]:
    """The name right before ', the <role>' ending at token k: 'Ana Kestrel, the interior
    minister'; empty when the role has no such name before it."""
    j = k - 1
    while j >= 0 and k - j <= 4 and words[j].text.islower() and words[j].lower != "the":
        j -= 1
    if j < 2 or words[j].lower != "the" or words[j - 1].text != ",":
        return []
    run: list[Tok] = []
    i = j - 2
    while (
        i >= 0
        and len(run) < 4
        and is_name_tok(words[i])
        and words[i].lower not in lex.person_titles
    ):
        run.insert(0, words[i])
        i -= 1
    return run if len(run) >= 2 else []


def _same_modifiers(words: list[Tok], k: int, role: list[Tok], head: str) -> bool:
    """Whether the lower-case words before the head at token k ("the interior minister")
    are those of the role ("Turkey's interior minister"), not another ("the transport
    minister")."""
    before = set()
    j = k - 1
    while j >= 0 and words[j].text.islower() and words[j].lower != "the":
        before.add(words[j].lower)
        j -= 1
    own = {w.lower for w in role if w.text.islower() and w.lower not in {"the", head}}
    return before == own


def _portfolio_fits(words: list[Tok], k: int, role: list[Tok], head: str) -> bool:
    """Whether the lower-case words of a role ("the foreign minister") are among the
    capitalised words of the title at token k ("Foreign Minister Ana Ruiz"); a role with no
    such words ("the minister") fits any."""
    at = next((i for i, w in enumerate(role) if w.lower == head), len(role))
    own = {
        w.lower
        for w in role[:at]  # the words before the role noun, not "the lawyer for Ana Ruiz"
        if w.text.islower()
        and w.lower not in {"the", "and", "of"}
        and not w.text.endswith(("'s", "\u2019s"))  # "the country's trade minister"
    }
    if not own:
        return True
    before = set()
    j = k - 1
    while j >= 0 and k - j <= 6 and (words[j].cap or words[j].lower in {"and", "of"}):
        before.add(words[j].lower)
        j -= 1
    return own <= before


def _two_names_at(toks: list[Tok], k: int) -> bool:
    return k + 1 < len(toks) and is_name_tok(toks[k]) and is_name_tok(toks[k + 1])


def which_antecedent(toks: list[Tok], k: int, lex: Lexicon) -> tuple[int, int] | None:
    """The document before ', which' ('a National Enquirer story, which noted'): a noun
    phrase of up to six words whose head is a document noun, else None."""
    end = k - 1
    if end < 0 or toks[end].lower not in lex.document_heads:
        return None
    start = end
    while start > 0 and end - start < 6:
        prev = toks[start - 1]
        if (
            not prev.text[0].isalnum()
            or prev.lower in lex.prepositions
            or prev.lower in lex.stop_left
        ):
            break
        start -= 1
        if prev.lower in lex.determiners:
            break
    return toks[start].start, toks[end].end


def who_antecedent(toks: list[Tok], k: int, lex: Lexicon) -> tuple[int, int] | None:
    """The named noun phrase ending at token k (before ', who'), skipping a time phrase
    ('on Monday') and keeping a role before an appositive name ('the city's transport
    chief, Maria Lenz'); None unless it holds a capitalised name."""
    j = k - 1 if toks[k].text == "," else k
    if j >= 1 and toks[j].cap and toks[j - 1].lower in {"on", "last", "this", "late", "early"}:
        j -= 2  # "... Tomas Rell on Monday, who said"
    if j >= 0 and toks[j].text == ",":
        j -= 1
    end = start = j
    while start > 0 and end - start < 8:
        prev = toks[start - 1]
        if not (prev.cap or prev.text.islower() and prev.lower in lex.person_heads):
            break
        start -= 1
    if start > end or not any(is_name_tok(t) for t in toks[start : end + 1]):
        return None
    if start >= 2 and toks[start - 1].text == ",":
        role_end = r = start - 2
        while r > 0 and toks[r - 1].text[0].isalnum() and toks[r - 1].lower not in lex.prepositions:
            r -= 1
        if toks[role_end].lower in lex.person_words:
            start = r
    return toks[start].start, toks[end].end


_CLAUSE_MARKS = frozenset({",", ";", ":", '"', "'", "(", ")", "-"})
_NEW_CLAUSE = frozenset(
    {"that", "which", "who", "whom", "when", "while", "because", "but", "or", "and", "if"}
)


def coordinated_subject(toks: list[Tok], k: int, lex: Lexicon) -> tuple[int, int] | None:
    """'Researchers at Lakeside University studied 5,000 women and found ...', 'Police
    arrived at the scene and said ...': the subject of the sentence's first verb, when the
    'and' at token k joins that verb's clause to the cue with nothing between them that
    opens another clause (a comma, a quotation, 'that', 'who', another verb of speech)."""
    span = sentence_subject(toks, k, lex)
    if span is None:
        return None
    j = next((i for i in range(k) if toks[i].start >= span[1]), k)
    if j >= k or k - j > 20:
        return None
    verb = toks[j]
    if not (
        verb.text.islower()
        and (verb.lower.endswith("ed") or verb.lower in lex.copulas or verb.lower in lex.verbs)
    ):
        return None  # "The mayor's office ... and said": no verb of its own right after it
    for i in range(j + 1, k):
        t = toks[i]
        if t.text in _CLAUSE_MARKS or t.lower in _NEW_CLAUSE:
            return None
        if (
            t.lower in lex.verbs
            and toks[i - 1].lower != "to"
            and toks[i - 1].lower not in lex.be_auxiliaries
        ):
            return None  # another verb of speech (not "declined to reveal", "was called by")
    return span


def relative_antecedent(toks: list[Tok], k: int, lex: Lexicon) -> tuple[int, int] | None:
    """The noun phrase before ', which'/', who' when the clause from there to token k (an
    'and' before a second verb) has no other comma, quotation or verb of speech."""
    j = k - 1
    while j > 1 and k - j <= 25:
        t = toks[j]
        if t.text in {",", ";", ":", '"', "'", "(", ")"} and not (
            t.text == "," and toks[j + 1].lower in {"which", "who"}
        ):
            return None
        if t.lower in {"which", "who"} and toks[j - 1].text == ",":
            end = start = j - 2
            while start > 0 and start > end - 6:
                prev = toks[start - 1]
                if not prev.text[0].isalnum() or prev.lower in lex.prepositions:
                    break
                if (
                    prev.lower in lex.stop_left
                    or prev.lower in lex.verbs
                    or (prev.text.islower() and prev.lower.endswith("ed"))
                ):
                    break
                start -= 1
                if prev.lower in lex.determiners:
                    break
            return toks[start].start, toks[end].end
        j -= 1
    return None
