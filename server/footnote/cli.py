"""The `footnote` command: serve the API and page, or analyse files."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from . import __version__
from .engine import analyze, to_dict

_SEVERITY_MARK = {"warning": "!!", "caution": "! ", "info": "i "}


def _report(result: dict, out) -> None:
    print(result["summary"]["headline"], file=out)
    if result["summary"].get("tone"):
        print(result["summary"]["tone"], file=out)
    print(file=out)
    if result["sources"]:
        print("Sources", file=out)
        for s in result["sources"]:
            extra = []
            if s["anonymity_reason"]:
                extra.append(f"reason: {s['anonymity_reason']}")
            if s["relayed_by"]:
                extra.append(f"via {s['relayed_by']}")
            tail = f" ({'; '.join(extra)})" if extra else ""
            kind = s["kind"].replace("_", " ")
            print(f"  {s['id']:>4}  {kind:<19} {s['mention']}{tail}", file=out)
        print(file=out)
    if result["notes"]:
        print("Notes", file=out)
        for n in result["notes"]:
            print(f"  {_SEVERITY_MARK[n['severity']]} [{n['category']}] {n['title']}", file=out)
            if n["excerpt"]:
                excerpt = n["excerpt"] if len(n["excerpt"]) < 90 else n["excerpt"][:87] + "..."
                print(f"       \u201c{excerpt}\u201d", file=out)
            print(f"       {n['explanation']}", file=out)
            print(f"       Check: {n['check']}", file=out)
            for ref in n["references"]:
                print(f"       See: {ref['title']} <{ref['url']}>", file=out)


def _cmd_analyze(args) -> int:
    if args.file == "-":
        text = sys.stdin.read()
    else:
        try:
            with open(args.file, encoding="utf-8") as fh:
                text = fh.read()
        except OSError as exc:
            print(f"footnote: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
            return 2
    if not text.strip():
        print("footnote: the text is empty", file=sys.stderr)
        return 2
    result = to_dict(analyze(text, published=args.published, title=args.title))
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        _report(result, sys.stdout)
    return 0


def _cmd_serve(args) -> int:
    from .app import create_app

    create_app().run(host=args.host, port=args.port, debug=args.debug)
    return 0


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="footnote",
        description="Notes on who a news text's information comes from and what it leaves out.",
    )
    parser.add_argument("--version", action="version", version=f"footnote {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("serve", help="serve the API and the web page")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=5000)
    p.add_argument("--debug", action="store_true", help="Flask's debugger and reloader")
    p.set_defaults(func=_cmd_serve)

    p = sub.add_parser("analyze", help="analyse a text file (or - for standard input)")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="print the API's JSON")
    p.add_argument("--published", type=_date, help="publication date, YYYY-MM-DD")
    p.add_argument("--title")
    p.set_defaults(func=_cmd_analyze)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
