"""kinds.py: the kind of source a speaker phrase names, from its head noun and names."""

import pytest
from footnote.engine.attribution.kinds import classify, has_name, head_noun_of, is_plural

from . import LEX, index, sources, tokens


@pytest.mark.parametrize(
    ("phrase", "kind", "head"),
    [
        ("the port authority", "named_organization", "authority"),
        ("Mia Lund", "named_person", "lund"),
        ("two engineers", "unnamed_individual", "engineers"),
        ("many residents", "vague_group", "residents"),
        ("an engineer", "unnamed_individual", "engineer"),
        ("Western governments", "vague_group", "governments"),
        ("the Ministry of Transport", "named_organization", "ministry"),
        ("a set of council minutes", "document", "minutes"),
    ],
)
def test_classify_a_phrase_by_its_head(phrase, kind, head):
    ix = index(phrase + " said so.")
    span = (0, len(phrase))
    assert head_noun_of(ix, span, LEX) == head
    assert classify(ix, span, LEX, 0) == kind


@pytest.mark.parametrize(
    ("word", "plural"),
    [
        ("people", True),
        ("engineers", True),
        ("fishermen", True),
        ("police", False),
        ("news", False),
        ("bus", False),
        ("analysis", False),
    ],
)
def test_is_plural(word, plural):
    assert is_plural(word, LEX) is plural


def test_has_name_tells_a_person_from_a_body():
    _, toks = tokens("Colonel Ida Berg spoke.")
    assert has_name(toks[:3], LEX, -1) == "person"
    _, toks = tokens("the European Commission spoke.")
    assert has_name(toks[:3], LEX, -1) == "org"
    _, toks = tokens("some engineers spoke.")
    assert has_name(toks[:2], LEX, -1) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mayor, Jane Okafor, said on Friday that the bridge would reopen in June.",
            [("The mayor, Jane Okafor", "named_person")],
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
            [("The company's chief executive, Maria Santos", "named_person")],
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
