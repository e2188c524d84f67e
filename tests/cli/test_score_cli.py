"""``translate-kit score`` end to end: gates and exit codes, scores file, --against, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from translate_kit.cli import cli, main

REFS = [f"s{i} the quick brown fox jumps over the lazy dog" for i in range(120)]
GLOSSARY_PO = """msgid ""
msgstr ""
"Language: id\\n"

#. variant: Korea Utara
msgid "Korut"
msgstr "North Korea"

#, case-sensitive
msgid "AS"
msgstr "US"
"""


def _write(path: Path, lines: list[str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _drop_last(line: str) -> str:
    return line.rsplit(" ", 1)[0]


def _score(*args: str):
    return CliRunner().invoke(cli, ["score", *args], catch_exceptions=False)


def _main(capsys, *args: str) -> tuple[int, str, str]:
    """Run the real entry point (error mapping included)."""
    with pytest.raises(SystemExit) as exc:
        main(["score", *args])
    out, err = capsys.readouterr()
    return exc.value.code, out, err


@pytest.fixture
def files(tmp_path):
    ref = _write(tmp_path / "ref.txt", REFS)
    same = _write(tmp_path / "same.txt", REFS)
    garbage = _write(tmp_path / "garbage.txt", [" ".join(reversed(r.split())) for r in REFS])
    return tmp_path, ref, same, garbage


# -- scores and gates ----------------------------------------------------------------------------------------
def test_perfect_hypotheses_pass_and_show_signatures(files):
    _, ref, same, _ = files
    res = _score("--hyp", str(same), "--ref", str(ref), "--min-bleu", "99", "--min-chrf", "99")
    assert res.exit_code == 0, res.output
    assert "120 segments" in res.output
    assert "100.00" in res.output
    assert "nrefs:1|case:mixed|eff:no|tok:13a" in res.output
    assert "PASS min-bleu" in res.output and "PASS min-chrf" in res.output


def test_min_bleu_fails_under_threshold(files):
    _, ref, _, garbage = files
    res = _score("--hyp", str(garbage), "--ref", str(ref), "--min-bleu", "50")
    assert res.exit_code == 1
    assert "FAIL min-bleu" in res.output


def test_min_chrf_fails_under_threshold(tmp_path):
    ref = _write(tmp_path / "r.txt", ["abc"])
    hyp = _write(tmp_path / "h.txt", ["xyz"])
    res = _score("--hyp", str(hyp), "--ref", str(ref), "--min-chrf", "1")
    assert res.exit_code == 1 and "FAIL min-chrf" in res.output


def test_term_accuracy_and_its_gate(tmp_path):
    gl = tmp_path / "glossary"
    gl.mkdir()
    (gl / "places.po").write_text(GLOSSARY_PO, encoding="utf-8")
    src = _write(tmp_path / "src.txt", ["Korut dan AS berunding .", "Korea Utara menolak ."])
    ref = _write(tmp_path / "ref.txt", ["North Korea and the US negotiate .", "North Korea refuses ."])
    hyp = _write(tmp_path / "hyp.txt", ["Korut and the US negotiate .", "North Korea refuses ."])
    args = ["--hyp", str(hyp), "--ref", str(ref), "--src", str(src), "--glossary", str(gl)]
    res = _score(*args, "--min-term-accuracy", "0.6", "--format", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["term_accuracy"]["expected"] == 3 and data["term_accuracy"]["found"] == 2
    assert data["term_accuracy"]["accuracy"] == pytest.approx(0.6667)
    recall = {t["source"]: (t["found"], t["expected"]) for t in data["term_accuracy"]["per_term"]}
    assert recall == {"Korut": (1, 2), "AS": (1, 1)}
    assert len(data["glossary"]["sha256"]) == 64
    res = _score(*args, "--min-term-accuracy", "0.7")
    assert res.exit_code == 1 and "FAIL min-term-accuracy" in res.output


def test_baseline_reports_p_value_per_metric(files):
    _, ref, same, garbage = files
    res = _score(
        "--hyp", str(same), "--ref", str(ref), "--baseline", str(garbage), "--format", "json", "--resamples", "100"
    )
    assert res.exit_code == 0
    metrics = json.loads(res.output)["baseline"]["metrics"]
    assert set(metrics) == {"bleu", "chrf", "ter"}
    for m in metrics.values():
        assert m["p_value"] == pytest.approx(1 / 101)  # no resample beats a total difference
        assert m["n_samples"] == 100 and m["seed"] == 12345 and m["test"] == "bs"
    assert metrics["bleu"]["delta"] > 0 and metrics["ter"]["delta"] < 0


# -- --json and --against ------------------------------------------------------------------------------------
def test_json_scores_file_and_against(files):
    tmp, ref, same, garbage = files
    scores = tmp / "ci" / "scores.json"
    res = _score("--hyp", str(same), "--ref", str(ref), "--json", str(scores))
    assert res.exit_code == 0
    data = json.loads(scores.read_text(encoding="utf-8"))
    assert data["schema"] == "translate-kit/scores/1"
    assert data["hypotheses"] == REFS and data["segments"] == 120
    assert data["scores"]["bleu"]["score"] == pytest.approx(100.0)

    # the same hypotheses again: unchanged, passes
    res = _score("--hyp", str(same), "--ref", str(ref), "--against", str(scores))
    assert res.exit_code == 0 and "unchanged" in res.output

    # destroyed hypotheses: a significant drop fails
    res = _score("--hyp", str(garbage), "--ref", str(ref), "--against", str(scores), "--resamples", "200")
    assert res.exit_code == 1
    assert "FAIL against:bleu: significant drop" in res.output


def test_against_tiny_drop_is_not_significant(tmp_path):
    ref = _write(tmp_path / "ref.txt", REFS)
    earlier = _write(tmp_path / "a.txt", [_drop_last(r) if i % 2 == 0 else r for i, r in enumerate(REFS)])
    now_lines = [_drop_last(r) if i % 2 == 1 else r for i, r in enumerate(REFS)]
    now_lines[0] = _drop_last(now_lines[0])  # one word worse than the earlier run in total
    now = _write(tmp_path / "b.txt", now_lines)
    scores = tmp_path / "scores.json"
    assert _score("--hyp", str(earlier), "--ref", str(ref), "--json", str(scores)).exit_code == 0
    res = _score("--hyp", str(now), "--ref", str(ref), "--against", str(scores), "--resamples", "300")
    assert res.exit_code == 0, res.output
    assert "PASS against:bleu: drop not significant" in res.output


def test_against_another_test_set_is_an_input_error(files, capsys):
    tmp, ref, same, _ = files
    scores = tmp / "scores.json"
    _score("--hyp", str(same), "--ref", str(ref), "--json", str(scores))
    other_ref = _write(tmp / "other.txt", [r + " !" for r in REFS])
    code, _, err = _main(capsys, "--hyp", str(same), "--ref", str(other_ref), "--against", str(scores))
    assert code == 2
    assert err.startswith(f"translate-kit: error: {scores}: was scored against a different reference")


def test_against_file_that_is_not_json(files, capsys):
    tmp, ref, same, _ = files
    bad = tmp / "scores.json"
    bad.write_text('{\n  "schema": "translate-kit/scores/1",\n  oops\n}\n', encoding="utf-8")
    code, _, err = _main(capsys, "--hyp", str(same), "--ref", str(ref), "--against", str(bad))
    assert code == 2 and f"{bad}:3: not valid JSON" in err


# -- bad input -----------------------------------------------------------------------------------------------
def test_mismatched_line_counts(files, capsys):
    tmp, ref, _, _ = files
    short = _write(tmp / "short.txt", REFS[:119])
    out_json = tmp / "out.json"
    code, out, err = _main(capsys, "--hyp", str(short), "--ref", str(ref), "--json", str(out_json))
    assert code == 2
    assert err == f"translate-kit: error: {short}: hypothesis has 119 lines but the reference {ref} has 120\n"
    assert out == "" and not out_json.exists()
    long = _write(tmp / "long.txt", REFS + ["surplus"])
    code, _, err = _main(capsys, "--hyp", str(long), "--ref", str(ref))
    assert code == 2 and f"{long}:121: hypothesis has 121 lines" in err


def test_trailing_blank_line_in_one_input_is_not_a_mismatch(tmp_path):
    ref = tmp_path / "ref.txt"
    ref.write_text("a b c d\ne f g h\n\n", encoding="utf-8")
    hyp = _write(tmp_path / "hyp.txt", ["a b c d", "e f g h"])
    res = _score("--hyp", str(hyp), "--ref", str(ref), "--format", "json")
    assert res.exit_code == 0
    data = json.loads(res.output)
    assert data["segments"] == 2 and data["diagnostics"] == []


def test_empty_reference(tmp_path, capsys):
    ref = tmp_path / "ref.txt"
    ref.write_text("\n\n", encoding="utf-8")
    hyp = _write(tmp_path / "hyp.txt", ["a"])
    code, _, err = _main(capsys, "--hyp", str(hyp), "--ref", str(ref))
    assert code == 2 and f"{ref}: empty file" in err


def test_missing_file(tmp_path, capsys):
    ref = _write(tmp_path / "ref.txt", ["a"])
    code, _, err = _main(capsys, "--hyp", str(tmp_path / "nope.txt"), "--ref", str(ref))
    assert code == 2 and f"{tmp_path / 'nope.txt'}: no such file" in err


def test_non_utf8_names_file_and_line(tmp_path, capsys):
    ref = _write(tmp_path / "ref.txt", ["a", "b", "c"])
    hyp = tmp_path / "hyp.txt"
    hyp.write_bytes(b"a\nb\n\xff c\n")
    code, _, err = _main(capsys, "--hyp", str(hyp), "--ref", str(ref))
    assert code == 2 and f"{hyp}:3: not valid UTF-8" in err


def test_min_term_accuracy_needs_a_source(files, capsys):
    _, ref, same, _ = files
    code, _, err = _main(capsys, "--hyp", str(same), "--ref", str(ref), "--min-term-accuracy", "0.9")
    assert code == 2 and "--min-term-accuracy needs the source (--src)" in err


def test_empty_hypothesis_line_is_scored_and_warned(tmp_path):
    ref = _write(tmp_path / "ref.txt", ["a b c d", "e f g h"])
    hyp = _write(tmp_path / "hyp.txt", ["a b c d", ""])
    res = _score("--hyp", str(hyp), "--ref", str(ref), "--format", "json")
    data = json.loads(res.output)
    assert data["segments"] == 2
    assert data["scores"]["ter"]["score"] == pytest.approx(50.0)  # 4 deletions for 8 reference words
    assert [(d["code"], d["line"]) for d in data["diagnostics"]] == [("empty-hypothesis", 2)]


def test_directories_of_articles(tmp_path, capsys):
    for side in ("hyp", "ref"):
        _write(tmp_path / side / "a.txt", ["one two three four", "", "five six seven eight"])
        _write(tmp_path / side / "b.txt", ["nine ten eleven twelve"])
    res = _score("--hyp", str(tmp_path / "hyp"), "--ref", str(tmp_path / "ref"), "--format", "json")
    data = json.loads(res.output)
    assert data["segments"] == 3 and data["skipped_blank_lines"] == 1
    assert data["scores"]["bleu"]["score"] == pytest.approx(100.0)
    (tmp_path / "hyp" / "b.txt").unlink()
    code, _, err = _main(capsys, "--hyp", str(tmp_path / "hyp"), "--ref", str(tmp_path / "ref"))
    assert code == 2 and f"{tmp_path / 'hyp' / 'b.txt'}: hypothesis counterpart" in err


def test_bilingual_po_hypothesis_brings_its_own_source(tmp_path):
    gl = tmp_path / "glossary"
    gl.mkdir()
    (gl / "places.po").write_text(GLOSSARY_PO, encoding="utf-8")
    po = tmp_path / "review.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Korut menembak rudal ."\nmsgstr "North Korea fired a missile ."\n\n'
        'msgid "AS menolak ."\nmsgstr "Washington refused ."\n',
        encoding="utf-8",
    )
    ref = _write(tmp_path / "ref.txt", ["North Korea fired a missile .", "The US refused ."])
    res = _score("--hyp", str(po), "--ref", str(ref), "--glossary", str(gl), "--format", "json")
    assert res.exit_code == 0, res.output
    terms = json.loads(res.output)["term_accuracy"]
    assert (terms["expected"], terms["found"]) == (2, 1)  # Korut rendered, AS not


def test_glossary_with_a_syntax_error(tmp_path, capsys):
    gl = tmp_path / "glossary"
    gl.mkdir()
    (gl / "bad.po").write_text('msgid "Korut"\nmsgstr "North Korea\n', encoding="utf-8")
    src = _write(tmp_path / "src.txt", ["Korut menembak ."])
    ref = _write(tmp_path / "ref.txt", ["North Korea fired ."])
    code, _, err = _main(capsys, "--hyp", str(ref), "--ref", str(ref), "--src", str(src), "--glossary", str(gl))
    assert code == 2 and f"{gl / 'bad.po'}:2: PO syntax error" in err


def test_glossary_without_source_is_noted(tmp_path):
    gl = tmp_path / "glossary"
    gl.mkdir()
    ref = _write(tmp_path / "ref.txt", ["North Korea fired ."])
    res = _score("--hyp", str(ref), "--ref", str(ref), "--glossary", str(gl), "--format", "json")
    data = json.loads(res.output)
    assert data["term_accuracy"] is None
    assert [d["code"] for d in data["diagnostics"]] == ["no-source"]
