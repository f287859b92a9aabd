"""references.py: a pronoun, a surname or "the official" attaching to a known source."""

from footnote import analyze
from footnote.engine.attribution.references import antecedent, document_antecedent
from footnote.engine.attribution.tokens import Candidate

from . import LEX, index, sources


def _he_said(text: str) -> tuple:
    ix = index(text)
    start = ix.norm.rindex("He ")
    cand = Candidate(start, start + 2, "said", start + 3, start + 7, ix.sentence_of(start))
    return ix, cand


def test_a_pronoun_opening_its_sentence_is_the_subject_before():
    ix, cand = _he_said("Captain Olav Dahl met Mia Lund. He said the ferry was late.")
    span = antecedent(ix, cand, LEX)
    assert ix.norm[span[0] : span[1]] == "Captain Olav Dahl"


def test_antecedent_is_the_last_name_before_the_pronoun():
    ix, cand = _he_said("The ferry was late when Olav Dahl met Mia Lund. He said it was the fog.")
    span = antecedent(ix, cand, LEX)
    assert ix.norm[span[0] : span[1]] == "Mia Lund"


def test_no_antecedent_without_a_name():
    ix, cand = _he_said("The ferry was late again. He said the engine had failed.")
    assert antecedent(ix, cand, LEX) is None


def test_document_antecedent_opens_the_sentence_before():
    ix = index("A new survey of ferry users came out on Monday. It found most were late.")
    start = ix.norm.index("It found")
    cand = Candidate(start, start + 2, "found", start + 3, start + 8, 1)
    span = document_antecedent(ix, cand, LEX)
    assert ix.norm[span[0] : span[1]] == "A new survey"


def test_the_same_description_again_is_the_same_source():
    text = (
        "A ferry captain said the engine failed twice. The captain said the company knew about it."
    )
    assert [(s.mention, s.attributions) for s in analyze(text).sources] == [("A ferry captain", 2)]


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


def test_a_bare_headline_source_and_its_full_name_are_one_source():
    text = (
        "Grain exports fall for third month, ministry says\n\n"
        "KYIV - Grain exports fell again in May, the agriculture ministry said on Monday."
    )
    assert [(s.kind, s.attributions) for s in analyze(text).sources] == [("named_organization", 2)]


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
