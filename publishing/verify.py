"""Is a built release fit to go live? Every internal link resolves, every feed and calendar
parses, the search index is complete, and (in production) nothing points at a local address."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import defusedxml.ElementTree as SafeXML
import icalendar

LINK_ATTRIBUTES = {"href", "src", "action", "poster"}
LOCAL_ADDRESSES = ("127.0.0.1", "localhost:", "0.0.0.0")
TEXT_SUFFIXES = {".html", ".xml", ".ics", ".json", ".js", ".css", ".txt", ".csv"}
ATOM = "{http://www.w3.org/2005/Atom}feed"


class _Links(HTMLParser):
    """The links a page's templates wrote. Links inside an item's body (<div class="content">) are
    the writer's, not the site's: a mistyped one there is the editor's to mend, and must not hold
    back every other page's update, so they are not collected."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.body_depth = 0  # open <div>s since the body's own, 0 outside a body

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "div" and (self.body_depth or "content" in (dict(attrs).get("class") or "").split()):
            self.body_depth += 1
        if not self.body_depth:
            self.links.extend(value for name, value in attrs if name in LINK_ATTRIBUTES and value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self.body_depth:
            self.body_depth -= 1


def _page_url(root: Path, page: Path) -> str:
    path = page.relative_to(root).as_posix()
    return "/" + (path.removesuffix("index.html") if page.name == "index.html" else path)


def _resolves(root: Path, path: str) -> bool:
    target = root / unquote(path).lstrip("/")
    if path.endswith("/"):
        return (target / "index.html").is_file()
    return target.is_file() or (target / "index.html").is_file()


def broken_links(root: Path, site_url: str) -> Iterator[str]:
    """Links of every page that point into the site at a file the release does not hold."""
    site = urlsplit(site_url) if site_url else None
    for page in sorted(root.rglob("*.html")):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8", errors="replace"))
        base = _page_url(root, page)
        for link in parser.links:
            url = urlsplit(urljoin(base, link.strip()))
            internal = not url.scheme and not url.netloc
            if site and url.scheme in ("http", "https") and url.netloc == site.netloc:
                internal = url.path.startswith(site.path or "/")
                url = url._replace(path="/" + url.path[len(site.path.rstrip("/")) :].lstrip("/"))
            if internal and url.path and not _resolves(root, url.path):
                yield f"{page.relative_to(root)}: 链接指向不存在的文件 {link}"


def unreadable_feeds(root: Path) -> Iterator[str]:
    for feed in sorted(root.rglob("*.xml")):
        try:
            tree = SafeXML.parse(feed)
        except Exception as error:  # any parse failure, of any XML library error type
            yield f"{feed.relative_to(root)}: 不是有效的 XML：{error}"
            continue
        if feed.name.endswith("atom.xml") and tree.getroot().tag != ATOM:
            yield f"{feed.relative_to(root)}: 不是 Atom 订阅源（根元素 {tree.getroot().tag}）"
    for calendar in sorted(root.rglob("*.ics")):
        try:
            icalendar.Calendar.from_ical(calendar.read_bytes())
        except Exception as error:  # icalendar raises ValueError and others
            yield f"{calendar.relative_to(root)}: 不是有效的 iCalendar：{error}"


def incomplete_search(root: Path) -> Iterator[str]:
    index = root / "search" / "i"
    try:
        manifest = json.loads((index / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        yield f"search/i/manifest.json: 无法读取：{error}"
        return
    expected = [index / "s" / f"{n}.json" for n in range(manifest["shards"])]
    expected += [index / "l" / f"{n}.json" for n in range(manifest["lexicon"])]
    expected += [index / "d" / f"{n}.json" for n in range(math.ceil(manifest["count"] / manifest["bucket"]))]
    for path in expected:
        try:
            json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            yield f"{path.relative_to(root)}: 搜索索引文件缺失或损坏：{error}"


def local_addresses(root: Path) -> Iterator[str]:
    for path in sorted(root.rglob("*")):
        if path.suffix in TEXT_SUFFIXES and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            for address in LOCAL_ADDRESSES:
                if address in text:
                    yield f"{path.relative_to(root)}: 含有本机地址 {address}（生产版本须使用 JIUYE_SITEURL）"
                    break


def problems(root: Path, site_url: str = "", production: bool = True) -> list[str]:
    """Everything wrong with the release at `root`; an empty list means it may go live."""
    if not (root / "index.html").is_file():
        return [f"{root}: 缺少首页 index.html"]
    found = [*broken_links(root, site_url), *unreadable_feeds(root), *incomplete_search(root)]
    if production:
        found += local_addresses(root)
    return found
