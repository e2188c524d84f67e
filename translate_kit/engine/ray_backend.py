"""The Ray Data backend: the same engine as :class:`~translate_kit.engine.translator.BatchTranslator`, decoded
by a pool of workers on one machine or a cluster.

:class:`RayTranslator` has the engine interface (``translate(list[str], progress=None) -> list[str]``,
``tokenize``, ``max_input_tokens``, ``identity``), so whatever sits above an engine (glossary enforcement, a
translation memory, the writers) stays local and unchanged. Tokenising, length-sorting and cutting the token
batches happen here, exactly as the local engine does them (:meth:`PackageEngine.plan_batches`); only the
batches travel. Ray Data runs them through ``map_batches`` on an actor pool of :class:`RayWorker`: each worker
loads the model once, decodes each batch as one CTranslate2 batch with the same options, and the
hypotheses come back by batch number and are detokenised here. The same batches decoded the same way give
the same tokens, so outputs are byte-identical to the local backend's (on the same device and compute type).

Failures: a worker process that dies is restarted and its batch retried by Ray (``max_task_retries``); an
engine error inside a worker is retried there. A batch that still fails is reported by
:class:`EngineBatchError` (naming the batch and its first sentence) once every other batch has finished; the
error carries the finished translations (``partial``) so that a caller with a memory can keep them.

Ray is an optional extra (``pip install 'translate-kit[ray]'``); without it, creating a RayTranslator raises
:class:`~translate_kit.errors.MissingDependencyError` with that line. Ray starts when the first batch is sent:
connected to ``address`` (``auto``, ``HOST:6379`` or ``ray://HOST:10001``), else to ``$RAY_ADDRESS``, else a
Ray started on this machine for the run (and shut down by :meth:`RayTranslator.close`).
"""

from __future__ import annotations

import io
import json
import logging
import math
import os
import tempfile
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import MissingDependencyError, ModelError, TranslateKitError
from .devices import DEFAULT_BATCH_TOKENS, default_threads
from .identity import package_digest
from .packages import PackageInfo, load_package
from .translator import BatchTranslator, PackageEngine

INSTALL_HINT = "the Ray backend needs Ray, which is not installed: pip install 'translate-kit[ray]'"


def import_ray():
    """The ``ray`` module with Ray Data, or :class:`MissingDependencyError` saying how to install it."""
    try:
        import ray
        import ray.data
    except ImportError:
        raise MissingDependencyError(INSTALL_HINT) from None
    return ray


@dataclass(frozen=True)
class RayOptions:
    """Where and how wide the pool runs. Unset resources default per device (see :func:`worker_resources`)."""

    address: str | None = None  # None: $RAY_ADDRESS, else a Ray started on this machine
    workers: int = 1
    cpus_per_worker: float | None = None
    gpus_per_worker: float | None = None
    attempts: int = 3  # tries of one batch inside a worker when the engine raises
    task_retries: int = 3  # re-runs of one batch whose worker died (Ray restarts the worker)

    def __post_init__(self):
        if self.workers < 1 or self.attempts < 1 or self.task_retries < 0:
            raise ValueError("workers and attempts must be positive, task_retries not negative")
        if (self.cpus_per_worker is not None and self.cpus_per_worker <= 0) or (self.gpus_per_worker or 0) < 0:
            raise ValueError("cpus_per_worker must be positive and gpus_per_worker not negative")


class EngineBatchError(ModelError):
    """Some batches failed for good; ``partial`` holds every other sentence's translation (None: failed)."""

    def __init__(self, message: str, partial: list[str | None], failed: list[int]):
        super().__init__(message)
        self.partial = partial
        self.failed = failed  # batch numbers (0-based)


# ------------------------------------------------------------------------------------------- the workers
def local_package(path: str, digest: str, archive: list | None) -> Path:
    """The package directory a worker loads: ``path`` when it holds the same bytes (same machine, or a shared
    file system), else the driver's copy (``archive``: ``[ObjectRef]`` of a zip) unpacked into a temporary
    directory, once per worker."""
    if Path(path).is_dir() and package_digest(path) == digest:
        return Path(path)
    if not archive:
        raise ModelError("the package is not on this Ray node and no copy was shipped", path)
    import ray

    target = Path(tempfile.mkdtemp(prefix="translate-kit-package-"))
    with zipfile.ZipFile(io.BytesIO(ray.get(archive[0]))) as zf:
        zf.extractall(target)
    unpacked = target / Path(path).name
    if package_digest(unpacked) != digest:
        raise ModelError("the package shipped to this Ray node does not match the driver's", path)
    return unpacked


class RayWorker:
    """One actor of the pool: loads the package once (``engine`` options as for BatchTranslator), then turns
    rows ``{"batch": n, "tokens": json}`` into ``{"batch": n, "hypotheses": json, "error": ""}``."""

    def __init__(self, package_path: str, digest: str, archive: list | None, engine: dict, attempts: int):
        path = local_package(package_path, digest, archive)
        self.engine = BatchTranslator(load_package(path), **engine)
        self.attempts = attempts

    def decode(self, batch: list[list[str]]) -> list[list[str]]:
        """One batch, alone."""
        return self.engine.decode_batch(batch)

    def decode_group(self, batches: list[list[list[str]]]) -> list[list[list[str]]]:
        """Several batches side by side (the worker's decoding threads)."""
        return list(self.engine.decode_many(batches))

    def retry(self, batch: list[list[str]]) -> tuple[list[list[str]] | None, str]:
        error = ""
        for _ in range(self.attempts):
            try:
                return self.decode(batch), ""
            except Exception as exc:  # noqa: BLE001  (any engine failure becomes this batch's error)
                error = f"{type(exc).__name__}: {exc}".splitlines()[0]
        return None, error

    def __call__(self, rows: dict) -> dict:
        import numpy as np

        batches = [json.loads(p) for p in rows["tokens"]]
        try:
            done = [(h, "") for h in self.decode_group(batches)]
        except Exception:  # noqa: BLE001  (find the failing batch: each one alone, with retries)
            done = [self.retry(b) for b in batches]
        return {
            "batch": np.asarray(rows["batch"]),
            "hypotheses": np.array([json.dumps(h) if h is not None else "" for h, _ in done], dtype=object),
            "error": np.array([e for _, e in done], dtype=object),
        }


def worker_resources(device: str, options: RayOptions, nodes: list[dict]) -> tuple[float, float]:
    """(CPUs, GPUs) reserved per worker. GPUs: ``cuda`` → 1, ``auto`` → 1 when the cluster has GPUs, ``cpu`` →
    0. CPUs: 1 beside a GPU; otherwise the smallest node's CPUs shared by the workers placed on each node."""
    has_gpu = any(n.get("Resources", {}).get("GPU", 0) > 0 for n in nodes)
    gpus = options.gpus_per_worker
    if gpus is None:
        gpus = 1.0 if device == "cuda" or (device == "auto" and has_gpu) else 0.0
    if options.cpus_per_worker is not None:
        return options.cpus_per_worker, gpus
    if gpus > 0:
        return 1.0, gpus
    cpus = [n.get("Resources", {}).get("CPU", 0) for n in nodes] or [os.cpu_count() or 1]
    per_node = math.ceil(options.workers / len(cpus))
    return float(max(1, int(min(cpus) // per_node))), gpus


def pool_capacity(nodes: list[dict], cpus: float, gpus: float) -> int:
    """How many workers reserving ``cpus`` CPUs and ``gpus`` GPUs each the ``nodes`` can hold at once."""
    total = 0
    for node in nodes:
        have = node.get("Resources", {})
        fit = int(have.get("CPU", 0) // cpus) if cpus > 0 else len(nodes) * 1024
        if gpus > 0:
            fit = min(fit, int(have.get("GPU", 0) // gpus))
        total += fit
    return total


def worker_engine(
    device: str,
    compute_type: str | None,
    cpus: float,
    gpus: float,
    beam_size: int,
    length_penalty: float,
    max_batch_tokens: int,
) -> dict:
    """BatchTranslator options for one worker: its reserved CPUs as decoding threads; a GPU when it has one
    (Ray makes its GPUs the worker's devices 0…), never a GPU it did not reserve."""
    engine = {
        "beam_size": beam_size,
        "length_penalty": length_penalty,
        "max_batch_tokens": max_batch_tokens,
        "compute_type": compute_type,
    }
    if gpus > 0 and device != "cpu":
        engine["device"] = "cuda"
    else:
        inter, intra = default_threads(max(1, int(cpus)))
        engine.update(device="cpu", inter_threads=inter, intra_threads=intra)
    return engine


# ------------------------------------------------------------------------------------------- the driver
class RayTranslator(PackageEngine):
    """The engine interface over a Ray Data actor pool of :class:`RayWorker` (see the module docstring).

    ``device``: ``auto`` (each worker on a GPU when it reserved one), ``cpu`` or ``cuda``; ``compute_type``
    as for BatchTranslator (default per device, on each worker). ``worker`` is the actor class.
    """

    def __init__(
        self,
        package,
        *,
        beam_size: int | None = None,
        length_penalty: float = 0.2,
        max_batch_tokens: int | None = None,
        device: str = "auto",
        compute_type: str | None = None,
        options: RayOptions | None = None,
        worker: type[RayWorker] = RayWorker,
    ):
        self._ray = import_ray()
        if isinstance(package, PackageInfo):
            package = load_package(package.path)
        self.options = options or RayOptions()
        self.device = device
        self.compute_type = compute_type
        gpu_batches = device == "cuda" or (device == "auto" and (self.options.gpus_per_worker or 0) > 0)
        default_tokens = DEFAULT_BATCH_TOKENS["cuda" if gpu_batches else "cpu"]
        super().__init__(
            package,
            beam_size=beam_size,
            length_penalty=length_penalty,
            max_batch_tokens=max_batch_tokens or default_tokens,
        )
        self.worker = worker
        self._started_ray = False
        self._archive: list | None = None
        self._failures: list[tuple[int, str]] = []
        self.resources: tuple[float, float] | None = None  # (CPUs, GPUs) per worker, once started

    def describe(self) -> dict:
        return {
            **super().describe(),
            "backend": "ray",
            "device": self.device,
            "compute_type": self.compute_type,
            "workers": self.options.workers,
            "address": self.options.address,
            "cpus_per_worker": self.resources[0] if self.resources else self.options.cpus_per_worker,
            "gpus_per_worker": self.resources[1] if self.resources else self.options.gpus_per_worker,
        }

    def _connect(self) -> None:
        ray = self._ray
        if not ray.is_initialized():
            try:
                ray.init(
                    address=self.options.address, include_dashboard=False, logging_level="ERROR", log_to_driver=False
                )
            except (ConnectionError, RuntimeError, ValueError) as exc:
                where = self.options.address or os.environ.get("RAY_ADDRESS") or "this machine"
                raise ModelError(f"cannot start or reach Ray at {where}: {str(exc).splitlines()[0]}") from None
            self._started_ray = True
        nodes = [n for n in ray.nodes() if n.get("Alive")]
        if self.resources is None:
            self.resources = worker_resources(self.device, self.options, nodes)
        capacity = pool_capacity(nodes, *self.resources)
        if capacity < self.options.workers:  # Ray would wait for them forever
            have = {k: sum(n.get("Resources", {}).get(k, 0) for n in nodes) for k in ("CPU", "GPU")}
            raise ModelError(
                f"the Ray cluster can hold {capacity} of the {self.options.workers} workers asked for (each "
                f"reserves {self.resources[0]:g} CPUs and {self.resources[1]:g} GPUs; the cluster has "
                f"{have['CPU']:g} CPUs and {have['GPU']:g} GPUs)"
            )
        if self._archive is None and len(nodes) > 1:
            self._archive = [ray.put(_zip_directory(self.info.path))]  # for nodes without the package

    def translate(
        self,
        sentences: list[str],
        progress: Callable[[int], None] | None = None,
        on_batch: Callable[[list[int], list[str]], None] | None = None,
    ) -> list[str]:
        """As :meth:`PackageEngine.translate` (one Ray Data run, one pool, for the whole call; ``on_batch``
        gets each batch as its result streams back); a batch that fails for good raises
        :class:`EngineBatchError` after all the others are done (and were handed to ``on_batch``)."""
        self._failures = []
        results = super().translate(sentences, progress, on_batch)
        if not self._failures:
            return results
        plan = self._last_plan
        failed = sorted(n for n, _ in self._failures)
        partial: list[str | None] = list(results)
        for n in failed:
            for i in plan[n]:
                partial[i] = None
        number, error = min(self._failures)
        first = sentences[plan[number][0]]
        more = f" (and {len(failed) - 1} more)" if len(failed) > 1 else ""
        raise EngineBatchError(
            f"engine batch {number + 1} of {len(plan)}{more} failed ({len(plan[number])} sentences, the first "
            f"{first[:60]!r}): {error}; the other {len(plan) - len(failed)} batches were translated",
            partial,
            failed,
        )

    def _mapped_dataset(self, batches, engine, per_call, pool_strategy):
        """The Ray dataset of ``batches`` (one block each), mapped through the translating worker actors."""
        cpus, gpus = self.resources
        rows = [{"batch": n, "tokens": json.dumps(b)} for n, b in enumerate(batches)]
        dataset = self._ray.data.from_items(rows, override_num_blocks=len(rows))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # max_task_retries is passed as a (deprecated) remote arg
            dataset = dataset.map_batches(
                self.worker,
                batch_size=per_call,
                batch_format="numpy",
                udf_modifying_row_count=False,
                compute=pool_strategy(size=self.options.workers),
                num_cpus=cpus,
                num_gpus=gpus,
                fn_constructor_kwargs={
                    "package_path": str(self.info.path),
                    "digest": self.digest,
                    "archive": self._archive,
                    "engine": engine,
                    "attempts": self.options.attempts,
                },
                max_restarts=-1,
                max_task_retries=self.options.task_retries,
            )
        return dataset

    def _decode_batches(self, batches, sentences, plan):
        self._last_plan = plan
        if not batches:
            return
        self._connect()
        from ray.data import ActorPoolStrategy, DataContext

        cpus, gpus = self.resources
        engine = worker_engine(
            self.device, self.compute_type, cpus, gpus, self.beam_size, self.length_penalty, self.max_batch_tokens
        )
        per_call = engine.get("inter_threads", 1)
        context = DataContext.get_current().copy()
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        context.max_errored_blocks = -1  # a batch that fails for good is reported below; the rest goes on
        previous = DataContext._set_current(context)
        seen: set[int] = set()
        ray_data_log = logging.getLogger("ray.data")
        level = ray_data_log.level
        ray_data_log.setLevel(logging.ERROR)  # no execution plan or progress notes on the user's stderr
        try:
            dataset = self._mapped_dataset(batches, engine, per_call, ActorPoolStrategy)
            for row in dataset.iter_rows():
                number = int(row["batch"])
                seen.add(number)
                if row["error"]:
                    self._failures.append((number, str(row["error"])))
                else:
                    yield number, json.loads(row["hypotheses"])
        except TranslateKitError:
            raise
        except Exception as exc:  # a worker that cannot start, a lost cluster: one line, not Ray's traceback
            raise ModelError(f"the Ray backend failed: {type(exc).__name__}: {_first_line(exc)}") from None
        finally:
            DataContext._set_current(previous)
            ray_data_log.setLevel(level)
        self._failures += [
            (n, f"its worker died {self.options.task_retries + 1} times") for n in range(len(batches)) if n not in seen
        ]

    def close(self) -> None:
        """Shut Ray down if this translator started it (a cluster or a Ray someone else started stays up)."""
        if self._started_ray and self._ray.is_initialized():
            self._ray.shutdown()
        self._started_ray = False

    def __repr__(self) -> str:
        return f"RayTranslator({json.dumps(self.info.name)}, workers={self.options.workers}, device={self.device})"


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _zip_directory(root: Path) -> bytes:
    """A package directory as an uncompressed zip (top directory kept), to ship to Ray nodes."""
    root = Path(root)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            zf.write(path, (Path(root.name) / path.relative_to(root)).as_posix())
    return buf.getvalue()


__all__ = [
    "INSTALL_HINT",
    "EngineBatchError",
    "RayOptions",
    "RayTranslator",
    "RayWorker",
    "import_ray",
    "local_package",
    "worker_engine",
    "worker_resources",
]
