"""The progress callback of a batch: the total is known before the first batch is decoded, and it advances
after every token batch (the real demo model through CTranslate2)."""

from __future__ import annotations

from translate_kit.engine import BatchTranslator
from translate_kit.translation import TranslateOptions, translate_segments


def test_progress_knows_the_total_first_and_advances_per_batch(demo_package):
    texts = [f"Presiden dan menteri bertemu di kota nomor {i} pada hari Senin." for i in range(40)]
    calls: list[tuple[int, int]] = []
    translator = BatchTranslator(demo_package, beam_size=1, max_batch_tokens=64, inter_threads=1, intra_threads=1)
    n_tokens = sum(len(translator.tokenize(t)) + 1 for t in texts)
    results = translate_segments(
        texts,
        glossary=None,
        translator=translator,
        options=TranslateOptions(progress=lambda done, total: calls.append((done, total))),
    )
    assert [r.text for r in results][:1] == ["President and minister bertemu in city nomor 0 on day Senin."]
    assert calls[0] == (0, 40)  # before anything is decoded
    assert calls[-1] == (40, 40)
    assert all(total == 40 for _, total in calls)
    done = [d for d, _ in calls]
    assert done == sorted(done)
    # one step per 64-token batch (one decoding worker): as many steps as batches, give or take rounding
    assert len(calls) - 1 >= n_tokens // 64
