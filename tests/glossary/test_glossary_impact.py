"""glossary/impact.py: what a change does to corpus segments, checked against a plain full-glossary match of
every segment (no screening, no pruning), and the kinds it reports."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from translate_kit.glossary.diff import both_entries, diff_sides, side_entries
from translate_kit.glossary.gitrev import read_directory
from translate_kit.glossary.impact import (
    ChangeSet,
    Segment,
    corpus_segments,
    segment_impact,
)
from translate_kit.glossary.matching import source_matcher

REPO = Path(__file__).resolve().parents[2]


def full_match_changes(before, after, segments):
    """Segments whose longest-match terms (span, identity) differ, by matching each with whole glossaries."""
    old, new = source_matcher(before), source_matcher(after)
    out = set()
    for seg in segments:
        a = {(m.start, m.end, m.entry.key) for m in old.find(seg.text)}
        b = {(m.start, m.end, m.entry.key) for m in new.find(seg.text)}
        if a != b:
            out.add(seg.ref)
    return out


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def sides(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    shutil.copytree(REPO / "glossary", a)
    shutil.copytree(REPO / "glossary", b)
    return a, b


def impact_of(a: Path, b: Path, segments):
    before, after = read_directory(a, "a"), read_directory(b, "b")
    diff = diff_sides(before, after)
    changes = ChangeSet.from_diff(diff, lambda: both_entries(before, after))
    return list(segment_impact(changes, segments)), side_entries(before), side_entries(after)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_match_changes_equal_a_full_match_of_every_segment(sides, seed):
    a, b = sides
    rng = random.Random(seed)
    segments, _ = corpus_segments([REPO / "corpus" / "id"])
    # add entries made of words of random corpus segments (longer ones take spans, shorter ones lose them)
    additions = []
    for i, seg in enumerate(rng.sample(segments, 6)):
        words = seg.text.split()
        start = rng.randrange(len(words))
        phrase = " ".join(words[start : start + rng.randint(1, 3)]).strip(".,;:\"'()")
        if phrase:
            additions.append(f'\nmsgid "{phrase}"\nmsgstr "Phrase {i}"\n')
    (b / "zz-added.po").write_text('msgid ""\nmsgstr ""\n"Language: id\\n"\n' + "".join(additions), encoding="utf-8")
    edit(b / "abbreviations.po", "#. variant: Korea Selatan\n", "")  # a variant lost
    edit(b / "people.po", 'msgid "Kim Jong Un"', 'msgid "Kim Jong-un"')  # a msgid renamed
    records, before, after = impact_of(a, b, segments)
    changed = {r.segment.ref for r in records if r.lost or r.gained}
    assert changed == full_match_changes(before, after, segments)
    assert changed  # the edits do reach the corpus


def test_kinds_output_check_and_nothing_for_a_note(sides):
    a, b = sides
    edit(b / "abbreviations.po", 'msgid "Korut"\nmsgstr "North Korea"', 'msgid "Korut"\nmsgstr "DPRK"')
    edit(b / "abbreviations.po", "#. forbidden: Korea South\n", "")
    edit(b / "titles.po", "#. note: ", "#. note: Edited. ")
    segments = [
        Segment("s.txt", 1, "Korea Utara dan Korea Selatan bertemu."),
        Segment("s.txt", 2, "Korsel menolak."),
        Segment("s.txt", 3, "Kemlu menolak."),
        Segment("s.txt", 4, "Tidak ada istilah di sini."),
    ]
    records, _, _ = impact_of(a, b, segments)
    got = {r.segment.line: (r.kind, sorted(k[1] for k in r.entries), r.entries) for r in records}
    assert got[1][0] == "output" and got[1][2] == {("country", "Korut"): "output", ("country", "Korsel"): "check"}
    assert got[2][0] == "check"
    assert 3 not in got and 4 not in got  # a note changes no translation
    assert "'Korea Utara': 'North Korea' ⇒ 'DPRK'" in records[0].describe()


def test_nothing_changed_means_no_impact_and_no_loading(sides):
    a, b = sides
    before, after = read_directory(a, "a"), read_directory(b, "b")

    def never():
        raise AssertionError("the whole glossaries were loaded")

    changes = ChangeSet.from_diff(diff_sides(before, after), never)
    assert list(segment_impact(changes, [Segment("s.txt", 1, "Korut menolak.")])) == []
