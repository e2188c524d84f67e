"""``translate-kit translate INPUT... -o OUT``: a thin adapter over :func:`translate_kit.translation.run.translate_documents`.

Exit codes: 0 all inputs translated or up to date; 1 with ``--strict`` when a sentence is flagged; 2 when any
input failed (after the rest of the batch was processed), or on a usage, glossary, model or output error.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from .options import glossary_option


@contextmanager
def _progress_bar(enabled: bool):
    """A rich progress bar on an interactive stderr outside CI; otherwise no callback at all."""
    if not enabled or os.environ.get("CI") or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress("translating", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("translate", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)
        yield update


def _write_html(report, glossary, path: Path) -> None:
    from ..textio import atomic_write_text
    from ..render.review import run_review_html

    atomic_write_text(path, run_review_html(report, glossary))
    click.echo(f"translate-kit: review page → {path}", err=True)


@click.command("translate")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "output_dir", required=True, type=click.Path(path_type=Path),
              help="Output directory (same names and structure as the inputs).")
@glossary_option()
@click.option("--beam-size", default=4, show_default=True, type=click.IntRange(1, 32))
@click.option("--length-penalty", default=0.2, show_default=True, type=float)
@click.option("--batch-tokens", default=2048, show_default=True, type=click.IntRange(16),
              help="Maximum tokens per translation batch.")
@click.option("--force", is_flag=True, help="Redo outputs even when they are up to date.")
@click.option("--overwrite", is_flag=True, help="PO inputs: replace existing msgstr too.")
@click.option("--drop-boilerplate", is_flag=True, help="Leave site chrome out of the outputs (default: copy it).")
@click.option("--boilerplate", "boilerplate_file", type=click.Path(path_type=Path),
              help="File of extra boilerplate patterns, one regex per line.")
@click.option("--report", "report_path", type=click.Path(path_type=Path),
              help="Where to write the JSON run report [default: OUTPUT/report.json].")
@click.option("--html", "html_path", is_flag=False, flag_value="", default=None, metavar="[=PATH]",
              help="Write an HTML review page [default path: OUTPUT/review.html]; give a path as --html=PATH.")
@click.option("--no-progress", is_flag=True, help="No progress bar even on a terminal.")
@click.option("--strict", is_flag=True, help="Exit 1 when any sentence is flagged.")
def translate(inputs, output_dir, glossary_dir, beam_size, length_penalty, batch_tokens, force, overwrite,
              drop_boilerplate, boilerplate_file, report_path, html_path, no_progress, strict):
    """Translate Indonesian .txt/.po/.jsonl files (or directories of them) to English, held to the glossary.

    Writes one English file per input under OUTPUT, a bilingual <name>.review.po beside each, and a JSON run
    report. Exit 2 if any input failed (the others are still translated), 1 with --strict if any sentence
    is flagged.
    """
    from ..translation import TranslateOptions, resolve_glossary, translate_documents

    glossary = resolve_glossary(glossary_dir)
    with _progress_bar(not no_progress) as progress:
        options = TranslateOptions(beam_size=beam_size, length_penalty=length_penalty,
                                   max_batch_tokens=batch_tokens, force=force, overwrite=overwrite,
                                   drop_boilerplate=drop_boilerplate, boilerplate=boilerplate_file,
                                   report=report_path, progress=progress, keep_documents=html_path is not None)
        report = translate_documents(list(inputs), output_dir, glossary=glossary, options=options)
    if html_path is not None:
        _write_html(report, glossary, Path(html_path) if html_path else output_dir / "review.html")
    for warning in report.warnings:
        click.echo(f"translate-kit: {warning}", err=True)
    for record in report.files:
        if record.error:
            click.echo(f"translate-kit: error: {record.error}", err=True)
    for flag in report.flags:
        click.echo(f"translate-kit: flagged: {flag.file}:{flag.line}: {flag.reason}: {flag.entry}", err=True)
    click.echo(f"translate-kit: {report.summary()}", err=True)
    if report.failed:
        sys.exit(2)
    if strict and report.flags:
        sys.exit(1)
