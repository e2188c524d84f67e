"""Looking terms up: ``glossary show`` (an entry and where it matches in a corpus) and ``glossary find``
(which entries match a piece of Indonesian or English text). Matching is :mod:`translate_kit.glossary.matching`'s."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..corpus import discover, read_document
from ..errors import Diagnostic
from .matching import Match, fold_form, source_matcher, target_matcher
from .model import Entry, Glossary


@dataclass(frozen=True)
class Occurrence:
    """Where an entry matched in a corpus file."""

    path: str
    line: int
    match: Match

    def __str__(self) -> str:
        m = self.match
        return f"{self.path}:{self.line}: {m.text + m.suffix!r} ({m.role} {m.form!r})"


def entries_for(glossary: Glossary, term: str) -> list[Entry]:
    """Entries with ``term`` as a source form (by each entry's case rule, then ignoring case); failing
    that, as an English form (any role, ignoring case)."""
    key = fold_form(term, lower=True)
    found = glossary.lookup(term) or [
        e for e in glossary.entries if any(fold_form(f, lower=True) == key for f in e.source_forms)
    ]
    if found:
        return found
    return [
        e for e in glossary.entries if any(fold_form(f, lower=True) == key for f in (*e.target_forms, *e.forbidden))
    ]


def describe(entry: Entry) -> list[str]:
    """Lines describing an entry: ``file:line: label`` then its forms, flags and notes."""
    lines = [f"{entry.ref}: {entry.label()}"]
    for name, values in (
        ("variants", entry.variants),
        ("admitted", entry.admitted),
        ("forbidden", entry.forbidden),
        ("flags", entry.flags),
        ("note", entry.notes),
    ):
        if values:
            lines.append(f"  {name}: {'; '.join(values)}")
    return lines


def corpus_occurrences(
    glossary: Glossary, entries: list[Entry], paths: list[Path]
) -> tuple[list[Occurrence], list[Diagnostic]]:
    """Where ``entries`` match in the corpus files/directories ``paths`` as a translation would see them:
    the whole glossary competes, so a longer entry covering the term takes the span."""
    wanted = {id(e) for e in entries}
    matcher = source_matcher(glossary.entries, include_fuzzy=any(e.fuzzy for e in entries))
    files, diags = discover(paths)
    found = []
    for path, rel in files:
        doc = read_document(path, rel)
        diags.extend(doc.diagnostics)
        for unit in doc.units:
            if unit.kind == "blank":
                continue
            for m in matcher.find(unit.text):
                if id(m.entry) in wanted:
                    found.append(Occurrence(str(path), unit.line + unit.text.count("\n", 0, m.start), m))
    return found, diags


def find_in_text(glossary: Glossary, text: str, lang: str = "auto") -> list[Match]:
    """Every occurrence of a glossary form in ``text``: Indonesian source forms (``lang`` id), English
    preferred/admitted/forbidden forms (en), or both (auto); fuzzy entries included, in text order."""
    found: list[Match] = []
    if lang in ("id", "auto"):
        found += source_matcher(glossary.entries, include_fuzzy=True).find_all(text)
    if lang in ("en", "auto"):
        found += target_matcher(glossary.entries, include_fuzzy=True).find_all(text)
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    return found


def describe_match(m: Match) -> str:
    return f"{m.start}-{m.end}: {m.text + m.suffix!r} → {m.entry.label()} ({m.role} {m.form!r}) at {m.entry.ref}"


REPORT_NAME = "report.json"


def is_run_directory(path: Path) -> bool:
    """True for a ``translate-kit translate`` output directory (it holds the run's ``report.json``)."""
    return Path(path).is_dir() and (Path(path) / REPORT_NAME).is_file()


def run_verdicts(entries: list[Entry], output_dir: Path) -> list[str]:
    """How a translate run held ``entries``: per entry one line of verdict counts, then each occurrence
    (``file:line: verdict (method or reason): sentence``), read from the run's ``report.json``."""
    import json

    from ..errors import InputError

    path = Path(output_dir) / REPORT_NAME
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
        occurrences = report.get("occurrences", [])
    except (OSError, ValueError, AttributeError) as exc:
        raise InputError(f"cannot read the run report: {exc}", path) from None
    lines = []
    for entry in entries:
        mine = [o for o in occurrences if isinstance(o, dict) and o.get("entry") == entry.label()]
        counts = {v: sum(1 for o in mine if o.get("verdict") == v) for v in ("natural", "enforced", "flagged")}
        lines.append(
            f"{entry.label()}: {len(mine)} occurrence(s) in {output_dir} — "
            + ", ".join(f"{n} {v}" for v, n in counts.items())
        )
        for o in mine:
            how = o.get("method") or o.get("reason") or ""
            lines.append(
                f"  {o.get('file')}:{o.get('line')}: {o.get('verdict')}{f' ({how})' if how else ''}: "
                f"{o.get('sentence')}"
            )
    return lines
