"""Unix conventions, through real subprocesses of ``python -m translate_kit``: ``-`` for stdin/stdout, one
file to one named file, -q/-v on every command, --version/-V, shell completion, several --ref, glossary
export to stdout and import --dry-run. Translations use the demo model (installed by the demo_package
fixture into the session's ARGOS_PACKAGES_DIR, which the subprocesses inherit)."""

from __future__ import annotations

import os
import subprocess
import sys

import click
import pytest
import sacrebleu

from translate_kit import __version__

TEXT = "Presiden Korut dan menteri bertemu.\n\nBaca Juga: Korut siap perang\nKorea Utara   siap.\n"


def run(*args, stdin: str | None = None, cwd=None, env=None):
    return subprocess.run(
        [sys.executable, "-m", "translate_kit", *map(str, args)],
        input=stdin,
        text=True,
        capture_output=True,
        cwd=cwd,
        env={**os.environ, "CI": "1", **(env or {})},
        timeout=300,
        check=False,
    )


@pytest.fixture
def glossary(repo):
    return repo / "glossary"


def test_translate_stdin_to_stdout_line_for_line(demo_package, glossary):
    proc = run("translate", "-", "--glossary", glossary, stdin=TEXT)
    assert proc.returncode == 0, proc.stderr
    # the English only on stdout, line for line: blank line and site chrome kept, terms enforced
    assert proc.stdout == (
        "President North Korea and minister bertemu.\n\nBaca Juga: Korut siap perang\nNorth Korea   siap.\n"
    )
    assert proc.stderr.splitlines()[-1].startswith("translate-kit: 1 files (1 translated")
    quiet = run("translate", "-", "--glossary", glossary, "-q", stdin=TEXT)
    assert quiet.returncode == 0 and quiet.stdout == proc.stdout and quiet.stderr == ""
    verbose = run("translate", "-", "--glossary", glossary, "--verbose", stdin=TEXT)
    assert "translate-kit: translated: <stdin>" in verbose.stderr and "timings:" in verbose.stderr


def test_translate_stdin_errors_name_stdin(demo_package, glossary):
    proc = run("translate", "-", "--glossary", glossary, stdin="")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip() == "translate-kit: error: <stdin>: empty file"
    proc = run("translate", "-", "other.txt", stdin=TEXT)
    assert proc.returncode == 2 and "cannot be combined" in proc.stderr


def test_translate_one_file_to_a_named_file(demo_package, glossary, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    proc = run("translate", "a.txt", "-o", "a.en.txt", "--glossary", glossary, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "a.en.txt").read_text(encoding="utf-8").splitlines()[
        0
    ] == "President North Korea and minister bertemu."
    assert (tmp_path / "a.en.txt.review.po").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.en.txt", "a.en.txt.review.po", "a.txt"]
    wrong = run("translate", "a.txt", "-o", "a.en.po", "--glossary", glossary, cwd=tmp_path)
    assert wrong.returncode == 2 and "a.en.po: the output must have the input's extension '.txt'" in wrong.stderr


def test_check_reads_the_translation_on_stdin(glossary, tmp_path):
    (tmp_path / "a.id").write_text("Korut siap.\nAS juga.\n", encoding="utf-8")
    proc = run("check", tmp_path / "a.id", "-", "--glossary", glossary, stdin="Korea North ready.\nUS too.\n")
    assert proc.returncode == 1
    assert "  -:1: error: 'Korut'" in proc.stdout and "[forbidden-term]" in proc.stdout


def test_score_takes_several_references_and_stdin(tmp_path):
    hyps = ["North Korea is ready.", "The US agreed too."]
    ref1 = ["North Korea is ready now.", "The United States also agreed."]
    ref2 = ["Pyongyang is ready.", "The US agreed too."]
    for name, lines in (("ref1", ref1), ("ref2", ref2)):
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run(
        "score",
        "--hyp",
        "-",
        "--ref",
        tmp_path / "ref1",
        "--ref",
        tmp_path / "ref2",
        "--format",
        "json",
        stdin="\n".join(hyps) + "\n",
    )
    assert proc.returncode == 0, proc.stderr
    import json

    data = json.loads(proc.stdout)
    want = sacrebleu.corpus_bleu(hyps, [ref1, ref2])
    assert round(data["scores"]["bleu"]["score"], 2) == round(want.score, 2)
    assert "nrefs:2" in data["scores"]["bleu"]["signature"]
    one = json.loads(
        run("score", "--hyp", "-", "--ref", tmp_path / "ref1", "--format", "json", stdin="\n".join(hyps) + "\n").stdout
    )
    assert round(one["scores"]["bleu"]["score"], 2) == round(sacrebleu.corpus_bleu(hyps, [ref1]).score, 2)
    assert one["scores"]["bleu"]["score"] != data["scores"]["bleu"]["score"]  # the second ref counts


def test_glossary_export_to_stdout_and_import_dry_run(glossary, tmp_path):
    to_file = run("glossary", "export", "--format", "deepl-tsv", "--glossary", glossary, "-o", tmp_path / "g.tsv")
    to_stdout = run("glossary", "export", "--format", "deepl-tsv", "--glossary", glossary, "-o", "-")
    assert to_file.returncode == to_stdout.returncode == 0
    assert to_stdout.stdout == (tmp_path / "g.tsv").read_text(encoding="utf-8") and not (tmp_path / "-").exists()
    (tmp_path / "new.tsv").write_text("Korut\tNorth Korea\nKucing\tCat\n", encoding="utf-8")
    gloss = tmp_path / "glossary"
    gloss.mkdir()
    (gloss / "a.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: id\\n"\n\nmsgid "Korut"\nmsgstr "North Korea"\n', encoding="utf-8"
    )
    proc = run("glossary", "import", tmp_path / "new.tsv", "--format", "deepl-tsv", "--glossary", gloss, "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert f"would add to {gloss / 'imported.po'}: Kucing → Cat" in proc.stdout.splitlines()
    assert sorted(p.name for p in gloss.iterdir()) == ["a.po"]  # nothing written


def test_version_and_completion():
    for flag in ("--version", "-V"):
        proc = run(flag)
        assert proc.returncode == 0 and proc.stdout.strip() == f"translate-kit, version {__version__}"
    script = run(env={"_TRANSLATE_KIT_COMPLETE": "bash_source"})
    assert script.returncode == 0 and "complete -o nosort -F _translate_kit_completion translate-kit" in script.stdout
    words = run(env={"_TRANSLATE_KIT_COMPLETE": "bash_complete", "COMP_WORDS": "translate-kit tr", "COMP_CWORD": "1"})
    assert words.stdout.split() == ["plain,translate"]


def _all_commands(group: click.Group, ctx: click.Context):
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        yield name, cmd
        if isinstance(cmd, click.Group):
            for sub, subcmd in _all_commands(cmd, ctx):
                yield f"{name} {sub}", subcmd


def test_every_command_takes_quiet_and_verbose():
    from translate_kit.cli import cli

    ctx = click.Context(cli)
    seen = []
    for name, cmd in _all_commands(cli, ctx):
        opts = {o for p in cmd.params for o in getattr(p, "opts", ())}
        assert {"-q", "--quiet", "-v", "--verbose"} <= opts, name
        seen.append(name)
    assert {"translate", "check", "score", "eval", "glossary lint", "glossary export", "model install"} <= set(seen)
