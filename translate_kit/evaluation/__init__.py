"""``eval``: translate a test set's Indonesian side with the installed model and the glossary, score it against
the English side (:mod:`translate_kit.metrics`) and run the checker on it (:mod:`translate_kit.checks`).

:mod:`testset` finds and loads ``<split>.id`` / ``<split>.en`` pairs; :mod:`runner` runs the three stages.
"""

from .runner import EvalResult, load_testset, run_eval
from .testset import TestSet, find_testset

__all__ = ["EvalResult", "TestSet", "find_testset", "load_testset", "run_eval"]
