"""Batched translation with CTranslate2: all sentences of a batch in one call path, length-sorted, token batches.

argostranslate translates paragraph by paragraph with 32-token batches; throughput comes from sending the whole
batch of articles together, sorted by token length, in large token-based batches. Tokenisation and
detokenisation go through the package's own argostranslate tokenizer (SentencePiece or Moses + BPE), and the
decoding mirrors ``argostranslate.translate.apply_packaged_translation`` (target prefix, leading-space strip).
Like argostranslate, SentencePiece decoding turns "_" into a space; don't rely on underscores surviving.
"""

from __future__ import annotations

import json
import os
import struct
from pathlib import Path
from typing import Callable

from ..errors import ModelError
from .packages import PackageInfo, load_package, package_info

#: CTranslate2's default ``max_input_length``: the usable source length of models without stored positions.
DEFAULT_MAX_INPUT_TOKENS = 1024


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


def default_threads(cores: int | None = None) -> tuple[int, int]:
    """(inter_threads, intra_threads) for a whole batch on the CPU: two batches decoded side by side, each on
    half the cores: a decoding step of one batch leaves cores idle that the other batch uses
    (bench/bench_translate.py measures it).
    """
    cores = cores or os.cpu_count() or 1
    inter = 2 if cores >= 2 else 1
    return inter, max(1, cores // inter)


class BatchTranslator:
    """Translate many sentences at once with one argostranslate package.

    ``package`` is an argostranslate ``Package`` (``find_package()``) or a :class:`PackageInfo`.
    """

    def __init__(self, package, *, beam_size: int = 4, length_penalty: float = 0.2,
                 max_batch_tokens: int = 2048, device: str = "cpu", inter_threads: int | None = None,
                 intra_threads: int | None = None, compute_type: str = "default"):
        import ctranslate2

        if inter_threads is None and intra_threads is None:
            inter_threads, intra_threads = default_threads()

        if isinstance(package, PackageInfo):
            package = load_package(package.path)
        if beam_size < 1 or max_batch_tokens < 1:
            raise ValueError("beam_size and max_batch_tokens must be positive")
        self.package = package
        self.info = package_info(package)
        self.beam_size = beam_size
        self.length_penalty = length_penalty
        self.max_batch_tokens = max_batch_tokens
        self.device = device
        self.compute_type = compute_type
        self.inter_threads = inter_threads or 1
        self.tokenizer = package.tokenizer
        self.target_prefix = getattr(package, "target_prefix", "") or ""
        model_dir = Path(package.package_path) / "model"
        self._positions = stored_positions(model_dir)
        if compute_type == "default" and self.info.compute_type:
            compute_type = self.info.compute_type  # e.g. the demo's float16 weights run as float32 on CPU
        try:
            self._translator = ctranslate2.Translator(
                str(model_dir), device=device, inter_threads=inter_threads or 1, intra_threads=intra_threads or 0,
                compute_type=compute_type)
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelError(f"cannot load the CTranslate2 model: {exc}", model_dir) from None

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
            value = value[len(self.target_prefix):]
        if value.startswith(" "):
            value = value[1:]
        return value

    # ------------------------------------------------------------------------------------- translation

    def translate(self, sentences: list[str], progress: Callable[[int], None] | None = None) -> list[str]:
        """Translate all ``sentences``; results in input order. ``progress(n)`` reports n more finished.

        Empty or blank sentences come back as "". A sentence longer than :attr:`max_input_tokens` is an
        error (the caller splits long sentences; nothing is silently truncated).
        """
        results = [""] * len(sentences)
        tokens: dict[int, list[str]] = {}
        blank = 0
        for i, sentence in enumerate(sentences):
            if not sentence.strip():
                blank += 1
                continue
            toks = self.tokenize(sentence)
            if len(toks) > self.max_input_tokens:
                raise ModelError(f"sentence {i + 1} has {len(toks)} tokens, more than the model's "
                                 f"{self.max_input_tokens}; split it before translating", self.info.path)
            tokens[i] = toks
        if blank and progress:
            progress(blank)
        order = sorted(tokens, key=lambda i: (len(tokens[i]), i))
        for chunk in self._chunks(order, tokens):
            batch = [tokens[i] for i in chunk]
            for i, hypothesis in zip(chunk, self._translate_tokens(batch)):
                results[i] = self.detokenize(hypothesis)
            if progress:
                progress(len(chunk))
        return results

    def _chunks(self, order: list[int], tokens: dict[int, list[str]]):
        """Consecutive runs of the length-sorted order, one token batch per decoding worker each (the workers
        decode them side by side; progress is reported after each run)."""
        budget = self.max_batch_tokens * self.inter_threads
        chunk: list[int] = []
        used = 0
        for i in order:
            n = len(tokens[i]) + 1
            if chunk and used + n > budget:
                yield chunk
                chunk, used = [], 0
            chunk.append(i)
            used += n
        if chunk:
            yield chunk

    def _translate_tokens(self, batch: list[list[str]]) -> list[list[str]]:
        longest = max(len(t) for t in batch)
        max_decoding = max(256, 2 * longest + 10)
        if self._positions is not None:
            max_decoding = min(max_decoding, self._positions)
        results = self._translator.translate_batch(
            batch,
            target_prefix=[[self.target_prefix]] * len(batch) if self.target_prefix else None,
            max_batch_size=self.max_batch_tokens,
            batch_type="tokens",
            beam_size=self.beam_size,
            length_penalty=self.length_penalty,
            replace_unknowns=True,
            max_input_length=0,
            max_decoding_length=max_decoding,
        )
        return [r.hypotheses[0] for r in results]

    # ---------------------------------------------------------------------------------------- identity

    def identity(self) -> dict:
        """The model and decoding options, for reports and up-to-date checks."""
        return {**self.info.to_dict(), "beam_size": self.beam_size, "length_penalty": self.length_penalty,
                "max_batch_tokens": self.max_batch_tokens, "device": self.device,
                "compute_type": self.compute_type, "max_input_tokens": self.max_input_tokens}

    def __repr__(self) -> str:
        return f"BatchTranslator({json.dumps(self.info.name)}, beam_size={self.beam_size})"
