"""The shared term matcher: boundaries, clitics, compounds, case rules, whitespace, longest match."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from translate_kit.glossary.matching import Matcher, source_matcher, target_matcher
from translate_kit.glossary.model import Entry

KORUT = Entry(
    "Korut", "North Korea", variants=["Korea Utara", "Kora Utara"], admitted=["North Korean"], forbidden=["Korea North"]
)
AS = Entry("AS", "US", flags=["case-sensitive"])
DEPLU = Entry("Departemen Luar Negeri AS", "US State Department")
KORSEL = Entry("Korsel", "South Korea", variants=["Korea Selatan"])
KIM = Entry("Kim Jong Un", "Kim Jong Un", forbidden=["Kim Jong-un"], flags=["no-translate"])
USHAKOV = Entry("Yuri Ushakov", "Yuri Ushakov", variants=["Yuri Ushakob"], flags=["no-translate"])
FUZZY = Entry("Tuan", "Mr.", flags=["fuzzy"])
ENTRIES = [KORUT, AS, DEPLU, KORSEL, KIM, USHAKOV, FUZZY]


def found(text, entries=ENTRIES):
    return [(m.text, m.entry.source, m.suffix) for m in source_matcher(entries).find(text)]


def test_term_at_start_and_end():
    assert found("Korut menembakkan rudal ke arah Korsel") == [("Korut", "Korut", ""), ("Korsel", "Korsel", "")]


def test_no_match_inside_a_longer_word():
    assert found("Korutan dan AkorutX") == []


def test_hyphenated_compounds():
    assert found("hubungan Korut-Rusia dan AS-Korsel") == [
        ("Korut", "Korut", ""),
        ("AS", "AS", ""),
        ("Korsel", "Korsel", ""),
    ]


def test_clitics_and_particles():
    assert found("Korutnya, Korselkah, Kim Jong Unlah") == [
        ("Korut", "Korut", "nya"),
        ("Korsel", "Korsel", "kah"),
        ("Kim Jong Un", "Kim Jong Un", "lah"),
    ]


def test_case_sensitive_acronym_never_matches_other_casings():
    assert found("as dan As tidak, tetapi AS ya") == [("AS", "AS", "")]


def test_other_entries_match_any_casing_including_all_caps():
    assert found("PUTIN KE KOREA UTARA") == [("KOREA UTARA", "Korut", "")]


def test_multiword_terms_across_nbsp_repeated_spaces_and_line_breaks():
    text = "Korea\u00a0Utara, Korea   Utara dan Korea\nUtara"
    assert [m[0] for m in found(text)] == ["Korea\u00a0Utara", "Korea   Utara", "Korea\nUtara"]


def test_listed_typos_match_as_variants():
    matches = source_matcher(ENTRIES).find("Yuri Ushakob dan Kora Utara")
    assert [(m.entry.source, m.role, m.form) for m in matches] == [
        ("Yuri Ushakov", "variant", "Yuri Ushakob"),
        ("Korut", "variant", "Kora Utara"),
    ]


def test_longest_match_wins():
    assert found("kata Departemen Luar Negeri AS, Matthew Miller") == [
        ("Departemen Luar Negeri AS", "Departemen Luar Negeri AS", "")
    ]


def test_fuzzy_entries_are_not_enforced_unless_asked():
    assert found("Tuan Putin") == []
    assert [m.entry.source for m in source_matcher(ENTRIES, include_fuzzy=True).find("Tuan Putin")] == ["Tuan"]


def test_first_entry_wins_a_shared_form():
    a, b = Entry("Korea", "Korea"), Entry("Korea", "Koreas")
    assert [m.entry for m in source_matcher([a, b]).find("Korea")] == [a]
    assert [m.entry for m in source_matcher([a, b]).find_all("Korea")] == [a, b]


def test_english_side_roles_and_endings():
    text = "North Korean troops; Korea North said; the US and us; Kim Jong-un's visit"
    got = [(m.text, m.role, m.suffix) for m in target_matcher(ENTRIES).find_all(text)]
    assert ("North Korean", "admitted", "") in got
    assert ("Korea North", "forbidden", "") in got
    assert ("US", "preferred", "") in got
    assert ("us", "preferred", "") not in got
    assert ("Kim Jong-un", "forbidden", "") in got


def test_english_plural_and_possessive():
    got = [(m.text, m.suffix) for m in target_matcher([KORUT]).find("North Koreans and North Korea's army")]
    assert got == [("North Korean", "s"), ("North Korea", "")]


def test_uppercase_folding_that_changes_length_keeps_offsets():
    # "İ" lower-cases to two characters; offsets after it must still be right
    text = "İstanbul dan Korut"
    (m,) = source_matcher([KORUT]).find(text)
    assert text[m.start : m.end] == "Korut"


@given(st.text(alphabet="ab \u00a0\n-", max_size=40))
def test_spans_slice_back_to_the_matched_text(text):
    entry = Entry("ab ab", "x")
    for m in Matcher([(entry, "ab ab", "source")]).find_all(text):
        assert m.text == text[m.start : m.end]
        assert " ".join(m.text.split()) == "ab ab"


def test_a_large_glossary_finds_exactly_the_same_matches():
    small = Matcher([(KORUT, "Korut", "source")])
    big = Matcher(
        [(Entry(f"istilah{i}", f"term{i}"), f"istilah{i}", "source") for i in range(20000)]
        + [(KORUT, "Korut", "source")]
    )
    text = "Korut " * 50
    assert [m.span for m in small.find(text)] == [m.span for m in big.find(text)]
    assert len(big.find(text)) == 50


def test_find_all_of_keeps_only_the_given_entries():
    m = target_matcher(ENTRIES)
    text = "North Korea's  US envoy met the us envoy; Korea North, North Korean officials"
    assert [(x.text, x.role) for x in m.find_all_of(text, {KORUT})] == [
        ("North Korea", "preferred"),
        ("Korea North", "forbidden"),
        ("North Korean", "admitted"),
    ]  # no "-n" ending
    assert [x.text for x in m.find_all_of(text, {AS})] == ["US"]  # case-sensitive: "us" is no match
    assert m.find_all_of(text, set()) == []


@given(
    st.lists(
        st.sampled_from(
            [
                "North",
                "Korea",
                "Korean",
                "North Korea's",
                "US",
                "us",
                "Korea-North",
                "Kim",
                "Jong-un",
                "Jong",
                "Un",
                "South",
                "\n",
                "  ",
                ",",
                "Korea North",
                "Ushakov",
            ]
        ),
        max_size=12,
    ),
    st.sets(st.sampled_from(range(len(ENTRIES)))),
)
def test_find_all_of_is_find_all_filtered(words, chosen):
    """Searching the forms of a few entries finds what the full automaton pass finds for them, in order."""
    m = target_matcher(ENTRIES)
    text = " ".join(words)
    entries = {ENTRIES[i] for i in chosen}
    assert m.find_all_of(text, entries) == [x for x in m.find_all(text) if x.entry in entries]


# -- real word boundaries on the English side: hyphenated name parts, URLs, e-mails, handles, hashtags -------
PBB = Entry("PBB", "UN", flags=["case-sensitive"])
KEMLU = Entry("Kemlu", "Foreign Ministry")
KTT = Entry("KTT", "summit", flags=["case-sensitive"])
DPR = Entry("DPR", "House of Representatives", admitted=["House"], flags=["case-sensitive", "target-case-sensitive"])


def english(text, entries=(PBB, AS, KTT, DPR, KORUT)):
    return [m.text for m in target_matcher(list(entries)).find_all(text)]


def test_a_lower_case_name_part_after_a_hyphen_is_no_word_of_its_own():
    # "UN" is an acronym (matched in capitals only) and "un" is the last part of one name
    assert english("Kim Jong-un met UN staff") == ["UN"]
    # even matched in any casing, "un" inside "Jong-un" is a part of the name, not a word
    anycase = Matcher([(PBB, "UN", "preferred")], case_sensitive=False)
    assert [m.text for m in anycase.find_all("Kim Jong-un met un envoy")] == ["un"]
    assert english("UN-led talks, US-based firms and the North Korea-Russia summit") == [
        "UN",
        "US",
        "North Korea",
        "summit",
    ]


def test_source_forms_inside_urls_e_mails_handles_and_hashtags_are_not_terms():
    src = source_matcher([KEMLU, KORUT])
    text = "Lihat www.kemlu.go.id, https://kemlu.go.id/berita, kemlu.go.id/pers, info@kemlu.go.id, @kemlu, #Korut"
    assert src.find_all(text) == []
    assert [m.text for m in src.find_all("Kemlu dan Korut. Kemlu/Korut")] == ["Kemlu", "Korut", "Kemlu", "Korut"]


def test_a_missing_space_after_a_full_stop_keeps_the_next_word():
    assert english("symptoms.North Korea declared") == ["North Korea"]


def test_case_sensitive_governs_the_source_side_and_target_case_sensitive_the_english_side():
    # KTT is case-sensitive in Indonesian; its English "summit" matches a sentence-initial "Summit"
    assert english("Summit talks") == ["Summit"]
    assert [m.text for m in source_matcher([KTT]).find_all("ktt KTT")] == ["KTT"]
    # an English acronym matches in capitals only, whatever the flags: "us" is no US
    assert english("let us go to the US") == ["US"]
    # with target-case-sensitive the English forms keep their casing: "house" is no House
    assert english("a house in the House") == ["House"]


def test_a_form_that_is_a_site_name_matches_before_a_path():
    tribun = Entry("Tribunnews.com", "Tribunnews.com", flags=["no-translate"])
    assert [m.text for m in source_matcher([tribun]).find("(Tribunnews.com/Yunita Rahmayanti)")] == ["Tribunnews.com"]
