"""Issue 15 case 9: a user boilerplate rule with catastrophic backtracking gives a clear error naming the rule
and the input line, instead of hanging the run; the other files of the batch are still translated."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from translate_kit.corpus import read_document
from translate_kit.corpus.boilerplate import BoilerplateRules, PatternTimeout

EVIL_LINE = "a" * 40 + "!"  # 41 characters: (a+)+$ and (a|aa)+$ backtrack ~2^40 times on it in `re`


def test_a_pathological_rule_times_out_with_its_file_and_line(tmp_path):
    rules_file = tmp_path / "rules.txt"
    rules_file.write_text("# site chrome\nkonten sponsor\n(a+)+$\n(a|aa)+$\n", encoding="utf-8")
    rules = BoilerplateRules.from_file(rules_file)
    assert rules.match("Konten Sponsor") == "rules.txt:2"
    assert rules.match("aaaa") == "rules.txt:3"
    # (a+)+$ hangs `re` for hours on this line; the regex module sees through it, (a|aa)+$ it cannot
    with pytest.raises(PatternTimeout) as info:
        rules.match(EVIL_LINE)
    assert str(info.value).startswith(
        f"boilerplate rule {rules_file}:4 '(a|aa)+$' took over 0.25 s on a 41-character line"
    )
    doc = tmp_path / "a.txt"
    doc.write_text("Presiden datang.\n" + EVIL_LINE + "\n", encoding="utf-8")
    with pytest.raises(PatternTimeout) as info:
        read_document(doc, rules=rules)
    assert str(info.value).startswith(f"{doc}:2: boilerplate rule {rules_file}:4")


def test_translate_fails_only_that_file_and_does_not_hang(tmp_path, demo_package):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(EVIL_LINE + "\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("Presiden dan menteri datang.\n", encoding="utf-8")
    (tmp_path / "rules.txt").write_text("(a|aa)+$\n", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "translate_kit",
            "translate",
            "in",
            "-o",
            "out",
            "--boilerplate",
            "rules.txt",
            "--no-progress",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )  # the timeout only guards against a hang
    assert result.returncode == 2
    assert "in/a.txt:1: boilerplate rule rules.txt:1 '(a|aa)+$' took over 0.25 s" in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "out" / "b.txt").read_text(encoding="utf-8") == "President and minister datang.\n"
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert {f["relpath"]: f["status"] for f in report["files"]}["a.txt"] == "failed"
