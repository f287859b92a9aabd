"""The plain-text report `footnote analyze` prints for one text (single file or batch)."""

from __future__ import annotations

from typing import TextIO

_SEVERITY_MARK = {"warning": "!!", "caution": "! ", "info": "i "}


def render_report(result: dict, out: TextIO) -> None:
    """Print an analysis (the API's JSON shape) as the plain-text report of `footnote analyze`."""
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
            if s["relayed_by"] and s["relayed_by"] not in s["mention"]:
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
