"""Document stage: paragraphs, sentences and quotations, with offsets into the original text.

Nothing here changes the length of the text: typographic variants are folded one code point
for one code point into `Document.norm`, so every later stage can match on plain ASCII
punctuation and still report offsets into what the user submitted.
"""

from __future__ import annotations

import re
from datetime import date

from .attribution.lexicon import load_lexicon
from .clutter import find_clutter
from .model import Document, Paragraph, Quote, Sentence

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u3000": " ",
        "\t": " ",
        "\r": " ",
        "\u2028": "\n",
        "\u2029": "\n",
        "\u0085": "\n",
        "\u000b": "\n",
        "\u000c": "\n",
    }
)

OPENERS = frozenset("\u2018\u201c\u201e\u00ab")
CLOSERS = frozenset("\u2019\u201d\u00bb")
_QUOTE_MARK = re.compile("[\"'\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb]")

_PARA_BREAK = re.compile(r"\n[ ]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")
# A candidate sentence end: terminal punctuation, optional closing quotes/brackets, space.
_END_CHAR = re.compile(r"[.!?\n]")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.?$")


# Most text is ASCII: substituting the few special characters beats translating every one.
_SPECIAL = re.compile("[" + "".join(re.escape(chr(k)) for k in _FOLD) + "]")


# A typewriter dash ("officials -- one current, one former -- told"): one dash and a space,
# so that it reads like the dash it stands for and every offset stays where it was.
_DOUBLE_HYPHEN = re.compile(r"(?<=\s)--(?=\s)")


def fold(text: str) -> str:
    text = _SPECIAL.sub(lambda m: _FOLD[ord(m.group())], text)
    return _DOUBLE_HYPHEN.sub("- ", text) if "--" in text else text


def build_document(
    text: str,
    *,
    title: str | None = None,
    published: date | None = None,
    url: str | None = None,
) -> Document:
    norm = fold(text)
    paras = paragraphs(norm)
    sentences = tuple(_sentences(norm, paras))
    quotes = tuple(_quotes(text, norm, paras))
    return Document(
        text=text,
        norm=norm,
        paragraphs=paras,
        sentences=sentences,
        quotes=quotes,
        title=title,
        published=published,
        url=url,
        clutter=find_clutter(norm, title=fold(title) if title else None),
    )


def paragraphs(norm: str) -> tuple[Paragraph, ...]:
    # With blank lines present they separate paragraphs; otherwise each line is one.
    splitter = _PARA_BREAK if _PARA_BREAK.search(norm) else _LINE_BREAK
    out: list[Paragraph] = []
    pos = 0
    for m in splitter.finditer(norm):
        _add_trimmed(out, norm, pos, m.start())
        pos = m.end()
    _add_trimmed(out, norm, pos, len(norm))
    return tuple(out)


def _add_trimmed(out: list, norm: str, start: int, end: int) -> None:
    while start < end and norm[start].isspace():
        start += 1
    while end > start and norm[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Paragraph(start, end))


def _sentence_ends(norm: str, start: int, end: int):
    """(punctuation start, end, is_newline) of each candidate sentence end: a run of
    terminal punctuation with any closing quotes or brackets, followed by whitespace.

    A plain character scan plus a walk over each run: a regex with a look-behind for this
    cost four times as much, and one without it backtracked on long runs of full stops."""
    pos = start
    for m in _END_CHAR.finditer(norm, start, end):
        i = m.start()
        if i < pos:
            continue
        if norm[i] == "\n":
            pos = i + 1
            yield i, i + 1, True
            continue
        j = i
        while j < end and norm[j] in ".!?":
            j += 1
        k = j
        while k < end and norm[k] in "\"')]":
            k += 1
        pos = k
        if k < end and norm[k].isspace():
            yield i, k, False


def _sentences(norm: str, paragraphs: tuple[Paragraph, ...]):
    for pi, para in enumerate(paragraphs):
        start = para.start
        for punct, end, newline in _sentence_ends(norm, para.start, para.end):
            if not newline and not _is_boundary(norm, punct, end, para.end):
                continue
            yield from _capped(norm, start, end, pi)
            start = end
        yield from _capped(norm, start, para.end, pi)


# The longest sentence the analysis looks at, in characters. Published sentences run to a
# few hundred characters (the longest in the evaluation sets and golden files is under 900);
# a longer "sentence" is a list, a table or text with its full stops missing, and is cut
# into pieces of at most this length for analysis, so that work done per sentence (and
# anything quadratic in a sentence's words) is bounded by a constant, not by the text.
MAX_SENTENCE = 1_500
# Where a long sentence is cut: the last line break, else the last clause break (";", ":",
# ",", a dash between spaces), else the last space in the second half of the piece; a
# piece with none of these (one giant word) is cut at MAX_SENTENCE.
_CUTS = ("\n", "; ", ": ", ", ", " - ", " ")


def _capped(norm: str, start: int, end: int, pi: int):
    """The sentence norm[start:end], trimmed, in pieces of at most MAX_SENTENCE characters."""
    s, e = _trim(norm, start, end)
    while e - s > MAX_SENTENCE:
        low, high = s + MAX_SENTENCE // 2, s + MAX_SENTENCE
        cut = high
        for mark in _CUTS:
            at = norm.rfind(mark, low, high)
            if at >= 0:
                cut = at + len(mark.rstrip()) if mark.strip() else at
                break
        a, b = _trim(norm, s, cut)
        if b > a:
            yield Sentence(a, b, pi)
        s, e = _trim(norm, cut, e)
    if e > s:
        yield Sentence(s, e, pi)


def _trim(norm: str, start: int, end: int) -> tuple[int, int]:
    while start < end and norm[start].isspace():
        start += 1
    while end > start and norm[end - 1].isspace():
        end -= 1
    return start, end


_INITIALS = re.compile(r"(?:[A-Z]\.){1,2}[A-Z]\.?$")
_NAME_AFTER = re.compile(r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?\b")
_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+) $")


def _middle_initials(norm: str, start: int, word: str, nxt: int) -> bool:
    """'Christopher J.L. Murray': initials between a given name and a surname, not 'the
    U.S.' or 'Washington D.C.' at a sentence's end (a lower-case word or a place before)."""
    if not _INITIALS.match(word) or not _NAME_AFTER.match(norm, nxt):
        return False
    before = _NAME_BEFORE.search(norm, max(0, start - 30), start)
    if before is None:
        return False
    lex = load_lexicon()
    given = before.group(1).lower()
    following = _NAME_AFTER.match(norm, nxt).group().lower()  # type: ignore[union-attr]
    return (
        given not in lex.places
        and following not in lex.stop_left
        and following not in lex.determiners
        and following not in lex.person_pronouns
    )


_FIRST_WORD = re.compile(r"[A-Z][a-z]*\b")
_OPENERS = frozenset({"the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "this"})


def _opens_sentence(norm: str, nxt: int) -> bool:
    """Whether the word at `nxt` is one that opens a sentence, not a name ("The", "He")."""
    m = _FIRST_WORD.match(norm, nxt)
    return m is not None and m.group().lower() in _OPENERS


def _is_boundary(norm: str, punct: int, end: int, limit: int) -> bool:
    nxt = end
    while nxt < limit and norm[nxt] == " ":
        nxt += 1
    if nxt >= limit:
        return True
    following = norm[nxt]
    if following.islower():
        return False
    if norm[punct] != ".":
        # "?" or "!" inside a quotation followed by the speaker ("'Why?' she asked") is
        # handled by the attribution stage; here it still ends the sentence only when a
        # capital, digit or quotation mark follows.
        return following.isupper() or following.isdigit() or following in "\"'"
    m = _WORD_BEFORE.search(norm, max(0, punct - 12), punct + 1)
    if m:
        word = m.group(1).lower().rstrip(".")
        if word in load_lexicon().abbreviations:  # data/attribution.toml [abbreviations]
            # "... in the U.S. The company said": an initialism ends a sentence when the
            # next word can only open one
            return "." in word and _opens_sentence(norm, nxt)
        # A single capital initial ("John F. Kennedy") rarely ends a sentence.
        if len(word) == 1 and norm[punct - 1].isupper():
            return False
        if _middle_initials(norm, m.start(1), m.group(1), nxt):
            return False  # "Christopher J.L. Murray"
    return following.isupper() or following.isdigit() or following in "\"'(["


def _quotes(text: str, norm: str, paragraphs: tuple[Paragraph, ...]):
    """Pair quotation marks, paragraph by paragraph.

    A quotation still open at the end of a paragraph continues when the next paragraph
    opens with a quotation mark (the newspaper convention for long quotes); otherwise it
    ends with its paragraph.
    """
    open_at: int | None = None
    open_kind = ""
    for pi, para in enumerate(paragraphs):
        nxt = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
        scan_from, singles = para.start, True
        while True:
            for m in _QUOTE_MARK.finditer(text, scan_from, para.end):
                i = m.start()
                kind = norm[i]
                if kind == "'" and not singles:
                    continue
                if open_at is None:
                    if _opens(text, norm, i, para):
                        open_at, open_kind = i, kind
                elif kind == open_kind and _closes(text, norm, i, para):
                    yield Quote(open_at, i + 1, open_at + 1, i)
                    open_at = None
            if (
                singles
                and open_at is not None
                and open_kind == "'"
                and open_at >= para.start
                and (nxt is None or norm[nxt.start] != "'")
            ):
                # a single mark that nothing in its paragraph closes is an apostrophe ("the
                # 'Ndrangheta", "'em"), not a quotation: read the rest again without single
                # marks (none of them can close, or this one would be closed). Once per
                # paragraph, so the pass stays linear.
                scan_from, singles, open_at = open_at + 1, False, None
                continue
            break
        # a quotation open at the paragraph's end closes there, unless it runs on into the
        # next paragraph, which re-opens it
        if open_at is not None and (nxt is None or norm[nxt.start] != open_kind):
            yield Quote(open_at, para.end, open_at + 1, para.end)
            open_at = None
    if open_at is not None:
        last = paragraphs[-1]
        yield Quote(open_at, last.end, open_at + 1, last.end)


def _opens(text: str, norm: str, i: int, para: Paragraph) -> bool:
    ch = text[i]
    after = norm[i + 1] if i + 1 < para.end else " "
    if after.isspace():
        return False
    if ch in CLOSERS:
        return False
    before = norm[i - 1] if i > para.start else " "
    if ch in OPENERS:
        return not before.isalnum()
    if after.isdigit():
        return False  # "the '90s": a year cut short
    # straight quote: opens after a space or opening punctuation
    return before in " \n([-/:;,"


def _closes(text: str, norm: str, i: int, para: Paragraph) -> bool:
    ch = text[i]
    if ch in OPENERS:
        return False
    before = norm[i - 1] if i > para.start else " "
    after = norm[i + 1] if i + 1 < para.end else " "
    if before.isspace() and ch not in CLOSERS:
        return False  # a curly closing mark closes even after a space ("'low rent,' ”")
    # an apostrophe inside a word ("Russia's", "don't") is not a closing mark
    return not (norm[i] == "'" and before.isalpha() and after.isalpha())
