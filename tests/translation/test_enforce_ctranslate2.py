"""Glossary enforcement on the real CTranslate2 path (demo models, no mocks): the engine capabilities the
ladder uses (n-best, attention, target prefix, suppressed sequences, scoring) and the ladder through
``translate_kit.translate_texts`` with a ``BatchTranslator``. On the copy model cross-attention is exactly
diagonal (decoder step t attends to source position t), so attention alignment is testable exactly."""

from __future__ import annotations

import pytest

import translate_kit
from translate_kit.engine import BatchTranslator
from translate_kit.glossary.model import Entry, Glossary

KORUT = Entry("Korut", "North Korea", admitted=["North Korean"], forbidden=["Korea North"])
RUSIA = Entry("Rusia", "Russia")
GLOSSARY = Glossary(entries=[KORUT, RUSIA])


@pytest.fixture(scope="module")
def copy_engine(make_demo_package):
    # beam 4, not the demo package's own greedy default: the n-best rung needs a beam to draw hypotheses from
    return BatchTranslator(make_demo_package()[1], beam_size=4)


def test_attention_on_the_copy_model_is_diagonal_and_spans_cover_the_text(copy_engine):
    sentence = "Sikap Korutnya keras."
    [d] = copy_engine.translate_with_attention([sentence])
    assert d["text"] == sentence
    assert len(d["attention"]) == len(d["target_spans"]) == len(d["source_spans"])
    argmax = [max(range(len(row)), key=row.__getitem__) for row in d["attention"]]
    assert argmax == list(range(len(argmax)))
    assert "".join(sentence[a:b] for a, b in d["source_spans"]) == sentence.replace(" ", "")
    assert d["source_spans"] == d["target_spans"]


def test_nbest_prefix_suppression_and_scores_on_the_copy_model(copy_engine):
    texts = ["Korut dan Rusia.", "", "Rusia."]
    nbest = copy_engine.translate_nbest(texts, 3)
    assert [h[0] for h in nbest] == copy_engine.translate(texts) == ["Korut dan Rusia.", "", "Rusia."]
    assert len(nbest[0]) == 3 and nbest[1] == [""]
    forced = copy_engine.translate_with_prefix(["Korut dan Rusia."], ["North Korea"])
    assert forced[0].startswith("North Korea")
    [suppressed] = copy_engine.translate_suppressed(["Korut dan Rusia."], ["Rusia"])
    assert "Rusia" not in suppressed and suppressed.startswith("Korut dan")
    good, bad = copy_engine.score(["Rusia.", "Rusia."], ["Rusia.", "Korea North bertemu."])
    assert good > bad


def test_the_ladder_on_the_copy_model_uses_the_nbest_first_round_and_placeholders(copy_engine):
    calls = []

    class Counting:
        """The real engine, each call recorded (what a translation memory would wrap)."""

        beam_size = copy_engine.beam_size

        def __getattr__(self, name):
            method = getattr(copy_engine, name)
            if not callable(method) or name in ("tokenize", "detokenize"):
                return method

            def call(*args, **kwargs):
                calls.append((name, list(args[0])))
                return method(*args, **kwargs)

            return call

    [a, b] = translate_kit.translate_texts(
        ["Korut dan Rusia bertemu.", "Cuaca cerah."], glossary=GLOSSARY, translate=Counting()
    )
    assert a.text == "North Korea dan Russia bertemu." and b.text == "Cuaca cerah."
    assert [(o.source, o.verdict, o.method) for o in a.terms] == [
        ("Korut", "enforced", "placeholder"),
        ("Rusia", "enforced", "placeholder"),
    ]
    assert calls == [
        ("translate_nbest", ["Korut dan Rusia bertemu.", "Cuaca cerah."]),
        ("translate", ["ZX1 dan ZX2 bertemu."]),
    ]


def test_a_term_the_model_renders_right_is_natural_and_kept(make_demo_package):
    engine = BatchTranslator(make_demo_package(word_map={"Korut": "North Korea", "dan": "and"})[1])
    [r] = translate_kit.translate_texts(["Korut dan Rusia bertemu."], glossary=GLOSSARY, translate=engine)
    assert r.text == "North Korea and Russia bertemu."
    assert [(o.source, o.verdict, o.method) for o in r.terms] == [
        ("Korut", "natural", ""),
        ("Rusia", "enforced", "placeholder"),
    ]


def test_attention_aligned_span_substitution_when_both_protections_are_mangled(make_demo_package):
    # the placeholder and the inline English form are both broken by the model; the copy model's diagonal
    # attention maps "Korutnya" to its output span, which is replaced (with no engine call of its own beyond
    # the attention round)
    engine = BatchTranslator(make_demo_package(word_map={"ZX1": "ZX7", "North": "South"})[1])
    [r] = translate_kit.translate_texts(["Pejabat Korutnya tiba."], glossary=GLOSSARY, translate=engine)
    assert r.text == "Pejabat North Korea tiba."
    assert [(o.verdict, o.method) for o in r.terms] == [("enforced", "attention")]


def test_a_forbidden_rendering_by_the_model_is_fixed_and_never_kept(make_demo_package):
    engine = BatchTranslator(make_demo_package(word_map={"Korut": "Korea North"})[1])
    [r] = translate_kit.translate_texts(["Korut menolak."], glossary=GLOSSARY, translate=engine)
    assert r.text == "North Korea menolak." and not r.flagged
    assert [(o.verdict, o.method) for o in r.terms] == [("enforced", "placeholder")]
