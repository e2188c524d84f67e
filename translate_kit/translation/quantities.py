"""Numbers, dates and times as constraints: Indonesian formats in the source come out in English conventions
("11.000" → "11,000", "2,5 persen" → "2.5 percent", "pukul 02.45" → "02:45", "18-19 Juni 2024" →
"June 18-19, 2024", "Rp 5 juta" → "Rp 5 million"), verified with the checker's own number reader
(:func:`translate_kit.checks.numbers.compare`).

After the glossary ladder, each piece whose source holds a quantity is checked: a number the engine copied
in the Indonesian way (the source's own literal, "2,5") is rewritten the English way, Indonesian scale words,
"persen" and month names next to numbers are put in English, and an Indonesian day-month-year date is
reordered. The rewrite is kept only when the checker's reader then finds every source quantity in the
output; a quantity it still misses is ``flagged`` (reason ``number``). Every source quantity gets an
occurrence: ``natural``, ``enforced`` (method ``number-rendering``) or ``flagged``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import InvalidOperation

from ..checks.numbers import (
    EN_MONTHS,
    ID_MONTHS,
    compare,
    extract,
    has_digits,
    parse_number,
)
from .enforce import ENFORCED, FLAGGED, Occurrence, PieceResult

RENDERING = "number-rendering"
_EN_MONTH_NAMES = {i: m.capitalize() for m, i in EN_MONTHS.items() if not m.endswith(".")}
_ID_MONTH = "|".join(sorted(ID_MONTHS, key=len, reverse=True))
_DATE = re.compile(r"\b(\d{1,2}(?:\s*[-\u2013]\s*\d{1,2})?)\s+(" + _ID_MONTH + r")\s+(\d{4})\b", re.IGNORECASE)
_DAY_MONTH = re.compile(r"\b(\d{1,2})\s+(" + _ID_MONTH + r")\b(?!\s+\d)", re.IGNORECASE)
_MONTH = re.compile(r"\b(" + _ID_MONTH + r")\b", re.IGNORECASE)
_SCALES = {
    "ribu": "thousand",
    "juta": "million",
    "miliar": "billion",
    "milyar": "billion",
    "triliun": "trillion",
    "trilyun": "trillion",
    "persen": "percent",
}
_SCALE = re.compile(r"(\d)(\s*)(" + "|".join(_SCALES) + r")\b", re.IGNORECASE)
_DIGITS = re.compile(r"\d[\d.,]*\d|\d")
_SPACES = re.compile(r"\s+")


def _month(name: str) -> str:
    return _EN_MONTH_NAMES[ID_MONTHS[name.lower()]]


def english_number(token: str) -> str:
    """An Indonesian digit token written the English way ("11.000" → "11,000", "2,5" → "2.5")."""
    if "." not in token and "," not in token:
        return token
    try:
        value, _ = parse_number(token, "id")
    except InvalidOperation:
        return token
    whole, _, frac = format(value, "f").partition(".")
    if "," in token and "." not in token:
        frac = token.rsplit(",", 1)[1]  # keep the decimals as written ("2,50" → "2.50")
    grouped = f"{int(whole):,}" if len(whole) > 4 or "." in token else whole
    return grouped + ("." + frac if frac else "")


def english_conventions(source: str, text: str) -> str:
    """``text`` with the source's Indonesian-format quantities written in English conventions."""
    text = _DATE.sub(lambda m: f"{_month(m.group(2))} {_SPACES.sub('', m.group(1))}, {m.group(3)}", text)
    text = _DAY_MONTH.sub(lambda m: f"{_month(m.group(2))} {m.group(1)}", text)
    if _MONTH.search(text):
        text = _MONTH.sub(
            lambda m: _month(m.group(1)) if m.group(1)[0].isupper() or m.group(1).isupper() else m.group(1), text
        )
    text = _SCALE.sub(lambda m: m.group(1) + (m.group(2) or " ") + _SCALES[m.group(3).lower()], text)
    literals = {}
    for q in extract(source, "id"):
        for tok in _DIGITS.findall(q.text):
            if q.kind == "time" and "." in tok:
                literals[tok] = tok.replace(".", ":")
            elif tok not in literals:
                literals[tok] = english_number(tok)
    changes = {k: v for k, v in literals.items() if k != v}
    if changes:
        rx = re.compile(
            r"(?<![\d.,])(" + "|".join(map(re.escape, sorted(changes, key=len, reverse=True))) + r")(?![\d]|[.,]\d)"
        )
        text = rx.sub(lambda m: changes[m.group(1)], text)
    return text


def hold_numbers(results: Sequence[PieceResult]) -> None:
    """Check and render the quantities of every piece in place; add one occurrence per source quantity."""
    for r in results:
        if not has_digits(r.source):
            continue
        quantities = [q for q in extract(r.source, "id") if q.kind != "month"]
        if not quantities:
            continue
        old = r.text
        fixed = english_conventions(r.source, old)
        before, after = compare(r.source, r.text), compare(r.source, fixed)
        changed = fixed != r.text and len(after.missing) <= len(before.missing)
        diff = after if changed else before
        if changed:
            r.text = fixed
        missing = {(q.start, q.end) for q in diff.missing}
        for q in quantities:
            occ = Occurrence(q.text, None, q.start, q.end, kind="number")
            if (q.start, q.end) in missing:
                occ.verdict, occ.reason = FLAGGED, "number"
                occ.detail = f"{q.text!r} ({q.display()}) not found in the output"
            elif changed and q.text in old and q.text not in fixed:
                occ.verdict, occ.method = ENFORCED, RENDERING
            r.occurrences.append(occ)
