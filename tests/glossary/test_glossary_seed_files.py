"""The project's seed glossary (glossary/*.po): it loads cleanly, follows the conventions of DESIGN.md §3,
claims every source form once, and finds the terms a reviewer expects in the seed articles."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from translate_kit.glossary import load_glossary, read_po
from translate_kit.glossary.canonical import canonical_text
from translate_kit.glossary.lint import lint
from translate_kit.glossary.matching import source_matcher
from translate_kit.glossary.pofile import find_conflicts

HAND_WRITTEN = ["abbreviations.po", "media.po", "organizations.po", "people.po", "places.po", "titles.po"]


@pytest.fixture(scope="module")
def glossary(repo):
    return load_glossary(repo / "glossary")


@pytest.fixture(scope="module")
def matcher(glossary):
    return source_matcher(glossary)


def seed_line(repo: Path, name_prefix: str, key: str) -> str:
    """The one line of a seed article (corpus/id) that contains ``key``."""
    (path,) = (repo / "corpus" / "id").glob(f"{name_prefix}_*.txt")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if key in line]
    assert len(lines) == 1, f"{key!r} should occur on exactly one line of {path.name}"
    return lines[0]


def found(matcher, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.entry.preferred) for m in matcher.find(text)]


# -- loading and size ------------------------------------------------------------------------------------
def test_glossary_loads_without_diagnostics(glossary):
    assert [str(d) for d in glossary.diagnostics] == []


def test_glossary_has_the_expected_files_and_size(glossary, repo):
    names = sorted(p.name for p in glossary.files)
    assert names == sorted(HAND_WRITTEN + ["countries.po"])
    assert len(glossary) >= 250
    hand = [e for e in glossary if e.path.name in HAND_WRITTEN]
    assert len(hand) >= 60


def test_lint_finds_nothing_not_even_warnings(repo):
    result = lint(repo / "glossary")
    assert [str(f) for f in result.findings] == []
    assert result.entries >= 250


def test_files_are_already_canonical(glossary):
    """`glossary lint --fix` would not change a byte."""
    for path in glossary.files:
        assert canonical_text(read_po(path), path) == path.read_text(encoding="utf-8"), path


def test_no_conflicts(glossary):
    assert find_conflicts(glossary.entries) == []


def test_every_source_form_is_claimed_once_across_all_contexts(glossary):
    """Stricter than find_conflicts: no form is shared even between contexts or with the same target."""
    insensitive: dict[str, object] = {}
    sensitive: dict[str, list[tuple[str, object]]] = {}
    clashes = []
    for e in glossary:
        for form in e.source_forms:
            low = " ".join(form.split()).casefold()
            if e.case_sensitive:
                sensitive.setdefault(low, []).append((form, e))
            elif low in insensitive:
                clashes.append((form, insensitive[low], e))
            else:
                insensitive[low] = e
    for low, claims in sensitive.items():
        if low in insensitive:
            clashes.append((claims[0][0], insensitive[low], claims[0][1]))
        exact = [form for form, _ in claims]
        if len(set(exact)) != len(exact):
            clashes.append((low, claims[0][1], claims[1][1]))
    assert clashes == []


# -- conventions -----------------------------------------------------------------------------------------
def test_headers_declare_indonesian_to_english(glossary):
    for path in glossary.files:
        po = read_po(path)
        assert po.metadata["Language"] == "id", path
        assert po.metadata["X-Target-Language"] == "en", path


def test_entries_are_in_canonical_order(glossary):
    for path in glossary.files:
        keys = [(e.msgctxt or "", e.msgid.casefold()) for e in read_po(path)]
        assert keys == sorted(keys), path


def test_files_are_nfc_without_trailing_whitespace(glossary):
    for path in glossary.files:
        text = path.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text), path
        for no, line in enumerate(text.splitlines(), 1):
            assert line == line.rstrip(), f"{path}:{no}"


def test_entry_conventions(glossary):
    for e in glossary:
        where = e.ref
        assert e.target, where  # every entry is enforced, so it needs a target
        assert not e.fuzzy, where
        if e.no_translate:
            assert e.target == e.source, where
        accepted = {f.casefold() for f in e.target_forms}
        assert not [f for f in e.forbidden if f.casefold() in accepted], where
        if e.case_sensitive:
            assert any(c.isupper() for c in e.source), where
        for form in [e.source, e.target, *e.variants, *e.admitted, *e.forbidden]:
            assert form == " ".join(form.split()), where


def test_all_caps_acronyms_are_case_sensitive(glossary):
    """The rule the hand-written files follow: AS, PBB, MA, BIN … never match lower-case words."""
    for e in glossary:
        letters = [c for c in e.source if c.isalpha()]
        if len(letters) <= 5 and " " not in e.source and letters and all(c.isupper() for c in letters):
            assert e.case_sensitive, e.ref


def test_countries_have_the_country_context(glossary):
    for e in glossary:
        if e.path.name == "countries.po":
            assert e.context == "country", e.ref
    owned = {e.source: e.path.name for e in glossary if e.context == "country" and e.path.name != "countries.po"}
    assert owned == {
        "Korut": "abbreviations.po",
        "Korsel": "abbreviations.po",
        "AS": "abbreviations.po",
        "RRT": "abbreviations.po",
        "Amerika Serikat": "places.po",
        "Rusia": "places.po",
        "Ukraina": "places.po",
        "Tiongkok": "places.po",
    }


# -- matching the seed articles ----------------------------------------------------------------------------
def test_typo_ushakob_matches_yuri_ushakov(repo, matcher):
    line = seed_line(repo, "001", "Yuri Ushakob")
    assert found(matcher, line) == [("Rusia", "Russia"), ("Yuri Ushakob", "Yuri Ushakov")]


def test_pyeongyang_matches_pyongyang(repo, matcher):
    line = seed_line(repo, "001", "Pyeongyang")
    assert found(matcher, line) == [("Pyeongyang", "Pyongyang"), ("Kim Jong Un", "Kim Jong Un")]


def test_amerika_serikat_and_its_abbreviation(repo, matcher):
    line = seed_line(repo, "002", "Amerika Serikat (AS)")
    assert found(matcher, line) == [
        ("Liputan6.com", "Liputan6.com"),
        ("Washington", "Washington"),
        ("Amerika Serikat", "United States"),
        ("AS", "US"),
        ("Korea Selatan", "South Korea"),
        ("Vladimir Putin", "Vladimir Putin"),
        ("Korea Utara", "North Korea"),
        ("Rusia", "Russia"),
        ("Korea Utara", "North Korea"),
    ]


def test_multi_word_titles_win_over_the_words_inside(repo, matcher):
    line = seed_line(repo, "002", "Kurt Campbell")
    assert found(matcher, line) == [
        ("Wakil Menteri Luar Negeri AS", "US Deputy Secretary of State"),
        ("Kurt Campbell", "Kurt Campbell"),
        ("Wakil Menteri Luar Negeri I", "First Vice Foreign Minister"),
        ("Korea Selatan", "South Korea"),
        ("Kim Hong Kyun", "Kim Hong-kyun"),
        ("Korea Utara", "North Korea"),
        ("Rusia", "Russia"),
    ]


def test_russian_officials_and_titles(repo, matcher):
    line = seed_line(repo, "000", "Andrei Belousov")
    assert found(matcher, line) == [
        ("Menteri Pertahanan", "Defense Minister"),
        ("Andrei Belousov", "Andrei Belousov"),
        ("Menteri Luar Negeri", "Foreign Minister"),
        ("Rusia", "Russia"),
        ("Sergei Lavrov", "Sergei Lavrov"),
        ("Wakil Perdana Menteri", "Deputy Prime Minister"),
        ("Aleksandr Novak", "Aleksandr Novak"),
    ]


def test_hyphenated_name_variant_and_square(repo, matcher):
    line = seed_line(repo, "000", "ayah Kim Jong-un")
    assert found(matcher, line) == [
        ("Korea Utara", "North Korea"),
        ("Kim Jong-un", "Kim Jong Un"),
        ("Kim Jong Il", "Kim Jong Il"),
    ]
    line = seed_line(repo, "000", "parade di Lapangan Kim Il Sung")
    assert found(matcher, line) == [
        ("Lapangan Kim Il Sung", "Kim Il Sung Square"),
        ("Rusia", "Russia"),
        ("Vladimir Putin", "Vladimir Putin"),
    ]


def test_all_caps_headline_and_typo_kora_utara(repo, matcher):
    line = seed_line(repo, "004", "PEMIMPIN KORUT")
    assert found(matcher, line) == [
        ("KORUT", "North Korea"),
        ("KIM JONG UN", "Kim Jong Un"),
        ("RUSIA", "Russia"),
        ("VLADIMIR PUTIN", "Vladimir Putin"),
        ("Rusia", "Russia"),
        ("Vladimir Putin", "Vladimir Putin"),
        ("Korea Utara", "North Korea"),
        ("Kim Jong Un", "Kim Jong Un"),
        ("Kosmodrom Vostochny", "Vostochny Cosmodrome"),
        ("Amur", "Amur"),
        ("VOA", "VOA"),
    ]
    line = seed_line(repo, "003", "Kora Utara")
    assert found(matcher, line) == [
        ("Rusia", "Russia"),
        ("Vladimir Putin", "Vladimir Putin"),
        ("Kora Utara", "North Korea"),
        ("Kim Jong Un", "Kim Jong Un"),
    ]


def test_cldr_countries_in_the_seeds(repo, matcher):
    line = seed_line(repo, "001", "Turki dan Portugal")
    assert found(matcher, line) == [("Turki", "Turkey"), ("Portugal", "Portugal")]
    line = seed_line(repo, "001", "Korea Utara dan Iran")
    assert found(matcher, line) == [("Korea Utara", "North Korea"), ("Iran", "Iran")]


def test_lower_case_acronym_lookalikes_never_match(repo, matcher):
    for path in sorted((repo / "corpus" / "id").glob("*.txt")):
        for m in matcher.find(path.read_text(encoding="utf-8")):
            if m.entry.case_sensitive:
                assert m.text == m.entry.source or m.text in m.entry.variants, (path.name, m)
    assert found(matcher, "Mobil itu patah as rodanya, kata ma dan bi di pbb.") == []
    assert found(matcher, "Hubungan AS-Korsel membaik; PBB-nya diam.") == [
        ("AS", "US"),
        ("Korsel", "South Korea"),
        ("PBB", "UN"),
    ]
