"""RSS/Atom feeds of job-fair announcements: "时间：…", "地点：…", "形式：…" lines, else the text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bs4 import BeautifulSoup

from jiuye import dates, fair_text
from jiuye.schema import Problem
from scrapers.fetch import Fetcher
from scrapers.item import Item, RawFair, guard, item_problem
from scrapers.readers import feed
from scrapers.sources import Source

LABELS: dict[str, tuple[str, ...]] = {
    "start": ("举办时间", "活动时间", "招聘时间", "时间", "日期"),
    "venue": ("举办地点", "活动地点", "招聘地点", "地点", "地址"),
    "mode": ("举办形式", "活动形式", "形式", "方式"),
    "organizer": ("主办单位", "主办", "承办单位", "组织单位"),
    "employers": ("参会企业", "参会单位", "用人单位", "企业数量"),
    "positions": ("提供岗位", "岗位数量", "岗位"),
    "online_url": ("直播地址", "报名链接", "线上地址", "参会链接"),
    "target_groups": ("面向对象", "服务对象", "面向人群"),
}
_LABEL = re.compile(
    "("
    + "|".join(sorted((w for ws in LABELS.values() for w in ws), key=len, reverse=True))
    + r")\s*[：:]\s*([^\n；;]+)"
)
_DAY = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def labelled(text: str) -> dict[str, str]:
    owner = {word: name for name, words in LABELS.items() for word in words}
    fields: dict[str, str] = {}
    for match in _LABEL.finditer(text):
        fields.setdefault(owner[match.group(1)], match.group(2).strip())
    return fields


def _start(value: str, published) -> str:
    """'2026年12月5日 9:00-12:00' or '12月5日上午9:00' -> an ISO date (time range kept for the normaliser)."""
    day = _DAY.search(value)
    if not day:
        return value
    resolved = fair_text.resolve_date(day, published.date())  # ValueError for 2月30日
    rest = value[day.end() :]
    hours = re.search(r"(\d{1,2})[:：](\d{2})(?:\s*[-~～至到—]\s*(\d{1,2})[:：](\d{2}))?", rest)
    if hours and hours.group(3):
        return f"{resolved.isoformat()} {hours.group(1)}:{hours.group(2)}-{hours.group(3)}:{hours.group(4)}"
    if hours:
        return f"{resolved.isoformat()} {int(hours.group(1)):02d}:{hours.group(2)}"
    return resolved.isoformat()


def read(source: Source, fetcher: Fetcher) -> Iterator[RawFair | Problem]:
    for entry in feed.read(source, fetcher):
        if isinstance(entry, Problem):
            yield entry
            continue
        yield guard(source.id, entry.item_id, _fair, source, entry)


def _fair(source: Source, entry: Item) -> RawFair | Problem:
    soup = BeautifulSoup(entry.html, "html.parser")
    for block in soup.find_all(["br", "p", "li", "div"]):
        block.insert_after("\n")
    text = soup.get_text()
    fields = labelled(text)
    try:
        start = _start(fields.get("start", ""), entry.date) if fields.get("start") else ""
    except ValueError:
        return item_problem(source.id, entry.item_id, "start", fields["start"], "日期不存在，未列入日历")
    if not start:
        reported = fair_text.extract([entry.title, *text.split("\n")], entry.date)
        dated = next((f for f in reported if f.start), None)
        start = dated.start.isoformat() if dated else ""
    fields.update(
        id=entry.item_id,
        title=entry.title,
        start=start,
        description=entry.html,
        url=entry.url or "",
        date=dates.format_iso(entry.date),
    )
    return RawFair(source.id, entry.item_id, fields, base_url=entry.base_url)
