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
    from ..checks import REGISTRY, CheckConfig, run_check
    from ..checks.runner import open_glossary
    from ..corpus import pairing as align
    from ..corpus.runinfo import read_run
    from ..errors import Diagnostic
    from ..render import render_check
    from ..textio import atomic_write_text
    from .process import gc_paused

    if list_checks:
        for c in REGISTRY.values():
            click.echo(f"{c.name:<22} {c.severity:<8} {c.description.splitlines()[0]}")
        return
    if source is None:
        raise click.UsageError("missing argument SOURCE (give SOURCE TRANSLATION, or one bilingual FILE.po)")
    from .options import note, stdin_file

    if str(source) == "-" and str(translation) == "-":
        raise click.UsageError("only one of SOURCE and TRANSLATION can be - (stdin)")
    config = CheckConfig.from_options(severity, disable, scope, length_ratio)
    glossary = open_glossary(glossary_dir)
    notes = []
    if glossary is None:
        notes.append(
            Diagnostic(
                "warning",
                "no-glossary",
                "no --glossary and no glossary/ directory: checking without a glossary (no term checks)",
            )
        )
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
    pairs = _relabel(
        pairs, {str(p) for p, a in ((src_path, source), (tgt_path, translation)) if a is not None and str(a) == "-"}
    )
    for d in notes:
        click.echo(f"translate-kit: {d}", err=True)
    with gc_paused():
        report = run_check(pairs, glossary, config)
    report.diagnostics[:0] = notes
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
    if report.fails(fail_on):
        ctx.exit(1)


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
