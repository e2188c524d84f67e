"""source-typo: a probable misspelling of a glossary source form in the source ("Ushakob", "Pyeongyang").

Candidates are runs of one to three capitalised words, at least 5 characters, that no glossary source form
matched and that are not themselves a glossary form (source or English); a single word opening a sentence
is skipped (its capital says nothing). A candidate is a typo of a glossary form with the same first letter
and number of words when their OSA edit distance (a transposition counts one) is 1 and one is not merely a
longer word built on the other ("Korean" is no typo of "Korea"). Look-ups are cached per candidate, and forms are bucketed by first letter
and word count, so the cost does not grow with the glossary.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from . import register
from .context import PairContext

MIN_LENGTH = 5
MAX_WORDS = 3
_CAP_WORD = re.compile(r"(?<![\w'])[A-Z][\w']*")


#: one edit (a transposition counts one): more lets ordinary words in ("Jelang" / "Jepang")
MAX_DISTANCE = 1
_SENTENCE_END = re.compile(r"[.!?:;\"“”'‘’(\[–—-]\s*$")


class TypoIndex:
    """Glossary source forms bucketed for fuzzy look-up."""

    def __init__(self, entries):
        self.known: set[str] = set()
        buckets: dict[tuple[str, int], dict[str, object]] = {}
        for e in entries:
            for f in (*e.source_forms, *e.target_forms, *e.forbidden):
                self.known.add(f.casefold())
            for f in e.source_forms:
                low = f.casefold()
                if len(low) >= MIN_LENGTH and f[:1].isupper():
                    buckets.setdefault((low[0], len(low.split())), {}).setdefault(low, e)
        self._buckets = {k: (list(v), list(v.values())) for k, v in buckets.items()}
        self.suggest = lru_cache(maxsize=65536)(self._suggest)

    def __bool__(self) -> bool:
        return bool(self._buckets)

    def _suggest(self, candidate: str):
        """(entry, form) that ``candidate`` is probably a misspelling of, or None."""
        low = candidate.casefold()
        if low in self.known:
            return None
        bucket = self._buckets.get((low[0], len(low.split())))
        if not bucket:
            return None
        forms, entries = bucket
        best = process.extractOne(low, forms, scorer=OSA.distance, score_cutoff=MAX_DISTANCE)
        if best is None or best[1] == 0:
            return None
        form = best[0]
        if low.startswith(form) or form.startswith(low):
            return None
        return entries[best[2]], form


@register("source-typo", "warning")
def source_typo(ctx: PairContext):
    """A probable misspelling of a glossary term in the source."""
    index = ctx.analyzer.typos
    text = ctx.source_text
    if not index or not text:
        return
    words = [(m.start(), m.end()) for m in _CAP_WORD.finditer(text)]
    if not words:
        return
    taken = [m.span for m in ctx.source_terms]
    runs, run = [], [words[0]]
    for w in words[1:]:
        if text[run[-1][1]:w[0]] == " ":
            run.append(w)
        else:
            runs.append(run)
            run = [w]
    runs.append(run)
    for run in runs:
        for n in range(min(MAX_WORDS, len(run)), 0, -1):
            for i in range(len(run) - n + 1):
                s, e = run[i][0], run[i + n - 1][1]
                if e - s < MIN_LENGTH or any(s < te and ts < e for ts, te in taken):
                    continue
                if n == 1 and (s == 0 or _SENTENCE_END.search(text, max(0, s - 3), s)):
                    continue  # a capital at the start of a sentence says nothing about being a name
                hit = index.suggest(text[s:e])
                if hit is None:
                    continue
                entry, _ = hit
                taken.append((s, e))
                yield ctx.violation(
                    "source-typo", f"{text[s:e]!r} looks like a misspelling of {entry.source!r} "
                    f"({entry.ref}, → {entry.preferred!r}); fix the source or add it as a variant",
                    source_span=(s, e), entry=entry, suggestion=entry.source, target_side=False)
