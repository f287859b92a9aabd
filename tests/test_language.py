"""The language stage: the writer's own wording, never the quoted speakers'."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from footnote import analyze
from footnote.engine.catalogue import load_rules
from footnote.engine.document import build_document
from footnote.engine.language import LexiconError, find_language, load_lexicon, parse_lexicon
from footnote.engine.model import Attribution, Quote, Source
from footnote.engine.sentiment import combine, tone
from textblob import TextBlob

from .conftest import FIXTURES, SHARED_EVAL, load_jsonl

EVAL_DIRS = [SHARED_EVAL]
LANGUAGE_RULES = sorted(r.id for r in load_rules().values() if r.category == "language")


def language(text: str, sources=(), attributions=()):
    return find_language(build_document(text), tuple(sources), tuple(attributions))


def rules_fired(text: str, **kw) -> list[tuple[str, str]]:
    notes = analyze(text, **kw).notes
    return [(n.rule, n.excerpt) for n in notes if n.category == "language"]


# --- the sentiment wrapper --------------------------------------------------------------


TRICKY = [
    "The plan is a terrible, shameful and utterly foolish idea.",
    "The council met on Tuesday. It was not a good meeting!",
    "It isn't good. They couldn't be happier!! Not a very good idea; it's not bad at all.",
    "Really not good. Not at all a bad day, very much a good one, not so good; very a b good.",
    "It's the U.S.-led plan, not a very well-known one, and Russia's answer was never kind.",
    "Prices rose by 4 percent in March, the statistics office said.",
    "",
]


def _sample_paragraphs() -> list[str]:
    out = list(TRICKY)
    for folder in EVAL_DIRS:
        for name in ("dev.jsonl", "seed.jsonl"):
            if (folder / name).exists():
                for rec in load_jsonl(folder / name):
                    out += rec["text"].split("\n\n")
    out.append((FIXTURES / "seed.txt").read_text(encoding="utf-8"))
    for path in sorted((FIXTURES / "language").glob("*.txt")):
        out += path.read_text(encoding="utf-8").split("\n\n")
    return out


def test_tone_matches_textblob_sentiment():
    # Our own word split and the compaction of unknown words must not change any figure.
    for text in _sample_paragraphs():
        folded = build_document(text).norm if text else text
        got = tone(folded)
        expected = TextBlob(folded).sentiment
        assert got.polarity == pytest.approx(expected.polarity, abs=1e-9), text
        assert got.subjectivity == pytest.approx(expected.subjectivity, abs=1e-9), text


def test_combined_paragraph_tones_equal_one_pass_over_all_of_them():
    parts = [
        "The government's shameful plan is a disaster.",
        "The bridge opened on Monday.",
        "Critics found the decision brave but very risky.",
    ]
    together = TextBlob(" ".join(parts)).sentiment
    combined = combine([tone(p) for p in parts])
    assert combined.polarity == pytest.approx(together.polarity)
    assert combined.subjectivity == pytest.approx(together.subjectivity)


def test_only_the_sentiment_module_imports_textblob():
    package = Path(__file__).resolve().parents[1] / "server" / "footnote"
    importers = [
        p.name
        for p in package.rglob("*.py")
        if re.search(r"^\s*(from|import) textblob", p.read_text(), re.M)
    ]
    assert importers == ["sentiment.py"]


# --- the writer's voice against quotations ------------------------------------------------


def test_loaded_word_in_narration_is_noted_with_alternative_and_span():
    text = "The minister has been working tirelessly to secure the deal."
    result = language(text)
    [f] = [f for f in result.findings if f.rule == "loaded-language"]
    assert text[f.start : f.end] == "tirelessly"
    assert f.params["alternative"]
    assert f.params["why"]


@pytest.mark.parametrize("mark", ['"{}"', "\u201c{}\u201d", "'{}'", "\u2018{}\u2019"])
def test_loaded_word_inside_a_quotation_is_the_speakers(mark):
    quote = mark.format("This reckless and shameful plan is a betrayal of voters")
    text = f"{quote}, the opposition leader said on Tuesday."
    assert not [f for f in language(text).findings if f.rule == "loaded-language"]


def test_capitalised_match_inside_a_sentence_is_a_name():
    text = "The Free Democrats and the Heroic Workers Party joined the coalition on Monday."
    assert not language(text).findings


def test_loaded_word_opening_a_sentence_is_still_the_writers():
    text = "Shamefully, the council closed the library. Shameful decisions like this are common."
    fired = [text[f.start : f.end] for f in language(text).findings if f.rule == "loaded-language"]
    assert fired == ["Shamefully"]


def test_repeated_term_gets_one_note_that_counts_the_uses():
    text = "The regime has jailed reporters. The regime has closed newspapers. The regime lies."
    [f] = [f for f in language(text).findings if f.rule == "loaded-language"]
    assert f.params["count"] == 3
    assert "3 times" in f.params["repeat"]


def test_strong_loaded_word_is_a_caution_even_in_a_calm_paragraph():
    text = "The thugs were arrested on Monday and appeared in court on Tuesday."
    [f] = [f for f in language(text).findings if f.rule == "loaded-language"]
    assert f.severity == "caution"


def test_weasel_phrase_overlapping_a_source_is_left_to_the_attribution_stage():
    text = "It is widely believed that the mayor knew about the payments."
    assert [f.rule for f in language(text).findings] == ["weasel-phrase"]
    source = Source("s1", 0, 20, text[0:20], "vague_group", cue="believed")
    assert not [f for f in language(text, [source]).findings if f.rule == "weasel-phrase"]


def test_sweeping_claim_and_intensifier_share_one_rule():
    text = "The alliance has always been utterly wrong about this."
    rules = [f.rule for f in language(text).findings]
    assert rules.count("sweeping-claim") == 2


def test_never_as_plain_fact_is_not_a_sweeping_claim():
    text = "The treaty was never ratified, and no one was hurt in the fire."
    assert not language(text).findings


# --- questions ---------------------------------------------------------------------------


def test_narrated_question_is_noted_but_a_quoted_one_is_not():
    assert rules_fired("The plan has failed twice. So who will pay for it?") == [
        ("rhetorical-question", "So who will pay for it?")
    ]
    assert not rules_fired('"Who will pay for it?" the mayor asked at the meeting.')


def test_run_of_questions_in_one_paragraph_is_one_note():
    text = "The war goes on. Did sanctions work? Did talks work? Did anyone ask?"
    [f] = [f for f in language(text).findings if f.rule == "rhetorical-question"]
    assert text[f.start : f.end] == "Did sanctions work? Did talks work? Did anyone ask?"
    assert f.params["count"] == 3


@pytest.mark.parametrize(
    "text",
    [
        "Isn't it obvious that the plan has failed?",
        "Where did the money go? The answer is simple: it went to friends of the mayor.",
    ],
)
def test_leading_or_self_answered_question_is_a_caution(text):
    [f] = [f for f in language(text).findings if f.rule == "rhetorical-question"]
    assert f.severity == "caution"


def test_plain_question_is_information():
    [f] = [f for f in language("What would a real guarantee look like?").findings]
    assert f.severity is None  # the rule's own severity: info
    assert load_rules()["rhetorical-question"].severity == "info"


def test_short_question_paragraph_before_more_text_is_a_subheading():
    text = (
        "Why does the bridge matter?\n\nIt carries a third of the city's freight, the office said."
    )
    assert not language(text).findings


def test_interview_question_is_not_rhetorical():
    text = "Q: Why did you leave the party in 2019?\n\nA: Because it had left me, she said."
    assert not [f for f in language(text).findings if f.rule == "rhetorical-question"]


def test_short_question_closing_the_text_is_rhetorical():
    text = "The bridge carries a third of the freight.\n\nAnd who pays for it now?"
    assert [f.rule for f in language(text).findings] == ["rhetorical-question"]


# --- scare quotes ------------------------------------------------------------------------


def test_one_word_quotation_with_no_speaker_is_scare_quotes():
    text = "The 'peacekeepers' arrived in the town on Friday."
    [f] = language(text).findings
    assert f.rule == "scare-quotes"
    assert text[f.start : f.end] == "'peacekeepers'"


@pytest.mark.parametrize(
    "text",
    [
        'The minister called the protesters "hooligans" on Monday.',
        'The film "Arrival" opens in cinemas on Friday.',
        'The plan was "a grotesque distortion of reality and a lie", he said.',
    ],
)
def test_quotation_with_a_speaker_or_a_title_is_not_scare_quotes(text):
    assert not [f for f in language(text).findings if f.rule == "scare-quotes"]


def test_attribution_in_the_sentence_silences_scare_quotes():
    text = "Officials at the ministry dismissed the 'rumours' on Monday."
    assert [f.rule for f in language(text).findings] == ["scare-quotes"]
    doc = build_document(text)
    q = doc.quotes[0]
    assert isinstance(q, Quote)
    attribution = Attribution("s1", "dismissed", 22, 31, 0)
    found = find_language(doc, (), (attribution,)).findings
    assert not [f for f in found if f.rule == "scare-quotes"]


# --- subjective passages and the summary ---------------------------------------------------


def test_strongly_opinionated_narration_is_noted_with_its_figure():
    text = (
        "The plan is a terrible, shameful and utterly foolish idea,"
        " and its authors are dishonest and cruel."
    )
    [f] = [f for f in language(text).findings if f.rule == "subjective-passage"]
    assert (f.start, f.end) == (0, len(text))
    assert 0.5 < float(f.params["subjectivity"]) <= 1


def test_same_words_in_a_quotation_give_no_subjective_passage():
    text = (
        '"The plan is a terrible, shameful and utterly foolish idea," the opposition leader said.'
    )
    assert not [f for f in language(text).findings if f.rule == "subjective-passage"]


def test_headline_gives_the_subjectivity_figure_and_what_was_found():
    text = (
        "The minister has been working tirelessly on a good, fair and sensible plan."
        " Isn't it obvious that the plan is good?"
    )
    headline = language(text).headline
    assert re.search(r"score \d\.\d\d on TextBlob.s word-list subjectivity scale", headline)
    assert "1 loaded word or phrase" in headline
    assert "1 rhetorical question" in headline
    assert analyze(text).tone == headline


def test_quoted_speakers_tone_is_reported_apart_from_the_writers():
    quote = '"It is a shameful, stupid, terrible plan and a sad, bad day," the mayor said.'
    narration = "The council meets on Monday for a long, difficult and important vote."
    with_quote = language(f"{quote} {narration}").headline
    assert re.search(r"where the speakers score (0\.[5-9]\d|1\.00)\)", with_quote)
    writers = re.compile(r"the writer's own words (.*?);", re.I)
    alone = language(narration).headline
    assert writers.search(with_quote).group(1) == writers.search(alone).group(1)


def test_headline_reports_the_quoted_share_separately():
    text = '"This is a disgrace and a betrayal," the mayor said. The council meets on Monday.'
    headline = language(text).headline
    assert "Leaving out quotations" in headline
    assert "no loaded or sweeping wording" in headline


def test_severities_are_never_warning():
    for rule_id in LANGUAGE_RULES:
        assert load_rules()[rule_id].severity in ("info", "caution")
    seed = (FIXTURES / "seed.txt").read_text(encoding="utf-8")
    assert all(f.severity in (None, "caution") for f in language(seed).findings)


# --- the lexicon data -------------------------------------------------------------------


def test_lexicon_loads_and_mirrors_point_at_each_other():
    lex = load_lexicon()
    assert len(lex.entries) > 60
    for entry in lex.entries.values():
        if entry.mirror:
            mirror = lex.entries[entry.mirror]
            assert mirror.mirror == entry.id
            # the two sides' words weigh the same: same kind, same severity
            assert (mirror.kind, mirror.strong) == (entry.kind, entry.strong), entry.id
        assert all(term == term.lower() for term in entry.terms), entry.id  # keys are folded


def test_lexicon_rejects_a_one_way_mirror_and_a_duplicate_term():
    voice = {
        "subjectivity": {"neutral_terms": []},
        "loaded": {"naming_cues": [], "literal": []},
        "scare_quotes": {"max_words": 2, "cues": ["said"]},
        "questions": {"leading": [], "answers": [], "asked": [], "subheading_words": 10},
    }
    base = {"id": "a", "kind": "loaded", "terms": ["x"], "alternative": "y", "why": "z"}
    with pytest.raises(LexiconError, match="mirror"):
        parse_lexicon({"voice.toml": voice, "l.toml": {"entry": [{**base, "mirror": "b"}]}})
    with pytest.raises(LexiconError, match="already"):
        parse_lexicon({"voice.toml": voice, "l.toml": {"entry": [base, {**base, "id": "b"}]}})
    with pytest.raises(LexiconError, match="kind"):
        parse_lexicon({"voice.toml": voice, "l.toml": {"entry": [{**base, "kind": "rude"}]}})


# --- rule examples, the seed, the dev set -------------------------------------------------


def test_seed_gets_its_language_notes(seed_text):
    fired = rules_fired(seed_text)
    excerpts = {e for _, e in fired}
    assert "tirelessly" in excerpts
    assert "relentless" in excerpts
    [(_, question)] = [f for f in fired if f[0] == "rhetorical-question"]
    assert question.startswith("As the geopolitical chessboard") and question.endswith("threat?")
    # words the seed quotes ("a grotesque distortion of reality") are the speaker's
    assert not any("grotesque" in e for e in excerpts)


def _dev_records():
    for folder in EVAL_DIRS:
        if (folder / "dev.jsonl").exists():
            return load_jsonl(folder / "dev.jsonl")
    return []


DEV = _dev_records()


@pytest.mark.skipif(not DEV, reason="shared/eval/dev.jsonl not present")
def test_dev_wire_news_has_no_language_caution_outside_quotations():
    for rec in DEV:
        if rec["genre"] != "wire-news":
            continue
        doc = build_document(rec["text"])
        for n in analyze(rec["text"], published=rec.get("published")).notes:
            if n.category == "language" and n.severity == "caution":
                assert doc.in_quote(n.start, n.end), (rec["id"], n.rule, n.excerpt)


@pytest.mark.skipif(not DEV, reason="shared/eval/dev.jsonl not present")
def test_dev_opinion_and_propaganda_texts_get_a_language_note():
    for rec in DEV:
        if rec["genre"] in ("opinion", "propaganda-style"):
            notes = analyze(rec["text"], published=rec.get("published")).notes
            assert any(n.category == "language" for n in notes), rec["id"]


# --- behaviour around reported speech, and our own sample articles -------------------------


def test_loaded_word_named_by_a_speaker_is_reported_not_the_writers():
    text = "Opposition senators called the spending plan reckless and branded it a disgrace."
    assert not [f for f in language(text).findings if f.rule == "loaded-language"]


def test_strong_word_in_a_reported_sentence_stays_information_and_says_why():
    text = "The barbaric attack killed nine people, the interior minister said on Monday."
    doc = build_document(text)
    said = text.index("said")
    attribution = Attribution("s1", "said", said, said + 4, 0)
    [f] = find_language(doc, (), (attribution,)).findings
    assert f.rule == "loaded-language" and f.severity is None
    assert "reports what a source said" in f.params["voice"]
    [alone] = find_language(doc, (), ()).findings
    assert alone.severity == "caution"


SAMPLES = sorted((FIXTURES / "language").glob("*.txt"))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_sample_articles(path):
    """Articles written for these tests: plain news stays quiet, opinion gets notes."""
    text = path.read_text(encoding="utf-8")
    notes = [n for n in analyze(text).notes if n.category == "language"]
    if path.stem.startswith("news"):
        assert not [n for n in notes if n.severity == "caution"], path.stem
        assert len(notes) <= 1, [(n.rule, n.excerpt) for n in notes]
    else:
        assert len(notes) >= 2, path.stem


def test_first_person_view_is_one_note_and_matches_a_capital_i_inside_a_sentence():
    text = "The plan, I think, will fail. In my view the council knows it, and we must say so."
    found = [f for f in language(text).findings if f.rule == "writer-stance"]
    assert len(found) == 1
    assert text[found[0].start : found[0].end] == "I think"
    assert found[0].params["count"] == 3


def test_exclamations_in_narration_share_one_note_and_quoted_ones_are_the_speakers():
    text = 'It failed! "We won!" she said. Yahoo! reported profits. It failed again!'
    [f] = [f for f in language(text).findings if f.rule == "exclamation"]
    assert text[f.start : f.end] == "It failed!"
    assert f.params["count"] == 2


@pytest.mark.parametrize(
    "text",
    [
        "The EU tightened its sanctions regime against the shipping firms on Monday.",
        "The driver was charged with reckless driving after the crash.",
        "Officials attended a groundbreaking ceremony for the new hospital.",
    ],
)
def test_literal_senses_of_lexicon_words_get_no_note(text):
    assert not [f for f in language(text).findings if f.rule == "loaded-language"]
