"""A province page as a reader uses it, parsed from the built demo (issue 13, item 2): the
campaigns running now, the months with upcoming fairs, the job filters, figures, subscribe."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

import yaml

from tests.conftest import BUILD_NOW, ROOT, soup

MONTH = datetime.fromisoformat(BUILD_NOW).month


def _exists(site, href: str) -> bool:
    return (site / urlsplit(href).path.strip("/") / "index.html").is_file()


def _runs_now(period: dict) -> bool:
    first, last = period["months"]
    return (MONTH - first) % 12 <= (last - first) % 12


def test_the_campaigns_running_now_are_named_and_linked(demo_site):
    registry = yaml.safe_load((ROOT / "content" / "campaigns.yaml").read_text(encoding="utf-8"))
    running = {c["name"] for c in registry if c.get("period") and _runs_now(c["period"])}
    page = soup(demo_site / "province" / "hubei" / "index.html")
    links = page.select(".active-campaigns a")
    shown = {a.get_text() for a in links if a.find_next_sibling() and "进行中" in a.find_next_sibling().get_text()}
    assert shown == running and running
    assert all(_exists(demo_site, a["href"]) for a in links)


def test_the_month_strip_leads_to_each_month_with_upcoming_fairs(demo_site):
    for province in ("hubei", "jilin", "sichuan"):
        page = soup(demo_site / "province" / province / "index.html")
        listed = len(page.select("section[aria-labelledby=fairs] .fair-list > li"))
        months = page.select(".fair-months a")
        assert bool(months) == bool(listed), province
        for link in months:
            assert _exists(demo_site, link["href"]) and f"/fairs/{province}/" in link["href"]
            target = soup(demo_site / urlsplit(link["href"]).path.strip("/") / "index.html")
            assert target.select(".fair-list > li, .calendar .fair-name"), link["href"]


def test_the_job_filters_lead_to_the_provinces_filtered_listings(demo_site):
    page = soup(demo_site / "province" / "hubei" / "index.html")
    chips = page.select("section[aria-labelledby=jobs] .facet a")
    assert chips
    for chip in chips:
        assert chip["href"].count("/jobs/hubei/") == 1 and _exists(demo_site, chip["href"]), chip["href"]
        listed = soup(demo_site / urlsplit(chip["href"]).path.strip("/") / "index.html")
        assert chip.select_one(".count").get_text() in listed.select_one("p.count").get_text()
