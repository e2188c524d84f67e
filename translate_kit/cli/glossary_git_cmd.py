"""``translate-kit glossary diff | merge-driver | install-merge-driver``: the glossary under git, as thin click
adapters over :mod:`translate_kit.glossary.diff`, :mod:`~translate_kit.glossary.impact` and
:mod:`~translate_kit.glossary.merge3`."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import click

_glossary_option = click.option(
    "--glossary",
    "glossary_dir",
    default="glossary",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Glossary directory (its path inside the repository for revisions).",
)


@click.command("diff")
@click.argument("revisions", nargs=-1, metavar="[REV_A [REV_B]]")
@_glossary_option
@click.option(
    "--impact",
    "corpus",
    multiple=True,
    type=click.Path(path_type=Path),
    help="A corpus file or directory: list the segments the change would alter (repeatable).",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@click.option(
    "--examples",
    default=3,
    show_default=True,
    type=click.IntRange(0),
    help="Example segments shown per entry with --impact.",
)
@click.option(
    "-o",
    "--output",
    default="-",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write the report here (default: stdout).",
)
@click.pass_context
def diff_cmd(ctx, revisions, glossary_dir, corpus, fmt, examples, output):
    """Entries added, removed, changed (field by field) and moved between two versions of the glossary.

    REV_A and REV_B are git revisions (HEAD~1, origin/main, a tag …) or directories; REV_A defaults to HEAD
    and REV_B to the working tree. Exit 0; 2 on a bad revision, an unreadable file or a missing --impact path."""
    from ..glossary.diff import both_entries, diff_sides
    from ..glossary.diff_report import RENDERERS
    from ..glossary.gitrev import read_side
    from ..glossary.impact import corpus_impact
    from ..textio import atomic_write_text
    from .process import gc_paused

    if len(revisions) > 2:
        raise click.UsageError("give at most two revisions (REV_A REV_B)")
    specs = list(revisions) + [None] * (2 - len(revisions))
    if not revisions:
        specs[0] = "HEAD"
    before, after = (read_side(spec, glossary_dir) for spec in specs)
    impact = None
    with gc_paused():  # tens of thousands of entries and matcher patterns, no cycles among them
        diff = diff_sides(before, after)
        if corpus:
            impact = corpus_impact(diff, lambda: both_entries(before, after), list(corpus), examples)
    if impact is not None:
        for d in impact.diagnostics:
            click.echo(str(d), err=True)
        if any(d.severity == "error" for d in impact.diagnostics):
            ctx.exit(2)
    text = RENDERERS[fmt](diff, impact)
    if output == "-":
        click.echo(text, nl=False)
    else:
        atomic_write_text(output, text)


@click.command("merge-driver")
@click.argument("base", type=click.Path(path_type=Path))
@click.argument("ours", type=click.Path(path_type=Path))
@click.argument("theirs", type=click.Path(path_type=Path))
@click.argument("pathname", required=False)
@click.pass_context
def merge_driver_cmd(ctx, base, ours, theirs, pathname):
    """Git merge driver: merge BASE and THEIRS into OURS entry by entry (PATHNAME names the file in messages).

    Writes the canonical result to OURS. Exit 0 when clean, 1 when some field was changed differently on
    both sides (the entry carries a '#. conflict:' line that glossary lint reports), 2 when a version cannot
    be read (OURS is left as it was)."""
    from ..glossary.merge3 import merge_files

    result = merge_files(base, ours, theirs, pathname)
    for line in result.conflicts:
        click.echo(f"glossary merge conflict: {line}", err=True)
    ctx.exit(1 if result.conflicts else 0)


@click.command("install-merge-driver")
@_glossary_option
@click.option(
    "--command", "program", default=None, help="How git should run translate-kit (default: the program running now)."
)
def install_merge_driver_cmd(glossary_dir, program):
    """Route the glossary's PO files to the merge driver: a .gitattributes line and the git config of the
    driver in this repository. Running it again changes nothing."""
    from ..glossary.gitsetup import install

    changes = install(glossary_dir, program or _this_program())
    for line in changes:
        click.echo(line)
    if not changes:
        click.echo("the glossary merge driver is already set up")


def _this_program() -> str:
    """The translate-kit being run, as a shell word for git: the console script, else ``python -m``."""
    argv0 = Path(sys.argv[0])
    if argv0.name == "translate-kit" and argv0.exists():
        return shlex.quote(str(argv0.resolve()))
    return f"{shlex.quote(sys.executable)} -m translate_kit"


GIT_COMMANDS = (diff_cmd, merge_driver_cmd, install_merge_driver_cmd)
