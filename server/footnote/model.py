"""Temporary alias of `footnote.engine.model` for the top-level `attribution.py`, which is
being split into a package on another branch; it goes when that package moves into engine/."""

from .engine.model import *  # noqa: F403
from .engine.model import Attribution, Document, Source  # noqa: F401
