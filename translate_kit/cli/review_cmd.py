"""``translate-kit review``: apply the edits of an output directory's review POs, and say where review stands."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.group()
def review():
    """The review loop: edit msgstr in OUTDIR/<name>.review.po, clear `#, fuzzy`, then `review apply OUTDIR`."""


@review.command("apply")
@click.argument("output_dir", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option(
    "--glossary",
    "glossary_dir",
    type=click.Path(path_type=Path),
    help="Glossary directory [default: the one the last translate run into OUTDIR used].",
)
@click.option("--strict", is_flag=True, help="Exit 1 when any sentence is flagged.")
def apply(output_dir, glossary_dir, strict):
    """Record edited review-PO entries as approved translations and rebuild OUTDIR's outputs.

    Uses the inputs and options of the last translate run into OUTDIR; what the translation memory has costs
    no engine call.
    """
    from ..translation.run import apply_reviews, resolve_glossary
    from .translate_cmd import finish

    glossary = resolve_glossary(glossary_dir) if glossary_dir else None
    report = apply_reviews(output_dir, glossary=glossary)
    edits = report.memory.get("review_edits", 0)
    click.echo(f"translate-kit: recorded {edits} approved translation(s) from the review files", err=True)
    finish(report, strict)


@review.command("status")
@click.argument("output_dir", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def status(output_dir, fmt):
    """How many sentences of OUTDIR are machine, approved, flagged and stale, and edits not applied yet."""
    from ..translation.review import review_status

    counts = review_status(output_dir)
    if fmt == "json":
        click.echo(json.dumps(counts, indent=2))
        return
    click.echo(
        f"{counts['sentences']} sentences in {counts['files']} files: {counts['machine']} machine, "
        f"{counts['approved']} approved, {counts['flagged']} flagged, {counts['stale']} stale"
    )
    if counts["drafts"]:
        click.echo(f"{counts['drafts']} draft edit(s) still fuzzy (clear fuzzy to approve)")
    if counts["unapplied_edits"]:
        click.echo(
            f"{counts['unapplied_edits']} edit(s) not applied yet in {', '.join(counts['unapplied_files'])}:"
            f" run `translate-kit review apply {output_dir}`"
        )
