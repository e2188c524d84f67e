"""The translation memory (DESIGN.md §8): a SQLite file of raw engine outputs keyed by engine identity and
exact input (:mod:`.store`), the engine wrapper that consults it on every call (:mod:`.wrapper`), and TMX 1.4
exchange of its human segments (:mod:`.tmx`)."""

from .store import HumanSegment, MemoryFileError, MemoryStore, normalise
from .wrapper import MemoryStats, MemoryTranslator

MEMORY_DIR = ".translate-kit"
MEMORY_NAME = "memory.sqlite"


def default_memory_path(output_dir):
    """``OUTDIR/.translate-kit/memory.sqlite``."""
    from pathlib import Path

    return Path(output_dir) / MEMORY_DIR / MEMORY_NAME


__all__ = [
    "MEMORY_DIR",
    "MEMORY_NAME",
    "HumanSegment",
    "MemoryFileError",
    "MemoryStats",
    "MemoryStore",
    "MemoryTranslator",
    "default_memory_path",
    "normalise",
]
