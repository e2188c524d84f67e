"""Issue 15 case 6: an enforced glossary entry with an empty msgstr (a translator's to-do) is skipped with a
warning naming file:line; translate never deletes the term and check never crashes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from translate_kit.glossary.pofile import load_glossary

REPO = Path(__file__).resolve().parents[2]

GLOSSARY = """\
msgid ""
msgstr ""
"Language: id\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Kemlu"
msgstr "Foreign Ministry"

#. note: to do
msgid "Korut"
msgstr ""
"""


@pytest.fixture
def gdir(tmp_path):
    d = tmp_path / "glossary"
    d.mkdir()
    (d / "a.po").write_text(GLOSSARY, encoding="utf-8")
    return d


def test_load_skips_the_entry_with_a_warning_at_its_line(gdir):
    glossary = load_glossary(gdir)
    assert [e.source for e in glossary.entries] == ["Kemlu"]
    warning = next(d for d in glossary.diagnostics if d.code == "empty-target-skipped")
    assert (warning.severity, warning.path, warning.line) == ("warning", str(gdir / "a.po"), 9)
    assert "'Korut' has an empty msgstr: skipped" in warning.message


def _run(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "translate_kit", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_check_does_not_crash(gdir, tmp_path):
    (tmp_path / "src.txt").write_text("Korut dan Kemlu bertemu.\n", encoding="utf-8")
    (tmp_path / "tgt.txt").write_text("North Korea and the Foreign Ministry met.\n", encoding="utf-8")
    result = _run("check", "src.txt", "tgt.txt", "--glossary", str(gdir), "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["violations"] == []
    warning = next(d for d in report["diagnostics"] if d["code"] == "empty-target-skipped")
    assert (warning["severity"], warning["path"], warning["line"]) == ("warning", str(gdir / "a.po"), 9)
    text = _run("check", "src.txt", "tgt.txt", "--glossary", str(gdir), cwd=tmp_path)
    assert text.returncode == 0 and f"{gdir / 'a.po'}:9: warning: entry 'Korut' has an empty msgstr" in text.stdout


def test_translate_keeps_the_term(gdir, tmp_path, demo_package):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Korut dan Kemlu bertemu.\n", encoding="utf-8")
    result = _run("translate", "in", "-o", "out", "--glossary", str(gdir), "--no-progress", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = (tmp_path / "out" / "a.txt").read_text(encoding="utf-8")
    assert out.startswith("Korut and Foreign Ministry")
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    warning = next(w for w in report["warnings"] if w["code"] == "empty-target-skipped")
    assert (warning["path"], warning["line"]) == (str(gdir / "a.po"), 9)
