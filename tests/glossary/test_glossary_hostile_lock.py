"""Issue 15 case 2: concurrent glossary edits never lose an entry (real processes racing on one file)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import polib
import pytest

from translate_kit.cli import main
from translate_kit.glossary import locking
from translate_kit.glossary.canonical import new_file_text, render_entry
from translate_kit.glossary.model import Entry

REPO = Path(__file__).resolve().parents[2]


def _big_glossary(directory: Path, n: int) -> Path:
    """A glossary file large enough (``n`` entries) that reading and rewriting it takes a while."""
    directory.mkdir()
    body = "\n".join(render_entry(Entry(source=f"Istilah{i:05d}", target=f"Term {i}")) for i in range(n))
    path = directory / "big.po"
    path.write_text(new_file_text() + "\n" + body, encoding="utf-8")
    return path


def _cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "translate_kit", "glossary", *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_concurrent_adds_and_a_fix_keep_every_entry(tmp_path):
    gdir = tmp_path / "glossary"
    path = _big_glossary(gdir, 3000)
    procs = [_cli("add", f"Baru{k}", f"New {k}", "--file", "big.po", "--glossary", str(gdir)) for k in range(4)]
    procs.append(_cli("remove", "Istilah00007", "--glossary", str(gdir)))
    procs.append(_cli("lint", str(gdir), "--fix"))
    results = [(p.wait(timeout=120), p.stdout.read(), p.stderr.read()) for p in procs]
    assert all(rc in (0, 1) for rc, _, _ in results[5:]), results  # lint exits 1 on findings, never 2
    assert [rc for rc, _, _ in results[:5]] == [0] * 5, results
    ids = {e.msgid for e in polib.pofile(str(path))}
    assert {f"Baru{k}" for k in range(4)} <= ids
    assert "Istilah00007" not in ids and len(ids) == 3000 - 1 + 4


def test_a_held_lock_fails_clearly_after_the_timeout(tmp_path, monkeypatch, capsys):
    gdir = tmp_path / "glossary"
    path = _big_glossary(gdir, 3)
    before = path.read_bytes()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
        import sys, time
        from translate_kit.glossary.locking import glossary_lock
        with glossary_lock({str(gdir)!r}):
            print("locked", flush=True)
            time.sleep(60)
        """),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        monkeypatch.setattr(locking, "LOCK_TIMEOUT", 0.3)
        t0 = time.monotonic()
        with pytest.raises(SystemExit) as exit_:
            main(["glossary", "add", "Baru", "New", "--file", "big.po", "--glossary", str(gdir)])
        assert time.monotonic() - t0 < 30  # a hang guard, not a timing target
    finally:
        holder.kill()
        holder.wait()
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"translate-kit: error: {gdir}: another process is editing this glossary")
    assert len(err.splitlines()) == 1
    assert path.read_bytes() == before
