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

from .engine_options import engine_config, engine_options
from .options import glossary_option


@contextmanager
def _progress_bar(enabled: bool):
    """A rich progress bar on an interactive stderr outside CI; otherwise no callback at all."""
    if not enabled or os.environ.get("CI") or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TimeRemainingColumn,
    )

    with Progress(
        "translating",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("translate", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def _write_html(report, glossary, path: Path) -> None:
    from ..render.review import run_review_html
    from ..textio import atomic_write_text
    from .options import note

    atomic_write_text(path, run_review_html(report, glossary))
    note(f"translate-kit: review page → {path}")


@click.command("translate")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "output_dir",
    type=click.Path(path_type=Path),
    help="Output directory (same names and structure as the inputs); with one input file, an output "
    "file name with its extension; with - (stdin) input, - or nothing for stdout.",
)
@glossary_option()
@click.option(
    "--beam-size",
    type=click.IntRange(1, 32),
    help="Beam width [default: the model package's own, else 4; the demo model decodes greedily, 1].",
)
@click.option("--length-penalty", default=0.2, show_default=True, type=float)
@click.option(
    "--batch-tokens",
    type=click.IntRange(16),
    help="Maximum tokens per translation batch [default: 2048 on CPU, 8192 on GPU].",
)
@click.option(
    "--force",
    is_flag=True,
    help="Ask the engine again for every sentence (approved human translations are kept) and rewrite every output.",
)
@click.option("--overwrite", is_flag=True, help="PO inputs: replace existing msgstr too.")
@click.option("--drop-boilerplate", is_flag=True, help="Leave site chrome out of the outputs (default: copy it).")
@click.option(
    "--boilerplate",
    "boilerplate_file",
    type=click.Path(path_type=Path),
    help="File of extra boilerplate patterns, one regex per line.",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(path_type=Path),
    help="Where to write the JSON run report [default: OUTPUT/report.json; none for - or one file].",
)
@click.option(
    "--memory",
    "memory_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Translation memory file to use, e.g. one shared by several output directories "
    "[default: OUTPUT/.translate-kit/memory.sqlite].",
)
@click.option(
    "--html",
    "html_path",
    is_flag=False,
    flag_value="",
    default=None,
    metavar="[=PATH]",
    help="Write an HTML review page [default path: OUTPUT/review.html]; give a path as --html=PATH.",
)
@click.option("--no-progress", is_flag=True, help="No progress bar even on a terminal.")
@click.option("--strict", is_flag=True, help="Exit 1 when any sentence is flagged.")
@click.option(
    "--no-number-rendering",
    is_flag=True,
    help="Do not hold numbers, dates and times to English conventions (nor flag them).",
)
@engine_options
def translate(
    inputs,
    output_dir,
    glossary_dir,
    beam_size,
    length_penalty,
    batch_tokens,
    force,
    overwrite,
    drop_boilerplate,
    boilerplate_file,
    report_path,
    memory_path,
    html_path,
    no_progress,
    strict,
    no_number_rendering,
    **kw,
):
    """Translate Indonesian .txt/.po/.jsonl files (or directories of them) to English, held to the glossary.

    Writes one English file per input under OUTPUT, a bilingual <name>.review.po beside each, and a JSON run
    report. "translate -" reads text on stdin and writes the English on stdout, line for line; "translate
    a.txt -o a.en.txt" writes that one file. Exit 2 if any input failed (the others are still translated),
    1 with --strict if any sentence is flagged.
    """
    from ..engine import find_package, open_engine
    from ..translation import TranslateOptions, resolve_glossary

    mode = _mode(inputs, output_dir, html_path)
    config = engine_config(kw, beam_size=beam_size, length_penalty=length_penalty, batch_tokens=batch_tokens)
    glossary = resolve_glossary(glossary_dir)
    with open_engine(find_package(), config) as engine, _progress_bar(not no_progress) as progress:
        options = TranslateOptions(
            beam_size=engine.beam_size,  # what it decodes with (the package's default when --beam-size is absent)
            length_penalty=length_penalty,
            max_batch_tokens=engine.max_batch_tokens,
            force=force,
            overwrite=overwrite,
            drop_boilerplate=drop_boilerplate,
            boilerplate=boilerplate_file,
            report=report_path,
            memory=memory_path,
            glossary_dir=str(glossary_dir.resolve()) if glossary_dir else None,
            progress=progress,
            keep_documents=html_path is not None,
            number_rendering=not no_number_rendering,
        )
        report = _RUNNERS[mode](inputs, output_dir, glossary, options, engine)
    if html_path is not None:
        _write_html(report, glossary, Path(html_path) if html_path else output_dir / "review.html")
    finish(report, strict)


def finish(report, strict: bool) -> None:
    """Tell the run's outcome on stderr; exit 2 on a failed input, 1 on flags (with ``strict``)."""
    _tell(report)
    if report.failed:
        sys.exit(2)
    if strict and report.flags:
        sys.exit(1)


def _mode(inputs, output, html_path) -> str:
    """ "stream" (stdin), "file" (one input file to one named file) or "batch" (into a directory)."""
    if any(str(p) == "-" for p in inputs):
        if len(inputs) > 1:
            raise click.UsageError("- (stdin) cannot be combined with other inputs")
        mode = "stream"
    elif (
        len(inputs) == 1
        and output is not None
        and inputs[0].is_file()
        and not output.is_dir()
        and output.suffix.lower() in (".txt", ".po", ".jsonl")
    ):
        mode = "file"
    elif output is None:
        raise click.UsageError("missing option -o/--output (the output directory)")
    else:
        return "batch"
    if html_path is not None:
        raise click.UsageError("--html needs an output directory (-o DIR)")
    return mode


def _batch(inputs, output_dir, glossary, options, engine):
    from ..translation import translate_documents

    return translate_documents(list(inputs), output_dir, glossary=glossary, options=options, translator=engine)


def _file(inputs, output, glossary, options, engine):
    from ..translation.single import translate_file

    return translate_file(inputs[0], output, glossary=glossary, options=options, translator=engine)


def _stream(inputs, output, glossary, options, engine):
    from ..translation.single import translate_text

    data = sys.stdin.buffer.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise click.ClickException(f"<stdin>: not valid UTF-8 at byte {exc.start}") from None
    english, report = translate_text(text, glossary=glossary, options=options, translator=engine)
    if output is None or str(output) == "-":
        sys.stdout.write(english)
        sys.stdout.flush()
    else:
        from ..textio import atomic_write_text

        atomic_write_text(output, english)
    return report


_RUNNERS = {"batch": _batch, "file": _file, "stream": _stream}


def _tell(report) -> None:
    """The run's warnings, errors and flags on stderr, then its summary (and with -v each file)."""
    from .options import detail, note

    for warning in report.warnings:
        note(f"translate-kit: {warning}")
    for record in report.files:
        if record.error:
            click.echo(f"translate-kit: error: {record.error}", err=True)
        detail(
            f"translate-kit: {record.status}: {record.path}"
            + (f" → {', '.join(record.outputs)}" if record.outputs else "")
        )
    for flag in report.flags:
        note(f"translate-kit: flagged: {flag.file}:{flag.line}: {flag.reason}: {flag.entry}")
    detail("translate-kit: timings: " + ", ".join(f"{k} {v:.2f}s" for k, v in report.timings.items()))
    note(f"translate-kit: {report.summary()}")
