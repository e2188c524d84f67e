"""Where CTranslate2 decodes: the device, its compute type, threads and batch size, with defaults per device.

``resolve_device`` turns what a user asks for (``auto``, ``cpu``, ``cuda``; device indexes; a compute type or
none; thread counts or none) into one :class:`DeviceSettings`, checked against what this machine's
CTranslate2 supports. ``auto`` means CUDA when ``ctranslate2.get_cuda_device_count()`` is above zero.

Defaults per device:

- CPU: ``int8`` (what Argos packages store; the fastest CPU type), two batches decoded side by side on half
  the cores each (:func:`default_threads`), 2,048-token batches.
- CUDA: ``int8_float16`` (int8 weights, float16 activations), else ``float16``, else the model's own type,
  as the GPU supports; one decoding worker per GPU; 8,192-token batches (a GPU wants wide batches).

A package may ask for a compute type (the demo model stores float weights that only float32 runs exactly); it
then replaces the device default, never a compute type asked for explicitly.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..errors import ModelError

DEVICES = ("auto", "cpu", "cuda")
#: compute types CTranslate2 accepts besides the concrete ones (`default`: the model's own type).
GENERIC_COMPUTE_TYPES = ("default", "auto")
DEFAULT_BATCH_TOKENS = {"cpu": 2048, "cuda": 8192}
_PREFERRED = {"cpu": ("int8",), "cuda": ("int8_float16", "float16")}


@dataclass(frozen=True)
class DeviceSettings:
    """A resolved device: what ``ctranslate2.Translator`` is given, and the batch size for it."""

    device: str  # "cpu" | "cuda"
    device_index: tuple[int, ...]
    compute_type: str
    inter_threads: int
    intra_threads: int
    max_batch_tokens: int

    @property
    def workers(self) -> int:
        """Batches CTranslate2 decodes at the same time (per device times devices)."""
        return self.inter_threads * len(self.device_index)

    def to_dict(self) -> dict:
        return {
            "device": self.device,
            "device_index": list(self.device_index),
            "compute_type": self.compute_type,
            "inter_threads": self.inter_threads,
            "intra_threads": self.intra_threads,
            "max_batch_tokens": self.max_batch_tokens,
        }


def default_threads(cores: int | None = None) -> tuple[int, int]:
    """(inter_threads, intra_threads) for a whole batch on the CPU: two batches decoded side by side, each on
    half the cores: a decoding step of one batch leaves cores idle that the other batch uses
    (bench/bench_translate.py measures it).
    """
    cores = cores or os.cpu_count() or 1
    inter = 2 if cores >= 2 else 1
    return inter, max(1, cores // inter)


def cuda_device_count() -> int:
    import ctranslate2

    try:
        return int(ctranslate2.get_cuda_device_count())
    except RuntimeError:  # a CUDA runtime that cannot start counts as no GPU
        return 0


def supported_compute_types(device: str, index: int = 0) -> set[str]:
    import ctranslate2

    try:
        return set(ctranslate2.get_supported_compute_types(device, index))
    except (RuntimeError, ValueError):
        return set()


def pick_device(device: str, cuda_count: int | None = None) -> str:
    """``auto`` → ``cuda`` when CTranslate2 sees a CUDA device, else ``cpu``; ``cuda`` with none is an error."""
    if device not in DEVICES:
        raise ValueError(f"device must be one of {', '.join(DEVICES)}, not {device!r}")
    if device == "cpu":
        return "cpu"
    count = cuda_device_count() if cuda_count is None else cuda_count
    if device == "auto":
        return "cuda" if count > 0 else "cpu"
    if count == 0:
        raise ModelError(
            "CUDA was asked for but CTranslate2 sees no CUDA device "
            "(ctranslate2.get_cuda_device_count() is 0); decode on the CPU instead"
        )
    return "cuda"


def pick_compute_type(device: str, asked: str | None, supported: set[str], package_asks: str | None) -> str:
    """The compute type: the one asked for (checked), else the package's, else the device default."""
    if asked:
        if asked not in GENERIC_COMPUTE_TYPES and supported and asked not in supported:
            raise ModelError(
                f"compute type {asked} is not supported on {device} here (supported: {', '.join(sorted(supported))})"
            )
        return asked
    if package_asks:
        return package_asks
    return next((t for t in _PREFERRED[device] if t in supported), "default")


def resolve_device(
    device: str = "auto",
    *,
    device_index: tuple[int, ...] | list[int] | None = None,
    compute_type: str | None = None,
    inter_threads: int | None = None,
    intra_threads: int | None = None,
    max_batch_tokens: int | None = None,
    package_compute_type: str | None = None,
    cuda_count: int | None = None,
) -> DeviceSettings:
    """Settings for ``device`` with every unset value at its per-device default (see the module docstring).

    Device indexes apply to CUDA only (CPU decoding ignores them); an index CTranslate2 does not see is an error.
    """
    count = cuda_device_count() if cuda_count is None and device != "cpu" else (cuda_count or 0)
    chosen = pick_device(device, count)
    if chosen == "cuda":
        indexes = tuple(device_index) if device_index else (0,)
        missing = [i for i in indexes if not 0 <= i < count]
        if missing:
            raise ModelError(
                f"CUDA device index {missing[0]} does not exist (CTranslate2 sees {count} "
                f"device{'s' if count != 1 else ''}: 0–{count - 1})"
            )
        if len(set(indexes)) != len(indexes):
            raise ModelError(f"CUDA device indexes repeat: {', '.join(map(str, indexes))}")
        threads = (inter_threads or 1, intra_threads or 0)  # intra 0: CTranslate2's own default
    else:
        indexes = (0,)
        if inter_threads is None and intra_threads is None:
            threads = default_threads()
        else:
            threads = (inter_threads or 1, intra_threads or 0)
    supported = supported_compute_types(chosen, indexes[0])
    ctype = pick_compute_type(chosen, compute_type, supported, package_compute_type)
    if max_batch_tokens is not None and max_batch_tokens < 1:
        raise ValueError("max_batch_tokens must be positive")
    return DeviceSettings(
        chosen, indexes, ctype, threads[0], threads[1], max_batch_tokens or DEFAULT_BATCH_TOKENS[chosen]
    )
