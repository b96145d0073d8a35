"""A scheduled scrape with nothing new upstream: only conditional requests, no file written.

The demo sources are served by a local HTTP server that answers If-None-Match with 304, as real
servers with ETags do; its log is what the assertions read.
"""

from __future__ import annotations

import hashlib
import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from scrapers import run
from scrapers.fetch import Fetcher
from scrapers.sources import Source
from tests.conftest import ROOT, new_content_dir

SERVED = {
    "/news.xml": ROOT / "demo" / "feeds" / "mohrss-news.xml",
    "/hubei.xml": ROOT / "demo" / "feeds" / "hubei-gbk.xml",
    "/jobs.csv": ROOT / "demo" / "jobs" / "hubei-jobs-gbk.csv",
    "/fairs.ics": ROOT / "demo" / "fairs" / "hubei-sichuan-fujian.ics",
}


class _Handler(BaseHTTPRequestHandler):
    log: list[tuple[str, str | None, int]] = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        body = SERVED[self.path].read_bytes()
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.log.append((self.path, self.headers.get("If-None-Match"), 304))
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.log.append((self.path, self.headers.get("If-None-Match"), 200))
        self.send_response(200)
        self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def upstream():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Handler.log = []
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def files(content: Path) -> dict[Path, tuple[bytes, int]]:
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (content / "scraped").rglob("*") if p.is_file()}


def test_a_second_run_with_no_upstream_change_sends_only_conditional_requests(tmp_path, registry, upstream):
    content = new_content_dir(tmp_path)
    sources = [
        Source("news", "feed", f"{upstream}/news.xml"),
        Source("hubei", "feed", f"{upstream}/hubei.xml"),
        Source("jobs", "jobs-csv", f"{upstream}/jobs.csv"),
        Source("fairs", "fairs-ics", f"{upstream}/fairs.ics"),
    ]

    def scrape() -> run.RunReport:
        fetcher = Fetcher(cache_dir=tmp_path / ".cache" / "http")
        return run.run(sources, registry, content, fetcher, log=io.StringIO(), progress=False)

    first = scrape()
    assert first.ok and sum(r.counts["新增"] for r in first.sources) >= 10
    before = files(content)
    _Handler.log.clear()
    second = scrape()
    assert second.ok
    assert sorted(path for path, _, _ in _Handler.log) == sorted(SERVED)
    assert all(etag and status == 304 for _, etag, status in _Handler.log), _Handler.log
    assert files(content) == before  # no content file written, none touched
    assert sum(r.counts["新增"] + r.counts["更新"] for r in second.sources) == 0
