"""Merging imported entries into the glossary: plan first (pure), then apply all-or-nothing.

Each imported entry is compared with the glossary (and with the entries imported before it) through the
source-form claims that lint and editing use (:mod:`translate_kit.glossary.claims`), in a compatible context
(an import without a context meets every context):

- *new*: no entry claims its source form → added to the ``--into`` file;
- *identical*: an entry with the same preferred English form already says everything it says → skipped;
- *addition*: same concept (same preferred form) with forms, notes or flags the glossary lacks → reported,
  merged into the existing entry only when asked (``merge_forms``);
- *conflict*: the source form belongs to an entry with a different preferred form, a form it brings is claimed
  by another concept, or it forbids a form the glossary accepts (or the reverse) → reported, never written.

:func:`apply_plan` stages every changed file in a temporary directory through
:mod:`translate_kit.glossary.edit` (so untouched entries keep their bytes), then replaces each real file
atomically; any error before that point leaves the glossary untouched.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..textio import atomic_write_bytes
from .claims import Claim, claims
from .edit import add_entry, remove_entry
from .model import Entry


@dataclass
class Conflict:
    imported: Entry
    existing: Entry | None
    message: str

    def __str__(self) -> str:
        return f"{self.imported.ref}: conflict: {self.message}"


@dataclass
class Addition:
    """What an imported entry adds to an existing entry of the same concept."""

    imported: Entry
    existing: Entry
    variants: list[str] = field(default_factory=list)
    admitted: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.variants or self.admitted or self.forbidden or self.notes or self.flags)

    def describe(self) -> str:
        parts = [
            f"{k} {', '.join(map(repr, v))}"
            for k, v in (
                ("variant", self.variants),
                ("admitted", self.admitted),
                ("forbidden", self.forbidden),
                ("note", self.notes),
                ("flag", self.flags),
            )
            if v
        ]
        return "; ".join(parts)

    def merged(self) -> Entry:
        e = self.existing
        return replace(
            e,
            variants=e.variants + self.variants,
            admitted=e.admitted + self.admitted,
            forbidden=e.forbidden + self.forbidden,
            notes=e.notes + self.notes,
            flags=e.flags + self.flags,
        )

    def __str__(self) -> str:
        return f"{self.imported.ref}: adds to {self.existing.label()!r} ({self.existing.ref}): {self.describe()}"


@dataclass
class ImportPlan:
    into: Path
    added: list[Entry] = field(default_factory=list)
    identical: list[tuple[Entry, Entry]] = field(default_factory=list)
    additions: list[Addition] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{len(self.added)} new, {len(self.identical)} identical, {len(self.additions)} with new "
            f"forms, {len(self.conflicts)} conflicts"
        )


def _compatible(imported: Entry, existing: Entry) -> bool:
    return imported.context is None or imported.context == existing.context


def _owners(form_claims: list[Claim], pool: list[tuple[Entry, list[Claim]]], imported: Entry) -> list[Entry]:
    """Entries of ``pool`` (in order) with a claim colliding with one of ``form_claims``."""
    out = []
    for entry, their in pool:
        if not _compatible(imported, entry):
            continue
        if any(mine.collides(t) for mine in form_claims for t in their):
            out.append(entry)
    return out


def plan_import(existing: list[Entry], imported: list[Entry], into: Path) -> ImportPlan:
    """Classify every imported entry against ``existing`` (the loaded glossary) and earlier imports."""
    plan = ImportPlan(into=Path(into))
    pool: list[tuple[Entry, list[Claim]]] = [(e, claims(e)) for e in existing]
    for imp in imported:
        imp_claims = claims(imp)
        source_claim = [c for c in imp_claims if c.form == imp.source]
        owners = _owners(source_claim, pool, imp)
        if not owners:
            _plan_new(plan, pool, imp, imp_claims)
            continue
        owner = owners[0]
        conflict = _owner_conflict(imp, owner)
        if conflict is not None:
            plan.conflicts.append(conflict)
            continue
        _plan_merge(plan, pool, imp, imp_claims, owner)
    return plan


def _plan_new(plan: ImportPlan, pool: list[tuple[Entry, list[Claim]]], imp: Entry, imp_claims: list[Claim]) -> None:
    """Add an entry whose source form nobody owns, unless one of its variants is taken."""
    taken = [(c.form, o) for c in imp_claims[1:] for o in _owners([c], pool, imp)]
    if taken:
        form, other = taken[0]
        plan.conflicts.append(
            Conflict(
                imp,
                other,
                f"variant {form!r} of {imp.label()!r} is already a source form of {other.label()!r} ({other.ref})",
            )
        )
        return
    plan.added.append(imp)
    pool.append((imp, imp_claims))


def _owner_conflict(imp: Entry, owner: Entry) -> Conflict | None:
    """The conflict between an imported entry and the entry owning its source form, if any."""
    if owner.preferred != imp.preferred:
        return Conflict(imp, owner, f"{imp.label()!r} but the glossary has {owner.label()!r} ({owner.ref})")
    clash = [f for f in imp.forbidden if f in owner.target_forms] + [
        a for a in imp.target_forms if a in owner.forbidden
    ]
    if clash:
        return Conflict(
            imp,
            owner,
            f"{clash[0]!r} is accepted by one side and forbidden by the other ({owner.label()!r}, {owner.ref})",
        )
    return None


def _plan_merge(
    plan: ImportPlan, pool: list[tuple[Entry, list[Claim]]], imp: Entry, imp_claims: list[Claim], owner: Entry
) -> None:
    """Record what an imported entry adds to its owner (or that it is identical, or a variant conflict)."""
    owner_claims = claims(owner)
    add = Addition(imp, owner)
    for c in imp_claims:
        # a form the entry already has, spelled the same, is not new (flat formats drop case-sensitive)
        if c.form not in owner.source_forms and not any(o.covers(c) for o in owner_claims):
            others = [o for o in _owners([c], pool, imp) if o is not owner]
            if others:
                plan.conflicts.append(
                    Conflict(
                        imp,
                        others[0],
                        f"variant {c.form!r} is already a source form of {others[0].label()!r} ({others[0].ref})",
                    )
                )
                return
            add.variants.append(c.form)
    add.admitted = [a for a in imp.target_forms if a not in owner.target_forms]
    add.forbidden = [f for f in imp.forbidden if f not in owner.forbidden]
    add.notes = [n for n in imp.notes if n not in owner.notes]
    add.flags = [f for f in imp.flags if f not in owner.flags and f != "fuzzy"]
    if add:
        plan.additions.append(add)
        pool.append((add.merged(), claims(add.merged())))
    else:
        plan.identical.append((imp, owner))


def apply_plan(plan: ImportPlan, glossary_dir: Path, merge_forms: bool = False) -> list[Path]:
    """Write the plan's new entries (and, with ``merge_forms``, its additions); return the files changed.

    Conflicts are never written. Every change is made on staged copies first; the real files are replaced
    (atomically, one by one) only once all of them succeeded.
    """
    glossary_dir = Path(glossary_dir)
    into = plan.into if plan.into.is_absolute() or plan.into.parent != Path(".") else glossary_dir / plan.into
    with tempfile.TemporaryDirectory(prefix="translate-kit-import-") as tmp:
        stage = Path(tmp)
        staged: dict[Path, Path] = {}

        def staged_copy(real: Path) -> Path:
            if real not in staged:
                copy = stage / f"{len(staged)}-{real.name}"
                if real.exists():
                    shutil.copyfile(real, copy)
                staged[real] = copy
            return staged[real]

        if merge_forms:
            for add in plan.additions:
                path = staged_copy(Path(add.existing.path))
                remove_entry(path, add.existing.source, add.existing.context)
                add_entry(path, _clean(add.merged()), force=True, glossary_dir=stage)
        if plan.added:
            path = staged_copy(into)
            for entry in plan.added:
                add_entry(path, _clean(entry), glossary_dir=stage)
        for real, copy in staged.items():
            atomic_write_bytes(real, copy.read_bytes())
        return list(staged)


def _clean(entry: Entry) -> Entry:
    """The entry without its import location (the file it came from is not the PO file it goes to)."""
    return replace(entry, path=None, line=None)
