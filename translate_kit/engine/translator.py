"""Batched translation with CTranslate2: all sentences of a batch in one call path, length-sorted, token batches.

argostranslate translates paragraph by paragraph with 32-token batches; throughput comes from sending the whole
batch of articles together, sorted by token length, in large token-based batches. Tokenisation and
detokenisation go through the package's own argostranslate tokenizer (SentencePiece or Moses + BPE), and the
decoding mirrors ``argostranslate.translate.apply_packaged_translation`` (target prefix, leading-space strip).
Like argostranslate, SentencePiece decoding turns "_" into a space; don't rely on underscores surviving.
"""

from __future__ import annotations

import json
import struct
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from pathlib import Path

from ..errors import ModelError
from .devices import default_threads, resolve_device
from .identity import package_digest
from .packages import PackageInfo, load_package, package_info

#: CTranslate2's default ``max_input_length``: the usable source length of models without stored positions.
DEFAULT_MAX_INPUT_TOKENS = 1024
#: Raised when the decoding procedure changes in a way that changes outputs (part of :attr:`identity`).
DECODING_VERSION = 1
#: the beam size when neither the caller nor the package names one (the package may: the demo decodes greedily)
DEFAULT_BEAM_SIZE = 4

__all__ = ["BatchTranslator", "PackageEngine", "default_threads", "stored_positions"]


def stored_positions(model_dir: str | Path) -> int | None:
    """Number of learned position encodings stored in a CTranslate2 ``model.bin`` (None: not stored/unknown).

    Reads only the variable headers (name, shape) of the binary format written by ``ctranslate2.specs``.
    """
    path = Path(model_dir) / "model.bin"
    try:
        with open(path, "rb") as fh:

            def u(fmt):
                size = struct.calcsize(fmt)
                data = fh.read(size)
                if len(data) != size:
                    raise EOFError
                return struct.unpack(fmt, data)[0]

            def string():
                return fh.read(u("H"))[:-1].decode("utf-8")

            version = u("I")
            if version < 5:
                return None
            string()  # spec name
            u("I")  # spec revision
            for _ in range(u("I")):
                name = string()
                shape = [u("I") for _ in range(u("B"))]
                u("B")  # dtype
                nbytes = u("I")
                if name.endswith("position_encodings/encodings") and shape:
                    return shape[0]
                fh.seek(nbytes, 1)
    except (OSError, EOFError, UnicodeDecodeError, struct.error):
        return None
    return None


def token_spans(text: str, tokens: list[str]) -> list[list[int]]:
    """Character span ``[start, end]`` in ``text`` of each token (SentencePiece ``▁`` word starts and BPE
    ``@@`` continuations are markers, not characters); a token not found where expected gets an empty span
    at the current position, so the list always has one span per token."""
    spans, pos = [], 0
    for tok in tokens:
        core = tok.replace("\u2581", " ").replace("@@", "").strip()
        if not core:
            spans.append([pos, pos])
            continue
        at = text.find(core, pos)
        if at < 0 or text[pos:at].strip():
            spans.append([pos, pos])
            continue
        spans.append([at, at + len(core)])
        pos = at + len(core)
    return spans


class PackageEngine:
    """What every backend shares: the package, its tokenizer and input limit, the identity, and the plan of a
    call (blank sentences answered at once, the rest tokenised, length-sorted and cut into token batches).

    Subclasses decode token batches (:meth:`_decode_batches`); the batches and the detokenisation are the same
    whichever backend decodes them, so every backend gives the same text for the same decoded tokens.
    """

    def __init__(
        self, package, *, beam_size: int | None = None, length_penalty: float = 0.2, max_batch_tokens: int = 2048
    ):
        if isinstance(package, PackageInfo):
            package = load_package(package.path)
        self.package = package
        self.info = package_info(package)
        if beam_size is None:  # the package's own default, else DEFAULT_BEAM_SIZE
            beam_size = self.info.beam_size or DEFAULT_BEAM_SIZE
        if beam_size < 1 or max_batch_tokens < 1:
            raise ValueError("beam_size and max_batch_tokens must be positive")
        self.beam_size = beam_size
        self.length_penalty = length_penalty
        self.max_batch_tokens = max_batch_tokens
        self.tokenizer = package.tokenizer
        self.target_prefix = getattr(package, "target_prefix", "") or ""
        self.model_dir = Path(package.package_path) / "model"
        self._positions = stored_positions(self.model_dir)

    # ------------------------------------------------------------------------------------------ tokens

    @property
    def max_input_tokens(self) -> int:
        """Longest source (in tokens) the model can take; split longer sentences before translating."""
        if self._positions is not None:
            return self._positions - 1  # the source also carries </s>
        return DEFAULT_MAX_INPUT_TOKENS

    def tokenize(self, text: str) -> list[str]:
        return list(self.tokenizer.encode(text))

    def detokenize(self, tokens: list[str]) -> str:
        """Tokens back to text, exactly as argostranslate's apply_packaged_translation does it."""
        value = self.tokenizer.decode(list(tokens))
        if self.target_prefix and value.startswith(self.target_prefix):
            value = value[len(self.target_prefix) :]
        return value.removeprefix(" ")

    # ---------------------------------------------------------------------------------------- identity

    @cached_property
    def digest(self) -> str:
        """The package's content digest (SHA-256 over its files' names, sizes and bytes, never mtimes)."""
        return package_digest(self.info.path)

    def identity(self) -> dict:
        """What decides the engine's output for a given input, and nothing else (JSON-able; a translation
        memory keys on ``json.dumps(identity(), sort_keys=True)``): the package's content digest and the
        decoding options. Device, compute type, threads and batch size are left out so that runs on any
        machine and backend share a memory (README: where CPU and GPU outputs can differ)."""
        return {
            "engine": "ctranslate2",
            "decoding": DECODING_VERSION,
            "package": self.digest,
            "beam_size": self.beam_size,
            "length_penalty": self.length_penalty,
        }

    def describe(self) -> dict:
        """The model and decoding options, for reports."""
        return {
            **self.info.to_dict(),
            "beam_size": self.beam_size,
            "length_penalty": self.length_penalty,
            "max_batch_tokens": self.max_batch_tokens,
            "max_input_tokens": self.max_input_tokens,
            "identity": self.identity(),
        }

    # ------------------------------------------------------------------------------------- translation

    #: ``translate`` takes ``on_batch`` (see :mod:`translate_kit.engine.protocol`).
    streams_batches = True

    def _input_tokens(self, sentences: list[str]) -> dict[int, list[str]]:
        """Index → tokens of every non-blank sentence; one longer than :attr:`max_input_tokens` is an error."""
        tokens: dict[int, list[str]] = {}
        for i, sentence in enumerate(sentences):
            if not sentence.strip():
                continue
            toks = self.tokenize(sentence)
            if len(toks) > self.max_input_tokens:
                raise ModelError(
                    f"sentence {i + 1} has {len(toks)} tokens, more than the model's "
                    f"{self.max_input_tokens}; split it before translating",
                    self.info.path,
                )
            tokens[i] = toks
        return tokens

    def translate(
        self,
        sentences: list[str],
        progress: Callable[[int], None] | None = None,
        on_batch: Callable[[list[int], list[str]], None] | None = None,
    ) -> list[str]:
        """Translate all ``sentences``; results in input order. ``progress(n)`` reports n more finished;
        ``on_batch(indexes, outputs)`` hands over each token batch's translations as it is done (the blank
        sentences first, as one batch).

        Empty or blank sentences come back as "". A sentence longer than :attr:`max_input_tokens` is an
        error (the caller splits long sentences; nothing is silently truncated).
        """
        results = [""] * len(sentences)
        tokens = self._input_tokens(sentences)
        blank = [i for i in range(len(sentences)) if i not in tokens]
        if on_batch and blank:
            on_batch(blank, [""] * len(blank))
        if progress and blank:
            progress(len(blank))
        batches = self.plan_batches(tokens)
        decoded = self._decode_batches([[tokens[i] for i in batch] for batch in batches], sentences, batches)
        for number, hypotheses in decoded:
            for i, hypothesis in zip(batches[number], hypotheses):
                results[i] = self.detokenize(hypothesis)
            if on_batch:
                on_batch(list(batches[number]), [results[i] for i in batches[number]])
            if progress:
                progress(len(batches[number]))
        return results

    def plan_batches(self, tokens: dict[int, list[str]]) -> list[list[int]]:
        """Sentence indexes in length order (ties: input order), cut into batches of at most
        :attr:`max_batch_tokens` tokens (each sentence counts its tokens plus its </s>; a longer sentence is a
        batch of its own). Each batch is decoded as one CTranslate2 batch, whatever the backend or device."""
        batches: list[list[int]] = []
        batch: list[int] = []
        used = 0
        for i in sorted(tokens, key=lambda i: (len(tokens[i]), i)):
            n = len(tokens[i]) + 1
            if batch and used + n > self.max_batch_tokens:
                batches.append(batch)
                batch, used = [], 0
            batch.append(i)
            used += n
        if batch:
            batches.append(batch)
        return batches

    def _decode_batches(
        self, batches: list[list[list[str]]], sentences: list[str], plan: list[list[int]]
    ) -> Iterator[tuple[int, list[list[str]]]]:
        """Yield (batch number, best hypothesis per sentence) for every batch, in any order."""
        raise NotImplementedError

    def close(self) -> None:
        """Release what the engine holds (workers, a cluster connection); a no-op for a local engine."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class BatchTranslator(PackageEngine):
    """Translate many sentences at once with one argostranslate package, on this machine's CPU or GPUs.

    ``package`` is an argostranslate ``Package`` (``find_package()``) or a :class:`PackageInfo`. ``device``
    (``auto``, ``cpu``, ``cuda``), ``device_index``, ``compute_type``, the thread counts and
    ``max_batch_tokens`` default per device (see :mod:`translate_kit.engine.devices`).
    """

    def __init__(
        self,
        package,
        *,
        beam_size: int | None = None,
        length_penalty: float = 0.2,
        max_batch_tokens: int | None = None,
        device: str = "auto",
        device_index: tuple[int, ...] | list[int] | None = None,
        inter_threads: int | None = None,
        intra_threads: int | None = None,
        compute_type: str | None = None,
    ):
        import ctranslate2

        if isinstance(package, PackageInfo):
            package = load_package(package.path)
        info = package_info(package)
        self.settings = resolve_device(
            device,
            device_index=device_index,
            compute_type=compute_type,
            inter_threads=inter_threads,
            intra_threads=intra_threads,
            max_batch_tokens=max_batch_tokens,
            package_compute_type=info.compute_type,
        )
        super().__init__(
            package, beam_size=beam_size, length_penalty=length_penalty, max_batch_tokens=self.settings.max_batch_tokens
        )
        self.device = self.settings.device
        self.compute_type = self.settings.compute_type
        try:
            self._translator = ctranslate2.Translator(
                str(self.model_dir),
                device=self.device,
                device_index=list(self.settings.device_index),
                inter_threads=self.settings.inter_threads,
                intra_threads=self.settings.intra_threads,
                compute_type=self.compute_type,
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelError(f"cannot load the CTranslate2 model: {exc}", self.model_dir) from None

    def describe(self) -> dict:
        return {**super().describe(), **self.settings.to_dict()}

    def decode_batch(self, batch: list[list[str]], *, asynchronous: bool = False) -> list:
        """One CTranslate2 batch (token lists), decoded with this engine's options, as one batch."""
        longest = max(len(t) for t in batch)
        max_decoding = max(256, 2 * longest + 10)
        if self._positions is not None:
            max_decoding = min(max_decoding, self._positions)
        results = self._translator.translate_batch(
            batch,
            target_prefix=[[self.target_prefix]] * len(batch) if self.target_prefix else None,
            max_batch_size=0,
            asynchronous=asynchronous,
            beam_size=self.beam_size,
            length_penalty=self.length_penalty,
            replace_unknowns=True,
            max_input_length=0,
            max_decoding_length=max_decoding,
        )
        if asynchronous:
            return results
        return [r.hypotheses[0] for r in results]

    def decode_many(self, batches: Iterable[list[list[str]]]) -> Iterator[list[list[str]]]:
        """Decode ``batches`` in order, keeping every decoding worker busy (twice as many batches queued as
        CTranslate2 decodes at once, so that a worker never waits for the next batch)."""
        window = 2 * self.settings.workers
        pending: deque = deque()
        for batch in batches:
            pending.append(self.decode_batch(batch, asynchronous=True))
            if len(pending) >= window:
                yield [f.result().hypotheses[0] for f in pending.popleft()]
        while pending:
            yield [f.result().hypotheses[0] for f in pending.popleft()]

    def _decode_batches(self, batches, sentences, plan):
        return enumerate(self.decode_many(batches))

    # -- optional capabilities (engine/protocol.py): plain JSON-able inputs and outputs ---------------------
    def translate_nbest(
        self, sentences: list[str], n: int = 4, progress: Callable[[int], None] | None = None
    ) -> list[list[str]]:
        """Up to ``n`` hypotheses per sentence, best first (at most the beam size: the beam already holds
        them, so this costs no more decoding than :meth:`translate`; the first equals its output)."""
        n = max(1, min(n, self.beam_size))

        def decode(chunk, batch):
            return [[self.detokenize(h) for h in r.hypotheses] for r in self._decode_with(batch, num_hypotheses=n)]

        return self._each(sentences, progress, decode, [""])

    def translate_with_attention(
        self, sentences: list[str], progress: Callable[[int], None] | None = None
    ) -> list[dict]:
        """The best hypothesis with its cross-attention: ``{"text", "source_spans", "target_spans",
        "attention"}`` — character spans ``[start, end]`` of each source token in the sentence and of each
        output token in ``text``, and ``attention[target_token][source_token]`` (rows sum to ~1)."""

        def decode(chunk, batch):
            out = []
            for i, src, r in zip(chunk, batch, self._decode_with(batch, return_attention=True)):
                hyp, att = list(r.hypotheses[0]), [list(row) for row in r.attention[0]]
                if self.target_prefix and hyp[:1] == [self.target_prefix]:
                    hyp, att = hyp[1:], att[len(att) - len(hyp) + 1 :]
                text = self.detokenize(hyp)
                out.append(
                    {
                        "text": text,
                        "source_spans": token_spans(sentences[i], src),
                        "target_spans": token_spans(text, hyp),
                        "attention": [[round(v, 4) for v in row[: len(src)]] for row in att[: len(hyp)]],
                    }
                )
            return out

        return self._each(sentences, progress, decode, None)

    def translate_with_prefix(
        self, sentences: list[str], prefixes: list[str], progress: Callable[[int], None] | None = None
    ) -> list[str]:
        """Translations that start with ``prefixes[i]`` (the decoder is forced through it, then continues)."""
        if len(prefixes) != len(sentences):
            raise ValueError("one prefix per sentence is required")

        def decode(chunk, batch):
            forced = [([self.target_prefix] if self.target_prefix else []) + self.tokenize(prefixes[i]) for i in chunk]
            return [self.detokenize(r.hypotheses[0]) for r in self._decode_with(batch, target_prefix=forced)]

        return self._each(sentences, progress, decode, "")

    def translate_suppressed(
        self, sentences: list[str], suppress: list[str] = (), progress: Callable[[int], None] | None = None
    ) -> list[str]:
        """Translations in which none of the ``suppress`` strings (as the model tokenises them, also
        capitalised) can be generated: one ``suppress_sequences`` list for the whole call."""
        seqs: list[list[str]] = []
        for form in dict.fromkeys(f.strip() for f in suppress if f.strip()):
            for variant in dict.fromkeys([form, form[:1].upper() + form[1:]]):
                toks = self.tokenize(variant)
                if toks and toks not in seqs:
                    seqs.append(toks)

        def decode(chunk, batch):
            return [self.detokenize(r.hypotheses[0]) for r in self._decode_with(batch, suppress_sequences=seqs or None)]

        return self._each(sentences, progress, decode, "")

    def score(self, sentences: list[str], outputs: list[str]) -> list[float]:
        """The model's mean log-probability per token of ``outputs[i]`` as a translation of ``sentences[i]``
        (higher is more plausible); 0.0 for a blank pair."""
        if len(outputs) != len(sentences):
            raise ValueError("one output per sentence is required")

        def decode(chunk, batch):
            target = [([self.target_prefix] if self.target_prefix else []) + self.tokenize(outputs[i]) for i in chunk]
            results = self._translator.score_batch(batch, target, max_batch_size=0, max_input_length=0)
            return [sum(r.log_probs) / max(1, len(r.log_probs)) for r in results]

        return self._each(sentences, None, decode, 0.0)

    def _each(self, sentences: list[str], progress, decode, blank_value) -> list:
        """Tokenise, plan the token batches as :meth:`translate` does, ``decode(indexes, token_lists)`` each
        batch and put the results back in input order (``blank_value`` for blank sentences)."""
        results: list = [blank_value] * len(sentences)
        tokens = self._input_tokens(sentences)
        if progress and len(tokens) < len(sentences):
            progress(len(sentences) - len(tokens))
        for batch in self.plan_batches(tokens):
            for i, value in zip(batch, decode(batch, [tokens[i] for i in batch])):
                results[i] = value
            if progress:
                progress(len(batch))
        return results

    def _decode_with(self, batch: list[list[str]], target_prefix=None, **extra) -> list:
        """One CTranslate2 batch decoded with this engine's options plus ``extra`` (full results)."""
        longest = max(len(t) for t in batch)
        max_decoding = max(256, 2 * longest + 10)
        if self._positions is not None:
            max_decoding = min(max_decoding, self._positions)
        if target_prefix is None and self.target_prefix:
            target_prefix = [[self.target_prefix]] * len(batch)
        return self._translator.translate_batch(
            batch,
            target_prefix=target_prefix,
            max_batch_size=0,
            beam_size=self.beam_size,
            length_penalty=self.length_penalty,
            replace_unknowns=True,
            max_input_length=0,
            max_decoding_length=max_decoding,
            **extra,
        )

    def __repr__(self) -> str:
        return f"BatchTranslator({json.dumps(self.info.name)}, beam_size={self.beam_size}, device={self.device})"
