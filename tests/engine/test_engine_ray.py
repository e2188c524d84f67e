"""The Ray Data backend against the local engine: the same sentences, the same batches, the same bytes.

Ray runs on this machine (``ray.init`` with 2 CPUs, one Ray for the module), 2 workers, small token batches
so that a short input makes many batches. Real CTranslate2 + argostranslate on the demo model throughout.
Failure handling is tested by fault injection: worker subclasses (shipped to the workers by value) that
raise on, or kill their process at, the batch holding a marker word; everything else is the real path.
Without Ray installed these tests are skipped (CI installs it and fails instead of skipping).
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

import pytest

from translate_kit.cli import main
from translate_kit.engine import BatchTranslator
from translate_kit.engine.demo import DEMO_WORDS
from translate_kit.engine.ray_backend import (
    INSTALL_HINT,
    EngineBatchError,
    RayOptions,
    RayTranslator,
    RayWorker,
    _zip_directory,
    local_package,
    pool_capacity,
    worker_engine,
    worker_resources,
)
from translate_kit.errors import ModelError

HAVE_RAY = importlib.util.find_spec("ray") is not None
MARKER = "Kalimantan"  # a word no other test sentence has: its batch is the one that fails

SENTENCES = [
    f"Presiden dan menteri tiba di kota {w} pada hari Senin bersama rakyat." * (1 + i % 3)
    for i, w in enumerate(
        ["Jakarta", "Bandung", "Medan", "Surabaya", "Bogor", "Depok", "Solo", "Malang", "Padang", "Palu"] * 2
    )
]


@pytest.fixture(scope="module")
def ray_local():
    if not HAVE_RAY:
        if os.environ.get("CI"):
            pytest.fail("Ray is not installed; CI installs it with pip install -e '.[test,ray]'")
        pytest.skip("Ray is not installed (pip install -e '.[test,ray]')")
    import ray
    from ray import cloudpickle  # Ray's own copy pickles the workers

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the fault-injecting workers below
    ray.init(num_cpus=2, include_dashboard=False, logging_level="ERROR", log_to_driver=False)
    yield ray
    ray.shutdown()
    cloudpickle.unregister_pickle_by_value(sys.modules[__name__])


@pytest.fixture(scope="module")
def word_package(make_demo_package):
    return make_demo_package(word_map=DEMO_WORDS)


def test_ray_gives_the_local_engines_translations_and_identity(ray_local, word_package):
    _, info = word_package
    local = BatchTranslator(info, max_batch_tokens=64)
    expected = local.translate(SENTENCES)
    assert (
        expected != SENTENCES and len(local.plan_batches({i: local.tokenize(s) for i, s in enumerate(SENTENCES)})) > 4
    )  # real translation, many batches
    done: list[int] = []
    with RayTranslator(info, max_batch_tokens=64, device="cpu", options=RayOptions(workers=2)) as remote:
        assert remote.translate(SENTENCES + ["", "  "], progress=done.append) == expected + ["", ""]
        assert remote.identity() == local.identity()
        assert remote.max_input_tokens == local.max_input_tokens
        assert remote.tokenize(SENTENCES[0]) == local.tokenize(SENTENCES[0])
        assert remote.resources == (1.0, 0.0)  # 2 CPUs shared by 2 workers, no GPU
    assert sum(done) == len(SENTENCES) + 2
    assert ray_local.is_initialized()  # a Ray it did not start stays up


class FailingWorker(RayWorker):
    """Raises on every try of the batch that holds the marker word."""

    def decode(self, batch):
        if any(MARKER in "".join(tokens) for tokens in batch):
            raise RuntimeError("injected engine failure")
        return super().decode(batch)

    def decode_group(self, batches):
        return [self.decode(b) for b in batches]


def test_a_batch_that_keeps_failing_is_named_and_the_rest_finishes(ray_local, word_package):
    _, info = word_package
    sentences = SENTENCES[:12] + [f"Gubernur {MARKER} tiba di kota itu."]
    expected = BatchTranslator(info, max_batch_tokens=64).translate(sentences)
    remote = RayTranslator(info, max_batch_tokens=64, options=RayOptions(workers=2, attempts=2), worker=FailingWorker)
    with pytest.raises(EngineBatchError) as caught:
        remote.translate(sentences)
    err = caught.value
    message = str(err)
    assert "failed" in message and "RuntimeError: injected engine failure" in message
    assert len(err.failed) == 1 and message.startswith(f"engine batch {err.failed[0] + 1} of ")
    failed = [i for i, text in enumerate(err.partial) if text is None]
    assert len(sentences) - 1 in failed  # the marker sentence's batch, and nothing else, is missing
    assert all(err.partial[i] == expected[i] for i in range(len(sentences)) if i not in failed)
    assert len(failed) < len(sentences) // 2
    assert "\n" not in message


class DyingWorker(RayWorker):
    """Kills its own process the first time it meets the marker batch (a flag file says it did)."""

    def decode(self, batch):
        flag = Path(os.environ["TK_TEST_FLAG_DIR"]) / "died"
        if any(MARKER in "".join(tokens) for tokens in batch) and not flag.exists():
            flag.write_text("once")
            os._exit(1)
        return super().decode(batch)

    def decode_group(self, batches):
        return [self.decode(b) for b in batches]


def test_a_worker_that_dies_is_restarted_and_its_batch_retried(ray_local, word_package, tmp_path):
    _, info = word_package
    sentences = SENTENCES[:8] + [f"Gubernur {MARKER} tiba di kota itu."]
    expected = BatchTranslator(info, max_batch_tokens=64).translate(sentences)

    class Worker(DyingWorker):
        def __init__(self, *args, **kwargs):
            os.environ["TK_TEST_FLAG_DIR"] = str(tmp_path)  # inside the worker process only
            super().__init__(*args, **kwargs)

    remote = RayTranslator(info, max_batch_tokens=64, options=RayOptions(workers=2), worker=Worker)
    assert remote.translate(sentences) == expected
    assert (tmp_path / "died").read_text() == "once"  # the worker did die once


def test_a_memory_over_ray_makes_one_pool_per_call_and_commits_each_batch(ray_local, word_package, tmp_path):
    """Issue 13: the memory sends all it lacks in one engine call (one Ray Data run: one pool start) and the
    batches stream back into the memory; outputs are the local backend's bytes."""
    from translate_kit.translation.memory import MemoryStore, MemoryTranslator

    _, info = word_package
    local = BatchTranslator(info, max_batch_tokens=64)
    expected = local.translate(SENTENCES)
    planned = local.plan_batches({i: local.tokenize(s) for i, s in enumerate(SENTENCES)})
    assert len(planned) > 8  # more than two of the memory's non-streaming chunks (4 batches each)
    starts = tmp_path / "starts"

    class CountingWorker(RayWorker):
        def __init__(self, *args, **kwargs):
            with open(starts, "a", encoding="utf-8") as fh:  # one line per worker started
                fh.write(f"{os.getpid()}\n")
            super().__init__(*args, **kwargs)

    remote = RayTranslator(info, max_batch_tokens=64, options=RayOptions(workers=2), worker=CountingWorker)
    with MemoryStore(tmp_path / "m.sqlite") as store:
        memory = MemoryTranslator(remote, store)
        outputs = memory.translate(SENTENCES)
        assert [o.encode() for o in outputs] == [e.encode() for e in expected]
        assert memory.stats.engine_calls == 1 and memory.stats.committed == len(set(SENTENCES))
        assert len(starts.read_text().split()) == 2  # one pool of 2 workers, started once
        more = [f"Menteri tiba di kota {w} pada hari Selasa." for w in ("Bogor", "Solo", "Palu")]
        assert memory.translate(SENTENCES + more) == expected + local.translate(more)
        assert memory.stats.engine_calls == 2 and memory.stats.hits == len(set(SENTENCES))
    assert len(starts.read_text().split()) == 4  # the second call: one more pool


def test_a_package_missing_on_a_node_is_shipped_and_checked(ray_local, word_package, tmp_path):
    from translate_kit.engine.identity import package_digest

    _, info = word_package
    digest = package_digest(info.path)
    assert local_package(str(info.path), digest, None) == info.path  # same bytes here: used in place
    ref = [ray_local.put(_zip_directory(info.path))]
    elsewhere = str(tmp_path / "not-here" / info.path.name)
    unpacked = local_package(elsewhere, digest, ref)
    assert unpacked != info.path and package_digest(unpacked) == digest
    with pytest.raises(ModelError, match="does not match"):
        local_package(elsewhere, "0" * 64, ref)
    with pytest.raises(ModelError, match="not on this Ray node"):
        local_package(elsewhere, digest, None)


def test_a_pool_the_cluster_cannot_hold_is_an_error_not_a_hang(ray_local, word_package):
    _, info = word_package
    assert pool_capacity([{"Resources": {"CPU": 8.0, "GPU": 1.0}}, {"Resources": {"CPU": 3.0}}], 2, 0) == 5
    assert pool_capacity([{"Resources": {"CPU": 8.0, "GPU": 1.0}}, {"Resources": {"CPU": 3.0}}], 1, 0.5) == 2
    gpu = RayTranslator(info, device="cuda", options=RayOptions(workers=1))  # this Ray has 2 CPUs, no GPU
    with pytest.raises(ModelError, match=r"can hold 0 of the 1 workers asked for .* 0 GPUs\)$"):
        gpu.translate(SENTENCES[:2])
    wide = RayTranslator(info, options=RayOptions(workers=3, cpus_per_worker=1))
    with pytest.raises(ModelError, match="can hold 2 of the 3 workers"):
        wide.translate(SENTENCES[:2])


def test_worker_resources_and_engine_options_per_device():
    nodes = [{"Resources": {"CPU": 8.0}}, {"Resources": {"CPU": 4.0, "GPU": 2.0}}]
    assert worker_resources("cpu", RayOptions(workers=4), nodes) == (2.0, 0.0)  # 2 per node, smallest has 4
    assert worker_resources("auto", RayOptions(workers=2), nodes) == (1.0, 1.0)  # GPUs exist: one each
    assert worker_resources("auto", RayOptions(workers=2), nodes[:1]) == (4.0, 0.0)  # 8 CPUs, 2 workers
    assert worker_resources("cuda", RayOptions(gpus_per_worker=0.5, cpus_per_worker=2), nodes) == (2, 0.5)
    assert worker_engine("auto", None, 4.0, 0.0, 4, 0.2, 2048)["device"] == "cpu"  # no GPU reserved
    cpu = worker_engine("cpu", "int8", 4.0, 0.0, 4, 0.2, 2048)
    assert (cpu["inter_threads"], cpu["intra_threads"], cpu["compute_type"]) == (2, 2, "int8")
    assert worker_engine("auto", None, 1.0, 1.0, 4, 0.2, 8192)["device"] == "cuda"
    with pytest.raises(ValueError):
        RayOptions(workers=0)


# ------------------------------------------------------------------------------------- the command line
GLOSSARY = """\
msgid ""
msgstr ""
"Language: id\\n"

msgid "Korut"
msgstr "North Korea"

#, case-sensitive
msgid "AS"
msgstr "US"
"""


def _batch(root: Path) -> Path:
    src = root / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(
        "Presiden Korut tiba di Jakarta pada hari Senin.\n\nBaca Juga: Berita lain\n"
        + "\n".join(SENTENCES[:10])
        + "\n",
        encoding="utf-8",
    )
    (src / "sub" / "b.jsonl").write_text(
        "".join(json.dumps({"id": i, "text": s}) + "\n" for i, s in enumerate(SENTENCES[10:20])), encoding="utf-8"
    )
    (src / "c.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: id\\n"\n\nmsgid "Menteri AS dan Korut."\nmsgstr ""\n', encoding="utf-8"
    )
    (root / "glossary").mkdir()
    (root / "glossary" / "terms.po").write_text(GLOSSARY, encoding="utf-8")
    return src


def _run(capsys, *args) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        main([str(a) for a in args])
    return exc.value.code, capsys.readouterr().err


def test_cli_ray_backend_writes_the_local_backends_bytes_and_report(
    ray_local, word_package, tmp_path, monkeypatch, capsys
):
    packages, _ = word_package
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    src = _batch(tmp_path)
    common = [src, "--glossary", tmp_path / "glossary", "--batch-tokens", "64", "--no-progress"]
    code, _ = _run(capsys, "translate", *common, "-o", tmp_path / "local")
    assert code == 0
    code, err = _run(capsys, "translate", *common, "-o", tmp_path / "ray", "--backend", "ray", "--workers", "2")
    assert code == 0, err
    local_files = sorted(
        p.relative_to(tmp_path / "local")
        for p in (tmp_path / "local").rglob("*")
        if p.is_file() and p.name != "report.json" and ".translate-kit" not in p.parts
    )
    ray_files = sorted(
        p.relative_to(tmp_path / "ray")
        for p in (tmp_path / "ray").rglob("*")
        if p.is_file() and p.name != "report.json" and ".translate-kit" not in p.parts
    )
    assert local_files == ray_files and len(local_files) >= 6  # 3 outputs + 3 review POs (+ manifest)
    for rel in local_files:
        assert (tmp_path / "ray" / rel).read_bytes() == (tmp_path / "local" / rel).read_bytes(), rel
    assert "North Korea" in (tmp_path / "ray" / "a.txt").read_text(encoding="utf-8")
    reports = [json.loads((tmp_path / d / "report.json").read_text(encoding="utf-8")) for d in ("local", "ray")]
    for key in ("terms", "flags", "boilerplate", "split_sentences", "repaired"):
        assert reports[0].get(key) == reports[1].get(key), key
    assert [(f["relpath"], f["status"], f["segments"], f["sentences"]) for f in reports[0]["files"]] == [
        (f["relpath"], f["status"], f["segments"], f["sentences"]) for f in reports[1]["files"]
    ]


def test_cli_without_ray_says_how_to_install_it_and_exits_2(word_package, tmp_path, monkeypatch, capsys):
    packages, _ = word_package
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` fails as if it were not installed
    monkeypatch.setitem(sys.modules, "ray.data", None)
    src = _batch(tmp_path)
    code, err = _run(capsys, "translate", src, "-o", tmp_path / "out", "--backend", "ray", "--no-progress")
    assert code == 2
    assert err == f"translate-kit: error: {INSTALL_HINT}\n"
    assert "pip install 'translate-kit[ray]'" in err
    assert not (tmp_path / "out").exists()


def test_cli_ray_options_need_the_ray_backend(word_package, tmp_path, monkeypatch, capsys):
    packages, _ = word_package
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    code, err = _run(capsys, "translate", _batch(tmp_path), "-o", tmp_path / "out", "--workers", "2")
    assert code == 2 and "--workers applies to --backend ray only" in err
