"""``translate-kit check`` end to end through the console entry point: formats, exit codes, bad input."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from translate_kit.cli import main

GLOSSARY = """msgid ""
msgstr ""
"Language: id\\n"

#. variant: Korea Utara
#. forbidden: Korea North
msgid "Korut"
msgstr "North Korea"
"""


def run(capsys, *args):
    with pytest.raises(SystemExit) as exc:
        main(list(map(str, args)))
    out, err = capsys.readouterr()
    return exc.value.code, out, err


@pytest.fixture
def work(tmp_path):
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "places.po").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "id").mkdir()
    (tmp_path / "en").mkdir()
    (tmp_path / "id" / "a.txt").write_text("Korut menembakkan 2 rudal.\n\nKorut diam.\n", encoding="utf-8")
    (tmp_path / "en" / "a.txt").write_text(
        "Korea North fired 2 missiles.\n\nNorth Korea kept quiet.\n", encoding="utf-8"
    )
    (tmp_path / "id" / "b.txt").write_text("Pada 18 Juni 2024.\n", encoding="utf-8")
    (tmp_path / "en" / "b.txt").write_text("On June 18, 2024.\n", encoding="utf-8")
    return tmp_path


def test_text_report_and_exit_code_one_on_error(work, capsys):
    code, out, _ = run(capsys, "check", work / "id", work / "en", "--glossary", work / "glossary")
    assert code == 1
    assert "forbidden-term" in out and f"{work / 'en' / 'a.txt'}:1: error:" in out
    assert "places.po:5" in out  # the glossary entry's file:line
    assert "3 segment(s) in 2 document(s)" in out


def test_fail_on_never_and_severity_override(work, capsys):
    args = ("check", work / "id", work / "en", "--glossary", work / "glossary")
    assert run(capsys, *args, "--fail-on", "never")[0] == 0
    assert run(capsys, *args, "--severity", "forbidden-term=warning")[0] == 0
    assert run(capsys, *args, "--severity", "forbidden-term=warning", "--fail-on", "warning")[0] == 1
    assert run(capsys, *args, "--disable", "forbidden-term")[0] == 0


def test_json_schema(work, capsys):
    code, out, _ = run(capsys, "check", work / "id", work / "en", "--glossary", work / "glossary", "--format", "json")
    data = json.loads(out)
    assert data["schema_version"] == 1
    assert data["summary"]["segments"] == 3 and data["summary"]["by_kind"] == {"forbidden-term": 1}
    (v,) = data["violations"]
    assert v["kind"] == "forbidden-term" and v["severity"] == "error" and v["line"] == 1
    assert v["source"]["span"] == [0, 5] and v["source"]["text"] == "Korut"
    assert v["target"]["span"] == [0, 11] and v["target"]["text"] == "Korea North"
    assert v["entry"]["ref"].endswith("places.po:5") and v["entry"]["preferred"] == "North Korea"


@pytest.mark.parametrize("per,cases", [("file", 2), ("segment", 3)])
def test_junit_written_to_a_file(work, capsys, per, cases):
    out_file = work / "reports" / "check.xml"
    code, out, err = run(
        capsys,
        "check",
        work / "id",
        work / "en",
        "--glossary",
        work / "glossary",
        "--format",
        "junit",
        "--junit-per",
        per,
        "-o",
        out_file,
    )
    assert code == 1 and out == "" and str(out_file) in err
    root = ET.parse(out_file).getroot()
    suite = root.find("testsuite")
    assert int(suite.get("tests")) == cases and int(suite.get("failures")) == 1
    failures = root.findall(".//failure")
    assert [f.get("type") for f in failures] == ["forbidden-term"]


def test_bilingual_po_input(work, capsys):
    po = work / "review.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n\n#: a.txt:1\nmsgid "Korut menembak."\nmsgstr "Korea North fired."\n', encoding="utf-8"
    )
    code, out, _ = run(capsys, "check", po, "--glossary", work / "glossary", "--format", "json")
    (v,) = json.loads(out)["violations"]
    assert code == 1 and v["file"] == str(po) and v["line"] == 6 and v["document"] == "a.txt"


def test_missing_counterpart_is_a_violation_and_the_report_is_still_written(work, capsys):
    (work / "id" / "c.txt").write_text("Satu.\n", encoding="utf-8")
    out_file = work / "report.json"
    code, out, err = run(
        capsys, "check", work / "id", work / "en", "--glossary", work / "glossary", "--format", "json", "-o", out_file
    )
    assert code == 1, err
    report = json.loads(out_file.read_text(encoding="utf-8"))
    (missing,) = [v for v in report["violations"] if v["kind"] == "missing-file"]
    assert missing["source"]["file"] == str(work / "id" / "c.txt")
    assert missing["message"] == f"no translation of this article: {work / 'en' / 'c.txt'} is missing"
    assert report["summary"]["documents"] == 3  # a.txt and b.txt were checked as well


def test_non_utf8_translation_names_file_and_line(work, capsys):
    (work / "en" / "b.txt").write_bytes(b"On June 18,\n\xe9 2024.\n")
    code, _, err = run(capsys, "check", work / "id", work / "en", "--glossary", work / "glossary")
    assert code == 2 and f"{work / 'en' / 'b.txt'}:2: not valid UTF-8" in err
    assert len(err.strip().splitlines()) == 1


def test_empty_translation_and_bad_glossary(work, capsys):
    (work / "en" / "b.txt").write_text("\n", encoding="utf-8")
    code, _, err = run(capsys, "check", work / "id", work / "en", "--glossary", work / "glossary")
    assert code == 2 and "empty translation file" in err
    (work / "en" / "b.txt").write_text("On June 18, 2024.\n", encoding="utf-8")
    (work / "glossary" / "broken.po").write_text('msgid "x"\nmsgstr "y\n', encoding="utf-8")
    code, _, err = run(capsys, "check", work / "id", work / "en", "--glossary", work / "glossary")
    assert code == 2 and "broken.po:2" in err and len(err.strip().splitlines()) == 1


def test_usage_errors_exit_2(work, capsys):
    assert run(capsys, "check", work / "id", work / "en", "--severity", "no-such-kind=error")[0] == 2
    assert run(capsys, "check", work / "id", work / "en", "--severity", "missing-term")[0] == 2
    assert run(capsys, "check", work / "id" / "a.txt", work / "en")[0] == 2
    assert run(capsys, "check")[0] == 2


def test_list_checks(capsys):
    code, out, _ = run(capsys, "check", "--list-checks")
    assert code == 0 and out.splitlines()[0].split()[:2] == ["missing-file", "error"]
