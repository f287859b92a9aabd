"""Context a reader needs today (issue 13, items 1-6): what changed since an article was
published, read as of the reader's date; speakers presenting a lapsed thing as current;
references the text does not name; spellings; state media from the text itself; undated
texts worded conditionally. Every text here is written for these tests."""

import io
import json
from datetime import date

import pytest
from footnote import analyze
from footnote.cli import main

TODAY = "2026-12-07"  # a reader's date, passed in: the engine never reads the clock


def context(text, published=None, as_of=None, url=None):
    notes = analyze(text, published=published, as_of=as_of, url=url).notes
    return [n for n in notes if n.category == "context"]


def by_topic(text, topic, published=None, as_of=None):
    found = [n for n in context(text, published, as_of) if n.topic == topic]
    assert len(found) <= 1, f"more than one note for {topic}"
    return found[0] if found else None


# --- 1. since this was published ----------------------------------------------------------

# (topic, text, a date before the change, words the since-sentence must carry, a date after)
SINCE = [
    (
        "minsk-agreements",
        "Envoys in Berlin pressed both sides to carry out the Minsk agreements before winter.",
        "2016-10-20",
        ("lapsed", "21 February 2022", "no longer exist"),
        "2023-03-01",
    ),
    (
        "dpr-lpr-recognition",
        "The Kremlin has no plans to recognise the Lugansk People's Republic, a deputy minister "
        "told a briefing in Moscow.",
        "2016-08-11",
        ("recognised", "21 February 2022", "30 September 2022"),
        "2022-11-01",
    ),
    (
        "inf-treaty",
        "Arms-control experts warned that the INF Treaty was under strain as both sides traded "
        "accusations over new missiles.",
        "2017-06-15",
        ("2 February 2019", "terminated on 2 August 2019", "4 August 2025"),
        "2025-09-01",
    ),
    (
        "jcpoa",
        "Inspectors began their third visit under the JCPOA, the agreement that lifted most "
        "sanctions on Iran's economy.",
        "2016-11-02",
        ("8 May 2018", "reimposed", "disputed"),
        "2025-11-03",
    ),
    (
        "nato-secretary-general",
        "NATO Secretary General Jens Stoltenberg opened the defence ministers' meeting with a "
        "call for higher spending.",
        "2016-06-14",
        ("Mark Rutte succeeded Jens Stoltenberg", "1 October 2024"),
        "2024-11-05",  # with the holder of that date (below)
    ),
]


@pytest.mark.parametrize(("topic", "text", "before", "words", "after"), SINCE)
def test_since_note_on_an_article_dated_before_the_change(topic, text, before, words, after):
    note = by_topic(text, topic, before, TODAY)
    assert (note.rule, note.severity) == ("context-since", "info")
    assert note.title.startswith("Since this was published")
    # the plain sentence comes first
    assert note.explanation.startswith("Since this article was published, ")
    first = note.explanation.split(". ", 1)[0]
    for w in words:
        assert w in note.explanation, w
    assert any(w in first for w in words)


@pytest.mark.parametrize(("topic", "text", "before", "words", "after"), SINCE)
def test_no_since_note_on_an_article_dated_after_the_change(topic, text, before, words, after):
    text = text.replace("Jens Stoltenberg", "Mark Rutte")  # the holder on the later date
    for note in context(text, after, TODAY):
        assert note.rule != "context-since"
        assert "Since this article was published" not in note.explanation


def test_no_since_note_without_a_readers_date():
    """The engine is pure: without as_of it cannot know what happened since."""
    text = SINCE[0][1]
    assert by_topic(text, "minsk-agreements", "2016-10-20").rule == "context-background"


def test_since_lists_only_changes_after_the_article():
    text = "Both capitals said the INF Treaty still bound them, a year after the dispute began."
    note = by_topic(text, "inf-treaty", "2019-05-01", TODAY)
    first = note.explanation.split(". ", 1)[0]
    assert "2 August 2019" in first and "4 August 2025" in first
    assert "2 February 2019" not in first  # before the article: not a change since


def test_a_readers_date_before_the_article_adds_nothing():
    note = by_topic(SINCE[0][1], "minsk-agreements", "2016-10-20", "2015-01-01")
    assert note.rule == "context-background"


def test_since_tells_when_the_reader_is_past_the_knowledge_base():
    note = by_topic(SINCE[0][1], "minsk-agreements", "2016-10-20", "2031-01-01")
    assert "last checked" in note.explanation


def test_as_of_shows_in_meta():
    result = analyze("Officials said so.", published="2016-01-01", as_of=TODAY)
    assert result.meta["as_of"] == TODAY and result.meta["published"] == "2016-01-01"


# --- 2. a speaker presenting a lapsed thing as current --------------------------------------


def test_reported_speaker_on_a_lapsed_agreement_gets_a_caution_with_its_own_title():
    text = "The spokesman said the Minsk agreements remain in force and must be implemented."
    note = by_topic(text, "minsk-agreements", "2024-02-01")
    assert (note.rule, note.severity) == ("context-outdated-quoted", "caution")
    assert not note.title.startswith("Background")
    assert "21 February 2022" in note.explanation


def test_the_writers_own_voice_keeps_the_warning():
    text = "The Minsk agreements remain in force and both sides must implement them."
    note = by_topic(text, "minsk-agreements", "2024-02-01")
    assert (note.rule, note.severity) == ("context-outdated", "warning")


# --- 3. references the text does not name ---------------------------------------------------

EAST = (
    "Artillery fire around Donetsk broke {ref} again overnight, the Ukrainian army said. "
    "Separatist commanders blamed Kiev for the shelling."
)


@pytest.mark.parametrize(
    "ref",
    [
        "the September truce",
        "the cease-fire deal",
        "the peace plan signed last winter",
        "a ceasefire agreed in February",
    ],
)
def test_unnamed_ceasefire_in_eastern_ukraine_links_to_minsk(ref):
    text = EAST.format(ref=ref)
    note = by_topic(text, "minsk-agreements", "2015-11-20")
    assert note is not None and note.excerpt == ref
    assert "does not name" in note.explanation and "eastern Ukraine" in note.explanation
    assert "'Donetsk'" in note.explanation  # the note shows why it thinks so


def test_unnamed_ceasefire_after_the_invasion_is_not_linked():
    assert (
        by_topic(EAST.format(ref="the September truce"), "minsk-agreements", "2023-05-01") is None
    )


@pytest.mark.parametrize(
    "text",
    [
        "Israeli and Hamas negotiators in Cairo said the ceasefire deal for Gaza would hold "
        "through the weekend.",
        "Army and paramilitary commanders in Khartoum accepted the truce brokered in Jeddah, "
        "Sudanese officials said.",
        "Armenia and Azerbaijan accused each other of breaking the ceasefire agreement along "
        "their border.",
        # a Ukraine story that turns to Gaza in one paragraph: that paragraph stays quiet
        "Kiev and the separatists in Luhansk met again, Ukrainian officials said.\n\n"
        "In Gaza, the cease-fire deal held for a third day, Israeli officials said.",
    ],
)
def test_other_ceasefires_are_left_alone(text):
    assert by_topic(text, "minsk-agreements", "2016-06-01") is None


def test_the_peninsula_and_the_breakaway_republics_by_description():
    text = (
        "Moscow has kept its fleet at Sevastopol since it took the Black Sea peninsula from "
        "Ukraine, and the Kremlin says it will not recognise the breakaway republics in "
        "Donetsk and Luhansk."
    )
    found = {n.topic: n.excerpt for n in context(text, "2017-04-03")}
    assert found["crimea-annexation"] == "the Black Sea peninsula"
    assert "dpr-lpr-recognition" in found


def test_other_peninsulas_and_breakaway_republics_are_left_alone():
    text = (
        "Ferries to the Korean peninsula resumed, and Georgia said the breakaway republics of "
        "Abkhazia and South Ossetia remain occupied, Russian and Ukrainian media noted."
    )
    topics = {n.topic for n in context(text, "2017-04-03")}
    assert "crimea-annexation" not in topics and "dpr-lpr-recognition" not in topics


@pytest.mark.parametrize(
    "name",
    [
        "Donetsk People's Republic",
        "Lugansk People's Republic",
        "Luhansk People's Republic",
        "Donetsk and Lugansk republics",
        "self-proclaimed Luhansk republic",
    ],
)
def test_the_republics_under_any_spelling_match_the_recognition_topic(name):
    text = f"Officials of the {name} held a news conference on Tuesday."
    assert by_topic(text, "dpr-lpr-recognition", "2018-03-01") is not None


# --- 4. spellings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "topic", "preferred"),
    [
        ("Kiev", "kyiv-spelling", "Kyiv"),
        ("Lugansk", "luhansk-spelling", "Luhansk"),
        ("Kharkov", "kharkiv-spelling", "Kharkiv"),
        ("Odessa", "odesa-spelling", "Odesa"),
        ("Donbass", "donbas-spelling", "Donbas"),
    ],
)
def test_spellings_are_info_notes_that_explain_both(word, topic, preferred):
    note = by_topic(f"Trains to {word} ran late on Friday.", topic, "2020-01-01")
    assert (note.rule, note.severity, note.excerpt) == ("spelling", "info", word)
    assert preferred in note.title and "Russian" in note.explanation
    for label in ("propaganda", "biased", "fake"):
        assert label not in note.explanation.lower()


# --- 5. state media from the text itself ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("MOSCOW, Nov 15 /TASS/. The ministry said the grain talks would resume.", "TASS"),
        ("BEIJING, June 9 (Xinhua) -- The council approved a plan for rail freight.", "Xinhua"),
        ("The reactor was shut for repairs, RIA Novosti reported.", "RIA Novosti"),
        ("Iranian state media said the reactor was shut for repairs.", "Iranian state media"),
        ("The ferry sank near the coast, state television said.", "state television"),
    ],
)
def test_state_media_from_datelines_credits_and_descriptions(text, excerpt):
    notes = [n for n in context(text, "2021-05-01") if n.rule == "state-media"]
    assert [n.excerpt for n in notes] == [excerpt]
    assert notes[0].topic == "state-affiliated-media"


@pytest.mark.parametrize(
    "text",
    [
        "The EU banned Russian state media outlets from its airwaves in 2022.",
        "The British state broadcaster's correspondent said the ferry sank near the coast.",
        "Protesters gathered outside the state television building.",
    ],
)
def test_state_media_mentioned_but_not_used_is_quiet(text):
    assert not [n for n in context(text, "2021-05-01") if n.rule == "state-media"]


def test_state_media_from_the_country_named():
    note = next(
        n
        for n in context("According to Chinese state media, the dam held.", "2021-05-01")
        if n.rule == "state-media"
    )
    assert "China" in note.explanation


# --- 6. undated texts -----------------------------------------------------------------------


def test_undated_background_is_conditional_and_never_presents_later_events_as_known():
    text = "Diplomats met in Minsk to discuss the Minsk agreements and the Donbas."
    note = by_topic(text, "minsk-agreements", None, TODAY)
    assert note.rule == "context-background"
    assert "If this was written before February 2022" in note.explanation
    assert "Since this article was published" not in note.explanation


def test_undated_invasion_words_are_conditional():
    text = "Russia's invasion has left Ukraine's economy in ruins, the editorial argues."
    note = by_topic(text, "russia-invasion-2022", None, TODAY)
    assert "If this was written before 24 February 2022" in note.explanation


def test_undated_lapsed_thing_presented_as_current_is_conditional_not_a_warning():
    text = "The Minsk agreements remain in force and both sides must implement them."
    note = by_topic(text, "minsk-agreements")
    assert note.severity == "info"
    assert "If it was written on or after 22 February 2022" in note.explanation


def test_undated_text_dated_by_an_office_holder_keeps_the_warning():
    text = (
        "NATO Secretary General Mark Rutte spoke in Brussels. The Minsk agreements remain in "
        "force and both sides must implement them."
    )
    note = by_topic(text, "minsk-agreements")
    assert note.severity == "warning"
    assert "Mark Rutte" in note.explanation and "1 October 2024" in note.explanation


# --- layers: the API and the CLI pass the reader's date -------------------------------------


def test_api_defaults_as_of_to_today_and_a_request_may_set_it(client):
    text = SINCE[0][1]
    res = client.post("/api/v1/analyze", json={"text": text, "published": "2016-10-20"})
    body = res.get_json()
    assert body["meta"]["as_of"] == date.today().isoformat()
    assert any(n["rule"] == "context-since" for n in body["notes"])
    res = client.post(
        "/api/v1/analyze", json={"text": text, "published": "2016-10-20", "as_of": "2016-12-01"}
    )
    body = res.get_json()
    assert body["meta"]["as_of"] == "2016-12-01"
    assert not any(n["rule"] == "context-since" for n in body["notes"])


def test_api_rejects_a_bad_as_of(client):
    res = client.post("/api/v1/analyze", json={"text": "Officials said so.", "as_of": "soon"})
    assert res.status_code == 422 and res.get_json()["error"]["field"] == "as_of"


def test_cli_as_of(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(SINCE[0][1]))
    args = ["analyze", "-", "--json", "--published", "2016-10-20", "--as-of", "2016-12-01"]
    assert main(args) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["meta"]["as_of"] == "2016-12-01"
    assert not any(n["rule"] == "context-since" for n in body["notes"])


# --- a text written before a topic began, and undated texts placed by the titles they use ---


def test_invasion_words_in_a_text_dated_before_the_build_up_are_not_the_2022_invasion():
    text = "Russia's invasion of Ukraine has shocked Europe, the editorial argues."
    assert by_topic(text, "russia-invasion-2022", "2015-03-01", TODAY) is None
    warning = "A Russian invasion of Ukraine could come within weeks, officials in Kyiv warned."
    note = by_topic(warning, "russia-invasion-2022", "2022-01-20", TODAY)
    assert note.rule == "context-since" and "24 February 2022" in note.explanation


def test_undated_text_naming_a_past_office_holder_is_placed_in_his_term():
    text = (
        "Russia's invasion of Ukraine has shocked Europe, President Barack Obama told "
        "reporters in Washington."
    )
    assert by_topic(text, "russia-invasion-2022") is None
    minsk = (
        "President Petro Poroshenko spoke in Kiev. The Minsk agreements remain in force and "
        "both sides must implement them."
    )
    note = by_topic(minsk, "minsk-agreements")
    assert (note.rule, note.severity) == ("context-background", "info")
    assert "President Petro Poroshenko" in note.explanation
    assert "20 May 2019" in note.explanation and "could not know" in note.explanation


def test_a_former_title_does_not_place_an_undated_text():
    text = (
        "Former President Petro Poroshenko spoke in Kyiv. The Minsk agreements remain in force "
        "and both sides must implement them."
    )
    note = by_topic(text, "minsk-agreements")
    assert "20 May 2019" not in note.explanation
    assert "If it was written on or after 22 February 2022" in note.explanation


def test_undated_text_with_only_the_word_invasion_is_not_the_2022_invasion():
    text = "The invasion was condemned in every region of Ukraine, the editorial argues."
    assert by_topic(text, "russia-invasion-2022") is None
    placed = text.replace("the editorial argues", "NATO Secretary General Mark Rutte said")
    assert by_topic(placed, "russia-invasion-2022") is not None


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (
            "Moscow will not recognise the Donbass republics, a deputy minister said in Lugansk.",
            "dpr-lpr-recognition",
        ),
        (
            "The Kremlin rules out recognising the two breakaway republics in the Donbas.",
            "dpr-lpr-recognition",
        ),
        (
            "Kiev hopes the ceasefire agreed upon in September will hold, as rebels in Donetsk "
            "and Ukrainian troops trade fire.",
            "minsk-agreements",
        ),
    ],
)
def test_more_ways_of_naming_the_republics_and_the_truce(text, topic):
    assert topic in {n.topic for n in context(text, "2016-05-01")}


def test_a_state_agency_in_an_opening_credit_group_is_the_copys_source():
    from footnote import analyze, to_dict

    text = (
        "OSLO (Fjord News / Sputnik - 12th April, 2023) The ministry has cut access to the "
        "files, officials said."
    )
    assert "state-media" in [n["rule"] for n in to_dict(analyze(text))["notes"]]
    aside = "The ministry (which Sputnik once praised) cut access to the files, officials said."
    assert "state-media" not in [n["rule"] for n in to_dict(analyze(aside))["notes"]]
