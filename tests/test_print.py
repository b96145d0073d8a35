"""Printing a job or a fair page to take along (issue 13, item 5; theme/static/css/print.css): the
facts and how to apply, black on white, links written out, none of the site's chrome; a job fits
one A4 sheet."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.conftest import scraped
from tests.test_browser import CHROMIUM, browser, site_url  # noqa: F401  (fixtures)
from tests.test_browser_phone import job_with_phone

pytestmark = pytest.mark.skipif(not shutil.which(CHROMIUM), reason="no Chromium: install Debian's chromium package")
CHROME = (".site-header", ".site-search", "nav", ".site-footer", ".skip", ".subscribe", ".add-to-calendar")
AFTER = "e => getComputedStyle(e, '::after').content"
INK = "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]"


def fair_with_source(demo_site) -> str:
    slug = min(slug for slug, meta in scraped(demo_site, "fairs").items() if meta.get("source_url"))
    return f"/fairs/{slug}/"


@pytest.fixture
def printed(browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 375, "height": 667}, locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()


def hidden_chrome(page) -> list[str]:
    return [s for s in CHROME if page.locator(s).count() and page.locator(s).first.is_visible()]


def test_a_job_prints_its_facts_and_how_to_apply_without_the_site_around_it(printed, site_url, demo_site):  # noqa: F811
    printed.goto(site_url + job_with_phone(demo_site))
    assert printed.locator(".site-header").is_visible()  # on screen, the header is there
    printed.emulate_media(media="print")
    assert hidden_chrome(printed) == []
    apply = printed.locator("section.apply")
    assert apply.is_visible() and printed.locator(".facts").is_visible()
    assert "拨打电话 12333" in apply.inner_text() and "联系方式" in apply.inner_text()
    for element in (printed.locator("body"), printed.locator(".salary"), apply.locator(".action").first):
        color, background = element.evaluate(INK)
        assert color == "rgb(0, 0, 0)" and background in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")
    # an apply link prints where it goes (the demo's jobs have none: one as a job feed gives it)
    apply.locator(".actions").evaluate(
        "ul => ul.insertAdjacentHTML('afterbegin', '<li><a class=action href=\"https://hr.example.cn/apply?id=7\">在线报名</a></li>')"
    )
    assert apply.get_by_role("link", name="在线报名").evaluate(AFTER) == '"（https://hr.example.cn/apply?id=7）"'
    assert apply.get_by_role("link", name="拨打电话 12333").evaluate(AFTER) == "none"  # the number is its text
    pdf = printed.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1  # one sheet to take along


def test_a_fair_prints_its_time_place_and_source_address(printed, site_url, demo_site):  # noqa: F811
    printed.goto(site_url + fair_with_source(demo_site))
    printed.emulate_media(media="print")
    assert hidden_chrome(printed) == []
    facts = printed.locator(".facts").inner_text()
    assert "时间" in facts and "形式" in facts
    source = printed.locator(".meta a[href^=http]").last
    assert source.get_attribute("href") in source.evaluate(AFTER)
    printed.emulate_media(media="screen")
    assert source.evaluate(AFTER) == "none"  # on screen the link is a link
    assert printed.locator(".add-to-calendar").is_visible()
