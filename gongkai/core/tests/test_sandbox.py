"""The parsing sandbox: a runaway parser costs its child process, never the server."""

import pytest

from gongkai.core import sandbox

SMALL = sandbox.Limits(memory_bytes=64 * 1024 * 1024, cpu_seconds=1, wall_seconds=20)


def allocate_a_gigabyte():
    return len(bytearray(1024 * 1024 * 1024))


def spin_forever():
    while True:
        pass


def refuse(message):
    raise ValueError(message)


def add(a, b):
    return a + b


def test_result_comes_back_from_the_child():
    assert sandbox.run(add, 2, 3) == 5


def test_memory_hungry_parser_is_stopped_by_the_memory_limit():
    with pytest.raises(sandbox.SandboxFailed) as failed:
        sandbox.run(allocate_a_gigabyte, limits=SMALL)
    assert failed.value.reason == "memory"


def test_endless_parser_is_stopped_by_the_cpu_limit():
    with pytest.raises(sandbox.SandboxFailed) as failed:
        sandbox.run(spin_forever, limits=SMALL)
    assert failed.value.reason == "cpu"


def test_parser_exceptions_reach_the_caller():
    with pytest.raises(ValueError, match="坏文件"):
        sandbox.run(refuse, "坏文件")
