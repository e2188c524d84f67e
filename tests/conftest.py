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


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"../shared is missing beside the checkout ({SHARED})")
    return SHARED


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

    archive = build_demo_package(tmp_path_factory.mktemp("demo-build") / "translate-id_en-demo.argosmodel",
                                 word_map=DEMO_WORDS)
    return install_file(archive)


@pytest.fixture(scope="session")
def make_demo_package(tmp_path_factory):
    """Factory: make_demo_package(word_map=None, tokenizer="sentencepiece", extra_text="", max_positions=256)
    builds a demo variant (word_map=None copies text exactly) and installs it into its OWN fresh packages dir.
    Returns (packages_dir, PackageInfo); point the code at it with
    ``monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages_dir))``. Cached per arguments for the session."""
    from translate_kit.engine.demo import build_demo_package
    from translate_kit.engine.packages import install_file

    cache: dict = {}

    def make(word_map=None, tokenizer="sentencepiece", extra_text="", max_positions=256):
        key = (tuple(sorted((word_map or {}).items())), tokenizer, extra_text, max_positions)
        if key not in cache:
            work = tmp_path_factory.mktemp("demo-variant")
            archive = build_demo_package(work / "demo.argosmodel", word_map=word_map, tokenizer=tokenizer,
                                         extra_text=extra_text, max_positions=max_positions)
            packages = work / "packages"
            cache[key] = (packages, install_file(archive, into=packages))
        return cache[key]

    return make
