"""The violation checks of ``translate-kit check``: small named functions in a registry
(:mod:`.registry`), run by :class:`~translate_kit.checks.runner.Checker` / :func:`run_check`.

Importing this package imports the check modules, which registers them (segments first: they may block the
rest); the registry itself is a leaf, so no check module depends on this ``__init__``.
"""

from __future__ import annotations

# isort: off
# the check modules register themselves on import, in running order (segments first: they may block the rest)
from . import segments, terms, numbers_check, typos, form  # noqa: F401

# isort: on
from .registry import REGISTRY, Check, kinds, register
from .runner import CheckConfig, Checker, run_check

__all__ = ["Check", "CheckConfig", "Checker", "REGISTRY", "kinds", "register", "run_check"]
