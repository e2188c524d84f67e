"""Test isolation: argostranslate reads its directories from the environment when first imported, so point
them at a private temporary tree before anything imports it. No test touches the network or ~/.local."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

_ROOT = Path(tempfile.mkdtemp(prefix="translate-kit-tests-"))
os.environ["ARGOS_PACKAGES_DIR"] = str(_ROOT / "packages")
os.environ["XDG_DATA_HOME"] = str(_ROOT / "data")
os.environ["XDG_CONFIG_HOME"] = str(_ROOT / "config")
os.environ["XDG_CACHE_HOME"] = str(_ROOT / "cache")
os.environ["ARGOS_PACKAGE_INDEX"] = "http://127.0.0.1:9/"  # any download attempt fails at once
os.environ.pop("TRANSLATE_KIT_DEBUG", None)

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


#: why tests that read the evaluation data skip on a plain clone (CI has ../shared beside the checkout)
NO_SHARED = f"needs ../shared (seed articles and evaluation sets) beside the checkout; not found at {SHARED}"

#: mark for tests that read ../shared without the ``shared`` fixture
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason=NO_SHARED)


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (read in place). Skips the test with one clear reason where it is absent — on a user's clone."""
    if not SHARED.is_dir():
        pytest.skip(NO_SHARED)
    return SHARED


# --------------------------------------------------------------------------------- shared helpers

GLOSSARY_HEADER = 'msgid ""\nmsgstr ""\n"Language: id\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@pytest.fixture
def glossary_dir(tmp_path):
    """Factory: ``glossary_dir(po_text, name="test.po")`` writes a glossary directory holding one PO file
    (the ``Language: id`` header is added when ``po_text`` has none) and returns the directory."""
    count = [0]

    def make(po_text: str, name: str = "test.po") -> Path:
        count[0] += 1
        directory = tmp_path / f"glossary-{count[0]}"
        directory.mkdir()
        text = po_text if po_text.lstrip().startswith('msgid ""') else GLOSSARY_HEADER + po_text
        (directory / name).write_text(text, encoding="utf-8")
        return directory

    return make


@pytest.fixture
def glossary_from(glossary_dir):
    """Factory: ``glossary_from(po_text)`` → the loaded :class:`~translate_kit.glossary.model.Glossary`."""
    from translate_kit.glossary.pofile import load_glossary

    return lambda po_text, name="test.po": load_glossary(glossary_dir(po_text, name))


class CliResult:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err

    def __iter__(self):  # code, out, err = run_cli(...)
        return iter((self.code, self.out, self.err))


@pytest.fixture
def run_cli(capsys):
    """``run_cli(*args)`` runs the real console entry point (``translate_kit.cli.main``) in-process, exactly as
    the ``translate-kit`` command does, and returns ``CliResult(code, out, err)``."""
    from translate_kit.cli import main

    def run(*args) -> CliResult:
        capsys.readouterr()
        with pytest.raises(SystemExit) as exc:
            main([str(a) for a in args])
        out, err = capsys.readouterr()
        return CliResult(exc.value.code or 0, out, err)

    return run


# --------------------------------------------------------------------------------- demo model fixtures
# The demo model of DESIGN.md §4 (translate_kit/engine/demo.py): a real CTranslate2 model in a real .argosmodel,
# installed through argostranslate. It copies its input and swaps the words of its word map, whole words only.


@pytest.fixture(scope="session")
def demo_package(tmp_path_factory):
    """The model `translate-kit model install demo` builds (word map DEMO_WORDS: "dan"→"and", "di"→"in", …,
    plus their Capitalised/UPPER forms), built once and installed into the session's ARGOS_PACKAGES_DIR.
    Returns its PackageInfo. Do not remove it from that directory in a test."""
    from translate_kit.engine.demo import DEMO_WORDS, build_demo_package
    from translate_kit.engine.packages import install_file

    archive = build_demo_package(
        tmp_path_factory.mktemp("demo-build") / "translate-id_en-demo.argosmodel", word_map=DEMO_WORDS
    )
    return install_file(archive)


@pytest.fixture(scope="session")
def make_demo_package(tmp_path_factory):
    """Factory: make_demo_package(word_map=None, tokenizer="sentencepiece", extra_text="", max_positions=320)
    builds a demo variant (word_map=None copies text exactly) and installs it into its OWN fresh packages dir.
    Returns (packages_dir, PackageInfo); point the code at it with
    ``monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages_dir))``. Cached per arguments for the session."""
    from translate_kit.engine.demo import build_demo_package
    from translate_kit.engine.packages import install_file

    cache: dict = {}

    def make(word_map=None, tokenizer="sentencepiece", extra_text="", max_positions=320):
        key = (tuple(sorted((word_map or {}).items())), tokenizer, extra_text, max_positions)
        if key not in cache:
            work = tmp_path_factory.mktemp("demo-variant")
            archive = build_demo_package(
                work / "demo.argosmodel",
                word_map=word_map,
                tokenizer=tokenizer,
                extra_text=extra_text,
                max_positions=max_positions,
            )
            packages = work / "packages"
            cache[key] = (packages, install_file(archive, into=packages))
        return cache[key]

    return make
