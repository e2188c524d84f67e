"""The corpus: documents and units, input discovery, the format registry (one module per format holding its
reader and writer), boilerplate recognition, sentence segmentation and line pairing for checks.
Data flows: discover → read_document → split_sentences (→ translation) → render_document."""

from .boilerplate import DEFAULT_PATTERNS, BoilerplateRules
from .discovery import discover
from .documents import Document, Unit
from .formats import EXTENSIONS, read_document, render_document
from .segment import Sentence, rebuild, separators, split_sentences

__all__ = [
    "DEFAULT_PATTERNS",
    "BoilerplateRules",
    "Document",
    "Unit",
    "EXTENSIONS",
    "discover",
    "read_document",
    "render_document",
    "Sentence",
    "rebuild",
    "separators",
    "split_sentences",
]
