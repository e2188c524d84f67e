"""Issue 15 case 8: FIFOs, device files and over-large inputs. Readers take regular files only (special
files in an input directory are skipped with a warning), every input read has a size cap, and nothing hangs
or exhausts memory: `score --hyp /dev/zero`, a FIFO to `check`, a `.txt` symlink to /dev/zero."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from translate_kit import textio
from translate_kit.corpus import read_document
from translate_kit.errors import InputError
from translate_kit.glossary.pofile import load_glossary

pytestmark = pytest.mark.skipif(
    not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="needs POSIX FIFOs and /dev/zero"
)


def _run(*args, cwd):
    # the timeout only guards against a hang (the bug this tests); a run takes a few seconds
    return subprocess.run(
        [sys.executable, "-m", "translate_kit", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_translate_skips_a_fifo_and_a_dev_zero_symlink_and_translates_the_rest(tmp_path, demo_package):
    src = tmp_path / "in"
    src.mkdir()
    os.mkfifo(src / "pipe.txt")
    (src / "zero.txt").symlink_to("/dev/zero")
    (src / "a.txt").write_text("Presiden dan menteri.\n", encoding="utf-8")
    result = _run("translate", "in", "-o", "out", "--no-progress", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == "President and minister.\n"
    assert "in/pipe.txt: warning: skipped: a FIFO, not a regular file [special-file]" in result.stderr
    assert "in/zero.txt: warning: skipped: a character device, not a regular file [special-file]" in result.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert sorted(w["path"] for w in report["warnings"] if w["code"] == "special-file") == [
        "in/pipe.txt",
        "in/zero.txt",
    ]


def test_score_and_check_refuse_special_files_at_once(tmp_path):
    (tmp_path / "ref.txt").write_text("A.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    result = _run("score", "--hyp", "/dev/zero", "--ref", "ref.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "translate-kit: error: /dev/zero: a character device, not a regular file: not read\n"
    for special, kind in (("pipe.txt", "a FIFO"), ("zero.txt", "a character device")):
        result = _run("check", special, "ref.txt", cwd=tmp_path)
        assert (result.returncode, result.stderr) == (
            2,
            f"translate-kit: error: {special}: {kind}, not a regular file: not read\n",
        )
        result = _run("score", "--hyp", special, "--ref", "ref.txt", cwd=tmp_path)
        assert result.returncode == 2 and f"{special}: {kind}, not a regular file" in result.stderr


def test_glossary_special_files_are_skipped_with_a_warning(tmp_path):
    os.mkfifo(tmp_path / "pipe.po")
    glossary = load_glossary(tmp_path)
    assert [(d.code, d.message) for d in glossary.diagnostics if d.code == "special-file"] == [
        ("special-file", "skipped: a FIFO, not a regular file")
    ]


def test_every_input_read_has_a_size_cap(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_text("Presiden datang.\n" * 200, encoding="utf-8")  # 3,400 bytes
    monkeypatch.setattr(textio, "MAX_INPUT_BYTES", 1024)
    with pytest.raises(InputError) as info:
        read_document(big)
    assert str(info.value) == f"{big}: file is too large (3,400 bytes; the limit is 1,024 bytes)"
    gdir = tmp_path / "g"
    gdir.mkdir()
    (gdir / "a.po").write_bytes(b'msgid ""\nmsgstr ""\n' + b"#\n" * 1000)
    with pytest.raises(InputError, match="glossary file is too large"):
        load_glossary(gdir)
    with pytest.raises(InputError, match="file is too large"):
        textio.read_bytes(big, limit=100)
    assert textio.read_bytes(big, limit=4000) == big.read_bytes()
