"""Screenshots of the pages people open most, at a phone's width and a desktop's, for a person to
look at (issue 13): test-output/screenshots/<page>-<width>.png. Each is checked for what a
screenshot can prove: the page rendered its heading, and the picture is the page's full height."""

from __future__ import annotations

import shutil
import struct

import pytest

from tests.conftest import ROOT
from tests.test_browser import CHROMIUM, browser, site_url  # noqa: F401  (fixtures)
from tests.test_browser_phone import job_with_phone

pytestmark = pytest.mark.skipif(not shutil.which(CHROMIUM), reason="no Chromium: install Debian's chromium package")
SHOTS = ROOT / "test-output" / "screenshots"
WIDTHS = (375, 1280)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots_of_home_province_campaign_and_job(browser, site_url, demo_site, width):  # noqa: F811
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="zh-CN", device_scale_factor=1)
    page = context.new_page()
    for name, path in (
        ("home", "/"),
        ("province-hubei", "/province/hubei/"),
        ("campaign-nuanxin", "/campaign/nuanxin/"),
        ("job", job_with_phone(demo_site)),
    ):
        page.goto(site_url + path)
        assert page.locator("h1").first.is_visible(), path
        data = page.screenshot(full_page=True, path=SHOTS / f"{name}-{width}.png")
        shot_width, shot_height = _png_size(data)
        assert shot_width == width
        assert shot_height == page.evaluate("document.documentElement.scrollHeight")
    context.close()
