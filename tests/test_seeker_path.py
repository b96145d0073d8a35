"""The job seeker's path through the built demo, parsed: every job page ends in something to do,
past fairs say so, subscribe links say what they do (issue 13, item 6)."""

from __future__ import annotations

from tests.conftest import scraped, soup
from tests.test_jobs_site import is_open


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
