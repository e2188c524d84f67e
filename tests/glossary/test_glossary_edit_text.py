"""glossary/edit.py: add/remove keep every other byte of the file stable."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from translate_kit.errors import GlossaryError
from translate_kit.glossary.canonical import fix_file
from translate_kit.glossary.edit import add_entry, remove_entry
from translate_kit.glossary.model import Entry
from translate_kit.glossary.pofile import load_glossary

HEADER = """msgid ""
msgstr ""
"Language: id\\n"
"X-Target-Language: en\\n"
"""

# Deliberately not canonical (odd spacing in a comment, a reference, a trailing variant order): the edits must
# not touch any of it.
FILE = (
    HEADER
    + """
#  kept as written
#. variant: Amrik
#. note: not in canonical comment order
msgid "Amerika Serikat"
msgstr "United States"

#. variant: Korea Utara
#, case-sensitive
msgid "Korut"
msgstr "North Korea"

#: somewhere.txt:1
msgid "Pyongyang"
msgstr "Pyongyang"
"""
)


def changed_lines(before: str, after: str) -> list[str]:
    """The +/- lines of a unified diff, without headers."""
    diff = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), n=0)
    return [d for d in diff if d[:1] in "+-" and not d.startswith(("+++", "---"))]


@pytest.fixture
def po(tmp_path: Path) -> Path:
    path = tmp_path / "places.po"
    path.write_text(FILE, encoding="utf-8")
    return path


def test_add_inserts_only_the_new_entry_at_its_sorted_place(po):
    written = add_entry(po, Entry("Korsel", "South Korea", variants=["Korea Selatan"], flags=["case-sensitive"]))
    after = po.read_text(encoding="utf-8")
    # "korsel" sorts between "amerika serikat" and "korut": the new block plus one blank separator goes in
    # front of the Korut block, whose comment starts on line 12 of the original.
    assert changed_lines(FILE, after) == [
        "+#. variant: Korea Selatan\n",
        "+#, case-sensitive\n",
        '+msgid "Korsel"\n',
        '+msgstr "South Korea"\n',
        "+\n",
    ]
    assert written.line == 12
    assert after.splitlines()[11] == "#. variant: Korea Selatan"
    assert [e.source for e in load_glossary(po.parent)] == ["Amerika Serikat", "Korsel", "Korut", "Pyongyang"]


def test_add_after_the_last_entry_appends(po):
    add_entry(po, Entry("Seoul", "Seoul"))
    after = po.read_text(encoding="utf-8")
    assert after.startswith(FILE)
    assert after[len(FILE) :] == '\nmsgid "Seoul"\nmsgstr "Seoul"\n'


def test_remove_deletes_the_entry_with_its_comments_and_nothing_else(po):
    removed = remove_entry(po, "Amerika Serikat")
    assert removed.target == "United States"
    after = po.read_text(encoding="utf-8")
    assert changed_lines(FILE, after) == [
        "-\n",
        "-#  kept as written\n",
        "-#. variant: Amrik\n",
        "-#. note: not in canonical comment order\n",
        '-msgid "Amerika Serikat"\n',
        '-msgstr "United States"\n',
    ]
    assert [e.source for e in load_glossary(po.parent)] == ["Korut", "Pyongyang"]


def test_add_then_remove_restores_the_exact_bytes(po):
    original = po.read_bytes()
    add_entry(po, Entry("Kemlu", "Foreign Ministry", notes=["Kementerian Luar Negeri"]))
    assert po.read_bytes() != original
    remove_entry(po, "Kemlu")
    assert po.read_bytes() == original


def test_remove_is_case_insensitive_when_unambiguous(po):
    remove_entry(po, "pyongyang")
    assert "Pyongyang" not in po.read_text(encoding="utf-8")


def test_remove_unknown_entry_names_the_file(po):
    with pytest.raises(GlossaryError) as err:
        remove_entry(po, "Seoul")
    assert str(err.value).startswith(f"{po}: no entry for 'Seoul'")
    assert po.read_text(encoding="utf-8") == FILE


def test_remove_with_several_contexts_needs_one(tmp_path):
    path = tmp_path / "g.po"
    path.write_text(
        HEADER + '\nmsgctxt "a"\nmsgid "X"\nmsgstr "x1"\n\nmsgctxt "b"\nmsgid "X"\nmsgstr "x2"\n', encoding="utf-8"
    )
    with pytest.raises(GlossaryError, match="give context="):
        remove_entry(path, "X")
    remove_entry(path, "X", context="b")
    assert [(e.context, e.target) for e in load_glossary(path)] == [("a", "x1")]


def test_add_refuses_a_form_claimed_by_another_entry_naming_its_location(po, tmp_path):
    # "korea utara" is a variant of the case-sensitive Korut entry, but the new entry is case-insensitive, so
    # it would match the same text: refused, pointing at Korut's first line (12).
    with pytest.raises(GlossaryError) as err:
        add_entry(po, Entry("korea utara", "DPRK"))
    assert str(err.value).startswith(f"{po}:12: source form 'korea utara' is already claimed by")
    assert po.read_text(encoding="utf-8") == FILE
    # --force adds it anyway
    add_entry(po, Entry("korea utara", "DPRK"), force=True)
    assert "DPRK" in po.read_text(encoding="utf-8")


def test_add_checks_claims_in_the_other_files_of_the_directory(po, tmp_path):
    other = tmp_path / "other.po"
    with pytest.raises(GlossaryError) as err:
        add_entry(other, Entry("Amrik", "America"))
    assert str(err.value).startswith(f"{po}:6:")
    assert not other.exists()


def test_case_sensitive_forms_differing_in_case_do_not_collide(po):
    # "KORUT" (case-sensitive) never matches the text "Korut", so both may exist.
    add_entry(po, Entry("KORUT", "North Korea (caps)", flags=["case-sensitive"]))
    assert len(load_glossary(po.parent)) == 3 + 1


def test_same_msgid_in_another_context_is_refused_unless_forced_and_a_duplicate_never(po):
    # the matcher ignores msgctxt: a second "Korut" would never match, so it is refused, naming Korut's line
    with pytest.raises(GlossaryError) as err:
        add_entry(po, Entry("Korut", "the North", context="informal"))
    assert str(err.value).startswith(f"{po}:12: source form 'Korut' is already claimed by 'Korut → North Korea'")
    add_entry(po, Entry("Korut", "the North", context="informal"), force=True)
    with pytest.raises(GlossaryError, match="already exists"):
        add_entry(po, Entry("Korut", "North Korea"), force=True)


def test_new_file_gets_the_canonical_header_and_is_canonical(tmp_path):
    path = tmp_path / "new.po"
    written = add_entry(path, Entry("Menlu", "Foreign Minister", variants=["Menteri Luar Negeri"]))
    text = path.read_text(encoding="utf-8")
    assert '"Language: id\\n"' in text and '"X-Target-Language: en\\n"' in text
    assert text.splitlines()[written.line - 1] == "#. variant: Menteri Luar Negeri"
    assert fix_file(path) is False  # already canonical


def test_adding_to_a_canonical_file_keeps_it_canonical(po):
    fix_file(po)
    for source, target in [("Zaporizhzhia", "Zaporizhzhia"), ("AS", "US"), ("Kemhan", "Defence Ministry")]:
        add_entry(po, Entry(source, target))
        assert fix_file(po) is False


def test_add_normalises_the_new_entry(po):
    written = add_entry(po, Entry("  Menlu ", " Foreign  Minister", flags=["fuzzy", "case-sensitive"]))
    assert (written.source, written.target, written.flags) == ("Menlu", "Foreign Minister", ["case-sensitive", "fuzzy"])
    assert '#, case-sensitive, fuzzy\nmsgid "Menlu"\nmsgstr "Foreign Minister"\n' in po.read_text("utf-8")


def test_bad_new_entries_are_refused_before_writing(po):
    for bad, message in [
        (Entry("", "x"), "empty source"),
        (Entry("Kemlu", ""), "needs an English form"),
        (Entry("Kemlu", "x", flags=["sticky"]), "unknown flag 'sticky'"),
    ]:
        with pytest.raises(GlossaryError, match=message):
            add_entry(po, bad)
    assert po.read_text(encoding="utf-8") == FILE


def test_unparsable_file_is_not_edited(tmp_path):
    path = tmp_path / "broken.po"
    path.write_text(HEADER + '\nmsgid "A"\nmsgstr "B\n', encoding="utf-8")
    with pytest.raises(GlossaryError) as err:
        add_entry(path, Entry("C", "D"))
    assert str(err.value).startswith(f"{path}:7: PO syntax error")
    with pytest.raises(GlossaryError):
        remove_entry(path, "A")


def test_crlf_files_keep_their_line_endings(tmp_path):
    path = tmp_path / "crlf.po"
    original = FILE.replace("\n", "\r\n")
    path.write_bytes(original.encode("utf-8"))
    add_entry(path, Entry("Korsel", "South Korea"))
    data = path.read_bytes().decode("utf-8")
    assert data.count("\n") == data.count("\r\n")
    remove_entry(path, "Korsel")
    assert path.read_bytes().decode("utf-8") == original


def test_entries_without_blank_separators_are_still_found(tmp_path):
    path = tmp_path / "tight.po"
    path.write_text(
        HEADER + '\nmsgid "A"\nmsgstr "a"\n#. variant: Bee\nmsgid "B"\nmsgstr "b"\nmsgid "C"\nmsgstr "c"\n',
        encoding="utf-8",
    )
    remove_entry(path, "B")
    assert path.read_text(encoding="utf-8") == HEADER + '\nmsgid "A"\nmsgstr "a"\nmsgid "C"\nmsgstr "c"\n'


def test_an_empty_existing_file_is_treated_as_new(tmp_path):
    path = tmp_path / "empty.po"
    path.write_text("", encoding="utf-8")
    add_entry(path, Entry("Menlu", "Foreign Minister"))
    assert '"Language: id\\n"' in path.read_text(encoding="utf-8")
    assert fix_file(path) is False
