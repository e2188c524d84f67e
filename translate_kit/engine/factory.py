"""One way to make the engine a run asks for: the local CTranslate2 engine or the Ray Data backend.

    from translate_kit.engine import EngineConfig, find_package, open_engine
    with open_engine(find_package(), EngineConfig(device="auto")) as engine:
        english = engine.translate(["Presiden tiba di Jakarta."])

Both have the same interface and the same :attr:`~translate_kit.engine.translator.PackageEngine.identity`
for the same package and decoding options, so the layers above (glossary enforcement, a translation memory,
the writers) do not know which one runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from .ray_backend import RayOptions

BACKENDS = ("local", "ray")


@dataclass(frozen=True)
class EngineConfig:
    """Decoding options (in the identity), the device (not in it) and the backend. None: per-device default."""

    beam_size: int | None = None  # None: the package's own default (translator.DEFAULT_BEAM_SIZE if it has none)
    length_penalty: float = 0.2
    max_batch_tokens: int | None = None
    device: str = "auto"
    device_index: tuple[int, ...] = ()
    compute_type: str | None = None
    backend: str = "local"
    ray: RayOptions | None = None  # backend "ray" only

    def __post_init__(self):
        if self.backend not in BACKENDS:
            raise ValueError(f"backend must be one of {', '.join(BACKENDS)}, not {self.backend!r}")


def open_engine(package, config: EngineConfig | None = None):
    """A ready engine for ``package`` (an argostranslate Package or PackageInfo); close it when done (it is a
    context manager). The Ray backend raises MissingDependencyError at once when Ray is not installed, and
    starts or reaches Ray only when the first batch is sent."""
    config = config or EngineConfig()
    common = {
        "beam_size": config.beam_size,
        "length_penalty": config.length_penalty,
        "max_batch_tokens": config.max_batch_tokens,
        "device": config.device,
        "compute_type": config.compute_type,
    }
    if config.backend == "ray":
        from .ray_backend import RayTranslator

        return RayTranslator(package, options=config.ray or RayOptions(), **common)
    from .translator import BatchTranslator

    return BatchTranslator(package, device_index=config.device_index or None, **common)
