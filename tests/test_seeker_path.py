"""The job seeker's path through the built demo, parsed: every job page ends in something to do,
past fairs say so, subscribe links say what they do (issue 13, item 6)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from jiuye.dates import SHANGHAI
from tests.conftest import BUILD_NOW, scraped, soup
from tests.test_jobs_site import is_open

TODAY = datetime.fromisoformat(BUILD_NOW).date()


def test_every_open_job_page_ends_in_an_action_and_says_when_it_closes(demo_site):
    for slug, meta in scraped(demo_site, "jobs").items():
        page = soup(demo_site / "jobs" / slug / "index.html")
        last = page.select("article > *")[-1]
        assert last.name == "section" and last["aria-labelledby"] == "apply", slug  # the page ends in it
        if not is_open(meta):
            assert last.find("a", string="其他在招岗位"), slug
            continue
        actions = [a["href"] for a in last.select("ul.actions a")]
        assert actions, slug  # with no URL and no number to dial: the public employment hotline
        assert all(href.startswith(("https://", "http://", "tel:")) for href in actions), slug
        closes = last.select_one(".closes")
        if "valid_through" in meta:
            assert closes.time["datetime"][:10] == meta["valid_through"][:10], slug
            assert "还剩" in closes.get_text()
        else:
            assert closes.get_text() == "招聘方未写明报名截止日期。", slug


def test_a_phone_number_is_a_tel_link_and_a_masked_one_is_text(demo_site):
    jobs = scraped(demo_site, "jobs")
    [hotline] = [slug for slug, meta in jobs.items() if meta.get("contact", "").startswith("12333")]
    call = soup(demo_site / "jobs" / hotline / "index.html").select_one("a.action[href^='tel:']")
    assert call["href"] == "tel:12333" and call.get_text() == "拨打电话 12333"
    masked = [slug for slug, meta in jobs.items() if "xxxxxx" in meta.get("contact", "") and is_open(meta)]
    assert masked
    for slug in masked:
        page = soup(demo_site / "jobs" / slug / "index.html")
        [call] = page.select("a[href^='tel:']")  # no link to a number the source masked: the hotline instead
        assert call.get_text() == "拨打 12333 人社服务热线咨询"
        assert jobs[slug]["contact"] in page.select_one(".contact").get_text()



def fair_days(site: Path) -> dict[str, date]:
    """The last day of every fair on the site (its Event JSON-LD), by URL path."""
    last = {}
    for ics in (site / "fairs").glob("*/event.ics"):
        page = soup(ics.parent / "index.html")
        event = json.loads(page.select_one('script[type="application/ld+json"]').string)
        moment = event.get("endDate") or event["startDate"]
        read = datetime.fromisoformat(moment)
        day = read.astimezone(SHANGHAI).date() if "T" in moment else read.date()
        last[f"/fairs/{ics.parent.name}/"] = day
    return last


def listing_pages(site: Path) -> list[Path]:
    fair_dirs = {ics.parent for ics in (site / "fairs").glob("*/event.ics")}
    listed = [p for p in (site / "fairs").rglob("index.html") if p.parent not in fair_dirs]
    return [site / "index.html", *(site / "province").rglob("index.html"), *listed]


def test_past_fairs_say_so_everywhere_and_leave_upcoming_lists(demo_site):
    last = fair_days(demo_site)
    past = {url for url, day in last.items() if day < TODAY}
    assert past and set(last) - past  # the demo has both
    for url in past:
        page = soup(demo_site / url.strip("/") / "index.html")
        assert page.title.get_text().startswith("【已结束】")
        assert page.select_one(".expired strong").get_text() == "已结束"
    marked = 0
    for path in listing_pages(demo_site):
        page = soup(path)
        for item in page.select(".fair-list li"):
            url = item.h3.a["href"]
            ended = item.select_one(".ended")
            assert (ended is not None and ended.get_text() == "已结束") == (url in past), (path, url)
            marked += url in past
        for upcoming in page.select("#upcoming, #next-fairs, #fairs"):
            links = {a["href"] for a in upcoming.find_parent("section").select(".fair-list h3 a")}
            assert not links & past, path
        for cell_link in page.select(".calendar li a"):
            assert ("（已结束）" in cell_link.get_text()) == (cell_link["href"] in past), (path, cell_link)
    assert marked


def test_month_links_lead_only_to_months_with_fairs(demo_site):
    for path in listing_pages(demo_site):
        page = soup(path)
        assert "本月暂无招聘会" not in page.get_text(), path
        section = page.find(id="by-month")
        for link in section.find_parent("section").select("a") if section else []:
            month = soup(demo_site / link["href"].strip("/") / "index.html")
            assert month.select(".fair-list li"), (path, link["href"])
    without = soup(demo_site / "fairs" / "xizang" / "index.html")  # no demo fair in 西藏
    assert not without.find(id="by-month") and not without.select(".calendar")
    national = soup(demo_site / "fairs" / "index.html").find(id="by-month").find_parent("section")
    assert len(national.select("a")) == len({day.strftime("%Y-%m") for day in fair_days(demo_site).values()})


def test_every_calendar_has_a_legend(demo_site):
    calendars = 0
    for path in listing_pages(demo_site):
        page = soup(path)
        for calendar in page.select(".calendar"):
            calendars += 1
            legend = calendar.find_next_sibling("ul", class_="legend")
            assert [li.get_text() for li in legend.select("li")][:3] == ["今天", "当天有招聘会", "招聘会已结束"], path
    assert calendars


def search_rows(site: Path) -> tuple[dict, list[dict]]:
    root = site / "search" / "i"
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    files = sorted((root / "d").glob("*.json"), key=lambda p: int(p.stem))
    return manifest, [row for path in files for row in json.loads(path.read_text(encoding="utf-8"))]


def test_search_rows_rank_what_is_open_first_and_mark_past_fairs(demo_site):
    manifest, rows = search_rows(demo_site)
    tier = {ref: value for value, start, end in manifest["tiers"] for ref in range(start, end)}
    assert sorted(tier) == list(range(manifest["count"]))
    past = {url.strip("/") for url, day in fair_days(demo_site).items() if day < TODAY}
    for ref, row in enumerate(rows):
        if row["k"] == "f":
            assert bool(row.get("x")) == (row["u"].strip("/") in past) == (tier[ref] == 2), row
        if row["k"] == "j":
            assert bool(row.get("x")) == (tier[ref] == 2), row
        if row["k"] == "n":  # the demo's news is from 2022: old news ranks with the past
            assert tier[ref] == 2 and row["d"] < "2025-11-23"
    assert {tier[ref] for ref, row in enumerate(rows) if row["k"] in "jf" and not row.get("x")} == {0}


def test_snippets_and_summaries_are_cut_at_a_boundary_with_an_ellipsis(demo_site):
    _, rows = search_rows(demo_site)
    pages = [soup(demo_site / page) for page in ("index.html", "news/index.html")]
    listed = [summary.get_text() for page in pages for summary in page.select("p.summary")]
    cut = [text for text in [row["s"] for row in rows] + listed if text.endswith("…")]
    assert len(cut) >= 5  # the demo has long summaries
    for text in cut:
        assert len(text) <= 90 and text[-2] not in "，、,：: “（", text  # never a dangling comma or quote


def test_subscribe_links_say_what_they_do(demo_site):
    pages = ["province/hubei/", "fairs/", "fairs/hubei/", "jobs/hubei/", "campaign/nuanxin/"]
    for path in pages:
        main = soup(demo_site / path / "index.html").main
        links = main.select("a[href$='.ics'], a[href$='atom.xml']")
        assert links, path
        for link in links:
            text = link.get_text()
            calendar = link["href"].endswith(".ics")
            assert text.startswith("在日历中订阅" if calendar else "用阅读器订阅"), (path, text)
        hints = " ".join(hint.get_text() for hint in main.select(".subscribe .hint"))
        if main.select("a[href$='.ics']"):
            assert "日历应用" in hints, path
        if main.select("a[href$='atom.xml']"):
            assert "阅读器（RSS/Atom 订阅源阅读器）是一类应用" in hints, path
    hubei = soup(demo_site / "province" / "hubei" / "index.html").find(id="subscribe").find_parent("section")
    calendar = hubei.find("a", string="在日历中订阅湖北招聘会")
    assert calendar["href"] == "/fairs/hubei.ics" and (demo_site / "fairs" / "hubei.ics").is_file()
    assert {a.get_text() for a in hubei.select("a")} >= {"用阅读器订阅湖北新岗位", "用阅读器订阅湖北新闻"}


def test_a_filtered_job_listing_keeps_its_filters_folded_and_says_which(demo_site):
    page = soup(demo_site / "jobs" / "hubei" / "group" / "canjiren" / "index.html")
    filters = page.select_one("details.filters")
    assert not filters.has_attr("open")
    assert filters.summary.get_text() == "筛选岗位（已选：湖北、残疾人）"
    assert soup(demo_site / "jobs" / "index.html").select_one("details.filters summary").get_text() == "筛选岗位"
