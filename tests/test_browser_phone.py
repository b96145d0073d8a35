"""The job seeker's path on a phone, in headless Chromium at 375 and 320 px: nothing scrolls
sideways (also with text at 200 %), targets are 44 × 44 px, focus rings are ≥ 3:1, the job page
dials, search pages through every result, past fairs say 已结束, the home page's first screen holds
the province picker, the next fairs and the newest jobs (issue 13, items 4 and 6)."""

from __future__ import annotations

import re
import shutil
import urllib.parse

import pytest
from playwright.sync_api import expect

from tests.conftest import scraped
from tests.test_browser import CHROMIUM, browser, results, site_url  # noqa: F401  (fixtures)

pytestmark = pytest.mark.skipif(not shutil.which(CHROMIUM), reason="no Chromium: install Debian's chromium package")
WIDTHS = {375: 667, 320: 568}  # an ordinary phone, and the narrowest still sold (iPhone SE 1st gen)
# What a reader taps that is not a word inside a sentence (WCAG's inline exception): its box. The
# home map's tiles are left out: 34 tiles cannot be 44 px wide at 320 px, and each has an
# equivalent target of full size, in the province picker and the table (WCAG 2.5.8's exception).
TARGETS = """() => Array.from(document.querySelectorAll(
    'a[href]:not(svg a), button, summary, input:not(label input), select, label:has(input)'))
  .filter(e => e.getClientRects().length && e.getBoundingClientRect().width > 1)
  .filter(e => e.parentElement.textContent.trim() === e.textContent.trim())
  .map(e => { const r = e.getBoundingClientRect();
              return [e.tagName + ' ' + e.textContent.trim().slice(0, 20), r.width, r.height]; })"""
# The page's widest reach past the viewport (0 or less: nothing scrolls sideways).
OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"
# Every disclosure open (the home page's province picker and table), so that what they hide is measured too.
OPEN_ALL = "document.querySelectorAll('details').forEach(d => { d.open = true; })"


@pytest.fixture(params=sorted(WIDTHS, reverse=True), ids=lambda w: f"{w}px")
def narrow(request, browser):  # noqa: F811
    context = browser.new_context(
        viewport={"width": request.param, "height": WIDTHS[request.param]}, locale="zh-CN", device_scale_factor=1
    )
    page = context.new_page()
    yield page
    context.close()


def job_with_phone(demo_site) -> str:
    [slug] = [slug for slug, meta in scraped(demo_site, "jobs").items() if meta.get("contact", "").startswith("12333")]
    return f"/jobs/{slug}/"


def online_fair(demo_site) -> str:
    [slug] = [slug for slug, meta in scraped(demo_site, "fairs").items() if meta.get("online_url")]
    return f"/fairs/{slug}/"


def pages(demo_site) -> list[str]:
    job, fair = job_with_phone(demo_site), online_fair(demo_site)
    portal = ["/province/chongqing/", "/campaign/nuanxin/", "/data/"]
    return ["/", job, fair, "/fairs/", "/fairs/jilin/", "/jobs/", "/search/?q=暖心", *portal]


def ready(page) -> None:
    if "/search/" in page.url:
        results(page)
    if urllib.parse.urlsplit(page.url).path == "/":  # the home page's picker and table
        page.evaluate(OPEN_ALL)


def test_nothing_scrolls_sideways_even_with_text_at_200_percent(narrow, site_url, demo_site):  # noqa: F811
    for path in pages(demo_site):
        narrow.goto(site_url + path)
        ready(narrow)
        if path == online_fair(demo_site):  # an online link as long as real ones are
            long_link = "a => { a.textContent = 'https://zhaopin.example.gov.cn/' + 'x'.repeat(150); }"
            narrow.locator(".online a").evaluate(long_link)
        assert narrow.evaluate(OVERFLOW) <= 0, path
        narrow.evaluate("document.documentElement.style.fontSize = '200%'")
        assert narrow.evaluate("getComputedStyle(document.body).fontSize") == "34px"  # 17 px × 2
        assert narrow.evaluate(OVERFLOW) <= 0, (path, "200%")


def test_the_calendar_shows_sunday_whole(narrow, site_url):  # noqa: F811
    narrow.goto(site_url + "/fairs/jilin/")
    sunday = narrow.locator(".calendar th[abbr=星期日]").bounding_box()
    assert sunday["x"] + sunday["width"] <= narrow.viewport_size["width"]
    table = narrow.locator(".calendar table").bounding_box()
    assert table["x"] >= 0 and table["x"] + table["width"] <= narrow.viewport_size["width"]
    assert narrow.locator(".legend").is_visible()


def test_tap_targets_are_44_px_square(narrow, site_url, demo_site):  # noqa: F811
    for path in pages(demo_site):
        narrow.goto(site_url + path)
        ready(narrow)
        small = [(name, round(w), round(h)) for name, w, h in narrow.evaluate(TARGETS) if w < 44 or h < 44]
        assert not small, path


def test_a_job_with_a_phone_number_dials_it(narrow, site_url, demo_site):  # noqa: F811
    narrow.goto(site_url + job_with_phone(demo_site))
    call = narrow.get_by_role("link", name="拨打电话 12333")
    assert call.get_attribute("href") == "tel:12333"
    box = call.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    assert narrow.locator("article > section").last.get_attribute("aria-labelledby") == "apply"


def test_filter_results_start_on_the_first_screen(narrow, site_url):  # noqa: F811
    narrow.goto(site_url + "/jobs/")
    narrow.get_by_text("筛选岗位").click()
    narrow.get_by_role("navigation", name="按人群筛选").get_by_role("link", name="残疾人").click()
    narrow.wait_for_url("**/jobs/group/canjiren/")
    first = narrow.locator(".job-list h3").first.bounding_box()
    assert first["y"] + first["height"] <= narrow.viewport_size["height"]


def test_search_pages_through_every_result_open_jobs_first(narrow, site_url):  # noqa: F811
    narrow.goto(site_url + "/search/?q=暖心")
    seen = results(narrow)
    total = int(re.match(r"找到 (\d+) 条", narrow.get_by_role("main").get_by_role("status").inner_text()).group(1))
    assert total > len(seen) == 10
    assert narrow.locator("#search-results .kind").first.inner_text() == "岗位"  # was 10th, behind 2022 news
    next_page = narrow.get_by_role("button", name="下一页")
    while next_page.is_enabled():
        next_page.click()
        expect(narrow.get_by_role("main").get_by_role("status")).to_contain_text(f"第 {len(seen) + 1}–")
        seen += results(narrow)
        assert narrow.evaluate("document.activeElement.closest('#search-results') !== null")
    assert len(seen) == len(set(seen)) == total
    assert f"page={-(-total // 10)}" in narrow.url


def test_past_fairs_say_so_in_search_and_on_their_page(narrow, site_url):  # noqa: F811
    narrow.goto(site_url + "/search/?q=长春启动仪式")
    results(narrow)
    hit = narrow.locator("#search-results li").filter(has_text="长春启动仪式暨送岗位进社区活动")
    assert hit.locator(".meta .ended").inner_text() == "已结束"
    hit.get_by_role("link").click()
    narrow.wait_for_url("**/fairs/*/")
    assert narrow.locator(".expired strong").inner_text() == "已结束"
    assert narrow.title().startswith("【已结束】")


def luminance(rgb: tuple[int, ...]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# The focused element's outline, and the first opaque background behind the ring: its parent's
# when the ring is outside the element, its own when it is drawn inside (a negative offset).
FOCUS = """() => { const e = document.activeElement, s = getComputedStyle(e);
  const inside = parseFloat(s.outlineOffset) + parseFloat(s.outlineWidth) <= 0;
  let p = inside ? e : e.parentElement, bg = 'rgb(255, 255, 255)';
  for (; p; p = p.parentElement) { const c = getComputedStyle(p).backgroundColor;
    if (!/rgba\\(.*, 0\\)$/.test(c) && c !== 'transparent') { bg = c; break; } }
  const name = e.tagName + ' ' + (e.textContent || '').trim().slice(0, 20);
  return [name, s.outlineStyle, s.outlineWidth, s.outlineColor, bg]; }"""


def rgb(css: str) -> tuple[int, ...]:
    return tuple(int(v) for v in re.findall(r"\d+", css)[:3])


def test_focus_rings_contrast_3_to_1_with_what_surrounds_them(site_url, browser, demo_site):  # noqa: F811
    context = browser.new_context(viewport={"width": 375, "height": 667}, locale="zh-CN")
    page = context.new_page()
    ratios = []
    for path in ("/", job_with_phone(demo_site), "/fairs/"):
        page.goto(site_url + path)
        for _ in range(14):  # the skip link, the header (red), then the page (white)
            page.keyboard.press("Tab")
            name, style, width, color, background = page.evaluate(FOCUS)
            assert style != "none" and float(width[:-2]) >= 2, (path, name)
            ratios.append(contrast(rgb(color), rgb(background)))
            assert ratios[-1] >= 3, (path, name, color, background)
    context.close()
    assert min(ratios) >= 3


def test_the_campaign_table_sorts_without_javascript(browser, site_url):  # noqa: F811
    context = browser.new_context(viewport={"width": 375, "height": 667}, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/campaign/nuanxin/")
    first_row = ".sort-view:visible tbody tr:first-child th"
    assert page.locator(".sort-view:visible").count() == 1
    by_province = page.locator(first_row).inner_text()
    page.get_by_role("link", name="按实现就业").click()
    assert page.locator(".sort-view:visible").count() == 1
    assert page.locator(first_row).inner_text() == "湖北" != by_province  # 11 万, the only one
    page.get_by_role("link", name="按省份").click()
    assert page.locator(first_row).inner_text() == by_province
    context.close()


def inside_the_first_screen(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]


def test_the_home_page_s_first_screen_says_what_to_do_this_week_near_me(narrow, site_url):  # noqa: F811
    narrow.goto(site_url + "/")
    picker = narrow.get_by_role("navigation", name="按省份查看")
    fairs = narrow.locator("#next-fairs ~ ol li")
    jobs = narrow.locator("#latest-jobs ~ ol li")
    assert fairs.count() == 3 and jobs.count() == 3
    assert "已结束" not in fairs.all_inner_texts()
    shown = [picker.locator("summary"), fairs.first, jobs.first]
    if narrow.viewport_size["width"] == 375:  # at 320 × 568 the header leaves room for less
        shown += [fairs.nth(1), fairs.nth(2), jobs.nth(1), jobs.nth(2)]
    for locator in shown:
        assert inside_the_first_screen(narrow, locator), locator
    assert not inside_the_first_screen(narrow, narrow.locator("#latest"))  # the news comes below
    picker.get_by_text("选择省份，看当地招聘会和岗位").click()  # a <details>: no script needed
    picker.get_by_role("link", name="湖北", exact=True).click()
    narrow.wait_for_url("**/province/hubei/")


def test_the_map_s_tiles_are_links_named_with_their_numbers(narrow, site_url):  # noqa: F811
    narrow.goto(site_url + "/")
    tiles = narrow.get_by_role("link", name=re.compile(r"^\S+ \d+ 个在招岗位，即将举办招聘会 \d+ 场$"))
    assert tiles.count() == 34
    svg = narrow.locator("svg.tilemap").bounding_box()
    assert svg["x"] >= 0 and svg["x"] + svg["width"] <= narrow.viewport_size["width"]
    tile = narrow.get_by_role("link", name=re.compile("^吉林 \\d+ 个在招岗位"))
    tile.focus()
    assert narrow.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    tile.click()
    narrow.wait_for_url("**/province/jilin/")
