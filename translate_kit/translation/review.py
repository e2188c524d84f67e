"""The review loop: edits in the review POs of an output directory become human segments of the memory.

An editor changes ``msgstr`` in ``a.txt.review.po`` and clears ``#, fuzzy``. The next ``translate`` into that
directory, or ``review apply OUTDIR`` (which then rebuilds the outputs with the last run's inputs and
options, see :func:`translate_kit.translation.run.apply_reviews`), records each such entry as an **approved** human translation of its
``msgid``: an entry counts as edited when it is not fuzzy and its ``msgstr`` differs from what translate-kit
wrote there, or translate-kit wrote it fuzzy (a flagged sentence the editor accepted). An entry whose
``msgstr`` was changed but is still fuzzy is kept as a **draft**: shown again in the review PO, never used
in the outputs. Nothing else of the PO is read, and a review PO translate-kit wrote itself is skipped
unread.

:func:`review_status` counts the sentences of the directory by origin (machine, approved, flagged, stale:
approvals offered as fuzzy suggestions because their source sentence changed) and the edits not applied yet.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Diagnostic, InputError, TranslateKitError
from ..textio import decode_text, parse_po, read_bytes
from .manifest import OutputState, sha256_bytes
from .memory.store import HumanSegment, MemoryStore
from .outputs import REVIEW_SUFFIX


@dataclass
class ReviewEdits:
    approved: int = 0
    drafts: int = 0
    files: list[str] = field(default_factory=list)  # review POs that held edits
    warnings: list[Diagnostic] = field(default_factory=list)


def read_review_edits(output_dir: Path, state: OutputState) -> tuple[list[HumanSegment], ReviewEdits]:
    """The human segments edited into the review POs of ``output_dir`` since translate-kit wrote them."""
    edits, found = ReviewEdits(), []
    for relpath in sorted(state.files):
        review_rel = relpath + REVIEW_SUFFIX
        path = output_dir / review_rel
        try:
            data = read_bytes(path)
        except InputError:
            continue
        if state.ours(relpath, review_rel, sha256_bytes(data)):
            continue
        try:
            po = parse_po(decode_text(data, path), path)
        except InputError as exc:
            edits.warnings.append(
                Diagnostic(
                    "warning", "review-unreadable", f"{exc.message}; its edits were not recorded", str(path), exc.line
                )
            )
            continue
        segments = _edited(po, state.review_written(relpath), relpath)
        if segments:
            edits.files.append(review_rel)
        found += segments
    edits.approved = sum(1 for s in found if s.approved)
    edits.drafts = len(found) - edits.approved
    return found, edits


def _edited(po, written: dict, relpath: str) -> list[HumanSegment]:
    out = []
    for entry in po:
        if entry.obsolete or not entry.msgid or not entry.msgstr.strip():
            continue
        was = written.get(entry.msgid)
        was_text, was_fuzzy, _origin, where = was if was else (None, True, None, [None, None])
        fuzzy = "fuzzy" in entry.flags
        if not fuzzy and (entry.msgstr != was_text or was_fuzzy):
            approved = True
        elif fuzzy and entry.msgstr != was_text:
            approved = False
        else:
            continue
        out.append(HumanSegment(entry.msgid, entry.msgstr, approved, "review", relpath, where[0], where[1]))
    return out


def collect_review_edits(output_dir: Path, state: OutputState, store: MemoryStore) -> ReviewEdits:
    """Record the edits of the review POs of ``output_dir`` in ``store`` (see the module docstring)."""
    segments, edits = read_review_edits(output_dir, state)
    if segments:
        store.human_put(segments)
    return edits


def review_status(output_dir: Path) -> dict:
    """Sentences of ``output_dir`` by origin, flagged ones, stale approvals, and edits not yet applied."""
    output_dir = Path(output_dir)
    state = OutputState.load(output_dir)
    if not state.files:
        raise TranslateKitError("no translate run recorded in this output directory", output_dir)
    counts: Counter = Counter()
    for rec in state.files.values():
        for _text, _fuzzy, origin, _where in rec.get("review", {}).values():
            counts[
                "machine" if origin in ("machine", "draft") else "stale" if origin == "suggestion" else "approved"
            ] += 1
            counts["drafts"] += origin == "draft"
        counts["flagged"] += len({f["sentence"] for f in rec.get("flags", [])})
    segments, edits = read_review_edits(output_dir, state)
    return {
        "files": len(state.files),
        "sentences": sum(counts[k] for k in ("machine", "approved", "stale")),
        "machine": counts["machine"],
        "approved": counts["approved"],
        "flagged": counts["flagged"],
        "stale": counts["stale"],
        "drafts": counts["drafts"],
        "unapplied_edits": len(segments),
        "unapplied_files": edits.files,
    }
