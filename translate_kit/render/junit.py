"""JUnit XML rendering of a check report, for CI dashboards.

One ``testcase`` per document (``per="file"``) or per segment (``per="segment"``). Violations at or above
``fail_on`` become ``failure`` elements (one per violation, type = kind); lower ones are listed in the
testcase's ``system-out``, so the dashboard agrees with the exit code.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..checks.model import CheckReport, Violation, severity_at_least
from ..textio import xml_safe

SUITE = "translate-kit check"


def render_check(report: CheckReport, per: str = "file", fail_on: str = "error", **_options) -> str:
    if per not in ("file", "segment"):
        raise ValueError(f"per must be 'file' or 'segment', not {per!r}")
    cases: dict[tuple[str, str], list[Violation]] = {}
    for doc in report.documents:
        if per == "file":
            cases[(doc, doc)] = []
        else:
            for key in report.segment_keys(doc):
                cases[(doc, key)] = []
    for v in report.violations:
        key = (v.document, v.document if per == "file" else v.segment)
        cases.setdefault(key, []).append(v)

    def failing(v: Violation) -> bool:
        return fail_on != "never" and severity_at_least(v.severity, fail_on)

    n_fail = sum(1 for vs in cases.values() if any(failing(v) for v in vs))
    root = ET.Element("testsuites", name=SUITE, tests=str(len(cases)), failures=str(n_fail), errors="0")
    suite = ET.SubElement(
        root, "testsuite", name=SUITE, tests=str(len(cases)), failures=str(n_fail), errors="0", skipped="0"
    )
    props = ET.SubElement(suite, "properties")
    ET.SubElement(props, "property", name="segments", value=str(report.segments))
    ET.SubElement(props, "property", name="glossary_entries", value=str(report.glossary_entries))
    if report.glossary_digest:
        ET.SubElement(props, "property", name="glossary_digest", value=report.glossary_digest)
    for (doc, name), violations in cases.items():
        case = ET.SubElement(suite, "testcase", classname=doc if per == "segment" else "translate-kit.check", name=name)
        quiet = []
        for v in violations:
            if failing(v):
                f = ET.SubElement(case, "failure", type=v.kind, message=f"{v.severity}: {v.message}")
                f.text = _detail(v)
            else:
                quiet.append(f"{v.where}: {v.severity}: {v.message} [{v.kind}]")
        if quiet:
            ET.SubElement(case, "system-out").text = "\n".join(quiet)
    ET.indent(root)
    # a file name or segment with ESC, VT, … (or a non-UTF-8 name) must not make the document ill-formed
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml_safe(ET.tostring(root, encoding="unicode")) + "\n"


def _detail(v: Violation) -> str:
    lines = [f"{v.where}: {v.severity}: {v.message} [{v.kind}]"]
    if v.source and v.source.span:
        lines.append(f"source {v.source.where} chars {v.source.span[0]}-{v.source.span[1]}: {v.source.text!r}")
    if v.target and v.target.span:
        lines.append(f"target {v.target.where} chars {v.target.span[0]}-{v.target.span[1]}: {v.target.text!r}")
    if v.entry_ref:
        lines.append(f"glossary entry {v.entry_source!r} → {v.entry_preferred!r} at {v.entry_ref}")
    return "\n".join(lines)
