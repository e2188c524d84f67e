"""Word lists and patterns of glossary mining: stopwords, titles, heads, credits, shapes of names."""

from __future__ import annotations

import re

from ...corpus.indonesian import (
    FUNCTION_WORDS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    WEEKDAYS,
)

#: capitalised words that start a sentence or precede a name without being part of it.
LEADING_STOPWORDS = frozenset(
    """
Para Dalam Di Ke Dari Pada Dan Namun Tetapi Tapi Sementara Saat Setelah Sebelum Sebelumnya Menurut Bahkan Kini
Ini Itu Ia Dia Mereka Kami Kita Anda Jika Bila Apabila Karena Sejak Selama Oleh Untuk Dengan Seperti Adapun
Meski Meskipun Walaupun Yang Juga Tidak Bukan Ada Hal Kemudian Selain Terkait Begitu Lalu Maka Sehingga Agar
Atas Bagi Bersama Tentang Antara Hingga Sampai Tuan Nyonya Nona Bapak Ibu Sdr Saudara Baca Simak Lihat Kata
Jadi Sedangkan Selanjutnya Akan Telah Sudah Masih Belum Hanya Pun Seorang Sebuah Kedua Keduanya Beberapa Banyak
Semua Setiap Tiap But In On Of And
""".split()
)


#: English articles: part of a name inside a sentence ("dilansir The Guardian"), stripped at its start.
ENGLISH_ARTICLES = frozenset({"The", "A", "An"})


#: months and weekdays (with common abbreviations): capitalised, but not names.
CALENDAR = frozenset(m.capitalize() for m in MONTH_NAMES) | set(MONTH_ABBREVIATIONS) | set(WEEKDAYS)


#: Indonesian titles and roles that precede a name: split off ("Direktur X" → X, "Juru Bicara" a title).
TITLES = frozenset(
    """
Presiden Wapres Wakil Menteri Perdana Direktur Juru Bicara Jubir Penasihat Pemimpin Kepala Ketua Sekretaris
Jenderal Duta Besar Gubernur Walikota Wali Bupati Raja Ratu Pangeran Kanselir Analis Politisi Penulis Editor
Pejabat Panglima Komandan Kapten Mayor Kolonel Letnan Laksamana Marsekal Profesor Prof Dr Pakar Peneliti
Pengamat Wartawan Koresponden Diplomat Senator Anggota Mantan Calon Pendiri Utusan Khusus
""".split()
)


#: place descriptors written before a place name but not part of it ("Kota Kharkiv" → Kharkiv).
DESCRIPTORS = frozenset("Kota Kabupaten Provinsi Wilayah Kawasan Daerah Desa Kecamatan Kelurahan Distrik".split())


#: words that open an Indonesian institution name: never stripped, allow connectors, and a lone one is no name.
INSTITUTION_HEADS = frozenset(
    """
Kementerian Departemen Dewan Badan Komisi Lembaga Institut Universitas Pusat Kantor Majelis Mahkamah Pengadilan
Komite Organisasi Asosiasi Yayasan Akademi Sekolah Partai Bank Perusahaan Markas Angkatan Pasukan Kepolisian
Kejaksaan Sekretariat Direktorat Aliansi Koalisi Persatuan Perhimpunan Liga Gerakan
""".split()
)


#: words that open a place name and are part of it ("Lapangan Kim Il Sung"); a lone one is no name.
PLACE_HEADS = frozenset(
    """
Lapangan Hotel Wisma Gereja Masjid Istana Semenanjung Laut Selat Pulau Kepulauan Gunung Sungai Teluk Bandara
Pelabuhan Jalan Stadion Gedung Taman Museum Kosmodrom
""".split()
)


#: compass and size qualifiers: the last word of many names ("Eropa Barat"), never a short form of one.
DIRECTIONS = frozenset("Utara Selatan Barat Timur Tengah Raya Baru Besar".split())


#: a unit starting like a byline ("oleh …", "Penulis: …"): its names are not evidence.
BYLINE = re.compile(r"^\W*(?:oleh|penulis|editor|reporter|pewarta|laporan wartawan|foto)\b", re.IGNORECASE)


#: English head words that end an institution name ("Sejong Institute | Cheong Seong Chang").
ENGLISH_HEADS = frozenset(
    """
Institute Institution University College Center Centre Foundation Council Agency Association Commission
Committee Corporation Group Times Post Journal Herald Tribune Press Daily Network Ministry Office
""".split()
)


#: seats of government that stand for one and precede a spokesperson's name ("Kremlin Dmitry Peskov").
SEATS = frozenset({"Kremlin", "Pentagon", "Vatikan", "Gedung Putih", "Whitehall", "Downing Street"})


#: lower-case particles allowed inside a name ("Osama bin Laden", "Voice of America").
NAME_PARTICLES = frozenset(
    {"bin", "binti", "de", "van", "von", "der", "den", "al", "el", "da", "dos", "del", "of", "la", "le"}
)


#: Indonesian connectors allowed inside an institution name between capitalised words.
CONNECTORS = frozenset({"untuk", "dan", "dari", "bagi", "di"})


#: photo and source credit words: never part of a name.
CREDIT_WORDS = frozenset(
    {
        "photo",
        "photos",
        "foto",
        "pool",
        "images",
        "dok",
        "dokumentasi",
        "istimewa",
        "handout",
        "credit",
        "kredit",
        "sumber",
        "file",
    }
)


#: link words of a credit line ("KCNA via Reuters", "X/AFP melalui Getty Images").
CREDIT_LINKS = frozenset({"via", "melalui"})


#: lower-case words after which a single capitalised word is surely a name ("kantor berita Yonhap").
MEDIA_CUE = re.compile(
    r"(?<!\w)(?:kantor berita|surat kabar|harian|situs|majalah|media|stasiun televisi|televisi|"
    r"radio|laman|portal|koran|agensi)(?:\s+\S+)?,?\s+$"
)


#: common Indonesian function words: an English output containing them left Indonesian untranslated.
ID_FUNCTION_WORDS = FUNCTION_WORDS


WORD = re.compile(r"[^\W\d_][\w’'-]*[\w]|[^\W\d_]")


ACRONYM = re.compile(r"(?<![\w.])[A-Z][A-Z0-9]{1,5}(?![\w]|\.\w|-\d)")


MODEL = re.compile(r"(?<![\w.-])([A-Z][A-Za-z]*)-(\d+)[A-Za-z]?(?![\w-])")


ROMAN = re.compile(r"^[IVX]+$")


SENTENCE_END = re.compile(r"[.!?…]['\"”’)]*\s*$")


ID_AFFIX = re.compile(
    r"^(?:(?:me[mn]?|meng|meny|pe[mn]?|peng|peny|ber|di|ter|ke)\w{3,}(?:kan|an|i|nya)"
    r"|\w{3,}nya|(?:me[mn]?|meng|meny|ber|di)\w{3,}kan)$"
)


CAPS_GAP = re.compile(r"^[\s/,&]*$")


PAREN = re.compile(r"\(([^()]*)\)")


DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")


MASK = "\x00"


#: default minimum counts per precision class (see the module docstring).
HIGH_PRECISION, LOW_PRECISION = 1, 2
