"""Finding glossary terms in Indonesian and English text: one Aho–Corasick pass per text (two for a glossary with many case-sensitive keys).

The matcher folds text the way patterns were folded (whitespace runs, non-breaking spaces and line breaks
become one space; curly apostrophes and Unicode hyphens become ASCII; lower-case unless the entry is
``case-sensitive``), runs a multi-pattern automaton over it (cost per character independent of the glossary
size), maps every hit back to character offsets in the original text, and keeps hits that sit on word
boundaries. A hit may be followed by a suffix that still counts as the term: Indonesian clitics and particles
(``Korutnya``, ``AS-lah``) on the source side, English possessive/plural endings (``North Korea's``) on the
target side. Hyphens are boundaries, so terms match inside compounds (``Korut-Rusia``, ``AS-Korsel``).

``find`` returns the longest non-overlapping matches (a multi-word entry wins over the words inside it);
``find_all`` returns every valid occurrence, overlapping ones included, for the checker.

Both the constrained translator and the checker use these matchers; nothing else matches terms.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick_rs

from .model import Entry

#: Indonesian enclitics and particles that attach to a noun (Korutnya, AS-lah, Pyongyangpun).
ID_SUFFIXES = ("nya", "lah", "kah", "pun", "ku", "mu")
#: English endings that leave a term recognisable (possessive, plural, adjectival -n as in "Korean").
EN_SUFFIXES = ("'s", "s'", "'", "s", "es")

_CHAR_MAP = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u00ad": "-",
    }
)
_SPACE_RUN = re.compile(r"\s+")
_NEEDS_SPACE_FOLD = re.compile(r"\s{2,}|[^\S ]")
_MAPPED_CHARS = tuple(chr(c) for c in _CHAR_MAP)


def _needs_space_fold(text: str) -> bool:
    """Same answer as ``_NEEDS_SPACE_FOLD.search``. ASCII text (the common case) without the regex: its only
    white space besides the space is \t \n \v \f \r and the separators \x1c-\x1f, and a run of spaces holds
    two in a row (one-character searches are memchr calls: cheaper together than one pass of the regex, of
    ``bytes.translate`` or of ``str.isprintable``)."""
    if text.isascii():
        return (
            "  " in text
            or "\n" in text
            or "\t" in text
            or "\r" in text
            or "\x0b" in text
            or "\x0c" in text
            or "\x1c" in text
            or "\x1d" in text
            or "\x1e" in text
            or "\x1f" in text
        )
    return _NEEDS_SPACE_FOLD.search(text) is not None


@dataclass(slots=True)
class Match:
    """One occurrence of a glossary form in a text (character offsets into the original text).

    A value, never changed once made; not a frozen dataclass, whose ``__init__`` costs four times as much
    (the checker makes one per term occurrence, over ten thousand in a 20,000-pair run)."""

    start: int
    end: int  # end of the term itself; a clitic/ending, if any, follows in ``suffix``
    entry: Entry
    form: str  # the glossary form that matched
    role: str  # "source" | "variant" | "preferred" | "admitted" | "forbidden"
    text: str  # the original text of the span
    suffix: str = ""

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass(frozen=True, slots=True)
class _Pattern:
    order: int  # position in the glossary: the first entry wins a shared form
    entry: Entry
    form: str
    role: str


def _fold_text(original: str) -> tuple[str, list[int] | None, str]:
    """(``original`` folded for matching, a map from folded offsets back to original offsets or None when
    folding moved nothing, the folded text lower-cased with offsets kept).

    A plain function returning a tuple: the checker folds every text it reads, and making an object per
    text costs more than the folding itself."""
    if original.isascii() and not _needs_space_fold(original):
        return original, None, original.lower()  # the common case: nothing to fold, nothing to keep
    text = original
    if not original.isascii() and any(c in original for c in _MAPPED_CHARS):
        text = original.translate(_CHAR_MAP)  # (str.translate is the slowest step: only when needed)
    index = None
    if _needs_space_fold(text):
        parts, index, pos = [], [], 0
        for m in _SPACE_RUN.finditer(text):
            parts.append(text[pos : m.start()])
            index.extend(range(pos, m.start()))
            parts.append(" ")
            index.append(m.start())
            pos = m.end()
        parts.append(text[pos:])
        index.extend(range(pos, len(text)))
        text = "".join(parts)
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two (İ): keep them as they are
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return text, index, low


#: the folding of the last few texts: the checker runs several matchers over each text
_fold = lru_cache(maxsize=32)(_fold_text)


def fold_form(form: str, lower: bool) -> str:
    """A glossary form folded exactly as text is folded."""
    folded = _fold_text(form.strip())
    return folded[2] if lower else folded[0]


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


#: characters that join what follows them to the token before (or that open a handle or hashtag)
_JOINERS = frozenset("-./@#:")
#: characters that join what precedes them to the token after
_TRAILERS = frozenset("./@")


def _joined_before(text: str, start: int, c: str) -> bool:
    """True when the match at ``start``, right after ``c``, is not a token of its own but a later part of one:
    a lower-case name part after a hyphen ("Kim Jong-un": no "UN"), a part of a dotted name, URL or e-mail
    address ("www.kemlu.go.id", "info@kemlu.go.id", "https://kemlu.go.id"), a handle or a hashtag
    ("@kemlu", "#Korut"). A capitalised part after a hyphen is a word of its own (Korut-Rusia)."""
    if c in "@#":
        return True
    before = text[start - 2] if start > 1 else ""
    if c == "-":
        return text[start].islower() and before.isalpha() and _word_start(text, start - 1).isupper()
    if c == ":":
        return text.startswith("//", start) or (before == "/" and text[start - 3 : start - 1] == ":/")
    if c == "/":
        return _in_url(text, start)
    # "." (a capital after a dot is a new sentence with a missing space: "symptoms.South Korea")
    return before.isalnum() and (text[start].islower() or _in_url(text, start))


def _joined_after(text: str, end: int, c: str) -> bool:
    """True when ``c`` after a match glues it to more of the same token: "kemlu.go.id", "kemlu@", "kemlu/"."""
    nxt = text[end + 1] if end + 1 < len(text) else ""
    if c == "@":
        return nxt.isalnum()
    if c == "/":
        return _in_url(text, end)
    return nxt.isalnum() and nxt.islower()


def _word_start(text: str, hyphen: int) -> str:
    """The first character of the word ending at ``hyphen``."""
    i = hyphen
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "-'"):
        i -= 1
    return text[i] if i < hyphen else ""


_DOMAIN = re.compile(r"[\w-]\.[a-z]{2,}(?:/|$)")


def _in_url(text: str, pos: int) -> bool:
    """``pos`` lies inside a whitespace-free token that is a URL ("://", "www." or a dotted domain before a
    slash): "US/China" is two words, "kemlu.go.id/berita" one token."""
    i = j = pos
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    while j < len(text) and not text[j].isspace():
        j += 1
    token = text[i:j]
    return "://" in token or "www." in token or _DOMAIN.search(token) is not None


#: automata over at most this many keys are built as DFAs: a scan costs half the instructions of the default
#: (contiguous NFA) one, for about 1 MB and 15 ms of build per thousand keys; larger glossaries keep the NFA
#: (a DFA of 100,000 keys takes 95 MB and 1.7 s to build)
DFA_MAX_KEYS = 20_000
#: case-sensitive ASCII keys join the lower-cased automaton (see :meth:`Matcher.build`) when there are at most
#: this many: one scan instead of two, but each such key lower-cased ("as" for AS) is also found where the text
#: does not spell it so, and each such hit costs a test. Measured on bench_check's pairs: 150 case-sensitive
#: keys (1,000 entries) save 7,000 instructions per pair, 1,488 (10,000 entries) cost 3,400 more; the project
#: glossary's 39 give 2.8 such hits per Indonesian sentence. 0 keeps one automaton per case mode (same hits).
MERGE_MAX_EXACT_KEYS = 500


class Matcher:
    """Multi-pattern term matcher over a fixed set of (entry, form, role) patterns."""

    def __init__(
        self,
        patterns: Iterable[tuple[Entry, str, str]],
        suffixes: Sequence[str] = (),
        case_sensitive: bool | None = None,
        case_rule: Callable[[Entry, str], bool] | None = None,
    ):
        """``case_sensitive=None`` follows ``case_rule(entry, form)`` (default: the entry's ``case-sensitive``
        flag); True/False forces one mode for all."""
        self.suffixes = tuple(sorted(suffixes, key=len, reverse=True))
        #: the automata to scan with (see :meth:`build`)
        self._automata: list[tuple] | None = None
        #: per case mode, the folded keys and their patterns; the automata are built from them on the first
        #: scan (the checker only ever asks the target matcher for :meth:`find_all_of`, which needs none)
        self._keys: dict[bool, tuple[list[str], list[tuple]]] = {}
        #: entry → its (lower-cased?, key, patterns), for :meth:`find_all_of`
        self._by_entry: dict[Entry, list[tuple[bool, str, tuple]]] = {}
        buckets: dict[bool, dict[str, list[_Pattern]]] = {True: {}, False: {}}
        for order, (entry, form, role) in enumerate(patterns):
            if case_sensitive is not None:
                cs = case_sensitive
            else:
                cs = case_rule(entry, form) if case_rule is not None else entry.case_sensitive
            key = fold_form(form, lower=not cs)
            if not key:
                continue
            buckets[not cs].setdefault(key, []).append(_Pattern(order, entry, form, role))
        for lower, bucket in buckets.items():
            if not bucket:
                continue
            values = []
            for key, pats in bucket.items():
                pats = tuple(pats)
                values.append(pats)
                for entry in dict.fromkeys(p.entry for p in pats):
                    self._by_entry.setdefault(entry, []).append((lower, key, pats))
            self._keys[lower] = (list(bucket), values)
        self.size = sum(len(b) for b in buckets.values())

    def __bool__(self) -> bool:
        return bool(self._keys)

    def build(self) -> list[tuple]:
        """The automata, built now if not yet (else the first scan builds them; DFAs up to
        :data:`DFA_MAX_KEYS` keys). A caller that times its scans builds them first.

        One automaton per case mode, each as (scans the lower-cased text?, automaton, patterns per key index,
        exact keys per key index or None). When the case-sensitive keys are all ASCII, they join the
        lower-cased automaton under their lower-cased form, each with its exact spelling to verify a hit by:
        one scan of the text instead of two, with the same hits (an ASCII key is found in the lower-cased text
        exactly where it is found, lower-cased, in the text)."""
        if self._automata is None:
            automata = []  # (filled, then published whole: a scan in another thread never sees a part)
            exact_keys, exact_values = self._keys.get(False, ((), ()))
            merge = (
                True in self._keys
                and 0 < len(exact_keys) <= MERGE_MAX_EXACT_KEYS
                and all(k.isascii() for k in exact_keys)
            )
            for lower, (keys, values) in self._keys.items():
                exact = None
                if merge and lower:
                    keys, values = list(keys), list(values)
                    exact = [()] * len(keys)
                    at = {k: i for i, k in enumerate(keys)}
                    for key, pats in zip(exact_keys, exact_values):
                        i = at.get(key.lower())
                        if i is None:
                            i = at[key.lower()] = len(keys)
                            keys.append(key.lower())
                            values.append(None)  # (no lower-cased key of its own: only the exact ones)
                            exact.append(())
                        exact[i] = (*exact[i], (key, pats))
                elif merge:
                    continue  # (joined the lower-cased automaton)
                dfa = ahocorasick_rs.Implementation.DFA if len(keys) <= DFA_MAX_KEYS else None
                automata.append((lower, ahocorasick_rs.AhoCorasick(keys, implementation=dfa), values, exact))
            self._automata = automata
        return self._automata

    # -- matching ----------------------------------------------------------------------------------------
    def _hits(self, text: str) -> list[tuple[int, int, str, tuple]]:
        """Valid occurrences as (start, end, suffix, patterns) with original offsets: those of the lower-cased
        keys, then those of the case-sensitive ones, each in the automaton's order."""
        folded, index, low = _fold(text)
        out = []
        for lower, automaton, values, exact in self._automata or self.build():
            later = None  # hits of exact keys sharing the automaton: after the lower-cased ones
            for i, first, stop in automaton.find_matches_as_indexes(low if lower else folded, overlapping=True):
                if exact is not None and exact[i]:
                    for key, pats in exact[i]:
                        if folded.startswith(key, first):  # (the same length: the key's own spelling there)
                            hit = self._valid(text, index, first, stop - 1)
                            if hit is not None:
                                (later := later or []).append((*hit, pats))
                    if values[i] is None:
                        continue
                hit = self._valid(text, index, first, stop - 1)
                if hit is not None:
                    out.append((*hit, values[i]))
            if later:
                out.extend(later)
        return out

    def _valid(self, text: str, index: list[int] | None, first: int, last: int) -> tuple[int, int, str] | None:
        """(start, end, suffix) in ``text`` of a key found at folded offsets first..last, when it sits on
        word boundaries (or is followed by an allowed suffix); else None."""
        if index is None:
            start, end = first, last + 1
        else:
            start, end = index[first], index[last] + 1
        if start > 0:
            c = text[start - 1]
            if c.isalnum() or c == "_":
                c = text[start]
                if c.isalnum() or c == "_":
                    return None  # starts inside a word
            elif c in _JOINERS and _joined_before(text, start, c):
                return None  # a later part of one token: Jong-un, www.kemlu.go.id, @kemlu, #Korut
        suffix = ""
        if end < len(text):
            c = text[end]
            if c.isalnum() or c == "_":
                suffix = self._suffix_at(text, end)
                if suffix is None:
                    return None
            elif c in _TRAILERS and _joined_after(text, end, c) and "." not in text[start:end]:
                # the first part of a dotted name, a URL or an e-mail address: kemlu.go.id (a form that is a
                # dotted name itself, Tribunnews.com, is the name of the site: "Tribunnews.com/Yunita")
                return None
        return start, end, suffix

    def _suffix_at(self, text: str, end: int) -> str | None:
        """'' when the term ends on a word boundary, the attached suffix when one follows, else None."""
        if end >= len(text) or not _is_word_char(text[end]) or not _is_word_char(text[end - 1]):
            return ""
        for suf in self.suffixes:
            stop = end + len(suf)
            if text[end:stop].lower() == suf and (stop >= len(text) or not _is_word_char(text[stop])):
                return text[end:stop]
        return None

    def find_all(self, text: str) -> list[Match]:
        """Every valid occurrence of every pattern, overlapping ones included, in text order."""
        hits = self._hits(text)
        if not hits:
            return []
        out = [Match(s, e, p.entry, p.form, p.role, text[s:e], suf) for s, e, suf, pats in hits for p in pats]
        if len(out) > 1:
            out.sort(key=lambda m: (m.start, -(m.end - m.start)))
        return out

    def find_all_of(self, text: str, entries) -> list[Match]:
        """``[m for m in find_all(text) if m.entry in entries]``, searching only the forms of ``entries``
        (a set or dict): much cheaper than a pass of the automata when they are few."""
        keys: dict[tuple[bool, str], tuple] = {}
        for entry in entries:
            for lower, key, pats in self._by_entry.get(entry, ()):
                keys[lower, key] = pats
        if not keys:
            return []
        folded, index, low = _fold(text)
        out = []
        # lower-cased keys first, as the automata run: equal spans keep that order through the sort
        for (lower, key), pats in sorted(keys.items(), key=_lower_first) if len(keys) > 1 else keys.items():
            haystack = low if lower else folded
            i = haystack.find(key)
            while i >= 0:  # every occurrence, overlapping ones included, as the automaton reports them
                hit = self._valid(text, index, i, i + len(key) - 1)
                if hit is not None:
                    s, e, suf = hit
                    for p in pats:  # (a loop, not a generator: cheaper for the one or two patterns of a key)
                        if p.entry in entries:
                            out.append(Match(s, e, p.entry, p.form, p.role, text[s:e], suf))
                i = haystack.find(key, i + 1)
        if len(out) > 1:
            out.sort(key=lambda m: (m.start, -(m.end - m.start)))
        return out

    def find(self, text: str) -> list[Match]:
        """Longest non-overlapping matches in text order; a shared form goes to the first entry."""
        hits = self._hits(text)
        if not hits:
            return []
        cands = [(s, e, suf, pats[0] if len(pats) == 1 else min(pats, key=_order)) for s, e, suf, pats in hits]
        if len(cands) == 1:
            s, e, suf, p = cands[0]
            return [Match(s, e, p.entry, p.form, p.role, text[s:e], suf)]
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[3].order))
        taken: list[tuple[int, int]] = []
        chosen = []
        for s, e, suf, p in cands:
            if overlaps(s, e, taken):
                continue
            taken.append((s, e))
            chosen.append(Match(s, e, p.entry, p.form, p.role, text[s:e], suf))
        chosen.sort(key=lambda m: m.start)
        return chosen


def _order(p: _Pattern) -> int:
    return p.order


def _lower_first(item: tuple) -> bool:
    return not item[0][0]


# -- the two matchers everybody uses --------------------------------------------------------------------------
def source_patterns(entries: Iterable[Entry]) -> list[tuple[Entry, str, str]]:
    pats = []
    for e in entries:
        pats.append((e, e.source, "source"))
        pats.extend((e, v, "variant") for v in e.variants if v != e.source)
    return pats


def target_patterns(
    entries: Iterable[Entry], roles: Sequence[str] = ("preferred", "admitted", "forbidden")
) -> list[tuple[Entry, str, str]]:
    pats = []
    for e in entries:
        if "preferred" in roles:
            pats.append((e, e.preferred, "preferred"))
        if "admitted" in roles:
            pats.extend((e, a, "admitted") for a in e.admitted if a != e.preferred)
        if "forbidden" in roles:
            pats.extend((e, f, "forbidden") for f in e.forbidden)
    return pats


def source_matcher(entries: Iterable[Entry], include_fuzzy: bool = False) -> Matcher:
    """Indonesian forms (msgid and variants), clitics allowed, case per entry flag."""
    chosen = [e for e in entries if include_fuzzy or e.enforced]
    return Matcher(source_patterns(chosen), ID_SUFFIXES)


def target_case_sensitive(entry: Entry, form: str) -> bool:
    """Whether an English form matches only in its own casing: with the entry's ``target-case-sensitive``
    flag, and for an acronym written in capitals of a ``case-sensitive`` entry (AS → US: never "us"). The
    source-side ``case-sensitive`` flag does not otherwise govern the English side: KTT is case-sensitive,
    its "summit" is not."""
    return entry.target_case_sensitive or (entry.case_sensitive and _is_acronym(form))


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in form.strip()


def target_matcher(
    entries: Iterable[Entry], roles: Sequence[str] = ("preferred", "admitted", "forbidden"), include_fuzzy: bool = False
) -> Matcher:
    """English forms, possessive/plural endings allowed, case per :func:`target_case_sensitive`."""
    chosen = [e for e in entries if include_fuzzy or e.enforced]
    return Matcher(target_patterns(chosen, roles), EN_SUFFIXES, case_rule=target_case_sensitive)


def overlaps(start: int, end: int, spans) -> bool:
    """Whether the span [start, end) shares a character with any (start, end) of ``spans``."""
    for s, e in spans:  # (a loop, not any() over a generator: most calls look at no span or one)
        if start < e and s < end:
            return True
    return False
