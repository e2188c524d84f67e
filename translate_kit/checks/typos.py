"""source-typo: a probable misspelling of a glossary source form in the source ("Ushakob", "Pyeongyang").

Candidates are runs of one to three capitalised words, at least 5 characters, that no glossary source form
matched and that are not themselves a glossary form (source or English); a single word opening a sentence
is skipped (its capital says nothing). A candidate is a typo of a glossary form with the same first letter
when their OSA edit distance (rapidfuzz; a transposition counts one) is 1 and one is not merely a longer word
built on the other ("Korean" is no typo of "Korea"). Look-ups go through an index of form halves and are
cached per candidate, so the cost does not grow with the glossary.
"""

from __future__ import annotations

import re
from functools import lru_cache

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
    """Glossary source forms indexed by their halves for one-edit look-up.

    One edit leaves one half of a form intact (pigeonhole), so a candidate within one edit of a form starts
    with the form's first half or ends with its second half: a few dict look-ups find the forms to verify
    with the OSA distance, whatever the glossary size. (A transposition straddling the middle is missed.)
    """

    def __init__(self, entries):
        self.known: set[str] = set()
        self._by_head: dict[str, list[tuple[str, object]]] = {}
        self._by_tail: dict[str, list[tuple[str, object]]] = {}
        self.word_counts: set[int] = set()
        seen: set[str] = set()
        for e in entries:
            for f in (*e.source_forms, *e.target_forms, *e.forbidden):
                self.known.add(f.casefold())
            for f in e.source_forms:
                low = f.casefold()
                if len(low) < MIN_LENGTH or not f[:1].isupper() or low in seen:
                    continue
                seen.add(low)
                half = len(low) // 2
                self._by_head.setdefault(low[:half], []).append((low, e))
                self._by_tail.setdefault(low[half:], []).append((low, e))
                self.word_counts.add(len(low.split()))
        self.suggest = lru_cache(maxsize=65536)(self._suggest)

    def __bool__(self) -> bool:
        return bool(self._by_head)

    def _suggest(self, candidate: str):
        """(entry, form) that ``candidate`` is probably a misspelling of, or None."""
        low = candidate.casefold()
        if low in self.known:
            return None
        n = len(low)
        found = []
        for length in (n - 1, n, n + 1):  # one edit changes the length by one at most
            half = length // 2
            found += self._by_head.get(low[:half], ())
            found += self._by_tail.get(low[n - (length - half):], ())
        for form, entry in found:
            if form[0] != low[0] or low.startswith(form) or form.startswith(low):
                continue  # same first letter; "Korean" is no typo of "Korea"
            if OSA.distance(low, form, score_cutoff=MAX_DISTANCE) <= MAX_DISTANCE:
                return entry, form
        return None


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
            if 1 not in counts or _opens_sentence(text, r0):
                continue
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
