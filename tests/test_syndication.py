"""One story, many outlets (tests/fixtures/syndicated: real copies of real stories)."""

from __future__ import annotations

import io
import itertools
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import yaml

from jiuye import dates, syndication
from scrapers import run
from scrapers.fetch import Fetcher
from scrapers.sources import Source
from tests.conftest import FIXTURES, build_site, new_content_dir, scraped_news, soup

SYNDICATED = FIXTURES / "syndicated"
VERSIONS = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(SYNDICATED.glob("*.yaml"))}


def test_every_pair_of_copies_is_one_story_and_different_stories_are_not() -> None:
    prints = {name: syndication.fingerprint(version["body"]) for name, version in VERSIONS.items()}
    for (a, first), (b, second) in itertools.combinations(VERSIONS.items(), 2):
        same = prints[a].containment(prints[b]) >= syndication.THRESHOLD
        assert same == (first["story"] == second["story"]), (a, b, prints[a].containment(prints[b]))


def test_a_fingerprint_survives_its_stored_form() -> None:
    fingerprint = syndication.fingerprint(VERSIONS["canji860w2021-hts"]["body"])
    again = syndication.decode(syndication.encode(fingerprint))
    assert again.size == fingerprint.size and again.containment(fingerprint) == 1.0


def feed(path: Path, versions: list[dict]) -> None:
    items = "".join(
        f"<item><title>{escape(v['title'] or v['outlet'])}</title><guid>{escape(v['outlet'])}-{i}</guid>"
        f"<link>https://news.example.cn/{i}.html</link><pubDate>Mon, 17 May 2021 08:00:00 +0800</pubDate>"
        f"<description>{escape(''.join(f'<p>{escape(line)}</p>' for line in v['body'].splitlines()))}</description>"
        "</item>"
        for i, v in enumerate(versions)
    )
    path.write_text(
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>',
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory, registry) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("syndicated")
    content = new_content_dir(tmp)
    outlets = ["canji860w2021-zhengfuwang", "canji860w2021-yunnangateway", "canji860w2021-lasazhongxiaowei"]
    sources = []
    for number, name in enumerate(outlets):
        feed(tmp / f"{number}.xml", [VERSIONS[name]])
        sources.append(Source(f"outlet-{number}", "feed", str(tmp / f"{number}.xml"), name=VERSIONS[name]["outlet"]))
    feed(
        tmp / "same-day.xml",
        [VERSIONS["butie2022guangming-guangmingribao"], VERSIONS["butie2022xinhua-dongfangjinbao"]],
    )
    sources.append(Source("same-day", "feed", str(tmp / "same-day.xml"), name="同日两篇"))
    now = datetime(2022, 6, 1, 8, tzinfo=dates.SHANGHAI)
    run.run(sources, registry, content, Fetcher(), log=io.StringIO(), progress=False, now=now)
    output = tmp / "output"
    build_site(content, output)
    return content, output


def test_three_outlets_copies_are_one_page_naming_all_three(site) -> None:
    content, output = site
    first = next(iter(scraped_news(content, "outlet-0").values()))[0]
    assert "same_as" not in first
    for later in ("outlet-1", "outlet-2"):
        [(meta, _)] = scraped_news(content, later).values()
        assert meta["same_as"] == first["slug"]  # the copy's file is kept, pointing at the first
    page = soup(output / "news" / first["slug"] / "index.html")
    also = page.select_one("section.also")
    assert also is not None
    names = {a.get_text() for a in also.select("a")}
    assert names == {
        VERSIONS["canji860w2021-yunnangateway"]["outlet"],
        VERSIONS["canji860w2021-lasazhongxiaowei"]["outlet"],
    }
    listing = (output / "index.html").read_text(encoding="utf-8")
    assert listing.count(VERSIONS["canji860w2021-yunnangateway"]["title"]) == 0  # the copies leave the listings


def test_two_stories_of_one_campaign_and_day_stay_two_pages(site) -> None:
    content, output = site
    stored = scraped_news(content, "same-day")
    assert len(stored) == 2 and all("same_as" not in meta for meta, _ in stored.values())
    for meta, _ in stored.values():
        assert (output / "news" / meta["slug"] / "index.html").exists()


def test_an_editors_file_is_the_story_copies_point_to_and_is_never_merged(tmp_path, registry) -> None:
    content = new_content_dir(tmp_path)
    (content / "news").mkdir()
    editor = VERSIONS["canji860w2021-zhengfuwang"]
    editors_file = content / "news" / "canji.md"
    text = f"Title: {editor['title']}\nDate: 2021-05-16\nSlug: canji-860w\n\n{editor['body']}"
    editors_file.write_text(text, encoding="utf-8")
    feed(tmp_path / "copy.xml", [VERSIONS["canji860w2021-hts"]])
    run.run(
        [Source("copy", "feed", str(tmp_path / "copy.xml"))],
        registry,
        content,
        Fetcher(),
        log=io.StringIO(),
        progress=False,
        now=datetime(2021, 6, 1, tzinfo=dates.SHANGHAI),
    )
    [(meta, _)] = scraped_news(content, "copy").values()
    assert meta["same_as"] == "canji-860w"
    assert editors_file.read_text(encoding="utf-8") == text
