"""sitemap.xml (sitemaps.org 0.9) of every HTML page a build writes, and robots.txt naming it.

Each page is collected as Pelican writes it (the content_written signal), with its lastmod: the
newest date (Modified, else Date) of the content the page itself shows — the article or page it
renders, and the items its lists show (each list entry is noted as it is rendered:
jiuye_content/fragments.py, SHOWN) — never the clock, so the same content writes the same file.
A page that shows no dated content (the search page, the list of provinces) has no lastmod,
which the protocol allows. Drafts, hidden pages and a syndicated story's repeats are left out.

Over 50,000 URLs (the protocol's limit per file) the URLs go into sitemap-1.xml, sitemap-2.xml …
and sitemap.xml becomes their sitemap index. Locations are absolute (SITEURL), percent-encoded
and XML-escaped by ElementTree.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote
from xml.etree import ElementTree

from pelican.contents import Content

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
MAX_URLS = 50_000
INDEX_FILE = "index.html"


def page_url(root: str, save_as: str) -> str:
    """The absolute URL of a page saved as `save_as` (a folder's index.html is the folder)."""
    path = save_as[: -len(INDEX_FILE)] if save_as == INDEX_FILE or save_as.endswith("/" + INDEX_FILE) else save_as
    return f"{root}/{quote(path)}"


@dataclass(frozen=True)
class Entry:
    loc: str
    lastmod: datetime | None


def lastmod(own: Content | None, listed: Iterable[Content]) -> datetime | None:
    """The newest date of the page's own article or page and of the items it lists."""
    dates = [when for content in (own, *listed) if content is not None and (when := _when(content))]
    return max(dates) if dates else None


def _when(content: Content) -> datetime | None:
    return getattr(content, "modified", None) or getattr(content, "date", None)


def own_content(localcontext: Mapping) -> Content | None:
    """The article or page a page renders, if it renders one."""
    own = localcontext.get("article") or localcontext.get("page")
    return own if isinstance(own, Content) else None


def indexed(own: Content | None) -> bool:
    """Drafts, hidden pages and the repeats of a syndicated story (whose canonical URL is the
    first one's: jiuye_content.merge_syndicated) are not for search engines."""
    return getattr(own, "status", "published") == "published" and not getattr(own, "repeats", None)


def _w3c(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds") if moment.tzinfo else moment.date().isoformat()


def _xml(root: ElementTree.Element) -> bytes:
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def urlset(entries: list[Entry]) -> bytes:
    root = ElementTree.Element("urlset", xmlns=NAMESPACE)
    for entry in entries:
        url = ElementTree.SubElement(root, "url")
        ElementTree.SubElement(url, "loc").text = entry.loc
        if entry.lastmod:
            ElementTree.SubElement(url, "lastmod").text = _w3c(entry.lastmod)
    return _xml(root)


def sitemaps(entries: Iterable[Entry], root_url: str, name: str, part: str, limit: int = MAX_URLS) -> dict[str, bytes]:
    """The files to write, by path: `name` alone, or `name` as the index of parts named by `part`
    (a pattern with {number}) when there are more than `limit` URLs. Sorted by URL: the same
    pages give the same bytes."""
    ordered = sorted(entries, key=lambda e: e.loc)
    if len(ordered) <= limit:
        return {name: urlset(ordered)}
    files = {}
    index = ElementTree.Element("sitemapindex", xmlns=NAMESPACE)
    for number, start in enumerate(range(0, len(ordered), limit), start=1):
        chunk = ordered[start : start + limit]
        path = part.format(number=number)
        files[path] = urlset(chunk)
        sitemap = ElementTree.SubElement(index, "sitemap")
        ElementTree.SubElement(sitemap, "loc").text = page_url(root_url, path)
        dates = [e.lastmod for e in chunk if e.lastmod]
        if dates:
            ElementTree.SubElement(sitemap, "lastmod").text = _w3c(max(dates))
    files[name] = _xml(index)
    return files


# A shard of a sharded build (jiuye_shards) writes its pages' entries here instead of a sitemap;
# the merge (publishing/shards.py) writes the one sitemap of all of them.
SHARD_ENTRIES = ".sitemap-entries.json"


def entries_json(entries: Iterable[Entry], root_url: str) -> bytes:
    rows = [[e.loc, e.lastmod.isoformat() if e.lastmod else None] for e in entries]
    return json.dumps({"root": root_url, "entries": rows}, ensure_ascii=False).encode()


def entries_from_json(data: bytes) -> tuple[str, list[Entry]]:
    loaded = json.loads(data)
    rows = [Entry(loc, datetime.fromisoformat(when) if when else None) for loc, when in loaded["entries"]]
    return loaded["root"], rows


def robots(sitemap_url: str) -> bytes:
    return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n".encode()
