"""The attribution stage on sentences written for these tests (not from any evaluation set)."""

import pytest
from footnote import analyze

from .conftest import FIXTURES


def sources(text, **kw):
    return [(s.mention, s.kind) for s in analyze(text, **kw).sources]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mayor, Jane Okafor, said on Friday that the bridge would reopen in June.",
            [("Jane Okafor", "named_person")],
        ),
        (
            '"We have no money left," said Peter Lindqvist, the club\'s treasurer.',
            [("Peter Lindqvist, the club's treasurer", "named_person")],
        ),
        (
            "According to a memo seen by The Guardian, the ministry cut its budget.",
            [("a memo seen by The Guardian", "document")],
        ),
        ("Police said two men had been arrested.", [("Police", "named_organization")]),
        (
            "The company's chief executive, Maria Santos, told investors the results were strong.",
            [("Maria Santos", "named_person")],
        ),
        (
            "Two people briefed on the plan said it would be announced next week.",
            [("Two people briefed on the plan", "unnamed_individual")],
        ),
        ("Critics argue that the law goes too far.", [("Critics", "vague_group")]),
        ("Many believe the election was unfair.", [("Many", "vague_group")]),
        (
            "It is widely reported that the deal has collapsed.",
            [("It is widely reported", "vague_group")],
        ),
        (
            "Per a memo seen by Reuters, the bank will cut 500 jobs.",
            [("a memo seen by Reuters", "document")],
        ),
        ("In the minister's view, the plan is sound.", [("the minister", "unnamed_individual")]),
        ('As the governor put it, "We are not done."', [("the governor", "unnamed_individual")]),
        (
            "Data from the national statistics office show unemployment fell to 4 percent.",
            [("Data from the national statistics office", "document")],
        ),
        (
            "A 2023 study in The Lancet found that the drug reduced deaths.",
            [("A 2023 study in The Lancet", "document")],
        ),
        ("Court filings show the company knew about the defect.", [("Court filings", "document")]),
        (
            "Sen. Mark Ellison, a Republican from Ohio, warned that the bill would fail.",
            [("Sen. Mark Ellison, a Republican from Ohio", "named_person")],
        ),
        (
            "Health Minister Ana Costa acknowledged the delays.",
            [("Health Minister Ana Costa", "named_person")],
        ),
        (
            "The Pentagon said in a statement that the drill was routine.",
            [("The Pentagon", "named_organization")],
        ),
        ("Beijing has repeatedly denied the accusations.", [("Beijing", "named_organization")]),
        (
            "The International Monetary Fund said growth would slow.",
            [("The International Monetary Fund", "named_organization")],
        ),
        (
            "The World Health Organization (WHO) has said the outbreak is over.",
            [("The World Health Organization (WHO)", "named_organization")],
        ),
        ("Three diplomats said the summit was off.", [("Three diplomats", "unnamed_individual")]),
        (
            "Western governments have argued that the sanctions work.",
            [("Western governments", "vague_group")],
        ),
        (
            "The newspaper reported that the mayor had resigned.",
            [("The newspaper", "named_organization")],
        ),
        (
            "Human Rights Watch said in a report that the detainees had been tortured.",
            [("Human Rights Watch", "named_organization")],
        ),
        (
            '"We will rebuild," the mayor promised, adding that help was on the way.',
            [("the mayor", "unnamed_individual")],
        ),
        (
            "An internal email, reviewed by The Washington Post, shows the firm knew of the risk.",
            [("An internal email, reviewed by The Washington Post", "document")],
        ),
        (
            "Kremlin spokesman Dmitry Peskov said the proposal was unacceptable.",
            [("Kremlin spokesman Dmitry Peskov", "named_person")],
        ),
        (
            "The deal, according to people close to the negotiations, could be signed next week.",
            [("people close to the negotiations", "vague_group")],
        ),
    ],
)
def test_speaker_phrases_and_kinds(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman for the prime minister declined to comment.",
        "The ministry did not respond to a request for comment.",
        "The meeting took place on Tuesday in the capital.",
        "Prices rose by 5 per cent last year.",
        "The operators would keep the grid in a heightened state of readiness.",
        "For years the press has told a simple story about the war.",
        "Each time we were promised that a better deal would follow.",
        "Nothing I write here excuses it.",
        "The United States withdrew from the treaty in 2019.",
        "Engineers spent years preparing for the move.",
        "European demand for pipeline gas is expected to fall.",
    ],
)
def test_no_attribution(text):
    assert sources(text) == []


def test_back_references_attach_to_the_first_mention():
    text = (
        "Ana Ruiz, the city's chief engineer, said the bridge was safe. "
        '"We checked every bolt," Ruiz said. She added that repairs would take a week.\n\n'
        "A council official who asked not to be named said the cost had doubled. "
        "According to the official, the contract was never put out to tender."
    )
    result = analyze(text)
    assert [(s.kind, s.attributions) for s in result.sources] == [
        ("named_person", 3),
        ("unnamed_individual", 2),
    ]


def test_surname_first_attributed_after_an_unattributed_introduction():
    text = "Tom Berg, 16, won the race. Berg said he had trained for two years."
    assert sources(text) == [("Berg", "named_person")]


def test_definite_description_with_other_modifier_is_a_new_source():
    text = (
        "Ana Ruiz, a member of the Spanish delegation, said the talks failed. "
        "The French delegation said in a statement that it was disappointed."
    )
    assert [k for _, k in sources(text)] == ["named_person", "named_organization"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "A senior official, who spoke on condition of anonymity because the talks are "
            "confidential, said the deal was close.",
            "because the talks are confidential",
        ),
        (
            "An aide, who was not authorised to speak publicly, confirmed the meeting.",
            "not authorised to speak publicly",
        ),
        (
            "Officials at the port, who asked not to be named for fear of losing their jobs, "
            "said the cargo was weapons.",
            "for fear of losing their jobs",
        ),
        ("A senior official who requested anonymity said the deal was close.", None),
        ("An official, speaking under strict confidentiality, said the deal was close.", None),
    ],
)
def test_anonymity_reason(text, reason):
    (source,) = analyze(text).sources
    assert source.anonymity_reason == reason
    assert source.anonymity_requested or reason is not None


@pytest.mark.parametrize(
    ("text", "relay"),
    [
        ("An EU official told Reuters that the vote was delayed.", "Reuters"),
        (
            "A person briefed on the talks told the Financial Times the offer was rejected.",
            "Financial Times",
        ),
        ("Documents obtained by Xinhua show the plan was approved in March.", "Xinhua"),
        (
            "According to RIA Novosti, citing a source in the ministry, the talks will resume.",
            "RIA Novosti",
        ),
        ("An EU official told reporters that the vote was delayed.", None),
        ("In an interview with the BBC, the president said he would not resign.", "BBC"),
        ("Le Monde reported on Sunday that the talks had stalled.", "Le Monde"),
    ],
)
def test_relays(text, relay):
    assert [s.relayed_by for s in analyze(text).sources] == [relay]


def test_nested_source_inside_reported_speech_is_listed():
    text = (
        "Roman Lis, the deputy minister, told reporters that, according to intelligence "
        "reports, troops had moved closer to the border."
    )
    assert sources(text) == [
        ("Roman Lis, the deputy minister", "named_person"),
        ("intelligence reports", "document"),
    ]


def test_third_party_described_inside_an_account_is_not_a_source():
    text = "The files reveal that inspectors privately acknowledged the fault in 2021."
    assert sources(text) == [("The files", "document")]


def test_cue_words_inside_quotations_belong_to_the_speaker():
    text = '"People say we failed, critics claim we lied," the coach said.'
    assert sources(text) == [("the coach", "unnamed_individual")]


def test_wire_story_written_for_the_tests():
    text = (FIXTURES / "wire_rates.txt").read_text(encoding="utf-8")
    result = analyze(text, published="2024-07-23")
    assert [(s.mention.split(",")[0], s.kind, s.attributions) for s in result.sources] == [
        ("Nigeria's central bank", "named_organization", 2),
        ("Governor Olayemi Cardoso", "named_person", 2),
        ("Economists polled by Reuters", "vague_group", 1),
        ("Kemi Adeyemi", "named_person", 2),
        ("Two traders at the Balogun market", "unnamed_individual", 1),
        ("Critics of the policy", "vague_group", 1),
    ]
    traders = result.sources[4]
    assert traders.anonymity_reason == "for fear of trouble with the authorities"
    assert result.sources[2].relayed_by == "Reuters"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry, in a statement, said the strike hit a depot.", "The ministry"),
        ("The mayor, for her part, said nothing had changed.", "The mayor"),
        ("Smith, however, insisted the vote was fair.", "Smith"),
        ("Officials, predictably, dismiss the claim.", "Officials"),
    ],
)
def test_parenthetical_between_speaker_and_verb_is_skipped(text, expected):
    assert [m for m, _ in sources(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"It was a tough game," admitted goalkeeper Jan Novak after the match.',
            [("goalkeeper Jan Novak", "named_person")],
        ),
        (
            "The chamber of commerce said local businesses were struggling.",
            [("The chamber of commerce", "named_organization")],
        ),
        ("The WHO warned that the outbreak could spread.", [("The WHO", "named_organization")]),
        (
            "Scientists not involved in the study cautioned that the sample was small.",
            [("Scientists not involved in the study", "vague_group")],
        ),
        (
            "One parent, who did not want to be named, said children were sent home early.",
            [("One parent, who did not want to be named", "unnamed_individual")],
        ),
    ],
)
def test_more_genres(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "None of it reached the public reports, a person who passed the papers on said.",
            [("a person who passed the papers on", "unnamed_individual")],
        ),
        ("For years the Western press has said so.", [("the Western press", "vague_group")]),
        ("The press reported the story.", [("The press", "vague_group")]),
    ],
)
def test_relative_clauses_and_collectives(text, expected):
    assert sources(text) == expected


def test_plural_possessive_apostrophe_is_part_of_the_phrase():
    text = "Anna Petrova, who chairs the Old Quay Residents' Association, said the path was unsafe."
    assert sources(text) == [
        ("Anna Petrova, who chairs the Old Quay Residents' Association", "named_person")
    ]


def test_statement_is_a_document():
    text = "The ceasefire holds, according to a statement circulated after the meeting."
    assert [k for _, k in sources(text)] == ["document"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "* A senior official said the talks had failed.",
            [("A senior official", "unnamed_individual")],
        ),
        (
            "Breaking: An official said the talks had failed.",
            [("An official", "unnamed_individual")],
        ),
        ("(Updated) A diplomat said the talks had failed.", [("A diplomat", "unnamed_individual")]),
        (
            "LONDON (Reuters) - A senior official said the talks had failed.",
            [("A senior official", "unnamed_individual")],
        ),
        (
            "LONDON, May 1 - A senior official said the talks had failed.",
            [("A senior official", "unnamed_individual")],
        ),
        ("Traders said prices rose.", [("Traders", "vague_group")]),
        (
            "Mike Jones, the owner, was away. Jones said the shop would close.",
            [("Jones", "named_person")],
        ),
        ("Police say the suspect fled.", [("Police", "named_organization")]),
        ("Fishermen say the delay will ruin the season.", [("Fishermen", "vague_group")]),
        (
            "Diplomats meeting in Vienna said the talks stalled.",
            [("Diplomats meeting in Vienna", "vague_group")],
        ),
        (
            "According to a copy of the review seen by Newswire, costs doubled.",
            [("a copy of the review seen by Newswire", "document")],
        ),
        (
            "According to a report seen by Reuters, costs doubled.",
            [("a report seen by Reuters", "document")],
        ),
        ("Studies have shown that sleep matters.", [("Studies", "document")]),
    ],
)
def test_line_starts_plurals_and_documents(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Of course, some will say the town needs the money.",
        "Critics will say the plan is naive.",
        "Some might argue that it works.",
    ],
)
def test_hypothetical_speakers_are_not_sources(text):
    assert sources(text) == []


def test_office_holders_are_unnamed_but_not_anonymous():
    for text in (
        "The mayor said the project was a disaster.",
        "A spokeswoman for the finance ministry said the data were wrong.",
    ):
        result = analyze(text)
        assert "anonymous" not in result.headline
        assert "anonymous-no-reason" not in {n.rule for n in result.notes}


def test_outlet_after_a_description_is_a_relay():
    text = "A senior official told state broadcaster RT that the talks were over."
    assert [s.relayed_by for s in analyze(text).sources] == ["RT"]


def test_a_bare_headline_source_and_its_full_name_are_one_source():
    text = (
        "Grain exports fall for third month, ministry says\n\n"
        "KYIV - Grain exports fell again in May, the agriculture ministry said on Monday."
    )
    assert [(s.kind, s.attributions) for s in analyze(text).sources] == [("named_organization", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Experts disagree.", [("Experts", "vague_group")]),
        ("Economists agree that rates will fall.", [("Economists", "vague_group")]),
        ("The two sides agreed a ceasefire on Monday.", []),
        ("The two sides agreed to meet again.", []),
    ],
)
def test_stance_verbs(text, expected):
    assert sources(text) == expected


def test_pronoun_stands_for_the_last_person_named_even_before_any_claim():
    text = (
        'Coach Ann Price was pleased. "We earned it," Price said. '
        "Eastport manager Ricardo Silva was less happy. He complained that the corner should "
        'have been a goal kick. "Everyone saw it," he told reporters.'
    )
    assert [(s.mention, s.attributions) for s in analyze(text).sources] == [
        ("Price", 1),
        ("Ricardo Silva", 2),
    ]


def test_pronoun_after_a_paraphrase_introduction():
    text = (
        "Councillor Mark Feeney, who chairs the finance committee, defended the proposal. "
        "The city faces a budget gap, he said."
    )
    assert sources(text) == [("Councillor Mark Feeney", "named_person")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia's Defence Ministry said its forces had hit a depot, according to the "
            "state news agency TASS.",
            [("Russia's Defence Ministry", "TASS")],
        ),
        ("The spokesman called for restraint, Xinhua reported.", [("The spokesman", "Xinhua")]),
        (
            "Iranian state broadcaster Press TV reported that the talks had ended.",
            [("Iranian state broadcaster Press TV", "Press TV")],
        ),
    ],
)
def test_an_outlet_cited_last_relays_the_speaker(text, expected):
    assert [(s.mention, s.relayed_by) for s in analyze(text).sources] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Step counters are now built into most smartphones.", []),
        (
            "Paul Ortega, a lawyer representing the group, said the ruling was fair.",
            [("Paul Ortega, a lawyer representing the group", "named_person")],
        ),
        (
            "Downing Street insisted the minister would stay.",
            [("Downing Street", "named_organization")],
        ),
    ],
)
def test_nouns_professions_and_seats_of_government(text, expected):
    assert sources(text) == expected


def test_anonymity_reason_given_at_a_later_mention():
    text = (
        "The deal is close, according to people familiar with the matter. It could be signed "
        "next week, said the people, who asked not to be identified because the discussions "
        "are private."
    )
    (source,) = analyze(text).sources
    assert source.anonymity_reason == "because the discussions are private"
    assert source.attributions == 2


def test_it_stands_for_a_study_named_just_before():
    text = (
        "The research, published on Wednesday in a journal, pooled data from 15 countries. "
        "It found a 47 percent lower risk among people who walked daily."
    )
    assert [(s.mention, s.kind) for s in analyze(text).sources] == [("The research", "document")]
