"""Mining glossary candidates from a corpus: what a reviewer should consider adding next.

Text units of the corpus (boilerplate skipped) are masked where the glossary already matches
(:func:`translate_kit.matching.source_matcher`, fuzzy entries included), then four kinds of candidate are
collected:

- ``acronym``: 2–6 capitals (digits allowed after the first letter), not part of a shouted all-caps run, a
  domain name or a Roman numeral;
- ``name``: sequences of capitalised words (name particles such as *bin*, *de*, *van* allowed inside),
  with leading sentence-initial function words and honorifics (*Para*, *Dalam*, *Tuan* …) stripped; a
  single word counts only when it never appears in lower case and appears inside a sentence at least once;
- ``spelling-variants``: names whose spellings differ slightly (rapidfuzz ratio ≥ 85 and at most two edits
  after folding case and hyphens, e.g. *Ushakov*/*Ushakob*, *Kim Hong Kyun*/*Kim Hong-kyun*) are merged into one candidate, the most
  frequent spelling first and the others as variants;
- ``untranslated``: with aligned English translations, lower-case words of the English output that also
  occur in the Indonesian source and look Indonesian (a function word, or Indonesian affixes such as
  me-…-kan, di-…-kan, ber-, -nya).

Candidates are ranked by frequency and written as ``fuzzy`` PO entries (never enforced) with a
``#. note: suggested: 5× in 3 files; kind: acronym`` line, up to three examples (``#:`` references and
``#. note: example …`` lines), and a proposed English form when the aligned translation contains the same form.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ..corpus import discover, read_document
from ..errors import Diagnostic, InputError
from ..fsutil import atomic_write_text
from ..matching import source_matcher
from .model import Entry
from .pofile import entry_to_po, new_po_file

#: capitalised words that start a sentence or precede a name without being part of it.
LEADING_STOPWORDS = frozenset("""
Para Dalam Di Ke Dari Pada Dan Namun Tetapi Tapi Sementara Saat Setelah Sebelum Sebelumnya Menurut Bahkan Kini
Ini Itu Ia Dia Mereka Kami Kita Anda Jika Bila Apabila Karena Sejak Selama Oleh Untuk Dengan Seperti Adapun
Meski Meskipun Walaupun Yang Juga Tidak Bukan Ada Hal Kemudian Selain Terkait Begitu Lalu Maka Sehingga Agar
Atas Bagi Bersama Tentang Antara Hingga Sampai Tuan Nyonya Nona Bapak Ibu Sdr Saudara Baca Simak Lihat Kata
Jadi Sedangkan Selanjutnya Akan Telah Sudah Masih Belum Hanya Pun Seorang Sebuah Kedua Keduanya Beberapa Banyak
Semua Setiap Tiap The A An In On Of And But
""".split())
#: months and weekdays (with common abbreviations): capitalised, but not names.
CALENDAR = frozenset("""
Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember Jan Feb Mar Apr Jun Jul
Agu Agt Sep Okt Nov Des Senin Selasa Rabu Kamis Jumat Sabtu Minggu
""".split())
#: titles and roles: part of multi-word terms ("Presiden Rusia"), not names on their own.
TITLES = frozenset("""
Presiden Wakil Menteri Perdana Direktur Juru Bicara Penasihat Pemimpin Kepala Ketua Sekretaris Jenderal Duta
Besar Gubernur Walikota Bupati Raja Ratu Pangeran Kanselir Analis Politisi Penulis Editor Pejabat Kementerian
Departemen Dewan Kantor Pusat Kota Wilayah Kawasan Lapangan Gereja Hotel Institut Media Berita
""".split())
#: lower-case particles allowed inside a name ("Osama bin Laden", "Voice of America").
NAME_PARTICLES = frozenset({"bin", "binti", "de", "van", "von", "der", "den", "al", "el", "da", "dos", "del",
                            "of", "la", "le"})
#: common Indonesian function words: an English output containing them left Indonesian untranslated.
ID_FUNCTION_WORDS = frozenset("""
yang dan di ke dari untuk dengan pada ini itu tidak akan adalah dalam juga atau karena oleh sebagai bahwa telah
sudah kami kita mereka dia ia saat setelah sebelum tersebut namun tetapi jika sejak selama antara terhadap
seperti hanya masih belum lebih sangat bisa dapat harus para sebuah seorang bagi tentang hingga kepada menurut
ada serta agar maka pun lagi kata yaitu ialah merupakan kemudian sedangkan walaupun meskipun
""".split())
_WORD = re.compile(r"[^\W\d_][\w’'-]*[\w]|[^\W\d_]")
_ACRONYM = re.compile(r"(?<![\w.])[A-Z][A-Z0-9]{1,5}(?![\w]|\.\w)")
_ROMAN = re.compile(r"^[IVX]+$")
_SENTENCE_END = re.compile(r"[.!?…]['\"”’)]*\s*$")
_ID_AFFIX = re.compile(r"^(?:(?:me[mn]?|meng|meny|pe[mn]?|peng|peny|ber|di|ter|ke)\w{3,}(?:kan|an|i|nya)"
                       r"|\w{3,}nya|(?:me[mn]?|meng|meny|ber|di)\w{3,}kan)$")
_CAPS_GAP = re.compile(r"^[\s/,&]*$")
MASK = "\x00"


@dataclass
class Occurrence:
    path: str
    line: int
    text: str  # the unit (or sentence) where it was found


@dataclass
class Candidate:
    form: str
    kind: str
    count: int = 0
    files: set[str] = field(default_factory=set)
    examples: list[Occurrence] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)
    proposed: str = ""

    def add(self, occ: Occurrence, limit: int = 3) -> None:
        self.count += 1
        self.files.add(occ.path)
        if len(self.examples) < limit and all(e.line != occ.line or e.path != occ.path for e in self.examples):
            self.examples.append(occ)

    def note(self) -> str:
        files = len(self.files)
        return f"suggested: {self.count}× in {files} file{'s' if files != 1 else ''}; kind: {self.kind}"

    def to_entry(self) -> Entry:
        notes = [self.note()] + [f"example ({o.path}:{o.line}): {_excerpt(o.text, self.form)}" for o in self.examples]
        return Entry(source=self.form, target=self.proposed, variants=list(self.variants), notes=notes,
                     flags=["fuzzy"])


@dataclass
class SuggestResult:
    candidates: list[Candidate]
    documents: int
    units: int
    diagnostics: list[Diagnostic] = field(default_factory=list)


# -- tokenising --------------------------------------------------------------------------------------------
def _is_capitalised(word: str) -> bool:
    return word[0].isupper()


def _is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def is_shouting(text: str) -> bool:
    """Mostly upper-case text (headlines, photo credits): no names or acronyms are taken from it."""
    cased = [c for c in text if c.isalpha() and (c.isupper() or c.islower())]
    return len(cased) >= 12 and sum(c.isupper() for c in cased) / len(cased) > 0.6


def _caps_runs(text: str) -> list[tuple[int, int]]:
    """Spans of three or more consecutive all-caps words ("TANGKAPAN LAYAR VIDEO VOA")."""
    words = list(_WORD.finditer(text))
    runs, i = [], 0
    while i < len(words):
        j = i
        while (j < len(words) and _is_caps(words[j].group())
               and (j == i or _CAPS_GAP.match(text[words[j - 1].end():words[j].start()]))):
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
    for m in _ACRONYM.finditer(text):
        if _ROMAN.match(m.group()) or any(s <= m.start() < e for s, e in runs) or _in_domain(text, m):
            continue
        out.append((m.start(), m.group()))
    return out


def _in_domain(text: str, m: re.Match) -> bool:
    """Part of a host name such as TRIBUN-MEDAN.COM or fin.co.id."""
    token = re.split(r"\s", text[:m.start()])[-1] + m.group() + re.split(r"\s", text[m.end():])[0]
    return bool(re.search(r"\.[A-Za-z]{2,}", token))


def name_sequences(text: str, original: str | None = None) -> list[tuple[int, str, bool]]:
    """(offset, name, sentence_initial) for every capitalised word sequence of ``text``.

    Words join when only one space separates them; lower-case particles may sit between capitalised words;
    leading stopwords are dropped (and the sequence then no longer counts as sentence-initial).
    """
    runs = _caps_runs(original if original is not None else text)
    words = [m for m in _WORD.finditer(text) if not any(s <= m.start() < e for s, e in runs)]
    out = []
    i = 0
    while i < len(words):
        if not _is_capitalised(words[i].group()):
            i += 1
            continue
        seq = [words[i]]
        j = i + 1
        while j < len(words) and _is_gap(text[seq[-1].end():words[j].start()]):
            w = words[j].group()
            if _is_capitalised(w):
                seq.append(words[j])
            elif w in NAME_PARTICLES and j + 1 < len(words) and _is_capitalised(words[j + 1].group()) \
                    and _is_gap(text[words[j].end():words[j + 1].start()]):
                seq.append(words[j])
            else:
                break
            j += 1
        i = j
        initial = _sentence_initial(text, seq[0].start())
        while seq and (seq[0].group() in LEADING_STOPWORDS or seq[0].group() in CALENDAR):
            seq.pop(0)
            initial = False
        while seq and (seq[-1].group() in NAME_PARTICLES or seq[-1].group() in CALENDAR):
            seq.pop()
        if seq and not all(_is_caps(w.group()) for w in seq):
            out.append((seq[0].start(), " ".join(w.group() for w in seq), initial))
    return out


def _is_gap(sep: str) -> bool:
    """One run of spaces (non-breaking ones included) without a line break joins two words of a name."""
    return bool(sep) and sep.isspace() and "\n" not in sep and len(sep) <= 2


def is_headline(text: str) -> bool:
    """Title Case text (a headline): its capitalised words are not evidence of names."""
    words = _WORD.findall(text)
    if len(words) < 4 or re.search(r"[.!?]['\"”’)]*\s*$", text):
        return False  # a sentence, however many names it holds
    return sum(_is_capitalised(w) for w in words) / len(words) >= 0.7


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip("“\"'‘( ")
    return not before.strip() or bool(_SENTENCE_END.search(before)) or before.endswith((":", "-", "–", "—"))


def looks_indonesian(word: str) -> bool:
    w = word.lower()
    return w in ID_FUNCTION_WORDS or bool(_ID_AFFIX.match(w))


# -- mining ----------------------------------------------------------------------------------------------
def _mask(text: str, matcher) -> str:
    if not matcher:
        return text
    chars = list(text)
    for m in matcher.find_all(text):
        for k in range(m.start, m.end + len(m.suffix)):
            chars[k] = MASK
    return "".join(chars)


def _fold(form: str) -> str:
    return " ".join(form.replace("-", " ").casefold().split())


def cluster_spellings(cands: list[Candidate], threshold: float = 85.0, max_edits: int = 2) -> list[Candidate]:
    """Merge name candidates with as many words whose folded spellings are close: rapidfuzz ratio ≥
    ``threshold`` and at most ``max_edits`` edits (so *Menteri*/*Kementerian* stay apart)."""
    ordered = sorted(cands, key=lambda c: -c.count)  # stable: ties keep first-seen order
    merged: list[Candidate] = []
    for c in ordered:
        folded = _fold(c.form)
        home = next((m for m in merged if len(folded) >= 5 and len(_fold(m.form).split()) == len(folded.split())
                     and fuzz.ratio(_fold(m.form), folded) >= threshold
                     and Levenshtein.distance(_fold(m.form), folded) <= max_edits), None)
        if home is None:
            merged.append(c)
            continue
        home.kind = "spelling-variants"
        home.variants.append(c.form)
        home.count += c.count
        home.files |= c.files
        for occ in c.examples:
            if len(home.examples) < 3:
                home.examples.append(occ)
    return merged


def suggest(corpus: Iterable[str | Path], entries: list[Entry], translations: str | Path | None = None,
            min_count: int = 2, limit: int | None = None) -> SuggestResult:
    """Mine ``corpus`` (files or directories) for glossary candidates not covered by ``entries``."""
    found, diags = discover([Path(p) for p in corpus])
    errors = [d for d in diags if d.severity == "error"]
    if errors:
        raise InputError(errors[0].message, errors[0].path)
    if not found:
        raise InputError("no .txt, .po or .jsonl files in the corpus", Path(next(iter(map(str, corpus)), ".")))
    matcher = source_matcher(entries, include_fuzzy=True)
    acr: dict[str, Candidate] = {}
    untranslated: dict[str, Candidate] = {}
    lowercase_seen: set[str] = set()
    seen_names: list[tuple[str, bool, bool, Occurrence]] = []  # (form, sentence-initial, in a headline, where)
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
            text = unit.text
            for m in _WORD.finditer(text):
                w = m.group()
                if w.islower():
                    lowercase_seen.add(w.casefold())
                    source_words.add(w)
            if is_shouting(text):
                continue
            masked = _mask(text, matcher)
            occ = Occurrence(where, unit.line, text)
            for _, form in acronyms(masked, text):
                acr.setdefault(form, Candidate(form, "acronym")).add(occ)
            headline = is_headline(text)
            for _, form, initial in name_sequences(masked, text):
                seen_names.append((form, initial, headline, occ))
        if en_units is not None:
            for i, en in enumerate(en_units):
                for m in _WORD.finditer(en):
                    w = m.group()
                    if w.islower() and w in source_words and looks_indonesian(w):
                        unit = units[i] if len(units) == len(en_units) else None
                        occ = Occurrence(str(Path(translations) / rel), i + 1, en) if unit is None else \
                            Occurrence(str(Path(translations) / rel), unit.line, en)
                        untranslated.setdefault(w, Candidate(w, "untranslated")).add(occ)
    names = _count_names(seen_names, lowercase_seen)
    name_cands = cluster_spellings(list(names.values()))
    cands = [c for c in [*acr.values(), *name_cands, *untranslated.values()] if c.count >= min_count]
    for c in cands:
        if c.kind != "untranslated":
            c.proposed = _proposal(c, english)
    cands.sort(key=lambda c: (-c.count, -len(c.files), c.form))
    if limit is not None:
        cands = cands[:limit]
    return SuggestResult(cands, len(found), n_units, diags)


def _count_names(seen: list[tuple[str, bool, bool, Occurrence]], lowercase: set[str]) -> dict[str, Candidate]:
    """Name candidates from the sequences found, once the whole corpus has been read.

    A sentence-initial first word that the corpus also uses in lower case is a common word ("Pejabat KCNA"
    → "KCNA"); a single word counts only when it is never lower case and occurs inside a sentence at least
    once; headline (Title Case) occurrences count only for names also found in running text.
    """
    cleaned = []
    for form, initial, headline, occ in seen:
        words = form.split(" ")
        if initial and len(words) > 1 and words[0].casefold() in lowercase:
            words, initial = words[1:], False
        form = " ".join(words)
        if " " not in form and (_is_caps(form) or len(form) < 3 or form in TITLES):
            continue  # acronyms are counted apart; titles and single letters are not names
        cleaned.append((form, initial, headline, occ))
    inner = {form for form, initial, headline, _ in cleaned if not initial and not headline}
    names: dict[str, Candidate] = {}
    for form, _, headline, occ in cleaned:
        if headline:
            continue
        if " " in form or (form in inner and form.casefold() not in lowercase):
            names.setdefault(form, Candidate(form, "name")).add(occ)
    for form, _, headline, occ in cleaned:
        if headline and form in names:
            names[form].add(occ)
    return names


def _aligned(translations: str | Path, rel: Path, diags: list[Diagnostic]) -> list[str] | None:
    """The translatable units' text of the English file with the same relative path, if there is one."""
    path = Path(translations) / rel
    if not path.exists():
        diags.append(Diagnostic("warning", "no-translation", "no aligned English file", str(path)))
        return None
    return [u.text for u in read_document(path, rel).units if u.kind == "text"]


def _proposal(c: Candidate, english: dict[str, list[str]]) -> str:
    """A spelling of the candidate found verbatim (on word boundaries) in the aligned English of its files."""
    texts = [t for path in sorted(c.files) for t in english.get(path, [])]
    if not texts:
        return ""
    for form in [c.form, *c.variants]:
        pattern = re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")
        if any(pattern.search(t) for t in texts):
            return form
    return ""


def _excerpt(text: str, form: str, width: int = 140) -> str:
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    at = max(text.find(form), 0)
    start = max(0, min(at - width // 3, len(text) - width))
    return ("…" if start else "") + text[start:start + width].strip() + ("…" if start + width < len(text) else "")


def write_suggestions(result: SuggestResult, out_path: str | Path) -> None:
    """The candidates as a PO file of fuzzy entries with ``#:`` references to their examples."""
    po = new_po_file(wrapwidth=1_000_000)  # a wrapped "#." line would read back as a separate comment
    for c in result.candidates:
        po_entry = entry_to_po(c.to_entry())
        po_entry.occurrences = [(o.path, str(o.line)) for o in c.examples]
        po.append(po_entry)
    atomic_write_text(out_path, po.__unicode__())
