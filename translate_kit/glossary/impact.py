"""What a glossary change will do to a corpus, without running the engine: ``glossary diff --impact``.

The seam: :func:`segment_impact` takes a :class:`ChangeSet` (the identities that changed, both versions of
those entries, and both whole glossaries on demand) and corpus :class:`Segment` s, and says for each segment that would change why, attributed to
the changed entries responsible. It is computed from the matcher (the one every command uses), so it is
exact about *matches* and conservative about *outputs*:

``match``   the longest-match terms found in the segment differ (an entry added, removed, a variant gained or
            lost, a longer entry now taking the span, a case flag changed): its translation will differ.
``output``  the same terms match, but one's enforced English form changed (msgstr, no-translate, fuzzy): the
            translation will differ.
``check``   the same terms with the same English form, but admitted or forbidden forms changed: what
            ``check`` accepts in the translation changes (and the repair step may render the term otherwise).

Notes and translator comments change nothing. A translation memory, when there is one, can answer the same
question from stored engine inputs: a function with :func:`segment_impact`'s signature returning the same
:class:`SegmentImpact` records, whose results :func:`summarize` counts the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..corpus import discover, read_document
from ..errors import Diagnostic
from .diff import GlossaryDiff
from .matching import (
    ID_SUFFIXES,
    Match,
    Matcher,
    fold_form,
    source_matcher,
    source_patterns,
)
from .model import Entry

#: fields whose change alters the enforced output, and those that alter what the checker accepts
OUTPUT_FIELDS = frozenset({"msgstr", "flag"})
CHECK_FIELDS = frozenset({"admitted", "forbidden"})
KINDS = ("match", "output", "check")


@dataclass(frozen=True)
class Segment:
    """One unit of a corpus file (a line of a .txt, an entry of a .po, a record of a .jsonl)."""

    path: str
    line: int
    text: str

    @property
    def ref(self) -> str:
        return f"{self.path}:{self.line}"


class ChangeSet:
    """What changed, by (msgctxt, msgid), with both versions of each changed entry (``touched``), and both
    whole glossaries in glossary order (``before``/``after``), loaded on first use only: a change that no
    segment can feel never needs them."""

    def __init__(
        self, changed: dict[tuple, set[str]], touched: list[Entry], load: Callable[[], tuple[list[Entry], list[Entry]]]
    ):
        #: identity → the fields that changed ("added"/"removed" for a whole entry, "moved")
        self.changed = changed
        self.touched = touched
        self._load = load
        self._sides: tuple[list[Entry], list[Entry]] | None = None

    @property
    def before(self) -> list[Entry]:
        return self._both()[0]

    @property
    def after(self) -> list[Entry]:
        return self._both()[1]

    def _both(self) -> tuple[list[Entry], list[Entry]]:
        if self._sides is None:
            self._sides = self._load()
        return self._sides

    @classmethod
    def from_diff(cls, diff: GlossaryDiff, load: Callable[[], tuple[list[Entry], list[Entry]]]) -> ChangeSet:
        changed: dict[tuple, set[str]] = {}
        for e in diff.added:
            changed[e.key] = {"added"}
        for e in diff.removed:
            changed[e.key] = {"removed"}
        for c in diff.changed:
            names = c.field_names() | ({"moved"} if c.moved else set())
            changed.setdefault(c.before.key, set()).update(names)
            changed.setdefault(c.after.key, set()).update(names)
        touched = [*diff.added, *diff.removed, *(e for c in diff.changed for e in (c.before, c.after))]
        return cls(changed, touched, load)


@dataclass
class SegmentImpact:
    """One segment the change alters: its strongest ``kind``, and each responsible changed entry's own."""

    segment: Segment
    kind: str  # "match" | "output" | "check"
    entries: dict[tuple, str]  # identity of a changed entry responsible → its kind of change here
    lost: list[Match] = field(default_factory=list)  # matches only before the change
    gained: list[Match] = field(default_factory=list)  # matches only after it
    #: (before, after) match at one span of an entry whose English forms changed
    terms: list[tuple[Match, Match]] = field(default_factory=list)

    def describe(self, key: tuple | None = None) -> str:
        """What changes in the segment; for ``key``, what that entry changes there (all the terms that a
        match change moves, then its own English forms)."""
        parts = []
        if key is None or self.entries.get(key) == "match":
            parts = [f"− {_term(m)}" for m in self.lost] + [f"+ {_term(m)}" for m in self.gained]
        for a, b in self.terms:
            if key is not None and b.entry.key != key:
                continue
            if a.entry.preferred != b.entry.preferred or a.entry.enforced != b.entry.enforced:
                note = "" if b.entry.enforced else " (now fuzzy: not enforced)"
                parts.append(f"{a.text!r}: {a.entry.preferred!r} ⇒ {b.entry.preferred!r}{note}")
            else:
                parts.append(f"{b.text!r}→{b.entry.preferred}: accepted/forbidden English forms changed")
        return ", ".join(parts)


def _term(m: Match) -> str:
    return f"{m.text!r}→{m.entry.preferred}"


@dataclass
class EntryImpact:
    key: tuple
    label: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    examples: list[SegmentImpact] = field(default_factory=list)

    @property
    def segments(self) -> int:
        return sum(self.counts.values())


@dataclass
class Impact:
    segments: int  # segments looked at
    changed: list[SegmentImpact]
    entries: list[EntryImpact]  # most segments first
    diagnostics: list[Diagnostic] = field(default_factory=list)


def corpus_segments(paths: list[Path]) -> tuple[list[Segment], list[Diagnostic]]:
    """The text units of the corpus files/directories ``paths`` (blank and boilerplate lines left out)."""
    files, diags = discover(paths)
    out = []
    for path, rel in files:
        doc = read_document(path, rel)
        diags.extend(doc.diagnostics)
        out.extend(Segment(str(path), u.line, u.text) for u in doc.units if u.kind == "text")
    return out, diags


def segment_impact(changes: ChangeSet, segments: Iterable[Segment]) -> Iterator[SegmentImpact]:
    """The segments whose matches or outputs the change alters, one record each."""
    if not changes.changed:
        return
    # a segment that can change holds a form of a changed entry (either version): a cheap first filter
    screen = Matcher(source_patterns(changes.touched), ID_SUFFIXES)
    candidates = [seg for seg in segments if screen.find_all(seg.text)]
    if not candidates:
        return
    # only entries that can occur in those segments take part in their longest-match choices: match with
    # them and the changed ones, each side in its own glossary order (the order breaks ties)
    tokens = _tokens(seg.text for seg in candidates)
    wanted = {e.key for e in changes.after if _may_occur(e, tokens)} | set(changes.changed)
    old = source_matcher([e for e in changes.before if e.key in wanted])
    new = source_matcher([e for e in changes.after if e.key in wanted])
    for seg in candidates:
        record = _compare(changes, seg, old.find(seg.text), new.find(seg.text))
        if record is not None:
            yield record


_WORD = re.compile(r"\w+")


def _tokens(texts: Iterable[str]) -> set[str]:
    """The words of ``texts`` folded as the matcher folds (lower-cased), each also without an Indonesian
    clitic it may end in."""
    out: set[str] = set()
    for text in texts:
        for word in _WORD.findall(fold_form(text, lower=True)):
            out.add(word)
            out.update(word[: -len(s)] for s in ID_SUFFIXES if word.endswith(s) and len(word) > len(s))
    return out


def _may_occur(entry: Entry, tokens: set[str]) -> bool:
    """False only when no source form of ``entry`` can match in a text of these words: a match starts on a
    word boundary, so a form's first word is a whole word of the text (or one with a clitic after it)."""
    for form in entry.source_forms:
        m = _WORD.match(fold_form(form, lower=True))
        if m is None or m.group() in tokens:
            return True
    return False


def _compare(changes: ChangeSet, seg: Segment, before: list[Match], after: list[Match]) -> SegmentImpact | None:
    a = {(m.start, m.end, m.entry.key): m for m in before}
    b = {(m.start, m.end, m.entry.key): m for m in after}
    lost = [m for k, m in a.items() if k not in b]
    gained = [m for k, m in b.items() if k not in a]
    kinds: dict[tuple, str] = {}
    if lost or gained:
        differ = list(dict.fromkeys(m.entry.key for m in (*lost, *gained)))
        kinds.update((k, "match") for k in ([k for k in differ if k in changes.changed] or differ))
    terms = []
    for k, m in b.items():
        fields = changes.changed.get(k[2], set())
        if k not in a or not fields & (OUTPUT_FIELDS | CHECK_FIELDS):
            continue
        old = a[k].entry
        if old.preferred != m.entry.preferred or old.enforced != m.entry.enforced:
            kind = "output"
        elif fields & CHECK_FIELDS:
            kind = "check"
        else:
            continue  # e.g. only the case flag changed, and the same text still matches
        terms.append((a[k], m))
        if k[2] not in kinds or KINDS.index(kind) < KINDS.index(kinds[k[2]]):
            kinds[k[2]] = kind
    if not kinds:
        return None
    strongest = min(kinds.values(), key=KINDS.index)
    return SegmentImpact(seg, strongest, kinds, lost=lost, gained=gained, terms=terms)


def summarize(records: Iterable[SegmentImpact], changes: ChangeSet, segments: int, examples: int = 3) -> Impact:
    """Count the records per responsible entry (kinds apart) and keep a few examples of each."""
    labels = {e.key: e.label() for e in changes.touched}
    per: dict[tuple, EntryImpact] = {}
    kept = list(records)
    for rec in kept:
        for key, kind in rec.entries.items():
            item = per.setdefault(key, EntryImpact(key, labels.get(key, _key_label(key))))
            item.counts[kind] += 1
            if len(item.examples) < examples:
                item.examples.append(rec)
    ranked = sorted(per.values(), key=lambda x: (-x.segments, x.label))
    return Impact(segments, kept, ranked)


def _key_label(key: tuple) -> str:
    ctx, source = key
    return f"{source} [{ctx}]" if ctx else source


def corpus_impact(
    diff: GlossaryDiff, load: Callable[[], tuple[list[Entry], list[Entry]]], paths: list[Path], examples: int = 3
) -> Impact:
    """:func:`segment_impact` of ``diff`` over the corpus files/directories ``paths``, summarized; ``load``
    gives both whole glossaries (called only when some segment holds a changed form)."""
    changes = ChangeSet.from_diff(diff, load)
    segments, diags = corpus_segments(paths)
    impact = summarize(segment_impact(changes, segments), changes, len(segments), examples)
    impact.diagnostics = diags
    return impact
