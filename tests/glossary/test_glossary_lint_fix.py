"""glossary lint --fix: one canonical form, nothing lost, idempotent byte for byte."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from translate_kit.glossary.canonical import canonical_text, fix_file
from translate_kit.glossary.lint import fix, lint
from translate_kit.glossary.model import Entry
from translate_kit.glossary.pofile import entry_to_po, load_glossary, new_po_file, read_po

MESSY = """# Place names used in the seed articles.
#
msgid ""
msgstr ""
"Language: id\\n"
"X-Target-Language: en\\n"

msgid "Pyongyang"
msgstr "Pyongyang"

#  reviewed by the desk, keep
#. forbidden: Korea North
#. variant: Korea  Utara
#. zz-reviewer: ana
#. note: Abbreviation.
#. variant: Kora Utara
#: seeds/000.txt:3
#, no-translate, case-sensitive, fuzzy
msgctxt "country"
msgid " Korut"
msgstr "North Korea"
msgid "amerika serikat"
msgstr "United  States"

msgid "Caf\u0065\u0301"
msgstr "Cafe"

#~ msgid "Birma"
#~ msgstr "Burma"
"""

CANONICAL = """# Place names used in the seed articles.
#
msgid ""
msgstr ""
"Project-Id-Version: translate-kit glossary\\n"
"Language: id\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"X-Target-Language: en\\n"

msgid "amerika serikat"
msgstr "United States"

msgid "Caf\u00e9"
msgstr "Cafe"

msgid "Pyongyang"
msgstr "Pyongyang"

#  reviewed by the desk, keep
#. note: Abbreviation.
#. variant: Korea Utara
#. variant: Kora Utara
#. forbidden: Korea North
#. zz-reviewer: ana
#: seeds/000.txt:3
#, case-sensitive, fuzzy, no-translate
msgctxt "country"
msgid "Korut"
msgstr "North Korea"

#~ msgid "Birma"
#~ msgstr "Burma"
"""


def test_fix_writes_the_canonical_form(tmp_path):
    path = tmp_path / "places.po"
    path.write_text(MESSY, encoding="utf-8")
    assert fix_file(path) is True
    assert path.read_text(encoding="utf-8") == CANONICAL


def test_fix_twice_changes_nothing(tmp_path):
    path = tmp_path / "places.po"
    path.write_text(MESSY, encoding="utf-8")
    assert fix(tmp_path) == [path]
    once = path.read_bytes()
    assert fix(tmp_path) == []
    assert path.read_bytes() == once


def test_fix_keeps_every_comment_and_the_meaning(tmp_path):
    path = tmp_path / "places.po"
    path.write_text(MESSY, encoding="utf-8")
    before = {e.key: e for e in load_glossary(tmp_path)}
    fix(tmp_path)
    text = path.read_text(encoding="utf-8")
    for kept in (
        "# Place names used in the seed articles.",
        "#  reviewed by the desk, keep",
        "#. zz-reviewer: ana",
        "#: seeds/000.txt:3",
        '#~ msgid "Birma"',
    ):
        assert kept in text
    after = {e.key: e for e in load_glossary(tmp_path)}
    korut = after[("country", "Korut")]
    old = before[("country", " Korut")]
    assert (korut.variants, korut.forbidden, korut.notes, korut.unknown_comments) == (
        ["Korea Utara", "Kora Utara"],
        old.forbidden,
        old.notes,
        old.unknown_comments,
    )


def test_fix_clears_the_formatting_warnings(tmp_path):
    path = tmp_path / "places.po"
    path.write_text(MESSY, encoding="utf-8")
    codes_before = {f.code for f in lint(tmp_path).findings}
    assert {"whitespace", "non-nfc"} <= codes_before
    fix(tmp_path)
    codes_after = {f.code for f in lint(tmp_path).findings}
    assert not codes_after & {"whitespace", "non-nfc"}
    # what --fix cannot decide stays reported: the unknown comment key and the no-translate msgstr
    assert {"unknown-comment-key", "no-translate-target"} <= codes_after


def test_long_strings_wrap_at_78_columns_stably(tmp_path):
    path = tmp_path / "long.po"
    long_target = "the Ministry of Foreign Affairs of the Democratic People's Republic of Korea (North Korea)"
    po = new_po_file()
    po.append(entry_to_po(Entry("Kementerian Luar Negeri Republik Demokratik Rakyat Korea", long_target)))
    path.write_text(str(po), encoding="utf-8")
    fix_file(path)
    text = path.read_text(encoding="utf-8")
    assert all(len(line) <= 78 for line in text.splitlines())
    assert fix_file(path) is False
    assert load_glossary(path).entries[0].target == long_target


def test_unparsable_files_are_left_alone(tmp_path):
    path = tmp_path / "broken.po"
    broken = 'msgid "A"\nmsgstr "B\n'
    path.write_text(broken, encoding="utf-8")
    assert fix(tmp_path) == []
    assert path.read_text(encoding="utf-8") == broken


_text = st.text(alphabet=st.sampled_from(list("abcKLM -'\u00e9\u0301\"\\\t") + ["ñ"]), min_size=1, max_size=12)
_entries = st.lists(
    st.builds(
        Entry,
        source=_text,
        target=_text,
        context=st.none() | _text,
        variants=st.lists(_text, max_size=3),
        admitted=st.lists(_text, max_size=2),
        forbidden=st.lists(_text, max_size=2),
        notes=st.lists(_text, max_size=1),
        flags=st.lists(st.sampled_from(["fuzzy", "case-sensitive", "no-translate"]), max_size=3, unique=True),
        translator_comment=st.sampled_from(["", "checked", "two\n\nlines"]),
    ),
    max_size=6,
)


@settings(max_examples=60, deadline=None)
@given(_entries)
def test_canonical_form_is_a_fixed_point(tmp_path_factory, entries):
    path = tmp_path_factory.mktemp("fix") / "g.po"
    po = new_po_file()
    for e in entries:
        po.append(entry_to_po(e))
    path.write_text(str(po), encoding="utf-8")
    once = canonical_text(read_po(path), path)
    path.write_text(once, encoding="utf-8")
    assert canonical_text(read_po(path), path) == once
