"""RSS and Atom feeds, through feedparser, after our own charset detection."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from typing import TypeVar

import feedparser

from jiuye import dates, urls
from jiuye.schema import Problem
from scrapers.fetch import Fetcher, decode
from scrapers.item import Item, SourceError, guard, item_problem
from scrapers.sources import Source

T = TypeVar("T")
_HTML_PAGE = re.compile(r"<!doctype\s+html|<html[\s>]", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def strip_declaration(text: str) -> str:
    """Decoded XML without its declaration, whose encoding no longer applies."""
    return _XML_DECLARATION.sub("", text, count=1).lstrip()


def parse(text: str) -> feedparser.FeedParserDict:
    """Parse already-decoded feed text."""
    return feedparser.parse(
        strip_declaration(text).encode("utf-8"),
        response_headers={"content-type": "application/xml; charset=utf-8"},
        sanitize_html=False,  # we sanitise with our own policy, after boilerplate removal
        resolve_relative_uris=False,
    )


def read(source: Source, fetcher: Fetcher) -> Iterator[Item | Problem]:
    fetched = fetcher.get(source.url)
    text = decode(fetched)
    parsed = parse(text)
    if not parsed.version:
        if _HTML_PAGE.search(text[:2048]):
            raise SourceError("不是 RSS/Atom 订阅源：收到的是 HTML 网页")
        raise SourceError(f"不是有效的 RSS/Atom：{parsed.get('bozo_exception', '无法识别的格式')}")
    base = parsed.feed.get("link") or (source.url if source.is_remote else None)
    for position, entry in enumerate(parsed.entries, start=1):
        yield guard(source.id, _label(entry, position), _item, source, entry, position, base)
    if parsed.bozo:
        # The items recovered above are kept; the source is still reported as broken.
        raise SourceError(f"订阅源格式错误（已尽量读取 {len(parsed.entries)} 条）：{parsed.bozo_exception}")


def each(source: Source, fetcher: Fetcher, convert: Callable[[Item], T]) -> Iterator[T | Problem]:
    """The feed's items, each turned into a record by `convert` (job postings, fair announcements);
    an item that cannot be read or converted is its report. A posting or announcement needs the
    date the feed gives it."""
    for entry in read(source, fetcher):
        if not isinstance(entry, Item):
            yield entry
        elif entry.date is None:
            yield item_problem(source.id, entry.item_id, "date", "", "缺少或无法识别的发布日期")
        else:
            yield guard(source.id, entry.item_id, convert, entry)


def _label(entry: dict, position: int) -> str:
    return str(entry.get("id") or entry.get("link") or f"#{position}")


def _item(source: Source, entry: dict, position: int, base: str | None) -> Item | Problem:
    title = " ".join(entry.get("title", "").split())
    label = _label(entry, position)
    if not title:
        return item_problem(source.id, label, "title", "", "缺少标题")
    raw_date = entry.get("published") or entry.get("updated") or ""
    moment = None  # undated: the run dates it by when it was first seen
    if raw_date.strip():
        try:
            moment = dates.parse(raw_date)
        except ValueError as error:
            reason = dates.reason(error, "无法识别的发布日期")
            return item_problem(source.id, label, "date", raw_date, reason)
    # The link as given: a bad one is reported (and left out) when the item is checked.
    link = str(entry.get("link") or "").strip() or None
    item_id = entry.get("id") or link or hashlib.sha256(f"{title}\n{raw_date}".encode()).hexdigest()[:16]
    contents = entry.get("content") or []
    html = contents[0].get("value", "") if contents else entry.get("summary", "")
    return Item(
        source_id=source.id,
        item_id=item_id,
        title=title,
        date=moment,
        html=html,
        url=link,
        base_url=urls.url_or_none(link or "") or base,
        publisher=(entry.get("source") or {}).get("title") or entry.get("author") or None,
        tags=[tag.get("term", "") for tag in entry.get("tags", []) if tag.get("term")],
    )
