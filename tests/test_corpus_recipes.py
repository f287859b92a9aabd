"""The recipes in docs/corpus.md, run as written: Spark's mapInPandas, Ray Data's map_batches,
and reading the tables back with polars and DuckDB. Each is skipped where its package is not
installed (none is in the dev extra: pyspark is a 400 MB download and needs Java, ray 70 MB);
the corpus extra's own tests do not depend on them.

Each recipe runs in a subprocess on a small generated corpus and must give the same tables as
`footnote corpus` (ids, sources and notes; `input` and `record` are blank under Spark and Ray).
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("dask", reason="the corpus extra is not installed")

from footnote.corpus import run_corpus  # noqa: E402
from footnote.corpus.sample import write_corpus  # noqa: E402
from footnote.corpus.tables import read_table  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "corpus.md"


def recipe(name: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    found = re.search(rf"<!-- recipe: {name} -->\n```python\n(.*?)\n```", text, re.S)
    assert found, f"no {name} recipe in docs/corpus.md"
    return found.group(1)


def needs(module: str):
    return pytest.mark.skipif(
        importlib.util.find_spec(module) is None, reason=f"{module} is not installed"
    )


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    root = tmp_path_factory.mktemp("recipes")
    write_corpus(root / "corpus", 300, shards=3)
    run_corpus([str(root / "corpus")], root / "reference", scheduler="inprocess")
    return root


def run_recipe(name: str, root: Path, tables: Path) -> None:
    code = recipe(name)
    line = 'corpus, tables = "corpus/", "tables/"'
    assert line in code
    code = code.replace(
        line, f"corpus, tables = {str(root / 'corpus') + '/'!r}, {str(tables) + '/'!r}"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]


def rows(folder: Path, table: str, key: list[str]) -> list[dict]:
    data = read_table(folder, table).to_pylist()
    for row in data:
        row.pop("input", None), row.pop("record", None)
        if isinstance(row.get("notes_by_rule"), list):
            row["notes_by_rule"] = sorted(row["notes_by_rule"])
    return sorted(data, key=lambda r: [str(r[k]) for k in key])


def same_tables(got: Path, expected: Path) -> None:
    for table, key in (
        ("articles", ["id"]),
        ("sources", ["article_id", "source_id"]),
        ("notes", ["article_id", "note_id"]),
    ):
        assert rows(got, table, key) == rows(expected, table, key), table
    assert read_table(got, "errors").num_rows == 0


@pytest.mark.slow
@needs("pyspark")
def test_spark_recipe(reference, tmp_path):
    run_recipe("spark", reference, tmp_path / "tables")
    same_tables(tmp_path / "tables", reference / "reference")
    from footnote.corpus.report import write_report

    assert write_report(tmp_path / "tables", title="Spark").stat().st_size > 100_000


@pytest.mark.slow
@needs("ray")
def test_ray_recipe(reference, tmp_path):
    run_recipe("ray", reference, tmp_path / "tables")
    same_tables(tmp_path / "tables", reference / "reference")


def _snippet(lang: str, starts: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    blocks = re.findall(rf"```{lang}\n(.*?)\n```", text, re.S)
    return next(b for b in blocks if b.startswith(starts))


@needs("polars")
def test_polars_snippet(reference, monkeypatch, capsys):
    monkeypatch.chdir(reference)
    (reference / "tables").unlink(missing_ok=True)
    (reference / "tables").symlink_to(reference / "reference")
    exec(_snippet("python", "import polars"), {})
    assert "vague_group" in capsys.readouterr().out


@needs("duckdb")
def test_duckdb_snippets(reference, monkeypatch):
    import duckdb

    monkeypatch.chdir(reference)
    (reference / "tables").unlink(missing_ok=True)
    (reference / "tables").symlink_to(reference / "reference")
    sql = _snippet("sql", "SELECT")
    for statement in (s for s in sql.split(";") if s.strip()):
        statement = "\n".join(x for x in statement.splitlines() if not x.startswith("--"))
        assert duckdb.sql(statement).fetchall()
