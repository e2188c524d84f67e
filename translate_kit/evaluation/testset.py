"""Evaluation test sets: a directory of ``<split>.id`` / ``<split>.en`` files, line i aligned with line i."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, option

SOURCE_SUFFIX = ".id"
REFERENCE_SUFFIX = ".en"
DEFAULT_SPLIT = "test"


@dataclass(frozen=True)
class TestSet:
    """One split of a test set: its Indonesian source file and English reference file."""

    __test__ = False  # not a pytest test class

    directory: Path
    split: str

    @property
    def name(self) -> str:
        return self.directory.name

    @property
    def source(self) -> Path:
        return self.directory / f"{self.split}{SOURCE_SUFFIX}"

    @property
    def reference(self) -> Path:
        return self.directory / f"{self.split}{REFERENCE_SUFFIX}"


def splits(directory: str | Path) -> list[str]:
    """Names of the splits that have both an ``.id`` and an ``.en`` file, sorted."""
    d = Path(directory)
    return sorted(
        p.stem for p in d.glob(f"*{SOURCE_SUFFIX}") if p.is_file() and (d / f"{p.stem}{REFERENCE_SUFFIX}").is_file()
    )


def find_testset(directory: str | Path, split: str | None = None) -> TestSet:
    """The requested split; without one, the only split, else ``test`` when present. InputError otherwise."""
    d = Path(directory)
    if not d.is_dir():
        raise InputError(
            "test set directory does not exist"
            if not d.exists()
            else "a test set is a directory of <split>.id / <split>.en files",
            d,
        )
    found = splits(d)
    if not found:
        raise InputError("no test set here: expected <split>.id with <split>.en beside it", d)
    if split is None:
        if len(found) == 1:
            split = found[0]
        elif DEFAULT_SPLIT in found:
            split = DEFAULT_SPLIT
        else:
            raise InputError(f"several splits ({', '.join(found)}): choose one with {option('split')}", d)
    elif split not in found:
        missing = d / f"{split}{SOURCE_SUFFIX}"
        if missing.is_file():
            missing = d / f"{split}{REFERENCE_SUFFIX}"
        raise InputError(f"no split {split!r} (available: {', '.join(found)})", missing)
    return TestSet(d, split)
