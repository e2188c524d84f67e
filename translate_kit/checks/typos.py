"""source-typo: a probable misspelling of a glossary source form in the source (see :mod:`.typo_index`)."""

from __future__ import annotations

from ..glossary.matching import overlaps
from .context import PairContext
from .registry import register
from .typo_index import CAP_RUN, CAP_RUN_ASCII, MAX_PLANS, opens_sentence


@register("source-typo", "warning")
def source_typo(ctx: PairContext):
    """A probable misspelling of a glossary term in the source."""
    index = ctx.analyzer.typos
    if not index.active:
        return ()
    text = ctx.source_text
    plans = index.plans
    hot = False
    cap_run = CAP_RUN_ASCII if text.isascii() else CAP_RUN
    for run in cap_run.findall(text):
        plan = plans.get(run)
        if plan is None:
            if len(plans) >= MAX_PLANS:
                plans.clear()
            plan = plans[run] = index.plan(run)
        if plan:
            hot = True
    if not hot:  # the common case: no run holds a possible typo
        return ()
    out = []
    reported: list[tuple[int, int]] = []
    for run in cap_run.finditer(text):
        plan = plans.get(run.group()) or index.plan(run.group())
        if not plan:
            continue
        r0 = run.start()
        if r0 and (text[r0 - 1].isalnum() or text[r0 - 1] in "_'"):
            continue  # the run starts inside a word
        for s, e, entry, lone_first in plan:
            if lone_first and opens_sentence(text, r0):
                continue
            s, e = s + r0, e + r0
            if overlaps(s, e, reported) or overlaps(s, e, [m.span for m in ctx.source_terms]):
                continue
            reported.append((s, e))
            out.append(
                ctx.violation(
                    "source-typo",
                    f"{text[s:e]!r} looks like a misspelling of {entry.source!r} "
                    f"({entry.ref}, → {entry.preferred!r}); fix the source or add it as a variant",
                    source_span=(s, e),
                    entry=entry,
                    suggestion=entry.source,
                    target_side=False,
                )
            )
    return out
