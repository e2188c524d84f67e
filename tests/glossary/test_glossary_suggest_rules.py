"""`glossary suggest` rules, one small hand-made corpus each: per-kind thresholds, splitting glued sequences,
connectors inside institution names, credit lines and short forms, sentence examples."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from translate_kit.cli.glossary_exchange_cmd import suggest_cmd
from translate_kit.glossary.model import Entry
from translate_kit.glossary.pofile import load_glossary
from translate_kit.glossary.suggest import credit_spans, models, suggest


def corpus(tmp_path: Path, *lines: str, name: str = "a.txt") -> Path:
    d = tmp_path / "corpus"
    d.mkdir(exist_ok=True)
    (d / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return d


def forms(result) -> dict[str, str]:
    return {c.form: c.kind for c in result.candidates}


# -- 1. thresholds by kind -------------------------------------------------------------------------------------
THRESHOLD_LINES = (
    "Pejabat itu mengatakan KCNA melaporkan uji coba rudal Hwasong-18 yang diawasi Kim Yo Jong di Wonsan.",
    "Kapal selam baru itu dibuat di Sinpo tahun lalu.",
    "Galangan kapal di Sinpo terus diperluas.",
    "Hal itu dilaporkan kantor berita Yonhap pada pagi hari.",
)


def test_high_precision_kinds_need_one_occurrence_single_words_two(tmp_path):
    result = suggest([corpus(tmp_path, *THRESHOLD_LINES)], [])
    # KCNA (acronym), Hwasong-18 (model), Kim Yo Jong (multi-word) once each; Sinpo twice; Yonhap once but
    # right after "kantor berita"; Wonsan is a single word seen once without a cue
    assert forms(result) == {
        "KCNA": "acronym",
        "Hwasong-18": "model",
        "Kim Yo Jong": "name",
        "Sinpo": "name",
        "Yonhap": "name",
    }


def test_min_count_overrides_every_kind(tmp_path):
    d = corpus(tmp_path, *THRESHOLD_LINES)
    assert forms(suggest([d], [], min_count=2)) == {"Sinpo": "name"}
    assert "Wonsan" in forms(suggest([d], [], min_count=1))


def test_cli_documents_the_defaults_and_accepts_the_override(tmp_path):
    help_text = CliRunner().invoke(suggest_cmd, ["--help"]).output
    assert "1 for acronyms, models, titles, multi-word" in " ".join(help_text.split())
    empty = tmp_path / "glossary"
    empty.mkdir()
    d = corpus(tmp_path, *THRESHOLD_LINES)
    out = CliRunner().invoke(suggest_cmd, [str(d), "--glossary", str(empty), "--min-count", "2"])
    assert out.exit_code == 0, out.output
    assert [line.split()[-1] for line in out.stdout.splitlines()] == ["Sinpo"]


def test_models_need_two_letters_or_two_digits():
    text = "Rudal Hwasong-11, jet Su-57 dan F-16, pandemi COVID-19, lalu H-1 Lebaran di situs TRIBUN-26.COM."
    assert [m for _, m in models(text)] == ["Hwasong-11", "Su-57", "F-16", "COVID-19"]


# -- 2. splitting glued sequences ------------------------------------------------------------------------------
def test_titles_countries_seats_english_heads_and_glossary_terms_split_off(tmp_path):
    d = corpus(
        tmp_path,
        "Laporan itu dibantah juru bicara Kremlin Dmitry Peskov kepada wartawan.",
        "Setelah itu pemimpin Tiongkok Xi Jinping tiba di bandara.",
        "Pendapat itu disampaikan Direktur Sejong Institute Cheong Seong Chang kemarin.",
        "Acara itu dihadiri Wakil Perdana Menteri Alexander Novak dan pejabat luar negeri lain.",
        "Dia bertemu Menteri Luar Negeri Rusia Sergei Lavrov pekan lalu.",
        "Pertemuan itu juga dihadiri Komisioner Uni Eropa Josep Borrell.",
    )
    glossary = [Entry(source="Uni Eropa", target="European Union")]
    got = forms(suggest([d], glossary))
    assert got == {
        "Dmitry Peskov": "name",
        "Xi Jinping": "name",
        "Sejong Institute": "name",
        "Cheong Seong Chang": "name",
        "Alexander Novak": "name",
        "Sergei Lavrov": "name",
        "Josep Borrell": "name",
        "Wakil Perdana Menteri": "title",
        "Menteri Luar Negeri": "title",
    }
    # Kremlin, Tiongkok, Rusia and Komisioner occur once each as single words: below the default of 2


def test_a_country_inside_an_institution_name_stays(tmp_path):
    d = corpus(
        tmp_path,
        "Pernyataan itu dikeluarkan oleh Kementerian Luar Negeri Korea Selatan kemarin.",
        "Sementara itu pejabat Korea Selatan Kim Hong Kyun tiba.",
    )
    assert forms(suggest([d], [])) == {
        "Kementerian Luar Negeri Korea Selatan": "name",
        "Kim Hong Kyun": "name",
        "Korea Selatan": "name",
    }  # split off the person's name, multi-word


# -- 3. connectors inside institution names -------------------------------------------------------------------
def test_connectors_join_institution_names_only(tmp_path):
    d = corpus(
        tmp_path,
        "Seorang pakar dari Institut Internasional untuk Studi Strategis, Mark Fitzpatrick, berbicara.",
        "Dia menyaksikan pertemuan Kim Jong Un dan Vladimir Putin kemarin.",
        "Data itu berasal dari Badan Pusat Statistik. dan Jakarta belum menanggapi.",
        "Rapat antara Dewan Keamanan Nasional dan Kementerian Pertahanan ditunda.",
    )
    assert forms(suggest([d], [])) == {
        "Institut Internasional untuk Studi Strategis": "name",
        "Mark Fitzpatrick": "name",
        "Kim Jong Un": "name",
        "Vladimir Putin": "name",  # no institution head: "dan" does not join
        "Badan Pusat Statistik": "name",  # a sentence ends before "dan"
        "Dewan Keamanan Nasional": "name",
        "Kementerian Pertahanan": "name",  # a second head starts a new name
    }


# -- 4. noise: short forms and credit lines --------------------------------------------------------------------
def test_short_forms_fold_into_the_longer_name_and_ambiguous_ones_drop(tmp_path):
    d = corpus(
        tmp_path,
        "Kunjungan Presiden Vladimir Putin dimulai hari ini.",  # a title inside a sequence splits it
        "Sore itu Putin tiba.",
        "Setelah itu Putin berpidato.",
        "Dia menyaksikan pertemuan Kim Jong Un dan Kim Yo Jong.",
        "Setelah itu Kim pergi, lalu Kim kembali.",
    )
    result = suggest([d], [])
    assert forms(result) == {"Vladimir Putin": "name", "Kim Jong Un": "name", "Kim Yo Jong": "name"}
    putin = next(c for c in result.candidates if c.form == "Vladimir Putin")
    assert putin.short_forms == {"Putin": 2}
    assert "short forms: Putin (2×)" in putin.to_entry().notes


def test_short_form_of_a_glossary_entry_and_compass_words(tmp_path):
    d = corpus(
        tmp_path,
        "Pidato Joko Widodo disiarkan.",
        "Kemudian pidato Widodo berakhir.",
        "Lalu Widodo pergi.",
        "Kawasan Eropa Barat tenang.",
        "Mereka menolak sanksi Barat itu.",
        "Negara itu melawan Barat.",
    )
    glossary = [Entry(source="Joko Widodo", target="Joko Widodo"), Entry(source="Eropa Barat", target="Western Europe")]
    result = suggest([d], glossary)
    assert forms(result) == {"Widodo": "short-form", "Barat": "name"}
    widodo = next(c for c in result.candidates if c.form == "Widodo")
    assert widodo.count == 2 and widodo.of_entry.startswith("Joko Widodo")


def test_credit_spans():
    text = (
        "Foto kedua pemimpin (Vladimir Smirnov/AFP melalui Getty Images) dan (KCNA via Reuters), "
        "tetapi bukan (kekhawatiran ini via telepon) atau (Putin)."
    )
    assert [text[s:e] for s, e in credit_spans(text)] == [
        "Vladimir Smirnov/AFP melalui Getty Images",
        "KCNA via Reuters",
    ]


def test_credit_lines_give_acronyms_but_no_credit_words(tmp_path):
    d = corpus(
        tmp_path,
        "Kedua pemimpin bertemu. (Vladimir Smirnov, Sputnik, Kremlin Pool Photo via AP)",
        "Putin tiba di bandara. (KCNA via Reuters)",
        "Kim menyambutnya. (Mikhail Metzel/AFP melalui Getty Images)",
    )
    assert forms(suggest([d], [])) == {"AP": "acronym", "KCNA": "acronym", "AFP": "acronym"}
    # names seen only inside credits need two occurrences; with one, nothing glued to "Pool Photo" or "Images"
    relaxed = forms(suggest([d], [], min_count=1))
    assert {"Vladimir Smirnov", "Sputnik", "Kremlin", "Reuters", "Mikhail Metzel", "Getty"} <= set(relaxed)
    assert not {"Kremlin Pool Photo", "Pool Photo", "Getty Images"} & set(relaxed)


# -- 5. examples are sentences ---------------------------------------------------------------------------------
def test_examples_are_the_sentence_with_file_and_line(tmp_path):
    long_tail = " ".join(["kata"] * 80)
    d = corpus(
        tmp_path,
        "Cuaca cerah hari ini.",
        "Pagi itu hujan. Menurut kantor berita Yonhap, pejabat itu tiba. Lalu dia pergi.",
        f"Laporan panjang itu dikutip dari Reuters oleh media lain {long_tail}.",
        "Reuters juga menulis hal yang sama.",
    )
    result = suggest([d], [])
    by_form = {c.form: c for c in result.candidates}
    (yonhap,) = by_form["Yonhap"].examples
    assert (Path(yonhap.path).name, yonhap.line, yonhap.text) == (
        "a.txt",
        2,
        "Menurut kantor berita Yonhap, pejabat itu tiba.",
    )
    notes = by_form["Reuters"].to_entry().notes
    trimmed = notes[1]
    assert trimmed.startswith(f"example ({d / 'a.txt'}:3): Laporan panjang itu dikutip dari Reuters")
    assert trimmed.endswith("…") and len(trimmed.split("): ", 1)[1]) <= 201  # 200 characters and the ellipsis
    assert notes[2] == f"example ({d / 'a.txt'}:4): Reuters juga menulis hal yang sama."


def test_po_output_carries_short_form_notes(tmp_path):
    d = corpus(tmp_path, "Kunjungan Presiden Vladimir Putin dimulai.", "Sore itu Putin tiba.", "Lalu Putin pergi.")
    out = tmp_path / "s.po"
    from translate_kit.glossary.suggest import write_suggestions

    write_suggestions(suggest([d], []), out)
    g = load_glossary(out)
    assert g.diagnostics == []
    (entry,) = g.entries
    assert entry.source == "Vladimir Putin" and entry.fuzzy
    assert entry.notes[:2] == ["suggested: 1× in 1 file; kind: name", "short forms: Putin (2×)"]
