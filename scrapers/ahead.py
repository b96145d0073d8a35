"""Reading sources in threads, ahead of the run that writes them one by one, in source order.

`ahead` hands each source back, in the order given, with its entries as its reader yields them;
meanwhile the next sources are already being fetched and parsed in a pool of threads (up to
`at_once` sources at a time, the one handed back included). Memory stays bounded: at most
`at_once` sources are read at once, and a reader that gets `BUFFER` entries ahead of the run waits
for it. A reader's exception is raised from its entries where the reader raised it, after the
entries it yielded before, as if the run had iterated the reader itself.
"""

from __future__ import annotations

import queue
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Generic, TypeVar

S = TypeVar("S")
E = TypeVar("E")
BUFFER = 256  # entries a reader may get ahead of the run
_POLL = 0.1  # seconds between looks at whether a waiting reader was abandoned


class _Abandoned(Exception):
    """The run no longer wants this source's entries."""


class Entries(Generic[E]):
    """One source's entries, filled by a pool thread, read by the run."""

    def __init__(self) -> None:
        self._queue: queue.Queue[tuple[bool, object]] = queue.Queue(BUFFER)
        self._abandoned = threading.Event()

    def fill(self, read: Callable[[], Iterable[E]]) -> None:
        """In a pool thread: every entry `read()` yields, then its end or its exception."""
        try:
            try:
                for entry in read():
                    self._put(True, entry)
            except _Abandoned:
                raise
            except BaseException as error:  # handed to the run, which decides what a failure means
                self._put(False, error)
                return
            self._put(False, None)
        except _Abandoned:
            return

    def _put(self, more: bool, value: object) -> None:
        while not self._abandoned.is_set():
            try:
                self._queue.put((more, value), timeout=_POLL)
                return
            except queue.Full:
                continue
        raise _Abandoned

    def abandon(self) -> None:
        self._abandoned.set()

    def __iter__(self) -> Iterator[E]:
        while True:
            more, value = self._queue.get()
            if more:
                yield value  # type: ignore[misc]
            elif value is None:
                return
            else:
                raise value  # type: ignore[misc]


def ahead(sources: Iterable[S], read: Callable[[S], Iterable[E]], at_once: int) -> Iterator[tuple[S, Entries[E]]]:
    """Each source with its entries, in order, `read(source)` running in a pool of `at_once` threads."""
    waiting = iter(sources)
    started: deque[tuple[S, Entries[E]]] = deque()
    pool = ThreadPoolExecutor(max_workers=at_once, thread_name_prefix="scrape")

    def start_next() -> None:
        for source in waiting:
            entries: Entries[E] = Entries()
            pool.submit(entries.fill, partial(read, source))
            started.append((source, entries))
            return

    try:
        for _ in range(at_once):
            start_next()
        while started:
            source, entries = started.popleft()
            try:
                yield source, entries
            finally:
                entries.abandon()  # a reader the run left unfinished stops at its next entry
            start_next()
    finally:
        for _, entries in started:
            entries.abandon()
        pool.shutdown(wait=False, cancel_futures=True)
