"""Mining glossary candidates from a corpus: what a reviewer should consider adding next.

Each text unit of the corpus (boilerplate skipped) is split into sentences
(:func:`translate_kit.corpus.split_sentences`); each sentence is masked where the glossary already matches
(:func:`translate_kit.glossary.matching.source_matcher`, fuzzy entries included) and mined for:

- ``acronym``: 2–6 capitals (digits allowed after the first letter), not part of a shouted all-caps run, a
  domain name, a Roman numeral or a longer proposed name ("NK" inside "NK Pro");
- ``model``: alphanumeric designations such as *Hwasong-11*, *Su-57*, *COVID-19*;
- ``name``: sequences of capitalised words. Name particles (*bin*, *de*, *of* …) may sit between two
  capitalised words; the Indonesian connectors *untuk, dan, dari, bagi, di* may too, inside an institution
  name (one starting with :data:`INSTITUTION_HEADS`: "Institut Internasional untuk Studi Strategis").
  Sentence-initial function words and honorifics (:data:`LEADING_STOPWORDS`) are stripped. Glued sequences
  are split: titles (:data:`TITLES`, with the common words that complete them, "Menteri Luar Negeri") and
  place descriptors (:data:`DESCRIPTORS`, "Kota") start a new part and come off; a country name (CLDR,
  through babel), an acronym that stands alone elsewhere in the corpus and, at the start, a seat of
  government (:data:`SEATS`) are names of their own ("Presiden Rusia Vladimir Putin" → *Vladimir Putin*,
  "Kremlin Dmitry Peskov" → *Dmitry Peskov*), except inside an institution or place name ("Kementerian Luar
  Negeri Korea Selatan"); an English institution name ends at its head word (:data:`ENGLISH_HEADS`: "Sejong
  Institute Cheong Seong Chang" → *Sejong Institute*, *Cheong Seong Chang*). Glossary terms are masked, so
  they split sequences too. A single word counts only when it never appears in lower case and appears inside
  a sentence at least once; Title Case lines without a sentence (headlines, captions) and bylines count only
  for names also found in running text;
- ``title``: the title phrases split off names ("Wakil Menteri Luar Negeri", "Juru Bicara"), two words or more;
- ``spelling-variants``: names whose spellings differ slightly (rapidfuzz ratio ≥ 85 and at most two edits
  after folding case and hyphens, e.g. *Ushakov*/*Ushakob*) are merged into one candidate, the most frequent
  spelling first and the others as variants;
- ``short-form``: a single word that is the first or last word of exactly one glossary entry ("Putin" of
  *Vladimir Putin*). When the longer name is itself proposed, the short form is folded into its note
  instead; a word shared by several longer names ("Kim") is dropped;
- ``untranslated``: with aligned English translations, lower-case words of the English output that also
  occur in the Indonesian source and look Indonesian (a function word, or affixes such as me-…-kan, -nya).

Photo and source credits are not names: in a parenthesis made only of capitalised words, credit words
(:data:`CREDIT_WORDS`: Photo, Foto, Pool, Images …), links (*via*, *melalui*) and slashes, the credit
words break sequences everywhere, and names seen only inside such credits need two occurrences.

Default thresholds (``min_count=None``; an integer overrides them for every kind): acronyms, models, titles,
multi-word names, and single words right after a media cue ("kantor berita Yonhap", "surat kabar … ,
Vedomosti") or a title/descriptor ("Kota Kharkiv") are proposed from **1** occurrence; other single words,
names seen only in credits, short forms and untranslated words need **2**.

Candidates are ranked by frequency and written as ``fuzzy`` PO entries (never enforced) with a
``#. note: suggested: 5× in 3 files; kind: acronym`` line, up to three example sentences (``#:`` references
and ``#. note: example …`` lines), and a proposed English form when the aligned translation contains it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ..corpus import discover, read_document, split_sentences
from ..errors import Diagnostic, InputError
from ..textio import atomic_write_text
from .matching import source_matcher
from .model import Entry
from .pofile import entry_to_po, new_po_file

#: capitalised words that start a sentence or precede a name without being part of it.
LEADING_STOPWORDS = frozenset("""
Para Dalam Di Ke Dari Pada Dan Namun Tetapi Tapi Sementara Saat Setelah Sebelum Sebelumnya Menurut Bahkan Kini
Ini Itu Ia Dia Mereka Kami Kita Anda Jika Bila Apabila Karena Sejak Selama Oleh Untuk Dengan Seperti Adapun
Meski Meskipun Walaupun Yang Juga Tidak Bukan Ada Hal Kemudian Selain Terkait Begitu Lalu Maka Sehingga Agar
Atas Bagi Bersama Tentang Antara Hingga Sampai Tuan Nyonya Nona Bapak Ibu Sdr Saudara Baca Simak Lihat Kata
Jadi Sedangkan Selanjutnya Akan Telah Sudah Masih Belum Hanya Pun Seorang Sebuah Kedua Keduanya Beberapa Banyak
Semua Setiap Tiap But In On Of And
""".split())
#: English articles: part of a name inside a sentence ("dilansir The Guardian"), stripped at its start.
ENGLISH_ARTICLES = frozenset({"The", "A", "An"})
#: months and weekdays (with common abbreviations): capitalised, but not names.
CALENDAR = frozenset("""
Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember Jan Feb Mar Apr Jun Jul
Agu Agt Sep Okt Nov Des Senin Selasa Rabu Kamis Jumat Sabtu Minggu
""".split())
#: Indonesian titles and roles that precede a name: split off ("Direktur X" → X, "Juru Bicara" a title).
TITLES = frozenset("""
Presiden Wapres Wakil Menteri Perdana Direktur Juru Bicara Jubir Penasihat Pemimpin Kepala Ketua Sekretaris
Jenderal Duta Besar Gubernur Walikota Wali Bupati Raja Ratu Pangeran Kanselir Analis Politisi Penulis Editor
Pejabat Panglima Komandan Kapten Mayor Kolonel Letnan Laksamana Marsekal Profesor Prof Dr Pakar Peneliti
Pengamat Wartawan Koresponden Diplomat Senator Anggota Mantan Calon Pendiri Utusan Khusus
""".split())
#: place descriptors written before a place name but not part of it ("Kota Kharkiv" → Kharkiv).
DESCRIPTORS = frozenset("Kota Kabupaten Provinsi Wilayah Kawasan Daerah Desa Kecamatan Kelurahan Distrik".split())
#: words that open an Indonesian institution name: never stripped, allow connectors, and a lone one is no name.
INSTITUTION_HEADS = frozenset("""
Kementerian Departemen Dewan Badan Komisi Lembaga Institut Universitas Pusat Kantor Majelis Mahkamah Pengadilan
Komite Organisasi Asosiasi Yayasan Akademi Sekolah Partai Bank Perusahaan Markas Angkatan Pasukan Kepolisian
Kejaksaan Sekretariat Direktorat Aliansi Koalisi Persatuan Perhimpunan Liga Gerakan
""".split())
#: words that open a place name and are part of it ("Lapangan Kim Il Sung"); a lone one is no name.
PLACE_HEADS = frozenset("""
Lapangan Hotel Wisma Gereja Masjid Istana Semenanjung Laut Selat Pulau Kepulauan Gunung Sungai Teluk Bandara
Pelabuhan Jalan Stadion Gedung Taman Museum Kosmodrom
""".split())
#: compass and size qualifiers: the last word of many names ("Eropa Barat"), never a short form of one.
DIRECTIONS = frozenset("Utara Selatan Barat Timur Tengah Raya Baru Besar".split())
#: a unit starting like a byline ("oleh …", "Penulis: …"): its names are not evidence.
_BYLINE = re.compile(r"^\W*(?:oleh|penulis|editor|reporter|pewarta|laporan wartawan|foto)\b", re.IGNORECASE)
#: English head words that end an institution name ("Sejong Institute | Cheong Seong Chang").
ENGLISH_HEADS = frozenset("""
Institute Institution University College Center Centre Foundation Council Agency Association Commission
Committee Corporation Group Times Post Journal Herald Tribune Press Daily Network Ministry Office
""".split())
#: seats of government that stand for one and precede a spokesperson's name ("Kremlin Dmitry Peskov").
SEATS = frozenset({"Kremlin", "Pentagon", "Vatikan", "Gedung Putih", "Whitehall", "Downing Street"})
#: lower-case particles allowed inside a name ("Osama bin Laden", "Voice of America").
NAME_PARTICLES = frozenset({"bin", "binti", "de", "van", "von", "der", "den", "al", "el", "da", "dos", "del",
                            "of", "la", "le"})
#: Indonesian connectors allowed inside an institution name between capitalised words.
CONNECTORS = frozenset({"untuk", "dan", "dari", "bagi", "di"})
#: photo and source credit words: never part of a name.
CREDIT_WORDS = frozenset({"photo", "photos", "foto", "pool", "images", "dok", "dokumentasi", "istimewa",
                          "handout", "credit", "kredit", "sumber", "file"})
#: link words of a credit line ("KCNA via Reuters", "X/AFP melalui Getty Images").
CREDIT_LINKS = frozenset({"via", "melalui"})
#: lower-case words after which a single capitalised word is surely a name ("kantor berita Yonhap").
_MEDIA_CUE = re.compile(r"(?<!\w)(?:kantor berita|surat kabar|harian|situs|majalah|media|stasiun televisi|televisi|"
                        r"radio|laman|portal|koran|agensi)(?:\s+\S+)?,?\s+$")
#: common Indonesian function words: an English output containing them left Indonesian untranslated.
ID_FUNCTION_WORDS = frozenset("""
yang dan di ke dari untuk dengan pada ini itu tidak akan adalah dalam juga atau karena oleh sebagai bahwa telah
sudah kami kita mereka dia ia saat setelah sebelum tersebut namun tetapi jika sejak selama antara terhadap
seperti hanya masih belum lebih sangat bisa dapat harus para sebuah seorang bagi tentang hingga kepada menurut
ada serta agar maka pun lagi kata yaitu ialah merupakan kemudian sedangkan walaupun meskipun
""".split())
_WORD = re.compile(r"[^\W\d_][\w’'-]*[\w]|[^\W\d_]")
_ACRONYM = re.compile(r"(?<![\w.])[A-Z][A-Z0-9]{1,5}(?![\w]|\.\w|-\d)")
_MODEL = re.compile(r"(?<![\w.-])([A-Z][A-Za-z]*)-(\d+)[A-Za-z]?(?![\w-])")
_ROMAN = re.compile(r"^[IVX]+$")
_SENTENCE_END = re.compile(r"[.!?…]['\"”’)]*\s*$")
_ID_AFFIX = re.compile(r"^(?:(?:me[mn]?|meng|meny|pe[mn]?|peng|peny|ber|di|ter|ke)\w{3,}(?:kan|an|i|nya)"
                       r"|\w{3,}nya|(?:me[mn]?|meng|meny|ber|di)\w{3,}kan)$")
_CAPS_GAP = re.compile(r"^[\s/,&]*$")
_PAREN = re.compile(r"\(([^()]*)\)")
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
MASK = "\x00"
#: default minimum counts per precision class (see the module docstring).
HIGH_PRECISION, LOW_PRECISION = 1, 2


@dataclass
class Occurrence:
    path: str
    line: int
    text: str  # the sentence where it was found


@dataclass
class Candidate:
    form: str
    kind: str
    count: int = 0
    files: set[str] = field(default_factory=set)
    examples: list[Occurrence] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)
    proposed: str = ""
    short_forms: dict[str, int] = field(default_factory=dict)  # folded single words and their counts
    of_entry: str = ""  # short-form: the glossary entry ("Vladimir Putin (people.po:95)")
    cued: bool = False  # a single word seen right after a media cue, title or descriptor
    credit_only: bool = True  # every occurrence inside a photo/source credit

    def add(self, occ: Occurrence, limit: int = 3) -> None:
        self.count += 1
        self.files.add(occ.path)
        if len(self.examples) < limit and all((e.path, e.line, e.text) != (occ.path, occ.line, occ.text)
                                              for e in self.examples):
            self.examples.append(occ)

    def note(self) -> str:
        files = len(self.files)
        return f"suggested: {self.count}× in {files} file{'s' if files != 1 else ''}; kind: {self.kind}"

    def extra_notes(self) -> list[str]:
        notes = []
        if self.short_forms:
            notes.append("short forms: " + ", ".join(f"{w} ({n}×)" for w, n in self.short_forms.items()))
        if self.of_entry:
            notes.append(f"short form of glossary entry {self.of_entry}")
        return notes

    def to_entry(self) -> Entry:
        notes = [self.note(), *self.extra_notes()]
        notes += [f"example ({o.path}:{o.line}): {_excerpt(o.text, self.form)}" for o in self.examples]
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


def models(text: str) -> list[tuple[int, str]]:
    """(offset, designation) of hyphenated alphanumeric model names: *Hwasong-11*, *Su-57*, *F-16*,
    *COVID-19*; at least two letters or two digits ("H-1" is a date), and not part of a host name.
    Unhyphenated ones (*G20*, *S400*) are acronyms."""
    return [(m.start(), m.group()) for m in _MODEL.finditer(text)
            if (len(m.group(1)) >= 2 or len(m.group(2)) >= 2) and not _in_domain(text, m)]


def _in_domain(text: str, m: re.Match) -> bool:
    """Part of a host name such as TRIBUN-MEDAN.COM or fin.co.id."""
    token = re.split(r"\s", text[:m.start()])[-1] + m.group() + re.split(r"\s", text[m.end():])[0]
    return bool(re.search(r"\.[A-Za-z]{2,}", token))


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Spans of parentheses that are photo/source credits: a credit word, a link word (*via*, *melalui*) or a
    slash, and no lower-case word besides those ("(Vladimir Smirnov/AFP melalui Getty Images)")."""
    spans = []
    for m in _PAREN.finditer(text):
        inner = m.group(1)
        words = _WORD.findall(_DOMAIN.sub(" ", inner))
        if not words:
            continue
        marked = "/" in inner or any(w.casefold() in CREDIT_WORDS | CREDIT_LINKS for w in words)
        prose = [w for w in words if w.islower() and w not in CREDIT_LINKS | CREDIT_WORDS]
        if marked and not prose:
            spans.append(m.span(1))
    return spans


def _mask_credit_words(text: str, spans: list[tuple[int, int]]) -> str:
    """Credit words everywhere, and link words inside credit spans, become sequence breakers."""
    chars = list(text)
    for m in _WORD.finditer(text):
        w = m.group().casefold()
        inside = any(s <= m.start() < e for s, e in spans)
        if (w in CREDIT_WORDS and _is_capitalised(m.group())) or (inside and w in CREDIT_WORDS | CREDIT_LINKS):
            chars[m.start():m.end()] = MASK * (m.end() - m.start())
    return "".join(chars)


@dataclass
class _Word:
    text: str
    start: int
    end: int


def _raw_sequences(text: str, original: str | None = None) -> list[tuple[list[_Word], bool]]:
    """(words, sentence_initial) for every capitalised word sequence of ``text`` (one sentence).

    Words join when one space separates them; a lower-case particle may sit between two capitalised words, and
    a connector too when the sequence so far holds an institution head and the word after it is neither a
    title nor another institution head. Words holding a digit (models) break sequences.
    """
    runs = _caps_runs(original if original is not None else text)
    words = [_Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)
             if not any(s <= m.start() < e for s, e in runs)]
    out = []
    i = 0
    while i < len(words):
        if not _is_capitalised(words[i].text) or _has_digit(text, words[i]):
            i += 1
            continue
        seq = [words[i]]
        j = i + 1
        while j < len(words) and _is_gap(text[seq[-1].end:words[j].start]) and not _has_digit(text, words[j]):
            w = words[j].text
            nxt = words[j + 1] if j + 1 < len(words) else None
            joins_next = (nxt is not None and _is_capitalised(nxt.text) and not _has_digit(text, nxt)
                          and _is_gap(text[words[j].end:nxt.start]))
            if _is_capitalised(w):
                seq.append(words[j])
            elif w in NAME_PARTICLES and joins_next:
                seq.append(words[j])
            elif (w in CONNECTORS and joins_next and any(x.text in INSTITUTION_HEADS for x in seq)
                  and nxt.text not in INSTITUTION_HEADS | TITLES and nxt.text not in _countries()):
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
    return any(c.isdigit() for c in w.text) or text[w.end:w.end + 1].isdigit() \
        or (text[w.end:w.end + 1] == "-" and text[w.end + 1:w.end + 2].isdigit())


def name_sequences(text: str, original: str | None = None) -> list[tuple[int, str, bool]]:
    """(offset, name, sentence_initial) of the capitalised sequences of one sentence, leading stopwords and
    trailing particles stripped (the sequence then no longer counts as sentence-initial); no splitting."""
    out = []
    for seq, initial in _raw_sequences(text, original):
        seq, initial = _strip_ends(seq, initial)
        if seq and not all(_is_caps(w.text) for w in seq):
            out.append((seq[0].start, " ".join(w.text for w in seq), initial))
    return out


def _strip_ends(seq: list[_Word], initial: bool) -> tuple[list[_Word], bool]:
    seq = list(seq)
    while seq and (seq[0].text in LEADING_STOPWORDS or seq[0].text in CALENDAR
                   or (initial and seq[0].text in ENGLISH_ARTICLES)):
        seq.pop(0)
        initial = False
    while seq and (seq[-1].text in NAME_PARTICLES | CONNECTORS or seq[-1].text in CALENDAR
                   or seq[-1].text in ENGLISH_ARTICLES):
        seq.pop()
    return seq, initial


def _is_gap(sep: str) -> bool:
    """One run of spaces (non-breaking ones included) without a line break joins two words of a name."""
    return bool(sep) and sep.isspace() and "\n" not in sep and len(sep) <= 2


def is_headline(text: str) -> bool:
    """Title Case text (a headline, caption or byline line; it may end in "?" or "!"): its capitalised words
    are not evidence of names."""
    words = _WORD.findall(text)
    if not words or re.search(r"[.…]['\"”’)]*(?:\s|$)", text):
        return False  # holds a sentence, however many names it has
    return sum(_is_capitalised(w) for w in words) / len(words) >= 0.7


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip("“\"'‘( ")
    return not before.strip() or bool(_SENTENCE_END.search(before)) or before.endswith((":", "-", "–", "—"))


def looks_indonesian(word: str) -> bool:
    w = word.lower()
    return w in ID_FUNCTION_WORDS or bool(_ID_AFFIX.match(w))


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """Indonesian country and territory names from CLDR (babel): known prefixes of glued sequences."""
    from babel import Locale

    names = Locale("id").territories
    return frozenset(v for k, v in names.items() if len(k) == 2 and k.isalpha() and k not in ("XA", "XB", "ZZ"))


# -- splitting a sequence into names ------------------------------------------------------------------------
@dataclass
class _Part:
    words: list[_Word]
    kind: str  # "name" | "title"
    initial: bool
    cued: bool = False  # a title or descriptor preceded it in the same sequence

    @property
    def form(self) -> str:
        return " ".join(w.text for w in self.words)


def split_sequence(seq: list[_Word], initial: bool, lowercase: set[str], known: frozenset[str] = frozenset()
                   ) -> list[_Part]:
    """The names (and title phrases) of one capitalised sequence; ``lowercase`` holds the words the corpus
    also writes in lower case (casefolded), ``known`` the acronyms that stand alone in it ("AS").

    Leading titles/descriptors come off; a title further on starts a new part ("Kunjungan | Presiden …"); a
    country, a known acronym or (at the start) a seat of government is a name of its own wherever it sits,
    except inside an institution or place name ("Kementerian Luar Negeri Korea Selatan"); an English
    institution name ends at its head word.
    """
    seq, initial = _strip_ends(seq, initial)
    if initial and len(seq) > 1 and seq[0].text.casefold() in lowercase \
            and seq[0].text not in INSTITUTION_HEADS | PLACE_HEADS:
        seq, initial = seq[1:], False  # "Pejabat KCNA", "Kerja sama …": a common word starts the sentence
    parts: list[_Part] = []
    cued = False
    while seq:
        k = 0
        while k < len(seq) and seq[k].text in TITLES | DESCRIPTORS:
            k += 1
        if k:  # words completing a title: common words ("Luar Negeri"), not a head or a country
            while k < len(seq) and (seq[k].text in TITLES or (
                    seq[k].text.casefold() in lowercase and seq[k].text not in INSTITUTION_HEADS | PLACE_HEADS)):
                k += 1
            title = [w for w in seq[:k] if w.text not in DESCRIPTORS]
            if len(title) >= 2:
                parts.append(_Part(title, "title", initial))
            seq, initial, cued = seq[k:], False, True
            continue
        prefix = _known_at(seq, 0, known)
        if prefix and len(seq) > prefix:
            parts.append(_Part(seq[:prefix], "name", initial, False))  # a qualifier after a title is not cued
            seq, initial, cued = seq[prefix:], False, False
            continue
        cut = None if seq[0].text in INSTITUTION_HEADS | PLACE_HEADS else \
            next((i for i in range(1, len(seq)) if _known_at(seq, i, known) or seq[i].text in TITLES), None)
        if cut:
            parts.append(_Part(seq[:cut], "name", initial, False))  # a qualifier after a title is not cued
            seq, initial, cued = seq[cut:], False, False
            continue
        head = next((i for i, w in enumerate(seq[:-1]) if w.text in ENGLISH_HEADS), None)
        if head is not None:
            parts.append(_Part(seq[:head + 1], "name", initial, cued))
            seq, initial, cued = seq[head + 1:], False, False
            continue
        parts.append(_Part(seq, "name", initial, cued))
        break
    out = []
    for p in parts:
        p.words, _ = _strip_ends(p.words, False)
        if p.words and not all(_is_caps(w.text) for w in p.words):
            out.append(p)
    return out


def _known_at(seq: list[_Word], i: int, known: frozenset[str]) -> int:
    """Length in words of the country, known acronym or (at the start) seat of government at ``seq[i]``."""
    for n in (3, 2, 1):
        form = " ".join(w.text for w in seq[i:i + n])
        if i + n <= len(seq) and (form in _countries() or (i == 0 and form in SEATS) or (n == 1 and form in known)):
            return n
    return 0


# -- mining ----------------------------------------------------------------------------------------------
def _mask(text: str, matcher, matched: list[Entry]) -> str:
    """``text`` with every glossary occurrence replaced by NULs; the entries found are added to ``matched``."""
    if not matcher:
        return text
    chars = list(text)
    for m in matcher.find_all(text):
        matched.append(m.entry)
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
        home = next((m for m in merged if len(folded) >= 5 and m.kind in ("name", "spelling-variants")
                     and c.kind == "name" and len(_fold(m.form).split()) == len(folded.split())
                     and fuzz.ratio(_fold(m.form), folded) >= threshold
                     and Levenshtein.distance(_fold(m.form), folded) <= max_edits), None)
        if home is None:
            merged.append(c)
            continue
        home.kind = "spelling-variants"
        home.variants.append(c.form)
        home.count += c.count
        home.files |= c.files
        home.cued |= c.cued
        home.credit_only &= c.credit_only
        for occ in c.examples:
            if len(home.examples) < 3:
                home.examples.append(occ)
    return merged


@dataclass
class _Seen:
    part: _Part
    headline: bool
    credit: bool
    media_cue: bool
    occ: Occurrence


def default_min_count(c: Candidate) -> int:
    """The documented per-kind threshold: 1 for high-precision kinds, 2 for single words and the like."""
    if c.kind in ("acronym", "model", "title"):
        return HIGH_PRECISION
    if c.kind in ("untranslated", "short-form"):
        return LOW_PRECISION
    if c.credit_only:
        return LOW_PRECISION
    return HIGH_PRECISION if " " in c.form or c.cued else LOW_PRECISION


def suggest(corpus: Iterable[str | Path], entries: list[Entry], translations: str | Path | None = None,
            min_count: int | None = None, limit: int | None = None) -> SuggestResult:
    """Mine ``corpus`` (files or directories) for glossary candidates not covered by ``entries``.

    ``min_count=None`` applies the per-kind defaults of :func:`default_min_count`; an integer applies to all.
    """
    found, diags = discover([Path(p) for p in corpus])
    errors = [d for d in diags if d.severity == "error"]
    if errors:
        raise InputError(errors[0].message, errors[0].path)
    if not found:
        raise InputError("no .txt, .po or .jsonl files in the corpus", Path(next(iter(map(str, corpus)), ".")))
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
            for m in _WORD.finditer(unit.text):
                if m.group().islower():
                    lowercase_seen.add(m.group().casefold())
                    source_words.add(m.group())
            headline = is_headline(unit.text) or bool(_BYLINE.match(unit.text))
            for sent in split_sentences(unit.text):
                text = sent.text
                if is_shouting(text):
                    continue
                occ = Occurrence(where, unit.line, text)
                credits = credit_spans(text)
                masked = _mask_credit_words(_mask(text, matcher, matched), credits)
                for _, form in models(masked):
                    models_found.setdefault(form, Candidate(form, "model")).add(occ)
                raw.append((_raw_sequences(masked, text), acronyms(masked, text), headline,
                            credits, occ, masked))
        if en_units is not None:
            _untranslated(en_units, units, source_words, Path(translations) / rel, untranslated)
    cands = _resolve(raw, lowercase_seen)
    cands += list(models_found.values()) + list(untranslated.values())
    cands = _fold_short_forms(cands, matched, min_count)
    cands = [c for c in cands if c.count >= (default_min_count(c) if min_count is None else min_count)]
    for c in cands:
        if c.kind != "untranslated":
            c.proposed = _proposal(c, english)
    cands.sort(key=lambda c: (-c.count, -len(c.files), c.form))
    if limit is not None:
        cands = cands[:limit]
    return SuggestResult(cands, len(found), n_units, diags)


def _untranslated(en_units: list[str], units, source_words: set[str], en_path: Path,
                  out: dict[str, Candidate]) -> None:
    """Indonesian-looking lower-case words of the English output that also occur in the source."""
    for i, en in enumerate(en_units):
        line = units[i].line if len(units) == len(en_units) else i + 1
        for sent in split_sentences(en) or []:
            for m in _WORD.finditer(sent.text):
                w = m.group()
                if w.islower() and w in source_words and looks_indonesian(w):
                    out.setdefault(w, Candidate(w, "untranslated")).add(Occurrence(str(en_path), line, sent.text))


def _resolve(raw, lowercase: set[str]) -> list[Candidate]:
    """Name, title and acronym candidates once the whole corpus has been read (the lower-case words known).

    A single word counts only when it is never lower case and occurs inside a sentence at least once; headline
    occurrences count only for names also found in running text; an acronym inside a longer name of its
    sentence ("NK" of "NK Pro") is not proposed unless it also stands alone somewhere.
    """
    seen: list[_Seen] = []
    acr: dict[str, Candidate] = {}
    acr_alone: set[str] = set()
    known = frozenset(form for sequences, acros, *_ in raw for offset, form in acros
                      if not any(len(seq) > 1 and seq[0].start <= offset < seq[-1].end for seq, _ in sequences))
    for sequences, acros, headline, credits, occ, masked in raw:
        spans = []
        for seq, initial in sequences:
            for part in split_sequence(seq, initial, lowercase, known):
                start, end = part.words[0].start, part.words[-1].end
                credit = any(s <= start < e for s, e in credits)
                cue = bool(_MEDIA_CUE.search(masked[:start]))
                seen.append(_Seen(part, headline, credit, cue, occ))
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
        if " " not in form and (_is_caps(form) or len(form) < 3 or form in TITLES | INSTITUTION_HEADS | PLACE_HEADS
                                | DESCRIPTORS or form.casefold() in lowercase):
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
        if c.kind in ("name", "spelling-variants") and " " in c.form \
                and c.count >= (default_min_count(c) if min_count is None else min_count):
            for form in [c.form, *c.variants]:
                register(form, c)
    for e in entries:
        for form in e.source_forms:
            register(form, e)
    out = []
    for c in cands:
        if c.kind not in ("name", "spelling-variants") or " " in c.form or c.form not in longer \
                or c.form in DIRECTIONS or c.form in _countries():
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


def _excerpt(text: str, form: str, width: int = 200) -> str:
    """The example sentence, trimmed around the candidate when longer than ``width`` characters."""
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
