"""number-mismatch: numbers, amounts, percentages, dates and times that differ (see translate_kit.checks.numbers)."""

from __future__ import annotations

from itertools import zip_longest

from .context import PairContext
from .registry import register

_WHAT = {"number": "number", "percent": "percentage", "amount": "amount", "time": "time", "month": "month"}


@register("number-mismatch", "warning", needs=("numbers",))
def number_mismatch(ctx: PairContext):
    """A number, amount, percentage, date or time of the source that the translation renders differently."""
    diff = ctx.numbers
    if not diff.missing and not diff.extra:  # (NumberDiff.__bool__ without the call)
        return ()
    out = []
    for miss, extra in zip_longest(diff.missing, diff.extra):
        if miss is not None and extra is not None:
            msg = f"{_WHAT[miss.kind]} {_shown(miss)} in the source is rendered {_shown(extra)} in the translation"
        elif miss is not None:
            msg = f"{_WHAT[miss.kind]} {_shown(miss)} in the source is not in the translation"
        else:
            msg = f"{_WHAT[extra.kind]} {_shown(extra)} in the translation is not in the source"
        out.append(
            ctx.violation(
                "number-mismatch",
                msg,
                source_span=miss.span if miss else None,
                target_span=extra.span if extra else None,
            )
        )
    return out


def _shown(q) -> str:
    """The quantity as written, with its reading when that says more: '2024' (a year reads as written),
    '11.000' (11,000), 'lima' (5)."""
    if q.text.isdigit() and q.kind == "number":
        return repr(q.text)
    return f"{q.text!r} ({q.display()})"
