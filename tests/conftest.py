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
