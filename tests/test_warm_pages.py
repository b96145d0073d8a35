"""Warm builds that write unchanged pages from the record (jiuye_pages) give the tree a cold build
of the same content gives, file for file and byte for byte: after an item is added, one edited
and one deleted, and after a template or a setting changes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from jiuye import metadata
from publishing.compare import differing
from tests.conftest import ROOT, run_python

NEW_NEWS = {
    "Title": "湖北开展就业援助月新一轮招聘活动",
    "Date": "2026-11-22T10:00:00+08:00",
    "Category": "新闻",
    "Provinces": "湖北",
    "Campaigns": "就业援助月",
}
REUSED = re.compile(r"页面缓存：重用 (\d+) 页，渲染 (\d+) 页")


def build(content: Path, output: Path, cache: Path | None, *settings: str) -> tuple[int, int]:
    """A Pelican build; with `cache`, Pelican's cache and the page record there, loaded. Returns
    (pages reused, pages rendered)."""
    caching = (f'CACHE_PATH="{cache}"', "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true") if cache else (
        "CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false")  # fmt: skip
    result = run_python(
        "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"), "-o", str(output), "-v",
        "-e", *caching, *settings,
    )  # fmt: skip
    found = REUSED.search(result.stdout + result.stderr)
    return (int(found[1]), int(found[2])) if found else (0, 0)


@pytest.fixture
def content(demo_site, tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(demo_site.parent / "content", copy)
    return copy


def test_a_warm_build_after_an_item_is_added_edited_and_deleted_equals_a_cold_one(content, tmp_path):
    cache = tmp_path / "cache"
    build(content, tmp_path / "first", cache)
    reused, rendered = build(content, tmp_path / "again", cache)
    assert reused > 30 and rendered > 0  # item pages come from the record; paginated lists do not
    assert differing(tmp_path / "first", tmp_path / "again") == []

    news = sorted((content / "scraped" / "news").rglob("*.md"))
    edited = news[0]
    meta, body = metadata.parse(edited.read_text(encoding="utf-8"))
    edited.write_text(metadata.render(meta, body + "\n\n补充：现场新增提供 321 个岗位。"), encoding="utf-8")
    deleted = sorted((content / "scraped" / "jobs").rglob("*.md"))[0]
    deleted.unlink()
    (content / "news").mkdir(exist_ok=True)
    (content / "news" / "hubei-new-round.md").write_text(
        metadata.render(NEW_NEWS, "湖北省人社厅举办就业援助月专场招聘会。"), encoding="utf-8"
    )
    reused, _ = build(content, tmp_path / "warm", cache)
    build(content, tmp_path / "cold", None)
    assert reused > 30
    assert differing(tmp_path / "warm", tmp_path / "cold") == []
    pages = [
        p
        for p in (tmp_path / "warm").rglob("index.html")
        if "补充：现场新增提供 321 个岗位。" in p.read_text(encoding="utf-8")
    ]
    assert pages  # the edited item's page shows the edit
    assert (tmp_path / "warm" / "news" / "hubei-new-round" / "index.html").is_file()


def test_a_template_or_setting_change_renders_the_pages_again(content, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme, ignore=shutil.ignore_patterns("node_modules"))
    cache = tmp_path / "cache"
    build(content, tmp_path / "first", cache, f'THEME="{theme}"')
    base = theme / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("</main>", "<p>模板已改</p></main>", 1), encoding="utf-8")
    reused, _ = build(content, tmp_path / "warm", cache, f'THEME="{theme}"')
    build(content, tmp_path / "cold", None, f'THEME="{theme}"')
    assert reused == 0
    assert differing(tmp_path / "warm", tmp_path / "cold") == []
    assert "模板已改" in (tmp_path / "warm" / "about" / "index.html").read_text(encoding="utf-8")

    settings = (f'THEME="{theme}"', 'SITENAME="另一个站名"')
    reused, _ = build(content, tmp_path / "warm2", cache, *settings)
    build(content, tmp_path / "cold2", None, *settings)
    assert reused == 0
    assert differing(tmp_path / "warm2", tmp_path / "cold2") == []
    assert "另一个站名" in (tmp_path / "warm2" / "about" / "index.html").read_text(encoding="utf-8")


def test_a_later_build_time_renders_what_it_changes(content, tmp_path):
    # Days left, fairs over (已结束), what is upcoming: the same content a week later.
    cache = tmp_path / "cache"
    build(content, tmp_path / "first", cache)
    later = 'JIUYE_NOW="2026-12-10 12:00:00+08:00"'
    build(content, tmp_path / "warm", cache, later)
    build(content, tmp_path / "cold", None, later)
    assert differing(tmp_path / "warm", tmp_path / "cold") == []
    assert differing(tmp_path / "first", tmp_path / "cold")  # the week changed pages
