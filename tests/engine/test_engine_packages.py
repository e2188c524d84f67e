"""Package discovery and installation, and the `translate-kit model` command (real argostranslate, offline)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pytest
from click.testing import CliRunner

from translate_kit.cli import cli
from translate_kit.engine import find_package, install, install_file, installed_packages, packages_dir, remove
from translate_kit.engine.demo import build_demo_package
from translate_kit.errors import ModelError


@pytest.fixture
def empty_packages(tmp_path, monkeypatch):
    root = tmp_path / "packages"
    root.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(root))
    return root


@pytest.fixture(scope="module")
def copy_archive(tmp_path_factory):
    return build_demo_package(tmp_path_factory.mktemp("archive") / "demo.argosmodel")


def _run_cli(*args, env_dir):
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(env_dir)}
    return subprocess.run(
        [sys.executable, "-m", "translate_kit", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_packages_dir_is_read_at_call_time(empty_packages):
    assert packages_dir() == empty_packages


def test_find_package_with_none_installed_names_the_commands(empty_packages):
    with pytest.raises(ModelError) as err:
        find_package("id", "en")
    assert str(err.value) == (
        "no Indonesian→English package installed; run `translate-kit model install translate-id_en` "
        "(downloads) or `translate-kit model install demo` (offline demo model)"
    )


def test_install_from_file_loads_with_argostranslate(empty_packages, copy_archive):
    from argostranslate.package import Package, get_installed_packages

    info = install(str(copy_archive))
    assert info.path == empty_packages / "translate-id_en-demo"
    assert (info.from_code, info.to_code, info.tokenizer, info.demo) == ("id", "en", "sentencepiece", True)
    assert [p.name for p in installed_packages()] == ["translate-id_en-demo"]
    argos = get_installed_packages(path=[empty_packages])
    assert len(argos) == 1 and isinstance(argos[0], Package) and argos[0].from_code == "id"
    assert find_package().package_path == info.path
    # installing again replaces it, no duplicate, no staging leftovers
    install_file(copy_archive)
    assert sorted(p.name for p in empty_packages.iterdir()) == ["translate-id_en-demo"]


def test_install_demo_builds_locally(empty_packages):
    info = install("demo")
    assert info.demo and info.name == "translate-id_en-demo"
    assert "DEMO" in json.loads((info.path / "metadata.json").read_text())["name"]


def _zip(path, members: dict):
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


@pytest.mark.parametrize(
    "members, message",
    [
        ({"pkg/model/model.bin": b"x", "pkg/sentencepiece.model": b"x"}, "no pkg/metadata.json"),
        ({"a/metadata.json": "{}", "b/metadata.json": "{}"}, "exactly one top directory"),
        ({"pkg/metadata.json": "{not json", "pkg/model/model.bin": b"x"}, "invalid pkg/metadata.json"),
        (
            {"pkg/metadata.json": json.dumps({"from_code": "id", "to_code": "en"}), "pkg/bpe.model": "x"},
            "no pkg/model/ directory",
        ),
        ({"../evil/metadata.json": "{}"}, "unsafe path"),
    ],
)
def test_bad_archives_are_one_line_errors_naming_the_file(empty_packages, tmp_path, members, message):
    bad = _zip(tmp_path / "bad.argosmodel", members)
    with pytest.raises(ModelError, match=message) as err:
        install(str(bad))
    assert str(err.value).startswith(f"{bad}: ") and "\n" not in str(err.value)
    assert list(empty_packages.iterdir()) == []  # nothing half-installed


def test_not_a_zip_and_missing_file(empty_packages, tmp_path):
    text = tmp_path / "notes.argosmodel"
    text.write_text("hello")
    with pytest.raises(ModelError, match="not a zip archive"):
        install(str(text))
    with pytest.raises(ModelError, match="no such package file"):
        install(str(tmp_path / "missing.argosmodel"))
    with pytest.raises(ModelError, match="unknown package 'nonsense'"):
        install("nonsense")


def test_unreachable_index_is_one_line_error(empty_packages):
    # conftest points ARGOS_PACKAGE_INDEX at a closed local port
    with pytest.raises(ModelError) as err:
        install("translate-id_en", timeout=5)
    message = str(err.value)
    assert message.startswith("cannot reach the Argos package index http://127.0.0.1:9/index.json")
    assert "translate-kit model install FILE.argosmodel" in message and "\n" not in message


def test_broken_package_directory_is_named(empty_packages):
    broken = empty_packages / "translate-xx_en"
    (broken / "model").mkdir(parents=True)
    with pytest.raises(ModelError) as err:
        find_package()
    assert str(err.value).startswith(f"{broken}: broken package")


def test_remove(empty_packages, copy_archive):
    install_file(copy_archive)
    assert remove("demo").name == "translate-id_en-demo"
    assert installed_packages() == []
    with pytest.raises(ModelError, match="no installed package 'demo'"):
        remove("demo")


def test_cli_install_list_remove(empty_packages, copy_archive):
    runner = CliRunner()
    result = runner.invoke(cli, ["model", "install", str(copy_archive)])
    assert result.exit_code == 0, result.output
    assert "installed translate-id_en-demo" in result.output and "DEMO" in result.output
    result = runner.invoke(cli, ["model", "list"])
    assert result.exit_code == 0
    (line,) = result.output.splitlines()
    assert line.startswith("translate-id_en-demo  1.0  id→en  sentencepiece  ")
    assert line.endswith("[DEMO — not a real translation model]")
    listed = json.loads(runner.invoke(cli, ["model", "list", "--json"]).output)
    assert listed[0]["demo"] is True and listed[0]["path"] == str(empty_packages / "translate-id_en-demo")
    result = runner.invoke(cli, ["model", "remove", "translate-id_en-demo"])
    assert result.exit_code == 0 and "removed translate-id_en-demo" in result.output
    assert "no packages installed" in runner.invoke(cli, ["model", "list"]).output


def test_cli_errors_exit_2_with_one_line(empty_packages, tmp_path):
    offline = _run_cli("model", "install", "translate-id_en", env_dir=empty_packages)
    assert offline.returncode == 2
    assert offline.stderr.startswith("translate-kit: error: cannot reach the Argos package index")
    assert len(offline.stderr.strip().splitlines()) == 1
    bad = tmp_path / "bad.argosmodel"
    bad.write_bytes(b"\x00\x01binary")
    result = _run_cli("model", "install", str(bad), env_dir=empty_packages)
    assert result.returncode == 2
    assert result.stderr.strip() == f"translate-kit: error: {bad}: not a .argosmodel package (not a zip archive)"
