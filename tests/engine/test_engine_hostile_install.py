"""Issue 15 cases 5 and 7: `model install` of a broken package never removes the working one; zip bombs and
metadata bombs are refused from the zip directory, before anything is extracted."""

from __future__ import annotations

import json
import os
import zipfile

import pytest

from translate_kit.engine import install_file, packages
from translate_kit.engine.demo import build_demo_package
from translate_kit.engine.translator import BatchTranslator
from translate_kit.errors import ModelError


@pytest.fixture
def installed(tmp_path, monkeypatch):
    """A working demo package installed in a fresh packages directory, and its archive."""
    root = tmp_path / "packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(root))
    archive = build_demo_package(tmp_path / "demo.argosmodel", word_map={"dan": "and"})
    info = install_file(archive)
    return root, archive, info


def _variant(archive, out, replace: dict[str, bytes]):
    """A copy of ``archive`` with the members whose name ends with a key of ``replace`` swapped."""
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            for suffix, new in replace.items():
                if item.filename.endswith(suffix):
                    data = new
            dst.writestr(item.filename, data)
    return out


def _still_works(root, info):
    assert sorted(p.name for p in root.iterdir()) == [info.name]  # no staging leftovers
    assert BatchTranslator(info).translate(["Ali dan Budi"]) == ["Ali and Budi"]


@pytest.mark.parametrize("member", ["model/model.bin", "sentencepiece.model"])
def test_a_garbage_member_is_refused_and_the_installed_package_kept(installed, tmp_path, member):
    root, archive, info = installed
    before = (info.path / member).read_bytes()
    broken = _variant(archive, tmp_path / "broken.argosmodel", {member: os.urandom(4096)})
    with pytest.raises(ModelError) as err:
        install_file(broken)
    message = str(err.value)
    assert "broken package: it cannot translate a test sentence" in message and "\n" not in message
    assert (info.path / member).read_bytes() == before
    _still_works(root, info)


def test_a_zip_bomb_is_refused_before_extracting(installed, tmp_path):
    root, archive, info = installed
    bomb = _variant(archive, tmp_path / "bomb.argosmodel", {})
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as zf, zf.open(f"{info.name}/zeros.bin", "w") as fh:
        chunk = bytes(1024**2)
        for _ in range(300):  # 300 MiB of zeros, streamed (never in memory at once)
            fh.write(chunk)
    assert bomb.stat().st_size < 2 * 1024**2
    with pytest.raises(ModelError, match=r"zeros.bin expands [\d,]+-fold \(the limit is 100-fold\)"):
        install_file(bomb)
    _still_works(root, info)


def test_declared_sizes_over_the_limits_are_refused(installed, monkeypatch):
    root, archive, info = installed
    monkeypatch.setattr(packages, "MAX_MEMBER_BYTES", 1024)
    with pytest.raises(ModelError, match=r"model.bin would be .* MiB \(the limit is 0.0 MiB per member\)"):
        install_file(archive)
    monkeypatch.setattr(packages, "MAX_MEMBER_BYTES", 4 * 1024**3)
    monkeypatch.setattr(packages, "MAX_PACKAGE_BYTES", 4096)
    with pytest.raises(ModelError, match="archive would expand to"):
        install_file(archive)
    _still_works(root, info)


def test_a_metadata_bomb_is_refused_with_a_size_cap(installed, tmp_path):
    root, archive, info = installed
    big = json.dumps({"from_code": "id", "to_code": "en", "description": os.urandom(800_000).hex()})
    bomb = _variant(archive, tmp_path / "meta.argosmodel", {"metadata.json": big.encode()})
    with pytest.raises(ModelError, match=r"metadata.json is over 1.0 MiB: not a package's metadata"):
        install_file(bomb)
    _still_works(root, info)
    # an installed package whose metadata.json grew huge is a broken package, not a memory hog
    (info.path / "metadata.json").write_text(big)
    with pytest.raises(ModelError, match="broken package: metadata.json is over 1.0 MiB"):
        packages.load_package(info.path)
    assert packages.read_metadata(info.path) == {}
