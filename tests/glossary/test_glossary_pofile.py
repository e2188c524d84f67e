"""Loading glossary PO files: the DESIGN.md §3 conventions, and one-line errors with file:line."""

from __future__ import annotations

import pytest

from translate_kit.errors import GlossaryError
from translate_kit.glossary import load_glossary

HEADER = 'msgid ""\nmsgstr ""\n"Language: id\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def write(tmp_path, name, body, header=HEADER):
    path = tmp_path / name
    path.write_text(header + body, encoding="utf-8")
    return path


def test_conventions_are_read(tmp_path):
    write(
        tmp_path,
        "abbreviations.po",
        """\
#  reviewed by the desk
#. note: Abbreviation used by Indonesian media for North Korea.
#. variant: Korea Utara
#. variant: Kora Utara
#. admitted: DPRK
#. forbidden: Korea North
#, case-sensitive
msgctxt "country"
msgid "Korut"
msgstr "North Korea"

#, no-translate
msgid "Rodong Sinmun"
msgstr "Rodong Sinmun"
""",
    )
    g = load_glossary(tmp_path)
    korut, rodong = g.entries
    assert (korut.source, korut.target, korut.context) == ("Korut", "North Korea", "country")
    assert korut.variants == ["Korea Utara", "Kora Utara"]
    assert korut.admitted == ["DPRK"] and korut.forbidden == ["Korea North"]
    assert korut.notes == ["Abbreviation used by Indonesian media for North Korea."]
    assert korut.case_sensitive and not korut.no_translate and korut.enforced
    assert korut.translator_comment.strip() == "reviewed by the desk"
    assert korut.ref == f"{tmp_path / 'abbreviations.po'}:6"  # the line where the entry starts
    assert rodong.no_translate and rodong.preferred == "Rodong Sinmun"
    assert korut.target_forms == ["North Korea", "DPRK"]
    assert g.diagnostics == []


def test_files_load_in_name_order_and_empty_directory_is_an_empty_glossary(tmp_path):
    assert len(load_glossary(tmp_path)) == 0
    write(tmp_path, "b.po", 'msgid "B"\nmsgstr "b"\n')
    write(tmp_path, "a.po", 'msgid "A"\nmsgstr "a"\n')
    (tmp_path / "notes.txt").write_text("not a glossary")
    assert [e.source for e in load_glossary(tmp_path)] == ["A", "B"]


def test_digest_changes_with_content(tmp_path):
    p = write(tmp_path, "a.po", 'msgid "A"\nmsgstr "a"\n')
    d1 = load_glossary(tmp_path).digest
    p.write_text(HEADER + 'msgid "A"\nmsgstr "b"\n', encoding="utf-8")
    assert load_glossary(tmp_path).digest != d1


@pytest.mark.parametrize(
    "body, line",
    [
        ('msgid "A"\nmsgstr "a"\nfoo bar\n', 8),  # a stray word
        ('msgid "A\nmsgstr "a"\n', 6),  # an unterminated string polib would swallow
        ('msgid "A"\nmsgid "B"\n', 7),  # msgid twice
    ],
)
def test_syntax_errors_name_file_and_line(tmp_path, body, line):
    path = write(tmp_path, "bad.po", body)
    with pytest.raises(GlossaryError) as info:
        load_glossary(tmp_path)
    assert str(info.value).startswith(f"{path}:{line}: PO syntax error")
    assert "\n" not in str(info.value)


def test_non_utf8_glossary(tmp_path):
    path = tmp_path / "latin1.po"
    path.write_bytes((HEADER + 'msgid "Korea"\nmsgstr "Kor\xe9a"\n').encode("latin-1"))
    with pytest.raises(GlossaryError, match=r"latin1.po:7: glossary file is not valid UTF-8"):
        load_glossary(tmp_path)


def test_missing_directory(tmp_path):
    with pytest.raises(GlossaryError, match="glossary directory does not exist"):
        load_glossary(tmp_path / "nope")


def test_conflicting_entries_are_reported_not_fatal(tmp_path):
    write(tmp_path, "a.po", 'msgid "Kemlu"\nmsgstr "Foreign Ministry"\n')
    write(
        tmp_path, "b.po", '#. variant: Kemlu\nmsgid "Kementerian Luar Negeri"\nmsgstr "Ministry of Foreign Affairs"\n'
    )
    g = load_glossary(tmp_path)
    (d,) = g.diagnostics
    assert d.code == "conflicting-entries" and d.severity == "warning"
    assert d.path == str(tmp_path / "b.po") and d.line == 6  # where the conflicting entry starts
    assert "'Kemlu'" in d.message


def test_unknown_flags_and_comment_keys_are_diagnostics(tmp_path):
    write(tmp_path, "a.po", '#. varient: Korea Utara\n#, case-sensitve\nmsgid "Korut"\nmsgstr "North Korea"\n')
    codes = sorted(d.code for d in load_glossary(tmp_path).diagnostics)
    assert codes == ["unknown-comment-key", "unknown-flag"]


def test_long_comments_survive_polib_wrapping(tmp_path):
    from translate_kit.glossary import Entry, entry_to_po, new_po_file

    note = "Abbreviation used by Indonesian media for North Korea; spell it out in headlines as well as in body text."
    po = new_po_file()
    po.append(entry_to_po(Entry("Korut", "North Korea", notes=[note], variants=["Korea Utara"])))
    (tmp_path / "a.po").write_text(str(po), encoding="utf-8")
    assert max(len(line) for line in str(po).splitlines()) <= 78  # it really was wrapped
    g = load_glossary(tmp_path)
    assert g.entries[0].notes == [note]
    assert g.entries[0].variants == ["Korea Utara"]
    assert g.diagnostics == []


def test_conflicts_follow_the_matchers_folding(tmp_path):
    # "Korea  Utara" (two spaces) and "korea utara" are the same text to the matcher, so they collide;
    # a case-sensitive "AS" and a case-sensitive "As" never match the same text, so they do not.
    write(
        tmp_path,
        "a.po",
        '#. variant: Korea  Utara\nmsgid "Korut"\nmsgstr "North Korea"\n\n#, case-sensitive\nmsgid "AS"\nmsgstr "US"\n',
    )
    write(tmp_path, "b.po", 'msgid "korea utara"\nmsgstr "DPRK"\n\n#, case-sensitive\nmsgid "As"\nmsgstr "Ace"\n')
    diags = load_glossary(tmp_path).diagnostics
    assert [(d.code, d.path, d.line) for d in diags] == [("conflicting-entries", str(tmp_path / "b.po"), 6)]
    assert "'Korut → North Korea'" in diags[0].message
