"""The README's ``sh`` blocks, run in order in a copy of the checkout, as a reader would run them.

Each block's commands run one by one (backslash continuations joined) in bash, after ``source
.venv/bin/activate`` as the README asks (the copy's ``.venv`` is a link to the environment running these
tests), with a fresh ARGOS_PACKAGES_DIR. Every command must exit 0, or with a code the block allows in an HTML
comment right before it (``<!-- readme-test: exit 0,1 (why) -->``), and never print a traceback. A block
that cannot run here says why (``<!-- readme-test: skip: why -->``); the test command of ``.ci/run``
(between ``<!-- test-command -->`` markers) is not run (it would run this test again). The block marked
``<!-- readme-test: first-run -->`` is the main job of a first run: it must print no warning line.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MARKER = re.compile(r"<!--\s*readme-test:\s*(?P<what>skip|exit|first-run)\s*:?\s*(?P<rest>.*?)\s*-->")


@dataclass
class Block:
    line: int  # 1-based line of the opening fence
    commands: list[str]
    skip: str | None = None  # the reason
    exits: frozenset = frozenset({0})
    first_run: bool = False


def readme_blocks(text: str) -> list[Block]:
    lines = text.splitlines()
    blocks, i = [], 0
    while i < len(lines):
        if lines[i].strip() != "```sh":
            i += 1
            continue
        start = i
        body = []
        i += 1
        while lines[i].strip() != "```":
            body.append(lines[i])
            i += 1
        before = next((ln.strip() for ln in reversed(lines[:start]) if ln.strip()), "")
        block = Block(start + 1, _commands(body))
        m = MARKER.fullmatch(before)
        if before == "<!-- test-command -->":
            block.skip = "the test command itself (.ci/run runs it)"
        elif m and m["what"] == "skip":
            block.skip = m["rest"]
        elif m and m["what"] == "exit":
            block.exits = frozenset(int(c) for c in re.match(r"[\d,]+", m["rest"])[0].split(","))
        elif m and m["what"] == "first-run":
            block.first_run = True
        blocks.append(block)
        i += 1
    return blocks


def _commands(body: list[str]) -> list[str]:
    out, current = [], ""
    for line in body:
        current += line[:-1] + " " if line.endswith("\\") else line
        if not line.endswith("\\"):
            if current.strip() and not current.strip().startswith("#"):
                out.append(current.strip())
            current = ""
    return out


def test_markers_are_read_and_every_skip_has_a_reason():
    blocks = readme_blocks((REPO / "README.md").read_text(encoding="utf-8"))
    assert sum(b.first_run for b in blocks) == 1
    assert all(b.skip.strip() for b in blocks if b.skip is not None)
    assert len([b for b in blocks if b.skip is None]) >= 8  # most blocks run
    assert any("translate-id_en" in c for b in blocks if b.skip for c in b.commands)  # the network one is skipped


@pytest.fixture(scope="module")
def checkout(tmp_path_factory):
    root = tmp_path_factory.mktemp("readme") / "translate-kit"
    shutil.copytree(
        REPO,
        root,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "*.egg-info", "__pycache__", ".pytest_cache", ".ruff_cache", "out"
        ),
    )
    # a reader's checkout is a git clone: the glossary-under-git examples need one
    git = ["git", "-c", "user.name=readme-test", "-c", "user.email=readme-test@localhost"]
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-qm", "a reader's clone"], cwd=root, check=True)
    (root / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    if not (root / ".venv" / "bin" / "activate").exists():
        pytest.skip(f"the test environment {sys.prefix} is not a virtual environment with bin/activate")
    return root


def test_readme_shell_blocks_run(checkout, tmp_path):
    env = {
        **os.environ,
        "ARGOS_PACKAGES_DIR": str(tmp_path / "packages"),
        "CI": "1",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    ran = 0
    for block in readme_blocks((checkout / "README.md").read_text(encoding="utf-8")):
        if block.skip is not None:
            continue
        for command in block.commands:
            proc = subprocess.run(
                ["bash", "-c", f"source .venv/bin/activate && {command}"],
                cwd=checkout,
                env=env,
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
            where = f"README.md:{block.line}: {command}"
            assert proc.returncode in block.exits, f"{where}: exit {proc.returncode}\n{proc.stderr[-2000:]}"
            assert "Traceback" not in proc.stderr, f"{where}\n{proc.stderr[-2000:]}"
            if block.first_run:
                warnings = [ln for ln in proc.stderr.splitlines() if re.search(r"(?i)\bwarning\b", ln)]
                assert warnings == [], f"{where}: the first run printed warnings"
            ran += 1
    assert ran >= 20
    # what the runnable blocks made: the main job's outputs, the review page, the one-file output
    assert len(list((checkout / "build/en").glob("*.txt"))) == 5
    assert (checkout / "build/en/review.html").is_file() and (checkout / "build/check.html").is_file()
    assert (checkout / "build/000.en.txt").is_file() and (checkout / "glossary.tbx").is_file()
