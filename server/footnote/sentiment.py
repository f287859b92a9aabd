"""The one place that talks to TextBlob: polarity and subjectivity of plain strings.

Only TextBlob's sentiment analyser is used (the pattern lexicon bundled with TextBlob), never
anything backed by NLTK corpora. `TextBlob(text).sentiment` delegates to that analyser; we call
it directly so that scoring paragraph by paragraph costs no more than one pass over the text
(no blob object per paragraph) and so that we learn how many words were scored, which lets
paragraph figures be combined into exactly the figure one call over all of them would give.
"""

from __future__ import annotations

from dataclasses import dataclass

from textblob.en import sentiment as _pattern_sentiment


@dataclass(frozen=True, slots=True)
class Tone:
    """Polarity (-1 negative .. +1 positive) and subjectivity (0 factual .. 1 opinion) of a
    text, and how many opinion-bearing words (or word groups) the analyser scored in it."""

    polarity: float
    subjectivity: float
    scored: int


NEUTRAL = Tone(0.0, 0.0, 0)


def tone(text: str) -> Tone:
    """The same figures as `TextBlob(text).sentiment`, plus the number of scored words."""
    if not text or text.isspace():
        return NEUTRAL
    score = _pattern_sentiment(text)
    return Tone(score[0], score[1], len(score.assessments))


def combine(tones: list[Tone]) -> Tone:
    """The figures of several texts taken together (weighted by scored words)."""
    scored = sum(t.scored for t in tones)
    if not scored:
        return NEUTRAL
    return Tone(
        sum(t.polarity * t.scored for t in tones) / scored,
        sum(t.subjectivity * t.scored for t in tones) / scored,
        scored,
    )
