"""translate-kit: offline, glossary-constrained Indonesian→English translation and translation checking.

The public Python API (what the command line itself is built on)::

    import translate_kit as tk

    glossary = tk.load_glossary("glossary")                       # glossary/*.po → Glossary
    results = tk.translate_segments(["Korut meluncurkan rudal."], glossary=glossary,
                                    translator=tk.BatchTranslator(tk.find_package()))
    report = tk.translate_documents(["corpus/id"], "build/en", glossary=glossary)   # files → outputs + report
    check = tk.run_check(tk.pair("corpus/id", "build/en"), glossary)                # → CheckReport
    scores = tk.score_paths("hyp.en", "ref.en", src="src.id", glossary_dir="glossary")  # → ScoreResult

Names are imported on first use, so ``import translate_kit`` stays cheap.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

#: public name → module that defines it
_API = {
    "Glossary": "translate_kit.glossary.model",
    "Entry": "translate_kit.glossary.model",
    "load_glossary": "translate_kit.glossary.pofile",
    "BatchTranslator": "translate_kit.engine.translator",
    "find_package": "translate_kit.engine.packages",
    "Translator": "translate_kit.engine.protocol",
    "TranslateOptions": "translate_kit.translation.options",
    "translate_segments": "translate_kit.translation.segments",
    "translate_documents": "translate_kit.translation.run",
    "RunReport": "translate_kit.translation.report",
    "pair": "translate_kit.corpus.pairing",
    "CheckConfig": "translate_kit.checks.runner",
    "run_check": "translate_kit.checks.runner",
    "CheckReport": "translate_kit.checks.model",
    "ScoreOptions": "translate_kit.metrics.scoring",
    "score_paths": "translate_kit.metrics.scoring",
    "render_check": "translate_kit.render",
    "TranslateKitError": "translate_kit.errors",
    "translate_texts": "translate_kit.translation.api",
    "TextResult": "translate_kit.translation.api",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str):
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'translate_kit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
