"""Names inside a speaker phrase that its head alone does not show: a role followed by a
personal name ("State Department spokesperson Mary Stone"), a title whose office runs into
the name ("Secretary of State Ana Ruiz"), a proper body ("The General Staff of the Army")."""

from __future__ import annotations

from .lexicon import Lexicon
from .phrases import is_name_tok
from .tokens import Tok


def role_then_name(pre: list[Tok], lex: Lexicon) -> bool:
    """The phrase ends in a role word and a personal name of two or more words, or opens
    with a title whose office runs into the name."""
    k = len(pre)
    while k > 0 and is_name_tok(pre[k - 1]) and pre[k - 1].lower not in lex.org_words:
        k -= 1
    names = len(pre) - k
    # "Leader of the Revolution Ayatollah Seyyed Ali Khamenei": a title inside the capitalised
    # run, with two to four names after it
    title = max(
        (i for i in range(k, len(pre) - 2) if pre[i].lower.rstrip(".") in lex.person_titles),
        default=-1,
    )
    if title >= 0 and 2 <= len(pre) - title - 1 <= 4:
        return True
    if names < 2 or k == 0 or names > 5:
        return False
    role = pre[k - 1].lower.rstrip(".")
    if role in lex.person_titles or role in lex.person_heads:
        return names <= 4
    first = next((t for t in pre if not _before_a_title(t, lex)), None)
    if first is None or not first.cap or pre[-1].lower in lex.org_words:
        return False
    if not all(t.cap or t.lower in {"of", "for", "the", "and", "in", "on"} for t in pre):
        return False
    # the title opens the phrase ("Secretary of State Ana Ruiz") or follows a word of its
    # rank ("Principal Secretary in the Ministry of Health Ana Cole"); a capitalised role
    # word in the singular is a title too ("Presidential Aide on Climate Ana Berg")
    lead = [t for t in pre if not _before_a_title(t, lex)][:2]
    return any(
        t.lower in lex.person_titles
        or t.cap
        and t.lower in lex.person_heads
        and not t.lower.endswith("s")  # "Friends of the Earth Scotland": a body
        for t in lead
    )


def office_of_body_then_name(toks: list[Tok], lex: Lexicon) -> bool:
    """'chairman of the Harbour Council Foreign Affairs Committee Ana Ruiz': a role, the
    body it belongs to (its name ending in a word such as "Committee"), then a personal
    name of two or three words."""
    k = len(toks)
    while k > 0 and is_name_tok(toks[k - 1]) and toks[k - 1].lower not in lex.org_words:
        k -= 1
    names = len(toks) - k
    if not 2 <= names <= 3 or k < 3 or toks[k - 1].lower not in lex.org_words:
        return False
    lead = 1 if toks[0].lower in lex.determiners else 0
    first = toks[lead].lower.rstrip(".")
    return any(t.lower in {"of", "for", "at"} for t in toks[lead + 1 : k]) and (
        first in lex.person_titles or first in lex.person_heads
    )


def _before_a_title(t: Tok, lex: Lexicon) -> bool:
    """'the', 'Former', 'US', 'U.S.', 'Israeli': words that may open a title phrase."""
    low = t.lower
    return (
        low in lex.determiners
        or low in lex.title_qualifiers
        or low in lex.demonyms
        or t.text.replace(".", "").isupper()
        and 2 <= len(t.text.replace(".", "")) <= 3
    )


def proper_body(toks: list[Tok]) -> bool:
    """'The General Staff of the Harbour Guard', 'The Court of Appeal': 'The', then only
    capitalised words, then 'of' and a capitalised name."""
    if len(toks) < 4 or toks[0].text != "The":
        return False
    k = next((i for i, t in enumerate(toks) if t.lower == "of"), None)
    if k is None or k < 2 or k + 1 >= len(toks):
        return False
    after = toks[k + 2] if toks[k + 1].lower == "the" and k + 2 < len(toks) else toks[k + 1]
    return all(t.cap and t.text.isalpha() for t in toks[1:k]) and after.cap


def role_before_name(toks: list[Tok], i: int, lex: Lexicon) -> bool:
    """'head coach Amir Sadek.', 'study author Gary Fraser,': up to four lower-case role
    words, then a capitalised name running to the clause's end."""
    j = i
    while j < len(toks) and j - i < 4 and toks[j].text.islower() and toks[j].text.isalpha():
        j += 1
    if j == i or toks[j - 1].lower not in lex.person_words:
        return False
    k = j
    while k < len(toks) and is_name_tok(toks[k]):
        k += 1
    return k - j >= 2 and (k == len(toks) or toks[k].text in {",", ".", ";"})
