"""What a ``translate-kit translate`` run did to an output directory, read back from its ``report.json``: whether
boilerplate lines were dropped (``--drop-boilerplate``) and which boilerplate rules applied (the defaults
plus a ``--boilerplate`` file), so that ``check`` pairs and judges the outputs as translate wrote them.

Only the report's documented JSON is read (``schema`` 1: ``tool.name``, ``options.drop_boilerplate``,
``options.boilerplate``); nothing of the translate flow is imported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Diagnostic, InputError
from ..textio import decode_text, read_bytes
from .boilerplate import BoilerplateRules

REPORT_NAME = "report.json"


@dataclass
class TranslateRun:
    """The boilerplate handling of one translate run (from its report), or of none (the defaults)."""

    rules: BoilerplateRules = field(default_factory=BoilerplateRules)
    #: True: boilerplate lines were left out of the outputs; None: not known (line counts tell)
    dropped: bool | None = None
    report: Path | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)


def read_run(
    translation: str | Path | None, report: str | Path | None = None, extra_rules: str | Path | None = None
) -> TranslateRun:
    """The run behind ``translation``: ``report`` when given, else ``report.json`` in the translation
    directory (or beside a translation file) when translate wrote one; without a report the default rules
    and line counts. ``extra_rules`` adds a boilerplate rule file, as ``translate --boilerplate`` does.
    A given report that is missing or unreadable is an InputError; a found one that is not translate's is
    ignored."""
    path = Path(report) if report is not None else _beside(translation)
    run = TranslateRun()
    if path is not None:
        data = _load(path, required=report is not None)
        if data is not None:
            options = data.get("options") or {}
            run.report = path
            run.dropped = bool(options.get("drop_boilerplate"))
            rules_file = options.get("boilerplate")
            if rules_file:
                if Path(rules_file).is_file():
                    run.rules = BoilerplateRules.from_file(rules_file)
                else:
                    run.diagnostics.append(
                        Diagnostic(
                            "warning",
                            "boilerplate-rules-missing",
                            f"the boilerplate rule file {rules_file!r} the translate run used is not found: "
                            f"checking with the default rules only",
                            str(path),
                        )
                    )
    if extra_rules is not None:
        run.rules.add_file(extra_rules)
    return run


def _beside(translation: str | Path | None) -> Path | None:
    if translation is None:
        return None
    t = Path(translation)
    candidate = (t if t.is_dir() else t.parent) / REPORT_NAME
    return candidate if candidate.is_file() else None


def _load(path: Path, required: bool) -> dict | None:
    try:  # the capped reader: never a FIFO, a device or a huge file
        data = json.loads(decode_text(read_bytes(path, what="run report"), path))
    except InputError:
        if required:
            raise
        return None
    except json.JSONDecodeError as exc:
        if required:
            raise InputError(f"not a readable run report ({exc.__class__.__name__})", path) from None
        return None
    if (
        not isinstance(data, dict)
        or (data.get("tool") or {}).get("name") != "translate-kit"
        or not isinstance(data.get("options"), dict)
    ):
        if required:
            raise InputError("not a translate-kit run report (no tool.name / options)", path)
        return None
    return data
