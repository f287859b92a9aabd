"""`footnote corpus` and `footnote report`: registered on the main parser by `add_commands`.

Nothing here imports Dask or pyarrow until a command runs, so `footnote` works without the
`corpus` extra and says what to install when a corpus command needs it.
"""

from __future__ import annotations

import argparse
import logging
import sys

EXTRA_HINT = "footnote: this command needs the corpus extra: pip install 'footnote[corpus]'"


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return number


def add_commands(sub) -> None:
    """Add `corpus` and `report` to the `footnote` command's subparsers."""
    p = sub.add_parser(
        "corpus",
        help="analyse a corpus (JSON lines or Parquet) into Parquet tables, on Dask",
        description="Analyse every article of a corpus: JSON-lines files (plain or .gz) and "
        "Parquet files, or folders of them. Writes the tables articles/, sources/, notes/ and "
        "errors/ under --out, one shard per partition; a rerun skips finished shards. "
        "See docs/corpus.md.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="corpus files or folders")
    p.add_argument("--out", "-o", required=True, metavar="DIR", help="folder for the tables")
    p.add_argument(
        "--scheduler",
        default="auto",
        metavar="WHERE",
        help="inprocess, local (a local cluster), a scheduler address such as "
        "tcp://host:8786, or auto (default: in-process below 2,000 articles, else local)",
    )
    p.add_argument(
        "--workers",
        type=_positive,
        metavar="N",
        help="worker processes of a local cluster (default: cores)",
    )
    p.add_argument(
        "--partition-size",
        type=_positive,
        default=1000,
        metavar="N",
        help="articles per partition (default 1000; see docs/corpus.md)",
    )
    p.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    p.add_argument(
        "--max-chars",
        type=_positive,
        default=200_000,
        metavar="N",
        help="longer texts go to errors (default 200,000, as the API)",
    )
    for name, default in (("text", "text"), ("date", "date"), ("title", "title"), ("url", "url")):
        p.add_argument(f"--{name}-field", default=default, metavar="NAME", help=f"default {name}")
    p.add_argument("--id-field", default="id", metavar="NAME", help="default id")
    p.add_argument(
        "--overwrite", action="store_true", help="start again in a folder that holds a run"
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: only when stderr is a terminal)",
    )
    p.set_defaults(func=_cmd_corpus)

    p = sub.add_parser(
        "report",
        help="a self-contained HTML report with charts from a corpus run's tables",
        description="Read the tables that `footnote corpus` wrote and write one HTML file with "
        "charts (no network needed to view it).",
    )
    p.add_argument("tables", metavar="TABLES_DIR", help="the --out folder of `footnote corpus`")
    p.add_argument(
        "--out", "-o", metavar="FILE", help="where to write (default: TABLES_DIR/report.html)"
    )
    p.add_argument("--title", default="Sourcing in a corpus", help="the page's heading")
    p.set_defaults(func=_cmd_report)


def _quiet_dask_logs() -> None:
    # Dask's start-up chatter is not for this command's reader; its warnings still show.
    for name in ("distributed", "dask"):
        logging.getLogger(name).setLevel(logging.WARNING)


def _cmd_corpus(args) -> int:
    try:
        from .reader import Fields, PlanError
        from .runner import RunError, Settings, run_corpus
    except ImportError:
        print(EXTRA_HINT, file=sys.stderr)
        return 2
    _quiet_dask_logs()
    settings = Settings(
        fields=Fields(
            text=args.text_field,
            date=args.date_field,
            title=args.title_field,
            url=args.url_field,
            id=args.id_field,
        ),
        partition_size=args.partition_size,
        max_chars=args.max_chars,
        fmt=args.format,
    )
    show = sys.stderr.isatty() if args.progress is None else args.progress
    try:
        summary = run_corpus(
            args.inputs,
            args.out,
            settings=settings,
            scheduler=args.scheduler,
            workers=args.workers,
            overwrite=args.overwrite,
            progress=sys.stderr if show else None,
        )
    except (PlanError, RunError) as exc:
        print(f"footnote: {exc}", file=sys.stderr)
        return 2
    print(summary.line(), file=sys.stderr)
    if summary.errors:
        print(f"Each failed record and its reason: {args.out}/errors/", file=sys.stderr)
    return 0


def _cmd_report(args) -> int:
    try:
        from .report import ReportError, write_report
    except ImportError:
        print(EXTRA_HINT, file=sys.stderr)
        return 2
    try:
        path = write_report(args.tables, args.out, title=args.title)
    except ReportError as exc:
        print(f"footnote: {exc}", file=sys.stderr)
        return 2
    print(f"Wrote {path}", file=sys.stderr)
    return 0
