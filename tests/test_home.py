"""The home page of the built demo, parsed as a browser parses it: the tile-grid map (34 tiles,
their links, shades and legend), its table, the campaign calendar, and the first screen's lists,
each checked against numbers the test works out itself from the demo's content and the registry
(issue 13, items 4 and 6)."""

from __future__ import annotations

import gzip
from datetime import date, datetime, timedelta

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import BUILD_NOW, ROOT, scraped

NOW = datetime.fromisoformat(BUILD_NOW)
TODAY = NOW.date()
JOB_MAX_AGE = timedelta(days=60)  # JIUYE_JOB_MAX_AGE_DAYS' default: pelicanconf.py gives none
PAGE_BUDGET = 100_000  # bytes before images (issue 13, item 5)
SLUGS = {  # province page of each short name, as DESIGN.md spells the slugs
    "北京": "beijing", "天津": "tianjin", "河北": "hebei", "山西": "shanxi", "内蒙古": "neimenggu",
    "辽宁": "liaoning", "吉林": "jilin", "黑龙江": "heilongjiang", "上海": "shanghai", "江苏": "jiangsu",
    "浙江": "zhejiang", "安徽": "anhui", "福建": "fujian", "江西": "jiangxi", "山东": "shandong",
    "河南": "henan", "湖北": "hubei", "湖南": "hunan", "广东": "guangdong", "广西": "guangxi",
    "海南": "hainan", "重庆": "chongqing", "四川": "sichuan", "贵州": "guizhou", "云南": "yunnan",
    "西藏": "xizang", "陕西": "shaanxi", "甘肃": "gansu", "青海": "qinghai", "宁夏": "ningxia",
    "新疆": "xinjiang", "台湾": "taiwan", "香港": "xianggang", "澳门": "aomen",
}  # fmt: skip


def moment(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=NOW.tzinfo)


def day(text: str) -> date:
    return moment(text).astimezone(NOW.tzinfo).date() if len(text) > 10 else date.fromisoformat(text)


def open_jobs(site) -> list[dict[str, str]]:
    """The demo's jobs still open at the build's now: Valid_through, else 60 days after posting."""
    jobs = scraped(site, "jobs").values()
    return [
        j
        for j in jobs
        if (moment(j["valid_through"]) if "valid_through" in j else moment(j["date"]) + JOB_MAX_AGE) >= NOW
    ]


def upcoming_fairs(site) -> list[dict[str, str]]:
    fairs = scraped(site, "fairs").values()
    return [f for f in fairs if day(f.get("end") or f["start"]) >= TODAY]


def by_province(items: list[dict[str, str]]) -> dict[str, int]:
    counts = dict.fromkeys(SLUGS, 0)
    for item in items:
        counts[item["province"]] += 1
    return counts


@pytest.fixture(scope="module")
def home(demo_site) -> BeautifulSoup:
    return BeautifulSoup((demo_site / "index.html").read_text(encoding="utf-8"), "html5lib")


def tiles(home: BeautifulSoup) -> dict[str, tuple[str, str, list[str]]]:
    """Short name -> (href, accessible name, classes) of each tile of the map."""
    found = {}
    for link in home.select("svg.tilemap a"):
        name = link.find("text").get_text()
        assert name not in found, name
        found[name] = (link["href"], link["aria-label"], link["class"])
    return found


def legend(home: BeautifulSoup) -> dict[int, tuple[int, int]]:
    """Shade -> (lowest, highest) open jobs, as the legend says it."""
    ranges = {}
    for item in home.select("ul[aria-label=地图图例] li"):
        swatch, text = item.select_one(".swatch"), item.get_text()
        if swatch is None:
            assert text == "有即将举办的招聘会" and item.select_one(".dot")
            continue
        [shade] = [int(c.removeprefix("shade-")) for c in swatch["class"] if c.startswith("shade-")]
        if text == "无在招岗位":
            ranges[shade] = (0, 0)
            continue
        numbers = text.removeprefix("在招岗位 ").removesuffix(" 个").split("—")
        ranges[shade] = (int(numbers[0]), int(numbers[-1]))
    return ranges


def test_the_map_has_a_tile_linking_to_each_province_page(home, demo_site):
    found = tiles(home)
    assert len(home.select("main svg")) == 1 and len(found) == 34
    assert {name: href for name, (href, _, _) in found.items()} == {n: f"/province/{s}/" for n, s in SLUGS.items()}
    for href, _, _ in found.values():
        assert (demo_site / href.strip("/") / "index.html").is_file(), href
    svg = home.select_one("svg.tilemap")
    assert svg["role"] == "group" and svg["aria-label"]
    assert not home.main.find_all("script")  # drawn at build time


def test_each_tile_says_and_shades_its_numbers_as_the_content_counts_them(home, demo_site):
    jobs, fairs = by_province(open_jobs(demo_site)), by_province(upcoming_fairs(demo_site))
    assert sum(jobs.values()) >= 5 and sum(fairs.values()) >= 3  # the demo has both, in several provinces
    ranges = legend(home)
    assert ranges[0] == (0, 0) and 2 <= len(ranges) <= 4
    highs = [ranges[shade][1] for shade in sorted(ranges)]
    assert all(ranges[s + 1][0] == ranges[s][1] + 1 for s in range(len(ranges) - 1))  # no gap, no overlap
    assert highs[-1] == max(jobs.values())
    for name, (_, label, classes) in tiles(home).items():
        assert label == f"{name} {jobs[name]} 个在招岗位，即将举办招聘会 {fairs[name]} 场"
        [shade] = [int(c.removeprefix("shade-")) for c in classes if c.startswith("shade-")]
        low, high = ranges[shade]
        assert low <= jobs[name] <= high, name
    dots = {link.find("text").get_text() for link in home.select("svg.tilemap a") if link.find("circle")}
    assert dots == {name for name, n in fairs.items() if n}
    shown = {link.find("text").get_text(): link.select_one("text.n") for link in home.select("svg.tilemap a")}
    assert {name: int(t.get_text()) for name, t in shown.items() if t} == {n: c for n, c in jobs.items() if c}


def test_the_table_says_what_the_map_shows(home, demo_site):
    jobs, fairs = by_province(open_jobs(demo_site)), by_province(upcoming_fairs(demo_site))
    table = home.select_one("details.overview-table table")
    assert table.caption.get_text() == "各省在招岗位和即将举办的招聘会"
    rows = {}
    for row in table.tbody.find_all("tr"):
        link = row.th.a
        rows[link.get_text()] = (link["href"], *(int(td.get_text()) for td in row.find_all("td")))
    assert rows == {name: (f"/province/{SLUGS[name]}/", jobs[name], fairs[name]) for name in SLUGS}
    total = [td.get_text() for td in table.tfoot.find_all("td")]
    assert total == [str(sum(jobs.values())), str(sum(fairs.values()))]


def test_the_campaign_calendar_is_the_registry_month_by_month(home):
    entries = yaml.safe_load((ROOT / "content" / "campaigns.yaml").read_text(encoding="utf-8"))
    expected = {}
    for entry in entries:
        first, last = entry["period"]["months"]
        months = [(first - 1 + step) % 12 + 1 for step in range((last - first) % 12 + 1)]
        words = (
            f"{first} 月" if first == last else f"{first}—{last} 月" if first < last else f"{first} 月—次年 {last} 月"
        )
        expected[entry["name"]] = (f"/campaign/{entry['slug']}/", sorted(months), words)
    table = home.select_one("table.campaign-calendar")
    assert "本月（11 月）" in table.caption.get_text()
    assert home.find(id="campaign-calendar").get_text() == f"{TODAY.year} 年专项活动日历"
    rows = {}
    for row in table.tbody.find_all("tr"):
        link = row.th.a
        strip = row.select(".month-strip span")
        assert [int(s.get_text()) for s in strip] == list(range(1, 13))
        assert [int(s.get_text()) for s in strip if "this-month" in s["class"]] == [TODAY.month]
        months = [int(s.get_text()) for s in strip if "on" in s["class"]]
        rows[link.get_text()] = (link["href"], months, row.select_one(".when").get_text())
        running = row.select_one("strong.now")
        assert (running is not None) == (TODAY.month in months), link.get_text()
        assert running is None or running.get_text() == "本月进行中"
    assert rows == expected
    starts = {entry["name"]: entry["period"]["months"][0] for entry in entries}
    assert [starts[name] for name in rows] == sorted(starts.values())  # by the month each starts


def test_the_first_screen_lists_the_next_fairs_and_newest_jobs(home, demo_site):
    fairs = sorted(upcoming_fairs(demo_site), key=lambda f: (day(f["start"]), f["title"]))
    listed = home.select("#next-fairs ~ ol.soon-list li")
    assert [li.a.get_text() for li in listed] == [f["title"] for f in fairs[:3]]
    assert all("已结束" not in li.get_text() for li in listed)
    for li, fair in zip(listed, fairs, strict=False):
        assert li.a["href"] == f"/fairs/{fair['slug']}/"
        when = day(fair["start"])
        assert li.time.get_text().startswith(f"{when.month}月{when.day}日 周")
        assert (fair.get("city") or fair["province"]) in li.get_text()
    assert home.select_one("#next-fairs ~ p.more a").get_text() == f"全部 {len(fairs)} 场招聘会"
    jobs = sorted(open_jobs(demo_site), key=lambda j: moment(j["date"]), reverse=True)
    listed = home.select("#latest-jobs ~ ol.soon-list li")
    assert [li.a["href"] for li in listed] == [f"/jobs/{j['slug']}/" for j in jobs[:3]]
    assert all(job["city"] in li.get_text() for li, job in zip(listed, jobs, strict=False))
    assert home.select_one("#latest-jobs ~ p.more a").get_text() == f"全部 {len(jobs)} 个岗位"
    picker = home.select_one("nav.province-picker details")
    assert picker.summary.get_text() == "选择省份，看当地招聘会和岗位"
    assert [a["href"] for a in picker.select("a")] == [f"/province/{slug}/" for slug in SLUGS.values()]


def test_news_comes_after_the_first_screen_and_the_overview(home, demo_site):
    order = [h2["id"] for h2 in home.main.find_all("h2")]
    assert order == ["next-fairs", "latest-jobs", "overview", "campaign-calendar", "latest"]
    assert home.main.find().name == "h1" and home.main.find("nav") is home.select_one("nav.province-picker")
    news = BeautifulSoup((demo_site / "news" / "index.html").read_text(encoding="utf-8"), "html5lib")
    newest = [a.get_text() for a in news.select(".news-list h3 a")][:10]
    assert [a.get_text() for a in home.select("#latest ~ ol.news-list h3 a")] == newest


def test_the_home_page_stays_light(demo_site, capsys):
    raw = (demo_site / "index.html").read_bytes()
    css = (demo_site / "theme" / "css" / "site.css").read_bytes()
    sizes = {name: (len(data), len(gzip.compress(data, 9))) for name, data in (("home", raw), ("css", css))}
    with capsys.disabled():
        print(f"\nhome page: {sizes['home'][0]} B raw, {sizes['home'][1]} B gzipped; site.css {sizes['css'][0]} B raw")
    assert sizes["home"][0] + sizes["css"][0] <= PAGE_BUDGET
