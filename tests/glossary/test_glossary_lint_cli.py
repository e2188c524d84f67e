"""`translate-kit glossary lint`: exit codes, --fix, --strict, --format json, file arguments."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from translate_kit.cli import cli, main

HEADER = 'msgid ""\nmsgstr ""\n"Language: id\\n"\n"X-Target-Language: en\\n"\n'
CLEAN = HEADER + '\n#, case-sensitive\nmsgid "AS"\nmsgstr "US"\n'
WARNING = HEADER + '\nmsgid "Kemlu "\nmsgstr "Foreign Ministry"\n'  # trailing space: warning, line 6
ERROR = HEADER + '\nmsgid "Kemhan"\nmsgstr ""\n'  # empty msgstr: error, line 6


def run(*args: str):
    return CliRunner().invoke(cli, ["glossary", "lint", *args])


def glossary_dir(tmp_path: Path, **files: str) -> Path:
    d = tmp_path / "glossary"
    d.mkdir()
    for name, text in files.items():
        (d / f"{name}.po").write_text(text, encoding="utf-8")
    return d


def test_clean_glossary_exits_0(tmp_path):
    d = glossary_dir(tmp_path, a=CLEAN)
    result = run(str(d))
    assert result.exit_code == 0
    assert result.output == "1 file(s), 1 entries: 0 error(s), 0 warning(s)\n"


def test_errors_exit_1_with_file_and_line(tmp_path):
    d = glossary_dir(tmp_path, a=CLEAN, b=ERROR)
    result = run(str(d))
    assert result.exit_code == 1
    assert result.output.splitlines()[0].startswith(f"{d / 'b.po'}:6: error: entry 'Kemhan' has an empty msgstr")
    assert result.output.endswith("[empty-target]\n2 file(s), 2 entries: 1 error(s), 0 warning(s)\n")


def test_warnings_pass_unless_strict(tmp_path):
    d = glossary_dir(tmp_path, a=WARNING)
    assert run(str(d)).exit_code == 0
    result = run(str(d), "--strict")
    assert result.exit_code == 1
    assert f"{d / 'a.po'}:6: warning:" in result.output


def test_default_directory_is_glossary(tmp_path, monkeypatch):
    glossary_dir(tmp_path, a=ERROR)
    monkeypatch.chdir(tmp_path)
    assert run().exit_code == 1


def test_glossary_option_names_the_directory(tmp_path):
    d = glossary_dir(tmp_path, a=ERROR)
    assert run("--glossary", str(d)).exit_code == 1


def test_file_arguments_lint_only_those_files(tmp_path):
    d = glossary_dir(tmp_path, a=CLEAN, b=ERROR)
    assert run(str(d / "a.po")).exit_code == 0
    assert run(str(d / "a.po"), str(d / "b.po")).exit_code == 1


def test_json_format(tmp_path):
    d = glossary_dir(tmp_path, b=ERROR)
    result = run(str(d), "--format", "json")
    data = json.loads(result.output)
    assert (data["errors"], data["warnings"], data["entries"]) == (1, 0, 1)
    assert data["findings"][0] == {
        "severity": "error",
        "code": "empty-target",
        "path": str(d / "b.po"),
        "line": 6,
        "message": data["findings"][0]["message"],
    }


def test_fix_rewrites_then_lints_the_result(tmp_path):
    d = glossary_dir(tmp_path, a=WARNING)
    result = run(str(d), "--fix", "--strict")
    assert result.exit_code == 0, result.output
    assert 'msgid "Kemlu"\n' in (d / "a.po").read_text(encoding="utf-8")
    assert run(str(d), "--fix").exit_code == 0


def test_syntax_error_is_exit_1_not_a_crash(tmp_path):
    d = glossary_dir(tmp_path, a=HEADER + '\nmsgid "A"\nmsgstr "B\n')
    result = run(str(d))
    assert result.exit_code == 1
    assert result.output.startswith(f"{d / 'a.po'}:7: error: PO syntax error")


def test_missing_directory_is_a_usage_error_exit_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["glossary", "lint", str(tmp_path / "nope")])
    assert exit_.value.code == 2
    assert capsys.readouterr().err == (
        f"translate-kit: error: {tmp_path / 'nope'}: glossary directory does not exist\n"
    )


def _hooks(repo) -> dict[str, dict[str, str]]:
    """id → {key: value} of the flat one-level hook list in .pre-commit-hooks.yaml (no YAML library needed)."""
    hooks: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for line in (repo / ".pre-commit-hooks.yaml").read_text(encoding="utf-8").splitlines():
        if line.startswith("- id: "):
            current = hooks.setdefault(line[6:].strip(), {})
        elif line.startswith("  ") and ":" in line:
            key, _, value = line.strip().partition(": ")
            current[key] = value
    return hooks


def test_pre_commit_hooks_lint_and_fix_only_the_glossary_directory(repo):
    import re

    hooks = _hooks(repo)
    assert set(hooks) == {"translate-kit-glossary-lint", "translate-kit-glossary-fix"}
    assert hooks["translate-kit-glossary-lint"]["entry"] == "translate-kit glossary lint"
    assert hooks["translate-kit-glossary-fix"]["entry"] == "translate-kit glossary lint --fix"
    for hook in hooks.values():
        assert hook["pass_filenames"] == "true" and hook["language"] == "python"
        files = re.compile(hook["files"])  # pre-commit matches it with re.search against repo-relative paths
        assert files.search("glossary/people.po") and files.search("glossary/sub/more.po")
        assert not files.search("build/en/000.txt.review.po") and not files.search("locale/id.po")
        assert not files.search("glossary/README.md")
