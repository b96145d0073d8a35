"""Feeds for unattended runs: JSON Feed, feeds found through the page that links them, empty
responses, recoverable flaws and undated items, on real input and what the run writes."""

from __future__ import annotations

import http.server
import io
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from jiuye import dates, metadata
from scrapers import run
from scrapers.__main__ import main
from scrapers.fetch import Fetcher
from scrapers.item import Item
from scrapers.readers import feed
from scrapers.sources import Source
from tests.conftest import FIXTURES, new_content_dir, scraped_news

FEEDS = FIXTURES / "feeds"
JSON_FEED = FEEDS / "jsonfeed-1.1.json"
SEEN = datetime(2026, 11, 22, 8, 30, tzinfo=dates.SHANGHAI)


def scrape(sources: list[Source], content: Path, registry, now: datetime = SEEN) -> tuple[run.RunReport, str]:
    log = io.StringIO()
    report = run.run(sources, registry, content, Fetcher(), log=log, progress=False, now=now)
    return report, log.getvalue()


@pytest.fixture
def content(tmp_path) -> Path:
    return new_content_dir(tmp_path)


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[bytes, str]] = {}

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        body, content_type = self.routes.get(self.path, (b"not found", "text/plain"))
        self.send_response(200 if self.path in self.routes else 404)
        self.send_header("Content-Type", content_type)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    html = "text/html; charset=utf-8"
    page = '<!doctype html><html><head><link rel="alternate" type="application/{}" href="{}">'
    _Handler.routes = {
        "/news/": ((FEEDS / "links-its-feed.html").read_bytes(), html),
        "/news/feed.json": (JSON_FEED.read_bytes(), "application/feed+json"),
        "/rss/": (page.format("rss+xml", "/rss.xml").encode(), html),
        "/rss.xml": ((FEEDS / "gbk-undeclared.xml").read_bytes(), "application/rss+xml"),
        "/loop/": (page.format("atom+xml", "/news/").encode(), html),
        "/empty.xml": (b"", "application/rss+xml"),
    }
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_a_json_feed_is_read_like_rss(content, registry):
    report, _ = scrape([Source("hrss", "feed", str(JSON_FEED))], content, registry)
    [result] = report.sources
    assert result.failure is None and result.counts["新增"] == 3
    files = scraped_news(content, "hrss")
    meta, body = files["https://hrss.example.gov.cn/news/2026/11/20/jiuyeyuanzhuyue.html"]
    assert meta["title"] == "湖北启动2026年就业援助月活动"
    assert meta["date"] == "2026-11-20 09:30:00+08:00"  # date_published, not date_modified
    assert meta["source"] == "湖北省人力资源和社会保障厅"  # the item's authors
    assert meta["tags"] == "就业援助月, 招聘会"
    assert meta["provinces"] == "湖北" and meta["campaigns"] == "就业援助月"
    assert "60 家用人单位提供 2100 个岗位" in body
    assert "https://hrss.example.gov.cn/jobs/list.html" in body  # resolved against the item's URL
    meta, body = files["20261121"]  # a numeric id, read as its digits
    assert meta["date"] == "2026-11-21 10:00:00+08:00"
    assert meta["source"] == "省人社厅新闻中心"  # no authors of its own: the feed's
    assert body.startswith("成都市人社局在天府广场举办春风行动专场招聘") and "\n\n现场发布的" in body
    meta, _ = files["notice-7"]
    assert meta["date"] == dates.format_iso(SEEN)  # undated: when first seen
    errors = "\n".join(result.errors)
    assert len(result.errors) == 2 and result.counts["失败"] == 2
    assert "[hrss] 条目 #4: 字段 item = '\"这不是一个条目对象\"': 条目应为 JSON 对象" in errors
    assert "[hrss] 条目 bad-date: 字段 date = '2026-13-40T09:00:00+08:00'" in errors


def test_json_feed_text_becomes_escaped_html():
    entries = list(feed.read(Source("hrss", "feed", str(JSON_FEED)), Fetcher()))
    [text_item] = [e for e in entries if isinstance(e, Item) and e.item_id == "20261121"]
    assert text_item.html == (
        "<p>成都市人社局在天府广场举办春风行动专场招聘，面向农民工提供岗位 800 余个。</p>"
        "<p>现场发布的《岗位表 &lt;2026&gt;》&amp; 政策问答另见附件。</p>"
    )
    assert text_item.base_url == "https://hrss.example.gov.cn/news/2026/11/21/chunfeng.html"
    [undated] = [e for e in entries if isinstance(e, Item) and e.item_id == "notice-7"]
    assert undated.date is None and undated.base_url == "https://hrss.example.gov.cn/"  # the home page
    assert undated.html == "<p>问：哪些人员可以申请认定为就业困难人员？<br>答：按本省办法执行。</p>"


def test_json_feed_version_1_with_its_author_object(tmp_path, content, registry):
    (tmp_path / "v1.json").write_text(
        '{"version": "https://jsonfeed.org/version/1", "title": "人社动态", "author": {"name": "人社部"},'
        ' "items": [{"id": "1", "title": "吉林举办就业援助招聘会", "content_html": "<p>长春市举办招聘会。</p>",'
        ' "date_published": "2022-08-01T08:00:00+08:00", "author": {"name": "吉林省人社厅"}}]}',
        encoding="utf-8",
    )
    report, _ = scrape([Source("v1", "feed", str(tmp_path / "v1.json"))], content, registry)
    assert report.ok
    [(meta, body)] = scraped_news(content, "v1").values()
    assert (meta["title"], meta["source"]) == ("吉林举办就业援助招聘会", "吉林省人社厅")  # the item's author
    assert meta["date"] == "2022-08-01 08:00:00+08:00"
    assert "长春市举办招聘会。" in body


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"version": "1.0", "items": []}', "是 JSON 但不是 JSON Feed"),
        ('{"version": "https://jsonfeed.org/version/1.1", "items": {}}', "缺少 items 列表"),
        ('{"version": "https://jsonfeed.org/version/1.1", "items": [', "不是有效的 JSON"),
    ],
)
def test_json_that_is_no_json_feed_fails_the_source(tmp_path, content, registry, text, reason):
    (tmp_path / "x.json").write_text(text, encoding="utf-8")
    report, _ = scrape([Source("x", "feed", str(tmp_path / "x.json"))], content, registry)
    assert reason in report.sources[0].failure


def test_a_page_that_links_its_feed_is_read_through_the_link(content, registry, server):
    sources = [Source("page", "feed", f"{server}/news/"), Source("rss", "feed", f"{server}/rss/")]
    report, log = scrape(sources, content, registry)
    page, rss = report.sources
    assert page.failure is None and page.counts["新增"] == 3
    assert rss.failure is None and rss.counts["新增"] == 1
    # The first feed the page links (JSON Feed), resolved against the page's URL.
    found = f"{server}/news/ 是网页，已改读其中链接的订阅源 {server}/news/feed.json（可把 url 改为它）"
    assert page.warnings[0] == f"[page]: {found}"
    assert f"注意 [rss]: {server}/rss/ 是网页，已改读其中链接的订阅源 {server}/rss.xml" in log
    [(meta, _)] = scraped_news(content, "rss").values()  # GBK, undeclared, found through the page
    assert meta["title"].startswith("福建举办")


def test_a_page_without_a_feed_link_or_linking_a_page_fails(content, registry, server):
    report, _ = scrape(
        [Source("moved", "feed", str(FEEDS / "not-a-feed.html")), Source("loop", "feed", f"{server}/loop/")],
        content,
        registry,
    )
    moved, loop = report.sources
    assert "不是 RSS/Atom 订阅源：收到的是 HTML 网页，其中也没有链接 http(s) 订阅源" in moved.failure
    assert loop.failure == f"不是 RSS/Atom 订阅源：网页链接的 {server}/news/ 也是 HTML 网页"  # followed once only
    assert loop.warnings and not report.ok


def test_an_empty_response_is_a_clear_source_error(tmp_path, content, registry, server):
    (tmp_path / "blank.xml").write_text("\ufeff \n", encoding="utf-8")
    report, _ = scrape(
        [Source("empty", "feed", f"{server}/empty.xml"), Source("blank", "feed", str(tmp_path / "blank.xml"))],
        content,
        registry,
    )
    assert [r.failure for r in report.sources] == [
        f"响应为空：{server}/empty.xml 没有任何内容",
        f"响应为空：{tmp_path / 'blank.xml'} 没有任何内容",
    ]


def test_a_recoverable_flaw_is_a_warning_and_the_run_exits_0(tmp_path, content, capsys):
    sources_file = tmp_path / "sources.toml"
    sources_file.write_text(f'[[source]]\nid = "flawed"\nkind = "feed"\nurl = "{FEEDS / "recoverable.xml"}"\n', "utf-8")
    code = main(["--sources", str(sources_file), "--content", str(content), "--quiet", "--cache", str(tmp_path / "c")])
    out, err = capsys.readouterr()
    assert code == 0, out + err
    assert "注意 [flawed]: 订阅源有可恢复的格式错误，2 条均已读取：" in err and "undefined entity" in err
    [row] = [line.split() for line in out.splitlines() if line.startswith("flawed")]
    assert row[1] == "2" and row[run.COLUMNS.index("警告") + 1] == "1" and row[-1] == "正常"
    titles = sorted(meta["title"] for meta, _ in scraped_news(content, "flawed").values())
    assert titles == ["吉林开展就业援助“暖心活动”", "福建举办就业援助 专场招聘会"]


def test_a_feed_read_only_in_part_still_fails(content, registry):
    report, _ = scrape([Source("broken", "feed", str(FEEDS / "malformed.xml"))], content, registry)
    assert report.sources[0].failure.startswith("订阅源格式错误（已尽量读取 1 条）") and not report.ok


@pytest.mark.parametrize(
    ("kind", "folder", "item"),
    [
        ("feed", "news/undated", "<title>就业困难人员认定办法</title><guid>notice-1</guid>"
         "<description>认定办法全文。</description>"),  # fmt: skip
        ("jobs-feed", "jobs", "<title>仓储管理员</title><guid>j1</guid>"
         "<description>招聘单位：某物流有限公司&lt;br&gt;工作地点：湖北省武汉市</description>"),  # fmt: skip
    ],
)
def test_an_undated_item_keeps_the_date_it_was_first_seen(tmp_path, content, registry, kind, folder, item):
    (tmp_path / "undated.xml").write_text(
        f'<rss version="2.0"><channel><title>通知公告</title><item>{item}</item></channel></rss>', encoding="utf-8"
    )
    source = Source("undated", kind, str(tmp_path / "undated.xml"))
    report, _ = scrape([source], content, registry)
    assert report.ok and report.sources[0].counts["新增"] == 1
    [path] = (content / "scraped" / folder).glob("*.md")
    first = path.read_text(encoding="utf-8")
    meta, _ = metadata.parse(first)
    assert meta["date"] == "2026-11-22 08:30:00+08:00" == dates.format_iso(SEEN)
    if kind == "feed":
        assert meta["slug"].startswith("20261122-")
    report, _ = scrape([source], content, registry, now=SEEN + timedelta(days=3))
    assert report.sources[0].counts["未变"] == 1
    assert path.read_text(encoding="utf-8") == first
