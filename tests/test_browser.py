"""The demo site in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright)."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
import urllib.parse

import pytest
from playwright.sync_api import expect

from jiuye import metadata
from tests.conftest import BUILD_NOW, scraped

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(
    not shutil.which(CHROMIUM), reason="no Chromium: install Debian's chromium package (.ci/run does)"
)
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def site_url(demo_site):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(demo_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_follow_a_province_link_to_the_article(phone, site_url):
    phone.goto(site_url + "/")
    phone.get_by_role("link", name="吉林", exact=False).first.click()
    phone.wait_for_url("**/province/jilin/")
    assert phone.get_by_role("heading", level=1).inner_text() == "吉林省"
    news = phone.locator("section[aria-labelledby=news]")  # the article is also a figure card's source
    news.get_by_role("link", name="就业援助“暖心活动”启动 直击各地“送岗”现场").click()
    phone.wait_for_url("**/news/**")
    assert phone.get_by_role("heading", level=1).inner_text() == "就业援助“暖心活动”启动 直击各地“送岗”现场"
    assert "50 户爱心企业" in phone.locator("article").inner_text()


def test_campaign_page_from_the_navigation(phone, site_url):
    phone.goto(site_url + "/")
    phone.get_by_role("navigation", name="主导航").get_by_role("link", name="活动").click()
    phone.get_by_role("link", name="就业援助“暖心行动”").click()
    phone.wait_for_url("**/campaign/nuanxin/")
    links = phone.locator(".news-list h3 a").all_inner_texts()
    assert "就业援助“暖心行动”持续进行 帮助实现就业20万人" in links
    assert "就业援助“暖心活动”启动 直击各地“送岗”现场" in links


def test_pages_fit_a_phone_screen(phone, site_url):
    for path in ("/", "/province/jilin/", "/campaign/nuanxin/", "/province/"):
        phone.goto(site_url + path)
        overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, path


def test_skip_link_is_first_and_targets_main(phone, site_url):
    phone.goto(site_url + "/province/hubei/")
    phone.keyboard.press("Tab")
    focused = phone.evaluate("[document.activeElement.textContent, document.activeElement.getAttribute('href')]")
    assert focused == ["跳到正文", "#main"]


def test_filter_jobs_by_group_then_province_without_javascript(phone, site_url):
    phone.goto(site_url + "/jobs/")
    phone.get_by_text("筛选岗位").click()  # <details> opens without JavaScript
    phone.get_by_role("navigation", name="按人群筛选").get_by_role("link", name="残疾人").click()
    phone.wait_for_url("**/jobs/group/canjiren/")
    everywhere = phone.locator(".job-list h3 a").all_inner_texts()
    assert "客服专员（残疾人专岗）" in everywhere and "排版员（残疾人专岗）" in everywhere
    phone.get_by_text("筛选岗位（已选：残疾人）").click()  # closed again, so the results come first
    phone.get_by_role("navigation", name="按省份筛选").get_by_role("link", name="湖北").click()
    phone.wait_for_url("**/jobs/hubei/group/canjiren/")
    assert phone.locator(".job-list h3 a").all_inner_texts() == ["客服专员（残疾人专岗）"]
    assert phone.get_by_role("heading", level=1).inner_text() == "湖北 · 残疾人 岗位"
    phone.get_by_role("link", name="客服专员（残疾人专岗）").click()
    assert "4000-5500元/月" in phone.locator(".salary").inner_text()


def test_fair_calendar_grids(phone, site_url):
    phone.goto(site_url + "/")
    phone.get_by_role("navigation", name="主导航").get_by_role("link", name="招聘会").click()
    phone.wait_for_url("**/fairs/")
    grid = phone.get_by_role("table", name="2026年11月招聘会日历")
    cell = grid.get_by_role("cell").filter(has_text="2026年“金秋招聘月”武汉专场招聘会")
    assert cell.locator("time").get_attribute("datetime") == "2026-11-28"
    phone.goto(site_url + "/fairs/jilin/")
    grid = phone.get_by_role("table", name="2022年7月招聘会日历")
    assert grid.get_by_role("columnheader").all_inner_texts() == list("一二三四五六日")
    grid.get_by_role("link", name="长春启动仪式暨送岗位进社区活动").click()
    phone.wait_for_url("**/fairs/*/")
    facts = phone.locator(".facts").inner_text()
    assert "2022年7月28日" in facts and "50 家" in facts and "1067 个" in facts
    assert phone.get_by_role("link", name="添加到日历（.ics）").get_attribute("href").endswith("/event.ics")


@pytest.fixture
def phone_js(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    yield context.new_page()
    context.close()


def search(page, site_url: str, query: str = "", **filters) -> list[str]:
    params = "&".join(f"{k}={v}" for k, v in {"q": query, **filters}.items() if v)
    page.goto(f"{site_url}/search/?{params}")
    return results(page)


def results(page) -> list[str]:
    # Locator waits, not wait_for_function: the page's CSP forbids evaluating strings.
    expect(page.locator("#search-status")).to_have_text(re.compile(r"^(?!正在).+"))
    return page.locator("#search-results h2").all_inner_texts()


SEED_000 = "就业援助“暖心行动”持续进行 帮助实现就业20万人"
SEED_001 = "就业援助“暖心活动”启动 直击各地“送岗”现场"
SEED_003 = "全总：“一人一策”帮扶困难职工家庭高校毕业生实现就业"


def test_search_finds_news_jobs_and_fairs(phone_js, site_url):
    found = search(phone_js, site_url, "暖心")
    assert SEED_000 in found and SEED_001 in found
    assert SEED_003 in search(phone_js, site_url, "阳光就业")
    assert "长春启动仪式暨送岗位进社区活动" in search(phone_js, site_url, "吉林 招聘会")
    assert search(phone_js, site_url, "武汉江城供应链管理有限公司") == ["仓储物流专员"]
    substring = search(phone_js, site_url, "援助暖")  # inside 就业援助“暖心行动”
    assert SEED_000 in substring and SEED_001 in substring
    inside = search(phone_js, site_url, "业援助")  # a substring that is no word
    assert SEED_000 in inside and SEED_001 in inside
    assert "没有找到" in (search(phone_js, site_url, "火星移民") or [phone_js.inner_text("#search-status")])[0]


def found(page) -> int:
    return int(page.get_by_role("main").get_by_role("status").inner_text().split()[1])


def kinds(page) -> set[str]:
    return set(page.locator("#search-results .kind").all_inner_texts())


def test_filters_narrow_results(phone_js, site_url):
    search(phone_js, site_url, "暖心")
    everything = found(phone_js)
    assert kinds(phone_js) >= {"新闻", "招聘会"}
    fairs = search(phone_js, site_url, "暖心", kind="f")
    assert 0 < found(phone_js) < everything and kinds(phone_js) == {"招聘会"}
    assert "长春启动仪式暨送岗位进社区活动" in fairs and SEED_000 not in fairs
    jilin = search(phone_js, site_url, "暖心", province="jilin")
    assert 0 < found(phone_js) < everything
    assert SEED_001 in jilin and SEED_000 not in jilin
    assert all("吉林" in meta for meta in phone_js.locator("#search-results .meta").all_inner_texts())
    # the filters on the page itself, as a person uses them
    search(phone_js, site_url, "暖心")
    phone_js.get_by_role("radio", name="新闻").check()
    news = results(phone_js)
    assert SEED_000 in news and kinds(phone_js) == {"新闻"}
    assert "kind=n" in phone_js.url
    phone_js.get_by_label("省份").select_option(label="吉林")
    assert results(phone_js) == [SEED_001]
    assert "province=jilin" in phone_js.url


def test_results_as_you_type_with_the_query_in_the_url(phone_js, site_url):
    phone_js.goto(site_url + "/")
    phone_js.get_by_role("searchbox", name="搜索").fill("阳光就业")
    phone_js.get_by_role("searchbox", name="搜索").press("Enter")
    phone_js.wait_for_url("**/search/?q=*")
    assert SEED_003 in results(phone_js)
    box = phone_js.get_by_label("搜索新闻、岗位和招聘会")
    box.fill("")
    box.press_sequentially("江城供应链", delay=30)  # no Enter: results follow the typing
    phone_js.wait_for_url(re.compile(re.escape(urllib.parse.quote("江城供应链"))))
    assert results(phone_js) == ["仓储物流专员"]
    marked = phone_js.locator("#search-results li").first.locator(".snippet mark").all_inner_texts()
    assert "".join(marked) == "江城供应链"  # the employer, highlighted in the snippet
    assert phone_js.get_by_role("main").get_by_role("status").inner_text().startswith("找到 1 条")


def test_search_without_javascript_says_so(phone, site_url):
    phone.goto(site_url + "/search/?q=暖心")
    notice = phone.locator(".notice")
    assert notice.is_visible()
    assert "JavaScript" in notice.inner_text()
    notice.get_by_role("link", name="按省份").click()
    phone.wait_for_url("**/province/")


def test_hostile_url_parameters_do_not_break_search(phone_js, site_url):
    errors = []
    phone_js.on("pageerror", lambda error: errors.append(str(error)))
    found = search(phone_js, site_url, "暖心", kind='"]', province='"><img src=x onerror=alert(1)>')
    assert SEED_000 in found  # unknown kind and province are ignored, not run
    assert phone_js.locator('input[name="kind"][value=""]').is_checked()
    assert phone_js.get_by_label("省份").input_value() == ""
    assert not errors


def demo_items(demo_site, kind: str) -> list[dict[str, str]]:
    return list(scraped(demo_site, kind).values())


def groups(meta: dict[str, str]) -> list[str]:
    return [g.strip() for g in meta.get("target_groups", "").split(",") if g.strip()]


def open_jobs(demo_site) -> list[dict[str, str]]:
    return [m for m in demo_items(demo_site, "jobs") if m.get("valid_through", "9999") >= BUILD_NOW[:10]]


def news_with(demo_site, campaign: str, province: str) -> list[str]:
    titles = []
    for path in (demo_site.parent / "content" / "scraped" / "news").rglob("*.md"):
        meta, _ = metadata.parse(path.read_text(encoding="utf-8"))
        if campaign in meta.get("campaigns", "") and province in meta.get("provinces", ""):
            titles.append(meta["title"])
    return titles


def test_queries_typed_without_spaces_find_what_they_name(phone_js, site_url, demo_site):
    """The first paragraph of the search issue: each query finds the demo's matching items in its first 10."""
    fairs, jobs = demo_items(demo_site, "fairs"), open_jobs(demo_site)
    expected = {
        "武汉招聘会": [f["title"] for f in fairs if f.get("city") == "武汉市"],
        "福建招聘会": [f["title"] for f in fairs if f.get("province") == "福建"],
        "残疾人岗位": [j["title"] for j in jobs if "残疾人" in groups(j)],
        "农民工岗位": [j["title"] for j in jobs if "农民工" in groups(j)],
        "退役军人工作": [j["title"] for j in jobs if "退役军人" in groups(j)],
        "四川高校毕业生": [j["title"] for j in jobs if j["province"] == "四川" and "高校毕业生" in groups(j)],
        "春风行动湖南": news_with(demo_site, "春风行动", "湖南"),
    }
    for query, titles in expected.items():
        assert titles, query  # the demo holds something to find
        found = search(phone_js, site_url, query)
        assert set(titles) <= set(found[:10]), (query, titles, found)


def test_aliases_traditional_characters_kinds_and_months(phone_js, site_url, demo_site):
    assert SEED_000 in search(phone_js, site_url, "暖心活动")  # the registry: 暖心活动 = 暖心行动
    assert set(search(phone_js, site_url, "招聘會")) == set(search(phone_js, site_url, "招聘会"))
    december = [f["title"] for f in demo_items(demo_site, "fairs") if f["start"].startswith("2026-12")]
    found = search(phone_js, site_url, "12月招聘会")
    assert december and set(found) == set(december)
    assert set(search(phone_js, site_url, "十二月招聘会")) == set(december)
    shuangxuan = [f["title"] for f in demo_items(demo_site, "fairs") if "双选会" in f["title"]]
    assert shuangxuan and set(shuangxuan) <= set(search(phone_js, site_url, "宜宾招聘会"))  # 招聘会 ⊇ 双选会


def test_a_one_character_slip_is_corrected(phone_js, site_url):
    found = search(phone_js, site_url, "暖新行动")
    assert SEED_000 in found
    assert phone_js.locator("#search-suggestion").inner_text() == "您是不是要找：暖心行动"
    assert "暖心行动" in phone_js.get_by_role("main").get_by_role("status").inner_text()


def test_what_the_query_named_shows_as_chips_that_can_be_removed(phone_js, site_url):
    narrow = search(phone_js, site_url, "武汉招聘会")
    chips = phone_js.locator("#search-chips button")
    assert chips.all_inner_texts() == ["地点：武汉 ×", "类别：招聘会 ×"]
    assert kinds(phone_js) == {"招聘会"}
    phone_js.get_by_role("button", name="去掉筛选条件 类别：招聘会").click()
    broader = results(phone_js)
    assert phone_js.get_by_label("搜索新闻、岗位和招聘会").input_value() == "武汉"
    assert set(narrow) < set(broader) and "岗位" in kinds(phone_js)
