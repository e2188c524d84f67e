"""Translating one stream or one named file with the batch pipeline (``translate -`` and ``translate a.txt
-o a.en.txt``).

Both run :func:`translate_kit.translation.run.translate_documents` on a private temporary directory and take the one
output out of it, so a single text gets exactly what a batch gets (line structure, boilerplate, glossary,
flags). The review PO goes beside a named output (``a.en.txt.review.po``); the JSON run report is written
only where ``options.report`` says. Errors name the input as the user gave it (``<stdin>`` for a stream).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from ..errors import InputError, OutputError
from ..glossary.model import Glossary
from ..textio import atomic_write_bytes
from .options import TranslateOptions
from .run import translate_documents

STDIN = "<stdin>"


def _run(source: Path, label: str, work: Path, glossary, options, **engine):
    options = replace(options or TranslateOptions(), force=True)
    report = translate_documents([source], work / "out", glossary=glossary, options=options, **engine)
    for record in report.files:
        if record.error:
            record.error = record.error.replace(str(source), label)
        record.path = label
    for flag in report.flags:
        flag.file = label
    report.warnings = [replace(w, path=label) if w.path and str(w.path) == str(source) else w for w in report.warnings]
    if report.failed:
        raise InputError(next(r.error for r in report.files if r.error))
    return report, work / "out" / source.name


def translate_text(
    text: str,
    *,
    glossary: Glossary | None,
    options: TranslateOptions | None = None,
    name: str = "stdin.txt",
    label: str = STDIN,
    **engine,
) -> tuple[str, object]:
    """Translate ``text`` (Indonesian, one unit per line, as a ``.txt`` file); returns (English, report)."""
    with tempfile.TemporaryDirectory(prefix="translate-kit-text-") as tmp:
        source = Path(tmp) / name
        source.write_text(text, encoding="utf-8", newline="")
        report, out = _run(source, label, Path(tmp), glossary, options, **engine)
        with open(out, encoding="utf-8", newline="") as fh:
            return fh.read(), report


def translate_file(
    source: str | Path,
    output: str | Path,
    *,
    glossary: Glossary | None,
    options: TranslateOptions | None = None,
    **engine,
):
    """Translate the one file ``source`` into the file ``output`` (and ``output.review.po`` beside it)."""
    source, output = Path(source), Path(output)
    if source.suffix.lower() != output.suffix.lower():
        raise OutputError(f"the output must have the input's extension {source.suffix!r}", output)
    parent = output.parent if str(output.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the output directory: {exc.strerror or exc}", parent) from None
    with tempfile.TemporaryDirectory(prefix=".translate-kit-", dir=parent) as tmp:
        work = Path(tmp)
        copy = work / source.name
        try:
            shutil.copyfile(source, copy)
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", source) from None
        report, out = _run(copy, str(source), work, glossary, options, **engine)
        review = out.with_name(out.name + ".review.po")
        os.replace(out, output)
        if review.exists():
            atomic_write_bytes(output.with_name(output.name + ".review.po"), review.read_bytes())
        report.files[0].outputs = [str(output)]
        return report


__all__ = ["STDIN", "translate_file", "translate_text"]
