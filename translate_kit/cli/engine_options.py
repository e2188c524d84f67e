"""The engine options shared by ``translate`` and ``eval`` (device, compute type, backend), defined once.

``engine_options`` adds the click options; ``engine_config(kw)`` pops them from a command's keyword
arguments and returns the library's :class:`~translate_kit.engine.factory.EngineConfig`.
"""

from __future__ import annotations

import click

_RAY_ONLY = ("address", "workers", "cpus_per_worker", "gpus_per_worker")


def _indexes(ctx, param, value):
    if not value:
        return ()
    try:
        indexes = tuple(int(v) for v in value.replace(" ", "").split(","))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a comma-separated list of GPU numbers, e.g. 0,1") from None
    if any(i < 0 for i in indexes):
        raise click.BadParameter("GPU numbers start at 0")
    return indexes


def engine_options(f):
    """Device and backend options; the command receives them as keyword arguments for engine_config()."""
    options = [
        click.option(
            "--device",
            type=click.Choice(["auto", "cpu", "cuda"]),
            default="auto",
            show_default=True,
            help="Where CTranslate2 decodes; auto: a CUDA GPU when CTranslate2 sees one, else the CPU.",
        ),
        click.option(
            "--device-index",
            callback=_indexes,
            metavar="N[,N…]",
            help="CUDA GPUs to decode on (e.g. 0,1) [default: 0]; local backend only.",
        ),
        click.option(
            "--compute-type",
            metavar="TYPE",
            help="CTranslate2 compute type: int8, int8_float16, float16, bfloat16, float32, … "
            "[default: int8 on CPU, int8_float16 on GPU].",
        ),
        click.option(
            "--backend",
            type=click.Choice(["local", "ray"]),
            default="local",
            show_default=True,
            help="local: this process; ray: a Ray Data actor pool (pip install 'translate-kit[ray]').",
        ),
        click.option(
            "--address",
            help="Ray cluster to join (auto, HOST:6379, ray://HOST:10001) "
            "[default: $RAY_ADDRESS, else a Ray started here].",
        ),
        click.option("--workers", type=click.IntRange(1), help="Ray workers, each loading the model once [1]."),
        click.option(
            "--cpus-per-worker",
            type=click.FloatRange(0, min_open=True),
            help="CPUs per Ray worker [default: a node's CPUs shared by its workers; 1 beside a GPU].",
        ),
        click.option(
            "--gpus-per-worker",
            type=click.FloatRange(0),
            help="GPUs per Ray worker (0.5: two workers share one) [default: 1 when GPUs exist].",
        ),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def engine_config(kw: dict, *, beam_size: int | None, length_penalty: float, batch_tokens: int | None):
    """Pop the engine options from ``kw`` and build the EngineConfig (usage errors as click errors)."""
    from ..engine.factory import EngineConfig
    from ..engine.ray_backend import RayOptions

    device, index, ctype, backend = (kw.pop(k) for k in ("device", "device_index", "compute_type", "backend"))
    ray_kw = {k: kw.pop(k) for k in _RAY_ONLY}
    if backend == "local":
        given = [k for k, v in ray_kw.items() if v is not None]
        if given:
            raise click.UsageError(f"--{given[0].replace('_', '-')} applies to --backend ray only")
        return EngineConfig(beam_size, length_penalty, batch_tokens, device, index, ctype)
    if index:
        raise click.UsageError(
            "--device-index applies to --backend local; Ray gives each worker its GPUs (--gpus-per-worker)"
        )
    ray = RayOptions(
        address=ray_kw["address"],
        workers=ray_kw["workers"] or 1,
        cpus_per_worker=ray_kw["cpus_per_worker"],
        gpus_per_worker=ray_kw["gpus_per_worker"],
    )
    return EngineConfig(beam_size, length_penalty, batch_tokens, device, (), ctype, "ray", ray)
