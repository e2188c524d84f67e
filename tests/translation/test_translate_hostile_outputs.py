"""Issue 15 cases 1, 3 and 4: outputs are never wrong and marked up to date after a killed re-run (real
SIGKILL and SIGINT of a real process mid-write); outputs that would replace each other or an input, and an
output directory equal to or above an input directory, are errors before anything is written."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
N_FILES = 12

GLOSSARY = """\
msgid ""
msgstr ""
"Language: id\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Korut"
msgstr "North Korea"
"""


@pytest.fixture
def batch(tmp_path):
    (tmp_path / "in").mkdir()
    for i in range(N_FILES):
        (tmp_path / "in" / f"a{i:02d}.txt").write_text(f"Korut dan menteri {i} datang.\n", encoding="utf-8")
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "terms.po").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    return tmp_path


def _translate(cwd, *args):
    return subprocess.run(
        [sys.executable, "-m", "translate_kit", "translate", "in", "-o", "out", "--no-progress", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def _outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("a*"))}


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_a_killed_rerun_with_other_settings_never_leaves_wrong_outputs_up_to_date(batch, demo_package, sig):
    first = _translate(batch, "--glossary", "g")
    assert first.returncode == 0, first.stderr
    good = _outputs(batch / "out")
    assert b"North Korea and" in good["a00.txt"]
    # the same command with another glossary, in a real process stopped by a real signal after 4 of 12 files
    # are rewritten (the write step is slowed down so the signal lands mid-write, not by chance)
    rerun = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent("""
        import sys, time
        from translate_kit.translation import writing
        written = []
        real = writing._write_document  # writes one document's outputs
        def slow(*args, **kwargs):
            out = real(*args, **kwargs)
            written.append(out)
            if len(written) == 4:
                print("half", flush=True)
                time.sleep(120)
            return out
        writing._write_document = slow
        from translate_kit.cli import main
        main(["translate", "in", "-o", "out", "--glossary", "empty", "--no-progress"])
        """),
        ],
        cwd=batch,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert rerun.stdout.readline().strip() == "half"
        rerun.send_signal(sig)
        rerun.wait(timeout=60)
    finally:
        rerun.kill()
    changed = [name for name, data in _outputs(batch / "out").items() if data != good[name]]
    assert 4 <= len(changed) < 2 * N_FILES  # the killed run had rewritten some outputs, not all
    again = _translate(batch, "--glossary", "g")
    assert again.returncode == 0, again.stderr
    assert _outputs(batch / "out") == good  # byte-identical to the first run
    report = json.loads((batch / "out" / "report.json").read_text(encoding="utf-8"))
    redone = {f["relpath"] for f in report["files"] if f["status"] != "skipped"}
    assert {name.removesuffix(".review.po") for name in changed} <= redone
    assert len(redone) < N_FILES  # the untouched ones were rightly up to date


def test_outputs_sharing_a_path_are_an_error_before_anything_is_written(tmp_path, run_cli, demo_package):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.txt").write_text("Presiden datang.\n", encoding="utf-8")
    po = 'msgid ""\nmsgstr ""\n"Language: id\\n"\n\nmsgid "Presiden datang."\nmsgstr ""\n'
    (tmp_path / "in" / "x.txt.review.po").write_text(po, encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli("translate", tmp_path / "in", "-o", out, "--no-progress")
    assert code == 2
    assert err == (
        f"translate-kit: error: {out / 'x.txt.review.po'}: an output of {tmp_path / 'in' / 'x.txt.review.po'} "
        f"would overwrite an output of {tmp_path / 'in' / 'x.txt'} (nothing written; rename one)\n"
    )
    assert list(out.iterdir()) == []


def test_a_report_path_that_is_an_input_is_refused(tmp_path, run_cli, demo_package):
    (tmp_path / "in").mkdir()
    src = tmp_path / "in" / "a.txt"
    src.write_text("Presiden datang.\n", encoding="utf-8")
    code, _, err = run_cli("translate", tmp_path / "in", "-o", tmp_path / "out", "--report", src, "--no-progress")
    assert code == 2
    assert err == f"translate-kit: error: {src}: the run report would overwrite the input {src} (nothing written)\n"
    assert src.read_text(encoding="utf-8") == "Presiden datang.\n"
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("where", ["equal", "above"])
def test_an_output_directory_equal_to_or_above_an_input_directory_is_refused(tmp_path, run_cli, demo_package, where):
    src = tmp_path / "corpus" / "id"
    src.mkdir(parents=True)
    (src / "a.txt").write_text("Presiden datang.\n", encoding="utf-8")
    out = src if where == "equal" else tmp_path
    code, _, err = run_cli("translate", src, "-o", out, "--strict", "--no-progress")
    assert code == 2
    verb = "is" if where == "equal" else "contains"
    assert err == (
        f"translate-kit: error: {out}: the output directory {verb} the input directory {src}: outputs "
        "would be mixed with (or replace) the inputs; choose an output directory outside the inputs\n"
    )
    assert sorted(p.name for p in src.iterdir()) == ["a.txt"]


def test_an_output_directory_inside_the_inputs_is_still_skipped_as_outputs(tmp_path, run_cli, demo_package):
    src = tmp_path / "corpus"
    src.mkdir()
    (src / "a.txt").write_text("Presiden datang.\n", encoding="utf-8")
    for _ in range(2):  # the second run sees corpus/en/a.txt and must not translate it again
        code, _, err = run_cli("translate", src, "-o", src / "en", "--no-progress")
        assert code == 0, err
    assert sorted(p.name for p in (src / "en").iterdir() if not p.name.startswith(".")) == [
        "a.txt",
        "a.txt.review.po",
        "report.json",
    ]
