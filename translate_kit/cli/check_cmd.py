"""``translate-kit check``: glossary, number and segment checks of a translation (thin shell over checks)."""

from __future__ import annotations

from pathlib import Path

import click

from .options import glossary_option

from ..checks.model import SEVERITIES
from ..render import CHECK_FORMATS

FORMATS = tuple(CHECK_FORMATS)


@click.command()
@click.argument("source", required=False, type=click.Path(path_type=Path))
@click.argument("translation", required=False, type=click.Path(path_type=Path))
@glossary_option()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the report here (default stdout).")
@click.option("--fail-on", type=click.Choice((*SEVERITIES, "never")), default="error", show_default=True,
              help="Exit 1 when a violation is at or above this severity.")
@click.option("--severity", multiple=True, metavar="KIND=LEVEL", help="Override a kind's severity (repeatable).")
@click.option("--disable", multiple=True, metavar="KIND", help="Turn a check off (repeatable).")
@click.option("--scope", type=click.Choice(("document", "batch")), default="document", show_default=True,
              help="Where inconsistent-term compares renderings.")
@click.option("--junit-per", type=click.Choice(("file", "segment")), default="file", show_default=True,
              help="JUnit testcases per document or per segment.")
@click.option("--length-ratio", metavar="LOW:HIGH", default=None,
              help="Accepted translation/source character ratio [default: 0.5:2.0].")
@click.option("--list-checks", is_flag=True, help="List the check kinds with default severities and exit.")
@click.pass_context
def check(ctx, source, translation, glossary_dir, fmt, output, fail_on, severity, disable, scope, junit_per,
          length_ratio, list_checks):
    """Check TRANSLATION of SOURCE (two files or two directories of .txt), or one bilingual FILE.po.

    Exit codes: 0 no violation at or above --fail-on, 1 violations found, 2 usage or input error.
    """
    from ..corpus import pairing as align
    from ..checks import REGISTRY, CheckConfig, run_check
    from ..checks.runner import open_glossary
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
    src_path, tgt_path = stdin_file(source, ctx), stdin_file(translation, ctx)
    pairs = _relabel(align.pair(src_path, tgt_path), {str(p) for p, a in ((src_path, source), (tgt_path, translation))
                                                     if a is not None and str(a) == "-"})
    with gc_paused():
        report = run_check(pairs, glossary, config)
    rendered = render_check(report, fmt, per=junit_per, fail_on=fail_on, glossary=glossary)
    if output is not None:
        atomic_write_text(output, rendered)
        sev = report.counts_by_severity()
        note(f"check: {len(report.violations)} violation(s) ({sev['error']} error(s), {sev['warning']} "
                   f"warning(s), {sev['info']} info) in {report.segments} segment(s) → {output}")
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

    return [replace(p, source=seg(p.source), target=seg(p.target),
                    document="-" if p.document in stdin_paths else p.document) for p in pairs]
