"""Form checks of the translation, as pofilter and Xbench make them: doubled words, unbalanced brackets and
quotes, a changed end punctuation, and URLs, e-mail addresses, @handles and #hashtags not carried over.

Each is a cheap test on the texts (string counts and splits; a regular expression only when a cheap test
says there may be something), since they run on every pair.
"""

from __future__ import annotations

import re
from operator import is_not

import ahocorasick_rs

from .context import PairContext
from .registry import register

# -- doubled-word --------------------------------------------------------------------------------------------
#: doubled words that English grammar allows ("he had had enough", "that that is", "what it is is")
#: ("Canada plus plus"); a name doubled in the source as well (Bora Bora, Roa-Roa) is not reported either
ALLOWED_DOUBLES = frozenset({"had", "that", "is", "do", "bye", "very", "no", "ha", "knock", "tut", "so", "plus"})
_EDGE = "\"'“”‘’()[]{}«»,.;:!?…—–-"


@register("doubled-word", "warning")
def doubled_word(ctx: PairContext):
    """The same word twice in a row in the translation ("the the", "to to") where the source has no such
    repetition."""
    words = ctx.target_words
    if not starts_with_the_word_before(words):  # (a doubled word does: most translations have none)
        return ()
    hits = [i for i in range(1, len(words)) if words[i] == words[i - 1] or _same_word(words[i - 1], words[i])]
    if not hits:
        return ()
    out = []
    for i in hits:
        word = words[i - 1].strip(_EDGE)
        if not word or word in ALLOWED_DOUBLES or not word.isalpha() or words[i - 1][-1:] in _EDGE:
            continue  # "1 1", "ha ha", "no, no" (a comma in between is a figure of speech)
        span = _doubled_span(ctx.target_text, word)
        if span is None or _doubled_span(ctx.source_text, word, r"[\s-]+") is not None:
            continue  # written so in the source too (Bora Bora, Roa-Roa)
        out.append(
            ctx.violation(
                "doubled-word",
                f"{ctx.target_text[span[0] : span[1]]!r}: the word {word!r} is doubled",
                target_span=span,
                source_side=True,
            )
        )
    return out


def starts_with_the_word_before(words: list[str]) -> bool:
    """``any(b.startswith(a) for a, b in zip(words, words[1:]))``, in two C-level maps: ``b.removeprefix(a)``
    is not ``b`` itself exactly when ``b`` starts with ``a`` (CPython hands back the same object when there
    is no such prefix; an implementation that made a copy would only send every text on to the full test).
    ``str.startswith`` parses its arguments at every call: twice the cost."""
    rest = words[1:]
    return any(map(is_not, map(str.removeprefix, rest, words), rest))


def _same_word(a: str, b: str) -> bool:
    """``b`` is ``a`` followed by punctuation or a possessive ("the the," / "to to." / "Iraq Iraq's")."""
    if len(b) <= len(a) or not b.startswith(a):
        return False
    rest = b[len(a) :]
    return rest in ("'s", "’s") or (not rest[0].isalnum() and rest[0] not in "'’-")


#: a word, then the same word again (any casing) after spaces (or, in the source, hyphens too: Roa-Roa);
#: precompiled once (a pattern per word would be compiled anew for most words: ~0.5 ms each)
_DOUBLED = {
    between: re.compile(r"(?<![\w'’-])([^\W\d_]+)" + between + r"\1(?=['’]s\b|(?![\w'’-]))", re.IGNORECASE)
    for between in (r"\s+", r"[\s-]+")
}


def _doubled_span(text: str, word: str, between: str = r"\s+") -> tuple[int, int] | None:
    """The span of ``word`` written twice in ``text`` (``word`` lower-case; the first such place)."""
    for m in _DOUBLED[between].finditer(text):
        if m.group(1).lower() == word:
            return m.span()
    return None


# -- unbalanced-brackets -------------------------------------------------------------------------------------
_PAIRS = (("(", ")"), ("[", "]"), ("{", "}"), ("“", "”"), ("«", "»"))


def _imbalance(text: str) -> list[tuple[str, int, int]]:
    """(pair, openings, closings) of each bracket or quote pair that does not balance; a straight double
    quote balances when it occurs an even number of times."""
    out = []
    for o, c in _PAIRS:
        if o in text or c in text:  # (a character search is far cheaper than a count: most pairs are absent)
            no, nc = text.count(o), text.count(c)
            if no != nc:
                out.append((o + c, no, nc))
    if '"' in text:
        nq = text.count('"')
        if nq % 2:
            out.append(('"', nq, 0))
    return out


@register("unbalanced-brackets", "warning")
def unbalanced_brackets(ctx: PairContext):
    """A bracket or quotation mark opened and not closed (or closed and not opened) in the translation,
    where the source balances it."""
    bad = _imbalance(ctx.target_text)  # (its character searches are all a text without brackets costs)
    if not bad:
        return ()
    src_bad = {pair for pair, _, _ in _imbalance(ctx.source_text)}
    quotes_unbalanced_in_source = bool(src_bad & {'"', "“”"})
    out = []
    for pair, no, nc in bad:
        if pair in src_bad or (pair in ('"', "“”") and quotes_unbalanced_in_source):
            continue  # unbalanced in the source as well (a quotation running on past the segment)
        if pair == '"':
            msg = f"the translation has an odd number ({no}) of '\"' quotation marks"
        else:
            msg = f"the translation has {no} {pair[0]!r} but {nc} {pair[1]!r}"
        out.append(ctx.violation("unbalanced-brackets", msg + " (the source balances them)"))
    return out


# -- end-punctuation -----------------------------------------------------------------------------------------
_CLOSERS = " \t\"'”’»)]}"
_END_CLASS = {
    ".": "full stop",
    "?": "question mark",
    "!": "exclamation mark",
    ":": "colon",
    ";": "semicolon",
    "…": "ellipsis",
}


def _end_mark(text: str) -> str:
    """The punctuation a text ends with (closing quotes and brackets looked through): one of
    :data:`_END_CLASS`, or "" for none."""
    t = text.rstrip(_CLOSERS)
    if t.endswith("..."):
        return "…"
    return t[-1:] if t[-1:] in _END_CLASS else ""


@register("end-punctuation", "warning")
def end_punctuation(ctx: PairContext):
    """The translation ends with a different mark than the source: a question that became a statement or
    an exclamation, a colon or an ellipsis lost or added. A full stop added or left out is not reported
    (headlines and captions go either way), nor an exclamation toned down to a full stop."""
    last = ctx.source_text[-1:]
    if last and last == ctx.target_text[-1:] and last not in _CLOSERS:
        return ()  # the same last character: the same mark, or "..." against "." (not reported either)
    src, tgt = _end_mark(ctx.source_text), _end_mark(ctx.target_text)
    if src == tgt or {src, tgt} <= {"", "."} or {src, tgt} <= {".", "…"} or {src, tgt} <= {".", "!", ""}:
        return ()
    if {src, tgt} <= {"", ".", ";"}:
        return ()
    end = len(ctx.target_text.rstrip())
    what_src = f"a {_END_CLASS[src]}" if src else "no end punctuation"
    what_tgt = f"a {_END_CLASS[tgt]}" if tgt else "no end punctuation"
    return [
        ctx.violation(
            "end-punctuation",
            f"the source ends with {what_src} but the translation with {what_tgt}",
            target_span=(max(0, end - 1), end) if tgt else None,
        )
    ]


# -- url-changed ---------------------------------------------------------------------------------------------
#: URLs (with a scheme, www. or a dotted domain with a path or a known ending), e-mail addresses, @handles and
#: #hashtags: text that a translation carries over byte for byte
_LINKS = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"“”]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w@])@\w{2,}"
    r"|(?<![\w&#])#[^\W\d_]\w*"
    r"|(?<![\w@.-])(?:[a-z0-9-]+\.)+(?:com|net|org|id|gov|edu|info|co|io|go\.id|ac\.id|or\.id|uk|tv)"
    r"(?:/[^\s<>\"“”]*)?(?![\w-])",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?)]}'\"”’"
_TLDS = (".com", ".net", ".org", ".id", ".gov", ".edu", ".info", ".co", ".io", ".uk", ".tv")
#: what any link holds, found in one automaton pass (most texts hold none: the regex is not run on them)
_LINK_HINTS = ahocorasick_rs.AhoCorasick(["@", "#", "://", "www.", "WWW.", *_TLDS, *(t.upper() for t in _TLDS)])
#: a full stop followed by a letter: every ending in _TLDS starts so (cheaper to look for than the automaton)
_DOT_LETTER = re.compile(r"\.[^\W\d_]")


def _may_hold_link(text: str) -> bool:
    """False when ``text`` can hold no link: none of the hints of :data:`_LINK_HINTS` (a few substring
    searches and one literal-led pattern: far cheaper than an automaton call, and most prose has no full stop
    before a letter), or no full stop but a final one, which no URL, e-mail address or domain can end on
    without one before it."""
    if "@" in text or "#" in text or (":" in text and "://" in text):
        return bool(_LINK_HINTS.find_matches_as_indexes(text))
    dot = text.find(".")
    if dot < 0 or dot == len(text) - 1:  # (most sentences: one full stop, at the end)
        return False
    return ("www." in text or "WWW." in text or _DOT_LETTER.search(text) is not None) and bool(
        _LINK_HINTS.find_matches_as_indexes(text)
    )


def links(text: str) -> list[tuple[str, int, int]]:
    """(link, start, end) of every URL, e-mail address, @handle and #hashtag in ``text``."""
    if not _may_hold_link(text):
        return []
    out = []
    for m in _LINKS.finditer(text):
        s, e = m.span()
        while e > s and text[e - 1] in _TRAILING:
            e -= 1  # a sentence's full stop or a closing bracket after the link
        if e - s > 1:
            out.append((text[s:e], s, e))
    return out


def _link_key(link: str) -> str:
    """What must stay the same: handles, hashtags, e-mail addresses and host names in any casing (they
    are case-insensitive), a URL's path exactly."""
    if link[0] in "@#" or "/" not in link:
        return link.lower()
    scheme, sep, rest = link.partition("://")
    host, slash, path = (rest if sep else link).partition("/")
    return (scheme + sep).lower() + host.lower() + slash + path


@register("url-changed", "error")
def url_changed(ctx: PairContext):
    """A URL, e-mail address, @handle or #hashtag of the source that the translation does not carry over
    exactly (or one in the translation that the source lacks)."""
    source, target = ctx.source_text, ctx.target_text
    if not _may_hold_link(source) and not _may_hold_link(target):
        return ()  # (most pairs: the gate of links() alone, without its call)
    src, tgt = links(source), links(target)
    if not src and not tgt:
        return ()
    left = [_link_key(t) for t, _, _ in tgt]
    out = []
    for link, s, e in src:
        if _link_key(link) in left:
            left.remove(_link_key(link))
            continue
        out.append(
            ctx.violation(
                "url-changed", f"{link!r} of the source is not in the translation as written", source_span=(s, e)
            )
        )
    for link, s, e in tgt:
        if _link_key(link) in left:
            left.remove(_link_key(link))
            out.append(
                ctx.violation("url-changed", f"{link!r} in the translation is not in the source", target_span=(s, e))
            )
    return out
