"""Fair pages, the calendar grid and the .ics files of the built demo site."""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from pathlib import Path

import icalendar

from jiuye import metadata
from scrapers import run
from scrapers.fetch import Fetcher
from scrapers.sources import Source
from tests.conftest import FIXTURES, ROOT, build_site, new_content_dir, run_python, scraped, soup


def calendar_of(path: Path) -> icalendar.Calendar:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    cal.validate()
    return cal


def check_rfc5545(cal: icalendar.Calendar) -> list[icalendar.Event]:
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    events = list(cal.walk("VEVENT"))
    tzids = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
    for event in events:
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert event.get(required) is not None, (required, event.get("SUMMARY"))
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        assert end > start
        if isinstance(start, datetime):
            assert event["DTSTART"].params["TZID"] == "Asia/Shanghai" and "Asia/Shanghai" in tzids
            assert start.utcoffset().total_seconds() == 8 * 3600
    return events


def test_all_ics_is_valid_and_holds_every_dated_fair(demo_site):
    fairs = scraped(demo_site, "fairs")
    events = check_rfc5545(calendar_of(demo_site / "fairs" / "all.ics"))
    assert {str(e["UID"]) for e in events} == {f"{slug}@jiuye" for slug in fairs}
    jilin = next(e for e in events if "长春" in str(e["SUMMARY"]))
    assert jilin["DTSTART"].dt == date(2022, 7, 28)
    assert "50" in str(jilin["DESCRIPTION"]) and "1067" in str(jilin["DESCRIPTION"])
    timed = next(e for e in events if "金秋招聘月" in str(e["SUMMARY"]))
    assert timed["DTSTART"].dt == datetime.fromisoformat("2026-11-28 09:00:00+08:00")


def test_province_ics_holds_only_its_fairs(demo_site):
    fairs = scraped(demo_site, "fairs")
    events = check_rfc5545(calendar_of(demo_site / "fairs" / "hubei.ics"))
    expected = {f"{slug}@jiuye" for slug, meta in fairs.items() if meta["province"] == "湖北"}
    assert {str(e["UID"]) for e in events} == expected and len(expected) >= 2


def test_uids_and_files_are_stable_across_builds(demo_site, tmp_path):
    rebuilt = tmp_path / "again"
    build_site(demo_site.parent / "content", rebuilt)
    for name in ("all.ics", "jilin.ics", "hubei.ics"):
        assert (rebuilt / "fairs" / name).read_bytes() == (demo_site / "fairs" / name).read_bytes(), name


def test_fair_page_has_event_json_ld_and_an_add_to_calendar_link(demo_site):
    fairs = scraped(demo_site, "fairs")
    for slug, meta in fairs.items():
        page = soup(demo_site / "fairs" / slug / "index.html")
        data = json.loads(page.select_one('script[type="application/ld+json"]').string)
        assert data["@type"] == "Event" and data["name"] == meta["title"]
        assert data["startDate"][:10] == meta["start"][:10]
        modes = {"线下": "Offline", "线上": "Online", "线上线下": "Mixed"}
        assert data["eventAttendanceMode"] == f"https://schema.org/{modes[meta['mode']]}EventAttendanceMode"
        locations = data["location"] if isinstance(data["location"], list) else [data["location"]]
        kinds = {loc["@type"] for loc in locations}
        assert ("VirtualLocation" in kinds) == (meta["mode"] != "线下")
        assert ("Place" in kinds) == (meta["mode"] != "线上")
        link = page.select_one("a.add-to-calendar")["href"]
        single = calendar_of(demo_site / link.lstrip("/"))
        [event] = check_rfc5545(single)
        assert str(event["UID"]) == f"{slug}@jiuye"
        text = page.select_one("article").get_text()
        assert meta["mode"] in text
        if meta.get("organizer"):
            assert meta["organizer"] in text


def test_online_fair_shows_its_link_and_virtual_location(demo_site):
    fairs = scraped(demo_site, "fairs")
    slug = next(s for s, m in fairs.items() if m.get("online_url"))
    page = soup(demo_site / "fairs" / slug / "index.html")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["location"]["url"] == fairs[slug]["online_url"]
    assert page.select_one(".online a")["href"] == fairs[slug]["online_url"]


def test_fair_read_from_news_links_back_to_it(demo_site):
    fairs = scraped(demo_site, "fairs")
    slug = next(s for s, m in fairs.items() if m["title"] == "长春启动仪式暨送岗位进社区活动")
    page = soup(demo_site / "fairs" / slug / "index.html")
    back = page.select_one(".meta a")["href"]
    assert back == f"/news/{fairs[slug]['news']}/"
    assert (demo_site / back.strip("/") / "index.html").exists()


def test_calendar_grid_is_a_table_with_headers(demo_site):
    page = soup(demo_site / "fairs" / "jilin" / "index.html")
    table = page.select_one(".calendar table")
    assert table.caption.get_text() == "2022年7月招聘会日历"
    assert [th.get_text() for th in table.select("thead th")] == list("一二三四五六日")
    assert all(th["scope"] == "col" for th in table.select("thead th"))
    cell = table.select_one('time[datetime="2022-07-28"]').parent
    assert "长春启动仪式暨送岗位进社区活动" in cell.get_text()
    national = soup(demo_site / "fairs" / "index.html")
    assert national.select_one(".calendar caption").get_text() == "2026年11月招聘会日历"  # the build's month
    # months without fairs have no page: the previous month is the last one that had fairs
    assert national.select_one('a[rel="prev"]')["href"] == "/fairs/2022-07/"
    assert not (demo_site / "fairs" / "2026-10").exists() and (demo_site / "fairs" / "2022-07").exists()
    assert "2026年“金秋招聘月”武汉专场招聘会" in national.select_one("#upcoming").find_next("ol").get_text()


def test_mode_filters_and_province_and_home_pages(demo_site):
    online = soup(demo_site / "fairs" / "online" / "index.html")
    titles = [a.get_text() for a in online.select(".fair-list h3 a")]
    assert "残疾人就业帮扶直播带岗" in titles and "2026年“金秋招聘月”武汉专场招聘会" not in titles
    assert "宜宾市高校毕业生就业服务周双选会" in titles  # 线上线下 counts as online too
    offline = soup(demo_site / "fairs" / "offline" / "index.html")
    assert "残疾人就业帮扶直播带岗" not in [a.get_text() for a in offline.select(".fair-list h3 a")]
    hubei = soup(demo_site / "province" / "hubei" / "index.html")
    assert "2026年“金秋招聘月”武汉专场招聘会" in hubei.select_one("#fairs").find_next("ol").get_text()
    home = soup(demo_site / "index.html")
    upcoming = [a.get_text() for a in home.select("#next-fairs ~ ol a")]
    assert upcoming[0] == "2026年“金秋招聘月”武汉专场招聘会"  # the next one nationwide


def test_announcements_feed_and_bad_dates_are_reported(tmp_path, registry):
    content = new_content_dir(tmp_path)
    log = io.StringIO()
    report = run.run(
        [Source("rsj", "fairs-feed", str(FIXTURES / "fairs" / "announcements.xml"))],
        registry,
        content,
        Fetcher(),
        log=log,
        progress=False,
    )
    [path] = (content / "scraped" / "fairs").glob("*.md")
    meta, _ = metadata.parse(path.read_text(encoding="utf-8"))
    assert meta["title"] == "2026年冬季退役军人专场招聘会"
    assert (meta["start"], meta["end"]) == ("2026-12-10 09:00:00+08:00", "2026-12-10 12:00:00+08:00")
    assert (meta["province"], meta["city"], meta["mode"]) == ("湖北", "襄阳市", "线下")
    assert (meta["employers"], meta["positions"]) == ("60", "1200")
    assert meta["organizer"] == "襄阳市退役军人事务局"
    assert meta["target_groups"] == "退役军人"
    errors = "\n".join(report.sources[0].errors)
    assert "2.html" in errors and "2月30日" in errors
    assert "3.html" in errors and "start" in errors


def test_a_bad_start_in_content_is_logged_and_the_build_goes_on(tmp_path):
    content = new_content_dir(tmp_path)
    (content / "fairs").mkdir()
    good = {
        "Title": "武汉招聘会",
        "Date": "2026-11-01",
        "Category": "招聘会",
        "Start": "2026-12-01",
        "Province": "湖北",
        "Mode": "线下",
        "Slug": "good-fair",
    }
    bad = {**good, "Title": "日期写错的招聘会", "Start": "2026-02-30", "Slug": "bad-fair"}
    for meta in (good, bad):
        (content / "fairs" / f"{meta['Slug']}.md").write_text(metadata.render(meta, "正文。"), encoding="utf-8")
    site = tmp_path / "output"
    result = build_site(content, site)
    assert "bad-fair.md" in result.stdout + result.stderr and "2026-02-30" in result.stdout + result.stderr
    events = check_rfc5545(calendar_of(site / "fairs" / "all.ics"))
    assert [str(e["UID"]) for e in events] == ["good-fair@jiuye"]
    check = run_python("-m", "invoke", "-r", str(ROOT), "check", "--content", str(content), check=False)
    assert check.returncode != 0 and "字段 start = '2026-02-30'" in check.stdout


def test_a_fair_whose_news_item_was_deleted_links_to_no_missing_page(tmp_path):
    content = new_content_dir(tmp_path)
    (content / "fairs").mkdir()
    (content / "fairs" / "orphan.md").write_text(
        "Title: 武汉专场招聘会\nDate: 2026-11-20\nCategory: 招聘会\nSlug: orphan\nStart: 2026-12-20\n"
        "Province: 湖北\nMode: 线下\nSource: 湖北日报\nNews: 20261120-deleted\n\n活动介绍。\n",
        encoding="utf-8",
    )
    site = tmp_path / "output"
    build_site(content, site)
    page = soup(site / "fairs" / "orphan" / "index.html")
    assert "湖北日报" in page.select_one(".meta").get_text()
    assert not [a for a in page.select("a[href]") if "20261120-deleted" in a["href"]]


def test_a_province_page_shows_its_past_fairs_marked_as_over(demo_site):
    # Seed 001's 湖北 fair (2022-07-28) has left the upcoming list; it is under 往期招聘会, 已结束.
    hubei = soup(demo_site / "province" / "hubei" / "index.html")
    past = hubei.select_one("#past-fairs").find_parent("section")
    entry = next(li for li in past.select("li") if "湖北招聘会" in li.get_text())
    assert "已结束" in entry.get_text()
    assert (demo_site / entry.a["href"].lstrip("/") / "index.html").is_file()
    upcoming = hubei.select_one("#fairs").find_next("ol").get_text()
    assert "湖北招聘会" not in upcoming.replace("湖北招聘会日历", "")
