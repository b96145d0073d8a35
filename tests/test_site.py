"""The built demo site, read back as a person's browser would get it: parsed HTML and feeds."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import feedparser
from bs4 import BeautifulSoup

from jiuye import metadata
from tests.conftest import FIXTURES, build_site, new_content_dir, run_python


def page(site: Path, url: str) -> BeautifulSoup:
    path = site / url.strip("/") / "index.html" if not url.endswith(".html") else site / url
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def news_pages(site: Path) -> dict[str, BeautifulSoup]:
    """Title -> page, for every news article."""
    pages = {}
    for path in (site / "news").glob("*/index.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        pages[soup.h1.get_text(strip=True)] = soup
    return pages


def listed_titles(soup: BeautifulSoup) -> list[str]:
    return [a.get_text(strip=True) for a in soup.select(".news-list h3 a")]


SEED_TITLES = {
    "000": "就业援助“暖心行动”持续进行 帮助实现就业20万人",
    "001": "就业援助“暖心活动”启动 直击各地“送岗”现场",
    "002": "人社部：重点面向2022届高校毕业生，部署公共就业服务进校园活动",
    "003": "全总：“一人一策”帮扶困难职工家庭高校毕业生实现就业",
    "004": "从面对面到屏对屏——各地稳就业举措亮点纷呈",
}


def test_five_seed_pages_with_title_date_and_source(demo_site):
    pages = news_pages(demo_site)
    for title in SEED_TITLES.values():
        assert title in pages, title
    seed_000 = pages[SEED_TITLES["000"]]
    assert seed_000.title.get_text().startswith(SEED_TITLES["000"])
    assert seed_000.select_one("time")["datetime"] == "2022-08-27T12:19:34+08:00"
    assert seed_000.select_one(".source").get_text(strip=True) == "ZAKER"
    seed_004 = pages[SEED_TITLES["004"]]
    source_link = seed_004.select_one(".source a")
    assert source_link.get_text(strip=True) == "经济日报"
    assert source_link["href"].startswith("http://finews.zning.xyz/html_News/NewsShare.html")
    assert seed_004.select_one(".original a")["href"] == source_link["href"]


def test_seed_pages_have_no_boilerplate(demo_site):
    pages = news_pages(demo_site)
    for title in SEED_TITLES.values():
        content = pages[title].select_one(".content")
        text = content.get_text()
        for leftover in ("分享让更多人看到", "责任编辑", "新浪财经APP", "返回首页", "原标题", "appendQr"):
            assert leftover not in text, (title, leftover)
        assert not content.select("script, style, iframe, #recommend_bottom, .appendQr_wrap")
        assert len(text) > 300


def test_article_links_to_its_provinces_and_campaigns(demo_site):
    seed_001 = news_pages(demo_site)[SEED_TITLES["001"]]
    provinces = {a.get_text(): a["href"] for a in seed_001.select(".provinces a")}
    assert set(provinces) == {"吉林", "福建", "湖北", "重庆", "四川"}
    assert provinces["吉林"] == "/province/jilin/"
    assert [a["href"] for a in seed_001.select(".campaigns a")] == ["/campaign/nuanxin/"]


def test_province_page_lists_its_news_newest_first(demo_site):
    jilin = page(demo_site, "province/jilin/")
    assert jilin.h1.get_text() == "吉林省"
    assert SEED_TITLES["001"] in listed_titles(jilin)
    assert SEED_TITLES["003"] not in listed_titles(jilin)
    hubei = page(demo_site, "province/hubei/")
    dates = [t["datetime"] for t in hubei.select(".news-list time")]
    assert len(dates) >= 3 and dates == sorted(dates, reverse=True)
    assert page(demo_site, "province/shaanxi/").h1.get_text() == "陕西省"
    assert "暂无" in page(demo_site, "province/xizang/").select_one(".empty").get_text()


def test_campaign_page_has_registry_facts_and_its_news(demo_site):
    nuanxin = page(demo_site, "campaign/nuanxin/")
    titles = listed_titles(nuanxin)
    assert SEED_TITLES["000"] in titles and SEED_TITLES["001"] in titles
    assert SEED_TITLES["003"] not in titles
    assert "8—10 月" in nuanxin.select_one(".period").get_text()
    yangguang = page(demo_site, "campaign/yangguang/")
    assert SEED_TITLES["003"] in listed_titles(yangguang)


def test_province_page_lists_its_news_by_city(demo_site):
    hunan = page(demo_site, "province/hunan/")
    cities = {h3.contents[0].strip(): h3.find_next("ul") for h3 in hunan.select("section.by-city h3")}
    assert {"长沙市", "永州市"} <= set(cities)  # seed 004 names 长沙's 望城区 and 永州
    assert SEED_TITLES["004"] in [a.get_text() for a in cities["长沙市"].select("a")]
    assert all(city.endswith(("市", "州", "地区", "盟")) for city in cities)
    assert "宜宾市" in page(demo_site, "province/sichuan/").select_one("section.by-city h3").get_text()
    assert "淄博市" not in {h3.contents[0].strip() for h3 in hunan.select("section.by-city h3")}  # 山东's


def test_home_shows_latest_news_provinces_and_campaigns(demo_site):
    home = page(demo_site, "")
    assert home.html["lang"] == "zh-CN"
    assert SEED_TITLES["000"] in listed_titles(home)  # the newest
    province_links = {a["href"] for a in home.select("nav.province-picker a")}
    assert "/province/jilin/" in province_links and "/province/xizang/" in province_links  # every province
    assert "/campaign/nuanxin/" in {a["href"] for a in home.select("table.campaign-calendar a")}


def test_atom_feeds_per_province_and_campaign(demo_site):
    expected = {"province/jilin/atom.xml": SEED_TITLES["001"], "campaign/nuanxin/atom.xml": SEED_TITLES["000"]}
    for path, title in expected.items():
        feed = feedparser.parse((demo_site / path).read_bytes())
        assert feed.version == "atom10" and not feed.bozo, path
        assert title in [entry.title for entry in feed.entries]
    assert page(demo_site, "province/jilin/").select_one('link[type="application/atom+xml"][href$="atom.xml"]')


def _has_id(page: Path, fragment: str) -> bool:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find(id=fragment) is not None


def test_every_internal_link_resolves(demo_site):
    """Every link to the site reaches a file, and a fragment an element of it (a text fragment,
    #:~:text=…, is the browser's to find)."""
    missing = set()
    for path in demo_site.rglob("*.html"):
        for link in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("a[href^='/'], a[href^='#']"):
            parts = urlsplit(link["href"])
            target = demo_site / parts.path.lstrip("/") if parts.path else path
            page = target / "index.html" if target.is_dir() else target
            if not page.is_file():
                missing.add(link["href"])
            elif parts.fragment and not parts.fragment.startswith(":~:") and not _has_id(page, parts.fragment):
                missing.add(f"{path.relative_to(demo_site)} → {link['href']}")
    assert not missing


def test_hostile_feed_yields_a_clean_page(tmp_path):
    content = new_content_dir(tmp_path)
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nid = "hostile"\nkind = "feed"\nurl = "{FIXTURES / "feeds" / "hostile.xml"}"\n')
    run_python(
        "-m",
        "scrapers",
        "--sources",
        str(sources),
        "--content",
        str(content),
        "--quiet",
        "--cache",
        str(tmp_path / "cache"),
    )
    built = tmp_path / "output"
    build_site(content, built)
    [article] = list((built / "news").glob("*/index.html"))
    html = article.read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    scripts = soup.select("script, iframe")  # the theme's offline reading only, no inline script
    assert [(s.name, s.get("src"), s.string) for s in scripts] == [("script", "/theme/js/offline.js", None)]
    assert not soup.select_one("article").select("form, svg, input")
    for element in soup.find_all(True):
        assert not any(name.startswith("on") for name in element.attrs), element
        for value in element.attrs.values():
            assert "javascript:" not in str(value).lower()
    assert "alert(" not in html
    assert "吉林省人社厅组织 50 户爱心企业参加" in soup.select_one(".content").get_text()


def test_editor_written_news_with_raw_html_is_sanitised_too(tmp_path):
    content = new_content_dir(tmp_path)
    (content / "news").mkdir()
    (content / "news" / "editor-note.md").write_text(
        metadata.render(
            {"Title": "编辑稿", "Date": "2022-08-01 10:00", "Provinces": "湖北"},
            "湖北省招聘会。<script>alert(1)</script><img src=x onerror=alert(2)>",
        ),
        encoding="utf-8",
    )
    built = tmp_path / "output"
    build_site(content, built)
    html = (built / "news" / "editor-note" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "onerror" not in html
    assert "编辑稿" in listed_titles(page(built, "province/hubei/"))
