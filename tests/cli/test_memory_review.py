"""The review loop and TMX exchange end to end through the CLI on the demo copy model, and the memory wrapper's
generic forwarding of optional engine methods (a scripted engine: no CTranslate2 engine offers such a
method yet) and the engine identity."""

from __future__ import annotations

import json
import shutil
import sqlite3
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
SOURCE = "Korut siap berunding. Rusia menolak.\nPresiden tiba di kota.\n"


def run_cli(capsys, *args) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main([str(a) for a in args])
    captured = capsys.readouterr()
    return exc.value.code, captured.out, captured.err


def report_of(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


@pytest.fixture
def setup(tmp_path, make_demo_package, monkeypatch):
    packages, _ = make_demo_package()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    monkeypatch.setenv("CI", "1")
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    (glossary / "terms.po").write_text(GLOSSARY_PO, encoding="utf-8")
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(SOURCE, encoding="utf-8")
    return src, glossary, tmp_path / "out"


def edit_review(path: Path, msgid: str, msgstr: str, *, keep_fuzzy: bool = False) -> None:
    """What an editor does in a PO editor: set msgstr of one entry and clear (or keep) its fuzzy flag."""
    import polib

    po = polib.pofile(str(path))
    entry = po.find(msgid)
    entry.msgstr = msgstr
    if "fuzzy" in entry.flags and not keep_fuzzy:
        entry.flags.remove("fuzzy")
    po.save(str(path))


def test_review_apply_rebuilds_outputs_and_force_keeps_the_edit(setup, capsys):
    src, glossary, out = setup
    assert run_cli(capsys, "translate", src, "-o", out, "--glossary", glossary)[0] == 0
    assert (out / "a.txt").read_text(
        encoding="utf-8"
    ) == "North Korea siap berunding. Russia menolak.\nPresiden tiba di kota.\n"
    edit_review(out / "a.txt.review.po", "Korut siap berunding.", "North Korea is ready to negotiate.")
    code, stdout, _ = run_cli(capsys, "review", "status", out)
    assert code == 0
    assert stdout.splitlines() == [
        "3 sentences in 1 files: 3 machine, 0 approved, 0 flagged, 0 stale",
        f"1 edit(s) not applied yet in a.txt.review.po: run `translate-kit review apply {out}`",
    ]

    code, _, err = run_cli(capsys, "review", "apply", out)
    assert code == 0, err
    assert "recorded 1 approved translation(s)" in err
    expected = "North Korea is ready to negotiate. Russia menolak.\nPresiden tiba di kota.\n"
    assert (out / "a.txt").read_text(encoding="utf-8") == expected
    assert report_of(out)["memory"]["missing"] == 0  # rebuilt from the memory, no engine call
    review = (out / "a.txt.review.po").read_text(encoding="utf-8")
    assert (
        '#. approved: human translation (review)\n#: a.txt:1\nmsgid "Korut siap berunding."\n'
        'msgstr "North Korea is ready to negotiate."' in review
    )
    assert (
        run_cli(capsys, "review", "status", out, "--format", "json")[1]
        and json.loads(run_cli(capsys, "review", "status", out, "--format", "json")[1])["approved"] == 1
    )

    # --force asks the engine again for machine sentences; the approved one is not replaced
    code, _, err = run_cli(capsys, "translate", src, "-o", out, "--glossary", glossary, "--force")
    assert code == 0, err
    assert (out / "a.txt").read_text(encoding="utf-8") == expected
    rep = report_of(out)
    # the machine sentences: "Rusia menolak." (verified first, then its placeholder input "ZX1 menolak.", since
    # the copy model leaves Rusia in Indonesian) and "Presiden tiba di kota."
    assert rep["memory"]["human_review"] == 1 and rep["memory"]["missing"] == 3


def test_a_changed_source_offers_the_old_approval_as_a_fuzzy_suggestion(setup, capsys):
    src, glossary, out = setup
    assert run_cli(capsys, "translate", src, "-o", out, "--glossary", glossary)[0] == 0
    edit_review(out / "a.txt.review.po", "Presiden tiba di kota.", "The president arrived in the city.")
    # the next translate records the edit too, without `review apply`
    assert run_cli(capsys, "translate", src, "-o", out, "--glossary", glossary)[0] == 0
    assert (out / "a.txt").read_text(encoding="utf-8").endswith("The president arrived in the city.\n")
    (src / "a.txt").write_text(SOURCE.replace("di kota", "di ibu kota"), encoding="utf-8")
    assert run_cli(capsys, "translate", src, "-o", out, "--glossary", glossary)[0] == 0
    assert (out / "a.txt").read_text(encoding="utf-8").endswith("Presiden tiba di ibu kota.\n")  # machine again
    review = (out / "a.txt.review.po").read_text(encoding="utf-8")
    assert (
        '#, fuzzy\n#| msgid "Presiden tiba di kota."\nmsgid "Presiden tiba di ibu kota."\n'
        'msgstr "The president arrived in the city."' in review
    )
    assert "suggestion: approved translation of an earlier source sentence" in review
    code, stdout, _ = run_cli(capsys, "review", "status", out)
    assert stdout.splitlines()[0] == "3 sentences in 1 files: 2 machine, 0 approved, 0 flagged, 1 stale"
    # the editor accepts the suggestion with a change: it becomes the approval of the new source
    edit_review(out / "a.txt.review.po", "Presiden tiba di ibu kota.", "The president arrived in the capital.")
    assert run_cli(capsys, "review", "apply", out)[0] == 0
    assert (out / "a.txt").read_text(encoding="utf-8").endswith("The president arrived in the capital.\n")


def test_an_edit_still_fuzzy_is_a_draft_and_approvals_are_checked_against_the_glossary(setup, capsys):
    src, glossary, out = setup
    assert run_cli(capsys, "translate", src, "-o", out, "--glossary", glossary)[0] == 0
    edit_review(out / "a.txt.review.po", "Rusia menolak.", "Russia refused.", keep_fuzzy=True)
    po = out / "a.txt.review.po"
    po.write_text(
        po.read_text(encoding="utf-8").replace('msgid "Rusia menolak."', '#, fuzzy\nmsgid "Rusia menolak."'),
        encoding="utf-8",
    )
    edit_review(po, "Korut siap berunding.", "Pyongyang is ready to negotiate.")  # drops the glossary term
    code, _, err = run_cli(capsys, "review", "apply", out, "--strict")
    assert code == 1  # the approved sentence violates the glossary: flagged, and --strict fails
    assert "a.txt:1: missing-term: Korut → North Korea" in err
    text = (out / "a.txt").read_text(encoding="utf-8")
    assert text == "Pyongyang is ready to negotiate. Russia menolak.\nPresiden tiba di kota.\n"  # draft not used
    review = po.read_text(encoding="utf-8")
    assert '#, fuzzy\nmsgid "Rusia menolak."\nmsgstr "Russia refused."' in review  # the draft is kept
    [flag] = report_of(out)["flags"]
    assert (flag["reason"], flag["entry"]) == ("missing-term", "Korut → North Korea")


def test_review_apply_without_a_run_is_one_error(tmp_path, capsys):
    code, _, err = run_cli(capsys, "review", "apply", tmp_path)
    assert code == 2
    assert (
        err.strip() == f"translate-kit: error: {tmp_path}: no translate run recorded in this output directory "
        "(run translate into it first)"
    )


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="other" creationtoolversion="1" datatype="plaintext" segtype="sentence"
          adminlang="en" srclang="id-ID" o-tmf="x"/>
  <body>
    <tu><tuv xml:lang="id-ID"><seg>Presiden   tiba di kota.</seg></tuv>
        <tuv xml:lang="en-US"><seg>The president <ph>{1}</ph>reached the city.</seg></tuv></tu>
    <tu><tuv xml:lang="id"><seg>Kalimat lain &amp; "kutipan".</seg></tuv>
        <tuv xml:lang="en"><seg>Another sentence &amp; "a quote".</seg></tuv></tu>
  </body>
</tmx>
"""


def test_tmx_import_is_used_before_the_engine_and_round_trips(setup, tmp_path, capsys):
    src, glossary, out = setup
    (tmp_path / "in.tmx").write_text(TMX, encoding="utf-8")
    code, _, err = run_cli(capsys, "memory", "import", tmp_path / "in.tmx", "--into", out)
    assert code == 0 and "imported 2 segment(s)" in err
    code, _, err = run_cli(capsys, "translate", src, "-o", out, "--glossary", glossary)
    assert code == 0, err
    # exact match after normalisation (spaces): the human segment, not the engine
    assert (out / "a.txt").read_text(encoding="utf-8").endswith("\nThe president reached the city.\n")
    rep = report_of(out)
    # two machine sentences, each verified first and then held by its placeholder input (the copy model
    # leaves Korut and Rusia in Indonesian): four engine inputs
    assert rep["memory"]["human_tmx"] == 1 and rep["memory"]["missing"] == 4

    assert run_cli(capsys, "memory", "export", out, "-o", tmp_path / "out.tmx")[0] == 0
    exported = (tmp_path / "out.tmx").read_text(encoding="utf-8")
    assert '<tuv xml:lang="id"><seg>Kalimat lain &amp; "kutipan".</seg></tuv>' in exported
    assert run_cli(capsys, "memory", "import", tmp_path / "out.tmx", "--into", tmp_path / "second.sqlite")[0] == 0
    with sqlite3.connect(tmp_path / "second.sqlite") as db:
        rows = db.execute("SELECT original, target FROM human ORDER BY source").fetchall()
    assert rows == [
        ('Kalimat lain & "kutipan".', 'Another sentence & "a quote".'),
        ("Presiden   tiba di kota.", "The president reached the city."),
    ]


@pytest.mark.parametrize(
    "body, message",
    [
        (
            '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY a "aaaa">]>\n<tmx version="1.4"><body/></tmx>\n',
            "bad.tmx:2: TMX file declares a DTD or entities: refused",
        ),
        (
            '<?xml version="1.0"?>\n<tmx version="1.4"><body>\n<tu><tuv xml:lang="id"><seg>x</seg></tu>\n</body></tmx>\n',
            "bad.tmx:3: malformed TMX: mismatched tag",
        ),
        ('<?xml version="1.0"?>\n<tbx/>\n', "bad.tmx:2: not a TMX file: root element is <tbx>, expected <tmx>"),
        (
            '<?xml version="1.0"?>\n<tmx version="1.4"><body>\n<tu><tuv xml:lang="id"><seg>x</seg></tuv></tu>\n'
            "</body></tmx>\n",
            "bad.tmx:3: translation unit without an Indonesian (id) and an English (en) variant",
        ),
    ],
)
def test_bad_tmx_is_one_line_naming_file_and_line(tmp_path, body, message, capsys):
    (tmp_path / "bad.tmx").write_text(body, encoding="utf-8")
    code, _, err = run_cli(capsys, "memory", "import", tmp_path / "bad.tmx", "--into", tmp_path / "m.sqlite")
    assert code == 2
    assert err.count("\n") == 1 and err.startswith(f"translate-kit: error: {tmp_path}/") and message in err


# -- the wrapper and the identity --------------------------------------------------------------------------------
class NBestEngine:
    """Scripted: a translate_nbest(texts, n) capability like the one a real engine would offer."""

    def __init__(self):
        self.calls: list[tuple[str, list]] = []

    def translate(self, texts, progress=None):
        self.calls.append(("translate", list(texts)))
        return [t.upper() for t in texts]

    def translate_nbest(self, texts, n=2):
        self.calls.append(("translate_nbest", list(texts)))
        return [[t.upper() + f" #{k}" for k in range(n)] for t in texts]

    def tokenize(self, text):
        return text.split()

    def identity(self):
        return {"engine": "nbest-script", "version": 1}


def test_optional_engine_methods_go_through_the_memory_generically(tmp_path):
    from translate_kit.translation.memory import MemoryStore, MemoryTranslator

    inner = NBestEngine()
    with MemoryStore(tmp_path / "m.sqlite") as store:
        engine = MemoryTranslator(inner, store)
        assert engine.translate_nbest(["a b", "c"], n=2) == [["A B #0", "A B #1"], ["C #0", "C #1"]]
        assert engine.translate_nbest(["c", "d"], n=2) == [["C #0", "C #1"], ["D #0", "D #1"]]
        assert engine.translate_nbest(["c"], n=3) == [["C #0", "C #1", "C #2"]]  # other options: another key
        assert engine.translate(["c", "a b"]) == ["C", "A B"]
        assert engine.tokenize("x y") == ["x", "y"] and not hasattr(engine, "translate_with_prefix")
    assert inner.calls == [
        ("translate_nbest", ["a b", "c"]),
        ("translate_nbest", ["d"]),
        ("translate_nbest", ["c"]),
        ("translate", ["c", "a b"]),
    ]
    with MemoryStore(tmp_path / "m.sqlite") as store:  # a new process would find all of it
        again = MemoryTranslator(NBestEngine(), store)
        assert again.translate_nbest(["d"], n=2) == [["D #0", "D #1"]] and again.inner.calls == []


def test_engine_identity_hashes_content_and_decoding_options_not_paths_or_devices(make_demo_package, tmp_path):
    from translate_kit.engine import BatchTranslator
    from translate_kit.engine.identity import engine_identity
    from translate_kit.engine.packages import load_package

    _, info = make_demo_package()
    copy = tmp_path / info.path.name
    shutil.copytree(info.path, copy)
    a = engine_identity(BatchTranslator(info, max_batch_tokens=512))
    b = engine_identity(BatchTranslator(load_package(copy), max_batch_tokens=4096, inter_threads=1, intra_threads=1))
    assert a == b
    assert engine_identity(BatchTranslator(info, beam_size=2)) != a
    data = (copy / "model" / "model.bin").read_bytes()
    (copy / "model" / "model.bin").write_bytes(data[:-1] + bytes([data[-1] ^ 1]))  # one bit of a weight
    assert engine_identity(BatchTranslator(load_package(copy))) != a
