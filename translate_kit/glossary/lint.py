"""``glossary lint``: every problem of a glossary directory (or of some PO files) as file:line findings.

Errors (the glossary is wrong; CI fails):
  ``po-syntax``          the file cannot be parsed (checking goes on with the other files)
  ``wrong-language``     the header has no ``Language`` or one other than ``id``
  ``empty-target``       an enforced (not fuzzy, not no-translate) entry with an empty msgstr
  ``duplicate-entry``    the same msgid + msgctxt twice (every location is reported)
  ``conflicting-source`` two entries claim the same source form (msgid or variant) in different contexts
                         (the matcher ignores msgctxt: one form, one entry), or in one context with different
                         English forms; forms collide as the matcher sees them: folded, and
                         case-insensitively unless both entries are case-sensitive (both locations reported)
  ``forbidden-accepted`` a forbidden form equal (after folding) to the preferred or an admitted form
  ``unknown-flag`` / ``unknown-comment-key``
  ``merge-conflict``     a ``#. conflict:`` line the glossary merge driver left where both branches changed a
                         field differently (or one deleted the entry the other changed); also in a header
  ``conflicting-flags``  both ``protect`` and ``verify-first`` (the per-entry overrides of the translate
                         policy: protect the term before the first engine call, or never)
  ``case-mismatch``      a case-sensitive entry with a source form (msgid or variant) that has no upper-case
                         letter: "case-sensitive" claims a casing that differs from lower case, so an
                         all-lower-case (or caseless) case-sensitive form is contradictory
  ``empty-msgid``        ``msgid ""`` inside a context (only the header may have an empty msgid)
  ``control-character``  a NUL byte or another control character in a form or context
  ``too-long``           a form over :data:`MAX_TERM_CHARS` characters: sentences are cut at 1,000 characters
                         before matching, so it could never be applied
Warnings (worth a look; CI fails only with ``--strict``):
  ``unreachable-form``   a source form that can never be matched: an entry earlier in glossary order (files by
                         name, entries in file order) has a form that covers it — the same text after folding,
                         where a case-insensitive form covers every casing and a case-sensitive one only its
                         own. The matcher keeps the longest match and gives ties to the earlier entry, so only
                         an equal form can win every time (a longer entry cannot: the shorter form may always
                         occur on its own). Across contexts this is a ``conflicting-source`` error.
  ``near-duplicate-form`` two source forms (or two accepted English forms) of one entry that differ only by
                         case or spacing (case counts for a case-sensitive entry), or a form repeated
  ``no-translate-target`` a no-translate entry whose msgstr is set and differs from its msgid
  ``whitespace``         leading, trailing, doubled or non-space whitespace in a form or context
  ``non-nfc``            text that is not in Unicode NFC
  ``no-entries``         a file with no entries (translate would run as if it were not there)
Not checked: fuzzy entries older than the file's last release (it needs the git history).
A pre-commit run passes only the changed files, so cross-file checks see those files only; CI lints the
whole directory.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import polib

from ..errors import Diagnostic, GlossaryError
from ..textio import decode_text, parse_po, read_bytes
from .canonical import fix_file, render_entry
from .claims import Claim, claims, fold_form
from .locking import glossary_lock
from .model import Entry
from .pofile import SOURCE_LANGUAGE, entry_from_po, glossary_files, read_po

_ODD_SPACE = re.compile(r"^\s|\s$|\s\s|[^\S ]")


@dataclass
class LintResult:
    """Findings of one lint run, sorted by file and line."""

    findings: list[Diagnostic] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    entries: int = 0

    @property
    def errors(self) -> list[Diagnostic]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [f for f in self.findings if f.severity == "warning"]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))

    def summary(self) -> str:
        return (
            f"{len(self.files)} file(s), {self.entries} entries: {len(self.errors)} error(s), "
            f"{len(self.warnings)} warning(s)"
        )

    def to_text(self) -> str:
        return "".join(f"{f}\n" for f in self.findings) + self.summary() + "\n"

    def to_dict(self) -> dict:
        return {
            "files": [str(p) for p in self.files],
            "entries": self.entries,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "findings": [f.to_dict() for f in self.findings],
        }


def lint_targets(target: str | Path | Iterable[str | Path]) -> list[Path]:
    """The PO files to lint: every ``*.po`` of a directory, or the files given (all must exist)."""
    if isinstance(target, (str, Path)):
        return glossary_files(target)
    files = []
    for t in target:
        files.extend(glossary_files(t))
    return list(dict.fromkeys(files))


def lint(target: str | Path | Iterable[str | Path]) -> LintResult:
    """Lint a glossary directory, one PO file, or several paths (files or directories).

    A missing path raises :class:`GlossaryError` (a usage error); problems inside files are findings.
    """
    files = lint_targets(target)
    result = LintResult(files=files)
    entries: list[tuple[Entry, list[Claim]]] = []
    for path in files:
        file_entries, findings = _lint_file(path)
        entries.extend(file_entries)
        result.findings.extend(findings)
    result.entries = len(entries)
    result.findings.extend(_duplicates([e for e, _ in entries]))
    result.findings.extend(_claim_findings([(e, c) for e, c in entries if e.enforced]))
    order = {str(p): i for i, p in enumerate(files)}
    result.findings.sort(key=lambda f: (order.get(f.path or "", -1), f.line or 0, f.severity != "error", f.code))
    return result


def fix(target: str | Path | Iterable[str | Path]) -> list[Path]:
    """Rewrite the files in canonical form; returns those that changed. Unparsable files are left alone
    (lint reports them). Each file is read and rewritten under its directory's edit lock."""
    changed = []
    for path in lint_targets(target):
        with glossary_lock(path.parent):  # a lock timeout is an error, not an unparsable file
            try:
                if fix_file(path):
                    changed.append(path)
            except GlossaryError:
                continue
    return changed


def entry_findings(entry: Entry) -> list[Diagnostic]:
    """What lint reports about ``entry`` on its own, as it would stand in a file (its canonical text parsed
    back): unknown flags and comment keys, empty target, forbidden-accepted, case-mismatch (errors) and the
    single-entry warnings. ``glossary add`` runs this before it writes anything."""
    text = render_entry(entry)
    po_entry = next(iter(parse_po(text, entry.path or "new entry", error=GlossaryError)))
    parsed, diags = entry_from_po(po_entry, entry.path)
    parsed.line = entry.line
    out = [Diagnostic("error", d.code, d.message, d.path, entry.line) for d in diags]
    return out + _entry_findings(parsed, po_entry, claims(parsed))


# -- one file ---------------------------------------------------------------------------------------------------
def _lint_file(path: Path) -> tuple[list[tuple[Entry, list[Claim]]], list[Diagnostic]]:
    try:
        po = read_po(path)
    except GlossaryError as exc:
        return [], [Diagnostic("error", "po-syntax", exc.message, exc.path, exc.line)]
    findings = _header_findings(path, po)
    entries = []
    for po_entry in po:
        if po_entry.obsolete:
            continue
        entry, diags = entry_from_po(po_entry, path)
        findings.extend(Diagnostic("error", d.code, d.message, d.path, d.line) for d in diags)
        entry_claims = claims(entry)
        findings.extend(_entry_findings(entry, po_entry, entry_claims))
        findings.extend(_hostile_findings(entry))
        entries.append((entry, entry_claims))
    if not entries:
        findings.append(Diagnostic("warning", "no-entries", "glossary file has no entries", str(path)))
    return entries, findings


#: the longest form lint accepts (the segmenter cuts sentences at 1,000 characters)
MAX_TERM_CHARS = 1000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _hostile_findings(e: Entry) -> list[Diagnostic]:
    """What no glossary entry should hold: an empty msgid, control characters, forms too long to match."""
    out: list[Diagnostic] = []
    where = (str(e.path), e.line)
    if not e.source:
        out.append(
            Diagnostic(
                "error",
                "empty-msgid",
                f"entry in context {e.context!r} has an empty msgid (only the header may)",
                *where,
            )
        )
    for label, text in _forms(e):
        if _CONTROL.search(text):
            char = _CONTROL.search(text).group()
            out.append(
                Diagnostic(
                    "error",
                    "control-character",
                    f"{label} {text[:40]!r} of {e.source[:40]!r} holds the control character {char!r}",
                    *where,
                )
            )
        if len(text) > MAX_TERM_CHARS:
            out.append(
                Diagnostic(
                    "error",
                    "too-long",
                    f"{label} of {e.source[:40]!r}… is {len(text):,} "
                    f"characters (over {MAX_TERM_CHARS:,}: it could never match)",
                    *where,
                )
            )
    return out


def _header_findings(path: Path, po: polib.POFile) -> list[Diagnostic]:
    conflicts = [
        Diagnostic(
            "error",
            "merge-conflict",
            f"unresolved merge conflict in the header: "
            f"{line.strip()[len('conflict:') :].strip()} (settle it, then delete the conflict line)",
            str(path),
            1,
        )
        for line in (po.header or "").split("\n")
        if line.strip().startswith("conflict:")
    ]
    return conflicts + _language_findings(path, po)


def _language_findings(path: Path, po: polib.POFile) -> list[Diagnostic]:
    lang = (po.metadata.get("Language") or "").strip()
    if lang and lang.replace("-", "_").split("_")[0].lower() == SOURCE_LANGUAGE:
        return []
    line = None
    data = read_bytes(path, what="glossary file", error=GlossaryError)
    for no, text in enumerate(decode_text(data, path, error=GlossaryError, allow_empty=True).split("\n"), 1):
        if text.startswith('"Language:'):
            line = no
            break
    message = (
        f"header Language is {lang!r}; glossary files must be Language: {SOURCE_LANGUAGE}"
        if lang
        else f"header has no Language (glossary files must be Language: {SOURCE_LANGUAGE})"
    )
    return [Diagnostic("error", "wrong-language", message, str(path), line)]


def _flag_findings(e: Entry, name: str) -> list[Diagnostic]:
    """``protect`` and ``verify-first`` together contradict each other (translate's per-entry policy)."""
    if "protect" in e.flags and "verify-first" in e.flags:
        return [
            Diagnostic(
                "error",
                "conflicting-flags",
                f"entry {name} is flagged both protect and verify-first (keep one)",
                str(e.path),
                e.line,
            )
        ]
    return []


def _entry_findings(e: Entry, po_entry: polib.POEntry, entry_claims: list[Claim]) -> list[Diagnostic]:
    name = repr(e.source)
    out = _basic_findings(e, name)
    out += _flag_findings(e, name)
    out += _form_findings(e, name)
    out += _duplicate_findings(e, name, entry_claims)
    out += _text_findings(e, po_entry, name)
    return out


def _diag(e: Entry, severity: str, code: str, message: str) -> Diagnostic:
    return Diagnostic(severity, code, message, str(e.path), e.line)


def _basic_findings(e: Entry, name: str) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for conflict in e.conflicts:
        out.append(
            _diag(
                e,
                "error",
                "merge-conflict",
                f"unresolved merge conflict on {name}: {conflict} (settle the entry, then delete the conflict line)",
            )
        )
    if e.enforced and not e.no_translate and not e.target.strip():
        out.append(
            _diag(
                e, "error", "empty-target", f"entry {name} has an empty msgstr (give the English form or mark it fuzzy)"
            )
        )
    return out


def _form_findings(e: Entry, name: str) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    lower = not e.case_sensitive
    accepted = {fold_form(t, lower): t for t in e.target_forms} if e.forbidden else {}
    for form in e.forbidden:
        same = accepted.get(fold_form(form, lower))
        if same is not None:
            role = "preferred" if same == e.preferred else "admitted"
            msg = f"forbidden form {form!r} of {name} equals its {role} form {same!r}"
            out.append(_diag(e, "error", "forbidden-accepted", msg))

    if e.case_sensitive:
        for form in [e.source, *e.variants]:
            if not any(c.isupper() for c in form):
                out.append(
                    _diag(
                        e,
                        "error",
                        "case-mismatch",
                        f"case-sensitive entry {name} has the form {form!r} with no "
                        "upper-case letter (drop the flag or fix the case)",
                    )
                )
    return out


def _duplicate_findings(e: Entry, name: str, entry_claims: list[Claim]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    lower = not e.case_sensitive
    # the source forms come folded in the claims (one per distinct form): compare those
    source_keys = [(c.form, c.lower if c.exact is None else c.exact) for c in entry_claims]
    target_keys = [(f, fold_form(f, lower)) for f in (e.target, *e.admitted)] if e.admitted else []
    for kind, keyed in (("source", source_keys), ("English", target_keys)):
        out += _near_duplicates(e, name, kind, keyed, lower)
        if kind == "source":  # claims hold each distinct form once: repeats are counted on the raw list
            for repeated in _repeats([e.source, *e.variants]):
                msg = f"source form {repeated!r} of {name} is repeated"
                out.append(_diag(e, "warning", "near-duplicate-form", msg))
    return out


def _near_duplicates(e: Entry, name: str, kind: str, keyed: list[tuple[str, str]], lower: bool) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    seen: dict[str, str] = {}
    for form, key in keyed:
        if not key:
            continue
        if key not in seen:
            seen[key] = form
            continue
        first = seen[key]
        how = (
            "is repeated"
            if first == form
            else f"differs from {first!r} only by {'case or spacing' if lower else 'spacing'}"
        )
        out.append(_diag(e, "warning", "near-duplicate-form", f"{kind} form {form!r} of {name} {how}"))
    return out


def _text_findings(e: Entry, po_entry: polib.POEntry, name: str) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    if e.no_translate and e.target and e.target != e.source:
        out.append(
            _diag(
                e,
                "warning",
                "no-translate-target",
                f"no-translate entry {name} has msgstr {e.target!r}; it is kept as {e.source!r}",
            )
        )

    odd = [label for label, text in _forms(e) if text and _ODD_SPACE.search(text)]
    if odd:
        out.append(
            _diag(
                e,
                "warning",
                "whitespace",
                f"odd whitespace (leading, trailing, doubled or not a space) in {', '.join(dict.fromkeys(odd))} of {name}",
            )
        )

    texts = (po_entry.msgid, po_entry.msgstr, po_entry.msgctxt or "", po_entry.comment or "", po_entry.tcomment or "")
    if not all(unicodedata.is_normalized("NFC", t) for t in texts):
        out.append(_diag(e, "warning", "non-nfc", f"entry {name} has text that is not in Unicode NFC"))
    return out


def _repeats(forms: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for f in forms:
        if f in seen and f:
            out.append(f)
        seen.add(f)
    return out


def _forms(e: Entry) -> Iterable[tuple[str, str]]:
    yield "msgid", e.source
    yield "msgstr", e.target
    if e.context is not None:
        yield "msgctxt", e.context
    for label, values in (("variant", e.variants), ("admitted", e.admitted), ("forbidden", e.forbidden)):
        for v in values:
            yield label, v


# -- across entries ---------------------------------------------------------------------------------------------
def _duplicates(entries: list[Entry]) -> list[Diagnostic]:
    by_key: dict[tuple[str | None, str], list[Entry]] = defaultdict(list)
    for e in entries:
        by_key[e.key].append(e)
    out = []
    for (ctx, source), group in by_key.items():
        if len(group) < 2:
            continue
        for e in group:
            others = ", ".join(o.ref for o in group if o is not e)
            where = f" in context {ctx!r}" if ctx is not None else ""
            out.append(
                Diagnostic(
                    "error",
                    "duplicate-entry",
                    f"duplicate entry for {source!r}{where} (also at {others})",
                    str(e.path),
                    e.line,
                )
            )
    return out


def _claim_findings(entries: list[tuple[Entry, list[Claim]]]) -> list[Diagnostic]:
    """Conflicting and unreachable source forms, in one pass over the forms grouped by folded text."""
    groups: dict[str, list[tuple[int, Claim]]] = defaultdict(list)
    for order, (_, entry_claims) in enumerate(entries):
        for claim in entry_claims:
            groups[claim.lower].append((order, claim))
    out = []
    for group in groups.values():
        if len(group) < 2 or all(c.entry is group[0][1].entry for _, c in group):
            continue
        conflicted: set[int] = set()  # ids of claims already reported as conflicting
        for _, a in group:
            rivals = [b for _, b in group if b.entry is not a.entry and claims_rival(a, b)]
            if rivals:
                conflicted.add(id(a))
                out.append(_conflict_finding(a, rivals))
        for order_b, b in group:
            if id(b) in conflicted:
                continue
            earlier = [a for order_a, a in group if order_a < order_b and a.entry is not b.entry]
            if any(a.entry.key == b.entry.key for a in earlier):
                continue  # a duplicate entry: reported as such
            winner = next((a for a in earlier if a.covers(b)), None)
            if winner is None:
                continue
            out.append(
                Diagnostic(
                    "warning",
                    "unreachable-form",
                    f"source form {b.form!r} of {b.entry.label()!r} can never match: "
                    f"{winner.form!r} of {winner.entry.label()!r} ({winner.entry.ref}) covers it "
                    "and comes first",
                    str(b.entry.path),
                    b.entry.line,
                )
            )
    return out


def claims_rival(a: Claim, b: Claim) -> bool:
    """Two claims that cannot both stand: the same text claimed in two contexts (the matcher ignores
    msgctxt, so one entry is dead there), or in one context with different English forms."""
    if b.entry.source == a.entry.source and b.entry.context == a.entry.context:
        return False  # a duplicate entry: reported as such
    if not a.collides(b):
        return False
    return b.entry.context != a.entry.context or b.entry.preferred != a.entry.preferred


def rival_pairs(entries: list[Entry]) -> set[tuple[tuple, tuple]]:
    """The (identity, identity) pairs of enforced entries whose source claims are rivals (the
    ``conflicting-source`` rule), each pair sorted."""
    groups: dict[str, list[Claim]] = defaultdict(list)
    for e in entries:
        if e.enforced:
            for claim in claims(e):
                groups[claim.lower].append(claim)
    pairs = set()
    for group in groups.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if a.entry is not b.entry and claims_rival(a, b):
                    pairs.add(tuple(sorted((a.entry.key, b.entry.key), key=repr)))
    return pairs


def _conflict_finding(a: Claim, rivals: list[Claim]) -> Diagnostic:
    others = ", ".join(f"{b.entry.label()!r} ({b.entry.ref})" for b in rivals)
    contexts = any(b.entry.context != a.entry.context for b in rivals)
    why = "; the matcher ignores msgctxt, so one form belongs to one entry across contexts" if contexts else ""
    return Diagnostic(
        "error",
        "conflicting-source",
        f"source form {a.form!r} of {a.entry.label()!r} is also claimed by {others}{why}",
        str(a.entry.path),
        a.entry.line,
    )
