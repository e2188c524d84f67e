"""A translation engine that remembers: :class:`MemoryTranslator` wraps any engine of the
:mod:`translate_kit.engine.protocol` contract and answers from the memory what it has already translated.

- ``translate(texts)``: inputs the memory has (same engine identity, exact input) are answered from it; the
  others go to the engine, and each engine batch is committed as soon as it is done, so a killed run loses
  at most what was in flight and a re-run asks the engine only for what the memory lacks. An engine that
  streams its batches (``streams_batches``, see :mod:`translate_kit.engine.protocol`) gets all of them in
  one call and hands each batch back through ``on_batch``; any other engine gets length-sorted chunks of
  about four of its token batches, one call each, each chunk committed when it returns.
- every other engine method whose name starts with ``translate`` or ``score`` (or is listed in the engine's
  ``memoizable`` attribute) is memoised the same way, generically: the key is the engine identity, the method
  name with its options (keyword and non-list arguments, as JSON) and the exact input item (the items of the
  list arguments, zipped). Outputs must be JSON-able lists, one item per input; a call whose arguments or
  output do not fit that shape goes to the engine unmemoised. So a new enforcement rung that calls, say,
  ``translate_nbest(texts, n=4)`` goes through the memory without any change here.
- anything else (``tokenize``, ``max_input_tokens``, ``identity`` …) is the engine's own.

Each engine call runs in a worker thread that the caller's thread waits for in short steps, so Ctrl-C
(``KeyboardInterrupt``) reaches the caller within a fraction of a second even while a long native call runs;
the abandoned call's result is dropped.

``refresh=True`` asks the engine again for every input and replaces what the memory had (``--force``).
"""

from __future__ import annotations

import inspect
import json
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass

from ...engine.identity import engine_identity, identity_description
from .store import MemoryStore

_CHUNK_FACTOR = 4  # chunk budget = the engine's max_batch_tokens × this (BatchTranslator's own chunking)
_DEFAULT_BATCH_TOKENS = 2048
_WAIT_STEP = 0.1  # seconds between checks for Ctrl-C while an engine call runs


@dataclass
class MemoryStats:
    """What the memory saved and what the engine did, over the life of one wrapper."""

    hits: int = 0  # inputs answered from the memory
    missing: int = 0  # inputs the memory lacked (sent to the engine)
    committed: int = 0  # of those, translated and committed to the memory
    engine_calls: int = 0  # calls made to the engine
    engine_inputs: int = 0  # inputs sent to the engine
    engine_tokens: int = 0  # their source tokens (when the engine can tokenise), else words

    def to_dict(self) -> dict:
        return dict(self.__dict__)


class MemoryTranslator:
    """``inner`` with a memory in ``store``; ``progress(n)`` callbacks count answered inputs, hits included."""

    def __init__(self, inner, store: MemoryStore, *, refresh: bool = False):
        self.inner = inner
        self.store = store
        self.refresh = refresh
        self.stats = MemoryStats()
        self.identity_key = engine_identity(inner)
        self.engine = store.engine_id(self.identity_key, identity_description(inner))

    def __getattr__(self, name: str):
        if name.startswith("_") or name in ("inner", "store", "refresh", "stats", "identity_key", "engine"):
            raise AttributeError(name)
        attr = getattr(self.inner, name)
        if callable(attr) and _memoizable(self.inner, name):
            return _Memoized(self, name, attr)
        return attr

    # -- translate -------------------------------------------------------------------------------------------
    def translate(self, texts: list[str], progress: Callable[[int], None] | None = None) -> list[str]:
        texts = list(texts)
        unique = list(dict.fromkeys(texts))
        found = {} if self.refresh else self.store.get_many(self.engine, "translate", unique)
        missing = [t for t in unique if t not in found]
        self.stats.hits += len(unique) - len(missing)
        self.stats.missing += len(missing)
        counts: dict[str, int] = {}
        for t in texts:
            counts[t] = counts.get(t, 0) + 1
        if progress and len(missing) < len(unique):
            progress(sum(counts[t] for t in unique if t in found))

        def commit(pairs: list[tuple[str, str]]) -> None:
            self.store.put_many(self.engine, "translate", pairs)
            self.stats.committed += len(pairs)
            found.update(pairs)
            if progress:
                progress(sum(counts[t] for t, _ in pairs))

        if missing and _streams(self.inner):
            self._translate_streaming(missing, commit)
        for chunk in self._chunks([t for t in missing if t not in found]):
            outputs = self.call(self.inner.translate, chunk)
            _check_count(outputs, chunk)
            commit(list(zip(chunk, outputs)))
        return [found[t] for t in texts]

    def _translate_streaming(self, missing: list[str], commit) -> None:
        """All of ``missing`` in one engine call; each batch it hands to ``on_batch`` (in the worker thread)
        is committed here, in the caller's thread (SQLite's), while the call runs, and on Ctrl-C or an engine
        error what had arrived is still committed. Inputs the engine returned but never handed over are
        committed at the end."""
        arrived: queue.SimpleQueue = queue.SimpleQueue()
        done: set[str] = set()

        def on_batch(indexes: list[int], outputs: list[str]) -> None:
            _check_count(outputs, indexes)
            arrived.put([(missing[i], o) for i, o in zip(indexes, outputs)])

        def drain() -> None:
            while not arrived.empty():
                pairs = [(t, o) for t, o in arrived.get() if t not in done]
                done.update(t for t, _ in pairs)
                if pairs:
                    commit(pairs)

        self.stats.engine_tokens += sum(self._size(t) for t in missing)
        outputs = self._wait(self.inner.translate, (missing,), {"on_batch": on_batch}, between=drain)
        _check_count(outputs, missing)
        rest = [(t, o) for t, o in zip(missing, outputs) if t not in done]
        if rest:
            commit(rest)

    def _size(self, text: str) -> int:
        tokenize = getattr(self.inner, "tokenize", None)
        return len(tokenize(text)) if callable(tokenize) and text.strip() else len(text.split())

    def _chunks(self, texts: list[str]):
        """Length-sorted runs of ``texts`` within the engine's chunk budget (as BatchTranslator chunks)."""
        if not texts:
            return
        budget = (getattr(self.inner, "max_batch_tokens", None) or _DEFAULT_BATCH_TOKENS) * _CHUNK_FACTOR
        sizes = {t: self._size(t) for t in texts}
        self.stats.engine_tokens += sum(sizes.values())
        order = sorted(range(len(texts)), key=lambda i: (sizes[texts[i]], i))
        chunk: list[str] = []
        used = 0
        for i in order:
            n = sizes[texts[i]] + 1 if texts[i].strip() else 0
            if chunk and used + n > budget:
                yield chunk
                chunk, used = [], 0
            chunk.append(texts[i])
            used += n
        yield chunk

    def call(self, func, *args, **kwargs):
        """``func(*args, **kwargs)`` in a worker thread, waited for in steps so that Ctrl-C is not delayed."""
        return self._wait(func, args, kwargs)

    def _wait(self, func, args: tuple, kwargs: dict, between: Callable[[], None] | None = None):
        """As :meth:`call`; ``between()`` runs in this thread at every step and once more at the end (on
        success, error or Ctrl-C alike)."""
        self.stats.engine_calls += 1
        self.stats.engine_inputs += len(args[0]) if args and isinstance(args[0], list) else 0
        box: dict = {}

        def work():
            try:
                box["value"] = func(*args, **kwargs)
            except BaseException as exc:  # handed to the waiting thread
                box["error"] = exc

        worker = threading.Thread(target=work, name="translate-kit-engine", daemon=True)
        worker.start()
        try:
            while worker.is_alive():
                worker.join(_WAIT_STEP)
                if between:
                    between()
        finally:
            if between:
                between()
        if "error" in box:
            raise box["error"]
        return box["value"]

    def identity(self) -> dict:
        ident = getattr(self.inner, "identity", None)
        return ident() if callable(ident) else identity_description(self.inner)

    def __repr__(self) -> str:
        return f"MemoryTranslator({self.inner!r}, {str(self.store.path)!r})"


def _streams(engine) -> bool:
    """The engine streams its batches: it says so, and its ``translate`` (maybe wrapped since) takes ``on_batch``."""
    if not getattr(engine, "streams_batches", False):
        return False
    try:
        params = inspect.signature(engine.translate).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.name == "on_batch" or p.kind is p.VAR_KEYWORD for p in params)


def _check_count(outputs, inputs: list) -> None:
    if not isinstance(outputs, list) or len(outputs) != len(inputs):
        count = len(outputs) if isinstance(outputs, (list, tuple)) else type(outputs).__name__
        raise RuntimeError(f"the engine returned {count} texts for {len(inputs)}")


def _memoizable(inner, name: str) -> bool:
    return (
        name.startswith(("translate", "score")) or name in (getattr(inner, "memoizable", None) or ())
    ) and name not in ("translate",)


class _Memoized:
    """An optional engine method through the memory (see the module docstring for the key)."""

    def __init__(self, owner: MemoryTranslator, name: str, func):
        self.owner, self.name, self.func = owner, name, func

    def __call__(self, *args, progress=None, **kwargs):
        shape = _shape(args, kwargs)
        if shape is None:
            return self.func(*args, **kwargs) if progress is None else self.func(*args, progress=progress, **kwargs)
        items, lists, options = shape
        owner = self.owner
        method = f"{self.name} {options}"
        keys = [json.dumps(item, ensure_ascii=False, sort_keys=True) for item in items]
        unique = list(dict.fromkeys(keys))
        found = {} if owner.refresh else owner.store.get_many(owner.engine, method, unique)
        missing = [k for k in unique if k not in found]
        owner.stats.hits += len(unique) - len(missing)
        owner.stats.missing += len(missing)
        if missing:
            index = {k: i for i, k in enumerate(keys)}
            picked = [index[k] for k in missing]
            call_args = [[a[i] for i in picked] if j in lists else a for j, a in enumerate(args)]
            outputs = owner.call(self.func, *call_args, **kwargs)
            encoded = _encode(outputs, len(missing))
            if encoded is None:  # not a list of JSON-able items: hand it back, remember nothing
                return outputs if len(missing) == len(keys) else self.func(*args, **kwargs)
            owner.store.put_many(owner.engine, method, zip(missing, encoded))
            owner.stats.committed += len(missing)
            found.update(zip(missing, encoded))
        if progress:
            progress(len(keys))
        return [json.loads(found[k]) for k in keys]


def _shape(args: tuple, kwargs: dict):
    """(items, list-argument positions, options JSON) when the call is per-item over equal-length lists."""
    if not args or not isinstance(args[0], (list, tuple)):
        return None
    n = len(args[0])
    lists = {j for j, a in enumerate(args) if isinstance(a, (list, tuple)) and len(a) == n}
    scalars = [a for j, a in enumerate(args) if j not in lists]
    items = [[args[j][i] for j in sorted(lists)] for i in range(n)]
    try:
        options = json.dumps({"args": scalars, "kwargs": kwargs}, sort_keys=True, ensure_ascii=False)
        json.dumps(items, ensure_ascii=False)
    except (TypeError, ValueError):
        return None
    return items, lists, options


def _encode(outputs, n: int) -> list[str] | None:
    if not isinstance(outputs, (list, tuple)) or len(outputs) != n:
        return None
    try:
        return [json.dumps(o, ensure_ascii=False, sort_keys=True) for o in outputs]
    except (TypeError, ValueError):
        return None
