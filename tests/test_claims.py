"""The unattributed-claim detector: its mechanism, its data, and where it must stay quiet.

Every sentence here was written for these tests; none comes from the evaluation sets.
"""

import pytest
from footnote import analyze
from footnote.engine.claims import (
    ClaimsDataError,
    find_unattributed_claims,
    load_lexicon,
    parse_lexicon,
    score_span,
)
from footnote.engine.document import build_document


def claims(text: str, attributed=frozenset()) -> list[str]:
    doc = build_document(text)
    return [text[f.start : f.end] for f in find_unattributed_claims(doc, attributed)]


MUST_FIRE = [
    # politics, both directions
    "The government's reckless policy has overshadowed the real suffering of ordinary families.",
    "The opposition has cynically exploited the tragedy to score political points.",
    "Management has chosen confrontation over the hard work of compromise.",
    "The mainstream media will, of course, ignore this story.",
    "The real purpose of the new law is to silence critics.",
    "The regime has never been interested in peace.",
    "The president has relentlessly undermined the independence of the courts.",
    "Everyone knows the election was a charade.",
    "The peace deal is a shameful capitulation to terror.",
    "The tax cut was a betrayal dressed up as reform.",
    "The protests were orchestrated by foreign agents.",
    "The opposition's plan would wreck the economy.",
    # health, science, business, travel, sport
    "Sugar is the single greatest danger to children's health today.",
    "Electric cars have become the single biggest threat to the country's car industry.",
    "This is the finest olive oil produced anywhere in the Mediterranean.",
    "This phone offers the best camera on the market and unmatched battery life.",
    "Vaccines are the greatest achievement of modern medicine.",
    "The hospital system is already stretched to breaking point.",
    "The referee's decision was a disgrace and cost the team the title.",
    "The league's owners care more about profits than about the safety of their players.",
    "The new stadium is a shameful waste of public money.",
    "The council's decision was reckless and entirely wrong.",
    "Every new vaccine schedule is designed to maximise profits, not health.",
    "The Premier League is the most exciting competition in the world.",
    "Its aid comes with endless conditions and arrives years too late.",
    "The heat pump is the quietest and most efficient model ever built for the home market.",
    "The government's handling of the levy has been chaotic from the start.",
    "The company's safety record is appalling.",
    "The election result was a foregone conclusion.",
    "The ceasefire was never more than a pause for rearmament.",
    "The so-called reform is a disastrous betrayal of the workers it claims to help.",
]

MUST_STAY_QUIET = [
    # set phrases and names: "feared the worst", "the worst-hit district", a so-called name
    "Her parents feared the worst for hours but finally reached her by phone.",
    "The coastal district, where nine people died in the floods, was the worst hit area.",
    'The raid is part of the so-called "Clean Harbour" inquiry into port contracts.',
    # scene-setting, schedules, background with dates and measures
    "The meeting took place on Tuesday in the capital.",
    "Ambassadors are due to meet again on Friday.",
    "The company was founded in 1931 and employs about 400 people.",
    "Finland joined NATO in April 2023, ending decades of military non-alignment.",
    "The treaty was signed in 1987 and entered into force the following year.",
    "Prices rose 3.2 percent in the year to October, the fastest pace since 2022.",
    "The storm was the worst to hit the region since records began in 1910.",
    "It was the deadliest attack in the city since 2015.",
    "The tomb is one of the best preserved in Egypt.",
    "The plant is the only nuclear power station in the region.",
    "Turnout was the lowest since the country became independent.",
    # plain habitual facts with "every", "never", "always"
    "Local elections are held every four years.",
    "The treaty was never ratified by the Senate.",
    "The party has always opposed the death penalty.",
    "Admission is free, and the gardens are open every day.",
    # plain event reports, including ones naming camps
    "Western governments imposed sanctions on the country's central bank in 2022.",
    "The West has supplied tanks, artillery and air-defence systems to Kyiv.",
    "The Kremlin has repeatedly denied planning an attack.",
    "Relations between the neighbours have deteriorated sharply since the coup.",
    "The fire destroyed more than 200 homes and forced thousands to flee.",
    "Demand was weak in the third quarter, and the company cut its forecast.",
    "It was a victory that few had predicted at the start of the season.",
    "Residents were desperate for news of their relatives.",
    "The media were barred from the hearing.",
    "The missile-defence system is designed to detect launches within seconds.",
    "The country has the largest army in Western Europe.",
    "For decades, almost every experimental treatment for the disease has failed.",
    "Alzheimer's is the most common cause of dementia, affecting 50 million people.",
    "The fastest train in the world runs between the two cities.",
    "Niger is the poorest country in the world, with an average income below 600 dollars.",
    "The museum's collection includes some of the finest examples of Islamic ceramics.",
    "The crash was the country's worst air disaster since 1990.",
    "The ruling is a blow to the government, which had hoped to fast-track the law.",
    # colour in a match report or a travel piece: taste, not a contested claim
    "Obi equalised with a stunning volley, and the home side were simply superb from then on.",
    "In the morning the light on the water is spectacular.",
    # attributed in the sentence itself, a question, the writer's own experience
    "The government's policy is reckless and entirely wrong, the party's leader said.",
    "According to critics, the reform is a shameful waste of public money.",
    "Is the reform a shameful waste of public money?",
    "I have never been more pessimistic about the talks than I am this summer.",
    # a headline: no closing punctuation
    "Reckless ministers betray the nation's finest traditions",
]


@pytest.mark.parametrize("sentence", MUST_FIRE)
def test_fires_on_claims_stated_as_fact(sentence):
    assert claims(sentence) == [sentence]


@pytest.mark.parametrize("sentence", MUST_STAY_QUIET)
def test_stays_quiet_on_plain_facts_and_attributed_lines(sentence):
    assert claims(sentence) == []


SWAPPED = [
    (
        "Western nations continue to put their own trade interests ahead of the climate.",
        "Eastern nations continue to put their own trade interests ahead of the climate.",
    ),
    (
        "Washington has used every round of talks to buy time while quietly expanding its fleet.",
        "Beijing has used every round of talks to buy time while quietly expanding its fleet.",
    ),
    (
        "Brussels cares more about its rules than about the people they are meant to protect.",
        "Moscow cares more about its empire than about the people it claims to protect.",
    ),
    (
        "Nuclear power is the only realistic path to a carbon-free grid.",
        "Renewable power is the only realistic path to a carbon-free grid.",
    ),
    (
        "The climate movement has always been about control, never about the climate.",
        "The oil lobby has always been about control, never about the climate.",
    ),
    (
        "The ruling party has cynically exploited the tragedy to score political points.",
        "The opposition party has cynically exploited the tragedy to score political points.",
    ),
    (
        "Western media predictably refuse to acknowledge the scale of the protests.",
        "Russian media predictably refuse to acknowledge the scale of the protests.",
    ),
    (
        "Beijing uses debt as a weapon, trapping poorer countries into giving up their ports.",
        "Washington uses sanctions as a weapon, trapping poorer countries into giving up trade.",
    ),
    (
        "Russia's leadership has always treated its soldiers as expendable.",
        "Ukraine's leadership has always treated its soldiers as expendable.",
    ),
    (
        "The West imposed sanctions on the country in 2022.",
        "The East imposed sanctions on the country in 2022.",
    ),
]


@pytest.mark.parametrize(("one", "other"), SWAPPED)
def test_same_sentence_with_sides_swapped_behaves_the_same(one, other):
    a, b = score_span(one, 0, len(one)), score_span(other, 0, len(other))
    assert a.score == b.score
    assert bool(claims(one)) == bool(claims(other))


def test_attributed_sentences_are_left_alone():
    text = "The reform is a shameful waste of public money. It will cost 3 million euros."
    assert claims(text) == ["The reform is a shameful waste of public money."]
    assert claims(text, attributed=frozenset({0})) == []


def test_words_inside_a_quotation_are_someone_elses():
    text = (
        'The mayor spoke for an hour. "The reform is a shameful waste of public money and '
        'a betrayal of every family," she told the council on Monday.'
    )
    assert claims(text) == []


def test_span_is_the_sentence_and_offsets_survive_curly_quotes_and_dashes():
    text = (
        "Talks resumed on Monday \u2014 the first since May.\n\n"
        "The union\u2019s leaders have chosen confrontation over the hard work of compromise."
    )
    doc = build_document(text)
    (finding,) = find_unattributed_claims(doc, frozenset())
    assert finding.rule == "unattributed-claim"
    assert text[finding.start : finding.end].startswith("The union\u2019s leaders")
    assert text[finding.start : finding.end].endswith("compromise.")
    assert finding.params["signals"]


def test_only_the_clearest_few_per_text_are_kept():
    lex = load_lexicon()
    weak = "The mayor's plan is naive and dangerous. "
    strong = (
        "Everyone knows the election was a charade, and the regime has cynically "
        "exploited it to buy time. "
    )
    text = weak * 3 + strong + weak * 2
    found = claims(text)
    assert len(found) == lex.max_findings  # a short text: the base allowance only
    assert strong.strip() in found


def test_a_wire_story_gets_no_claim_notes_through_analyze():
    text = (
        "VIENNA \u2014 Negotiators from the two countries met for six hours on Thursday "
        "without reaching a deal on the disputed border crossing, officials said.\n\n"
        "The crossing has been closed since March, when a customs dispute escalated. "
        "Trucks have since been diverted through a port 140 kilometres to the south.\n\n"
        '"We made progress on the technical questions," said Anna Lindqvist, who chaired '
        "the talks for the regional trade body. Another round is due to take place in May.\n\n"
        "The regional trade body was founded in 1994 and has 11 members."
    )
    notes = analyze(text).notes
    assert [n for n in notes if n.rule == "unattributed-claim"] == []


def test_an_opinion_piece_gets_claim_notes_through_analyze():
    text = (
        "The city council voted on Tuesday to close two libraries.\n\n"
        "The decision is a shameful betrayal of every child in the district. "
        "Councillors have chosen a balanced spreadsheet over the future of a generation.\n\n"
        "The council's spokesman said the savings were needed to keep buses running."
    )
    notes = [n for n in analyze(text).notes if n.rule == "unattributed-claim"]
    excerpts = [n.excerpt for n in notes]
    assert excerpts == [
        "The decision is a shameful betrayal of every child in the district.",
        "Councillors have chosen a balanced spreadsheet over the future of a generation.",
    ]
    assert all(n.category == "attribution" and n.severity == "caution" for n in notes)
    assert all(text[n.start : n.end] == n.excerpt for n in notes)


@pytest.mark.parametrize(
    "text",
    [
        "\"'ABC,XYZ\u201c\u201d" * 20_000,
        "said " * 40_000 + ".",
        "never every always the only the most chose a b c over " * 4_000 + ".",
        ("The regime has never been interested in peace. " * 4_000),
    ],
)
def test_pathological_input_finishes_with_bounded_output(text):
    doc = build_document(text)
    found = find_unattributed_claims(doc, frozenset())
    words = len(text.split())
    lex = load_lexicon()
    assert len(found) <= lex.max_findings + words // lex.words_per_extra_finding


# --- the phrase mechanism, on a small lexicon of its own --------------------------------

SETTINGS = {
    "threshold": 2.0,
    "min_words": 2,
    "max_chars": 1000,
    "max_findings": 3,
    "words_per_extra_finding": 400,
    "max_hits_per_class": 2,
    "max_gap": 2,
    "verdict_classes": ["judge"],
    "verdict_after": ["is", "was"],
    "verdict_window": 2,
    "verdict_bonus": 1.0,
}


def lexicon(*classes, skip=()):
    names = {c["name"] for c in classes}
    settings = {
        **SETTINGS,
        "verdict_classes": [c for c in SETTINGS["verdict_classes"] if c in names],
    }
    return parse_lexicon(
        {"settings": settings, "skip": {"phrases": list(skip)}, "class": list(classes)}
    )


def score(text, lex):
    got = score_span(text, 0, len(text), lexicon=lex)
    return None if got is None else got.score


def test_phrase_syntax_prefix_alternatives_gap_digit_and_case():
    lex = lexicon(
        {"name": "prefix", "weight": 1, "phrases": ["overshadow*"]},
        {"name": "alt", "weight": 10, "phrases": ["chose|picked .. over"]},
        {"name": "digit", "weight": 100, "phrases": ["since #"]},
        {"name": "cased", "weight": 1000, "phrases": ["the West"]},
    )
    assert score("It overshadowed everything", lex) == 1
    assert score("They picked guns over butter", lex) == 10
    assert score("They picked old guns over butter", lex) == 10  # a gap of two words
    assert score("They picked the old guns over butter", lex) == 0  # three: too wide
    assert score("Prices have risen since 2019", lex) == 100
    assert score("Prices have risen since then", lex) == 0
    assert score("Winds from the West were strong", lex) == 1000
    assert score("Winds from the west were strong", lex) == 0


def test_a_class_may_count_fewer_hits_than_the_default():
    lex = lexicon(
        {"name": "taste", "weight": 1, "max_hits": 1, "phrases": ["superb", "stunning"]},
        {"name": "judge", "weight": 1, "phrases": ["reckless", "cynical"]},
    )
    assert score("A superb and stunning goal came", lex) == 1
    assert score("A reckless and cynical move came", lex) == 2


def test_classes_saturate_negatives_add_up_and_verdict_needs_a_copula():
    lex = lexicon(
        {"name": "judge", "weight": 1, "phrases": ["reckless"]},
        {"name": "scene", "weight": -1, "phrases": ["Monday"]},
    )
    assert score("reckless reckless reckless reckless plan", lex) == 2  # capped at two hits
    assert score("Monday Monday Monday came", lex) == -3
    assert score("The plan was reckless", lex) == 2  # one hit plus the verdict bonus
    assert score("A reckless plan emerged", lex) == 1


def test_skip_phrases_take_the_sentence_out_of_the_writers_voice():
    lex = lexicon({"name": "judge", "weight": 5, "phrases": ["reckless"]}, skip=["said"])
    assert score("The plan was reckless, she said", lex) is None
    assert score("The plan was reckless indeed", lex) == 6


def test_possessive_s_is_dropped_before_matching():
    lex = lexicon({"name": "actor", "weight": 1, "phrases": ["Europe has"]})
    assert score("Europe has spoken", lex) == 1
    lex = lexicon({"name": "who", "weight": 1, "phrases": ["Europe credibility"]})
    assert score("Europe's credibility fell", lex) == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"class": [{"name": "a", "weight": 1, "phrases": ["x"]}]}, "[settings]"),
        ({"settings": SETTINGS, "class": []}, "no [[class]]"),
        ({"settings": SETTINGS, "class": [{"name": "judge", "phrases": ["x"]}]}, "weight"),
        (
            {"settings": SETTINGS, "class": [{"name": "judge", "weight": 1, "phrases": [".. x"]}]},
            "gap",
        ),
        (
            {"settings": SETTINGS, "class": [{"name": "judge", "weight": 1, "phrases": ["x .."]}]},
            "gap",
        ),
        (
            {"settings": SETTINGS, "class": [{"name": "judge", "weight": 1, "phrases": ["ab*"]}]},
            "prefix",
        ),
        (
            {"settings": SETTINGS, "class": [{"name": "judge", "weight": 1, "phrases": ["# x"]}]},
            "#",
        ),
        (
            {"settings": SETTINGS, "class": [{"name": "other", "weight": 1, "phrases": ["x"]}]},
            "verdict_classes",
        ),
        (
            {
                "settings": {**SETTINGS, "measured": {"nothing": 1}},
                "class": [{"name": "judge", "weight": 1, "phrases": ["x"]}],
            },
            "settings.measured",
        ),
        (
            {
                "settings": {k: v for k, v in SETTINGS.items() if k != "threshold"},
                "class": [{"name": "judge", "weight": 1, "phrases": ["x"]}],
            },
            "threshold",
        ),
    ],
)
def test_malformed_data_is_refused_with_the_field_named(data, message):
    with pytest.raises(ClaimsDataError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_lexicon(data)


def test_shipped_lexicon_loads_and_is_side_neutral_in_its_collectives():
    lex = load_lexicon()
    assert lex.threshold > 0
    # Whatever names one camp as a bloc must name the other too.
    for one, other in [("Western media", "Russian media"), ("the West", "the East")]:
        assert score_span(one + " decided", 0, len(one) + 8, lexicon=lex) == score_span(
            other + " decided", 0, len(other) + 8, lexicon=lex
        )


def test_a_dash_separates_words_but_a_hyphen_joins_them():
    lex = lexicon({"name": "image", "weight": 1, "phrases": ["a sham"]})
    assert score("The process has become\u2014a sham, nothing more", lex) == 1
    assert score("The process has become\u2014a-sham, nothing more", lex) == 0
    assert score("The process is \u2018a sham\u2019 and Europe\u2019s problem", lex) == 1


# A superlative that ranks a measured statistic can be checked: it is not a verdict.
MEASURED_QUIET = [
    "The striker netted 9 times in 12 games, the best return of any player in the squad.",
    "The bakery sold 3,000 loaves in two days, more than any other shop in town.",
    "The ferry carried 1.4 million passengers in 11 months, the most of any route in the country.",
    # a comparison of one counted quantity
    "The club has won the cup 20 times, more than any other side.",
    # a record with its time frame
    "Shares closed at their highest level, the best day for the index in a decade.",
    "It was the hottest summer in more than a century.",
]
MEASURED_FIRE = [
    # one quantity, or only a year, is not a measured statistic
    "The 2022 model is the best phone ever made.",
    "With 9 goals, she is simply the best defender in the world.",
    "The government's plan is the worst in a generation of failed and reckless reforms.",
]


@pytest.mark.parametrize("sentence", MEASURED_QUIET)
def test_a_superlative_in_a_measured_statistic_is_quiet(sentence):
    assert claims(sentence) == []


@pytest.mark.parametrize("sentence", MEASURED_FIRE)
def test_a_superlative_with_no_measure_still_fires(sentence):
    assert claims(sentence) == [sentence]


# Indirect speech carried on from an attributed sentence is the speaker's, not the writer's.
SAID = "The minister said the reform was on track. "
CLAIM = "The opposition's plan would wreck the economy."


def test_backshifted_sentence_after_an_attributed_one_continues_its_speech():
    assert claims(CLAIM) == [CLAIM]  # on its own it is a claim
    assert claims(SAID + CLAIM, attributed=frozenset({0})) == []
    notes = analyze(SAID + CLAIM).notes
    assert not [n for n in notes if n.rule == "unattributed-claim"]


def test_a_new_paragraph_or_a_present_tense_verdict_is_the_writers_own():
    assert claims(SAID + "\n\n" + CLAIM, attributed=frozenset({0})) == [CLAIM]
    verdict = "The council's decision was reckless and entirely wrong."
    assert claims(SAID + verdict, attributed=frozenset({0})) == [verdict]
    # an unattributed sentence before does not make the next one speech
    assert claims("The vote is on Friday. " + CLAIM) == [CLAIM]


def test_a_past_event_placed_in_history_is_background_not_a_claim():
    from footnote import analyze, to_dict

    def claims(text):
        return [n for n in to_dict(analyze(text))["notes"] if n["rule"] == "unattributed-claim"]

    history = (
        "The mill was built in 1903 by a family of weavers. "
        "Its archive was destroyed after the collapse of the company."
    )
    assert claims(history) == []
    verdict = (
        "The mill was built in 1903 by a family of weavers. "
        "Its archive was destroyed by vandals who wanted to ruin the town."
    )
    assert len(claims(verdict)) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "The outbreak has been blamed on water from shallow, dirty wells.",
        "The harbour board has come under fire for its slow response to the floods.",
    ],
)
def test_blame_with_no_one_named_for_it_fires(sentence):
    assert claims(sentence) == [sentence]


def test_blame_with_its_blamer_named_is_attributed():
    text = "Health officials blamed the outbreak on water from shallow, dirty wells."
    assert [n for n in analyze(text).notes if n.rule == "unattributed-claim"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The party boycotted the rerun, saying it would be a disastrous and shameful sham.",
        "The regime, which denies any role, is clearly losing a disastrous war.",
        "It was the worst unrest in memory over polls he claims were clearly rigged.",
        "Long-term use of the drug is considered dangerous and always the worst option.",
    ],
)
def test_a_stance_reported_in_the_sentence_takes_it_out_of_the_writers_voice(sentence):
    # the shipped lexicon: "saying", "denies", "he claims", "is considered" report someone's
    # words or a view held by others, so the sentence has a source of a kind
    assert score_span(sentence, 0, len(sentence)) is None
    bare = (
        sentence.replace(", saying it would be", " and it would be")
        .replace(", which denies any role,", "")
        .replace("he claims were", "that were")
        .replace("is considered", "is")
    )
    got = score_span(bare, 0, len(bare))
    assert got is not None and got.score >= 2.0  # the same words unreported are a claim


@pytest.mark.parametrize(
    "sentence",
    [
        "Those who rely on the ministry for news complain that it is clearly a disastrous mess.",
        "Residents who are concerned that the tower would be a disaster packed the meeting.",
        "Farmers warned that the reform is a shameful and disastrous betrayal.",
    ],
)
def test_a_reporting_verb_in_the_sentence_gives_it_a_speaker(sentence):
    assert score_span(sentence, 0, len(sentence)) is None


def test_refusing_to_acknowledge_is_still_the_writers_verdict():
    sentence = "Life is returning to normal, a fact that critics stubbornly refuse to acknowledge."
    got = score_span(sentence, 0, len(sentence))
    assert got is not None and got.score >= 2.0


def test_a_finding_someone_made_is_not_the_writers_claim():
    sentence = "He was also found to have been shamefully dishonest and utterly reckless."
    assert score_span(sentence, 0, len(sentence)) is None
    bare = "He was shamefully dishonest and utterly reckless."
    got = score_span(bare, 0, len(bare))
    assert got is not None and got.score >= 2.0
