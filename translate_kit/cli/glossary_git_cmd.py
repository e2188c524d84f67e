"""``translate-kit glossary diff | merge-driver | install-merge-driver``: the glossary under git, as thin click
adapters over :mod:`translate_kit.glossary.diff`, :mod:`~translate_kit.glossary.impact` and
:mod:`~translate_kit.glossary.merge3`."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import click

_glossary_option = click.option("--glossary", "glossary_dir", default="glossary", show_default=True,
                                type=click.Path(path_type=Path),
                                help="Glossary directory (its path inside the repository for revisions).")


@click.command("diff")
@click.argument("revisions", nargs=-1, metavar="[REV_A [REV_B]]")
@_glossary_option
@click.option("--impact", "corpus", multiple=True, type=click.Path(path_type=Path),
              help="A corpus file or directory: list the segments the change would alter (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True)
@click.option("--examples", default=3, show_default=True, type=click.IntRange(0),
              help="Example segments shown per entry with --impact.")
@click.option("-o", "--output", default="-", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write the report here (default: stdout).")
@click.pass_context
def diff_cmd(ctx, revisions, glossary_dir, corpus, fmt, examples, output):
    """Entries added, removed, changed (field by field) and moved between two versions of the glossary.

    REV_A and REV_B are git revisions (HEAD~1, origin/main, a tag …) or directories; REV_A defaults to HEAD
    and REV_B to the working tree. Exit 0; 2 on a bad revision, an unreadable file or a missing --impact path."""
    from ..fsutil import atomic_write_text
    from ..glossary.diff import diff_sides, side_entries
    from ..glossary.diff_report import RENDERERS
    from ..glossary.gitrev import read_side
    from ..glossary.impact import corpus_impact

    if len(revisions) > 2:
        raise click.UsageError("give at most two revisions (REV_A REV_B)")
    specs = list(revisions) + [None] * (2 - len(revisions))
    if not revisions:
        specs[0] = "HEAD"
    before, after = (read_side(spec, glossary_dir) for spec in specs)
    diff = diff_sides(before, after)
    impact = None
    if corpus:
        impact = corpus_impact(diff, side_entries(before), side_entries(after), list(corpus), examples)
        for d in impact.diagnostics:
            click.echo(str(d), err=True)
        if any(d.severity == "error" for d in impact.diagnostics):
            ctx.exit(2)
    text = RENDERERS[fmt](diff, impact)
    if output == "-":
        click.echo(text, nl=False)
    else:
        atomic_write_text(output, text)


GIT_COMMANDS = (diff_cmd,)
