"""End-to-end tests of the translation memory through the CLI on the demo model (real argostranslate install,
real CTranslate2): resume after SIGKILL at several points, Ctrl-C, incremental re-runs counted in engine
inputs, flags that persist, two concurrent runs sharing one memory, a damaged or foreign memory file.

Expected outputs are never produced by the code under test from the same state: a resumed or incremental run
is compared byte for byte with a fresh, uninterrupted run in another directory with its own empty memory.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from translate_kit.cli import main

GLOSSARY_PO = """\
msgid ""
msgstr ""
"Language: id\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Korut"
msgstr "North Korea"

msgid "Rusia"
msgstr "Russia"
"""

WORDS = (
    "presiden menteri pemerintah negara rakyat kota provinsi wilayah daerah kantor berita resmi laporan "
    "pejabat tinggi kementerian pertahanan keamanan nasional dewan parlemen partai pemimpin kunjungan "
    "pertemuan perjanjian militer ekonomi perdagangan sanksi rudal nuklir senjata satelit pasukan tentara "
    "latihan perbatasan"
).split()


def run_cli(capsys, *args) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        main([str(a) for a in args])
    return exc.value.code, capsys.readouterr().err


def report_of(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def tree(out: Path) -> dict[str, bytes]:
    """Every output file (translations and review POs) by relative path, the memory's folder and report aside."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and ".translate-kit" not in p.parts and p.name != "report.json"
    }


def temporaries(out: Path) -> list[str]:
    return [p.name for p in out.rglob("*.tmp")]


def memory_rows(path: Path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as db:
            return db.execute("SELECT count(*) FROM segments").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.fixture
def glossary(tmp_path) -> Path:
    d = tmp_path / "glossary"
    d.mkdir()
    (d / "terms.po").write_text(GLOSSARY_PO, encoding="utf-8")
    return d


@pytest.fixture
def copy_model(make_demo_package, monkeypatch):
    packages, info = make_demo_package()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    monkeypatch.setenv("CI", "1")
    return packages


def make_corpus(root: Path, files: int, lines: int, seed: int = 7) -> Path:
    """``files`` articles of ``lines`` distinct sentences each (no sentence repeats across the corpus)."""
    rng = random.Random(seed)
    seen: set[str] = set()
    root.mkdir(parents=True, exist_ok=True)
    for f in range(files):
        text = []
        while len(text) < lines:
            words = rng.sample(WORDS, 7)
            if rng.random() < 0.3:
                words[rng.randrange(7)] = "Korut"
            sentence = " ".join(words).capitalize() + "."
            if sentence not in seen:
                seen.add(sentence)
                text.append(sentence)
        (root / f"a{f:03d}.txt").write_text("\n".join(text) + "\n", encoding="utf-8")
    return root


def start(args, packages: Path) -> subprocess.Popen:
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(packages), "CI": "1"}
    return subprocess.Popen(
        [sys.executable, "-c", "from translate_kit.cli import main; main()", *map(str, args)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_until(proc: subprocess.Popen, condition, limit: float = 120.0) -> bool:
    """Poll ``condition()`` until it holds (True) or the process ends (False)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.005)
    raise AssertionError("condition never held")


# -- resume ------------------------------------------------------------------------------------------------------
def test_sigkill_at_several_points_then_resume_is_byte_identical(tmp_path, glossary, copy_model, capsys):
    src = make_corpus(tmp_path / "in", files=2, lines=24)
    fast = ("--glossary", glossary, "--batch-tokens", "32", "--beam-size", "1")  # small chunks, quick decoding
    reference = tmp_path / "reference"
    code, err = run_cli(capsys, "translate", src, "-o", reference, *fast)
    assert code == 0, err
    total = report_of(reference)["memory"]["missing"]
    # 48 sentences, verified first; each with Korut (which the copy model leaves in Indonesian) is sent again
    # with the term behind a placeholder
    with_term = sum("korut" in line.lower() for f in src.glob("*.txt") for line in f.read_text().splitlines())
    assert total == 48 + with_term
    out = tmp_path / "out"
    memory = out / ".translate-kit" / "memory.sqlite"
    args = ["translate", src, "-o", out, *fast]
    killed_after = []
    for threshold in (1, 14, 28):  # after the first committed chunk, about a third, about two thirds
        proc = start(args, copy_model)
        if wait_until(proc, lambda n=threshold: memory_rows(memory) >= n):
            proc.send_signal(signal.SIGKILL)
        proc.wait(60)
        killed_after.append((proc.returncode, memory_rows(memory)))
    assert killed_after[0][0] == -signal.SIGKILL
    kept = memory_rows(memory)
    assert 0 < kept < total
    code, err = run_cli(capsys, *args)
    assert code == 0, err
    rep = report_of(out)
    assert rep["memory"]["missing"] == total - kept  # only what the memory lacked went to the engine
    assert rep["memory"]["hits"] == kept
    assert tree(out) == tree(reference)
    assert temporaries(out) == []


def test_interrupted_rerun_with_other_settings_never_leaves_wrong_outputs(tmp_path, glossary, copy_model, capsys):
    """Issue 15, case 1: run; re-run with another glossary and kill it while it rewrites the outputs; the
    original command then restores every output, none is taken as up to date on the strength of a record."""
    src = make_corpus(tmp_path / "in", files=80, lines=1)
    out = tmp_path / "out"
    code, err = run_cli(capsys, "translate", src, "-o", out, "--glossary", glossary, "--beam-size", "1")
    assert code == 0, err
    original = tree(out)
    empty = tmp_path / "no-glossary"
    empty.mkdir()
    proc = start(["translate", src, "-o", out, "--glossary", empty, "--beam-size", "1"], copy_model)
    changed = wait_until(
        proc,
        lambda: any(
            (out / rel).read_bytes() != data
            for rel, data in list(original.items())
            if rel.endswith(".txt") and (out / rel).exists()
        ),
    )
    proc.send_signal(signal.SIGKILL)
    proc.wait(60)
    assert changed and proc.returncode == -signal.SIGKILL
    assert tree(out) != original  # the killed run had rewritten some outputs
    code, err = run_cli(capsys, "translate", src, "-o", out, "--glossary", glossary, "--beam-size", "1")
    assert code == 0, err
    assert tree(out) == original
    assert report_of(out)["memory"]["missing"] == 0  # both runs' sentences were in the memory
    assert temporaries(out) == []


def test_ctrl_c_keeps_what_is_done_and_exits_130_with_one_line(tmp_path, glossary, copy_model, capsys):
    src = make_corpus(tmp_path / "in", files=2, lines=20)
    out = tmp_path / "out"
    memory = out / ".translate-kit" / "memory.sqlite"
    fast = ("--glossary", glossary, "--batch-tokens", "32", "--beam-size", "1")
    args = ["translate", src, "-o", out, *fast]
    proc = start(args, copy_model)
    assert wait_until(proc, lambda: memory_rows(memory) >= 1), "the run ended before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("translate-kit: interrupted: "), err
    assert "run the same command again to resume" in lines[0]
    assert not list(out.glob("a*.txt"))  # nothing half done: no output written
    assert temporaries(out) == []
    kept = memory_rows(memory)
    assert kept >= 1
    code, err = run_cli(capsys, *args)
    assert code == 0, err
    assert report_of(out)["memory"]["hits"] == kept
    reference = tmp_path / "reference"
    code, err = run_cli(capsys, "translate", src, "-o", reference, *fast)
    assert code == 0, err
    assert tree(out) == tree(reference)


# -- incremental -------------------------------------------------------------------------------------------------
def test_incremental_reruns_cost_only_the_sentences_whose_engine_input_changed(tmp_path, glossary, copy_model, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Korut siap berunding.\nRusia menolak.\n", encoding="utf-8")
    (src / "b.txt").write_text("Pemerintah siap.\nKorut diam.\n", encoding="utf-8")
    (src / "c.txt").write_text("Presiden tiba.\n", encoding="utf-8")
    out = tmp_path / "out"

    def run(*extra):
        code, err = run_cli(capsys, "translate", src, "-o", out, "--glossary", glossary, *extra)
        assert code == 0, err
        rep = report_of(out)
        return rep["memory"]["missing"], {f["relpath"]: f["status"] for f in rep["files"]}

    def fresh():  # the same inputs and glossary, a new directory and an empty memory
        ref = tmp_path / f"fresh{len(list(tmp_path.glob('fresh*')))}"
        code, err = run_cli(capsys, "translate", src, "-o", ref, "--glossary", glossary)
        assert code == 0, err
        return tree(ref)

    # 5 sentences verified first; the 3 whose term the copy model leaves in Indonesian (Korut twice, Rusia)
    # are sent again with the term behind a placeholder
    assert run() == (8, {"a.txt": "translated", "b.txt": "translated", "c.txt": "translated"})
    mtimes = {p.name: p.stat().st_mtime_ns for p in out.glob("*.txt*")}
    assert run() == (0, {"a.txt": "skipped", "b.txt": "skipped", "c.txt": "skipped"})
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.txt*")} == mtimes  # nothing rewritten

    # the English form behind a placeholder: no engine input changes, the outputs that hold it do
    po = glossary / "terms.po"
    po.write_text(GLOSSARY_PO.replace('msgstr "North Korea"', 'msgstr "DPRK"'), encoding="utf-8")
    assert run() == (0, {"a.txt": "translated", "b.txt": "translated", "c.txt": "skipped"})
    assert (out / "a.txt").read_text(encoding="utf-8") == "DPRK siap berunding.\nRussia menolak.\n"
    assert tree(out) == fresh()

    # a new entry found in 2 of the 5 sentences: their first-round inputs are the unchanged sources (in the
    # memory); only their new placeholder inputs go to the engine
    with open(po, "a", encoding="utf-8") as fh:
        fh.write('\nmsgid "siap"\nmsgstr "ready"\n')
    assert run() == (2, {"a.txt": "translated", "b.txt": "translated", "c.txt": "skipped"})
    assert (out / "b.txt").read_text(encoding="utf-8") == "Pemerintah ready.\nDPRK diam.\n"
    assert tree(out) == fresh()

    # removing it again: the earlier engine inputs are in the memory
    po.write_text(GLOSSARY_PO.replace('msgstr "North Korea"', 'msgstr "DPRK"'), encoding="utf-8")
    assert run()[0] == 0
    # --force asks the engine again for everything and rewrites every output
    assert run("--force") == (8, {"a.txt": "translated", "b.txt": "translated", "c.txt": "translated"})


def test_a_byte_identical_model_reinstall_costs_no_engine_call(
    tmp_path, glossary, make_demo_package, monkeypatch, capsys
):
    import shutil

    packages, info = make_demo_package()
    copy = tmp_path / "packages"
    shutil.copytree(packages, copy)  # new paths and mtimes, same bytes
    monkeypatch.setenv("CI", "1")
    (tmp_path / "a.txt").write_text("Korut siap.\n", encoding="utf-8")
    out = tmp_path / "out"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    assert run_cli(capsys, "translate", tmp_path / "a.txt", "-o", out, "--glossary", glossary)[0] == 0
    assert report_of(out)["memory"]["missing"] == 2  # verified first, then held by a placeholder
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(copy))
    assert run_cli(capsys, "translate", tmp_path / "a.txt", "-o", out, "--glossary", glossary)[0] == 0
    assert report_of(out)["memory"]["missing"] == 0
    assert (
        run_cli(capsys, "translate", tmp_path / "a.txt", "-o", out, "--glossary", glossary, "--beam-size", "2")[0] == 0
    )
    assert report_of(out)["memory"]["missing"] == 2  # other decoding options: another engine


def test_an_output_edited_by_hand_is_kept_with_a_warning(tmp_path, glossary, copy_model, capsys):
    (tmp_path / "a.txt").write_text("Korut siap.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli(capsys, "translate", tmp_path / "a.txt", "-o", out, "--glossary", glossary)[0] == 0
    (out / "a.txt").write_text("North Korea is ready.\n", encoding="utf-8")
    code, err = run_cli(capsys, "translate", tmp_path / "a.txt", "-o", out, "--glossary", glossary, "--force")
    assert code == 0, err
    assert (out / "a.txt").read_text(encoding="utf-8") == "North Korea is ready.\n"
    assert "a.txt: warning: edited since translate-kit wrote it" in err


# -- flags -------------------------------------------------------------------------------------------------------
def test_flags_persist_across_reruns_and_strict_fails_while_one_stands(
    tmp_path, glossary, make_demo_package, monkeypatch, capsys
):
    # the model changes the year: no rung can bring the source's number back, a flagged sentence
    packages, _ = make_demo_package(word_map={"2024": "2025"})
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    monkeypatch.setenv("CI", "1")
    (tmp_path / "a.txt").write_text("Korut menembak pada 2024.\nRusia diam.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Rusia diam.\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ("translate", tmp_path / "a.txt", "-o", out, "--glossary", glossary, "--strict")
    for _ in range(2):
        code, err = run_cli(capsys, *args)
        assert code == 1 and "a.txt:1: number: 2024" in err
        rep = report_of(out)
        assert rep["totals"]["flags"] == 1 and rep["flags"][0]["line"] == 1
    # another input into the same directory: the report still describes a.txt and its flag
    code, err = run_cli(capsys, "translate", tmp_path / "b.txt", "-o", out, "--glossary", glossary, "--strict")
    assert code == 1
    rep = report_of(out)
    assert {f["relpath"]: f["status"] for f in rep["files"]} == {"b.txt": "translated", "a.txt": "skipped"}
    assert [f["file"] for f in rep["flags"]] == [str(tmp_path / "a.txt")]


# -- safety ------------------------------------------------------------------------------------------------------
def test_two_concurrent_runs_sharing_one_memory(tmp_path, glossary, copy_model, capsys):
    first = make_corpus(tmp_path / "in1", files=2, lines=12, seed=1)
    second = make_corpus(tmp_path / "in2", files=2, lines=12, seed=2)
    shared = tmp_path / "shared.sqlite"
    fast = ("--glossary", glossary, "--batch-tokens", "32", "--beam-size", "1")
    procs = [
        start(["translate", src, "-o", tmp_path / f"out{i}", *fast, "--memory", shared], copy_model)
        for i, src in ((1, first), (2, second))
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    with sqlite3.connect(shared) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for i, src in ((1, first), (2, second)):
        ref = tmp_path / f"ref{i}"
        assert run_cli(capsys, "translate", src, "-o", ref, *fast)[0] == 0
        assert tree(tmp_path / f"out{i}") == tree(ref)
        # the shared memory has both batches: a third directory costs no engine call
        code, err = run_cli(capsys, "translate", src, "-o", tmp_path / f"again{i}", *fast, "--memory", shared)
        assert code == 0, err
        assert report_of(tmp_path / f"again{i}")["memory"]["missing"] == 0


def test_a_damaged_memory_is_moved_aside_and_a_foreign_one_is_one_error(tmp_path, glossary, copy_model, capsys):
    (tmp_path / "a.txt").write_text("Korut siap.\n", encoding="utf-8")
    out = tmp_path / "out"
    (out / ".translate-kit").mkdir(parents=True)
    (out / ".translate-kit" / "memory.sqlite").write_bytes(b"this is not a database\n" * 100)
    code, err = run_cli(capsys, "translate", tmp_path / "a.txt", "-o", out, "--glossary", glossary)
    assert code == 0, err
    assert "not a usable translation memory" in err and "moved aside to memory.sqlite.damaged-" in err
    assert [p.read_bytes()[:22] for p in (out / ".translate-kit").glob("memory.sqlite.damaged-*")] == [
        b"this is not a database"
    ]
    assert (out / "a.txt").read_text(encoding="utf-8") == "North Korea siap.\n"

    foreign = tmp_path / "other.sqlite"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE customers (id INTEGER, name TEXT)")
    code, err = run_cli(
        capsys, "translate", tmp_path / "a.txt", "-o", tmp_path / "out2", "--glossary", glossary, "--memory", foreign
    )
    assert code == 2
    assert err.strip() == (
        f"translate-kit: error: {foreign}: a SQLite database of another application, not a "
        "translate-kit memory; give another memory path"
    )
    with sqlite3.connect(foreign) as db:
        assert db.execute("SELECT name FROM sqlite_master").fetchall() == [("customers",)]  # untouched
