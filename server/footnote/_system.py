"""Facts about the machine, from the standard library only, for any layer (CLI batch, settings)."""

from __future__ import annotations

import os


def cpu_count() -> int:
    """Cores this process may run on (a container's CPU set, not the host's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
