"""JSON rendering of a check report (schema: :meth:`CheckReport.to_dict`, versioned by ``schema_version``).

Top level: ``schema_version``, ``tool``, ``summary`` {segments, documents, violations, by_severity,
by_kind}, ``glossary`` {entries, digest}, ``config`` {scope, severities, disabled}, ``diagnostics`` [...],
``violations``: [{kind, severity, message, file, line, document, source {file, line, span, text} | null,
target {…} | null, entry {source, preferred, ref} | null, suggestion}]. Spans are [start, end) character
offsets into the segment text.
"""

from __future__ import annotations

import json

from ..checks.model import CheckReport


def render_check(report: CheckReport, **_options) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
