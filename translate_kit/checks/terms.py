"""Glossary term checks: missing, forbidden, untranslated and inconsistent terms, and proposed (fuzzy) entries.

All of them read the term accounting of :mod:`translate_kit.checks.context`; none matches terms itself.
"""

from __future__ import annotations

from .context import PairContext
from .registry import register

#: what the term checks read: the source's terms, then their accounting (see :attr:`Check.needs`)
TERMS = ("source_terms", "terms")


def _forms(entry) -> str:
    forms = entry.target_forms
    if not forms:  # an entry with an empty msgstr (load_glossary skips those; a hand-made Glossary may not)
        return "in English (the entry has no English form)"
    text = repr(forms[0])
    if len(forms) > 1:
        text += " (or " + ", ".join(repr(f) for f in forms[1:]) + ")"
    return text


@register("missing-term", "error", needs=TERMS)
def missing_term(ctx: PairContext):
    """A source term is present but neither its preferred nor an admitted English form is."""
    if not ctx.source_terms:
        return ()
    acc = ctx.terms
    missing = acc.missing()
    if not missing:
        return ()
    lacking: dict = {}
    for entry, _ in missing:
        lacking[entry] = lacking.get(entry, 0) + 1
    out = []
    for entry, m in missing:
        n = len(acc.source[entry])
        found = (
            "not found in the translation"
            if n == 1
            else f"{lacking[entry]} of {n} occurrences missing in the translation (each needs a rendering)"
        )
        out.append(
            ctx.violation(
                "missing-term",
                f"{m.text!r} ({entry.ref}) should be rendered {_forms(entry)}; {found}",
                source_span=m.span,
                entry=entry,
            )
        )
    return out


@register("forbidden-term", "error", needs=TERMS)
def forbidden_term(ctx: PairContext):
    """A forbidden English form of a term present in the source."""
    if not ctx.source_terms:
        return ()
    out = []
    for m in ctx.terms.forbidden:
        src = ctx.terms.source[m.entry][0]
        out.append(
            ctx.violation(
                "forbidden-term",
                f"{src.text!r} ({m.entry.ref}) should be rendered {m.entry.preferred!r}; "
                f"found {m.text!r}, a forbidden form",
                source_span=src.span,
                target_span=m.span,
                entry=m.entry,
            )
        )
    return out


@register("untranslated-term", "error", needs=TERMS)
def untranslated_term(ctx: PairContext):
    """An Indonesian glossary term left in the English text."""
    out = []
    for m in ctx.terms.untranslated:
        occ = ctx.terms.source.get(m.entry)
        out.append(
            ctx.violation(
                "untranslated-term",
                f"Indonesian term {m.text!r} left in the translation; {m.entry.source!r} ({m.entry.ref}) "
                f"should be rendered {m.entry.preferred!r}",
                source_span=occ[0].span if occ else None,
                target_span=m.span,
                entry=m.entry,
            )
        )
    return out


@register("fuzzy-term", "info")
def fuzzy_term(ctx: PairContext):
    """A proposed (fuzzy) glossary entry would be violated: reported, never enforced."""
    if not ctx.analyzer.fuzzy:
        return ()
    acc = ctx.fuzzy_terms
    out = []
    for entry, m in acc.missing():
        out.append(
            ctx.violation(
                "fuzzy-term",
                f"{m.text!r} has a proposed glossary entry ({entry.ref}, fuzzy, not enforced): "
                f"it would be rendered {_forms(entry)}",
                source_span=m.span,
                entry=entry,
            )
        )
    for m in acc.forbidden:
        out.append(
            ctx.violation(
                "fuzzy-term",
                f"{m.text!r} is a forbidden form in a proposed glossary entry ({m.entry.ref}, fuzzy, "
                f"not enforced) for {m.entry.source!r} → {m.entry.preferred!r}",
                target_span=m.span,
                entry=m.entry,
            )
        )
    return out


#: endings of English adjectives and demonyms of place names (German, Chinese, Spanish, Iraqi, Icelandic,
#: French, Swiss, Greek, Filipino, Cypriot, Slovene, Monegasque, Turkmen, New Zealander, Spaniard…)
_ADJECTIVE_ENDINGS = (
    "an",
    "ese",
    "ish",
    "i",
    "ic",
    "ch",
    "ss",
    "ek",
    "ak",
    "ech",
    "ino",
    "ot",
    "ene",
    "que",
    "men",
    "er",
    "ard",
    "al",
    "ial",
)
#: further demonym endings, trusted on country entries only (Argentine, Dane, Finn, Briton, Kazakh, Kyrgyz,
#: Mosotho, Motswana, Burkinabe, Malagasy, Montenegrin, Nigerien, Manx, Seychellois, Swede, Tajik, Turk…)
_DEMONYM_ENDINGS = (
    "ine",
    "ane",
    "nn",
    "on",
    "kh",
    "iz",
    "yz",
    "tho",
    "ana",
    "abe",
    "asy",
    "rin",
    "ien",
    "anx",
    "ois",
    "ede",
    "ik",
    "urk",
    "atu",
)


def is_adjective_form(entry, form: str) -> bool:
    """Whether an accepted English form of ``entry`` is a grammatical form of the noun (its adjective or
    demonym: North Korean for North Korea, American for US, Spanish for Spain), which is the same rendering
    as the noun for consistency: its last word is capitalised and has an adjective or demonym ending, and the
    entry is a country (``msgctxt "country"``) or that word shares its first three letters with the last word
    of another accepted form whose other words are the same (North Korean / North Korea)."""
    if form == entry.preferred:
        return False
    words = form.split()
    last = words[-1] if words else ""
    if len(last) < 4 or not last[0].isupper() or last.isupper():
        return False
    if entry.context == "country":
        return last.endswith(_ADJECTIVE_ENDINGS) or last.endswith(_DEMONYM_ENDINGS)
    if not last.endswith(_ADJECTIVE_ENDINGS):
        return False
    stem = last[:3].lower()
    return any(
        f != form and f.split() and f.split()[-1][:3].lower() == stem and f.split()[:-1] == words[:-1]
        for f in entry.target_forms
    )


@register("inconsistent-term", "warning", scope="document", needs=TERMS)
def inconsistent_term(contexts: list[PairContext]):
    """The same source term rendered with different accepted forms across a document (or the batch); a noun
    and its own adjective (North Korea, North Korean) are one rendering."""
    uses: dict = {}
    adjective: dict = {}
    for ctx in contexts:
        if ctx.pair.source is None or ctx.pair.target is None or not ctx.source_terms:
            continue
        for entry, matches in ctx.terms.accepted.items():
            for m in matches:
                key = (entry, m.form)
                grammatical = adjective.get(key)
                if grammatical is None:
                    grammatical = adjective[key] = is_adjective_form(entry, m.form)
                if not grammatical:
                    uses.setdefault(entry, []).append((ctx, m))
    out = []
    for entry, occ in uses.items():
        if len(occ) < 2:
            continue
        counts: dict[str, int] = {}
        for _, m in occ:
            counts[m.form] = counts.get(m.form, 0) + 1
        if len(counts) < 2:
            continue
        main = max(counts, key=lambda f: counts[f])  # ties: the first form used (dicts keep insertion order)
        for ctx, m in occ:
            if m.form != main:
                where = "the batch" if ctx.config.scope == "batch" else "this document"
                src = ctx.terms.source[entry][0]
                out.append(
                    ctx.violation(
                        "inconsistent-term",
                        f"{entry.source!r} ({entry.ref}) is rendered {main!r} {counts[main]} time(s) in {where} "
                        f"but {m.text!r} here",
                        source_span=src.span,
                        target_span=m.span,
                        entry=entry,
                    )
                )
    return out
