"""Error types shared by every room of the library.

Every error a user can cause carries the file (and line where it applies) so that the CLI prints one clear
line such as ``glossary/people.po:12: duplicate msgid "Kim Jong Un"`` and exits with code 2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


def location(path: str | None, line: int | None) -> str:
    """``file:line``, ``file``, or "" — the prefix of every message that concerns a file."""
    if path is None:
        return ""
    return f"{path}:{line}" if line else path


_OPTION = re.compile("\x00([a-z_]+)\x00")


def option(name: str) -> str:
    """A reference to the caller's option ``name`` (a keyword argument of the library call) inside a message.

    Library messages never name command-line flags: they say ``option("split")``, which reads ``split=`` when
    the error is shown to a Python caller and ``--split`` when the command line shows it (:meth:`render`)."""
    return f"\x00{name}\x00"


class TranslateKitError(Exception):
    """Base class: an error with a one-line, user-facing message."""

    exit_code = 2

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def location(self) -> str:
        return location(self.path, self.line)

    def render(self, flag=lambda name: f"{name}=") -> str:
        """``file:line: message`` with each :func:`option` reference written by ``flag(name)``."""
        message = _OPTION.sub(lambda m: flag(m.group(1)), self.message)
        loc = self.location()
        return f"{loc}: {message}" if loc else message

    def __str__(self) -> str:
        return self.render()


class InputError(TranslateKitError):
    """Bad input: unreadable, empty, binary or malformed files, wrong counts, unknown codes."""


class GlossaryError(InputError):
    """A glossary file that cannot be loaded (syntax error, conflicting entries, bad header)."""


class ModelError(TranslateKitError):
    """No usable translation package (not installed, broken package, failed download)."""


class MissingDependencyError(TranslateKitError):
    """An optional extra a feature needs is not installed (the message says how to install it)."""


class OutputError(TranslateKitError):
    """An output location that cannot be written."""


class Interrupted(TranslateKitError):
    """A run stopped by Ctrl-C; the message is its one-line summary (what was kept, how to resume)."""

    exit_code = 130


@dataclass(frozen=True)
class Diagnostic:
    """A non-fatal problem worth reporting (a warning in a report, a lint finding)."""

    severity: str  # "error" | "warning" | "info"
    code: str  # stable kebab-case name, e.g. "empty-file"
    message: str
    path: str | None = None
    line: int | None = None

    def location(self) -> str:
        return location(self.path, self.line)

    def __str__(self) -> str:
        loc = self.location()
        return (
            f"{loc}: {self.severity}: {self.message} [{self.code}]"
            if loc
            else f"{self.severity}: {self.message} [{self.code}]"
        )

    def to_dict(self) -> dict:
        return {
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "path": self.path,
            "line": self.line,
        }
