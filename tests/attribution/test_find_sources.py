"""The attribution stage as a whole: find_sources on a document."""

from footnote import analyze
from footnote.engine.attribution import find_sources
from footnote.engine.document import build_document

from ..conftest import FIXTURES


def test_sources_in_order_of_first_attribution_and_every_attribution_kept():
    doc = build_document(
        "The ferry was late, a pilot said. The harbour office said the engine failed. "
        "The pilot said she waited two hours."
    )
    sources, attributions = find_sources(doc)
    assert [(s.id, s.mention, s.attributions) for s in sources] == [
        ("s1", "a pilot", 2),
        ("s2", "The harbour office", 1),
    ]
    assert [(a.source_id, a.sentence) for a in attributions] == [("s1", 0), ("s2", 1), ("s1", 2)]


def test_a_text_without_cues_has_no_sources():
    assert find_sources(build_document("The ferry was late. It rained all day.")) == ((), ())


def test_wire_story_written_for_the_tests():
    text = (FIXTURES / "wire_rates.txt").read_text(encoding="utf-8")
    result = analyze(text, published="2024-07-23")
    assert [(s.mention.split(",")[0], s.kind, s.attributions) for s in result.sources] == [
        ("Nigeria's central bank", "named_organization", 3),  # "has rejected that view"
        ("Governor Olayemi Cardoso", "named_person", 2),
        ("Economists polled by Reuters", "document", 1),
        ("Kemi Adeyemi", "named_person", 2),
        ("Two traders at the Balogun market", "unnamed_individual", 1),
        ("Critics of the policy", "vague_group", 1),
    ]
    traders = result.sources[4]
    assert traders.anonymity_reason == "for fear of trouble with the authorities"
    assert result.sources[2].relayed_by == "Reuters"
