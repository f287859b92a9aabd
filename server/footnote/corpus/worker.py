"""A Dask worker plugin: load the engine's rules and knowledge base once, when a worker starts,
so the first partition on each worker is not slower than the rest."""

from __future__ import annotations

from distributed import WorkerPlugin


class WarmEngine(WorkerPlugin):
    def setup(self, worker) -> None:
        from footnote import analyze

        analyze("Officials said so.")
