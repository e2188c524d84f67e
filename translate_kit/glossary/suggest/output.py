"""Writing candidates as fuzzy PO entries with notes, examples and proposed English forms."""

from __future__ import annotations

import re
from pathlib import Path

from ...textio import atomic_write_text
from ..pofile import entry_to_po, new_po_file
from .candidates import Candidate, SuggestResult


def proposal(c: Candidate, english: dict[str, list[str]]) -> str:
    """A spelling of the candidate found verbatim (on word boundaries) in the aligned English of its files."""
    texts = [t for path in sorted(c.files) for t in english.get(path, [])]
    if not texts:
        return ""
    for form in [c.form, *c.variants]:
        pattern = re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")
        if any(pattern.search(t) for t in texts):
            return form
    return ""


def write_suggestions(result: SuggestResult, out_path: str | Path) -> None:
    """The candidates as a PO file of fuzzy entries with ``#:`` references to their examples."""
    po = new_po_file(wrapwidth=1_000_000)  # a wrapped "#." line would read back as a separate comment
    for c in result.candidates:
        po_entry = entry_to_po(c.to_entry())
        po_entry.occurrences = [(o.path, str(o.line)) for o in c.examples]
        po.append(po_entry)
    atomic_write_text(out_path, po.__unicode__())
