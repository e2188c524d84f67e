"""``translate-kit translate`` as named stages: read the inputs → collect the units to translate → translate
them as one batch (:func:`~translate_kit.translation.segments.translate_segments`) → record the results →
write outputs and review files → the run report (:class:`~translate_kit.translation.report.RunReport`).

A bad input file becomes a ``failed`` record (the rest of the batch goes on); an unwritable output directory
raises :class:`~translate_kit.errors.OutputError`. Boilerplate units pass through untranslated (or are
dropped by the writers); identical sentences across the batch are translated once; sentences longer than the
model's input limit are split at spaces first.
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..corpus import Document, Unit, discover, read_document
from ..errors import Diagnostic, InputError, OutputError, TranslateKitError
from ..glossary import pofile
from ..glossary.model import Glossary
from .manifest import Manifest, Stamp, digest
from .options import TranslateOptions, load_rules
from .outputs import write_document
from .report import FAILED, SKIPPED, FileRecord, Flag, RunReport
from .segments import SegmentResult, Timer, translate_segments


@dataclass(slots=True)
class Job:
    """A document to translate in this run, its report record and its up-to-date stamp."""

    doc: Document
    record: FileRecord
    stamp: Stamp


@dataclass(slots=True)
class WorkUnit:
    """A unit sent to the engine, with the job it belongs to."""

    job: Job
    unit: Unit


def check_output_dir(output_dir: Path) -> None:
    """Create ``output_dir`` and prove it writable, or raise a one-line :class:`OutputError`."""
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".translate-kit-probe.", dir=output_dir)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(f"output directory is not writable: {exc.strerror or exc}", output_dir) from None


def _model_stamp(info) -> str:
    """The package's identity plus its weights file's size and mtime (a rebuilt model is a new model)."""
    try:
        st = (Path(info.path) / "model" / "model.bin").stat()
        weights = [st.st_size, st.st_mtime_ns]
    except OSError:
        weights = None
    return digest([info.to_dict(), weights])


def resolve_glossary(directory: str | Path | None) -> Glossary:
    """``directory``, else ``glossary/`` when it exists, else an empty glossary with a ``no-glossary`` warning."""
    glossary, diagnostics = pofile.resolve_glossary(directory, "translating without a glossary")
    return glossary if glossary is not None else Glossary(diagnostics=diagnostics)


def translate_documents(inputs: Sequence[Path], output_dir: Path, *, glossary: Glossary | None,
                        options: TranslateOptions | None = None, package=None,
                        translator=None) -> RunReport:
    """Translate files and directories of .txt/.po/.jsonl into ``output_dir`` and write the JSON report.

    ``package``: the engine package to use (default: the installed id→en package); ``translator``: a ready
    ``BatchTranslator`` (default: made from the package when something needs translating). Returns the
    report; ``report.failed`` tells whether any input failed (the CLI then exits 2).
    """
    from .. import engine

    options = options or TranslateOptions()
    output_dir = Path(output_dir)
    glossary = glossary if glossary is not None else Glossary()
    report = RunReport(options=options.to_dict())
    timer = Timer(report.timings)
    t_start = time.perf_counter()

    check_output_dir(output_dir)
    if package is None and translator is None:
        package = engine.find_package()
    info = engine.package_info(translator.package if translator is not None else package)
    report.model = {**info.to_dict(), "label": info.label}
    report.glossary = {"digest": glossary.digest, "files": [str(p) for p in glossary.files],
                       "entries": len(glossary.entries)}
    report.warnings += glossary.diagnostics
    stamp_common = (glossary.digest, _model_stamp(info), options.stamp(load_rules(options)))
    manifest = Manifest.load(output_dir)

    with timer("read"):
        jobs = _read_inputs(inputs, output_dir, options, stamp_common, manifest, report)
    work = _collect_units(jobs, options, report)
    results: list[SegmentResult] = []
    if work:
        if translator is None:
            translator = engine.BatchTranslator(package, beam_size=options.beam_size,
                                                length_penalty=options.length_penalty,
                                                max_batch_tokens=options.max_batch_tokens)
        results = translate_segments([w.unit.text for w in work], glossary=glossary,
                                     translator=translator, options=options, timings=report.timings)
    if len(results) != len(work):
        raise RuntimeError(f"{len(work)} segments in, {len(results)} out")
    per_doc = _record_results(jobs, work, results, report)
    with timer("write"):
        _write_outputs(jobs, per_doc, output_dir, options, manifest)
    if options.keep_documents:
        report.documents = [(job.doc, per_doc[id(job.doc)]) for job in jobs if job.record.status != FAILED]
    report.timings["total"] = time.perf_counter() - t_start
    report.write(options.report or output_dir / "report.json")
    return report


def _read_inputs(inputs: Sequence[Path], output_dir: Path, options: TranslateOptions, stamp_common: tuple,
                 manifest: Manifest, report: RunReport) -> list[Job]:
    """Read every input; bad ones become failed records, up-to-date ones skipped records, the rest jobs."""
    rules = load_rules(options)
    jobs: list[Job] = []
    found, diags = discover([Path(p) for p in inputs])
    out_resolved = output_dir.resolve()
    for d in diags:
        if d.severity == "error":
            report.files.append(FileRecord(d.path or "", "", status=FAILED, error=str(d)))
        else:
            report.warnings.append(d)
    for path, rel in found:
        if out_resolved in path.resolve().parents:
            continue  # our own outputs, when -o lies inside an input directory
        record = FileRecord(str(path), rel.as_posix())
        report.files.append(record)
        try:
            doc = read_document(path, rel, rules)
        except InputError as exc:
            record.status, record.error = FAILED, str(exc)
            manifest.forget(rel.as_posix())
            continue
        record.format = doc.format
        report.warnings += doc.diagnostics
        stamp = Stamp(doc.sha256, *stamp_common)
        if not options.force and manifest.up_to_date(record.relpath, stamp):
            record.status, record.outputs = SKIPPED, manifest.outputs(record.relpath)
            continue
        jobs.append(Job(doc, record, stamp))
    return jobs


def _collect_units(jobs: list[Job], options: TranslateOptions, report: RunReport) -> list[WorkUnit]:
    """One batch: every translatable unit of every job (boilerplate counted, kept PO entries counted)."""
    work: list[WorkUnit] = []
    for job in jobs:
        for unit in job.doc.units:
            if unit.kind == "boilerplate":
                job.record.boilerplate += 1
                report.boilerplate[unit.meta.get("boilerplate", "?")] += 1
            elif unit.kind == "text":
                if job.doc.format == "po" and unit.existing and not options.overwrite:
                    job.record.kept += 1
                else:
                    work.append(WorkUnit(job, unit))
    return work


def _record_results(jobs: list[Job], work: list[WorkUnit], results: list[SegmentResult],
                    report: RunReport) -> dict[int, dict[int, SegmentResult]]:
    """Count each result into its file record and the report; results per document, by unit index."""
    per_doc: dict[int, dict[int, SegmentResult]] = {id(job.doc): {} for job in jobs}
    for w, res in zip(work, results):
        doc, record, unit = w.job.doc, w.job.record, w.unit
        per_doc[id(doc)][unit.index] = res
        record.segments += 1
        record.sentences += len(res.sentences)
        report.split_sentences += res.split_long
        report.repaired += res.repaired
        if res.split_long:
            report.warnings.append(Diagnostic("warning", "long-sentence-split",
                                              f"{res.split_long} sentence(s) longer than the model's input "
                                              "limit were split at spaces before translation",
                                              str(doc.path), unit.line))
        for term in res.terms:
            report.terms[term.label()] += 1
        for sentence in res.sentences:
            for p in sentence.flags:
                record.flags += 1
                report.flags.append(Flag(str(doc.path), unit.line, unit.key, sentence.source, sentence.text,
                                         p.reason, p.entry.label() if p.entry else None,
                                         p.entry.ref if p.entry else None, p.detail))
    return per_doc


def _write_outputs(jobs: list[Job], per_doc: dict, output_dir: Path, options: TranslateOptions,
                   manifest: Manifest) -> None:
    for job in jobs:
        record = job.record
        try:
            record.outputs = write_document(job.doc, per_doc[id(job.doc)], output_dir,
                                            drop_boilerplate=options.drop_boilerplate,
                                            overwrite=options.overwrite)
        except TranslateKitError as exc:
            record.status, record.error = FAILED, str(exc)
            manifest.forget(record.relpath)
            continue
        manifest.record(record.relpath, job.stamp, record.outputs)
    manifest.save()
