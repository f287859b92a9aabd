"""Who published the text: the outlet behind its web address, its dateline or its headline.

A source who told the publisher itself ("a diplomat told Reuters" in a Reuters story) is
first-hand for the reader; only another outlet's scoop relayed by the publisher is
second-hand. The publisher is read from what the text itself shows:

* the web address: "tass.com", "www.reuters.com", "nbcnews.com" (a host label equal to an
  outlet's name, or the name followed by "news");
* a dateline credit in the opening lines: "MOSCOW, June 3 /TASS/.", "LONDON (Reuters) -",
  "BEIJING, May 2 (Xinhua) --";
* a headline suffix: "... - Reuters", "... | BBC News".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urlsplit

# "(Reuters) -", "(AP) --", "/TASS/.": a credit in brackets or slashes, then a dash or stop
_DATELINE = re.compile(
    r"(?:\(\s*([A-Z][\w.&' -]{0,40}?)\s*\)|/\s*([A-Z][\w.&' -]{0,40}?)\s*/)"
    r"\s*(?:[-\u2013\u2014]+|\.)"
)
_CREDIT_LINE = re.compile(r"\s*([A-Z][\w.&' -]{1,40}?)\s*[|\u2022]")
_TITLE_SUFFIX = re.compile(r"\s[-|\u2013\u2014]\s*([A-Z][\w.&' ]{1,40})\s*$")
_OPENING = 300  # a dateline sits in the first lines of the text


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


# Second-level labels under a country's domain: the name is the label before them.
_SECOND_LEVEL = frozenset({"com", "co", "org", "net", "gov", "ac", "news", "info"})


def publishers(
    text: str,
    title: str | None,
    url: str | None,
    outlets: Iterable[str],
    aliases: Iterable[Iterable[str]] = (),
) -> frozenset[str]:
    """Every name under which the text's publisher may appear in it (as written)."""
    names: set[str] = set()
    outlets = tuple(outlets)
    host = _host(url)
    if host:
        labels = host.split(".")
        if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
            labels = labels[:-1]  # "newcastleherald.com.au", "independent.co.uk"
        stem = labels[-2] if len(labels) >= 2 else labels[0]
        if len(stem) >= 6:
            names.add(stem)  # "indianexpress.com": "The Indian Express" by its letters
        for outlet, key in _outlet_keys(outlets):
            if (
                len(key) >= 2
                and stem in (key, key + "news", "the" + key)
                or (
                    len(key) >= 4 and stem.startswith(key)  # "sputnikglobe.com", "rtnews"
                )
            ):
                names.add(outlet)
    m = _DATELINE.search(text, 0, min(len(text), _OPENING))
    if m:
        names.add((m.group(1) or m.group(2)).strip())
    credit = _CREDIT_LINE.match(text)
    if credit and credit.group(1) in outlets:
        names.add(credit.group(1))  # "Reuters | Washington | Updated ...": a credit line
    if title:
        t = _TITLE_SUFFIX.search(title)
        if t:
            suffix = t.group(1).strip()
            by_key = {key: o for o, key in _outlet_keys(outlets)}
            if _key(suffix) in by_key:
                names.add(by_key[_key(suffix)])
    if not names:
        return frozenset()
    # the same outlet under its other names ("AP", "Associated Press")
    keys = {_key(n) for n in names}
    for group, group_keys in _alias_keys(tuple(tuple(a) for a in aliases)):
        if keys & group_keys:
            names.update(group)
            keys.update(group_keys)
    return frozenset(names | {o for o, key in _outlet_keys(outlets) if key in keys})


@lru_cache(maxsize=8)
def _outlet_keys(outlets: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Each outlet with its key, worked out once per outlet list (not once per text)."""
    return tuple((o, _key(o)) for o in outlets)


@lru_cache(maxsize=8)
def _alias_keys(
    aliases: tuple[tuple[str, ...], ...],
) -> tuple[tuple[tuple[str, ...], frozenset[str]], ...]:
    return tuple((group, frozenset(_key(g) for g in group)) for group in aliases)


def _host(url: str | None) -> str:
    if not url:
        return ""
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


def is_publisher(outlet: str | None, names: frozenset[str]) -> bool:
    if not outlet or not names:
        return False
    key = _key(outlet)
    bare = key.removeprefix("the")
    return any(
        _key(n) in (key, bare)
        or key.startswith(_key(n))
        and len(_key(n)) >= 3
        # "told the Herald" in the Newcastle Herald: the last word of the publisher's name
        or len(bare) >= 4
        and _key(n).endswith(bare)
        for n in names
    )
