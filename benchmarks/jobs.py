"""20,000 generated job postings: scrape time (CSV -> Markdown), then build time with jiuye and
with bare Pelican on the same files, and the ratio.

    python -m benchmarks.jobs [N]        (default: 20000)
"""

from __future__ import annotations

import csv
import io
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.build import BARE_SETTINGS, timed_build
from benchmarks.generate import ROOT, registry
from jiuye import job_terms, regions
from scrapers import run
from scrapers.fetch import Fetcher
from scrapers.sources import Source

TITLES = (
    "仓储物流专员",
    "客服专员",
    "机电维修技术员",
    "管培生",
    "数据标注员",
    "汽车装配工",
    "茶园管理员",
    "保洁员",
    "电商运营",
)
SALARIES = ("5000-7000元/月", "1-1.5万/月", "8千-1.2万", "10k-20k", "15-25K·13薪", "150元/天", "面议", "3000元以上")
EDUCATION = ("不限", "高中", "中专", "大专", "本科及以上", "硕士")


def write_export(path: Path, count: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    cities = [(p, c) for p in regions.provinces() for c in p.cities] or []
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        ["编号", "岗位名称", "单位名称", "工作地点", "薪资", "学历", "面向人群", "发布日期", "截止日期", "岗位描述"]
    )
    for number in range(count):
        province, city = rng.choice(cities)
        groups = rng.sample([g.name for g in job_terms.TARGET_GROUPS], k=rng.randint(0, 2))
        writer.writerow(
            [
                f"B-{number}",
                f"{rng.choice(TITLES)}{number}",
                f"{city.short}第{number % 997}号企业",
                f"{province.name}{city.name}",
                rng.choice(SALARIES),
                rng.choice(EDUCATION),
                str(groups),
                f"2026-{1 + number % 11:02d}-{1 + number % 28:02d}",
                f"2027-{1 + number % 12:02d}-28",
                "负责岗位相关工作，提供五险一金和培训。" * 3,
            ]
        )
    path.write_bytes(buffer.getvalue().encode("gbk"))


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        export = work / "job_terms.csv"
        write_export(export, count)
        content = work / "content"
        content.mkdir()
        shutil.copy(ROOT / "content" / "campaigns.yaml", content)
        started = time.perf_counter()
        report = run.run([Source("bench", "jobs-csv", str(export))], registry(), content, Fetcher(), progress=False)
        scrape_seconds = time.perf_counter() - started
        written = report.sources[0].counts["新增"]
        bare = work / "bare.py"
        bare.write_text(BARE_SETTINGS, encoding="utf-8")
        ours = timed_build(content, ROOT / "pelicanconf.py", work / "ours")
        theirs = timed_build(content, bare, work / "bare")
        pages = sum(1 for _ in (work / "ours").rglob("*.html"))
        print(f"postings {count}, written {written}, duplicates {report.sources[0].counts['重复']}")
        print(f"scrape  {scrape_seconds:8.2f} s  ({count / scrape_seconds:,.0f} postings/s)")
        print(f"build   {ours:8.2f} s  jiuye ({pages} pages)")
        print(f"bare    {theirs:8.2f} s  bare Pelican, same files")
        print(f"ratio   {ours / theirs:8.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
