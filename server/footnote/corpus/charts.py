"""The report's charts: the counts behind each one (pandas frames from the corpus tables) and
its Vega-Lite specification, compiled to Vega here so the page needs no compiler step.
"""

from __future__ import annotations

import json

import pandas as pd

from .tables import KINDS

KIND_LABELS = {
    "named_person": "named person",
    "named_organization": "named organisation",
    "unnamed_individual": "unnamed individual",
    "vague_group": "vague group",
    "document": "document",
}
KIND_COLOURS = ["#1b6ca8", "#6aaed6", "#e6550d", "#fdae6b", "#7b6fb0"]
TOP = 15


def _month(dates: pd.Series) -> pd.Series:
    return pd.to_datetime(dates).dt.strftime("%Y-%m")


def outlet_kinds(articles: pd.DataFrame) -> pd.DataFrame:
    """Sources by kind for the outlets with the most sources (one row per outlet and kind)."""
    known = articles.dropna(subset=["outlet"])
    if known.empty:
        return pd.DataFrame(columns=["outlet", "kind", "sources", "share", "articles"])
    per = known.groupby("outlet")[list(KINDS)].sum()
    counts = known.groupby("outlet").size()
    per = per[per.sum(axis=1) > 0]
    top = per.sum(axis=1).sort_values(ascending=False).head(TOP).index
    rows = []
    for host in top:
        total = int(per.loc[host].sum())
        for kind in KINDS:
            n = int(per.loc[host, kind])
            rows.append(
                {
                    "outlet": host,
                    "kind": KIND_LABELS[kind],
                    "sources": n,
                    "share": n / total,
                    "articles": int(counts[host]),
                }
            )
    return pd.DataFrame(rows)


def unnamed_over_time(articles: pd.DataFrame) -> pd.DataFrame:
    """Per month: sources, unnamed sources given no reason, and their share of all sources."""
    dated = articles.dropna(subset=["date"])
    dated = dated[dated["sources"] > 0]
    if dated.empty:
        return pd.DataFrame(columns=["month", "articles", "sources", "without_reason", "share"])
    by = dated.assign(month=_month(dated["date"])).groupby("month")
    frame = pd.DataFrame(
        {
            "articles": by.size(),
            "sources": by["sources"].sum(),
            "without_reason": by["unnamed_without_reason"].sum(),
        }
    ).reset_index()
    frame["share"] = frame["without_reason"] / frame["sources"]
    return frame


def top_topics(notes: pd.DataFrame) -> pd.DataFrame:
    """Context topics by the number of articles with a note on them."""
    topics = notes.dropna(subset=["topic"]).drop_duplicates(["article_id", "topic"])
    counted = topics.groupby("topic").size().sort_values(ascending=False).head(TOP)
    return counted.rename("articles").reset_index()


def top_rules(notes: pd.DataFrame) -> pd.DataFrame:
    """Rules by the number of articles with a note from them."""
    rules = notes.drop_duplicates(["article_id", "rule"])
    counted = rules.groupby(["rule", "category"]).size().rename("articles").reset_index()
    return counted.sort_values(["articles", "rule"], ascending=[False, True]).head(TOP)


def _records(frame: pd.DataFrame) -> list[dict]:
    return json.loads(frame.to_json(orient="records"))


def _spec(frame: pd.DataFrame, spec: dict) -> dict | None:
    """A Vega-Lite chart of `frame`, compiled here to Vega (the page then needs no compiler
    step, and the compiler's notes stay out of the reader's console); None when the frame
    is empty and there is nothing to draw."""
    if frame.empty:
        return None
    import vl_convert

    lite = {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": "container",
        "data": {"values": _records(frame)},
        "config": {"view": {"stroke": None}, "axis": {"labelFontSize": 12, "titleFontSize": 12}},
        **spec,
    }
    return vl_convert.vegalite_to_vega(lite)


def _articles_bars(frame: pd.DataFrame, field: str, mark: dict, colour=None) -> dict | None:
    """Horizontal bars counting articles per `field`, largest first; the tooltip names
    the bar (and its colour's field)."""
    nominal = [field] + ([colour["field"]] if colour else [])
    encoding: dict = {
        "y": {"field": field, "type": "nominal", "sort": "-x", "title": None},
        "x": {"field": "articles", "type": "quantitative", "title": "articles"},
    }
    if colour:
        encoding["color"] = colour
    encoding["tooltip"] = [{"field": f, "type": "nominal"} for f in nominal] + [
        {"field": "articles", "type": "quantitative"}
    ]
    return _spec(frame, {"height": {"step": 24}, "mark": mark, "encoding": encoding})


def build_charts(articles: pd.DataFrame, notes: pd.DataFrame) -> list[dict]:
    """Each chart: heading, the explanation under it, its spec (None when nothing to draw),
    and the numbers behind it as a small table."""
    charts = []

    kinds = outlet_kinds(articles)
    n_outlets = kinds["outlet"].nunique() if not kinds.empty else 0
    charts.append(
        {
            "title": "Who the sources are, outlet by outlet",
            "text": "Each bar is one outlet (the host in the articles' addresses) and splits all "
            "the sources its articles cite into five kinds. Blue parts are sources a reader "
            "can look up: a named person or organisation. Orange parts are unnamed: one "
            "unidentified person, or a vague group such as \u201cofficials\u201d. Purple is "
            "documents and studies. Longer orange parts mean readers are asked to take more "
            "on trust."
            + (f" The {n_outlets} outlets with the most sources are shown." if n_outlets else ""),
            "spec": _spec(
                kinds,
                {
                    "height": {"step": 28},
                    "mark": {"type": "bar"},
                    "encoding": {
                        "y": {
                            "field": "outlet",
                            "type": "nominal",
                            "sort": {"field": "articles", "order": "descending"},
                            "title": None,
                        },
                        "x": {
                            "aggregate": "sum",
                            "field": "sources",
                            "stack": "normalize",
                            "title": "share of sources",
                            "axis": {"format": "%"},
                        },
                        "color": {
                            "field": "kind",
                            "type": "nominal",
                            "title": "kind of source",
                            "sort": [KIND_LABELS[k] for k in KINDS],
                            "scale": {
                                "domain": [KIND_LABELS[k] for k in KINDS],
                                "range": KIND_COLOURS,
                            },
                            "legend": {"orient": "bottom", "columns": 3},
                        },
                        "order": {"field": "order", "type": "quantitative"},
                        "tooltip": [
                            {"field": "outlet", "type": "nominal"},
                            {"field": "kind", "type": "nominal"},
                            {"field": "sources", "type": "quantitative", "aggregate": "sum"},
                            {"field": "articles", "type": "quantitative", "aggregate": "max"},
                        ],
                    },
                    "transform": [
                        {
                            "calculate": "indexof("
                            + json.dumps([KIND_LABELS[k] for k in KINDS])
                            + ", datum.kind)",
                            "as": "order",
                        }
                    ],
                },
            ),
            "table": kinds[["outlet", "kind", "sources"]] if not kinds.empty else None,
            "empty": "No article had a URL, so there are no outlets to compare.",
        }
    )

    time_frame = unnamed_over_time(articles)
    charts.append(
        {
            "title": "Unnamed sources given no reason, month by month",
            "text": "Of all the sources cited in a month's articles, the share that are unnamed "
            "and come with no reason for the anonymity (such as fear of reprisal, or not being "
            "allowed to speak). \u201cRequested anonymity\u201d alone is not counted as a "
            "reason. A rising line means more claims rest on people the reader cannot identify "
            "and is not told why. Months with few articles swing more: hover over a point to "
            "see how many articles it stands on.",
            "spec": _spec(
                time_frame,
                {
                    "height": 260,
                    "mark": {"type": "line", "point": {"color": "#e6550d"}, "color": "#e6550d"},
                    "encoding": {
                        "x": {"field": "month", "type": "temporal", "title": None},
                        "y": {
                            "field": "share",
                            "type": "quantitative",
                            "title": "share of sources",
                            "axis": {"format": "%"},
                            "scale": {"zero": True},
                        },
                        "tooltip": [
                            {"field": "month", "type": "temporal", "timeUnit": "yearmonth"},
                            {"field": "share", "type": "quantitative", "format": ".1%"},
                            {"field": "without_reason", "type": "quantitative"},
                            {"field": "sources", "type": "quantitative"},
                            {"field": "articles", "type": "quantitative"},
                        ],
                    },
                },
            ),
            "table": time_frame if not time_frame.empty else None,
            "empty": "No article with sources had a date, so there is no timeline to draw.",
        }
    )

    topics = top_topics(notes)
    charts.append(
        {
            "title": "The background readers needed most often",
            "text": "Context notes give the background behind a name, agreement or event the "
            "article mentions (for example, whether an agreement is still in force). Each bar "
            "counts the articles that got a note on that topic; the topic names are the "
            "knowledge base's ids (docs/knowledge-base.md).",
            "spec": _articles_bars(topics, "topic", {"type": "bar", "color": "#1b6ca8"}),
            "table": topics if not topics.empty else None,
            "empty": "No article got a context note.",
        }
    )

    rules = top_rules(notes)
    charts.append(
        {
            "title": "What the notes point out",
            "text": "Each note comes from a rule in the catalogue (docs/rules.md). Each bar "
            "counts the articles with at least one note from that rule, coloured by what the "
            "rule looks at: the sourcing, attribution of claims, context, or language.",
            "spec": _articles_bars(
                rules,
                "rule",
                {"type": "bar"},
                colour={
                    "field": "category",
                    "type": "nominal",
                    "scale": {
                        "domain": ["sourcing", "attribution", "context", "language"],
                        "range": ["#e6550d", "#7b6fb0", "#1b6ca8", "#31a354"],
                    },
                    "legend": {"orient": "bottom"},
                },
            ),
            "table": rules if not rules.empty else None,
            "empty": "No article got a note.",
        }
    )
    return charts
