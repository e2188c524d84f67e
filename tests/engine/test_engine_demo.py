"""The demo model (DESIGN.md §4) through the real argostranslate + CTranslate2 path: exact copies, whole-word
word maps, both tokenizers (SentencePiece and Moses + subword-nmt BPE)."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from translate_kit.engine import BatchTranslator, load_package
from translate_kit.engine.demo import DEMO_WORDS, build_demo_package, expand_word_map
from translate_kit.errors import ModelError

# Every character must survive the copy: curly quotes, NBSP, ⟦⟧ brackets, digits, €, tabs, double spaces,
# accents, CJK and emoji (byte fallback).
TRICKY = [
    "Presiden Joko Widodo tiba di Jakarta pada hari Senin, 11.000 orang menyambutnya.",
    "\u201cKami tidak akan menyerah,\u201d kata juru bicara \u2018Kremlin\u2019 \u2013 pukul 02.45 WIB\u2026",
    "Harga naik 2,5% menjadi \u20ac1.250\u00a0juta (\u27e61\u27e7) di Korut-Rusia; lihat [catatan] & {x}.",
    "Dua  spasi, tab\tdan simbol: #@$^*+=|~ <b> \u00e9t\u00e9 na\u00efve \u00d1 \u00df \u4e2d\u6587 \U0001f600",
    "SEMUA HURUF BESAR DI JUDUL: KORUT DAN KORSEL!",
]

# Plain text that Moses normalisation and detokenisation leave as it is (the BPE path cannot keep curly
# quotes or NBSP: argostranslate's BPETokenizer normalises them before the model sees the text).
PLAIN = [
    "Presiden Joko Widodo tiba di Jakarta pada hari Senin, 11.000 orang menyambutnya.",
    "Menteri Luar Negeri Korea Selatan mengunjungi Washington untuk pertemuan dengan pejabat AS.",
    "Kunjungan itu, kata juru bicara Kremlin Dmitry Peskov, akan membahas kerja sama militer.",
    "Pyongyang meluncurkan rudal Hwasong-11 pukul 02.45 waktu setempat.",
]


def test_sentencepiece_demo_copies_any_text_exactly(make_demo_package):
    _, info = make_demo_package()
    assert info.tokenizer == "sentencepiece" and info.demo
    assert BatchTranslator(info).translate(TRICKY) == TRICKY


def test_bpe_demo_copies_text_exactly(make_demo_package):
    _, info = make_demo_package(tokenizer="bpe")
    assert info.tokenizer == "bpe"
    assert (info.path / "bpe.model").is_file() and not (info.path / "sentencepiece.model").exists()
    translator = BatchTranslator(info)
    # subword-nmt joiners are really in play: a rare name is split into several "@@" units
    assert any(t.endswith("@@") for t in translator.tokenize("Ushakov"))
    assert translator.translate(PLAIN) == PLAIN


def test_demo_copies_through_argostranslates_own_translation_function(make_demo_package):
    import ctranslate2
    from argostranslate.translate import apply_packaged_translation

    class WholeParagraph:  # argostranslate's MiniSBD needs a download; the paragraph is one sentence here
        def split_sentences(self, text):
            return [text]

    _, info = make_demo_package()
    pkg = load_package(info.path)
    model = ctranslate2.Translator(str(info.path / "model"), compute_type="float32")
    for text in TRICKY[:3]:
        assert apply_packaged_translation(pkg, text, model, WholeParagraph(), 1)[0].value == text


@pytest.mark.parametrize("tokenizer", ["sentencepiece", "bpe"])
def test_word_map_translates_whole_words_only(make_demo_package, tokenizer):
    _, info = make_demo_package(word_map=DEMO_WORDS, tokenizer=tokenizer)
    translator = BatchTranslator(info)
    source = [
        "Sudan dan Danau dikatakan di Jakarta",  # "dan" inside Sudan/Danau and "di" inside dikatakan stay
        "Dan presiden tidak datang",  # capitalised form maps too
        "DAN KATA PRESIDEN",  # so does the upper-case form
        "Kata menteri: perang tidak akan terjadi.",
        "Adanya kunjungan dari Presiden",
    ]
    expected = [
        "Sudan and Danau dikatakan in Jakarta",
        "And president not datang",
        "AND SAID PRESIDENT",
        "Said minister: war not will terjadi.",
        "Adanya visit from President",
    ]
    assert translator.translate(source) == expected


def test_word_map_can_simulate_nmt_failures(make_demo_package):
    word_map = {"\u27e61\u27e7": "\u27e6l\u27e7", "Pyongyang": "Seoul", "Kim Jong Un": "Kim Jong-un"}
    _, info = make_demo_package(word_map=word_map)
    translator = BatchTranslator(info)
    source = ["Kata \u27e61\u27e7 dan (\u27e61\u27e7).", "Kim Jong Un tiba di Pyongyang.", "Pyongyangnya \u27e62\u27e7"]
    expected = ["Kata \u27e6l\u27e7 dan (\u27e6l\u27e7).", "Kim Jong-un tiba di Seoul.", "Pyongyangnya \u27e62\u27e7"]
    assert translator.translate(source) == expected


def test_expand_word_map_adds_case_forms_and_rejects_bad_entries():
    assert expand_word_map({"dan": "and"}) == {"dan": "and", "Dan": "And", "DAN": "AND"}
    assert expand_word_map({"TK1": "TK1"}) == {"TK1": "TK1"}
    with pytest.raises(ValueError):
        expand_word_map({"dan": ""})
    with pytest.raises(ValueError):
        expand_word_map({"dan\n": "and"})


def test_bpe_demo_rejects_multi_word_keys(tmp_path):
    with pytest.raises(ValueError, match="single Moses token"):
        build_demo_package(tmp_path / "x.argosmodel", word_map={"juru bicara": "spokesperson"}, tokenizer="bpe")


def test_demo_build_is_deterministic_and_labelled(tmp_path):
    a = build_demo_package(tmp_path / "a.argosmodel", word_map={"dan": "and"})
    b = build_demo_package(tmp_path / "b.argosmodel", word_map={"dan": "and"})
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as zf:
        names = zf.namelist()
        metadata = json.loads(zf.read("translate-id_en-demo/metadata.json"))
    assert {n.split("/")[0] for n in names} == {"translate-id_en-demo"}
    assert "translate-id_en-demo/model/model.bin" in names
    assert "translate-id_en-demo/sentencepiece.model" in names
    assert metadata["translate_kit_demo"] is True
    assert "DEMO" in metadata["name"] and "DEMO" in metadata["description"]
    assert (metadata["from_code"], metadata["to_code"]) == ("id", "en")


def test_max_input_tokens_follows_the_position_count(make_demo_package):
    _, info = make_demo_package(max_positions=32)
    translator = BatchTranslator(info)
    assert translator.max_input_tokens == 31
    fits = " ".join(["a"] * 15)
    assert len(translator.tokenize(fits)) <= 31
    assert translator.translate([fits]) == [fits]
    too_long = "Presiden " * 40
    with pytest.raises(ModelError, match="split it before translating"):
        translator.translate(["ok", too_long])


CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "id"


def test_the_demo_decodes_greedily_and_a_wider_beam_gives_the_same_text(demo_package):
    """The demo package names beam 1 (its metadata) because its one-hot paths leave no second-best path worth
    keeping: beam 4 on every line of corpus/id gives the same text. An explicit beam size still wins."""
    assert demo_package.beam_size == 1 and BatchTranslator(demo_package).beam_size == 1
    assert BatchTranslator(demo_package, beam_size=3).beam_size == 3
    lines = [ln for path in sorted(CORPUS.glob("*.txt")) for ln in path.read_text("utf-8").splitlines() if ln.strip()]
    assert len(lines) > 100
    greedy = BatchTranslator(demo_package, inter_threads=1, intra_threads=2).translate(lines)
    beam4 = BatchTranslator(demo_package, beam_size=4, inter_threads=1, intra_threads=2).translate(lines)
    assert greedy == beam4
    assert sum(g != s for g, s in zip(greedy, lines)) > 50  # the word map did change most lines


@pytest.mark.parametrize(("value", "expected"), [(None, None), (True, None), (0, None), ("2", None), (2, 2)])
def test_a_package_names_its_own_beam_size_or_decodes_with_beam_4(make_demo_package, tmp_path, value, expected):
    from translate_kit.engine.packages import package_info

    _, info = make_demo_package()
    copy = tmp_path / info.path.name
    shutil.copytree(info.path, copy)
    meta = json.loads((copy / "metadata.json").read_text(encoding="utf-8"))
    meta.pop("translate_kit_beam_size")
    if value is not None:
        meta["translate_kit_beam_size"] = value
    (copy / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    pkg = load_package(copy)
    assert package_info(pkg).beam_size == expected
    assert BatchTranslator(pkg, inter_threads=1, intra_threads=1).beam_size == (expected or 4)
