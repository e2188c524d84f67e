"""Issue 15 case 13: a writer killed with SIGKILL leaves its hidden temporary behind; the next run removes
the stale temporaries of our own naming (their process is gone) and nothing else."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from translate_kit.textio import clean_stale_temporaries, is_stale_temporary

REPO = Path(__file__).resolve().parents[2]


def _writer(path: Path) -> subprocess.Popen:
    """A process in the middle of an atomic write of ``path`` (it never finishes on its own)."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
        import time
        from translate_kit.textio import atomic_open
        with atomic_open({str(path)!r}, "wb") as fh:
            fh.write(b"x" * 65536)
            fh.flush()
            print("writing", flush=True)
            time.sleep(120)
        """),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "writing"
    return proc


def _temporaries(directory: Path, name: str) -> list[Path]:
    return sorted(directory.glob(f".{name}.tk*.tmp"))


def test_sigkill_leaves_a_temporary_that_the_next_run_removes(tmp_path, demo_package):
    out = tmp_path / "out"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Presiden dan menteri.\n", encoding="utf-8")
    killed = _writer(out / "a.txt")
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    (left,) = _temporaries(out, "a.txt")
    alive = _writer(out / "sub" / "b.txt")  # a writer still at work: its temporary must stay
    try:
        (busy,) = _temporaries(out / "sub", "b.txt")
        (out / ".notes.tmp").write_text("someone else's", encoding="utf-8")
        assert is_stale_temporary(left) and not is_stale_temporary(busy)
        result = subprocess.run(
            [sys.executable, "-m", "translate_kit", "translate", "in", "-o", "out", "--no-progress"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert not left.exists() and busy.exists() and (out / ".notes.tmp").exists()
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        assert any(w["code"] == "stale-temporaries-removed" for w in report["warnings"])
    finally:
        alive.kill()
        alive.wait()
    assert clean_stale_temporaries(out) == [busy]  # now its writer is gone too


def test_old_naming_is_removed_only_when_over_an_hour_old(tmp_path):
    young, old = tmp_path / ".a.txt.abcd1234.tmp", tmp_path / ".b.txt.wxyz_789.tmp"
    for path in (young, old):
        path.write_bytes(b"")
    hours_ago = time.time() - 2 * 3600
    os.utime(old, (hours_ago, hours_ago))
    assert clean_stale_temporaries(tmp_path) == [old]
    assert young.exists()
