"""Issue 15 case 10: unpunctuated text cut into 1,000-character pieces made the model-limit cutting quadratic
(every position scanned every term of its piece). The cut positions come from one pass over the terms now;
this counts the passes instead of timing them, and checks the result against the definition."""

from __future__ import annotations

import random

from translate_kit.translation.plan import _chunks, _cut_positions


class CountingSpans(list):
    """A list of term spans that counts how often it is walked."""

    walks = 0

    def __iter__(self):
        CountingSpans.walks += 1
        return super().__iter__()


class WordTokens:
    """A stand-in tokenizer (one token per word): the cutting only needs token counts."""

    max_input_tokens = 64

    def tokenize(self, text: str) -> list[str]:
        return text.split()


def _sentence_and_terms(n_words: int, seed: int = 7):
    rng = random.Random(seed)
    words = [rng.choice(["korut", "dan", "as", "menlu", "yang", "akan", "kemlu"]) for _ in range(n_words)]
    sentence = " ".join(words)
    spans, pos = [], 0
    for w in words:
        if w in ("korut", "kemlu", "as"):
            spans.append((pos, pos + len(w), 2))
        pos += len(w) + 1
    return sentence, spans


def test_cut_positions_walk_the_terms_once_not_once_per_position():
    sentence, spans = _sentence_and_terms(200)  # ~1,000 characters, ~80 terms
    counted = CountingSpans(spans)
    CountingSpans.walks = 0
    cuts = _cut_positions(sentence, counted)
    assert CountingSpans.walks == 1  # the quadratic version walked them len(sentence) - 1 times
    assert cuts == [
        i for i in range(1, len(sentence)) if sentence[i] == " " and not any(s < i < e for s, e, _ in spans)
    ]


def test_chunks_walk_the_terms_a_bounded_number_of_times():
    sentence, spans = _sentence_and_terms(200)
    counted = CountingSpans(spans)
    CountingSpans.walks = 0
    pieces = _chunks(sentence, WordTokens(), 64, counted)
    assert len(pieces) > 2 and " ".join(pieces) == sentence
    # one walk for the reserve, one for the cut mask, one per piece for its own terms
    assert CountingSpans.walks <= 2 + len(pieces) + 1
    for piece in pieces:
        assert len(piece.split()) <= 64


def test_no_cut_falls_inside_a_term_and_unspaced_text_is_still_cut():
    sentence = "a" * 30 + "KORUTKORUT" + "b" * 30
    spans = [(30, 40, 0)]
    cuts = _cut_positions(sentence, spans)
    assert cuts == [i for i in range(1, 70) if not 30 < i < 40]
