"""A source's defaults in sources.toml: one merge for news, jobs and fairs, checked on what the real
scrape writes; defaults that name no province or campaign are refused when the file is loaded."""

from __future__ import annotations

import csv
from pathlib import Path

import icalendar
import pytest

from jiuye import extract, job_terms, metadata, regions
from scrapers import defaults
from scrapers.sources import Source, SourcesError, load
from tests.conftest import new_content_dir, run_python
from tests.hostile import new_calendar, rss
from tests.test_reproductions import item

# Nothing below names a place: the province of every item comes from its source.
NEWS_TITLE = "就业服务进社区"
NEWS_BODY = "<p>本周人社部门开展就业援助月活动，为求职者提供岗位信息和政策咨询。春风行动同步推进。</p>"
JOB = ["仓储管理员", "某物流有限公司", "2026-11-20", "负责仓库日常管理，就业援助月专场岗位。"]
FAIR = ("autumn", "秋季综合招聘会", "20261205", "现场提供岗位三百个。")
# One row and one event that do name a place: theirs wins over the source's.
PLACED_JOB = ["客服专员", "某物流有限公司", "2026-11-20", "负责客户咨询。", "成都"]
PLACED_FAIR = ("placed", "冬季专场招聘会", "20261212", "四川省成都市")
DEFAULTS = 'province = "hubei"\ncampaigns = ["chunfeng"]\n'


def write_sources(folder: Path) -> Path:
    (folder / "news.xml").write_text(rss([item("quiet", NEWS_TITLE, NEWS_BODY)]), encoding="utf-8")
    with (folder / "job_terms.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["岗位名称", "单位名称", "发布日期", "岗位描述", "工作地点"])
        writer.writerow([*JOB, ""])
        writer.writerow(PLACED_JOB)
    calendar = new_calendar()
    for uid, summary, start, where in (FAIR[:3] + ("",), PLACED_FAIR):
        event = icalendar.Event()
        event.add("uid", uid)
        event.add("summary", summary)
        event.add("dtstart", icalendar.vDate.from_ical(start))
        if where:
            event.add("location", where)
        else:
            event.add("description", FAIR[3])
        calendar.add_component(event)
    (folder / "fairs.ics").write_bytes(calendar.to_ical())
    entries = (("news", "feed", "news.xml"), ("jobs", "jobs-csv", "job_terms.csv"), ("fairs", "fairs-ics", "fairs.ics"))
    toml = "".join(f'[[source]]\nid = "{i}"\nkind = "{k}"\nurl = "{u}"\n{DEFAULTS}' for i, k, u in entries)
    path = folder / "sources.toml"
    path.write_text(toml, encoding="utf-8")
    return path


def written(content: Path, kind: str) -> dict[str, dict[str, str]]:
    """title -> metadata of every file the scrape wrote for a kind (news, jobs, fairs)."""
    files = (content / "scraped" / kind).rglob("*.md")
    return {meta["title"]: meta for meta, _ in (metadata.parse(p.read_text(encoding="utf-8")) for p in files)}


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("defaults")
    sources = tmp / "sources"
    sources.mkdir()
    toml = write_sources(sources)
    content = new_content_dir(tmp)
    scrape = run_python(
        "-m", "scrapers", "--sources", str(toml), "--content", str(content), "--cache", str(tmp / "cache"), "--quiet",
        check=False,
    )  # fmt: skip
    assert scrape.returncode == 0, scrape.stdout + scrape.stderr
    return content


def test_the_inputs_name_no_place():
    for text in (NEWS_TITLE, NEWS_BODY, *JOB, *FAIR):
        assert extract.first_place(text) == (None, None), text


def test_a_slug_province_places_news_jobs_and_fairs_alike(content):
    news, jobs, fairs = (written(content, kind) for kind in ("news", "jobs", "fairs"))
    assert news[NEWS_TITLE]["provinces"] == "湖北"
    assert jobs[JOB[0]]["province"] == "湖北" and not jobs[JOB[0]].get("city")
    assert fairs[FAIR[1]]["province"] == "湖北" and not fairs[FAIR[1]].get("city")


def test_a_place_the_item_names_wins_over_the_source_province(content):
    assert written(content, "jobs")[PLACED_JOB[0]]["province"] == "四川"
    fair = written(content, "fairs")[PLACED_FAIR[1]]
    assert (fair["province"], fair["city"]) == ("四川", "成都市")


def test_default_campaigns_come_first_then_those_named_each_once(content):
    assert written(content, "news")[NEWS_TITLE]["campaigns"] == "春风行动, 就业援助月"
    assert written(content, "jobs")[JOB[0]]["campaigns"] == "春风行动, 就业援助月"
    assert written(content, "fairs")[FAIR[1]]["campaigns"] == "春风行动"


def write_toml(folder: Path, defaults: str) -> Path:
    path = folder / "sources.toml"
    path.write_text(f'[[source]]\nid = "rsj"\nkind = "feed"\nurl = "feed.xml"\n{defaults}\n', encoding="utf-8")
    return path


@pytest.mark.parametrize("spelling", ["湖北", "湖北省", "hubei", "42"])
def test_every_spelling_of_a_province_and_a_campaign_is_one_default(tmp_path, registry, spelling):
    path = write_toml(tmp_path, f'province = "{spelling}"\ncampaigns = ["chunfeng", "春风行动", "就业援助月"]')
    [source] = load(path, registry)
    assert source.province is regions.find_province("湖北")
    assert source.campaigns == (registry.find("chunfeng"), registry.find("jiuyeyuanzhuyue"))


def test_no_defaults_and_a_single_campaign(tmp_path, registry):
    [source] = load(write_toml(tmp_path, 'province = ""'), registry)
    assert source.province is None and source.campaigns == ()
    [source] = load(write_toml(tmp_path, 'campaign = "春风行动"'), registry)
    assert source.campaigns == (registry.find("chunfeng"),)
    with pytest.raises(SourcesError, match="source 'rsj': fields 'campaigns' and 'campaign'"):
        load(write_toml(tmp_path, 'campaign = "春风行动"\ncampaigns = ["春风行动"]'), registry)


@pytest.mark.parametrize(
    ("defaults", "field", "value"),
    [
        ('province = "火星"', "province", "'火星'"),
        ('campaigns = ["春风行动", "不存在的活动"]', "campaigns", "'不存在的活动'"),
        ('campaign = "不存在的活动"', "campaign", "'不存在的活动'"),
        ("province = 3", "province", "3"),
        ("campaigns = [3]", "campaigns", "[3]"),
        ("campaigns = 3", "campaigns", "3"),
    ],
)
def test_an_unknown_or_mistyped_default_is_refused_at_load(tmp_path, registry, defaults, field, value):
    path = write_toml(tmp_path, defaults)
    with pytest.raises(SourcesError) as raised:
        load(path, registry)
    assert str(raised.value).startswith(f"{path}: source 'rsj': field '{field}' = {value}: "), raised.value


def test_the_scraper_refuses_the_file_before_scraping_anything(tmp_path):
    (tmp_path / "feed.xml").write_text(rss([item("quiet", NEWS_TITLE, NEWS_BODY)]), encoding="utf-8")
    path = write_toml(tmp_path, 'province = "火星"')
    content = new_content_dir(tmp_path)
    cache = tmp_path / "cache"
    scrape = run_python(
        "-m", "scrapers", "--sources", str(path), "--content", str(content), "--cache", str(cache), "--quiet",
        check=False,
    )  # fmt: skip
    assert scrape.returncode == 2
    assert f"{path}: source 'rsj': field 'province' = '火星': 没有这个省份" in scrape.stderr
    assert not (content / "scraped").exists()


def test_a_municipality_default_is_its_own_city():
    source = Source("bj", "jobs-csv", "/x.csv", province=regions.find_province("beijing"))
    beijing = job_terms.Place(regions.find_province("北京"), "北京市")
    assert defaults.place(source, None) == job_terms.location("北京") == beijing


def test_a_source_that_is_not_a_table_is_refused(tmp_path, registry):
    path = tmp_path / "sources.toml"
    path.write_text('source = ["feed.xml"]\n', encoding="utf-8")
    with pytest.raises(SourcesError, match=r"source 1: 应为 \[\[source\]\] 表"):
        load(path, registry)
