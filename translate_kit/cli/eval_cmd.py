"""``translate-kit eval TESTSET_DIR``: translate a test set, score it and check it, in one report."""

from __future__ import annotations

import click

from .engine_options import engine_config, engine_options
from .options import glossary_option
from .score_cmd import gate_options, options_from


@click.command("eval")
@click.argument("testset", type=click.Path(path_type=str))
@click.option("--split", help="Split to use (<split>.id / <split>.en); default: the only one, else 'test'.")
@click.option("--limit", type=click.IntRange(1), help="Use only the first N segments.")
@glossary_option()
@gate_options
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default="never",
    show_default=True,
    help="Checker severity that fails the run (exit 1).",
)
@click.option("-o", "--output", "output", type=click.Path(path_type=str), help="Write the JSON report here.")
@click.option("--save-hyp", type=click.Path(path_type=str), help="Also save the translations here (one per line).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--batch-tokens",
    type=click.IntRange(16),
    help="Maximum tokens per translation batch [default: 2048 on CPU, 8192 on GPU].",
)
@engine_options
@click.pass_context
def eval_(ctx, testset, split, limit, glossary_dir, fail_on, output, save_hyp, fmt, batch_tokens, **kw):
    """Translate TESTSET's Indonesian side with the installed model, score it against the English side and
    check it; exit 1 when a gate fails."""
    from ..engine import find_package, open_engine
    from ..evaluation import run_eval
    from ..render.scores import dumps, eval_to_dict, read_scores, render_eval_text, write_json
    from ..textio import atomic_write_text

    config = engine_config(kw, beam_size=None, length_penalty=0.2, batch_tokens=batch_tokens)
    options = options_from(kw)
    against = read_scores(kw["against"]) if kw["against"] else None
    with open_engine(find_package(), config) as engine:
        result = run_eval(
            testset,
            split=split,
            limit=limit,
            glossary_dir=glossary_dir,
            options=options,
            against=against,
            fail_on=fail_on,
            hypothesis_path=save_hyp,
            translator=engine,
        )
    data = eval_to_dict(result)
    if save_hyp:
        atomic_write_text(save_hyp, "".join(h + "\n" for h in result.score.hypotheses))
    if output:
        write_json(output, data)
    click.echo(dumps(data) if fmt == "json" else render_eval_text(result), nl=False)
    if not result.passed:
        ctx.exit(1)
