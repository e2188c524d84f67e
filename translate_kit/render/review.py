"""Filling the HTML review page's data model (:mod:`translate_kit.render.html`) from a check or a run.

- :func:`page_from_check` — a :class:`~translate_kit.checks.model.CheckReport` (``check --format
  html``, through the render registry's :func:`render_check`): every checked segment pair, its violations, and its glossary terms with the verdict ``flagged``
  when a violation names the entry there, ``natural`` otherwise;
- :func:`page_from_run` — the documents a ``translate`` run translated (``translate --html``): every unit
  (site chrome included, greyed), the run's applied terms as ``enforced`` and its flags as ``flagged``, and
  the violations the checker finds on each (source, English) pair.

Term spans come from the one glossary matcher: the source occurrence, and in the English the entry's
preferred or admitted form (or a forbidden one, which makes the term ``flagged``).
"""

from __future__ import annotations

from ..corpus import BoilerplateRules
from ..corpus.pairing import Segment, SegmentPair
from ..glossary.matching import source_matcher, target_matcher
from ..glossary.model import Entry, Glossary
from .html import ReviewArticle, ReviewPage, ReviewSegment, TermMark, ViolationMark

#: violation kinds about one glossary term in one segment: they make that term "flagged"
TERM_KINDS = frozenset({"missing-term", "forbidden-term", "untranslated-term", "inconsistent-term"})


class TermMarker:
    """Finds the glossary terms of a (source, English) pair and gives each its verdict and spans."""

    def __init__(self, glossary: Glossary | None):
        entries = list(glossary.entries) if glossary else []
        self.source = source_matcher(entries) if entries else None
        self.target = target_matcher(entries) if entries else None

    def marks(
        self, source: str, english: str, *, enforced: set[int] = frozenset(), flagged: set[str] = frozenset()
    ) -> list[TermMark]:
        """``enforced``: ids of entries the run applied; ``flagged``: refs of entries flagged here."""
        if self.source is None or not source:
            return []
        found = self.source.find(source)
        if not found:
            return []
        english_hits = self.target.find_all_of(english, {m.entry for m in found}) if english else []
        used: set[tuple[int, int]] = set()
        out = []
        for m in found:
            span, forbidden = _english_span(m.entry, english_hits, used)
            verdict = "natural"
            if forbidden or m.entry.ref in flagged:
                verdict = "flagged"
            elif id(m.entry) in enforced:
                verdict = "enforced"
            out.append(TermMark(m.entry.label(), m.entry.ref, verdict, (m.start, m.end + len(m.suffix)), span))
        return out


def _english_span(entry: Entry, hits, used: set) -> tuple[tuple[int, int] | None, bool]:
    """The first unused English occurrence of ``entry`` (accepted forms before forbidden ones)."""
    for want_forbidden in (False, True):
        for h in hits:
            if h.entry is entry and (h.role == "forbidden") == want_forbidden and h.span not in used:
                used.add(h.span)
                return (h.start, h.end + len(h.suffix)), want_forbidden
    return None, False


def _violation_mark(v) -> ViolationMark:
    label = f"{v.entry_source} → {v.entry_preferred}" if v.entry_source else None
    return ViolationMark(v.kind, v.severity, v.message, label, v.entry_ref)


def page_from_check(
    report, glossary: Glossary | None, *, title: str = "translate-kit check", rules: BoilerplateRules | None = None
) -> ReviewPage:
    """The review page of a check run: one article per checked document."""
    rules = rules or BoilerplateRules()
    marker = TermMarker(glossary)
    by_segment: dict[str, list] = {}
    for v in report.violations:
        by_segment.setdefault(v.segment, []).append(v)
    page = ReviewPage(title, glossary=_glossary_note(report.glossary_entries, report.glossary_digest))
    for document in report.documents:
        article = ReviewArticle(document)
        for pair in report.segment_pairs.get(document, ()):
            found = by_segment.get(pair.where, [])
            source = pair.source.text if pair.source else ""
            english = pair.target.text if pair.target else ""
            flagged = {v.entry_ref for v in found if v.kind in TERM_KINDS and v.entry_ref}
            article.segments.append(
                ReviewSegment(
                    pair.where,
                    source,
                    english,
                    boilerplate=bool(source and rules.match(source)),
                    terms=marker.marks(source, english, flagged=flagged),
                    violations=[_violation_mark(v) for v in found],
                )
            )
        page.articles.append(article)
    return page


def _glossary_note(entries: int, digest: str | None) -> str:
    return f"{entries} entries" + (f", digest {digest[:12]}" if digest else "")


def run_pairs(documents) -> list[SegmentPair]:
    """The (source, English) segment pairs of translated ``documents`` [(Document, {unit index: result})]."""
    pairs = []
    for doc, results in documents:
        for unit in doc.units:
            res = results.get(unit.index)
            if res is not None:
                pairs.append(
                    SegmentPair(
                        Segment(str(doc.path), unit.line, unit.text),
                        Segment(str(doc.path), unit.line, res.text),
                        str(doc.path),
                    )
                )
    return pairs


def page_from_run(
    documents,
    glossary: Glossary | None,
    check_report=None,
    *,
    model: str | None = None,
    title: str = "translate-kit translation review",
) -> ReviewPage:
    """The review page of a translate run: ``documents`` as for :func:`run_pairs`; ``check_report`` the
    checker's report on :func:`run_pairs` (its violations are shown inline)."""
    marker = TermMarker(glossary)
    by_segment: dict[str, list] = {}
    for v in check_report.violations if check_report is not None else ():
        by_segment.setdefault(v.segment, []).append(v)
    page = ReviewPage(
        title, model=model, glossary=_glossary_note(len(glossary or ()), glossary.digest if glossary else None)
    )
    for doc, results in documents:
        article = ReviewArticle(str(doc.path))
        for unit in doc.units:
            if unit.kind == "blank":
                continue
            where = f"{doc.path}:{unit.line}"
            res = results.get(unit.index)
            if res is None:  # site chrome (copied as it is) or a PO entry kept
                article.segments.append(
                    ReviewSegment(where, unit.text, unit.existing or unit.text, boilerplate=unit.kind == "boilerplate")
                )
                continue
            found = by_segment.get(where, [])
            flagged = {p.entry.ref for p in res.flags if p.entry is not None}
            flagged |= {v.entry_ref for v in found if v.kind in TERM_KINDS and v.entry_ref}
            article.segments.append(
                ReviewSegment(
                    where,
                    unit.text,
                    res.text,
                    terms=marker.marks(
                        unit.text,
                        res.text,
                        flagged=flagged,
                        enforced={id(o.entry) for o in res.terms if o.verdict == "enforced"},
                    ),
                    violations=[_violation_mark(v) for v in found],
                )
            )
        page.articles.append(article)
    return page


def render_check(report, glossary: Glossary | None = None, **_options) -> str:
    """The check report as an HTML review page (the ``html`` format of the render registry)."""
    from .html import render_html

    return render_html(page_from_check(report, glossary))


def run_review_html(report, glossary: Glossary | None) -> str:
    """The HTML review page of a translate run kept with ``keep_documents`` (violations by the checker)."""
    from ..checks import run_check
    from .html import render_html

    check_report = run_check(run_pairs(report.documents), glossary)
    page = page_from_run(report.documents, glossary, check_report, model=report.model.get("label"))
    skipped = [f.path for f in report.files if f.status == "skipped"]
    if skipped:
        page.notes.append(
            f"{len(skipped)} file(s) up to date, not translated in this run and not shown (use --force to include them)"
        )
    return render_html(page)


__all__ = [
    "TERM_KINDS",
    "TermMarker",
    "page_from_check",
    "page_from_run",
    "render_check",
    "run_pairs",
    "run_review_html",
]
