"""Generated content for benchmarks: news items shaped like the scraper's output."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

from jiuye import dates, metadata, regions
from jiuye.campaigns import Registry

ROOT = Path(__file__).resolve().parent.parent
PHRASES = (
    "人力资源社会保障部门组织开展就业援助专项活动，",
    "现场设置残疾人招聘专区和高校毕业生咨询台，",
    "50 户爱心企业走进社区广纳贤才，提供 1067 个岗位，",
    "通过直播带岗、远程面试等新模式推送岗位信息，",
    "为长期失业人员、困难家庭毕业生提供一对一就业帮扶，",
    "各级人社部门将持续送政策、送岗位、送服务、送温暖。",
)


def registry() -> Registry:
    return Registry.from_yaml((ROOT / "content" / "campaigns.yaml").read_text(encoding="utf-8"))


def news_content(target: Path, count: int, seed: int = 7) -> Path:
    """A content folder with `count` news items under scraped/news/bench/."""
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    folder = target / "scraped" / "news" / "bench"
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "content" / "campaigns.yaml", target)
    provinces = regions.provinces()
    campaigns = registry().campaigns
    start = dates.parse("2022-01-01 08:00")
    for number in range(count):
        province = rng.choice(provinces)
        campaign = rng.choice(campaigns)
        body = "\n\n".join("".join(rng.choice(PHRASES) for _ in range(4)) for _ in range(5))
        meta = {
            "Title": f"{province.short}开展{campaign.name}第{number}场招聘活动",
            "Date": dates.format_iso(start.replace(day=1 + number % 28, month=1 + number % 12)),
            "Category": "新闻",
            "Slug": f"bench-{number}",
            "Provinces": province.short,
            "Campaigns": campaign.name,
            "Source": "基准测试",
            "Summary": body[:100],
        }
        (folder / f"{number}.md").write_text(metadata.render(meta, body), encoding="utf-8")
    return target


def pelican(content: Path, settings: Path, output: Path, *options: str, extra: tuple[str, ...] = ()) -> str:
    """Build `content` into `output` without Pelican's cache; returns what Pelican printed."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            str(content),
            "-s",
            str(settings),
            "-o",
            str(output),
            *options,
            "-e",
            "CACHE_CONTENT=false",
            "LOAD_CONTENT_CACHE=false",
            *extra,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout + result.stderr
