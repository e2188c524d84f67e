"""source-typo: a probable misspelling of a glossary source form in the source ("Ushakob", "Pyeongyang").

Candidates are runs of one to three capitalised words, at least 5 characters, that no glossary source form
matched and that are not themselves a glossary form (source or English); a single word opening a sentence
is skipped (its capital says nothing). A candidate is a typo of a glossary form with the same first letter
when their OSA edit distance (rapidfuzz; a transposition counts one) is 1 and one is not merely a longer word
built on the other ("Korean" is no typo of "Korea"). Look-ups go through an index of form thirds and are
cached per candidate, so the cost hardly grows with the glossary.
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
#: a run of capitalised words separated by single spaces (the character before is checked apart: a
#: pattern that opens with a look-behind is scanned several times slower)
_CAP_RUN = re.compile(r"[A-Z][\w']*(?: [A-Z][\w']*)*")
_OPENERS = frozenset(".!?:;\"“”'‘’([–—-")


#: one edit (a transposition counts one): more lets ordinary words in ("Jelang" / "Jepang")
MAX_DISTANCE = 1


class TypoIndex:
    """Glossary source forms indexed for one-edit look-up by thirds.

    Cut a form of length L into thirds A|B|C. One edit leaves two thirds intact, so a candidate within one
    edit starts with A+B, ends with B+C, or starts with A and ends with C: three dict look-ups per possible
    length (L-1, L, L+1) find the few forms to verify with the OSA distance, whatever the glossary size.
    A transposition across a cut is found by also probing with the two letters at each cut swapped back.
    """

    def __init__(self, entries):
        self.known: set[str] = set()
        #: key → ([forms], [entries]), parallel lists that rapidfuzz scans in C
        self._index: dict[tuple, tuple[list, list]] = {}
        self.word_counts: set[int] = set()
        #: (word count, position, word) of multi-word forms: one edit leaves all words but one intact
        self._words: set[tuple[int, int, str]] = set()
        seen: set[str] = set()
        for e in entries:
            for f in (*e.source_forms, *e.target_forms, *e.forbidden):
                self.known.add(f.casefold())
            for f in e.source_forms:
                low = f.casefold()
                if len(low) < MIN_LENGTH or not f[:1].isupper() or low in seen:
                    continue
                seen.add(low)
                for key in _keys(low, len(low)):
                    forms, owners = self._index.setdefault(key, ([], []))
                    forms.append(low)
                    owners.append(e)
                words = low.split()
                self.word_counts.add(len(words))
                if len(words) > 1:
                    self._words.update((len(words), i, w) for i, w in enumerate(words))
        self.suggest = lru_cache(maxsize=65536)(self._suggest)

    def __bool__(self) -> bool:
        return bool(self._index)

    def _suggest(self, candidate: str):
        """(entry, form) that ``candidate`` is probably a misspelling of, or None."""
        low = candidate.casefold()
        if low in self.known:
            return None
        words = low.split()
        if len(words) > 1 and not any((len(words), i, w) in self._words for i, w in enumerate(words)):
            return None  # a multi-word form within one edit shares all its words but one
        n = len(low)
        probes = [(low, n - 1), (low, n), (low, n + 1)]  # one edit changes the length by one at most
        for c in {n // 3, 2 * n // 3}:  # a transposition across a cut breaks two thirds: undo it there
            if 0 < c < n:
                probes.append((low[:c - 1] + low[c] + low[c - 1] + low[c + 1:], n))
        for text, length in probes:
            for key in _keys(text, length):
                bucket = self._index.get(key)
                if not bucket:
                    continue
                forms, owners = bucket
                for form, dist, i in process.extract_iter(low, forms, scorer=OSA.distance,
                                                          score_cutoff=MAX_DISTANCE):
                    if dist == 0 or form[0] != low[0] or low.startswith(form) or form.startswith(low):
                        continue  # same first letter; "Korean" is no typo of "Korea"
                    return owners[i], form
        return None


def _keys(text: str, length: int) -> tuple:
    """Index keys of a form of ``length`` that ``text`` (within one edit of it) must share."""
    c1, c2 = length // 3, 2 * length // 3
    n = len(text)
    return (("ab", length, text[:c2]), ("bc", length, text[n - (length - c1):]),
            ("ac", length, text[:c1], text[n - (length - c2):]))


@register("source-typo", "warning")
def source_typo(ctx: PairContext):
    """A probable misspelling of a glossary term in the source."""
    index = ctx.analyzer.typos
    text = ctx.source_text
    if not index:
        return
    counts = index.word_counts
    reported: list[tuple[int, int]] = []
    for run in _CAP_RUN.finditer(text):
        r0, r1 = run.span()
        if r1 - r0 < MIN_LENGTH or (r0 and (text[r0 - 1].isalnum() or text[r0 - 1] in "_'")):
            continue
        seg = run.group()
        if " " not in seg:  # one word, the common case
            if 1 not in counts or seg.isupper() or _opens_sentence(text, r0):
                continue  # (an all-capitals acronym of 5+ letters is rarely misspelt)
            spans = [(r0, r1)]
        else:
            words, pos = [], r0
            for w in seg.split(" "):
                words.append((pos, pos + len(w)))
                pos += len(w) + 1
            spans = [(words[i][0], words[i + n - 1][1])
                     for n in range(min(MAX_WORDS, len(words)), 0, -1) if n in counts
                     for i in range(len(words) - n + 1)
                     if words[i + n - 1][1] - words[i][0] >= MIN_LENGTH
                     and not (n == 1 and _opens_sentence(text, words[i][0]))]
        for s, e in spans:
            hit = index.suggest(text[s:e])
            if hit is None or _overlaps(s, e, reported) or _overlaps(s, e, [m.span for m in ctx.source_terms]):
                continue
            entry = hit[0]
            reported.append((s, e))
            yield ctx.violation(
                "source-typo", f"{text[s:e]!r} looks like a misspelling of {entry.source!r} "
                f"({entry.ref}, → {entry.preferred!r}); fix the source or add it as a variant",
                source_span=(s, e), entry=entry, suggestion=entry.source, target_side=False)


def _opens_sentence(text: str, start: int) -> bool:
    """A capital at the start of a sentence (or quote, bracket, dash) says nothing about being a name."""
    j = start - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return j < 0 or text[j] in _OPENERS


def _overlaps(s: int, e: int, spans) -> bool:
    return any(s < te and ts < e for ts, te in spans)
