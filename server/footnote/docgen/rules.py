"""Write the rule catalogue as Markdown: `python -m footnote.docgen.rules > docs/rules.md`.

docs/rules.md is generated from the same data the engine reads; a test fails when it is
stale, so regenerate it with the command above after changing data/rules/*.toml.
"""

from __future__ import annotations

import re
import sys

from ..engine.catalogue import CATEGORIES, catalogue

COMMAND = "python -m footnote.docgen.rules > docs/rules.md"
HEADINGS = {
    "sourcing": "Sourcing: who the information comes from",
    "attribution": "Attribution: where the “says who?” is missing",
    "context": "Context: background a reader needs",
    "language": "Language: the writer's own wording",
}


def _md(text: str) -> str:
    # Templates name the values a note fills in; show them as ‹name› for people.
    text = re.sub(r"\{(\w+)\}", r"‹\1›", text)
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", text)


def _example(example: dict) -> str:
    line = f"> {_md(' '.join(example['text'].split()))}"
    if example.get("published"):
        read = f", read on {example['as_of']}" if example.get("as_of") else ""
        line += f"  \n> *(published {example['published']}{read})*"
    return line


def render_markdown(rules: list[dict] | None = None) -> str:
    rules = catalogue() if rules is None else rules
    out = [
        "# Footnote's rules",
        "",
        f"<!-- Generated from server/footnote/data/rules/*.toml by `{COMMAND}`. "
        "Do not edit by hand. -->",
        "",
        "Every note Footnote writes comes from one of these rules. Each rule has a title, an "
        "explanation of why it matters and what a reader can check. Words in ‹angle quotes› "
        "are filled in from the article (for example ‹mention› is the source's own words).",
        "The same list is served as JSON at `GET /api/v1/rules` and as a page at `/rules`.",
        "",
        f"{len(rules)} rules:",
        "",
        "| rule | category | severity | title |",
        "|---|---|---|---|",
    ]
    for r in rules:
        out.append(
            f"| [`{r['id']}`](#{r['id']}) | {r['category']} | {r['severity']} | {_md(r['title'])} |"
        )
    for category in CATEGORIES:
        group = [r for r in rules if r["category"] == category]
        if not group:
            continue
        out += ["", f"## {HEADINGS[category]}"]
        for r in group:
            out += [
                "",
                f'<a id="{r["id"]}"></a>',
                f"### `{r['id']}` — {_md(r['title'])}",
                "",
                f"*Severity: {r['severity']}*",
                "",
                _md(r["explanation"]),
                "",
                f"**What to check:** {_md(r['check'])}",
                "",
                "Fires on:",
                "",
                _example(r["example_fires"]),
                "",
                "Stays quiet on:",
                "",
                _example(r["example_quiet"]),
            ]
    return "\n".join(out) + "\n"


def main() -> int:
    sys.stdout.write(render_markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main())
