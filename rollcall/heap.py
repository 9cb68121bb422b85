"""The Python heap of a long-running process (`rollcall serve`, `rollcall run`).

A roster scan of a big lab brings thousands of row tuples into Python; their allocations
drive the cyclic garbage collector, whose occasional full collections walk every object the
process holds (the web framework, SQLAlchemy, the drivers: about 85,000 objects). On the 1M
benchmark log those pauses were the slowest 1% of roster answers: 50-70 ms against 7 ms.
Objects alive once startup is done live as long as the process, so they are moved out of
the collector's sight (`gc.freeze`); everything created later is collected as usual.
"""
from __future__ import annotations

import gc


def settle() -> int:
    """Collect once, then freeze what survived startup; returns how many objects were frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
