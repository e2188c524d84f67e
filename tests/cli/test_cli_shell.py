"""The console entry point: exit codes and one-line errors as a user sees them (a real subprocess)."""

from __future__ import annotations

import subprocess
import sys


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "translate_kit", *args], capture_output=True, text=True, cwd=cwd)


def test_exit_code_of_ctx_exit_reaches_the_shell(tmp_path):
    (tmp_path / "a.po").write_text('msgid ""\nmsgstr ""\n"Language: id\\n"\n\nmsgid "Korut"\nmsgstr ""\n')
    proc = run("glossary", "lint", str(tmp_path))
    assert proc.returncode == 1
    assert f"{tmp_path / 'a.po'}:5: error:" in proc.stdout


def test_library_errors_are_one_line_with_exit_code_2(tmp_path):
    proc = run("glossary", "lint", str(tmp_path / "missing"))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert "missing" in proc.stderr


def test_usage_errors_exit_2():
    proc = run("check")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def test_version():
    proc = run("--version")
    assert proc.returncode == 0 and "translate-kit" in proc.stdout
