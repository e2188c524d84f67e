"""Which text a source form claims: the one rule that lint (conflicts, unreachable forms) and editing
(refusing a form another entry already claims) share, folded exactly as :mod:`translate_kit.glossary.matching` folds.

A case-insensitive form claims every casing of its folded text; a case-sensitive form claims only its exact
folded text. Two forms collide when some text would be matched by both.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .matching import fold_form as _fold_form
from .model import Entry

#: :func:`translate_kit.glossary.matching.fold_form`, remembering recent forms (lint folds each form a few ways).
fold_form = lru_cache(maxsize=8192)(_fold_form)


@dataclass(frozen=True, slots=True)
class Claim:
    """A source form of an entry as the matcher sees it."""

    entry: Entry
    form: str
    lower: str  # the form folded and lower-cased: every colliding form has the same one
    exact: str | None  # the form folded with its case kept, for a case-sensitive entry; None otherwise

    def collides(self, other: Claim) -> bool:
        return self.lower == other.lower and (self.exact is None or other.exact is None or self.exact == other.exact)

    def covers(self, other: Claim) -> bool:
        """Every text ``other`` matches is matched by ``self`` (so an earlier ``self`` always wins)."""
        return self.lower == other.lower and (self.exact is None or self.exact == other.exact)


def claims(entry: Entry) -> list[Claim]:
    """The source claims of an entry (msgid, then variants), empty forms left out."""
    out = []
    for form in entry.source_forms:
        lower = fold_form(form, lower=True)
        if not lower:
            continue
        exact = fold_form(form, lower=False) if entry.case_sensitive else None
        out.append(Claim(entry, form, lower, exact))
    return out
