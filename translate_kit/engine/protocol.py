"""The engine contract: what the translate flow needs from a translation engine, and nothing more.

Like argostranslate's ``ITranslation``, the contract is tiny so that wrappers (a translation memory, a
fallback, a remote or distributed backend) and other engines (another MT system, an LLM, a cloud API) can
stand in for :class:`~translate_kit.engine.translator.BatchTranslator`:

- required: ``translate(texts: list[str], progress=None) -> list[str]`` — one output per input, in order;
- optional: ``tokenize(text) -> list[str]`` and ``max_input_tokens`` (then over-long sentences are cut
  before translation), ``identity()`` (a JSON-able description of the model and decoding options);
- optional, streaming: an engine whose ``streams_batches`` attribute is true takes
  ``translate(texts, progress=None, on_batch=None)`` and calls ``on_batch(indexes, outputs)`` as each of its
  own batches is done — ``indexes`` into ``texts``, ``outputs`` their final translations (exactly what
  ``translate`` returns for them), every input in exactly one call, all before ``translate`` returns, from
  the thread that runs ``translate``. The translation memory then sends all it lacks in one call and commits
  each batch as it arrives (one Ray pool per call, not one per memory chunk); engines without it (or whose
  ``translate``, wrapped since, takes no ``on_batch``) get
  length-sorted chunks of about four token batches, one call each.

Optional capabilities, discovered with ``hasattr`` by the glossary enforcement (translate_kit.translation
.enforce) and offered by :class:`~translate_kit.engine.translator.BatchTranslator`. Every input and output
is plain JSON-able data, so a wrapper (the translation memory) can key a call by ``identity()`` + method +
arguments and replay it; the translate flow never calls CTranslate2 any other way:

- ``translate_nbest(texts, n=4, progress=None) -> list[list[str]]`` — up to ``n`` hypotheses per text, best
  first; the first equals ``translate``'s output;
- ``translate_with_attention(texts, progress=None) -> list[dict]`` — per text ``{"text": str,
  "source_spans": [[start, end], ...], "target_spans": [[start, end], ...], "attention": [[float]]}``:
  character spans of the source tokens in the input and of the output tokens in ``text``, and the
  cross-attention ``attention[target_token][source_token]``;
- ``translate_with_prefix(texts, prefixes, progress=None) -> list[str]`` — each output forced to start with
  ``prefixes[i]`` (CTranslate2 ``target_prefix``), decoding continuing after it;
- ``translate_suppressed(texts, suppress=[...], progress=None) -> list[str]`` — outputs in which none of the
  strings ``suppress`` (one list for the whole call, a keyword argument) can be generated (``suppress_sequences``);
- ``score(texts, outputs) -> list[float]`` — the model's mean log-probability per token of each output.

An engine without them still works: the enforcement then uses the rungs that need only ``translate``.
The translation memory (``translate_kit.translation.memory``) wraps an engine and memoises ``translate`` and
every optional method whose name starts with ``translate`` or ``score`` (or is listed in an engine's
``memoizable`` attribute): give such a method list arguments of one item per input (zipped into the key),
options as keyword arguments, and return a list of JSON-able results, one per input. The memory's key for
an engine is :func:`translate_kit.engine.identity.engine_identity` (package content + decoding options).
:func:`as_translator` turns a plain ``list[str] -> list[str]`` callable into a translator.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

Progress = Callable[[int], None]


@runtime_checkable
class Translator(Protocol):
    def translate(self, texts: list[str], progress: Progress | None = None) -> list[str]: ...


class CallableTranslator:
    """A translator over a plain function ``list[str] -> list[str]`` (no tokenizer, no input limit)."""

    max_input_tokens = None

    def __init__(self, func: Callable[[list[str]], list[str]], name: str = "callable"):
        self.func = func
        self.name = name

    def translate(self, texts: list[str], progress: Progress | None = None) -> list[str]:
        out = list(self.func(list(texts)))
        if len(out) != len(texts):
            raise ValueError(f"the translate function returned {len(out)} texts for {len(texts)}")
        if progress:
            progress(len(texts))
        return out

    def identity(self) -> dict:
        return {"engine": self.name}


def as_translator(engine) -> Translator:
    """``engine`` itself when it has ``translate``, else a :class:`CallableTranslator` over the callable."""
    if isinstance(engine, Translator):
        return engine
    if callable(engine):
        return CallableTranslator(engine, getattr(engine, "__name__", "callable"))
    raise TypeError(f"not a translator or a callable: {engine!r}")
