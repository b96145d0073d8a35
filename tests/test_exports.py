"""A full export (`full_export = true`): a posting it stops listing closes after `close_after` runs."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from jiuye import dates, metadata
from scrapers import run
from scrapers.fetch import Fetcher
from scrapers.sources import Source
from tests.conftest import new_content_dir

HEADER = "编号,岗位名称,单位名称,工作地点,薪资待遇,发布日期,岗位描述\n"
ROWS = [
    "WH-1,仓储物流专员,武汉江城供应链管理有限公司,湖北省武汉市,5000-7000元/月,2026-11-18,负责收发货。\n",
    "WH-2,客服专员,武汉楚天数字服务有限公司,湖北省武汉市,4000-5500元/月,2026-11-20,电话客服。\n",
    "WH-3,焊工,襄阳汉江机械有限公司,湖北省襄阳市,6000-8000元/月,2026-11-21,二保焊。\n",
]


def scrape(export: Path, content: Path, registry, rows: list[str], day: int) -> run.RunReport:
    export.write_text(HEADER + "".join(rows), encoding="utf-8")
    source = Source("export", "jobs-csv", str(export), options={"full_export": True, "close_after": 2})
    now = datetime(2026, 11, day, 8, tzinfo=dates.SHANGHAI)
    return run.run([source], registry, content, Fetcher(), log=io.StringIO(), progress=False, now=now)


def welder(content: Path) -> dict[str, str]:
    [path] = [p for p in (content / "scraped" / "jobs").glob("*.md") if "焊工" in p.read_text(encoding="utf-8")]
    return metadata.parse(path.read_text(encoding="utf-8"))[0]


def test_a_posting_gone_from_a_full_export_closes_and_reopens_when_it_returns(tmp_path, registry):
    content, export = new_content_dir(tmp_path), tmp_path / "export.csv"
    assert scrape(export, content, registry, ROWS, 22).sources[0].counts["新增"] == 3
    report = scrape(export, content, registry, ROWS[:2], 23)  # missing once: may be a hiccup
    assert report.sources[0].counts["已下架"] == 0 and "valid_through" not in welder(content)
    report = scrape(export, content, registry, ROWS[:2], 24)  # missing twice: filled or withdrawn
    assert report.sources[0].counts["已下架"] == 1
    assert welder(content)["valid_through"].startswith("2026-11-24 08:00")
    assert scrape(export, content, registry, ROWS[:2], 25).sources[0].counts["已下架"] == 0  # closed once
    scrape(export, content, registry, ROWS, 26)  # listed again: open again
    assert "valid_through" not in welder(content)


def test_a_run_with_a_failed_row_closes_nothing(tmp_path, registry):
    content, export = new_content_dir(tmp_path), tmp_path / "export.csv"
    scrape(export, content, registry, ROWS, 22)
    broken = ROWS[:2] + ["WH-3,焊工,,湖北省襄阳市,6000-8000元/月,2026-11-21,缺少单位。\n"]
    for day in (23, 24, 25):
        assert scrape(export, content, registry, broken, day).sources[0].counts["已下架"] == 0
