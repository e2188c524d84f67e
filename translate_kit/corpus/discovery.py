"""Finding input files: files and directories expanded into sorted ``(path, relpath)`` pairs of the formats
the registry (:mod:`.formats`) knows; hidden files skipped, symlink loops avoided."""

from __future__ import annotations

from pathlib import Path

from ..errors import Diagnostic
from ..textio import is_regular_file, special_file_kind
from .formats import EXTENSIONS


def discover(paths: list[Path]) -> tuple[list[tuple[Path, Path]], list[Diagnostic]]:
    """Expand files and directories into sorted ``(path, relpath)`` pairs of supported inputs.

    Never raises for a bad path: a missing or unreadable path is a Diagnostic of severity "error" (code
    ``missing-path`` / ``unreadable-path``) so the caller can report it and go on with the rest; an
    unsupported file is a warning (``unsupported-file``), and so is a FIFO, device or socket (``special-file``:
    never opened, so never a hang); hidden files and directories are skipped. A file
    given directly has its own name as relpath; files found in a directory are relative to it. Two inputs
    that would share a relpath (hence an output) → an error diagnostic ``relpath-collision`` for the second.
    """
    found: list[tuple[Path, Path]] = []
    diags: list[Diagnostic] = []
    for root in map(Path, paths):
        if not root.exists():
            diags.append(Diagnostic("error", "missing-path", "no such file or directory", str(root)))
        elif root.is_dir():
            found += _walk(root, diags)
        elif special_file_kind(root):
            diags.append(_special(root))
        elif root.suffix.lower() in EXTENSIONS:
            found.append((root, Path(root.name)))
        else:
            diags.append(_unsupported(root))
    seen: dict[Path, Path] = {}
    unique: list[tuple[Path, Path]] = []
    for path, rel in found:
        if rel in seen:
            if seen[rel].resolve() != path.resolve():
                diags.append(
                    Diagnostic(
                        "error",
                        "relpath-collision",
                        f"skipped: its output would collide with {seen[rel]} ({rel})",
                        str(path),
                    )
                )
            continue
        seen[rel] = path
        unique.append((path, rel))
    return unique, diags


def _walk(root: Path, diags: list[Diagnostic]) -> list[tuple[Path, Path]]:
    try:
        children = sorted(root.iterdir())
    except OSError as exc:
        diags.append(Diagnostic("error", "unreadable-path", f"cannot read directory: {exc.strerror or exc}", str(root)))
        return []
    found: list[tuple[Path, Path]] = []
    stack = [(root, children)]
    visited = {root.resolve()}  # a symlink back up the tree must not loop
    while stack:
        _, entries = stack.pop()
        for child in entries:
            if child.name.startswith("."):
                continue
            if child.is_dir():
                if child.resolve() in visited:
                    continue
                visited.add(child.resolve())
                try:
                    stack.append((child, sorted(child.iterdir())))
                except OSError as exc:
                    diags.append(
                        Diagnostic(
                            "error", "unreadable-path", f"cannot read directory: {exc.strerror or exc}", str(child)
                        )
                    )
            elif not is_regular_file(child):
                if special_file_kind(child):
                    diags.append(_special(child))
                elif child.suffix.lower() in EXTENSIONS:  # a dangling symlink
                    diags.append(Diagnostic("error", "missing-path", "no such file (a dangling symlink?)", str(child)))
            elif child.suffix.lower() in EXTENSIONS:
                found.append((child, child.relative_to(root)))
            else:
                diags.append(_unsupported(child))
    return sorted(found, key=lambda pair: pair[1].parts)


def _special(path: Path) -> Diagnostic:
    return Diagnostic("warning", "special-file", f"skipped: {special_file_kind(path)}, not a regular file", str(path))


def _unsupported(path: Path) -> Diagnostic:
    return Diagnostic("warning", "unsupported-file", "skipped: not a .txt, .po or .jsonl file", str(path))
