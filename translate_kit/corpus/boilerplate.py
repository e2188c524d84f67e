"""Recognising news-site chrome ("Baca Juga: …", "Loading", "Halaman 1/3", copyright lines …).

A rule is a regular expression matched case-insensitively against a whole line (leading/trailing whitespace
and list bullets removed first). Rules are deliberately narrow: a real sentence that merely starts like
chrome ("Berita terkini menyebutkan bahwa …") is not swallowed. Lines longer than :data:`MAX_LINE` characters
are never boilerplate.

User rule files hold one regex per line; blank lines and lines starting with ``#`` are ignored. User rules are
compiled with the ``regex`` module and every match of one is bounded by :data:`MATCH_TIMEOUT` seconds, so a
pattern with catastrophic backtracking (``(a+)+$``) gives a :class:`PatternTimeout` naming the rule instead of
hanging the run; the built-in rules are plain ``re`` patterns known to be linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import regex

from ..errors import InputError
from ..textio import decode_text, read_bytes

MAX_LINE = 300
#: seconds one user rule may spend on one line (a well-formed rule needs microseconds on 300 characters)
MATCH_TIMEOUT = 0.25


class PatternTimeout(InputError):
    """A user boilerplate rule ran past :data:`MATCH_TIMEOUT` on a line (catastrophic backtracking)."""


_BULLETS = " \t\u00a0•·▪►▸*"
_TLD = r"(?:com|net|org|id|info|news|tv|co|io|me|biz|asia|my|sg|uk|us|ru|kr)"
_SITE = rf"(?:https?://)?(?:www\.)?(?:[a-z0-9-]+\.)+{_TLD}(?:/\S*)?"

# (name, regex): the seed articles' site chrome; see ../shared/seeds.
DEFAULT_PATTERNS: list[tuple[str, str]] = [
    ("read-also", r"baca (?:juga|pula)\s*:.*"),
    ("see-also", r"simak (?:juga|pula)(?:\s*:.*|\b[^.]{0,100})"),
    ("related-news", r"berita (?:lain(?:nya)? )?terkait\b[^.]{0,80}|berita lainnya\W*"),
    ("loading", r"loading\W*"),
    ("page-number", r"halaman\s+\d+(?:\s*(?:/|dari|of)\s*\d+)?"),
    ("continue-reading", r"(?:lanjutkan|lanjut) membaca\b\W*(?:artikel\W*)?"),
    (
        "copyright",
        r"(?:©|\(c\)|(?:copyright|hak cipta)\s*(?:©|\(c\)|\d{4})).{0,200}"
        r"|copyright\W*|hak cipta dilindungi(?: undang-undang)?\W*",
    ),
    ("all-rights-reserved", r"all rights? reserved\W*"),
    ("video-teaser", r"video (?:pilihan(?: hari ini)?|terkini|terpopuler|unggulan|pilihan redaksi)\W*"),
    ("latest-news", r"berita terkini(?: selengkapnya| lainnya)?\W*"),
    ("more-latest", r"terkini lainnya\W*"),
    ("partner-links", r"tautan sahabat\W*"),
    ("popular", r"(?:ter)?populer\W*"),
    ("recommended", r"rekomendasi untuk anda\W*"),
    ("follow-us", r"ikuti kami di\b.{0,60}"),
    ("advertisement", r"advertisement|iklan|scroll to (?:continue|resume) with content"),
    ("site-name", _SITE),
    ("site-credit", rf"\(\s*{_SITE}\s*/[^()]{{1,80}}\)"),
]


class BoilerplateRules:
    """An ordered set of named, compiled full-line rules; :meth:`match` gives the first matching name."""

    def __init__(self, patterns: Iterable[tuple[str, str]] = DEFAULT_PATTERNS):
        self.patterns: list[tuple[str, str]] = []
        self._compiled: list[tuple[str, re.Pattern]] = []
        self._user: dict[str, str] = {}  # rule name → where it comes from, for user rules (matched with a timeout)
        self._add(patterns, None, None, user=False)

    def add(
        self, patterns: Iterable[tuple[str, str]], path: Path | None = None, lines: Iterable[int] | None = None
    ) -> BoilerplateRules:
        """Append user rules in place (a bad regex → :class:`InputError`, with file:line when given); they are
        compiled with the ``regex`` module and matched with a timeout."""
        return self._add(patterns, path, lines, user=True)

    def _add(
        self, patterns: Iterable[tuple[str, str]], path: Path | None, lines: Iterable[int] | None, user: bool
    ) -> BoilerplateRules:
        line_numbers = iter(lines) if lines is not None else None
        for name, pattern in patterns:
            line = next(line_numbers) if line_numbers is not None else None
            try:  # checked by ``re`` (its messages, its syntax); a user rule then runs on ``regex``
                compiled = re.compile(pattern, re.IGNORECASE)
                if user:
                    compiled = regex.compile(pattern, regex.IGNORECASE | regex.VERSION0)
            except (re.error, regex.error) as exc:
                raise InputError(f"invalid boilerplate pattern {pattern!r}: {exc.msg}", path, line) from None
            self.patterns.append((name, pattern))
            self._compiled.append((name, compiled))
            if user:
                where = f"{path}:{line}" if path is not None and line else name
                self._user[name] = f"boilerplate rule {where} {pattern!r}"
        return self

    @classmethod
    def none(cls) -> BoilerplateRules:
        """No rules at all: nothing is boilerplate."""
        return cls([])

    @classmethod
    def from_file(cls, path: str | Path, defaults: bool = True) -> BoilerplateRules:
        """Rules from a user file (one regex per line, ``#`` comments), after the defaults unless told not to."""
        path = Path(path)
        rules = cls(DEFAULT_PATTERNS if defaults else [])
        rules.add_file(path)
        return rules

    def add_file(self, path: str | Path) -> BoilerplateRules:
        path = Path(path)
        text = decode_text(
            read_bytes(path, what="boilerplate file"), path, subject="boilerplate file", allow_empty=True
        )
        entries = [(no, raw.strip()) for no, raw in enumerate(text.splitlines(), 1)]
        entries = [(no, regex) for no, regex in entries if regex and not regex.startswith("#")]
        return self.add([(f"{path.name}:{no}", regex) for no, regex in entries], path, [no for no, _ in entries])

    def match(self, line: str) -> str | None:
        """The name of the first rule matching the whole ``line``, or None."""
        text = line.strip().lstrip(_BULLETS).strip()
        if not text or len(text) > MAX_LINE:
            return None
        for name, compiled in self._compiled:
            if name in self._user:
                try:
                    found = compiled.fullmatch(text, timeout=MATCH_TIMEOUT)
                except TimeoutError:
                    raise PatternTimeout(
                        f"{self._user[name]} took over {MATCH_TIMEOUT:g} s on a {len(text)}-"
                        "character line (catastrophic backtracking?): simplify the pattern"
                    ) from None
            else:
                found = compiled.fullmatch(text)
            if found:
                return name
        return None

    def __len__(self) -> int:
        return len(self._compiled)
