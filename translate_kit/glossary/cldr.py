"""Country and territory names from CLDR (through babel) as glossary entries: ``glossary/countries.po``.

    python -m translate_kit.glossary.cldr glossary/countries.po [--exclude DIR]

Every two-letter CLDR region becomes one entry: msgid the Indonesian name (``babel.Locale("id")``), msgstr
the English one (``babel.Locale("en")``), msgctxt ``country``, ``#. note: CLDR <code>``, flagged
``no-translate`` when both names are the same. Choices, so that the names help translation instead of
wrecking it:

- Not countries or territories, left out: EU, EZ (Eurozone), UN, QO (Outlying Oceania), XA/XB (pseudo
  locales), ZZ (unknown region). The EU and the UN are hand-written entries (abbreviations/organizations).
- Names a hand-written file already claims (msgid or variant, compared case-insensitively) are skipped, so
  the generated file never conflicts with them: Amerika Serikat, Korea Utara, Korea Selatan, Rusia,
  Ukraina, Tiongkok own adjective forms (``admitted: Russian``) in the hand-written files.
- babel carries no CLDR "short"/"variant" names, so news usage is applied by rule: " & " is written "and"
  ("dan"), "Kep." is "Kepulauan", "U.S." is "US" (the desk's style, as AS → US), a parenthesised part is
  dropped ("Myanmar (Burma)" → "Myanmar", Burma admitted), "Hong Kong SAR China" → "Hong Kong". A short
  table (``OVERRIDES``) gives the names news actually uses where CLDR's would never occur in text or is not
  the usual English: Kongo - Kinshasa → Republik Demokratik Kongo / Democratic Republic of the Congo,
  Côte d’Ivoire → Pantai Gading / Ivory Coast, Türkiye → Turkey, Czechia → Czech Republic, Vatican City →
  Vatican; the CLDR name stays as an admitted form.
- Names that are also ordinary Indonesian words are ``case-sensitive`` (``CASE_SENSITIVE``): kamboja is the
  frangipani flower, jersey a sports shirt.
- Adjectives and demonyms (CLDR has none) come from the ``countryinfo`` package's country data
  (:func:`demonyms`): "Germany" admits "German", "Indonesia" "Indonesian", "Spain" "Spanish", so a
  translation saying "the German government" or "Indonesian officials" renders the term. A demonym several
  regions share goes only to the owners in ``SHARED_DEMONYMS`` ("French" is France's, not Réunion's;
  "Chinese" China's, not Hong Kong's), a demonym equal to the name is dropped, and ``EXTRA_ADJECTIVES``
  adds the adjective where the data gives only the noun for a person ("Icelander" → also "Icelandic").
  A country name used as an adjective in Indonesian (bahasa Jepang, orang Belanda) is matched as the
  country, and its English adjective renders it.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import babel
from babel import Locale
from babel.core import get_cldr_version

from ..errors import TranslateKitError
from ..textio import atomic_write_text
from .model import Entry
from .pofile import entry_to_po, glossary_files, load_file, new_po_file

CONTEXT = "country"
#: CLDR region codes that are groupings, pseudo-regions or the unknown region, not countries/territories.
NOT_TERRITORIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})
#: code → (Indonesian name or None, English name or None, admitted English forms, note).
OVERRIDES: dict[str, tuple[str | None, str | None, tuple[str, ...], str]] = {
    "CD": (
        "Republik Demokratik Kongo",
        "Democratic Republic of the Congo",
        ("DR Congo",),
        "CLDR: Kongo - Kinshasa / Congo - Kinshasa.",
    ),
    "CG": (
        "Republik Kongo",
        "Republic of the Congo",
        ("Congo-Brazzaville",),
        "CLDR: Kongo - Brazzaville / Congo - Brazzaville.",
    ),
    "CI": ("Pantai Gading", "Ivory Coast", ("Côte d’Ivoire",), "Indonesian and English news usage."),
    "CZ": (None, "Czech Republic", ("Czechia",), "English news usage."),
    "GB": (None, None, ("Britain", "UK"), ""),
    "MM": (None, None, ("Burma",), ""),
    "MO": (None, None, ("Macau",), ""),
    "TL": (None, None, ("East Timor",), ""),
    "TR": (None, "Turkey", ("Türkiye",), "English news usage."),
    "VA": (None, "Vatican", ("Vatican City",), "English news usage."),
}
#: code → why the Indonesian name must match only as capitalised.
CASE_SENSITIVE = {
    "JE": "Case-sensitive: jersey is also a sports shirt.",
    "KH": "Case-sensitive: kamboja is also the frangipani flower.",
}

#: demonym → the codes that keep it when several regions' data give the same one (the others drop it)
SHARED_DEMONYMS = {
    "American": ("US",),
    "Chinese": ("CN",),
    "French": ("FR",),
    "Indian": ("IN",),
    "Norwegian": ("NO",),
    "Congolese": ("CD", "CG"),
    "Dominican": ("DM", "DO"),
}
#: code → adjectives the data lacks (it gives the noun for a person, or a rarer spelling)
EXTRA_ADJECTIVES: dict[str, tuple[str, ...]] = {
    "AR": ("Argentine", "Argentinian"),
    "CV": ("Cape Verdean",),
    "DK": ("Dane",),
    "EC": ("Ecuadorian",),
    "IS": ("Icelandic",),
    "KG": ("Kyrgyz",),
    "KZ": ("Kazakh",),
    "MV": ("Maldivian",),
    "NL": ("Dutchman",),
    "PH": ("Philippine",),
    "SA": ("Saudi",),
    "SE": ("Swede",),
    "SI": ("Slovenian",),
    "TJ": ("Tajik",),
    "UZ": ("Uzbek",),
    "GB": ("Briton",),
    "FI": ("Finn",),
    "TR": ("Turk",),
    "ES": ("Spaniard",),
}

_PARENS = re.compile(r"\s*\([^)]*\)")
_SAR = re.compile(r"\s+(?:DAK Tiongkok|SAR China)$")


def _indonesian(name: str) -> str:
    name = name.replace(" & ", " dan ").replace("Kep. ", "Kepulauan ")
    return _SAR.sub("", _PARENS.sub("", name)).strip()


def _english(name: str) -> str:
    name = name.replace(" & ", " and ").replace("U.S. ", "US ")
    return _SAR.sub("", _PARENS.sub("", name)).strip()


def demonyms() -> dict[str, list[str]]:
    """Region code → its English adjectives/demonyms, from the ``countryinfo`` package's data (see the module
    docstring for the rules applied)."""
    from countryinfo._cache import load_countries  # the package's own cached loader of its data files

    data = load_countries()
    raw: dict[str, list[str]] = {}
    for code, key in data["iso_index"].items():
        if len(code) != 2 or not code.isalpha():
            continue
        value = (data["countries"].get(key) or {}).get("demonym") or ""
        raw[code] = [d.strip() for d in value.split(",") if d.strip()]
    owners: dict[str, list[str]] = {}
    for code, names in raw.items():
        for name in names:
            owners.setdefault(name, []).append(code)
    out: dict[str, list[str]] = {}
    for code, names in raw.items():
        kept = [n for n in names if len(owners[n]) == 1 or code in SHARED_DEMONYMS.get(n, ())]
        out[code] = kept + [a for a in EXTRA_ADJECTIVES.get(code, ()) if a not in kept]
    for code, extra in EXTRA_ADJECTIVES.items():
        out.setdefault(code, list(extra))
    return out


def country_entries(exclude_sources: set[str] | frozenset[str] = frozenset()) -> list[Entry]:
    """One entry per CLDR country/territory, in canonical order, skipping Indonesian names in
    ``exclude_sources`` (compared case-insensitively)."""
    excluded = {s.casefold() for s in exclude_sources}
    id_names, en_names = Locale("id").territories, Locale("en").territories
    adjectives = demonyms()
    entries = []
    for code in sorted(id_names):
        if not (len(code) == 2 and code.isalpha() and code.isupper()) or code in NOT_TERRITORIES:
            continue
        if code not in en_names:
            continue
        id_cldr, en_cldr = id_names[code], en_names[code]
        id_override, en_override, admitted, why = OVERRIDES.get(code, (None, None, (), ""))
        source = id_override or _indonesian(id_cldr)
        target = en_override or _english(en_cldr)
        if source.casefold() in excluded or id_cldr.casefold() in excluded:
            continue
        notes = [f"CLDR {code}"] + [n for n in (why, CASE_SENSITIVE.get(code, "")) if n]
        flags = []
        if code in CASE_SENSITIVE:
            flags.append("case-sensitive")
        if source == target:
            flags.append("no-translate")
        forms = [a for a in dict.fromkeys((*admitted, *adjectives.get(code, ()))) if a != target]
        entries.append(
            Entry(source=source, target=target, context=CONTEXT, notes=notes, admitted=forms, flags=sorted(flags))
        )
    entries.sort(key=lambda e: (e.context or "", e.source.casefold(), e.source))
    return entries


def render(entries: list[Entry]) -> str:
    """The PO text of the generated file (header comment naming the generator and the CLDR version)."""
    po = new_po_file()
    po.header = (
        f"translate-kit glossary: countries and territories, generated from CLDR "
        f"{get_cldr_version()}\n(babel {babel.__version__}), adjectives from countryinfo "
        f"{_countryinfo_version()}, by\n"
        f"`python -m translate_kit.glossary.cldr`. Do not edit by hand:\n"
        f"change the hand-written files or the generator, then regenerate."
    )
    for entry in entries:
        po.append(entry_to_po(entry))
    return str(po)


def _countryinfo_version() -> str:
    from importlib.metadata import version

    return version("countryinfo")


def hand_written_sources(directory: str | Path, skip_name: str | None = None) -> set[str]:
    """Every source form (msgid and variants) of the ``*.po`` files in ``directory``, except the file named
    ``skip_name`` (the generated file itself)."""
    forms: set[str] = set()
    for path in glossary_files(directory):
        if path.name == skip_name:
            continue
        entries, _, _ = load_file(path)
        for entry in entries:
            forms.update(entry.source_forms)
    return forms


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m translate_kit.glossary.cldr",
        description="Write the CLDR country and territory names as a glossary PO file.",
    )
    parser.add_argument("output", type=Path, help="the PO file to write, e.g. glossary/countries.po")
    parser.add_argument(
        "--exclude",
        type=Path,
        metavar="DIR",
        help="glossary directory whose source forms are skipped, a file with the "
        "output's name excepted (default: the output's directory)",
    )
    args = parser.parse_args(argv)
    exclude_dir = args.exclude if args.exclude is not None else args.output.parent
    try:
        forms = (
            hand_written_sources(exclude_dir, skip_name=args.output.name)
            if args.exclude is not None or exclude_dir.is_dir()
            else set()
        )
        entries = country_entries(forms)
        atomic_write_text(args.output, render(entries))
    except TranslateKitError as exc:
        print(f"translate-kit: error: {exc}", file=sys.stderr)
        return 2
    print(f"{args.output}: {len(entries)} entries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
