"""Loading source/translation segments and pairing them for checking and scoring.

A *segment* is one non-blank line of a text file (or one msgid/msgstr of a PO file) with its file and line.
Three input shapes pair up:

- two directories of same-named ``.txt`` articles, line-aligned (``translate`` keeps the line structure);
- two line-aligned files;
- one bilingual ``.po`` file, or a directory of them (msgid = source, msgstr = translation), as written by
  ``translate`` for review or by human translators.

Blank lines are not segments but keep the line numbering. A source segment whose translation line is blank
pairs with an empty target (an ``empty-segment``); one past the end of the translation pairs with nothing (a
``missing-segment``); a translation line facing a blank or absent source line pairs with no source (an
``extra-segment``). Files that cannot be aligned at all (less than half of the segments facing each other),
empty files, missing counterparts and non-UTF-8 bytes raise :class:`~translate_kit.errors.InputError` with
file:line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import polib

from .. import textio
from ..errors import InputError
from .boilerplate import BoilerplateRules

#: below this share of facing segments two files are reported as not line-aligned (InputError).
MIN_ALIGNED_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Segment:
    """One segment of text and where it lives (1-based line)."""

    file: str
    line: int
    text: str

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class SegmentPair:
    """A source segment and its translation; either side may be absent (missing/extra segment)."""

    source: Segment | None
    target: Segment | None
    #: the article the pair belongs to (consistency is judged per document): the source file, or the
    #: ``#:`` reference file of a PO entry when it has one.
    document: str
    #: the PO entry carries ``#, fuzzy`` (flagged for review).
    fuzzy: bool = False
    #: ``#:`` reference of a PO entry (original ``file:line``), if any.
    origin: str | None = None
    #: the source line is site chrome (boilerplate) that ``translate`` passes through or drops: not checked.
    boilerplate: bool = False
    #: a whole file without its counterpart: the path of the missing translation (a source-only pair) or of
    #: the translation that has no source (a target-only pair); the pair stands for the whole file.
    counterpart: str | None = None

    @property
    def where(self) -> str:
        seg = self.target if self.source is None else self.source
        return seg.where if seg else self.document


# -- reading -------------------------------------------------------------------------------------------------
def read_text(path: str | Path) -> str:
    """A UTF-8 text file's content (BOM dropped, CRLF folded); InputError with file:line otherwise."""
    text = textio.decode_text(textio.read_bytes(path), path, allow_empty=True)
    # (CRLF and a final CR end lines; a lone CR inside a line is no line break: line numbers stay those of
    # the editor and of ``translate``)
    return text.replace("\r\n", "\n")


def _lines(path: Path) -> list[str]:
    text = read_text(path)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if lines and lines[-1].endswith("\r"):
        lines[-1] = lines[-1][:-1]  # an old-Mac final CR
    return lines


def _file_segments(path: Path, keep_blank: bool) -> list[Segment]:
    lines = _lines(path)
    segs = [Segment(str(path), no, line.strip()) for no, line in enumerate(lines, 1) if keep_blank or line.strip()]
    if not any(s.text for s in segs):
        raise InputError("empty file (no segments)", path)
    return segs


def _txt_files(directory: Path) -> list[Path]:
    files = sorted(p for p in directory.iterdir() if p.suffix == ".txt" and p.is_file())
    if not files:
        raise InputError("directory has no .txt files", directory)
    return files


def load_segments(path: str | Path, *, side: str = "target", keep_blank: bool = False) -> list[Segment]:
    """Segments of a file (one per line), a directory (its ``.txt`` files sorted by name, line by line) or a
    ``.po`` file (``side="target"``: msgstr, ``side="source"``: msgid; header and obsolete entries skipped).

    ``keep_blank=True`` keeps blank lines of text files as empty segments, so that two line-aligned files
    stay aligned line for line (what scoring needs). Raises InputError on a missing, empty or non-UTF-8 input.
    """
    if side not in ("source", "target"):
        raise ValueError(f"side must be 'source' or 'target', not {side!r}")
    p = Path(path)
    if not p.exists():
        raise InputError("no such file or directory", p)
    if p.is_dir():
        if any(x.suffix == ".po" for x in p.iterdir()) and not any(x.suffix == ".txt" for x in p.iterdir()):
            return [pr.source if side == "source" else pr.target for pr in load_po_pairs(p)]
        return [s for f in _txt_files(p) for s in _file_segments(f, keep_blank)]
    if p.suffix == ".po":
        return [pr.source if side == "source" else pr.target for pr in load_po_pairs(p)]
    return _file_segments(p, keep_blank)


# -- PO ------------------------------------------------------------------------------------------------------
_MSGID = re.compile(r"^\s*msgid\s")
_MSGSTR = re.compile(r"^\s*msgstr(\[0\])?\s")


def load_po_pairs(path: str | Path) -> list[SegmentPair]:
    """msgid/msgstr pairs of a bilingual PO file (or of every ``.po`` in a directory, sorted by name)."""
    p = Path(path)
    if p.is_dir():
        files = sorted(x for x in p.iterdir() if x.suffix == ".po" and x.is_file())
        if not files:
            raise InputError("directory has no .po files", p)
        return [pr for f in files for pr in load_po_pairs(f)]
    text = read_text(p)
    try:
        po = polib.pofile(text, encoding="utf-8", wrapwidth=0)
    except (OSError, ValueError) as exc:
        m = re.search(r"\(line (\d+)\)", str(exc))
        msg = re.sub(r"\s*in po file .*?\(line \d+\)", "", str(exc)).strip() or "invalid PO"
        raise InputError(f"PO syntax error ({msg})", p, int(m.group(1)) if m else None) from None
    lines = text.split("\n")
    pairs = []
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        id_line = _keyword_line(lines, entry.linenum or 1, _MSGID)
        str_line = _keyword_line(lines, id_line, _MSGSTR)
        target = entry.msgstr if not entry.msgid_plural else entry.msgstr_plural.get(0, "")
        origin = None
        document = str(p)
        if entry.occurrences:
            ofile, oline = entry.occurrences[0]
            origin = f"{ofile}:{oline}" if oline else ofile
            document = ofile
        pairs.append(
            SegmentPair(
                Segment(str(p), id_line, entry.msgid),
                Segment(str(p), str_line, target),
                document,
                "fuzzy" in entry.flags,
                origin,
            )
        )
    if not pairs:
        raise InputError("PO file has no entries (no segments)", p)
    return pairs


def _keyword_line(lines: list[str], start: int, keyword: re.Pattern) -> int:
    """1-based line of the first ``keyword`` line at or after line ``start`` (polib gives the entry's first)."""
    for i in range(max(start - 1, 0), len(lines)):
        if keyword.match(lines[i]):
            return i + 1
    return start


# -- pairing -------------------------------------------------------------------------------------------------
def pair(
    source: str | Path,
    translation: str | Path | None = None,
    *,
    boilerplate: BoilerplateRules | None = None,
    dropped: bool | None = None,
) -> list[SegmentPair]:
    """Pair a source and its translation (see the module docstring for the accepted shapes).

    ``translation=None``: ``source`` is a bilingual ``.po`` file or a directory of them.
    ``boilerplate``: rules for site chrome (as ``translate`` applies them): a source line they match is
    paired as ``boilerplate`` (not checked). ``dropped``: True when the translation leaves those lines out
    (``translate --drop-boilerplate``), None to tell from the line counts (a translation exactly as many
    lines shorter as the source has chrome lines dropped them).
    """
    src = Path(source)
    if not src.exists():
        raise InputError("no such file or directory", src)
    if translation is None:
        if src.is_dir() or src.suffix == ".po":
            return load_po_pairs(src)
        raise InputError(
            "a single input must be a bilingual .po file (or a directory of them); "
            "otherwise give SOURCE and TRANSLATION",
            src,
        )
    tgt = Path(translation)
    if not tgt.exists():
        raise InputError("no such file or directory", tgt)
    if src.is_dir() != tgt.is_dir():
        raise InputError(
            "source and translation must both be files or both be directories", tgt if src.is_dir() else src
        )
    if src.is_dir():
        return pair_directories(src, tgt, boilerplate, dropped)
    return pair_files(src, tgt, boilerplate, dropped)


def pair_directories(
    src: Path, tgt: Path, boilerplate: BoilerplateRules | None = None, dropped: bool | None = None
) -> list[SegmentPair]:
    """Same-named ``.txt`` articles, each pair line-aligned. An article without its translation (or a
    translation without its article) is one ``counterpart`` pair standing for the file, and the rest is
    still paired."""
    src_files = _txt_files(src)
    tgt_files = sorted(p for p in tgt.iterdir() if p.suffix == ".txt" and p.is_file())
    tgt_names = {p.name for p in tgt_files}
    src_names = {p.name for p in src_files}
    pairs = []
    for f in src_files:
        if f.name in tgt_names:
            pairs.extend(pair_files(f, tgt / f.name, boilerplate, dropped))
        else:
            first = _first_segment(f)
            pairs.append(SegmentPair(first, None, str(f), counterpart=str(tgt / f.name)))
    for f in tgt_files:
        if f.name not in src_names:
            pairs.append(SegmentPair(None, _first_segment(f), str(f), counterpart=str(src / f.name)))
    return pairs


def _first_segment(path: Path) -> Segment:
    """The first non-blank line of a file (InputError when it has none)."""
    for no, line in enumerate(_lines(path), 1):
        if line.strip():
            return Segment(str(path), no, line.strip())
    raise InputError("empty file (no segments)", path)


def pair_files(
    src: Path, tgt: Path, boilerplate: BoilerplateRules | None = None, dropped: bool | None = None
) -> list[SegmentPair]:
    """Two line-aligned text files → pairs (blank-vs-blank lines skipped; see :func:`pair` for
    ``boilerplate`` and ``dropped``)."""
    s_lines, t_lines = _lines(src), _lines(tgt)
    if not any(x.strip() for x in s_lines):
        raise InputError("empty source file (no segments)", src)
    if not any(x.strip() for x in t_lines):
        raise InputError("empty translation file (no segments)", tgt)
    chrome = {i for i, x in enumerate(s_lines) if boilerplate.match(x)} if boilerplate else set()
    left_out = bool(chrome) and bool(dropped or (dropped is None and len(t_lines) == len(s_lines) - len(chrome)))
    doc, s_name, t_name = str(src), str(src), str(tgt)
    pairs = []
    facing = 0
    for i, j in _rows(len(s_lines), len(t_lines), chrome if left_out else set()):
        s = s_lines[i].strip() if i is not None else None
        t = t_lines[j].strip() if j is not None else None
        tseg = Segment(t_name, j + 1, t) if t is not None else None
        if s:
            if i in chrome:
                pairs.append(SegmentPair(Segment(s_name, i + 1, s), tseg, doc, boilerplate=True))
                continue
            facing += bool(t)
            pairs.append(SegmentPair(Segment(s_name, i + 1, s), tseg, doc))
        elif t:
            pairs.append(SegmentPair(None, tseg, doc))
    longest = max(
        sum(1 for k, x in enumerate(s_lines) if x.strip() and k not in chrome),
        sum(1 for x in t_lines if x.strip()) - (0 if left_out else len(chrome)),
    )
    if facing < MIN_ALIGNED_SHARE * longest:
        first_bad = next((p for p in pairs if p.source is None or not (p.target and p.target.text)), pairs[0])
        raise InputError(
            f"not line-aligned with {src}: only {facing} of {longest} segments face a counterpart "
            f"({len(s_lines)} source lines, {len(t_lines)} translation lines)",
            tgt,
            (first_bad.target or first_bad.source).line,
        )
    return pairs


def _rows(n_source: int, n_target: int, left_out: set[int]) -> list[tuple[int | None, int | None]]:
    """(source line index, translation line index) facing each other, in source order: line i faces line i,
    or, when the translation leaves the source lines ``left_out`` out, the translation's lines face the
    other source lines in order (a left-out line faces nothing)."""
    if not left_out:
        return [(i if i < n_source else None, i if i < n_target else None) for i in range(max(n_source, n_target))]
    rows: list[tuple[int | None, int | None]] = []
    j = 0
    for i in range(n_source):
        if i in left_out:
            rows.append((i, None))
        else:
            rows.append((i, j if j < n_target else None))
            j += 1
    rows += [(None, k) for k in range(j, n_target)]
    return rows


def assign_documents(pairs: list[SegmentPair], ids_file: str | Path) -> list[SegmentPair]:
    """The pairs of one line-aligned file pair with the document named on their source line of ``ids_file``
    (one document id per line, as test sets ship them: ntrex128's ``test.docids``), so that consistency is
    judged per article. InputError when the file is shorter than the source."""
    ids = read_text(ids_file).split("\n")
    out = []
    for p in pairs:
        line = (p.source or p.target).line
        if line > len(ids) or not ids[line - 1].strip():
            raise InputError(f"no document id for line {line} of {(p.source or p.target).file}", ids_file, line)
        out.append(
            SegmentPair(p.source, p.target, ids[line - 1].strip(), p.fuzzy, p.origin, p.boilerplate, p.counterpart)
        )
    return out
