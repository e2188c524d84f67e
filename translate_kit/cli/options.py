"""Options that several commands share, each defined once."""

from __future__ import annotations

from pathlib import Path

import click

from ..glossary.pofile import DEFAULT_DIR

_READ_HELP = ("Glossary directory of .po files [default: glossary/ when it exists; an empty directory means no "
              "glossary].")
_EDIT_HELP = "Glossary directory to read and edit."


def glossary_option(*, edit: bool = False):
    """``--glossary DIR`` (parameter ``glossary_dir``). Commands that read the glossary default to
    glossary/ when it exists (else none, with a warning); commands that edit it (``edit=True``) work on
    glossary/ unless told otherwise."""
    if edit:
        return click.option("--glossary", "glossary_dir", type=click.Path(path_type=Path), default=DEFAULT_DIR,
                            show_default=True, help=_EDIT_HELP)
    return click.option("--glossary", "glossary_dir", type=click.Path(path_type=Path), default=None,
                        help=_READ_HELP)
