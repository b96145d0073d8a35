"""Generated feeds served by several simulated hosts on loopback, counting requests under way.

Host n is a ThreadingHTTPServer of its own on 127.0.0.(n + 2), on an ephemeral port, so a
client tells the hosts apart by host name as it would real sites. Each server counts the requests
under way to it, and all servers together, and keeps the highest counts seen: a request counts
from its arrival until its answer is about to be written, a span inside the client's own, so
the counts never exceed what the client had under way (a hanging feed counts until its client hangs
up, seen within POLL seconds).
"""

from __future__ import annotations

import http.server
import select
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from benchmarks.feeds import Feed

HANG = 30.0  # seconds a hanging feed waits for its client to hang up before it answers
POLL = 0.02  # seconds between looks at whether the client of a hanging feed has hung up


def address(host: int) -> str:
    return f"127.0.0.{host + 2}"


class Hosts:
    def __init__(self, feeds: list[Feed]) -> None:
        self.routes = {(address(feed.host), feed.path): feed for feed in feeds}
        self.hosts = sorted({feed.host for feed in feeds})
        self.under_way: Counter[str] = Counter()
        self.most: Counter[str] = Counter()  # the highest count seen, per host address
        self.most_in_all = 0
        self.requests: Counter[str] = Counter()  # per path
        self.arrivals: list[tuple[float, str, str]] = []  # (time.monotonic(), host address, path)
        self.stop = threading.Event()
        self._lock = threading.Lock()
        self._servers: dict[str, http.server.ThreadingHTTPServer] = {}

    def reset(self) -> None:
        """Forget the counts, for the next run against the same hosts."""
        with self._lock:
            self.most.clear()
            self.most_in_all = 0
            self.requests.clear()
            self.arrivals.clear()

    def url(self, feed: Feed) -> str:
        host = address(feed.host)
        return f"http://{host}:{self._servers[host].server_address[1]}{feed.path}"

    @contextmanager
    def counted(self, host: str, path: str) -> Iterator[None]:
        with self._lock:
            self.arrivals.append((time.monotonic(), host, path))
            self.requests[path] += 1
            self.under_way[host] += 1
            self.most[host] = max(self.most[host], self.under_way[host])
            self.most_in_all = max(self.most_in_all, sum(self.under_way.values()))
        try:
            yield
        finally:
            with self._lock:
                self.under_way[host] -= 1

    def __enter__(self) -> Hosts:
        for host in self.hosts:
            server = _Server((address(host), 0), _Handler)
            server.hosts = self
            self._servers[address(host)] = server
            threading.Thread(target=server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for server in self._servers.values():
            server.shutdown()
            server.server_close()


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    hosts: Hosts

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up on a hanging feed has hung up: expected


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        hosts = self.server.hosts
        host = self.server.server_address[0]
        feed = hosts.routes.get((host, self.path))
        with hosts.counted(host, self.path):
            if feed is not None and feed.hang:
                self._until_hung_up(hosts.stop)
                return
            if feed is not None and feed.delay:
                hosts.stop.wait(feed.delay)
        if feed is None:
            self._answer(404, b"not found", "text/plain")
        elif feed.status != 200:
            self._answer(feed.status, "服务器内部错误".encode(), "text/plain; charset=utf-8")
        else:
            self._answer(200, feed.body, feed.content_type)

    def _until_hung_up(self, stop: threading.Event) -> None:
        ends = time.monotonic() + HANG
        while not stop.is_set() and time.monotonic() < ends:
            readable, _, _ = select.select([self.connection], [], [], POLL)
            if readable and not self.connection.recv(1, socket.MSG_PEEK):
                return

    def _answer(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass
