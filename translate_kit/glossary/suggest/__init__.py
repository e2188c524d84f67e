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

from .candidates import (
    Candidate,
    Occurrence,
    SuggestResult,
    cluster_spellings,
    default_min_count,
)
from .mining import suggest
from .output import write_suggestions
from .text import (
    acronyms,
    credit_spans,
    is_headline,
    is_shouting,
    looks_indonesian,
    models,
    name_sequences,
    split_sequence,
)

__all__ = [
    "Candidate",
    "Occurrence",
    "SuggestResult",
    "acronyms",
    "cluster_spellings",
    "credit_spans",
    "default_min_count",
    "is_headline",
    "is_shouting",
    "looks_indonesian",
    "models",
    "name_sequences",
    "split_sequence",
    "suggest",
    "write_suggestions",
]
