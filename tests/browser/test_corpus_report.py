"""`footnote report` in a real headless Chromium: every chart drawn, offline, nothing in the
console. The page is opened from a file, as a researcher would open it."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("dask", reason="the corpus extra is not installed")
pytest.importorskip("vl_convert", reason="the corpus extra is not installed")

from footnote.corpus import run_corpus, write_report  # noqa: E402
from footnote.corpus.sample import write_corpus  # noqa: E402

pytestmark = pytest.mark.browser

# Per chart: the Vega mark groups that hold its data marks.
MARKS = """holder => ({
  drawn: holder.dataset.drawn,
  width: holder.querySelector("svg")?.getBoundingClientRect().width ?? 0,
  marks: holder.querySelectorAll(
    "g.mark-rect.role-mark path, g.mark-line.role-mark path, g.mark-symbol.role-mark path"
  ).length,
})"""


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("report")
    write_corpus(root / "in", 400, shards=2)
    run_corpus([str(root / "in")], root / "tables", scheduler="inprocess")
    return write_report(root / "tables", title="Sourcing in a test corpus")


def draw(browser, report: Path, *, width: int = 1000):
    page = browser.new_page(viewport={"width": width, "height": 900})
    console, requests = [], []
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(report.as_uri())
    page.wait_for_function(
        "[...document.querySelectorAll('[data-spec]')].every(h => h.dataset.drawn)"
    )
    return page, console, requests


def test_every_chart_is_drawn_offline_without_console_messages(browser, report, tmp_path):
    page, console, requests = draw(browser, report)
    charts = [page.evaluate(MARKS, h) for h in page.query_selector_all("[data-spec]")]
    assert len(charts) == 4
    for chart in charts:
        assert chart["drawn"] == "yes"
        assert chart["width"] > 500  # the chart fills its card, not a zero-width box
        assert chart["marks"] > 0
    assert console == []
    assert requests == [report.as_uri()]  # nothing fetched: scripts and data are inline
    # Each chart's numbers are there for those who would rather read them.
    page.click("#figure-1 summary")
    assert page.locator("#figure-1 details table tbody tr").count() == charts[0]["marks"]
    page.screenshot(path=tmp_path / "report.png", full_page=True)
    assert (tmp_path / "report.png").stat().st_size > 20_000
    page.close()


def test_charts_fit_a_phone(browser, report):
    page, console, _ = draw(browser, report, width=390)
    widths = [page.evaluate(MARKS, h)["width"] for h in page.query_selector_all("[data-spec]")]
    assert all(0 < w <= 390 for w in widths)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert console == []
    page.close()
