"""Footnote: plain-language notes on a news article's sources, attribution gaps and context."""

__version__ = "0.1.0"

from .engine import analyze, to_dict  # noqa: E402

__all__ = ["analyze", "to_dict", "__version__"]
