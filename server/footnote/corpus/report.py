"""`footnote report TABLES_DIR`: one self-contained HTML page of charts from a corpus run.

The charts are Vega-Lite specifications drawn in the page by Vega-Embed. The JavaScript comes
from the `vl-convert-python` package (`vl_convert.javascript_bundle`), which bundles Vega,
Vega-Lite and Vega-Embed offline, and is inlined: the page needs no network to open. The page
holds counts, outlet hosts, months, rule and topic ids; never an article's text.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pandas as pd

from .charts import (
    KIND_COLOURS,
    KIND_LABELS,
    TOP,
    build_charts,
    outlet_kinds,
    top_rules,
    top_topics,
    unnamed_over_time,
)
from .tables import read_table

__all__ = [
    "KIND_COLOURS",
    "KIND_LABELS",
    "TOP",
    "ReportError",
    "outlet_kinds",
    "render",
    "top_rules",
    "top_topics",
    "unnamed_over_time",
    "write_report",
]


class ReportError(ValueError):
    """The folder holds no run to report on; the message is safe to print."""


# Draws every chart whose spec sits in a <script type="application/json"> named by its holder's
# data-spec, and marks the holder data-drawn="yes" (or "failed") so a reader and a test can tell.
# `javascript_bundle` puts `vegaEmbed` in the snippet's scope (the snippet may not import).
_DRAW = """
for (const holder of document.querySelectorAll("[data-spec]")) {
  const spec = JSON.parse(document.getElementById(holder.dataset.spec).textContent);
  vegaEmbed(holder, spec, {actions: false, renderer: "svg"})
    .then(() => { holder.dataset.drawn = "yes"; })
    .catch((err) => {
      holder.dataset.drawn = "failed";
      holder.textContent = "This chart could not be drawn: " + err.message;
    });
}
"""

_STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; color: #1d1d1f; margin: 0; background: #f6f5f2; }
main { max-width: 960px; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
.lede { color: #4a4a4f; margin: 0 0 1.25rem; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: .75rem;
  margin: 0 0 1.5rem; padding: 0; list-style: none; }
.stats li { background: #fff; border-radius: 8px; padding: .6rem .8rem; }
.stats b { display: block; font-size: 1.4rem; }
figure { background: #fff; border-radius: 8px; margin: 0 0 1.5rem; padding: 1rem 1.2rem; }
figure h2 { font-size: 1.15rem; margin: 0 0 .5rem; }
figcaption { color: #333; max-width: 70ch; }
.chart { min-height: 120px; }
/* Vega-Embed makes its holder inline-block, which would leave a "container" width of 0. */
.chart.vega-embed { display: block; width: 100%; }
.empty { color: #555; font-style: italic; }
details { margin-top: .5rem; font-size: .9rem; }
table { border-collapse: collapse; margin-top: .4rem; }
td, th { padding: .15rem .6rem; border-bottom: 1px solid #ddd; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
footer { color: #555; font-size: .85rem; }
"""


def _table_html(frame: pd.DataFrame) -> str:
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    body = []
    for row in frame.itertuples(index=False):
        cells = []
        for value in row:
            if isinstance(value, float):
                cells.append(f'<td class="n">{value:.3f}</td>')
            elif isinstance(value, int):
                cells.append(f'<td class="n">{value:,}</td>')
            else:
                cells.append(f"<td>{html.escape(str(value))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _script_json(value) -> str:
    # Inside <script>, "</" could end the element early; "<\/" is the same JSON string.
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


def render(folder: Path, title: str) -> str:
    articles = read_table(folder, "articles").to_pandas()
    notes = read_table(folder, "notes", ["article_id", "rule", "category", "topic"]).to_pandas()
    errors = read_table(folder, "errors", ["id"]).num_rows
    if articles.empty and not errors:
        raise ReportError(f"{folder} holds no tables from `footnote corpus`")
    sources = int(articles["sources"].sum()) if not articles.empty else 0
    unnamed = int(articles["unnamed"].sum()) if not articles.empty else 0
    dates = articles["date"].dropna()
    span = f"{dates.min()} to {dates.max()}" if not dates.empty else "no dates"
    versions = sorted(
        set(zip(articles["engine_version"], articles["knowledge_version"], strict=True))
    )
    stats = [
        ("articles", f"{len(articles):,}"),
        ("records that failed", f"{errors:,}"),
        ("outlets", f"{articles['outlet'].nunique():,}"),
        ("sources", f"{sources:,}"),
        ("of them unnamed", f"{unnamed / sources:.0%}" if sources else "none"),
        ("notes", f"{len(notes):,}"),
    ]
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body><main>",
        f"<h1>{html.escape(title)}</h1>",
        f'<p class="lede">What Footnote found in {len(articles):,} articles ({html.escape(span)})'
        ": who their information comes from, and what background they needed.</p>",
        '<ul class="stats">'
        + "".join(f"<li><b>{v}</b>{html.escape(k)}</li>" for k, v in stats)
        + "</ul>",
    ]
    for number, chart in enumerate(build_charts(articles, notes), 1):
        parts.append(f'<figure id="figure-{number}"><h2>{html.escape(chart["title"])}</h2>')
        if chart["spec"] is None:
            parts.append(f'<p class="empty">{html.escape(chart["empty"])}</p>')
        else:
            parts.append(
                f'<div class="chart" data-spec="spec-{number}" role="img" '
                f'aria-label="{html.escape(chart["title"])}"></div>'
                f'<script type="application/json" id="spec-{number}">'
                f"{_script_json(chart['spec'])}</script>"
            )
        parts.append(f"<figcaption>{html.escape(chart['text'])}</figcaption>")
        if chart["table"] is not None:
            numbers = _table_html(chart["table"])
            parts.append(f"<details><summary>The numbers</summary>{numbers}</details>")
        parts.append("</figure>")
    version_text = "; ".join(f"engine {e}, knowledge base {k}" for e, k in versions)
    parts.append(
        f"<footer>Made with Footnote ({html.escape(version_text or 'no articles')}) from "
        "the tables of <code>footnote corpus</code>; docs/corpus.md explains each column. "
        "Notes describe what the articles do; they do not judge them.</footer>"
    )
    parts.append("</main>")
    parts.append(f'<script type="module">{_bundle()}</script></body></html>')
    return "\n".join(parts)


def _bundle() -> str:
    import vl_convert

    return vl_convert.javascript_bundle(_DRAW).replace("</script", "<\\/script")


def write_report(tables: str | Path, out: str | Path | None = None, *, title: str) -> Path:
    """Write the report for the run in `tables`; returns the file's path."""
    folder = Path(tables)
    if not (folder / "articles").is_dir():
        raise ReportError(f"{folder} holds no tables from `footnote corpus` (no articles/)")
    path = Path(out) if out else folder / "report.html"
    page = render(folder, title)
    path.write_text(page, encoding="utf-8")
    return path
