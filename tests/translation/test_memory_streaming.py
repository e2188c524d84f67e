"""The translation memory over an engine that streams its batches (``streams_batches``, ``on_batch``): one
engine call for all the memory lacks, each batch committed as the engine hands it over. Scripted engines: a
failure after exactly the 2nd batch is behaviour no tiny model shows (the real engines' streaming is tested in
tests/engine/test_engine_ray.py and by the CLI memory tests)."""

from __future__ import annotations

import pytest

from translate_kit.translation.memory import MemoryStore, MemoryTranslator

TEXTS = [f"kalimat nomor {n} di sini" for n in range(10)]


class StreamingEngine:
    """Upper-cases, in batches of ``size`` inputs handed to ``on_batch`` one by one; raises after
    ``fail_after`` batches when set. Records every call's inputs."""

    streams_batches = True

    def __init__(self, size: int = 3, fail_after: int | None = None):
        self.size, self.fail_after = size, fail_after
        self.calls: list[list[str]] = []

    def translate(self, texts, progress=None, on_batch=None):
        self.calls.append(list(texts))
        for number, start in enumerate(range(0, len(texts), self.size)):
            if self.fail_after is not None and number == self.fail_after:
                raise RuntimeError("injected engine failure after the 2nd batch")
            indexes = list(range(start, min(start + self.size, len(texts))))
            on_batch(indexes, [texts[i].upper() for i in indexes])
        return [t.upper() for t in texts]

    def identity(self):
        return {"engine": "streaming-script", "version": 1}


def stored(path) -> dict[str, str]:
    with MemoryStore(path) as store:
        engine = store.engine_id(MemoryTranslator(StreamingEngine(), store).identity_key, {})
        return store.get_many(engine, "translate", TEXTS)


def test_a_streaming_engine_gets_one_call_and_each_batch_is_committed_as_it_arrives(tmp_path):
    failing = StreamingEngine(size=3, fail_after=2)
    with MemoryStore(tmp_path / "m.sqlite") as store:
        memory = MemoryTranslator(failing, store)
        with pytest.raises(RuntimeError, match="after the 2nd batch"):
            memory.translate(TEXTS)
        assert failing.calls == [TEXTS]  # one call for everything the memory lacked
        assert memory.stats.committed == 6 and memory.stats.engine_calls == 1
    assert stored(tmp_path / "m.sqlite") == {t: t.upper() for t in TEXTS[:6]}  # the first two batches

    again = StreamingEngine(size=3)
    done: list[int] = []
    with MemoryStore(tmp_path / "m.sqlite") as store:
        memory = MemoryTranslator(again, store)
        assert memory.translate(TEXTS + TEXTS[:2], progress=done.append) == [t.upper() for t in TEXTS + TEXTS[:2]]
        assert (memory.stats.hits, memory.stats.missing, memory.stats.committed) == (6, 4, 4)
    assert again.calls == [TEXTS[6:]]  # the re-run asks only for the rest, in one call
    assert sum(done) == len(TEXTS) + 2  # hits (with their repeats) and each streamed batch
    assert stored(tmp_path / "m.sqlite") == {t: t.upper() for t in TEXTS}


def test_a_streaming_engine_that_hands_over_a_wrong_count_is_an_error_and_nothing_wrong_is_kept(tmp_path):
    class Short(StreamingEngine):
        def translate(self, texts, progress=None, on_batch=None):
            on_batch([0, 1], [texts[0].upper()])
            return [t.upper() for t in texts]

    with MemoryStore(tmp_path / "m.sqlite") as store:
        with pytest.raises(RuntimeError, match="the engine returned 1 texts for 2"):
            MemoryTranslator(Short(), store).translate(TEXTS[:3])
    assert stored(tmp_path / "m.sqlite") == {}


def test_an_engine_without_streaming_still_gets_length_sorted_chunks(tmp_path):
    calls: list[list[str]] = []

    class Plain:
        max_batch_tokens = 4  # chunk budget 16 tokens: each 5-word text costs 6

        def translate(self, texts, progress=None):
            calls.append(list(texts))
            return [t.upper() for t in texts]

        def identity(self):
            return {"engine": "plain-script"}

    class Wrapped(Plain):  # says it streams, but its translate (wrapped, say, by a timer) takes no on_batch
        streams_batches = True

    for engine in (Plain(), Wrapped()):
        calls.clear()
        with MemoryStore(tmp_path / f"{type(engine).__name__}.sqlite") as store:
            memory = MemoryTranslator(engine, store)
            assert memory.translate(TEXTS) == [t.upper() for t in TEXTS]
        assert [len(c) for c in calls] == [2, 2, 2, 2, 2] and sum(calls, []) == TEXTS
