"""RSS/Atom feeds of job-fair announcements: "时间：…", "地点：…", "形式：…" lines, else the text."""

from __future__ import annotations

from collections.abc import Iterator

from jiuye import dates, fair_text
from jiuye.schema import Problem
from scrapers.fetch import Fetcher
from scrapers.item import Item, RawFair
from scrapers.readers import feed
from scrapers.readers.labelled import Labels
from scrapers.sources import Source

LABELS = Labels(
    {
        "start": ("举办时间", "活动时间", "招聘时间", "时间", "日期"),
        "venue": ("举办地点", "活动地点", "招聘地点", "地点", "地址"),
        "mode": ("举办形式", "活动形式", "形式", "方式"),
        "organizer": ("主办单位", "主办", "承办单位", "组织单位"),
        "employers": ("参会企业", "参会单位", "用人单位", "企业数量"),
        "positions": ("提供岗位", "岗位数量", "岗位"),
        "online_url": ("直播地址", "报名链接", "线上地址", "参会链接"),
        "target_groups": ("面向对象", "服务对象", "面向人群"),
    }
)


def read(source: Source, fetcher: Fetcher) -> Iterator[RawFair | Problem]:
    return feed.each(source, fetcher, _fair)


def _fair(entry: Item) -> RawFair:
    fields, lines = LABELS.read_html(entry.html)
    start = fields.get("start", "")  # "12月5日 9:00-12:00": read by the normaliser against `date`
    if not start and entry.date:  # a year-less 12月5日 needs the announcement's date
        reported = fair_text.extract([entry.title, *lines], entry.date)
        dated = next((f for f in reported if f.start), None)
        start = dated.start.isoformat() if dated else ""
    fields.update(
        id=entry.item_id,
        title=entry.title,
        start=start,
        description=entry.html,
        url=entry.url or "",
        date=dates.format_iso(entry.date) if entry.date else "",
    )
    return RawFair(entry.source_id, entry.item_id, fields, base_url=entry.base_url)
