"""The scraper on real-shaped inputs: seeds, hostile HTML, GBK, broken and dead sources."""

from __future__ import annotations

import http.server
import io
import shutil
import socket
import threading
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from jiuye import metadata
from scrapers import run
from scrapers.__main__ import main
from scrapers.clean import clean
from scrapers.fetch import Fetcher
from scrapers.sources import Source, SourcesError, load
from tests.conftest import FIXTURES, SEEDS, new_content_dir, scraped_news

FEEDS = FIXTURES / "feeds"


def scrape(sources: list[Source], content: Path, registry) -> run.RunReport:
    return run.run(sources, registry, content, Fetcher(), log=io.StringIO(), progress=False)


@pytest.fixture
def content(tmp_path) -> Path:
    return new_content_dir(tmp_path)


@pytest.fixture
def seeds_written(content, registry):
    report = scrape([Source("seeds", "posts", str(SEEDS))], content, registry)
    return report, scraped_news(content, "seeds")


def test_seeds_become_five_news_files_with_their_metadata(seeds_written):
    report, files = seeds_written
    assert report.ok and report.sources[0].counts["新增"] == 5
    by_seed = {key[:3]: meta for key, (meta, _) in files.items()}
    assert by_seed["000"]["title"] == "就业援助“暖心行动”持续进行 帮助实现就业20万人"
    assert by_seed["000"]["date"] == "2022-08-27 12:19:34+08:00"  # Sat, 27 Aug 2022 04:19:34 GMT
    assert by_seed["000"]["source"] == "ZAKER"
    assert by_seed["001"]["title"] == "就业援助“暖心活动”启动 直击各地“送岗”现场"
    assert by_seed["002"]["source"] == "新浪财经"
    assert by_seed["003"]["title"] == "全总：“一人一策”帮扶困难职工家庭高校毕业生实现就业"
    assert by_seed["004"]["date"] == "2022-04-05 05:50:27+08:00"
    assert by_seed["004"]["source"] == "经济日报"  # from （文章来源：经济日报）
    assert by_seed["004"]["source_url"].startswith("http://finews.zning.xyz/html_News/NewsShare.html")
    for meta in by_seed.values():
        assert meta["category"] == "新闻"
        assert meta["summary"]


def test_seed_provinces_and_campaigns(seeds_written):
    _, files = seeds_written
    meta = {key[:3]: m for key, (m, _) in files.items()}
    provinces = {key: set(m.get("provinces", "").split(", ")) - {""} for key, m in meta.items()}
    assert provinces["000"] == {"河北", "安徽"}
    assert provinces["001"] == {"吉林", "福建", "湖北", "重庆", "四川"}
    assert provinces["003"] == set()
    assert {"湖南", "山东", "甘肃"} <= provinces["004"]
    assert meta["001"]["campaigns"] == "就业援助“暖心行动”"
    assert "阳光就业暖心行动" in meta["003"]["campaigns"] and "就业援助“暖心行动”" not in meta["003"]["campaigns"]
    assert len(meta["002"]["campaigns"].split(", ")) == 12


def test_no_boilerplate_survives(seeds_written):
    _, files = seeds_written
    leftovers = (
        "分享让更多人看到",
        "责任编辑",
        "责编",
        "新浪财经APP",
        "appendQr",
        "recommend_bottom",
        "返回首页",
        "原标题",
        "<div",
        "<p",
        "<!--",
        "文章来源",
        "&#123;",
    )
    for key, (_, body) in files.items():
        for leftover in leftovers:
            assert leftover not in body, f"{key}: {leftover}"
    seed_001 = next(body for key, (_, body) in files.items() if key.startswith("001"))
    assert "50 户爱心企业" in seed_001 and "29 家用人单位，带来 3138 个岗位" in seed_001


def test_second_run_changes_no_file(content, registry, seeds_written):
    folder = content / "scraped" / "news" / "seeds"
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    report = scrape([Source("seeds", "posts", str(SEEDS))], content, registry)
    assert report.sources[0].counts["未变"] == 5
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    assert after == before


def test_an_edited_file_survives_a_rerun(content, registry, seeds_written):
    path = next((content / "scraped" / "news" / "seeds").iterdir())
    edited = path.read_text(encoding="utf-8").replace("Title: ", "Title: 【编辑更正】", 1)
    path.write_text(edited, encoding="utf-8")
    report = scrape([Source("seeds", "posts", str(SEEDS))], content, registry)
    assert report.sources[0].counts["已保护"] == 1
    assert report.sources[0].counts["未变"] == 4
    assert path.read_text(encoding="utf-8") == edited


def test_an_editors_deletion_is_remembered(content, registry, seeds_written):
    path = sorted((content / "scraped" / "news" / "seeds").glob("*.md"))[0]
    path.unlink()
    for _ in range(2):  # and stays remembered
        report = scrape([Source("seeds", "posts", str(SEEDS))], content, registry)
        assert report.sources[0].counts["已删除"] == 1 and report.sources[0].counts["未变"] == 4
        assert not path.exists()
    ledger = content / "scraped" / ".written"
    key = path.relative_to(content).as_posix()
    ledger.write_text("".join(f"{line}\n" for line in ledger.read_text(encoding="utf-8").splitlines() if line != key))
    report = scrape([Source("seeds", "posts", str(SEEDS))], content, registry)
    assert report.sources[0].counts["新增"] == 1 and path.exists()  # its line removed: it may come back


def _one_item_feed(path: Path, guid: str, link: str, title: str = "湖北省举办就业援助月专场招聘会") -> Path:
    path.write_text(
        f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>
<item><title>{title}</title><guid isPermaLink="false">{guid}</guid><link>{link}</link>
<pubDate>Mon, 05 Jan 2026 10:00:00 +0800</pubDate><description>湖北省各地举办招聘会。</description></item>
</channel></rss>""",
        encoding="utf-8",
    )
    return path


def test_a_story_republished_under_a_new_guid_is_still_one_file(tmp_path, content, registry):
    feed = tmp_path / "feed.xml"
    runs = [
        ("guid-1", "https://news.example.cn/a/1.html"),
        ("guid-2", "https://NEWS.example.cn/a/1.html#top"),  # same link, new guid
        ("guid-3", "https://news.example.cn/mirror/9.html"),  # new link, same title and day
    ]
    slugs = set()
    for guid, link in runs:
        scrape([Source("republish", "feed", str(_one_item_feed(feed, guid, link)))], content, registry)
        files = list((content / "scraped" / "news" / "republish").glob("*.md"))
        assert len(files) == 1, (guid, files)
        slugs.add(metadata.parse(files[0].read_text(encoding="utf-8"))[0]["slug"])
    assert len(slugs) == 1  # its page stays where it was
    _one_item_feed(feed, "guid-4", "https://news.example.cn/a/2.html", title="另一条新闻")
    scrape([Source("republish", "feed", str(feed))], content, registry)
    assert len(list((content / "scraped" / "news" / "republish").glob("*.md"))) == 2


def test_an_updated_item_rewrites_its_own_file(tmp_path, content, registry, seeds_written):
    posts = tmp_path / "posts"
    shutil.copytree(SEEDS, posts)
    seed = next(posts.glob("003_*"))
    seed.write_text(seed.read_text(encoding="utf-8").replace("全国总工会日前下发", "全国总工会近日下发"), "utf-8")
    report = scrape([Source("seeds", "posts", str(posts))], content, registry)
    assert report.sources[0].counts["更新"] == 1 and report.sources[0].counts["未变"] == 4
    assert len(list((content / "scraped" / "news" / "seeds").iterdir())) == 5
    assert not list((content / "scraped" / "news" / "seeds").glob(".*.tmp"))


def test_hostile_feed_item_is_sanitised(content, registry):
    report = scrape([Source("hostile", "feed", str(FEEDS / "hostile.xml"))], content, registry)
    assert report.ok
    [(meta, body)] = scraped_news(content, "hostile").values()
    lowered = body.lower()
    for payload in (
        "<script",
        "alert(",
        "onerror",
        "onclick",
        "onmouseover",
        "javascript:",
        "<iframe",
        "evil.example",
        "<form",
        "<svg",
    ):
        assert payload not in lowered, payload
    assert "吉林省人社厅组织 50 户爱心企业参加" in body
    assert "https://hostile.example.org/jobs/list.html" in body  # relative link made absolute
    assert meta["provinces"] == "吉林"


def test_gbk_feed_without_declared_charset(content, registry):
    report = scrape([Source("fj", "feed", str(FEEDS / "gbk-undeclared.xml"))], content, registry)
    assert report.ok
    [(meta, body)] = scraped_news(content, "fj").values()
    assert meta["title"] == "福建举办就业援助“暖心活动”启动仪式暨专场招聘活动"
    assert "29家用人单位，带来3138个岗位" in body
    assert meta["provinces"] == "福建"


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[bytes, str]] = {}

    def do_GET(self):  # noqa: N802 (http.server's name)
        body, content_type = self.routes.get(self.path, (b"not found", "text/plain"))
        self.send_response(200 if self.path in self.routes else 404)
        self.send_header("Content-Type", content_type)
        self.send_header("ETag", '"v1"')
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    _Handler.routes = {
        "/gbk.xml": ((FEEDS / "gbk-undeclared.xml").read_bytes(), "application/rss+xml"),  # no charset
        "/moved.xml": ((FEEDS / "not-a-feed.html").read_bytes(), "text/html; charset=utf-8"),
    }
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_broken_sources_are_reported_by_id_and_the_others_written(content, registry, server):
    sources = [
        Source("broken", "feed", str(FEEDS / "malformed.xml")),
        Source("dead", "feed", f"http://127.0.0.1:{closed_port()}/feed.xml"),
        Source("moved", "feed", f"{server}/moved.xml"),
        Source("missing", "feed", f"{server}/gone.xml"),
        Source("remote-gbk", "feed", f"{server}/gbk.xml"),
        Source("seeds", "posts", str(SEEDS)),
    ]
    report = scrape(sources, content, registry)
    failures = {r.source.id: r.failure for r in report.sources}
    assert "格式错误" in failures["broken"]
    assert "连接失败" in failures["dead"]
    assert "不是 RSS/Atom" in failures["moved"]
    assert "HTTP 404" in failures["missing"]
    assert failures["remote-gbk"] is None and failures["seeds"] is None
    assert not report.ok
    assert len(scraped_news(content, "seeds")) == 5
    [(meta, _)] = scraped_news(content, "remote-gbk").values()
    assert meta["title"].startswith("福建举办")
    summary = run.summary(report)
    for source_id in ("broken", "dead", "moved", "missing"):
        assert source_id in summary


def test_exit_status_and_report_from_the_command_line(tmp_path, content, capsys):
    sources_file = tmp_path / "sources.toml"
    sources_file.write_text(
        f'[[source]]\nid = "broken"\nkind = "feed"\nurl = "{FEEDS / "malformed.xml"}"\n\n'
        f'[[source]]\nid = "seeds"\nkind = "posts"\nurl = "{SEEDS}"\n',
        encoding="utf-8",
    )
    code = main(["--sources", str(sources_file), "--content", str(content), "--quiet", "--cache", str(tmp_path / "c")])
    out, err = capsys.readouterr()
    assert code == 1
    assert "失败 [broken]" in err
    assert "seeds" in out and "合计" in out
    assert len(list((content / "scraped" / "news" / "seeds").glob("*.md"))) == 5


def test_item_with_a_bad_date_is_skipped_and_named(tmp_path, content, registry):
    posts = tmp_path / "posts"
    shutil.copytree(SEEDS, posts)
    seed = next(posts.glob("002_*"))
    seed.write_text(seed.read_text(encoding="utf-8").replace("Tue, 22 Feb 2022", "Tue, 30 Feb 2022"), "utf-8")
    report = scrape([Source("seeds", "posts", str(posts))], content, registry)
    [error] = report.sources[0].errors
    assert "002_293a66a36adf4f35.txt" in error and "date" in error and "30 Feb 2022" in error
    assert report.sources[0].counts["新增"] == 4


def test_sources_file_errors_name_source_and_field(tmp_path, registry):
    path = tmp_path / "sources.toml"
    path.write_text('[[source]]\nid = "a"\nkind = "ftp"\nurl = "x"\n', encoding="utf-8")
    with pytest.raises(SourcesError, match=r"source 'a': 字段 kind = 'ftp'"):
        load(path, registry)
    path.write_text('[[source]]\nid = "a"\nkind = "feed"\nurl = "feeds/x.xml"\n', encoding="utf-8")
    assert load(path, registry)[0].url == str(tmp_path / "feeds" / "x.xml")


def test_default_sources_are_local_and_valid(registry):
    from tests.conftest import ROOT

    sources = load(ROOT / "sources.toml", registry)
    assert sources and all(not s.is_remote and Path(s.url).exists() for s in sources)


def test_angle_brackets_and_ampersands_in_text_read_as_written():
    written = "《岗位表 <2026>》& 福利 *注意* 1. 说明 <script>alert(1)</script>"
    html = "<p>" + written.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>"
    rendered = BeautifulSoup(markdown.markdown(clean(html).markdown), "html.parser")
    assert rendered.get_text() == written and not rendered.find("script")
