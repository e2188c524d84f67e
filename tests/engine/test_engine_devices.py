"""Device resolution: auto/cpu/cuda, device indexes, compute types and thread/batch defaults per device.

This machine has no GPU; CUDA cases give resolve_device the device count CTranslate2 would report
(``cuda_count``) and check compute-type choices against the sets a GPU reports. Decoding on a GPU itself is
exercised by bench/bench_ray.py where one is lent, never required here.
"""

from __future__ import annotations

import pytest

from translate_kit.engine.devices import (
    DEFAULT_BATCH_TOKENS,
    cuda_device_count,
    default_threads,
    pick_compute_type,
    pick_device,
    resolve_device,
)
from translate_kit.errors import ModelError


def test_auto_is_cuda_only_when_ctranslate2_sees_a_gpu():
    assert pick_device("auto", cuda_count=0) == "cpu"
    assert pick_device("auto", cuda_count=2) == "cuda"
    assert pick_device("cpu", cuda_count=2) == "cpu"
    with pytest.raises(ModelError, match="sees no CUDA device"):
        pick_device("cuda", cuda_count=0)
    with pytest.raises(ValueError):
        pick_device("tpu")


def test_auto_on_this_machine_matches_ctranslate2():
    settings = resolve_device("auto")
    assert settings.device == ("cuda" if cuda_device_count() > 0 else "cpu")


def test_cpu_defaults():
    s = resolve_device("cpu")
    assert (s.device, s.device_index, s.compute_type) == ("cpu", (0,), "int8")
    assert (s.inter_threads, s.intra_threads) == default_threads()
    assert s.max_batch_tokens == DEFAULT_BATCH_TOKENS["cpu"] == 2048
    explicit = resolve_device("cpu", inter_threads=1, intra_threads=2, max_batch_tokens=64, compute_type="float32")
    assert (explicit.inter_threads, explicit.intra_threads, explicit.max_batch_tokens, explicit.compute_type) == (
        1,
        2,
        64,
        "float32",
    )


def test_a_package_compute_type_replaces_the_default_not_an_explicit_choice():
    assert resolve_device("cpu", package_compute_type="float32").compute_type == "float32"
    assert resolve_device("cpu", package_compute_type="float32", compute_type="int8").compute_type == "int8"


def test_unsupported_compute_type_is_one_clear_error():
    with pytest.raises(ModelError, match=r"compute type float16 is not supported on cpu here \(supported: .*int8"):
        resolve_device("cpu", compute_type="float16")
    assert resolve_device("cpu", compute_type="default").compute_type == "default"


def test_cuda_defaults_and_indexes():
    gpu = {"float32", "int8", "int8_float32", "int8_float16", "float16", "bfloat16", "int8_bfloat16"}
    assert pick_compute_type("cuda", None, gpu, None) == "int8_float16"
    assert pick_compute_type("cuda", None, {"float32", "float16"}, None) == "float16"
    assert pick_compute_type("cuda", None, {"float32", "int8"}, None) == "default"  # an old GPU: the model's own
    s = resolve_device("cuda", cuda_count=2, device_index=[1, 0])
    assert (s.device, s.device_index, s.inter_threads, s.workers) == ("cuda", (1, 0), 1, 2)
    assert s.max_batch_tokens == DEFAULT_BATCH_TOKENS["cuda"] == 8192
    assert resolve_device("cuda", cuda_count=1).device_index == (0,)
    with pytest.raises(ModelError, match="CUDA device index 2 does not exist"):
        resolve_device("cuda", cuda_count=2, device_index=[0, 2])
    with pytest.raises(ModelError, match="repeat"):
        resolve_device("cuda", cuda_count=2, device_index=[1, 1])


def test_device_indexes_are_ignored_on_the_cpu():
    assert resolve_device("auto", cuda_count=0, device_index=[3]).device_index == (0,)
