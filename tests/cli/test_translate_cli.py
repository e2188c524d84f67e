"""End-to-end tests of ``translate-kit translate`` on the demo model (real argostranslate install, real
CTranslate2; no mocks). Most tests use the *copy* variant (word_map=None: output = input), so the expected
output is the input with each glossary term in its preferred English form — exact strings, worked out by hand.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from translate_kit.cli import main

GLOSSARY_PO = """\
msgid ""
msgstr ""
"Language: id\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#. variant: Korea Utara
msgid "Korut"
msgstr "North Korea"

msgid "Rusia"
msgstr "Russia"

#. variant: Kim Jong-un
#, no-translate
msgid "Kim Jong Un"
msgstr ""

#. variant: Pyeongyang
#, no-translate
msgid "Pyongyang"
msgstr ""

#. variant: Yuri Ushakob
#, no-translate
msgid "Yuri Ushakov"
msgstr ""

#, case-sensitive
msgid "AS"
msgstr "US"

msgid "Kremlin"
msgstr "the Kremlin"
"""


def run_cli(capsys, *args) -> tuple[int, str]:
    """Run the real console entry point; returns (exit code, stderr)."""
    with pytest.raises(SystemExit) as exc:
        main([str(a) for a in args])
    return exc.value.code, capsys.readouterr().err


@pytest.fixture
def glossary(tmp_path) -> Path:
    d = tmp_path / "glossary"
    d.mkdir()
    (d / "terms.po").write_text(GLOSSARY_PO, encoding="utf-8")
    return d


@pytest.fixture
def copy_model(make_demo_package, monkeypatch):
    packages, info = make_demo_package()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    monkeypatch.setenv("CI", "1")
    return info


def report_of(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


SOURCE = (
    "Korut meluncurkan rudal baru.\n"  # term at the start
    "Rudal itu ditembakkan dari Korut\n"  # at the end, no final period
    "\n"
    "Hubungan Korut-Rusia semakin erat.\n"  # inside a hyphenated compound
    "Sikap Korutnya tidak berubah.\n"  # before the clitic -nya
    "KORUT UJI RUDAL BARU\n"  # ALL-CAPS headline
    "Kim\u00a0Jong\u00a0Un tiba di Pyeongyang.\n"  # across non-breaking spaces; listed typo
    "Penasihat Yuri Ushakob berbicara.  Kremlin menolak.\n"  # typo; two sentences, two spaces kept
    "Mereka datang as usual.\n"  # "as" is not the case-sensitive AS
)
EXPECTED = (
    "North Korea meluncurkan rudal baru.\n"
    "Rudal itu ditembakkan dari North Korea\n"
    "\n"
    "Hubungan North Korea-Russia semakin erat.\n"
    "Sikap North Korea tidak berubah.\n"
    "NORTH KOREA UJI RUDAL BARU\n"
    "Kim Jong Un tiba di Pyongyang.\n"
    "Penasihat Yuri Ushakov berbicara.  The Kremlin menolak.\n"
    "Mereka datang as usual.\n"
)


def test_terms_in_every_position_come_out_exactly(tmp_path, glossary, copy_model, capsys):
    src = tmp_path / "in" / "news"
    src.mkdir(parents=True)
    (src / "a.txt").write_text(SOURCE, encoding="utf-8")
    out = tmp_path / "out"
    code, err = run_cli(capsys, "translate", tmp_path / "in", "-o", out, "--glossary", glossary)
    assert code == 0, err
    assert (out / "news" / "a.txt").read_text(encoding="utf-8") == EXPECTED
    report = report_of(out / "report.json")
    assert report["totals"]["translated"] == 1 and report["totals"]["flags"] == 0
    assert report["totals"]["segments"] == 8 and report["totals"]["sentences"] == 9
    assert report["terms"]["Korut → North Korea"] == 5
    assert report["terms"]["Yuri Ushakov → Yuri Ushakov"] == 1
    assert report["model"]["demo"] is True
    assert "DEMO model" in err.splitlines()[-1]
    # the copy model leaves Korut in Indonesian: every Korut fails verification and the placeholder rung
    # holds it; the no-translate names are protected up front (issue 10: verdicts per occurrence)
    assert report["totals"]["natural"] == 0 and report["totals"]["flagged"] == 0
    assert report["term_verdicts"]["Korut → North Korea"] == {"enforced": 5, "enforced:placeholder": 5}
    assert report["term_verdicts"]["Yuri Ushakov → Yuri Ushakov"] == {"enforced": 1, "enforced:protected": 1}
    assert "10 terms (0 natural, 10 enforced, 0 flagged)" in err.splitlines()[-1]
    # the bilingual review file: sentence pairs, file:line, applied terms with their verdicts
    review = (out / "news" / "a.txt.review.po").read_text(encoding="utf-8")
    assert (
        textwrap.dedent("""\
        #. terms: Korut → North Korea (enforced: placeholder); Rusia → Russia
        #. (enforced: placeholder)
        #: news/a.txt:4
        msgid "Hubungan Korut-Rusia semakin erat."
        msgstr "Hubungan North Korea-Russia semakin erat."
        """)
        in review
    )


def test_demo_words_model_translates_around_terms(tmp_path, glossary, demo_package, monkeypatch, capsys):
    monkeypatch.setenv("CI", "1")
    (tmp_path / "a.txt").write_text("Korut dan Rusia bertemu di Pyongyang.\n", encoding="utf-8")
    code, err = run_cli(capsys, "translate", tmp_path / "a.txt", "-o", tmp_path / "out", "--glossary", glossary)
    assert code == 0, err
    # DEMO_WORDS: dan → and, di → in; the rest is copied
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == "North Korea and Russia bertemu in Pyongyang.\n"


def test_mangled_placeholder_is_repaired(tmp_path, glossary, make_demo_package, monkeypatch, capsys):
    packages, _ = make_demo_package(word_map={"ZX1": "ZX7"})  # the model corrupts the first placeholder
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    (tmp_path / "a.txt").write_text("Korut meluncurkan rudal.\n", encoding="utf-8")
    code, err = run_cli(capsys, "translate", tmp_path / "a.txt", "-o", tmp_path / "out", "--glossary", glossary)
    assert code == 0, err
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == "North Korea meluncurkan rudal.\n"
    report = report_of(tmp_path / "out" / "report.json")
    assert report["totals"]["repaired"] == 1 and report["totals"]["flags"] == 0


def test_term_no_protection_holds_is_enforced_on_the_attention_aligned_span(
    tmp_path, glossary, make_demo_package, monkeypatch, capsys
):
    # placeholder corrupted, the inline English form translated away ("North" → "South"), "Korut" alone rendered
    # as a word the output does not hold: only the span aligned by the model's own cross-attention to
    # "Korutnya" (the copy model attends exactly to the source position) can be replaced
    packages, _ = make_demo_package(word_map={"ZX1": "ZX7", "North": "South", "Korut": "Pyongyang"})
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    (tmp_path / "a.txt").write_text("Sikap Korutnya keras.\nRusia diam.\n", encoding="utf-8")
    out = tmp_path / "out"
    code, err = run_cli(capsys, "translate", tmp_path / "a.txt", "-o", out, "--glossary", glossary, "--strict")
    assert code == 0, err
    assert (out / "a.txt").read_text(encoding="utf-8") == "Sikap North Korea keras.\nRussia diam.\n"
    report = report_of(out / "report.json")
    by_source = {o["sentence"]: (o["verdict"], o["method"]) for o in report["occurrences"]}
    assert by_source == {
        "Sikap Korutnya keras.": ("enforced", "attention"),
        "Rusia diam.": ("enforced", "inline"),
    }  # its placeholder is mangled too
    assert report["engine"]["translate_with_attention"]["texts"] == 1


def test_flagged_sentence_is_reported_marked_fuzzy_and_fails_strict(
    tmp_path, glossary, make_demo_package, monkeypatch, capsys
):
    # the model changes a number: no rung can bring the source's year back, so the sentence is flagged
    packages, _ = make_demo_package(word_map={"2024": "2025"})
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    (tmp_path / "a.txt").write_text("Korut menembak pada 2024.\nRusia diam.\n", encoding="utf-8")
    out = tmp_path / "out"
    code, err = run_cli(capsys, "translate", tmp_path / "a.txt", "-o", out, "--glossary", glossary, "--strict")
    assert code == 1  # --strict: a flagged sentence fails the run
    assert "flagged: " in err and "a.txt:1: number: 2024" in err
    report = report_of(out / "report.json")
    [flag] = report["flags"]
    assert (flag["line"], flag["reason"], flag["entry"]) == (1, "number", "2024")
    assert report["verdicts"] == {"natural": 0, "enforced": 2, "flagged": 1}
    assert (out / "a.txt").read_text(encoding="utf-8") == "North Korea menembak pada 2025.\nRussia diam.\n"
    review = (out / "a.txt.review.po").read_text(encoding="utf-8")
    assert "#. flag: number: 2024" in review and '#, fuzzy\nmsgid "Korut menembak pada 2024."' in review
    # a PO input: the flagged entry is filled and marked fuzzy, the verified one is not
    (tmp_path / "m.po").write_text(
        'msgid "Korut menembak pada 2024."\nmsgstr ""\n\nmsgid "Rusia diam."\nmsgstr ""\n', encoding="utf-8"
    )
    code, err = run_cli(capsys, "translate", tmp_path / "m.po", "-o", out, "--glossary", glossary)
    assert code == 0, err  # flags alone do not fail a run without --strict
    po = (out / "m.po").read_text(encoding="utf-8")
    assert '#, fuzzy\nmsgid "Korut menembak pada 2024."\nmsgstr "North Korea menembak pada 2025."' in po
    assert '\n\nmsgid "Rusia diam."\nmsgstr "Russia diam."' in po
    # with --no-number-rendering numbers are not held: nothing is flagged
    code, err = run_cli(
        capsys,
        "translate",
        tmp_path / "a.txt",
        "-o",
        tmp_path / "out2",
        "--glossary",
        glossary,
        "--strict",
        "--no-number-rendering",
    )
    assert code == 0, err


def test_po_input_fills_empty_msgstr_and_keeps_existing(tmp_path, glossary, copy_model, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "m.po").write_text(
        textwrap.dedent("""\
        msgid ""
        msgstr ""
        "Content-Type: text/plain; charset=UTF-8\\n"

        #: web/page.html:3
        msgid "Korut menembak rudal."
        msgstr ""

        msgid "Rusia diam."
        msgstr "Russia kept quiet."
        """),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, err = run_cli(capsys, "translate", tmp_path / "in", "-o", out, "--glossary", glossary)
    assert code == 0, err
    text = (out / "m.po").read_text(encoding="utf-8")
    assert '#: web/page.html:3\nmsgid "Korut menembak rudal."\nmsgstr "North Korea menembak rudal."' in text
    assert 'msgid "Rusia diam."\nmsgstr "Russia kept quiet."' in text
    code, err = run_cli(capsys, "translate", tmp_path / "in", "-o", out, "--glossary", glossary, "--overwrite")
    assert code == 0, err
    assert 'msgid "Rusia diam."\nmsgstr "Russia diam."' in (out / "m.po").read_text(encoding="utf-8")


def test_jsonl_input_translates_text_and_keeps_other_fields(tmp_path, glossary, copy_model, capsys):
    records = [
        {"id": 1, "text": "Korut siap.", "source": "kompas"},
        {"id": "b", "text": "Baca Juga: Rusia marah", "source": "kompas"},
        {"id": 3, "text": "Dua kalimat. AS dan Rusia.", "lang": "id"},
    ]
    (tmp_path / "n.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out"
    code, err = run_cli(capsys, "translate", tmp_path / "n.jsonl", "-o", out, "--glossary", glossary)
    assert code == 0, err
    got = [json.loads(line) for line in (out / "n.jsonl").read_text(encoding="utf-8").splitlines()]
    assert got == [
        {"id": 1, "text": "North Korea siap.", "source": "kompas"},
        {"id": "b", "text": "Baca Juga: Rusia marah", "source": "kompas"},  # boilerplate untouched
        {"id": 3, "text": "Dua kalimat. US dan Russia.", "lang": "id"},
    ]
    assert report_of(out / "report.json")["boilerplate"] == {"read-also": 1}
    code, err = run_cli(
        capsys, "translate", tmp_path / "n.jsonl", "-o", out, "--glossary", glossary, "--drop-boilerplate"
    )
    assert code == 0, err
    got = [json.loads(line)["id"] for line in (out / "n.jsonl").read_text(encoding="utf-8").splitlines()]
    assert got == [1, 3]


def test_rerun_skips_up_to_date_outputs_until_input_glossary_or_force_changes(tmp_path, glossary, copy_model, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Korut siap.\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("Rusia siap.\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ("translate", tmp_path / "in", "-o", out, "--glossary", glossary)

    def statuses():
        code, err = run_cli(capsys, *args, *extra)
        assert code == 0, err
        return {f["relpath"]: f["status"] for f in report_of(out / "report.json")["files"]}

    extra = ()
    assert statuses() == {"a.txt": "translated", "b.txt": "translated"}
    assert statuses() == {"a.txt": "skipped", "b.txt": "skipped"}
    (tmp_path / "in" / "b.txt").write_text("Rusia dan Korut siap.\n", encoding="utf-8")
    assert statuses() == {"a.txt": "skipped", "b.txt": "translated"}
    assert (out / "b.txt").read_text(encoding="utf-8") == "Russia dan North Korea siap.\n"
    with open(glossary / "terms.po", "a", encoding="utf-8") as fh:
        fh.write('\nmsgid "siap"\nmsgstr "ready"\n')
    assert statuses() == {"a.txt": "translated", "b.txt": "translated"}
    assert (out / "a.txt").read_text(encoding="utf-8") == "North Korea ready.\n"
    extra = ("--force",)
    assert statuses() == {"a.txt": "translated", "b.txt": "translated"}
    (out / "a.txt").unlink()  # a deleted output is redone even without --force
    extra = ()
    assert statuses() == {"a.txt": "translated", "b.txt": "skipped"}


def test_bad_inputs_each_get_one_line_and_the_rest_is_translated(tmp_path, glossary, copy_model, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("Korut siap.\n", encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (src / "latin1.txt").write_bytes("Korut siap.\nPresiden Prabowo berbicara caf\u00e9.\n".encode("latin-1"))
    (src / "chrome.txt").write_text("Baca Juga: Korut marah\nLoading\nHalaman 1/3\n", encoding="utf-8")
    (src / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")  # unreadable even as root
    n = 1_000_000 // len("Korut menembak rudal. ") + 1
    (src / "big.txt").write_text(" ".join(["Korut menembak rudal."] * n) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code, err = run_cli(capsys, "translate", src, tmp_path / "missing.txt", "-o", out, "--glossary", glossary)
    assert code == 2  # some inputs failed; the others were still translated
    assert (out / "good.txt").read_text(encoding="utf-8") == "North Korea siap.\n"
    assert (out / "chrome.txt").read_text(encoding="utf-8") == "Baca Juga: Korut marah\nLoading\nHalaman 1/3\n"
    assert (out / "big.txt").read_text(encoding="utf-8") == " ".join(["North Korea menembak rudal."] * n) + "\n"
    assert len((src / "big.txt").read_bytes()) > 1_000_000
    for name in ("empty.txt", "binary.txt", "latin1.txt", "dangling.txt"):
        assert not (out / name).exists()
    report = report_of(out / "report.json")
    status = {Path(f["path"]).name: (f["status"], f["error"]) for f in report["files"]}
    assert status["good.txt"] == ("translated", None) and status["big.txt"] == ("translated", None)
    assert status["chrome.txt"] == ("translated", None)
    assert status["empty.txt"][0] == status["binary.txt"][0] == status["latin1.txt"][0] == "failed"
    assert status["dangling.txt"][0] == status["missing.txt"][0] == "failed"
    assert "empty file" in status["empty.txt"][1]
    assert "binary file" in status["binary.txt"][1]
    assert "latin1.txt:2: not valid UTF-8" in status["latin1.txt"][1]
    assert "no such file" in status["dangling.txt"][1] and "no such file" in status["missing.txt"][1]
    codes = {w["code"] for w in report["warnings"]}
    assert "only-boilerplate" in codes
    assert report["boilerplate"] == {"loading": 1, "page-number": 1, "read-also": 1}
    error_lines = [line for line in err.splitlines() if line.startswith("translate-kit: error:")]
    assert len(error_lines) == 5 and all(len(line) < 300 for line in error_lines)
    for name in ("empty.txt", "binary.txt", "latin1.txt:2", "dangling.txt", "missing.txt"):
        assert sum(name in line for line in error_lines) == 1


def test_unwritable_output_directory_is_one_line_and_writes_nothing(tmp_path, glossary, copy_model, capsys):
    (tmp_path / "a.txt").write_text("Korut siap.\n", encoding="utf-8")
    blocker = tmp_path / "blocker"
    blocker.write_text("a regular file\n", encoding="utf-8")
    code, err = run_cli(capsys, "translate", tmp_path / "a.txt", "-o", blocker / "out", "--glossary", glossary)
    assert code == 2
    assert err.strip().count("\n") == 0
    assert err.startswith(f"translate-kit: error: {blocker / 'out'}: output directory is not writable")
    assert blocker.read_text(encoding="utf-8") == "a regular file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "blocker", "glossary"]


def test_glossary_syntax_error_names_file_and_line(tmp_path, copy_model, capsys):
    gdir = tmp_path / "g"
    gdir.mkdir()
    (gdir / "bad.po").write_text(
        'msgid "Korut"\nmsgstr "North Korea"\n\nmsgid "Rusia\nmsgstr "Russia"\n', encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("Korut siap.\n", encoding="utf-8")
    code, err = run_cli(capsys, "translate", tmp_path / "a.txt", "-o", tmp_path / "out", "--glossary", gdir)
    assert code == 2
    assert err.startswith(f"translate-kit: error: {gdir / 'bad.po'}:4: ") and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_conflicting_glossary_entries_are_a_report_warning(tmp_path, glossary, copy_model, capsys):
    (glossary / "zz_more.po").write_text('msgid "Korut"\nmsgstr "DPRK"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Korut siap.\n", encoding="utf-8")
    out = tmp_path / "out"
    code, err = run_cli(capsys, "translate", tmp_path / "a.txt", "-o", out, "--glossary", glossary)
    assert code == 0, err
    assert (out / "a.txt").read_text(encoding="utf-8") == "North Korea siap.\n"  # the first entry wins
    [warning] = [w for w in report_of(out / "report.json")["warnings"] if w["code"] == "conflicting-entries"]
    assert warning["path"].endswith("zz_more.po") and "'Korut'" in warning["message"]
    assert "conflicting-entries" in err


def test_report_path_option_and_no_progress_bar_in_ci(tmp_path, glossary, copy_model, capsys):
    (tmp_path / "a.txt").write_text("Korut siap.\n", encoding="utf-8")
    code, err = run_cli(
        capsys,
        "translate",
        tmp_path / "a.txt",
        "-o",
        tmp_path / "out",
        "--glossary",
        glossary,
        "--report",
        tmp_path / "r" / "run.json",
    )
    assert code == 0, err
    assert not (tmp_path / "out" / "report.json").exists()
    report = report_of(tmp_path / "r" / "run.json")
    assert set(report["timings"]) >= {"read", "segment", "match", "translate", "write", "total"}
    assert report["glossary"]["files"] == [str(glossary / "terms.po")]
    assert all(line.startswith("translate-kit: ") for line in err.splitlines())  # no bar, only messages


def test_overlong_sentence_is_split_outside_terms(tmp_path, glossary, make_demo_package, monkeypatch, capsys):
    packages, _ = make_demo_package(max_positions=64)  # at most 63 source tokens per sentence
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    words = []
    for i in range(120):
        words.append("Korea Utara" if i % 7 == 3 else f"kata{i % 10}")
    sentence = " ".join(words)  # no sentence end: one sentence of well over 63 tokens
    (tmp_path / "a.txt").write_text(sentence + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code, err = run_cli(capsys, "translate", tmp_path / "a.txt", "-o", out, "--glossary", glossary)
    assert code == 0, err
    assert (out / "a.txt").read_text(encoding="utf-8") == sentence.replace("Korea Utara", "North Korea") + "\n"
    report = report_of(out / "report.json")
    assert report["totals"]["split_sentences"] == 1 and report["totals"]["flags"] == 0
    assert report["terms"]["Korut → North Korea"] == sentence.count("Korea Utara")
    assert [w["line"] for w in report["warnings"] if w["code"] == "long-sentence-split"] == [1]


def test_user_boilerplate_patterns_pass_through_or_drop(tmp_path, glossary, copy_model, capsys):
    rules = tmp_path / "chrome.rules"
    rules.write_text("# photo credits\nfoto: .*\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Korut siap.\nFoto: Korut di Pyongyang\nRusia siap.\n", encoding="utf-8")
    out = tmp_path / "out"
    code, err = run_cli(
        capsys, "translate", tmp_path / "a.txt", "-o", out, "--glossary", glossary, "--boilerplate", rules
    )
    assert code == 0, err
    assert (out / "a.txt").read_text(encoding="utf-8") == "North Korea siap.\nFoto: Korut di Pyongyang\nRussia siap.\n"
    assert report_of(out / "report.json")["boilerplate"] == {"chrome.rules:2": 1}
    code, err = run_cli(
        capsys,
        "translate",
        tmp_path / "a.txt",
        "-o",
        out,
        "--glossary",
        glossary,
        "--boilerplate",
        rules,
        "--drop-boilerplate",
    )
    assert code == 0, err
    assert (out / "a.txt").read_text(encoding="utf-8") == "North Korea siap.\nRussia siap.\n"


def test_without_a_glossary_directory_it_translates_and_warns(tmp_path, copy_model, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # no glossary/ here
    (tmp_path / "a.txt").write_text("Korut siap.\n", encoding="utf-8")
    code, err = run_cli(capsys, "translate", "a.txt", "-o", "out")
    assert code == 0, err
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == "Korut siap.\n"  # copied, no term
    assert "no-glossary" in err
    assert [w["code"] for w in report_of(tmp_path / "out" / "report.json")["warnings"]] == ["no-glossary"]


def test_a_sentence_that_fits_only_before_protection_is_split_too(tmp_path, make_demo_package, monkeypatch, capsys):
    # "AS" is one short source word but its protection (ZXn, or "United States of America" written inline by
    # a repair) is several tokens: a sentence just under the model's limit would overflow once protected.
    packages, _ = make_demo_package(max_positions=64)  # at most 63 source tokens per sentence
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    gloss = tmp_path / "glossary"
    gloss.mkdir()
    (gloss / "a.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: id\\n"\n\n#, case-sensitive\nmsgid "AS"\nmsgstr "United States of America"\n',
        encoding="utf-8",
    )
    sentence = " ".join(["AS"] * 30)  # about 30 source tokens: fits the model unprotected
    (tmp_path / "a.txt").write_text(sentence + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code, err = run_cli(capsys, "translate", tmp_path / "a.txt", "-o", out, "--glossary", gloss)
    assert code == 0, err
    assert (out / "a.txt").read_text(encoding="utf-8") == " ".join(["United States of America"] * 30) + "\n"
    report = report_of(out / "report.json")
    assert report["totals"]["split_sentences"] == 1 and report["totals"]["flags"] == 0


def test_glossary_show_in_a_run_directory_lists_each_occurrence_with_its_verdict(
    tmp_path, glossary, copy_model, capsys
):
    (tmp_path / "a.txt").write_text("Korut tiba.\nKim Jong Un dan Korut bertemu.\n", encoding="utf-8")
    out = tmp_path / "out"
    code, err = run_cli(capsys, "translate", tmp_path / "a.txt", "-o", out, "--glossary", glossary)
    assert code == 0, err
    with pytest.raises(SystemExit) as exc:
        main(["glossary", "show", "Korut", "--in", str(out), "--glossary", str(glossary)])
    assert exc.value.code in (0, None)
    lines = capsys.readouterr().out.splitlines()
    assert f"Korut → North Korea: 2 occurrence(s) in {out} — 0 natural, 2 enforced, 0 flagged" in lines
    assert f"  {tmp_path / 'a.txt'}:2: enforced (placeholder): Kim Jong Un dan Korut bertemu." in lines
    # a directory without a report.json is still a corpus to search
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "b.txt").write_text("Korut lagi.\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["glossary", "show", "Korut", "--in", str(tmp_path / "corpus"), "--glossary", str(glossary)])
    assert "1 match(es) in the corpus" in capsys.readouterr().out
