"""JSON Feed, versions 1 and 1.1 (https://jsonfeed.org/version/1.1), read by the "feed" kind.

A feed is known by its content: a JSON object whose `version` is https://jsonfeed.org/version/1…
Each item becomes an entry of the shape feedparser gives an RSS/Atom entry (id, link, title,
published, updated, content, summary, author, tags), so that feed.py makes both into Items alike.
"""

from __future__ import annotations

import html
import json
import re

from scrapers.item import SourceError, refuse

VERSIONS = ("https://jsonfeed.org/version/1", "http://jsonfeed.org/version/1")
_PARAGRAPHS = re.compile(r"\n\s*\n")


def load(text: str) -> dict | None:
    """The feed object when the text is JSON, else None (it may be XML). JSON that is no JSON Feed,
    or a JSON Feed without its list of items, is SourceError."""
    if not text.lstrip().startswith(("{", "[")):
        return None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise SourceError(f"不是有效的 JSON：{error}") from error
    version = document.get("version") if isinstance(document, dict) else None
    if not isinstance(version, str) or not version.startswith(VERSIONS):
        raise SourceError(f"是 JSON 但不是 JSON Feed（version 应以 {VERSIONS[0]} 开头）")
    if not isinstance(document.get("items"), list):
        raise SourceError("JSON Feed 缺少 items 列表")
    return document


def label(item: object, position: int) -> str:
    """How reports name an item: its id, else its URL, else its position."""
    if isinstance(item, dict):
        return _text(item.get("id")) or _text(item.get("url")) or f"#{position}"
    return f"#{position}"


def entry(item: object, feed: dict) -> dict:
    """One item as feedparser gives an RSS/Atom entry; its authors, else the feed's, are its author."""
    if not isinstance(item, dict):
        raise refuse("item", json.dumps(item, ensure_ascii=False)[:200], "条目应为 JSON 对象")
    body = _text(item.get("content_html")) or _as_html(_text(item.get("content_text")))
    author = _author(item) or _author(feed)
    tags = item.get("tags")
    return {
        "id": _text(item.get("id")),
        "link": _text(item.get("url")) or _text(item.get("external_url")),
        "title": _text(item.get("title")),
        "published": _text(item.get("date_published")),
        "updated": _text(item.get("date_modified")),
        "content": [{"value": body}] if body else [],
        "summary": _as_html(_text(item.get("summary"))),
        "author": author,
        "tags": [{"term": tag} for tag in tags if isinstance(tag, str)] if isinstance(tags, list) else [],
    }


def home_page(feed: dict) -> str:
    return _text(feed.get("home_page_url"))


def _text(value: object) -> str:
    """A string member as given; a number (an id may be one) as its digits; anything else as ''."""
    if isinstance(value, bool):
        return ""
    return value if isinstance(value, str) else str(value) if isinstance(value, int | float) else ""


def _as_html(text: str) -> str:
    """Plain text as HTML: escaped, a paragraph per blank-line-separated block."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = [html.escape(block.strip()).replace("\n", "<br>") for block in _PARAGRAPHS.split(text)]
    return "".join(f"<p>{block}</p>" for block in blocks if block)


def _author(node: dict) -> str | None:
    """The first author's name: `authors` (1.1), else `author` (1.0)."""
    authors = node.get("authors")
    candidates = authors if isinstance(authors, list) else [node.get("author")]
    for author in candidates:
        name = _text(author.get("name")).strip() if isinstance(author, dict) else ""
        if name:
            return name
    return None
