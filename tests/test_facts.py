"""Typed dated facts (data/kb/facts) and the office-holder note built on them.

The sentences below are written for these tests; none comes from an evaluation text.
"""

import copy
import re
import shutil
from datetime import date
from importlib import resources

import pytest
from footnote import analyze
from footnote.engine import to_dict
from footnote.engine.context import offices as co
from footnote.engine.context.facts import ascii_fold
from footnote.engine.context.kb import (
    KnowledgeBaseError,
    build_kb,
    kb_digest,
    load_kb,
    read_kb_files,
)

FILES = read_kb_files()
OFFICES = "kb/facts/offices.toml"
MEMBERS = "kb/facts/memberships.toml"
TREATIES = "kb/facts/treaties.toml"


def _office(files, office_id):
    return next(o for o in files[OFFICES]["office"] if o["id"] == office_id)


def _broken(mutate) -> str:
    files = copy.deepcopy(FILES)
    mutate(files)
    with pytest.raises(KnowledgeBaseError) as err:
        build_kb(files)
    return str(err.value)


# --- the data ---------------------------------------------------------------------------------


def test_at_least_150_facts_each_with_a_citation():
    facts = load_kb().facts
    counts = facts.counts()
    assert sum(counts.values()) >= 150, counts
    assert counts["memberships"] >= 20 and counts["treaty_changes"] >= 25
    urls = [t.source for o in facts.offices for t in o.holders]
    urls += [m.source for m in facts.memberships] + [c.source for c in facts.changes]
    assert all(re.match(r"^https?://[^\s/]+\.\S+$", u) for u in urls)


def test_the_offices_the_brief_names_are_covered():
    ids = {o.id for o in load_kb().facts.offices}
    for country in (
        "russia", "ukraine", "belarus", "us", "uk", "france", "germany", "poland", "china",
        "iran", "turkey",
    ):  # fmt: skip
        assert any(i.startswith(country + "-") for i in ids), country
    assert {"nato-secretary-general", "un-secretary-general"} <= ids
    assert {"eu-commission-president", "european-council-president"} <= ids
    treaties = {c.treaty for c in load_kb().facts.changes}
    for name in ("New START", "Open Skies", "CFE", "INF", "JCPOA", "Grain"):
        assert any(name in t for t in treaties), name


def test_no_office_has_overlapping_substantive_tenures():
    for office in load_kb().facts.offices:
        main = [t for t in office.holders if not t.acting]
        for a, b in zip(main, main[1:], strict=False):
            assert a.end is not None and a.end <= b.start, (office.id, a.name, b.name)


def test_known_handovers():
    offices = {o.id: o for o in load_kb().facts.offices}
    assert offices["germany-chancellor"].holder_on(date(2023, 3, 1)).name == "Olaf Scholz"
    assert offices["nato-secretary-general"].holder_on(date(2024, 10, 1)).name == "Mark Rutte"
    assert offices["ukraine-president"].holder_on(date(2014, 4, 1)).acting
    assert offices["turkey-prime-minister"].holder_on(date(2019, 1, 1)) is None


# --- the loader -------------------------------------------------------------------------------


def _overlap(files):
    holders = _office(files, "germany-chancellor")["holder"]
    holders[2]["start"] = date(2021, 6, 1)  # Scholz before Merkel left


def _acting_overlap(files):
    holders = _office(files, "germany-chancellor")["holder"]
    holders[2]["start"] = date(2021, 6, 1)
    holders[2]["acting"] = True


@pytest.mark.parametrize(
    "mutate,words",
    [
        (_overlap, ["kb/facts/offices.toml", "germany-chancellor", "overlap"]),
        (
            lambda f: _office(f, "uk-prime-minister")["holder"][3].pop("source"),
            ["kb/facts/offices.toml", "uk-prime-minister", "Theresa May", "source"],
        ),
        (
            lambda f: _office(f, "uk-prime-minister")["holder"][3].update(source="see book"),
            ["kb/facts/offices.toml", "Theresa May", "source"],
        ),
        (
            lambda f: _office(f, "uk-prime-minister")["holder"][3].update(start="2016-07-13"),
            ["kb/facts/offices.toml", "Theresa May", "start", "YYYY-MM-DD"],
        ),
        (
            lambda f: _office(f, "france-president")["holder"][1].update(end=date(2007, 1, 1)),
            ["kb/facts/offices.toml", "Nicolas Sarkozy", "end"],
        ),
        (
            lambda f: _office(f, "france-president")["holder"][1].update(ned=date(2012, 1, 1)),
            ["kb/facts/offices.toml", "ned"],
        ),
        (
            lambda f: _office(f, "turkey-prime-minister").update(abolished=date(2017, 1, 1)),
            ["kb/facts/offices.toml", "turkey-prime-minister", "abolished"],
        ),
        (
            lambda f: f[MEMBERS]["membership"][0].pop("source"),
            ["kb/facts/memberships.toml", "source"],
        ),
        (
            lambda f: f[MEMBERS]["membership"][0].update(end=date(2000, 1, 1)),
            ["kb/facts/memberships.toml", "end"],
        ),
        (
            lambda f: f[TREATIES]["change"][0].update(date=date(2030, 1, 1)),
            ["kb/facts/treaties.toml", "checked"],
        ),
        (
            lambda f: f[TREATIES]["change"][0].update(source=""),
            ["kb/facts/treaties.toml", "source"],
        ),
        (lambda f: f.pop(TREATIES), ["kb/facts/treaties.toml", "missing"]),
        (lambda f: f.update({"kb/facts/ideas.toml": {}}), ["kb/facts/ideas.toml"]),
    ],
)
def test_bad_facts_fail_loudly_naming_file_and_key(mutate, words):
    message = _broken(mutate)
    for word in words:
        assert word in message, (word, message)


def test_an_acting_holder_may_overlap():
    files = copy.deepcopy(FILES)
    _acting_overlap(files)
    assert build_kb(files).facts.counts() == load_kb().facts.counts()


def test_facts_change_the_knowledge_base_digest(tmp_path):
    src = resources.files("footnote") / "data" / "kb"
    dst = tmp_path / "kb"
    shutil.copytree(str(src), dst)
    before = kb_digest(dst)
    path = dst / "facts" / "memberships.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert kb_digest(dst) != before
    assert OFFICES in read_kb_files(dst)


def test_ascii_fold():
    assert ascii_fold("Erdoğan Yıldırım Szydło Séjourné") == "Erdogan Yildirim Szydlo Sejourne"


# --- the note ---------------------------------------------------------------------------------


def _office_notes(text, published):
    return [n for n in analyze(text, published=published).notes if n.rule == "office-holder"]


FIRES = [
    # (text, date, the words the note must quote, who held the office then)
    (
        "President Poroshenko opened the rebuilt bridge over the river on Saturday.",
        "2020-06-06",
        "President Poroshenko",
        "Volodymyr Zelensky",
    ),
    (
        "Prime Minister Sunak told the conference that the new rules would start in spring.",
        "2025-04-02",
        "Prime Minister Sunak",
        "Keir Starmer",
    ),
    (
        "The talks were led by Foreign Minister Lavrov and his Turkish counterpart.",
        "2001-03-14",
        "Foreign Minister Lavrov",
        "Igor Ivanov",
    ),
    (
        "U.S. Secretary of State Antony Blinken arrived in the capital for a short visit.",
        "2025-06-01",
        "U.S. Secretary of State Antony Blinken",
        "Marco Rubio",
    ),
    (
        "Russian President Dmitry Medvedev sent a telegram of condolences.",
        "2015-01-10",
        "Russian President Dmitry Medvedev",
        "Vladimir Putin",
    ),
    (
        "Prime Minister Yildirim inaugurated the new airport terminal.",
        "2021-09-01",
        "Prime Minister Yildirim",
        "abolished",
    ),
    (
        "Ukraine's foreign minister Dmytro Kuleba said the text was not final.",
        "2025-03-01",
        "Ukraine's foreign minister Dmytro Kuleba",
        "Andrii Sybiha",
    ),
    (
        "PM Johnson told the committee that the rules had been followed.",
        "2023-03-22",
        "PM Johnson",
        "Rishi Sunak",
    ),
    (
        "European Council President Charles Michel chaired the summit on Thursday.",
        "2025-03-20",
        "European Council President Charles Michel",
        "António Costa",
    ),
]


@pytest.mark.parametrize(("text", "published", "span", "holder"), FIRES)
def test_title_that_does_not_fit_the_date_fires(text, published, span, holder):
    notes = _office_notes(text, published)
    assert len(notes) == 1, [n.explanation for n in notes]
    note = notes[0]
    assert note.severity == "caution"
    assert note.excerpt == span and text[note.start : note.end] == span
    assert holder in note.explanation
    assert "quoting or reusing older material" in note.explanation
    assert note.references and all(r.url.startswith("http") for r in note.references)


QUIET = [
    ("President Zelensky opened the rebuilt bridge over the river.", "2020-06-06"),
    ("Prime Minister Starmer told the conference that the rules would change.", "2025-04-02"),
    ("Chancellor Merz visited the shipyard on Tuesday.", "2025-08-12"),
    ("Former President Poroshenko opened the rebuilt bridge over the river.", "2020-06-06"),
    ("The ex-President Poroshenko opened the rebuilt bridge over the river.", "2020-06-06"),
    ("The plan was drawn up by then-President Poroshenko and later dropped.", "2020-06-06"),
    ("The plan was drawn up by the then president Poroshenko.", "2020-06-06"),
    ("In 2016 President Poroshenko opened a bridge over the same river.", "2020-06-06"),
    ("Poroshenko opened the rebuilt bridge over the river.", "2020-06-06"),
    ("President Poroshenko opened the rebuilt bridge over the river.", None),
    ("The treaty was negotiated under President Obama and dropped later.", "2019-03-01"),
    ("The rule was written by President Obama's administration.", "2019-03-01"),
    ("President Obama thanked the staff who had worked for him.", "2017-02-10"),
    ("Lebanese President Michel Aoun received the envoy.", "2023-03-01"),
    ("Club President Costa thanked the supporters after the final.", "2020-05-01"),
    ("Vice President Biden met the new ambassador.", "2012-06-01"),
    ("First Deputy Prime Minister Zubkov toured the grain terminal.", "2010-09-01"),
    ("Mourners gathered on the anniversary of the death of President Raisi.", "2025-05-19"),
    ("the president putin said", "2010-05-01"),
    ("President Yanukovych, who fled to Russia, gave a news conference.", "2014-06-01"),
    ("Doors open at 7 PM May 2 in the old town hall.", "2023-04-20"),
    ("Shadow Foreign Secretary Lammy questioned the minister.", "2023-04-20"),
    ("The count ended at 11 PM Johnson's agent said.", "2023-04-20"),
]


@pytest.mark.parametrize(("text", "published"), QUIET)
def test_fitting_or_historical_titles_stay_quiet(text, published):
    assert _office_notes(text, published) == []


def test_one_note_per_person_and_office_counting_the_rest():
    text = (
        "Chancellor Merkel opened the fair. Later Chancellor Merkel met the exhibitors.\n\n"
        "Chancellor Merkel also spoke to the press."
    )
    notes = _office_notes(text, "2023-03-02")
    assert len(notes) == 1
    assert notes[0].start == 0 and "2 more time(s)" in notes[0].explanation


def test_the_note_says_what_the_person_did_hold_then():
    notes = _office_notes("President Putin opened the new stadium.", "2010-05-10")
    assert "Dmitry Medvedev" in notes[0].explanation
    assert "On that date Vladimir Putin was Prime Minister of Russia" in notes[0].explanation


def test_a_name_two_holders_share_is_not_pinned_on_either():
    notes = _office_notes("Premier Li opened the trade fair.", "2010-05-10")
    text = notes[0].explanation
    assert "no Premier of the State Council of China was called Li" in text
    assert "Wen Jiabao" in text and "Li Keqiang held it" in text and "Li Qiang held it" in text
    assert "was not yet" not in text


def test_the_scan_is_one_compiled_pattern():
    m = co.build_matcher(load_kb().facts)
    assert isinstance(m.pattern, re.Pattern)
    # every title is one branch of the title trie, not a pattern of its own
    assert m.pattern.pattern.count("(?P<title>") == 1


def test_the_seed_notes_are_unchanged(seed_text, monkeypatch):
    with_facts = [to_dict(analyze(seed_text, published=p))["notes"] for p in (None, "2025-06-01")]
    monkeypatch.setattr(co, "matcher", lambda: None)
    without = [to_dict(analyze(seed_text, published=p))["notes"] for p in (None, "2025-06-01")]
    assert with_facts == without


# --- the API ----------------------------------------------------------------------------------


def test_facts_endpoint_lists_every_fact_with_its_source(client):
    body = client.get("/api/v1/facts").get_json()
    counts = body["counts"]
    assert sum(v for k, v in counts.items() if k != "checked") >= 150
    holders = [h for o in body["offices"] for h in o["holders"]]
    assert len(holders) == counts["office_holders"]
    rows = holders + body["memberships"] + body["treaty_changes"]
    assert all(r["source"].startswith("http") for r in rows)
    assert body["knowledge_version"] == client.get("/api/v1/topics").get_json()["knowledge_version"]


def test_topics_endpoint_counts_the_facts(client):
    facts = client.get("/api/v1/topics").get_json()["facts"]
    assert facts["office_holders"] == load_kb().facts.counts()["office_holders"]


def test_a_broken_facts_file_stops_start_up(monkeypatch):
    from footnote.api import create_app
    from footnote.engine.context import kb
    from footnote.engine.context import scan as context_scan

    def broken(folder=None):
        files = copy.deepcopy(FILES)
        _overlap(files)
        return files

    caches = (kb.load_kb, context_scan.scanner, co.matcher)
    for cached in caches:
        cached.cache_clear()
    monkeypatch.setattr(kb, "read_kb_files", broken)
    try:
        with pytest.raises(KnowledgeBaseError, match="kb/facts/offices.toml.*overlap"):
            create_app({"TESTING": True})
    finally:
        monkeypatch.undo()
        for cached in caches:
            cached.cache_clear()
    assert create_app({"TESTING": True})
