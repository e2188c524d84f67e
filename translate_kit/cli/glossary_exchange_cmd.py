"""``translate-kit glossary export | import | suggest``: thin click adapters over the exchange and mining code."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

import click

from ..glossary.exchange import FORMATS
from .options import glossary_option

FORMAT_NAMES = tuple(FORMATS)


@click.command("export")
@click.option("--format", "fmt", required=True, type=click.Choice(FORMAT_NAMES))
@glossary_option(edit=True)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Output file; - writes to stdout.",
)
def export_cmd(fmt, glossary_dir, output):
    """Export the glossary to an exchange format, reporting what the format cannot express (on stderr)."""
    from ..glossary.exchange import export_glossary, export_text, summarize_losses
    from ..glossary.pofile import load_glossary
    from .options import note

    glossary = load_glossary(glossary_dir)
    if output == "-":
        text, losses = export_text(glossary.entries, fmt)
        click.echo(text, nl=False)
        output = "stdout"
    else:
        losses = export_glossary(glossary.entries, fmt, output)
    for line in summarize_losses(fmt, losses):
        note(line)
    left_out = {x.entry for x in losses if x.kind in ("fuzzy-entry", "empty-target")}
    rows_out = sum(1 for x in losses if x.kind in ("duplicate-source", "too-long", "unrepresentable"))
    note(
        f"wrote {output} ({fmt}) from {len(glossary)} glossary entries"
        + (f"; {len(left_out)} entries left out" if left_out else "")
        + (f"; {rows_out} source form(s) left out" if rows_out else "")
    )


@click.command("import")
@click.argument("file", type=click.Path())
@click.option("--format", "fmt", default="auto", show_default=True, type=click.Choice(("auto",) + FORMAT_NAMES))
@glossary_option(edit=True)
@click.option("--into", default="imported.po", show_default=True)
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@click.option("--allow-conflicts", is_flag=True, help="Write the non-conflicting entries even when some conflict.")
@click.option(
    "--merge-forms",
    is_flag=True,
    help="Also add new variants/admitted/forbidden forms, notes and flags to existing entries.",
)
@click.pass_context
def import_cmd(ctx, file, fmt, glossary_dir, into, dry_run, allow_conflicts, merge_forms):
    """Import a TBX/CSV glossary, merging into the PO files and reporting conflicts.

    New concepts go to --into (in the glossary directory); identical ones are skipped; entries whose source
    form has a different English form in the glossary are conflicts: reported, never overwritten, and exit
    code 1 with nothing written unless --allow-conflicts.
    """
    from ..errors import InputError
    from ..glossary.exchange import read_exchange
    from ..glossary.locking import glossary_lock
    from ..glossary.merge import apply_plan, plan_import
    from ..glossary.pofile import glossary_files, load_glossary

    if not into.endswith(".po"):
        raise InputError(f"--into must name a .po file, got {into!r}")
    used, entries = read_exchange(file, fmt)
    glossary_files(glossary_dir)  # a missing glossary directory is an error, never a new empty one
    # planned and written under the edit lock, from files read under it: a concurrent edit is never lost
    with nullcontext() if dry_run else glossary_lock(glossary_dir):
        glossary = load_glossary(glossary_dir)
        plan = plan_import(glossary.entries, entries, Path(into))
        for conflict in plan.conflicts:
            click.echo(str(conflict))
        for addition in plan.additions:
            click.echo(str(addition) + ("" if merge_forms else " (not merged; use --merge-forms)"))
        if dry_run:  # what a real run would add, one entry a line
            for entry in plan.added:
                click.echo(f"would add to {Path(glossary_dir) / into}: {entry.label()}")
        click.echo(f"{file} ({used}): {plan.summary()}")
        blocked = bool(plan.conflicts) and not allow_conflicts
        if dry_run or blocked:
            click.echo(
                "nothing written"
                + (" (dry run)" if dry_run else " because of conflicts (use --allow-conflicts to import the rest)")
            )
        else:
            written = apply_plan(plan, Path(glossary_dir), merge_forms=merge_forms)
            for path in written:
                click.echo(f"wrote {path}")
    if blocked:
        ctx.exit(1)


@click.command("suggest")
@click.argument("corpus", type=click.Path())
@click.option("--translations", type=click.Path(), help="English files with the same relative paths.")
@glossary_option(edit=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the candidates as a fuzzy PO file.")
@click.option(
    "--min-count",
    type=click.IntRange(min=1),
    help="Minimum occurrences for every kind (default: 1 for acronyms, models, titles, multi-word "
    "names and cued single words; 2 for other single words, credit-only names, short forms "
    "and untranslated words).",
)
@click.option("--limit", type=click.IntRange(min=1), help="Keep only the top N candidates.")
def suggest_cmd(corpus, translations, glossary_dir, output, min_count, limit):
    """Propose glossary candidates found in a corpus, as fuzzy PO entries for review.

    Candidates (acronyms, model names such as Hwasong-11, capitalised names with titles and leading country
    names split off, title phrases, names spelled several ways, short forms of glossary entries, and with
    --translations the Indonesian words left untranslated in the English files of the same names) that the
    glossary does not cover yet, ranked by frequency, each with example sentences. Without -o the ranking is
    printed.
    """
    from ..glossary.pofile import load_glossary
    from ..glossary.suggest import suggest, write_suggestions

    glossary = load_glossary(glossary_dir)
    result = suggest([corpus], glossary.entries, translations, min_count=min_count, limit=limit)
    for diag in result.diagnostics:
        if diag.severity != "info":
            click.echo(str(diag), err=True)
    if output:
        write_suggestions(result, output)
    for c in result.candidates:
        proposed = f" → {c.proposed}" if c.proposed else ""
        variants = f" (also {', '.join(c.variants)})" if c.variants else ""
        extra = "".join(f"  [{n}]" for n in c.extra_notes())
        click.echo(f"{c.count:4d}  {c.kind:17s} {c.form}{variants}{proposed}{extra}")
    click.echo(
        f"{len(result.candidates)} candidates from {result.units} text units in {result.documents} files"
        + (f"; wrote {output}" if output else ""),
        err=True,
    )
