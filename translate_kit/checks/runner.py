"""Running the registered checks over segment pairs: :class:`CheckConfig` and :func:`run_check`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter
from pathlib import Path

from ..corpus.pairing import SegmentPair
from ..errors import TranslateKitError, option
from ..glossary.model import Glossary
from ..glossary.pofile import load_glossary_or_default
from .context import Analyzer, PairContext
from .model import SEVERITIES, CheckReport
from .registry import REGISTRY

SCOPES = ("document", "batch")


class ConfigError(TranslateKitError):
    """A bad option value (unknown kind or severity): a usage error, exit code 2."""


@dataclass
class CheckConfig:
    """What to check and how severe each kind is."""

    severities: dict[str, str] = field(default_factory=dict)  # kind → level, overriding the default
    disabled: frozenset[str] = frozenset()
    scope: str = "document"  # inconsistent-term across one document or the whole batch
    length_ratio: tuple[float, float] = (0.5, 2.0)  # accepted target/source character ratio (id→en)
    length_min_chars: int = 40  # shorter source segments are not judged by length
    source_lang: str = "id"
    target_lang: str = "en"

    def __post_init__(self):
        self.disabled = frozenset(self.disabled)
        for kind in (*self.severities, *self.disabled):
            if kind not in REGISTRY:
                raise ConfigError(f"unknown check kind {kind!r} (known: {', '.join(REGISTRY)})")
        for kind, level in self.severities.items():
            if level not in SEVERITIES:
                raise ConfigError(f"unknown severity {level!r} for {kind!r} (use one of: {', '.join(SEVERITIES)})")
        if self.scope not in SCOPES:
            raise ConfigError(f"unknown scope {self.scope!r} (use document or batch)")
        lo, hi = self.length_ratio
        if not 0 < lo < hi:
            raise ConfigError(f"bad length-ratio band {lo}–{hi} (need 0 < low < high)")

    @classmethod
    def from_options(
        cls,
        severity: Iterable[str] = (),
        disable: Iterable[str] = (),
        scope: str = "document",
        length_ratio: str | None = None,
    ) -> CheckConfig:
        """Build from command-line strings: ``KIND=LEVEL`` pairs, kinds to disable, ``LOW:HIGH``."""
        severities = {}
        for item in severity:
            kind, sep, level = item.partition("=")
            if not sep:
                raise ConfigError(f"{option('severity')} expects KIND=LEVEL, got {item!r}")
            severities[kind.strip()] = level.strip()
        extra = {}
        if length_ratio:
            try:
                lo, hi = (float(x) for x in length_ratio.split(":"))
            except ValueError:
                raise ConfigError(
                    f"{option('length_ratio')} expects LOW:HIGH, e.g. 0.5:2.0, got {length_ratio!r}"
                ) from None
            extra["length_ratio"] = (lo, hi)
        return cls(severities=severities, disabled=frozenset(disable), scope=scope, **extra)

    def severity(self, kind: str) -> str:
        return self.severities.get(kind) or REGISTRY[kind].severity

    def enabled(self) -> list[str]:
        return [k for k in REGISTRY if k not in self.disabled]


def open_glossary(directory: str | Path | None) -> Glossary | None:
    """The glossary of ``directory``; with None, ``glossary/`` when it exists, else no glossary."""
    return load_glossary_or_default(directory)


class Checker:
    """The checks of one configuration against one glossary; matchers are built once, reusable across runs."""

    def __init__(self, glossary: Glossary | None = None, config: CheckConfig | None = None):
        self.glossary = glossary
        self.config = config or CheckConfig()
        self.analyzer = Analyzer(glossary, self.config)

    def run(self, pairs: Iterable[SegmentPair]) -> CheckReport:
        """Run every enabled check over ``pairs`` (from :mod:`translate_kit.corpus.pairing`)."""
        config, glossary, analyzer = self.config, self.glossary, self.analyzer
        enabled = [REGISTRY[k] for k in config.enabled()]
        blocking = [c for c in enabled if c.scope == "pair" and c.blocking]
        pair_checks = [c for c in enabled if c.scope == "pair" and not c.blocking]
        doc_checks = [c for c in enabled if c.scope == "document"]

        report = _new_report(config, glossary)
        violations = report.violations
        extend = violations.extend
        groups: dict[str, list[PairContext]] = {}
        by_doc = report.segment_pairs
        blocking_funcs = [c.func for c in blocking]
        both_sides_funcs = [c.func for c in blocking if not c.one_sided]  # for a pair with both sides
        pair_funcs = [c.func for c in pair_checks]
        needed = {n for c in (*pair_checks, *doc_checks) for n in c.needs}
        stages = [n for n in PairContext.SHARED if n in needed]
        batch = config.scope == "batch"
        segments = 0
        doc_pairs = None
        last_doc = None
        chunk: list[list] = []  # [context, its violations or None, whether the pair checks apply]
        for pair in _checked(pairs, report):
            segments += 1
            doc = pair.document
            if doc != last_doc:
                doc_pairs = by_doc.get(doc)
                if doc_pairs is None:
                    report.documents.append(doc)
                    doc_pairs = by_doc[doc] = []
                last_doc = doc
            doc_pairs.append(pair)
            ctx = PairContext(pair, analyzer)
            found_here = None
            both = pair.source is not None and pair.target is not None
            for func in both_sides_funcs if both else blocking_funcs:
                found = func(ctx)
                if found:
                    found_here = [*(found_here or ()), *found]
            checked = found_here is None and both
            chunk.append([ctx, found_here, checked])
            if checked and doc_checks:
                groups.setdefault("" if batch else doc, []).append(ctx)
            if len(chunk) >= _CHUNK:
                _check_chunk(chunk, stages, pair_funcs, extend)
                chunk = []
        _check_chunk(chunk, stages, pair_funcs, extend)
        report.segments += segments
        for check in doc_checks:
            for contexts in groups.values():
                violations.extend(check.func(contexts))
        _sort_violations(report)
        return report


def _new_report(config: CheckConfig, glossary: Glossary | None) -> CheckReport:
    """An empty report of a run of ``config`` against ``glossary``."""
    return CheckReport(
        glossary_entries=len(glossary) if glossary is not None else 0,
        glossary_digest=glossary.digest if glossary is not None else None,
        diagnostics=list(glossary.diagnostics) if glossary is not None else [],
        severities={k: config.severity(k) for k in config.enabled()},
        disabled=sorted(config.disabled),
        scope=config.scope,
    )


def _sort_violations(report: CheckReport) -> None:
    """Sort the violations by document (in the order read) and line."""
    order = {d: i for i, d in enumerate(report.documents)}

    def position(v):
        side = v.source or v.target
        return (order.get(v.document, len(order)), side.line if side else 0)

    report.violations.sort(key=position)  # stable: a segment's violations keep the order of the checks


def _checked(pairs: Iterable[SegmentPair], report: CheckReport):
    """The pairs to check: site chrome (boilerplate that translate passes through or drops) is counted in the
    report and not checked."""
    for pair in pairs:
        if pair.boilerplate:
            report.boilerplate += 1
        else:
            yield pair


#: pairs checked together, one check after the other: each check's tables and code stay in the processor's
#: caches across the chunk (pair by pair, the checks evict each other's: about a fifth slower). The shared
#: match data the checks need is computed first, one kind at a time, for the same reason (the source terms'
#: automata, then the translation's, then the number tables: 2-4% of a run with 10,000 entries)
_CHUNK = 1024


def _check_chunk(chunk: list[list], stages: list[str], pair_funcs: list, extend) -> None:
    """Compute the shared data of ``stages`` (PairContext attributes) for a chunk, run the pair checks over
    it check by check, then hand on each pair's violations in pair order (blocking ones first, then by
    check), exactly as pair-by-pair checking would."""
    live = [item for item in chunk if item[2]]
    contexts = [item[0] for item in live]
    for name in stages:
        list(map(attrgetter(name), contexts))  # (lazy attributes: computed now, read by the checks later)
    positions = range(len(contexts))
    for func in pair_funcs:
        results = list(map(func, contexts))
        for i in compress(positions, results):  # (C-level filtering: most checks find nothing in most pairs)
            item = live[i]
            if item[1] is None:
                item[1] = list(results[i])
            else:
                item[1].extend(results[i])
    for item in chunk:
        if item[1]:
            extend(item[1])


def run_check(
    pairs: Iterable[SegmentPair], glossary: Glossary | None = None, config: CheckConfig | None = None
) -> CheckReport:
    """Run every enabled check over ``pairs`` (from :mod:`translate_kit.corpus.pairing`) against ``glossary``."""
    return Checker(glossary, config).run(pairs)
