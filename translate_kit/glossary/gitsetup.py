"""Setting a repository up for the glossary merge driver: the ``.gitattributes`` line that routes glossary PO
files to it and the ``git config`` lines that define it (``glossary install-merge-driver``). Both steps are
idempotent: running the setup twice changes nothing the second time."""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath

from ..errors import GlossaryError
from ..textio import atomic_write_text

DRIVER = "translate-kit-glossary"
DRIVER_NAME = "translate-kit glossary: entry-level three-way merge"


def attributes_line(glossary_rel: PurePosixPath) -> str:
    pattern = "*.po" if str(glossary_rel) in ("", ".") else f"{glossary_rel.as_posix()}/*.po"
    return f"{pattern} merge={DRIVER}"


def driver_command(program: str) -> str:
    """The ``merge.<driver>.driver`` value: git fills in base (%O), ours (%A), theirs (%B) and the path (%P)."""
    return f"{program} glossary merge-driver %O %A %B %P"


def install(glossary_dir: Path, program: str, cwd: Path | None = None) -> list[str]:
    """Write the attributes line and the git config of the driver for the repository holding ``glossary_dir``;
    return one line per change made (nothing when all was in place)."""
    cwd = Path.cwd() if cwd is None else cwd
    top = Path(_git(cwd, "rev-parse", "--show-toplevel").strip())
    absolute = (glossary_dir if glossary_dir.is_absolute() else cwd / glossary_dir).resolve()
    try:
        rel = PurePosixPath(absolute.relative_to(top.resolve()).as_posix())
    except ValueError:
        raise GlossaryError(f"the glossary is outside the git repository at {top}", glossary_dir) from None
    changes = []
    line = attributes_line(rel)
    attributes = top / ".gitattributes"
    text = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
    if line not in text.splitlines():
        atomic_write_text(attributes, text + ("\n" if text and not text.endswith("\n") else "") + line + "\n")
        changes.append(f"{attributes}: added '{line}'")
    for key, value in ((f"merge.{DRIVER}.name", DRIVER_NAME), (f"merge.{DRIVER}.driver", driver_command(program))):
        current = subprocess.run(["git", "config", "--get", key], cwd=top, capture_output=True, text=True, check=False)
        if current.returncode == 0 and current.stdout.rstrip("\n") == value:
            continue
        _git(top, "config", key, value)
        changes.append(f"git config {key} '{value}'")
    return changes


def _git(cwd: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise GlossaryError("git is needed to set up the merge driver but is not installed") from None
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        raise GlossaryError(f"git {args[0]}: {lines[-1] if lines else f'exit code {done.returncode}'}")
    return done.stdout
