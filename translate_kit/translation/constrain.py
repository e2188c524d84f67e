"""The string work of glossary enforcement: protect matched terms for the engine, restore their English
form in the engine's output, and the grammar around an inserted form. The ladder that decides what to
protect and when lives in :mod:`.enforce`.

Two protections, chosen per match (:func:`protect`):

- **placeholder** — the term (with an attached clitic such as ``-nya``) becomes an opaque token ``ZX1``,
  ``ZX2``… An upper-case letter pair plus a number reads to an NMT model like a code, which it copies.
  Restoring finds each token again whatever the model did to spacing and case (``zx 1``), in any order,
  and reports a token dropped, duplicated or unexpected.
- **inline** — the preferred English form itself is written into the Indonesian sentence (code-switching);
  models carry English names through. Restoring re-renders the preferred forms it finds.

A match may also be left as it is (**keep**): the engine translates it freely, and :func:`protect` still
records where it sits in the text the engine sees (for attention alignment).

Grammar around inserted forms: a form is capitalised at the start of a sentence, upper-cased in an ALL-CAPS
sentence, and a form that starts with "the" loses its article after another determiner, so "the the" never
appears. Where the source uses the term as a modifier after a noun ("pejabat Korut") and the English puts
it before a lower-case word ("ZX1 officials"), the entry's adjective form ("North Korean", an admitted form)
is written instead of the noun. Indonesian clitics and particles glued to a term (``Korutnya``, ``AS-lah``)
are dropped: English never gets "nya" glued on.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..glossary.matching import EN_SUFFIXES, Match, Matcher
from ..glossary.model import Entry

PLACEHOLDER = "placeholder"
INLINE = "inline"
KEEP = "keep"

_TOKEN = "ZX{}"
#: a placeholder as a model may return it: any case, optional spaces inside, any order.
_TOKEN_RE = re.compile(r"(?<![0-9A-Za-z])[Zz] ?[Xx] ?(\d{1,3})(?!\d)")
#: Indonesian particles written with a hyphen after a word (``AS-lah``); dropped with the term.
_HYPHEN_PARTICLE = re.compile(r"-(nya|lah|kah|pun)(?![0-9A-Za-z])", re.IGNORECASE)
_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your"}
)
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
_DOUBLE_THE = re.compile(r"\b(the)\s+the\b", re.IGNORECASE)
_PREV_WORD = re.compile(r"([A-Za-z]+)('s|s')?\s+$")
_NEXT_WORD = re.compile(r"^\s+([a-z]+)\b")
#: words after a term that do not make it a modifier ("North Korea has", "Russia and")
_NOT_HEADS = frozenset(
    """a an the and or but nor of to in on at by for from with as than that which who whom
whose is are was were be been being has have had do does did will would shall should can could may might must
said says say told tells announced added warned also again already still not never said will its it he she they
we this these those there here then so if when while after before since until because about over under into
onto between against during without within through across near""".split()
)
#: Indonesian words before a term that make it an object, not a modifier ("di Korut", "dan Rusia")
_ID_NOT_HEADS = frozenset(
    """di ke dari oleh dan atau dengan untuk pada kepada bagi tentang terhadap antara
dalam yang bahwa serta ialah adalah juga itu ini tak tidak akan telah sudah sejak hingga sampai menurut kata
ujar antara oleh para sang si""".split()
)
_ADJECTIVE_END = re.compile(r"(?:an|ian|ean|ese|ish|ic|i|n)$")


def adjective_form(entry: Entry) -> str | None:
    """The admitted form of ``entry`` that is its adjective or demonym ("North Korean" for "North Korea"):
    same number of words, the preferred form's stem, an adjectival ending. None when there is none."""
    pref = entry.preferred
    if not pref or entry.no_translate:
        return None
    stem = pref.lower()[: max(3, len(pref) - 2)]
    for form in entry.admitted:
        low = form.lower()
        if (
            low != pref.lower()
            and low.startswith(stem)
            and len(form.split()) == len(pref.split())
            and _ADJECTIVE_END.search(low)
        ):
            return form
    return None


@dataclass(frozen=True, slots=True)
class Slot:
    """One protected (or substituted) term of a sentence."""

    id: int
    entry: Entry
    source_text: str  # the matched Indonesian text (without clitic)
    clitic: str = ""  # the dropped clitic/particle, e.g. "nya"
    token: str = ""  # what the engine saw in its place
    scheme: str = PLACEHOLDER
    modifier: bool = False  # the source uses the term after a noun it modifies ("pejabat Korut")
    follower: str = ""  # the source word right after the term (lower-cased)

    @property
    def form(self) -> str:
        return self.entry.preferred


@dataclass(frozen=True, slots=True)
class Protected:
    """A sentence ready for the engine: ``text`` has the chosen matches protected; ``where`` holds the span
    in ``text`` of every match given to :func:`protect`, protected or kept."""

    source: str
    text: str
    slots: tuple[Slot, ...]
    where: tuple[tuple[int, int], ...] = ()

    def with_slots(self, extra: Sequence[Slot]) -> Protected:
        return Protected(self.source, self.text, self.slots + tuple(extra), self.where)


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a protection did not hold: ``missing``, ``duplicated`` or ``spurious`` (a placeholder)."""

    reason: str
    entry: Entry | None
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Restored:
    text: str
    ok: bool
    problems: tuple[Problem, ...] = ()


# -- protect ---------------------------------------------------------------------------------------------------
def _span(sentence: str, m: Match) -> tuple[int, str]:
    """End of the match's span, swallowing a glued or hyphenated particle, and that particle."""
    end, clitic = m.end + len(m.suffix), m.suffix
    if not clitic:
        p = _HYPHEN_PARTICLE.match(sentence, m.end)
        if p:
            end, clitic = p.end(), p.group(1)
    return end, clitic


def has_token_collision(sentence: str) -> bool:
    """True when the sentence already contains something that reads as a placeholder."""
    return _TOKEN_RE.search(sentence) is not None


def _is_modifier(sentence: str, start: int) -> bool:
    prev = re.search(r"([A-Za-z]+)\s+$", sentence[:start])
    return bool(prev) and prev.group(1).lower() not in _ID_NOT_HEADS


def _follower(sentence: str, end: int) -> str:
    nxt = _NEXT_WORD.match(sentence[end:].lower())
    return nxt.group(1) if nxt else ""


def protect(
    sentence: str,
    matches: Sequence[Match],
    scheme: str | Sequence[str] = PLACEHOLDER,
    first_id: int = 1,
    forms: Sequence[str | None] | None = None,
) -> Protected:
    """Protect the matches (longest, non-overlapping, in text order, as from ``Matcher.find``) for the engine:
    ``scheme`` is one scheme for all or one per match (:data:`PLACEHOLDER`, :data:`INLINE`, :data:`KEEP`);
    ``forms[i]``, when given, is the English written for an inline match (default: its preferred form);
    placeholders are numbered from ``first_id``."""
    schemes = [scheme] * len(matches) if isinstance(scheme, str) else list(scheme)
    forms = list(forms) if forms is not None else [None] * len(matches)
    for sch in schemes:
        if sch not in (PLACEHOLDER, INLINE, KEEP):
            raise ValueError(f"unknown protection scheme {sch!r}")
    inline = [(m.start, m.end) for m, sch in zip(matches, schemes) if sch == INLINE]
    upper = bool(inline) and _is_upper_context(sentence, [(m.start, m.end) for m in matches])
    parts, slots, where, pos, length, next_id = [], [], [], 0, 0, first_id
    for m, sch, form in zip(matches, schemes, forms):
        end, clitic = _span(sentence, m)
        if sch == KEEP:
            end, token = m.end, sentence[m.start : m.end]
        elif sch == PLACEHOLDER:
            token = _TOKEN.format(next_id)
        else:
            token = form or _ARTICLE.sub("", m.entry.preferred)
            token = token.upper() if upper else token
        parts.append(sentence[pos : m.start])
        length += m.start - pos
        where.append((length, length + len(token)))
        parts.append(token)
        length += len(token)
        pos = end
        if sch != KEEP:
            slots.append(
                Slot(
                    next_id,
                    m.entry,
                    m.text,
                    clitic,
                    token,
                    sch,
                    _is_modifier(sentence, m.start),
                    _follower(sentence, end),
                )
            )
            next_id += 1
    parts.append(sentence[pos:])
    return Protected(sentence, "".join(parts), tuple(slots), tuple(where))


def new_slot(protected: Protected, entry: Entry, source_text: str, modifier: bool = False, follower: str = "") -> Slot:
    """A placeholder slot numbered after every slot of ``protected``, for a span substituted in the output."""
    n = max([s.id for s in protected.slots] + [0]) + 1
    n = max(n, 1 + max([int(m.group(1)) for m in _TOKEN_RE.finditer(protected.text)] + [0]))
    return Slot(n, entry, source_text, "", _TOKEN.format(n), PLACEHOLDER, modifier, follower)


# -- restore ---------------------------------------------------------------------------------------------------
def restore(output: str, protected: Protected) -> Restored:
    """Put the preferred forms back into the engine's output of ``protected.text`` and check the protection:
    every placeholder exactly once, every inline form present as often as it was written."""
    if not protected.slots:
        return Restored(_polish(output, protected.source), True)
    placeholders = [s for s in protected.slots if s.scheme == PLACEHOLDER]
    inline = [s for s in protected.slots if s.scheme == INLINE]
    if placeholders and "  " not in output and _STUTTER.search(output):
        output = _STUTTER.sub(r"\1", output)
    hits, problems = _token_hits(output, placeholders) if placeholders else ([], [])
    if inline:
        more, trouble = _locate_forms(output, inline, [(s, e) for s, e, _ in hits])
        hits += more
        problems += trouble
    return Restored(_assemble(output, hits, protected.source), not problems, tuple(problems))


#: the same placeholder written twice in a row ("ZX1 ZX1"): a stutter, kept once
_STUTTER = re.compile(r"(?<![0-9A-Za-z])([Zz] ?[Xx] ?(\d{1,3}))(?:\s+[Zz] ?[Xx] ?\2)+(?!\d)")


def _token_hits(output: str, slots: Sequence[Slot]) -> tuple[list, list[Problem]]:
    by_id = {s.id: s for s in slots}
    hits, seen, problems = [], Counter(), []
    for m in _TOKEN_RE.finditer(output):
        slot = by_id.get(int(m.group(1)))
        if slot is None:
            problems.append(Problem("spurious", None, f"unexpected placeholder {m.group(0)!r}"))
            continue
        seen[slot.id] += 1
        hits.append((m.start(), m.end(), slot))
    for slot in slots:
        if seen[slot.id] == 0:
            problems.append(Problem("missing", slot.entry, f"placeholder {slot.token} dropped by the model"))
        elif seen[slot.id] > 1:
            problems.append(
                Problem("duplicated", slot.entry, f"placeholder {slot.token} appears {seen[slot.id]} times")
            )
    return hits, problems


def _core(entry: Entry) -> str:
    return _ARTICLE.sub("", entry.preferred)


def _locate_forms(
    output: str, slots: Sequence[Slot], taken: Sequence[tuple[int, int]] = ()
) -> tuple[list, list[Problem]]:
    """Occurrences of each slot entry's preferred (article-less) or admitted forms in English text; hits
    (to re-render) are the preferred ones, counts include both."""
    entries = list({id(s.entry): s.entry for s in slots}.values())
    pats = [(e, _core(e), "preferred") for e in entries]
    pats += [(e, a, "admitted") for e in entries for a in e.admitted if a and a != e.preferred]
    found: dict[int, list[Match]] = {}
    for m in Matcher(pats, EN_SUFFIXES).find(output):
        if not any(m.start < te and ts < m.end for ts, te in taken):
            found.setdefault(id(m.entry), []).append(m)
    hits, problems = [], []
    for e in entries:
        want = [s for s in slots if s.entry is e]
        got = found.get(id(e), [])
        if len(got) < len(want):
            problems.append(Problem("missing", e, f"{e.preferred!r} missing from the output"))
        elif len(got) > len(want):
            problems.append(Problem("duplicated", e, f"{e.preferred!r} appears {len(got)} times"))
        hits += [(m.start, m.end, want[0]) for m in got if m.role == "preferred"]
    return hits, problems


def placeholder_for(text: str, start: int, end: int, slot: Slot) -> str:
    """``text`` with ``text[start:end]`` replaced by the slot's placeholder (spaced off from letters)."""
    before, after = text[:start], text[end:]
    lead = " " if before and before[-1].isalnum() else ""
    trail = " " if after and after[0].isalnum() else ""
    return before + lead + slot.token + trail + after


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


def render_form(slot: Slot, before: str, after: str) -> str:
    """The slot's form as written between ``before`` and ``after`` (adjective, article, capitals)."""
    return _render(slot, before, after, _is_upper_context(before + after, ()))


def _render(slot: Slot, before: str, after: str, upper: bool) -> str:
    form = slot.form
    nxt = _NEXT_WORD.match(after)
    if (
        slot.modifier
        and nxt
        and nxt.group(1) not in _NOT_HEADS
        and nxt.group(1) != slot.follower
        and not after.startswith(("'", "\u2019"))
    ):
        form = adjective_form(slot.entry) or form
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
        parts.append(_render(slot, "".join(parts), output[end:], upper))
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
                text = text[:i] + c.upper() + text[i + 1 :]
            break
        if c.isdigit():
            break
    return text
