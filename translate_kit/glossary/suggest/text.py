"""Reading a text for candidates: acronyms, designations, credits, capitalised name sequences and how to split them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Entry
from .words import (
    ACRONYM,
    CALENDAR,
    CAPS_GAP,
    CONNECTORS,
    CREDIT_LINKS,
    CREDIT_WORDS,
    DESCRIPTORS,
    DOMAIN,
    ENGLISH_ARTICLES,
    ENGLISH_HEADS,
    ID_AFFIX,
    ID_FUNCTION_WORDS,
    INSTITUTION_HEADS,
    LEADING_STOPWORDS,
    MASK,
    MODEL,
    NAME_PARTICLES,
    PAREN,
    PLACE_HEADS,
    ROMAN,
    SEATS,
    SENTENCE_END,
    TITLES,
    WORD,
)


# -- tokenising --------------------------------------------------------------------------------------------
def _is_capitalised(word: str) -> bool:
    return word[0].isupper()


def is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def is_shouting(text: str) -> bool:
    """Mostly upper-case text (headlines, photo credits): no names or acronyms are taken from it."""
    cased = [c for c in text if c.isalpha() and (c.isupper() or c.islower())]
    return len(cased) >= 12 and sum(c.isupper() for c in cased) / len(cased) > 0.6


def _caps_runs(text: str) -> list[tuple[int, int]]:
    """Spans of three or more consecutive all-caps words ("TANGKAPAN LAYAR VIDEO VOA")."""
    words = list(WORD.finditer(text))
    runs, i = [], 0
    while i < len(words):
        j = i
        while (
            j < len(words)
            and is_caps(words[j].group())
            and (j == i or CAPS_GAP.match(text[words[j - 1].end() : words[j].start()]))
        ):
            j += 1
        if j - i >= 3:
            runs.append((words[i].start(), words[j - 1].end()))
        i = max(j, i + 1)
    return runs


def acronyms(text: str, original: str | None = None) -> list[tuple[int, str]]:
    """(offset, acronym) in ``text`` (masked text: covered spans are NUL characters; shouted runs are
    found in the ``original`` text, so that a masked term inside one does not break it)."""
    runs = _caps_runs(original if original is not None else text)
    out = []
    for m in ACRONYM.finditer(text):
        if ROMAN.match(m.group()) or any(s <= m.start() < e for s, e in runs) or _in_domain(text, m):
            continue
        out.append((m.start(), m.group()))
    return out


def models(text: str) -> list[tuple[int, str]]:
    """(offset, designation) of hyphenated alphanumeric model names: *Hwasong-11*, *Su-57*, *F-16*,
    *COVID-19*; at least two letters or two digits ("H-1" is a date), and not part of a host name.
    Unhyphenated ones (*G20*, *S400*) are acronyms."""
    return [
        (m.start(), m.group())
        for m in MODEL.finditer(text)
        if (len(m.group(1)) >= 2 or len(m.group(2)) >= 2) and not _in_domain(text, m)
    ]


def _in_domain(text: str, m: re.Match) -> bool:
    """Part of a host name such as TRIBUN-MEDAN.COM or fin.co.id."""
    token = re.split(r"\s", text[: m.start()])[-1] + m.group() + re.split(r"\s", text[m.end() :])[0]
    return bool(re.search(r"\.[A-Za-z]{2,}", token))


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Spans of parentheses that are photo/source credits: a credit word, a link word (*via*, *melalui*) or a
    slash, and no lower-case word besides those ("(Vladimir Smirnov/AFP melalui Getty Images)")."""
    spans = []
    for m in PAREN.finditer(text):
        inner = m.group(1)
        words = WORD.findall(DOMAIN.sub(" ", inner))
        if not words:
            continue
        marked = "/" in inner or any(w.casefold() in CREDIT_WORDS | CREDIT_LINKS for w in words)
        prose = [w for w in words if w.islower() and w not in CREDIT_LINKS | CREDIT_WORDS]
        if marked and not prose:
            spans.append(m.span(1))
    return spans


def mask_credit_words(text: str, spans: list[tuple[int, int]]) -> str:
    """Credit words everywhere, and link words inside credit spans, become sequence breakers."""
    chars = list(text)
    for m in WORD.finditer(text):
        w = m.group().casefold()
        inside = any(s <= m.start() < e for s, e in spans)
        if (w in CREDIT_WORDS and _is_capitalised(m.group())) or (inside and w in CREDIT_WORDS | CREDIT_LINKS):
            chars[m.start() : m.end()] = MASK * (m.end() - m.start())
    return "".join(chars)


@dataclass
class _Word:
    text: str
    start: int
    end: int


def raw_sequences(text: str, original: str | None = None) -> list[tuple[list[_Word], bool]]:
    """(words, sentence_initial) for every capitalised word sequence of ``text`` (one sentence).

    Words join when one space separates them; a lower-case particle may sit between two capitalised words, and
    a connector too when the sequence so far holds an institution head and the word after it is neither a
    title nor another institution head. Words holding a digit (models) break sequences.
    """
    runs = _caps_runs(original if original is not None else text)
    words = [
        _Word(m.group(), m.start(), m.end())
        for m in WORD.finditer(text)
        if not any(s <= m.start() < e for s, e in runs)
    ]
    out = []
    i = 0
    while i < len(words):
        if not _is_capitalised(words[i].text) or _has_digit(text, words[i]):
            i += 1
            continue
        seq = [words[i]]
        j = i + 1
        while j < len(words) and _is_gap(text[seq[-1].end : words[j].start]) and not _has_digit(text, words[j]):
            w = words[j].text
            nxt = words[j + 1] if j + 1 < len(words) else None
            joins_next = (
                nxt is not None
                and _is_capitalised(nxt.text)
                and not _has_digit(text, nxt)
                and _is_gap(text[words[j].end : nxt.start])
            )
            if _is_capitalised(w):
                seq.append(words[j])
            elif w in NAME_PARTICLES and joins_next:
                seq.append(words[j])
            elif (
                w in CONNECTORS
                and joins_next
                and any(x.text in INSTITUTION_HEADS for x in seq)
                and nxt.text not in INSTITUTION_HEADS | TITLES
                and nxt.text not in countries()
            ):
                seq.append(words[j])
            else:
                break
            j += 1
        i = j
        initial = _sentence_initial(text, seq[0].start)
        out.append((seq, initial))
    return out


def _has_digit(text: str, w: _Word) -> bool:
    """The word holds or is glued to a digit ("Hwasong-11", "Liputan6")."""
    return (
        any(c.isdigit() for c in w.text)
        or text[w.end : w.end + 1].isdigit()
        or (text[w.end : w.end + 1] == "-" and text[w.end + 1 : w.end + 2].isdigit())
    )


def name_sequences(text: str, original: str | None = None) -> list[tuple[int, str, bool]]:
    """(offset, name, sentence_initial) of the capitalised sequences of one sentence, leading stopwords and
    trailing particles stripped (the sequence then no longer counts as sentence-initial); no splitting."""
    out = []
    for seq, initial in raw_sequences(text, original):
        seq, initial = _strip_ends(seq, initial)
        if seq and not all(is_caps(w.text) for w in seq):
            out.append((seq[0].start, " ".join(w.text for w in seq), initial))
    return out


def _strip_ends(seq: list[_Word], initial: bool) -> tuple[list[_Word], bool]:
    seq = list(seq)
    while seq and (
        seq[0].text in LEADING_STOPWORDS or seq[0].text in CALENDAR or (initial and seq[0].text in ENGLISH_ARTICLES)
    ):
        seq.pop(0)
        initial = False
    while seq and (
        seq[-1].text in NAME_PARTICLES | CONNECTORS or seq[-1].text in CALENDAR or seq[-1].text in ENGLISH_ARTICLES
    ):
        seq.pop()
    return seq, initial


def _is_gap(sep: str) -> bool:
    """One run of spaces (non-breaking ones included) without a line break joins two words of a name."""
    return bool(sep) and sep.isspace() and "\n" not in sep and len(sep) <= 2


def is_headline(text: str) -> bool:
    """Title Case text (a headline, caption or byline line; it may end in "?" or "!"): its capitalised words
    are not evidence of names."""
    words = WORD.findall(text)
    if not words or re.search(r"[.…]['\"”’)]*(?:\s|$)", text):
        return False  # holds a sentence, however many names it has
    return sum(_is_capitalised(w) for w in words) / len(words) >= 0.7


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip("“\"'‘( ")
    return not before.strip() or bool(SENTENCE_END.search(before)) or before.endswith((":", "-", "–", "—"))


def looks_indonesian(word: str) -> bool:
    w = word.lower()
    return w in ID_FUNCTION_WORDS or bool(ID_AFFIX.match(w))


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Indonesian country and territory names from CLDR (babel): known prefixes of glued sequences."""
    from babel import Locale

    names = Locale("id").territories
    return frozenset(v for k, v in names.items() if len(k) == 2 and k.isalpha() and k not in ("XA", "XB", "ZZ"))


# -- splitting a sequence into names ------------------------------------------------------------------------
@dataclass
class Part:
    words: list[_Word]
    kind: str  # "name" | "title"
    initial: bool
    cued: bool = False  # a title or descriptor preceded it in the same sequence

    @property
    def form(self) -> str:
        return " ".join(w.text for w in self.words)


def split_sequence(
    seq: list[_Word], initial: bool, lowercase: set[str], known: frozenset[str] = frozenset()
) -> list[Part]:
    """The names (and title phrases) of one capitalised sequence; ``lowercase`` holds the words the corpus
    also writes in lower case (casefolded), ``known`` the acronyms that stand alone in it ("AS").

    Leading titles/descriptors come off; a title further on starts a new part ("Kunjungan | Presiden …"); a
    country, a known acronym or (at the start) a seat of government is a name of its own wherever it sits,
    except inside an institution or place name ("Kementerian Luar Negeri Korea Selatan"); an English
    institution name ends at its head word.
    """
    seq, initial = _strip_ends(seq, initial)
    if (
        initial
        and len(seq) > 1
        and seq[0].text.casefold() in lowercase
        and seq[0].text not in INSTITUTION_HEADS | PLACE_HEADS
    ):
        seq, initial = seq[1:], False  # "Pejabat KCNA", "Kerja sama …": a common word starts the sentence
    parts: list[Part] = []
    cued = False
    while seq:
        k = _title_end(seq, lowercase)
        if k:
            title = [w for w in seq[:k] if w.text not in DESCRIPTORS]
            if len(title) >= 2:
                parts.append(Part(title, "title", initial))
            seq, initial, cued = seq[k:], False, True
            continue
        prefix = _known_at(seq, 0, known)
        if prefix and len(seq) > prefix:
            parts.append(Part(seq[:prefix], "name", initial, False))  # a qualifier after a title is not cued
            seq, initial, cued = seq[prefix:], False, False
            continue
        cut = (
            None
            if seq[0].text in INSTITUTION_HEADS | PLACE_HEADS
            else next((i for i in range(1, len(seq)) if _known_at(seq, i, known) or seq[i].text in TITLES), None)
        )
        if cut:
            parts.append(Part(seq[:cut], "name", initial, False))  # a qualifier after a title is not cued
            seq, initial, cued = seq[cut:], False, False
            continue
        head = next((i for i, w in enumerate(seq[:-1]) if w.text in ENGLISH_HEADS), None)
        if head is not None:
            parts.append(Part(seq[: head + 1], "name", initial, cued))
            seq, initial, cued = seq[head + 1 :], False, False
            continue
        parts.append(Part(seq, "name", initial, cued))
        break
    return _finish_parts(parts)


def _title_end(seq: list[_Word], lowercase: set[str]) -> int:
    """Length in words of the title (with its descriptors) that opens ``seq``; 0 when none does."""
    k = 0
    while k < len(seq) and seq[k].text in TITLES | DESCRIPTORS:
        k += 1
    if k:  # words completing a title: common words ("Luar Negeri"), not a head or a country
        while k < len(seq) and (
            seq[k].text in TITLES
            or (seq[k].text.casefold() in lowercase and seq[k].text not in INSTITUTION_HEADS | PLACE_HEADS)
        ):
            k += 1
    return k


def _finish_parts(parts: list[Part]) -> list[Part]:
    """The parts with their ends stripped, less those left empty or all in capitals."""
    out = []
    for p in parts:
        p.words, _ = _strip_ends(p.words, False)
        if p.words and not all(is_caps(w.text) for w in p.words):
            out.append(p)
    return out


def _known_at(seq: list[_Word], i: int, known: frozenset[str]) -> int:
    """Length in words of the country, known acronym or (at the start) seat of government at ``seq[i]``."""
    for n in (3, 2, 1):
        form = " ".join(w.text for w in seq[i : i + n])
        if i + n <= len(seq) and (form in countries() or (i == 0 and form in SEATS) or (n == 1 and form in known)):
            return n
    return 0


# -- mining ----------------------------------------------------------------------------------------------
def mask(text: str, matcher, matched: list[Entry]) -> str:
    """``text`` with every glossary occurrence replaced by NULs; the entries found are added to ``matched``."""
    if not matcher:
        return text
    chars = list(text)
    for m in matcher.find_all(text):
        matched.append(m.entry)
        for k in range(m.start, m.end + len(m.suffix)):
            chars[k] = MASK
    return "".join(chars)


def excerpt(text: str, form: str, width: int = 200) -> str:
    """The example sentence, trimmed around the candidate when longer than ``width`` characters."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    at = max(text.find(form), 0)
    start = max(0, min(at - width // 3, len(text) - width))
    return ("…" if start else "") + text[start : start + width].strip() + ("…" if start + width < len(text) else "")
