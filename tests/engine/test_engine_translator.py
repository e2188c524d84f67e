"""BatchTranslator: one call path for the whole batch, length-sorted token batches, results in input order."""

from __future__ import annotations

import random

from translate_kit.engine import BatchTranslator, find_package, stored_positions
from translate_kit.engine.demo import DEMO_WORDS

WORDS = "pemerintah menyatakan bahwa kunjungan kenegaraan itu berlangsung lancar".split()


def _sentences(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 30))).capitalize() + "." for _ in range(n)]


def test_results_come_back_in_input_order_across_many_small_batches(make_demo_package):
    _, info = make_demo_package()
    translator = BatchTranslator(info, max_batch_tokens=16)  # forces many batches and several chunks
    sentences = _sentences(60)
    lengths = [len(translator.tokenize(s)) for s in sentences]
    assert lengths != sorted(lengths)  # the input is not already length-sorted
    done: list[int] = []
    assert translator.translate(sentences, progress=done.append) == sentences  # the copy model
    assert sum(done) == len(sentences) and len(done) > 1


def test_order_is_kept_when_words_are_translated(make_demo_package):
    _, info = make_demo_package(word_map=DEMO_WORDS)
    translator = BatchTranslator(info, max_batch_tokens=8, beam_size=2)
    source = [
        "Kota ini besar dan baru sekali, kata pemerintah kepada rakyat pada hari Senin.",
        "dan",
        "",
        "Perang",
        "   ",
        "Oleh karena itu",
    ]
    expected = [
        "City this big and new sekali, said government to people on day Senin.",
        "and",
        "",
        "War",
        "",
        "By because that",
    ]
    assert translator.translate(source) == expected


def test_empty_input_and_empty_strings(make_demo_package):
    _, info = make_demo_package()
    translator = BatchTranslator(info)
    done: list[int] = []
    assert translator.translate([], progress=done.append) == []
    assert translator.translate(["", ""], progress=done.append) == ["", ""]
    assert sum(done) == 2


def test_tokenize_detokenize_round_trip(make_demo_package):
    _, info = make_demo_package()
    translator = BatchTranslator(info)
    text = "Korut-Rusia \u201cmenolak\u201d  usulan\u00a0itu."
    tokens = translator.tokenize(text)
    assert len(tokens) > 3 and all(isinstance(t, str) for t in tokens)
    assert translator.detokenize(tokens) == text


def test_describe_names_the_package_device_and_decoding_options(demo_package):
    translator = BatchTranslator(
        find_package("id", "en"), beam_size=3, length_penalty=0.5, max_batch_tokens=512, device="cpu"
    )
    ident = translator.describe()
    assert ident["name"] == demo_package.name == "translate-id_en-demo"
    assert ident["demo"] is True and ident["tokenizer"] == "sentencepiece"
    assert ident["path"] == str(demo_package.path)
    assert (ident["beam_size"], ident["length_penalty"], ident["max_batch_tokens"]) == (3, 0.5, 512)
    assert ident["max_input_tokens"] == 319  # the demo's default 320 positions, one kept for </s>
    assert (ident["device"], ident["compute_type"]) == ("cpu", "float32")  # what the demo package asks for
    assert ident["identity"] == translator.identity()


def test_identity_is_content_and_decoding_options_only(make_demo_package, tmp_path):
    """Same package bytes elsewhere (and with new mtimes), other threads/batches/compute type: same identity;
    another beam size, length penalty or package content: another one."""
    import os
    import shutil

    _, info = make_demo_package()
    base = BatchTranslator(info, device="cpu")
    copy = tmp_path / "elsewhere" / info.path.name
    shutil.copytree(info.path, copy)
    for f in copy.rglob("*"):
        os.utime(f, (1_000_000, 1_000_000))
    from translate_kit.engine import load_package

    moved = BatchTranslator(
        load_package(copy), device="cpu", max_batch_tokens=64, inter_threads=1, intra_threads=1, compute_type="int8"
    )
    assert moved.identity() == base.identity()
    ident = base.identity()
    assert set(ident) == {"engine", "decoding", "package", "beam_size", "length_penalty"}  # nothing device-bound
    assert len(ident["package"]) == 64 and int(ident["package"], 16) >= 0  # a SHA-256 of the package files
    assert (ident["beam_size"], ident["length_penalty"]) == (1, 0.2)  # the demo package's own beam size
    assert BatchTranslator(info, beam_size=2).identity() != ident
    assert BatchTranslator(info, length_penalty=0.5).identity() != ident
    _, other = make_demo_package(word_map={"dan": "and"})
    assert BatchTranslator(other).identity() != ident


def test_stored_positions_reads_the_model_header(make_demo_package, tmp_path):
    _, info = make_demo_package(max_positions=48)
    assert stored_positions(info.path / "model") == 48
    assert stored_positions(tmp_path) is None  # no model.bin: unknown


def test_default_threads_decode_two_batches_side_by_side():
    from translate_kit.engine.devices import default_threads

    assert default_threads(1) == (1, 1)
    assert default_threads(2) == (2, 1)
    assert default_threads(16) == (2, 8)
