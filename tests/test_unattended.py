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


def test_an_item_gone_from_its_feed_stays_and_none_is_doubled(tmp_path, registry):
    content = new_content_dir(tmp_path)
    feed = tmp_path / "feed.xml"
    items = [
        ("a", "湖北启动就业援助月", "Mon, 05 Jan 2026 10:00:00 +0800"),
        ("b", "四川举办春风行动专场招聘会", "Tue, 06 Jan 2026 10:00:00 +0800"),
    ]

    def scrape(kept: list[tuple[str, str, str]]) -> run.RunReport:
        entries = "".join(
            f"<item><title>{title}</title><guid>{guid}</guid><pubDate>{day}</pubDate><description>正文。</description></item>"
            for guid, title, day in kept
        )
        feed.write_text(f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>{entries}'
                        "</channel></rss>", encoding="utf-8")  # fmt: skip
        source = Source("vanish", "feed", str(feed))
        return run.run([source], registry, content, Fetcher(), log=io.StringIO(), progress=False)

    scrape(items)
    folder = content / "scraped" / "news" / "vanish"
    before = files(content)
    report = scrape(items[1:])  # the feed has moved on: "a" is no longer in it
    assert report.ok and report.sources[0].counts["未变"] == 1
    assert files(content) == before and len(list(folder.glob("*.md"))) == 2
    scrape(items)  # and back again: still two files
    assert len(list(folder.glob("*.md"))) == 2
