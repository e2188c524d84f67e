"""glossary/merge3.py on its own: entry-level three-way merge rules, written in canonical form."""

from __future__ import annotations

from pathlib import Path

from translate_kit.glossary.canonical import fix_file
from translate_kit.glossary.lint import lint
from translate_kit.glossary.merge3 import merge_files
from translate_kit.glossary.pofile import load_glossary

HEADER = 'msgid ""\nmsgstr ""\n"Language: id\\n"\n"X-Target-Language: en\\n"\n'


def write(path: Path, *entries: str, header: str = HEADER) -> Path:
    path.write_text(header + "".join(f"\n{e.strip()}\n" for e in entries), encoding="utf-8")
    return path


def three(tmp_path: Path, base, ours, theirs):
    return [
        write(tmp_path / f"{n}.po", *entries) if entries is not None else tmp_path / f"{n}.po"
        for n, entries in (("base", base), ("ours", ours), ("theirs", theirs))
    ]


def entries(path: Path) -> dict:
    return {e.key: e for e in load_glossary(path)}


def test_list_fields_merge_value_by_value_and_single_fields_take_the_changed_side(tmp_path):
    base = '#. variant: A1\n#. admitted: X\nmsgid "A"\nmsgstr "a"'
    ours = '#. variant: A1\n#. variant: A2\n#. admitted: X\nmsgid "A"\nmsgstr "a"'
    theirs = '#. note: checked\n#. variant: A1\n#, case-sensitive\nmsgid "A"\nmsgstr "Alpha"'
    b, o, t = three(tmp_path, [base], [ours], [theirs])
    result = merge_files(b, o, t, "g.po")
    assert result.conflicts == []
    a = entries(o)[(None, "A")]
    assert (a.variants, a.admitted, a.flags, a.notes, a.target) == (
        ["A1", "A2"],
        [],
        ["case-sensitive"],
        ["checked"],
        "Alpha",
    )
    assert fix_file(o) is False


def test_added_on_both_sides_differently_is_a_conflict_with_no_base(tmp_path):
    b, o, t = three(tmp_path, [], ['msgid "K"\nmsgstr "one"'], ['#. variant: Ka\nmsgid "K"\nmsgstr "two"'])
    result = merge_files(b, o, t, "g.po")
    assert result.conflicts == ["g.po: K → one: msgstr: ours 'one', theirs 'two', base (none: added on both sides)"]
    k = entries(o)[(None, "K")]
    assert k.variants == ["Ka"]  # additions of both sides are kept
    assert [f.code for f in lint(o).errors] == ["merge-conflict"]


def test_a_missing_base_file_merges_two_additions(tmp_path):
    b, o, t = three(tmp_path, None, ['msgid "K"\nmsgstr "k"'], ['msgid "L"\nmsgstr "l"'])
    assert not b.exists()
    assert merge_files(b, o, t).conflicts == []
    assert set(entries(o)) == {(None, "K"), (None, "L")}


def test_header_fields_merge_by_key_and_a_conflict_is_a_header_comment(tmp_path):
    base_h = HEADER + '"Project-Id-Version: g 1\\n"\n'
    b = write(tmp_path / "base.po", 'msgid "A"\nmsgstr "a"', header=base_h)
    o = write(tmp_path / "ours.po", 'msgid "A"\nmsgstr "a"', header=base_h.replace("g 1", "g 2"))
    t = write(tmp_path / "theirs.po", 'msgid "A"\nmsgstr "a"', header=base_h.replace("g 1", "g 3"))
    result = merge_files(b, o, t, "g.po")
    assert result.conflicts == ["g.po: header Project-Id-Version: ours 'g 2', theirs 'g 3', base 'g 1'"]
    findings = lint(o).errors
    assert [(f.code, f.line) for f in findings] == [("merge-conflict", 1)]


def test_merging_a_merged_file_with_itself_changes_nothing(tmp_path):
    b, o, t = three(
        tmp_path,
        ['msgid "A"\nmsgstr "a"'],
        ['msgid "A"\nmsgstr "a"', 'msgid "B"\nmsgstr "b"'],
        ['msgid "A"\nmsgstr "a"', 'msgid "C"\nmsgstr "c"'],
    )
    merge_files(b, o, t)
    merged = o.read_bytes()
    (tmp_path / "again.po").write_bytes(merged)
    merge_files(o, tmp_path / "again.po", o)
    assert (tmp_path / "again.po").read_bytes() == merged


def test_a_form_claimed_twice_only_after_the_merge_is_a_conflict(tmp_path):
    a, k = 'msgid "A"\nmsgstr "a"', 'msgid "K"\nmsgstr "k"'
    b, o, t = three(tmp_path, [a, k], ["#. variant: Kay\n" + a, k], [a, "#. variant: Kay\n" + k])
    result = merge_files(b, o, t, "g.po")
    assert result.conflicts == ["g.po: 'A' and 'K' now claim the same source form (glossary lint: conflicting-source)"]
    assert [f.code for f in lint(o).errors] == ["conflicting-source", "conflicting-source"]
