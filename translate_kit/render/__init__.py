"""Renderings of report objects, behind a registry: text, JSON, JUnit XML and an HTML review page for check
reports (and the score/eval renderings in :mod:`.scores`; the HTML page of a translate run in :mod:`.review`).

    from translate_kit.render import render_check
    print(render_check(report, "junit", per="segment", fail_on="warning"))

Each format is a module with ``render_check(report, **options)``; options a format does not use are ignored.
"""

from __future__ import annotations

import importlib

#: check-report format name → module (in this package) that renders it
CHECK_FORMATS: dict[str, str] = {"text": "text", "json": "json", "junit": "junit", "html": "review"}


def render_check(report, fmt: str, **options) -> str:
    """``report`` (a :class:`~translate_kit.checks.model.CheckReport`) rendered as ``fmt``."""
    try:
        module = CHECK_FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown check report format {fmt!r} (known: {', '.join(CHECK_FORMATS)})") from None
    return importlib.import_module(f".{module}", __name__).render_check(report, **options)
