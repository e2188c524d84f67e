"""Numbers, amounts, percentages, dates and times in Indonesian and English text, normalised for comparison.

Indonesian writes ``11.000`` for 11,000, ``2,5`` for 2.5, ``pukul 02.45`` for 02:45, ``Rp 5 juta`` for
5 million rupiah, ``14/6/2024`` day first, and names the months Januari…Desember. :func:`extract` finds every
quantity of a text with its character span and a comparison *key*: a value (``Decimal``; scale words and
percent signs folded in, so ``1,5 juta`` and ``1.5 million`` are both 1500000), a time ``("t", hour % 12,
minute)`` or a month ``("m", 1..12)`` (day and year of a date are plain numbers, so ``18-19 Juni 2024`` and
``June 18-19, 2024`` give the same keys). :func:`compare` reports what one side has and the other lacks,
after forgiving what a reader forgives: an ambiguous separator read the other way (``2,500``), a whole hour
written as a plain number, and a number written out in words on the other side (``dua`` / ``two``).
Indonesian number words are quantities too (:mod:`.number_words`): "lima" rendered "four" differs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

import ahocorasick_rs

from ..corpus.indonesian import MONTHS
from .number_words import EN_CARDINALS, EN_ORDINALS, ID_SCALES, ID_UNITS, groups, has_number_words, word_differences

ID_MONTHS = MONTHS
EN_MONTHS = {
    m: i
    for i, m in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        1,
    )
}
EN_MONTHS.update({"jan.": 1, "feb.": 2, "aug.": 8, "sept.": 9, "sep.": 9, "oct.": 10, "nov.": 11, "dec.": 12})

EN_SCALES = {
    "thousand": 10**3,
    "thousands": 10**3,
    "million": 10**6,
    "millions": 10**6,
    "mln": 10**6,
    "mn": 10**6,
    "billion": 10**9,
    "billions": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
    "trillions": 10**12,
    "tn": 10**12,
}

ID_WORDS = {"nol": 0, **ID_UNITS, "setengah": Decimal("0.5")}
EN_WORDS = {
    **EN_CARDINALS,
    "zero": 0,
    "hundred": 100,
    "dozen": 12,
    "half": Decimal("0.5"),
    "first": 1,
    **{w: v for w, v in EN_ORDINALS.items() if v <= 10},  # second … tenth
    "once": 1,
    "twice": 2,
    "single": 1,
    "double": 2,
    "a": 1,
    "an": 1,
}

_CURRENCY_BEFORE = re.compile(r"(?:Rp\.?|US\$|S\$|A\$|\$|USD|IDR|€|£|¥)\s?$")

# a time: "pukul 02.45", "jam 9", "14:30", "2:45 p.m.", "9.30am", "10 o'clock", "14.00 WIB"
# (patterns run on lower-cased text: case-insensitive regexes are several times slower)
_PERCENT = {"id": re.compile(r"\s?%|\s+persen\b"), "en": re.compile(r"\s?%|\s+per\s?cent\b|\s+pct\b")}
_HAS_DIGIT = re.compile(r"\d")


@dataclass(slots=True)
class Quantity:
    """One number, amount, percentage, month or time found in a text (a value: never changed once made;
    not frozen, because a frozen dataclass's ``__init__`` costs several times as much and texts hold many)."""

    kind: str  # "number" | "percent" | "amount" | "time" | "month"
    key: object  # Decimal value, ("t", hour % 12, minute) or ("m", month)
    start: int
    end: int
    text: str  # text[start:end]
    #: other readings of an ambiguous form (e.g. Indonesian "2,500": 2.5, or 2500 written the English way)
    alts: tuple = field(default=())

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    def display(self) -> str:
        if isinstance(self.key, Decimal):
            return _fmt(self.key) + ("%" if self.kind == "percent" else "")
        if self.key[0] == "t":
            return f"{self.key[1]:02d}:{self.key[2]:02d} (12-hour)"
        return f"month {self.key[1]}"


def _fmt(d: Decimal) -> str:
    s = format(d.normalize(), "f")
    if "." in s:
        whole, frac = s.split(".")
    else:
        whole, frac = s, ""
    whole = f"{int(whole):,}"
    return f"{whole}.{frac}" if frac else whole


# -- single numbers ------------------------------------------------------------------------------------------
@lru_cache(maxsize=4096)  # (texts repeat their numbers: years, small counts; a Decimal is a value)
def parse_number(token: str, lang: str) -> tuple[Decimal, tuple[Decimal, ...]]:
    """The value of a digit token written the ``lang`` way ("id" or "en"), and other plausible readings."""
    dots, commas = token.count("."), token.count(",")
    if lang == "id":
        group, dec = ".", ","
    else:
        group, dec = ",", "."
    if not dots and not commas:
        return Decimal(token), ()
    if token.count(group) and token.count(dec):
        if token.rfind(dec) > token.rfind(group):  # 1.234,5 (id) / 1,234.5 (en)
            return Decimal(token.replace(group, "").replace(dec, ".")), ()
        return Decimal(token.replace(dec, "").replace(group, ".")), ()  # written the other language's way
    sep = "." if dots else ","
    parts = token.split(sep)
    grouped = all(len(p) == 3 for p in parts[1:]) and len(parts[0]) <= 3 and parts[0] != "0"
    as_group = Decimal("".join(parts))
    if len(parts) > 2:  # 1.234.567 / 1,234,567: only grouping makes sense
        return as_group, ()
    as_decimal = Decimal(parts[0] + "." + parts[1])
    if sep == group:
        return (as_group, ()) if grouped else (as_decimal, ())
    # the language's decimal separator: a decimal, unless it looks like grouping written the other way
    return (as_decimal, (as_group,)) if grouped else (as_decimal, ())


# -- extraction ----------------------------------------------------------------------------------------------
def lower_same_length(text: str) -> str:
    """``text.lower()``, keeping the few characters that lower-case to two (offsets must not move)."""
    low = text.lower()
    if len(low) != len(text):  # (never for ASCII text)
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


def has_digits(text: str) -> bool:
    """Any decimal digit: ten one-character searches (memchr calls, cheaper together than one pass of a regex
    or of ``bytes.translate``), then, for text that is not ASCII, the regex for other scripts' digits."""
    if (
        "0" in text
        or "1" in text
        or "2" in text
        or "3" in text
        or "4" in text
        or "5" in text
        or "6" in text
        or "7" in text
        or "8" in text
        or "9" in text
    ):
        return True
    return not text.isascii() and _HAS_DIGIT.search(text) is not None


# (scanning patterns start with a single character class, "\d\d*" rather than "\d+": only then does the
# regex engine skip ahead to the next possible start in a tight loop, faster over a text)
_TOKEN = re.compile(r"\d\d*(?:[.,:/]\d+)*")
_HHMM = re.compile(r"(\d{1,2})[.:](\d{2})")
_SLASH = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})")
_ISO_TAIL = re.compile(r"-(\d{2})-(\d{2})(?![\d-])")
_TIME_WORD_BEFORE = re.compile(r"\b(?:pukul|pkl\.?|jam)\s+$")
_TIME_ZONE_AFTER = re.compile(r"\s*(?:wib|wita|wit)\b")
_AMPM_AFTER = re.compile(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock\b)")
_RANGE_GAP = re.compile(r"\s*[-–—]\s*")
_MONTH_NAMES = "|".join(sorted({*ID_MONTHS, *EN_MONTHS}, key=len, reverse=True)).replace(".", r"\.")
_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?\s*(?:of\s+)?(" + _MONTH_NAMES + r")(?:(?<=\.)|\b)")
_MONTH_BEFORE = re.compile(r"\b(" + _MONTH_NAMES + r")\s*(?:of\s+)?$")
#: every month name at once: a text holding none has no month to look for next to its numbers
_MONTH_FINDER = ahocorasick_rs.AhoCorasick(sorted({*ID_MONTHS, *EN_MONTHS}))


def _may_have_month(low: str) -> bool:
    """False when the lower-cased text holds no month name anywhere (one automaton pass, cheaper than the
    two month regexes tried at every number)."""
    return bool(_MONTH_FINDER.find_matches_as_indexes(low))


def extract(text: str, lang: str) -> list[Quantity]:
    """Every quantity of ``text`` (``lang`` "id" or "en") in text order, spans into the original text.

    One scan for digit tokens; times, dates, scales, percentages, currencies and months are recognised
    by looking just before and after each token (a month counts only as part of a date: next to a number).
    """
    return _extract(text, lang) if has_digits(text) else []


def _extract(text: str, lang: str) -> list[Quantity]:
    """:func:`extract` of a text with digits."""
    low = lower_same_length(text)
    out: list[Quantity] = []
    months: dict[int, Quantity] = {}
    last_time_end = -1
    skip_until = -1
    month_words = _may_have_month(low)
    for m in _TOKEN.finditer(low):
        s, e = m.span()
        if s < skip_until:
            continue
        tok = m.group()
        if "/" in tok:
            sm = _SLASH.fullmatch(tok)
            if sm and _add_slash_date(out, sm, s, text, lang):
                continue
            _add_parts(out, tok, s, text, lang, "/")
            continue
        if len(tok) == 4 and tok.isdigit() and low.startswith("-", e):
            im = _iso_date_at(low, s, e)
            if im:
                out.append(Quantity("number", Decimal(tok), s, e, tok))
                out.append(Quantity("month", ("m", int(im.group(1))), im.start(1), im.end(1), im.group(1)))
                out.append(Quantity("number", Decimal(im.group(2)), im.start(2), im.end(2), im.group(2)))
                skip_until = im.end()
                continue
        time = _time_at(low, tok, s, e, lang, last_time_end)
        if time is not None:
            out.append(Quantity("time", ("t", time[0] % 12, time[1]), s, e, text[s:e], _time_alts(*time)))
            last_time_end = e
            continue
        if ":" in tok:
            _add_parts(out, tok, s, text, lang, ":")
            continue
        q = _number_at(text, low, tok, s, e, lang)
        if q is not None:
            out.append(q)
            if month_words:
                _month_near(text, low, s, q.end, lang, months)
    if months:
        out.extend(months.values())
        out.sort(key=lambda q: q.start)
    return out


def _iso_date_at(low: str, s: int, e: int) -> re.Match | None:
    """The "-mm-dd" tail of an ISO date whose year is the 4-digit token at s:e, if it is one."""
    im = _ISO_TAIL.match(low, e)
    if im and 1 <= int(im.group(1)) <= 12 and (s == 0 or low[s - 1] not in "-0123456789"):
        return im
    return None


def _time_at(low: str, tok: str, s: int, e: int, lang: str, last_time_end: int) -> tuple[int, int] | None:
    """(hour, minute) when the token at s:e is a time, else None."""
    hm = _HHMM.fullmatch(tok) if 3 < len(tok) <= 5 else None  # h.mm to hh:mm
    if hm is None and not (len(tok) <= 2 and tok.isdigit()):
        return None
    h, mi = (int(hm.group(1)), int(hm.group(2))) if hm else (int(tok), 0)
    if h > 24 or mi > 59:
        return None
    if hm and ":" in tok:
        return h, mi
    if lang == "id":
        before = low[max(0, s - 8) : s]
        if ("pukul" in before or "pkl" in before or "jam" in before) and _TIME_WORD_BEFORE.search(
            low, max(0, s - 8), s
        ):
            return h, mi
        if hm and (
            _TIME_ZONE_AFTER.match(low, e) or (last_time_end >= 0 and _RANGE_GAP.fullmatch(low, last_time_end, s))
        ):
            return h, mi  # "14.00 WIB", the second half of "pukul 10.00-12.00"
        return None
    return (h, mi) if _AMPM_AFTER.match(low, e) else None


def _number_at(text: str, low: str, tok: str, s: int, e: int, lang: str) -> Quantity | None:
    try:
        value, alts = parse_number(tok, lang)
    except InvalidOperation:
        return None
    scales = ID_SCALES if lang == "id" else EN_SCALES
    end = e
    sm = _SCALE_AFTER.match(low, e)
    factor = None
    if sm:
        word = sm.group(2)
        factor = scales.get(word)
        if factor is None and lang == "en" and not sm.group(1) and _CURRENCY_BEFORE.search(text, max(0, s - 4), s):
            factor = _EN_ATTACHED_SCALES.get(word)  # "£125m", "$2bn"
    if factor is not None:
        value, alts = value * factor, tuple(a * factor for a in alts)
        end = sm.end()
    if _PERCENT[lang].match(low, end):
        kind = "percent"
    elif _CURRENCY_BEFORE.search(text, max(0, s - 4), s):
        kind = "amount"
    else:
        kind = "number"
    return Quantity(kind, value, s, end, text[s:end], alts)


def _add_parts(out: list, tok: str, s: int, text: str, lang: str, sep: str) -> None:
    """Digit groups of a token that is no date or time ("24/7", "10:30:15") as separate numbers."""
    pos = s
    for part in tok.split(sep):
        try:
            value, alts = parse_number(part, lang)
        except InvalidOperation:
            value, alts = None, ()
        if value is not None:
            out.append(Quantity("number", value, pos, pos + len(part), part, alts))
        pos += len(part) + 1


def _add_slash_date(out: list, sm: re.Match, s: int, text: str, lang: str) -> bool:
    a, b = int(sm.group(1)), int(sm.group(2))
    day_g, mon_g = (2, 1) if lang == "en" and a <= 12 < b else (1, 2)  # US order month/day in English
    mon, day = int(sm.group(mon_g)), int(sm.group(day_g))
    if not 1 <= mon <= 12 or day > 31:
        return False
    for g, kind in ((day_g, "number"), (mon_g, "month"), (3, "number")):
        gs, ge = s + sm.start(g), s + sm.end(g)
        key = ("m", mon) if kind == "month" else Decimal(sm.group(g))
        out.append(Quantity(kind, key, gs, ge, text[gs:ge]))
    out.sort(key=lambda q: q.start)
    return True


def _month_near(text: str, low: str, s: int, e: int, lang: str, months: dict) -> None:
    """A month name right before or after the number at s:e ("18 Juni", "June 18", "the 28th of October")."""
    found = []
    am = _MONTH_AFTER.match(low, e)
    if am:
        found.append(am.span(1))
    bm = _MONTH_BEFORE.search(low, max(0, s - 16), s)
    if bm:
        found.append(bm.span(1))
    for ms, me in found:
        if ms in months:
            continue
        word = low[ms:me]
        mon = EN_MONTHS.get(word) or EN_MONTHS.get(word.rstrip("."))
        if lang == "id" and word in ID_MONTHS:
            mon = ID_MONTHS[word]
        elif mon is None or not text[ms].isupper():
            continue  # English month names are capitalised ("may" the verb); no Indonesian names in English
        months[ms] = Quantity("month", ("m", mon), ms, me, text[ms:me])


_SCALE_AFTER = re.compile(r"([\s-]?)([a-z]+?)(?:nya)?\b")
#: scale letters written straight after an amount in English ("£125m", "$2bn")
_EN_ATTACHED_SCALES = {"m": 10**6, "k": 10**3, "b": 10**9}


def _time_alts(h: int, m: int) -> tuple[Decimal, ...]:
    """A time also reads as h.mm or hhmm ("at 23.45", "1200 GMT") on the other side."""
    return (Decimal(f"{h}.{m:02d}"), Decimal(h * 100 + m))


_WORD_TOKEN = re.compile(r"[^\W\d_][^\W\d_]*(?:-[^\W\d_]+)?")
_ASCII_WORD_TOKEN = re.compile(r"[a-z][a-z]*(?:-[a-z]+)?")  # the same on lower-cased ASCII text, faster
_WORD_DECIMALS = {
    "id": {w: Decimal(v) for w, v in ID_WORDS.items()},
    "en": {w: Decimal(v) for w, v in EN_WORDS.items()},
}


def word_values(text: str, lang: str) -> Counter:
    """Numbers written as words ("dua juta", "two", "twenty"), for forgiving digit/word differences."""
    words = _WORD_DECIMALS[lang]
    scales = ID_SCALES if lang == "id" else EN_SCALES
    low = lower_same_length(text)  # (lower-casing keeps letters letters)
    toks = (_ASCII_WORD_TOKEN if low.isascii() else _WORD_TOKEN).findall(low)
    vals: Counter = Counter()
    for i, t in enumerate(toks):
        if t in words:
            v = words[t]
        elif "-" in t and lang == "en":
            tens, _, unit = t.partition("-")
            if tens not in words or unit not in words:
                continue
            v = words[tens] + words[unit]  # thirty-two
        else:
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if lang == "id" and nxt in ("belas", "puluh", "ratus") and v < 10:
            v = v + 10 if nxt == "belas" else v * (10 if nxt == "puluh" else 100)
        vals[v] += 1
        if nxt in scales:
            vals[v * scales[nxt]] += 1
    return vals


# -- comparison ----------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class NumberDiff:
    """Quantities of the source missing from the target, and quantities of the target not in the source,
    each in text order (a value: :func:`compare` hands out one shared :data:`NO_DIFFERENCE`)."""

    missing: tuple[Quantity, ...]
    extra: tuple[Quantity, ...]

    def __bool__(self) -> bool:
        return bool(self.missing or self.extra)


#: what :func:`compare` returns for texts whose quantities agree (most pairs: no object made per pair)
NO_DIFFERENCE = NumberDiff((), ())


def _scale_pattern(scales: dict, lang: str, ascii_only: bool = False) -> re.Pattern:
    r"""Numbers with an optional scale word, for lower-cased text (case-insensitive regexes are slow); group 3
    marks a number after which no shortcut is safe: the year of an ISO date ("2024-06-14", whose middle group is
    a month; a few more, "1,5-06-14", are marked too) and, in English, a scale letter attached to a number
    ("£125m": the letter counts only after a currency sign, which is not looked at here).
    ``ascii_only``: the same pattern for ASCII text, compiled with re.ASCII (a cheaper scan): ``\d``, ``\w``
    and ``\b`` mean the same there, and ``\s`` is spelt out, since Unicode's also counts the separators
    \x1c-\x1f."""
    words = "|".join(sorted(scales, key=len, reverse=True))
    space = "\t\n\x0b\x0c\r\x1c-\x1f " if ascii_only else r"\s"
    unsafe = r"-(?=\d\d-\d\d(?![\d-]))" + (r"|[mkb](?!\w)" if lang == "en" else "")
    pattern = r"(\d\d*(?:[.,:]\d+)*)(?:[" + space + r"-]?(" + words + r")(?:nya)?\b|(" + unsafe + "))?"
    return re.compile(pattern, re.ASCII if ascii_only else 0)


#: per language, (pattern, the same for ASCII text, scale words)
_QUICK = {
    lang: (_scale_pattern(scales, lang), _scale_pattern(scales, lang, ascii_only=True), scales)
    for lang, scales in (("id", ID_SCALES), ("en", EN_SCALES))
}


def _quick_tokens(text: str, lang: str) -> tuple[list, str] | None:
    """(digit groups with their scale, separators ignored, sorted; the text lower-cased), or None when no
    shortcut is safe (a slash date, an ISO date, a scale letter attached to a number). One ``findall``: no
    match objects to make (:func:`_quick_months` finds the numbers again, in the few texts that name a month)."""
    low = lower_same_length(text)
    rx, ascii_rx, scales = _QUICK[lang]
    tokens = []
    for num, sc, unsafe in (ascii_rx if low.isascii() else rx).findall(low):
        if unsafe:
            return None
        # (most numbers have no separator: no copies to make)
        key = num if num.isdigit() else num.replace(",", "/").replace(".", "/").replace(":", "/")
        tokens.append((key, scales[sc] if sc else 1))
    if "/" in low and any("/" in t for t in _TOKEN.findall(low)):
        return None  # a slash date reads differently in each language
    if len(tokens) > 1:
        tokens.sort()
    return tokens, low


def _quick_months(text: str, lang: str, quick: tuple) -> tuple | None:
    """The months that extraction finds next to the numbers of ``quick`` (sorted), or None when some number
    may be read otherwise (a time, digit groups split at a colon), which only matters next to a month."""
    tokens, low = quick
    if not tokens or not _may_have_month(low):
        return ()
    rx, ascii_rx, _ = _QUICK[lang]
    numbers = list((ascii_rx if low.isascii() else rx).finditer(low))  # (the matches of :func:`_quick_tokens`)
    months: dict[int, Quantity] = {}
    for m in numbers:
        _month_near(text, low, m.start(), m.end(), lang, months)
    if not months:
        return ()  # the common case
    for m in numbers:  # extraction looks for months next to plain numbers only
        num = m.group(1)
        if ":" in num or _time_at(low, num, m.start(), m.end(1), lang, -1) is not None:
            return None
        if "." in num and "," in num:
            try:
                parse_number(num, lang)
            except InvalidOperation:
                return None  # not read as a number at all
    return tuple(sorted(q.key[1] for q in months.values()))


def compare(
    source: str, target: str, source_lang: str = "id", target_lang: str = "en", *, shortcut: bool = True
) -> NumberDiff:
    """Quantities that differ between a source and its translation (empty when they agree).

    Shortcut: when both sides carry the same digit groups with the same scale words and the same months
    next to them (and no time where a month is), every separator reading agrees or is forgiven, so the
    full extraction is skipped.
    """
    missing, extra = _compare_digits(source, target, source_lang, target_lang, shortcut)
    if source_lang == "id" and target_lang == "en" and has_number_words(source):
        missing, extra = _add_word_differences(missing, extra, source, target)
    return NumberDiff(tuple(missing), tuple(extra)) if missing or extra else NO_DIFFERENCE


def _add_word_differences(missing: list, extra: list, source: str, target: str) -> tuple[list, list]:
    """``missing`` and ``extra`` with the number words of the source ("lima") the translation does not render,
    and the English number words it has that the source does not account for (see :mod:`.number_words`)."""
    src = groups(source, "id")
    if not src:
        return missing, extra
    src_words = {v for v, _, _ in src}
    # digits of the translation that the source says in words ("dua puluh lima" / "25") are no difference
    if extra:
        extra = [q for q in extra if not (isinstance(q.key, Decimal) and q.key in src_words)]
    words_missing, words_extra = word_differences(
        source, target, lambda: extract(source, "id"), lambda: extract(target, "en"), src
    )
    if not words_missing or not (words_extra or extra):
        return missing, extra  # a number word is reported where the translation says another number instead
    missing = sorted(
        [*missing, *(Quantity("number", v, s, e, source[s:e]) for v, s, e in words_missing)], key=lambda q: q.start
    )
    extra = sorted(
        [*extra, *(Quantity("number", v, s, e, target[s:e]) for v, s, e in words_extra)], key=lambda q: q.start
    )
    return missing, extra


def _compare_digits(
    source: str, target: str, source_lang: str, target_lang: str, shortcut: bool
) -> tuple[list[Quantity], list[Quantity]]:
    """:func:`compare` for quantities written with digits (and months next to them): (missing, extra)."""
    if has_digits(source):
        src_has = True
    elif has_digits(target):
        src_has = False
    else:
        return [], []
    if shortcut:
        quick = _quick_tokens(source, source_lang)
        if quick is not None:
            other = _quick_tokens(target, target_lang)
            if other is not None and quick[0] == other[0]:
                if not _may_have_month(quick[1] + "\n" + other[1]):  # (one automaton call for both sides)
                    return [], []  # no month anywhere: none next to a number either
                months = _quick_months(source, source_lang, quick)
                if months is not None and months == _quick_months(target, target_lang, other):
                    return [], []
    src = _extract(source, source_lang) if src_has else []
    tgt = extract(target, target_lang) if src_has else _extract(target, target_lang)  # (known to have digits)
    missing, extra = _multiset_diff(src, tgt)
    if missing or extra:
        missing, extra = _forgive(missing, extra, source, target, source_lang, target_lang)
    return missing, extra


def _multiset_diff(src: list[Quantity], tgt: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """Quantities left unpaired by equal keys. Those with a single reading are paired first, on both sides:
    one with other readings may still be forgiven later ("2,500 2,5" / "2,5 2,500" agree in either order)."""
    pending: dict[object, list[Quantity]] = {}
    for q in tgt:
        pending.setdefault(q.key, []).append(q)
    for bucket in pending.values():
        if len(bucket) > 1:
            bucket.sort(key=lambda q: bool(q.alts))  # stable: text order among equals
    paired = set()
    for i in sorted(range(len(src)), key=lambda i: bool(src[i].alts)):
        bucket = pending.get(src[i].key)
        if bucket:
            bucket.pop(0)
            paired.add(i)
    missing = [q for i, q in enumerate(src) if i not in paired]
    extra = sorted((q for b in pending.values() for q in b), key=lambda q: q.start)
    return missing, extra


def _forgive(missing, extra, source, target, source_lang, target_lang):
    # 1. ambiguous separators and whole hours written as numbers, either way round
    def readings(q: Quantity) -> list:
        r = [q.key, *q.alts]
        if q.kind == "time" and q.key[2] == 0:
            r += [Decimal(q.key[1]), Decimal(q.key[1] + 12)]
        return r

    # (each quantity in text order takes the first one left on the other side that it can be read as)
    extra_readings = [set(readings(x)) for x in extra]
    left = list(range(len(extra)))
    kept = []
    for q in missing:
        mine = set(readings(q))
        for pos, i in enumerate(left):
            if not mine.isdisjoint(extra_readings[i]):
                del left[pos]
                break
        else:
            kept.append(q)
    missing, extra = kept, [extra[i] for i in left]
    # 2. a number written as words on the other side (read only when words could say one of these values)
    if missing and _wordable(missing, target_lang):
        words = word_values(target, target_lang)
        missing = [q for q in missing if not _take(words, q)]
    if extra and _wordable(extra, source_lang):
        words = word_values(source, source_lang)
        extra = [q for q in extra if not _take(words, q)]
    return missing, extra


def _wordable(quantities: list[Quantity], lang: str) -> bool:
    """Whether :func:`word_values` could give any reading of ``quantities`` in ``lang`` at all (most
    numbers, 2019 or 3.7, no words of it can say)."""
    values = _word_readable(lang)
    return any(isinstance(k, Decimal) and k in values for q in quantities for k in (q.key, *q.alts))


@cache
def _word_readable(lang: str) -> frozenset:
    """Every value :func:`word_values` can return in ``lang``: a number word, the same with the following
    word's modifier (Indonesian belas/puluh/ratus) or a hyphenated pair (English tens-unit), times a scale."""
    words = _WORD_DECIMALS[lang]
    scales = ID_SCALES if lang == "id" else EN_SCALES
    base = set(words.values())
    if lang == "id":
        base |= {m for v in words.values() if v < 10 for m in (v + 10, v * 10, v * 100)}
    else:
        base |= {a + b for a in words.values() for b in words.values()}
    return frozenset(base | {v * s for v in base for s in scales.values()})


def _take(words: Counter, q: Quantity) -> bool:
    if not isinstance(q.key, Decimal):
        return False
    for k in (q.key, *q.alts):
        if words.get(k, 0) > 0:
            words[k] -= 1
            return True
    return False
