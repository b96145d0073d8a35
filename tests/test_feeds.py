"""Feeds for unattended runs, on real input and what the run writes: undated items."""

from __future__ import annotations

import io
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from jiuye import dates, metadata
from scrapers import run
from scrapers.fetch import Fetcher
from scrapers.sources import Source
from tests.conftest import new_content_dir

SEEN = datetime(2026, 11, 22, 8, 30, tzinfo=dates.SHANGHAI)


def scrape(sources: list[Source], content: Path, registry, now: datetime = SEEN) -> tuple[run.RunReport, str]:
    log = io.StringIO()
    report = run.run(sources, registry, content, Fetcher(), log=log, progress=False, now=now)
    return report, log.getvalue()


def written(content: Path, source_id: str) -> dict[str, tuple[dict[str, str], str]]:
    """origin item id -> (metadata, body) of every file the source wrote."""
    files = {}
    for path in (content / "scraped" / "news" / source_id).glob("*.md"):
        meta, body = metadata.parse(path.read_text(encoding="utf-8"))
        files[meta["origin"].split(":", 1)[1]] = (meta, body)
    return files


@pytest.fixture
def content(tmp_path) -> Path:
    return new_content_dir(tmp_path)


def test_an_undated_item_keeps_the_date_it_was_first_seen(tmp_path, content, registry):
    (tmp_path / "undated.xml").write_text(
        '<rss version="2.0"><channel><title>通知公告</title><item><title>就业困难人员认定办法</title>'
        "<guid>notice-1</guid><description>认定办法全文。</description></item></channel></rss>",
        encoding="utf-8",
    )
    source = Source("notices", "feed", str(tmp_path / "undated.xml"))
    report, _ = scrape([source], content, registry)
    assert report.ok and report.sources[0].counts["新增"] == 1
    [path] = (content / "scraped" / "news" / "notices").glob("*.md")
    first = path.read_text(encoding="utf-8")
    meta, _ = metadata.parse(first)
    assert meta["date"] == "2026-11-22 08:30:00+08:00" and meta["slug"].startswith("20261122-")
    report, _ = scrape([source], content, registry, now=SEEN + timedelta(days=3))
    assert report.sources[0].counts["未变"] == 1
    assert path.read_text(encoding="utf-8") == first


def test_job_feeds_still_need_their_date(tmp_path, content, registry):
    (tmp_path / "jobs.xml").write_text(
        '<rss version="2.0"><channel><title>岗位</title><item><title>仓储管理员</title><guid>j1</guid>'
        "<description>招聘单位：某物流有限公司</description></item></channel></rss>",
        encoding="utf-8",
    )
    report, _ = scrape([Source("jobs", "jobs-feed", str(tmp_path / "jobs.xml"))], content, registry)
    assert report.sources[0].errors == ["[jobs] 条目 j1: 字段 date = '': 缺少或无法识别的发布日期"]
