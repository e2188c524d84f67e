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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..corpus import Document, Unit, discover, read_document
from ..errors import Diagnostic, InputError, Interrupted, OutputError, TranslateKitError
from ..glossary import pofile
from ..glossary.model import Glossary
from ..textio import clean_stale_temporaries
from .human import HumanSentence, approved_sources, check_human, cut_units, merge
from .manifest import STATE_DIR, STATE_NAME, OutputState
from .memory import MemoryStats, MemoryStore, MemoryTranslator, default_memory_path
from .options import TranslateOptions, load_rules
from .outputs import relpaths_for
from .policy import enforcement_warnings
from .report import FAILED, FileRecord, Flag, RunReport
from .review import collect_review_edits
from .segments import SegmentResult, Timer, translate_segments
from .writing import add_earlier_files, write_outputs


@dataclass(slots=True)
class Job:
    """A document to translate in this run and its report record."""

    doc: Document
    record: FileRecord


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


def check_output_paths(
    inputs: Sequence[Path], found: list[tuple[Path, Path]], output_dir: Path, report_path: Path
) -> None:
    """Refuse, before anything is written, a run whose outputs would replace its inputs or each other: an
    output directory equal to an input directory or above it, two outputs sharing a path (``x.txt`` beside
    ``x.txt.review.po``), or an output (the report included) that is an input. One :class:`OutputError`."""
    out = output_dir.resolve()
    for root in map(Path, inputs):
        if root.is_dir() and (root.resolve() == out or out in root.resolve().parents):
            raise OutputError(
                f"the output directory {'is' if root.resolve() == out else 'contains'} the input "
                f"directory {root}: outputs would be mixed with (or replace) the inputs; choose an "
                "output directory outside the inputs",
                output_dir,
            )
    # files inside the output directory (when it lies inside an input directory) are our outputs, not inputs
    inputs_at = {path.resolve(): path for path, _ in found if out not in path.resolve().parents}
    owner: dict[Path, str] = {
        (output_dir / STATE_DIR / STATE_NAME).resolve(): "the output state",
        Path(report_path).resolve(): "the run report",
    }
    for path, rel in found:
        if path.resolve() not in inputs_at:
            continue
        for out_rel in relpaths_for(rel):
            target = (output_dir / out_rel).resolve()
            mine = f"an output of {path}"
            if target in owner:
                raise OutputError(
                    f"{mine} would overwrite {owner[target]} (nothing written; rename one)", output_dir / out_rel
                )
            owner[target] = mine
    for target, what in owner.items():
        if target in inputs_at:
            raise OutputError(f"{what} would overwrite the input {inputs_at[target]} (nothing written)", target)


def resolve_glossary(directory: str | Path | None) -> Glossary:
    """``directory``, else ``glossary/`` when it exists, else an empty glossary with a ``no-glossary`` warning."""
    glossary, diagnostics = pofile.resolve_glossary(directory, "translating without a glossary")
    return glossary if glossary is not None else Glossary(diagnostics=diagnostics)


def translate_documents(
    inputs: Sequence[Path],
    output_dir: Path,
    *,
    glossary: Glossary | None,
    options: TranslateOptions | None = None,
    package=None,
    translator=None,
) -> RunReport:
    """Translate files and directories of .txt/.po/.jsonl into ``output_dir`` and write the JSON report.

    ``package``: the engine package to use (default: the installed id→en package); ``translator``: a ready
    engine (default: a ``BatchTranslator`` made from the package when something needs translating). Every
    engine call goes through the translation memory (``options.memory``, default
    ``OUTDIR/.translate-kit/memory.sqlite``); edited review POs in ``output_dir`` are recorded first. Returns
    the report of the whole output directory; ``report.failed`` tells whether any input failed (the CLI then
    exits 2). Ctrl-C raises :class:`~translate_kit.errors.Interrupted` once what was done is committed.
    """
    from .. import engine

    options = options or TranslateOptions()
    output_dir = Path(output_dir)
    glossary = glossary if glossary is not None else Glossary()
    report = RunReport(options=options.to_dict())
    t_start = time.perf_counter()

    check_output_dir(output_dir)
    discovered = discover([Path(p) for p in inputs])
    check_output_paths(inputs, discovered[0], output_dir, options.report or output_dir / "report.json")
    _clean_stale(output_dir, report)
    if package is None and translator is None:
        package = engine.find_package()
    _describe_run(report, engine.package_info(translator.package if translator is not None else package), glossary)
    report.warnings += glossary.diagnostics
    report.warnings += enforcement_warnings(glossary.enforced)[1]
    state = OutputState.load(output_dir)
    memory_path = Path(options.memory) if options.memory else default_memory_path(output_dir)
    run = _Run(output_dir, glossary, options, report, state, None, package, translator)
    with MemoryStore(memory_path) as store:
        run.store = store
        report.warnings += store.warnings
        try:
            _run_stages(run, discovered)
        except KeyboardInterrupt:
            raise Interrupted(run.interrupted_summary()) from None
        state.run = {
            "inputs": [str(Path(p).resolve()) for p in inputs],
            "options": options.to_dict(),
            "glossary": [str(Path(p).resolve()) for p in glossary.files],
            "glossary_dir": options.glossary_dir,
            "memory": str(memory_path.resolve()),
        }
        state.save()
    report.timings["total"] = time.perf_counter() - t_start
    report.write(options.report or output_dir / "report.json")
    return report


def _clean_stale(output_dir: Path, report: RunReport) -> None:
    """Remove the temporaries a run killed while writing left behind, and say so."""
    stale = clean_stale_temporaries(output_dir)
    if stale:
        report.warnings.append(
            Diagnostic(
                "warning",
                "stale-temporaries-removed",
                f"removed {len(stale)} temporary file(s) left by an interrupted run (e.g. {stale[0].name})",
                str(output_dir),
            )
        )


def _describe_run(report: RunReport, info, glossary: Glossary) -> None:
    """The model and glossary sections of the report."""
    report.model = {**info.to_dict(), "label": info.label}
    report.glossary = {
        "digest": glossary.digest,
        "files": [str(p) for p in glossary.files],
        "entries": len(glossary.entries),
    }


@dataclass
class _Run:
    """What the stages of one run share."""

    output_dir: Path
    glossary: Glossary
    options: TranslateOptions
    report: RunReport
    state: OutputState
    store: MemoryStore | None
    package: object
    translator: object
    engine: MemoryTranslator | None = None
    writing: bool = False  # the write stage has begun

    def interrupted_summary(self) -> str:
        if self.writing:
            return (
                "interrupted while writing outputs: each output is whole (old or new), the memory is kept; "
                "run the same command again to finish"
            )
        stats = self.engine.stats if self.engine else MemoryStats()
        return (
            f"interrupted: {stats.committed} of {stats.missing} engine inputs were translated and kept "
            f"in the memory ({self.store.path}), no output written; run the same command again to resume"
        )


def _run_stages(run: _Run, discovered: tuple[list, list]) -> None:
    timer = Timer(run.report.timings)
    review = collect_review_edits(run.output_dir, run.state, run.store)
    run.report.warnings += review.warnings
    run.report.memory["review_edits"] = review.approved
    with timer("read"):
        jobs = _read_inputs(discovered, run.output_dir, run.options, run.report)
    work = _collect_units(jobs, run.options, run.report)
    results = _translate_work(run, work) if work else []
    if len(results) != len(work):
        raise RuntimeError(f"{len(work)} segments in, {len(results)} out")
    per_doc = _record_results(jobs, work, results, run.report)
    run.writing = True
    with timer("write"):
        write_outputs(jobs, per_doc, run.output_dir, run.options, run.state, run.store, run.report)
    add_earlier_files(run.state, run.output_dir, {j.record.relpath for j in jobs}, run.report)
    if run.options.keep_documents:
        run.report.documents = [(job.doc, per_doc[id(job.doc)]) for job in jobs if job.record.status != FAILED]
    if run.engine is not None:
        run.report.memory.update(run.engine.stats.to_dict())
    run.report.memory["path"] = str(run.store.path)


def _make_engine(run: _Run) -> MemoryTranslator:
    from .. import engine

    translator = run.translator
    if translator is None:
        o = run.options
        translator = engine.BatchTranslator(
            run.package, beam_size=o.beam_size, length_penalty=o.length_penalty, max_batch_tokens=o.max_batch_tokens
        )
    return MemoryTranslator(translator, run.store, refresh=run.options.force)


def _translate_work(run: _Run, work: list[WorkUnit]) -> list[SegmentResult]:
    """Approved human sentences first, the engine (through the memory) for the rest."""
    run.engine = _make_engine(run)
    texts = [w.unit.text for w in work]
    if not run.store.human_count():
        return translate_segments(
            texts,
            glossary=run.glossary,
            translator=run.engine,
            options=run.options,
            timings=run.report.timings,
            engine_stats=run.report.engine,
        )
    spans = approved_sources(texts)
    approved = {k: h for k, h in run.store.human_get_many(s.text for sp in spans for s in sp).items() if h.approved}
    cuts = cut_units(texts, spans, approved)
    machine = [t for c in cuts for t in c.machine]
    done = iter(
        translate_segments(
            machine,
            glossary=run.glossary,
            translator=run.engine,
            options=run.options,
            timings=run.report.timings,
            engine_stats=run.report.engine,
        )
    )
    results = []
    for w, cut in zip(work, cuts):
        humans = [p for p in cut.parts if isinstance(p, HumanSentence)]
        check_human(humans, run.glossary, str(w.job.doc.path))
        for h in humans:
            run.report.memory["human_" + h.origin] = run.report.memory.get("human_" + h.origin, 0) + 1
        results.append(merge(cut, [next(done) for _ in cut.machine]))
    return results


def _read_inputs(
    discovered: tuple[list, list], output_dir: Path, options: TranslateOptions, report: RunReport
) -> list[Job]:
    """Read every input; bad ones become failed records, the rest jobs."""
    rules = load_rules(options)
    jobs: list[Job] = []
    found, diags = discovered  # (inputs, diagnostics) from discovery
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
            continue
        record.format = doc.format
        report.warnings += doc.diagnostics
        jobs.append(Job(doc, record))
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


def _record_results(
    jobs: list[Job], work: list[WorkUnit], results: list[SegmentResult], report: RunReport
) -> dict[int, dict[int, SegmentResult]]:
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
            report.warnings.append(
                Diagnostic(
                    "warning",
                    "long-sentence-split",
                    f"{res.split_long} sentence(s) longer than the model's input "
                    "limit were split at spaces before translation",
                    str(doc.path),
                    unit.line,
                )
            )
        for sentence in res.sentences:
            _record_sentence(report, record, doc, unit, sentence)
    return per_doc


def _record_sentence(report: RunReport, record: FileRecord, doc, unit, sentence) -> None:
    """Every occurrence of the sentence into the report (verdict counts, per entry, the list), flags apart."""
    for occ in (*sentence.terms, *sentence.numbers):
        report.add_occurrence(str(doc.path), unit.line, unit.key, sentence.source, occ)
        if not occ.flagged:
            continue
        record.flags += 1
        report.flags.append(
            Flag(
                str(doc.path),
                unit.line,
                unit.key,
                sentence.source,
                sentence.text,
                occ.reason,
                occ.label(),
                occ.entry.ref if occ.entry is not None else None,
                occ.detail,
            )
        )


def apply_reviews(output_dir: Path, *, glossary=None, package=None, translator=None, progress=None):
    """Record the review edits of ``output_dir`` and rebuild its outputs with the last run's inputs and
    options (no engine call for what the memory has). Returns the run report."""
    output_dir = Path(output_dir)
    state = OutputState.load(output_dir)
    run = state.run
    if not run.get("inputs"):
        raise TranslateKitError(
            "no translate run recorded in this output directory (run translate into it first)", output_dir
        )
    o = run.get("options", {})
    options = TranslateOptions(
        beam_size=o.get("beam_size"),
        length_penalty=o.get("length_penalty", 0.2),
        max_batch_tokens=o.get("max_batch_tokens", 2048),
        overwrite=o.get("overwrite", False),
        drop_boilerplate=o.get("drop_boilerplate", False),
        boilerplate=Path(o["boilerplate"]) if o.get("boilerplate") else None,
        report=Path(o["report"]) if o.get("report") else None,
        memory=Path(run["memory"]) if run.get("memory") else None,
        glossary_dir=run.get("glossary_dir"),
        progress=progress,
        number_rendering=o.get("number_rendering", True),
        verbatim_tokens=o.get("verbatim_tokens", True),
        protect_by_kind=o.get("protect_by_kind"),
    )
    if glossary is None:
        files = run.get("glossary") or []
        glossary = resolve_glossary(run.get("glossary_dir") or (str(Path(files[0]).parent) if files else None))
    return translate_documents(
        [Path(p) for p in run["inputs"]],
        output_dir,
        glossary=glossary,
        options=options,
        package=package,
        translator=translator,
    )
