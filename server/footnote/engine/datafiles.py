"""What the engine's single-file data share: reading one from the package (data/gaps.toml,
data/claims.toml, data/clutter.toml), and, for files with a [settings] table and a list of
named tables (claims, clutter), the errors that name what is missing."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources


def read_data(name: str) -> dict:
    """The parsed TOML file `name` in the package's data folder."""
    raw = (resources.files("footnote") / "data" / name).read_text(encoding="utf-8")
    return tomllib.loads(raw)


def settings_and_tables(
    data: dict, file: str, table: str, error: type[ValueError]
) -> tuple[dict, list]:
    """The file's [settings] and its non-empty list of [[table]] tables, or `error`."""
    settings = data.get("settings")
    if not isinstance(settings, dict):
        raise error(f"{file}: [settings] is missing")
    tables = data.get(table)
    if not isinstance(tables, list) or not tables:
        raise error(f"{file}: no [[{table}]] tables")
    return settings, tables


@contextmanager
def settings_needed(file: str, error: type[ValueError]) -> Iterator[None]:
    """Inside it, a key missing from [settings] (a KeyError) is `error` naming the key."""
    try:
        yield
    except KeyError as exc:
        raise error(f"{file}: [settings] needs {exc.args[0]!r}") from exc
