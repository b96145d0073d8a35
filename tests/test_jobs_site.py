"""Job pages and listings of the built demo site, parsed."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import feedparser
from bs4 import BeautifulSoup

from jiuye import metadata
from tests.conftest import BUILD_NOW, build_site, new_content_dir, scraped, soup

REQUIRED = ("title", "description", "datePosted", "hiringOrganization", "jobLocation")
NOW = datetime.fromisoformat(BUILD_NOW)
MAX_AGE = timedelta(days=60)


def listed_slugs(page: BeautifulSoup) -> list[str]:
    return [a["href"].strip("/").split("/")[-1] for a in page.select(".job-list h3 a")]


def is_open(meta: dict[str, str]) -> bool:
    """Open until Valid_through, or for JIUYE_JOB_MAX_AGE_DAYS (60) after it was posted."""
    closes = meta.get("valid_through") or (datetime.fromisoformat(meta["date"]) + MAX_AGE).isoformat()
    return datetime.fromisoformat(closes) >= NOW


def test_every_job_page_carries_valid_job_posting_json_ld(demo_site):
    jobs = scraped(demo_site, "jobs")
    assert len(jobs) >= 12
    for slug, meta in jobs.items():
        page = soup(demo_site / "jobs" / slug / "index.html")
        [script] = page.select('script[type="application/ld+json"]')
        data = json.loads(script.string)
        assert data["@type"] == "JobPosting"
        for prop in REQUIRED:
            assert data.get(prop), (slug, prop)
        assert data["hiringOrganization"]["name"] == meta["employer"]
        assert data["jobLocation"]["address"]["addressCountry"] == "CN"
        text = page.select_one("article").get_text()
        # everything in the JSON-LD is visible on the page
        assert data["title"] in text and meta["employer"] in text
        assert data["datePosted"][:10] in text
        if "valid_through" in meta:
            assert data["validThrough"][:10] in text
        if "salary_min" in meta:
            value = data["baseSalary"]["value"]
            assert data["baseSalary"]["currency"] == "CNY" and value["unitText"]
            assert page.select_one(".salary").get_text() in text
        if "employment_type" in meta:
            assert data["employmentType"] in ("FULL_TIME", "PART_TIME", "INTERN", "TEMPORARY", "CONTRACTOR", "PER_DIEM")
            assert meta["employment_type"] in text
        if "openings" in meta:
            assert data["totalJobOpenings"] == int(meta["openings"]) and f"{meta['openings']} 人" in text


def test_hubei_lists_only_hubeis_open_jobs_newest_first(demo_site):
    jobs = scraped(demo_site, "jobs")
    expected = {slug for slug, meta in jobs.items() if meta["province"] == "湖北" and is_open(meta)}
    page = soup(demo_site / "jobs" / "hubei" / "index.html")
    listed = listed_slugs(page)
    assert set(listed) == expected and len(listed) == len(expected) >= 3
    dates = [jobs[slug]["date"] for slug in listed]
    assert dates == sorted(dates, reverse=True)
    assert f"共 {len(expected)} 个在招岗位" in page.get_text()


def test_expired_job_leaves_listings_and_keeps_its_page(demo_site):
    jobs = scraped(demo_site, "jobs")
    expired = [slug for slug, meta in jobs.items() if not is_open(meta)]
    assert expired
    listing_pages = list((demo_site / "jobs").rglob("index.html"))
    for slug in expired:
        page = soup(demo_site / "jobs" / slug / "index.html")
        assert "已截止" in page.select_one(".expired").get_text()
        data = json.loads(page.select_one('script[type="application/ld+json"]').string)
        assert datetime.fromisoformat(data["validThrough"]) < NOW
        for listing in listing_pages:
            assert slug not in listed_slugs(soup(listing)), listing


def test_a_job_without_a_deadline_closes_after_the_default_age(tmp_path):
    content = new_content_dir(tmp_path)
    (content / "jobs").mkdir()
    for slug, posted in (("fresh", "2026-11-01"), ("stale", "2026-08-01")):
        meta = {"Title": f"岗位 {slug}", "Date": posted, "Category": "岗位", "Employer": "测试单位", "Province": "湖北",
                "Slug": slug}  # fmt: skip
        (content / "jobs" / f"{slug}.md").write_text(metadata.render(meta, "描述。"), encoding="utf-8")
    site = tmp_path / "output"
    build_site(content, site)
    assert listed_slugs(soup(site / "jobs" / "hubei" / "index.html")) == ["fresh"]
    stale = soup(site / "jobs" / "stale" / "index.html")
    assert "未写明截止日期" in stale.select_one(".expired").get_text()
    data = json.loads(stale.select_one('script[type="application/ld+json"]').string)
    assert data["validThrough"].startswith("2026-09-30") and "2026-09-30" in stale.get_text()


def test_filter_pages_by_group_and_education(demo_site):
    jobs = scraped(demo_site, "jobs")
    disabled = soup(demo_site / "jobs" / "group" / "canjiren" / "index.html")
    expected = {s for s, m in jobs.items() if "残疾人" in m.get("target_groups", "") and is_open(m)}
    assert set(listed_slugs(disabled)) == expected and len(expected) >= 2
    hubei_disabled = soup(demo_site / "jobs" / "hubei" / "group" / "canjiren" / "index.html")
    assert {jobs[s]["province"] for s in listed_slugs(hubei_disabled)} == {"湖北"}
    college = soup(demo_site / "jobs" / "edu" / "dazhuan" / "index.html")
    assert {jobs[s]["education"] for s in listed_slugs(college)} == {"大专"}
    # facets: links with counts, the current choice marked
    current = [a.get_text(" ", strip=True) for a in hubei_disabled.select('.facet a[aria-current="page"]')]
    assert any(c.startswith("湖北") for c in current) and any(c.startswith("残疾人") for c in current)


def test_province_page_shows_open_job_count_and_newest_jobs(demo_site):
    jobs = scraped(demo_site, "jobs")
    open_hubei = [s for s, m in jobs.items() if m["province"] == "湖北" and is_open(m)]
    page = soup(demo_site / "province" / "hubei" / "index.html")
    assert f"在招岗位 {len(open_hubei)} 个" in page.select_one("#jobs").get_text(" ", strip=True)
    assert set(listed_slugs(page)) <= set(open_hubei) and listed_slugs(page)


def test_atom_feed_of_new_jobs_per_province(demo_site):
    feed = feedparser.parse((demo_site / "jobs" / "jilin" / "atom.xml").read_bytes())
    assert feed.version == "atom10" and not feed.bozo
    titles = {entry.title for entry in feed.entries}
    assert "汽车零部件装配工" in titles
    assert all("/jobs/" in entry.link for entry in feed.entries)


def test_listings_paginate(tmp_path):
    content = new_content_dir(tmp_path)
    folder = content / "jobs"
    folder.mkdir()
    for number in range(65):
        meta = {
            "Title": f"岗位{number:02d}",
            "Date": f"2026-10-{1 + number % 28:02d} {number % 24:02d}:00",
            "Category": "岗位",
            "Employer": "测试单位",
            "Province": "湖北",
            "Slug": f"job-{number:02d}",
        }
        (folder / f"{number}.md").write_text(metadata.render(meta, "描述。"), encoding="utf-8")
    site = tmp_path / "output"
    build_site(content, site)
    first = soup(site / "jobs" / "hubei" / "index.html")
    assert len(first.select(".job-list li")) == 30
    third = soup(site / "jobs" / "hubei" / "page" / "3" / "index.html")
    assert len(third.select(".job-list li")) == 5
    assert first.select_one('a[rel="next"]')["href"] == "/jobs/hubei/page/2/"
