"""Issue 15 case 14 (glossary part): lint rejects msgid "" inside a context, control characters (NUL) in
terms and terms over 1,000 characters; an empty .po is reported, never silently no glossary."""

from __future__ import annotations

import subprocess
import sys

from translate_kit.glossary.lint import lint
from translate_kit.glossary.pofile import load_glossary

HEADER = 'msgid ""\nmsgstr ""\n"Language: id\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def _findings(result):
    return {(d.severity, d.code, d.line) for d in result.findings}


def test_lint_rejects_empty_msgid_in_context_nul_and_overlong_terms(tmp_path):
    long_form = "kata " * 250  # 1,250 characters
    (tmp_path / "a.po").write_text(
        HEADER + 'msgctxt "negara"\nmsgid ""\nmsgstr "Something"\n\n'
        'msgid "Ko\x01rut"\nmsgstr "North Korea"\n\n'
        f'msgid "{long_form.strip()}"\nmsgstr "Words"\n\n'
        'msgid "Kemlu"\nmsgstr "Foreign Ministry"\n',
        encoding="utf-8",
    )
    result = lint(tmp_path)
    found = _findings(result)
    assert ("error", "empty-msgid", 6) in found
    assert ("error", "control-character", 10) in found
    assert ("error", "too-long", 13) in found
    assert result.failed()
    text = result.to_text()
    assert "holds the control character '\\x01'" in text and "1,249 characters (over 1,000" in text


def test_lint_rejects_a_nul_byte_at_its_line(tmp_path):
    (tmp_path / "a.po").write_text(
        HEADER + 'msgid "Kemlu"\nmsgstr "Foreign Ministry"\n\nmsgid "Ko\x00rut"\nmsgstr "North Korea"\n',
        encoding="utf-8",
    )
    result = lint(tmp_path)
    assert [(d.severity, d.code, d.line) for d in result.findings] == [("error", "po-syntax", 9)]
    assert "NUL byte" in result.findings[0].message and result.failed()


def test_an_empty_po_file_is_reported_by_lint_and_translate(tmp_path, demo_package):
    gdir = tmp_path / "glossary"
    gdir.mkdir()
    (gdir / "empty.po").write_bytes(b"")
    assert ("warning", "no-entries", None) in _findings(lint(gdir))
    glossary = load_glossary(gdir)
    assert [(d.code, d.path) for d in glossary.diagnostics] == [("empty-glossary-file", str(gdir / "empty.po"))]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Presiden datang.\n", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "translate_kit",
            "translate",
            "in",
            "-o",
            "out",
            "--glossary",
            str(gdir),
            "--no-progress",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0
    assert f"{gdir / 'empty.po'}: warning: glossary file has no entries [empty-glossary-file]" in result.stderr


def test_an_entry_with_an_empty_msgid_is_left_out_of_the_glossary(tmp_path):
    (tmp_path / "a.po").write_text(
        HEADER + 'msgctxt "negara"\nmsgid ""\nmsgstr "Something"\n\nmsgid "Kemlu"\nmsgstr "Foreign Ministry"\n',
        encoding="utf-8",
    )
    glossary = load_glossary(tmp_path)
    assert [e.source for e in glossary.entries] == ["Kemlu"]
    assert [(d.code, d.line) for d in glossary.diagnostics] == [("empty-msgid-skipped", 6)]
