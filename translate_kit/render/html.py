"""The HTML review page: one self-contained file (inline CSS and JS, nothing fetched) rendered with Jinja2.

Its input is a small data model, filled by ``translate --html`` and ``check --format html`` (see
:mod:`translate_kit.render.review`) and by anything else that wants a page:

- :class:`ReviewPage` — title, model label, glossary digest, a list of :class:`ReviewArticle`;
- :class:`ReviewArticle` — one article (source file) and its :class:`ReviewSegment` s in file order;
- :class:`ReviewSegment` — where (source ``file:line``), the Indonesian ``source``, the ``english``,
  ``boilerplate`` (site chrome, shown greyed), its :class:`TermMark` s and :class:`ViolationMark` s;
- :class:`TermMark` — one glossary term occurrence: the entry's ``label`` and ``ref`` (PO file:line), a
  ``verdict`` (one of :data:`VERDICTS`: ``natural`` = the model wrote the preferred form itself,
  ``enforced`` = translate-kit put it there, ``flagged`` = it could not be guaranteed or a check found it
  wrong), and its character spans in the source and in the English (None when not found there);
- :class:`ViolationMark` — one check finding: ``kind``, ``severity``, ``message`` and the glossary entry
  (``entry_label``, ``entry_ref``) when one is involved.

Every string is escaped by the template engine (autoescape); no text of the page is ever trusted as HTML.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

VERDICTS = ("natural", "enforced", "flagged")


@dataclass
class TermMark:
    label: str  # "Korut → North Korea"
    ref: str  # glossary PO file:line
    verdict: str  # one of VERDICTS
    source_span: tuple[int, int] | None = None
    english_span: tuple[int, int] | None = None


@dataclass
class ViolationMark:
    kind: str
    severity: str  # error | warning | info
    message: str
    entry_label: str | None = None
    entry_ref: str | None = None


@dataclass
class ReviewSegment:
    where: str  # source file:line
    source: str
    english: str
    boilerplate: bool = False
    terms: list[TermMark] = field(default_factory=list)
    violations: list[ViolationMark] = field(default_factory=list)

    @property
    def flagged(self) -> bool:
        return bool(self.violations) or any(t.verdict == "flagged" for t in self.terms)


@dataclass
class ReviewArticle:
    name: str
    segments: list[ReviewSegment] = field(default_factory=list)


@dataclass
class ReviewPage:
    title: str
    articles: list[ReviewArticle] = field(default_factory=list)
    model: str | None = None  # model label (DEMO labelled)
    glossary: str | None = None  # glossary digest or description
    notes: list[str] = field(default_factory=list)  # one line each, shown under the title


def _pieces(text: str, spans: list[tuple[tuple[int, int] | None, int]]) -> list[tuple[str, int | None]]:
    """``text`` cut into (piece, term index or None) around non-overlapping term spans (first one wins)."""
    chosen: list[tuple[int, int, int]] = []
    for span, index in sorted(((s, i) for s, i in spans if s), key=lambda x: (x[0][0], -x[0][1])):
        start, end = span
        if 0 <= start < end <= len(text) and all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, index))
    out, pos = [], 0
    for start, end, index in sorted(chosen):
        if start > pos:
            out.append((text[pos:start], None))
        out.append((text[start:end], index))
        pos = end
    if pos < len(text) or not out:
        out.append((text[pos:], None))
    return out


def _entries(page: ReviewPage) -> list[dict]:
    """One row per glossary entry seen on the page: id, label, ref, counts per verdict, violations."""
    rows: dict[str, dict] = {}

    def row(ref: str, label: str) -> dict:
        if ref not in rows:
            rows[ref] = {"id": f"e{len(rows)}", "ref": ref, "label": label, "violations": 0, **{v: 0 for v in VERDICTS}}
        return rows[ref]

    for article in page.articles:
        for seg in article.segments:
            for t in seg.terms:
                row(t.ref, t.label)[t.verdict] += 1
            for v in seg.violations:
                if v.entry_ref:
                    row(v.entry_ref, v.entry_label or v.entry_ref)["violations"] += 1
    return sorted(rows.values(), key=lambda r: (r["label"].lower(), r["ref"]))


def _article_view(article: ReviewArticle, entry_ids: dict[str, str]) -> dict:
    segments, totals = [], Counter()
    for seg in article.segments:
        source_spans = [(t.source_span, i) for i, t in enumerate(seg.terms)]
        english_spans = [(t.english_span, i) for i, t in enumerate(seg.terms)]
        refs = {t.ref for t in seg.terms} | {v.entry_ref for v in seg.violations if v.entry_ref}
        segments.append(
            {
                "seg": seg,
                "source": _pieces(seg.source, source_spans),
                "english": _pieces(seg.english, english_spans),
                "entry_ids": " ".join(sorted(entry_ids[r] for r in refs)),
                "kinds": " ".join(sorted({v.kind for v in seg.violations})),
                "term_ids": [entry_ids[t.ref] for t in seg.terms],
            }
        )
        totals["segments"] += 1
        totals["boilerplate"] += seg.boilerplate
        totals["flagged_segments"] += seg.flagged
        totals["violations"] += len(seg.violations)
        for t in seg.terms:
            totals[t.verdict] += 1
    return {"name": article.name, "segments": segments, "totals": totals}


def render_html(page: ReviewPage) -> str:
    """The page as one self-contained HTML document."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("translate_kit.render", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    entries = _entries(page)
    entry_ids = {r["ref"]: r["id"] for r in entries}
    articles = [_article_view(a, entry_ids) for a in page.articles]
    kinds = Counter(v.kind for a in page.articles for s in a.segments for v in s.violations)
    return env.get_template("review.html.j2").render(
        page=page, articles=articles, entries=entries, kinds=sorted(kinds.items()), verdicts=VERDICTS
    )


__all__ = ["VERDICTS", "ReviewArticle", "ReviewPage", "ReviewSegment", "TermMark", "ViolationMark", "render_html"]
