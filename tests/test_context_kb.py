"""The knowledge base as data: validation, the topics API, and the generated guide."""

import copy
from pathlib import Path

import pytest
from footnote.docgen.kb import render
from footnote.engine.context.kb import KnowledgeBaseError, build_kb, expand, load_kb, read_kb_files
from footnote.engine.context.scan import build_scanner

ROOT = Path(__file__).resolve().parent.parent
SCHEME_TOPICS = {
    "minsk-agreements",
    "state-affiliated-media",
    "nato-defense-college",
    "nato-secretary-general",
    "crimea-annexation",
    "russia-invasion-2022",
    "dpr-lpr-recognition",
    "donbas-spelling",
    "normandy-format",
    "budapest-memorandum",
    "nato-enlargement",
    "inf-treaty",
    "jcpoa",
}
FILES = read_kb_files()


def test_covers_the_scheme_topics():
    assert set(load_kb().topics) >= SCHEME_TOPICS


def test_outlets_and_institutions_covered():
    kb = load_kb()
    names = {o.name for o in kb.outlets}
    assert {"TASS", "RIA Novosti", "RT", "Sputnik", "Xinhua", "CGTN", "Press TV", "KCNA"} <= names
    assert all(o.domains and o.controlled_by and o.references for o in kb.outlets)
    acronyms = {i.acronym for i in kb.institutions}
    assert {"NDC", "OSCE", "IAEA", "SBU", "BND", "FSB"} <= acronyms


def test_every_topic_cited_and_dated():
    for topic in load_kb().topics.values():
        assert topic.references and topic.last_checked and topic.timeline, topic.id


def test_expand_alternatives():
    assert expand("Minsk {II|2}") == ["Minsk II", "Minsk 2"]
    assert expand("{the |}deal") == ["the deal", "deal"]


def _broken(path, mutate):
    files = copy.deepcopy(FILES)
    mutate(files[path])
    with pytest.raises(KnowledgeBaseError) as err:
        build_kb(files)
    return str(err.value)


@pytest.mark.parametrize(
    "path,mutate,field",
    [
        ("kb/topics/minsk-agreements.toml", lambda d: d.pop("summary"), "summary"),
        ("kb/topics/minsk-agreements.toml", lambda d: d.update(references=[]), "references"),
        ("kb/topics/inf-treaty.toml", lambda d: d["timeline"][0].update(date="1987"), "date"),
        ("kb/topics/jcpoa.toml", lambda d: d["references"][0].update(url="ftp://x"), "url"),
        ("kb/topics/jcpoa.toml", lambda d: d.update(window="page"), "window"),
        ("kb/topics/inf-treaty.toml", lambda d: d["facts"][0].update(framing=["nope"]), "nope"),
        ("kb/topics/normandy-format.toml", lambda d: d.update(near=[]), "near"),
        ("kb/topics/jcpoa.toml", lambda d: d.update(id="other"), "id"),
        ("kb/topics/nato-secretary-general.toml", lambda d: d.update(holders=[]), "holders"),
        ("kb/topics/jcpoa.toml", lambda d: d["timeline"].reverse(), "timeline"),
        ("kb/outlets.toml", lambda d: d["outlet"][0].pop("controlled_by"), "controlled_by"),
        ("kb/institutions.toml", lambda d: d["institution"][0].update(topic="x"), "topic"),
        (
            "kb/institutions.toml",
            lambda d: d["institution"][0]["misnomers"][0].update(pattern="("),
            "pattern",
        ),
        ("kb/cues.toml", lambda d: d["classes"].update(lapse=["(unclosed"]), "lapse"),
        ("kb/kb.toml", lambda d: d.pop("version"), "version"),
        ("kb/cues.toml", lambda d: d["classes"].pop("former-title"), "former-title"),
    ],
)
def test_bad_file_fails_loudly_naming_file_and_field(path, mutate, field):
    message = _broken(path, mutate)
    assert path in message and field in message


def test_missing_file_is_named():
    files = {k: v for k, v in FILES.items() if k != "kb/outlets.toml"}
    with pytest.raises(KnowledgeBaseError, match="kb/outlets.toml"):
        build_kb(files)


def test_scanner_is_one_pattern_with_longest_match():
    scan = build_scanner(load_kb())
    hits = scan.scan("He wrote about the Crimean War and the Minsk II deal.")
    texts = [h.text for h in hits]
    assert "Crimean War" in texts and "Minsk II" in texts and "Crimean" not in texts


# --- the topics API ----------------------------------------------------------------------


def test_topics_list(client):
    res = client.get("/api/v1/topics")
    assert res.status_code == 200
    body = res.get_json()
    ids = {t["id"] for t in body["topics"]}
    assert ids >= SCHEME_TOPICS
    first = body["topics"][0]
    assert set(first) == {"id", "title", "last_checked", "references"}
    assert first["references"][0]["url"].startswith("http")


def test_topic_detail(client):
    res = client.get("/api/v1/topics/nato-secretary-general")
    body = res.get_json()
    assert res.status_code == 200 and body["id"] == "nato-secretary-general"
    assert {h["name"] for h in body["holders"]} >= {"Jens Stoltenberg", "Mark Rutte"}
    assert body["timeline"] and body["summary"]


def test_unknown_topic_is_404_json(client):
    res = client.get("/api/v1/topics/no-such-topic")
    assert res.status_code == 404
    assert res.get_json()["error"]["code"] == "not_found"


# --- the generated guide -----------------------------------------------------------------


def test_knowledge_base_doc_is_current():
    on_disk = (ROOT / "docs" / "knowledge-base.md").read_text(encoding="utf-8")
    assert on_disk == render(load_kb()), (
        "docs/knowledge-base.md is stale: run "
        "`.venv/bin/python -m footnote.docgen.kb > docs/knowledge-base.md`"
    )


def test_broken_toml_on_disk_names_the_file(tmp_path):
    import shutil
    from importlib import resources

    src = resources.files("footnote") / "data" / "kb"
    dst = tmp_path / "kb"
    shutil.copytree(str(src), dst)
    (dst / "topics" / "jcpoa.toml").write_text('id = "jcpoa"\ntitle = \n', encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"kb/topics/jcpoa\.toml"):
        read_kb_files(dst)


def test_scan_offsets_hold_when_lower_case_changes_length():
    text = "\u0130stanbul hosted talks on the Minsk agreements, TASS reported."
    hits = build_scanner(load_kb()).scan(text)
    assert [text[h.start : h.end] for h in hits] == ["Minsk agreements", "TASS"]
