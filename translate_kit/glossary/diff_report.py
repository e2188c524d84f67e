"""Renderings of a :class:`~translate_kit.glossary.diff.GlossaryDiff` (and its corpus impact): plain text for a
terminal, JSON (``schema_version`` 1) for tools, Markdown for a pull-request comment."""

from __future__ import annotations

import json

from .diff import EntryChange, GlossaryDiff
from .impact import Impact
from .model import Entry

SCHEMA_VERSION = 1


def _fields(change: EntryChange) -> str:
    parts = [f.describe() for f in change.fields]
    if change.moved:
        parts.insert(0, f"moved {change.before.path.name} → {change.after.path.name}")
    return "; ".join(parts)


def _name(e: Entry) -> str:
    return f"{e.source} [{e.context}]" if e.context else e.source


def _changed_name(c: EntryChange) -> str:
    return _name(c.before) if c.before.key == c.after.key else f"{_name(c.before)} ⇒ {_name(c.after)}"


# -- text --------------------------------------------------------------------------------------------------------
def to_text(diff: GlossaryDiff, impact: Impact | None = None) -> str:
    lines = [f"glossary diff {diff.before_label} → {diff.after_label}: {diff.summary()}"]
    lines += [f"file added: {n}" for n in diff.files_added] + [f"file removed: {n}" for n in diff.files_removed]
    lines += [f"header {h.file}: {h.key} {h.before!r} → {h.after!r}" for h in diff.headers]
    lines += [f"+ {e.label()}  ({e.ref})" for e in diff.added]
    lines += [f"- {e.label()}  ({e.ref})" for e in diff.removed]
    lines += [f"~ {_changed_name(c)}: {_fields(c)}  ({c.before.ref} → {c.after.ref})" for c in diff.changed]
    if impact is not None:
        lines += _impact_text(impact)
    return "\n".join(lines) + "\n"


def _impact_text(impact: Impact) -> list[str]:
    lines = [f"impact: {len(impact.changed)} of {impact.segments} corpus segments would change"]
    for item in impact.entries:
        counts = ", ".join(f"{n} {k}" for k, n in item.counts.items() if n)
        lines.append(f"  {item.label}: {item.segments} segment(s) ({counts})")
        lines += [
            f"    {r.segment.ref}: {r.entries[item.key]}: {r.describe(item.key)} | {_short(r.segment.text)}"
            for r in item.examples
        ]
    return lines


def _short(text: str, n: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


# -- JSON --------------------------------------------------------------------------------------------------------
def _entry_dict(e: Entry) -> dict:
    return {"msgctxt": e.context, "msgid": e.source, "msgstr": e.target, "ref": e.ref}


def to_dict(diff: GlossaryDiff, impact: Impact | None = None) -> dict:
    out = {
        "schema_version": SCHEMA_VERSION,
        "from": diff.before_label,
        "to": diff.after_label,
        "summary": {
            "added": len(diff.added),
            "removed": len(diff.removed),
            "changed": len(diff.changed),
            "moved": len(diff.moved),
        },
        "files_added": diff.files_added,
        "files_removed": diff.files_removed,
        "headers": [{"file": h.file, "key": h.key, "before": h.before, "after": h.after} for h in diff.headers],
        "added": [_entry_dict(e) for e in diff.added],
        "removed": [_entry_dict(e) for e in diff.removed],
        "changed": [
            {
                "before": _entry_dict(c.before),
                "after": _entry_dict(c.after),
                "moved": c.moved,
                "fields": [f.to_dict() for f in c.fields],
            }
            for c in diff.changed
        ],
    }
    if impact is not None:
        out["impact"] = {
            "segments": impact.segments,
            "changed_segments": len(impact.changed),
            "entries": [
                {
                    "msgctxt": i.key[0],
                    "msgid": i.key[1],
                    "label": i.label,
                    "segments": i.segments,
                    "counts": i.counts,
                    "examples": [
                        {
                            "ref": r.segment.ref,
                            "kind": r.entries[i.key],
                            "text": r.segment.text,
                            "change": r.describe(i.key),
                        }
                        for r in i.examples
                    ],
                }
                for i in impact.entries
            ],
            "diagnostics": [d.to_dict() for d in impact.diagnostics],
        }
    return out


def to_json(diff: GlossaryDiff, impact: Impact | None = None) -> str:
    return json.dumps(to_dict(diff, impact), ensure_ascii=False, indent=2) + "\n"


# -- Markdown ----------------------------------------------------------------------------------------------------
def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(diff: GlossaryDiff, impact: Impact | None = None) -> str:
    lines = [f"### Glossary changes: `{diff.before_label}` → `{diff.after_label}`", "", f"**{diff.summary()}**", ""]
    rows = [("added", _md(e.label()), "", f"`{e.ref}`") for e in diff.added]
    rows += [("removed", _md(e.label()), "", f"`{e.ref}`") for e in diff.removed]
    rows += [
        (
            "moved" if c.moved else "changed",
            _md(_changed_name(c)),
            _md(_fields(c)),
            f"`{c.before.ref}` → `{c.after.ref}`",
        )
        for c in diff.changed
    ]
    if rows:
        lines += ["| | entry | change | where |", "|---|---|---|---|"]
        lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    lines += [f"- header `{h.file}`: {h.key} `{h.before}` → `{h.after}`" for h in diff.headers]
    if impact is not None:
        lines += [
            "",
            f"#### Impact on the corpus: {len(impact.changed)} of {impact.segments} segments would change",
            "",
        ]
        if impact.entries:
            lines += ["| entry | segments | match | output | check | example |", "|---|---|---|---|---|---|"]
            for i in impact.entries:
                ex = i.examples[0] if i.examples else None
                example = f"`{ex.segment.ref}`: {_md(ex.describe(i.key))}" if ex else ""
                c = i.counts
                lines.append(
                    f"| {_md(i.label)} | {i.segments} | {c['match']} | {c['output']} | {c['check']} | {example} |"
                )
    return "\n".join(lines) + "\n"


RENDERERS = {"text": to_text, "json": to_json, "markdown": to_markdown}
