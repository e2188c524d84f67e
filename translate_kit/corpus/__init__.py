"""The corpus room: reading input batches (.txt, .po, .jsonl), boilerplate recognition, offset-keeping
normalisation and sentence segmentation. Data flows: discover → read_document → split_sentences → normalize."""

from .boilerplate import DEFAULT_PATTERNS, BoilerplateRules
from .documents import Document, Unit
from .readers import EXTENSIONS, discover, read_document

__all__ = ["DEFAULT_PATTERNS", "BoilerplateRules", "Document", "Unit", "EXTENSIONS", "discover",
           "read_document"]
