"""Options that several commands share, each defined once: ``--glossary``; ``-q/--quiet`` and ``-v/--verbose``
(on every command); ``-`` for stdin.

:func:`add_common_options` gives a command (and every subcommand of a group) the two verbosity options; the
lazy group of :mod:`translate_kit.cli` applies it to each command it loads, so no command module declares
them. Commands report through :func:`note` (progress and summary lines on stderr: silenced by ``--quiet``)
and :func:`detail` (extra lines shown only with ``--verbose``); errors are never silenced.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import click

from ..glossary.pofile import DEFAULT_DIR

QUIET, NORMAL, VERBOSE = 0, 1, 2
_KEY = "translate_kit.verbosity"


def _set(level: int):
    def callback(ctx: click.Context, _param, value) -> None:
        if value:
            ctx.meta[_KEY] = level

    return callback


def _common() -> list[click.Option]:
    return [
        click.Option(
            ["-q", "--quiet"],
            is_flag=True,
            expose_value=False,
            is_eager=True,
            callback=_set(QUIET),
            help="Only errors on stderr (no notes, warnings or summary).",
        ),
        click.Option(
            ["-v", "--verbose"],
            is_flag=True,
            expose_value=False,
            is_eager=True,
            callback=_set(VERBOSE),
            help="More detail on stderr (per file, timings, what a dry run would do).",
        ),
    ]


def add_common_options(command: click.Command) -> click.Command:
    """Add ``-q``/``-v`` to ``command`` and, for a group, to each of its subcommands (once)."""
    names = {n for p in command.params for n in getattr(p, "opts", ())}
    if "--quiet" not in names:
        command.params.extend(_common())
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            add_common_options(sub)
    return command


def verbosity() -> int:
    ctx = click.get_current_context(silent=True)
    return ctx.meta.get(_KEY, NORMAL) if ctx is not None else NORMAL


def note(message: str) -> None:
    """A report line on stderr (warnings, summaries), unless ``--quiet``."""
    if verbosity() >= NORMAL:
        click.echo(message, err=True)


def detail(message: str) -> None:
    """An extra line on stderr, only with ``--verbose``."""
    if verbosity() >= VERBOSE:
        click.echo(message, err=True)


STDIN_NAME = "stdin.txt"


def stdin_file(arg: str | Path | None, ctx: click.Context) -> Path | None:
    """``arg`` as a path; ``-`` becomes a temporary ``stdin.txt`` holding standard input (removed when the
    command ends), so that file readers give their usual file:line errors."""
    if arg is None or str(arg) != "-":
        return Path(arg) if arg is not None else None
    tmp = Path(tempfile.mkdtemp(prefix="translate-kit-stdin-"))
    ctx.call_on_close(lambda: shutil.rmtree(tmp, ignore_errors=True))
    path = tmp / STDIN_NAME
    path.write_bytes(sys.stdin.buffer.read())
    return path


_READ_HELP = (
    "Glossary directory of .po files [default: glossary/ when it exists; an empty directory means no glossary]."
)
_EDIT_HELP = "Glossary directory to read and edit."


def glossary_option(*, edit: bool = False):
    """``--glossary DIR`` (parameter ``glossary_dir``). Commands that read the glossary default to
    glossary/ when it exists (else none, with a warning); commands that edit it (``edit=True``) work on
    glossary/ unless told otherwise."""
    if edit:
        return click.option(
            "--glossary",
            "glossary_dir",
            type=click.Path(path_type=Path),
            default=DEFAULT_DIR,
            show_default=True,
            help=_EDIT_HELP,
        )
    return click.option("--glossary", "glossary_dir", type=click.Path(path_type=Path), default=None, help=_READ_HELP)
