"""Footnote: plain-language notes on a news article's sources, attribution gaps and context."""

from ._version import __version__
from .engine import analyze, to_dict

__all__ = ["analyze", "to_dict", "__version__"]
