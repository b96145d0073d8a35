"""Feed autodiscovery: the feed an HTML page links, as browsers and feed readers find it:
<link rel="alternate" type="application/rss+xml" href="…"> (or Atom, or JSON Feed)."""

from __future__ import annotations

from urllib.parse import urljoin

from bs4 import BeautifulSoup

from jiuye import urls

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")


def feed_link(html: str, page_url: str) -> str | None:
    """The first feed the page links that is an http(s) URL, resolved against the page (or its
    <base href>); None when it links none."""
    page = BeautifulSoup(html, "html.parser")
    base = page.find("base", href=True)
    base_url = urljoin(page_url, str(base["href"])) if base else page_url
    for link in page.find_all("link", href=True):
        rels = [str(rel).lower() for rel in link.get_attribute_list("rel") if rel]
        kind = str(link.get("type", "")).split(";")[0].strip().lower()
        if "alternate" in rels and kind in FEED_TYPES:
            found = urls.url_or_none(urljoin(base_url, str(link["href"]).strip()))
            if found:
                return found
    return None
