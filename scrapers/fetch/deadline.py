"""A wall-clock deadline over one fetch: DNS, connect, TLS set-up, headers and body.

Socket timeouts bound each system call, not their sum: a server sending one byte a second never
trips them. Here every socket the fetch opens re-arms its timeout before each read or write to
what is left of the deadline (at most the idle timeout), and name resolution runs in a helper
thread that is waited for no longer than the deadline.
"""

from __future__ import annotations

import contextlib
import contextvars
import http.client
import socket
import ssl
import threading
import time
import urllib.request
from collections.abc import Iterator
from typing import Any


class DeadlineExceeded(TimeoutError):
    """The fetch's wall-clock deadline has passed."""


class Deadline:
    def __init__(self, seconds: float, idle: float) -> None:
        self.seconds = seconds
        self.idle = idle
        self.end = time.monotonic() + seconds

    def extend(self, seconds: float) -> None:
        """Move the deadline on: time spent waiting for a turn is not the fetch's."""
        self.end += seconds

    def remaining(self) -> float:
        return self.end - time.monotonic()

    @property
    def passed(self) -> bool:
        return self.remaining() <= 0

    def next_timeout(self) -> float:
        """The timeout for the next socket operation; raises once the deadline has passed."""
        left = self.remaining()
        if left <= 0:
            raise DeadlineExceeded("deadline passed")
        return min(self.idle, left)

    def resolve(self, host: str, port: int) -> list[tuple[Any, ...]]:
        found: dict[str, Any] = {}

        def lookup() -> None:
            try:
                found["addresses"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except OSError as error:
                found["error"] = error

        # A resolver that hangs keeps its daemon thread, not the fetch.
        worker = threading.Thread(target=lookup, name=f"dns {host}", daemon=True)
        worker.start()
        worker.join(self.next_timeout())
        if worker.is_alive():
            raise DeadlineExceeded(f"DNS lookup of {host}")
        if "error" in found:
            raise found["error"]
        return found["addresses"]

    def connect(self, address: tuple[str, int], source_address: tuple[str, int] | None = None) -> socket.socket:
        host, port = address
        errors: list[OSError] = []
        for family, kind, proto, _, sockaddr in self.resolve(host, port):
            sock = _Socket(family, kind, proto)
            try:
                sock.settimeout(self.next_timeout())
                if source_address:
                    sock.bind(source_address)
                sock.connect(sockaddr)
                return sock
            except OSError as error:
                sock.close()
                if isinstance(error, DeadlineExceeded):
                    raise
                errors.append(error)
        raise errors[0] if errors else OSError(f"no address for {host}")


_CURRENT: contextvars.ContextVar[Deadline | None] = contextvars.ContextVar("fetch_deadline", default=None)


@contextlib.contextmanager
def running(deadline: Deadline) -> Iterator[Deadline]:
    """Sockets opened or read in this block (in this thread) obey `deadline`."""
    token = _CURRENT.set(deadline)
    try:
        yield deadline
    finally:
        _CURRENT.reset(token)


class _Bounded:
    """Re-arms the socket timeout before each call to what is left of the current deadline."""

    settimeout: Any

    def _arm(self) -> None:
        deadline = _CURRENT.get()
        if deadline is not None:
            self.settimeout(deadline.next_timeout())

    def recv(self, *args: Any) -> bytes:
        self._arm()
        return super().recv(*args)

    def recv_into(self, *args: Any) -> int:
        self._arm()
        return super().recv_into(*args)

    def send(self, *args: Any) -> int:
        self._arm()
        return super().send(*args)

    def sendall(self, *args: Any) -> None:
        self._arm()
        return super().sendall(*args)


class _Socket(_Bounded, socket.socket):
    pass


class _SSLSocket(_Bounded, ssl.SSLSocket):
    def read(self, *args: Any) -> Any:
        self._arm()
        return super().read(*args)

    def write(self, *args: Any) -> int:
        self._arm()
        return super().write(*args)

    def do_handshake(self, *args: Any) -> None:
        self._arm()  # bounds the handshake's reads by the deadline at its start, not each one
        super().do_handshake(*args)


def _create_connection(address: tuple[str, int], timeout: Any = None, source_address: Any = None) -> socket.socket:
    deadline = _CURRENT.get()
    if deadline is None:
        return socket.create_connection(address, timeout, source_address)
    return deadline.connect(address, source_address)


class _HTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = _create_connection  # set per instance by http.client


class _HTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = _create_connection


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_HTTPConnection, req)


class _HTTPSHandler(urllib.request.AbstractHTTPHandler):
    def __init__(self) -> None:
        super().__init__()
        self._context = ssl.create_default_context()
        self._context.sslsocket_class = _SSLSocket

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_HTTPSConnection, req, context=self._context)

    https_request = urllib.request.AbstractHTTPHandler.do_request_


def opener() -> urllib.request.OpenerDirector:
    """http(s) only, proxies from the environment, no redirects followed: 3xx come back as HTTPError."""
    director = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        _HTTPHandler(),
        _HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        director.add_handler(handler)
    return director
