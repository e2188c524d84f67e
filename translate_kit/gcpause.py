"""Pausing Python's cyclic garbage collector around allocation-heavy, cycle-free work.

Building matchers, checking pairs and parsing large glossaries allocate many small objects that reference
counting frees; the cyclic collector would only rescan the growing set of live ones (a quarter of a lint run
on a large glossary), so those loops run with it paused.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
