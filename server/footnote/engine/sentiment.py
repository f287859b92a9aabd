"""The one place that talks to TextBlob: polarity and subjectivity of plain strings.

Only TextBlob's sentiment analyser is used (the pattern lexicon bundled with TextBlob), never
anything backed by NLTK corpora. `TextBlob(text).sentiment` hands the text to that analyser,
which splits it into words with a general-purpose tokenizer and scores the words. We call the
analyser directly with a word list split by one regex: that tokenizer was over half the cost,
and for scoring only the words matter (tests check the figures equal `TextBlob(text).sentiment`).
We also learn how many words were scored, so paragraph figures combine into exactly the figure
one call over all of them would give.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from textblob.en import sentiment as _lazy_sentiment


def _loaded(analyser):
    """The same analyser with plain dict look-ups.

    TextBlob's lexicon is a lazy dict that checks whether it has loaded on every `in` and
    every `[...]`, a Python call per word; once loaded, the plain dict methods give the same
    answers. The data, the algorithm and the figures are TextBlob's own (tests compare them
    with `TextBlob(text).sentiment`)."""
    len(analyser)  # loads the lexicon
    cls = type(
        "LoadedSentiment",
        (type(analyser),),
        {
            "__contains__": dict.__contains__,
            "__getitem__": dict.__getitem__,
            "__len__": dict.__len__,
            "__iter__": dict.__iter__,
            "get": dict.get,
            "keys": dict.keys,
            "items": dict.items,
            "values": dict.values,
        },
    )
    fast = dict.__new__(cls)
    dict.update(fast, analyser)
    fast.__dict__.update(analyser.__dict__)
    return fast


_pattern_sentiment = _loaded(_lazy_sentiment)


@dataclass(frozen=True, slots=True)
class Tone:
    """Polarity (-1 negative .. +1 positive) and subjectivity (0 factual .. 1 opinion) of a
    text, and how many opinion-bearing words (or word groups) the analyser scored in it."""

    polarity: float
    subjectivity: float
    scored: int


NEUTRAL = Tone(0.0, 0.0, 0)

# Words (with inner hyphens and dots) and single punctuation marks ("!" strengthens the word
# before it). Apostrophes split words as TextBlob's tokenizer splits them ("it's" -> it ' s,
# "isn't" -> is n ' t). Emoticons are split too: news text has none worth scoring.
_TOKEN = re.compile(r"\w+(?:[-.]\w+)*|[^\w\s]")


# The analyser scores the words it knows. Between two of them, the words it does not know
# only cancel a pending "not" (any word of two letters or more) or "very" (three or more);
# single punctuation other than "!" does nothing. So each run of unknown words can be
# replaced by the one word with the strongest such effect: the same figures, far less work.
_KNOWN = frozenset(_pattern_sentiment.keys()) | frozenset(_pattern_sentiment.negations)
_INERT = frozenset(".,;:?()[]{}`'\"@#$^&*+-|=~_")


def _compact(tokens: list[str]) -> list[str]:
    out = []
    pending = ""  # the strongest unknown word since the last word kept
    settled = False  # pending already cancels both, nothing later in the run can outdo it
    for t in tokens:
        # Known words and "!" are kept. Other symbols (emoji, combining marks, emoticon
        # pieces) count as unknown words: TextBlob compares each of them with every
        # emoticon it knows, which made 200 KB of combining marks take seconds.
        if t in _KNOWN or t == "!":
            if pending:
                out.append(pending)
                pending = ""
                settled = False
            out.append(t)
        elif not settled:
            if len(t) > 2:
                pending = t
                settled = True
            elif len(t) > len(pending):
                pending = t
    if pending:
        out.append(pending)
    return out


def tone(text: str) -> Tone:
    """The same figures as `TextBlob(text).sentiment`, plus the number of scored words."""
    if not text or text.isspace():
        return NEUTRAL
    words = _TOKEN.findall(text.lower().replace("n't", "n 't"))
    score = _pattern_sentiment(_compact(words))
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
