"""How many HTTP requests may be under way at once: in all, and to any one host.

A request takes its host's slot first, waits out the host's spacing (`interval` seconds between
the starts of two requests to one host), then takes a slot of the global limit; both are given
back when its body has been read. A thread holds at most one request's slots at a time, always
taken in that order, so waiting never goes round in a circle. Hosts are told apart by host name
(lower-case), not by port. Local files take no slot.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

DEFAULT_REQUESTS = 16
DEFAULT_PER_HOST = 2
LOOKAHEAD = 4  # sources read at once (the one being written included), per request slot


@dataclass(frozen=True)
class Concurrency:
    """A scrape's limits; ValueError for a limit below 1 or a negative interval."""

    requests: int = DEFAULT_REQUESTS  # HTTP requests under way at once, in all
    per_host: int = DEFAULT_PER_HOST  # of them, to one host
    interval: float = 0.0  # seconds between the starts of two requests to one host
    # sources read at once, the one being written included; 0: LOOKAHEAD × requests, or 1 (one
    # source at a time, as a sequential run) when requests is 1
    lookahead: int = 0

    def __post_init__(self) -> None:
        for name in ("requests", "per_host"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} 应至少为 1，而不是 {getattr(self, name)}")
        if self.interval < 0 or self.lookahead < 0:
            raise ValueError(f"interval 与 lookahead 不能为负数（{self.interval}、{self.lookahead}）")

    @property
    def sources_at_once(self) -> int:
        if self.lookahead:
            return self.lookahead
        return 1 if self.requests == 1 else LOOKAHEAD * self.requests


class Slots:
    """The semaphores behind one Concurrency, shared by every thread of a run."""

    def __init__(self, limits: Concurrency) -> None:
        self.limits = limits
        self._all = threading.BoundedSemaphore(limits.requests)
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._next_start: dict[str, float] = {}
        self._lock = threading.Lock()

    def _host(self, host: str) -> threading.BoundedSemaphore:
        with self._lock:
            if host not in self._hosts:
                self._hosts[host] = threading.BoundedSemaphore(self.limits.per_host)
            return self._hosts[host]

    def _spacing(self, host: str) -> float:
        """Seconds this request must wait for the host's spacing; books its start."""
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_start.get(host, now))
            self._next_start[host] = start + self.limits.interval
            return start - now

    @contextlib.contextmanager
    def request(self, url: str) -> Iterator[float]:
        """Hold a slot for one request to `url`; yields the seconds spent waiting for it."""
        host = (urlsplit(url).hostname or "").lower()
        began = time.monotonic()
        with self._host(host):
            if self.limits.interval:
                time.sleep(self._spacing(host))
            with self._all:
                yield time.monotonic() - began
