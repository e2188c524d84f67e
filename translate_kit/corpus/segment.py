"""Paragraph → sentence segmentation with sentencex, keeping character offsets.

``split_sentences(text)`` returns :class:`Sentence` spans over ``text``. A span covers the sentence only,
never the whitespace around it; everything between spans (spaces, line breaks, blank lines of a multi-paragraph
JSONL text) is a separator, so ``separators(text, sentences)`` gives the n + 1 gaps and

    text == seps[0] + s[0].text + seps[1] + … + s[n-1].text + seps[n]

``rebuild(text, sentences, translations)`` puts translated sentences back between the original separators.
Lines are segmented one by one, so a sentence never crosses a line break.

Beyond sentencex: a piece that starts with a lower-case letter is joined to the previous one ("dsb. lalu …",
"?” katanya."), and so is one with no whitespace before it ("TRIBUNNEWS.COM"); a split after a title or
address abbreviation ("Jl.", "Tn.") is undone. A sentence longer
than ``max_chars`` is cut at whitespace (hard cut when there is none) into pieces marked ``forced`` for the
report. sentencex is quadratic on some inputs (runs of unmatched curly quotes), so long lines are cut into
chunks of at most ``CHUNK_CHARS`` characters at a sentence end (else whitespace) before it runs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sentencex import get_sentence_boundaries

from .boilerplate import BoilerplateRules

LANGUAGE = "id"
MAX_CHARS = 1000
CHUNK_CHARS = 4000

# Abbreviations after which a sentence never ends (sentencex's Indonesian list lacks them).
NON_FINAL_ABBREVIATIONS = frozenset(
    "jl jln gg no kec kab kel prov tn ny nn sdr sdri bpk yth hj kh tgl thn kol brigjen mayjen letjen "
    "jend kapt ir drs dra dr prof st".split()
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+")
_WHITESPACE = re.compile(r"\s+")
_LAST_WORD = re.compile(r"(\w+)\.$")


@dataclass(frozen=True)
class Sentence:
    """A sentence span ``text == source[start:end]`` with no surrounding whitespace."""

    start: int
    end: int
    text: str
    forced: bool = False  # cut because longer than max_chars with no sentence end: warn in the report
    boilerplate: str | None = None  # rule name when the whole line is boilerplate (rules given)


def split_sentences(
    text: str, max_chars: int = MAX_CHARS, rules: BoilerplateRules | None = None, language: str = LANGUAGE
) -> list[Sentence]:
    """Sentence spans of ``text`` (any number of lines/paragraphs); whitespace-only text → []."""
    if max_chars < 1:
        raise ValueError("max_chars must be at least 1")
    sentences: list[Sentence] = []
    line_start = 0
    for line in text.split("\n"):
        if line.strip():
            name = rules.match(line) if rules is not None else None
            if name is not None:
                s, e = _trim(line, 0, len(line))
                sentences.append(Sentence(line_start + s, line_start + e, line[s:e], boilerplate=name))
            else:
                for s, e, forced in _split_line(line, max_chars, language):
                    sentences.append(Sentence(line_start + s, line_start + e, line[s:e], forced))
        line_start += len(line) + 1
    return sentences


def separators(text: str, sentences: Sequence[Sentence]) -> list[str]:
    """The n + 1 stretches of ``text`` before, between and after the n sentences."""
    seps, pos = [], 0
    for sent in sentences:
        seps.append(text[pos : sent.start])
        pos = sent.end
    seps.append(text[pos:])
    return seps


def rebuild(text: str, sentences: Sequence[Sentence], replacements: Sequence[str]) -> str:
    """``text`` with each sentence replaced by its counterpart in ``replacements`` (separators kept)."""
    if len(replacements) != len(sentences):
        raise ValueError(f"{len(replacements)} replacements for {len(sentences)} sentences")
    seps = separators(text, sentences)
    parts = [seps[0]]
    for replacement, sep in zip(replacements, seps[1:]):
        parts += [replacement, sep]
    return "".join(parts)


# --------------------------------------------------------------------------------------------- internals


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_line(line: str, max_chars: int, language: str) -> list[tuple[int, int, bool]]:
    """(start, end, forced) spans of one line."""
    pieces: list[tuple[int, int, bool]] = []
    chunk_limit = max(CHUNK_CHARS, 2 * max_chars)
    for c_start, c_end, continues in _chunks(line, chunk_limit):
        spans = _merge(line, _sentencex_spans(line, c_start, c_end, language))
        for i, (s, e) in enumerate(spans):
            # a chunk cut that was not at a sentence end leaves the sentence around it over-long
            forced = continues and i == 0
            pieces += _cut_long(line, s, e, max_chars, forced)
    return pieces


def _chunks(line: str, limit: int) -> list[tuple[int, int, bool]]:
    """(start, end, starts_mid_sentence) chunks of at most ``limit`` chars, cut at sentence ends if possible."""
    chunks, pos, mid = [], 0, False
    while len(line) - pos > limit:
        window = line[pos : pos + limit]
        cut = max((m.end() for m in _SENTENCE_END.finditer(window)), default=0)
        at_sentence_end = cut > 0
        if not cut:
            cut = max((m.end() for m in _WHITESPACE.finditer(window)), default=0) or limit
        chunks.append((pos, pos + cut, mid))
        pos, mid = pos + cut, not at_sentence_end
    chunks.append((pos, len(line), mid))
    return chunks


#: non-ASCII whitespace → a space for sentencex (same length, so offsets hold): sentencex 1.0.32 panics on a
#: multi-byte space near a period (it slices a UTF-8 string inside the character)
_SPACES = {c: " " for c in range(0x80, 0x3001) if chr(c).isspace()}


def _sentencex_spans(line: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    chunk = line[start:end].translate(_SPACES)
    try:
        items = get_sentence_boundaries(language, chunk)
    except (KeyboardInterrupt, SystemExit, GeneratorExit, MemoryError):
        raise
    except BaseException:  # noqa: BLE001 - a Rust panic (pyo3 PanicException) is a BaseException
        items = _regex_boundaries(chunk)
    spans, cursor = [], 0
    for item in items:
        s, e, piece = item["start_index"], item["end_index"], item["text"]
        if chunk[s:e] != piece:  # never trust offsets blindly: find the piece from the cursor instead
            s = chunk.find(piece, cursor)
            if s < 0:
                continue
            e = s + len(piece)
        cursor = e
        s, e = _trim(chunk, s, e)
        if s < e:
            spans.append((start + s, start + e))
    if not spans and chunk.strip():  # sentencex returned nothing usable: keep the chunk whole
        s, e = _trim(line, start, end)
        spans.append((s, e))
    return spans


def _regex_boundaries(chunk: str) -> list[dict]:
    """Sentences ending at ``.!?…`` (closing quotes and brackets included) before whitespace: the fallback
    when sentencex fails on a chunk, in sentencex's own result shape."""
    items, pos = [], 0
    for m in _SENTENCE_END.finditer(chunk):
        items.append({"start_index": pos, "end_index": m.end(), "text": chunk[pos : m.end()]})
        pos = m.end()
    if pos < len(chunk):
        items.append({"start_index": pos, "end_index": len(chunk), "text": chunk[pos:]})
    return items


def _merge(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and (
            merged[-1][1] == s or _starts_lower(line[s:e]) or _ends_with_title(line[merged[-1][0] : merged[-1][1]])
        ):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _starts_lower(piece: str) -> bool:
    first = piece.lstrip("\"'“”‘’«»([")[:1]
    return first.isalpha() and first.islower()


def _ends_with_title(piece: str) -> bool:
    m = _LAST_WORD.search(piece)
    return bool(m) and m.group(1).lower() in NON_FINAL_ABBREVIATIONS


def _cut_long(line: str, start: int, end: int, max_chars: int, forced: bool) -> list[tuple[int, int, bool]]:
    if end - start <= max_chars:
        return [(start, end, forced)]
    pieces = []
    while end - start > max_chars:
        window = line[start : start + max_chars + 1]
        cut = max((m.start() for m in _WHITESPACE.finditer(window) if m.start() > 0), default=0)
        if cut == 0:
            cut = max_chars  # no whitespace at all: hard cut
        s, e = _trim(line, start, start + cut)
        pieces.append((s, e, True))
        start, _ = _trim(line, start + cut, end)
    pieces.append((start, end, True))
    return pieces
