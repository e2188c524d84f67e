"""Readers: .txt / .po / .jsonl into Documents, discovery of inputs, and every bad input's one-line error."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from translate_kit.corpus import BoilerplateRules, discover, read_document
from translate_kit.errors import InputError


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def error_of(path: Path) -> str:
    with pytest.raises(InputError) as info:
        read_document(path, Path(path.name))
    return str(info.value)


# --------------------------------------------------------------------------------------------- .txt


def test_txt_one_unit_per_line_with_blank_and_boilerplate_kinds(tmp_path):
    data = "Putin tiba di Pyongyang.\n\nBaca Juga: Berita lain\n  Kim menyambutnya.  \n"
    path = write(tmp_path / "a.txt", data)
    doc = read_document(path, Path("sub/a.txt"))
    assert doc.format == "txt" and doc.relpath == Path("sub/a.txt") and doc.path == path
    assert [(u.index, u.line, u.key, u.kind) for u in doc.units] == [
        (0, 1, "L1", "text"),
        (1, 2, "L2", "blank"),
        (2, 3, "L3", "boilerplate"),
        (3, 4, "L4", "text"),
    ]
    assert doc.units[3].text == "  Kim menyambutnya.  "  # exactly as in the file
    assert doc.units[2].meta == {"boilerplate": "read-also"}
    assert doc.units[0].existing is None
    assert doc.newline == "\n" and doc.final_newline is True
    assert doc.sha256 == hashlib.sha256(data.encode()).hexdigest()
    assert doc.diagnostics == []


def test_txt_crlf_without_final_newline(tmp_path):
    path = write(tmp_path / "a.txt", b"Satu.\r\n\r\nDua.")
    doc = read_document(path, Path("a.txt"))
    assert [u.text for u in doc.units] == ["Satu.", "", "Dua."]
    assert doc.newline == "\r\n" and doc.final_newline is False


def test_txt_utf8_bom_is_dropped(tmp_path):
    path = write(tmp_path / "a.txt", b"\xef\xbb\xbfHalo dunia.\n")
    assert read_document(path, Path("a.txt")).units[0].text == "Halo dunia."


def test_txt_mixed_newlines_warns(tmp_path):
    path = write(tmp_path / "a.txt", b"Satu.\r\nDua.\nTiga.\n")
    doc = read_document(path, Path("a.txt"))
    assert [u.text for u in doc.units] == ["Satu.", "Dua.", "Tiga."]
    assert doc.newline == "\r\n"
    assert [d.code for d in doc.diagnostics] == ["mixed-newlines"]


def test_only_boilerplate_reads_with_a_warning(tmp_path):
    path = write(tmp_path / "chrome.txt", "Loading\n\nHalaman 1/3\nVideo Terkini\n")
    doc = read_document(path, Path("chrome.txt"))
    assert [u.kind for u in doc.units] == ["boilerplate", "blank", "boilerplate", "boilerplate"]
    assert [str(d) for d in doc.diagnostics] == [
        f"{path}: warning: only boilerplate (3 units), nothing to translate [only-boilerplate]"
    ]


def test_custom_rules_are_used(tmp_path):
    path = write(tmp_path / "a.txt", "Loading\nIKLAN SPONSOR\n")
    doc = read_document(path, Path("a.txt"), BoilerplateRules([("sponsor", r"iklan sponsor")]))
    assert [u.kind for u in doc.units] == ["text", "boilerplate"]


def test_seed_articles_read(shared):
    path = shared / "seeds" / "002_a00ea6c7e7f3e76c.txt"
    doc = read_document(path, Path(path.name))
    assert len(doc.units) == 55  # 55 lines, no final newline
    assert doc.final_newline is False
    assert doc.units[19].text == "Rusia: Hak Kami" and doc.units[19].kind == "text"
    assert doc.units[46].text == "Loading" and doc.units[46].kind == "boilerplate"


# --------------------------------------------------------------------------------------------- bad files


def test_empty_file(tmp_path):
    path = write(tmp_path / "e.txt", b"")
    assert error_of(path) == f"{path}: empty file"


def test_whitespace_only_file(tmp_path):
    path = write(tmp_path / "e.txt", " \n\t\r\n\n")
    assert error_of(path) == f"{path}: empty file (only whitespace)"


def test_binary_file_with_nul(tmp_path):
    path = write(tmp_path / "b.txt", b"PK\x03\x00\x14\x00rest")
    assert error_of(path) == f"{path}:1: binary file (NUL byte at byte offset 3)"  # the one decoder gives the line


def test_binary_file_mostly_invalid_bytes(tmp_path):
    path = write(tmp_path / "b.txt", bytes(range(0x80, 0x100)) * 8)
    assert error_of(path) == f"{path}: binary file (mostly non-text bytes)"


def test_binary_file_mostly_control_characters(tmp_path):
    path = write(tmp_path / "b.txt", b"\x01\x02\x03\x04\x05\x06\x07\x08 ok\n")
    assert error_of(path) == f"{path}: binary file (mostly control characters)"


def test_non_utf8_names_line_and_byte(tmp_path):
    # "Baris satu\n" is 11 bytes and "Kata caf" 8 more: the Latin-1 é is byte 19, column 9 of line 2
    path = write(tmp_path / "l1.txt", b"Baris satu\nKata caf\xe9 enak.\n")
    assert error_of(path) == f"{path}:2: not valid UTF-8: byte 0xe9 at byte offset 19 (column 9)"


def test_utf16_file(tmp_path):
    path = write(tmp_path / "u.txt", "Halo".encode("utf-16"))
    assert error_of(path) == f"{path}: UTF-16 text is not supported: convert the file to UTF-8"


def test_missing_file_and_directory(tmp_path):
    assert error_of(tmp_path / "nope.txt") == f"{tmp_path / 'nope.txt'}: no such file"
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    assert error_of(folder) == f"{folder}: is a directory, not a file"


def test_unsupported_extension(tmp_path):
    path = write(tmp_path / "a.md", "Halo")
    assert error_of(path) == f"{path}: unsupported file type (expected .txt, .po or .jsonl)"


# --------------------------------------------------------------------------------------------- .jsonl


def test_jsonl_records_keep_other_fields(tmp_path):
    path = write(
        tmp_path / "a.jsonl",
        '{"id": "a1", "text": "Paragraf satu.\\n\\nParagraf dua.", "source": "x", "n": 3}\n'
        "\n"
        '{"id": 7, "text": ""}\n'
        '{"text": "Baca Juga: Sesuatu", "id": "c"}\n',
    )
    doc = read_document(path, Path("a.jsonl"))
    assert [(u.index, u.line, u.key, u.kind) for u in doc.units] == [
        (0, 1, "a1", "text"),
        (1, 3, "7", "blank"),
        (2, 4, "c", "boilerplate"),
    ]
    assert doc.units[0].text == "Paragraf satu.\n\nParagraf dua."
    assert doc.units[0].meta == {"source": "x", "n": 3}
    assert doc.raw == [
        {"id": "a1", "text": "Paragraf satu.\n\nParagraf dua.", "source": "x", "n": 3},
        {"id": 7, "text": ""},
        {"text": "Baca Juga: Sesuatu", "id": "c"},
    ]


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"id": "a", "text": }', "invalid JSON: Expecting value (column 21)"),
        ('["a", "b"]', "record is not a JSON object but an array"),
        ('{"text": "Halo"}', 'record has no "id" field'),
        ('{"id": "b"}', 'record has no "text" field'),
        ('{"id": "b", "text": 5}', '"text" must be a string, not a number'),
        ('{"id": "b", "text": null}', '"text" must be a string, not null'),
        ('{"id": true, "text": "x"}', '"id" must be a non-empty string or an integer, not a boolean'),
        ('{"id": "a", "text": "lagi"}', 'duplicate id "a" (first on line 1)'),
    ],
)
def test_jsonl_malformed_record_names_the_line(tmp_path, line, message):
    path = write(tmp_path / "bad.jsonl", '{"id": "a", "text": "Satu."}\n\n' + line + "\n")
    assert error_of(path) == f"{path}:3: {message}"


# --------------------------------------------------------------------------------------------- .po

PO = """# Terjemahan
msgid ""
msgstr ""
"Language: en\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#. dari artikel
#: artikel.txt:3
#, fuzzy
msgctxt "judul"
msgid "Putin tiba di Pyongyang."
msgstr "Putin arrives in Pyongyang."

msgid "Kim menyambutnya."
msgstr ""

msgid "satu rudal"
msgid_plural "%d rudal"
msgstr[0] ""
msgstr[1] ""

msgid "Loading"
msgstr ""

#~ msgid "Usang."
#~ msgstr "Obsolete."
"""


def test_po_units_skip_header_and_obsolete(tmp_path):
    path = write(tmp_path / "a.po", PO)
    doc = read_document(path, Path("a.po"))
    assert [(u.line, u.key, u.kind, u.existing) for u in doc.units] == [
        (11, "judul\x04Putin tiba di Pyongyang.", "text", "Putin arrives in Pyongyang."),
        (14, "Kim menyambutnya.", "text", None),
        (17, "satu rudal", "text", None),
        (22, "Loading", "boilerplate", None),
    ]
    first = doc.units[0].meta
    assert first["flags"] == ["fuzzy"] and first["comment"] == "dari artikel"
    assert first["occurrences"] == [("artikel.txt", "3")] and first["msgctxt"] == "judul"
    assert doc.raw[first["entry_index"]].msgid == "Putin tiba di Pyongyang."
    assert doc.units[2].meta["msgid_plural"] == "%d rudal"
    assert [(d.code, d.line) for d in doc.diagnostics] == [("plural-entry", 17)]


def test_po_unterminated_string_names_the_line(tmp_path):
    path = write(tmp_path / "bad.po", 'msgid "Satu."\nmsgstr ""\n\nmsgid "Dua.\nmsgstr ""\n')
    assert error_of(path) == f"{path}:4: PO syntax error: 'msgid \"Dua.'"


def test_po_polib_syntax_error_names_the_line(tmp_path):
    path = write(tmp_path / "bad.po", 'msgid "a"\nmsgstr "b"\nmsgstr "c"\n')
    assert error_of(path) == f"{path}:3: PO syntax error"


def test_po_duplicate_msgid(tmp_path):
    path = write(tmp_path / "dup.po", 'msgid "Satu."\nmsgstr ""\n\nmsgid "Satu."\nmsgstr "One."\n')
    assert error_of(path) == f"{path}:4: duplicate msgid 'Satu.' (first on line 1)"


def test_po_with_header_only_warns(tmp_path):
    path = write(tmp_path / "h.po", 'msgid ""\nmsgstr ""\n"Language: id\\n"\n')
    doc = read_document(path, Path("h.po"))
    assert doc.units == [] and [d.code for d in doc.diagnostics] == ["nothing-to-translate"]


# --------------------------------------------------------------------------------------------- discover


def test_discover_directories_files_and_problems(tmp_path):
    root = tmp_path / "in"
    write(root / "b.txt", "x")
    write(root / "a" / "z.jsonl", "x")
    write(root / "a" / "y.po", "x")
    write(root / "notes.md", "x")
    write(root / ".hidden.txt", "x")
    write(root / ".git" / "c.txt", "x")
    single = write(tmp_path / "other" / "c.txt", "x")
    found, diags = discover([root, single, tmp_path / "missing"])
    assert found == [
        (root / "a" / "y.po", Path("a/y.po")),
        (root / "a" / "z.jsonl", Path("a/z.jsonl")),
        (root / "b.txt", Path("b.txt")),
        (single, Path("c.txt")),
    ]
    assert [(d.severity, d.code, d.path) for d in diags] == [
        ("warning", "unsupported-file", str(root / "notes.md")),
        ("error", "missing-path", str(tmp_path / "missing")),
    ]


def test_discover_relpath_collision(tmp_path):
    one = write(tmp_path / "x" / "a.txt", "x")
    two = write(tmp_path / "y" / "a.txt", "x")
    found, diags = discover([one, two, one])
    assert found == [(one, Path("a.txt"))]
    assert [(d.severity, d.code, d.path) for d in diags] == [("error", "relpath-collision", str(two))]


def test_discover_seed_corpus(repo):
    found, diags = discover([repo / "corpus" / "id"])
    assert [str(rel) for _, rel in found] == [
        "000_c30b8bd215a98e92.txt",
        "001_6738c794eb8b6589.txt",
        "002_a00ea6c7e7f3e76c.txt",
        "003_367723d5f7e8cdb8.txt",
        "004_534e002a09c98aca.txt",
    ]
    assert diags == []


def test_discover_survives_a_symlink_loop(tmp_path):
    root = tmp_path / "in"
    write(root / "a.txt", "x")
    (root / "loop").symlink_to(root)
    found, diags = discover([root])
    assert found == [(root / "a.txt", Path("a.txt"))] and diags == []
