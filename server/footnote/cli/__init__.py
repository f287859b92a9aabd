"""The `footnote` command: serve the API and page, or analyse files."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date

from .._version import __version__
from ..engine import analyze, parse_date, to_dict
from .report import render_report


def _cmd_analyze(args) -> int:
    if args.jsonl or len(args.files) > 1:
        return _cmd_batch(args)
    path = args.files[0] if args.files else "-"
    if path == "-":
        text = sys.stdin.read()
    else:
        try:
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
        except (OSError, UnicodeDecodeError) as exc:
            print(f"footnote: cannot read {path}: {_why(exc)}", file=sys.stderr)
            return 2
    if not text.strip():
        print("footnote: the text is empty", file=sys.stderr)
        return 2
    result = to_dict(analyze(text, published=args.published, title=args.title, as_of=_today(args)))
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        render_report(result, sys.stdout)
    return 0


def _cmd_batch(args) -> int:
    from .batch import run_batch

    return run_batch(
        args.files or ["-"],
        jsonl=args.jsonl,
        as_json=args.json or args.jsonl,
        published=args.published,
        title=args.title,
        as_of=_today(args),
        jobs=args.jobs,
        out=sys.stdout,
        err=sys.stderr,
        progress=sys.stderr.isatty() if args.progress is None else args.progress,
    )


def _today(args) -> date:
    """The reader's date: --as-of, or today. The CLI reads the clock; the engine never does."""
    return args.as_of or date.today()


def _why(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    return getattr(exc, "strerror", None) or type(exc).__name__


def _cmd_serve(args) -> int:
    from ..api import serving
    from ..api.settings import Settings, SettingsError

    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        print(f"footnote: {exc}", file=sys.stderr)
        return 2
    host = args.host or settings.host
    port = args.port or settings.port
    try:
        if args.debug:
            serving.run_dev_server(settings, host=host, port=port)
        else:
            serving.run_gunicorn(
                settings, host=host, port=port, workers=args.workers or settings.workers
            )
    except (ValueError, OSError) as exc:
        # A setting the app refused (SettingsError), a data file that does not validate
        # (each loader's error names the file and key) or is missing (the error names the
        # path): one line, no traceback.
        print(f"footnote: cannot start: {exc}", file=sys.stderr)
        return 2
    return 0


def _port(value: str) -> int:
    port = _positive(value)
    if port > 65535:
        raise argparse.ArgumentTypeError(f"not a port (1-65535): {value!r}")
    return port


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return number


def _date(value: str) -> date:
    try:
        return parse_date(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="footnote",
        description="Notes on who a news text's information comes from and what it leaves out.",
    )
    parser.add_argument("--version", action="version", version=f"footnote {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser(
        "serve",
        help="serve the API and the web page (gunicorn)",
        description="Serve the API and the web page with gunicorn. Defaults come from the "
        "FOOTNOTE_* environment variables (docs/deploy.md).",
    )
    p.add_argument("--host", help="address to bind (FOOTNOTE_HOST, default 127.0.0.1)")
    p.add_argument("--port", type=_port, help="port (FOOTNOTE_PORT, default 5000)")
    p.add_argument(
        "--workers", type=_positive, help="worker processes (FOOTNOTE_WORKERS, default: cores)"
    )
    p.add_argument(
        "--debug",
        action="store_true",
        help="Flask's development server with debugger and reloader instead of gunicorn",
    )
    p.set_defaults(func=_cmd_serve)

    p = sub.add_parser(
        "analyze",
        help="analyse text files, a JSONL stream, or standard input",
        description="One file: a readable report (or the API's JSON with --json). Several "
        "files: a report for each (or, with --json, one JSON line per text). --jsonl: JSON "
        "lines in, JSON lines out. Batches use every core and end with a summary on standard "
        "error; the exit status is 1 when any text failed.",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="text files; - or none: stdin")
    p.add_argument("--json", action="store_true", help="print the API's JSON")
    p.add_argument(
        "--jsonl",
        action="store_true",
        help='input is JSON lines: {"text", "published"?, "title"?, "id"?} per line',
    )
    p.add_argument("--published", type=_date, help="publication date, YYYY-MM-DD")
    p.add_argument(
        "--as-of",
        type=_date,
        help="the reader's date, YYYY-MM-DD (default: today); on an older article, context "
        "notes say first what changed since it was published",
    )
    p.add_argument("--title")
    p.add_argument("--jobs", type=_positive, help="processes for a batch (default: cores)")
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: only when stderr is a terminal)",
    )
    p.set_defaults(func=_cmd_analyze)

    from footnote.corpus.cli import add_commands  # `corpus` and `report` (docs/corpus.md)

    add_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        # The reader went away ("footnote analyze --json a.txt | head"): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
