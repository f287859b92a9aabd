"""The context stage: topics raised and not raised, dated facts on both sides of their dates."""

from datetime import date, timedelta

import pytest
from footnote import analyze, to_dict
from footnote.engine.context import find_context
from footnote.engine.context.kb import load_kb
from footnote.engine.document import build_document
from footnote.engine.model import Source
from hypothesis import given, settings
from hypothesis import strategies as st

KB = load_kb()


def notes(text, published=None, url=None):
    return analyze(text, published=published, url=url).notes


def topics(text, published=None):
    return {n.topic for n in notes(text, published) if n.category == "context" and n.topic}


def by_topic(text, topic, published=None):
    found = [n for n in notes(text, published) if n.topic == topic]
    assert len(found) <= 1, f"more than one note for {topic}"
    return found[0] if found else None


# --- every topic: texts that must raise it, and traps that must not ----------------------

RAISES = {
    "minsk-agreements": [
        "Kyiv and Moscow traded blame over the Minsk accords on Monday.",
        "Diplomats said Minsk II had never been implemented in full.",
        "He said the ceasefire signed in Minsk was the only basis for peace in the Donbas.",
        "Kyiv says the Minsk protocols were forced on it.",
        "Moscow insists that Minsk remains the only path to peace.",
    ],
    "normandy-format": [
        "Advisers met in the Normandy format in Paris.",
        "A Normandy summit with Putin and Zelensky ended late at night.",
    ],
    "budapest-memorandum": [
        "Ukraine cites the Budapest Memorandum in every debate on guarantees.",
        "The promises made in Budapest in 1994 in exchange for its nuclear arsenal were broken.",
    ],
    "crimea-annexation": [
        "Russia annexed Crimea in 2014.",
        "The talks stalled over Crimea. Moscow says the referendum settled the question.",
        "Crimea's annexation was condemned by the General Assembly.",
    ],
    "russia-invasion-2022": [
        "Exports fell after the full-scale invasion began.",
        "Moscow calls it a special military operation.",
        "Exports collapsed after Russian troops invaded Ukraine.",
    ],
    "dpr-lpr-recognition": [
        "Officials of the self-proclaimed Donetsk People's Republic said the vote was held.",
        "Moscow recognised the breakaway Donetsk and Luhansk regions as independent states.",
        "Russia proclaimed the annexation of Donetsk, Luhansk, Zaporizhzhia and Kherson.",
    ],
    "donbas-spelling": ["Residents of the Donbass say water has returned."],
    "kyiv-spelling": ["Talks in Kiev ended without a statement."],
    "luhansk-spelling": ["Shelling was reported near Lugansk overnight."],
    "kharkiv-spelling": ["The tractor plant in Kharkov reopened on Monday."],
    "odesa-spelling": ["Grain ships left the port of Odessa at dawn."],
    "nato-secretary-general": [
        "NATO Secretary-General Mark Rutte urged allies to spend more.",
        "The alliance's secretary general met ministers in Brussels.",
    ],
    "nato-defense-college": [
        "Officers graduated from the NATO Defence College in Rome.",
        "Ferretti, a senior NDC analyst, said the course had changed.",
    ],
    "nato-enlargement": [
        "Sweden became the alliance's 32nd member after Hungary ratified its accession.",
        "Finland joined NATO in April 2023.",
    ],
    "inf-treaty": [
        "The INF Treaty banned such missiles for three decades.",
        "Reagan and Gorbachev signed the INF accord in 1987.",
    ],
    "jcpoa": [
        "Iran says it still wants to revive the JCPOA.",
        "The Iran nuclear deal capped enrichment.",
        "Tehran says the nuclear deal is dead.",
    ],
    "state-affiliated-media": [
        "According to a report by the state news agency RIA Novosti, the talks had stalled.",
        "The official told Sputnik that the study was genuine.",
        "Xinhua reported that the delegation had arrived.",
        "RT, the Kremlin-funded broadcaster, reported that the talks had ended.",
        "He said so in an interview with CGTN on Monday.",
        "RT's Arabic service reported the strike.",
        "The Global Times said the visit was a provocation.",
        "The Russian news agency TASS carried the statement in full.",
        "Russian state TV channel Rossiya 1 reported that the bridge was hit.",
    ],
}

TRAPS = {
    "minsk-agreements": [
        "The Minsk Open chess tournament ended with an agreed draw.",
        "She flew to Minsk for a concert under an agreement with the promoter.",
        "Minsk hosted the 2014 Ice Hockey World Championship after a deal with the federation.",
        "The OSCE Minsk Group co-chairs met Armenian and Azerbaijani ministers on a peace deal.",
        "Opposition leaders in Minsk called for negotiations and peace.",
    ],
    "normandy-format": [
        "Normandy cider is best in June, say farmers in the Pays d'Auge.",
        "Veterans returned to the Normandy beaches for the D-Day anniversary.",
        "Russia was not invited to the D-Day anniversary in Normandy this year.",
    ],
    "budapest-memorandum": [
        "Budapest has asked for guarantees on its energy supplies.",
        "The market in Budapest stays open later in tomato season.",
        "Hungary's nuclear plant at Paks, south of Budapest, will get two new reactors.",
    ],
    "crimea-annexation": [
        "The Black Krim tomato takes its name from the Crimean peninsula.",
        "Florence Nightingale nursed soldiers in the Crimean War.",
        "A family bakery sells pastries made to a recipe from Crimea.",
    ],
    "russia-invasion-2022": [
        "The Allied invasion of 6 June 1944 began on these beaches.",
        "An invasion of wasps closed the park.",
        "Russia invaded Georgia in 2008.",
        "Ukrainian forces invaded the Kursk region in August 2024.",
    ],
    "dpr-lpr-recognition": [
        "The People's Republic of China recognised the award.",
        "Indonesia's DPR passed the budget.",
    ],
    "donbas-spelling": [
        "Soldiers captured in the Donbas region returned home.",
        "Shakhtar played at the Donbass Arena.",
    ],
    "kyiv-spelling": ["The menu offered chicken Kiev and borscht.", "Talks in Kyiv ended."],
    "luhansk-spelling": ["Shelling was reported near Luhansk overnight."],
    "kharkiv-spelling": ["The tractor plant in Kharkiv reopened on Monday."],
    "odesa-spelling": [
        "The oil boom reached Odessa, Texas, in the 1920s.",
        "Grain ships left the port of Odesa at dawn.",
    ],
    "nato-secretary-general": [
        "UN Secretary-General Antonio Guterres called for a ceasefire.",
        "The party's secretary general resigned.",
    ],
    "nato-defense-college": [
        "India's NDC under the Paris Agreement sets an emissions target.",
        "He studied at the National Defence College in New Delhi.",
    ],
    "nato-enlargement": [
        "Finland and Sweden flew a joint drill over Lapland.",
        "Swedish furniture sales grew in Finland.",
    ],
    "inf-treaty": ["The INF file format stores driver data."],
    "jcpoa": ["Iran's football team won the match."],
    "state-affiliated-media": [
        "The EU banned RT and Sputnik from broadcasting in March 2022.",
        "The Sputnik satellite was launched in 1957.",
        "According to CCTV footage, the car stopped outside the bank.",
        "Early Sputnik V vaccine trials showed strong results, researchers said.",
        "The Zvezda shipyard reported record output this year.",
    ],
}


def test_every_topic_has_tests():
    assert set(RAISES) == set(KB.topics) == set(TRAPS)


@pytest.mark.parametrize(
    "topic,text", [(t, x) for t, xs in RAISES.items() for x in xs], ids=lambda v: str(v)[:40]
)
def test_topic_raised(topic, text):
    assert topic in topics(text, "2025-06-01")


@pytest.mark.parametrize(
    "topic,text", [(t, x) for t, xs in TRAPS.items() for x in xs], ids=lambda v: str(v)[:40]
)
def test_trap_not_raised(topic, text):
    assert topic not in topics(text, "2025-06-01")


def test_one_note_per_topic_listing_others():
    text = (
        "The Minsk agreements were signed in 2015. Minsk II set out a ceasefire.\n\n"
        "Later the Minsk accords were debated again."
    )
    found = [n for n in notes(text, "2025-01-01") if n.topic == "minsk-agreements"]
    assert len(found) == 1
    assert found[0].excerpt == "Minsk agreements"
    assert "'Minsk II'" in found[0].explanation and "'Minsk accords'" in found[0].explanation


def test_note_carries_span_and_references():
    text = "Kyiv and Moscow traded blame over the Minsk accords on Monday."
    note = by_topic(text, "minsk-agreements", "2024-01-01")
    assert text[note.start : note.end] == note.excerpt == "Minsk accords"
    assert note.references and all(r.url.startswith("http") for r in note.references)


# --- the acceptance examples -------------------------------------------------------------


def test_seed(seed_text):
    found = notes(seed_text)
    rules = {(n.rule, n.topic) for n in found}
    assert ("context-outdated", "minsk-agreements") in rules
    assert ("state-media", "state-affiliated-media") in rules
    assert ("spelling", "donbas-spelling") in rules
    acr = [n for n in found if n.rule == "acronym-mismatch"]
    assert [n.excerpt for n in acr] == ["NATO Military College (NDC)"]
    assert acr[0].category == "context" and acr[0].topic == "nato-defense-college"
    assert "NATO Defense College" in acr[0].explanation and "Rome" in acr[0].explanation
    tass = next(n for n in found if n.rule == "state-media")
    assert tass.excerpt == "TASS" and "Russian government" in tass.explanation
    sg = next(n for n in found if n.topic == "nato-secretary-general")
    assert sg.severity == "info" and "Mark Rutte" in sg.excerpt
    minsk = next(n for n in found if n.topic == "minsk-agreements")
    assert minsk.severity == "warning"
    assert "no date" in minsk.explanation and "22 February 2022" in minsk.explanation


PARAGRAPH = (
    "'He is not interested in war,' said a senior official. This includes, according to the "
    "official, a renewed commitment to the Minsk agreements, which aim to resolve the "
    "conflict in the Donbas through dialogue rather than violence."
)


@pytest.mark.parametrize(
    "published,rule", [("2019-06-01", "context-background"), ("2023-06-01", "context-outdated")]
)
def test_same_paragraph_two_dates(published, rule):
    note = by_topic(PARAGRAPH, "minsk-agreements", published)
    assert note.rule == rule
    assert note.severity == ("warning" if rule == "context-outdated" else "info")


def test_historical_mention_is_background_not_warning():
    text = "The 2015 Minsk agreements, which collapsed, were meant to end the fighting."
    note = by_topic(text, "minsk-agreements", "2024-05-01")
    assert (note.rule, note.severity) == ("context-background", "info")


@pytest.mark.parametrize(
    "text",
    [
        "Moscow insists that Minsk remains the only path to peace.",
        "The Minsk agreements remain valid, the Russian foreign minister said on Monday.",
    ],
)
def test_reported_speech_presenting_as_current_gets_a_caution_that_says_so(text):
    note = by_topic(text, "minsk-agreements", "2024-05-01")
    assert (note.rule, note.severity) == ("context-outdated-quoted", "caution")
    assert "speaker" in note.title.lower() and "reported" in note.explanation


def test_quoted_speaker_presenting_as_current_gets_a_caution_not_a_warning():
    text = '"The Minsk agreements remain the only way forward," the envoy said.'
    note = by_topic(text, "minsk-agreements", "2024-05-01")
    assert note.severity == "caution" and "quoted" in note.explanation


@pytest.mark.parametrize(
    "text,topic",
    [
        ("The conflict remains unresolved despite the Minsk agreements.", "minsk-agreements"),
        ("Seven years after the Minsk agreements, the front is still there.", "minsk-agreements"),
        ("Such missiles were banned under the now-defunct INF Treaty.", "inf-treaty"),
        (
            "In 2016 both sides said they remained committed to the Minsk agreements.",
            "minsk-agreements",
        ),
        ("Moscow accused Kyiv of failing to implement the Minsk agreements.", "minsk-agreements"),
        ("Under the Minsk agreements, Kyiv was to hold local elections.", "minsk-agreements"),
    ],
)
def test_historical_or_unframed_mentions_get_no_warning(text, topic):
    assert by_topic(text, topic, "2025-01-01").rule == "context-background"


@pytest.mark.parametrize(
    "text,topic",
    [
        ("Both sides remain bound by the INF Treaty, the minister wrote.", "inf-treaty"),
        ("Finland, a neutral country outside NATO, hosted the talks.", "nato-enlargement"),
    ],
)
def test_presented_as_current_after_the_change(text, topic):
    assert by_topic(text, topic, "2025-05-02").rule == "context-outdated"


@pytest.mark.parametrize(
    "text",
    [
        "Sweden, long a neutral country, joined NATO in March 2024, officials said.",
        "Before joining NATO, Finland was militarily non-aligned for decades.",
    ],
)
def test_membership_told_as_history_is_background(text):
    assert by_topic(text, "nato-enlargement", "2025-05-02").rule == "context-background"


def test_negated_lapse_does_not_count_as_knowing():
    text = (
        "Kyiv regarded the Minsk agreements as a ruse. Yet the agreements remain the only "
        "legally binding framework, and Moscow has never withdrawn from them."
    )
    assert by_topic(text, "minsk-agreements", "2025-02-01").rule == "context-outdated"


# --- every dated fact, on both sides of its date -----------------------------------------

FACT_TEXTS = {
    ("minsk-agreements", 0): "Both sides renewed their commitment to the Minsk agreements.",
    ("inf-treaty", 0): "The deployment remains banned under the INF Treaty.",
    ("nato-enlargement", 0): "Finland, which is not a NATO member, held a drill.",
    ("nato-enlargement", 1): "Sweden, which is not a member of NATO, held a drill.",
}


def test_every_fact_has_a_text():
    expected = {(t.id, i) for t in KB.topics.values() for i, _ in enumerate(t.facts)}
    assert expected == set(FACT_TEXTS)


@pytest.mark.parametrize("key", sorted(FACT_TEXTS))
def test_fact_both_sides_of_its_date(key):
    topic_id, index = key
    fact = KB.topics[topic_id].facts[index]
    text = FACT_TEXTS[key]
    day_before = fact.valid_to - timedelta(days=1)
    note = by_topic(text, topic_id, day_before.isoformat())
    assert note is not None and note.rule == "context-background"
    note = by_topic(text, topic_id, fact.valid_to.isoformat())
    assert note is not None and note.rule == "context-outdated"
    if fact.valid_from:
        before = by_topic(text, topic_id, fact.valid_from.isoformat())
        assert before.rule == "context-background"


HOLDERS = [(h.name, h) for h in KB.topics["nato-secretary-general"].holders]


@pytest.mark.parametrize("name,holder", HOLDERS, ids=[n for n, _ in HOLDERS])
def test_office_holder_both_sides_of_term(name, holder):
    text = f"NATO Secretary General {name} urged allies to do more."
    inside = by_topic(text, "nato-secretary-general", holder.valid_from.isoformat())
    assert inside.rule == "context-background" and name in inside.excerpt
    before = holder.valid_from - timedelta(days=1)
    assert by_topic(text, "nato-secretary-general", before.isoformat()).rule == ("context-outdated")
    if holder.valid_to:
        last = holder.valid_to - timedelta(days=1)
        assert by_topic(text, "nato-secretary-general", last.isoformat()).rule == (
            "context-background"
        )
        after = by_topic(text, "nato-secretary-general", holder.valid_to.isoformat())
        assert after.rule == "context-outdated"
        assert holder.successor in after.explanation


def test_former_office_holder_is_background():
    text = "Former NATO Secretary General Jens Stoltenberg now leads Norway's finance ministry."
    assert by_topic(text, "nato-secretary-general", "2025-06-01").rule == "context-background"


@pytest.mark.parametrize(
    "text",
    [
        "Incoming NATO Secretary General Mark Rutte met Zelensky.",
        "NATO Secretary General Jens Stoltenberg's successor, Mark Rutte, met Zelensky.",
        "Then-NATO chief Jens Stoltenberg met Zelensky in 2023.",
    ],
)
def test_office_holders_past_or_future_are_background(text):
    assert by_topic(text, "nato-secretary-general", "2024-07-01").rule == "context-background"
    assert by_topic(text, "nato-secretary-general", "2025-07-01").rule == "context-background"


def test_office_holder_in_a_dated_sentence_is_background():
    text = "In 2019, NATO Secretary General Jens Stoltenberg warned Russia over the treaty."
    assert by_topic(text, "nato-secretary-general", "2025-06-01").rule == "context-background"


def test_undated_uses_kb_date_and_says_so():
    note = by_topic("Russia annexed Crimea in 2014.", "crimea-annexation")
    assert KB.as_of.year == 2026 and "no date" in note.explanation


def test_article_dated_after_the_kb_says_so():
    note = by_topic("Russia annexed Crimea in 2014.", "crimea-annexation", "2030-01-01")
    assert "last checked" in note.explanation


def test_timeline_stops_at_the_articles_date():
    text = "Kyiv and Moscow traded blame over the Minsk accords on Monday."
    early = by_topic(text, "minsk-agreements", "2016-01-01")
    late = by_topic(text, "minsk-agreements", "2024-01-01")
    assert "no longer exist" not in early.explanation
    assert "no longer exist" in late.explanation


# --- names and acronyms ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,flagged",
    [
        ("A review by the NATO Military College (NDC) was leaked.", "NATO Military College (NDC)"),
        ("Officers study at the NATO Defense College (NDC) in Rome.", None),
        ("The Security Service of Ukraine (SBU) detained him.", None),
        ("Germany's Federal Intelligence Service (BND) declined to comment.", None),
        ("The World Health Organization (WHO) issued guidance.", None),
        ("The Institute for Continental Security Studies (ICSS) said so.", None),
        ("The United States European Command (EUCOM) moved staff.", None),
        ("Germany's Christian Democrats (CDU) won the vote.", None),
        ("Ukraine's National Anti-Corruption Bureau (NABU) opened a case.", None),
        ("The Armed Forces of Ukraine (ZSU) reported downing 40 drones.", None),
        ("The Polish Institute of International Affairs (PISM) published a paper.", None),
        (
            "The Baltic Maritime Research Council (QXZ) published data.",
            "Baltic Maritime Research Council (QXZ)",
        ),
        (
            "Papers from the Organisation for European Security Dialogue (OSCE) leaked.",
            "Organisation for European Security Dialogue (OSCE)",
        ),
        # A dateline's agency code is not an acronym of the date before it.
        ("OSLO, March 3 (NTB) -- The harbour reopened after the storm.", None),
        ("Dec. 3 (UPI) -- The council delayed its vote.", None),
        ("LISBON, Tuesday 4th (XPN) -- Ferries ran late.", None),
        ("SAN FRANCISCO (AP) -- The council voted to close the bridge.", None),
        ("The council met.\n\nNew Delhi (XNA): The council met again.", None),
        # a name opening a sentence, with no dateline dash, is still read as a name
        (
            "Baltic Maritime Research Council (QXZ) published data.",
            "Baltic Maritime Research Council (QXZ)",
        ),
        # A month word inside a real name still counts as a name.
        ("The March Research Council (QXZ) published data.", "March Research Council (QXZ)"),
        ("The May Day Workers Union (QRZ) marched.", "May Day Workers Union (QRZ)"),
    ],
)
def test_acronyms(text, flagged):
    found = [n.excerpt for n in notes(text) if n.rule == "acronym-mismatch"]
    assert found == ([flagged] if flagged else [])


def test_known_body_under_wrong_name_without_acronym():
    found = notes("The paper came from the NATO Strategic Studies Academy in Rome.")
    mis = [n for n in found if n.rule == "name-mismatch"]
    assert [n.excerpt for n in mis] == ["NATO Strategic Studies Academy"]
    assert mis[0].topic == "nato-defense-college"


# --- state media -------------------------------------------------------------------------


def _doc(text, url=None):
    return build_document(text, url=url)


def test_state_media_from_attribution_sources():
    text = "Documents seen by the agency show the plan. Officials confirmed it to RT reporters."
    doc = _doc(text)
    start = text.index("Documents")
    source = Source(
        id="s1",
        start=start,
        end=start + 9,
        mention="Documents",
        kind="document",
        cue="show",
        relayed_by="TASS",
    )
    found = [f for f in find_context(doc, (source,)) if f.rule == "state-media"]
    assert len(found) == 1 and found[0].topic == "state-affiliated-media"
    assert "TASS" in found[0].params["explanation"]


def test_state_media_lists_other_outlets_once():
    text = "Xinhua reported the visit. According to TASS, talks went well. TASS said more."
    found = [n for n in notes(text) if n.rule == "state-media"]
    assert (
        len(found) == 1 and found[0].excerpt == "Xinhua" and "TASS (Russia)" in found[0].explanation
    )


def test_state_funded_outlets_get_the_same_kind_of_note():
    found = [n for n in notes("A diplomat told RFE/RL that the talks had failed.")]
    found = [n for n in found if n.rule == "state-media"]
    assert [n.topic for n in found] == ["state-affiliated-media"]
    assert "state-funded" in found[0].explanation and "United States" in found[0].explanation


def test_state_media_url_gives_one_note_without_fetching():
    found = [n for n in notes("The ministry said the talks ended.", url="https://www.rt.com/x")]
    assert [(n.rule, n.start) for n in found] == [("state-media", None)]
    assert "RT" in found[0].title
    assert not [n for n in notes("The ministry said so.", url="https://example.org/rt.com")]


def test_knowledge_version_in_meta():
    version = analyze("Hello.").meta["knowledge_version"]
    assert version.startswith(KB.version + "+") and len(version) > len(KB.version) + 6


def test_no_date_before_1900_in_timelines():
    for topic in KB.topics.values():
        assert all(e.date > date(1900, 1, 1) for e in topic.timeline)


# --- robustness --------------------------------------------------------------------------

WORDS = [
    "Minsk",
    "agreements",
    "TASS",
    "reported",
    "NATO",
    "Secretary",
    "General",
    "Stoltenberg",
    "(NDC)",
    "College",
    "Military",
    "Donbass",
    "Crimea",
    "annexed",
    "2014",
    "\u201c",
    "\u201d",
    "according",
    "to",
    "the",
    ",",
    ".",
    "\n\n",
    "Budapest",
    "memorandum",
    "still",
    "remain",
    "former",
    "RT",
    "told",
    "Finland",
    "joined",
    "alliance",
    "(OSCE)",
    "Organisation",
]


@given(
    st.lists(st.sampled_from(WORDS), max_size=60),
    st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 1, 1))),
)
@settings(max_examples=150, deadline=None)
def test_never_fails_and_spans_point_at_text(words, published):
    text = " ".join(words)
    for note in analyze(text, published=published).notes:
        if note.start is not None:
            assert 0 <= note.start < note.end <= len(text)
            assert note.excerpt == text[note.start : note.end]


EDGE_TEXTS = [
    "",
    "   ",
    "TASS",
    "\n\nMinsk\n\n",
    "(NDC)",
    "\u201c",
    "said.",
    "\U0001f4da TASS said.",
]


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_edge_texts(text):
    result = to_dict(analyze(text))
    assert result["meta"]["characters"] == len(text)
    assert result["summary"]["counts"]["sources"] == len(result["sources"])
    for source in result["sources"]:
        assert 0 <= source["start"] < source["end"] <= len(text)
        assert text[source["start"] : source["end"]] == source["mention"]
    for note in result["notes"]:
        if note["start"] is None:
            assert note["end"] is None and note["excerpt"] is None
        else:
            assert 0 <= note["start"] < note["end"] <= len(text)
            assert text[note["start"] : note["end"]] == note["excerpt"]
    if not text.strip():
        assert result["sources"] == [] and result["notes"] == []


def test_offsets_count_code_points_not_utf16_units():
    # The book emoji is one code point but two UTF-16 units: TASS starts at 2, not 3.
    result = to_dict(analyze("\U0001f4da TASS said."))
    assert [(s["mention"], s["start"], s["end"]) for s in result["sources"]] == [("TASS", 2, 6)]
