"""Reading hypothesis, reference and source segments for scoring, aligned line for line.

Each input is a file (one segment per line), a directory of same-named ``.txt`` articles, or a bilingual
``.po`` file (its msgstr side; the msgid side can serve as the source). Lines that are blank in every input
are paragraph breaks, not segments, and are skipped (so are blank lines at the end of one input only); any
other blank line is scored as an empty segment and reported as a warning. Unequal counts, missing
counterpart files, empty files and non-UTF-8 bytes raise :class:`~translate_kit.errors.InputError` naming
the file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..corpus.pairing import Segment, load_segments
from ..errors import Diagnostic, InputError


@dataclass
class ScoreInputs:
    """Aligned segment texts (same length) and where each came from."""

    hypotheses: list[str]
    references: list[str]
    sources: list[str] | None = None
    baseline: list[str] | None = None
    more_references: list[list[str]] = field(default_factory=list)  # second, third … reference, aligned
    skipped_blank: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.hypotheses)


def text_digest(lines: Sequence[str]) -> str:
    """sha256 of segments joined by newlines: identifies a reference or source side."""
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def load_lines(path: Path, side: str = "target") -> list[Segment]:
    """Every line of a file/directory as a segment, blank ones included (they keep the alignment)."""
    return load_segments(path, side=side, keep_blank=True)


def _fit(mine: list[Segment], length: int, fallback: Path) -> list[Segment] | None:
    """``mine`` cut or padded to ``length`` when only blank lines differ (a trailing empty line), else None."""
    if len(mine) > length:
        return mine[:length] if not any(s.text for s in mine[length:]) else None
    file = mine[-1].file if mine else str(fallback)
    last = mine[-1].line if mine else 0
    return mine + [Segment(file, last + k, "") for k in range(1, length - len(mine) + 1)]


def _groups(path: Path, segs: list[Segment]) -> dict[str, list[Segment]]:
    """Segments per article name for a directory, one group for a file."""
    if not path.is_dir():
        return {"": segs}
    groups: dict[str, list[Segment]] = {}
    for s in segs:
        groups.setdefault(Path(s.file).name, []).append(s)
    return groups


def _align(
    label: str, path: Path, segs: list[Segment], ref_path: Path, ref_groups: dict[str, list[Segment]]
) -> list[Segment]:
    """``segs`` reordered to follow the reference article by article; InputError on any mismatch."""
    if path.is_dir() != ref_path.is_dir() and ref_path.is_dir():
        raise InputError(f"{label} must be a directory like the reference {ref_path}", path)
    groups = _groups(path, segs) if ref_path.is_dir() else {"": segs}
    if ref_path.is_dir():
        for name in ref_groups:
            if name not in groups:
                raise InputError(f"{label} counterpart of {ref_path / name} is missing", path / name)
        for name in groups:
            if name not in ref_groups:
                raise InputError(f"{label} file has no counterpart in the reference {ref_path}", path / name)
    out = []
    for name, ref_segs in ref_groups.items():
        mine = groups[name]
        fitted = _fit(mine, len(ref_segs), path / name if name else path)
        if any(s.text for s in ref_segs[len(mine) :]):
            fitted = None
        if fitted is None:
            where = Path(mine[0].file) if mine else path / name
            line = mine[len(ref_segs)].line if len(mine) > len(ref_segs) else None  # first surplus line
            ref_file = ref_segs[0].file if ref_segs else ref_path / name
            raise InputError(
                f"{label} has {len(mine)} lines but the reference {ref_file} has {len(ref_segs)}", where, line
            )
        out.extend(fitted)
    return out


def _warn_empty(kind: str, label: str, segs: list[Segment], others: list[list[Segment]], out: list[Diagnostic]) -> None:
    """One warning per side: segments blank here but not in every other input."""
    empty = [i for i, s in enumerate(segs) if not s.text and any(o[i].text for o in others)]
    if empty:
        first = segs[empty[0]]
        more = f" (and {len(empty) - 1} more)" if len(empty) > 1 else ""
        out.append(Diagnostic("warning", kind, f"empty {label} segment{more}, scored as empty", first.file, first.line))


def load_inputs(
    hyp: str | Path,
    ref: str | Path | Sequence[str | Path],
    src: str | Path | None = None,
    baseline: str | Path | None = None,
) -> ScoreInputs:
    """Load and align the scoring inputs (see the module docstring). ``ref`` may list several references
    (sacrebleu multi-reference scoring): the first one sets the alignment, the others are aligned to it."""
    refs = [ref] if isinstance(ref, (str, Path)) else list(ref)
    hyp_p, ref_p = Path(hyp), Path(refs[0])
    ref_segs = load_lines(ref_p)
    ref_groups = _groups(ref_p, ref_segs)
    ref_segs = [s for g in ref_groups.values() for s in g]
    sides = {"hypothesis": _align("hypothesis", hyp_p, load_lines(hyp_p), ref_p, ref_groups)}
    if src is not None:
        sides["source"] = _align("source", Path(src), load_lines(Path(src), "source"), ref_p, ref_groups)
    elif hyp_p.suffix == ".po" or (hyp_p.is_dir() and any(p.suffix == ".po" for p in hyp_p.iterdir())):
        sides["source"] = _align("source", hyp_p, load_lines(hyp_p, "source"), ref_p, ref_groups)
    if baseline is not None:
        sides["baseline"] = _align("baseline", Path(baseline), load_lines(Path(baseline)), ref_p, ref_groups)
    more = [f"reference-{n}" for n in range(2, len(refs) + 1)]
    for name, path in zip(more, refs[1:]):
        sides[name] = _align(name.replace("-", " "), Path(path), load_lines(Path(path)), ref_p, ref_groups)
    sides["reference"] = ref_segs
    # paragraph breaks: blank everywhere
    keep = [i for i in range(len(ref_segs)) if any(side[i].text for side in sides.values())]
    for name in sides:
        sides[name] = [sides[name][i] for i in keep]
    diags: list[Diagnostic] = []
    for name, segs in sides.items():
        others = [v for k, v in sides.items() if k != name]
        _warn_empty(f"empty-{name}", name, segs, others, diags)
    hyps = sides["hypothesis"]
    return ScoreInputs(
        hypotheses=[s.text for s in hyps],
        references=[s.text for s in sides["reference"]],
        sources=[s.text for s in sides["source"]] if "source" in sides else None,
        baseline=[s.text for s in sides["baseline"]] if "baseline" in sides else None,
        more_references=[[s.text for s in sides[name]] for name in more],
        skipped_blank=len(ref_segs) - len(keep),
        diagnostics=diags,
    )
