"""The glossary under git: `glossary diff` between real revisions and directories (field level, moves, file:line
on both sides, text/JSON/Markdown), `--impact` on corpus/id, and the merge driver through real `git merge`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from translate_kit.cli import main
from translate_kit.glossary.canonical import fix_file
from translate_kit.glossary.lint import lint
from translate_kit.glossary.pofile import load_glossary

REPO = Path(__file__).resolve().parents[2]
HEADER = 'msgid ""\nmsgstr ""\n"Language: id\\n"\n"X-Target-Language: en\\n"\n'

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
pytestmark = needs_git


def po(*entries: str) -> str:
    return HEADER + "".join(f"\n{e.strip()}\n" for e in entries)


KORSEL = """
#. note: Abbreviation used by Indonesian media for South Korea.
#. variant: Korea Selatan
#. admitted: South Korean
#. forbidden: Korea South
msgctxt "country"
msgid "Korsel"
msgstr "South Korea"
"""
KORUT = """
#. variant: Korea Utara
msgctxt "country"
msgid "Korut"
msgstr "North Korea"
"""
KEMLU = """
msgid "Kemlu"
msgstr "Foreign Ministry"
"""
PUTIN = """
#, no-translate
msgid "Vladimir Putin"
msgstr "Vladimir Putin"
"""


def git(gitrepo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=gitrepo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def gitrepo(tmp_path: Path, monkeypatch) -> Path:
    """A git repository (its own identity, no global config) with glossary/ committed, as the cwd."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    r = tmp_path / "gitrepo"
    (r / "glossary").mkdir(parents=True)
    git(r, "init", "-q", "-b", "main")
    git(r, "config", "user.name", "Test Desk")
    git(r, "config", "user.email", "desk@example.org")
    git(r, "config", "commit.gpgsign", "false")
    (r / "glossary" / "abbreviations.po").write_text(po(KORSEL, KORUT), encoding="utf-8")
    (r / "glossary" / "titles.po").write_text(po(KEMLU, PUTIN), encoding="utf-8")
    commit(r, "seed glossary")
    monkeypatch.chdir(r)
    return r


def commit(r: Path, message: str) -> None:
    git(r, "add", "-A")
    git(r, "commit", "-q", "-m", message)


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(list(args))
    out = capsys.readouterr()
    return exit_.value.code, out.out, out.err


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


# -- diff --------------------------------------------------------------------------------------------------------
def test_every_field_change_is_named_with_file_line_on_both_sides(gitrepo, capsys):
    abbr = gitrepo / "glossary" / "abbreviations.po"
    edit(
        abbr, "#. admitted: South Korean\n#. forbidden: Korea South\n", "#. admitted: South Korean\n#. admitted: ROK\n"
    )
    edit(
        abbr,
        "#. note: Abbreviation used by Indonesian media for South Korea.\n",
        "# checked by the desk\n#. note: Short form of Korea Selatan.\n#. legacy: x\n",
    )
    edit(abbr, 'msgid "Korut"\nmsgstr "North Korea"', 'msgid "Korut"\nmsgstr "DPRK"')
    edit(
        abbr,
        '#. variant: Korea Utara\nmsgctxt "country"\n',
        "#. variant: Korea Utara\n#. variant: Korea Utara Raya\n#. conflict: msgstr: ours, theirs\n"
        '#, case-sensitive\nmsgctxt "country"\n',
    )
    titles = gitrepo / "glossary" / "titles.po"
    edit(titles, 'msgid "Kemlu"', 'msgctxt "ministry"\nmsgid "Kemlu"')
    edit(titles, '#, no-translate\nmsgid "Vladimir Putin"', 'msgid "Vladimir Putin"')
    code, out, _ = run(capsys, "glossary", "diff")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "glossary diff HEAD → working tree: 0 added, 0 removed, 4 changed"
    assert lines[1:] == [  # in canonical order: context, then msgid
        "~ Vladimir Putin: flag − 'no-translate'  (HEAD:glossary/titles.po:9 → glossary/titles.po:10)",
        (
            "~ Korsel [country]: admitted + 'ROK'; forbidden − 'Korea South'; note + 'Short form of Korea Selatan.', "
            "− 'Abbreviation used by Indonesian media for South Korea.'; translator comment '' → 'checked by the desk'; "
            "comment + 'legacy: x'  (HEAD:glossary/abbreviations.po:6 → glossary/abbreviations.po:6)"
        ),
        (
            "~ Korut [country]: msgstr 'North Korea' → 'DPRK'; variant + 'Korea Utara Raya'; flag + 'case-sensitive'; "
            "conflict + 'msgstr: ours, theirs'  (HEAD:glossary/abbreviations.po:14 → glossary/abbreviations.po:16)"
        ),
        "~ Kemlu ⇒ Kemlu [ministry]: msgctxt none → 'ministry'  (HEAD:glossary/titles.po:6 → glossary/titles.po:6)",
    ]


def test_added_removed_and_moved_between_revisions(gitrepo, capsys):
    titles = gitrepo / "glossary" / "titles.po"
    (gitrepo / "glossary" / "people.po").write_text(po(PUTIN), encoding="utf-8")
    titles.write_text(po('msgid "Menlu"\nmsgstr "Foreign Minister"'), encoding="utf-8")  # Kemlu gone, Putin moved
    commit(gitrepo, "rework titles")
    code, out, _ = run(capsys, "glossary", "diff", "HEAD~1", "HEAD", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["schema_version"] == 1 and (data["from"], data["to"]) == ("HEAD~1", "HEAD")
    assert data["summary"] == {"added": 1, "removed": 1, "changed": 1, "moved": 1}
    assert data["files_added"] == ["people.po"]
    assert data["added"] == [
        {"msgctxt": None, "msgid": "Menlu", "msgstr": "Foreign Minister", "ref": "HEAD:glossary/titles.po:6"}
    ]
    assert data["removed"][0]["ref"] == "HEAD~1:glossary/titles.po:6"
    moved = data["changed"][0]
    assert (moved["before"]["ref"], moved["after"]["ref"], moved["moved"], moved["fields"]) == (
        "HEAD~1:glossary/titles.po:9",
        "HEAD:glossary/people.po:6",
        True,
        [],
    )


def test_markdown_for_a_pull_request_and_two_directories(gitrepo, tmp_path, capsys):
    other = tmp_path / "other"
    shutil.copytree(gitrepo / "glossary", other)
    edit(other / "titles.po", 'msgstr "Foreign Ministry"', 'msgstr "Ministry of Foreign Affairs"')
    code, out, _ = run(capsys, "glossary", "diff", "glossary", str(other), "--format", "markdown")
    assert code == 0
    assert out.splitlines()[:6] == [
        f"### Glossary changes: `glossary` → `{other}`",
        "",
        "**0 added, 0 removed, 1 changed**",
        "",
        "| | entry | change | where |",
        "|---|---|---|---|",
    ]
    assert out.splitlines()[6] == (
        f"| changed | Kemlu | msgstr 'Foreign Ministry' → 'Ministry of Foreign Affairs' "
        f"| `glossary/titles.po:6` → `{other}/titles.po:6` |"
    )


def test_reformatting_is_not_a_change(gitrepo, capsys):
    abbr = gitrepo / "glossary" / "abbreviations.po"
    fix_file(abbr)
    commit(gitrepo, "canonical form")
    edit(
        abbr,
        "#. admitted: South Korean\n#. forbidden: Korea South\n",
        "#. forbidden: Korea South\n#. admitted: South Korean\n",
    )
    edit(abbr, 'msgstr "North Korea"', 'msgstr ""\n"North "\n"Korea"')  # rewrapped
    text = abbr.read_text(encoding="utf-8")
    korsel, rest = text.split("\n\n", 2)[1:]
    abbr.write_text(text.replace(korsel + "\n\n" + rest, rest.rstrip("\n") + "\n\n" + korsel + "\n"), encoding="utf-8")
    assert git(gitrepo, "diff", "--stat")  # the bytes changed: entries swapped, comments reordered, msgstr rewrapped
    code, out, _ = run(capsys, "glossary", "diff")
    assert (code, out) == (0, "glossary diff HEAD → working tree: 0 added, 0 removed, 0 changed\n")


def test_bad_revision_and_broken_file_exit_2_with_one_line(gitrepo, capsys):
    code, _, err = run(capsys, "glossary", "diff", "no-such-branch")
    assert code == 2 and err == "translate-kit: error: 'no-such-branch' is neither a directory nor a git revision\n"
    (gitrepo / "glossary" / "titles.po").write_text(po('msgid "A"\nmsgstr "B'), encoding="utf-8")
    code, _, err = run(capsys, "glossary", "diff")
    assert code == 2 and err.startswith("translate-kit: error: glossary/titles.po:7: PO syntax error")


def test_outside_a_repository_a_revision_is_an_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "glossary").mkdir()
    code, _, err = run(capsys, "glossary", "diff")
    assert code == 2 and "cannot find the git repository" in err


# -- impact ------------------------------------------------------------------------------------------------------
def test_impact_of_a_changed_an_added_and_a_removed_entry_on_corpus_id(gitrepo, capsys):
    abbr = gitrepo / "glossary" / "abbreviations.po"
    edit(abbr, 'msgid "Korut"\nmsgstr "North Korea"', 'msgid "Korut"\nmsgstr "DPRK"')  # changed
    edit(abbr, "#. forbidden: Korea South\n", "")  # changed: what check accepts
    (gitrepo / "glossary" / "people.po").write_text(
        po('msgid "Presiden Rusia"\nmsgstr "Russian President"'), encoding="utf-8"
    )  # added, longer than nothing it covers
    edit(gitrepo / "glossary" / "titles.po", PUTIN.strip() + "\n", "")  # removed
    corpus = REPO / "corpus" / "id"
    code, out, _ = run(capsys, "glossary", "diff", "--impact", str(corpus), "--format", "json")
    assert code == 0
    impact = json.loads(out)["impact"]
    by_label = {e["msgid"]: e for e in impact["entries"]}
    assert set(by_label) == {"Korut", "Korsel", "Presiden Rusia", "Vladimir Putin"}
    assert by_label["Korut"]["counts"]["output"] > 0 and by_label["Korut"]["counts"]["match"] == 0
    assert by_label["Korsel"]["counts"] == {"match": 0, "output": 0, "check": by_label["Korsel"]["segments"]}
    assert by_label["Presiden Rusia"]["counts"]["match"] == by_label["Presiden Rusia"]["segments"] > 0
    assert by_label["Vladimir Putin"]["counts"]["match"] > 0
    # every example names a real corpus line that holds the term
    for entry in impact["entries"]:
        for ex in entry["examples"]:
            path, line = ex["ref"].rsplit(":", 1)
            assert Path(path).read_text(encoding="utf-8").splitlines()[int(line) - 1] == ex["text"]
    putin = by_label["Vladimir Putin"]["examples"][0]
    assert "Vladimir Putin" in putin["text"] and putin["change"].startswith("− 'Vladimir Putin'→Vladimir Putin")
    # counts agree with a direct look at the corpus: every line holding "Korea Utara"/"Korut" changes output
    lines = [ln for p in sorted(corpus.glob("*.txt")) for ln in p.read_text(encoding="utf-8").splitlines()]
    holding = [ln for ln in lines if "Korea Utara" in ln or "Korut" in ln]
    assert by_label["Korut"]["segments"] == len(holding)


def test_impact_with_a_missing_corpus_exits_2(gitrepo, capsys):
    code, _, err = run(capsys, "glossary", "diff", "--impact", "nowhere/")
    assert code == 2 and "nowhere: error: no such file or directory" in err


# -- merge driver ------------------------------------------------------------------------------------------------
@pytest.fixture
def merging(gitrepo, capsys) -> Path:
    code, out, _ = run(capsys, "glossary", "install-merge-driver", "--command", f"{sys.executable} -m translate_kit")
    assert code == 0 and ".gitattributes: added 'glossary/*.po merge=translate-kit-glossary'" in out
    commit(gitrepo, "merge driver")
    return gitrepo


def test_install_is_idempotent(merging, capsys):
    before = (merging / ".gitattributes").read_text(encoding="utf-8")
    code, out, _ = run(capsys, "glossary", "install-merge-driver", "--command", f"{sys.executable} -m translate_kit")
    assert (code, out) == (0, "the glossary merge driver is already set up\n")
    assert (
        (merging / ".gitattributes").read_text(encoding="utf-8")
        == before
        == "glossary/*.po merge=translate-kit-glossary\n"
    )
    assert git(merging, "config", "--get", "merge.translate-kit-glossary.driver").strip() == (
        f"{sys.executable} -m translate_kit glossary merge-driver %O %A %B %P"
    )


def branch_edit(gitrepo: Path, branch: str, changes, base: str = "main") -> None:
    git(gitrepo, "checkout", "-q", "-B", branch, base)
    for path, old, new in changes:
        edit(gitrepo / "glossary" / path, old, new)
    commit(gitrepo, f"edit on {branch}")


def merge(gitrepo: Path, branch: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", "merge", "--no-edit", branch], cwd=gitrepo, capture_output=True, text=True, check=False
    )


def test_two_branches_adding_next_to_each_other_merge_cleanly(merging):
    anchor = 'msgstr "North Korea"\n'
    branch_edit(
        merging,
        "a",
        [
            ("abbreviations.po", anchor, anchor + '\nmsgid "Korbar"\nmsgstr "West Korea"\n'),
            ("abbreviations.po", "#. admitted: South Korean\n", "#. admitted: ROK\n"),
        ],
    )
    branch_edit(
        merging,
        "b",
        [
            ("abbreviations.po", anchor, anchor + '\nmsgid "Kortim"\nmsgstr "East Korea"\n'),
            ("abbreviations.po", "#. variant: Korea Selatan\n", "#. variant: Korea Selatan\n#. variant: Korsel-\n"),
        ],
    )
    # both branches touched the same lines: git's own text merge of the three versions conflicts
    versions = []
    for rev in ("main", "a", "b"):
        versions.append(merging.parent / f"{rev}.po")
        versions[-1].write_text(git(merging, "show", f"{rev}:glossary/abbreviations.po"), encoding="utf-8")
    plain = subprocess.run(
        ["git", "merge-file", "-p", str(versions[1]), str(versions[0]), str(versions[2])],
        capture_output=True,
        text=True,
        check=False,
    )
    assert plain.returncode > 0 and "<<<<<<<" in plain.stdout
    git(merging, "checkout", "-q", "a")
    done = merge(merging, "b")
    assert done.returncode == 0, done.stdout + done.stderr
    path = merging / "glossary" / "abbreviations.po"
    entries = {e.source: e for e in load_glossary(path)}
    assert set(entries) == {"Korsel", "Korut", "Korbar", "Kortim"}
    assert entries["Korsel"].admitted == ["ROK"]  # a's removal of 'South Korean' and addition of 'ROK'
    assert entries["Korsel"].variants == ["Korea Selatan", "Korsel-"]  # b's addition
    assert fix_file(path) is False  # written in canonical form
    assert not lint(merging / "glossary").failed()
    assert "<<<<<<<" not in path.read_text(encoding="utf-8")


def test_the_same_field_changed_differently_is_a_lint_error_not_markers(merging):
    old = 'msgid "Kemlu"\nmsgstr "Foreign Ministry"'
    branch_edit(merging, "a", [("titles.po", old, 'msgid "Kemlu"\nmsgstr "Ministry of Foreign Affairs"')])
    branch_edit(merging, "b", [("titles.po", old, 'msgid "Kemlu"\nmsgstr "Foreign Office"')])
    git(merging, "checkout", "-q", "a")
    done = merge(merging, "b")
    assert done.returncode == 1
    assert "CONFLICT (content): Merge conflict in glossary/titles.po" in done.stdout
    assert (
        "glossary merge conflict: glossary/titles.po: Kemlu → Ministry of Foreign Affairs: msgstr: ours "
        "'Ministry of Foreign Affairs', theirs 'Foreign Office', base 'Foreign Ministry'"
    ) in done.stderr
    path = merging / "glossary" / "titles.po"
    text = path.read_text(encoding="utf-8")
    assert "<<<<<<<" not in text and ">>>>>>>" not in text
    kemlu = next(e for e in load_glossary(path) if e.source == "Kemlu")  # still valid PO
    assert kemlu.target == "Ministry of Foreign Affairs"
    result = lint(merging / "glossary")
    assert [(Path(f.path).name, f.line, f.code) for f in result.errors] == [("titles.po", 10, "merge-conflict")]
    assert "theirs 'Foreign Office'" in result.errors[0].message


def test_deleted_on_one_side_changed_on_the_other_is_a_conflict(merging):
    branch_edit(merging, "a", [("titles.po", KEMLU.strip() + "\n", "")])
    branch_edit(merging, "b", [("titles.po", 'msgstr "Foreign Ministry"', 'msgstr "Foreign Office"')])
    git(merging, "checkout", "-q", "a")
    assert merge(merging, "b").returncode == 1
    kemlu = next(e for e in load_glossary(merging / "glossary" / "titles.po") if e.source == "Kemlu")
    assert kemlu.target == "Foreign Office"
    assert kemlu.conflicts == ["deleted in ours, changed in theirs: kept theirs' version"]


def test_deleted_on_one_side_unchanged_on_the_other_is_deleted(merging):
    branch_edit(merging, "a", [("titles.po", KEMLU.strip() + "\n", "")])
    branch_edit(merging, "b", [("abbreviations.po", 'msgstr "North Korea"', 'msgstr "DPRK"')])
    git(merging, "checkout", "-q", "b")
    assert merge(merging, "a").returncode == 0
    assert [e.source for e in load_glossary(merging / "glossary")] == ["Korsel", "Korut", "Vladimir Putin"]


def test_unreadable_version_leaves_ours_and_exits_2(tmp_path, capsys):
    base, ours, theirs = (tmp_path / n for n in ("base.po", "ours.po", "theirs.po"))
    base.write_text(po(KEMLU), encoding="utf-8")
    ours.write_text(po(KEMLU, PUTIN), encoding="utf-8")
    theirs.write_text(po('msgid "Kemlu"\nmsgstr "Foreign Office'), encoding="utf-8")
    before = ours.read_bytes()
    code, _, err = run(capsys, "glossary", "merge-driver", str(base), str(ours), str(theirs), "glossary/titles.po")
    assert code == 2 and "(the theirs version of glossary/titles.po)" in err
    assert ours.read_bytes() == before
