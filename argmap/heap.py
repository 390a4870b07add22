"""Pausing Python's cycle collector while large maps are built or walked."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Building or walking 100k records triggers the cycle collector again and again for nothing.

    Each collection then traverses every record of a large map just loaded: for
    check, about a third of its time at 100k claims.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
