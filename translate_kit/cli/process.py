"""Process-wide settings that only the command line may make (library calls never touch the process).

:func:`gc_paused` pauses Python's cyclic garbage collector around allocation-heavy, cycle-free work.

Building matchers, checking pairs and parsing large glossaries allocate many small objects that reference
counting frees; the cyclic collector would only rescan the growing set of live ones (a quarter of a lint run
on a large glossary), so the ``check`` and ``glossary lint`` commands run with it paused. Library callers that want the same
speed can do the same around their own calls.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
