"""Match data shared by every check: matchers built once per run, term accounting computed once per pair.

:class:`Analyzer` holds what depends only on the glossary (the source, target and untranslated-term
matchers from :mod:`translate_kit.glossary.matching`, the typo index). :class:`PairContext` holds one segment pair
and computes, on first use, its source term matches and the *term accounting*: which English spans render
which source term (accepted, forbidden, or left in Indonesian), with every span used at most once and a
term occurring twice needing two renderings.
"""

from __future__ import annotations

from ..corpus.pairing import SegmentPair
from ..glossary.matching import (
    ID_SUFFIXES,
    Match,
    Matcher,
    fold_form,
    overlaps,
    source_matcher,
    source_patterns,
    target_matcher,
)
from ..glossary.model import Entry, Glossary
from .model import Side, Violation
from .numbers import NumberDiff, compare
from .typo_index import TypoIndex

_ACCEPTED = ("preferred", "admitted")


class Analyzer:
    """Everything derived from the glossary, built once for a run."""

    def __init__(self, glossary: Glossary | None, config):
        entries = list(glossary.entries) if glossary is not None else []
        self.config = config
        self.enforced = [e for e in entries if e.enforced]
        self.fuzzy = [e for e in entries if e.fuzzy]
        self.source = source_matcher(self.enforced)
        self.target = target_matcher(self.enforced)
        self.fuzzy_source = source_matcher(self.fuzzy, include_fuzzy=True)
        self.fuzzy_target = target_matcher(self.fuzzy, include_fuzzy=True)
        self.untranslated = untranslated_matcher(self.enforced)
        for scanned in (self.source, self.fuzzy_source, self.untranslated):
            scanned.build()  # (the target matchers are only asked for find_all_of, which scans no automaton)

        self.typos = TypoIndex(entries)


def untranslated_matcher(entries: list[Entry]) -> Matcher:
    """Indonesian forms that no English form of the glossary shares, whole or as its words (so "Iran",
    "Kim Jong Un", and "Kremlin" inside "the Kremlin", never count)."""
    english = set()
    for e in entries:
        for f in (*e.target_forms, *e.forbidden):
            english.add(fold_form(f, lower=True))
    # every run of whole words inside a multi-word English form (" key " in " form "), built once: a set
    # look-up per source form instead of a scan of every English form
    inside = set()
    for f in english:
        words = f.split(" ")
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                inside.add(" ".join(words[i:j]))

    def shared(form: str) -> bool:
        key = fold_form(form, lower=True)
        return key in english or key in inside

    pats = [(e, f, r) for e, f, r in source_patterns(entries) if not e.no_translate and not shared(f)]
    return Matcher(pats, ID_SUFFIXES)


class TermAccount:
    """How the source terms of one pair are rendered in its target (a plain slotted class: one is made
    per pair, and a dataclass with default factories is several times slower to make)."""

    __slots__ = ("source", "accepted", "forbidden", "untranslated")

    def __init__(self):
        self.source: dict[Entry, list[Match]] = {}  # occurrences per entry, text order
        self.accepted: dict[Entry, list[Match]] = {}
        self.forbidden: list[Match] = []
        self.untranslated: list[Match] = []  # Indonesian forms left in the target

    def missing(self) -> list[tuple[Entry, Match]]:
        """Source occurrences left without any rendering (the last ones of each entry)."""
        out = []
        rendered: dict[Entry, int] = {}
        for m in self.forbidden:
            rendered[m.entry] = rendered.get(m.entry, 0) + 1
        for m in self.untranslated:
            rendered[m.entry] = rendered.get(m.entry, 0) + 1
        for e, occ in self.source.items():
            deficit = len(occ) - len(self.accepted.get(e, ())) - rendered.get(e, 0)
            out.extend((e, m) for m in occ[len(occ) - deficit :] if deficit > 0)
        return out


class PairContext:
    """One segment pair with its match data, computed lazily and at most once."""

    #: the shared match data, in the order the runner computes it for a chunk (see :attr:`Check.needs`)
    SHARED = ("source_terms", "terms", "fuzzy_terms", "numbers")

    __slots__ = (
        "pair",
        "analyzer",
        "config",
        "source_text",
        "target_text",
        "_source_terms",
        "_terms",
        "_fuzzy_terms",
        "_numbers",
        "_target_words",
    )

    def __init__(self, pair: SegmentPair, analyzer: Analyzer):
        self.pair = pair
        self.analyzer = analyzer
        self.config = analyzer.config
        self.source_text = pair.source.text if pair.source else ""
        self.target_text = pair.target.text if pair.target else ""
        self._source_terms = self._terms = self._fuzzy_terms = self._numbers = self._target_words = None

    # -- shared match data (plain lazy attributes: functools.cached_property takes a lock per access) -----
    @property
    def source_terms(self) -> list[Match]:
        """Enforced glossary terms in the source (longest non-overlapping)."""
        if self._source_terms is None:
            self._source_terms = self.analyzer.source.find(self.source_text) if self.analyzer.source else []
        return self._source_terms

    @property
    def terms(self) -> TermAccount:
        if self._terms is None:
            self._terms = account(self.source_terms, self.target_text, self.analyzer.target, self.analyzer.untranslated)
        return self._terms

    @property
    def fuzzy_terms(self) -> TermAccount:
        if self._fuzzy_terms is None:
            found = self.analyzer.fuzzy_source.find(self.source_text) if self.analyzer.fuzzy_source else []
            self._fuzzy_terms = account(found, self.target_text, self.analyzer.fuzzy_target, None)
        return self._fuzzy_terms

    @property
    def target_words(self) -> list[str]:
        """``target_text.lower().split()``, made once: several checks read the translation's words."""
        if self._target_words is None:
            self._target_words = self.target_text.lower().split()
        return self._target_words

    @property
    def numbers(self) -> NumberDiff:
        if self._numbers is None:
            self._numbers = compare(
                self.source_text, self.target_text, self.config.source_lang, self.config.target_lang
            )
        return self._numbers

    # -- building violations ------------------------------------------------------------------------------
    def violation(
        self,
        kind: str,
        message: str,
        *,
        source_span: tuple[int, int] | None = None,
        target_span: tuple[int, int] | None = None,
        entry: Entry | None = None,
        suggestion: str | None = None,
        source_side: bool = True,
        target_side: bool = True,
    ) -> Violation:
        src = tgt = None
        if self.pair.source is not None and source_side:
            s = self.pair.source
            src = Side(s.file, s.line, source_span, s.text[slice(*source_span)] if source_span else None)
        if self.pair.target is not None and target_side:
            t = self.pair.target
            tgt = Side(t.file, t.line, target_span, t.text[slice(*target_span)] if target_span else None)
        return Violation(
            kind,
            self.config.severity(kind),
            message,
            self.pair.document,
            src,
            tgt,
            entry.ref if entry else None,
            entry.source if entry else None,
            entry.preferred if entry else None,
            suggestion,
        )


def account(source_terms: list[Match], target: str, target_m: Matcher, untranslated_m: Matcher | None) -> TermAccount:
    """Assign English spans to the source terms they render; each span renders one occurrence at most.

    Longer spans first (an accepted form before a forbidden one of the same length); a span claimed by
    several present entries goes to the one with most occurrences still unrendered. Accepted forms beyond
    the number of source occurrences render nothing (they are not counted, e.g. for consistency); forbidden
    forms of a present entry are always reported.
    """
    acc = TermAccount()
    source = acc.source
    for m in source_terms:
        occ = source.get(m.entry)
        if occ is None:
            source[m.entry] = [m]
        else:
            occ.append(m)
    taken: list[tuple[int, int]] = []
    if untranslated_m and target:
        found = untranslated_m.find(target)
        if found:
            acc.untranslated = found
            taken = [m.span for m in found]
    if not source or not target or not target_m:
        return acc
    by_span: dict[tuple[int, int], list[Match]] = {}
    for m in target_m.find_all_of(target, source):  # only the forms of the entries present
        by_span.setdefault(m.span, []).append(m)
    if not by_span:
        return acc
    spans = list(by_span)
    if len(spans) > 1:
        spans.sort(key=lambda sp: (sp[0] - sp[1], all(m.role == "forbidden" for m in by_span[sp]), sp[0]))
    need = {e: len(occ) for e, occ in acc.source.items()}
    for m in acc.untranslated:
        if m.entry in need:
            need[m.entry] -= 1
    for sp in spans:
        if overlaps(sp[0], sp[1], taken):
            continue
        cands = by_span[sp]
        # an accepted form renders an occurrence still unrendered; a forbidden form is always reported
        ok = [m for m in cands if m.role in _ACCEPTED and need[m.entry] > 0]
        pool = ok or [m for m in cands if m.role == "forbidden"]
        if not pool:
            continue
        best = pool[0] if len(pool) == 1 else max(pool, key=lambda m: need[m.entry])
        taken.append(sp)
        need[best.entry] -= 1
        if ok:
            acc.accepted.setdefault(best.entry, []).append(best)
        else:
            acc.forbidden.append(best)
    return acc
