"""Every HTML page of the built demo at 320 px (the narrowest phone still sold): nothing scrolls
sideways (issue 13, items 5 and 6). One browser page visits them all, found by walking the output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.test_browser import CHROMIUM, browser, results, site_url  # noqa: F401  (fixtures)
from tests.test_browser_phone import OVERFLOW

pytestmark = pytest.mark.skipif(not shutil.which(CHROMIUM), reason="no Chromium: install Debian's chromium package")


def every_page(output: Path) -> list[str]:
    """The URL path of every HTML file: a folder's index.html is the folder's URL."""
    paths = []
    for page in sorted(output.rglob("*.html")):
        relative = page.relative_to(output).as_posix()
        paths.append("/" + relative.removesuffix("index.html"))
    return paths


def test_no_page_scrolls_sideways_at_320_px(browser, site_url, demo_site):  # noqa: F811
    paths = every_page(demo_site)
    assert "/" in paths and "/fairs/" in paths and len(paths) > 100
    context = browser.new_context(viewport={"width": 320, "height": 568}, locale="zh-CN", device_scale_factor=1)
    page = context.new_page()
    wide = {}
    for path in paths:
        response = page.goto(site_url + path)
        assert response.ok, path
        if (overflow := page.evaluate(OVERFLOW)) > 0:
            wide[path] = overflow
    page.goto(site_url + "/search/?q=暖心")  # and the search page with its results drawn
    assert results(page)
    if (overflow := page.evaluate(OVERFLOW)) > 0:
        wide["/search/?q=暖心"] = overflow
    context.close()
    assert not wide, wide  # path -> px past the screen's edge
