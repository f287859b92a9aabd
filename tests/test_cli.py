"""The `footnote` command: serve options, the single-file report, and batch mode."""

import io
import json

import pytest
from footnote import __version__, cli
from footnote._system import cpu_count
from footnote.cli import main
from footnote.cli.batch import Progress, run_batch


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


@pytest.fixture
def texts(tmp_path, seed_text):
    paths = []
    for i in range(3):
        p = tmp_path / f"a{i}.txt"
        p.write_text(seed_text, encoding="utf-8")
        paths.append(str(p))
    return paths


def test_single_file_keeps_the_readable_report(texts, capsys):
    assert cli.main(["analyze", texts[0]]) == 0
    out = capsys.readouterr().out
    assert out.strip() and not out.lstrip().startswith("{")


def test_single_file_json(texts, capsys, seed_text):
    assert cli.main(["analyze", "--json", texts[0]]) == 0
    assert json.loads(capsys.readouterr().out)["meta"]["characters"] == len(seed_text)


def test_many_files_give_json_lines_in_order_and_a_summary(texts, tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    args = ["analyze", "--json", *texts, str(empty), str(tmp_path / "missing.txt")]
    assert cli.main(args) == 1  # some failed
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert [line["id"] for line in lines] == [*texts, str(empty), str(tmp_path / "missing.txt")]
    assert all("result" in line for line in lines[:3])
    assert lines[3]["error"]["message"] == "the text is empty"
    assert lines[4]["error"]["code"] == "invalid_input"
    assert "Analysed 3 of 5 texts" in captured.err
    assert "2 failed" in captured.err
    assert "\r" not in captured.err  # no progress bar when stderr is not a terminal


def test_many_files_readable(texts, capsys):
    assert cli.main(["analyze", *texts[:2]]) == 0
    out = capsys.readouterr().out
    assert out.count("== ") == 2


def test_jsonl_records_use_their_own_fields(tmp_path, seed_text):
    records = [
        {"id": "first", "text": seed_text, "published": "2021-06-01"},
        {"text": "Officials said the bridge would reopen.", "title": "Bridge"},
        "not an object",
        {"text": "Hi.", "published": "June"},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n\n{broken\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = run_batch(
        [str(path)],
        jsonl=True,
        as_json=True,
        published=None,
        title=None,
        jobs=2,
        out=out,
        err=err,
        progress=False,
    )
    assert code == 1
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["id"] for line in lines] == ["first", 2, 3, 4, 6]
    assert lines[0]["result"]["meta"]["published"] == "2021-06-01"
    assert "result" in lines[1]
    assert "error" in lines[2] and "error" in lines[3] and "error" in lines[4]
    assert "Analysed 2 of 5 texts" in err.getvalue()
    assert "2 processes" in err.getvalue()


def test_jsonl_from_stdin(monkeypatch, capsys):
    stream = io.StringIO(json.dumps({"text": "Officials said so."}) + "\n")
    monkeypatch.setattr("sys.stdin", stream)
    assert cli.main(["analyze", "--jsonl"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["id"] == 1


def test_progress_bar_draws_on_a_terminal_only():
    stream = io.StringIO()
    bar = Progress(4, stream, enabled=True)
    for _ in range(4):
        bar.advance()
    bar.close()
    assert "4/4 [" in stream.getvalue()
    quiet = io.StringIO()
    bar = Progress(4, quiet, enabled=False)
    bar.advance()
    assert quiet.getvalue() == ""


def test_serve_runs_gunicorn_with_core_count_workers(monkeypatch):
    calls = {}
    monkeypatch.setattr("footnote.api.serving.run_gunicorn", lambda s, **kw: calls.update(kw))
    assert cli.main(["serve"]) == 0
    assert calls == {"host": "127.0.0.1", "port": 5000, "workers": cpu_count()}
    monkeypatch.setenv("FOOTNOTE_WORKERS", "5")
    cli.main(["serve", "--port", "5401"])
    assert calls["workers"] == 5 and calls["port"] == 5401
    cli.main(["serve", "--workers", "3"])
    assert calls["workers"] == 3


def test_serve_debug_runs_the_reloader(monkeypatch):
    calls = {}
    monkeypatch.setattr("footnote.api.serving.run_dev_server", lambda s, **kw: calls.update(kw))
    assert cli.main(["serve", "--debug", "--port", "5402"]) == 0
    assert calls == {"host": "127.0.0.1", "port": 5402}


def test_serve_refuses_bad_settings(monkeypatch, capsys):
    monkeypatch.setenv("FOOTNOTE_RATE_LIMIT", "many")
    assert cli.main(["serve"]) == 2
    assert "FOOTNOTE_RATE_LIMIT" in capsys.readouterr().err


def test_gunicorn_options():
    from footnote.api.serving import PrivateGunicornLogger, gunicorn_options
    from footnote.api.settings import Settings

    opts = gunicorn_options(Settings(), host="127.0.0.1", port=5403, workers=2)
    assert opts["bind"] == "127.0.0.1:5403" and opts["workers"] == 2
    assert opts["accesslog"] is None and opts["logger_class"] is PrivateGunicornLogger
    # threads, so a slow client holds a thread and not the worker; preloaded before forking
    assert opts["worker_class"] == "footnote.api.serving.FootnoteWorker"
    assert opts["threads"] == 4 and opts["preload_app"] is True


def test_port_out_of_range_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--port", "99999"])
    assert exit_.value.code == 2
    assert "not a port" in capsys.readouterr().err


def test_serve_stops_with_one_line_on_a_broken_data_file(monkeypatch, capsys):
    # run_gunicorn's logging setup would bind the root logger to this test's captured stderr
    monkeypatch.setattr("footnote.api.serving.configure_logging", lambda level: None)
    from footnote.engine.context.kb import KnowledgeBaseError

    def broken():
        raise KnowledgeBaseError("kb/outlets.toml: [outlets.tass] name: expected a string")

    monkeypatch.setattr("footnote.api.create_app", broken)
    monkeypatch.setattr("footnote.api.serving._Gunicorn.run", lambda self: None)
    assert cli.main(["serve", "--port", "5404"]) == 2
    err = capsys.readouterr().err
    assert "kb/outlets.toml" in err and "Traceback" not in err


def test_serve_builds_the_app_before_gunicorn_forks(monkeypatch):
    # run_gunicorn's logging setup would bind the root logger to this test's captured stderr
    monkeypatch.setattr("footnote.api.serving.configure_logging", lambda level: None)
    built = []
    monkeypatch.setattr("footnote.api.create_app", lambda: built.append(1) or "app")
    ran = []
    monkeypatch.setattr("footnote.api.serving._Gunicorn.run", lambda self: ran.append(self.app))
    assert cli.main(["serve", "--port", "5405"]) == 0
    assert built == [1] and ran == ["app"]


def test_serve_stops_with_one_line_on_a_missing_data_file(monkeypatch, capsys):
    # run_gunicorn's logging setup would bind the root logger to this test's captured stderr
    monkeypatch.setattr("footnote.api.serving.configure_logging", lambda level: None)

    def missing():
        raise FileNotFoundError(2, "No such file or directory", "data/kb/outlets.toml")

    monkeypatch.setattr("footnote.api.create_app", missing)
    assert cli.main(["serve", "--port", "5406"]) == 2
    assert "data/kb/outlets.toml" in capsys.readouterr().err
