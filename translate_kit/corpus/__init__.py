"""The corpus room: reading input batches (.txt, .po, .jsonl), boilerplate recognition, sentence
segmentation and offset-keeping normalisation. Data flows: discover → read_document → split_sentences →
normalize."""

from .boilerplate import DEFAULT_PATTERNS, BoilerplateRules
from .documents import Document, Unit
from .normalize import NormalizedText, normalize
from .readers import EXTENSIONS, discover, read_document
from .segment import Sentence, rebuild, separators, split_sentences

__all__ = ["DEFAULT_PATTERNS", "BoilerplateRules", "Document", "Unit", "NormalizedText", "normalize",
           "EXTENSIONS", "discover", "read_document", "Sentence", "rebuild", "separators", "split_sentences"]
