"""The translation pipeline: documents → units → sentences → term matches → one batched, glossary-constrained
translation of the whole batch → reassembled units → writers, with a :class:`~translate_kit.translation.report.RunReport`.

Two entry points:

- :func:`translate_documents` — what ``translate-kit translate`` runs: read inputs, skip the up-to-date ones,
  translate every remaining sentence of every file in one call to the translator, write outputs and review
  files, and return the run report. A bad input file becomes a ``failed`` record (the rest of the batch goes
  on); an unwritable output directory raises :class:`~translate_kit.errors.OutputError`.
- :func:`translate_segments` — the lower level, stable for other commands (``eval``): translate a list of
  texts (each a paragraph or a line; separators and line breaks kept) with a given glossary and translator,
  returning one :class:`SegmentResult` per text, in order.

Boilerplate units pass through untranslated (or are dropped by the writers); identical sentences across the
batch are translated once; sentences longer than the model's input limit are split at spaces first.
"""

from __future__ import annotations

import math
import os
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from .constrain import PLACEHOLDER, Outcome, Problem, translate_constrained
from ..corpus import BoilerplateRules, Document, discover, read_document
from ..corpus.segment import split_sentences
from ..errors import Diagnostic, InputError, OutputError, TranslateKitError
from ..glossary.model import Entry, Glossary
from .manifest import Manifest, Stamp, digest
from ..glossary.matching import source_matcher
from .report import FAILED, SKIPPED, FileRecord, Flag, RunReport
from .outputs import write_document

Progress = Callable[[int, int], None]


@dataclass
class TranslateOptions:
    """Options of a run; those that change outputs are part of the up-to-date stamp."""

    beam_size: int = 4
    length_penalty: float = 0.2
    max_batch_tokens: int = 2048
    force: bool = False
    overwrite: bool = False
    drop_boilerplate: bool = False
    boilerplate: Path | None = None  # a file of extra boilerplate patterns (one regex per line)
    report: Path | None = None  # default: OUTPUT_DIR/report.json
    progress: Progress | None = field(default=None, repr=False)  # called as progress(done, total)

    def stamp(self, rules: BoilerplateRules) -> str:
        return digest({"beam_size": self.beam_size, "length_penalty": self.length_penalty,
                       "overwrite": self.overwrite, "drop_boilerplate": self.drop_boilerplate,
                       "boilerplate": rules.patterns})

    def to_dict(self) -> dict:
        return {"beam_size": self.beam_size, "length_penalty": self.length_penalty,
                "max_batch_tokens": self.max_batch_tokens, "force": self.force, "overwrite": self.overwrite,
                "drop_boilerplate": self.drop_boilerplate,
                "boilerplate": str(self.boilerplate) if self.boilerplate else None,
                "report": str(self.report) if self.report else None}


@dataclass
class SentenceResult:
    source: str
    text: str
    terms: list[Entry] = field(default_factory=list)
    flags: list[Problem] = field(default_factory=list)


@dataclass
class SegmentResult:
    """The translation of one text: ``flags`` non-empty means a term could not be verified (see constrain)."""

    text: str
    flags: list[Problem] = field(default_factory=list)
    terms: list[Entry] = field(default_factory=list)  # glossary entries applied, once per occurrence
    sentences: list[SentenceResult] = field(default_factory=list)
    split_long: int = 0  # sentences split because they exceeded the model's input limit
    repaired: int = 0  # sentences whose first protection failed and a repair attempt verified

    @property
    def flagged(self) -> bool:
        return bool(self.flags)


# -- translate_segments ---------------------------------------------------------------------------------------
class _Timer:
    def __init__(self, timings: dict):
        self.timings = timings

    @contextmanager
    def __call__(self, key: str):
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.timings[key] = self.timings.get(key, 0.0) + time.perf_counter() - t0


def _chunks(sentence: str, translator, limit: int, spans: Sequence[tuple[int, int, int]]) -> list[str]:
    """``sentence`` cut into pieces of at most ``limit`` model tokens (one piece when it fits).

    ``spans`` are the matched terms as (start, end, reserve): cuts fall on spaces (anywhere, when a piece
    has none) and never inside a term, and each term in a piece reserves ``reserve`` extra tokens, because
    protection (a placeholder, or the English form written inline by a repair) can make the text the model
    sees longer than the sentence itself.
    """
    reserve = sum(r for _, _, r in spans)
    if len(sentence.encode("utf-8")) + reserve < limit:  # a token covers at least one byte: no need to tokenise
        return [sentence]
    n = len(translator.tokenize(sentence)) + reserve
    if n <= limit or len(sentence) < 2:
        return [sentence]
    free = [i for i in range(1, len(sentence)) if not any(s < i < e for s, e, _ in spans)]
    cuts = [i for i in free if sentence[i] == " "] or free
    if not cuts:
        return [sentence]
    parts = max(2, math.ceil(n * 1.25 / limit))
    chosen = sorted({min(cuts, key=lambda c: abs(c - len(sentence) * k / parts)) for k in range(1, parts)})
    out, pos = [], 0
    for cut in chosen + [len(sentence)]:
        piece = sentence[pos:cut]
        lead = len(piece) - len(piece.lstrip())
        local = [(s - pos - lead, e - pos - lead, r) for s, e, r in spans if pos <= s and e <= cut]
        if piece.strip():
            out += _chunks(piece.strip(), translator, limit, local) if piece.strip() != sentence else [piece]
        pos = cut + 1 if cut < len(sentence) and sentence[cut] == " " else cut
    return out


class _ProtectionReserve:
    """Upper bound of the extra model tokens one protected term can cost: its placeholder plus its English
    form (what the inline repair writes), tokenised once per entry."""

    def __init__(self, translator):
        self.translator = translator
        self.cache: dict[int, int] = {}
        self.placeholder = len(translator.tokenize(" ZX999"))

    def __call__(self, entry) -> int:
        got = self.cache.get(id(entry))
        if got is None:
            got = self.cache[id(entry)] = self.placeholder + len(self.translator.tokenize(" " + entry.preferred))
        return got


def translate_segments(texts: Sequence[str], *, glossary: Glossary | None, translator,
                       options: TranslateOptions | None = None,
                       timings: dict | None = None) -> list[SegmentResult]:
    """Translate ``texts`` (paragraphs or lines) as one batch; one :class:`SegmentResult` per text, in order.

    ``translator`` is an engine ``BatchTranslator`` (anything with ``translate(list[str], progress=…)``,
    ``tokenize(str)`` and ``max_input_tokens``). ``glossary`` None or empty: plain batched translation.
    The text between sentences (spaces, line breaks) is kept exactly; only sentences are translated.
    """
    options = options or TranslateOptions()
    timer = _Timer(timings if timings is not None else {})
    limit = getattr(translator, "max_input_tokens", None) or 0

    with timer("segment"):
        spans = [split_sentences(text) for text in texts]

    # plan: each text becomes [separator, sentence, separator, …]; sentences (cut to the model's input
    # limit, never inside a term) go to one flat list with their term matches
    with timer("match"):
        matcher = source_matcher(glossary.entries) if glossary else None
        reserve = _ProtectionReserve(translator) if limit and matcher else None
        flat: list[str] = []
        matches: list[list] = []
        plans: list[list[tuple[str, object]]] = []
        split_long: list[int] = []
        for text, sentence_spans in zip(texts, spans):
            plan, pos, n_split = [], 0, 0
            for span in sentence_spans:
                plan.append(("sep", text[pos:span.start]))
                sentence = span.text
                found = matcher.find(sentence) if matcher else []
                pieces = [sentence]
                if limit:
                    pieces = _chunks(sentence, translator, limit,
                                     [(m.start, m.end + len(m.suffix), reserve(m.entry)) for m in found])
                if len(pieces) > 1:
                    found = [matcher.find(p) if matcher else [] for p in pieces]
                else:
                    found = [found]
                if len(pieces) > 1 or span.forced:
                    n_split += 1
                plan.append(("sent", (sentence, list(range(len(flat), len(flat) + len(pieces))))))
                flat += pieces
                matches += found
                pos = span.end
            plan.append(("sep", text[pos:]))
            plans.append(plan)
            split_long.append(n_split)

    counts = [0, 0]  # done, total over every translator call (the first call is the whole batch)

    def advance(n: int) -> None:
        counts[0] += n
        options.progress(counts[0], counts[1])

    def translate(batch: list[str]) -> list[str]:
        counts[1] += len(batch)
        return translator.translate(batch, progress=advance if options.progress else None)

    with timer("translate"):
        outcomes: list[Outcome] = translate_constrained(flat, matches, translate)
    if len(outcomes) != len(flat):
        raise RuntimeError(f"{len(flat)} sentences in, {len(outcomes)} out")

    results = []
    for plan, n_split in zip(plans, split_long):
        parts, sentences = [], []
        for kind, value in plan:
            if kind == "sep":
                parts.append(value)
                continue
            source, idx = value
            outs = [outcomes[i] for i in idx]
            text = " ".join(o.text for o in outs)
            parts.append(text)
            sentences.append(SentenceResult(source, text, [e for o in outs for e in o.entries],
                                            [p for o in outs for p in o.problems]))
        repaired = sum(1 for kind, value in plan if kind == "sent" for i in value[1]
                       if outcomes[i].scheme not in ("", PLACEHOLDER) and not outcomes[i].flagged)
        results.append(SegmentResult("".join(parts), [p for s in sentences for p in s.flags],
                                     [e for s in sentences for e in s.terms], sentences, n_split, repaired))
    return results


# -- translate_documents --------------------------------------------------------------------------------------
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
    """``directory``, else ``glossary/`` when it exists, else no glossary (with a ``no-glossary`` warning)."""
    from ..glossary.pofile import load_glossary_or_default

    glossary = load_glossary_or_default(directory)
    if glossary is not None:
        return glossary
    return Glossary(diagnostics=[Diagnostic("warning", "no-glossary",
                                            "no --glossary and no glossary/ directory: translating without "
                                            "a glossary")])


def load_rules(options: TranslateOptions) -> BoilerplateRules:
    return BoilerplateRules.from_file(options.boilerplate) if options.boilerplate else BoilerplateRules()


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
    timer = _Timer(report.timings)
    t_start = time.perf_counter()

    check_output_dir(output_dir)
    rules = load_rules(options)
    if package is None and translator is None:
        package = engine.find_package()
    info = engine.package_info(translator.package if translator is not None else package)
    report.model = {**info.to_dict(), "label": info.label}
    model_stamp = _model_stamp(info)
    report.glossary = {"digest": glossary.digest, "files": [str(p) for p in glossary.files],
                       "entries": len(glossary.entries)}
    report.warnings += glossary.diagnostics
    stamp_common = (glossary.digest, model_stamp, options.stamp(rules))
    manifest = Manifest.load(output_dir)

    # read every input; bad ones become failed records, the rest go on
    todo: list[tuple[Document, FileRecord, Stamp]] = []
    with timer("read"):
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
            todo.append((doc, record, stamp))

    # one batch: every translatable unit of every document
    units = []
    for doc, record, _ in todo:
        for unit in doc.units:
            if unit.kind == "boilerplate":
                record.boilerplate += 1
                report.boilerplate[unit.meta.get("boilerplate", "?")] += 1
            elif unit.kind == "text":
                if doc.format == "po" and unit.existing and not options.overwrite:
                    record.kept += 1
                else:
                    units.append((doc, record, unit))
    results: list[SegmentResult] = []
    if units:
        if translator is None:
            translator = engine.BatchTranslator(package, beam_size=options.beam_size,
                                                length_penalty=options.length_penalty,
                                                max_batch_tokens=options.max_batch_tokens)
        results = translate_segments([u.text for _, _, u in units], glossary=glossary,
                                     translator=translator, options=options, timings=report.timings)
    if len(results) != len(units):
        raise RuntimeError(f"{len(units)} segments in, {len(results)} out")

    per_doc: dict[int, dict[int, SegmentResult]] = {id(doc): {} for doc, _, _ in todo}
    for (doc, record, unit), res in zip(units, results):
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

    with timer("write"):
        for doc, record, stamp in todo:
            try:
                record.outputs = write_document(doc, per_doc[id(doc)], output_dir,
                                                drop_boilerplate=options.drop_boilerplate,
                                                overwrite=options.overwrite)
            except TranslateKitError as exc:
                record.status, record.error = FAILED, str(exc)
                manifest.forget(record.relpath)
                continue
            manifest.record(record.relpath, stamp, record.outputs)
        manifest.save()
    report.timings["total"] = time.perf_counter() - t_start
    report.write(options.report or output_dir / "report.json")
    return report

