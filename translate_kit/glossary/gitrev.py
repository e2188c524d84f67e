"""Reading a glossary as it stands in a git revision, in the working tree, or in any directory.

A *side* of a diff is the text of every glossary ``*.po`` file of one version, keyed by file name. Revisions
are read with git itself (``git ls-tree`` for the file list, one ``git cat-file --batch`` for the contents),
never with libgit2: whatever git accepts as a revision (``HEAD~2``, ``origin/main``, a tag, a commit id)
works. Every problem is a one-line :class:`~translate_kit.errors.GlossaryError`.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..errors import GlossaryError
from ..textio import decode_text, read_bytes
from .pofile import glossary_files

#: the label of the working tree side
WORKTREE = "working tree"


@dataclass
class Side:
    """One version of a glossary: ``files`` maps a file name (``abbreviations.po``) to its text."""

    label: str  # "HEAD", "origin/main", "working tree", or a directory
    files: dict[str, str] = field(default_factory=dict)
    #: how a file of this side is named in messages: prefix + name (``HEAD:glossary/`` or ``glossary/``)
    prefix: str = ""

    def display(self, name: str) -> Path:
        return Path(f"{self.prefix}{name}")


def read_side(spec: str | None, glossary_dir: Path, cwd: Path | None = None) -> Side:
    """The glossary of ``spec``: None is ``glossary_dir`` on disk (the working tree); an existing directory
    or ``.po`` file (relative to the process's directory) is read from disk; anything else is a git revision
    of the repository around ``cwd``, read at ``glossary_dir``'s path."""
    cwd = Path.cwd() if cwd is None else cwd
    if spec is None:
        return read_directory(glossary_dir, WORKTREE, missing_ok=True)
    if Path(spec).exists():  # a directory (or .po file) wins over a revision of the same name
        return read_directory(Path(spec), spec)
    return read_revision(spec, glossary_dir, cwd)


def read_directory(directory: Path, label: str, missing_ok: bool = False) -> Side:
    """Every glossary ``*.po`` of ``directory`` (or the one ``.po`` file); a missing directory is an empty
    glossary when ``missing_ok`` (a working tree where the glossary was deleted)."""
    if missing_ok and not directory.exists():
        return Side(label, {}, f"{directory}/")
    files = glossary_files(directory)
    prefix = f"{directory.parent}/" if directory.is_file() else f"{directory}/"
    side = Side(label, {}, "" if prefix == "./" else prefix)
    for path in files:
        side.files[path.name] = _decode(
            read_bytes(path, what="glossary file", error=GlossaryError), side.display(path.name)
        )
    return side


def read_revision(rev: str, glossary_dir: Path, cwd: Path) -> Side:
    """The glossary files at ``glossary_dir``'s place in revision ``rev`` of the repository around ``cwd``."""
    top = Path(_git(cwd, "rev-parse", "--show-toplevel", what="find the git repository").strip())
    commit = _git(
        cwd,
        "rev-parse",
        "--verify",
        "--quiet",
        f"{rev}^{{commit}}",
        what=f"read revision {rev!r}",
        missing=f"{rev!r} is neither a directory nor a git revision",
    )
    rel = _relative(glossary_dir, cwd, top)
    listing = _git(top, "ls-tree", "-z", "-r", commit.strip(), "--", rel.as_posix(), what="list files")
    blobs = []
    for record in filter(None, listing.split("\0")):
        meta, name = record.split("\t", 1)
        kind, sha = meta.split()[1:3]
        p = PurePosixPath(name)
        directly = p.parent == PurePosixPath(rel.as_posix()) or p == PurePosixPath(rel.as_posix())
        if kind == "blob" and p.suffix == ".po" and directly:
            blobs.append((p, sha))
    base = PurePosixPath(rel.as_posix()) if not rel.as_posix().endswith(".po") else PurePosixPath(rel.parent)
    side = Side(rev, {}, f"{rev}:{base.as_posix()}/" if str(base) != "." else f"{rev}:")
    for (p, _), data in zip(blobs, _cat_blobs(top, [sha for _, sha in blobs])):
        side.files[p.name] = _decode(data, side.display(p.name))
    return side


def _relative(glossary_dir: Path, cwd: Path, top: Path) -> Path:
    absolute = (glossary_dir if glossary_dir.is_absolute() else cwd / glossary_dir).resolve()
    try:
        return absolute.relative_to(top.resolve())
    except ValueError:
        raise GlossaryError(f"the glossary is outside the git repository at {top}", glossary_dir) from None


def _git(cwd: Path, *args: str, what: str, missing: str | None = None) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise GlossaryError(f"git is needed to {what} but is not installed") from None
    if done.returncode != 0:
        if missing is not None and done.returncode == 1 and not done.stderr.strip():
            raise GlossaryError(missing)
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = message[-1] if message else f"exit code {done.returncode}"
        raise GlossaryError(f"cannot {what}: git {args[0]}: {detail}")
    return done.stdout.decode("utf-8", "surrogateescape")


def _cat_blobs(top: Path, shas: list[str]) -> list[bytes]:
    """The contents of ``shas``, read in one ``git cat-file --batch`` run."""
    if not shas:
        return []
    done = subprocess.run(
        ["git", "cat-file", "--batch"],
        cwd=top,
        input="".join(f"{s}\n" for s in shas).encode(),
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        raise GlossaryError(f"cannot read files: git cat-file: {done.stderr.decode('utf-8', 'replace').strip()}")
    out, pos, data = [], 0, done.stdout
    for _ in shas:
        eol = data.index(b"\n", pos)
        size = int(data[pos:eol].split()[2])
        out.append(data[eol + 1 : eol + 1 + size])
        pos = eol + 1 + size + 1  # the contents are followed by a newline
    return out


def _decode(data: bytes, where: Path) -> str:
    text = decode_text(data, where, error=GlossaryError, subject="glossary file", allow_empty=True)
    return text.replace("\r\n", "\n")
