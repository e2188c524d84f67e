"""Holding the NMT to the glossary: protect matched terms, restore their preferred English form, verify,
repair, flag.

A sentence goes through at most three attempts, each verified before it is accepted:

1. **placeholder** — every matched term (with an attached clitic such as ``-nya``) becomes an opaque token
   ``ZX1``, ``ZX2``… An upper-case letter pair plus a number reads to an NMT model like an acronym or a code, which
   it copies (both with SentencePiece and Moses+BPE packages, where brackets or XML-like tags get escaped or
   translated). Restoring finds each token again whatever the model did to spacing and case (``zx 1``),
   in any order, and checks that every token appears exactly once.
2. **inline** — the repair protection is of a different kind: the preferred English form itself is written
   into the Indonesian sentence (code-switching); models carry English names through. Verified with the
   shared target matcher.
3. **substitute** — translate the sentence unprotected, translate each term alone, and replace the model's
   rendering of the term (or a forbidden/admitted form of the entry) by the preferred form.

When none verifies, the output with the fewest problems is kept (the unprotected one on a tie) and the
sentence is *flagged* with a reason and the entry: never silently wrong.

Grammar around inserted forms: a form is capitalised at the start of a sentence, upper-cased in an
ALL-CAPS sentence, and a form that starts with "the" loses its article after another determiner, so
"the the" never appears. Indonesian clitics and particles glued to a term (``Korutnya``, ``AS-lah``) are
dropped: on a proper noun ``-nya`` marks definiteness ("North Korea"), and English never gets "nya" glued on.

Everything here is pure string work; the translator is passed in as a function ``list[str] -> list[str]``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Sequence

from ..glossary.model import Entry
from ..glossary.matching import EN_SUFFIXES, Match, Matcher

PLACEHOLDER = "placeholder"
INLINE = "inline"
SUBSTITUTE = "substitute"
#: attempts in order; the first is the normal path, the others are repairs.
SCHEMES = (PLACEHOLDER, INLINE, SUBSTITUTE)

Translate = Callable[[list[str]], list[str]]

_TOKEN = "ZX{}"
#: a placeholder as a model may return it: any case, optional spaces inside, any order.
_TOKEN_RE = re.compile(r"(?<![0-9A-Za-z])[Zz] ?[Xx] ?(\d{1,3})(?!\d)")
#: Indonesian particles written with a hyphen after a word (``AS-lah``); dropped with the term.
_HYPHEN_PARTICLE = re.compile(r"-(nya|lah|kah|pun)(?![0-9A-Za-z])", re.IGNORECASE)
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their",
                          "our", "my", "your"})
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
_DOUBLE_THE = re.compile(r"\b(the)\s+the\b", re.IGNORECASE)
_PREV_WORD = re.compile(r"([A-Za-z]+)('s|s')?\s+$")


@dataclass(frozen=True)
class Slot:
    """One protected term of a sentence."""

    id: int
    entry: Entry
    source_text: str  # the matched Indonesian text (without clitic)
    clitic: str = ""  # the dropped clitic/particle, e.g. "nya"
    token: str = ""  # what the NMT saw in its place

    @property
    def form(self) -> str:
        return self.entry.preferred


@dataclass(frozen=True)
class Protected:
    """A sentence ready for the NMT: ``text`` has every slot replaced according to ``scheme``."""

    source: str
    text: str
    slots: tuple[Slot, ...]
    scheme: str


@dataclass(frozen=True)
class Problem:
    """Why a slot did not verify: ``missing``, ``duplicated``, ``not-found`` (substitute) or ``spurious``."""

    reason: str
    entry: Entry | None
    detail: str = ""

    def to_dict(self) -> dict:
        return {"reason": self.reason, "entry": self.entry.label() if self.entry else None,
                "ref": self.entry.ref if self.entry else None, "detail": self.detail}


@dataclass(frozen=True)
class Restored:
    text: str
    ok: bool
    problems: tuple[Problem, ...] = ()


@dataclass
class Outcome:
    """The constrained translation of one sentence."""

    source: str
    text: str
    entries: list[Entry] = field(default_factory=list)  # terms held to the glossary (verified)
    problems: list[Problem] = field(default_factory=list)  # non-empty: the sentence is flagged
    scheme: str = ""  # the attempt that produced ``text`` ("" when there was no term)

    @property
    def flagged(self) -> bool:
        return bool(self.problems)


# -- protect ---------------------------------------------------------------------------------------------------
def _spans(sentence: str, matches: Sequence[Match]) -> list[tuple[int, int, Match, str]]:
    """(start, end, match, clitic) per match, the span swallowing a glued or hyphenated particle."""
    out = []
    for m in matches:
        end, clitic = m.end + len(m.suffix), m.suffix
        if not clitic:
            p = _HYPHEN_PARTICLE.match(sentence, m.end)
            if p:
                end, clitic = p.end(), p.group(1)
        out.append((m.start, end, m, clitic))
    return out


def has_token_collision(sentence: str) -> bool:
    """True when the sentence already contains something that reads as a placeholder."""
    return _TOKEN_RE.search(sentence) is not None


def protect(sentence: str, matches: Sequence[Match], scheme: str = PLACEHOLDER) -> Protected:
    """Replace every match (longest, non-overlapping, as from ``Matcher.find``) for the NMT."""
    upper = scheme == INLINE and _is_upper_context(sentence, [(m.start, m.end) for m in matches])
    parts, slots, pos = [], [], 0
    for i, (start, end, m, clitic) in enumerate(_spans(sentence, matches), 1):
        if scheme == PLACEHOLDER:
            token = _TOKEN.format(i)
        elif scheme == INLINE:
            token = _ARTICLE.sub("", m.entry.preferred)
            token = token.upper() if upper else token
        else:
            raise ValueError(f"unknown protection scheme {scheme!r}")
        parts += [sentence[pos:start], token]
        pos = end
        slots.append(Slot(i, m.entry, m.text, clitic, token))
    parts.append(sentence[pos:])
    return Protected(sentence, "".join(parts), tuple(slots), scheme)


# -- restore ---------------------------------------------------------------------------------------------------
def restore(nmt_output: str, protected: Protected) -> Restored:
    """Put the preferred forms back into the NMT output of ``protected.text`` and verify them."""
    if not protected.slots:
        return Restored(_polish(nmt_output, protected.source), True)
    if protected.scheme == PLACEHOLDER:
        return _restore_tokens(nmt_output, protected)
    if protected.scheme == INLINE:
        return _restore_inline(nmt_output, protected)
    raise ValueError(f"cannot restore scheme {protected.scheme!r}")


def _restore_tokens(output: str, protected: Protected) -> Restored:
    by_id = {s.id: s for s in protected.slots}
    hits, seen, problems = [], Counter(), []
    for m in _TOKEN_RE.finditer(output):
        slot = by_id.get(int(m.group(1)))
        if slot is None:
            problems.append(Problem("spurious", None, f"unexpected placeholder {m.group(0)!r}"))
            continue
        seen[slot.id] += 1
        hits.append((m.start(), m.end(), slot))
    for slot in protected.slots:
        if seen[slot.id] == 0:
            problems.append(Problem("missing", slot.entry, f"placeholder {slot.token} dropped by the model"))
        elif seen[slot.id] > 1:
            problems.append(Problem("duplicated", slot.entry,
                                    f"placeholder {slot.token} appears {seen[slot.id]} times"))
    return Restored(_assemble(output, hits, protected.source), not problems, tuple(problems))


def _restore_inline(output: str, protected: Protected) -> Restored:
    hits, problems = _locate_forms(output, protected.slots)
    return Restored(_assemble(output, hits, protected.source), not problems, tuple(problems))


def _core(entry: Entry) -> str:
    return _ARTICLE.sub("", entry.preferred)


def _locate_forms(output: str, slots: Sequence[Slot]) -> tuple[list, list[Problem]]:
    """Occurrences of each slot entry's preferred form (article-less) in English text, per slot."""
    entries = list({id(s.entry): s.entry for s in slots}.values())
    matcher = Matcher([(e, _core(e), "preferred") for e in entries], EN_SUFFIXES)
    found: dict[int, list[Match]] = {}
    for m in matcher.find(output):
        found.setdefault(id(m.entry), []).append(m)
    hits, problems = [], []
    for e in entries:
        want = [s for s in slots if s.entry is e]
        got = found.get(id(e), [])
        if len(got) < len(want):
            problems.append(Problem("missing", e, f"{e.preferred!r} missing from the output"))
        elif len(got) > len(want):
            problems.append(Problem("duplicated", e, f"{e.preferred!r} appears {len(got)} times"))
        hits += [(m.start, m.end, want[0]) for m in got]
    return hits, problems


def substitute(unprotected: str, protected: Protected, renderings: dict[int, str]) -> Restored:
    """Fix an unprotected translation: replace the model's rendering of each term by its preferred form.

    ``renderings`` maps slot id → the model's translation of the slot's source text alone. A forbidden or
    admitted form of the entry found in the output is replaced as well.
    """
    text = unprotected
    hits, problems = _locate_forms(text, protected.slots)
    if not problems:
        return Restored(_assemble(text, hits, protected.source), True)
    for slot in protected.slots:
        present = _locate_forms(text, [slot])[0]
        want = sum(1 for s in protected.slots if s.entry is slot.entry)
        if len(present) >= want:
            continue
        candidates = [renderings.get(slot.id, ""), *slot.entry.forbidden, *slot.entry.admitted, slot.source_text]
        for cand in candidates:
            cand = cand.strip().rstrip(".").strip()
            if not cand or cand.casefold() == _core(slot.entry).casefold():
                continue
            pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, cand.split())) + r"(?!\w)",
                                 re.IGNORECASE)
            m = pattern.search(text)
            if m:
                text = text[:m.start()] + _core(slot.entry) + text[m.end():]
                break
    hits, problems = _locate_forms(text, protected.slots)
    problems = [Problem("not-found" if p.reason == "missing" else p.reason, p.entry, p.detail) for p in problems]
    return Restored(_assemble(text, hits, protected.source), not problems, tuple(problems))


# -- grammar around inserted forms -----------------------------------------------------------------------------
def _is_upper_context(text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """True when the letters outside ``spans`` are (nearly) all upper case: an ALL-CAPS headline."""
    mask = bytearray(len(text))
    for s, e in spans:
        mask[s:e] = b"\1" * (e - s)
    letters = [c for i, c in enumerate(text) if not mask[i] and c.isalpha()]
    if len(letters) < 4:
        return False
    return sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _render(slot: Slot, before: str, upper: bool) -> str:
    form = slot.form
    prev = _PREV_WORD.search(before)
    if _ARTICLE.match(form) and prev and (prev.group(1).lower() in _DETERMINERS or prev.group(2)):
        form = _ARTICLE.sub("", form)
    if upper:
        return form.upper()
    if not any(c.isalnum() for c in before) and form[:1].islower():
        form = form[0].upper() + form[1:]
    return form


def _assemble(output: str, hits: Sequence[tuple[int, int, Slot]], source: str) -> str:
    """Replace each hit span by its slot's rendered form, then fix sentence-level grammar."""
    upper = _is_upper_context(output, [(s, e) for s, e, _ in hits])
    parts, pos = [], 0
    for start, end, slot in sorted(hits, key=lambda h: h[0]):
        if start < pos:
            continue
        parts.append(output[pos:start])
        parts.append(_render(slot, "".join(parts), upper))
        pos = end
    parts.append(output[pos:])
    return _polish("".join(parts), source)


def _polish(text: str, source: str) -> str:
    """Collapse "the the"; capitalise a lower-case first word when the source sentence starts upper-case."""
    text = _DOUBLE_THE.sub(r"\1", text)
    first_src = next((c for c in source if c.isalpha()), "")
    for i, c in enumerate(text):
        if c.isalpha():
            if c.islower() and first_src.isupper():
                text = text[:i] + c.upper() + text[i + 1:]
            break
        if c.isdigit():
            break
    return text


# -- the whole procedure over a batch --------------------------------------------------------------------------
def translate_unique(translate: Translate, texts: Sequence[str]) -> list[str]:
    """Translate ``texts`` with each distinct non-empty text sent once, results in input order."""
    unique = list(dict.fromkeys(t for t in texts if t.strip()))
    done = translate(unique) if unique else []
    if len(done) != len(unique):
        raise RuntimeError(f"translator returned {len(done)} results for {len(unique)} sentences")
    table = dict(zip(unique, done))
    return [table.get(t, t) for t in texts]


def translate_constrained(sentences: Sequence[str], matches: Sequence[Sequence[Match]],
                          translate: Translate) -> list[Outcome]:
    """Translate a whole batch: one translator call for every sentence, then (small) repair rounds."""
    if len(sentences) != len(matches):
        raise ValueError("one match list per sentence is required")
    first = [protect(s, m, INLINE if m and has_token_collision(s) else PLACEHOLDER)
             for s, m in zip(sentences, matches)]
    outputs = translate_unique(translate, [p.text for p in first])
    outcomes: list[Outcome] = []
    attempts: dict[int, list[tuple[str, Restored]]] = {}
    for i, (p, out) in enumerate(zip(first, outputs)):
        r = restore(out, p)
        outcomes.append(Outcome(p.source, r.text, [s.entry for s in p.slots] if r.ok else [],
                                list(r.problems), p.scheme if p.slots else ""))
        if not r.ok:
            attempts[i] = [(p.scheme, r)]

    # repair 1: the inline protection, for sentences that have not tried it yet
    todo = [i for i in attempts if first[i].scheme != INLINE]
    if todo:
        second = {i: protect(sentences[i], matches[i], INLINE) for i in todo}
        outs = translate_unique(translate, [second[i].text for i in todo])
        for i, out in zip(todo, outs):
            r = restore(out, second[i])
            attempts[i].append((INLINE, r))
            if r.ok:
                _accept(outcomes[i], INLINE, r, second[i])
                del attempts[i]

    # repair 2: unprotected translation, then substitute the model's rendering of each term
    todo = list(attempts)
    if todo:
        slot_texts = [s.source_text for i in todo for s in first[i].slots]
        outs = translate_unique(translate, [sentences[i] for i in todo] + slot_texts)
        whole, alone = outs[:len(todo)], iter(outs[len(todo):])
        for i, out in zip(todo, whole):
            renderings = {s.id: next(alone) for s in first[i].slots}
            r = substitute(out, first[i], renderings)
            attempts[i].append((SUBSTITUTE, r))
            if r.ok:
                _accept(outcomes[i], SUBSTITUTE, r, first[i])
                continue
            scheme, best = min(reversed(attempts[i]), key=lambda a: len(a[1].problems))
            o = outcomes[i]
            o.text, o.scheme, o.problems = best.text, scheme, list(best.problems)
            failed = {id(p.entry) for p in best.problems}
            o.entries = [s.entry for s in first[i].slots if id(s.entry) not in failed]
    return outcomes


def _accept(outcome: Outcome, scheme: str, r: Restored, p: Protected) -> None:
    outcome.text, outcome.scheme, outcome.problems = r.text, scheme, []
    outcome.entries = [s.entry for s in p.slots]
