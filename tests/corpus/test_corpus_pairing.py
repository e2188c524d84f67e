"""Loading and pairing segments: files, directories, bilingual PO, and every bad input."""

from __future__ import annotations

import pytest

from translate_kit.corpus.pairing import Segment, load_po_pairs, load_segments, pair
from translate_kit.errors import InputError

PO = """msgid ""
msgstr ""
"Language: id\\n"

#. terms: Korut
#: artikel.txt:3
#, fuzzy
msgid "Korut meluncurkan rudal."
msgstr "North Korea launched a missile."

msgid "Kata kedua."
msgstr ""
"""


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def test_line_aligned_files_keep_numbering_and_skip_blank_lines(tmp_path):
    s = write(tmp_path / "a.id", "Satu.\n\nDua.\nTiga.\n")
    t = write(tmp_path / "a.en", "One.\n\nTwo.\n\n")
    pairs = pair(s, t)
    assert [(p.source.line, p.source.text) for p in pairs] == [(1, "Satu."), (3, "Dua."), (4, "Tiga.")]
    assert [p.target.text for p in pairs] == ["One.", "Two.", ""]  # line 4 of the translation is blank
    assert all(p.document == str(s) for p in pairs)


def test_shorter_translation_gives_missing_and_longer_gives_extra(tmp_path):
    s = write(tmp_path / "a.id", "Satu.\nDua.\nTiga.\n")
    t = write(tmp_path / "a.en", "One.\nTwo.\n")
    last = pair(s, t)[-1]
    assert last.source.text == "Tiga." and last.target is None
    t2 = write(tmp_path / "b.en", "One.\nTwo.\nThree.\nFour.\n")
    last = pair(s, t2)[-1]
    assert last.source is None and last.target == Segment(str(t2), 4, "Four.")


def test_unalignable_files_raise_with_file_and_line(tmp_path):
    s = write(tmp_path / "a.id", "".join(f"Kalimat {i}.\n" for i in range(10)))
    t = write(tmp_path / "a.en", "Sentence 0.\nSentence 1.\n")
    with pytest.raises(InputError) as exc:
        pair(s, t)
    assert exc.value.path == str(t) and exc.value.line == 3
    assert "not line-aligned" in str(exc.value)


def test_directories_pair_same_named_articles(tmp_path):
    (tmp_path / "id").mkdir()
    (tmp_path / "en").mkdir()
    write(tmp_path / "id" / "b.txt", "Dua.\n")
    write(tmp_path / "id" / "a.txt", "Satu.\n")
    write(tmp_path / "en" / "a.txt", "One.\n")
    write(tmp_path / "en" / "b.txt", "Two.\n")
    pairs = pair(tmp_path / "id", tmp_path / "en")
    assert [(p.source.text, p.target.text) for p in pairs] == [("Satu.", "One."), ("Dua.", "Two.")]
    assert pairs[1].document.endswith("b.txt")


def test_missing_counterpart_is_named(tmp_path):
    (tmp_path / "id").mkdir()
    (tmp_path / "en").mkdir()
    write(tmp_path / "id" / "a.txt", "Satu.\n")
    write(tmp_path / "id" / "b.txt", "Dua.\n")
    write(tmp_path / "en" / "a.txt", "One.\n")
    pairs = pair(tmp_path / "id", tmp_path / "en")
    assert [(p.document, p.counterpart) for p in pairs] == [
        (str(tmp_path / "id" / "a.txt"), None),
        (str(tmp_path / "id" / "b.txt"), str(tmp_path / "en" / "b.txt")),
    ]
    assert pairs[1].source.text == "Dua." and pairs[1].target is None


def test_bilingual_po_pairs_carry_lines_origin_and_fuzzy(tmp_path):
    po = write(tmp_path / "review.po", PO)
    pairs = pair(po)
    assert len(pairs) == 2
    first, second = pairs
    assert first.source == Segment(str(po), 8, "Korut meluncurkan rudal.")
    assert first.target == Segment(str(po), 9, "North Korea launched a missile.")
    assert first.fuzzy and first.origin == "artikel.txt:3" and first.document == "artikel.txt"
    assert second.target.text == "" and second.target.line == 12 and not second.fuzzy
    assert [s.text for s in load_segments(po, side="source")] == ["Korut meluncurkan rudal.", "Kata kedua."]


def test_load_segments_of_a_directory_and_keep_blank(tmp_path):
    write(tmp_path / "b.txt", "B1\n\nB3\n")
    write(tmp_path / "a.txt", "A1\n")
    assert [s.text for s in load_segments(tmp_path)] == ["A1", "B1", "B3"]
    assert [(s.line, s.text) for s in load_segments(tmp_path / "b.txt", keep_blank=True)] == [
        (1, "B1"),
        (2, ""),
        (3, "B3"),
    ]


@pytest.mark.parametrize("content,line", [(b"ok\n\xff\xfe bad\n", 2), (b"baris\n\nbaris\x00\n", 3)])
def test_non_utf8_and_binary_name_file_and_line(tmp_path, content, line):
    f = write(tmp_path / "bad.txt", content)
    with pytest.raises(InputError) as exc:
        load_segments(f)
    assert exc.value.path == str(f) and exc.value.line == line


def test_empty_inputs_and_missing_paths(tmp_path):
    s = write(tmp_path / "a.id", "Satu.\n")
    empty = write(tmp_path / "a.en", "\n  \n")
    with pytest.raises(InputError, match="empty translation file"):
        pair(s, empty)
    with pytest.raises(InputError, match="empty file"):
        load_segments(empty)
    with pytest.raises(InputError, match="no such file"):
        pair(s, tmp_path / "nope.en")
    with pytest.raises(InputError, match="bilingual .po"):
        pair(s)
    with pytest.raises(InputError, match="no entries"):
        load_po_pairs(write(tmp_path / "h.po", 'msgid ""\nmsgstr ""\n'))
