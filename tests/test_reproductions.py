"""The reproductions of the hostile-input issue, one test each, on one small site built from them."""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup

from jiuye import metadata
from tests.conftest import new_content_dir, run_python
from tests.hostile import new_calendar, rss, xml_text
from tests.inspect_output import THEME_SCRIPTS, check_markup

IMG = "<img src=x onerror=alert(1)>"
BREAKOUT = 'https://a.example/x" onmouseover="alert(1)'
CLOSER = "</title><script>alert(1)</script>"
COMMENT = "某公司<!--<script>"
JS_LINK = "[点此报名](javascript:alert(1))"


def item(guid: str, title: str, body: str, *, link: str = "", author: str = "", date: str = "") -> str:
    return (
        f"<item><title>{xml_text(title)}</title><guid>{guid}</guid><link>{xml_text(link)}</link>"
        f"<author>{xml_text(author)}</author><pubDate>{date or 'Fri, 20 Nov 2026 09:00:00 +0800'}</pubDate>"
        f"<description>{xml_text(body)}</description></item>"
    )


def write_sources(folder: Path) -> None:
    feed = [
        item(
            "title", f"湖北招聘会{IMG}", "<p>湖北省人社厅在武汉举办招聘会。</p>", author=f"湖北日报{IMG}", link=BREAKOUT
        ),
        item("summary", "湖北就业援助", "<p>湖北省开展就业援助。&lt;img src=x onerror=alert(1)&gt;</p>"),
        item("far", "远日期", "<p>湖北</p>", date="Fri, 31 Dec 9999 23:59:59 +0800"),
        item("after-far", "远日期之后的新闻", "<p>湖北省开展春风行动。</p>"),
    ]
    (folder / "news.xml").write_text(rss(feed), encoding="utf-8")
    # An XML-illegal control character in a title: the feed is not well-formed, feedparser recovers it.
    control = rss([item("control", "招聘会", "<p>湖北省开展就业援助。</p>")]).replace("招聘会", "招聘\x01会", 1)
    (folder / "control.xml").write_text(control, encoding="utf-8")
    with (folder / "jobs.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["岗位名称", "单位名称", "工作地点", "发布日期", "联系方式", "链接", "岗位描述"])
        writer.writerow(["仓储专员", CLOSER, "武汉", "2026-11-20", CLOSER, BREAKOUT, "说明"])
        writer.writerow(["客服专员", COMMENT, "武汉", "2026-11-20", "", "", "说明"])
        writer.writerow(["长描述岗位", "某物流公司", "武汉", "2026-11-20", "", "", "长" * 140_000])
        writer.writerow(["长描述之后的岗位", "某物流公司", "武汉", "2026-11-20", "", "", "说明"])
    pages = folder / "pages"
    pages.mkdir()
    for name, experience in (("a", "两年"), ("b", 24)):
        posting = {
            "@context": "https://schema.org/",
            "@type": "JobPosting",
            "title": f"焊工{name}",
            "datePosted": "2026-11-20",
            "hiringOrganization": {"@type": "Organization", "name": "某制造公司"},
            "jobLocation": {"@type": "Place", "address": {"addressRegion": "湖北", "addressLocality": "武汉"}},
            "experienceRequirements": {"monthsOfExperience": experience},
        }
        script = f'<script type="application/ld+json">{json.dumps(posting, ensure_ascii=False)}</script>'
        (pages / f"{name}.html").write_text(f"<!doctype html><title>t</title>{script}", encoding="utf-8")
    calendar = new_calendar()
    for uid, start, summary in (("far", "99991231", "远日期招聘会"), ("ok", "20261205", f"武汉招聘会{IMG}")):
        event = icalendar.Event()
        event.add("uid", uid)
        event.add("summary", summary)
        event.add("dtstart", icalendar.vDate.from_ical(start))
        event.add("location", f"湖北省武汉市{IMG}")
        organizer = icalendar.vCalAddress("mailto:a@b.example")
        organizer.params["cn"] = icalendar.vText(f"人社局{IMG}")
        event["organizer"] = organizer
        calendar.add_component(event)
    (folder / "fairs.ics").write_bytes(calendar.to_ical())
    entries = [
        ("news", "feed", "news.xml"),
        ("control", "feed", "control.xml"),
        ("jobs", "jobs-csv", "jobs.csv"),
        ("jsonld", "jobs-jsonld", "pages"),
        ("fairs", "fairs-ics", "fairs.ics"),
    ]
    toml = "".join(f'[[source]]\nid = "{i}"\nkind = "{k}"\nurl = "{u}"\n' for i, k, u in entries)
    (folder / "sources.toml").write_text(toml, encoding="utf-8")


def write_editor_file(content: Path) -> None:
    folder = content / "news"
    folder.mkdir()
    meta = {"Title": "报名通知", "Date": "2026-11-20 09:00", "Provinces": "湖北", "Summary": JS_LINK}
    (folder / "signup.md").write_text(metadata.render(meta, f"{JS_LINK}\n\n湖北省开展就业援助。"), encoding="utf-8")
    # Written by hand, not through metadata.render (which drops such characters at scrape time).
    control = "Title: 编辑\x01稿件\nDate: 2026-11-21 09:00\nTags: 标签\x02\n\n湖北省开展\x1b就业援助。\n"
    (folder / "control.md").write_text(control, encoding="utf-8")


@dataclass
class Site:
    output: Path
    scrape_log: str
    build_status: int
    build_log: str

    def page(self, path: str) -> BeautifulSoup:
        return BeautifulSoup((self.output / path).read_text(encoding="utf-8"), "html5lib")

    def news_page(self, title_part: str) -> BeautifulSoup:
        for path in sorted((self.output / "news").glob("*/index.html")):
            page = BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")
            if page.find("h1") and title_part in page.find("h1").get_text():
                return page
        raise AssertionError(f"no news page titled …{title_part}…")

    def job_page(self, employer: str) -> BeautifulSoup:
        for path in sorted((self.output / "jobs").glob("*/index.html")):
            page = BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")
            if page.select_one("p.employer") and page.select_one("p.employer").get_text() == employer:
                return page
        raise AssertionError(f"no job page of {employer}")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    tmp = tmp_path_factory.mktemp("repro")
    sources = tmp / "sources"
    sources.mkdir()
    write_sources(sources)
    content = new_content_dir(tmp)
    write_editor_file(content)
    scrape = run_python(
        "-m", "scrapers", "--sources", str(sources / "sources.toml"), "--content", str(content),
        "--cache", str(tmp / "cache"), "--quiet", check=False,
    )  # fmt: skip
    build = run_python(
        "-m", "pelican", str(content), "-s", "pelicanconf.py", "-o", str(tmp / "output"), "-e", "CACHE_CONTENT=false",
        check=False,
    )  # fmt: skip
    return Site(tmp / "output", scrape.stderr, build.returncode, build.stdout + build.stderr)


def assert_inert(page: BeautifulSoup, where: str) -> None:
    from tests.inspect_output import Findings

    findings = Findings()
    check_markup(page, where, findings, THEME_SCRIPTS)
    assert not findings.problems, findings.problems


def test_the_build_succeeds(site):
    assert site.build_status == 0, site.build_log[-2000:]


def test_rss_title_markup_is_text_on_news_home_and_province_pages(site):
    news = site.news_page("湖北招聘会")
    assert news.find("h1").get_text() == f"湖北招聘会{IMG}"
    for page, where in (
        (news, "news"),
        (site.page("index.html"), "home"),
        (site.page("province/hubei/index.html"), "p"),
    ):
        assert f"湖北招聘会{IMG}" in page.get_text(), where
        assert not page.select("img[onerror]"), where
        assert_inert(page, where)


def test_rss_author_is_text(site):
    source = site.news_page("湖北招聘会").select_one("dd.source")
    assert source.get_text() == f"湖北日报{IMG}" and not source.find("img")


def test_csv_employer_and_contact_are_text(site):
    job = site.job_page(CLOSER)
    assert job.find("title").get_text().startswith("仓储专员 - </title><script>")
    assert CLOSER in job.select_one("#apply ~ ul, section[aria-labelledby=apply]").get_text()
    assert_inert(job, "job")


def test_ics_summary_location_and_organiser_are_text(site):
    fair = next(
        BeautifulSoup(p.read_text(encoding="utf-8"), "html5lib")
        for p in (site.output / "fairs").glob("*/index.html")
        if re.fullmatch(r"[0-9a-f]{12}", p.parent.name) and "武汉招聘会" in p.read_text(encoding="utf-8")
    )
    assert fair.find("h1").get_text() == f"武汉招聘会{IMG}"
    assert IMG in fair.select_one(".address").get_text() and fair.select_one(".organizer").get_text() == f"人社局{IMG}"
    assert_inert(fair, "fair")


def test_a_summary_whose_text_is_markup_stays_text(site):
    summary = f"湖北省开展就业援助。{IMG}"
    news = site.news_page("湖北就业援助")
    assert news.find("meta", attrs={"name": "description"})["content"] == summary
    listed = [p.get_text() for p in site.page("news/index.html").select("p.summary")]
    assert summary in listed
    assert_inert(site.page("news/index.html"), "news list")


def test_a_link_that_breaks_out_of_href_is_refused_and_reported(site):
    assert re.search(r"注意 \[news\] 条目 title: 字段 source_url = .*onmouseover.*引号", site.scrape_log)
    assert re.search(r"注意 \[jobs\] 条目 第 2 行: 字段 url = .*onmouseover.*引号", site.scrape_log)
    for page in (site.news_page("湖北招聘会"), site.job_page(CLOSER)):
        assert not page.select("[onmouseover]")
        assert not [a for a in page.find_all("a") if "a.example" in a.get("href", "")]


def test_a_comment_opener_in_the_employer_leaves_the_page_whole(site):
    job = site.job_page(COMMENT)
    data = json.loads(job.find("script", type="application/ld+json").string)
    assert data["hiringOrganization"]["name"] == COMMENT
    assert job.find("footer", class_="site-footer") and job.find("h1").get_text() == "客服专员"


def test_atom_summaries_carry_no_script_link(site):
    feed = (site.output / "news" / "atom.xml").read_bytes()
    entries = feedparser.parse(feed, sanitize_html=False).entries
    signup = next(e for e in entries if e.title == "报名通知")
    for html in (signup.summary, signup.content[0].value):
        links = BeautifulSoup(html, "html5lib").find_all("a")
        assert not [a for a in links if a.get("href", "").startswith("javascript:")], html
    assert (
        "javascript:"
        not in site.page(f"news/{signup.link.rstrip('/').rsplit('/', 1)[-1]}/index.html")
        .find("div", class_="content")
        .decode()
    )


def test_an_xml_illegal_control_character_does_not_stop_the_build(site):
    """Dropped at scrape time (the feed) and at build time (an editor's file)."""
    ElementTree.parse(site.output / "news" / "atom.xml")
    titles = [e.title for e in feedparser.parse((site.output / "news" / "atom.xml").read_bytes()).entries]
    assert "招聘会" in titles and "编辑稿件" in titles


def test_a_far_pub_date_is_reported_and_the_rest_of_the_feed_is_read(site):
    assert re.search(r"跳过 \[news\] 条目 far: 字段 date = .*9999.*日期超出合理范围", site.scrape_log)
    assert site.news_page("远日期之后的新闻")


def test_months_of_experience_that_is_no_number_spares_the_other_postings(site):
    titles = {
        BeautifulSoup(p.read_text(encoding="utf-8"), "html5lib").find("h1").get_text()
        for p in (site.output / "jobs").glob("*/index.html")
    }
    assert {"焊工a", "焊工b"} <= titles


def test_a_csv_cell_over_128_kib_spares_the_rest_of_the_export(site):
    titles = {
        BeautifulSoup(p.read_text(encoding="utf-8"), "html5lib").find("h1").get_text()
        for p in (site.output / "jobs").glob("*/index.html")
    }
    assert {"长描述岗位", "长描述之后的岗位"} <= titles


def test_a_fair_in_year_9999_is_reported_and_makes_no_calendar(site):
    assert re.search(r"跳过 \[fairs\] 条目 far: 字段 start = '9999-12-31': 日期超出合理范围", site.scrape_log)
    months = sorted(p.name for p in (site.output / "fairs").iterdir() if re.fullmatch(r"\d{4}-\d{2}", p.name))
    assert months and months[-1] <= "2028-12"


def test_a_site_with_no_items_builds(tmp_path):
    content = new_content_dir(tmp_path)
    build = run_python("-m", "pelican", str(content), "-s", "pelicanconf.py", "-o", str(tmp_path / "out"), check=False)
    assert build.returncode == 0, build.stdout + build.stderr
    manifest = json.loads((tmp_path / "out" / "search" / "i" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["count"] == 0
    assert (tmp_path / "out" / "index.html").exists()
