"""Verbatim tokens: URLs, e-mail addresses, @handles and #hashtags come out exactly as in the source.

Each one found in a sentence becomes a match of a synthetic ``no-translate`` entry (context ``verbatim``),
protected before the first engine call like any verbatim glossary entry, verified by exact text, escalated
and flagged like a term. A glossary term inside such a token (``kemlu`` in ``www.kemlu.go.id``) is not a term.
"""

from __future__ import annotations

import re

from ..glossary.matching import Match
from ..glossary.model import Entry

VERBATIM_CONTEXT = "verbatim"
_VERBATIM = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']*[^\s<>\"'.,;:!?)\]]"  # URL (trailing punctuation left out)
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail address
    r"|(?<![\w@])@\w{2,}"  # @handle
    r"|(?<![\w#&])#\w*[A-Za-z]\w*"  # #hashtag (not a plain number such as #1)
)


class VerbatimTokens:
    """Finds verbatim tokens; one synthetic entry per distinct token text, shared across a batch."""

    def __init__(self):
        self.entries: dict[str, Entry] = {}

    def entry(self, text: str) -> Entry:
        e = self.entries.get(text)
        if e is None:
            e = self.entries[text] = Entry(
                text, text, context=VERBATIM_CONTEXT, flags=["no-translate", "case-sensitive"]
            )
        return e

    def find(self, sentence: str) -> list[Match]:
        if "@" not in sentence and "#" not in sentence and "/" not in sentence and "www." not in sentence:
            return []
        return [
            Match(m.start(), m.end(), self.entry(m.group(0)), m.group(0), "source", m.group(0))
            for m in _VERBATIM.finditer(sentence)
        ]


def merge(terms: list[Match], verbatim: list[Match]) -> list[Match]:
    """Glossary matches outside every verbatim token, and the tokens, in text order."""
    if not verbatim:
        return terms
    kept = [m for m in terms if not any(m.start < v.end and v.start < m.end + len(m.suffix) for v in verbatim)]
    return sorted(kept + verbatim, key=lambda m: m.start)


def is_verbatim(entry: Entry) -> bool:
    return entry.context == VERBATIM_CONTEXT and entry.path is None
