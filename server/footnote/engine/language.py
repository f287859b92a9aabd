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
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

from .language_lexicon import (
    KINDS,
    RULE_FOR_KIND,
    Entry,
    Lexicon,
    LexiconError,
    load_lexicon,
    parse_lexicon,
    term_key,
)
from .language_marks import (
    exclamation_findings,
    question_findings,
    scare_quote_findings,
)
from .model import Attribution, Document, Finding, Quote, Source
from .sentiment import Tone, combine, tone

__all__ = [
    "KINDS",
    "RULE_FOR_KIND",
    "Entry",
    "LanguageResult",
    "Lexicon",
    "LexiconError",
    "find_language",
    "load_lexicon",
    "parse_lexicon",
]


@dataclass(frozen=True)
class LanguageResult:
    findings: list[Finding] = field(default_factory=list)
    headline: str | None = None


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
            key = term_key(key)
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
    memo: dict[str, Tone] = {}  # a paragraph's tone once per text (repeated lines cost once)
    tones = [
        memo[t] if t in memo else memo.setdefault(t, tone(t))
        for t in _kept_text(norm, doc.paragraphs, left_out)
    ]
    inner = [_Span(q.inner_start, q.inner_end) for q in quotes]
    quoted = tone(" ".join(_kept_text(norm, inner, cuts)))
    settings = lex.subjectivity
    min_scored = settings["min_scored"]
    hot = [t.scored >= min_scored and t.subjectivity >= settings["loaded_caution"] for t in tones]

    findings: list[Finding] = []
    findings += _lexicon_findings(hits, hot, doc.text)  # terms shown as the user wrote them
    findings += _passage_findings(doc, tones, hits, settings)
    findings += question_findings(doc, lex, at.quote_at)
    findings += scare_quote_findings(doc, lex, attributions, at.overlaps_source)
    findings += exclamation_findings(doc, at.quote_at)
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
