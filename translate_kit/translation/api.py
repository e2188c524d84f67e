"""The public entry point for any engine: ``translate_kit.translate_texts``.

    from translate_kit import translate_texts

    def my_engine(texts: list[str]) -> list[str]:   # another MT system, an LLM, a cloud API
        ...

    for result in translate_texts(["Pejabat Korut tiba di Moskow."], glossary="glossary/",
                                  translate=my_engine):
        print(result.text, result.flagged)
        for occ in result.terms:
            print(occ.source, occ.entry.label(), occ.verdict, occ.method or occ.reason)

The same code as ``translate-kit translate``: verify first, escalate per term (translation.enforce),
numbers and verbatim tokens held. A ``BatchTranslator`` (or any object with ``translate``) may be passed
as ``translate``; its optional capabilities (n-best, attention, prefix, suppression) are then used.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ..engine.protocol import as_translator
from ..glossary.model import Glossary
from .options import TranslateOptions
from .segments import SegmentResult, translate_segments

#: one result per input text: ``.text``, ``.flagged``, ``.terms`` (occurrences), ``.numbers``, ``.sentences``
TextResult = SegmentResult


def translate_texts(
    texts: Sequence[str],
    *,
    glossary: Glossary | str | Path | None,
    translate: Callable[[list[str]], list[str]] | object,
    options: TranslateOptions | None = None,
) -> list[TextResult]:
    """Translate ``texts`` with ``translate`` held to ``glossary`` (a directory of .po files, a loaded
    :class:`~translate_kit.glossary.model.Glossary`, or None); one :data:`TextResult` per text, in order.

    Raises :class:`~translate_kit.errors.GlossaryError` for a glossary that cannot be read, and
    ``TypeError`` when ``translate`` is neither callable nor a translator.
    """
    if isinstance(texts, str):
        raise TypeError("texts must be a list of strings, not one string")
    if glossary is None:
        glossary = Glossary()
    elif not isinstance(glossary, Glossary):
        from ..glossary.pofile import load_glossary

        glossary = load_glossary(Path(glossary))
    return translate_segments(list(texts), glossary=glossary, translator=as_translator(translate), options=options)
