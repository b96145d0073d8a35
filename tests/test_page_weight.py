"""Every page of the built demo under 100 KB transferred before images (issue 13, item 5): its HTML
and the same-origin style sheets and scripts it loads, each gzipped as a server sends it (level 6,
nginx's and most hosts' default); the search page with what its first query fetches."""

from __future__ import annotations

import gzip
import shutil
import urllib.parse
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.test_browser import CHROMIUM, browser, results, site_url  # noqa: F401  (fixtures)

BUDGET = 100 * 1024
QUERIES = ("暖心", "武汉招聘会", "残疾人岗位", "四川高校毕业生", "12月招聘会")


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def html_pages(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


def assets(page: Path, output: Path) -> list[Path]:
    """The same-origin CSS and JS files a page loads (link rel=stylesheet, script src)."""
    document = BeautifulSoup(page.read_bytes(), "html.parser")
    refs = [link["href"] for link in document.select('link[rel~="stylesheet"][href]')]
    refs += [script["src"] for script in document.select("script[src]")]
    base = "/" + page.parent.relative_to(output).as_posix() + "/"
    files = []
    for ref in refs:
        url = urllib.parse.urlsplit(urllib.parse.urljoin(base, ref))
        if url.scheme or url.netloc:
            continue  # another origin: none is allowed by the CSP anyway
        files.append(output / urllib.parse.unquote(url.path).lstrip("/"))
    return files


def weight(page: Path, output: Path) -> int:
    return sum(gzipped(path.read_bytes()) for path in [page, *assets(page, output)])


def test_every_page_is_under_100_kb_before_images(demo_site):
    pages = html_pages(demo_site)
    assert len(pages) > 100  # the whole demo: every listing, item and calendar page
    for page in pages:
        missing = [p for p in assets(page, demo_site) if not p.is_file()]
        assert not missing, (page, missing)  # a missing asset would weigh nothing
    weights = sorted(((weight(p, demo_site), p.relative_to(demo_site).as_posix()) for p in pages), reverse=True)
    print("\nheaviest pages (gzip -6, HTML + CSS + JS):")
    for size, name in weights[:5]:
        print(f"  {size / 1024:6.1f} KB  {name}")
    assert weights[0][0] <= BUDGET, weights[0]


def test_assets_are_counted(demo_site):
    """The measure sees what a page loads: the search page's scripts are most of its weight."""
    search = demo_site / "search" / "index.html"
    names = {p.name for p in assets(search, demo_site)}
    assert {"site.css", "lunr.min.js", "search.js"} <= names
    assert weight(search, demo_site) > 2 * gzipped(search.read_bytes())


@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="no Chromium: install Debian's chromium package")
def test_search_with_its_first_query_is_under_100_kb(browser, site_url, demo_site):  # noqa: F811
    """The search page, then every index file its first query fetches (manifest, lexicon, term
    shards, result metadata), each response gzipped; fresh browser context per query: nothing cached."""
    page_weight = weight(demo_site / "search" / "index.html", demo_site)
    totals = {}
    for query in QUERIES:
        context = browser.new_context(viewport={"width": 375, "height": 667}, locale="zh-CN")
        page = context.new_page()
        fetched: list[str] = []
        page.on("requestfinished", lambda request, got=fetched: got.append(request.url))
        page.goto(f"{site_url}/search/?q={urllib.parse.quote(query)}")
        assert results(page), query
        index = [urllib.parse.urlsplit(u).path for u in fetched if "/search/i/" in u]
        context.close()
        assert any(path.endswith("manifest.json") for path in index), query
        assert any("/s/" in path for path in index) and any("/d/" in path for path in index), (query, index)
        files = [demo_site / urllib.parse.unquote(path).lstrip("/") for path in set(index)]
        totals[query] = page_weight + sum(gzipped(f.read_bytes()) for f in files)
    print("\nsearch page + first query (gzip -6):", {q: f"{b / 1024:.1f} KB" for q, b in totals.items()})
    assert max(totals.values()) <= BUDGET, totals
