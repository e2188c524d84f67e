"""The sample batch corpus/id through ``translate-kit translate`` with the project glossary, on the demo model
(DEMO_WORDS: a few dozen common words such as pemimpin → leader, dan → and; everything else copied)."""

from __future__ import annotations

import json
import re

import pytest

from translate_kit.cli import main


@pytest.fixture(scope="module")
def translated(repo, demo_package, tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus-en")
    mp = pytest.MonkeyPatch()
    mp.setenv("CI", "1")
    try:
        with pytest.raises(SystemExit) as exc:
            # beam 1: the demo model's output is the same at any beam size, and the run is 4x shorter
            main(
                [
                    "translate",
                    str(repo / "corpus/id"),
                    "-o",
                    str(out),
                    "--glossary",
                    str(repo / "glossary"),
                    "--beam-size",
                    "1",
                ]
            )
    finally:
        mp.undo()
    assert exc.value.code == 0
    return out


def lines(path):
    return path.read_text(encoding="utf-8").split("\n")


def test_every_article_keeps_its_line_structure(repo, translated):
    sources = sorted((repo / "corpus/id").glob("*.txt"))
    assert len(sources) == 5
    for src in sources:
        src_lines, out_lines = lines(src), lines(translated / src.name)
        assert len(out_lines) == len(src_lines)
        assert [i for i, line in enumerate(src_lines) if not line.strip()] == [
            i for i, line in enumerate(out_lines) if not line.strip()
        ]


def test_project_glossary_terms_are_rendered(translated):
    a000 = lines(translated / "000_c30b8bd215a98e92.txt")
    # line 13: "… ketika ia bertemu ayah Kim Jong-un, Kim Jong Il." — the hyphenated spelling is a listed variant
    assert "Kim Jong Un, Kim Jong Il." in a000[12] and "Kim Jong-un" not in a000[12]
    a001 = lines(translated / "001_6738c794eb8b6589.txt")
    assert "Pyongyang" in a001[8] and "Pyeongyang" not in a001[8]  # line 9: the typo Pyeongyang
    assert "Yuri Ushakov" in a001[30] and "Ushakob" not in a001[30]  # line 31: the typo Ushakob
    a003 = lines(translated / "003_367723d5f7e8cdb8.txt")
    # line 9: "… dengan pemimpin Kora Utara Kim Jong Un …" (Kora Utara: a listed typo of Korea Utara)
    assert "with leader North Korea Kim Jong Un" in a003[8]


def test_no_placeholder_leftovers_or_doubled_articles(translated):
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(translated.glob("*.txt")))
    assert not re.search(r"(?i)\bzx ?\d", text)
    assert " the the " not in text.lower()


def test_site_chrome_passes_through_untranslated(repo, translated):
    seen = 0
    for src in sorted((repo / "corpus/id").glob("*.txt")):
        for src_line, out_line in zip(lines(src), lines(translated / src.name)):
            if src_line.startswith(("Baca Juga:", "Loading", "Halaman ")):
                assert out_line == src_line
                seen += 1
    assert seen > 0


def test_report_counts_the_batch(translated):
    report = json.loads((translated / "report.json").read_text(encoding="utf-8"))
    assert report["totals"]["translated"] == 5 and report["totals"]["failed"] == 0
    assert report["totals"]["flags"] == 0
    assert report["terms"]["Korut [country] → North Korea"] > 10
    assert report["totals"]["boilerplate_lines"] > 0
    assert report["model"]["demo"] is True
