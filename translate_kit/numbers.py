"""Numbers, amounts, percentages, dates and times in Indonesian and English text, normalised for comparison.

Indonesian writes ``11.000`` for 11,000, ``2,5`` for 2.5, ``pukul 02.45`` for 02:45, ``Rp 5 juta`` for
5 million rupiah, ``14/6/2024`` day first, and names the months Januari…Desember. :func:`extract` finds every
quantity of a text with its character span and a comparison *key*: a value (``Decimal``; scale words and
percent signs folded in, so ``1,5 juta`` and ``1.5 million`` are both 1500000), a time ``("t", hour % 12,
minute)`` or a month ``("m", 1..12)`` (day and year of a date are plain numbers, so ``18-19 Juni 2024`` and
``June 18-19, 2024`` give the same keys). :func:`compare` reports what one side has and the other lacks,
after forgiving what a reader forgives: an ambiguous separator read the other way (``2,500``), a whole hour
written as a plain number, and a number written out in words on the other side (``dua`` / ``two``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

ID_MONTHS = {m: i for i, m in enumerate(
    ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
     "november", "desember"), 1)}
ID_MONTHS.update({"pebruari": 2, "nopember": 11})
EN_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), 1)}
EN_MONTHS.update({"jan.": 1, "feb.": 2, "aug.": 8, "sept.": 9, "sep.": 9, "oct.": 10, "nov.": 11, "dec.": 12})

ID_SCALES = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "milyar": 10**9, "triliun": 10**12,
             "trilyun": 10**12}
EN_SCALES = {"thousand": 10**3, "thousands": 10**3, "million": 10**6, "millions": 10**6, "mln": 10**6,
             "mn": 10**6, "billion": 10**9, "billions": 10**9, "bn": 10**9, "trillion": 10**12,
             "trillions": 10**12, "tn": 10**12}

ID_WORDS = {"nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
            "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000,
            "sejuta": 10**6, "setengah": Decimal("0.5")}
EN_WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
            "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
            "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
            "dozen": 12, "half": Decimal("0.5"), "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
            "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "once": 1, "twice": 2,
            "single": 1, "double": 2, "a": 1, "an": 1}

_PERCENT_ID = r"(?:\s?%|\s+persen\b)"
_PERCENT_EN = r"(?:\s?%|\s+per\s?cent\b|\s+pct\b)"
_CURRENCY_BEFORE = re.compile(r"(?:Rp\.?|US\$|S\$|A\$|\$|USD|IDR|€|£|¥)\s?$")

# a time: "pukul 02.45", "jam 9", "14:30", "2:45 p.m.", "9.30am", "10 o'clock", "14.00 WIB"
_TIME_ID = re.compile(
    r"\b(?:pukul|pkl\.?|jam)\s+(\d{1,2})(?:[.:](\d{2}))?(?!\d)"
    r"|(?<![\d.,])(\d{1,2})[.:](\d{2})(?=\s*(?:WIB|WITA|WIT)\b)"
    r"|(?<![\d.,:])(\d{1,2}):(\d{2})(?![\d:])", re.IGNORECASE)
_TIME_EN = re.compile(
    r"(?<![\d.,:])(\d{1,2})(?:[.:](\d{2}))?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock\b)"
    r"|(?<![\d.,:])(\d{1,2}):(\d{2})(?![\d:])", re.IGNORECASE)
_TIME_RANGE_TAIL = re.compile(r"\s*[-–—]\s*(\d{1,2})[.:](\d{2})(?!\d)")
_SLASH_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")
_ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_MONTH_ID = re.compile(r"\b(?:" + "|".join(ID_MONTHS) + r")\b", re.IGNORECASE)
_MONTH_EN = re.compile(r"\b(?:" + "|".join(m.replace(".", r"\.") for m in EN_MONTHS) + r")(?:(?<=\.)|\b)",
                       re.IGNORECASE)
_HAS_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number, amount, percentage, month or time found in a text."""

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
def has_digits(text: str) -> bool:
    return _HAS_DIGIT.search(text) is not None


def extract(text: str, lang: str) -> list[Quantity]:
    """Every quantity of ``text`` (``lang`` "id" or "en") in text order, spans into the original text."""
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in taken)

    def add(q: Quantity, s: int | None = None, e: int | None = None) -> None:
        out.append(q)
        taken.append((q.start if s is None else s, q.end if e is None else e))

    if has_digits(text):
        for m in (_TIME_ID if lang == "id" else _TIME_EN).finditer(text):
            groups = [g for g in m.groups()]
            hi = next(i for i in range(0, len(groups), 2) if groups[i] is not None)
            h, mi = int(groups[hi]), int(groups[hi + 1] or 0)
            if h > 24 or mi > 59 or not free(m.start(), m.end()):
                continue
            s, e = m.start(hi + 1), m.end(hi + 2) if groups[hi + 1] else m.end(hi + 1)
            add(Quantity("time", ("t", h % 12, mi), s, e, text[s:e], _time_alts(h, mi)), m.start(), m.end())
            tail = _TIME_RANGE_TAIL.match(text, m.end()) if lang == "id" else None
            if tail and free(tail.start(), tail.end()) and int(tail.group(1)) <= 24 and int(tail.group(2)) <= 59:
                s2, e2 = tail.start(1), tail.end(2)
                h2, m2 = int(tail.group(1)), int(tail.group(2))
                add(Quantity("time", ("t", h2 % 12, m2), s2, e2, text[s2:e2], _time_alts(h2, m2)))
        for m in _ISO_DATE.finditer(text):
            y, mo, d = m.group(1), int(m.group(2)), m.group(3)
            if 1 <= mo <= 12 and free(m.start(), m.end()):
                add(Quantity("number", Decimal(y), m.start(1), m.end(1), y))
                add(Quantity("month", ("m", mo), m.start(2), m.end(2), m.group(2)))
                add(Quantity("number", Decimal(d), m.start(3), m.end(3), d))
        for m in _SLASH_DATE.finditer(text):
            a, b = int(m.group(1)), int(m.group(2))
            if not free(m.start(), m.end()):
                continue
            if lang == "en" and a <= 12 < b:  # US order: month/day
                day_g, mon_g = 2, 1
            else:
                day_g, mon_g = 1, 2
            mon = int(m.group(mon_g))
            if not 1 <= mon <= 12 or int(m.group(day_g)) > 31:
                continue
            add(Quantity("number", Decimal(m.group(day_g)), m.start(day_g), m.end(day_g), m.group(day_g)))
            add(Quantity("month", ("m", mon), m.start(mon_g), m.end(mon_g), m.group(mon_g)))
            add(Quantity("number", Decimal(m.group(3)), m.start(3), m.end(3), m.group(3)))
        scales = ID_SCALES if lang == "id" else EN_SCALES
        percent = re.compile(_PERCENT_ID if lang == "id" else _PERCENT_EN, re.IGNORECASE)
        for m in _NUMBER.finditer(text):
            s, e = m.start(), m.end()
            if not free(s, e):
                continue
            token = m.group()
            try:
                value, alts = parse_number(token, lang)
            except InvalidOperation:
                continue
            kind = "number"
            end = e
            sm = _SCALE_AFTER.match(text, e)
            word = sm.group(2).lower() if sm else ""
            factor = scales.get(word)
            if factor is None and lang == "en" and sm and not sm.group(1) and _CURRENCY_BEFORE.search(
                    text, max(0, s - 4), s):
                factor = _EN_ATTACHED_SCALES.get(word)
            if factor is not None:
                value, alts = value * factor, tuple(a * factor for a in alts)
                end = sm.end()
            if percent.match(text, end):
                kind = "percent"
            elif _CURRENCY_BEFORE.search(text, max(0, s - 4), s):
                kind = "amount"
            add(Quantity(kind, value, s, end, text[s:end], alts))
    for rx, table in ((_MONTH_ID, ID_MONTHS), (_MONTH_EN, EN_MONTHS)):
        if lang == "en" and rx is _MONTH_ID:
            continue  # Indonesian text may carry English month names; English text no Indonesian ones
        for m in rx.finditer(text):
            w = m.group()
            mon = table.get(w.lower()) or table.get(w.lower().rstrip("."))
            # a month counts as part of a date (a day or year next to it); English names are capitalised
            if not mon or not _next_to_number(text, m.start(), m.end()):
                continue
            if (table is EN_MONTHS) and not w[0].isupper():
                continue
            if free(m.start(), m.end()):
                add(Quantity("month", ("m", mon), m.start(), m.end(), w))
    out.sort(key=lambda q: q.start)
    return out


_SCALE_AFTER = re.compile(r"([\s-]?)([A-Za-z]+?)(?:nya)?\b")
#: scale letters written straight after an amount in English ("£125m", "$2bn")
_EN_ATTACHED_SCALES = {"m": 10**6, "k": 10**3, "b": 10**9}


def _time_alts(h: int, m: int) -> tuple[Decimal, ...]:
    """A time also reads as h.mm or hhmm ("at 23.45", "1200 GMT") on the other side."""
    return (Decimal(f"{h}.{m:02d}"), Decimal(h * 100 + m))


_DAY_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?\s*(?:of\s+)?$", re.IGNORECASE)
_NUMBER_AFTER = re.compile(r"\s*(?:of\s+)?\d")


def _next_to_number(text: str, start: int, end: int) -> bool:
    """"18 Juni", "18-19 Juni", "the 28th of October", "June 18", "Maret 2007": a month in a date."""
    return bool(_DAY_BEFORE.search(text, max(0, start - 12), start)) or bool(_NUMBER_AFTER.match(text, end))


def word_values(text: str, lang: str) -> Counter:
    """Numbers written as words ("dua juta", "two", "twenty"), for forgiving digit/word differences."""
    words = ID_WORDS if lang == "id" else EN_WORDS
    scales = ID_SCALES if lang == "id" else EN_SCALES
    toks = [t.lower() for t in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)?", text)]
    vals: Counter = Counter()
    for i, t in enumerate(toks):
        tens, _, unit = t.partition("-")
        if unit and tens in words and unit in words and lang == "en":
            v = Decimal(words[tens]) + Decimal(words[unit])  # thirty-two
        elif t in words:
            v = Decimal(words[t])
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
@dataclass
class NumberDiff:
    """Quantities of the source missing from the target, and quantities of the target not in the source."""

    missing: list[Quantity]
    extra: list[Quantity]

    def __bool__(self) -> bool:
        return bool(self.missing or self.extra)


def compare(source: str, target: str, source_lang: str = "id", target_lang: str = "en") -> NumberDiff:
    """Quantities that differ between a source and its translation (empty when they agree)."""
    if not has_digits(source) and not has_digits(target):
        return NumberDiff([], [])
    src, tgt = extract(source, source_lang), extract(target, target_lang)
    missing, extra = _multiset_diff(src, tgt)
    if missing or extra:
        missing, extra = _forgive(missing, extra, source, target, source_lang, target_lang)
    return NumberDiff(missing, extra)


def _multiset_diff(src: list[Quantity], tgt: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    pending: dict[object, list[Quantity]] = {}
    for q in tgt:
        pending.setdefault(q.key, []).append(q)
    missing = []
    for q in src:
        bucket = pending.get(q.key)
        if bucket:
            bucket.pop(0)
        else:
            missing.append(q)
    extra = sorted((q for b in pending.values() for q in b), key=lambda q: q.start)
    return missing, extra


def _forgive(missing, extra, source, target, source_lang, target_lang):
    # 1. ambiguous separators and whole hours written as numbers, either way round
    def readings(q: Quantity) -> list:
        r = [q.key, *q.alts]
        if q.kind == "time" and q.key[2] == 0:
            r += [Decimal(q.key[1]), Decimal(q.key[1] + 12)]
        return r

    for q in list(missing):
        for x in extra:
            if set(readings(q)) & set(readings(x)):
                missing.remove(q)
                extra.remove(x)
                break
    # 2. a number written as words on the other side
    if missing:
        words = word_values(target, target_lang)
        missing = [q for q in missing if not _take(words, q)]
    if extra:
        words = word_values(source, source_lang)
        extra = [q for q in extra if not _take(words, q)]
    return missing, extra


def _take(words: Counter, q: Quantity) -> bool:
    if not isinstance(q.key, Decimal):
        return False
    for k in (q.key, *q.alts):
        if words.get(k, 0) > 0:
            words[k] -= 1
            return True
    return False
