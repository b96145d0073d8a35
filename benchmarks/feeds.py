"""Generated feeds for the scrape benchmark and tests: RSS (some in GBK), Atom and JSON Feed, with
Chinese news items shaped like a provincial 人社 site's (fairs, posts, figures), all dated, so a
scrape of them writes the same files whenever it runs."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape

from jiuye import dates, regions

CAMPAIGNS = ("春风行动", "就业援助月", "民营企业招聘月", "金秋招聘月", "百日千万网络招聘专项活动")
VENUES = ("市人力资源市场", "市民中心广场", "高新区就业服务中心", "职业技术学院体育馆", "县人社局服务大厅")
GROUPS = ("高校毕业生", "农民工", "脱贫劳动力", "就业困难人员", "退役军人", "残疾人")
FORMATS = ("rss", "atom", "json")
START = datetime(2026, 2, 1, 9, 0, tzinfo=dates.SHANGHAI)


@dataclass(frozen=True)
class Feed:
    source_id: str
    host: int  # which of the simulated hosts serves it
    path: str
    body: bytes
    content_type: str
    delay: float = 0.0  # seconds before the answer (a slow host)
    status: int = 200  # 500: a failing feed
    hang: bool = False  # answers nothing until the client gives up


@dataclass(frozen=True)
class _Item:
    guid: str
    title: str
    link: str
    html: str
    moment: datetime


def _items(rng: random.Random, number: int, count: int) -> list[_Item]:
    provinces = [p for p in regions.provinces() if p.cities]
    items = []
    for position in range(count):
        province = rng.choice(provinces)
        city = rng.choice(province.cities)
        campaign = rng.choice(CAMPAIGNS)
        moment = START + timedelta(days=(number * 7 + position * 3) % 280, minutes=position * 13)
        employers, posts = rng.randint(20, 300), rng.randint(500, 9000)
        people = rng.randint(100, posts // 2)
        paragraphs = [
            f"{moment.month}月{moment.day}日，{province.name}{city.name}人社局在{rng.choice(VENUES)}举办"
            f"2026年“{campaign}”专场招聘会，{employers}家用人单位提供岗位{posts}个，"
            f"现场达成就业意向{people}人。",
            f"现场设置{rng.choice(GROUPS)}服务专区，提供政策咨询、职业指导和技能培训报名等服务，"
            "并通过网络平台向线上求职者推送岗位信息。",
            f"{city.name}将持续开展{campaign}系列活动，送政策、送岗位、送服务，帮助{rng.choice(GROUPS)}尽快实现就业。",
        ]
        items.append(
            _Item(
                guid=f"bench-{number}-{position}",
                title=f"{city.name}举办2026年“{campaign}”专场招聘会 {employers}家单位提供岗位{posts}个",
                link=f"https://hrss.example.gov.cn/{number}/{position}.html",
                html="".join(f"<p>{escape(text)}</p>" for text in paragraphs),
                moment=moment,
            )
        )
    return items


def _rss(title: str, items: list[_Item], encoding: str) -> bytes:
    entries = "".join(
        f"<item><title>{escape(i.title)}</title><link>{i.link}</link><guid>{i.guid}</guid>"
        f"<pubDate>{format_datetime(i.moment)}</pubDate><description>{escape(i.html)}</description></item>"
        for i in items
    )
    declared = "gbk" if encoding == "gb18030" else encoding
    text = (
        f'<?xml version="1.0" encoding="{declared}"?><rss version="2.0"><channel><title>{escape(title)}</title>'
        f"<link>https://hrss.example.gov.cn/</link><description>{escape(title)}</description>{entries}</channel></rss>"
    )
    return text.encode(encoding)


def _atom(title: str, items: list[_Item]) -> bytes:
    entries = "".join(
        f'<entry><title>{escape(i.title)}</title><id>urn:jiuye:{i.guid}</id><link href="{i.link}"/>'
        f'<updated>{i.moment.isoformat()}</updated><content type="html">{escape(i.html)}</content></entry>'
        for i in items
    )
    text = (
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:jiuye:{escape(title)}</id>"
        f"<updated>{items[-1].moment.isoformat()}</updated>{entries}</feed>"
    )
    return text.encode("utf-8")


def _json(title: str, items: list[_Item]) -> bytes:
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": "https://hrss.example.gov.cn/",
        "items": [
            {
                "id": i.guid,
                "url": i.link,
                "title": i.title,
                "content_html": i.html,
                "date_published": i.moment.isoformat(),
            }
            for i in items
        ],
    }
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def generate(count: int, hosts: int, slow: dict[int, float], failing: int = 0, hanging: int = 0) -> list[Feed]:
    """`count` feeds, the n-th on host n % `hosts`; hosts in `slow` answer after that many seconds;
    the last `failing` feeds answer 500, the `hanging` ones before them never answer."""
    rng = random.Random(count)
    feeds = []
    for number in range(count):
        kind = FORMATS[number % len(FORMATS)]
        items = _items(rng, number, rng.randint(4, 12))
        title = f"第{number}号来源 就业资讯"
        encoding = "gb18030" if kind == "rss" and number % 7 == 0 else "utf-8"
        if kind == "rss":
            body, content_type = _rss(title, items, encoding), "application/rss+xml"
        elif kind == "atom":
            body, content_type = _atom(title, items), "application/atom+xml"
        else:
            body, content_type = _json(title, items), "application/json"
        host = number % hosts
        feeds.append(
            Feed(
                source_id=f"bench-{number:03d}",
                host=host,
                path=f"/feeds/{number}.{'json' if kind == 'json' else 'xml'}",
                body=body,
                content_type=content_type if encoding == "utf-8" else f"{content_type}; charset=gbk",
                delay=slow.get(host, 0.0),
                status=500 if number >= count - failing else 200,
                hang=count - failing - hanging <= number < count - failing,
            )
        )
    return feeds
