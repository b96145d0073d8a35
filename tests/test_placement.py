"""Where an item is published is decided by the site, not by its text: Pelican's own fields and link
placeholders, hostile or repeated, never move a page, run a script or stop the build (found by a
review that tried them)."""

from __future__ import annotations

import csv
import json
import re

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT, new_content_dir, run_python
from tests.hostile import rss
from tests.inspect_output import check_site
from tests.test_reproductions import item

EDITOR_FILES = {
    "url-js.md": "Title: 链接\nDate: 2026-11-20 09:00\nUrl: javascript:alert(document.domain)//\n\n正文。\n",
    "linker.md": "Title: 引用\nDate: 2026-11-20 09:00\n\n[x]({filename}url-js.md) 与 [y](//evil.example/x)\n",
    "slug.md": 'Title: 引号\nDate: 2026-11-20 09:00\nSlug: a" onmouseover="alert(1)\n\n正文。\n',
    "home.md": "Title: 首页\nDate: 2026-11-20 09:00\nSave_as: index.html\n\n正文。\n",
    "twice.md": "Title: 一\nTitle: 二\nDate: 2026-11-20 09:00\n\n正文。\n",
    "template.md": "Title: 模板\nDate: 2026-11-20 09:00\nTemplate: ../../../../etc/passwd\n\n正文。\n",
    "lang.md": "Title: 语言\nDate: 2026-11-20 09:00\nLang: en\n\n正文。\n",
    "hidden.md": "Title: 隐藏\nDate: 2026-11-20 09:00\nStatus: hidden\nCategory: 岗位\nEmployer: 某公司\n"
    "Province: 湖北\n\n正文。\n",
    "fine.md": "Title: 正常新闻\nDate: 2026-11-20 09:00\n\n正文。\n",
}
LEFT_OUT = ("url-js.md", "slug.md", "home.md", "twice.md", "template.md", "lang.md", "hidden.md")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("placement")
    sources = tmp / "sources"
    sources.mkdir()
    image = '<p>湖北招聘。<img src="https://i.example/a.png" alt="x href=\'{static}/campaigns.yaml\' y"></p>'
    (sources / "feed.xml").write_text(rss([item("static", "占位符", image)]), encoding="utf-8")
    with (sources / "jobs.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["岗位名称", "单位名称", "工作地点", "发布日期"])
        stream.write("坏\r行,某公司,武汉,2026-11-20\n")
        writer.writerow(["坏行之后的岗位", "某公司", "武汉", "2026-11-20"])
    pages = sources / "pages"
    pages.mkdir()
    (pages / "a1.html").write_text('<script type="application/ld+json">' + "[" * 50_000 + "</script>", "utf-8")
    posting = {
        "@type": "JobPosting",
        "title": "深嵌套之后的岗位",
        "datePosted": "2026-11-20",
        "hiringOrganization": {"name": "某公司"},
        "jobLocation": {"address": {"addressRegion": "湖北"}},
    }
    (pages / "a2.html").write_text(f'<script type="application/ld+json">{json.dumps(posting)}</script>', "utf-8")
    toml = "".join(
        f'[[source]]\nid = "{i}"\nkind = "{k}"\nurl = "{u}"\n'
        for i, k, u in (
            ("feed", "feed", "feed.xml"),
            ("csv", "jobs-csv", "jobs.csv"),
            ("pages", "jobs-jsonld", "pages"),
        )
    )
    (sources / "sources.toml").write_text(toml, encoding="utf-8")
    content = new_content_dir(tmp)
    (content / "news").mkdir()
    for name, text in EDITOR_FILES.items():
        (content / "news" / name).write_text(text, encoding="utf-8")
    scrape = run_python(
        "-m", "scrapers", "--sources", str(sources / "sources.toml"), "--content", str(content),
        "--cache", str(tmp / "cache"), "--quiet", check=False,
    )  # fmt: skip
    output = tmp / "output"
    build = run_python(
        "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"), "-o", str(output), check=False
    )
    check = run_python("-m", "invoke", "-r", str(ROOT), "check", "--content", str(content), check=False)
    return {"output": output, "scrape": scrape, "build": build, "check": check}


def test_the_build_succeeds_and_leaves_out_each_misplaced_file(site):
    build = site["build"]
    assert build.returncode == 0, (build.stdout + build.stderr)[-3000:]
    log = " ".join((build.stdout + build.stderr).split())
    for name in LEFT_OUT:
        assert name in log, name
    assert "正常新闻" in (site["output"] / "news" / "fine" / "index.html").read_text(encoding="utf-8")
    home = BeautifulSoup((site["output"] / "index.html").read_text(encoding="utf-8"), "html5lib")
    assert home.find("h1").get_text() == "就业援助活动网"  # Save_as did not replace the home page


def test_no_script_url_or_handler_anywhere_feeds_included(site):
    findings = check_site(site["output"])
    assert not findings.problems, findings.problems[:10]
    entries = feedparser.parse((site["output"] / "news" / "atom.xml").read_bytes()).entries
    assert entries and all(entry.link.startswith("/news/") for entry in entries)  # our own pages only


def test_link_placeholders_in_scraped_text_stay_text(site):
    assert not (site["output"] / "campaigns.yaml").exists()
    page = next((site["output"] / "news").glob("2026*/index.html")).read_text(encoding="utf-8")
    image = BeautifulSoup(page, "html5lib").select_one(".content img")
    assert image["alt"] == "x href='{static}/campaigns.yaml' y"


def test_links_in_an_editors_body_are_parsed(site):
    page = BeautifulSoup((site["output"] / "news" / "linker" / "index.html").read_text(encoding="utf-8"), "html5lib")
    hrefs = [a.get("href") for a in page.select(".content a")]
    assert "https://evil.example/x" in hrefs  # protocol-relative, made explicit
    assert not [h for h in hrefs if h and "javascript" in h]


def test_invoke_check_names_the_same_files(site):
    out = site["check"].stdout
    assert site["check"].returncode == 1
    for name, field in (("url-js.md", "url"), ("slug.md", "slug"), ("home.md", "save_as"), ("twice.md", "title"),
                        ("template.md", "template"), ("lang.md", "lang"), ("hidden.md", "status")):  # fmt: skip
        assert re.search(rf"{name}(:\d+)?: 字段 {field} = ", out), (name, out)
    assert "字段重复出现" in out


def test_one_malformed_row_or_page_spares_the_rest_of_its_source(site):
    log = site["scrape"].stderr
    assert "[pages]" in log and "JSON 格式错误" in log
    titles = {
        BeautifulSoup(p.read_text(encoding="utf-8"), "html5lib").find("h1").get_text()
        for p in (site["output"] / "jobs").glob("*/index.html")
    }
    assert {"坏行之后的岗位", "深嵌套之后的岗位"} <= titles
