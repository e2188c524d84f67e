"""``translate-kit check``: glossary, number and segment checks of a translation (thin shell over checks)."""

from __future__ import annotations

from pathlib import Path

import click

from ..checks.model import SEVERITIES
from ..render import CHECK_FORMATS
from .options import glossary_option

FORMATS = tuple(CHECK_FORMATS)


@click.command()
@click.argument("source", required=False, type=click.Path(path_type=Path))
@click.argument("translation", required=False, type=click.Path(path_type=Path))
@glossary_option()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the report here (default stdout).")
@click.option(
    "--fail-on",
    type=click.Choice((*SEVERITIES, "never")),
    default="error",
    show_default=True,
    help="Exit 1 when a violation is at or above this severity.",
)
@click.option("--severity", multiple=True, metavar="KIND=LEVEL", help="Override a kind's severity (repeatable).")
@click.option("--disable", multiple=True, metavar="KIND", help="Turn a check off (repeatable).")
@click.option(
    "--scope",
    type=click.Choice(("document", "batch")),
    default="document",
    show_default=True,
    help="Where inconsistent-term compares renderings.",
)
@click.option(
    "--junit-per",
    type=click.Choice(("file", "segment")),
    default="file",
    show_default=True,
    help="JUnit testcases per document or per segment.",
)
@click.option(
    "--length-ratio",
    metavar="LOW:HIGH",
    default=None,
    help="Accepted translation/source character ratio [default: 0.5:2.0].",
)
@click.option(
    "--boilerplate",
    "boilerplate_file",
    type=click.Path(path_type=Path),
    default=None,
    help="Extra boilerplate rules (one regex per line), as given to translate.",
)
@click.option(
    "--run-report",
    type=click.Path(path_type=Path),
    default=None,
    help="translate's report.json for TRANSLATION [default: TRANSLATION/report.json when present].",
)
@click.option(
    "--docids",
    type=click.Path(path_type=Path),
    default=None,
    help="For two files: one document id per source line (e.g. ntrex128 test.docids); consistency "
    "is then judged per document.",
)
@click.option("--list-checks", is_flag=True, help="List the check kinds with default severities and exit.")
@click.pass_context
def check(
    ctx,
    source,
    translation,
    glossary_dir,
    fmt,
    output,
    fail_on,
    severity,
    disable,
    scope,
    junit_per,
    length_ratio,
    boilerplate_file,
    run_report,
    docids,
    list_checks,
):
    """Check TRANSLATION of SOURCE (two files or two directories of .txt), or one bilingual FILE.po.

    Site chrome (boilerplate lines, which translate passes through or drops) is not checked; the run report
    translate wrote says which rules applied and whether the lines were dropped.

    Exit codes: 0 no violation at or above --fail-on, 1 violations found, 2 usage or input error.
    """
    from ..checks import CheckConfig, run_check
    from ..checks.runner import open_glossary
    from .process import gc_paused

    if list_checks:
        _list_checks()
        return
    if source is None:
        raise click.UsageError("missing argument SOURCE (give SOURCE TRANSLATION, or one bilingual FILE.po)")
    if str(source) == "-" and str(translation) == "-":
        raise click.UsageError("only one of SOURCE and TRANSLATION can be - (stdin)")
    config = CheckConfig.from_options(severity, disable, scope, length_ratio)
    glossary = open_glossary(glossary_dir)
    notes = _glossary_notes(glossary)
    pairs = _read_pairs(ctx, source, translation, run_report, boilerplate_file, docids, notes)
    for d in notes:
        click.echo(f"translate-kit: {d}", err=True)
    with gc_paused():
        report = run_check(pairs, glossary, config)
    report.diagnostics[:0] = notes
    _emit_report(report, fmt, junit_per, fail_on, glossary, output)
    if report.fails(fail_on):
        ctx.exit(1)


def _list_checks() -> None:
    """Print the check kinds with their default severities."""
    from ..checks import REGISTRY

    for c in REGISTRY.values():
        click.echo(f"{c.name:<22} {c.severity:<8} {c.description.splitlines()[0]}")


def _glossary_notes(glossary) -> list:
    """The notes to give before checking: a warning when there is no glossary."""
    from ..errors import Diagnostic

    notes = []
    if glossary is None:
        notes.append(
            Diagnostic(
                "warning",
                "no-glossary",
                "no --glossary and no glossary/ directory: checking without a glossary (no term checks)",
            )
        )
    return notes


def _read_pairs(ctx, source, translation, run_report, boilerplate_file, docids, notes: list):
    """The segment pairs of SOURCE and TRANSLATION (or one bilingual file); the run report's notes go to
    ``notes``."""
    from ..corpus import pairing as align
    from ..corpus.runinfo import read_run
    from .options import stdin_file

    src_path, tgt_path = stdin_file(source, ctx), stdin_file(translation, ctx)
    if tgt_path is not None:
        run = read_run(tgt_path, run_report, boilerplate_file)
        notes += run.diagnostics
        pairs = align.pair(src_path, tgt_path, boilerplate=run.rules, dropped=run.dropped)
        if docids is not None:
            if src_path.is_dir():
                raise click.UsageError("--docids is for two line-aligned files, not directories")
            pairs = align.assign_documents(pairs, docids)
    else:
        pairs = align.pair(src_path)
    return _relabel(
        pairs, {str(p) for p, a in ((src_path, source), (tgt_path, translation)) if a is not None and str(a) == "-"}
    )


def _emit_report(report, fmt, junit_per, fail_on, glossary, output) -> None:
    """Render ``report`` and write it to ``output`` (with a summary note) or stdout."""
    from ..render import render_check
    from ..textio import atomic_write_text
    from .options import note

    rendered = render_check(report, fmt, per=junit_per, fail_on=fail_on, glossary=glossary)
    if output is not None:
        atomic_write_text(output, rendered)
        sev = report.counts_by_severity()
        note(
            f"check: {len(report.violations)} violation(s) ({sev['error']} error(s), {sev['warning']} "
            f"warning(s), {sev['info']} info) in {report.segments} segment(s) → {output}"
        )
    else:
        click.echo(rendered, nl=False)


def _relabel(pairs, stdin_paths: set[str]):
    """Segments read from stdin (a temporary file) are named ``-``, as the user wrote it."""
    if not stdin_paths:
        return pairs
    from dataclasses import replace

    def seg(s):
        return replace(s, file="-") if s is not None and s.file in stdin_paths else s

    return [
        replace(
            p, source=seg(p.source), target=seg(p.target), document="-" if p.document in stdin_paths else p.document
        )
        for p in pairs
    ]
