"""Pausing Python's cyclic garbage collector while the analysis allocates.

The analysis builds tens of thousands of small objects that live until it returns (tokens, name words,
fact mentions, findings). Each burst of allocations triggers a collection, and the full ones rescan every
object of the process, the loaded embedding model included: on 50 articles that was a sixth of the
analysis time. Reference counting still frees everything that is not in a cycle at once; what is in a cycle
is collected as usual once the pause ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the cyclic garbage collector for the block; re-enable it after only if it was enabled."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
