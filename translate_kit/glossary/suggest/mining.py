"""The mining run: :func:`suggest` over a corpus (and aligned translations) against a glossary."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ...corpus import discover, read_document, split_sentences
from ...errors import Diagnostic, InputError
from ..matching import source_matcher
from ..model import Entry
from .candidates import (
    Candidate,
    Occurrence,
    Seen,
    SuggestResult,
    cluster_spellings,
    default_min_count,
)
from .output import proposal
from .text import (
    acronyms,
    countries,
    credit_spans,
    is_caps,
    is_headline,
    is_shouting,
    looks_indonesian,
    mask,
    mask_credit_words,
    models,
    raw_sequences,
    split_sequence,
)
from .words import (
    BYLINE,
    DESCRIPTORS,
    DIRECTIONS,
    ENGLISH_HEADS,
    INSTITUTION_HEADS,
    MEDIA_CUE,
    PLACE_HEADS,
    TITLES,
    WORD,
)


def suggest(
    corpus: Iterable[str | Path],
    entries: list[Entry],
    translations: str | Path | None = None,
    min_count: int | None = None,
    limit: int | None = None,
) -> SuggestResult:
    """Mine ``corpus`` (files or directories) for glossary candidates not covered by ``entries``.

    ``min_count=None`` applies the per-kind defaults of :func:`default_min_count`; an integer applies to all.
    """
    found, diags = _discover_corpus(corpus)
    matcher = source_matcher(entries, include_fuzzy=True)
    lowercase_seen: set[str] = set()
    raw = []  # per sentence: (sequences, acronyms, in a headline, credit spans, occurrence, masked text)
    matched: list[Entry] = []
    models_found: dict[str, Candidate] = {}
    untranslated: dict[str, Candidate] = {}
    english: dict[str, list[str]] = {}
    n_units = 0
    for path, rel in found:
        doc = read_document(path, rel)
        diags.extend(doc.diagnostics)
        where = str(path)
        units = doc.translatable_units
        n_units += len(units)
        en_units = _aligned(translations, rel, diags) if translations is not None else None
        if en_units is not None:
            english[where] = en_units
        source_words: set[str] = set()
        for unit in units:
            for m in WORD.finditer(unit.text):
                if m.group().islower():
                    lowercase_seen.add(m.group().casefold())
                    source_words.add(m.group())
            headline = is_headline(unit.text) or bool(BYLINE.match(unit.text))
            for sent in split_sentences(unit.text):
                text = sent.text
                if is_shouting(text):
                    continue
                occ = Occurrence(where, unit.line, text)
                credits = credit_spans(text)
                masked = mask_credit_words(mask(text, matcher, matched), credits)
                for _, form in models(masked):
                    models_found.setdefault(form, Candidate(form, "model")).add(occ)
                raw.append((raw_sequences(masked, text), acronyms(masked, text), headline, credits, occ, masked))
        if en_units is not None:
            _untranslated(en_units, units, source_words, Path(translations) / rel, untranslated)
    cands = _resolve(raw, lowercase_seen)
    cands += list(models_found.values()) + list(untranslated.values())
    cands = _rank(cands, matched, english, min_count, limit)
    return SuggestResult(cands, len(found), n_units, diags)


def _discover_corpus(corpus: Iterable[str | Path]):
    """The corpus files and the discovery diagnostics; an error (or no file at all) raises :class:`InputError`."""
    found, diags = discover([Path(p) for p in corpus])
    errors = [d for d in diags if d.severity == "error"]
    if errors:
        raise InputError(errors[0].message, errors[0].path)
    if not found:
        raise InputError("no .txt, .po or .jsonl files in the corpus", Path(next(iter(map(str, corpus)), ".")))
    return found, diags


def _rank(
    cands: list[Candidate],
    matched: list[Entry],
    english: dict[str, list[str]],
    min_count: int | None,
    limit: int | None,
) -> list[Candidate]:
    """Fold short forms, drop the rare candidates, attach proposals, sort and cut to ``limit``."""
    cands = _fold_short_forms(cands, matched, min_count)
    cands = [c for c in cands if c.count >= (default_min_count(c) if min_count is None else min_count)]
    for c in cands:
        if c.kind != "untranslated":
            c.proposed = proposal(c, english)
    cands.sort(key=lambda c: (-c.count, -len(c.files), c.form))
    if limit is not None:
        cands = cands[:limit]
    return cands


def _untranslated(en_units: list[str], units, source_words: set[str], en_path: Path, out: dict[str, Candidate]) -> None:
    """Indonesian-looking lower-case words of the English output that also occur in the source."""
    for i, en in enumerate(en_units):
        line = units[i].line if len(units) == len(en_units) else i + 1
        for sent in split_sentences(en) or []:
            for m in WORD.finditer(sent.text):
                w = m.group()
                if w.islower() and w in source_words and looks_indonesian(w):
                    out.setdefault(w, Candidate(w, "untranslated")).add(Occurrence(str(en_path), line, sent.text))


def _resolve(raw, lowercase: set[str]) -> list[Candidate]:
    """Name, title and acronym candidates once the whole corpus has been read (the lower-case words known).

    A single word counts only when it is never lower case and occurs inside a sentence at least once; headline
    occurrences count only for names also found in running text; an acronym inside a longer name of its
    sentence ("NK" of "NK Pro") is not proposed unless it also stands alone somewhere.
    """
    seen: list[Seen] = []
    acr: dict[str, Candidate] = {}
    acr_alone: set[str] = set()
    known = frozenset(
        form
        for sequences, acros, *_ in raw
        for offset, form in acros
        if not any(len(seq) > 1 and seq[0].start <= offset < seq[-1].end for seq, _ in sequences)
    )
    for sequences, acros, headline, credits, occ, masked in raw:
        spans = []
        for seq, initial in sequences:
            for part in split_sequence(seq, initial, lowercase, known):
                start, end = part.words[0].start, part.words[-1].end
                credit = any(s <= start < e for s, e in credits)
                cue = bool(MEDIA_CUE.search(masked[:start]))
                seen.append(Seen(part, headline, credit, cue, occ))
                if len(part.words) > 1:
                    spans.append((start, end))
        for offset, form in acros:
            acr.setdefault(form, Candidate(form, "acronym")).add(occ)
            if not any(s <= offset < e for s, e in spans):
                acr_alone.add(form)
    names: dict[str, Candidate] = {}
    kept = []
    for s in seen:
        form = s.part.form
        if " " not in form and (
            is_caps(form)
            or len(form) < 3
            or form in TITLES | INSTITUTION_HEADS | PLACE_HEADS | DESCRIPTORS
            or form.casefold() in lowercase
        ):
            continue
        kept.append(s)
    inner = {s.part.form for s in kept if not s.part.initial and not s.headline}
    for s in kept:
        form = s.part.form
        if s.headline or (" " not in form and form not in inner):
            continue
        c = names.setdefault(form, Candidate(form, s.part.kind))
        c.add(s.occ)
        c.cued |= s.media_cue or s.part.cued
        c.credit_only &= s.credit
    for s in kept:
        if s.headline and s.part.form in names:
            names[s.part.form].add(s.occ)
    name_cands = cluster_spellings(list(names.values()))
    return [c for f, c in acr.items() if f in acr_alone] + name_cands


def _fold_short_forms(cands: list[Candidate], entries: list[Entry], min_count: int | None) -> list[Candidate]:
    """Single-word names that are the first or last word of longer names: folded into the one proposed
    candidate (its note), kept as ``short-form`` of the one glossary entry, dropped when several names share
    them (``entries``: the glossary entries found in the corpus). Institution names ("Aliansi Eropa Barat")
    have no short forms; place names only their last word ("Vostochny" of *Kosmodrom Vostochny*); countries
    and compass words (:data:`DIRECTIONS`: "Barat" of *Eropa Barat*) are never short forms."""
    longer: dict[str, list[tuple[str, Candidate | Entry]]] = {}

    def register(form: str, owner) -> None:
        words = form.split()
        if len(words) < 2 or words[0] in INSTITUTION_HEADS or words[-1] in ENGLISH_HEADS:
            return
        for w in {words[-1]} if words[0] in PLACE_HEADS else {words[0], words[-1]}:
            longer.setdefault(w, []).append((form, owner))

    for c in cands:
        if (
            c.kind in ("name", "spelling-variants")
            and " " in c.form
            and c.count >= (default_min_count(c) if min_count is None else min_count)
        ):
            for form in [c.form, *c.variants]:
                register(form, c)
    for e in entries:
        for form in e.source_forms:
            register(form, e)
    out = []
    for c in cands:
        if (
            c.kind not in ("name", "spelling-variants")
            or " " in c.form
            or c.form not in longer
            or c.form in DIRECTIONS
            or c.form in countries()
        ):
            out.append(c)
            continue
        owners = {id(o): o for _, o in longer[c.form]}
        if len(owners) > 1:
            continue  # "Kim" of Kim Jong Un, Kim Jong Il, …: ambiguous
        owner = next(iter(owners.values()))
        if isinstance(owner, Candidate):
            owner.short_forms[c.form] = c.count
        else:
            c.kind, c.of_entry = "short-form", f"{owner.source} ({owner.ref})"
            out.append(c)
    return out


def _aligned(translations: str | Path, rel: Path, diags: list[Diagnostic]) -> list[str] | None:
    """The translatable units' text of the English file with the same relative path, if there is one."""
    path = Path(translations) / rel
    if not path.exists():
        diags.append(Diagnostic("warning", "no-translation", "no aligned English file", str(path)))
        return None
    return [u.text for u in read_document(path, rel).units if u.kind == "text"]
