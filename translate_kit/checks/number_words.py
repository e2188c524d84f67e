"""Numbers written in words: Indonesian "lima" (five), "dua puluh lima" (25), "tiga ratus ribu" (300,000),
and their English counterparts, as quantities with spans, for ``number-mismatch``.

A *group* is a run of number words read as one value (units, ``belas``/``puluh``/``ratus`` in Indonesian,
tens-units and ``hundred`` in English, then scale words). Groups worth 1 are left out ("salah satu" is
"one of", "se-" is "a"), and so is a capitalised group inside a sentence (Lima, the city). The source's
groups are looked for among the translation's word groups and numbers, and, when the source has number
words, the translation's word groups among the source's; a text without any Indonesian number word costs
one automaton pass.
"""

from __future__ import annotations

import re
from decimal import Decimal

import ahocorasick_rs

ID_UNITS = {
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
    "sebelas": 11,
    "seratus": 100,
    "seribu": 1000,
    "sejuta": 10**6,
}
ID_MULTIPLIERS = {"belas": None, "puluh": 10, "ratus": 100}
ID_SCALES = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "milyar": 10**9, "triliun": 10**12, "trilyun": 10**12}
#: English cardinals one … ninety (the number-word reader builds on them)
EN_CARDINALS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
EN_UNITS = EN_CARDINALS
EN_ORDINALS = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "twentieth": 20,
    "thirtieth": 30,
}
EN_MULTIPLIERS = {"hundred": 100}
EN_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
#: English words that say two without a number word ("dua negara" is often "both countries")
EN_TWO = frozenset({"both", "pair", "couple", "twice", "double", "twin", "twins", "second", "duo"})

_FINDER_WORDS = sorted({w for w in ID_UNITS if w != "satu"} | {w.capitalize() for w in ID_UNITS if w != "satu"})
_ID_FINDER = ahocorasick_rs.AhoCorasick(_FINDER_WORDS)
_WORD = re.compile(r"[^\W\d_]+")


def has_number_words(text: str) -> bool:
    """Whether an Indonesian number word worth more than one occurs in ``text`` as a word (one automaton
    pass; "kedua", "ketiga" and "bersatu" hold one only inside a longer word)."""
    n = len(text)
    for _, start, end in _ID_FINDER.find_matches_as_indexes(text):
        if (start == 0 or not text[start - 1].isalpha()) and (end == n or not text[end].isalpha()):
            return True
    return False


def _runs_pattern(units: dict, others: tuple) -> re.Pattern:
    """Runs of number words (a unit first), on lower-cased text: only they are read word by word."""
    first = "|".join(sorted(units, key=len, reverse=True))
    every = "|".join(sorted({*units, *(w for d in others for w in d)}, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{first})(?:(?:\s+and\s+|[\s-]+)(?:{every}))*(?![^\W\d_])")


_RUNS = {
    "id": _runs_pattern(ID_UNITS, (ID_MULTIPLIERS, ID_SCALES)),
    "en": _runs_pattern(EN_UNITS, (EN_MULTIPLIERS, EN_SCALES)),
}
#: the words a run starts with, per language, to find where a run may start in one automaton pass
_RUN_STARTS = {"id": ahocorasick_rs.AhoCorasick(sorted(ID_UNITS)), "en": ahocorasick_rs.AhoCorasick(sorted(EN_UNITS))}


def _matches(rx: re.Pattern, starts: ahocorasick_rs.AhoCorasick, low: str) -> list[re.Match]:
    """``list(rx.finditer(low))`` for a pattern that matches only where one of the words of ``starts``
    begins: the pattern is tried at those places only (a scan of every position by a pattern that opens
    with a look-behind and an alternation of words is several times slower than the automaton pass)."""
    hits = starts.find_matches_as_indexes(low, overlapping=True)
    if not hits:
        return []
    out, end = [], -1
    for start in sorted({s for _, s, _ in hits}):
        # (the pattern opens with "no letter before": a start inside a word, "ten" in "often", is not tried)
        if start >= end and not (start and low[start - 1].isalpha()):
            m = rx.match(low, start)  # (a look-behind still sees the text before ``start``)
            if m is not None:
                out.append(m)
                end = m.end()
    return out


def groups(text: str, lang: str) -> list[tuple[Decimal, int, int]]:
    """(value, start, end) of each number-word group of ``text`` worth more than 1."""
    out: list[tuple[Decimal, int, int]] = []
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    for m in _matches(_RUNS[lang], _RUN_STARTS[lang], low):
        word = m.group()
        if word.isalpha():  # a run of one word (most runs): a unit, with nothing to read word by word
            _close([(word, m.start(), m.end())], text, *_WORDS[lang], out, lang)
        else:
            _read_run(text, m.start(), m.end(), lang, out)
    return out


#: per language, its units, multipliers and scales
_WORDS = {"id": (ID_UNITS, ID_MULTIPLIERS, ID_SCALES), "en": (EN_UNITS, EN_MULTIPLIERS, EN_SCALES)}


def _read_run(text: str, start: int, end: int, lang: str, out: list) -> None:
    """The groups of the run of number words at ``text[start:end]`` ("three one" holds two)."""
    units, mults, scales = _WORDS[lang]
    run: list[tuple[str, int, int]] = []
    for m in _WORD.finditer(text, start, end):
        word = m.group().lower()
        if word == "and" and run and (run[-1][0] in mults or run[-1][0] in scales):
            continue  # "two hundred and five": decided at the next word
        if run and (
            not _joins(text[run[-1][2] : m.start()], run[-1][0], mults, scales)
            or not _number_word(word, lang)
            or not _continues(run[-1][0], word, units)
        ):
            _close(run, text, units, mults, scales, out, lang)
            run = []
        if _number_word(word, lang) and (run or word in units):
            run.append((word, m.start(), m.end()))
    if run:
        _close(run, text, units, mults, scales, out, lang)
    return out


def _joins(gap: str, last: str, mults: dict, scales: dict) -> bool:
    """Whether two number words with ``gap`` between them belong to one group: a space (or a hyphen:
    twenty-five), or "and" after hundred or a scale ("two hundred and five"; "two and three" are two)."""
    gap = gap.strip()
    return not gap or gap == "-" or (gap == "and" and (last in mults or last in scales))


def _continues(last: str, word: str, units: dict) -> bool:
    """Whether ``word`` can follow ``last`` in one number: not a unit after a unit ("three one" are two
    numbers), but a unit after tens (twenty five), a multiplier or a scale after anything."""
    if word not in units:
        return True
    if last not in units:
        return True
    return (units[last] in range(20, 100, 10) and units[word] < 10) or units[last] > max(units[word], 99)


def _number_word(word: str, lang: str) -> bool:
    if lang == "id":
        return word in ID_UNITS or word in ID_MULTIPLIERS or word in ID_SCALES
    return word in EN_UNITS or word in EN_MULTIPLIERS or word in EN_SCALES


def _close(run, text, units, mults, scales, out, lang) -> None:
    start = run[0][1]
    if lang == "id" and text[start].isupper() and not _sentence_start(text, start):
        return  # a name: Lima, Enam Sekawan
    if lang == "id" and _fraction(text, start, run[-1][2]):
        return  # "dua per tiga" is two thirds
    total = current = pending = 0  # above the scale, the part below it, the last unit and its multipliers
    for word, _, _ in run:
        if word in units:
            current, pending = current + pending, units[word]
        elif word in mults:
            pending = pending + 10 if mults[word] is None else max(pending, 1) * mults[word]
        else:
            total += max(current + pending, 1) * scales[word]
            current = pending = 0
    value = total + current + pending
    if value > 1:
        out.append((Decimal(value), start, run[-1][2]))


def _fraction(text: str, start: int, end: int) -> bool:
    return text[max(0, start - 4) : start].lower() == "per " or text[end : end + 4].lower() == " per"


_ORDINAL_OR_TWO = re.compile(
    r"(?<![^\W\d_])(" + "|".join(sorted({*EN_ORDINALS, *EN_TWO}, key=len, reverse=True)) + r")(?![^\W\d_])"
)
_ORDINAL_OR_TWO_STARTS = ahocorasick_rs.AhoCorasick(sorted({*EN_ORDINALS, *EN_TWO}))


def _english_values(text: str, found: list) -> list[Decimal]:
    """Values the translation says in words: number groups (``found``: its :func:`groups`), ordinals (ninth,
    fifth-floor), words saying two (both, pair, twice)."""
    values = [v for v, _, _ in found]
    for m in _matches(_ORDINAL_OR_TWO, _ORDINAL_OR_TWO_STARTS, text.lower()):
        values.append(Decimal(EN_ORDINALS.get(m.group(1), 2)))
    return values


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?:;"


def word_differences(source: str, target: str, source_numbers, target_numbers, src=None):
    """(missing, extra): the source's number-word groups the translation renders neither in words (cardinal
    or ordinal) nor in digits, and the translation's number-word groups neither the source's words nor its
    digits account for. ``*_numbers`` are callables giving the digit quantities of each side
    (:func:`~.numbers.extract`), called only when words alone do not settle it; ``src`` the source's groups
    when already read."""
    src = groups(source, "id") if src is None else src
    if not src:
        return [], []
    tgt_groups = groups(target, "en")
    missing = _unmatched(src, _english_values(target, tgt_groups))
    if missing:
        missing = _unmatched(missing, [k for q in target_numbers() for k in (q.key, *q.alts)])
    if not missing:
        return [], []  # (the common case: every number word is rendered, in words or in digits)
    src_values = [v for v, _, _ in src] + [k for q in source_numbers() for k in (q.key, *q.alts)]
    return missing, _unmatched(tgt_groups, src_values)


def _unmatched(found: list, values: list) -> list:
    """The (value, start, end) of ``found`` that no value of ``values`` accounts for (each value once)."""
    values = list(values)
    out = []
    for item in found:
        if item[0] in values:
            values.remove(item[0])
        else:
            out.append(item)
    return out
