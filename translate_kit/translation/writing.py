"""The write stage of a run: outputs compared with the files on disk, written only when their content changed,
never over a hand edit; the output directory's state (:mod:`.manifest`) kept so that a kill at any moment
leaves nothing that a re-run would not recognise.

Order: every output of the run is rendered; the state records each output's new sha256 as *pending* and is
saved; the outputs whose bytes differ are written (atomically); then the state records them as written and
is saved again by the caller. An output whose bytes on disk are neither what translate-kit last wrote nor
what it was writing has been edited by hand: it is kept, with an ``output-edited`` warning.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Diagnostic, TranslateKitError
from ..textio import atomic_write_bytes
from .manifest import OutputState, sha256_bytes
from .memory.store import MemoryStore, normalise
from .options import TranslateOptions
from .outputs import REVIEW_SUFFIX, render_outputs
from .report import FAILED, SKIPPED, TRANSLATED, FileRecord, Flag, RunReport


def write_outputs(
    jobs,
    per_doc: dict,
    output_dir: Path,
    options: TranslateOptions,
    state: OutputState,
    store: MemoryStore,
    report: RunReport,
) -> None:
    rendered = []
    for job in jobs:
        results = per_doc[id(job.doc)]
        texts, written = render_outputs(
            job.doc,
            results,
            drop_boilerplate=options.drop_boilerplate,
            overwrite=options.overwrite,
            suggestions=_suggestions(job.doc, results, store),
        )
        data = {rel: text.encode("utf-8") for rel, text in texts.items()}
        rendered.append((job, data, written))
        state.pending(job.record.relpath, {rel: sha256_bytes(b) for rel, b in data.items()})
    state.save()
    for job, data, written in rendered:
        try:
            changed = _write_document(job.record.relpath, data, output_dir, state, options.force, report)
        except TranslateKitError as exc:
            job.record.status, job.record.error = FAILED, str(exc)
            state.forget(job.record.relpath)
            continue
        job.record.outputs = list(data)
        job.record.status = TRANSLATED if changed else SKIPPED
        flags = [f.to_dict() for f in report.flags if f.file == str(job.doc.path)]
        shas = {rel: sha256_bytes(b) for rel, b in data.items()}
        state.record(job.record.relpath, record=job.record.to_dict(), flags=flags, outputs=shas, review=written)


def _write_document(
    relpath: str, data: dict[str, bytes], output_dir: Path, state: OutputState, force: bool, report: RunReport
) -> bool:
    """Write the outputs of one document whose bytes changed; True when any was written."""
    changed = False
    for rel, new in data.items():
        path = output_dir / rel
        try:
            old = path.read_bytes()
        except OSError:
            old = None
        if old == new and not force:
            continue
        if (
            old is not None
            and not rel.endswith(REVIEW_SUFFIX)
            and state.known(relpath, rel)
            and not state.ours(relpath, rel, sha256_bytes(old))
        ):
            report.warnings.append(
                Diagnostic(
                    "warning",
                    "output-edited",
                    "edited since translate-kit wrote it: kept as it is (record edits "
                    "in the review PO instead, or move the file away to have it rebuilt)",
                    str(path),
                )
            )
            continue
        atomic_write_bytes(path, new)
        changed = True
    return changed


def _suggestions(doc, results, store: MemoryStore) -> dict:
    """Human texts to offer fuzzy in the review PO: drafts of a sentence, and approvals made at the same
    place (unit, sentence position) for a source sentence that has changed since."""
    machine = {}
    for unit in doc.units:
        result = results.get(unit.index)
        for position, sentence in enumerate(result.sentences if result else ()):
            if getattr(sentence, "origin", "machine") == "machine":
                machine[(unit.key, position)] = sentence.source
    if not machine or not store.human_count():
        return {}
    out = {}
    for h in store.human_in_document(doc.relpath.as_posix()):
        current = machine.get((h.unit, h.position))
        if h.approved and current is not None and normalise(current) != normalise(h.source):
            out[current] = ("suggestion", h.target, h.source)
    by_key = {normalise(source): source for source in machine.values()}
    for key, h in store.human_get_many(by_key.values()).items():
        if not h.approved and key in by_key:
            out[by_key[key]] = ("draft", h.target, None)
    return out


def add_earlier_files(state: OutputState, output_dir: Path, seen: set[str], report: RunReport) -> None:
    """Inputs of earlier runs into this directory whose outputs are still there: their records and flags,
    so the report (and ``--strict``) describe the whole output directory."""
    for relpath, rec in sorted(state.files.items()):
        if relpath in seen or "record" not in rec:
            continue
        outputs = rec.get("outputs", {})
        if not outputs or not all((output_dir / o).is_file() for o in outputs):
            continue
        fields = {k: v for k, v in rec["record"].items() if k in FileRecord.__dataclass_fields__}
        record = FileRecord(**fields)
        record.status = SKIPPED
        report.files.append(record)
        report.flags += [Flag(**f) for f in rec.get("flags", [])]
