"""Language stage: where the writer's own words, not the quoted speakers', carry the argument.

The narration is the text minus its quotations: quoted words belong to their speaker. Over the
narration we look for loaded words, sweeping or certain wording and weasel phrases (one
lexicon, matched by one compiled regex), questions the writer asks, quotation marks around a
word nobody is said to have used, and paragraphs whose narration is strongly opinionated by
TextBlob's measure. The sentiment pass is the costly part, so it runs once per paragraph over
the narration only, with names and political-camp words left out so that swapping one side for
the other cannot change a figure.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Literal

from .attribution.patterns import trie_pattern
from .model import Attribution, Document, Finding, Quote, Source
from .sentiment import Tone, combine, tone

KINDS = ("loaded", "absolute", "intensifier", "weasel", "stance")
_ENTRY_FIELDS = {"id", "kind", "terms", "alternative", "why", "strong", "mirror"}
# One rule per kind of wording; absolutes and intensifiers share one.
RULE_FOR_KIND = {
    "loaded": "loaded-language",
    "absolute": "sweeping-claim",
    "intensifier": "sweeping-claim",
    "weasel": "weasel-phrase",
    "stance": "writer-stance",
}


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    kind: str
    terms: tuple[str, ...]
    alternative: str
    why: str
    strong: bool = False
    mirror: str | None = None


@dataclass(frozen=True)
class Lexicon:
    entries: dict[str, Entry]
    by_term: dict[str, Entry | None]  # None: a neutral term, only left out of the sentiment
    proper: frozenset[str]  # terms written with a capital: matched even inside a sentence
    scanner: re.Pattern  # every lexicon phrase, for lower-cased text
    scanner_any_case: re.Pattern  # the same, for text whose lower-casing changes its length
    cues: re.Pattern
    naming: re.Pattern
    subjectivity: dict
    scare_max_words: int
    leading: tuple[str, ...]
    answers: tuple[str, ...]
    asked: tuple[str, ...]
    subheading_words: int


@dataclass(frozen=True)
class LanguageResult:
    findings: list[Finding] = field(default_factory=list)
    headline: str | None = None


# --- the lexicon -------------------------------------------------------------------------


def _term_key(term: str) -> str:
    return " ".join(term.lower().split())


# Whole words only: not inside a word, nor after an apostrophe or any hyphen ("so-called"
# holds no "called"); the Unicode hyphens are not folded to "-" by the document stage.
_BEFORE = "(?<![\\w'\\-\u2010\u2011])(?:"
_AFTER = ")(?![\\w\\-\u2010\u2011])"


def _check_entry(raw: dict, where: str) -> None:
    """Raise LexiconError unless `raw` has known fields, the text fields, a kind and terms."""
    unknown = set(raw) - _ENTRY_FIELDS
    if unknown:
        raise LexiconError(f"{where}: unknown field(s) {sorted(unknown)}")
    for key in ("id", "kind", "alternative", "why"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise LexiconError(f"{where}: field '{key}' is missing or empty")
    if raw["kind"] not in KINDS:
        raise LexiconError(f"{where}: kind must be one of {KINDS}")
    terms = raw.get("terms")
    if not terms or not all(isinstance(t, str) and t.strip() for t in terms):
        raise LexiconError(f"{where}: 'terms' must be a non-empty list of phrases")


def parse_lexicon(files: dict[str, dict]) -> Lexicon:
    """Build the lexicon from parsed TOML: `files` maps a file name to its data."""
    entries: dict[str, Entry] = {}
    by_term: dict[str, Entry | None] = {}
    proper: set[str] = set()
    voice = files.get("voice.toml")
    if voice is None:
        raise LexiconError("lexicon/voice.toml is missing")
    for name, data in sorted(files.items()):
        for i, raw in enumerate(data.get("entry", ())):
            where = f"lexicon/{name}: entry {i + 1}"
            _check_entry(raw, where)
            terms = raw["terms"]
            if raw["id"] in entries:
                raise LexiconError(f"{where}: id '{raw['id']}' defined twice")
            entry = Entry(
                id=raw["id"],
                kind=raw["kind"],
                terms=tuple(_term_key(t) for t in terms),
                alternative=raw["alternative"],
                why=raw["why"],
                strong=bool(raw.get("strong", False)),
                mirror=raw.get("mirror"),
            )
            proper.update(_term_key(t) for t in terms if t != t.lower())
            for term in entry.terms:
                if term in by_term:
                    raise LexiconError(f"{where}: term '{term}' is already in the lexicon")
                by_term[term] = entry
            entries[entry.id] = entry
    for entry in entries.values():
        if entry.mirror is not None:
            other = entries.get(entry.mirror)
            if other is None or other.mirror != entry.id:
                raise LexiconError(
                    f"lexicon: entry '{entry.id}' names mirror '{entry.mirror}',"
                    " which must exist and name it back"
                )
    for term in (*voice["subjectivity"]["neutral_terms"], *voice["loaded"]["literal"]):
        by_term.setdefault(_term_key(term), None)
    # Matching lower-cased text without IGNORECASE lets the regex engine skip quickly.
    lexicon_regex = _BEFORE + trie_pattern(by_term) + _AFTER
    scare = voice["scare_quotes"]
    cues = re.compile(
        _BEFORE + trie_pattern(_term_key(c) for c in scare["cues"]) + _AFTER,
        re.IGNORECASE,
    )
    questions = voice["questions"]
    naming = re.compile(
        _BEFORE + trie_pattern(_term_key(c) for c in voice["loaded"]["naming_cues"]) + _AFTER
    )
    return Lexicon(
        entries=entries,
        by_term=by_term,
        proper=frozenset(proper),
        scanner=re.compile(lexicon_regex),
        scanner_any_case=re.compile(lexicon_regex, re.IGNORECASE),
        cues=cues,
        naming=naming,
        subjectivity=voice["subjectivity"],
        scare_max_words=int(scare["max_words"]),
        leading=tuple(_term_key(s) for s in questions["leading"]),
        answers=tuple(_term_key(s) for s in questions["answers"]),
        asked=tuple(_term_key(s) for s in questions["asked"]),
        subheading_words=int(questions["subheading_words"]),
    )


@cache
def load_lexicon() -> Lexicon:
    folder = resources.files("footnote") / "data" / "lexicon"
    files = {}
    for entry in folder.iterdir():
        if entry.name.endswith(".toml"):
            try:
                files[entry.name] = tomllib.loads(entry.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise LexiconError(f"lexicon/{entry.name}: {exc}") from exc
    return parse_lexicon(files)


# Capitalised words: the start is checked against _WORD_BEFORE afterwards, since a
# look-behind here keeps re from skipping to the capitals (three times slower).
_CAPITALISED = re.compile(r"[A-Z][\w'-]*")
_WORD_BEFORE = re.compile(r"[\w'-]")

# --- the stage ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Hit:
    entry: Entry
    start: int
    end: int
    paragraph: int
    reported: bool = False  # in a sentence that reports what a source said


class _Positions:
    """What lies at a position of one document: its quotation, sentence, paragraph, sources.
    Each look-up is a bisection on sorted starts."""

    __slots__ = ("norm", "quotes", "quote_starts", "para_starts", "sent_starts", "source_spans")

    def __init__(self, doc: Document, sources: tuple[Source, ...]) -> None:
        self.norm = doc.norm
        self.quotes = doc.quotes
        self.quote_starts = [q.start for q in doc.quotes]
        self.para_starts = [p.start for p in doc.paragraphs]
        self.sent_starts = [s.start for s in doc.sentences]
        self.source_spans = sorted((s.start, s.end) for s in sources)

    def quote_at(self, pos: int) -> Quote | None:
        # quotations never nest or overlap: only the last one starting at or before `pos` can
        i = bisect_right(self.quote_starts, pos) - 1
        return self.quotes[i] if i >= 0 and pos < self.quotes[i].end else None

    def sentence_initial(self, pos: int) -> bool:
        i = bisect_right(self.sent_starts, pos) - 1
        if i < 0:
            return True
        return not any(c.isalnum() for c in self.norm[self.sent_starts[i] : pos])

    def paragraph_of(self, pos: int) -> int:
        return max(0, bisect_right(self.para_starts, pos) - 1)

    def overlaps_source(self, start: int, end: int) -> bool:
        spans = self.source_spans
        i = bisect_right(spans, (end, end))
        return any(s < end and start < e for s, e in spans[max(0, i - 8) : i])


def _figure(x: float) -> str:
    return f"{x:.2f}".replace("-", "\u2212")


def _lean(polarity: float) -> str:
    if polarity <= -0.15:
        return f", leaning negative (polarity {_figure(polarity)} from \u22121 to +1)"
    if polarity >= 0.15:
        return f", leaning positive (polarity {_figure(polarity)} from \u22121 to +1)"
    return ""


def find_language(
    doc: Document, sources: tuple[Source, ...], attributions: tuple[Attribution, ...]
) -> LanguageResult:
    if not doc.paragraphs:
        return LanguageResult()
    lex = load_lexicon()
    norm = doc.norm
    quotes = doc.quotes
    at = _Positions(doc, sources)
    sent_starts = at.sent_starts
    reported = {a.sentence for a in attributions}

    def named_by_speaker(sentence: int, pos: int, lowered: str) -> bool:
        # a naming verb ("called", "branded ... as") among the few words before the term
        begin = sent_starts[sentence] if sentence >= 0 else 0
        window = lowered[max(begin, pos - 60) : pos].split()[-6:]
        return bool(window) and lex.naming.search(" ".join(window)) is not None

    # One pass of the lexicon regex finds the writer's loaded, sweeping and weasel wording,
    # and the neutral camp words to leave out of the sentiment score.
    hits: list[_Hit] = []
    cuts: list[tuple[int, int]] = []  # words left out of the sentiment score
    lowered = norm.lower()
    if len(lowered) == len(norm):
        matches = lex.scanner.finditer(lowered)
    else:
        matches = lex.scanner_any_case.finditer(norm)
    for m in matches:
        start, end = m.span()
        key = m.group().lower()
        entry: Entry | None | Literal[False] = lex.by_term.get(key, False)
        if entry is False:
            key = _term_key(key)
            entry = lex.by_term.get(key)
        if entry is None:
            cuts.append((start, end))
            continue
        if norm[start].isupper() and key not in lex.proper and not at.sentence_initial(start):
            continue  # a name ("the Free Democrats"), not the writer's word
        if at.quote_at(start) is not None:
            continue
        if entry.kind != "loaded" and at.overlaps_source(start, end):
            continue  # the attribution stage already notes this phrase as a source
        sentence = bisect_right(sent_starts, start) - 1
        if entry.kind == "loaded" and named_by_speaker(sentence, start, lowered):
            continue  # "critics called the plan reckless": the critics' word, reported
        hits.append(_Hit(entry, start, end, at.paragraph_of(start), sentence in reported))
    # Capitalised words inside a sentence are names: left out of the sentiment score, so that
    # "Great Britain" is not praise and swapping one country for another changes nothing. A
    # sentence's first word stays only when it is an adverb, the writer's comment ("Sadly").
    cuts += [
        m.span()
        for m in _CAPITALISED.finditer(norm)
        if not (m.start() and _WORD_BEFORE.match(norm, m.start() - 1))
        and not (m.group().endswith("ly") and at.sentence_initial(m.start()))
    ]

    cuts.sort()
    quote_spans = [(q.start, q.end) for q in quotes]
    # Page clutter (captions, link lines, share bars) is not the writer's wording either.
    left_out = sorted(cuts + quote_spans + list(doc.clutter))
    tones = [tone(t) for t in _kept_text(norm, doc.paragraphs, left_out)]
    inner = [_Span(q.inner_start, q.inner_end) for q in quotes]
    quoted = tone(" ".join(_kept_text(norm, inner, cuts)))
    settings = lex.subjectivity
    min_scored = settings["min_scored"]
    hot = [t.scored >= min_scored and t.subjectivity >= settings["loaded_caution"] for t in tones]

    findings: list[Finding] = []
    findings += _lexicon_findings(hits, hot, doc.text)  # terms shown as the user wrote them
    findings += _passage_findings(doc, tones, hits, settings)
    findings += _question_findings(doc, lex, at.quote_at)
    findings += _scare_quote_findings(doc, lex, attributions, at.overlaps_source)
    findings += _exclamation_findings(doc, at.quote_at)
    if doc.clutter:  # the tone sentence counts only what the notes will show
        findings = [f for f in findings if f.start is None or not doc.in_clutter(f.start, f.end)]
    return LanguageResult(findings, _headline(doc, tones, quoted, findings, settings))


def _kept_text(norm: str, spans, cuts: list[tuple[int, int]]) -> list[str]:
    """The text of each span (in order) with the sorted `cuts` taken out."""
    out = []
    ci = 0
    for span in spans:
        while ci < len(cuts) and cuts[ci][1] <= span.start:
            ci += 1
        pos = span.start
        parts = []
        j = ci
        while j < len(cuts) and cuts[j][0] < span.end:
            s, e = cuts[j]
            if s > pos:
                parts.append(norm[pos:s])
            pos = max(pos, e)
            j += 1
        if pos < span.end:
            parts.append(norm[pos : span.end])
        out.append(" ".join(parts))
    return out


def _lexicon_findings(hits: list[_Hit], hot: list[bool], text: str) -> list[Finding]:
    findings = []
    by_entry: dict[str, list[_Hit]] = {}
    for h in hits:
        if h.entry.kind == "weasel":  # each weasel phrase hides a different source
            findings.append(_lexicon_finding(h, [h], False, text))
        else:
            by_entry.setdefault(h.entry.id, []).append(h)
    for group in by_entry.values():
        first = group[0]
        # A word in a sentence that reports a source may be the source's: never escalated.
        caution = first.entry.kind == "loaded" and any(
            not h.reported and (h.entry.strong or hot[h.paragraph]) for h in group
        )
        findings.append(_lexicon_finding(first, group, caution, text))
    return findings


def _lexicon_finding(h: _Hit, group: list[_Hit], caution: bool, text: str) -> Finding:
    n = len(group)
    repeat = "" if n == 1 else f" The writer uses wording of this kind {n} times in the text."
    voice = (
        " The sentence reports what a source said, but the word is not in quotation marks,"
        " so it may be the writer's choice rather than the source's."
        if h.reported
        else " This is the writer's own word, not a quoted speaker's."
    )
    return Finding(
        rule=RULE_FOR_KIND[h.entry.kind],
        start=h.start,
        end=h.end,
        params={
            "term": text[h.start : h.end],
            "alternative": h.entry.alternative,
            "why": h.entry.why,
            "voice": voice,
            "repeat": repeat,
            "count": n,
            "lexicon_id": h.entry.id,
        },
        severity="caution" if caution else None,
    )


def _passage_findings(doc: Document, tones: list[Tone], hits: list[_Hit], settings: dict):
    # TextBlob's figure alone cannot tell a market report ("its worst day") from an opinion
    # piece: a paragraph is noted only when the writer's wording there also shows it.
    charged = {h.paragraph for h in hits if h.entry.kind == "loaded"}
    worded = {h.paragraph for h in hits}
    for i, (para, t) in enumerate(zip(doc.paragraphs, tones, strict=True)):
        if t.scored < settings["min_scored"] or t.subjectivity < settings["passage"]:
            continue
        if i not in worded:
            continue
        caution = t.subjectivity >= settings["passage_caution"] and i in charged
        yield Finding(
            rule="subjective-passage",
            start=para.start,
            end=para.end,
            params={
                "subjectivity": _figure(t.subjectivity),
                "lean": _lean(t.polarity),
            },
            severity="caution" if caution else None,
        )


def _question_findings(doc: Document, lex: Lexicon, quote_at):
    norm = doc.norm
    sentences = doc.sentences

    def narrated_question(i: int) -> bool:
        s = sentences[i]
        j = s.end - 1
        while j > s.start and norm[j] in "\"')]":
            j -= 1
        return norm[j] == "?" and quote_at(j) is None and quote_at(s.start) is None

    def opens_with(i: int, phrases: tuple[str, ...]) -> bool:
        s = sentences[i]
        head = " ".join(norm[s.start : min(s.end, s.start + 60)].lower().split())
        head = head.lstrip("\"'([-: ")
        return any(head.startswith(p) for p in phrases)

    run: list[int] = []
    for i in range(len(sentences) + 1):
        if i < len(sentences) and narrated_question(i):
            if run and sentences[run[-1]].paragraph != sentences[i].paragraph:
                yield from _question_run(doc, lex, run, opens_with, quote_at)
                run = []
            run.append(i)
            continue
        if run:
            yield from _question_run(doc, lex, run, opens_with, quote_at)
            run = []


def _question_run(doc: Document, lex: Lexicon, run: list[int], opens_with, quote_at):
    sentences = doc.sentences
    first, last = sentences[run[0]], sentences[run[-1]]
    para = doc.paragraphs[first.paragraph]
    alone = first.start == para.start and last.end == para.end
    words = len(doc.norm[first.start : last.end].split())
    if not any(c.isalpha() for c in doc.norm[first.start : last.end]):
        return
    if (
        alone
        and len(run) == 1
        and words <= lex.subheading_words
        and first.paragraph + 1 < len(doc.paragraphs)
    ):
        return  # a short question standing as its own paragraph before more text: a subheading
    if opens_with(run[0], lex.asked):
        return  # an interviewer's question ("Q: ..."), asked of someone who answers it
    leading = any(opens_with(i, lex.leading) for i in run)
    nxt = run[-1] + 1
    answered = (
        nxt < len(sentences)
        and quote_at(sentences[nxt].start) is None
        and opens_with(nxt, lex.answers)
    )
    if leading and answered:
        how = " Here the wording assumes the answer, and the writer then supplies it."
    elif leading:
        how = " Here the wording assumes the answer."
    elif answered:
        how = (
            " Here the writer answers it at once, so the question sets up the writer's conclusion."
        )
    else:
        how = ""
    yield Finding(
        rule="rhetorical-question",
        start=first.start,
        end=last.end,
        params={"count": len(run), "how": how},
        severity="caution" if (leading or answered) else None,
    )


def _scare_quote_findings(doc, lex: Lexicon, attributions, overlaps_source):
    norm = doc.norm
    cue_positions = sorted(a.cue_start for a in attributions)
    for q in doc.quotes:
        inner = norm[q.inner_start : q.inner_end].strip(" ,.;:!?")
        words = inner.split()
        if not words or len(words) > lex.scare_max_words:
            continue
        if sum(c.isalpha() for c in inner) < 3 or any(c.isdigit() for c in inner):
            continue
        if all(w[0].isupper() for w in words if w[0].isalpha()):
            continue  # a title or a name ("the 'Sentinel' programme")
        sent = doc.sentences[doc.sentence_at(q.start)]
        i = bisect_right(cue_positions, sent.end) - 1
        if i >= 0 and cue_positions[i] >= sent.start:
            continue
        if overlaps_source(sent.start, sent.end):
            continue
        around = norm[sent.start : q.start] + " " + norm[q.end : sent.end]
        if lex.cues.search(around):
            continue
        yield Finding(
            rule="scare-quotes",
            start=q.start,
            end=q.end,
            params={"term": doc.text[q.inner_start : q.inner_end]},
        )


def _exclamation_findings(doc: Document, quote_at) -> list[Finding]:
    norm = doc.norm
    marks = []
    pos = norm.find("!")
    while pos >= 0:
        after = norm[pos + 1 : pos + 3].lstrip(" ")[:1]
        ends = not after or after.isupper() or after in "\n\"'(!"  # not "Yahoo! reported"
        if ends and quote_at(pos) is None and pos > 0 and norm[pos - 1].isalpha():
            marks.append(pos)
        pos = norm.find("!", pos + 1)
    if not marks:
        return []
    sentence = doc.sentences[doc.sentence_at(marks[0])]
    n = len(marks)
    return [
        Finding(
            rule="exclamation",
            start=sentence.start,
            end=sentence.end,
            params={
                "count": n,
                "repeat": "" if n == 1 else f" The writer does this {n} times in the text.",
            },
        )
    ]


def _headline(
    doc: Document, tones: list[Tone], quoted: Tone, findings: list[Finding], settings: dict
) -> str:
    overall = combine(tones)
    share = sum(q.end - q.start for q in doc.quotes) / max(1, len(doc.text.strip()))
    if not doc.quotes:
        lead = "The writer's own words"
    elif quoted.scored < settings["summary_min_scored"]:
        lead = f"Leaving out quotations ({round(share * 100)}% of the text), the writer's own words"
    else:
        # the speakers' tone is reported on its own, never counted as the writer's
        lead = (
            f"Leaving out quotations ({round(share * 100)}% of the text, where the speakers"
            f" score {_figure(quoted.subjectivity)}), the writer's own words"
        )
    if overall.scored < settings["summary_min_scored"]:
        figure = "use too few opinion-bearing words for a subjectivity figure"
    else:
        # Polarity is left out here: TextBlob's word list reads angry prose as often
        # positive as negative, and descriptive words (sport, travel) raise subjectivity too,
        # so the figure is given as the rough, word-based guide it is.
        figure = (
            f"score {_figure(overall.subjectivity)} on TextBlob's word-list subjectivity scale"
            " (0 factual, 1 opinion; descriptive words raise it too)"
        )
    counts = {rule: 0 for rule in _FOUND}
    for f in findings:
        if f.rule in counts:
            counts[f.rule] += f.params.get("count", 1) if f.rule != "rhetorical-question" else 1
    parts = [
        f"{n} {one if n == 1 else many}"
        for rule, (one, many) in _FOUND.items()
        if (n := counts[rule])
    ]
    if not parts:
        found = "no loaded or sweeping wording, weasel phrases or rhetorical questions were found"
    else:
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        found = f"they hold {listed}"
    return f"{lead} {figure}; {found}."


_FOUND = {
    "loaded-language": ("loaded word or phrase", "loaded words or phrases"),
    "sweeping-claim": ("sweeping or certain phrase", "sweeping or certain phrases"),
    "weasel-phrase": ("weasel phrase", "weasel phrases"),
    "rhetorical-question": ("rhetorical question", "rhetorical questions"),
    "scare-quotes": ("word in scare quotes", "words in scare quotes"),
    "writer-stance": ("first-person view", "first-person views"),
    "exclamation": ("exclamation", "exclamations"),
}
