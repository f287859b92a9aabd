"""A time budget for one analysis, checked cooperatively.

The engine reads no clock of its own: `analyze()` is handed a clock (a callable returning
seconds, such as time.monotonic) and a budget, and the stages call `check()` between steps
and inside their long loops. Past the budget, `check()` raises OutOfTime and the analysis
stops; the caller (the API) turns that into its documented error. Without a clock, `check()`
does nothing, so tests, the CLI and the golden files never depend on speed.

The deadline lives in a context variable for the duration of one `analyze()` call, so a
loop deep in a stage can check it without every function passing it along.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Clock = Callable[[], float]

_DEADLINE: ContextVar[tuple[Clock, float] | None] = ContextVar("footnote_deadline", default=None)


class OutOfTime(Exception):
    """The analysis ran past its time budget and was stopped."""

    def __init__(self, budget: float):
        super().__init__(f"the analysis ran past its time budget of {budget:g} s")
        self.budget = budget


_BUDGET: ContextVar[float] = ContextVar("footnote_budget", default=0.0)


@contextmanager
def deadline(clock: Clock | None, budget: float | None) -> Iterator[None]:
    """Within this block, `check()` raises OutOfTime once clock() passes now + budget."""
    if clock is None or budget is None:
        token = _DEADLINE.set(None)
    else:
        token = _DEADLINE.set((clock, clock() + budget))
    budget_token = _BUDGET.set(budget or 0.0)
    try:
        yield
    finally:
        _DEADLINE.reset(token)
        _BUDGET.reset(budget_token)


def check() -> None:
    """Raise OutOfTime if the current analysis has run past its budget."""
    current = _DEADLINE.get()
    if current is not None and current[0]() > current[1]:
        raise OutOfTime(_BUDGET.get())
