"""What every format module shares: classifying a unit (text, blank, boilerplate) and short quotes."""

from __future__ import annotations

from pathlib import Path

from ..boilerplate import BoilerplateRules, PatternTimeout


def classify(text: str, rules: BoilerplateRules, path: Path | None = None, line: int | None = None) -> tuple[str, dict]:
    """ "blank", "boilerplate" (with the rule's name) or "text"; a user rule that runs past its timeout is a
    :class:`PatternTimeout` at ``path``:``line`` (that file fails, the batch goes on)."""
    if not text.strip():
        return "blank", {}
    try:
        name = rules.match(text)
    except PatternTimeout as exc:
        raise PatternTimeout(exc.message, path, line) from None
    if name is not None:
        return "boilerplate", {"boilerplate": name}
    return "text", {}


def short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
