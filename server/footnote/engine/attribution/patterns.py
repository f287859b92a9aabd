"""Regular expressions for large phrase lists, built as a trie.

Python's `re` tries the branches of `a|b|c...` one after another at every position, so a
list of 300 phrases costs 300 attempts per character. The same list folded into a trie
(`s(?:a(?:id|ys)|tated)`) takes one branch per character instead, so the cost of a scan
no longer grows with the number of phrases.
"""

from __future__ import annotations

import re


def trie_pattern(phrases, space: str = r"\s+") -> str:
    """A regex source matching any of `phrases` (longest first at each branch).

    A space in a phrase matches `space` (any run of whitespace by default)."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(trie, space)


def _emit(node: dict, space: str) -> str:
    ends = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        atom = space if ch == " " else re.escape(ch)
        branches.append(atom + _emit(node[ch], space))
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if ends else body


def compile_phrases(
    phrases, *, as_written: bool = False, bounded: bool = True, lead: str = "lookbehind"
) -> re.Pattern:
    """Compile `phrases` into one trie regex, whole words only when `bounded`.

    By default a phrase matches in lower case or with its first letter capitalised
    ("according to", "According to"), case-sensitively: re.IGNORECASE makes a scan several
    times slower. With `as_written`, phrases match exactly as given ("RT" but not "rt")."""
    if as_written:
        forms = set(phrases)
    else:
        lower = {p.lower() for p in phrases}
        forms = lower | {p[:1].upper() + p[1:] for p in lower}
    words = sorted(forms)
    body = trie_pattern(words) if words else r"(?!)"
    if bounded:
        # How the start of a word is checked changes the speed, not the matches: a
        # look-behind is faster than \b for a trie whose branches start with most letters;
        # with lead="none" the caller checks the start itself (see starts_word), which lets
        # re skip quickly to the few letters a small trie can start with.
        prefix = {"lookbehind": r"(?<!\w)", "none": ""}[lead]
        body = prefix + "(?:" + body + r")\b"
    return re.compile(body)


def starts_word(text: str, i: int) -> bool:
    """Whether offset i begins a word (for patterns compiled with lead="none")."""
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")


def word_spans(text: str, words) -> list[tuple[int, int]]:
    """Where any of `words` (lower case) stands as a whole word in `text`, written in lower
    case, with a capital first letter, or all in capitals: sorted (start, end) pairs.

    `str.find` skips to each candidate at C speed; a regex that opens with `\\b` or a set of
    letters is tried at every offset instead (one such scan of a 5 KB text costs as much as
    twenty of these)."""
    out = []
    for word in words:
        forms = {word, word[:1].upper() + word[1:], word.upper()}
        for form in forms:
            find, i, n = text.find, 0, len(form)
            while True:
                i = find(form, i)
                if i < 0:
                    break
                end = i + n
                if starts_word(text, i) and (end == len(text) or not _word_char(text[end])):
                    out.append((i, end))
                i = end
    out.sort()
    return out


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"
