"""Offline reading (issue 13, item 7): the service worker the build writes to /sw.js keeps what a
reader opened — pages, the fairs calendar, the search index files a query used — and serves it
offline with a 离线 line; a new release's worker deletes the old release's cache."""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import threading
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from pelican.plugins.jiuye_offline import PLACEHOLDER, release, worker
from tests.conftest import build_site
from tests.test_browser import CHROMIUM, browser, results  # noqa: F401  (fixtures)
from tests.test_incremental import NEW_ITEM

needs_chromium = pytest.mark.skipif(not shutil.which(CHROMIUM), reason="no Chromium: install Debian's chromium package")
CACHES = "async () => await caches.keys()"
CACHED = "async url => !!(await caches.match(url))"


def release_of(site: Path) -> str:
    config = re.search(r"var CONFIG = (\{.*?\});", (site / "sw.js").read_text(encoding="utf-8"))
    return json.loads(config.group(1))["release"]


def test_the_worker_names_its_release_and_what_it_keeps_first(demo_site):
    source = (demo_site / "sw.js").read_text(encoding="utf-8")
    assert PLACEHOLDER not in source
    assert release_of(demo_site) == release(demo_site, demo_site / "sw.js")
    assert '"cacheFirst": ["theme/", "search/i/"]' in source


def test_the_release_is_the_content(tmp_path):
    site = tmp_path / "site"
    (site / "news").mkdir(parents=True)
    (site / "index.html").write_text("<p>一</p>", encoding="utf-8")
    (site / "news" / "a.html").write_text("<p>二</p>", encoding="utf-8")
    first = release(site, site / "sw.js")
    (site / "sw.js").write_text("anything", encoding="utf-8")  # the worker itself is left out
    assert release(site, site / "sw.js") == first
    (site / "news" / "a.html").write_text("<p>三</p>", encoding="utf-8")
    changed = release(site, site / "sw.js")
    assert changed != first
    (site / "news" / "a.html").rename(site / "news" / "b.html")  # same bytes, another path
    assert release(site, site / "sw.js") not in (first, changed)


def test_the_configuration_goes_in_once_as_json():
    filled = worker(f"var CONFIG = {PLACEHOLDER};", {"release": '"</script>'})
    assert filled == 'var CONFIG = {"release": "\\"</script>"};'
    with pytest.raises(ValueError):
        worker("var CONFIG = {};", {})
    with pytest.raises(ValueError):
        worker(f"{PLACEHOLDER} {PLACEHOLDER}", {})


class Site:
    """A local server whose folder can be swapped, as a deploy swaps the live release."""

    def __init__(self, root: Path) -> None:
        self.root = root
        site = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(site.root), **kwargs)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler))
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"


def published_long_ago(site: Path, copy: Path) -> Path:
    """A copy of a built site whose files were last modified a year ago: the browser's HTTP cache
    then deems them fresh for a while (heuristic freshness, no Cache-Control), as on a real host."""
    shutil.copytree(site, copy)
    year_ago = time.time() - 365 * 86400
    for path in copy.rglob("*"):
        os.utime(path, (year_ago, year_ago))
    return copy


@pytest.fixture
def live(demo_site, tmp_path):
    site = Site(published_long_ago(demo_site, tmp_path / "live"))
    yield site
    site.httpd.shutdown()


@pytest.fixture
def reader(browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 375, "height": 667}, locale="zh-CN", service_workers="allow")
    yield context, context.new_page()
    context.close()


def until(page, script: str, arg=None, expected=True, seconds: float = 15) -> None:
    """Wait until `script` (a function run in the page) returns `expected`."""
    deadline = time.monotonic() + seconds
    while (got := page.evaluate(script, arg)) != expected:
        assert time.monotonic() < deadline, (script, arg, got)
        page.wait_for_timeout(100)


@needs_chromium
def test_a_province_page_opens_again_offline_marked_as_such(reader, live, demo_site):
    context, page = reader
    page.goto(live.url + "/province/hubei/")
    until(page, "() => !!navigator.serviceWorker.controller")
    until(page, CACHED, live.url + "/province/hubei/")  # the first page, kept though it came before the worker
    until(page, CACHED, live.url + "/theme/css/site.css")
    assert page.locator("#offline-status").inner_text() == ""  # online: no mark
    page.goto(live.url + "/fairs/")  # the calendar, kept when visited
    page.goto(live.url + "/search/?q=暖心")
    online = results(page)
    until(page, CACHED, live.url + "/search/i/manifest.json")

    context.set_offline(True)
    page.goto(live.url + "/province/hubei/")
    assert page.get_by_role("heading", level=1).inner_text() == "湖北省"
    expect(page.locator("#offline-status")).to_contain_text("离线：您正在查看保存的页面（保存于 ")
    assert page.locator("#offline-status").get_attribute("role") == "status"
    assert page.locator(".site-header").is_visible()  # the theme's style sheet came from the cache too
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).display") != "inline"
    page.goto(live.url + "/fairs/")
    assert page.get_by_role("table").count() >= 1
    expect(page.locator("#offline-status")).to_contain_text("离线")
    page.goto(live.url + "/search/?q=暖心")
    assert results(page) == online  # the index files that query used
    page.goto(live.url + "/campaign/chunfeng/")  # never opened
    assert page.get_by_role("heading", level=1).inner_text() == "离线：此页尚未保存"

    context.set_offline(False)
    page.goto(live.url + "/province/hubei/")
    page.wait_for_load_state("load")
    assert page.locator("#offline-status").inner_text() == ""  # back online: the live page, unmarked


@needs_chromium
def test_a_new_release_replaces_the_old_cache(reader, live, demo_site, tmp_path):
    content = shutil.copytree(demo_site.parent / "content", tmp_path / "content")
    (content / "news").mkdir(exist_ok=True)
    (content / "news" / "hubei-second-round.md").write_text(NEW_ITEM, encoding="utf-8")
    build_site(content, tmp_path / "output")
    new_site = published_long_ago(tmp_path / "output", tmp_path / "new-release")
    old, new = release_of(demo_site), release_of(new_site)
    assert old != new

    context, page = reader
    page.goto(live.url + "/province/hubei/")
    until(page, CACHED, live.url + "/province/hubei/")
    assert page.evaluate(CACHES) == [f"jiuye-{old}"]
    live.root = new_site  # the deploy: the new release goes live
    page.reload()  # the browser fetches sw.js again on a visit: new bytes, a new worker
    until(page, CACHES, expected=[f"jiuye-{new}"])  # the old release's cache is gone
    until(page, CACHED, live.url + "/province/hubei/")  # the open page, kept in the new one
    context.set_offline(True)
    page.goto(live.url + "/province/hubei/")
    expect(page.locator("#offline-status")).to_contain_text("离线")
    assert "第二轮专场招聘" in page.locator("main").inner_text()  # the new release's page, not the old one
