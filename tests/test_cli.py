import json

import pytest
from footnote import __version__
from footnote.cli import main


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_analyze_file_report(tmp_path, capsys, seed_text):
    path = tmp_path / "article.txt"
    path.write_text(seed_text, encoding="utf-8")
    assert main(["analyze", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("14 sources:")
    assert "Sources" in out and "Notes" in out and "Check:" in out


def test_analyze_json_from_stdin(monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("Officials said the talks failed."))
    assert main(["analyze", "-", "--json", "--published", "2024-01-02"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["sources"][0]["mention"] == "Officials"
    assert body["meta"]["published"] == "2024-01-02"


def test_analyze_missing_file(capsys):
    assert main(["analyze", "/nonexistent/file.txt"]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_analyze_empty_text(tmp_path, capsys):
    path = tmp_path / "empty.txt"
    path.write_text("  \n", encoding="utf-8")
    assert main(["analyze", str(path)]) == 2
    assert "empty" in capsys.readouterr().err


def test_bad_date_is_a_usage_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Hello.", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["analyze", str(path), "--published", "yesterday"])
    assert exit_.value.code == 2
