"""Choosing and loading a test-set split."""

from __future__ import annotations

import pytest

from translate_kit.errors import InputError
from translate_kit.evaluation import find_testset, load_testset


def _split(d, name, src, ref):
    d.mkdir(parents=True, exist_ok=True)
    (d / f"{name}.id").write_text(src, encoding="utf-8")
    (d / f"{name}.en").write_text(ref, encoding="utf-8")


def test_only_split_is_chosen(shared):
    ts = find_testset(shared / "eval" / "flores200")
    assert ts.split == "devtest"
    assert ts.source.name == "devtest.id" and ts.reference.name == "devtest.en"


def test_test_split_preferred_among_several(tmp_path):
    _split(tmp_path, "valid", "a\n", "a\n")
    _split(tmp_path, "test", "b\n", "b\n")
    assert find_testset(tmp_path).split == "test"
    assert find_testset(tmp_path, "valid").split == "valid"


def test_ambiguous_or_unknown_split(tmp_path):
    _split(tmp_path, "eco", "a\n", "a\n")
    _split(tmp_path, "int", "b\n", "b\n")
    with pytest.raises(InputError, match=r"several splits \(eco, int\): choose one with split="):
        find_testset(tmp_path)
    with pytest.raises(InputError, match=r"no split 'sci' \(available: eco, int\)"):
        find_testset(tmp_path, "sci")
    (tmp_path / "half.id").write_text("x\n", encoding="utf-8")  # no half.en: not a split
    with pytest.raises(InputError) as exc:
        find_testset(tmp_path, "half")
    assert exc.value.path == str(tmp_path / "half.en")


def test_not_a_testset(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        find_testset(tmp_path / "nope")
    with pytest.raises(InputError, match="no test set here"):
        find_testset(tmp_path)


def test_load_with_limit_and_alignment(tmp_path):
    _split(tmp_path, "test", "satu\ndua\n\ntiga\n", "one\ntwo\n\nthree\n")
    src, ref, skipped = load_testset(find_testset(tmp_path))
    assert [s.text for s in src] == ["satu", "dua", "tiga"] and [r.text for r in ref] == ["one", "two", "three"]
    assert skipped == 1 and src[2].line == 4
    src, ref, _ = load_testset(find_testset(tmp_path), limit=2)
    assert [r.text for r in ref] == ["one", "two"]


def test_misaligned_split(tmp_path):
    _split(tmp_path, "test", "satu\ndua\ntiga\n", "one\ntwo\n")
    with pytest.raises(InputError) as exc:
        load_testset(find_testset(tmp_path))
    assert str(exc.value) == (
        f"{tmp_path / 'test.id'}:3: 3 source lines but 2 reference lines; the split is not aligned"
    )
