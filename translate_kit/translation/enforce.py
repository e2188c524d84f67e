"""Holding any engine to the glossary without breaking its English: verify first, escalate per term, and a
verdict for every source term occurrence (DESIGN.md §7).

1. **First round** — one batched call over every piece of the batch. Terms are left as they are (the
   engine translates them freely) except entries the policy protects up front (:mod:`.policy`: verbatim
   names, codes, and URLs/e-mails/handles/hashtags, :mod:`.tokens`), which become placeholders. Each output
   is verified with the checker's own matcher and term accounting (:mod:`.verify`); an occurrence whose
   entry holds is ``natural`` and its sentence is kept exactly as the engine wrote it.
2. **The ladder**, cheapest first, only for pieces with a failing entry; each rung is at most one batched
   engine call over all pieces still failing, and its candidate is verified the same way and kept when it
   fails fewer entries than the best so far:

   - ``n-best`` — another hypothesis of the first round (engines with ``translate_nbest``: the beam holds
     them already, so this costs no engine call);
   - ``placeholder`` — the failing terms become placeholders, restored in their preferred form (or the
     adjective the English needs, :mod:`.constrain`);
   - ``inline`` — the failing terms are written into the source in their English form;
   - ``attention`` — the output span aligned by cross-attention to the failing term is replaced by its form
     (engines with ``translate_with_attention``); ``substitute`` otherwise — the term is translated alone and
     that rendering (or a forbidden form, or the Indonesian left untranslated) is replaced in the output;
   - ``prefix`` — the decoder is forced through the output up to the aligned span plus the form, and
     continues (``translate_with_prefix``); with ``score``, kept only when the model finds the result about
     as plausible as its own unconstrained output (:data:`PLAUSIBLE_DROP`);
   - ``suppress`` — the sentence again with the failing entries' forbidden forms suppressed
     (``translate_suppressed``);
   - the last resort: every term of the sentence behind a placeholder, then written inline (a re-translation
     can lose a term that the first output had right; this holds them all).
3. **Verdicts** — per occurrence: ``natural``; ``enforced`` with the method that made it hold
   (``protected`` for the up-front placeholder); ``flagged`` with the reason (``missing``, ``forbidden``,
   ``untranslated``, ``duplicated``) when no rung held. A flagged piece keeps the candidate with the fewest
   failing entries (the unconstrained output on a tie): never silently wrong.

Every engine call goes through a method of the translator object (``translate`` and the optional
capabilities of :mod:`translate_kit.engine.protocol`), with identical inputs sent once per call.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass

from ..glossary.matching import Match
from ..glossary.model import Entry
from .constrain import (
    INLINE,
    KEEP,
    PLACEHOLDER,
    Restored,
    has_token_collision,
    new_slot,
    placeholder_for,
    protect,
    render_form,
    restore,
)
from .policy import protect_up_front
from .tokens import VerbatimTokens, is_verbatim, merge
from .verify import Failure, Verifier

NATURAL, ENFORCED, FLAGGED = "natural", "enforced", "flagged"
VERDICTS = (NATURAL, ENFORCED, FLAGGED)
PROTECTED, NBEST, ATTENTION, SUBSTITUTE, PREFIX, SUPPRESS = (
    "protected",
    "n-best",
    "attention",
    "substitute",
    "prefix",
    "suppress",
)
#: every method an ``enforced`` verdict can name, in ladder order
METHODS = (PROTECTED, NBEST, PLACEHOLDER, INLINE, ATTENTION, SUBSTITUTE, PREFIX, SUPPRESS)
_WORD = re.compile(r"\w")


@dataclass(slots=True)
class Occurrence:
    """One occurrence of a glossary term (or verbatim token, or number) in a source sentence and its verdict."""

    source: str  # the Indonesian text matched
    entry: Entry | None  # None for a number
    start: int
    end: int
    verdict: str = NATURAL
    method: str = ""  # enforced: one of METHODS (or "number-rendering")
    reason: str = ""  # flagged: missing | forbidden | untranslated | duplicated | spurious | number
    detail: str = ""
    kind: str = "term"  # "term" | "verbatim" | "number"

    @property
    def flagged(self) -> bool:
        return self.verdict == FLAGGED

    def label(self) -> str:
        return self.entry.label() if self.entry is not None else self.source

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "kind": self.kind,
            "entry": self.label(),
            "ref": self.entry.ref if self.entry is not None else None,
            "verdict": self.verdict,
            "method": self.method,
            "reason": self.reason,
            "detail": self.detail,
        }


@dataclass(slots=True)
class PieceResult:
    source: str
    text: str
    occurrences: list[Occurrence]
    method: str = ""  # the rung whose candidate was kept ("": the first round's output)

    @property
    def flagged(self) -> bool:
        return any(o.flagged for o in self.occurrences)


class _State:
    """One piece on its way up the ladder."""

    __slots__ = (
        "source",
        "all",
        "terms",
        "verbatim",
        "upfront",
        "first",
        "hyps",
        "fails0",
        "best",
        "best_fails",
        "best_method",
        "constrained",
        "spans",
        "span_text",
        "natural",
        "sent",
    )

    def __init__(self, source: str, found: list[Match], upfront: set):
        self.source, self.all, self.upfront = source, found, upfront
        self.terms = [m for m in found if not is_verbatim(m.entry)]
        self.verbatim = [m for m in found if is_verbatim(m.entry)]
        schemes = [
            (INLINE if has_token_collision(source) else PLACEHOLDER) if m.entry in upfront else KEEP for m in found
        ]
        self.first = protect(source, found, schemes)
        self.hyps: list[str] = []
        self.fails0: dict = {}
        self.best, self.best_fails, self.best_method = source, {}, ""
        self.constrained: set = set()  # the entries the kept candidate's method constrained
        self.spans: list[tuple[Match, int, int]] = []
        self.span_text = ""
        self.natural: dict = {}  # entry → the English the first output gave its occurrences, when accepted
        self.sent = {self.first.text}  # inputs already sent for this piece (the same input, the same answer)

    def failing(self) -> set:
        """The entries a rung constrains: those failing in the first output or in the best candidate."""
        return {e for e in (*self.fails0, *self.best_fails) if e is not None}

    def accept(self, text: str, method: str, fails: dict, constrained) -> None:
        """Keep the candidate when it fails fewer entries than the best so far."""
        if len(fails) < len(self.best_fails):
            self.best, self.best_fails, self.best_method = text, fails, method
            self.constrained = set(constrained)


class EngineCalls:
    """The translator's methods, each text sent once per call; seconds and texts counted per method."""

    def __init__(self, translator, progress=None, stats: dict | None = None):
        self.translator, self.progress = translator, progress
        self.stats = stats if stats is not None else {}

    def has(self, name: str) -> bool:
        return callable(getattr(self.translator, name, None))

    def run(self, name: str, texts: Sequence[str], *per_item: Sequence, **options) -> list:
        """``translator.<name>(unique texts, *per-item columns, **options)`` mapped back to ``texts`` (None
        for a blank text). Options go as keyword arguments: a memory keys a call by them, and zips list
        arguments item by item."""
        keys = list(dict.fromkeys(k for k in zip(texts, *per_item) if k[0].strip()))
        if not keys:
            return [None] * len(texts)
        cols = [list(c) for c in zip(*keys)]
        kwargs = {"progress": self.progress} if self.progress and name != "score" else {}
        if kwargs and hasattr(self.progress, "expect"):
            self.progress.expect(len(keys))
        t0 = time.perf_counter()
        out = list(getattr(self.translator, name)(*cols, **options, **kwargs))
        st = self.stats.setdefault(name, {"calls": 0, "texts": 0, "chars": 0, "seconds": 0.0})
        st["calls"] += 1
        st["texts"] += len(keys)
        st["chars"] += sum(len(t) for t in cols[0])
        st["seconds"] += time.perf_counter() - t0
        if len(out) != len(keys):
            raise RuntimeError(f"translator returned {len(out)} results for {len(keys)} sentences")
        table = dict(zip(keys, out))
        return [table.get(k) for k in zip(texts, *per_item)]


def enforce(
    pieces: Sequence[str],
    matches: Sequence[Sequence[Match]],
    translator,
    *,
    verifier: Verifier,
    policy: dict[str, bool] | None = None,
    verbatim: bool = True,
    progress=None,
    stats: dict | None = None,
) -> list[PieceResult]:
    """Translate ``pieces`` (with their glossary matches) held to the glossary; one result per piece."""
    if len(pieces) != len(matches):
        raise ValueError("one match list per piece is required")
    calls = EngineCalls(translator, progress, stats)
    tokens = VerbatimTokens() if verbatim else None
    states = []
    for piece, found in zip(pieces, matches):
        found = merge(list(found), tokens.find(piece) if tokens else [])
        upfront = {m.entry for m in found if is_verbatim(m.entry) or protect_up_front(m.entry, policy)}
        states.append(_State(piece, found, upfront))
    _first_round(states, calls, verifier)
    for rung in (
        _rung_nbest,
        _rung_placeholder,
        _rung_inline,
        _rung_align,
        _rung_prefix,
        _rung_suppress,
        _rung_protect_all,
    ):
        todo = [st for st in states if st.best_fails]
        if not todo:
            break
        rung(todo, calls, verifier)
    return [_result(st) for st in states]


def _check(st: _State, r: Restored, verifier: Verifier) -> dict[Entry | None, Failure]:
    """The entries a candidate fails: the checker's accounting plus what its protection reported."""
    fails: dict = verifier.failures(st.terms, st.verbatim, r.text) if st.all else {}
    spurious = [p for p in r.problems if p.entry is None]
    for p in r.problems:
        if p.entry is not None:
            fails.setdefault(p.entry, (p.reason, p.detail))
    if spurious and not fails:
        for s in st.first.slots:
            fails.setdefault(s.entry, ("spurious", spurious[0].detail))
    return fails


def _first_round(states: list[_State], calls: EngineCalls, verifier: Verifier) -> None:
    texts = [st.first.text for st in states]
    if calls.has("translate_nbest"):
        hyps = calls.run("translate_nbest", texts, n=getattr(calls.translator, "beam_size", 4))
    else:
        hyps = [[o] if o is not None else None for o in calls.run("translate", texts)]
    for st, h in zip(states, hyps):
        st.hyps = list(h) if h else [st.first.text]
        r = restore(st.hyps[0], st.first)
        st.fails0 = _check(st, r, verifier)
        st.best, st.best_fails = r.text, dict(st.fails0)
        if st.fails0 and st.terms:
            st.natural = verifier.renderings(st.terms, r.text)


def _rung_nbest(todo: list[_State], calls: EngineCalls, verifier: Verifier) -> None:
    for st in todo:
        for h in st.hyps[1:]:
            r = restore(h, st.first)
            st.accept(r.text, NBEST, _check(st, r, verifier), st.fails0)
            if not st.best_fails:
                break


def _rung_protect(todo: list[_State], calls: EngineCalls, verifier: Verifier, scheme: str, every: bool = False) -> None:
    """Re-translate with the failing terms protected by ``scheme`` (``every``: all terms). A term the first
    output rendered right is written inline in that very rendering, so the retry cannot lose it; up-front
    entries stay behind placeholders."""
    chosen = []
    for st in todo:
        collision = has_token_collision(st.source)
        if scheme == PLACEHOLDER and collision:
            continue
        failing = {m.entry for m in st.all} if every else st.failing()
        up = INLINE if collision else PLACEHOLDER
        schemes, forms, seen = [], [], {}
        for m in st.all:
            k = seen[m.entry] = seen.get(m.entry, -1) + 1
            natural = st.natural.get(m.entry, [])
            if m.entry in failing:
                schemes.append(scheme)
                forms.append(None)
            elif m.entry in st.upfront:
                schemes.append(up)
                forms.append(None)
            else:
                schemes.append(INLINE if k < len(natural) else KEEP)
                forms.append(natural[k] if k < len(natural) else None)
        first_id = len(st.all) + 1 if every else 1  # numbered afresh: an input the engine has not seen
        p = protect(st.source, st.all, schemes, first_id, forms)
        if p.text not in st.sent:  # the same input would get the same answer
            st.sent.add(p.text)
            chosen.append((st, p, failing))
    outs = calls.run("translate", [p.text for _, p, _ in chosen])
    for (st, p, failing), out in zip(chosen, outs):
        r = restore(out if out is not None else p.text, p)
        st.accept(r.text, scheme, _check(st, r, verifier), failing)


def _rung_placeholder(todo, calls, verifier):
    _rung_protect(todo, calls, verifier, PLACEHOLDER)


def _rung_inline(todo, calls, verifier):
    _rung_protect(todo, calls, verifier, INLINE)


def _rung_protect_all(todo, calls, verifier):
    """The last resort before a flag: every term of the sentence behind a placeholder (inline where the
    source has placeholder look-alikes), so no re-translation can lose a term that was right before."""
    _rung_protect(todo, calls, verifier, PLACEHOLDER, every=True)
    _rung_protect([st for st in todo if st.best_fails], calls, verifier, INLINE, every=True)


def _rung_align(todo: list[_State], calls: EngineCalls, verifier: Verifier) -> None:
    """Replace the output span that renders each failing term: aligned by attention when the engine gives
    it, else found as the engine's rendering of the term alone."""
    if calls.has("translate_with_attention"):
        method = ATTENTION
        data = calls.run("translate_with_attention", [st.first.text for st in todo])
        for st, d in zip(todo, data):
            if d:
                st.span_text, st.spans = d["text"], _attention_spans(st, d)
    else:
        method = SUBSTITUTE
        wanted = [(st, m) for st in todo for m in st.all if m.entry in st.failing()]
        alone = calls.run("translate", [m.text for _, m in wanted])
        renderings: dict[int, list] = {}
        for (st, m), out in zip(wanted, alone):
            renderings.setdefault(id(st), []).append((m, out or ""))
        for st in todo:
            st.span_text = st.hyps[0]
            st.spans = _rendering_spans(st.span_text, renderings.get(id(st), []))
    for st in todo:
        if st.spans:
            text, p = st.span_text, st.first
            for m, s, e in sorted(st.spans, key=lambda x: -x[1]):
                slot = new_slot(p, m.entry, m.text, *_modifier(st, m))
                text, p = placeholder_for(text, s, e, slot), p.with_slots([slot])
            r = restore(text, p)
            st.accept(r.text, method, _check(st, r, verifier), {m.entry for m, _, _ in st.spans})


def _modifier(st: _State, m: Match) -> tuple[bool, str]:
    slot = protect(st.source, [m], PLACEHOLDER).slots[0]
    return slot.modifier, slot.follower


def _attention_spans(st: _State, d: dict) -> list[tuple[Match, int, int]]:
    """Per failing match, the output span whose tokens attend most to the match's source tokens."""
    failing, out, taken = st.failing(), [], []
    text, att = d["text"], d["attention"]
    for m, (s0, e0) in zip(st.all, st.first.where):
        if m.entry not in failing:
            continue
        src = {j for j, (a, b) in enumerate(d["source_spans"]) if a < e0 and s0 < b}
        tgt = [t for t, row in enumerate(att) if row and max(range(len(row)), key=row.__getitem__) in src]
        spans = [d["target_spans"][t] for t in tgt if t < len(d["target_spans"])]
        spans = [sp for sp in spans if sp[1] > sp[0]]
        if not spans:
            continue
        s, e = _word_bounds(text, min(a for a, _ in spans), max(b for _, b in spans))
        if not any(s < te and ts < e for ts, te in taken):
            taken.append((s, e))
            out.append((m, s, e))
    return out


def _word_bounds(text: str, s: int, e: int) -> tuple[int, int]:
    while s > 0 and _WORD.match(text[s - 1]):
        s -= 1
    while e < len(text) and _WORD.match(text[e]):
        e += 1
    return s, e


def _rendering_spans(text: str, renderings: list[tuple[Match, str]]) -> list[tuple[Match, int, int]]:
    """Per failing match, where the output holds its rendering alone, a forbidden form or the source text."""
    out, taken = [], []
    for m, alone in renderings:
        for cand in (alone, *m.entry.forbidden, m.text, m.entry.source):
            cand = cand.strip().rstrip(".").strip()
            if not cand or (cand.casefold() == m.entry.preferred.casefold() and cand not in m.entry.forbidden):
                continue
            rx = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, cand.split())) + r"\w*", re.IGNORECASE)
            hit = next(
                (h for h in rx.finditer(text) if not any(h.start() < te and ts < h.end() for ts, te in taken)), None
            )
            if hit:
                taken.append(hit.span())
                out.append((m, *hit.span()))
                break
    return out


#: a forced continuation is kept only when the model's mean log-probability per token (``score``) drops by
#: at most this much against its own unconstrained output: forcing can derail what follows the prefix
PLAUSIBLE_DROP = 1.0


def _rung_prefix(todo: list[_State], calls: EngineCalls, verifier: Verifier) -> None:
    """Force the decoder through the output up to the first aligned span, plus the entry's form; with
    ``score``, keep the continuation only when the model still finds it plausible."""
    if not calls.has("translate_with_prefix"):
        return
    chosen = []
    for st in todo:
        if st.spans:
            m, s, e = min(st.spans, key=lambda x: x[1])
            slot = new_slot(st.first, m.entry, m.text, *_modifier(st, m))
            before = st.span_text[:s]
            chosen.append((st, before + render_form(slot, before, st.span_text[e:]), m.entry))
    inputs = [st.first.text for st, _, _ in chosen]
    outs = calls.run("translate_with_prefix", inputs, [p for _, p, _ in chosen])
    plausible = [True] * len(chosen)
    idx = [k for k, o in enumerate(outs) if o is not None]
    if calls.has("score") and idx:
        src = [inputs[k] for k in idx]
        scores = calls.run("score", src + src, [outs[k] for k in idx] + [chosen[k][0].hyps[0] for k in idx])
        for j, k in enumerate(idx):
            plausible[k] = scores[j] >= scores[j + len(idx)] - PLAUSIBLE_DROP
    for (st, _, entry), out, ok in zip(chosen, outs, plausible):
        if out is not None and ok:
            r = restore(out, st.first)
            st.accept(r.text, PREFIX, _check(st, r, verifier), {entry})


def _rung_suppress(todo: list[_State], calls: EngineCalls, verifier: Verifier) -> None:
    """The sentence again with every forbidden form of a failing entry suppressed (one list per call)."""
    if not calls.has("translate_suppressed"):
        return
    chosen = [
        st
        for st in todo
        if any(e is not None and e.forbidden and f[0] == "forbidden" for e, f in st.best_fails.items())
    ]
    suppress = sorted({f for st in chosen for e in st.best_fails if e is not None for f in e.forbidden})
    if not chosen or not suppress:
        return
    outs = calls.run("translate_suppressed", [st.first.text for st in chosen], suppress=suppress)
    for st, out in zip(chosen, outs):
        if out is not None:
            r = restore(out, st.first)
            st.accept(
                r.text, SUPPRESS, _check(st, r, verifier), {e for e, f in st.best_fails.items() if f[0] == "forbidden"}
            )


def _result(st: _State) -> PieceResult:
    occurrences = []
    for m in st.all:
        occ = Occurrence(m.text, m.entry, m.start, m.end, kind="verbatim" if is_verbatim(m.entry) else "term")
        fail = st.best_fails.get(m.entry)
        if fail is not None:
            occ.verdict, occ.reason, occ.detail = FLAGGED, fail[0], fail[1]
        elif m.entry in st.constrained:
            occ.verdict, occ.method = ENFORCED, st.best_method
        elif m.entry in st.upfront:
            occ.verdict, occ.method = ENFORCED, PROTECTED
        occurrences.append(occ)
    return PieceResult(st.source, st.best, occurrences, st.best_method)
