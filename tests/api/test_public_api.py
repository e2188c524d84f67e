"""The public Python API: every documented name resolves, and the README's "From Python" example runs as
written (in a copy of the repository's corpus and glossary, on the demo model)."""

from __future__ import annotations

import re
import shutil

import translate_kit as tk


def test_every_public_name_resolves():
    missing = [name for name in tk.__all__ if not hasattr(tk, name)]
    assert missing == []


def test_importing_the_package_loads_no_engine():
    import subprocess
    import sys

    code = "import sys, translate_kit; print('ctranslate2' in sys.modules, 'translate_kit.translation' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def _readme_python_blocks(repo) -> list[str]:
    text = (repo / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## From Python") :]
    section = section[: section.index("\n## ", 3)]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def test_readme_from_python_example_runs(repo, demo_package, tmp_path, monkeypatch, capsys):
    shutil.copytree(repo / "corpus", tmp_path / "corpus")
    shutil.copytree(repo / "glossary", tmp_path / "glossary")
    monkeypatch.chdir(tmp_path)
    blocks = _readme_python_blocks(repo)
    assert blocks, "README has no python block under 'From Python'"
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "5 files (5 translated" in out  # report.summary()
    assert (tmp_path / "build" / "en" / "001_6738c794eb8b6589.txt").is_file()
    assert out.rstrip().splitlines()[-1] in ("True", "False")  # check.fails("error")
