"""The term model: one :class:`Entry` per concept, a :class:`Glossary` of entries loaded together.

Conventions (DESIGN.md §3): ``msgid`` is the canonical Indonesian form, ``msgstr`` the preferred English form;
``#. variant:`` / ``#. admitted:`` / ``#. forbidden:`` / ``#. note:`` extracted comments; flags
``case-sensitive`` (source forms), ``target-case-sensitive`` (English forms), ``no-translate`` and ``fuzzy``; optional ``msgctxt`` sense label.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Diagnostic

#: flags with a meaning for translate-kit (polib's own ``fuzzy`` included).
#: ``case-sensitive`` governs the Indonesian (source) forms, ``target-case-sensitive`` the English ones;
#: ``protect`` / ``verify-first`` override the protect-up-front policy of translate_kit.translation.policy.
KNOWN_FLAGS = frozenset({"case-sensitive", "target-case-sensitive", "no-translate", "fuzzy", "protect", "verify-first"})
#: keys of ``#. key: value`` extracted comments, in their canonical order. ``conflict`` is written only by
#: the merge driver where both sides changed a field differently; lint reports it as an error until resolved.
COMMENT_KEYS = ("note", "variant", "admitted", "forbidden", "conflict")


@dataclass(eq=False)
class Entry:
    """One glossary concept."""

    source: str
    target: str
    context: str | None = None
    variants: list[str] = field(default_factory=list)
    admitted: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    #: free ``# `` translator comment: kept on rewrite, ignored by tools.
    translator_comment: str = ""
    #: extracted-comment lines that are not ``key: value`` with a known key (lint reports them).
    unknown_comments: list[str] = field(default_factory=list)
    #: unresolved merge conflicts (``#. conflict:`` lines the merge driver wrote; lint reports them).
    conflicts: list[str] = field(default_factory=list)
    path: Path | None = None
    line: int | None = None

    # -- flags -------------------------------------------------------------------------------------------
    @property
    def case_sensitive(self) -> bool:
        return "case-sensitive" in self.flags

    @property
    def target_case_sensitive(self) -> bool:
        """English forms match only in their own casing (an all-capitals form always does, see
        :func:`translate_kit.glossary.matching.target_case_sensitive`)."""
        return "target-case-sensitive" in self.flags

    @property
    def no_translate(self) -> bool:
        return "no-translate" in self.flags

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def enforced(self) -> bool:
        """Fuzzy (proposed) entries are reported, never enforced."""
        return not self.fuzzy

    # -- forms -------------------------------------------------------------------------------------------
    @property
    def preferred(self) -> str:
        """The English form the translation must use (the source itself for ``no-translate``)."""
        return self.source if self.no_translate else self.target

    @property
    def source_forms(self) -> list[str]:
        return _unique([self.source, *self.variants])

    @property
    def target_forms(self) -> list[str]:
        """Every accepted English form: preferred first, then the admitted ones."""
        return _unique([self.preferred, *self.admitted])

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.context, self.source)

    @property
    def ref(self) -> str:
        """``file:line`` of the entry in its PO file (or the msgid when it was built in memory)."""
        if self.path is None:
            return self.source
        return f"{self.path}:{self.line}" if self.line else str(self.path)

    def label(self) -> str:
        ctx = f" [{self.context}]" if self.context else ""
        return f"{self.source}{ctx} → {self.preferred}"

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "target": self.target,
            "preferred": self.preferred,
            "context": self.context,
            "variants": list(self.variants),
            "admitted": list(self.admitted),
            "forbidden": list(self.forbidden),
            "notes": list(self.notes),
            "flags": list(self.flags),
            "ref": self.ref,
        }

    def __repr__(self) -> str:
        return f"Entry({self.label()!r} @ {self.ref})"


@dataclass
class Glossary:
    """All entries of a glossary directory, in file order."""

    entries: list[Entry] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    #: sha256 over the files' names and bytes: changes whenever the glossary does.
    digest: str = field(default_factory=lambda: hashlib.sha256(b"").hexdigest())
    #: problems found while loading that do not stop loading (unknown flags, conflicts).
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def __iter__(self):
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __bool__(self) -> bool:
        return True

    @property
    def enforced(self) -> list[Entry]:
        return [e for e in self.entries if e.enforced]

    def lookup(self, source: str, context: str | None = None) -> list[Entry]:
        """Entries whose msgid or a variant is ``source`` (case-insensitively unless case-sensitive)."""
        found = []
        for e in self.entries:
            if context is not None and e.context != context:
                continue
            for form in e.source_forms:
                if form == source or (not e.case_sensitive and form.casefold() == source.casefold()):
                    found.append(e)
                    break
        return found


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for it in items:
        if it and it not in seen:
            seen.add(it)
            out.append(it)
    return out
