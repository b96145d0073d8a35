"""RSS and Atom feeds, through feedparser, after our own charset detection; JSON Feed (json_feed.py).

A feed URL that returns an HTML page linking its feed is read through that link, once, and the
source is warned about it. A feed that is well-formed enough to be read whole (its root element
closes, every item in it was read) despite a flaw is a warning too; one read only in part fails.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from typing import TypeVar

import feedparser

from jiuye import dates, urls
from jiuye.schema import Problem
from scrapers.fetch import Fetcher, decode
from scrapers.item import Item, SourceError, SourceWarning, guard, item_problem
from scrapers.readers import discover, json_feed
from scrapers.sources import Source

T = TypeVar("T")
_HTML_PAGE = re.compile(r"<!doctype\s+html|<html[\s>]", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# What tells a flawed feed read whole from one cut short: the root closes, each item tag was read.
_UNREAD = re.compile(r"<!\[CDATA\[.*?\]\]>|<!--.*?-->", re.DOTALL)
_ENTRY_TAG = re.compile(r"<(?:[\w-]+:)?(?:item|entry)[\s/>]", re.IGNORECASE)
_ROOT_END = re.compile(r"</(?:[\w-]+:)?(?:rss|feed|rdf)\s*>\s*\Z", re.IGNORECASE)


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


def read(source: Source, fetcher: Fetcher) -> Iterator[Item | Problem | SourceWarning]:
    location = source.url
    text = _fetch(fetcher, location)
    document, parsed = _document(text)
    if _is_page(text, parsed):
        found = discover.feed_link(text, location)
        if found is None:
            raise SourceError("不是 RSS/Atom 订阅源：收到的是 HTML 网页，其中也没有链接 http(s) 订阅源")
        yield SourceWarning(source.id, f"{location} 是网页，已改读其中链接的订阅源 {found}（可把 url 改为它）")
        location, text = found, _fetch(fetcher, found)
        document, parsed = _document(text)
        if _is_page(text, parsed):
            raise SourceError(f"不是 RSS/Atom 订阅源：网页链接的 {found} 也是 HTML 网页")
    remote = location if location.startswith(("http://", "https://")) else None
    if document is not None:
        base = urls.url_or_none(json_feed.home_page(document)) or remote
        for position, raw in enumerate(document["items"], start=1):
            yield guard(source.id, json_feed.label(raw, position), _json_item, source, raw, document, position, base)
    elif parsed is not None:
        yield from _entries(source, parsed, text, remote)


def each(source: Source, fetcher: Fetcher, convert: Callable[[Item], T]) -> Iterator[T | Problem | SourceWarning]:
    """The feed's items, each turned into a record by `convert` (job postings, fair announcements);
    an item that cannot be read or converted is its report. An undated posting is dated when first
    seen (run.py); an undated announcement's fair needs a start that names its year."""
    for entry in read(source, fetcher):
        yield guard(source.id, entry.item_id, convert, entry) if isinstance(entry, Item) else entry


def _entries(
    source: Source, parsed: feedparser.FeedParserDict, text: str, remote: str | None
) -> Iterator[Item | Problem | SourceWarning]:
    if not parsed.get("version"):
        raise SourceError(f"不是有效的 RSS/Atom：{parsed.get('bozo_exception', '无法识别的格式')}")
    base = parsed.feed.get("link") or remote
    for position, entry in enumerate(parsed.entries, start=1):
        yield guard(source.id, _label(entry, position), _item, source, entry, position, base)
    if parsed.bozo:
        count, flaw = len(parsed.entries), parsed.bozo_exception
        if not (count and _read_whole(text, count)):
            # The items recovered above are kept; the source is still reported as broken.
            raise SourceError(f"订阅源格式错误（已尽量读取 {count} 条）：{flaw}")
        yield SourceWarning(source.id, f"订阅源有可恢复的格式错误，{count} 条均已读取：{flaw}")


def _document(text: str) -> tuple[dict | None, feedparser.FeedParserDict | None]:
    """A JSON Feed, or else what feedparser makes of the text."""
    document = json_feed.load(text)
    return (document, None) if document is not None else (None, parse(text))


def _is_page(text: str, parsed: feedparser.FeedParserDict | None) -> bool:
    """An HTML page rather than a feed (a feed may carry HTML in its items)."""
    return parsed is not None and not parsed.get("version") and bool(_HTML_PAGE.search(text[:2048]))


def _fetch(fetcher: Fetcher, location: str) -> str:
    text = decode(fetcher.get(location))
    if not text.strip().lstrip("\ufeff").strip():
        raise SourceError(f"响应为空：{location} 没有任何内容")
    return text


def _read_whole(text: str, count: int) -> bool:
    """Whether feedparser's recovery read all of a flawed document: it ends by closing its root
    element, and it holds as many item/entry tags as entries were read."""
    markup = _UNREAD.sub("", text)
    return bool(_ROOT_END.search(markup)) and len(_ENTRY_TAG.findall(markup)) == count


def _label(entry: dict, position: int) -> str:
    return str(entry.get("id") or entry.get("link") or f"#{position}")


def _json_item(source: Source, raw: object, document: dict, position: int, base: str | None) -> Item | Problem:
    return _item(source, json_feed.entry(raw, document), position, base)


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
    # The link as given: a bad one is reported (and left out) when the item is checked. An id that
    # feedparser took for the link (a tag: URI, no <link>) is no link at all.
    link = str(entry.get("link") or "").strip() or None
    if link and link == entry.get("id") and not urls.url_or_none(link):
        link = None
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
