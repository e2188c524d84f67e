"""The glossary room: term model, PO load/save (and, beside them, lint, editing, exchange formats, mining)."""

from .model import COMMENT_KEYS, KNOWN_FLAGS, Entry, Glossary
from .pofile import entry_from_po, entry_to_po, load_glossary, new_po_file, read_po

__all__ = [
    "COMMENT_KEYS",
    "KNOWN_FLAGS",
    "Entry",
    "Glossary",
    "entry_from_po",
    "entry_to_po",
    "load_glossary",
    "new_po_file",
    "read_po",
]
