"""Normalising a sentence for the MT input while keeping a map back to the original offsets.

What changes (and nothing else):
- space-like characters (NBSP, narrow NBSP, thin and other Unicode spaces, tabs) → one ASCII space, runs of
  them collapsed to one, leading and trailing ones dropped;
- zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen) removed;
- curly quotes → straight quotes (``“”„`` → ``"``, ``‘’‚`` → ``'``) when ``straight_quotes`` (the default):
  Argos models see far more straight quotes in training, and it keeps one quote form for term matching;
- a missing space inserted after a closing quote that follows punctuation (``Korea,”kata`` → ``Korea," kata``),
  after ``,``/``;`` before a letter (``Network,a`` → ``Network, a``; not between digits: ``2,5``), and after
  ``.``/``!``/``?`` between a lower-case and an upper-case letter (``senjata.Pindah``; ``fin.co.id`` stays).

``NormalizedText.to_original(i)`` maps an offset of the normalised text back to the original;
``span_to_original(start, end)`` maps a span (its end maps to just after the last kept character).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SPACES = frozenset(" \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                   "\u202f\u205f\u3000")
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
QUOTES = {"“": '"', "”": '"', "„": '"', "‟": '"', "‘": "'", "’": "'", "‚": "'", "‛": "'"}
_CLOSING_QUOTES = frozenset("\"'”’")
_NEEDS_WORK = re.compile("[\t\u00a0\u1680\u2000-\u200d\u202f\u205f\u3000\u2060\ufeff\u00ad“”„‟‘’‚‛]"
                         r"|  |^ | $|[,;.!?][\"'”’]?[^\W\d_]")


@dataclass(frozen=True)
class NormalizedText:
    """Normalised ``text`` of ``original``; ``origin[i]`` is the original index of ``text[i]``."""

    text: str
    original: str
    origin: tuple[int, ...] | None  # None: identical to the original

    def to_original(self, offset: int) -> int:
        """The original offset of normalised ``offset`` (0 ≤ offset ≤ len(text))."""
        if not 0 <= offset <= len(self.text):
            raise IndexError(f"offset {offset} outside 0..{len(self.text)}")
        if self.origin is None:
            return offset
        if offset < len(self.text):
            return self.origin[offset]
        return self.origin[-1] + 1 if self.origin else 0

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of normalised ``text[start:end]``."""
        o_start = self.to_original(start)
        if end <= start:
            return o_start, o_start
        return o_start, self.to_original(end - 1) + 1


def normalize(text: str, straight_quotes: bool = True) -> NormalizedText:
    """Normalise one sentence or line for the MT input (see the module docstring for the exact rules)."""
    if not _NEEDS_WORK.search(text):
        return NormalizedText(text, text, None)
    out: list[str] = []
    origin: list[int] = []
    pending_space: int | None = None
    for i, ch in enumerate(text):
        if ch in ZERO_WIDTH:
            continue
        if ch in SPACES:
            if pending_space is None:
                pending_space = i
            continue
        if pending_space is not None:
            if out:
                out.append(" ")
                origin.append(pending_space)
            pending_space = None
        elif out and _missing_space(out, ch):
            out.append(" ")
            origin.append(i)
        out.append(QUOTES.get(ch, ch) if straight_quotes else ch)
        origin.append(i)
    result = "".join(out)
    if result == text:
        return NormalizedText(text, text, None)
    return NormalizedText(result, text, tuple(origin))


def _missing_space(out: list[str], ch: str) -> bool:
    """Whether a space belongs between the normalised output so far and the next character ``ch``."""
    if not ch.isalpha():
        return False
    prev = out[-1]
    before = out[-2] if len(out) > 1 else ""
    if prev in _CLOSING_QUOTES:
        return before != "" and before in ".,!?;"
    if prev in ",;":
        return not before.isdigit()
    if prev in ".!?":
        return before.isalpha() and before.islower() and ch.isupper()
    return False
