"""What every format module shares: classifying a unit (text, blank, boilerplate) and short quotes."""

from __future__ import annotations

from ..boilerplate import BoilerplateRules


def classify(text: str, rules: BoilerplateRules) -> tuple[str, dict]:
    if not text.strip():
        return "blank", {}
    name = rules.match(text)
    if name is not None:
        return "boilerplate", {"boilerplate": name}
    return "text", {}


def short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
