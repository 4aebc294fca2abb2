"""Run a parser on untrusted bytes in a child process that cannot hurt the server.

A crafted file can make a parser allocate gigabytes or loop for minutes. The child gets an
address-space limit (RLIMIT_AS) and a CPU-time limit (RLIMIT_CPU); when it dies or is killed,
only the child is gone and the caller gets `SandboxFailed`. Children come from a fork server
that has already imported the parsers, so each call costs a fork, not an interpreter start, and
forking never copies the web server's threads or open connections.
"""

import multiprocessing
import os
import resource
from dataclasses import dataclass

# Modules the fork server imports once, so that each child starts with its parsers loaded.
PRELOAD = ["gongkai.publishing.inspection", "lxml.etree", "openpyxl", "pypdf", "PIL.Image"]

_context = multiprocessing.get_context("forkserver")
_context.set_forkserver_preload(PRELOAD)


class SandboxFailed(Exception):
    """The child ran out of memory or CPU time, crashed, or did not answer in time."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Limits:
    memory_bytes: int = 512 * 1024 * 1024  # on top of what the child starts with
    cpu_seconds: int = 20
    wall_seconds: int = 40


def _address_space() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _child(conn, limits: Limits, func, args) -> None:
    memory = _address_space() + limits.memory_bytes
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
    try:
        conn.send(("ok", func(*args)))
    except MemoryError:
        conn.send(("failed", "memory"))
    except BaseException as exc:  # handed back to the parent, which decides what it means
        _send_exception(conn, exc)
    finally:
        conn.close()


def _send_exception(conn, exc: BaseException) -> None:
    try:
        conn.send(("raised", exc))
    except Exception:  # some parser errors (lxml's) carry state that cannot be pickled
        conn.send(("raised", RuntimeError(f"{type(exc).__name__}: {exc}")))


def run(func, *args, limits: Limits = Limits()):
    """`func(*args)` in a limited child; its result, its exception re-raised, or
    SandboxFailed("memory" | "cpu" | "crash" | "timeout")."""
    receiver, sender = _context.Pipe(duplex=False)
    process = _context.Process(target=_child, args=(sender, limits, func, args), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(limits.wall_seconds):
            raise SandboxFailed("cpu" if process.exitcode == -24 else "timeout")
        status, value = receiver.recv()
    except EOFError:  # the child died without answering (killed by a limit)
        process.join(5)
        raise SandboxFailed("cpu" if process.exitcode == -24 else "crash") from None
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(5)
    if status == "failed":
        raise SandboxFailed(value)
    if status == "raised":
        raise value
    return value
