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
        stem = labels[-2] if len(labels) >= 2 else labels[0]
        if len(stem) >= 6:
            names.add(stem)  # "indianexpress.com": "The Indian Express" by its letters
        for outlet in outlets:
            key = _key(outlet)
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
            by_key = {_key(o): o for o in outlets}
            if _key(suffix) in by_key:
                names.add(by_key[_key(suffix)])
    # the same outlet under its other names ("AP", "Associated Press")
    keys = {_key(n) for n in names}
    for aliases_of in aliases:
        group = tuple(aliases_of)
        if keys & {_key(g) for g in group}:
            names.update(group)
            keys.update(_key(g) for g in group)
    return frozenset(names | {o for o in outlets if _key(o) in keys})


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
        _key(n) in (key, bare) or key.startswith(_key(n)) and len(_key(n)) >= 3 for n in names
    )
