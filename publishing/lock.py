"""One scheduled run at a time: an exclusive lock on a file, held by the process until it exits
(the kernel releases it when a run is killed, so a stale lock cannot block the next one)."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class Locked(RuntimeError):
    """Another run holds the lock."""


@contextmanager
def exclusive(path: Path, wait: bool = False) -> Iterator[None]:
    """Hold the lock at `path` for the block; Locked at once when another run holds it, unless
    `wait`, which blocks until it is free."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError as error:
            holder = os.pread(handle, 64, 0).decode(errors="replace").strip() or "?"
            raise Locked(f"另一次运行正在进行（进程 {holder}），本次退出：{path}") from error
        os.ftruncate(handle, 0)
        os.pwrite(handle, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(handle)  # releases the lock
