"""Match spans are character offsets into the original text, also after non-ASCII and astral characters."""

from translate_kit.glossary.matching import source_matcher, target_matcher
from translate_kit.glossary.model import Entry

KORUT = Entry("Korut", "North Korea", forbidden=["N. Korea"])


def test_source_span_after_astral_and_accented_characters():
    text = "😀 Café Ñ: Korut dan Korutnya"
    found = source_matcher([KORUT]).find(text)
    assert [(m.start, m.end, m.suffix) for m in found] == [(10, 15, ""), (20, 25, "nya")]
    assert [text[m.start : m.end] for m in found] == ["Korut", "Korut"]


def test_target_overlapping_forms_all_reported():
    entry = Entry("Korsel", "South Korea", admitted=["Korea"])
    text = "Über — South Korea’s envoy"
    spans = [(m.start, m.end, m.role) for m in target_matcher([entry]).find_all(text)]
    # "South Korea" at 7..18 (possessive ending after it), and "Korea" inside it at 13..18
    assert spans == [(7, 18, "preferred"), (13, 18, "admitted")]
