"""Names and acronyms: "Name (ABC)" pairs that do not fit, and known bodies under wrong names."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..model import Document
from .kb import Institution, KnowledgeBase
from .scan import Hit

# "(ABC)": two to eight letters or digits, starting with a capital, at least two capitals.
_PAREN = re.compile(r"\(([A-Z][A-Za-z0-9]{1,7})\)")
_WORD = re.compile(r"[\w'.&]+(?:-[\w'.&]+)*$")
_CONNECTORS = frozenset(
    [
        "of",
        "for",
        "and",
        "the",
        "on",
        "in",
        "to",
        "de",
        "du",
        "des",
        "la",
        "le",
        "el",
        "del",
        "der",
        "fur",
        "für",
        "und",
        "i",
        "a",
        "an",
        "at",
        "by",
        "&",
        "d'",
    ]
)
# British and American spellings, and adjective and noun, compare as one word.
_SPELLING = {
    "defence": "defense",
    "organisation": "organization",
    "centre": "center",
    "programme": "program",
    "co-operation": "cooperation",
    "european": "europe",
}


# A date before "(ABC)" is a dateline ("OSLO, March 3 (NTB) --"): the brackets hold the
# agency that filed the story, not an acronym of the words before them.
_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun".split()
)
_DAY_NUMBER = re.compile(r"\d{1,4}(?:st|nd|rd|th)?")


def _is_date(name: str) -> bool:
    """True when every word of `name` is a month, a weekday or a day/year number, with at
    least one month or weekday ("March 3", "Dec. 3", "Friday")."""
    words = [w.strip(".,").lower() for w in name.split()]
    named = [w for w in words if w in _DATE_WORDS]
    return bool(named) and all(w in _DATE_WORDS or _DAY_NUMBER.fullmatch(w) for w in words)


def _is_dateline(norm: str, start: int, end: int) -> bool:
    """A place opening its line, the code in brackets, then a dash or a colon:
    "SAN FRANCISCO (AP) --", "New Delhi (ANI):"."""
    k = start  # back over spaces only: the name must open its line (linear, no rfind)
    while k > 0 and norm[k - 1] in " \t":
        k -= 1
    if k > 0 and norm[k - 1] != "\n":
        return False
    after = norm[end : end + 3].lstrip(" ")
    return after[:1] in ("-", ":")


@dataclass(frozen=True, slots=True)
class NameIssue:
    start: int
    end: int
    name: str
    acronym: str | None  # None: a known body's name is wrong, with no acronym given
    institution: Institution | None


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s\-]+", _plain(name).replace("'s", "")) if w]


def _significant(name: str) -> set[str]:
    out = set()
    for w in re.split(r"\s+", _plain(name).replace("'s", "")):
        w = w.strip(".,")
        if w and w not in _CONNECTORS:
            w = _SPELLING.get(w, w).replace("-", "")
            out.add(w)
    return out


def acronym_fits(acronym: str, name: str, *, slack: int = 0) -> bool:
    """True when the acronym can be read off the name as written: each word gives a prefix
    of itself (possibly empty), in order ("Intermediate-Range Nuclear Forces" -> INF,
    "United States European Command" -> USEUCOM). `slack` final letters may be left over
    ("Christian Democrats (CDU)": the U is for a word the name leaves out)."""
    letters = acronym.lower()
    words = _words(name)
    seen: dict[tuple[int, int], bool] = {}

    def walk(li: int, wi: int) -> bool:
        if li == len(letters):
            return True
        if wi == len(words):
            return li > 0 and len(letters) - li <= slack
        if (li, wi) in seen:
            return seen[(li, wi)]
        word = words[wi]
        ok = walk(li, wi + 1)  # skip this word
        k = 0
        while not ok and k < len(word) and li + k < len(letters) and word[k] == letters[li + k]:
            k += 1
            ok = walk(li + k, wi + 1)
        seen[(li, wi)] = ok
        return ok

    return walk(0, 0)


def _name_before(norm: str, paren: int) -> tuple[int, str] | None:
    """The capitalised name right before "(": words with capitals, joined by connectors."""
    pos = paren
    while pos > 0 and norm[pos - 1] == " ":
        pos -= 1
    end = pos
    start = None
    words = 0
    while pos > 0:
        m = _WORD.search(norm, max(0, pos - 60), pos)
        if not m or m.end() != pos:
            break
        word = m.group()
        lower = word.lower()
        if word.endswith("'s") or word.endswith("'"):
            break  # "Ukraine's Security Service": the owner is not part of the name
        if (word[0].isupper() or word[0].isdigit()) and lower not in _CONNECTORS:
            start = m.start()
            words += 1
        elif lower not in _CONNECTORS:
            break
        pos = m.start()
        while pos > 0 and norm[pos - 1] == " ":
            pos -= 1
        if pos == m.start():
            break
    if start is None:
        return None
    return start, norm[start:end]


_OWNER = re.compile(r"([A-Z][\w.-]*)'s?\s+$")


def _fits_loosely(acronym: str, name: str, norm: str, start: int) -> bool:
    """For bodies we do not know: allow one left-over final letter, and the owner before the
    name ("Ukraine's National Anti-Corruption Bureau (NABU)") as a word of the name."""
    if acronym_fits(acronym, name, slack=1):
        return True
    owner = _OWNER.search(norm, max(0, start - 40), start)
    if owner:
        word = owner.group(1)
        return acronym_fits(acronym, f"{name} {word}") or acronym_fits(acronym, f"{word} {name}")
    return False


def _own_language(kb: KnowledgeBase, name: str, norm: str, start: int) -> bool:
    """A national body of a non-English-speaking country may keep its own-language acronym."""
    context = norm[max(0, start - 30) : start] + " " + name
    words = {w.lower().removesuffix("'s") for w in re.findall(r"[\w']+", context)}
    return bool(words & kb.own_language_places)


def _matches_known(name: str, inst: Institution) -> bool:
    mine = _significant(name)
    if not mine:
        return False
    for official in inst.names:
        theirs = _significant(official)
        if mine <= theirs or theirs <= mine:
            return True
    return False


def find_name_issues(doc: Document, kb: KnowledgeBase, hits: list[Hit]) -> list[NameIssue]:
    by_acronym: dict[str, Institution] = {}
    for institution in kb.institutions:
        for acr in institution.acronyms:
            by_acronym.setdefault(acr, institution)
    norm = doc.norm
    issues: list[NameIssue] = []
    taken: list[tuple[int, int]] = []
    for m in _PAREN.finditer(norm):
        acronym = m.group(1)
        if sum(c.isupper() for c in acronym) < 2:
            continue
        found = _name_before(norm, m.start())
        if not found:
            continue
        start, name = found
        if _is_date(name) or _is_dateline(norm, start, m.end()):
            continue  # a dateline's agency code
        inst = by_acronym.get(acronym)
        fits = acronym_fits(acronym, name)
        if inst is not None:
            if _matches_known(name, inst) or fits:
                continue
        elif (
            len(_significant(name)) < 2
            or _fits_loosely(acronym, name, norm, start)
            or _own_language(kb, name, norm, start)
        ):
            continue
        issues.append(NameIssue(start, m.end(), name, acronym, inst))
        taken.append((start, m.end()))
    issues += _misnomer_issues(norm, kb, hits, taken)
    issues.sort(key=lambda i: i.start)
    return issues


def _misnomer_issues(
    norm: str, kb: KnowledgeBase, hits: list[Hit], taken: list[tuple[int, int]]
) -> list[NameIssue]:
    """Known bodies under a wrong name, even without an acronym, outside the `taken` spans."""
    by_key = {inst.acronym: inst for inst in kb.institutions}
    taken = list(taken)
    issues: list[NameIssue] = []
    for hit in hits:
        for target in hit.targets:
            if target.kind != "anchor":
                continue
            inst = by_key[target.ref]
            for mis in inst.misnomers:
                mm = mis.pattern.match(norm, hit.start)
                if not mm:
                    continue
                if any(s <= mm.start() < e for s, e in taken):
                    continue
                if any(_significant(mm.group()) == _significant(n) for n in inst.names):
                    continue
                issues.append(NameIssue(mm.start(), mm.end(), mm.group(), None, inst))
                taken.append((mm.start(), mm.end()))
    return issues
