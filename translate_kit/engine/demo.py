"""The deterministic demo model: a real, tiny CTranslate2 model packaged as a real ``.argosmodel``.

It is *not* a translation model. It copies its input token by token and, given a ``word_map``, swaps whole
words (DESIGN.md §4). ``translate-kit model install demo`` builds it locally with :data:`DEMO_WORDS`, so a
newcomer can run the whole pipeline offline; the test suite builds variants of it.

Construction (1 layer, 1 head, d_model = |vocab| + 3 flag dims + positions, one-hot everything):

* token embeddings and position encodings are one-hot in disjoint dimensions;
* the decoder cross-attention reads only position dims (query ×200), so decoder step *t* attends to source
  position *t*; its values read the token dims and the output projection multiplies them by 30 (copy);
* a ``word_map`` entry adds a stronger path (×40) from the source piece to the target piece;
* whole-word guard: the encoder self-attention copies a flag from the neighbouring source token
  (SentencePiece: the *next* piece continues the word; BPE: the *previous* token ends in ``@@``); the flag
  takes 20 off every mapped target, so a mapped piece inside a longer word is copied, not translated.

Simulating NMT failures in tests: ``word_map`` is an arbitrary {source: target} map of whole "words". Keys and
values may be any non-empty strings without newlines, including placeholders such as ``"⟦1⟧"`` or ``"TERM7"``
and multi-word strings (``{"Kim Jong Un": "Kim Jong-un"}``; SentencePiece only for multi-word keys)::

    build_demo_package(out, word_map={"⟦1⟧": "⟦l⟧"})          # mangle a placeholder
    build_demo_package(out, word_map={"Korut": "Korut"})      # leave a term untranslated
    build_demo_package(out, word_map={"Pyongyang": "Seoul"})  # translate a name into something else

Lower-case keys also map their Capitalised and UPPER-CASE forms ("dan"→"and", "Dan"→"And", "DAN"→"AND").
Keys that start with a non-alphanumeric character (placeholders) are also mapped when glued to the
preceding character ("(⟦1⟧)"). With ``word_map=None`` the model reproduces any text exactly (SentencePiece;
BPE packages reproduce what Moses normalisation/detokenisation leaves intact).
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import re
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np

from ..textio import atomic_write_bytes

#: A few dozen common Indonesian news words and their English renderings (the demo's "dictionary").
DEMO_WORDS: dict[str, str] = {
    "dan": "and",
    "di": "in",
    "dengan": "with",
    "tidak": "not",
    "yang": "that",
    "pada": "on",
    "untuk": "for",
    "dari": "from",
    "ke": "to",
    "kata": "said",
    "presiden": "president",
    "pemimpin": "leader",
    "menteri": "minister",
    "pemerintah": "government",
    "negara": "country",
    "rakyat": "people",
    "kota": "city",
    "hari": "day",
    "tahun": "year",
    "bulan": "month",
    "minggu": "week",
    "juga": "also",
    "akan": "will",
    "telah": "has",
    "sudah": "already",
    "ini": "this",
    "itu": "that",
    "atau": "or",
    "tetapi": "but",
    "karena": "because",
    "dalam": "in",
    "oleh": "by",
    "kepada": "to",
    "bahwa": "that",
    "lebih": "more",
    "baru": "new",
    "besar": "big",
    "perang": "war",
    "damai": "peace",
    "senjata": "weapon",
    "rudal": "missile",
    "pertemuan": "meeting",
    "kunjungan": "visit",
    "keamanan": "security",
    "militer": "military",
    "ekonomi": "economy",
    "berita": "news",
    "sekarang": "now",
    "kemarin": "yesterday",
}

DEMO_PACKAGE_DIR = "translate-id_en-demo"
DEMO_DESCRIPTION = (
    "DEMO — not a real translation model: copies Indonesian text and swaps a few dozen common "
    "words; built locally by translate-kit for offline trials and tests"
)
BUILDER_VERSION = "4"

TOKENIZERS = ("sentencepiece", "bpe")
SPECIALS = ["<unk>", "<s>", "</s>"]
_SP_SPACE = "\u2581"

# Embedded training text material: never read ../shared or corpus/ at build time.
_WORDS = """
presiden menteri pemerintah negara rakyat kota provinsi wilayah daerah kantor berita resmi laporan
mengatakan menyatakan menurut kata juru bicara pejabat tinggi kementerian luar negeri pertahanan
keamanan nasional dewan perserikatan bangsa bangsa amerika serikat korea utara selatan rusia china
jepang indonesia jakarta pyongyang seoul moskow washington beijing tokyo kremlin parlemen partai
pemimpin tertinggi kunjungan pertemuan puncak perjanjian kerja sama militer ekonomi perdagangan
sanksi rudal balistik nuklir senjata uji coba peluncuran satelit pasukan tentara latihan gabungan
perang damai perbatasan semenanjung wilayah udara laut darat hari senin selasa rabu kamis jumat
sabtu minggu januari februari maret april mei juni juli agustus september oktober november desember
tahun bulan pukul waktu setempat lalu depan kemarin besok sekarang telah sudah akan sedang masih
belum tidak bukan juga hanya lebih sangat banyak beberapa semua setiap para sebuah seorang dua tiga
yang dan di ke dari pada untuk dengan dalam oleh kepada bahwa karena tetapi atau serta namun jika
ini itu tersebut mereka kami kita dia ia beliau saya anda -nya ditanya dikatakan disebut diharapkan
menjadi membuat memberikan melakukan mengadakan menghadiri menerima mengirim membahas meningkatkan
baru besar kecil penting utama pertama kedua terakhir lain sama bersama antara terhadap tentang
""".split()
#: common words of Indonesian news reports (affixed forms included), so that the tokenizer keeps most words of a
#: news sentence whole: a sentence of ~180 characters is then ~50 tokens, far below the model's input limit
_NEWS_WORDS = """
adalah ada adanya agar agenda agresi ahli air akan akhir akhirnya aksi aktif aktivitas akibat alasan aliansi
alat aman amanat ambil amunisi anak anggaran anggota angkatan antar antara antariksa apa apabila apakah april
arah artinya asal asia atas atau awal ayah baca badan bagaimana bagi bagian bahkan bahwa baik balistik bangsa
bantuan banyak barang barat baru batas bawah bekerja belakang belum benar bentuk berada berakhir berangkat
berapa berarti berasal berat berbagai berbeda berbicara berdasarkan berdampak berdiri berencana berhasil
berita berjalan berkata berkembang berkunjung berlaku berlangsung bermain bernama berperan bersama bersedia
bersifat bertemu bertujuan berupa besar besok biasa biaya bicara bidang bijak bila bisa bukan bulan bumi buruk
cara cepat cina contoh cukup daerah dalam dalamnya dampak dan dana dapat dari darat data datang dekat delegasi
demikian demokrasi depan deputi desa desember detail dewan di dia diberikan dibuat diduga digunakan dikatakan
dikenal diketahui dilakukan dilaporkan dimana dimulai dinilai dipimpin diplomasi diplomat diplomatik direktur
dirinya disampaikan disebut diserang disepakati ditandatangani diterima ditulis dituduh dukungan dunia dua
duta ekonomi ekspor empat enam energi era eropa februari fasilitas foto gabungan gedung global gubernur guna
hak hal halaman hampir hanya harga hari harus hasil hidup hingga hubungan hukum ia ibu ibukota ide ilmu impor
industri informasi ingin ini insiden intelijen internasional isu itu iya jalan jam jauh jawab jelas jenderal
jenis jika juga jumat jumlah juni juli juru jutaan kabar kala kali kalangan kalau kami kamis kamu kantor kapal
karena kata katanya kawasan ke keadaan keamanan kebijakan kecil kedua kedutaan keduanya kegiatan kehidupan
kejadian kekuatan kelompok keluarga kemarin kemudian kementerian kemungkinan kenegaraan kepada kepala
kepentingan kerja kerjasama kerugian kesepakatan ketegangan ketiga ketika ketua khawatir khusus kini kita
komandan komitmen komunikasi konferensi konflik kontrol korban kota kuat kunjungan kurang lagi lain laut lalu
lama langkah langsung lanjut lanjutnya laporan latihan lebih lembaga lewat lima luar maka makan makanan maju
malam mampu mana mantan mari masa masalah masih masing masyarakat mata maupun media melakukan melalui melihat
memang memastikan membahas membangun membantu memberi memberikan membuat memiliki meminta mempertahankan
memperkuat menambahkan menanggapi mencapai mencari mendapat mendapatkan mendukung menerima mengaku mengalami
mengancam mengatakan mengenai menggunakan menghadapi menghadiri mengirim mengumumkan mengungkapkan menilai
menjadi menjaga menjelaskan menteri menuduh menuju menurut menyatakan menyebut menyebutkan mereka merupakan
mesin militer milik minggu misalnya mobil modern mulai mungkin nama namun nasional negara negeri nilai nomor
nuklir oleh operasi orang pada padahal pagi paling panjang para parlemen partai pasar pasca pasukan patut
pekan peluncuran pemerintah pemerintahan pemimpin pemilihan penduduk penerbangan pengamat pengaruh penggunaan
pengiriman penting perang perbatasan perdagangan perdana peringatan perjanjian perjalanan perkembangan pernah
pernyataan persen persenjataan pertahanan pertama pertemuan perusahaan pesawat pihak pimpinan pasokan politik
polisi posisi presiden produksi program proyek provinsi pukul pula pulang puluhan punya pusat putra rabu
rakyat rapat rencana resmi ribu ribuan rudal rumah rusak saat sabtu saja salah sama sampai sana sangat sanksi
satu satunya saudara sebagai sebelum sebelumnya sebesar sebuah secara sedang sejak sejumlah sekarang sekitar
sekretaris sektor sekutu selain selama selasa selatan selalu semakin semenanjung semua senin senjata sepanjang
seperti serangan serikat serta sesuai setelah setiap sidang sikap simbol sistem situasi strategis sudah sulit
sumber tahun tak tambah tanggal tanpa tapi tegas teknologi telah teman tempat tengah tentang tentara terakhir
terbaru terbesar terhadap terjadi terkait termasuk tersebut tertinggi terus tetap tetapi tidak tiga tim timur
tinggi tingkat tokoh tua tujuan tuduhan tugas tujuh tuan uang udara ujar uji umum untuk upaya utama utara
waktu wakil walaupun wanita warga wartawan wilayah ya yakni yang yaitu zona amerika korea rusia ukraina china
jepang indonesia moskow pyongyang seoul kyiv washington beijing tokyo jakarta kremlin nato pbb as korut korsel
putin kim jong un il biden vladimir mengunjungi kunjungannya pertemuannya pernyataannya hubungannya ujarnya
tambahnya ungkapnya balasan ancaman mempererat bilateral negosiasi perundingan pembicaraan kedatangan
menandatangani memasok kontainer lusinan ratusan miliar triliun dolar rupiah pemilu kampanye kandidat kabinet
undang pengadilan hakim jaksa kasus dugaan korupsi penyelidikan keterangan menyampaikan menegaskan
memperingatkan mendesak meningkatkan menurunkan mengecam mengutuk menolak menerapkan menangkap menewaskan
melukai hancur ledakan sipil pengungsi kemanusiaan krisis pangan minyak gas listrik investasi pertumbuhan
inflasi bank utang pajak kebakaran banjir gempa bencana cuaca
""".split()
#: names and English words that news sentences and their glossary renderings are full of
_NAMES = """
Amerika Serikat Korea Utara Selatan Rusia Ukraina China Tiongkok Jepang Indonesia Eropa Asia Moskow Pyongyang
Seoul Kyiv Washington Beijing Tokyo Jakarta Kremlin NATO PBB AS Korut Korsel Putin Vladimir Kim Jong Un Il Yo
Biden Joe Donald Trump Xi Jinping Yoon Suk Yeol Sergei Lavrov Dmitry Peskov Zelensky John Kirby Matthew Miller
Reuters AFP AP Yonhap KCNA Tribunnews Kompas Antara Sputnik Timur Tengah Barat Laut Hitam Gedung Putih
Departemen Luar Negeri Pertahanan Dewan Keamanan Nasional Kementerian Presiden Menteri Jenderal Senin Selasa
Rabu Kamis Jumat Sabtu Minggu Januari Februari Maret April Mei Juni Juli Agustus September Oktober November
Desember the of and to in for on with by from at as is was that said will has have been North South Korea
Korean United States Russia Russian Ukraine Japan President Minister Ministry Foreign Defense Defence
Security Council National Department State Nations Union European Prime Secretary General Office Agency
News Army Navy Force Forces Party Leader Supreme People Republic Democratic Government Spokesman ZX
""".split()
_VOCAB = list(dict.fromkeys(_WORDS + _NEWS_WORDS))
_TRAINING_LINES = 3000  # generated training sentences
_BASE_VOCAB = 1000  # SentencePiece pieces besides the word map's
_SP_TYPE = "bpe"  # merges keep frequent word parts, so a word the list lacks still costs few tokens
_TEMPLATES = [
    "{W} {w} {w} {w}, {w} {w} {w} {w}.",
    "\u201c{W} {w} {w} {w},\u201d {w} {W} {W} pada {w} {N}.",
    "{W} {w} {w} {w} {w} ({W} {w}) {w} {w} {N} {w}.",
    "Pada {N} {W} {N}, {w} {w} {w} {w} \u2013 {w} {w} {w}.",
    "{W}-{W} {w} {w}: \u2018{w} {w}\u2019, {w} {w} {w}\u2026",
    "{W} {w} {w} {N}% {w} {w} {w} \u20ac{N} {w} US${N} {w} {w}?",
    "{W} {w} {w} {w} \u2014 {w} {w} {w} {w} {w} {w}!",
    "{W} {W} {w} {w} {W} {W} {w} {W} {w} {w} {W} {W}, {w} {W} ({W}/{N}/{N}/{N}).",
    "\u201c{W} {w} {w} {W} {W} {w} {w},\u201d {w} {W} {W} {W} {w} {W}, {W} {N} {W} {N}.",
]
_CHARSET = (
    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,;:!?'\"()[]{}<>-_/\\@#$%&*+=~^|`"
    " \u201c\u201d\u2018\u2019\u2013\u2014\u2026\u20ac\u00b0\u00a0\u27e6\u27e7\u00e9\u00e8"
)


def training_text(extra_text: str = "") -> str:
    """The small generated text the tokenizer is trained on (deterministic)."""
    rng = random.Random(20240601)
    lines = []
    for i in range(_TRAINING_LINES):
        template = _TEMPLATES[i % len(_TEMPLATES)]
        line = re.sub(r"\{w\}", lambda _: rng.choice(_VOCAB), template)
        line = re.sub(
            r"\{W\}", lambda _: rng.choice(_NAMES) if rng.random() < 0.5 else rng.choice(_VOCAB).capitalize(), line
        )
        line = re.sub(r"\{N\}", lambda _: str(rng.randrange(1, 3000)), line)
        lines.append(line)
    lines += [_CHARSET] * 5
    if extra_text:
        lines += [line for line in extra_text.splitlines() if line.strip()]
    return "\n".join(lines) + "\n"


def expand_word_map(word_map: dict[str, str] | None) -> dict[str, str]:
    """The word map with case forms added: "dan"→"and" also gives "Dan"→"And" and "DAN"→"AND"."""
    out: dict[str, str] = {}
    for key, value in (word_map or {}).items():
        if not isinstance(key, str) or not isinstance(value, str) or not key.strip() or not value.strip():
            raise ValueError(f"word_map entries must be non-empty strings: {key!r} → {value!r}")
        if any(c in "\r\n\t" for c in key + value) or key != key.strip() or value != value.strip():
            raise ValueError(f"word_map entries must be single-line, without outer spaces: {key!r} → {value!r}")
        out.setdefault(key, value)
    for key, value in list(out.items()):
        if key[:1].islower():
            out.setdefault(key[0].upper() + key[1:], value[0].upper() + value[1:])
            if len(key) > 1 and any(c.isalpha() for c in key):
                out.setdefault(key.upper(), value.upper())
    return out


# --------------------------------------------------------------------------------------------- tokenizers


def _train_sentencepiece(text: str, forms: dict[str, str], work: Path) -> tuple[list[str], dict, set[str]]:
    """Train the SentencePiece model; returns (vocab, piece map, target pieces that get the word guard)."""
    import sentencepiece as spm

    symbols: list[str] = []
    piece_map: dict[str, str] = {}
    guarded: set[str] = set()

    def piece(s: str, glued: bool = False) -> str:
        p = s.replace(" ", _SP_SPACE)
        return p if glued else _SP_SPACE + p

    for key, value in forms.items():
        pairs = [(piece(key), piece(value))]
        if not key[:1].isalnum():  # a placeholder-like key may be glued to the preceding character
            pairs.append((piece(key, glued=True), piece(value, glued=True)))
        for src, tgt in pairs:
            piece_map[src] = tgt
            symbols += [src, tgt]
            if key[-1:].isalnum():
                guarded.add(tgt)
    symbols = list(dict.fromkeys(symbols))
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(text.splitlines()),
        model_writer=model,
        model_type=_SP_TYPE,
        vocab_size=_BASE_VOCAB + len(symbols),
        hard_vocab_limit=False,
        byte_fallback=True,
        character_coverage=1.0,
        normalization_rule_name="identity",
        remove_extra_whitespaces=False,
        split_digits=True,
        user_defined_symbols=symbols or None,
        bos_id=-1,
        eos_id=-1,
        unk_id=0,
        num_threads=1,
        minloglevel=2,
    )
    (work / "sentencepiece.model").write_bytes(model.getvalue())
    sp = spm.SentencePieceProcessor(model_proto=model.getvalue())
    vocab = SPECIALS + [sp.id_to_piece(i) for i in range(1, sp.get_piece_size())]
    return vocab, piece_map, guarded


def _sp_continues(piece: str) -> bool:
    """True for a SentencePiece piece that continues the previous word (no ▁, letter/digit or raw byte)."""
    if piece in SPECIALS or piece.startswith(_SP_SPACE):
        return False
    return bool(re.fullmatch(r"<0x[0-9A-F]{2}>", piece)) or piece[:1].isalnum()


def _moses(text_lines: list[str]) -> list[list[str]]:
    """Tokenise lines the way argostranslate's BPETokenizer does (Moses normaliser + tokenizer, "id")."""
    from sacremoses.normalize import MosesPunctNormalizer
    from sacremoses.tokenize import MosesTokenizer

    global _MOSES
    if _MOSES is None:
        _MOSES = (MosesTokenizer("id"), MosesPunctNormalizer("id"))
    tok, norm = _MOSES
    return [tok.tokenize(norm.normalize(line)) for line in text_lines]


_MOSES = None


def _learn_bpe(word_freqs: Counter, num_merges: int) -> list[tuple[str, str]]:
    """Plain subword-nmt style BPE learning (version 0.2 word-final units)."""
    words = {tuple(w[:-1]) + (w[-1] + "</w>",): f for w, f in word_freqs.items()}
    merges: list[tuple[str, str]] = []
    for _ in range(num_merges):
        pairs: Counter = Counter()
        for word, f in words.items():
            for pair in zip(word, word[1:]):
                pairs[pair] += f
        if not pairs:
            break
        best = max(pairs, key=lambda p: (pairs[p], p))
        if pairs[best] < 2:
            break
        merges.append(best)
        words = {_merge(word, best): f for word, f in words.items()}
    return merges


def _merge(word: tuple[str, ...], pair: tuple[str, str]) -> tuple[str, ...]:
    out, i = [], 0
    while i < len(word):
        if i < len(word) - 1 and (word[i], word[i + 1]) == pair:
            out.append(word[i] + word[i + 1])
            i += 2
        else:
            out.append(word[i])
            i += 1
    return tuple(out)


def _codes_text(merges: list[tuple[str, str]]) -> str:
    return "#version: 0.2\n" + "".join(f"{a} {b}\n" for a, b in merges)


def _train_bpe(text: str, forms: dict[str, str], work: Path) -> tuple[list[str], dict, set[str]]:
    """Learn Moses + subword-nmt BPE codes (``bpe.model``); returns (vocab, token map, guarded targets)."""
    from argostranslate.apply_bpe import BPE

    lines = text.splitlines()
    word_freqs = Counter(t for toks in _moses(lines) for t in toks)
    merges = _learn_bpe(word_freqs, 400)
    codes = work / "bpe.model"

    token_map: dict[str, str] = {}
    for key, value in forms.items():
        toks = _moses([key])[0]
        if len(toks) != 1:
            raise ValueError(f"BPE demo: word_map key {key!r} is not a single Moses token ({toks})")
        token_map[toks[0]] = " ".join(_moses([value])[0]) or value
    # Force every key to be one BPE unit: append merges (lowest priority) until it is.
    for key in token_map:
        while True:
            units = BPE(io.StringIO(_codes_text(merges))).segment_tokens([key])
            if len(units) == 1:
                break
            merges.append((_unit(units[0], first=True, last=False), _unit(units[1], first=False, last=len(units) == 2)))
    codes.write_text(_codes_text(merges), encoding="utf-8")
    bpe = BPE(io.StringIO(_codes_text(merges)))
    vocab_set: set[str] = set()
    for toks in _moses(lines):
        vocab_set.update(bpe.segment_tokens(toks))
    vocab_set.update(token_map)
    vocab_set.update(token_map.values())
    guarded = {v for k, v in token_map.items() if k[:1].isalnum()}
    return SPECIALS + sorted(vocab_set - set(SPECIALS)), token_map, guarded


def _unit(segment: str, first: bool, last: bool) -> str:
    """A BPE segment as printed ('da@@') back to its merge-table unit ('da' or 'n</w>')."""
    unit = segment[:-2] if segment.endswith("@@") else segment
    return unit + "</w>" if last else unit


# ------------------------------------------------------------------------------------------------ model


def _build_model(
    vocab: list[str],
    flags: np.ndarray,
    pairs: list[tuple[int, int]],
    guarded: list[int],
    neighbour: str,
    max_positions: int,
    out_dir: Path,
) -> None:
    """Write the CTranslate2 model: copy path ×30, mapped path ×40, neighbour-flag guard −20."""
    from ctranslate2.specs import transformer_spec

    f32 = np.float32
    V, P = len(vocab), max_positions
    FLAG_ON, FLAG_OFF, NFLAG, POS = V, V + 1, V + 2, V + 3
    D = POS + P
    D += (-D) % 16
    FFN = 16

    def ln(layer):
        layer.gamma = np.ones(D, f32)
        layer.beta = np.zeros(D, f32)

    def lin(layer, weight):
        layer.weight = weight.astype(f32)
        layer.bias = np.zeros(weight.shape[0], f32)

    def embeddings(with_flags: bool):
        E = np.zeros((V, D), f32)
        E[np.arange(V), np.arange(V)] = 1.0
        if with_flags:
            E[np.arange(V), np.where(flags, FLAG_ON, FLAG_OFF)] = 1.0
        return E / np.sqrt(D)  # CTranslate2 scales embeddings by sqrt(d_model)

    positions = np.zeros((P, D), f32)
    positions[np.arange(P), POS + np.arange(P)] = 1.0

    def zero_ffn(layer):
        ln(layer.layer_norm)
        lin(layer.linear_0, np.zeros((FFN, D)))
        lin(layer.linear_1, np.zeros((D, FFN)))

    spec = transformer_spec.TransformerSpec.from_config(1, 1)
    enc, dec = spec.encoder, spec.decoder

    # Encoder: self-attention copies the neighbour's flag into NFLAG (every token has exactly 3 non-zero dims,
    # so after the pre-norm a flag reads (1 - 3/D) / sqrt(3/D - 9/D^2); scale it back to 1).
    enc.embeddings[0].weight = embeddings(with_flags=True)
    enc.position_encodings.encodings = positions
    ln(enc.layer_norm)
    layer = enc.layer[0]
    ln(layer.self_attention.layer_norm)
    qkv = np.zeros((3 * D, D), f32)
    qkv[POS + np.arange(P), POS + np.arange(P)] = 200.0
    if neighbour == "next":  # position p attends to p + 1
        qkv[D + POS + np.arange(P - 1), POS + np.arange(1, P)] = 1.0
    else:  # position p attends to p - 1 (position 0 to itself)
        qkv[D + POS + np.arange(1, P), POS + np.arange(P - 1)] = 1.0
        qkv[D + POS, POS] = 1.0
    qkv[2 * D + NFLAG, FLAG_ON] = 1.0
    lin(layer.self_attention.linear[0], qkv)
    normed = (1 - 3 / D) / np.sqrt(3 / D - 9 / D**2)
    out = np.zeros((D, D), f32)
    out[NFLAG, NFLAG] = 1.0 / normed
    lin(layer.self_attention.linear[1], out)
    zero_ffn(layer.ffn)

    # Decoder: cross-attention step t reads source position t; values carry tokens and the neighbour flag.
    dec.embeddings.weight = embeddings(with_flags=False)
    dec.position_encodings.encodings = positions
    ln(dec.layer_norm)
    layer = dec.layer[0]
    ln(layer.self_attention.layer_norm)
    lin(layer.self_attention.linear[0], np.zeros((3 * D, D)))
    lin(layer.self_attention.linear[1], np.zeros((D, D)))
    ln(layer.attention.layer_norm)
    q = np.zeros((D, D), f32)
    q[POS + np.arange(P), POS + np.arange(P)] = 200.0
    kv = np.zeros((2 * D, D), f32)
    kv[POS + np.arange(P), POS + np.arange(P)] = 1.0
    kv[D + np.arange(V), np.arange(V)] = 1.0
    kv[D + NFLAG, NFLAG] = 1.0
    o = np.zeros((D, D), f32)
    o[np.arange(V), np.arange(V)] = 30.0
    for src, tgt in pairs:
        o[tgt, src] = 40.0
    for tgt in guarded:
        o[tgt, NFLAG] = -20.0
    lin(layer.attention.linear[0], q)
    lin(layer.attention.linear[1], kv)
    lin(layer.attention.linear[2], o)
    zero_ffn(layer.ffn)
    projection = np.zeros((V, D), f32)
    projection[np.arange(V), np.arange(V)] = 1.0
    lin(dec.projection, projection)

    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.config.add_source_eos = True
    spec.validate()
    spec.optimize(quantization="float16")
    spec.save(str(out_dir))


# ---------------------------------------------------------------------------------------------- package


def build_demo_package(
    out_path: str | Path,
    *,
    word_map: dict[str, str] | None = None,
    tokenizer: str = "sentencepiece",
    extra_text: str = "",
    max_positions: int = 320,
    package_dir: str = DEMO_PACKAGE_DIR,
    version: str = "1.0",
) -> Path:
    """Build the demo model as a ``.argosmodel`` zip at ``out_path`` and return that path.

    ``word_map=None`` copies input exactly; ``DEMO_WORDS`` is what ``model install demo`` uses. ``extra_text``
    adds lines to the tokenizer's training text; ``max_positions`` bounds the source length (tokens + </s>).
    """
    if tokenizer not in TOKENIZERS:
        raise ValueError(f"tokenizer must be one of {TOKENIZERS}, not {tokenizer!r}")
    if not 8 <= max_positions <= 4096:
        raise ValueError("max_positions must be between 8 and 4096")
    forms = expand_word_map(word_map)
    out_path = Path(out_path)
    text = training_text(extra_text)
    with tempfile.TemporaryDirectory(prefix="translate-kit-demo-") as tmp:
        pkg = Path(tmp) / package_dir
        (pkg / "model").mkdir(parents=True)
        if tokenizer == "sentencepiece":
            vocab, piece_map, guarded = _train_sentencepiece(text, forms, pkg)
            flags = np.array([_sp_continues(p) for p in vocab])
            neighbour = "next"
        else:
            vocab, piece_map, guarded = _train_bpe(text, forms, pkg)
            flags = np.array([p.endswith("@@") for p in vocab])
            neighbour = "prev"
        index = {p: i for i, p in enumerate(vocab)}
        pairs = [(index[s], index[t]) for s, t in piece_map.items()]
        _build_model(vocab, flags, pairs, sorted(index[t] for t in guarded), neighbour, max_positions, pkg / "model")
        _write_package_files(pkg, _demo_metadata(version, tokenizer, forms, extra_text, max_positions), forms)
        atomic_write_bytes(out_path, _zip_dir(pkg))
    return out_path


def _demo_metadata(version: str, tokenizer: str, forms: dict[str, str], extra_text: str, max_positions: int) -> dict:
    """The demo package's metadata.json, with a digest of what the build depends on."""
    digest = hashlib.sha256(
        json.dumps(
            [BUILDER_VERSION, tokenizer, sorted(forms.items()), extra_text, max_positions], ensure_ascii=False
        ).encode()
    ).hexdigest()[:16]
    metadata = {
        "package_version": version,
        "argos_version": "1.9",
        "type": "translate",
        "from_code": "id",
        "from_name": "Indonesian",
        "to_code": "en",
        "to_name": "English",
        "name": "translate-id_en DEMO",
        "description": DEMO_DESCRIPTION,
        "translate_kit_demo": True,
        # float32: int8 kernels differ by processor, and on one without AVX-512 (AVX2 only) they lose the gap
        # between the copy and the mapped paths, so a mapped word at the end of a sentence came out copied
        "translate_kit_compute_type": "float32",
        # Greedy decoding: the one-hot paths (copy ×30, mapped ×40, guard −20) leave each step's best token far
        # ahead of the rest, so a wider beam returns the same text at about 4× the cost
        # (tests/engine/test_engine_demo.py compares beam 1 with beam 4 on corpus/id).
        "translate_kit_beam_size": 1,
        "translate_kit_demo_build": {
            "builder": BUILDER_VERSION,
            "tokenizer": tokenizer,
            "words": len(forms),
            "max_positions": max_positions,
            "digest": digest,
        },
    }
    return metadata


def _write_package_files(pkg: Path, metadata: dict, forms: dict[str, str]) -> None:
    """Write the demo package's metadata.json and README.md into ``pkg``."""
    (pkg / "metadata.json").write_text(json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (pkg / "README.md").write_text(
        f"# translate-id_en DEMO\n\n{DEMO_DESCRIPTION}.\n\nWord map ({len(forms)} forms):\n\n"
        + "".join(f"- {k} → {v}\n" for k, v in sorted(forms.items())),
        encoding="utf-8",
    )


def _zip_dir(pkg: Path) -> bytes:
    """Zip ``pkg`` (as the single top directory) with fixed timestamps, so builds are byte-identical."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(pkg.rglob("*")):
            arcname = path.relative_to(pkg.parent).as_posix() + ("/" if path.is_dir() else "")
            info = zipfile.ZipInfo(arcname, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = (0o40755 if path.is_dir() else 0o100644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, b"" if path.is_dir() else path.read_bytes())
    return buf.getvalue()


__all__ = [
    "DEMO_WORDS",
    "DEMO_PACKAGE_DIR",
    "DEMO_DESCRIPTION",
    "build_demo_package",
    "expand_word_map",
    "training_text",
]
