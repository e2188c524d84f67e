"""glossary/lint.py: every error and warning kind, at the file:line a reader would point to."""

from __future__ import annotations

from pathlib import Path

import pytest

from translate_kit.errors import GlossaryError
from translate_kit.glossary.lint import lint

# 4 header lines, then a blank line: the first entry of every fixture starts on line 6.
HEADER = """msgid ""
msgstr ""
"Language: id\\n"
"X-Target-Language: en\\n"
"""


def write(directory: Path, name: str, body: str, header: str = HEADER) -> Path:
    path = directory / name
    path.write_text(header + body, encoding="utf-8")
    return path


def found(result) -> list[tuple[str, int | None, str, str]]:
    return [(Path(f.path).name, f.line, f.severity, f.code) for f in result.findings]


def test_clean_glossary_has_no_findings(tmp_path):
    write(
        tmp_path,
        "a.po",
        """
#. note: Abbreviation used by Indonesian media.
#. variant: Korea Utara
#. admitted: DPRK
#. forbidden: Korea North
#, case-sensitive
msgctxt "country"
msgid "Korut"
msgstr "North Korea"

#, case-sensitive
msgid "AS"
msgstr "US"

msgid "Departemen Luar Negeri AS"
msgstr "US State Department"

#, no-translate
msgid "Rodong Sinmun"
msgstr "Rodong Sinmun"

#, fuzzy
msgid "Wamenlu"
msgstr ""
""",
    )
    result = lint(tmp_path)
    assert result.findings == []
    assert result.entries == 5 and not result.failed(strict=True)


def test_syntax_error_is_a_finding_and_the_other_files_are_still_checked(tmp_path):
    write(tmp_path, "a.po", '\nmsgid "Korut"\nmsgstr "North Korea\n')  # unterminated string on line 7
    write(tmp_path, "b.po", '\nmsgid "Kemlu"\nmsgstr ""\n')  # empty msgstr, entry on line 6
    result = lint(tmp_path)
    assert found(result) == [("a.po", 7, "error", "po-syntax"), ("b.po", 6, "error", "empty-target")]
    assert result.failed()


def test_empty_target_only_for_enforced_entries(tmp_path):
    write(
        tmp_path,
        "a.po",
        """
msgid "Kemlu"
msgstr ""

#, fuzzy
msgid "Kemhan"
msgstr ""

#, no-translate
msgid "Rodong Sinmun"
msgstr ""
""",
    )
    assert found(lint(tmp_path)) == [("a.po", 6, "error", "empty-target")]


def test_conflicting_source_forms_report_both_locations(tmp_path):
    write(
        tmp_path,
        "a.po",
        """
#. variant: Korea Utara
msgid "Korut"
msgstr "North Korea"
""",
    )
    # "korea utara" collides case-insensitively with Korut's variant, different target: entry on line 6
    write(
        tmp_path,
        "b.po",
        """
msgid "Kemlu"
msgstr "Foreign Ministry"

msgid "korea utara"
msgstr "DPRK"
""",
    )
    result = lint(tmp_path)
    assert found(result) == [("a.po", 6, "error", "conflicting-source"), ("b.po", 9, "error", "conflicting-source")]
    assert f"{tmp_path / 'b.po'}:9" in result.findings[0].message
    assert f"{tmp_path / 'a.po'}:6" in result.findings[1].message


def test_one_source_form_in_two_contexts_is_a_conflict(tmp_path):
    write(
        tmp_path,
        "a.po",
        """
msgctxt "politics"
msgid "Dewan"
msgstr "Council"

msgctxt "legislature"
msgid "Dewan"
msgstr "House"
""",
    )
    result = lint(tmp_path)
    # the matcher ignores msgctxt: the first entry (line 6) takes every "Dewan" and the second (line 10) is
    # dead, so one form in two contexts is an error at both places, each naming the other
    assert found(result) == [("a.po", 6, "error", "conflicting-source"), ("a.po", 10, "error", "conflicting-source")]
    assert f"'Dewan [legislature] → House' ({tmp_path / 'a.po'}:10)" in result.findings[0].message
    assert f"'Dewan [politics] → Council' ({tmp_path / 'a.po'}:6)" in result.findings[1].message
    assert "ignores msgctxt" in result.findings[1].message


def test_the_same_target_in_two_contexts_is_a_conflict_too(tmp_path):
    write(
        tmp_path,
        "a.po",
        """
msgctxt "country"
msgid "Korsel"
msgstr "South Korea"
""",
    )
    write(
        tmp_path,
        "b.po",
        """
#. variant: korsel
msgid "Korea Selatan"
msgstr "South Korea"
""",
    )
    assert found(lint(tmp_path)) == [
        ("a.po", 6, "error", "conflicting-source"),
        ("b.po", 6, "error", "conflicting-source"),
    ]


def test_case_sensitive_forms_with_different_case_do_not_collide(tmp_path):
    write(
        tmp_path,
        "a.po",
        """
#, case-sensitive
msgid "AS"
msgstr "US"

#, case-sensitive
msgid "As"
msgstr "Ace"
""",
    )
    assert found(lint(tmp_path)) == []


def test_case_insensitive_form_covers_a_case_sensitive_one(tmp_path):
    write(
        tmp_path,
        "a.po",
        """
msgid "Pbb"
msgstr "UN"

#, case-sensitive
msgid "PBB"
msgstr "UN"
""",
    )
    # same target, so no conflict; but "Pbb" (first, any case) takes every "PBB": the PBB entry, whose flag
    # line is line 9, is unreachable.
    assert found(lint(tmp_path)) == [("a.po", 9, "warning", "unreachable-form")]


def test_same_target_duplicates_across_entries_are_unreachable_not_conflicting(tmp_path):
    write(
        tmp_path,
        "a.po",
        """
#. variant: Korea Utara
msgid "Korut"
msgstr "North Korea"

msgid "Korea  Utara"
msgstr "North Korea"
""",
    )
    # "Korea  Utara" folds (whitespace run → one space, lower case) to Korut's variant; Korut comes first.
    assert found(lint(tmp_path)) == [("a.po", 10, "warning", "unreachable-form"), ("a.po", 10, "warning", "whitespace")]


def test_forbidden_equal_to_preferred_or_admitted(tmp_path):
    write(
        tmp_path,
        "a.po",
        """
#. admitted: DPRK
#. forbidden: north korea
#. forbidden: dprk
#. forbidden: Korea North
msgid "Korut"
msgstr "North Korea"
""",
    )
    result = lint(tmp_path)
    assert found(result) == [("a.po", 6, "error", "forbidden-accepted")] * 2
    assert "'north korea'" in result.findings[0].message and "preferred" in result.findings[0].message
    assert "'dprk'" in result.findings[1].message and "admitted" in result.findings[1].message


def test_forbidden_in_other_case_is_fine_for_a_case_sensitive_entry(tmp_path):
    write(
        tmp_path,
        "a.po",
        """
#. forbidden: us
#, case-sensitive
msgid "AS"
msgstr "US"
""",
    )
    assert found(lint(tmp_path)) == []


def test_unknown_flags_and_comment_keys_are_errors(tmp_path):
    write(
        tmp_path,
        "a.po",
        """
#. varient: Korea Utara
#, case-insensitive
msgid "Korut"
msgstr "North Korea"
""",
    )
    assert sorted(found(lint(tmp_path))) == [
        ("a.po", 6, "error", "unknown-comment-key"),
        ("a.po", 6, "error", "unknown-flag"),
    ]


def test_case_sensitive_form_without_upper_case_is_an_error(tmp_path):
    write(
        tmp_path,
        "a.po",
        """
#. variant: korut
#, case-sensitive
msgid "Korut"
msgstr "North Korea"

#, case-sensitive
msgid "pbb"
msgstr "UN"

#, case-sensitive
msgid "1945"
msgstr "1945"
""",
    )
    result = lint(tmp_path)
    assert found(result) == [
        ("a.po", 6, "error", "case-mismatch"),
        ("a.po", 11, "error", "case-mismatch"),
        ("a.po", 15, "error", "case-mismatch"),
    ]
    assert "'korut'" in result.findings[0].message


def test_duplicate_msgid_and_context_reported_at_every_location(tmp_path):
    write(
        tmp_path,
        "a.po",
        """
msgid "Kemlu"
msgstr "Foreign Ministry"

msgctxt "x"
msgid "Kemlu"
msgstr "Ministry of Foreign Affairs"
""",
    )
    write(
        tmp_path,
        "b.po",
        """
msgid "Kemlu"
msgstr "Ministry of Foreign Affairs"
""",
    )
    result = lint(tmp_path)
    # a.po:6 and b.po:6 share msgid and (no) context; a.po:9 claims the same form in its own context, which
    # the matcher cannot tell apart: a conflict with both
    assert found(result) == [
        ("a.po", 6, "error", "conflicting-source"),
        ("a.po", 6, "error", "duplicate-entry"),
        ("a.po", 9, "error", "conflicting-source"),
        ("b.po", 6, "error", "conflicting-source"),
        ("b.po", 6, "error", "duplicate-entry"),
    ]


def test_wrong_or_missing_language_header(tmp_path):
    write(tmp_path, "en.po", '\nmsgid "A"\nmsgstr "B"\n', header=HEADER.replace("Language: id", "Language: en"))
    write(tmp_path, "none.po", 'msgid "A"\nmsgstr "B"\n', header="")
    write(tmp_path, "region.po", '\nmsgid "C"\nmsgstr "D"\n', header=HEADER.replace("Language: id", "Language: id_ID"))
    result = lint(tmp_path)
    # en.po: the Language line is line 3; none.po has no header at all. Both also have "A". (polib gives
    # no line number to the first entry of a file without a header, so none.po's findings are file-only.)
    assert [(n, ln, c) for n, ln, _, c in found(result)] == [
        ("en.po", 3, "wrong-language"),
        ("en.po", 6, "duplicate-entry"),
        ("none.po", None, "duplicate-entry"),
        ("none.po", None, "wrong-language"),
    ]


def test_variants_differing_only_by_case_or_spacing(tmp_path):
    write(
        tmp_path,
        "a.po",
        """
#. variant: KORUT
#. variant: Korea Utara
#. variant: Korea Utara
#. admitted: north korea
msgid "Korut"
msgstr "North Korea"

#. variant: KEMLU
#. variant: Kementerian Luar Negeri
#. variant: Kementerian  Luar Negeri
#, case-sensitive
msgid "Kemlu"
msgstr "Foreign Ministry"
""",
    )
    result = lint(tmp_path)
    msgs = [f.message for f in result.findings]
    # Korut (line 6): KORUT ~ Korut, the repeated variant, and the admitted form ~ the preferred one.
    # Kemlu (line 13), case-sensitive: KEMLU is a real distinction; the double-spaced variant is not.
    assert found(result) == [("a.po", 6, "warning", "near-duplicate-form")] * 3 + [
        ("a.po", 13, "warning", "near-duplicate-form"),
        ("a.po", 13, "warning", "whitespace"),
    ]
    assert "'KORUT' of 'Korut' differs from 'Korut' only by case or spacing" in msgs[0]
    assert "'Korea Utara' of 'Korut' is repeated" in msgs[1]
    assert "English form 'north korea' of 'Korut' differs from 'North Korea'" in msgs[2]
    assert "'Kementerian  Luar Negeri' of 'Kemlu' differs from 'Kementerian Luar Negeri' only by spacing" in msgs[3]


def test_no_translate_with_a_different_msgstr(tmp_path):
    write(
        tmp_path,
        "a.po",
        """
#, no-translate
msgid "Rodong Sinmun"
msgstr "Workers' Newspaper"
""",
    )
    assert found(lint(tmp_path)) == [("a.po", 6, "warning", "no-translate-target")]


def test_odd_whitespace_in_forms(tmp_path):
    write(
        tmp_path,
        "a.po",
        """
msgid " Kemlu"
msgstr "Foreign Ministry"

msgid "Kemhan"
msgstr "Defence\\tMinistry"

#. forbidden: Defense  Department
msgid "Dephan"
msgstr "Defence Ministry"
""",
    )
    result = lint(tmp_path)
    assert found(result) == [
        ("a.po", 6, "warning", "whitespace"),
        ("a.po", 9, "warning", "whitespace"),
        ("a.po", 12, "warning", "whitespace"),
    ]
    assert "in msgid of" in result.findings[0].message
    assert "in msgstr of" in result.findings[1].message
    assert "in forbidden of" in result.findings[2].message


def test_non_nfc_text(tmp_path):
    decomposed = "Jose\u0301"  # e + combining acute: NFC is "José"
    cafe = "Cafe\u0301"
    write(
        tmp_path,
        "a.po",
        f'''
msgid "{decomposed}"
msgstr "José"

#. note: {cafe} is in a note
msgid "Kafe"
msgstr "Cafe"
''',
    )
    assert found(lint(tmp_path)) == [("a.po", 6, "warning", "non-nfc"), ("a.po", 9, "warning", "non-nfc")]


def test_lint_takes_files_as_a_pre_commit_hook_passes_them(tmp_path):
    a = write(tmp_path, "a.po", '\nmsgid "Kemlu"\nmsgstr ""\n')
    write(tmp_path, "b.po", '\nmsgid "Kemhan"\nmsgstr ""\n')
    result = lint([a])
    assert [p.name for p in result.files] == ["a.po"]
    assert found(result) == [("a.po", 6, "error", "empty-target")]


def test_missing_paths_are_usage_errors(tmp_path):
    with pytest.raises(GlossaryError, match="does not exist"):
        lint(tmp_path / "nope")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"\.po"):
        lint([tmp_path / "notes.txt"])


def test_empty_directory_is_clean(tmp_path):
    result = lint(tmp_path)
    assert result.findings == [] and result.entries == 0


def test_protect_and_verify_first_are_known_flags_but_not_together(tmp_path):
    write(
        tmp_path,
        "a.po",
        """
#, protect
msgid "Kemlu"
msgstr "Foreign Ministry"

#, no-translate, verify-first
msgid "Kim Jong Un"
msgstr "Kim Jong Un"

#, protect, verify-first
msgid "Korut"
msgstr "North Korea"
""",
    )
    assert found(lint([tmp_path])) == [("a.po", 14, "error", "conflicting-flags")]
