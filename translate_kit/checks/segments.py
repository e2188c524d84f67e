"""Segment-level checks: missing, extra, empty and untranslated segments, and length-ratio outliers."""

from __future__ import annotations

import re

from ..corpus.indonesian import FUNCTION_WORDS
from .context import PairContext
from .registry import register

#: frequent Indonesian function words that are not English words
ID_FUNCTION_WORDS = FUNCTION_WORDS
#: frequent English function words
EN_FUNCTION_WORDS = frozenset(
    """
the and of to in is was for that with on as by at from it he she they are were be has have had will would said
this not but an which who their its his her been also or after more than about into over when there can could
""".split()
)
_WORD = re.compile(r"[^\W\d_]+")


def language_votes(text: str) -> tuple[int, int, int]:
    """(words, Indonesian function words, English function words) of a text."""
    words = _WORD.findall(text.lower())
    ind = sum(1 for w in words if w in ID_FUNCTION_WORDS)
    eng = sum(1 for w in words if w in EN_FUNCTION_WORDS)
    return len(words), ind, eng


def looks_indonesian(text: str, words: list[str] | None = None) -> bool:
    """At least 4 words, two different Indonesian function words, and those clearly outnumber English ones.
    ``words``: ``text.lower().split()``, when the caller has it."""
    if words is None:
        words = text.lower().split()
    if len(ID_FUNCTION_WORDS.intersection(words)) < 2:  # cheap first look (a C set operation)
        return False
    n, ind, eng = language_votes(text)
    distinct = len(ID_FUNCTION_WORDS.intersection(_WORD.findall(text.lower())))
    return n >= 4 and distinct >= 2 and ind >= 2 * eng + 1 and ind * 6 >= n


@register("missing-file", "error", blocking=True, one_sided=True)
def missing_file(ctx: PairContext):
    """An article of the source directory without its translation file (the rest is still checked)."""
    if ctx.pair.counterpart is not None and ctx.pair.target is None:
        return [ctx.violation("missing-file", f"no translation of this article: {ctx.pair.counterpart} is missing")]
    return ()


@register("extra-file", "error", blocking=True, one_sided=True)
def extra_file(ctx: PairContext):
    """A translation file with no article of that name in the source directory."""
    if ctx.pair.counterpart is not None and ctx.pair.source is None:
        return [
            ctx.violation("extra-file", f"translation without a source article: {ctx.pair.counterpart} does not exist")
        ]
    return ()


@register("missing-segment", "error", blocking=True, one_sided=True)
def missing_segment(ctx: PairContext):
    """A source segment with no translation line at all (the translation is shorter)."""
    if ctx.pair.target is None and ctx.pair.source is not None and ctx.pair.counterpart is None:
        return [ctx.violation("missing-segment", "source segment has no translation (the translation ends earlier)")]
    return ()


@register("extra-segment", "error", blocking=True, one_sided=True)
def extra_segment(ctx: PairContext):
    """A translation line facing no source segment."""
    if ctx.pair.source is None and ctx.pair.target is not None and ctx.pair.counterpart is None:
        return [ctx.violation("extra-segment", "translation segment has no source segment facing it")]
    return ()


@register("empty-segment", "error", blocking=True)
def empty_segment(ctx: PairContext):
    """A source segment whose translation is empty."""
    tgt = ctx.target_text  # blank: empty or all white space (not strip(), which copies)
    if (not tgt or tgt.isspace()) and ctx.pair.source is not None and ctx.pair.target is not None:
        return [ctx.violation("empty-segment", "translation is empty")]
    return ()


@register("untranslated-segment", "error", blocking=True)
def untranslated_segment(ctx: PairContext):
    """The translation is the source itself, or still mostly Indonesian."""
    src, tgt = ctx.source_text, ctx.target_text
    if ctx.pair.source is None or not tgt or tgt.isspace():  # blank (not strip(), which copies)
        return ()
    # (texts of different lengths are the same folded only when casefolding changes a length: not ASCII)
    if (len(src) == len(tgt) or not src.isascii() or not tgt.isascii()) and _same_folded(src, tgt):
        n, ind, eng = language_votes(tgt)
        if n >= 3 and ind > eng:
            return [ctx.violation("untranslated-segment", "translation is identical to the source")]
    elif len(ID_FUNCTION_WORDS.intersection(ctx.target_words)) >= 2 and looks_indonesian(tgt, ctx.target_words):
        # (the first test of looks_indonesian, without the call: most translations hold no such words)
        return [ctx.violation("untranslated-segment", "translation is still mostly Indonesian")]
    return ()


def _same_folded(a: str, b: str) -> bool:
    """``a.casefold() == b.casefold()``; ASCII texts of different lengths are told apart without folding."""
    if a.isascii() and b.isascii():
        return len(a) == len(b) and a.lower() == b.lower()
    return a.casefold() == b.casefold()


@register("length-ratio", "warning")
def length_ratio(ctx: PairContext):
    """Translation much shorter or longer than the source (character ratio outside the configured band)."""
    lo, hi = ctx.config.length_ratio
    n_src = len(ctx.source_text)
    if n_src < ctx.config.length_min_chars:
        return ()
    ratio = len(ctx.target_text) / n_src
    if ratio < lo or ratio > hi:
        side = "shorter" if ratio < lo else "longer"
        return [
            ctx.violation(
                "length-ratio",
                f"translation is {ratio:.2f}× the source length in characters, {side} than the "
                f"expected {lo:g}–{hi:g}× (a sentence dropped or added?)",
            )
        ]
    return ()
