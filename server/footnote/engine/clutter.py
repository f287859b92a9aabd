"""Page clutter: the lines of a pasted page that are not the article (part of the document stage).

"Read also: ..." links, picture captions and credits, tag lists, share bars, notices about
comments or newsletters, bylines, time stamps and a neighbouring story's headline come along
when a reader copies a page. `find_clutter` returns their spans; the text is never edited.
The rules are in `data/clutter.toml`: each has a kind (one of the mechanisms below), its
words or patterns, and examples that must fire and must stay quiet.

One pass over the lines; each test looks at one line (and the stray-headline test at the
first few), with bounded regular expressions, so the stage is linear in the text length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .datafiles import read_data, settings_and_tables, settings_needed

KINDS = (
    "label",  # a label at the start of the line: "Read also: ...", "Topics: ..."
    "opener",  # a line opening with these words is clutter whatever follows: "Image caption"
    "credit",  # a line holding a picture credit is a caption: "... (AP Photo/Jane Doe)"
    "inline",  # the pattern's match alone is clutter: "(Reporting by ...; Editing by ...)"
    "bar",  # a short line of share and follow words: "Share on Facebook"
    "notice",  # a line of the page speaking: "Comments are closed", "Sign up for our ..."
    "byline",  # "By Jane Doe and John Roe, Northern Herald"
    "stamp",  # "Updated 13:04 GMT", "World February 07, 13:04"
    "field",  # "Story ID: 1844"
    "top-headline",  # another story's headline at the top, right before a stamp
)

_LINE = re.compile(r"[^\n]+")
_NEVER = re.compile(r"(?!)")
_BULLETS = " \t\u2022\u25ba\u25b6\u203a\u25aa\u00b7*|#>-"
_SEPARATORS = ":|>-"
_SENTENCE_END = ".!?\"'\u2026"
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b")
_AGO = re.compile(r"\b\d{1,3} (?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?) ago\b")
_TOKEN = re.compile(r"[^\s,;]+")
_FIELD = re.compile(r"[A-Z][\w ]{0,30}: \S{0,20}\d[^\n]{0,20}")
_GLUED_STAMP = re.compile(r"\d{1,2}:\d{2}(?: ?(?:AM|PM|am|pm|GMT|UTC))?$")
_MONTHS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june "
    "july august september october november december".split()
)


class ClutterDataError(ValueError):
    """data/clutter.toml is malformed; the message names the rule and field."""


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    label: str
    kind: str
    words: frozenset[str]
    start: re.Pattern  # label/opener: the words, matched at the start of a line
    phrases: re.Pattern  # notice: the words, searched in a lower-cased line
    # credit/inline: each searched on its own, so a pattern opening with a literal ("PHOTO",
    # "/", "(") is found by a quick scan for it
    patterns: tuple[re.Pattern, ...]
    anchors: frozenset[str]
    networks: frozenset[str]
    fires: tuple[str, ...]
    quiet: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ClutterRules:
    short_words: int
    caption_max_words: int
    notice_max_words: int
    stamp_max_words: int
    stamp_max_names: int
    headline_max_words: int
    top_lines: int
    rules: tuple[Rule, ...]


def _alternation(words) -> re.Pattern:
    """Words matched at the start of a line, in any case. A word must end at a word
    boundary; one written with its colon ends at the colon."""
    alts = sorted({w.lower() for w in words}, key=len, reverse=True)
    body = "|".join(re.escape(a) for a in alts)
    return re.compile(rf"(?i)(?:{body})(?:(?<=:)|(?![\w']))")


def _phrases(words) -> re.Pattern:
    """Words searched in a lower-cased line (a case-insensitive search is several times
    slower)."""
    alts = sorted({w.lower() for w in words}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w'])")


def _strings(rule: dict, key: str, where: str, *, required: bool = False) -> list[str]:
    value = rule.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ClutterDataError(f"{where}: {key!r} must be a list of non-empty strings")
    if required and not value:
        raise ClutterDataError(f"{where}: {key!r} must not be empty")
    return value


def parse_rules(data: dict) -> ClutterRules:
    settings, raw_rules = settings_and_tables(data, "clutter.toml", "rule", ClutterDataError)
    rules, names = [], set()
    for i, r in enumerate(raw_rules):
        name = r.get("name")
        if not isinstance(name, str) or not name or name in names:
            raise ClutterDataError(f"clutter.toml: [[rule]] #{i + 1}: 'name' missing or repeated")
        names.add(name)
        where = f"clutter.toml: {name}"
        kind = r.get("kind")
        if kind not in KINDS:
            raise ClutterDataError(f"{where}: 'kind' must be one of {', '.join(KINDS)}")
        needs_words = kind in ("label", "opener", "bar", "notice")
        words = _strings(r, "words", where, required=needs_words)
        patterns = []
        for p in _strings(r, "patterns", where, required=kind in ("credit", "inline")):
            try:
                patterns.append(re.compile(p))
            except re.error as exc:
                raise ClutterDataError(f"{where}: pattern {p!r}: {exc}") from exc
        fires = _strings(r, "fires", where, required=True)
        for f in fires:
            if "[[" not in f or f.count("[[") != f.count("]]"):
                raise ClutterDataError(f"{where}: a 'fires' example marks its clutter [[so]]")
        rules.append(
            Rule(
                name=name,
                label=str(r.get("label", name)),
                kind=kind,
                words=frozenset(w.lower() for w in words),
                start=_alternation(words) if kind in ("label", "opener") else _NEVER,
                phrases=_phrases(words) if kind == "notice" else _NEVER,
                patterns=tuple(patterns),
                anchors=frozenset(w.lower() for w in _strings(r, "anchors", where)),
                networks=frozenset(w.lower() for w in _strings(r, "networks", where)),
                fires=tuple(fires),
                quiet=tuple(_strings(r, "quiet", where, required=True)),
            )
        )
    with settings_needed("clutter.toml", ClutterDataError):
        return ClutterRules(
            short_words=int(settings["short_words"]),
            caption_max_words=int(settings["caption_max_words"]),
            notice_max_words=int(settings["notice_max_words"]),
            stamp_max_words=int(settings["stamp_max_words"]),
            stamp_max_names=int(settings["stamp_max_names"]),
            headline_max_words=int(settings["headline_max_words"]),
            top_lines=int(settings["top_lines"]),
            rules=tuple(rules),
        )


@cache
def load_rules() -> ClutterRules:
    return parse_rules(read_data("clutter.toml"))


# --- the tests, one line at a time ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    body: int  # where the words start, after any bullet
    text: str  # norm[start:end]
    words: int
    punctuated: bool  # ends like a sentence


def _line(norm: str, start: int, end: int) -> _Line:
    text = norm[start:end]
    body = start
    while body < end and norm[body] in _BULLETS:
        body += 1
    return _Line(start, end, body, text, len(text.split()), text[-1] in _SENTENCE_END)


def _bare_label(rule: Rule, line: _Line, norm: str) -> bool:
    """A line that is only a label ("Read more:"): its link is on the next line."""
    m = rule.start.match(norm, line.body, line.end)
    return m is not None and not norm[m.end() : line.end].strip(" " + _SEPARATORS)


def _label(rule: Rule, line: _Line, norm: str, settings: ClutterRules) -> bool:
    m = rule.start.match(norm, line.body, line.end)
    if not m:
        return False
    if rule.kind == "opener" or m.group().endswith(":"):
        return True
    rest = norm[m.end() : line.end].lstrip(" ")
    if not rest or rest[0] in _SEPARATORS:
        return True
    # "Read more Harbour reopens after storm": a title follows; "Related risks" is a subhead.
    title = rest[0].isupper() or rest[0].isdigit()
    return title and line.words <= settings.short_words and not line.punctuated


def _bar_words(rule: Rule, line: _Line, settings: ClutterRules) -> bool:
    """The line is made only of share-bar words ("Facebook", "Email")."""
    return line.words <= settings.short_words and all(
        t in rule.words for t in line.text.lower().split()
    )


def _bar(rule: Rule, line: _Line, settings: ClutterRules) -> bool:
    if not _bar_words(rule, line, settings):
        return False
    tokens = line.text.lower().split()
    return any(t in rule.anchors for t in tokens) or sum(t in rule.networks for t in tokens) >= 2


def _byline(rule: Rule, line: _Line, norm: str, settings: ClutterRules) -> bool:
    if line.punctuated or line.words > settings.short_words or line.words < 2:
        return False
    if norm[line.body : line.body + 3] not in ("By ", "BY "):
        return False
    for token in _TOKEN.findall(norm, line.body + 3, line.end):
        if not (token[0].isupper() or token[0] == "@" or token.lower() in rule.words):
            return False
    return True


def _stamp(rule: Rule, line: _Line, settings: ClutterRules) -> bool:
    text = line.text
    if line.words > settings.stamp_max_words or "(" in text or text.rstrip().endswith("-"):
        return False
    tokens = [t.strip(".:;|") for t in _TOKEN.findall(text)]
    tokens = [t for t in tokens if t]
    lower = [t.lower() for t in tokens]
    dated = bool(_TIME.search(text) or _NUMERIC_DATE.search(text) or _AGO.search(text)) or any(
        w in _MONTHS and any(c.isdigit() for c in near)
        for k, w in enumerate(lower)
        for near in lower[max(0, k - 1) : k + 2]
    )
    if not dated:
        return False
    names = 0
    for token, low in zip(tokens, lower, strict=True):
        if low in rule.words or any(c.isdigit() for c in token):
            continue
        if not token[0].isupper():
            return False
        names += 1
    return names <= settings.stamp_max_names


def _is(rule: Rule, line: _Line, norm: str, settings: ClutterRules) -> bool:
    kind = rule.kind
    if kind in ("label", "opener"):
        return _label(rule, line, norm, settings)
    if kind == "credit":
        return line.words <= settings.caption_max_words and any(
            p.search(line.text) for p in rule.patterns
        )
    if kind == "notice":
        return line.words <= settings.notice_max_words and bool(
            rule.phrases.search(line.text.lower())
        )
    if kind == "bar":
        return _bar(rule, line, settings)
    if kind == "byline":
        return _byline(rule, line, norm, settings)
    if kind == "stamp":
        return _stamp(rule, line, settings)
    if kind == "field":
        return line.words <= 4 and not line.punctuated and bool(_FIELD.fullmatch(line.text))
    return False


_BY_TEXT = frozenset({"credit", "notice", "bar", "stamp", "field"})


def _decided(
    rule: Rule, line: _Line, norm: str, settings: ClutterRules, seen: dict[tuple[str, str], bool]
) -> bool:
    """_is(), remembered by the line's text for the rules that read nothing else (a text of
    thousands of identical lines costs one check per distinct line)."""
    if rule.kind not in _BY_TEXT:
        return _is(rule, line, norm, settings)
    key = (rule.name, line.text)
    if key not in seen:
        seen[key] = _is(rule, line, norm, settings)
    return seen[key]


def _same(line: str, title: str) -> bool:
    """Whether `line` is the headline `title` gives, perhaps with the site's name after a
    separator ("Harbour reopens | Northern Herald")."""
    line, title = " ".join(line.lower().split()), " ".join(title.lower().split())
    if title == line:
        return True
    rest = title[len(line) :].lstrip(" ")
    return title.startswith(line) and title[len(line) : len(line) + 1] == " " and rest[:1] in "|-:"


def find_clutter(
    norm: str, *, title: str | None = None, rules: ClutterRules | None = None
) -> tuple[tuple[int, int], ...]:
    """The (start, end) spans of `norm` that are page clutter, sorted and disjoint.
    `title`, when given, is the article's own headline: a top line equal to it stays."""
    settings = rules or load_rules()
    spans: list[tuple[int, int]] = []
    lines: list[list] = []  # [line, the rule that took it or None]
    seen: dict[tuple[str, str], bool] = {}  # a line's text decides these rules: once per text
    for found in _LINE.finditer(norm):
        start, end = found.start(), found.end()
        while start < end and norm[start] == " ":
            start += 1
        while end > start and norm[end - 1] == " ":
            end -= 1
        if start == end:
            continue
        line = _line(norm, start, end)
        hit = None
        for rule in settings.rules:
            if rule.kind == "inline":
                for p in rule.patterns:
                    spans += [(start + m.start(), start + m.end()) for m in p.finditer(line.text)]
            elif hit is None and _decided(rule, line, norm, settings, seen):
                hit = rule
        lines.append([line, hit])
    _neighbours(lines, norm, settings)
    _stray_headlines(lines, settings, title)
    spans += [(line.start, line.end) for line, hit in lines if hit is not None]
    return _merge(spans)


def _neighbours(lines: list[list], norm: str, settings: ClutterRules) -> None:
    """Lines that are clutter by what stands next to them: the link title under a bare
    "Read more:", and single network names ("Facebook", "Email") stacked with a share bar."""
    for k, (line, hit) in enumerate(lines):
        if hit is None or hit.kind != "label" or k + 1 == len(lines):
            continue
        below = lines[k + 1]
        if below[1] is None and _bare_label(hit, line, norm) and _headline_like(below[0], settings):
            below[1] = hit
    bar = next((r for r in settings.rules if r.kind == "bar"), None)
    if bar is None:
        return
    for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        stacked = False  # the line before (in this direction) is part of a share bar
        for k in order:
            line, hit = lines[k]
            if hit is None and stacked and _bar_words(bar, line, settings):
                hit = lines[k][1] = bar
            stacked = hit is bar


def _headline_like(line: _Line, settings: ClutterRules) -> bool:
    return not line.punctuated and line.words <= settings.headline_max_words


def _stray_headlines(lines: list[list], settings: ClutterRules, title: str | None) -> None:
    rule = next((r for r in settings.rules if r.kind == "top-headline"), None)
    if rule is None:
        return
    seen = 0  # lines of the article so far; clutter above the headline does not count
    for k, (line, hit) in enumerate(lines):
        if hit is not None:
            continue
        seen += 1
        if seen > settings.top_lines:
            return
        if not _headline_like(line, settings) or (title and _same(line.text, title)):
            continue  # a sentence, or the article's own headline
        below = lines[k + 1][1] if k + 1 < len(lines) else None
        if (below is not None and below.kind == "stamp") or _GLUED_STAMP.search(line.text):
            lines[k][1] = rule


def _merge(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple(out)
