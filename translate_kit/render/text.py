"""Plain-text rendering of a check report: violations grouped by document, then counts per kind."""

from __future__ import annotations

from ..checks.model import CheckReport


def render_check(report: CheckReport, **_options) -> str:
    lines: list[str] = []
    for d in report.diagnostics:
        lines.append(f"glossary: {d}")
    if report.diagnostics:
        lines.append("")
    for document, violations in report.by_document().items():
        if not violations:
            continue
        lines.append(f"{document}")
        for v in violations:
            lines.append(f"  {v.where}: {v.severity}: {v.message} [{v.kind}]")
        lines.append("")
    sev = report.counts_by_severity()
    if report.boilerplate:
        lines.append(f"{report.boilerplate} boilerplate line(s) (site chrome translate passes through) not checked")
    lines.append(
        f"{report.segments} segment(s) in {len(report.documents)} document(s) checked against "
        f"{report.glossary_entries} glossary entr{'y' if report.glossary_entries == 1 else 'ies'}: "
        f"{len(report.violations)} violation(s) — {sev['error']} error(s), {sev['warning']} warning(s), "
        f"{sev['info']} info"
    )
    by_kind = report.counts_by_kind()
    width = max((len(k) for k in by_kind), default=0)
    for kind, n in by_kind.items():
        lines.append(f"  {kind:<{width}}  {n:>6}  ({report.severities.get(kind, '')})")
    return "\n".join(lines) + "\n"
