"""The translate flow as named stages with typed records: plan segments (:mod:`.plan`), enforce the glossary
(:mod:`.constrain`), translate a batch of texts (:mod:`.segments`), run a batch of documents (:mod:`.run`),
write outputs and the review PO (:mod:`.outputs`), keep the up-to-date manifest (:mod:`.manifest`) and
build the run report (:mod:`.report`)."""

from .api import TextResult, translate_texts
from .options import TranslateOptions
from .report import RunReport
from .run import resolve_glossary, translate_documents
from .segments import SegmentResult, SentenceResult, translate_segments

__all__ = [
    "RunReport",
    "SegmentResult",
    "SentenceResult",
    "TextResult",
    "TranslateOptions",
    "resolve_glossary",
    "translate_documents",
    "translate_segments",
    "translate_texts",
]
