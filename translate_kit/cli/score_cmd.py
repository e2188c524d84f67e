"""``translate-kit score``: BLEU/chrF/TER, term accuracy, paired significance and quality gates."""

from __future__ import annotations

import click

from ..metrics.scoring import ScoreOptions, score_paths
from ..render.scores import dumps, read_scores, render_score_text, score_to_dict, write_json
from .options import glossary_option

_path = click.Path(path_type=str)


def gate_options(f):
    """The gate and significance options shared by ``score`` and ``eval``."""
    for opt in reversed(
        [
            click.option("--min-bleu", type=float, help="Fail (exit 1) when BLEU is below this."),
            click.option("--min-chrf", type=float, help="Fail (exit 1) when chrF is below this."),
            click.option(
                "--min-term-accuracy",
                type=float,
                help="Fail (exit 1) when term accuracy (a fraction, 0–1) is below this.",
            ),
            click.option(
                "--against",
                "against",
                type=_path,
                metavar="SCORES.json",
                help="An earlier scores file (from --json): fail only on a significant drop.",
            ),
            click.option(
                "--alpha", type=float, default=0.05, show_default=True, help="Significance level for --against."
            ),
            click.option(
                "--test",
                "test",
                type=click.Choice(["bs", "ar"]),
                default="bs",
                show_default=True,
                help="Paired test: bootstrap resampling (bs) or approximate randomization (ar).",
            ),
            click.option(
                "--resamples",
                type=int,
                default=0,
                help="Resamples/trials of the paired test (default 1000 for bs, 10000 for ar).",
            ),
            click.option(
                "--term-match",
                type=click.Choice(["lenient", "wmt21"]),
                default="lenient",
                show_default=True,
                help="How term accuracy counts a rendering: lenient (as check matches) "
                "or wmt21 (the official WMT21 exact-match scorer: case-sensitive, whole tokens).",
            ),
        ]
    ):
        f = opt(f)
    return f


def options_from(kw: dict) -> ScoreOptions:
    return ScoreOptions(
        min_bleu=kw["min_bleu"],
        min_chrf=kw["min_chrf"],
        min_term_accuracy=kw["min_term_accuracy"],
        alpha=kw["alpha"],
        test=kw["test"],
        n_samples=kw["resamples"],
        term_match=kw["term_match"],
    )


@click.command()
@click.option(
    "--hyp",
    required=True,
    type=_path,
    help="Hypotheses: a file (one segment per line), a directory of .txt articles or a bilingual .po file.",
)
@click.option(
    "--ref",
    "refs",
    required=True,
    multiple=True,
    type=_path,
    help="References, aligned with --hyp; repeat for several references (multi-reference scores).",
)
@click.option("--src", type=_path, help="Sources (Indonesian), aligned: enables term accuracy.")
@glossary_option()
@click.option("--baseline", type=_path, help="Another system's hypotheses: paired significance per metric.")
@gate_options
@click.option("--json", "json_out", type=_path, help="Write the scores file (JSON) here.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def score(ctx, hyp, refs, src, glossary_dir, baseline, json_out, fmt, **kw):
    """Score hypotheses against references; exit 1 when a gate fails. One of --hyp, --ref, --src may be -
    (stdin)."""
    from .options import stdin_file

    if [hyp, *refs, src].count("-") > 1:
        raise click.UsageError("only one input can be - (stdin)")
    given = [hyp, src, *refs]
    hyp, src = (str(stdin_file(p, ctx)) if p is not None else None for p in (hyp, src))
    refs = [str(stdin_file(r, ctx)) for r in refs]
    stdin = {p for p, g in zip([hyp, src, *refs], given) if g == "-"}
    options = options_from(kw)
    against = read_scores(kw["against"]) if kw["against"] else None
    result = score_paths(hyp, refs[0] if len(refs) == 1 else refs, src, glossary_dir, baseline, against, options)
    for key, label in result.inputs.items():  # name stdin "-" as the user wrote it, not its temporary file
        for path in stdin:
            if label and path in label:
                result.inputs[key] = label.replace(path, "-")
    data = score_to_dict(result)
    if json_out:
        write_json(json_out, data)
    click.echo(dumps(data) if fmt == "json" else render_score_text(result), nl=False)
    if not result.passed:
        ctx.exit(1)
