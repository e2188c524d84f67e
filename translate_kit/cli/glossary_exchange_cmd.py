"""``translate-kit glossary export | import | suggest``: thin click adapters over the exchange and mining code."""

from __future__ import annotations

import click


@click.command("export")
@click.option("--format", "fmt", required=True, help="tbx, deepl-csv, deepl-tsv, google-csv, google-sets, amazon-csv")
@click.option("--glossary", "glossary_dir", default="glossary", show_default=True, type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
def export_cmd(fmt, glossary_dir, output):
    """Export the glossary to an exchange format, reporting what the format cannot express."""
    raise click.ClickException("not implemented yet")


@click.command("import")
@click.argument("file", type=click.Path())
@click.option("--format", "fmt", default="auto", show_default=True)
@click.option("--glossary", "glossary_dir", default="glossary", show_default=True, type=click.Path())
@click.option("--into", default="imported.po", show_default=True)
@click.option("--dry-run", is_flag=True)
def import_cmd(file, fmt, glossary_dir, into, dry_run):
    """Import a TBX/CSV glossary, merging into the PO files and reporting conflicts."""
    raise click.ClickException("not implemented yet")


@click.command("suggest")
@click.argument("corpus", type=click.Path())
@click.option("--translations", type=click.Path())
@click.option("--glossary", "glossary_dir", default="glossary", show_default=True, type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False))
@click.option("--min-count", default=2, show_default=True, type=int)
@click.option("--limit", type=int)
def suggest_cmd(corpus, translations, glossary_dir, output, min_count, limit):
    """Propose glossary candidates found in a corpus, as fuzzy PO entries for review."""
    raise click.ClickException("not implemented yet")
