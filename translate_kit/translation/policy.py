"""Which glossary entries are protected before the first engine call, and which are verified first.

Every entry has a *kind* (:func:`entry_kind`):

- ``verbatim`` — the English form is the source form (``no-translate``: names such as Kim Jong Un, media
  such as Rodong Sinmun, acronyms such as ASEAN): there is nothing for the engine to translate, only to copy;
- ``code`` — a designation with a digit (Hwasong-11, G20): a model splits or "corrects" what it cannot know;
- ``term`` — everything else (Korut → North Korea, Kemlu → Foreign Ministry): a real model is often right
  about the common ones and inflects them ("North Korean officials"), so its own output is kept where it
  carries an accepted form.

Default policy (:data:`PROTECT_BY_KIND`): ``verbatim`` and ``code`` entries are protected up front with a
placeholder (restored to the exact form, so the English around them cannot bend it); ``term`` entries are
translated unconstrained first and escalate only when the output fails. A per-entry flag overrides the kind:
``#, protect`` (always protect up front) or ``#, verify-first`` (never). Why these defaults: protecting a
verbatim form loses nothing (its only English inflection, the possessive, survives a placeholder) and spares
the escalation round a mangled name would cost; protecting a term throws the model's grammar away
("ZX1 officials" must be rebuilt as "North Korean officials") — see bench/bench_enforce.py for the
measured engine-token factors of the two policies.
"""

from __future__ import annotations

import re

from ..glossary.model import Entry

PROTECT_FLAG = "protect"
VERIFY_FIRST_FLAG = "verify-first"
VERBATIM, CODE, TERM = "verbatim", "code", "term"
PROTECT_BY_KIND = {VERBATIM: True, CODE: True, TERM: False}
_DIGIT = re.compile(r"\d")


def entry_kind(entry: Entry) -> str:
    if _DIGIT.search(entry.source) and (entry.no_translate or entry.preferred == entry.source):
        return CODE
    if entry.no_translate or entry.preferred == entry.source:
        return VERBATIM
    return TERM


def protect_up_front(entry: Entry, by_kind: dict[str, bool] | None = None) -> bool:
    """True when ``entry`` is protected before the first engine call (flag first, then its kind)."""
    if PROTECT_FLAG in entry.flags:
        return True
    if VERIFY_FIRST_FLAG in entry.flags:
        return False
    return (by_kind or PROTECT_BY_KIND).get(entry_kind(entry), False)


_PLACEHOLDER_LIKE = re.compile(r"(?<![0-9A-Za-z])[Zz] ?[Xx] ?\d{1,3}(?!\d)")


def enforcement_warnings(entries) -> tuple[list[Entry], list]:
    """The entries that can be enforced, and a report warning (file:line) for each one that cannot or that
    enforcement treats specially: an empty preferred form (not enforced), an admitted or forbidden form
    equal to the preferred one, a source form that reads like a placeholder (protected inline)."""
    from ..errors import Diagnostic

    usable, diags = [], []

    def warn(e: Entry, code: str, message: str) -> None:
        diags.append(Diagnostic("warning", code, f"{e.label()}: {message}", str(e.path) if e.path else None, e.line))

    for e in entries:
        if not e.preferred.strip():
            warn(e, "empty-preferred", "no English form (empty msgstr without no-translate): not enforced")
            continue
        usable.append(e)
        pref = e.preferred.casefold()
        if any(a.casefold() == pref for a in e.admitted):
            warn(e, "admitted-is-preferred", "an admitted form equals the preferred form (drop it)")
        if any(f.casefold() in {t.casefold() for t in e.target_forms} for f in e.forbidden):
            warn(e, "forbidden-is-accepted", "a forbidden form equals an accepted form: the accepted reading wins")
        if any(_PLACEHOLDER_LIKE.search(f) for f in e.source_forms):
            warn(
                e,
                "placeholder-like-term",
                "a source form reads like a placeholder: sentences with it are "
                "protected inline, never with placeholders",
            )
    return usable, diags
