"""Footnote over a corpus: JSON lines or Parquet in, Parquet or CSV tables out, on Dask.

Needs the optional extra: `pip install 'footnote[corpus]'`. See docs/corpus.md. Importing this
package is cheap (the `footnote` command registers its subcommands from `.cli`); the names
below load Dask and pyarrow when first used.
"""

from __future__ import annotations

_NAMES = {
    "Fields": "reader",
    "PlanError": "reader",
    "RunError": "runner",
    "Settings": "runner",
    "analyze_records": "runner",
    "run_corpus": "runner",
    "write_report": "report",
}
__all__ = sorted(_NAMES)


def __getattr__(name: str):
    if name not in _NAMES:
        raise AttributeError(name)
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{_NAMES[name]}"), name)
