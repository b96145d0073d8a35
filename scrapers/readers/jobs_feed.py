"""RSS/Atom feeds whose items are job postings: the facts come from labelled lines of the item
("招聘单位：…", "工作地点：…", "薪资待遇：…") and from a 【城市】 prefix of the title."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jiuye.schema import Problem
from scrapers.fetch import Fetcher
from scrapers.item import Item, RawJob
from scrapers.readers import feed
from scrapers.readers.labelled import Labels
from scrapers.sources import Source

LABELS = Labels(
    {
        "employer": ("招聘单位", "用人单位", "单位名称", "企业名称", "公司名称", "公司"),
        "location": ("工作地点", "工作地址", "地点", "地址"),
        "salary": ("薪资待遇", "薪资", "薪酬", "工资待遇", "月薪", "待遇", "工资"),
        "education": ("学历要求", "学历"),
        "experience": ("工作经验", "经验要求", "经验"),
        "openings": ("招聘人数", "需求人数", "人数"),
        "employment_type": ("用工形式", "工作性质"),
        "target_groups": ("面向人群", "招聘对象", "适合人群"),
        "valid_through": ("截止日期", "截止时间", "报名截止", "有效期至"),
        "contact": ("联系电话", "联系方式", "联系人"),
    }
)
_TITLE_PLACE = re.compile(r"^\s*[【\[]([^】\]]{2,12})[】\]]\s*")


def read(source: Source, fetcher: Fetcher) -> Iterator[RawJob | Problem]:
    return feed.each(source, fetcher, to_job)


def to_job(item: Item) -> RawJob:
    fields: dict[str, str | list[str]] = dict(LABELS.read_html(item.html)[0])
    title = item.title
    place = _TITLE_PLACE.match(title)
    if place:
        fields.setdefault("location", place.group(1))
        title = title[place.end() :]
    fields.update(
        title=title.strip(),
        date=item.date.isoformat() if item.date else "",  # undated: dated when first seen (run.py)
        description=item.html,
        url=item.url or "",
        id=item.item_id,
    )
    fields.setdefault("employer", item.publisher or "")
    return RawJob(item.source_id, item.item_id, fields, base_url=item.base_url)
