"""Verifying an English output against the glossary terms of its source, exactly as the checker does:
the same target matcher and the same term accounting (:func:`translate_kit.checks.context.account`), so an
occurrence verified here is never a ``missing-term``, ``forbidden-term`` or ``untranslated-term`` of
``translate-kit check`` on the output."""

from __future__ import annotations

from collections.abc import Sequence

from ..checks.context import account, untranslated_matcher
from ..glossary.matching import Match, target_matcher
from ..glossary.model import Entry

#: why an entry's occurrences failed: (reason, detail)
Failure = tuple[str, str]


class Verifier:
    """The checker's target and untranslated-term matchers over the enforced entries, built once."""

    def __init__(self, entries: Sequence[Entry]):
        self.target = target_matcher(entries)
        self.untranslated = untranslated_matcher([e for e in entries if e.enforced])

    def renderings(self, terms: Sequence[Match], output: str) -> dict[Entry, list[str]]:
        """The accepted English text (preferred or admitted form, with its ending) of each entry's occurrences
        in ``output``, in text order."""
        acc = account(list(terms), output, self.target, None) if terms else None
        return {e: [m.text + m.suffix for m in ms] for e, ms in acc.accepted.items()} if acc else {}

    def failures(self, terms: Sequence[Match], verbatim: Sequence[Match], output: str) -> dict[Entry, Failure]:
        """Per entry of ``terms`` (glossary matches) and ``verbatim`` (tokens that must come out exactly)
        whose occurrences the output does not render: the reason (``missing``, ``forbidden``,
        ``untranslated``) and a detail."""
        out: dict[Entry, Failure] = {}
        if terms:
            acc = account(list(terms), output, self.target, self.untranslated)
            for m in acc.untranslated:
                if m.entry in acc.source:
                    out[m.entry] = ("untranslated", f"Indonesian {m.text!r} left in the output")
            for m in acc.forbidden:
                out.setdefault(m.entry, ("forbidden", f"forbidden form {m.text!r} in the output"))
            for entry, _m in acc.missing():
                out.setdefault(entry, ("missing", f"no {entry.preferred!r} (or an admitted form) in the output"))
        if verbatim:
            need: dict[str, int] = {}
            for m in verbatim:
                need[m.entry.source] = need.get(m.entry.source, 0) + 1
            for m in verbatim:
                if output.count(m.entry.source) < need[m.entry.source]:
                    out[m.entry] = ("missing", f"{m.entry.source!r} not kept verbatim")
        return out
