"""`footnote corpus` and `footnote report`: reading, partitions, tables, resuming, errors, logs.

The slow tests run one generated corpus of 2,000 invented articles (footnote.corpus.sample)
three ways, in this process, on a local cluster of two worker processes, and on a scheduler the
test starts, and compare the tables.
"""

from __future__ import annotations

import gzip
import json
import logging
from pathlib import Path

import pytest

pytest.importorskip("dask", reason="the corpus extra is not installed")
pytest.importorskip("distributed", reason="the corpus extra is not installed")
pa = pytest.importorskip("pyarrow", reason="the corpus extra is not installed")
pq = pytest.importorskip("pyarrow.parquet")

from footnote.cli import main  # noqa: E402
from footnote.corpus import reader, runner  # noqa: E402
from footnote.corpus.sample import write_corpus  # noqa: E402
from footnote.corpus.tables import TABLES, read_table  # noqa: E402

# Words of the invented corpus that must never reach a log line: the generated articles'
# phrases, and a marker planted in the broken records.
SECRET = "Quillfeather"
CORPUS_PHRASES = ("said on Tuesday", "Lindqvist", "rushed through", "fishing quotas", SECRET)


def _broken_shard(folder: Path) -> None:
    """A shard of records that must land in `errors`, around two good ones."""
    good = {"id": "good-1", "text": "Officials said the ferry would run again in May."}
    lines = [
        json.dumps(good),
        '{"id": "bad-json", "text": "' + SECRET + " went missing",  # unterminated
        json.dumps({"id": "no-text", "title": SECRET}),
        json.dumps({"id": "too-long", "text": (SECRET + " ") * 30_000}),
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps(["a list", SECRET]),
        json.dumps({"id": "bad-date", "text": SECRET + " said so.", "date": "last Tuesday"}),
        "",
        json.dumps({"id": "good-2", "text": "A spokesman said the bridge was closed."}),
    ]
    (folder / "broken.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _no_corpus_text(*texts: str) -> None:
    for text in texts:
        for phrase in CORPUS_PHRASES:
            assert phrase not in text, f"corpus text in the output: {phrase!r}"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus") / "in"
    write_corpus(folder, 2_000, shards=4)
    _broken_shard(folder)
    return folder


def _tables(folder: Path) -> dict:
    return {table: read_table(folder, table) for table in TABLES}


def _run(args: list[str]) -> int:
    return main(["corpus", *args, "--partition-size", "300", "--no-progress"])


@pytest.fixture(scope="module")
def in_process(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("inprocess")
    assert _run([str(corpus), "-o", str(out), "--scheduler", "inprocess"]) == 0
    return out


@pytest.mark.slow
def test_in_process_writes_every_article_and_every_error(in_process):
    tables = _tables(in_process)
    assert tables["articles"].num_rows == 2_002
    ids = tables["articles"]["id"].to_pylist()
    assert len(set(ids)) == len(ids) and {"good-1", "good-2", "a000000"} <= set(ids)
    errors = {r["id"]: r for r in tables["errors"].to_pylist()}
    assert set(errors) == {
        *("broken.jsonl:2", "no-text", "too-long", "empty", "broken.jsonl:6", "bad-date")
    }
    assert errors["no-text"]["reason"].startswith("no text")
    assert errors["too-long"]["reason"].startswith("the text is too long")
    assert errors["broken.jsonl:6"]["reason"] == "a record must be a JSON object"
    assert errors["broken.jsonl:2"]["record"] == 2
    assert errors["broken.jsonl:2"]["reason"].startswith("not valid JSON")
    assert "not a date" in errors["bad-date"]["reason"]
    _no_corpus_text(*(r["reason"] for r in errors.values()))
    # Sources and notes point back at their articles and at their text.
    sources = tables["sources"].to_pylist()
    assert len(sources) == sum(tables["articles"]["sources"].to_pylist())
    assert {s["article_id"] for s in sources} <= set(ids)
    assert all(s["span_end"] - s["span_start"] == len(s["text"]) for s in sources)
    assert tables["notes"].num_rows == sum(tables["articles"]["notes"].to_pylist())


@pytest.mark.slow
def test_local_cluster_and_a_running_scheduler_give_the_same_tables(
    corpus, in_process, tmp_path, capfd, caplog
):
    from distributed import LocalCluster

    caplog.set_level(logging.DEBUG)
    expected = _tables(in_process)

    local = tmp_path / "local"
    assert _run([str(corpus), "-o", str(local), "--scheduler", "local", "--workers", "2"]) == 0
    assert _tables(local) == expected

    remote = tmp_path / "remote"
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        assert _run([str(corpus), "-o", str(remote), "--scheduler", cluster.scheduler_address]) == 0
    assert _tables(remote) == expected

    captured = capfd.readouterr()
    assert "Analysed 2,002 articles (6 errors)" in captured.err
    _no_corpus_text(captured.out, captured.err, caplog.text)


@pytest.mark.slow
def test_a_rerun_rewrites_only_the_missing_shard(corpus, in_process, capsys, caplog):
    caplog.set_level(logging.DEBUG)
    before = {p: p.stat().st_mtime_ns for p in in_process.rglob("*.parquet")}
    expected = _tables(in_process)
    gone = next(p for p in sorted(before) if p.parent.name == "sources")
    gone.unlink()

    summary = runner.run_corpus(
        [str(corpus)],
        in_process,
        settings=runner.Settings(partition_size=300),
        scheduler="inprocess",
    )
    assert summary.rewritten == [gone.stem]
    assert summary.line().endswith(f"{summary.parts - 1} finished partitions skipped.")
    assert summary.skipped == summary.parts - 1
    after = {p: p.stat().st_mtime_ns for p in in_process.rglob("*.parquet")}
    assert set(after) == set(before)
    assert [p for p in after if after[p] != before[p]] == [gone]
    assert _tables(in_process) == expected
    _no_corpus_text(caplog.text, *capsys.readouterr())


def test_partitions_are_stable_and_cover_every_line(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps({"text": f"Line {i}."}) + "\n" for i in range(7)))
    gz = tmp_path / "b.jsonl.gz"
    with gzip.open(gz, "wt") as fh:
        fh.write("".join(json.dumps({"text": f"Zip {i}."}) + "\n" for i in range(5)))
    parts = reader.plan([str(tmp_path)], 3)
    assert [(p.label, p.first, p.count) for p in parts] == [
        ("a.jsonl", 1, 3),
        ("a.jsonl", 4, 3),
        ("a.jsonl", 7, 1),
        ("b.jsonl.gz", 1, 3),
        ("b.jsonl.gz", 4, 2),
    ]
    assert [p.key for p in parts] == [p.key for p in reader.plan([str(tmp_path)], 3)]
    assert parts[0].key == "a.jsonl-00000" and parts[4].key == "b.jsonl.gz-00001"
    texts = [r.text for p in parts for r in reader.read_part(p, reader.Fields(), 1000)]
    assert texts == [f"Line {i}." for i in range(7)] + [f"Zip {i}." for i in range(5)]
    ids = [r.id for r in reader.read_part(parts[1], reader.Fields(), 1000)]
    assert ids == ["a.jsonl:4", "a.jsonl:5", "a.jsonl:6"]


def test_parquet_input_with_other_field_names(tmp_path):
    rows = [
        {"body": f"Officials said plan {i} was ready.", "day": f"2024-03-{i + 1:02d}", "n": i}
        for i in range(10)
    ]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "c.parquet", row_group_size=4)
    out = tmp_path / "out"
    fields = reader.Fields(text="body", date="day", id="n")
    summary = runner.run_corpus(
        [str(tmp_path / "c.parquet")],
        out,
        settings=runner.Settings(fields=fields, partition_size=3, fmt="csv"),
        scheduler="inprocess",
    )
    assert (summary.parts, summary.articles, summary.errors) == (4, 10, 0)
    articles = read_table(out, "articles").to_pylist()
    assert [a["id"] for a in articles] == [str(i) for i in range(10)]
    assert [a["record"] for a in articles] == list(range(1, 11))
    assert str(articles[9]["date"]) == "2024-03-10"
    assert sorted(p.name for p in (out / "articles").iterdir())[0] == "c.parquet-00000.csv"


def test_a_folder_from_other_settings_is_refused(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text(json.dumps({"text": "Officials said so."}) + "\n")
    out = tmp_path / "out"
    assert _run([str(tmp_path / "in"), "-o", str(out)]) == 0
    assert main(["corpus", str(tmp_path / "in"), "-o", str(out), "--partition-size", "5"]) == 2
    assert "other settings" in capsys.readouterr().err
    assert main(["corpus", str(tmp_path / "in"), "-o", str(out), "--partition-size", "5",
                 "--overwrite", "--no-progress"]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["corpus", str(tmp_path / "in"), "-o", str(out), "--partition-size", "5"]) == 0
    assert "Nothing to do: every partition (1) was finished before." in capsys.readouterr().err


def test_missing_input_and_empty_report_folder_are_usage_errors(tmp_path, capsys):
    assert main(["corpus", str(tmp_path / "nothing"), "-o", str(tmp_path / "out")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert main(["report", str(tmp_path)]) == 2
    assert "no tables" in capsys.readouterr().err


def test_one_failing_text_becomes_an_error_row(monkeypatch):
    def analyze(text, **_):
        raise RecursionError("deep")

    monkeypatch.setattr(runner, "analyze", analyze)
    rec = reader.Record("x1", "f.jsonl", 3, text=SECRET + " said so.")
    rows = runner.analyze_records([rec])
    assert rows["articles"] == []
    assert rows["errors"] == [
        {
            "id": "x1",
            "input": "f.jsonl",
            "record": 3,
            "reason": "the engine failed (RecursionError)",
        }
    ]


def test_report_sums_the_tables(tmp_path):
    from footnote.corpus import report

    folder = tmp_path / "in"
    write_corpus(folder, 120, shards=2)
    out = tmp_path / "out"
    runner.run_corpus([str(folder)], out, scheduler="inprocess")
    articles = read_table(out, "articles").to_pandas()
    kinds = report.outlet_kinds(articles)
    assert kinds["sources"].sum() == articles["sources"].sum()
    timeline = report.unnamed_over_time(articles)
    assert timeline["without_reason"].sum() == articles["unnamed_without_reason"].sum()
    assert (timeline["share"] <= 1).all()
    page = report.write_report(out, title="Test <corpus>").read_text(encoding="utf-8")
    assert page.count('data-spec="spec-') == 4
    assert "Test &lt;corpus&gt;" in page and "https://" not in page.split("<script")[0]
    _no_corpus_text(page)


def test_the_frame_function_for_spark_and_ray_gives_the_same_tables(tmp_path):
    import pandas as pd
    from footnote.corpus import frames

    folder = tmp_path / "in"
    write_corpus(folder, 60, shards=1, gz=False)
    out = tmp_path / "out"
    runner.run_corpus([str(folder / "shard-00.jsonl")], out, scheduler="inprocess")
    lines = (folder / "shard-00.jsonl").read_text(encoding="utf-8").splitlines()
    frame = pd.DataFrame([json.loads(line) for line in lines])
    nested = frames.analyze_frame(frame)
    assert nested.schema == frames.BATCH_SCHEMA
    got = frames.split_tables(nested)
    expected = _tables(out)
    place = ["input", "record"]  # where a record sat: a file's line here, a batch's row there
    assert got["articles"].drop_columns(place) == expected["articles"].drop_columns(place)
    assert got["sources"] == expected["sources"] and got["notes"] == expected["notes"]
    # Records without an id, or broken, in a batch as Spark or Ray would pass it.
    odd = pd.DataFrame(
        {
            "text": ["Officials said the pier reopened.", None, "Critics say it is late."],
            "date": ["2024-05-01", "2024-05-02", None],
        }
    )
    nested = frames.analyze_frame(odd, input="batch-7")
    tables = frames.split_tables(nested)
    assert [r["id"][:5] for r in tables["articles"].to_pylist()] == ["sha1:", "sha1:"]
    assert tables["errors"].to_pylist()[0]["reason"].startswith("no text")
    assert tables["errors"].to_pylist()[0]["input"] == "batch-7"
    # What mapInPandas receives back: plain pandas, maps as dicts.
    (batch,) = list(frames.analyze_batches(iter([odd])))
    assert isinstance(batch, pd.DataFrame) and len(batch) == 3


def test_the_footnote_command_does_not_load_dask_or_pyarrow():
    import subprocess
    import sys

    code = (
        "import sys, footnote.cli; footnote.cli.build_parser(); "
        "print(sorted(m for m in ('dask', 'distributed', 'pyarrow', 'pandas') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_report_of_csv_tables_without_urls_or_dates_says_what_it_cannot_draw(tmp_path):
    from footnote.corpus import report

    (tmp_path / "in").mkdir()
    texts = ["Officials said the ferry was late.", "Critics say the port is too small."]
    (tmp_path / "in" / "a.jsonl").write_text("".join(json.dumps({"text": t}) + "\n" for t in texts))
    out = tmp_path / "out"
    settings = runner.Settings(fmt="csv")
    runner.run_corpus([str(tmp_path / "in")], out, settings=settings, scheduler="inprocess")
    page = report.write_report(out, title="Plain").read_text(encoding="utf-8")
    assert "No article had a URL" in page and "No article with sources had a date" in page
    assert "No article got a context note." in page
    assert page.count('data-spec="spec-') == 1  # only the rules chart has data


def test_a_scheduler_that_is_not_one_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": "Officials said so."}) + "\n")
    out = tmp_path / "out"
    assert main(["corpus", str(tmp_path / "a.jsonl"), "-o", str(out), "--scheduler", "lcoal"]) == 2
    assert "--scheduler takes" in capsys.readouterr().err
    assert not out.exists()
