"""The result of ``translate-kit check``: violations and what was checked, ready for any rendering.

A :class:`Violation` names its kind and severity, where it is (file:line of the segment to fix, the
character spans in source and target), the glossary entry involved (its PO file:line) and a sentence for
humans. A :class:`CheckReport` holds all of them plus counts; :meth:`CheckReport.to_dict` is the documented
JSON schema (``SCHEMA_VERSION``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..errors import Diagnostic

SCHEMA_VERSION = 1
SEVERITIES = ("error", "warning", "info")  # most severe first
_RANK = {s: i for i, s in enumerate(SEVERITIES)}


def severity_at_least(severity: str, threshold: str) -> bool:
    """``error`` is at least ``warning``; ``info`` is not."""
    return _RANK[severity] <= _RANK[threshold]


@dataclass(slots=True)
class Side:
    """One side of a violation: the segment (file:line) and, where it applies, the span and its text.

    Side and Violation are values, never changed once made. They are not frozen dataclasses because a run may
    make tens of thousands, and a frozen dataclass's ``__init__`` costs several times as much."""

    file: str
    line: int
    span: tuple[int, int] | None = None
    text: str | None = None

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def to_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "span": list(self.span) if self.span else None, "text": self.text}


@dataclass(slots=True)
class Violation:
    """One finding of one check."""

    kind: str
    severity: str
    message: str
    document: str
    source: Side | None = None
    target: Side | None = None
    entry_ref: str | None = None  # glossary PO file:line
    entry_source: str | None = None
    entry_preferred: str | None = None
    suggestion: str | None = None

    @property
    def file(self) -> str:
        side = self.target or self.source
        return side.file if side else self.document

    @property
    def line(self) -> int | None:
        side = self.target or self.source
        return side.line if side else None

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    @property
    def segment(self) -> str:
        """The segment it belongs to: source file:line (target file:line for an extra segment)."""
        side = self.source or self.target
        return side.where if side else self.document

    def to_dict(self) -> dict:
        entry = None
        if self.entry_ref is not None:
            entry = {"source": self.entry_source, "preferred": self.entry_preferred, "ref": self.entry_ref}
        return {
            "kind": self.kind,
            "severity": self.severity,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "document": self.document,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "entry": entry,
            "suggestion": self.suggestion,
        }


@dataclass
class CheckReport:
    """Everything one check run found."""

    violations: list[Violation] = field(default_factory=list)
    segments: int = 0  # segment pairs checked
    boilerplate: int = 0  # source lines of site chrome (boilerplate rules), not checked
    documents: list[str] = field(default_factory=list)
    #: the segment pairs of each document, in order (their ``where``, "file:line" of the source or of the
    #: target for an extra segment, names a segment: formatted only when asked, see :meth:`segment_keys`)
    segment_pairs: dict[str, list] = field(default_factory=dict)
    glossary_entries: int = 0
    glossary_digest: str | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: effective severity per enabled kind, and the options that shaped the run
    severities: dict[str, str] = field(default_factory=dict)
    disabled: list[str] = field(default_factory=list)
    scope: str = "document"

    def segment_keys(self, document: str) -> list[str]:
        """The "file:line" of each segment of ``document``, in order."""
        return [p.where for p in self.segment_pairs.get(document, ())]

    # -- summaries -------------------------------------------------------------------------------------------
    def counts_by_kind(self) -> dict[str, int]:
        return dict(sorted(Counter(v.kind for v in self.violations).items()))

    def counts_by_severity(self) -> dict[str, int]:
        c = Counter(v.severity for v in self.violations)
        return {s: c.get(s, 0) for s in SEVERITIES}

    def by_document(self) -> dict[str, list[Violation]]:
        out: dict[str, list[Violation]] = {d: [] for d in self.documents}
        for v in self.violations:
            out.setdefault(v.document, []).append(v)
        return out

    def fails(self, fail_on: str) -> bool:
        """True when a violation is at or above ``fail_on`` ("error", "warning", "info"; "never": False)."""
        if fail_on == "never":
            return False
        return any(severity_at_least(v.severity, fail_on) for v in self.violations)

    def to_dict(self) -> dict:
        """The JSON schema (version ``SCHEMA_VERSION``); keys are stable, new ones are only ever added."""
        return {
            "schema_version": SCHEMA_VERSION,
            "tool": "translate-kit check",
            "summary": {
                "segments": self.segments,
                "boilerplate": self.boilerplate,
                "documents": len(self.documents),
                "violations": len(self.violations),
                "by_severity": self.counts_by_severity(),
                "by_kind": self.counts_by_kind(),
            },
            "glossary": {"entries": self.glossary_entries, "digest": self.glossary_digest},
            "config": {"scope": self.scope, "severities": dict(self.severities), "disabled": list(self.disabled)},
            "diagnostics": [d.to_dict() for d in self.diagnostics],
            "violations": [v.to_dict() for v in self.violations],
        }
