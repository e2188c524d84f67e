"""The engine room: Argos Translate packages (discovery, installation) and batched CTranslate2 translation.

    from translate_kit.engine import find_package, BatchTranslator
    translator = BatchTranslator(find_package("id", "en"))       # device="auto": a GPU if CTranslate2 sees one
    english = translator.translate(["Presiden tiba di Jakarta."])

``open_engine(package, EngineConfig(...))`` makes the local engine or the Ray Data backend
(:mod:`translate_kit.engine.ray_backend`, the ``ray`` extra); both have the same interface and identity.
Importing this package is cheap; CTranslate2 loads when an engine is created, Ray when a Ray engine first
sends work.
"""

from __future__ import annotations

from .packages import (
    DEMO_LABEL,
    PackageInfo,
    find_package,
    install,
    install_demo,
    install_file,
    installed_packages,
    load_package,
    model_label,
    package_info,
    packages_dir,
    remove,
    validate_archive,
)
from .protocol import CallableTranslator, Translator, as_translator


def __getattr__(name):  # lazy: the translator and the demo builder pull in ctranslate2/numpy
    if name in ("BatchTranslator", "stored_positions"):
        from . import translator

        return getattr(translator, name)
    if name in ("EngineConfig", "open_engine", "BACKENDS"):
        from . import factory

        return getattr(factory, name)
    if name in ("build_demo_package", "DEMO_WORDS"):
        from . import demo

        return getattr(demo, name)
    raise AttributeError(name)


__all__ = [
    "BACKENDS",
    "BatchTranslator",
    "CallableTranslator",
    "EngineConfig",
    "open_engine",
    "Translator",
    "as_translator",
    "model_label",
    "DEMO_LABEL",
    "DEMO_WORDS",
    "PackageInfo",
    "build_demo_package",
    "find_package",
    "install",
    "install_demo",
    "install_file",
    "installed_packages",
    "load_package",
    "package_info",
    "packages_dir",
    "remove",
    "stored_positions",
    "validate_archive",
]
