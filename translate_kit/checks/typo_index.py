"""The index behind the source-typo check: a probable misspelling of a glossary source form in the source ("Ushakob", "Pyeongyang").

Candidates are runs of one to three capitalised words, at least 5 characters, that no glossary source form
matched and that are not themselves a glossary form (source or English); a single word opening a sentence
is skipped (its capital says nothing). A candidate is a typo of a glossary form with the same first letter
when their OSA edit distance (rapidfuzz; a transposition counts one) is 1 and one is not merely a longer word
built on the other ("Korean" is no typo of "Korea"), and the candidate is not a common Indonesian word
(:mod:`translate_kit.corpus.lexicon`: "Bahasa" is no typo of "Bahama"). Look-ups go through an index of form thirds and are
cached per candidate, so the cost hardly grows with the glossary.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance.OSA import distance

from ..corpus.lexicon import common_words_if_read, is_common_word

MIN_LENGTH = 5
MAX_WORDS = 3
#: a run of capitalised words separated by single spaces (the character before is checked apart: a
#: pattern that opens with a look-behind is scanned several times slower)
CAP_RUN = re.compile(r"[A-Z][\w']*(?: [A-Z][\w']*)*")
#: the same for ASCII text, where ``\w`` means the same with re.ASCII (whose scan is a fifth cheaper)
CAP_RUN_ASCII = re.compile(r"[A-Z][\w']*(?: [A-Z][\w']*)*", re.ASCII)
OPENERS = frozenset(".!?:;\"“”'‘’([–—-")


#: one edit (a transposition counts one): more lets ordinary words in ("Jelang" / "Jepang")
MAX_DISTANCE = 1
#: bound on the runs remembered by a typo index (then it starts afresh)
MAX_PLANS = 200_000


class TypoIndex:
    """Glossary source forms indexed for one-edit look-up by thirds.

    Cut a form of length L into thirds A|B|C. One edit leaves two thirds intact, so a candidate within one
    edit starts with A+B, ends with B+C, or starts with A and ends with C: three dict look-ups per possible
    length (L-1, L, L+1) find the few forms to verify with the OSA distance, whatever the glossary size.
    A transposition across a cut is found by also probing with the two letters at each cut swapped back.
    """

    def __init__(self, entries):
        self.known: set[str] = set()
        #: form length → three dicts (first two thirds, last two thirds, first and last third) → ([forms],
        #: [entries]) of that length (per-length dicts: a look-up slices the text and builds no key tuple)
        self._by_length: dict[int, tuple[dict, dict, dict]] = {}
        self.word_counts: set[int] = set()
        #: (word count, position, word) of multi-word forms: one edit leaves all words but one intact
        self._words: set[tuple[int, int, str]] = set()
        #: every word of the multi-word forms
        self._multi_words: set[str] = set()
        seen: set[str] = set()
        for e in entries:
            for f in (*e.source_forms, *e.target_forms, *e.forbidden):
                self.known.add(f.casefold())
            for f in e.source_forms:
                low = f.casefold()
                if len(low) < MIN_LENGTH or not f[:1].isupper() or low in seen:
                    continue
                seen.add(low)
                tables = self._by_length.setdefault(len(low), ({}, {}, {}))
                for table, key in zip(tables, _keys(low, len(low))):
                    forms, owners = table.setdefault(key, ([], []))
                    forms.append(low)
                    owners.append(e)
                words = low.split()
                self.word_counts.add(len(words))
                if len(words) > 1:
                    self._words.update((len(words), i, w) for i, w in enumerate(words))
                    self._multi_words.update(words)
        self.suggest = lru_cache(maxsize=65536)(self._suggest)
        #: the common-word list, once something has read it (:func:`common_words_if_read`)
        self._common: frozenset[str] | None = None
        #: whether the index holds any form (a plain attribute: the check asks it for every pair)
        self.active = bool(self._by_length)
        #: run of capitalised words → its possible typos (:meth:`plan`); real text repeats its names
        self.plans: dict[str, tuple] = {}

    def clear_cache(self) -> None:
        """Forget every look-up (a fresh start, as for a new batch)."""
        self.suggest.cache_clear()
        self.plans.clear()

    def plan(self, run: str) -> tuple:
        """The spans of a run of capitalised words (as :data:`CAP_RUN` finds them: words of letters, digits,
        underscores and apostrophes, joined by single spaces) that look like typos, wherever the run stands, as
        (start, end, entry, lone first word) relative to the run; a lone first word does not count where
        it opens a sentence (which only the text before the run tells)."""
        n_run = len(run)
        if n_run < MIN_LENGTH:
            return ()
        counts = self.word_counts
        common = self._common if self._common is not None else self._read_common()
        if " " not in run:  # one word, the common case
            if 1 not in counts or run.isupper():
                return ()  # (an all-capitals acronym of 5+ letters is rarely misspelt)
            if common is not None:  # (the first answers of :meth:`_suggest`, without its cache)
                low = run.casefold()
                if low in self.known or low.lower() in common:
                    return ()  # a glossary form, or a common Indonesian word, is no typo
            hit = self.suggest(run)
            return ((0, n_run, hit[0], True),) if hit else ()
        words = run.split(" ")
        folded = run.casefold().split(" ")  # (casefolding makes no spaces)
        starts, pos = [], 0
        for w in words:
            starts.append(pos)
            pos += len(w) + 1
        known = self.known
        out = []
        # a multi-word form within one edit shares all its words but one: a run holding no word of any
        # multi-word form has only single words to look at (most runs: one set test per word)
        if not self._multi_words.isdisjoint(folded):
            known_words = self._words
            for n in range(min(MAX_WORDS, len(words)), 1, -1):
                if n not in counts:
                    continue
                for i in range(len(words) - n + 1):
                    s, e = starts[i], starts[i + n - 1] + len(words[i + n - 1])
                    if e - s < MIN_LENGTH:
                        continue
                    for k in range(n):  # the test :meth:`_suggest` starts with, without a call (a loop, not any())
                        if (n, k, folded[i + k]) in known_words:
                            break
                    else:
                        continue
                    hit = self.suggest(run[s:e])
                    if hit is not None:
                        out.append((s, e, hit[0], False))
        if 1 in counts:
            for i, w in enumerate(words):
                # (a word after one that ends with an opener opens a sentence: opens_sentence(run, start)
                # without the call, since the run joins its words with single spaces)
                if len(w) < MIN_LENGTH or (i and words[i - 1][-1:] in OPENERS):
                    continue
                f = folded[i]
                if common is not None and (f in known or f.lower() in common):
                    continue  # (as for a run of one word)
                hit = self.suggest(w)
                if hit is not None:
                    out.append((starts[i], starts[i] + len(w), hit[0], i == 0))
        return tuple(out)

    def __bool__(self) -> bool:
        return self.active

    def _read_common(self) -> frozenset[str] | None:
        self._common = common_words_if_read()
        return self._common

    def _suggest(self, candidate: str):
        """(entry, form) that ``candidate`` is probably a misspelling of, or None."""
        low = candidate.casefold()
        if low in self.known:
            return None
        if " " not in low:
            common = self._common if self._common is not None else self._read_common()
            if common is not None and low.lower() in common:  # (is_common_word of one word, without the call)
                return None  # a real Indonesian word is no typo (decided below too, after the look-ups)
        words = low.split()
        if len(words) > 1 and not any((len(words), i, w) in self._words for i, w in enumerate(words)):
            return None  # a multi-word form within one edit shares all its words but one
        n = len(low)
        probes = [(low, n - 1), (low, n), (low, n + 1)]  # one edit changes the length by one at most
        for c in {n // 3, 2 * n // 3}:  # a transposition across a cut breaks two thirds: undo it there
            if 0 < c < n:
                probes.append((low[: c - 1] + low[c] + low[c - 1] + low[c + 1 :], n))
        by_length, first = self._by_length, low[0]
        for text, length in probes:
            tables = by_length.get(length)
            if tables is None:
                continue
            ab, bc, ac = tables
            c1, c2 = length // 3, 2 * length // 3  # the keys of :func:`_keys`, inlined
            m = len(text)
            for bucket in (
                ab.get(text[:c2]),
                bc.get(text[m - (length - c1) :]),
                ac.get((text[:c1], text[m - (length - c2) :])),
            ):
                if not bucket:
                    continue
                forms, owners = bucket
                for i, form in enumerate(forms):  # (buckets are small: a call per form beats extract_iter)
                    if form[0] != first or low.startswith(form) or form.startswith(low):
                        continue  # same first letter; "Korean" is no typo of "Korea"
                    dist = distance(low, form, score_cutoff=MAX_DISTANCE)
                    if 0 < dist <= MAX_DISTANCE:
                        if " " not in low and is_common_word(low):
                            return None  # a real Indonesian word ("bahasa", "pulau") is no typo
                        return owners[i], form
        return None


def _keys(text: str, length: int) -> tuple:
    """Index keys (first two thirds, last two thirds, first and last third) of a form of ``length`` that
    ``text`` (within one edit of it) must share."""
    c1, c2 = length // 3, 2 * length // 3
    n = len(text)
    return text[:c2], text[n - (length - c1) :], (text[:c1], text[n - (length - c2) :])


def opens_sentence(text: str, start: int) -> bool:
    """A capital at the start of a sentence (or quote, bracket, dash) says nothing about being a name."""
    j = start - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return j < 0 or text[j] in OPENERS
