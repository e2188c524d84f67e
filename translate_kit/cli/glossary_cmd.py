"""``translate-kit glossary lint | add | remove | show | find`` (and export, import, suggest from
:mod:`translate_kit.cli.glossary_exchange_cmd`): thin click adapters over :mod:`translate_kit.glossary`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .options import glossary_option

_glossary_option = glossary_option(edit=True)


@click.group()
def glossary():
    """Maintain the glossary (PO files in version control)."""


@glossary.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@_glossary_option
@click.option("--fix", is_flag=True, help="Rewrite the files in canonical form first.")
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def lint(ctx, paths, glossary_dir, fix, strict, fmt):
    """Check glossary files (a directory, or PO files as a pre-commit hook passes them).

    Exit 0 when clean, 1 on errors (or warnings with --strict), 2 on a usage error."""
    from ..glossary.lint import fix as fix_files
    from ..glossary.lint import lint as lint_files
    from .process import gc_paused

    targets = list(paths) or [glossary_dir]
    with gc_paused():
        if fix:
            for path in fix_files(targets):
                click.echo(f"rewrote {path} in canonical form", err=True)
        result = lint_files(targets)
    click.echo(
        json.dumps(result.to_dict(), ensure_ascii=False, indent=2) if fmt == "json" else result.to_text(),
        nl=fmt == "json",
    )
    ctx.exit(1 if result.failed(strict) else 0)


@glossary.command()
@click.argument("source")
@click.argument("target")
@click.option("--variant", multiple=True, help="Another Indonesian form (repeatable).")
@click.option("--admit", multiple=True, help="Another accepted English form (repeatable).")
@click.option("--forbid", multiple=True, help="An English form that is a violation (repeatable).")
@click.option("--case-sensitive", is_flag=True, help="Match the source forms' case exactly.")
@click.option("--no-translate", is_flag=True, help="Keep the source form verbatim in English.")
@click.option("--fuzzy", is_flag=True, help="A proposed entry: reported, never enforced.")
@click.option("--context", help="msgctxt: a sense or domain label.")
@click.option("--note", multiple=True, help="An explanation for reviewers (repeatable).")
@click.option(
    "--file",
    "file_name",
    default="glossary.po",
    show_default=True,
    help="The PO file of the glossary directory to add to (created if missing).",
)
@click.option("--force", is_flag=True, help="Add even when another entry claims a source form.")
@_glossary_option
def add(
    source,
    target,
    variant,
    admit,
    forbid,
    case_sensitive,
    no_translate,
    fuzzy,
    context,
    note,
    file_name,
    force,
    glossary_dir,
):
    """Add an entry, keeping every other byte of the file as it is."""
    from ..glossary.edit import add_entry
    from ..glossary.model import Entry

    flags = [
        name
        for name, on in (("case-sensitive", case_sensitive), ("no-translate", no_translate), ("fuzzy", fuzzy))
        if on
    ]
    entry = Entry(
        source=source,
        target=target,
        context=context,
        variants=list(variant),
        admitted=list(admit),
        forbidden=list(forbid),
        notes=list(note),
        flags=flags,
    )
    path = Path(file_name) if Path(file_name).parent != Path(".") else glossary_dir / file_name
    written = add_entry(path, entry, force=force, glossary_dir=glossary_dir)
    click.echo(f"{written.ref}: added {written.label()}")


@glossary.command()
@click.argument("source")
@click.option("--context", help="msgctxt of the entry, when the msgid has several.")
@_glossary_option
def remove(source, context, glossary_dir):
    """Remove an entry (its comments included), keeping every other byte of the file.

    An entry with a msgctxt is removed only with --context. Exit 1 when no entry matches."""
    from ..glossary.edit import remove_from_glossary

    removed = remove_from_glossary(glossary_dir, source, context)
    click.echo(f"{removed.path}: removed {removed.label()}")


@glossary.command()
@click.argument("term")
@click.option(
    "--in",
    "corpus",
    multiple=True,
    type=click.Path(path_type=Path),
    help="A corpus file or directory to show the term's matches in, or a translate output directory "
    "(with its report.json) to show the verdict of every occurrence (repeatable).",
)
@_glossary_option
@click.pass_context
def show(ctx, term, corpus, glossary_dir):
    """Show the entry for TERM (a source or English form), its file:line and its matches in a corpus, or how
    a translate run held it (natural / enforced / flagged, per occurrence)."""
    from ..glossary.lookup import corpus_occurrences, describe, entries_for, is_run_directory, run_verdicts
    from ..glossary.pofile import load_glossary

    gl = load_glossary(glossary_dir)
    entries = entries_for(gl, term)
    if not entries:
        click.echo(f"no glossary entry for {term!r}", err=True)
        ctx.exit(1)
    for entry in entries:
        click.echo("\n".join(describe(entry)))
    runs = [p for p in corpus if is_run_directory(p)]
    corpus = [p for p in corpus if not is_run_directory(p)]
    for run_dir in runs:
        click.echo("\n".join(run_verdicts(entries, run_dir)))
    if corpus:
        occurrences, diags = corpus_occurrences(gl, entries, list(corpus))
        for d in diags:
            click.echo(str(d), err=True)
        if any(d.severity == "error" for d in diags):
            ctx.exit(2)  # a missing or unreadable --in path is a usage error, not "no matches"
        click.echo(f"{len(occurrences)} match(es) in the corpus")
        for occ in occurrences:
            click.echo(f"  {occ}")


@glossary.command()
@click.argument("text")
@click.option(
    "--lang",
    type=click.Choice(["id", "en", "auto"]),
    default="auto",
    show_default=True,
    help="Match Indonesian source forms (id), English forms (en) or both (auto).",
)
@_glossary_option
@click.pass_context
def find(ctx, text, lang, glossary_dir):
    """List the glossary entries that match a piece of Indonesian or English text (exit 1 when none)."""
    from ..glossary.lookup import describe_match, find_in_text
    from ..glossary.pofile import load_glossary

    matches = find_in_text(load_glossary(glossary_dir), text, lang)
    for m in matches:
        click.echo(describe_match(m))
    if not matches:
        click.echo("no glossary entry matches", err=True)
        ctx.exit(1)


def _register_exchange_commands() -> None:
    from .glossary_exchange_cmd import export_cmd, import_cmd, suggest_cmd
    from .glossary_git_cmd import GIT_COMMANDS

    for command in (export_cmd, import_cmd, suggest_cmd, *GIT_COMMANDS):
        glossary.add_command(command)


_register_exchange_commands()
