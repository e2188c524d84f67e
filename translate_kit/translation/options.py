"""The options of a translate run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..corpus import BoilerplateRules

#: called as ``progress(done, total)`` while sentences are translated
Progress = Callable[[int, int], None]


@dataclass
class TranslateOptions:
    """Options of a run (``to_dict`` is what the report and the output directory's state record)."""

    beam_size: int | None = None  # None: the package's own default (4 unless the package names one)
    length_penalty: float = 0.2
    max_batch_tokens: int = 2048
    force: bool = False
    overwrite: bool = False
    drop_boilerplate: bool = False
    boilerplate: Path | None = None  # a file of extra boilerplate patterns (one regex per line)
    report: Path | None = None  # default: OUTPUT_DIR/report.json
    memory: Path | None = None  # the translation memory file; default: OUTPUT_DIR/.translate-kit/memory.sqlite
    glossary_dir: str | None = None  # where the glossary came from (kept so `review apply` can rebuild)
    progress: Progress | None = field(default=None, repr=False)  # called as progress(done, total)
    keep_documents: bool = False  # keep (document, {unit index: SegmentResult}) in report.documents
    number_rendering: bool = True  # Indonesian number/date/time formats held to English conventions
    verbatim_tokens: bool = True  # URLs, e-mails, @handles, #hashtags kept exactly
    #: protect-up-front policy per kind of entry (translation.policy); None: the default policy
    protect_by_kind: dict | None = None

    def to_dict(self) -> dict:
        return {
            "beam_size": self.beam_size,
            "length_penalty": self.length_penalty,
            "max_batch_tokens": self.max_batch_tokens,
            "force": self.force,
            "overwrite": self.overwrite,
            "drop_boilerplate": self.drop_boilerplate,
            "boilerplate": str(self.boilerplate) if self.boilerplate else None,
            "report": str(self.report) if self.report else None,
            "memory": str(self.memory) if self.memory else None,
            "number_rendering": self.number_rendering,
            "verbatim_tokens": self.verbatim_tokens,
            "protect_by_kind": self.protect_by_kind,
        }


def load_rules(options: TranslateOptions) -> BoilerplateRules:
    return BoilerplateRules.from_file(options.boilerplate) if options.boilerplate else BoilerplateRules()
