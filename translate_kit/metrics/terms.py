"""Term accuracy and per-term recall, two ways (``match``):

Every occurrence of a glossary term in the source (msgid or a variant, found by the shared source matcher) is
one expected term; it counts as found when the hypothesis renders it with the entry's preferred or an
admitted English form, one rendering per occurrence.

- ``lenient`` (default): the hypothesis is searched with the shared target matcher, as ``check`` does: any
  casing (acronyms excepted), possessive and plural endings, inside hyphenated compounds, across line
  breaks. Per segment and entry, found = min(source occurrences, accepted target occurrences).
- ``wmt21``: the exact-match accuracy of the official WMT21 terminology-task scorer
  (``evaluate_term_wmt.py``, ``compare_EXACT`` without its lemma pass): the hypothesis is split at
  whitespace and re-joined with single spaces, padded with one space at each end, and a form counts where
  `` form `` occurs, case-sensitively, so only a whole whitespace-delimited token sequence matches
  ("North Korea's", "North Korea-backed" and "North Korea." do not); each source occurrence in turn takes
  the first start position not already taken by an earlier one (one credit per occurrence). Forms are
  taken literally (the official script reads them as regular expressions: "U.S." there also matches "UxSx").

Several entries may share an English form ("China" for *Tiongkok* and *RRT*, "EU" for *Uni Eropa* and
*UE*), so hypothesis occurrences are credited only to the entries the source asks for: longest spans first,
each span to one entry that still lacks renderings, a span inside a credited longer one not again
("US" inside "US State Department").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..glossary.matching import overlaps, source_matcher, target_matcher
from ..glossary.model import Entry

#: the ways of counting a rendering (see the module docstring)
TERM_MATCHES = ("lenient", "wmt21")


@dataclass
class TermRecall:
    """Found/expected counts of one glossary entry over the corpus."""

    entry: Entry
    expected: int = 0
    found: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    def to_dict(self) -> dict:
        return {
            "source": self.entry.source,
            "context": self.entry.context,
            "preferred": self.entry.preferred,
            "ref": self.entry.ref,
            "expected": self.expected,
            "found": self.found,
            "recall": round(self.recall, 4),
        }


@dataclass
class TermAccuracy:
    """Corpus term accuracy with the per-segment counts a paired test needs."""

    expected: list[int] = field(default_factory=list)  # per segment
    found: list[int] = field(default_factory=list)  # per segment
    per_term: list[TermRecall] = field(default_factory=list)  # entries seen in the source, glossary order
    match: str = "lenient"  # how renderings were counted (TERM_MATCHES)

    @property
    def total_expected(self) -> int:
        return sum(self.expected)

    @property
    def total_found(self) -> int:
        return sum(self.found)

    @property
    def accuracy(self) -> float | None:
        """found / expected over the corpus; None when the source holds no glossary term."""
        total = self.total_expected
        return self.total_found / total if total else None

    def to_dict(self) -> dict:
        acc = self.accuracy
        return {
            "accuracy": None if acc is None else round(acc, 4),
            "expected": self.total_expected,
            "found": self.total_found,
            "match": self.match,
            "per_term": [t.to_dict() for t in self.per_term],
        }


class TermScorer:
    """Builds the two matchers once; scores any number of hypothesis sets against the same sources."""

    def __init__(self, entries: Iterable[Entry], match: str = "lenient"):
        if match not in TERM_MATCHES:
            raise ValueError(f"unknown term match {match!r} (one of: {', '.join(TERM_MATCHES)})")
        self.match = match
        self.entries = [e for e in entries if e.enforced]
        self._source = source_matcher(self.entries)
        self._target = target_matcher(self.entries, roles=("preferred", "admitted"))

    def score(self, sources: Sequence[str], hypotheses: Sequence[str]) -> TermAccuracy:
        if len(sources) != len(hypotheses):
            raise ValueError(f"{len(sources)} sources but {len(hypotheses)} hypotheses")
        order = {id(e): i for i, e in enumerate(self.entries)}
        recalls: dict[int, TermRecall] = {}
        result = TermAccuracy()
        for src, hyp in zip(sources, hypotheses):
            matches = self._source.find(src)
            wanted = Counter(id(m.entry) for m in matches)
            if not wanted:
                result.expected.append(0)
                result.found.append(0)
                continue
            entries = {id(m.entry): m.entry for m in matches}
            present = self._credit(hyp, wanted) if self.match == "lenient" else _credit_wmt21(hyp, matches)
            seg_expected = seg_found = 0
            for key, n in wanted.items():
                got = present[key]
                rec = recalls.setdefault(key, TermRecall(entries[key]))
                rec.expected += n
                rec.found += got
                seg_expected += n
                seg_found += got
            result.expected.append(seg_expected)
            result.found.append(seg_found)
        result.per_term = sorted(recalls.values(), key=lambda r: order[id(r.entry)])
        result.match = self.match
        return result

    def _credit(self, hyp: str, wanted: Counter) -> Counter:
        """Renderings in ``hyp`` per wanted entry id, at most the wanted count each (see the module doc)."""
        spans: dict[tuple[int, int], list[int]] = {}
        for m in self._target.find_all(hyp):
            if id(m.entry) in wanted:
                spans.setdefault((m.start, m.end), []).append(id(m.entry))
        credited: Counter = Counter()
        taken: list[tuple[int, int]] = []
        for (start, end), keys in sorted(spans.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])):
            if overlaps(start, end, taken):
                continue
            key = next((k for k in keys if credited[k] < wanted[k]), None)
            if key is not None:
                credited[key] += 1
                taken.append((start, end))
        return credited


def _credit_wmt21(hyp: str, matches) -> Counter:
    """Renderings per entry id the official WMT21 exact-match scorer credits (see the module docstring)."""
    padded = " " + " ".join(hyp.split()) + " "
    starts: set[int] = set()
    credited: Counter = Counter()
    for m in matches:  # source occurrences in text order
        for form in m.entry.target_forms:
            key = " " + " ".join(form.split()) + " "
            pos = padded.find(key)
            while pos >= 0 and pos in starts:
                pos = padded.find(key, pos + 1)
            if pos >= 0:
                starts.add(pos)
                credited[id(m.entry)] += 1
                break
    return credited


def term_accuracy(
    sources: Sequence[str], hypotheses: Sequence[str], entries: Iterable[Entry], match: str = "lenient"
) -> TermAccuracy:
    """Term accuracy of ``hypotheses`` for the glossary terms found in ``sources`` (``match``: lenient or
    wmt21, see the module docstring)."""
    return TermScorer(entries, match).score(sources, hypotheses)
