"""The fetcher against a misbehaving server on 127.0.0.1: it fails clearly, in time, or reads right."""

from __future__ import annotations

import gzip
import http.server
import io
import logging
import shutil
import socket
import ssl
import subprocess
import threading
import time
import tracemalloc
import zlib
from collections import Counter
from email.utils import formatdate

import pytest

from scrapers import run
from scrapers.fetch import Fetched, Fetcher, decode
from scrapers.fetch.cache import Cache
from scrapers.item import SourceError
from scrapers.sources import load

CHINESE = "福建举办就业援助“暖心活动”启动仪式暨专场招聘活动，29家用人单位带来3138个岗位。"
FEED = f'<?xml version="1.0"?><rss><channel><title>{CHINESE}</title></channel></rss>'.encode("gbk")
PAGE = f'<html><head><meta charset="gb2312"><title>招聘</title></head><body>{CHINESE}</body></html>'.encode("gbk")
MODIFIED = formatdate(0, usegmt=True)
STOP = threading.Event()


def _routes() -> dict[str, tuple[int, bytes, dict[str, str]]]:
    """path -> (status, body, headers) of the answers that never change."""
    gbk_xml = {"Content-Type": "text/xml; charset=gbk"}
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = b"".join(packer.compress(bytes(1 << 20)) for _ in range(64)) + packer.flush()
    return {
        "/always-503": (503, b"busy", {}),
        "/missing": (404, b"not here", {}),
        "/loop-a": (302, b"", {"Location": "/loop-b"}),
        "/loop-b": (302, b"", {"Location": "/loop-a"}),
        "/to-file": (302, b"", {"Location": "file:///etc/passwd"}),
        "/to-ftp": (302, b"", {"Location": "ftp://127.0.0.1/feed.xml"}),
        "/moved": (308, b"", {"Location": "/gzip"}),
        "/gzip": (200, gzip.compress(FEED), {"Content-Encoding": "gzip", **gbk_xml}),
        "/deflate": (200, zlib.compress(FEED)[2:-4], {"Content-Encoding": "deflate"}),  # raw, as servers send
        "/bomb": (200, bomb, {"Content-Encoding": "gzip", "Content-Type": "text/xml"}),  # 64 MiB inflated
        "/big": (200, bytes(2 << 20), {}),
        "/latin1": (200, FEED, {"Content-Type": "application/rss+xml; charset=ISO-8859-1"}),
        "/meta": (200, PAGE, {"Content-Type": "text/html"}),
        "/meta-wrong-header": (200, PAGE, {"Content-Type": "text/html; charset=utf-8"}),
        "/cached": (200, FEED, {"ETag": '"v1"', "Last-Modified": MODIFIED, **gbk_xml}),
    }


class Handler(http.server.BaseHTTPRequestHandler):
    log: list[tuple[str, dict[str, str], int]] = []  # path, request headers, status answered
    hits: Counter[str] = Counter()
    routes: dict[str, tuple[int, bytes, dict[str, str]]] = {}

    def answer(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        Handler.log[self.entry] = (*Handler.log[self.entry][:2], status)
        self.send_response(status)
        for name, value in {"Content-Length": str(len(body)), **(headers or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        Handler.hits[self.path] += 1
        Handler.log.append((self.path, dict(self.headers), 0))
        self.entry = len(Handler.log) - 1
        path, first = self.path, Handler.hits[self.path] == 1
        if path == "/flaky":
            self.answer(500 if first else 200, b"recovered")
        elif path == "/slow-once":
            STOP.wait(1.5 if first else 0)
            self.answer(200, b"in time")
        elif path.startswith("/chain/"):
            self.answer(301, headers={"Location": f"/chain/{int(path.rsplit('/', 1)[1]) + 1}"})
        elif path == "/cached" and self.headers.get("If-None-Match") == '"v1"':
            self.answer(304, headers={"ETag": '"v1"'})
        elif path in ("/trickle", "/endless"):
            self.send_response(200)
            self.send_header("Content-Length" if path == "/trickle" else "X-Endless", "1000")
            self.end_headers()
            while not STOP.is_set():
                self.wfile.write(b"x" if path == "/trickle" else bytes(64 * 1024))
                self.wfile.flush()
                STOP.wait(1 if path == "/trickle" else 0)
        elif path == "/trickle-headers":
            self.wfile.write(b"HTTP/1.0 200 OK\r\n")
            while not STOP.wait(1):
                self.wfile.write(b"X: y\r\n")
                self.wfile.flush()
        else:
            self.answer(*self.routes.get(path, (404, b"", {})))

    def log_message(self, *args: object) -> None:
        pass


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the client hung up on a trickle or an endless body: expected


@pytest.fixture(scope="module")
def server():
    STOP.clear()
    Handler.routes = _routes()
    httpd = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    STOP.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def fresh_log(server):
    Handler.log.clear()
    Handler.hits.clear()


def fetcher(**limits) -> Fetcher:
    return Fetcher(**{"backoff": 0.05, **limits})


def error_of(fetch: Fetcher, url: str) -> tuple[str, float]:
    start = time.monotonic()
    with pytest.raises(SourceError) as raised:
        fetch.get(url)
    return str(raised.value), time.monotonic() - start


def test_a_500_is_retried_and_the_retry_succeeds(server):
    assert fetcher().get(f"{server}/flaky").data == b"recovered"
    assert [status for _, _, status in Handler.log] == [500, 200]
    assert "jiuye/" in Handler.log[0][1]["User-Agent"]


def test_a_5xx_that_stays_is_retried_a_bounded_number_of_times(server):
    message, _ = error_of(fetcher(retries=2), f"{server}/always-503")
    assert "HTTP 503" in message and Handler.hits["/always-503"] == 3


def test_a_timeout_is_retried(server):
    assert fetcher(timeout=0.5, deadline=8).get(f"{server}/slow-once").data == b"in time"
    assert Handler.hits["/slow-once"] == 2


def test_a_404_fails_at_once_without_retries(server):
    message, _ = error_of(fetcher(), f"{server}/missing")
    assert "HTTP 404" in message and f"{server}/missing" in message
    assert Handler.hits["/missing"] == 1


@pytest.mark.parametrize(("path", "error", "asked"), [("/loop-a", "重定向循环", 2), ("/chain/0", "重定向超过 5 次", 6)])
def test_a_redirect_loop_and_a_long_chain_are_refused(server, path, error, asked):
    message, _ = error_of(fetcher(max_redirects=5), f"{server}{path}")
    assert error in message and len(Handler.log) == asked


@pytest.mark.parametrize(("path", "scheme"), [("/to-file", "file"), ("/to-ftp", "ftp")])
def test_a_redirect_to_another_scheme_is_refused(server, path, scheme):
    message, _ = error_of(fetcher(), f"{server}{path}")
    assert f"重定向到 {scheme}:" in message and "只允许 http/https" in message


def test_a_redirect_to_http_is_followed_and_gzip_inflated(server):
    fetched = fetcher().get(f"{server}/moved")
    assert fetched.data == FEED and fetched.url == f"{server}/gzip" and fetched.charset == "gbk"
    assert "gzip" in Handler.log[0][1]["Accept-Encoding"]
    assert CHINESE in decode(fetcher().get(f"{server}/deflate"))


def test_a_server_that_never_answers_ends_at_the_deadline():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()  # connections complete in the backlog and are never accepted
        message, took = error_of(fetcher(deadline=2), f"http://127.0.0.1:{listener.getsockname()[1]}/feed.xml")
    print(f"never-answer: {took:.2f} s")
    assert "超过时限 2 秒" in message and took < 10


@pytest.mark.parametrize("path", ["/trickle", "/trickle-headers"])
def test_a_trickling_server_ends_at_the_deadline(server, path):
    message, took = error_of(fetcher(deadline=2), f"{server}{path}")
    print(f"{path}: {took:.2f} s")
    assert "超过时限 2 秒" in message and took < 10


def test_a_hanging_dns_lookup_ends_at_the_deadline(monkeypatch):
    released = threading.Event()
    monkeypatch.setattr(socket, "getaddrinfo", lambda *args, **kwargs: released.wait(30))
    try:
        message, took = error_of(fetcher(deadline=1), "http://feeds.example.invalid/rss.xml")
    finally:
        released.set()
    assert "超过时限 1 秒" in message and took < 5


def test_an_endless_body_stops_at_the_cap_and_a_declared_length_over_it_is_not_read(server):
    message, took = error_of(fetcher(max_bytes=1 << 20), f"{server}/endless")
    assert "响应超过上限 1048576 字节" in message and took < 10
    message, _ = error_of(fetcher(max_bytes=1 << 20), f"{server}/big")
    assert "Content-Length: 2097152" in message


def test_a_gzip_bomb_is_refused_without_inflating_it(server):
    tracemalloc.start()
    try:
        message, _ = error_of(fetcher(max_bytes=1 << 20), f"{server}/bomb")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "响应超过上限 1048576 字节" in message and "解压后" in message
    assert peak < 16 << 20  # the bomb is 64 MiB inflated


def test_gbk_served_as_latin1_reads_as_chinese(server, caplog):
    caplog.set_level(logging.INFO, "scrapers.fetch")
    fetched = fetcher().get(f"{server}/latin1")
    assert fetched.charset == "iso-8859-1"
    assert CHINESE in decode(fetched)
    assert "iso8859-1（HTTP 头）是乱码" in caplog.text and "按 gb18030 解码" in caplog.text


@pytest.mark.parametrize("path", ["/meta", "/meta-wrong-header"])
def test_an_html_meta_gb2312_is_read_as_gb18030(server, path, caplog):
    caplog.set_level(logging.INFO, "scrapers.fetch")
    assert CHINESE in decode(fetcher().get(f"{server}{path}"))
    if path == "/meta-wrong-header":
        assert "utf-8（HTTP 头）解码出错" in caplog.text and "按 gb18030 解码（来自文档声明）" in caplog.text


def test_candidates_in_order_bom_header_declaration():
    page = '<meta charset="gbk">中文'.encode()  # UTF-8 bytes that GB18030 reads without error
    assert decode(Fetched(page, "utf-8")).endswith("中文")  # the header before the declaration
    assert decode(Fetched(page)).endswith("涓\ue15f枃")  # the declaration before detection
    assert decode(Fetched(b"\xef\xbb\xbf" + page, "gbk")).endswith("中文")  # the BOM before all


def test_an_unchanged_feed_is_asked_for_conditionally_and_served_from_cache(server, tmp_path):
    fetch = fetcher(cache_dir=tmp_path)
    first = fetch.get(f"{server}/cached")
    second = fetch.get(f"{server}/cached")
    assert second.data == first.data == FEED and second.charset == "gbk"
    (_, unconditional, status1), (_, conditional, status2) = Handler.log
    assert "If-None-Match" not in unconditional and status1 == 200
    assert conditional["If-None-Match"] == '"v1"' and conditional["If-Modified-Since"] == MODIFIED
    assert status2 == 304
    assert [p.name for p in tmp_path.iterdir()] == [Cache(tmp_path).path(f"{server}/cached").name]  # no temp left


@pytest.mark.parametrize("damage", ["truncate", "garble", "empty"])
def test_a_corrupt_cache_entry_is_ignored_and_replaced(server, tmp_path, caplog, damage):
    fetch, url = fetcher(cache_dir=tmp_path), f"{server}/cached"
    fetch.get(url)
    entry = Cache(tmp_path).path(url)
    raw = entry.read_bytes()
    entry.write_bytes({"truncate": raw[:-10], "garble": raw[:-3] + b"xyz", "empty": b""}[damage])
    assert fetch.get(url).data == FEED
    assert "已损坏" in caplog.text
    assert "If-None-Match" not in Handler.log[-1][1] and Handler.log[-1][2] == 200
    assert Cache(tmp_path).load(url).body == FEED  # rewritten whole


@pytest.fixture
def tls_server(tmp_path, monkeypatch):
    if not shutil.which("openssl"):
        pytest.skip("no openssl to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    trusting = ssl.create_default_context(cafile=str(cert))
    monkeypatch.setattr(ssl, "create_default_context", lambda: trusting)
    httpd = Server(("127.0.0.1", 0), Handler)
    serving = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    serving.load_cert_chain(cert, key)
    httpd.socket = serving.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"https://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_https_reads_and_keeps_the_deadline(tls_server):
    assert fetcher().get(f"{tls_server}/gzip").data == FEED
    message, took = error_of(fetcher(deadline=2), f"{tls_server}/trickle")
    assert "超过时限 2 秒" in message and took < 10


def test_a_sources_own_deadline_ends_its_trickle_while_the_others_run(server, tmp_path, registry):
    """sources.toml: `deadline = 1` on one source; the run reports it failed, in about a second."""
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'[[source]]\nid = "slow"\nkind = "feed"\nurl = "{server}/trickle"\ndeadline = 1\n', encoding="utf-8"
    )
    [source] = load(sources, registry)
    assert source.fetch_limits == {"deadline": 1}
    start = time.monotonic()
    report = run.run([source], registry, tmp_path / "content", Fetcher(backoff=0.05), log=io.StringIO(), progress=False)
    assert report.sources[0].failure and time.monotonic() - start < 8
