"""The language stage's findings on punctuation the writer chose: questions the writer asks,
quotation marks around a word nobody is said to have used, exclamation marks.
"""

from __future__ import annotations

from bisect import bisect_right

from .language_lexicon import Lexicon
from .model import Document, Finding


def question_findings(doc: Document, lex: Lexicon, quote_at):
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


def scare_quote_findings(doc, lex: Lexicon, attributions, overlaps_source):
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


def exclamation_findings(doc: Document, quote_at) -> list[Finding]:
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
